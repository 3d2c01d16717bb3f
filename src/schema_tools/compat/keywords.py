"""Keyword comparisons that need no recursion: annotations, `type`, `enum`/`const`, bounds, `multipleOf`,
`pattern`/`format`/content keywords, `uniqueItems`, and keywords nobody knows.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from schema_tools.compat.changes import MISSING
from schema_tools.compat.kinds import BOUNDS, VALUE_KEYWORDS, kebab

if TYPE_CHECKING:
    from schema_tools.compat.walk import Ctx, Walker

# Keywords that never change which documents are valid (draft-07 annotations, plus containers the walk
# reaches only through `$ref`).
ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "$comment",
        "examples",
        "default",
        "readOnly",
        "writeOnly",
        "deprecated",
        "$schema",
        "$id",
        "id",
        "definitions",
        "$defs",
    }
)
_ANNOTATION_KINDS = {
    "title": "title-changed",
    "description": "description-changed",
    "$id": "id-changed",
    "id": "id-changed",
    "$schema": "schema-dialect-changed",
    "default": "default-changed",
    "examples": "examples-changed",
}
# Every keyword some comparison looks at; the rest are compared as unknown annotations.
KNOWN = (
    ANNOTATIONS
    | set(BOUNDS)
    | set(VALUE_KEYWORDS)
    | {
        "type",
        "enum",
        "const",
        "multipleOf",
        "uniqueItems",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "properties",
        "required",
        "additionalProperties",
        "patternProperties",
        "propertyNames",
        "dependencies",
        "items",
        "additionalItems",
        "contains",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "$ref",
    }
)
_NUMBER_TYPES = {"number", "integer"}


def kebab_kind(keyword: str, suffix: str) -> str:
    return f"{kebab(keyword)}-{suffix}"


def is_empty_schema(schema: Any) -> bool:
    """`true`, `{}` or a schema of annotations only: it accepts everything."""
    return schema is True or (isinstance(schema, dict) and all(k in ANNOTATIONS for k in schema))


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def compare_annotations(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    for keyword, kind in _ANNOTATION_KINDS.items():
        a, b = old.get(keyword, MISSING), new.get(keyword, MISSING)
        if not _same(a, b):
            w.emit(kind, ctx.child(keyword), old=a, new=b, name=keyword, at_old=b is MISSING)
    for keyword in ("$comment", "readOnly", "writeOnly", "deprecated"):
        a, b = old.get(keyword, MISSING), new.get(keyword, MISSING)
        if not _same(a, b):
            w.emit("annotation-changed", ctx.child(keyword), old=a, new=b, name=keyword, at_old=b is MISSING)


def _same(a: Any, b: Any) -> bool:
    from schema_tools.compat.walk import same

    return a is b or (a is not MISSING and b is not MISSING and same(a, b))


def compare_unknown(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    for keyword in [*old, *(k for k in new if k not in old)]:
        if keyword in KNOWN:
            continue
        a, b = old.get(keyword, MISSING), new.get(keyword, MISSING)
        if not _same(a, b):
            w.emit("annotation-changed", ctx.child(keyword), old=a, new=b, name=keyword, at_old=b is MISSING)


def _types(schema: dict[str, Any]) -> list[str] | None:
    value = schema.get("type")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(t, str) for t in value):
        return list(value)
    return None


def _semantic(types: set[str]) -> set[str]:
    # Every integer is a number: `number` accepts what `integer` does.
    return types | {"integer"} if "number" in types else types


def compare_type(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    a, b = _types(old), _types(new)
    if a is None and b is None:
        return
    here = ctx.child("type")
    if a is None:
        w.emit("type-added", here, new=new["type"])
        return
    if b is None:
        w.emit("type-removed", here, old=old["type"], at_old=True)
        return
    sa, sb = set(a), set(b)
    ea, eb = _semantic(sa), _semantic(sb)
    if ea == eb:
        return
    # Same number of types, differing only by integer/number: a widening or narrowing of numbers.
    numeric_swap = len(sa) == len(sb) and (sa ^ sb) <= _NUMBER_TYPES
    if eb >= ea:
        kind = "type-widened" if numeric_swap else "type-extended"
    elif eb <= ea:
        kind = "type-narrowed" if numeric_swap else "type-reduced"
    else:
        kind = "type-changed"
    w.emit(kind, here, old=old["type"], new=new["type"])


def canonical(value: Any) -> str:
    """A key equal for JSON-equal values: `1` and `1.0` match, `true` and `1` do not."""
    return json.dumps(_normalize(value), sort_keys=True, ensure_ascii=False)


def _normalize(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _normalize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    return value


def _allowed(schema: dict[str, Any]) -> list[Any] | None:
    """The values `enum` and `const` allow together, or None when they allow anything."""
    values = list(schema["enum"]) if isinstance(schema.get("enum"), list) else None
    if "const" in schema:
        const = schema["const"]
        values = [const] if values is None or canonical(const) in {canonical(v) for v in values} else []
    return values


def compare_values(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    a, b = _allowed(old), _allowed(new)
    if a is None and b is None:
        return
    only_const = "enum" not in old and "enum" not in new
    if a is None:
        kw = "const" if "enum" not in new else "enum"
        w.emit(f"{kw}-added", ctx.child(kw), new=new[kw])
        return
    if b is None:
        kw = "const" if "enum" not in old else "enum"
        w.emit(f"{kw}-removed", ctx.child(kw), old=old[kw], at_old=True)
        return
    keys_a = {canonical(v): v for v in a}
    keys_b = {canonical(v): v for v in b}
    added = [v for k, v in keys_b.items() if k not in keys_a]
    removed = [v for k, v in keys_a.items() if k not in keys_b]
    if only_const:
        if added or removed:
            w.emit("const-changed", ctx.child("const"), old=old["const"], new=new["const"])
        return
    here = ctx.child("enum" if "enum" in new else "const")
    if added:
        w.emit("enum-values-added", here, new=added)
    if removed:
        w.emit("enum-values-removed", here, old=removed)


def _bound(schema: dict[str, Any], upper: bool) -> tuple[float, bool, str] | None:
    """The effective (value, exclusive, keyword) lower or upper bound of a number schema.

    draft-04 writes an exclusive bound as `minimum` + `exclusiveMinimum: true`, draft-06 and later as
    `exclusiveMinimum: <number>`; both forms are read, and the tighter bound wins.
    """
    plain, exclusive = ("maximum", "exclusiveMaximum") if upper else ("minimum", "exclusiveMinimum")
    found: list[tuple[float, bool, str]] = []
    if is_number(schema.get(plain)):
        found.append((schema[plain], schema.get(exclusive) is True, plain))
    if is_number(schema.get(exclusive)):
        found.append((schema[exclusive], True, exclusive))
    if not found:
        return None
    # An upper bound is tighter when smaller (exclusive first); a lower one when larger (exclusive last).
    return min(found, key=lambda b: (b[0], not b[1])) if upper else max(found, key=lambda b: (b[0], b[1]))


def _show_bound(bound: tuple[float, bool, str]) -> Any:
    return f"{bound[0]} (exclusive)" if bound[1] else bound[0]


def compare_bounds(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    for keyword, upper in BOUNDS.items():
        if keyword in ("minimum", "maximum"):
            ba, bb = _bound(old, upper), _bound(new, upper)
            if (ba is None and bb is None) or (ba is not None and bb is not None and ba[:2] == bb[:2]):
                continue
            a = MISSING if ba is None else _show_bound(ba)
            b = MISSING if bb is None else _show_bound(bb)
            tighter = (
                ba is not None
                and bb is not None
                and ((bb[0], not bb[1]) < (ba[0], not ba[1]) if upper else (bb[0], bb[1]) > (ba[0], ba[1]))
            )
            where_old, where_new = (ba or bb)[2], (bb or ba)[2]  # type: ignore[index]
        else:
            va, vb = old.get(keyword), new.get(keyword)
            va = va if is_number(va) else None
            vb = vb if is_number(vb) else None
            if va == vb:
                continue
            a = MISSING if va is None else va
            b = MISSING if vb is None else vb
            tighter = va is not None and vb is not None and (vb < va if upper else vb > va)
            where_old = where_new = keyword
        prefix = kebab(keyword)
        if a is MISSING:
            w.emit(f"{prefix}-added", ctx.child(where_new), new=b)
        elif b is MISSING:
            w.emit(f"{prefix}-removed", ctx.child(where_old), old=a, at_old=True)
        else:
            w.emit(f"{prefix}-{'tightened' if tighter else 'relaxed'}", ctx.child(where_new), old=a, new=b)


def _fraction(value: Any) -> Fraction | None:
    if not is_number(value) or value <= 0:
        return None
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


def compare_simple(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    """`multipleOf`, the equality-only keywords and `uniqueItems`."""
    a, b = old.get("multipleOf", MISSING), new.get("multipleOf", MISSING)
    if a != b:
        here = ctx.child("multipleOf")
        fa, fb = _fraction(a), _fraction(b)
        if a is MISSING:
            w.emit("multiple-of-added", here, new=b)
        elif b is MISSING:
            w.emit("multiple-of-removed", here, old=a, at_old=True)
        elif fa is not None and fb is not None and (fa / fb).denominator == 1:
            w.emit("multiple-of-relaxed", here, old=a, new=b)  # every multiple of a is one of b
        elif fa is not None and fb is not None and (fb / fa).denominator == 1:
            w.emit("multiple-of-tightened", here, old=a, new=b)
        else:
            w.emit("multiple-of-changed", here, old=a, new=b)
    for keyword in VALUE_KEYWORDS:
        a, b = old.get(keyword, MISSING), new.get(keyword, MISSING)
        if a == b:
            continue
        suffix = "added" if a is MISSING else "removed" if b is MISSING else "changed"
        w.emit(kebab_kind(keyword, suffix), ctx.child(keyword), old=a, new=b, at_old=b is MISSING)
    ua, ub = old.get("uniqueItems") is True, new.get("uniqueItems") is True
    if ua != ub:
        w.emit(
            "unique-items-added" if ub else "unique-items-removed",
            ctx.child("uniqueItems"),
            old=old.get("uniqueItems", MISSING),
            new=new.get("uniqueItems", MISSING),
            at_old=not ub,
        )


def compare_unresolved_refs(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    """`$ref`s the walker could not follow (other documents): compared as text."""
    a, b = old.get("$ref", MISSING), new.get("$ref", MISSING)
    if a != b:
        w.emit("ref-changed", ctx.child("$ref"), old=a, new=b)

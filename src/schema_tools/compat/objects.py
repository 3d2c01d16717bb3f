"""Objects: `properties` under their content model, `required`, `additionalProperties`,
`patternProperties`, `propertyNames`, `dependencies`.

A property that exists on one side only is judged by the *other* side's schema for unlisted names
(its slot): the first matching `patternProperties` schema, else `additionalProperties` (absent = true).
Three content models follow (Confluent's taxonomy): open (the slot accepts anything), closed (`false`)
and partially open (a schema, compared with the property's own schema). The same logic serves the
items of tuple arrays (arrays.py), with `additionalItems` as the slot.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from schema_tools.compat.changes import MISSING
from schema_tools.compat.keywords import is_empty_schema

if TYPE_CHECKING:
    from schema_tools.compat.walk import Ctx, Walker

Slot = tuple[Any, str]  # (schema for unlisted members, its JSON Pointer)


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except (re.error, TypeError):
        return None  # an ECMA-262 construct Python lacks: the pattern is treated as matching nothing


def _mapping(schema: dict[str, Any], keyword: str) -> dict[str, Any]:
    value = schema.get(keyword)
    return value if isinstance(value, dict) else {}


def property_slot(schema: dict[str, Any], name: str, pointer: str) -> Slot:
    """The schema `schema` applies to a property `name` it does not list, and where it is written."""
    from schema_tools.compat.walk import join

    for pattern, subschema in _mapping(schema, "patternProperties").items():
        regex = _regex(pattern)
        if regex is not None and regex.search(name):
            return subschema, join(pointer, "patternProperties", pattern)
    return schema.get("additionalProperties", True), join(pointer, "additionalProperties")


def member_added(w: Walker, noun: str, name: str, slot: Slot, schema: Any, ctx: Ctx) -> None:
    """`ctx.new` is the new member's pointer; `slot` is the old schema that covered it."""
    slot_schema, slot_pointer = slot
    if is_empty_schema(slot_schema):
        kind = "with-empty-schema-added-to-open" if is_empty_schema(schema) else "added-to-open"
        w.emit(f"{noun}-{kind}-content-model", ctx, new=schema, name=name)
    elif slot_schema is False:
        w.emit(
            f"{noun}-added-to-closed-content-model",
            ctx,
            new=schema,
            name=name,
            effect=_none_if(schema is False),
        )
    else:
        nested = w.collect(lambda: w.compare(slot_schema, schema, ctx.at(slot_pointer, ctx.new)))
        w.extend(nested)
        covered = "covered" if not any(c.effect.breaks_backward for c in nested) else "not-covered"
        w.emit(f"{noun}-added-{covered}-by-partially-open-content-model", ctx, new=schema, name=name)


def member_removed(w: Walker, noun: str, name: str, schema: Any, slot: Slot, ctx: Ctx) -> None:
    """`ctx.old` is the removed member's pointer; `slot` is the new schema that now covers it."""
    slot_schema, slot_pointer = slot
    if is_empty_schema(slot_schema):
        w.emit(
            f"{noun}-removed-from-open-content-model",
            ctx,
            old=schema,
            name=name,
            at_old=True,
            effect=_none_if(is_empty_schema(schema)),
        )
    elif slot_schema is False:
        kind = "with-false-removed-from" if schema is False else "removed-from"
        w.emit(f"{noun}-{kind}-closed-content-model", ctx, old=schema, name=name, at_old=True)
    else:
        nested = w.collect(lambda: w.compare(schema, slot_schema, ctx.at(ctx.old, slot_pointer)))
        w.extend(nested)
        covered = "covered" if not any(c.effect.breaks_backward for c in nested) else "not-covered"
        w.emit(
            f"{noun}-removed-{covered}-by-partially-open-content-model",
            ctx,
            old=schema,
            name=name,
            at_old=True,
        )


def _none_if(condition: bool) -> Any:
    from schema_tools.compat.kinds import Effect

    return Effect.NONE if condition else None


def compare_object(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    from schema_tools.compat.walk import join

    old_props, new_props = _mapping(old, "properties"), _mapping(new, "properties")
    here = ctx.child("properties")
    for name in [*new_props, *(n for n in old_props if n not in new_props)]:
        member = here.child(name)
        if name in old_props and name in new_props:
            w.compare(old_props[name], new_props[name], member)
        elif name in new_props:
            member_added(w, "property", name, property_slot(old, name, ctx.old), new_props[name], member)
        else:
            member_removed(w, "property", name, old_props[name], property_slot(new, name, ctx.new), member)
    _compare_required(w, old, new, new_props, ctx)
    compare_additional(w, old, new, "additionalProperties", ctx)
    old_patterns, new_patterns = _mapping(old, "patternProperties"), _mapping(new, "patternProperties")
    for pattern in [*new_patterns, *(p for p in old_patterns if p not in new_patterns)]:
        member = ctx.child("patternProperties", pattern)
        if pattern in old_patterns and pattern in new_patterns:
            w.compare(old_patterns[pattern], new_patterns[pattern], member)
        elif pattern in new_patterns:
            slot = (old.get("additionalProperties", True), join(ctx.old, "additionalProperties"))
            _pattern_changed(w, "added", pattern, slot, new_patterns[pattern], member)
        else:
            slot = (new.get("additionalProperties", True), join(ctx.new, "additionalProperties"))
            _pattern_changed(w, "removed", pattern, slot, old_patterns[pattern], member)
    w.compare_subschema(old, new, "propertyNames", ctx)
    _compare_dependencies(w, old, new, ctx)


def _pattern_changed(w: Walker, how: str, pattern: str, slot: Slot, schema: Any, ctx: Ctx) -> None:
    """Names matching a new (removed) pattern were (are now) governed by additionalProperties."""
    from schema_tools.compat.kinds import Effect

    slot_schema, slot_pointer = slot
    added = how == "added"
    if is_empty_schema(slot_schema):
        effect = Effect.NONE if is_empty_schema(schema) else Effect.NARROWS if added else Effect.WIDENS
    elif slot_schema is False:
        effect = Effect.NONE if schema is False else Effect.WIDENS if added else Effect.NARROWS
    else:
        effect = Effect.NONE
        if added:
            w.compare(slot_schema, schema, ctx.at(slot_pointer, ctx.new))
        else:
            w.compare(schema, slot_schema, ctx.at(ctx.old, slot_pointer))
    w.emit(
        f"pattern-property-{how}",
        ctx,
        name=pattern,
        effect=effect,
        at_old=not added,
        **({"new": schema} if added else {"old": schema}),
    )


def _compare_required(
    w: Walker, old: dict[str, Any], new: dict[str, Any], new_props: dict[str, Any], ctx: Ctx
) -> None:
    a = (
        [n for n in old.get("required") or () if isinstance(n, str)]
        if isinstance(old.get("required"), list)
        else []
    )
    b = (
        [n for n in new.get("required") or () if isinstance(n, str)]
        if isinstance(new.get("required"), list)
        else []
    )
    if set(a) == set(b):
        return
    here = ctx.child("required")
    for name in b:
        if name not in a:
            prop = new_props.get(name)
            with_default = isinstance(prop, dict) and "default" in prop
            kind = "required-property-with-default-added" if with_default else "required-property-added"
            w.emit(kind, here, name=name, new=b)
    for name in a:
        if name not in b:
            w.emit(
                "required-property-removed", here, name=name, old=a, new=b if "required" in new else MISSING
            )


def compare_additional(
    w: Walker,
    old: dict[str, Any],
    new: dict[str, Any],
    keyword: str,
    ctx: Ctx,
    views: tuple[tuple[Any, str], tuple[Any, str]] | None = None,
) -> None:
    """additionalProperties / additionalItems: closed, opened, narrowed to a schema, widened, or compared.

    views: (value, pointer) per side, when the caller derived them (tuple arrays written in schema form).
    """
    from schema_tools.compat.walk import join

    if views is None:
        if keyword not in old and keyword not in new:
            return
        views = (
            (old.get(keyword, True), join(ctx.old, keyword)),
            (new.get(keyword, True), join(ctx.new, keyword)),
        )
    (a, pa), (b, pb) = views
    prefix = "additional-properties" if keyword == "additionalProperties" else "additional-items"
    here = ctx.at(pa, pb)
    if a is False and b is False:
        return
    if b is False:
        w.emit(f"{prefix}-closed", here, old=a, new=b)
    elif a is False:
        w.emit(f"{prefix}-opened", here, old=a, new=b)
    elif is_empty_schema(a) and is_empty_schema(b):
        return
    elif is_empty_schema(a):
        w.emit(f"{prefix}-narrowed", here, old=a, new=b)
    elif is_empty_schema(b):
        w.emit(f"{prefix}-widened", here, old=a, new=b)
    else:
        w.compare(a, b, here)


def _compare_dependencies(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    a, b = _mapping(old, "dependencies"), _mapping(new, "dependencies")
    for name in [*b, *(n for n in a if n not in b)]:
        da, db = a.get(name, MISSING), b.get(name, MISSING)
        here = ctx.child("dependencies", name)
        if da == db:
            continue
        if da is MISSING:
            kind = "array" if isinstance(db, list) else "schema"
            w.emit(f"dependency-{kind}-added", here, new=db, name=name)
        elif db is MISSING:
            kind = "array" if isinstance(da, list) else "schema"
            w.emit(f"dependency-{kind}-removed", here, old=da, name=name, at_old=True)
        elif isinstance(da, list) and isinstance(db, list):
            sa, sb = set(map(str, da)), set(map(str, db))
            if sa == sb:
                continue
            kind = "extended" if sb > sa else "narrowed" if sb < sa else "changed"
            w.emit(f"dependency-array-{kind}", here, old=da, new=db, name=name)
        elif isinstance(da, list) or isinstance(db, list):
            w.emit("dependency-changed", here, old=da, new=db, name=name)
        else:
            w.compare(da, db, here)

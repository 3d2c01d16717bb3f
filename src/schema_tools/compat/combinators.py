"""`allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`.

Members of a combinator are paired before they are compared: identical members first, then the pairs
with the fewest and mildest changes (position breaking ties), so a reordered `oneOf` is no change and
an edited member is reported by its own changes. Members left over were added or removed. A plain
schema that becomes a union (`{type: string}` → `oneOf: [{type: number}, {type: string}]`) is compared
as a one-member union, so the result names the member that was added.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from schema_tools.compat.changes import Change
from schema_tools.compat.keywords import ANNOTATIONS, compare_annotations
from schema_tools.compat.kinds import Effect, kebab

if TYPE_CHECKING:
    from schema_tools.compat.walk import Ctx, Walker

COMBINATORS = ("allOf", "anyOf", "oneOf")
_WEIGHT = {Effect.NONE: 0.01, Effect.WIDENS: 1.0, Effect.NARROWS: 1.0, Effect.CHANGES: 2.0}
# A pair costing more than a removal plus an addition (one narrowing, one widening) is not a pair.
_PAIR_LIMIT = 2.0
# Switching combinators, for members that stay the same (singletons are the same in all three).
_SWITCH = {
    ("allOf", "anyOf"): "combinator-widened",
    ("oneOf", "anyOf"): "combinator-widened",
    ("anyOf", "oneOf"): "combinator-narrowed",
    ("anyOf", "allOf"): "combinator-narrowed",
    ("allOf", "oneOf"): "combinator-changed",
    ("oneOf", "allOf"): "combinator-changed",
}


def _combinators(schema: dict[str, Any]) -> list[str]:
    return [k for k in COMBINATORS if isinstance(schema.get(k), list)]


def _is_pure(schema: dict[str, Any], keyword: str) -> bool:
    """Nothing but the combinator and annotations: the schema *is* the union."""
    return all(k == keyword or k in ANNOTATIONS for k in schema)


def _strip(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k not in ANNOTATIONS}


def lift(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> bool:
    """Compare a plain schema with a pure anyOf/oneOf union as a one-member union; False if not that case."""
    oc, nc = _combinators(old), _combinators(new)
    if not oc and len(nc) == 1 and nc[0] != "allOf" and _is_pure(new, nc[0]):
        keyword = nc[0]
        compare_annotations(w, old, new, ctx)
        members(w, keyword, keyword, [(_strip(old), ctx.old)], _listed(new[keyword], ctx.new, keyword), ctx)
        return True
    if not nc and len(oc) == 1 and oc[0] != "allOf" and _is_pure(old, oc[0]):
        keyword = oc[0]
        compare_annotations(w, old, new, ctx)
        members(w, keyword, keyword, _listed(old[keyword], ctx.old, keyword), [(_strip(new), ctx.new)], ctx)
        return True
    return False


def _listed(items: list[Any], pointer: str, keyword: str) -> list[tuple[Any, str]]:
    from schema_tools.compat.walk import join

    return [(item, join(pointer, keyword, index)) for index, item in enumerate(items)]


def compare_combinators(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    oc, nc = _combinators(old), _combinators(new)
    if len(oc) == 1 and len(nc) == 1 and oc != nc:
        a, b = oc[0], nc[0]
        # With one member each, allOf, anyOf and oneOf all mean that member.
        singletons = len(old[a]) == 1 and len(new[b]) == 1
        w.emit("combinator-rewritten" if singletons else _SWITCH[a, b], ctx.child(b), old=a, new=b)
        members(w, a, b, _listed(old[a], ctx.old, a), _listed(new[b], ctx.new, b), ctx)
    else:
        for keyword in COMBINATORS:
            old_list, new_list = old.get(keyword), new.get(keyword)
            if isinstance(old_list, list) and isinstance(new_list, list):
                members(
                    w,
                    keyword,
                    keyword,
                    _listed(old_list, ctx.old, keyword),
                    _listed(new_list, ctx.new, keyword),
                    ctx,
                )
            elif isinstance(new_list, list):
                w.emit(f"{kebab(keyword)}-added", ctx.child(keyword), new=new_list)
            elif isinstance(old_list, list):
                w.emit(f"{kebab(keyword)}-removed", ctx.child(keyword), old=old_list, at_old=True)
    _compare_not(w, old, new, ctx)
    _compare_conditional(w, old, new, ctx)


def members(
    w: Walker,
    old_keyword: str,
    new_keyword: str,
    old_members: list[tuple[Any, str]],
    new_members: list[tuple[Any, str]],
    ctx: Ctx,
) -> None:
    """Pair old and new members, compare each pair, and report the members left over."""
    candidates: list[tuple[float, int, int, int, list[Change]]] = []
    for i, (a, pa) in enumerate(old_members):
        for j, (b, pb) in enumerate(new_members):
            found = w.collect(partial(w.compare, a, b, ctx.at(pa, pb)))
            cost = sum(_WEIGHT[c.effect] for c in found)
            if cost <= _PAIR_LIMIT:
                candidates.append((cost, abs(i - j), i, j, found))
            if cost == 0:
                break  # an identical member: nothing can pair better
    candidates.sort(key=lambda c: c[:4])
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    for _cost, _distance, i, j, found in candidates:
        if i not in paired_old and j not in paired_new:
            paired_old.add(i)
            paired_new.add(j)
            w.extend(found)
    for i, (a, pa) in enumerate(old_members):
        if i not in paired_old:
            w.emit(f"{kebab(old_keyword)}-member-removed", ctx.at(pa, ctx.new), old=a, at_old=True)
    for j, (b, pb) in enumerate(new_members):
        if j not in paired_new:
            w.emit(f"{kebab(new_keyword)}-member-added", ctx.at(ctx.old, pb), new=b)


def _compare_not(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    if "not" in old and "not" in new:
        # What widens the inner schema narrows the outer one.
        w.compare(old["not"], new["not"], ctx.child("not").invert())
    elif "not" in new:
        w.emit("not-added", ctx.child("not"), new=new["not"])
    elif "not" in old:
        w.emit("not-removed", ctx.child("not"), old=old["not"], at_old=True)


def _compare_conditional(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    if "if" in old and "if" in new:
        # A changed condition moves documents between `then` and `else`: nothing can be said for sure.
        inner = w.collect(lambda: w.compare(old["if"], new["if"], ctx.child("if")))
        if any(c.effect is not Effect.NONE for c in inner):
            w.emit("if-changed", ctx.child("if"), old=old["if"], new=new["if"])
    elif "if" in new:
        w.emit("if-added", ctx.child("if"), new=new["if"])
    elif "if" in old:
        w.emit("if-removed", ctx.child("if"), old=old["if"], at_old=True)
    for keyword in ("then", "else"):
        a, b = old.get(keyword), new.get(keyword)
        if isinstance(a, dict) and isinstance(b, dict):
            a, b = _with_enclosing_types(a, old, b, new)
            w.compare(a, b, ctx.child(keyword))
        else:
            w.compare_subschema(old, new, keyword, ctx)


def _with_enclosing_types(a: Any, outer_a: Any, b: Any, outer_b: Any) -> tuple[Any, Any]:
    """Branches with a `type` that only one side states filled in from the enclosing schema on the other.

    `then: {properties: {x: {type: string}}}` adds nothing when the schema around it already says
    `properties: {x: {type: string}}`: a branch applies together with the schema it is in.
    """
    if not (
        isinstance(a, dict)
        and isinstance(b, dict)
        and isinstance(outer_a, dict)
        and isinstance(outer_b, dict)
    ):
        return a, b
    a, b = dict(a), dict(b)
    if "type" in b and "type" not in a and "type" in outer_a:
        a["type"] = outer_a["type"]
    elif "type" in a and "type" not in b and "type" in outer_b:
        b["type"] = outer_b["type"]
    props_a, props_b = a.get("properties"), b.get("properties")
    if isinstance(props_a, dict) and isinstance(props_b, dict):
        outer_props_a = outer_a["properties"] if isinstance(outer_a.get("properties"), dict) else {}
        outer_props_b = outer_b["properties"] if isinstance(outer_b.get("properties"), dict) else {}
        props_a, props_b = dict(props_a), dict(props_b)
        for name in props_a.keys() & props_b.keys():
            props_a[name], props_b[name] = _with_enclosing_types(
                props_a[name], outer_props_a.get(name), props_b[name], outer_props_b.get(name)
            )
        a["properties"], b["properties"] = props_a, props_b
    return a, b

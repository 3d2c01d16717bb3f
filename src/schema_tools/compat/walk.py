"""The walker: pairs the subschemas of two versions and hands each pair to the keyword comparisons.

The walker owns the pairing concerns (pointers on both sides, `$ref`s, cycles, `not` turning effects
around, de-duplication); the keyword modules (keywords.py, objects.py, arrays.py, combinators.py) only
compare one pair of nodes and emit changes through `Walker.emit` — the split buf and karapace use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from schema_tools.compat.changes import MISSING, Change
from schema_tools.compat.kinds import KINDS, Effect
from schema_tools.compat.refs import LocalRefs
from schema_tools.pointer import escape_token

_MAX_REF_CHAIN = 32  # `$ref` to `$ref` to …; beyond this a chain is a cycle and is compared as text


@dataclass(frozen=True)
class Ctx:
    """Where the walk is: a JSON Pointer in each version, and whether an odd number of `not`s is above."""

    old: str = ""
    new: str = ""
    inverted: bool = False
    via: tuple[str, ...] = ()

    def child(self, *tokens: str | int) -> Ctx:
        suffix = "".join("/" + escape_token(str(t)) for t in tokens)
        return replace(self, old=self.old + suffix, new=self.new + suffix)

    def at(self, old: str, new: str) -> Ctx:
        return replace(self, old=old, new=new)

    def invert(self) -> Ctx:
        return replace(self, inverted=not self.inverted)


def join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape_token(str(t)) for t in tokens)


def same(a: Any, b: Any) -> bool:
    """JSON equality where Python's is too loose: `true` is not `1` (1 and 1.0 stay equal, as in JSON)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


class Walker:
    """One comparison of two documents; `run()` returns the changes."""

    def __init__(self, old_root: Any, new_root: Any) -> None:
        self.roots = (old_root, new_root)
        self.refs = (LocalRefs(old_root), LocalRefs(new_root))
        self.changes: list[Change] = []
        self._seen: set[tuple[str, str, str | None]] = set()
        self._active: set[tuple[int, int, bool]] = set()

    def run(self) -> list[Change]:
        self.compare(self.roots[0], self.roots[1], Ctx())
        return self.changes

    # -- emitting ---------------------------------------------------------------------------------

    def emit(
        self,
        kind: str,
        ctx: Ctx,
        *,
        old: Any = MISSING,
        new: Any = MISSING,
        name: str | None = None,
        at_old: bool = False,
        effect: Effect | None = None,
        pointer: str | None = None,
    ) -> None:
        """Record a change at the new pointer (the old one with at_old, for things that are gone)."""
        effect = KINDS[kind].effect if effect is None else effect
        if ctx.inverted:
            effect = effect.inverted()
        where = pointer if pointer is not None else (ctx.old if at_old else ctx.new)
        self.add(Change(kind, where, effect, old, new, name, ctx.via))

    def add(self, change: Change) -> None:
        # The same subschema reached through two `$ref`s reports its changes once, at the target.
        key = (change.kind, change.pointer, change.name)
        if key not in self._seen:
            self._seen.add(key)
            self.changes.append(change)

    def extend(self, changes: Iterable[Change]) -> None:
        for change in changes:
            self.add(change)

    def collect(self, action: Callable[[], None]) -> list[Change]:
        """Run a comparison on the side, returning its changes instead of recording them."""
        saved = self.changes, self._seen
        self.changes, self._seen = [], set()
        try:
            action()
            return self.changes
        finally:
            self.changes, self._seen = saved

    # -- pairing ----------------------------------------------------------------------------------

    def compare(self, old: Any, new: Any, ctx: Ctx) -> None:
        """Compare two subschemas (following local `$ref`s on either side)."""
        old, ctx = self._follow(old, ctx, 0)
        new, ctx = self._follow(new, ctx, 1)
        if old is new:
            return
        # Equal subtrees have no changes, unless a `$ref` inside them points into parts that differ.
        if (
            old == new
            and same(old, new)
            and not (self.refs[0].contains_ref(old) or self.refs[1].contains_ref(new))
        ):
            return
        key = (id(old), id(new), ctx.inverted)
        if key in self._active:
            return  # a recursive schema: this pair is already being compared further up
        self._active.add(key)
        try:
            self._compare_nodes(old, new, ctx)
        finally:
            self._active.discard(key)

    def _follow(self, node: Any, ctx: Ctx, side: int) -> tuple[Any, Ctx]:
        for _ in range(_MAX_REF_CHAIN):
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(ref, str):
                break
            target = self.refs[side].resolve(ref)
            if target is None:
                break
            node, pointer = target
            ctx = replace(ctx, via=(*ctx.via, ref)) if side == 1 else ctx
            ctx = ctx.at(pointer, ctx.new) if side == 0 else ctx.at(ctx.old, pointer)
        return node, ctx

    def _compare_nodes(self, old: Any, new: Any, ctx: Ctx) -> None:
        from schema_tools.compat import arrays, combinators, keywords, objects

        if old is False or new is False:
            if new is False and old is not False:
                self.emit("false-schema-added", ctx, old=old, new=False)
            elif old is False and new is not False:
                self.emit("false-schema-removed", ctx, old=False, new=new)
            return
        old = {} if old is True else old
        new = {} if new is True else new
        if not isinstance(old, dict) or not isinstance(new, dict):
            if old != new:
                self.emit("schema-changed", ctx, old=old, new=new)
            return
        if combinators.lift(self, old, new, ctx):
            return
        keywords.compare_annotations(self, old, new, ctx)
        keywords.compare_type(self, old, new, ctx)
        keywords.compare_values(self, old, new, ctx)
        keywords.compare_bounds(self, old, new, ctx)
        keywords.compare_simple(self, old, new, ctx)
        objects.compare_object(self, old, new, ctx)
        arrays.compare_array(self, old, new, ctx)
        combinators.compare_combinators(self, old, new, ctx)
        keywords.compare_unresolved_refs(self, old, new, ctx)
        keywords.compare_unknown(self, old, new, ctx)

    def compare_subschema(self, old: dict[str, Any], new: dict[str, Any], keyword: str, ctx: Ctx) -> None:
        """A keyword holding one subschema (`items`, `contains`, …): added, removed, or compared."""
        from schema_tools.compat.keywords import is_empty_schema, kebab_kind

        a, b = old.get(keyword, MISSING), new.get(keyword, MISSING)
        a_empty = a is MISSING or is_empty_schema(a)
        b_empty = b is MISSING or is_empty_schema(b)
        if a_empty and b_empty:
            return
        if a_empty:
            self.emit(kebab_kind(keyword, "added"), ctx.child(keyword), new=b)
        elif b_empty:
            self.emit(kebab_kind(keyword, "removed"), ctx.child(keyword), old=a, at_old=True)
        else:
            self.compare(a, b, ctx.child(keyword))

"""Arrays: `items` (one schema for every item, or a tuple of positional schemas), `additionalItems`,
`contains`. Bounds and `uniqueItems` are in keywords.py.

A tuple item present on one side only is judged by the other side's `additionalItems` (objects.py's
content-model logic). When only one side is a tuple, the other side's single `items` schema is read as
an empty tuple whose additional items follow that schema — which is what it means.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schema_tools.compat.changes import MISSING
from schema_tools.compat.objects import compare_additional, member_added, member_removed

if TYPE_CHECKING:
    from schema_tools.compat.walk import Ctx, Walker


def _tuple_view(schema: dict[str, Any], pointer: str) -> tuple[list[Any], tuple[Any, str]]:
    """(positional schemas, (schema for the other items, its pointer)) of an array schema."""
    from schema_tools.compat.walk import join

    items = schema.get("items", MISSING)
    if isinstance(items, list):
        return items, (schema.get("additionalItems", True), join(pointer, "additionalItems"))
    if items is MISSING:
        return [], (True, join(pointer, "items"))
    return [], (items, join(pointer, "items"))


def compare_array(w: Walker, old: dict[str, Any], new: dict[str, Any], ctx: Ctx) -> None:
    a, b = old.get("items", MISSING), new.get("items", MISSING)
    if isinstance(a, list) or isinstance(b, list):
        old_items, old_rest = _tuple_view(old, ctx.old)
        new_items, new_rest = _tuple_view(new, ctx.new)
        for index in range(max(len(old_items), len(new_items))):
            member = ctx.child("items", index)
            if index < len(old_items) and index < len(new_items):
                w.compare(old_items[index], new_items[index], member)
            elif index < len(new_items):
                member_added(w, "item", str(index), old_rest, new_items[index], member)
            else:
                member_removed(w, "item", str(index), old_items[index], new_rest, member)
        compare_additional(w, old, new, "additionalItems", ctx, views=(old_rest, new_rest))
    else:
        w.compare_subschema(old, new, "items", ctx)
        # additionalItems means nothing without a tuple, but registries still hold it to its word.
        compare_additional(w, old, new, "additionalItems", ctx)
    w.compare_subschema(old, new, "contains", ctx)

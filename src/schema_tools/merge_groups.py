"""The two keyword groups of the `allOf` merge: properties and items (json-schema-merge-allof 0.6.0).

`properties`, `patternProperties` and `additionalProperties` are resolved together, as are `items` and
`additionalItems`, because each depends on the others: a tuple `items` position falls back on the
member's `additionalItems`, and `additionalProperties: false` drops properties whose schema is `false`.
The merge recurses through the `merge_schemas` callable that merge.py passes in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from schema_tools.documents.collation import is_js_array_index
from schema_tools.errors import MergeError
from schema_tools.merge_compare import compare
from schema_tools.merge_js import (
    UNDEFINED,
    guarded_get,
    has_own,
    is_falsy,
    js_keys,
    js_reorder,
    prop,
    uniq_with,
)
from schema_tools.merge_resolvers import SubMerge

Path = tuple[str, ...]
MergeSchemas = Callable[[Any, Any, Path], Any]  # (schemas, base, path) -> merged, or UNDEFINED

PROPERTY_RELATED = ("properties", "patternProperties", "additionalProperties")
ITEMS_RELATED = ("items", "additionalItems")


def pointer(path: Path) -> str:
    """The JSON Pointer of a path."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in path)


def all_unique_keys(values: list[Any]) -> list[str]:
    """`allUniqueKeys`: the keys of all values, first occurrence first."""
    # uniq(flattenDeep(keys)) of lists of strings: a plain first-occurrence dedup does the same.
    return list(dict.fromkeys([key for value in values for key in js_keys(value)]))


def sub_merger(merge_schemas: MergeSchemas, key: str, parents: Path) -> SubMerge:
    """`createRequiredSubMerger`: merges the schemas found under `key`/<sub_key>."""

    def merge(schemas: Any, sub_key: Any = UNDEFINED) -> Any:
        if sub_key is UNDEFINED:
            raise MergeError("internal error: a group merge needs the property name or index")
        return merge_schemas(schemas, None, (*parents, key, str(sub_key)))

    return merge


def resolve_group(
    keys: list[str], name: str, schemas: list[dict[str, Any]], parents: Path, merge_schemas: MergeSchemas
) -> dict[str, Any]:
    """`callGroupResolver`: resolve the keys of one group together; empty results are left out."""
    if not keys:
        return {}
    try:
        picked = [{k: s[k] for k in keys if k in s} for s in schemas]
        compacted = uniq_with(picked, compare)
        if name == "properties":
            result, not_empty = _resolve_properties(compacted, parents, merge_schemas), False
        else:
            result, not_empty = _resolve_items(compacted, parents, merge_schemas)
    except MergeError as error:
        if error.pointer is None:
            error.pointer = pointer((*parents, name))
        raise
    return {k: v for k, v in result.items() if not _is_empty_schema(v) or (k == "items" and not_empty)}


def _is_empty_schema(value: Any) -> bool:
    # Anything without keys except a boolean: {}, [], and (as in the reference) any scalar or undefined.
    return not js_keys(value) and value is not True and value is not False


def _resolve_properties(
    values: list[dict[str, Any]], parents: Path, merge_schemas: MergeSchemas
) -> dict[str, Any]:
    # With ignoreAdditionalProperties (the reference's setting) properties are not checked against the
    # other schemas' additionalProperties / patternProperties first.
    result = {
        "additionalProperties": merge_schemas(
            [prop(s, "additionalProperties") for s in values], None, (*parents, "additionalProperties")
        ),
        "patternProperties": _merge_schema_group(
            [prop(s, "patternProperties") for s in values],
            sub_merger(merge_schemas, "patternProperties", parents),
        ),
        "properties": _merge_schema_group(
            [prop(s, "properties") for s in values], sub_merger(merge_schemas, "properties", parents)
        ),
    }
    if result["additionalProperties"] is False and isinstance(result["properties"], dict):
        for name in list(result["properties"]):
            if result["properties"][name] is False:
                del result["properties"][name]
    return result


def _merge_schema_group(group: list[Any], merge: SubMerge) -> dict[str, Any]:
    """`mergeSchemaGroup` for maps (`properties`, `patternProperties`): merge name by name."""
    result: dict[str, Any] = {}
    for key in all_unique_keys(group):
        values = [v for v in (guarded_get(g, key) for g in group) if v is not UNDEFINED]
        merged = merge(uniq_with(values, compare), key)
        if merged is not UNDEFINED:
            result[key] = merged
    return js_reorder(result)


def _merge_item_group(
    values: list[dict[str, Any]], merge: SubMerge, items: list[Any]
) -> tuple[list[Any], bool]:
    """`mergeSchemaGroup` for tuple `items`: merge position by position.

    Also tells whether a non-index key was set: when object `items` are mixed with arrays, their keys land
    on the JavaScript array as plain properties. No output shows them, but they make the array count as
    non-empty, so an empty result is kept rather than cleaned up.
    """
    by_index: dict[int, Any] = {}
    named = False
    for key in all_unique_keys(items):
        schemas = [v for v in (_item_schema(sub, key) for sub in values) if v is not UNDEFINED]
        merged = merge(uniq_with(schemas, compare), key)
        if is_js_array_index(key):
            by_index[int(key)] = merged
        else:
            named = True
    size = max(by_index, default=-1) + 1
    # A position without a schema is `undefined` in the reference (written as null by JSON.stringify).
    return [None if by_index.get(i, UNDEFINED) is UNDEFINED else by_index[i] for i in range(size)], named


def _item_schema(sub: Any, key: str) -> Any:
    """`getItemSchemas`: the schema a member gives position `key` (its additionalItems past its tuple)."""
    if is_falsy(sub):
        return UNDEFINED
    items = prop(sub, "items")
    if not isinstance(items, list):
        return items
    at = prop(items, key)
    if isinstance(at, dict | bool):
        return at
    return sub["additionalItems"] if has_own(sub, "additionalItems") else UNDEFINED


def _resolve_items(
    values: list[dict[str, Any]], parents: Path, merge_schemas: MergeSchemas
) -> tuple[dict[str, Any], bool]:
    """The items group: returns the result and whether a tuple `items` counts as non-empty though it is []."""
    items = [prop(s, "items") for s in values]
    present = [i for i in items if i is not UNDEFINED]
    result: dict[str, Any] = {}
    not_empty = False
    if all(isinstance(i, dict | bool) for i in present):
        result["items"] = merge_schemas(items, None, (*parents, "items"))
    else:
        merge = sub_merger(merge_schemas, "items", parents)
        result["items"], not_empty = _merge_item_group(values, merge, items)
    # Past the tuples, each member's additionalItems (or its schema `items`) applies; with no tuple at
    # all, additionalItems is not merged and disappears, as in the reference.
    last: list[Any] | None = None
    if all(isinstance(i, list) for i in present):
        last = [prop(s, "additionalItems") for s in values]
    elif any(isinstance(i, list) for i in present):
        last = [
            UNDEFINED
            if is_falsy(s)
            else prop(s, "additionalItems" if isinstance(s.get("items"), list) else "items")
            for s in values
        ]
    if last is not None:
        result["additionalItems"] = merge_schemas(last, None, (*parents, "additionalItems"))
    if result.get("additionalItems") is False and isinstance(result["items"], list):
        _remove_false_from_array(result["items"])
    return result, not_empty


def _remove_false_from_array(target: list[Any]) -> None:
    # lodash forEach keeps counting over the original length while splicing, so the element right after
    # a removed `false` is skipped, as in the reference.
    for index in range(len(target)):
        if index < len(target) and target[index] is False:
            del target[index]

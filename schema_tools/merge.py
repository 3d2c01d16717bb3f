"""Merge `allOf` into the parent schema, as @wikimedia/jsonschema-tools does (json-schema-merge-allof 0.6.0).

The reference calls `mergeAllOf(schema, {ignoreAdditionalProperties: true, resolvers: {examples: <first>}})`
on the dereferenced schema. This is a line-by-line port of that module, because its details reach the
materialized files: which value wins, the order of keys and array items, which objects end up shared
(shared objects become YAML anchors), and even its oddities. In short:

* the schemas merged are the root (without `allOf`) then each `allOf` member, depth first;
* per keyword, duplicate values are dropped with json-schema-compare (merge_compare.py); a single value is
  kept as it is, several go to the keyword's resolver (merge_resolvers.py), and a keyword without one is
  an error;
* `properties`/`patternProperties`/`additionalProperties` and `items`/`additionalItems` are resolved as two
  groups, property by property and position by position; empty results of a group are dropped;
* every level works on a deep copy (lodash `cloneDeep`) of its inputs, and the root object itself is
  reused as the result, so sharing survives only inside values that are kept as they are.

See merge_js.py for the JavaScript semantics this relies on (undefined, equality, key order, sorting).
"""

from __future__ import annotations

import json
from typing import Any

from schema_tools.errors import MergeError
from schema_tools.merge_compare import SCHEMA_PROPS, compare
from schema_tools.merge_js import (
    UNDEFINED,
    clone_deep,
    flatten_deep,
    guarded_get,
    has_own,
    is_array_index,
    is_falsy,
    js_keys,
    js_reorder,
    prop,
    uniq,
    uniq_with,
)
from schema_tools.merge_resolvers import RESOLVERS, SubMerge

__all__ = ["merge_all_of"]

Path = tuple[str, ...]

_PROPERTY_RELATED = ("properties", "patternProperties", "additionalProperties")
_ITEMS_RELATED = ("items", "additionalItems")
_SCHEMA_GROUP_PROPS = frozenset({"properties", "patternProperties", "definitions", "dependencies"})
_SCHEMA_ARRAYS = frozenset({"anyOf", "oneOf"})


def merge_all_of(schema: dict[str, Any]) -> dict[str, Any]:
    """Merge every `allOf` of a dereferenced schema; mutates `schema` and returns it, like the reference.

    Raises:
        MergeError: members that cannot be merged (e.g. two types, or a keyword without a merge rule);
            `pointer` is the JSON Pointer of the conflicting keyword.
    """
    merged = _merge_root(schema, ())
    if not isinstance(merged, dict):
        # The reference returns `false` here and fails later, obscurely, while generating an example.
        raise MergeError(
            "allOf contains the schema `false`: the merged schema would accept nothing", pointer=""
        )
    _js_order_deep(merged, set())
    return merged


def _js_order_deep(value: Any, seen: set[int]) -> None:
    """Put every mapping in JavaScript key order (array indices first).

    Merged mappings already are; this catches input mappings the merge kept as they were (e.g. an
    `additionalItems` next to a schema `items`), which JavaScript would hold in that order too.
    """
    if isinstance(value, dict | list) and id(value) not in seen:
        seen.add(id(value))
        for child in js_reorder(value).values() if isinstance(value, dict) else value:
            _js_order_deep(child, seen)


def _pointer(path: Path) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in path)


def _all_unique_keys(values: list[Any]) -> list[str]:
    return uniq(flatten_deep([js_keys(v) for v in values]))


def _get_all_of(schema: Any, path: Path) -> list[Any]:
    """The schema (its `allOf` removed, in place) followed by its `allOf` members, depth first."""
    if schema is None:
        raise MergeError("an allOf member is null, not a schema", pointer=_pointer(path))
    if not isinstance(schema, dict) or "allOf" not in schema:
        return [schema]
    members = schema["allOf"]
    if not isinstance(members, list):
        # The reference recurses until the stack overflows.
        raise MergeError("allOf must be an array", pointer=_pointer((*path, "allOf")))
    del schema["allOf"]
    return [schema, *(_get_all_of(m, (*path, "allOf", str(i))) for i, m in enumerate(members))]


def _merge_root(root: Any, path: Path) -> Any:
    return _merge_schemas(flatten_deep(_get_all_of(root, path)), root, path)


def _merge_schemas(schemas: Any, base: Any, path: Path) -> Any:
    """`mergeSchemas`: merge a list of schemas into `base` (or a new object); UNDEFINED for none."""
    if not isinstance(schemas, list):
        raise MergeError("expected a list of schemas to merge", pointer=_pointer(path))
    schemas = clone_deep([s for s in schemas if s is not UNDEFINED])
    merged: dict[str, Any] = base if isinstance(base, dict) else {}
    if not schemas:
        return UNDEFINED
    if any(s is False for s in schemas):
        return False
    if all(s is True for s in schemas):
        return True
    schemas = [s for s in schemas if isinstance(s, dict)]
    all_keys = _all_unique_keys(schemas)
    if "allOf" in all_keys:
        # A nested allOf (e.g. in a property): merge all of these schemas as members of a new one.
        return _merge_root({"allOf": schemas}, path)
    property_keys = [k for k in all_keys if k in _PROPERTY_RELATED]
    item_keys = [k for k in all_keys if k in _ITEMS_RELATED]
    for key in all_keys:
        if key not in _PROPERTY_RELATED and key not in _ITEMS_RELATED:
            _merge_keyword(merged, schemas, key, path)
    merged.update(_resolve_group(property_keys, "properties", schemas, path))
    merged.update(_resolve_group(item_keys, "items", schemas, path))
    return js_reorder(merged)


def _merge_keyword(merged: dict[str, Any], schemas: list[dict[str, Any]], key: str, parents: Path) -> None:
    path = (*parents, key)
    try:
        compacted = uniq_with(
            [v for v in (guarded_get(s, key) for s in schemas) if v is not UNDEFINED],
            lambda a, b: compare({key: a}, {key: b}),
        )
        if len(compacted) == 1 and key in _SCHEMA_ARRAYS:
            members = compacted[0]
            if not isinstance(members, list):
                raise MergeError(f"{key} must be an array")
            # Each member is merged into itself (it may hold an allOf of its own).
            merged[key] = [_merge_schemas([m], m, (*path, str(i))) for i, m in enumerate(members)]
        elif len(compacted) == 1 and key not in _SCHEMA_GROUP_PROPS and key not in SCHEMA_PROPS:
            merged[key] = compacted[0]
        else:
            _resolve_keyword(merged, compacted, key, parents)
    except MergeError as error:
        if error.pointer is None:
            error.pointer = _pointer(path)
        raise


def _resolve_keyword(merged: dict[str, Any], compacted: list[Any], key: str, parents: Path) -> None:
    path = (*parents, key)
    resolver = RESOLVERS.get(key)
    if resolver is None:
        raise MergeError(
            f"No resolver found for key {key}: the schemas merged through allOf give it different values "
            f"({_values_text(compacted)}) and there is no rule to merge them",
            pointer=_pointer(path),
        )
    merge = _sub_merger(key, parents) if key in _SCHEMA_GROUP_PROPS | _SCHEMA_ARRAYS else _plain_merger(path)
    reported = False

    def report(unresolved: list[Any]) -> None:
        # Values that cannot be combined (patterns) become a new allOf, in front of any existing one.
        nonlocal reported
        reported = isinstance(unresolved, list)
        existing = merged.get("allOf")
        if isinstance(existing, list):
            existing[0:0] = unresolved
        else:
            merged["allOf"] = unresolved

    result = resolver(compacted, path, merge, report)
    if result is not UNDEFINED:
        merged[key] = result
    elif reported:
        merged.pop(key, None)
    else:
        _throw_incompatible(compacted, path)


def _plain_merger(path: Path) -> SubMerge:
    """The merger handed to keyword resolvers: merges the schemas found under `path`."""

    def merge(schemas: Any) -> Any:
        return _merge_schemas(schemas, None, path)

    return merge


def _sub_merger(key: str, parents: Path) -> SubMerge:
    """`createRequiredSubMerger`: merges the schemas found under `key`/<sub_key>."""

    def merge(schemas: Any, sub_key: Any = UNDEFINED) -> Any:
        if sub_key is UNDEFINED:
            raise MergeError("internal error: a group merge needs the property name or index")
        return _merge_schemas(schemas, None, (*parents, key, str(sub_key)))

    return merge


def _values_text(values: list[Any], limit: int = 200) -> str:
    texts = []
    for value in values:
        text = json.dumps(value, ensure_ascii=False, default=repr)
        texts.append(text if len(text) <= limit else text[: limit - 1] + "…")
    return ", ".join(texts)


def _throw_incompatible(values: list[Any], path: Path) -> None:
    raise MergeError(
        f'Could not resolve values for path "{".".join(path)}": they are probably incompatible. '
        f"Values: {_values_text(values)}",
        pointer=_pointer(path),
    )


# --- the properties and items groups ---------------------------------------------------------------


def _resolve_group(
    keys: list[str], name: str, schemas: list[dict[str, Any]], parents: Path
) -> dict[str, Any]:
    """`callGroupResolver`: resolve the keys of one group together; empty results are left out."""
    if not keys:
        return {}
    path = (*parents, name)
    try:
        picked = [{k: s[k] for k in keys if k in s} for s in schemas]
        compacted = uniq_with(picked, compare)
        if name == "properties":
            result, not_empty = _resolve_properties(compacted, parents), False
        else:
            result, not_empty = _resolve_items(compacted, parents)
    except MergeError as error:
        if error.pointer is None:
            error.pointer = _pointer(path)
        raise
    return {k: v for k, v in result.items() if not _is_empty_schema(v) or (k == "items" and not_empty)}


def _is_empty_schema(value: Any) -> bool:
    # Anything without keys except a boolean: {}, [], and (as in the reference) any scalar or undefined.
    return not js_keys(value) and value is not True and value is not False


def _resolve_properties(values: list[dict[str, Any]], parents: Path) -> dict[str, Any]:
    # With ignoreAdditionalProperties (the reference's setting) properties are not checked against the
    # other schemas' additionalProperties / patternProperties first.
    result = {
        "additionalProperties": _merge_schemas(
            [prop(s, "additionalProperties") for s in values], None, (*parents, "additionalProperties")
        ),
        "patternProperties": _merge_schema_group(
            [prop(s, "patternProperties") for s in values], _sub_merger("patternProperties", parents)
        ),
        "properties": _merge_schema_group(
            [prop(s, "properties") for s in values], _sub_merger("properties", parents)
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
    for key in _all_unique_keys(group):
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
    for key in _all_unique_keys(items):
        schemas = [v for v in (_item_schema(sub, key) for sub in values) if v is not UNDEFINED]
        merged = merge(uniq_with(schemas, compare), key)
        if is_array_index(key):
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


def _resolve_items(values: list[dict[str, Any]], parents: Path) -> tuple[dict[str, Any], bool]:
    """The items group: returns the result and whether a tuple `items` counts as non-empty though it is []."""
    items = [prop(s, "items") for s in values]
    present = [i for i in items if i is not UNDEFINED]
    result: dict[str, Any] = {}
    not_empty = False
    if all(isinstance(i, dict | bool) for i in present):
        result["items"] = _merge_schemas(items, None, (*parents, "items"))
    else:
        result["items"], not_empty = _merge_item_group(values, _sub_merger("items", parents), items)
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
        result["additionalItems"] = _merge_schemas(last, None, (*parents, "additionalItems"))
    if result.get("additionalItems") is False and isinstance(result["items"], list):
        _remove_false_from_array(result["items"])
    return result, not_empty


def _remove_false_from_array(target: list[Any]) -> None:
    # lodash forEach keeps counting over the original length while splicing, so the element right after
    # a removed `false` is skipped, as in the reference.
    for index in range(len(target)):
        if index < len(target) and target[index] is False:
            del target[index]

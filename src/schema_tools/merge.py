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

How the copies are made is this port's own: a level that merges into a new object (every level below the
root) copies only what it keeps, when it keeps it, with one memo for the level. Copying everything first,
as lodash does, copies each subschema again at every level above it; copying only what is kept gives the
same objects and the same sharing, since a level only reads the rest and hands it on to the level below,
which copies what it keeps in its turn. A level that changes its schemas in place (flattening a nested
`allOf`, merging lone `anyOf`/`oneOf` members into themselves) still copies everything first, since its
other keywords must see those changes where they share objects, as they do in the reference.

See merge_js.py for the JavaScript semantics this relies on (undefined, equality, key order, sorting).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from schema_tools.documents.tree import CONTAINERS, copy_tree
from schema_tools.errors import MergeError
from schema_tools.merge_compare import SCHEMA_PROPS, compare
from schema_tools.merge_groups import (
    ITEMS_RELATED,
    PROPERTY_RELATED,
    Path,
    all_unique_keys,
    pointer,
    resolve_group,
    sub_merger,
)
from schema_tools.merge_js import UNDEFINED, clone_deep, flatten_deep, js_reorder, uniq_with
from schema_tools.merge_resolvers import BUILDS_NEW_VALUES, RESOLVERS, SubMerge

# What a level does with a value it keeps in its result: copy it (with the level's memo), or nothing.
Keep = Callable[[Any], Any]

__all__ = ["merge_all_of"]

_SCHEMA_GROUP_PROPS = frozenset({"properties", "patternProperties", "definitions", "dependencies"})
_SCHEMA_ARRAYS = frozenset({"anyOf", "oneOf"})
_GROUPED = frozenset(PROPERTY_RELATED + ITEMS_RELATED)  # resolved by resolve_group, not per keyword
# The keywords that go through a merge even when only one schema has them (_merge_keyword).
_MERGED_EVEN_ALONE = _SCHEMA_GROUP_PROPS | SCHEMA_PROPS | _SCHEMA_ARRAYS
# Keywords for which a level changes its own (copied) schemas in place: a nested allOf is flattened
# (removing the members' allOf), and a lone anyOf/oneOf has each member merged into itself, a change
# that the level's other keywords see where they share that member.
_CHANGED_IN_PLACE = frozenset({"allOf"}) | _SCHEMA_ARRAYS


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
    if id(value) not in seen:
        seen.add(id(value))
        for child in js_reorder(value).values() if isinstance(value, dict) else value:
            if isinstance(child, CONTAINERS):  # a scalar has no keys to order
                _js_order_deep(child, seen)


def _get_all_of(schema: Any, path: Path) -> list[Any]:
    """The schema (its `allOf` removed, in place) followed by its `allOf` members, depth first."""
    if schema is None:
        raise MergeError("an allOf member is null, not a schema", pointer=pointer(path))
    if not isinstance(schema, dict) or "allOf" not in schema:
        return [schema]
    members = schema["allOf"]
    if not isinstance(members, list):
        # The reference recurses until the stack overflows.
        raise MergeError("allOf must be an array", pointer=pointer((*path, "allOf")))
    del schema["allOf"]
    return [schema, *(_get_all_of(m, (*path, "allOf", str(i))) for i, m in enumerate(members))]


def _merge_root(root: Any, path: Path) -> Any:
    return _merge_schemas(flatten_deep(_get_all_of(root, path)), root, path)


def _merge_schemas(schemas: Any, base: Any, path: Path) -> Any:
    """`mergeSchemas`: merge a list of schemas into `base` (or a new object); UNDEFINED for none."""
    if not isinstance(schemas, list):
        raise MergeError("expected a list of schemas to merge", pointer=pointer(path))
    schemas = [s for s in schemas if s is not UNDEFINED]
    merged: dict[str, Any] = base if isinstance(base, dict) else {}
    if not schemas:
        return UNDEFINED
    if any(s is False for s in schemas):
        return False
    if all(s is True for s in schemas):
        return True
    schemas = [s for s in schemas if isinstance(s, dict)]
    all_keys = all_unique_keys(schemas)
    keep: Keep
    if base is None and _CHANGED_IN_PLACE.isdisjoint(all_keys):
        # Into a new object, the schemas are only read: what is kept is copied when it is kept (see the
        # module's docstring).
        memo: dict[int, Any] = {}
        # The memo is keyed by id(): what was copied must outlive it, or a new object (a resolver's
        # result is often one) could take a freed id and be "found" in the memo.
        copied: list[Any] = []

        def keep(value: Any) -> Any:
            copied.append(value)
            return copy_tree(value, memo, js_order=True)

    else:
        # Into `base` (the root, an anyOf member, a flattened allOf), which may be one of the schemas or
        # hold them, and where the level changes its schemas in place, everything is copied first, as
        # lodash does. (Only the dicts: the copies of anything else would not be used.)
        schemas = clone_deep(schemas)
        keep = _as_is
    if "allOf" in all_keys:
        # A nested allOf (e.g. in a property): merge all of these schemas as members of a new one.
        return _merge_root({"allOf": schemas}, path)
    property_keys = [k for k in all_keys if k in PROPERTY_RELATED]
    item_keys = [k for k in all_keys if k in ITEMS_RELATED]
    if len(schemas) == 1:
        # One schema (the usual case below the root): a keyword that needs no merge is kept as it is,
        # as _merge_keyword would keep it, without building its list of one value.
        only = schemas[0]
        for key in all_keys:
            if key not in _GROUPED:
                value = only[key]
                if key in _MERGED_EVEN_ALONE or value is UNDEFINED:
                    _merge_keyword(merged, schemas, key, path, keep)
                else:
                    merged[key] = keep(value) if isinstance(value, CONTAINERS) else value
    else:
        for key in all_keys:
            if key not in _GROUPED:
                _merge_keyword(merged, schemas, key, path, keep)
    merged.update(resolve_group(property_keys, "properties", schemas, path, _merge_schemas))
    merged.update(resolve_group(item_keys, "items", schemas, path, _merge_schemas))
    return js_reorder(merged)


def _as_is(value: Any) -> Any:
    return value


def _merge_keyword(
    merged: dict[str, Any], schemas: list[dict[str, Any]], key: str, parents: Path, keep: Keep
) -> None:
    path = (*parents, key)
    try:
        # `schemas` are all dicts here, so `guarded_get` is a plain lookup.
        values = [v for v in (s.get(key, UNDEFINED) for s in schemas) if v is not UNDEFINED]
        if len(values) == 1:
            compacted = values  # nothing to compare
        else:
            compacted = uniq_with(values, lambda a, b: compare({key: a}, {key: b}))
        if len(compacted) == 1 and key in _SCHEMA_ARRAYS:
            members = compacted[0]  # from a level that copied everything first (see _CHANGED_IN_PLACE)
            if not isinstance(members, list):
                raise MergeError(f"{key} must be an array")
            # Each member is merged into itself (it may hold an allOf of its own).
            merged[key] = [_merge_schemas([m], m, (*path, str(i))) for i, m in enumerate(members)]
        elif len(compacted) == 1 and key not in _SCHEMA_GROUP_PROPS and key not in SCHEMA_PROPS:
            merged[key] = keep(compacted[0])
        else:
            _resolve_keyword(merged, compacted, key, parents, keep)
    except MergeError as error:
        if error.pointer is None:
            error.pointer = pointer(path)
        raise


def _resolve_keyword(merged: dict[str, Any], compacted: list[Any], key: str, parents: Path, keep: Keep) -> None:
    path = (*parents, key)
    resolver = RESOLVERS.get(key)
    if resolver is None:
        raise MergeError(
            f"No resolver found for key {key}: the schemas merged through allOf give it different values "
            f"({_values_text(compacted)}) and there is no rule to merge them",
            pointer=pointer(path),
        )
    merge = (
        sub_merger(_merge_schemas, key, parents)
        if key in _SCHEMA_GROUP_PROPS | _SCHEMA_ARRAYS
        else _plain_merger(path)
    )
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
        # Most resolvers return one of the values, or a new list or object holding some of them.
        merged[key] = result if resolver in BUILDS_NEW_VALUES else keep(result)
    elif reported:
        merged.pop(key, None)
    else:
        _throw_incompatible(compacted, path)


def _plain_merger(path: Path) -> SubMerge:
    """The merger handed to keyword resolvers: merges the schemas found under `path`."""

    def merge(schemas: Any) -> Any:
        return _merge_schemas(schemas, None, path)

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
        pointer=pointer(path),
    )

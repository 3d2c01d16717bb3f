"""Semantic schema equality, ported from json-schema-compare 0.2.2: the allOf merge drops duplicates with it.

It is not plain deep equality, and its quirks decide what the merge keeps, so they are ported as they are:

* nothing is ignored (`title`, `description`, `default`, `examples` all count);
* `{}`, `true` and a missing schema are equal; `false` also equals `{}` (JavaScript lists no keys for
  `false`, and a schema without keys compares equal to anything else without keys);
* `required` and `enum` compare as sorted sets (missing = empty), `type` as a set (`"a"` = `["a"]`),
  `anyOf`/`allOf`/`oneOf` as unordered lists, a missing `minLength`/`minItems`/`minProperties` equals 0
  and a missing `uniqueItems` equals false;
* `properties`/`patternProperties`/`dependencies` compare property by property, and any two array values
  there are equal (the library sorts the parent objects instead of the arrays, which always gives `[]`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from schema_tools.errors import MergeError
from schema_tools.merge_js import (
    UNDEFINED,
    has_own,
    intersection,
    is_equal,
    is_number,
    js_keys,
    prop,
    uniq,
    uniq_with,
)
from schema_tools.merge_js_order import sort_by

Compare = Callable[[Any, Any], bool]
_Comparer = Callable[[Any, Any, Compare], bool]

SCHEMA_PROPS = frozenset({"additionalProperties", "additionalItems", "contains", "propertyNames", "not"})
_ACCEPTS_UNDEFINED = frozenset(
    {
        "properties",
        "patternProperties",
        "dependencies",
        "uniqueItems",
        "minLength",
        "minItems",
        "minProperties",
        "required",
    }
)


def compare(a: Any, b: Any) -> bool:
    """True when the two schemas are equal for json-schema-compare. Raises MergeError for a non-schema."""
    if _empty_schema(a) and _empty_schema(b):
        return True
    if not _is_schema(a) or not _is_schema(b):
        raise MergeError("cannot compare: a value that must be a schema is neither an object nor a boolean")
    if a is b:
        return True
    if isinstance(a, bool) and isinstance(b, bool):
        return a is b
    if (a is UNDEFINED) != (b is UNDEFINED):  # covers undefined against false too
        return False
    return all(_compare_key(a, b, key) for key in uniq(js_keys(a) + js_keys(b)))


def _compare_key(a: Any, b: Any, key: str) -> bool:
    a_value, b_value = prop(a, key), prop(b, key)
    if key in SCHEMA_PROPS:
        return compare(a_value, b_value)
    if is_equal(a_value, b_value):
        return True
    if key not in _ACCEPTS_UNDEFINED and has_own(a, key) != has_own(b, key):
        return False  # `aValue === bValue` with exactly one of them undefined
    return _COMPARERS.get(key, _plain_equal)(a_value, b_value, compare)


def _empty_schema(value: Any) -> bool:
    return value is UNDEFINED or value is True or (isinstance(value, dict) and not value)


def _is_schema(value: Any) -> bool:
    return value is UNDEFINED or isinstance(value, dict | bool)


def _string_array(value: Any) -> list[Any]:
    """`sortBy(uniq(value))`; lodash `uniq` of anything but an array (here: an object) is `[]`."""
    return sort_by(uniq(value)) if isinstance(value, list) else []


def _plain_equal(a: Any, b: Any, _compare: Compare) -> bool:
    return is_equal(a, b)


def _false_undefined(a: Any, b: Any, _compare: Compare) -> bool:
    return (a is UNDEFINED and b is False) or (b is UNDEFINED and a is False) or is_equal(a, b)


def _undefined_and_zero(a: Any, b: Any, _compare: Compare) -> bool:
    def zero(v: Any) -> bool:
        return is_number(v) and v == 0

    return (a is UNDEFINED and zero(b)) or (b is UNDEFINED and zero(a)) or is_equal(a, b)


def _undefined_array_equal(a: Any, b: Any, _compare: Compare) -> bool:
    def undef_empty(v: Any) -> bool:
        return v is UNDEFINED or (isinstance(v, list) and not v)

    if undef_empty(a) and undef_empty(b):
        return True
    return is_equal(_string_array(a), _string_array(b))


def _unsorted_normalized_array(a: Any, b: Any, _compare: Compare) -> bool:
    a = a if isinstance(a, list) else [a]
    b = b if isinstance(b, list) else [b]
    return is_equal(_string_array(a), _string_array(b))


def _schema_group(a: Any, b: Any, cmp: Compare) -> bool:
    def empty_obj_undef(v: Any) -> bool:
        return v is UNDEFINED or (isinstance(v, dict) and not v)

    if empty_obj_undef(a) and empty_obj_undef(b):
        return True
    if (empty_obj_undef(a) and js_keys(b)) or (empty_obj_undef(b) and js_keys(a)):
        return False

    def same(key: str) -> bool:
        a_value, b_value = prop(a, key), prop(b, key)
        a_array, b_array = isinstance(a_value, list), isinstance(b_value, list)
        if a_array and b_array:
            # The library sorts `a` and `b` (the parents) here, not the two arrays.
            return is_equal(_string_array(a), _string_array(b))
        if a_array or b_array:
            return False
        return has_own(b, key) and has_own(a, key) and cmp(a_value, b_value)

    return all(same(key) for key in uniq(js_keys(a) + js_keys(b)))


def _items(a: Any, b: Any, cmp: Compare) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return cmp(a, b)
    if isinstance(a, list) and isinstance(b, list):
        return _schema_group(a, b, cmp)
    return is_equal(a, b)


def _unsorted_array(a: Any, b: Any, cmp: Compare) -> bool:
    unique_a, unique_b = uniq_with(a, cmp), uniq_with(b, cmp)
    common = intersection([unique_a, unique_b], cmp)
    return len(common) == max(len(unique_a), len(unique_b))


_COMPARERS: dict[str, _Comparer] = {
    "title": _plain_equal,
    "uniqueItems": _false_undefined,
    "minLength": _undefined_and_zero,
    "minItems": _undefined_and_zero,
    "minProperties": _undefined_and_zero,
    "required": _undefined_array_equal,
    "enum": _undefined_array_equal,
    "type": _unsorted_normalized_array,
    "items": _items,
    "anyOf": _unsorted_array,
    "allOf": _unsorted_array,
    "oneOf": _unsorted_array,
    "properties": _schema_group,
    "patternProperties": _schema_group,
    "dependencies": _schema_group,
}

"""Per-keyword resolvers of the `allOf` merge, ported from json-schema-merge-allof 0.6.0's `defaultResolvers`.

A resolver gets the distinct values a keyword has across the schemas being merged (`compacted`, at
least two, or one for the keywords that always need resolving) and returns the merged value, or
UNDEFINED when the values cannot be merged (the caller reports the conflict). The `properties` and
`items` groups are resolved in merge.py because they recurse into the merge itself.

The reference overrides `examples` with the `title` resolver (the first value wins), as here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from schema_tools.errors import MergeError
from schema_tools.merge_compare import compare
from schema_tools.merge_js import (
    UNDEFINED,
    clone_deep,
    flatten_deep,
    guarded_get,
    intersection,
    is_equal,
    is_number,
    js_keys,
    js_reorder,
    uniq,
    uniq_with,
)
from schema_tools.merge_js_order import sort_by, to_js_number

# merge(schemas) merges a list of schemas; group keywords pass a second argument, the sub-key.
SubMerge = Callable[..., Any]
Report = Callable[[list[Any]], None]
Resolver = Callable[[list[Any], tuple[str, ...], SubMerge, Report], Any]


def string_array(values: list[Any]) -> list[Any]:
    """`sortBy(uniq(flattenDeep(values)))`: a union sorted the lodash way (strings by UTF-16 code unit)."""
    return sort_by(uniq(flatten_deep(values)))


def _first(compacted: list[Any], *_: Any) -> Any:
    return compacted[0]


def _required(compacted: list[Any], *_: Any) -> Any:
    return string_array(compacted)


def _js_number_result(value: float) -> Any:
    """A computed number as Python would hold the JavaScript value: integral values as int."""
    return int(value) if math.isfinite(value) and value.is_integer() else value


def _math_max(compacted: list[Any], *_: Any) -> Any:
    if all(is_number(v) for v in compacted):
        return math.nan if any(math.isnan(v) for v in compacted) else max(compacted)
    numbers = [to_js_number(v) for v in compacted]  # Math.max coerces, e.g. "5" → 5
    return math.nan if any(math.isnan(n) for n in numbers) else _js_number_result(max(numbers))


def _math_min(compacted: list[Any], *_: Any) -> Any:
    if all(is_number(v) for v in compacted):
        return math.nan if any(math.isnan(v) for v in compacted) else min(compacted)
    numbers = [to_js_number(v) for v in compacted]
    return math.nan if any(math.isnan(n) for n in numbers) else _js_number_result(min(numbers))


def _unique_items(compacted: list[Any], *_: Any) -> Any:
    return any(v is True for v in compacted)


def _schema_resolver(compacted: list[Any], _path: tuple[str, ...], merge: SubMerge, _report: Report) -> Any:
    return merge(compacted)


def _type(compacted: list[Any], *_: Any) -> Any:
    # Without an array among the values, two distinct types have nothing in common.
    if any(isinstance(v, list) for v in compacted):
        common = intersection([v if isinstance(v, list) else [v] for v in compacted])
        if len(common) == 1:
            return common[0]
        if len(common) > 1:
            return uniq(common)
    return UNDEFINED


def _dependencies(compacted: list[Any], _path: tuple[str, ...], merge: SubMerge, _report: Report) -> Any:
    """`definitions` and `dependencies`: merged child by child; array values (property dependencies) unite."""
    result: dict[str, Any] = {}
    for child in uniq(flatten_deep([js_keys(c) for c in compacted])):
        values = [guarded_get(c, child) for c in compacted]
        inner = uniq_with([v for v in values if v is not UNDEFINED], is_equal)
        arrays = [v for v in inner if isinstance(v, list)]
        if arrays:
            if len(arrays) == len(inner):
                result[child] = string_array(inner)
            else:
                schemas = [v for v in inner if isinstance(v, dict | bool)]
                result[child] = merge(schemas + [{"required": a} for a in arrays], child)
            continue
        result[child] = merge(uniq_with(inner, compare), child)
    return js_reorder(result)


def any_of_combinations(arrays: list[Any]) -> list[Any]:
    """Every choice of one member per list, the newest choice first (`getAnyOfCombinations`).

    As in the reference, the first level holds bare members (not lists), and an empty first list is
    skipped rather than emptying the product.
    """
    combinations: list[Any] = []
    for values in arrays:
        if not isinstance(values, list):
            raise MergeError("oneOf/anyOf must be an array")
        if combinations:
            combinations = [
                [item, *(c if isinstance(c, list) else [c])] for c in combinations for item in values
            ]
        else:
            combinations = list(values)
    return combinations


def _one_of(compacted: list[Any], _path: tuple[str, ...], merge: SubMerge, _report: Report) -> Any:
    results = []
    for index, combination in enumerate(any_of_combinations(clone_deep(compacted))):
        try:
            merged = merge(combination, index)
        except Exception:  # the reference drops a combination that fails for any reason
            continue
        if merged is not UNDEFINED:
            results.append(merged)
    unique = uniq_with(results, compare)
    return unique if unique else UNDEFINED


def _not(compacted: list[Any], *_: Any) -> Any:
    return {"anyOf": compacted}


def _pattern(compacted: list[Any], path: tuple[str, ...], _merge: SubMerge, report: Report) -> Any:
    # Patterns cannot be combined into one regular expression: each goes into a new `allOf`.
    report([{path[-1]: regexp} for regexp in compacted])
    return UNDEFINED


def _multiple_of(compacted: list[Any], *_: Any) -> Any:
    if not all(is_number(n) and math.isfinite(n) for n in compacted):
        # The reference coerces strings and loops forever on NaN or infinity.
        raise MergeError("multipleOf values must be finite numbers")
    integers = list(compacted)
    factor = 1
    while any(not float(n).is_integer() for n in integers):
        integers = [n * 10 for n in integers]
        factor *= 10
    return _js_number_result(_lcm(integers) / factor)


def _lcm(integers: list[Any]) -> float:
    """compute-lcm 1.1: `a = a / gcd(a, b) * b` in doubles, with 0 absorbing."""
    values = [abs(n) for n in integers]
    result = float(values[0])
    for b in values[1:]:
        if result == 0 or b == 0:
            return 0.0
        result = (result / math.gcd(int(result), int(b))) * b
    return result


def _enum(compacted: list[Any], *_: Any) -> Any:
    common = intersection(compacted, is_equal)
    return sort_by(common) if common else UNDEFINED


# Resolvers whose result holds only what their merges built, never one of the values they were given
# (merge.py copies the result of any other resolver when it works on its inputs without copying them).
BUILDS_NEW_VALUES: frozenset[Resolver] = frozenset({_schema_resolver, _one_of})

RESOLVERS: dict[str, Resolver] = {
    "$id": _first,
    "$ref": _first,
    "$schema": _first,
    "additionalItems": _schema_resolver,
    "additionalProperties": _schema_resolver,
    "anyOf": _one_of,
    "contains": _schema_resolver,
    "default": _first,
    "definitions": _dependencies,
    "dependencies": _dependencies,
    "description": _first,
    "enum": _enum,
    "examples": _first,  # the reference's override: `examples: mergeAllOf.options.resolvers.title`
    "exclusiveMaximum": _math_min,
    "exclusiveMinimum": _math_max,
    "maximum": _math_min,
    "maxItems": _math_min,
    "maxLength": _math_min,
    "maxProperties": _math_min,
    "minimum": _math_max,
    "minItems": _math_max,
    "minLength": _math_max,
    "minProperties": _math_max,
    "multipleOf": _multiple_of,
    "not": _not,
    "oneOf": _one_of,
    "pattern": _pattern,
    "propertyNames": _schema_resolver,
    "required": _required,
    "title": _first,
    "type": _type,
    "uniqueItems": _unique_items,
}

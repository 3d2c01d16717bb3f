"""JavaScript and lodash 4.17 value semantics that the `allOf` merge depends on.

json-schema-merge-allof is written against JavaScript values and lodash helpers. Porting it with Python's
own `==`, `sorted` and `copy.deepcopy` would quietly change results: `True == 1` in Python (distinct in
JavaScript), an object's keys are listed with array-index keys first in JavaScript, lodash `sortBy` orders
mixed types with JavaScript's `<` (merge_js_order.py), and `cloneDeep` keeps shared objects shared. This
module holds exact equivalents for plain JSON data (dict, list, str, int, float, bool, None) plus `UNDEFINED`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

from schema_tools.documents.collation import has_js_array_index, is_js_array_index, js_key_order
from schema_tools.documents.tree import CONTAINERS, copy_tree
from schema_tools.js import UNDEFINED as UNDEFINED  # re-exported for the modules of this port

Comparator = Callable[[Any, Any], bool]

# Tuples, not `int | float`: isinstance against a union written in place builds the union at each call.
_NUMBERS = (int, float)

# --- types and property access ---------------------------------------------------------------------------


def is_number(value: Any) -> bool:
    """A JavaScript number: int or float, but not bool (Python's bool is an int)."""
    return isinstance(value, _NUMBERS) and value is not True and value is not False


def js_keys(value: Any) -> list[str]:
    """`Object.keys` for a dict or list (JavaScript order: array indices ascending, then insertion order)."""
    if isinstance(value, dict):
        return js_key_order(value)
    if isinstance(value, list):
        return [str(i) for i in range(len(value))]
    return []


def js_reorder(obj: dict[str, Any]) -> dict[str, Any]:
    """Put `obj` in JavaScript key order, in place (a no-op unless it has array-index keys)."""
    if has_js_array_index(obj):
        items = [(k, obj[k]) for k in js_keys(obj)]
        obj.clear()
        obj.update(items)
    return obj


def prop(obj: Any, key: str) -> Any:
    """`obj[key]` for a JSON value: UNDEFINED where JavaScript would give `undefined`."""
    if isinstance(obj, dict):
        return obj.get(key, UNDEFINED)
    if isinstance(obj, list) and is_js_array_index(key) and int(key) < len(obj):
        return obj[int(key)]
    return UNDEFINED


def has_own(obj: Any, key: str) -> bool:
    """`obj.hasOwnProperty(key)`."""
    if isinstance(obj, dict):
        return key in obj
    if isinstance(obj, list):
        return is_js_array_index(key) and int(key) < len(obj)
    return False


def is_falsy(value: Any) -> bool:
    """JavaScript falsiness: undefined, null, false, 0, NaN and ''."""
    if value is UNDEFINED or value is None or value is False:
        return True
    if is_number(value):
        return value == 0 or math.isnan(value)
    return isinstance(value, str) and not value


def guarded_get(obj: Any, key: str) -> Any:
    """`obj && obj[key]`: a falsy obj is returned itself (so `false` stays `false`)."""
    if isinstance(obj, dict):  # the usual case; an object is never falsy
        return obj.get(key, UNDEFINED)
    return obj if is_falsy(obj) else prop(obj, key)


# --- equality ------------------------------------------------------------------------------------------


def strict_equal(a: Any, b: Any) -> bool:
    """`a === b`: objects by identity, numbers by value (NaN unequal), no bool/number mixing."""
    if isinstance(a, CONTAINERS) or isinstance(b, CONTAINERS):
        return a is b
    if is_number(a) and is_number(b):
        return bool(a == b)
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return type(a) is type(b) and a == b


def same_value_zero(a: Any, b: Any) -> bool:
    """SameValueZero (lodash `uniq`, `intersection`, `indexOf`): `===`, except NaN equals NaN."""
    return strict_equal(a, b) or (is_nan(a) and is_nan(b))


def is_equal(a: Any, b: Any) -> bool:
    """lodash `isEqual` for JSON values: deep, key order ignored, array order kept, bool never equals 1."""
    if a is b:
        return True
    if isinstance(a, dict):
        if not isinstance(b, dict) or len(a) != len(b):
            return False
        return all(k in b and is_equal(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        if not isinstance(b, list) or len(a) != len(b):
            return False
        return all(is_equal(x, y) for x, y in zip(a, b, strict=True))
    return same_value_zero(a, b)


def is_nan(value: Any) -> bool:
    """NaN (only a float can be)."""
    return isinstance(value, float) and math.isnan(value)


# --- lodash array helpers ----------------------------------------------------------------------------------


def _identity_key(value: Any) -> tuple[Any, ...]:
    """A hashable key under which two values are SameValueZero-equal exactly when their keys are equal."""
    if isinstance(value, CONTAINERS):
        return ("object", id(value))
    if isinstance(value, bool):
        return ("boolean", value)
    if is_number(value):
        return ("number", "NaN") if math.isnan(value) else ("number", float(value))
    return (type(value).__name__, value)


def uniq(values: Iterable[Any]) -> list[Any]:
    """lodash `uniq`: first occurrences, compared with SameValueZero."""
    seen: set[Any] = set()
    result = []
    for value in values:
        # A string is its own key (no tuple is equal to it); most values uniq'ed are keys and names.
        key = value if type(value) is str else _identity_key(value)
        if key not in seen:
            seen.add(key)
            result.append(value)
    return result


def uniq_with(values: Any, comparator: Comparator) -> list[Any]:
    """lodash `uniqWith`: keeps a value unless `comparator(value, kept)` holds for an earlier kept one."""
    if not isinstance(values, list):
        return []
    result: list[Any] = []
    for value in values:
        if not any(comparator(value, kept) for kept in result):
            result.append(value)
    return result


def intersection(arrays: list[Any], comparator: Comparator | None = None) -> list[Any]:
    """lodash `intersection` / `intersectionWith`: unique values of the first array found in all others."""
    mapped = [a if isinstance(a, list) else [] for a in arrays]
    if not mapped or mapped[0] is not arrays[0]:
        return []
    includes = comparator or same_value_zero
    max_length = min(len(a) for a in mapped)
    result: list[Any] = []
    for value in mapped[0]:
        if len(result) >= max_length:
            break
        if any(includes(value, r) for r in result):
            continue
        # lodash checks the other arrays from the last to the second.
        if all(any(includes(value, o) for o in other) for other in reversed(mapped[1:])):
            result.append(value)
    return result


def flatten_deep(values: Iterable[Any]) -> list[Any]:
    """lodash `flattenDeep`."""
    result: list[Any] = []
    for value in values:
        if isinstance(value, list):
            result.extend(flatten_deep(value))
        else:
            result.append(value)
    return result


def clone_deep(value: Any) -> Any:
    """lodash `cloneDeep`: an object met twice stays one (shared) object in the copy; JavaScript key order."""
    return copy_tree(value, js_order=True)

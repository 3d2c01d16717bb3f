"""Parsed documents seen as JavaScript saw them: kinds, truthiness, equality, and where two values differ.

The reference's checks are JavaScript; their verdicts hinge on `typeof`, truthiness (`{}` and `[]` are
true, `0` and `''` are not) and `assert.deepStrictEqual`. Python's `True == 1` must not leak in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from schema_tools.pointer import escape_token


def js_kind(value: Any) -> str:
    """JavaScript's `typeof`, with arrays told apart: object, array, string, number, boolean."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"  # dicts, and null (typeof null === 'object')


def js_truthy(value: Any) -> bool:
    """JavaScript truthiness: empty objects and lists are true; 0, '', null, false and NaN are not."""
    if value is None or value is False:
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def js_string(value: Any) -> str:
    """`String(value)` for the values a parsed document holds."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        from schema_tools.documents.numbers import js_number

        return js_number(value)
    if isinstance(value, list):
        return ",".join("" if v is None else js_string(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def js_number(value: int | float) -> float:
    """The number JavaScript holds for a parsed number: a double (big integers round, huge ones overflow)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def js_equal(a: Any, b: Any) -> bool:
    """`===` between primitives: same kind and value, numbers compared as doubles (NaN never equal)."""
    if js_kind(a) != js_kind(b) or (a is None) != (b is None):
        return False
    if js_kind(a) == "number":
        return js_number(a) == js_number(b)
    return bool(a == b)


def js_deep_equal(a: Any, b: Any) -> bool:
    """`assert.deepStrictEqual`: objects without key order, arrays in order, `1 == 1.0` but `true != 1`."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(js_deep_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(js_deep_equal, a, b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True  # Object.is(NaN, NaN)
    return js_equal(a, b)


def describe(value: Any, limit: int = 60) -> str:
    """A short rendering of a value for messages: JSON for scalars, `an object` / `a list of N`."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()


def differences(expected: Any, actual: Any, pointer: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Where `actual` differs from `expected` under deepStrictEqual: (JSON Pointer, expected, actual).

    A side that has no value there is MISSING. Depth first, in `expected`'s key order, then the keys
    only `actual` has; lists of different lengths are one difference at the list itself.
    """
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key, value in expected.items():
            here = f"{pointer}/{escape_token(key)}"
            if key not in actual:
                yield here, value, MISSING
            else:
                yield from differences(value, actual[key], here)
        for key in actual:
            if key not in expected:
                yield f"{pointer}/{escape_token(key)}", MISSING, actual[key]
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (a, b) in enumerate(zip(expected, actual, strict=True)):
            yield from differences(a, b, f"{pointer}/{index}")
    elif not js_deep_equal(expected, actual):
        yield pointer, expected, actual

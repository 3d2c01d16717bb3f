"""Ordering the way lodash `sortBy` does it, over JavaScript's `<` (with its type coercions).

The `allOf` merge sorts `required` unions, `enum` intersections and (to compare them) `enum`/`required`/
`type` values with lodash `sortBy`; mixed-type enums are ordered through JavaScript's abstract relational
comparison, so its coercions (arrays joined with commas, objects as `[object Object]`, strings to
numbers) are reproduced here.
"""

from __future__ import annotations

import math
import re
from functools import cache, cmp_to_key
from typing import Any

from schema_tools.documents.numbers import js_number
from schema_tools.merge_js import UNDEFINED, is_nan, is_number, strict_equal

_JS_WHITESPACE = (
    " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


# Compiled on first use: only the comparison of mixed-type enums converts strings to numbers.
@cache
def _decimal_and_radix() -> tuple[re.Pattern[str], re.Pattern[str]]:
    decimal = re.compile(r"[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
    return decimal, re.compile(r"0([xXoObB])([0-9a-fA-F]+)")


def to_js_string(value: Any) -> str:
    """`String(value)` for JSON values (arrays join with commas, objects are `[object Object]`)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_number(value):
        return js_number(value)
    if value is None:
        return "null"
    if value is UNDEFINED:
        return "undefined"
    if isinstance(value, list):
        return ",".join("" if v is None or v is UNDEFINED else to_js_string(v) for v in value)
    return "[object Object]"


def to_js_number(value: Any) -> float:
    """`Number(value)` for JSON values."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if is_number(value):
        return float(value)
    if value is None:
        return 0.0
    if value is UNDEFINED:
        return math.nan
    if isinstance(value, dict | list):
        return to_js_number(to_js_string(value))
    text = str(value).strip(_JS_WHITESPACE)
    if not text:
        return 0.0
    decimal, radix_re = _decimal_and_radix()
    if decimal.fullmatch(text):
        return float(text.replace("Infinity", "inf"))
    radix = radix_re.fullmatch(text)
    if radix:
        base = {"x": 16, "o": 8, "b": 2}[radix.group(1).lower()]
        try:
            return float(int(radix.group(2), base))
        except ValueError:
            return math.nan
    return math.nan


def _utf16_less(a: str, b: str) -> bool:
    """JavaScript string `<`: by UTF-16 code unit, which differs from code points beyond U+FFFF."""
    if a.isascii() and b.isascii():
        return a < b
    return a.encode("utf-16-be", "surrogatepass") < b.encode("utf-16-be", "surrogatepass")


def js_less(a: Any, b: Any) -> bool:
    """JavaScript `a < b` (abstract relational comparison; `undefined` results are False)."""
    pa = to_js_string(a) if isinstance(a, dict | list) else a
    pb = to_js_string(b) if isinstance(b, dict | list) else b
    if isinstance(pa, str) and isinstance(pb, str):
        return _utf16_less(pa, pb)
    na, nb = to_js_number(pa), to_js_number(pb)
    return not (math.isnan(na) or math.isnan(nb)) and na < nb


def compare_ascending(value: Any, other: Any) -> int:
    """lodash `compareAscending`: null and undefined sort last, NaN after everything."""
    if strict_equal(value, other):
        return 0
    val_defined, val_null, val_reflexive = value is not UNDEFINED, value is None, not is_nan(value)
    oth_defined, oth_null, oth_reflexive = other is not UNDEFINED, other is None, not is_nan(other)
    if (
        (not oth_null and js_less(other, value))
        or (val_null and oth_defined and oth_reflexive)
        or (not val_defined and oth_reflexive)
        or not val_reflexive
    ):
        return 1
    if (
        (not val_null and js_less(value, other))
        or (oth_null and val_defined and val_reflexive)
        or (not oth_defined and val_reflexive)
        or not oth_reflexive
    ):
        return -1
    return 0


def sort_by(values: Any) -> list[Any]:
    """lodash `sortBy(values)` (identity iteratee): stable, ordered by `compareAscending`.

    lodash hands the comparator to V8's `Array.prototype.sort`, a TimSort ported from CPython's, so
    Python's `list.sort` asks the same questions in the same order; that matters because JavaScript's `<`
    over mixed types is not a consistent order. (CPython 3.11's merge policy differs from V8's only for
    64 or more items, where a consistent order is needed to get the same result.)
    """
    if not isinstance(values, list):
        return []
    indexed = list(enumerate(values))

    def order(x: tuple[int, Any], y: tuple[int, Any]) -> int:
        return compare_ascending(x[1], y[1]) or x[0] - y[0]

    indexed.sort(key=cmp_to_key(order))
    return [value for _, value in indexed]

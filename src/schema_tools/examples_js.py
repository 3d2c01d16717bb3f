"""JavaScript value semantics that json-schema-faker's behaviour depends on, for plain Python data.

The example generator (`schema_tools.examples`) is a port of JavaScript code that leans on the language:
`{}` and `[]` are truthy, `0`, `''` and `NaN` are not; `===` compares objects by identity; `x >= 0`
converts strings to numbers; `Object.keys` lists array-index keys first; strings count UTF-16 code units;
numbers are doubles. These helpers give Python the same answers, so the port can read like the original.

JSON data is represented as usual (dict, list, str, int/float, bool, None) plus `UNDEFINED` for
JavaScript's `undefined`, which jsf stores in objects in a few places.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from collections.abc import Callable
from functools import cache
from typing import Any, Final

from schema_tools.documents.numbers import js_number
from schema_tools.js import UNDEFINED as UNDEFINED  # re-exported for the modules of this port
from schema_tools.randexp import from_units, to_units

MAX_SAFE_INTEGER: Final = 9007199254740991.0

# Tuples, not unions: isinstance against a union written in place builds the union at each call.
_OBJECTS = (dict, list)
_NUMBERS = (int, float)


def is_function(value: Any) -> bool:
    """`typeof value === 'function'` (the generator stores Python callables where jsf stores functions)."""
    return callable(value) and not isinstance(value, (dict, list, type))


def is_object(value: Any) -> bool:
    """`typeof value === 'object' && value !== null` for JSON data: a dict or a list."""
    return isinstance(value, _OBJECTS)


def get(obj: Any, key: str) -> Any:
    """`obj[key]` for a dict, UNDEFINED when missing or when obj is not a dict."""
    if isinstance(obj, dict):
        return obj.get(key, UNDEFINED)
    return UNDEFINED


def truthy(value: Any) -> bool:
    """JavaScript truthiness: every object and array is true; 0, NaN, '', null and undefined are false."""
    if value is None or value is UNDEFINED or value is False:
        return False
    if isinstance(value, _OBJECTS) or value is True:
        return True
    if isinstance(value, _NUMBERS):
        return value == value and value != 0
    if isinstance(value, str):
        return value != ""
    return True


def _is_index_key(key: str) -> bool:
    return key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and int(key) < 2**32 - 1


def keys(obj: Any) -> list[str]:
    """`Object.keys(obj)`: array-index keys first in numeric order, then the others in insertion order.

    A string has one key per UTF-16 code unit; numbers and booleans have none.
    """
    if isinstance(obj, list):
        return [str(i) for i in range(len(obj))]
    if isinstance(obj, str):
        return [str(i) for i in range(utf16_len(obj))]
    if not isinstance(obj, dict):
        return []
    names = list(obj)
    if not any(name[:1].isdigit() for name in names):
        return names
    indexes = sorted((n for n in names if _is_index_key(n)), key=int)
    return indexes + [n for n in names if not _is_index_key(n)]


def member(obj: Any, key: str) -> Any:
    """`obj[key]` for a key from `keys(obj)` (so it exists)."""
    if isinstance(obj, list):
        return obj[int(key)]
    if isinstance(obj, str):
        return from_units(to_units(obj)[int(key)])
    return obj[key]


def as_object(value: Any) -> dict[str, Any]:
    """`value` seen through `Object.keys` and `value[key]`: a dict, or a new one for an array or string."""
    if isinstance(value, dict):
        return value
    return {key: member(value, key) for key in keys(value)}


def strict_equal(a: Any, b: Any) -> bool:
    """`a === b`: objects by identity, numbers by value (NaN never equal), no bool/number mixing."""
    if is_object(a) or is_object(b):
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, _NUMBERS) and isinstance(b, _NUMBERS):
        return to_number(a) == to_number(b)
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return a is b


def index_of(values: list[Any], value: Any) -> int:
    """`values.indexOf(value)` (strict equality)."""
    for i, candidate in enumerate(values):
        if strict_equal(candidate, value):
            return i
    return -1


# JavaScript's `\d` is ASCII only, unlike Python's.
_DECIMAL = r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
# What `String.prototype.trim` and `Number()` strip: WhiteSpace and LineTerminator.
_JS_SPACE = (
    " \t\n\v\f\r\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def double(value: int) -> float:
    """An integer as the nearest double (±Infinity beyond the range), as JavaScript reads it."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def to_number(value: Any) -> float:
    """JavaScript's `Number(value)` (ToNumber), as a double."""
    if value is UNDEFINED:
        return math.nan
    if value is None or value is False:
        return 0.0
    if value is True:
        return 1.0
    if isinstance(value, int):
        return double(value)
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        text = value.strip(_JS_SPACE)
        if text == "":
            return 0.0
        if re.fullmatch(r"0[xX][0-9a-fA-F]+", text):
            return double(int(text[2:], 16))
        if re.fullmatch(r"0[oO][0-7]+", text):
            return double(int(text[2:], 8))
        if re.fullmatch(r"0[bB][01]+", text):
            return double(int(text[2:], 2))
        if re.fullmatch(_DECIMAL, text):
            return float(text.replace("Infinity", "inf"))
        return math.nan
    return to_number(to_primitive(value))


def to_primitive(value: Any) -> Any:
    """ToPrimitive with the default hint for JSON data: arrays join, objects are "[object Object]"."""
    if isinstance(value, _OBJECTS):
        return to_string(value)
    return value


def to_string(value: Any) -> str:
    """JavaScript's `String(value)` for JSON data."""
    if value is UNDEFINED:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _NUMBERS):
        return js_number(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ",".join("" if v is None or v is UNDEFINED else to_string(v) for v in value)
    if is_function(value):
        return "function () { [native code] }"
    return "[object Object]"


def compare_ge(a: Any, b: Any) -> bool:
    """`a >= b` (the abstract relational comparison)."""
    a, b = to_primitive(a), to_primitive(b)
    if isinstance(a, str) and isinstance(b, str):
        return to_units(a) >= to_units(b)
    x, y = to_number(a), to_number(b)
    return x >= y


def compare_le(a: Any, b: Any) -> bool:
    """`a <= b`."""
    return compare_ge(b, a)


def divide(a: float, b: float) -> float:
    """`a / b` on doubles: division by zero gives ±Infinity or NaN instead of raising."""
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def floor(x: float) -> float:
    """`Math.floor` on a double (keeps infinities and NaN)."""
    return float(math.floor(x)) if math.isfinite(x) else x


def ceil(x: float) -> float:
    """`Math.ceil` on a double."""
    return float(math.ceil(x)) if math.isfinite(x) else x


def js_round(x: float) -> float:
    """`Math.round`: halves go up (towards +∞), unlike Python's round()."""
    if not math.isfinite(x):
        return x
    low = math.floor(x)
    return float(low + 1 if x - low >= 0.5 else low)


def to_int(x: Any) -> int | float:
    """ToIntegerOrInfinity, for slice and substr arguments."""
    n = to_number(x)
    if n != n:
        return 0
    if math.isinf(n):
        return n
    return int(n)


def slice_list(values: list[Any], end: Any) -> list[Any]:
    """`values.slice(0, end)`."""
    n = to_int(end)
    if n == math.inf:
        return list(values)
    if n == -math.inf:
        return []
    return values[: int(n)] if n >= 0 else values[: max(0, len(values) + int(n))]


def utf16_len(text: str) -> int:
    """`text.length` (UTF-16 code units)."""
    return len(to_units(text))


def utf16_prefix(text: str, length: Any) -> str:
    """`text.substr(0, length)`, which counts UTF-16 code units."""
    n = to_int(length)
    if n <= 0:
        return ""
    return text if n == math.inf else from_units(to_units(text)[: int(n)])


def parse_int(value: Any) -> float:
    """`parseInt(value, 10)`: the leading decimal integer of `String(value)` (`1e+21` gives 1)."""
    match = re.match(r"[+-]?[0-9]+", to_string(value).lstrip(_JS_SPACE))
    return double(int(match.group(0))) if match else math.nan


def parse_float(value: Any) -> float:
    """`parseFloat(value)`: the longest leading decimal literal of `String(value)`."""
    text = to_string(value).lstrip(_JS_SPACE)
    match = re.match(_DECIMAL, text)
    if not match:
        return math.nan
    return float(match.group(0).replace("Infinity", "inf"))


def json_key(value: Any) -> str | None:
    """`JSON.stringify(value)`, used only to compare generated values (None for `undefined`)."""
    if value is UNDEFINED or is_function(value):
        return None
    if isinstance(value, dict):
        parts = []
        for key in keys(value):
            text = json_key(value[key])
            if text is not None:
                parts.append(json.dumps(key, ensure_ascii=False) + ":" + text)
        return "{" + ",".join(parts) + "}"
    if isinstance(value, list):
        return "[" + ",".join(json_key(v) or "null" for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, _NUMBERS):
        return js_number(value) if math.isfinite(value) else "null"
    return json.dumps(value, ensure_ascii=False)


def short(value: Any) -> str:
    """jsf's `utils.short`: `JSON.stringify(value, null, 2)`, for error messages."""
    text = json_key(value)
    return "undefined" if text is None else text


# ------------------------------------------------------------------------------------------------ Date

# `new Date(text).toISOString()` for the strings the generator can feed it from its fixed format values
# (their prefixes, after a maxLength cut) that V8 reads with its lenient legacy parser, measured on Node.
# None means "Invalid time value" (a RangeError in the reference).
_V8_LEGACY_DATES: Final[dict[str, str | None]] = {
    "": None,
    "2": "2001-02-01T00:00:00.000Z",
    "20": None,
    "202": "0202-01-01T00:00:00.000Z",
    "2021-": "2021-01-01T00:00:00.000Z",
    "2021-0": None,
    "2021-01-": "2021-01-01T00:00:00.000Z",
    "2021-01-0": None,
    "2021-01-01T": None,
    "2021-01-01T0": None,
    "2021-01-01T00": None,
    "2021-01-01T00:": None,
    "2021-01-01T00:0": None,
    "2021-01-01T00:00:": None,
    "2021-01-01T00:00:0": None,
    "2021-01-01T00:00:00.": None,
    "1969-01-01 ": "1969-01-01T00:00:00.000Z",
    "1969-01-01 0": None,
    "1969-01-01 00": None,
    "1969-01-01 00:": "1969-01-01T00:00:00.000Z",
    "1969-01-01 00:0": "1969-01-01T00:00:00.000Z",
    "1969-01-01 00:00:": "1969-01-01T00:00:00.000Z",
    "1969-01-01 00:00:0": "1969-01-01T00:00:00.000Z",
}

# ECMAScript's date-time string format (V8 also takes a space for the T, and lower-case t and z).
# Compiled on first use: few schemas have dates, and compiling costs ~0.2 ms.
@cache
def _iso_re() -> re.Pattern[str]:
    return re.compile(
        r"(?P<year>\d{4}|[+-]\d{6})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?"
        r"(?:[Tt ](?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.(?P<fraction>\d+))?)?"
        r"(?P<zone>[Zz]|[+-]\d\d:\d\d)?)?"
    )


class DateParseError(ValueError):
    """`new Date(text)` is invalid in the reference, or a form whose V8 result is not reproduced."""


def date_iso(text: str) -> str:
    """`new Date(text).toISOString()`.

    Date-times without an offset are local time in JavaScript; the reference ran with TZ=UTC, and so
    does this port (it always reads them as UTC).

    Raises:
        DateParseError: the reference would throw "Invalid time value", or V8's lenient parser would
            accept a form this port does not reproduce.
    """
    if text in _V8_LEGACY_DATES:
        known = _V8_LEGACY_DATES[text]
        if known is None:
            raise DateParseError("Invalid time value")
        return known
    match = _iso_re().fullmatch(text)
    if not match:
        raise DateParseError(f"cannot reproduce JavaScript's Date parsing of {text!r}")
    fields = match.groupdict()
    try:
        moment = _dt.datetime(
            int(fields["year"]),
            int(fields["month"] or 1),
            int(fields["day"] or 1),
            int(fields["hour"] or 0),
            int(fields["minute"] or 0),
            int(fields["second"] or 0),
            int((fields["fraction"] or "0")[:3].ljust(3, "0")) * 1000,
        )
    except ValueError:
        raise DateParseError(f"cannot reproduce JavaScript's Date parsing of {text!r}") from None
    zone = fields["zone"]
    if zone and zone not in ("Z", "z"):
        sign = 1 if zone[0] == "+" else -1
        moment -= sign * _dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}:"
        f"{moment.second:02d}.{moment.microsecond // 1000:03d}Z"
    )


def template(value: Any, schema: Any, lookup: Callable[[Any, str], Any]) -> Any:
    """jsf's `utils.template`: replace `#{name}` in strings with `schema[name]`."""
    if isinstance(value, list):
        return [template(v, schema, lookup) for v in value]
    if isinstance(value, str):
        return re.sub(r"#\{([A-Za-z0-9_.-]+)\}", lambda m: to_string(lookup(schema, m.group(1))), value)
    return value

"""JSON text as the reference writes it: json-stable-stringify 1.0.1 with `space: 2` and the schema key order.

Byte-level facts of that module that differ from `json.dumps(indent=2)`:

* an empty object is `{` newline indent `}` and an empty array `[` newline indent `]` (it always appends
  the closing indent), not `{}` / `[]`;
* there is no trailing newline;
* scalars go through `JSON.stringify`: non-ASCII is written raw (U+2028/U+2029 too), control characters
  as `\\u001f`-style escapes, lone surrogates as `\\udXXX`; numbers as JS formats them (`1.0` → `1`,
  `1e21` → `1e+21`), NaN and infinities as `null`; dates as their `toISOString()` string;
* a shared object is written out again at each place, while an object inside itself is an error.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache
from json.encoder import encode_basestring
from typing import Any

from schema_tools.documents.collation import schema_key_order
from schema_tools.documents.numbers import js_number

_SPACE = "  "


@cache
def _surrogate() -> re.Pattern[str]:
    # Compiled on first use: only a non-ASCII string can hold a surrogate, and compiling costs ~0.2 ms.
    return re.compile("[\ud800-\udfff]")


def dump_json(obj: Any) -> str:
    """Serialize like `jsonStableStringify(obj, {cmp: schemaKeyCompare on keys, space: 2})`.

    Raises:
        ValueError: an object contains itself (JS: "Converting circular structure to JSON").
        TypeError: a value JSON cannot hold (not dict, list, str, int, float, bool, None or date).
    """
    return _stringify(obj, 0, [])


def _stringify(node: Any, level: int, ancestors: list[int]) -> str:
    if isinstance(node, dict):
        return _stringify_object(node, level, ancestors)
    if isinstance(node, list):
        indent = "\n" + _SPACE * level
        items = [indent + _SPACE + _stringify(item, level + 1, ancestors) for item in node]
        return "[" + ",".join(items) + indent + "]"
    return json_scalar(node)


def _stringify_object(node: dict[str, Any], level: int, ancestors: list[int]) -> str:
    # Like the module, only objects are tracked: an array inside itself recurses without end (JS
    # overflows its stack, Python raises RecursionError).
    if id(node) in ancestors:
        raise ValueError("Converting circular structure to JSON")
    ancestors.append(id(node))
    indent = "\n" + _SPACE * level
    pairs = [
        indent + _SPACE + json_string(key) + ": " + _stringify(node[key], level + 1, ancestors)
        for key in schema_key_order(node)
    ]
    ancestors.pop()
    return "{" + ",".join(pairs) + indent + "}"


def json_scalar(value: Any) -> str:
    """`JSON.stringify` of a scalar (a date becomes its `toJSON()`, i.e. ISO, string)."""
    if isinstance(value, str):
        return json_string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return "null"
        return js_number(value)
    if isinstance(value, dt.date):
        return json_string(js_iso_string(value))
    raise TypeError(f"cannot write a {type(value).__name__} as JSON")


def json_string(text: str) -> str:
    """`JSON.stringify` of a string: raw non-ASCII, escaped controls and lone surrogates."""
    # What json.dumps(text, ensure_ascii=False) returns, without building an encoder for each string.
    out = encode_basestring(text)
    if not out.isascii() and _surrogate().search(out):
        out = _escape_lone_surrogates(out)
    return out


def _escape_lone_surrogates(text: str) -> str:
    # JS strings are UTF-16: a high and a low surrogate next to each other are one character, written raw;
    # any other surrogate is escaped (well-formed JSON.stringify, ES2019).
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _surrogate().sub(lambda m: f"\\u{ord(m.group()):04x}", joined)


def js_iso_string(value: dt.date) -> str:
    """JS `Date.prototype.toISOString()` of the Date js-yaml would have built (UTC, milliseconds)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return (
            f"{value.year:04d}-{value.month:02d}-{value.day:02d}T"
            f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond // 1000:03d}Z"
        )
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T00:00:00.000Z"

# ruff: noqa: E501 - AJV's regular expressions, kept whole so they can be compared with the originals
"""The `format` checks of AJV 6.12.6 in its default 'fast' mode, which is what the reference validated with.

The regular expressions are AJV's own sources, copied verbatim and translated once from JavaScript to
Python so that they match exactly what they matched in Node:

* strings are matched as UTF-16 code units (JavaScript's view; a non-BMP character is two units);
* `$` becomes `\\Z` (in JavaScript `$` never matches before a trailing newline, in Python it does);
* `\\s` becomes JavaScript's whitespace set and `.` "anything but a line terminator";
* `/i` becomes ASCII-only case folding (`re.ASCII`), as non-Unicode JavaScript regexes fold ASCII letters
  only against ASCII letters.

`KNOWN` is the set AJV knows: any other `format` made AJV throw while compiling a schema.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from functools import cache

# JavaScript's \s: WhiteSpace and LineTerminator code points.
_JS_SPACE = r"\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_JS_DOT = r"[^\n\r\u2028\u2029]"

_FAST_SOURCES: dict[str, tuple[str, bool]] = {  # name -> (JavaScript source, case-insensitive)
    "date": (r"^\d\d\d\d-[0-1]\d-[0-3]\d$", False),
    "time": (r"^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$", True),
    "date-time": (
        r"^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$",
        True,
    ),
    "uri": (r"^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$", True),
    "uri-reference": (r"^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$", True),
    "uri-template": (
        r"""^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+"""
        r"""(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$""",
        True,
    ),
    "email": (
        r"^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
        r"(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$",
        True,
    ),
    "hostname": (
        r"^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$",
        True,
    ),
    "ipv4": (r"^(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$", False),
    "uuid": (r"^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$", True),
    "json-pointer": (r"^(?:\/(?:[^~/]|~0|~1)*)*$", False),
    "json-pointer-uri-fragment": (r"^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$", True),
    "relative-json-pointer": (r"^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$", False),
}
_IPV6_PART = r"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})"
_FAST_SOURCES["ipv6"] = (
    r"^\s*(?:(?:(?:[0-9a-f]{1,4}:){7}(?:[0-9a-f]{1,4}|:))|(?:(?:[0-9a-f]{1,4}:){6}(?::[0-9a-f]{1,4}|IP4|:))"
    r"|(?:(?:[0-9a-f]{1,4}:){5}(?:(?:(?::[0-9a-f]{1,4}){1,2})|:IP4|:))"
    r"|(?:(?:[0-9a-f]{1,4}:){4}(?:(?:(?::[0-9a-f]{1,4}){1,3})|(?:(?::[0-9a-f]{1,4})?:IP4)|:))"
    r"|(?:(?:[0-9a-f]{1,4}:){3}(?:(?:(?::[0-9a-f]{1,4}){1,4})|(?:(?::[0-9a-f]{1,4}){0,2}:IP4)|:))"
    r"|(?:(?:[0-9a-f]{1,4}:){2}(?:(?:(?::[0-9a-f]{1,4}){1,5})|(?:(?::[0-9a-f]{1,4}){0,3}:IP4)|:))"
    r"|(?:(?:[0-9a-f]{1,4}:){1}(?:(?:(?::[0-9a-f]{1,4}){1,6})|(?:(?::[0-9a-f]{1,4}){0,4}:IP4)|:))"
    r"|(?::(?:(?:(?::[0-9a-f]{1,4}){1,7})|(?:(?::[0-9a-f]{1,4}){0,5}:IP4)|:)))(?:%.+)?\s*$".replace(
        "IP4", _IPV6_PART
    ),
    True,
)
# AJV's `url` (dperini's expression, transpiled for UTF-16), in pieces: a "non-space" code unit, a
# label code unit, and the host alternatives.
_U_ANY = (
    r"(?:[\0-\x08\x0E-\x1F!-\x9F\xA1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF"
    r"\u3001-\uD7FF\uE000-\uFEFE\uFF00-\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])"
    r"|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF])"
)
_U_LABEL = r"(?:[0-9a-z\xA1-\uD7FF\uE000-\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF])"
_U_TLD = r"(?:[a-z\xA1-\uD7FF\uE000-\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF])"
_FAST_SOURCES["url"] = (
    r"^(?:(?:http[s\u017F]?|ftp):\/\/)(?:" + _U_ANY + r"+(?::" + _U_ANY + r"*)?@)?"
    r"(?:(?!10(?:\.[0-9]{1,3}){3})(?!127(?:\.[0-9]{1,3}){3})(?!169\.254(?:\.[0-9]{1,3}){2})"
    r"(?!192\.168(?:\.[0-9]{1,3}){2})(?!172\.(?:1[6-9]|2[0-9]|3[01])(?:\.[0-9]{1,3}){2})"
    r"(?:[1-9][0-9]?|1[0-9][0-9]|2[01][0-9]|22[0-3])(?:\.(?:1?[0-9]{1,2}|2[0-4][0-9]|25[0-5])){2}"
    r"(?:\.(?:[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-4]))"
    r"|(?:(?:" + _U_LABEL + r"+-)*" + _U_LABEL + r"+)(?:\.(?:" + _U_LABEL + r"+-)*" + _U_LABEL + r"+)*"
    r"(?:\.(?:" + _U_TLD + r"){2,}))(?::[0-9]{2,5})?(?:\/" + _U_ANY + r"*)?$",
    True,
)

KNOWN = frozenset([*_FAST_SOURCES, "regex"])
_Z_ANCHOR = re.compile(r"[^\\]\\Z")


def js_to_python(source: str) -> str:
    """Translate the JavaScript regex constructs these sources use (`$`, `\\s`, `.`) to Python's."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            escape = source[index : index + 2]
            if escape == r"\s":
                out.append(_JS_SPACE if in_class else f"[{_JS_SPACE}]")
            else:
                out.append(escape)
            index += 2
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
            if source[index + 1 : index + 2] == "^":  # `[^]` cannot occur here; keep `^` with the class
                out.append("^")
                index += 1
        elif char == "$":
            out.append(r"\Z")
        elif char == ".":
            out.append(_JS_DOT)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def utf16_units(text: str) -> str:
    """`text` as JavaScript sees it: each non-BMP character split into its two surrogate code units."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return text
    units = []
    for char in text:
        code = ord(char)
        if code < 0x10000:
            units.append(char)
        else:
            code -= 0x10000
            units.append(chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF)))
    return "".join(units)


@cache
def _compiled(name: str) -> re.Pattern[str]:
    source, ignore_case = _FAST_SOURCES[name]
    return re.compile(js_to_python(source), re.ASCII | (re.IGNORECASE if ignore_case else 0))


def _regex_format(text: str) -> bool:
    """AJV's `regex` format: no `\\Z` after a non-backslash, and the pattern compiles (ECMA-262)."""
    return _Z_ANCHOR.search(text) is None and is_ecma_regex(text)


@cache
def is_ecma_regex(pattern: str) -> bool:
    """True when jsonschema-rs (ECMA-262 semantics, as the intake services) can compile `pattern`.

    Stricter than Node's Annex B leniency in corners (a lone `]` or `{`, `\\c`, `[^]`): such patterns
    are refused, because a Python intake service could not use them either.
    """
    import jsonschema_rs

    try:
        jsonschema_rs.Draft7Validator({"type": "string", "pattern": pattern}, validate_formats=False)
    except (jsonschema_rs.ValidationError, ValueError):
        return False
    return True


def check_format(name: str, value: str) -> bool:
    """Whether `value` passes AJV's fast check of format `name` (an unknown format passes here)."""
    if name == "regex":
        return _regex_format(value)
    if name not in _FAST_SOURCES:
        return True
    return _compiled(name).search(utf16_units(value)) is not None


def format_checkers() -> dict[str, Callable[[str], bool]]:
    """AJV's formats as jsonschema-rs `formats=` callbacks (they replace jsonschema-rs's own checks)."""
    return {name: functools.partial(check_format, name) for name in KNOWN}

"""Scalars as js-yaml 3.14.1 `dump` writes them: style choice, quoting, folding, numbers.

A port of `writeScalar`, `chooseScalarStyle`, `foldString`, `foldLine`, `blockHeader`, `escapeString` and
the `represent` functions of the default schema's types (lib/js-yaml/dumper.js, lib/js-yaml/type/*.js),
with the default options: indent 2, lineWidth 80, no flow level, compatibility mode on.

js-yaml walks strings by UTF-16 code unit (`charCodeAt`). A character outside the BMP is two surrogate
code units, neither of them "printable", so any such string is double-quoted before any width is
measured; that is why widths can be taken on Python code points here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache, lru_cache

from schema_tools.documents.json_emit import js_iso_string
from schema_tools.documents.numbers import MAX_SAFE_INTEGER, js_number

INDENT = 2
LINE_WIDTH = 80

# Written quoted even though YAML 1.2 reads them as strings ("compat mode": YAML 1.1 booleans).
DEPRECATED_BOOLEANS = frozenset(
    ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF"]
)

# `!isPrintable(c)`: anything outside #x20-#x7E, #xA1-#xD7FF, #xE000-#xFFFD, or U+2028, U+2029, BOM.
# Astral characters are outside the class on purpose: in JS they are surrogates, which are not printable.
_NOT_PRINTABLE = "[^\x20-\x7e\xa1-\ud7ff\ue000-\ufffd]|[\u2028\u2029\ufeff]"
_NOT_PRINTABLE_IN_BLOCK = "[^\n\x20-\x7e\xa1-\ud7ff\ue000-\ufffd]|[\u2028\u2029\ufeff]"


def _is_printable_ascii(text: str, single_line_only: bool) -> bool:
    """Only space to `~` (and newlines in blocks): then no escape can be needed."""
    return text.isascii() and (text.isprintable() if single_line_only else text.replace("\n", "").isprintable())


@cache
def _needs_double_quotes(single_line_only: bool) -> re.Pattern[str]:
    # Compiling these Unicode ranges costs milliseconds, at every start: only strings with a character
    # outside printable ASCII ever need them.
    return re.compile(_NOT_PRINTABLE if single_line_only else _NOT_PRINTABLE_IN_BLOCK)


# `!isPlainSafe(c, prev)` for printable characters: flow indicators, ":", and "#" after a non-ns-char.
_NOT_PLAIN_SAFE = re.compile(r"[\n,\[\]{}:]|(?:^|[ \t])#")
# c-indicators, whitespace and non-printables cannot start a plain scalar (`isPlainSafeFirst`).
_NOT_PLAIN_FIRST = frozenset(" \t-?:,[]{}#&*!|=>'\"%@`")

_ESCAPES = {
    0x00: "\\0",
    0x07: "\\a",
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0B: "\\v",
    0x0C: "\\f",
    0x0D: "\\r",
    0x1B: "\\e",
    0x22: '\\"',
    0x5C: "\\\\",
    0x85: "\\N",
    0xA0: "\\_",
    0x2028: "\\L",
    0x2029: "\\P",
}

_LINE = re.compile(r"(\n+)([^\n]*)")
_BREAK = re.compile(r" [^ ]")
_SCIENTIFIC_WITHOUT_DOT = re.compile(r"[-+]?[0-9]+e")


# Floats, dates and timestamps all start with a sign, a dot or a digit; their patterns are compiled on
# first use (compiling them cost a good part of this module's import time), and only for such strings.
_NUMBER_OR_DATE_FIRST = frozenset("-+.0123456789")


@cache
def _float_date_timestamp() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(
            r"[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
            r"|\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
            r"|[-+]?\.(?:inf|Inf|INF)"
            r"|\.(?:nan|NaN|NAN)"
        ),
        re.compile(r"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"),
        re.compile(
            r"[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"
        ),
    )

_BASE60_TAIL = re.compile(r"(?::[0-5]?[0-9])+")
_NULLS = frozenset(["~", "null", "Null", "NULL"])
_BOOLS = frozenset(["true", "True", "TRUE", "false", "False", "FALSE"])


def resolves_to_other_type(text: str) -> bool:
    """`testImplicitResolving`: would the default schema read this plain scalar as a non-string?"""
    if text in _NULLS or text in _BOOLS or text == "<<" or _resolves_int(text):
        return True
    if not text or text[0] not in _NUMBER_OR_DATE_FIRST:
        return False
    float_re, date_re, timestamp_re = _float_date_timestamp()
    return (
        (float_re.fullmatch(text) is not None and text[-1] != "_")
        or date_re.fullmatch(text) is not None
        or timestamp_re.fullmatch(text) is not None
    )


def _resolves_int(data: str) -> bool:
    """`resolveYamlInteger` (type/int.js), character for character."""
    length = len(data)
    if not length:
        return False
    index = 0
    ch: str | None = data[0]
    if ch in ("-", "+"):
        index += 1
        ch = data[index] if index < length else None
    if ch == "0":
        if index + 1 == length:
            return True
        index += 1
        ch = data[index]
        if ch == "b":
            return _digits_with_underscores(data[index + 1 :], "01")
        if ch == "x":
            return _digits_with_underscores(data[index + 1 :], "0123456789ABCDEFabcdef")
        return _digits_with_underscores(data[index:], "01234567")
    if ch == "_":
        return False
    has_digits = False
    while index < length:  # base 10, or base 60 from the first ":"
        ch = data[index]
        if ch == ":":
            break
        if ch != "_":
            if not "0" <= ch <= "9":
                return False
            has_digits = True
        index += 1
    if not has_digits or ch == "_":
        return False
    if ch != ":":
        return True
    return _BASE60_TAIL.fullmatch(data[index:]) is not None


def _digits_with_underscores(digits: str, allowed: str) -> bool:
    """Binary, octal and hex bodies: only allowed digits or `_`, some digit, not ending in `_`."""
    has_digits = False
    for ch in digits:
        if ch == "_":
            continue
        if ch not in allowed:
            return False
        has_digits = True
    return has_digits and digits[-1] != "_"


@lru_cache(maxsize=8192)
def write_scalar(text: str, level: int, is_key: bool) -> str:
    """`writeScalar`: the string as a plain, quoted or block scalar for nesting depth `level`."""
    if not text:
        return "''"
    if text in DEPRECATED_BOOLEANS:
        return "'" + text + "'"
    indent = INDENT * max(1, level)  # no 0-indent scalars
    # The width shrinks with depth, down to min(lineWidth, 40).
    width = max(min(LINE_WIDTH, 40), LINE_WIDTH - indent)
    style = _choose_style(text, is_key, width)
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "literal":
        return "|" + _block_header(text) + _drop_ending_newline(_indent_lines(text, indent))
    if style == "folded":
        return ">" + _block_header(text) + _drop_ending_newline(_indent_lines(_fold(text, width), indent))
    return '"' + _escape(text) + '"'


def _choose_style(text: str, single_line_only: bool, width: int) -> str:
    """`chooseScalarStyle` with lineWidth tracking on (it is never -1 here)."""
    if not _is_printable_ascii(text, single_line_only) and _needs_double_quotes(single_line_only).search(text):
        return "double"  # the JS loop returns this at the first non-printable, whatever came before
    has_line_break = False
    has_foldable_line = False
    if not single_line_only:
        has_line_break = "\n" in text
        # A foldable line is too long and not more-indented (does not start with a space).
        if has_line_break or len(text) > width:
            has_foldable_line = any(len(line) > width and line[:1] != " " for line in text.split("\n"))
    if not has_line_break and not has_foldable_line:
        plain = text[0] not in _NOT_PLAIN_FIRST and text[-1] not in " \t" and not _NOT_PLAIN_SAFE.search(text)
        return "plain" if plain and not resolves_to_other_type(text) else "single"
    return "folded" if has_foldable_line else "literal"


def _block_header(text: str) -> str:
    """Indentation indicator (when the text starts with spaces after newlines) and chomping indicator."""
    indicator = str(INDENT) if re.match(r"\n* ", text) else ""
    clip = text[-1] == "\n"
    keep = clip and (text == "\n" or text[-2] == "\n")
    chomp = "+" if keep else ("" if clip else "-")
    return indicator + chomp + "\n"


def _drop_ending_newline(text: str) -> str:
    return text[:-1] if text.endswith("\n") else text


def _indent_lines(text: str, spaces: int) -> str:
    """`indentString`: indent every line except empty ones."""
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.split("\n"))


def _fold(text: str, width: int) -> str:
    """`foldString`: fold each line; a line break between two normal lines becomes a blank line."""
    first_break = text.find("\n")
    if first_break == -1:
        first_break = len(text)
    result = [_fold_line(text[:first_break], width)]
    prev_more_indented = text[0] in ("\n", " ")
    for match in _LINE.finditer(text, first_break):
        prefix, line = match.group(1), match.group(2)
        more_indented = line[:1] == " "
        result.append(prefix)
        if not prev_more_indented and not more_indented and line:
            result.append("\n")
        result.append(_fold_line(line, width))
        prev_more_indented = more_indented
    return "".join(result)


def _fold_line(line: str, width: int) -> str:
    """`foldLine`: greedy breaking at single spaces; a too-long word stays whole."""
    if not line or line[0] == " ":
        return line
    start = 0
    current = 0
    pieces: list[str] = []
    for match in _BREAK.finditer(line):
        following = match.start()
        if following - start > width:
            end = current if current > start else following
            pieces.append(line[start:end])
            start = end + 1  # the space that became the line break
        current = following
    if len(line) - start > width and current > start:
        pieces.append(line[start:current])
        pieces.append(line[current + 1 :])
    else:
        pieces.append(line[start:])
    return "\n".join(pieces)


def _escape(text: str) -> str:
    """`escapeString` over UTF-16 code units, as in JS: a surrogate pair becomes one `\\UXXXXXXXX`."""
    units = text.encode("utf-16-le", "surrogatepass")
    codes = [units[i] | (units[i + 1] << 8) for i in range(0, len(units), 2)]
    out: list[str] = []
    index = 0
    while index < len(codes):
        code = codes[index]
        if 0xD800 <= code <= 0xDBFF and index + 1 < len(codes) and 0xDC00 <= codes[index + 1] <= 0xDFFF:
            out.append(_hex_escape((code - 0xD800) * 0x400 + codes[index + 1] - 0xDC00 + 0x10000))
            index += 2
            continue
        escape = _ESCAPES.get(code)
        if escape is not None:
            out.append(escape)
        elif _is_printable(code):
            out.append(chr(code))
        else:
            out.append(_hex_escape(code))
        index += 1
    return "".join(out)


def _is_printable(code: int) -> bool:
    return (
        0x20 <= code <= 0x7E
        or (0xA1 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    )


def _hex_escape(code: int) -> str:
    """`encodeHex`: `\\xXX`, `\\uXXXX` or `\\UXXXXXXXX`, upper-case digits."""
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def write_number(value: int | float) -> str:
    """The int and float types' `represent`: JS `toString`, plus js-yaml's float spellings."""
    if isinstance(value, int) and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        return str(value)
    try:
        number = float(value)  # what JS holds
    except OverflowError:  # an integer beyond the largest double is Infinity in JS
        number = math.inf if value > 0 else -math.inf
    if math.isnan(number):
        return ".nan"
    if math.isinf(number):
        return ".inf" if number > 0 else "-.inf"
    if number == 0 and math.copysign(1.0, number) < 0:
        return "-0.0"
    text = js_number(number)
    if number.is_integer():  # the int type (`n % 1 === 0`) writes toString(10) as is, e.g. 1e+21
        return text
    # JS writes 5e-7 where YAML requires a dot: js-yaml turns it into 5.e-7.
    return text.replace("e", ".e", 1) if _SCIENTIFIC_WITHOUT_DOT.match(text) else text


def write_plain_scalar(value: object) -> str | None:
    """Null, booleans, numbers and dates (written unquoted as `toISOString()`); None for other values."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return write_number(value)
    if isinstance(value, dt.date):
        return js_iso_string(value)
    return None

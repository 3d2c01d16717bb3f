"""Strings from regular expressions, as json-schema-faker 0.5.0-rcv.34 makes them with a fixed random.

The reference bundles three small libraries into json-schema-faker's `dist/main.cjs.js`, and this module
ports the parts it uses, line for line where it matters:

* **ret** (the tokenizer): `strToChars` decodes escapes, `tokenizeClass` reads `[...]`, `tokenize` builds
  the ROOT/GROUP/SET/RANGE/REPETITION/REFERENCE/CHAR/POSITION tree;
* **drange** (discontinuous ranges): its ranges are **not** kept sorted. A new range that touches none of
  the existing ones is appended at the end, so `[_a-f\\d]` expands to `95, 97-102, 48-57`, in that order,
  and the order decides which character an index selects;
* **randexp**: with json-schema-faker's overrides, `max` (the extra repetitions for `*`, `+` and `{n,}`)
  is `defaultRandExpMax` = 10 and `randInt(a, b)` is `a + floor(random() * (1 + b - a))` with the jsf
  `random` option, which the reference fixes at 0.15. Case folding is never on (jsf passes no flags).

Because `random` is a constant, the order and number of random draws do not matter; only the arithmetic
does. JavaScript strings are UTF-16, so the pattern is first turned into UTF-16 code units (astral
characters become surrogate pairs, as `charCodeAt` sees them) and the result is turned back at the end.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

RANDOM = 0.15
"""The reference's `random: () => 0.15`."""

DEFAULT_RANDEXP_MAX = 10
"""jsf's `defaultRandExpMax`, copied onto `RandExp.prototype.max`: `x*` repeats 0-10, `x+` 1-11 times."""

# Token types of ret.
ROOT, GROUP, POSITION, SET, RANGE, REPETITION, REFERENCE, CHAR = range(8)


class PatternError(ValueError):
    """ret's `SyntaxError: Invalid regular expression: /…/: …`."""


def rand_int(low: float, high: float) -> int:
    """randexp's `randInt` as overridden by jsf: `a + Math.floor(random() * (1 + (b - a)))`."""
    return int(low + math.floor(RANDOM * (1 + (high - low))))


# --------------------------------------------------------------------------------------------- UTF-16


def to_units(text: str) -> str:
    """The string as JavaScript holds it: one Python character per UTF-16 code unit."""
    if all(ord(c) < 0x10000 for c in text):
        return text
    data = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i : i + 2], "little")) for i in range(0, len(data), 2))


def from_units(units: str) -> str:
    """Join surrogate pairs back into characters (lone surrogates stay, as in JavaScript)."""
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in units):
        return units
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


# ---------------------------------------------------------------------------------------------- drange


# Plain classes rather than dataclasses here: defining a dataclass costs a fraction of a millisecond at
# every start, and nothing compares or prints these.
class SubRange:
    """drange's private `SubRange`: an inclusive range of character codes."""

    __slots__ = ("high", "low")

    def __init__(self, low: int, high: int) -> None:
        self.low = low
        self.high = high

    @property
    def length(self) -> int:
        return 1 + self.high - self.low

    def overlaps(self, other: SubRange) -> bool:
        return not (self.high < other.low or self.low > other.high)

    def touches(self, other: SubRange) -> bool:
        return not (self.high + 1 < other.low or self.low - 1 > other.high)

    def add(self, other: SubRange) -> SubRange:
        return SubRange(min(self.low, other.low), max(self.high, other.high))

    def subtract(self, other: SubRange) -> list[SubRange]:
        if other.low <= self.low and other.high >= self.high:
            return []
        if other.low > self.low and other.high < self.high:
            return [SubRange(self.low, other.low - 1), SubRange(other.high + 1, self.high)]
        if other.low <= self.low:
            return [SubRange(other.high + 1, self.high)]
        return [SubRange(self.low, other.low - 1)]


class DRange:
    """drange 2's `DRange`, keeping its insertion order (it does not sort)."""

    __slots__ = ("ranges",)

    def __init__(self, ranges: list[SubRange] | None = None) -> None:
        self.ranges: list[SubRange] = [] if ranges is None else ranges

    @classmethod
    def of(cls, low: int, high: int | None = None) -> DRange:
        return cls().add_range(SubRange(low, low if high is None else high))

    @property
    def length(self) -> int:
        return sum(r.length for r in self.ranges)

    def clone(self) -> DRange:
        return DRange(list(self.ranges))

    def add_range(self, sub: SubRange) -> DRange:
        i = 0
        while i < len(self.ranges) and not sub.touches(self.ranges[i]):
            i += 1
        new = self.ranges[:i]
        while i < len(self.ranges) and sub.touches(self.ranges[i]):
            sub = sub.add(self.ranges[i])
            i += 1
        self.ranges = [*new, sub, *self.ranges[i:]]
        return self

    def add(self, other: DRange) -> DRange:
        for sub in list(other.ranges):
            self.add_range(sub)
        return self

    def subtract(self, other: DRange) -> DRange:
        for sub in list(other.ranges):
            i = 0
            while i < len(self.ranges) and not sub.overlaps(self.ranges[i]):
                i += 1
            new = self.ranges[:i]
            while i < len(self.ranges) and sub.overlaps(self.ranges[i]):
                new.extend(self.ranges[i].subtract(sub))
                i += 1
            self.ranges = new + self.ranges[i:]
        return self

    def intersect(self, other: DRange) -> DRange:
        new: list[SubRange] = []
        for sub in other.ranges:
            i = 0
            while i < len(self.ranges) and not sub.overlaps(self.ranges[i]):
                i += 1
            while i < len(self.ranges) and sub.overlaps(self.ranges[i]):
                new.append(SubRange(max(self.ranges[i].low, sub.low), min(self.ranges[i].high, sub.high)))
                i += 1
        self.ranges = new
        return self

    def index(self, index: int) -> int:
        i = 0
        while i < len(self.ranges) and self.ranges[i].length <= index:
            index -= self.ranges[i].length
            i += 1
        if i == len(self.ranges):
            # Only reachable with a reversed range such as `[z-a]`, where drange crashes the same way.
            raise PatternError("Cannot read properties of undefined (reading 'low')")
        return self.ranges[i].low + index


# ------------------------------------------------------------------------------------------------- ret

Token = dict[str, Any]


def _range(low: int, high: int) -> Token:
    return {"type": RANGE, "from": low, "to": high}


def _char(code: int) -> Token:
    return {"type": CHAR, "value": code}


def _ints() -> list[Token]:
    return [_range(48, 57)]


def _words() -> list[Token]:
    return [_char(95), _range(97, 122), _range(65, 90), *_ints()]


def _whitespace() -> list[Token]:
    codes: list[Token] = [_char(c) for c in (9, 10, 11, 12, 13, 32, 160, 5760)]
    codes.append(_range(8192, 8202))
    codes.extend(_char(c) for c in (8232, 8233, 8239, 8287, 12288, 65279))
    return codes


def _set(members: list[Token], negated: bool) -> Token:
    return {"type": SET, "set": members, "not": negated}


_CLASS_SETS = {
    "w": lambda: _set(_words(), False),
    "W": lambda: _set(_words(), True),
    "d": lambda: _set(_ints(), False),
    "D": lambda: _set(_ints(), True),
    "s": lambda: _set(_whitespace(), False),
    "S": lambda: _set(_whitespace(), True),
}


def _any_char() -> Token:
    return _set([_char(10), _char(13), _char(8232), _char(8233)], True)


_CTRL = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^ ?"
_SLSH = {"0": 0, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13}
_SPECIAL_RE = re.compile(r"[\[\]{}^$.|?*+()]")


# The two long patterns below are compiled on first use (together ~0.6 ms, at every start otherwise).
@cache
def _chars_re() -> re.Pattern[str]:
    # ret's chars_regex; JavaScript's `[@A-Z[\\\]^?]` needs its `[` escaped in Python.
    return re.compile(r"(\[\\b\])|(\\)?\\(?:u([A-F0-9]{4})|x([A-F0-9]{2})|(0?[0-7]{2})|c([@A-Z\[\\\]^?])|([0tnvfr]))")


# ret's class regexp; JavaScript's `.` stops at line terminators and `[^]` matches anything.
@cache
def _class_re() -> re.Pattern[str]:
    return re.compile(
        r"\\(?:(w)|(d)|(s)|(W)|(D)|(S))|((?:(?:\\)([^\n\r\u2028\u2029])|([^\]\\]))-(?:\\)?([^\]]))|(\])|(?:\\)?([\s\S])"
    )


_REPEAT_RE = re.compile(r"(\d+)(,(\d+)?)?\}")


def _str_to_chars(text: str) -> str:
    """ret's `strToChars`: decode `\\uXXXX`, `\\xXX`, octal, `\\cX`, `\\n`… into (escaped) characters."""

    def decode(match: re.Match[str]) -> str:
        b, lbs, a16, b16, c8, dctrl, eslsh = match.groups()
        if lbs:
            return match.group(0)
        if b:
            code = 8
        elif a16:
            code = int(a16, 16)
        elif b16:
            code = int(b16, 16)
        elif c8:
            code = int(c8, 8)
        elif dctrl:
            code = _CTRL.index(dctrl)
        else:
            code = _SLSH[eslsh]
        char = chr(code)
        return "\\" + char if _SPECIAL_RE.match(char) else char

    return _chars_re().sub(decode, text)


def _tokenize_class(text: str, pattern: str) -> tuple[list[Token], int]:
    """ret's `tokenizeClass`: the members of a `[...]` class and how many characters it spans."""
    tokens: list[Token] = []
    pos = 0
    class_re = _class_re()
    while (match := class_re.search(text, pos)) is not None:
        pos = match.end()
        groups = match.groups()
        escape = next((k for k, g in zip("wdsWDS", groups[:6], strict=True) if g), None)
        if escape:
            tokens.append(_CLASS_SETS[escape]())
        elif groups[6]:
            low = groups[7] or groups[8]
            tokens.append(_range(ord(low), ord(groups[9])))
        elif groups[11]:
            tokens.append(_char(ord(groups[11])))
        else:
            return tokens, pos
    raise PatternError(f"Invalid regular expression: /{pattern}/: Unterminated character class")


class _Parser:
    """The state of ret's tokenizer loop."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.root: Token = {"type": ROOT, "stack": []}
        self.last_group: Token = self.root
        self.last: list[Token] = self.root["stack"]
        self.group_stack: list[Token] = []

    def error(self, message: str) -> PatternError:
        return PatternError(f"Invalid regular expression: /{self.pattern}/: {message}")

    def repeat(self, low: int, high: float, column: int) -> None:
        if not self.last:
            raise self.error(f"Nothing to repeat at column {column - 1}")
        self.last.append({"type": REPETITION, "min": low, "max": high, "value": self.last.pop()})


def tokenize(pattern: str) -> Token:
    """ret's `tokenizer(regexpStr)` on a pattern already in UTF-16 code units."""
    parser = _Parser(pattern)
    text = _str_to_chars(pattern)
    i = 0
    while i < len(text):
        c = text[i]
        i += 1
        if c == "\\":
            if i >= len(text):
                # ret reads `undefined` here and crashes on `undefined.charCodeAt`.
                raise parser.error("\\ at end of pattern")
            c = text[i]
            i += 1
            parser.last.append(_escape_token(c))
        elif c == "^":
            parser.last.append({"type": POSITION, "value": "^"})
        elif c == "$":
            parser.last.append({"type": POSITION, "value": "$"})
        elif c == "[":
            negated = text[i : i + 1] == "^"
            if negated:
                i += 1
            members, span = _tokenize_class(text[i:], pattern)
            i += span
            parser.last.append(_set(members, negated))
        elif c == ".":
            parser.last.append(_any_char())
        elif c == "(":
            i = _open_group(parser, text, i)
        elif c == ")":
            if not parser.group_stack:
                raise parser.error(f"Unmatched ) at column {i - 1}")
            parser.last_group = parser.group_stack.pop()
            options = parser.last_group.get("options")
            parser.last = options[-1] if options else parser.last_group["stack"]
        elif c == "|":
            group = parser.last_group
            if "options" not in group:
                group["options"] = [group.pop("stack")]
            parser.last = []
            group["options"].append(parser.last)
        elif c == "{":
            match = _REPEAT_RE.match(text, i)
            if match is None:
                parser.last.append(_char(123))
            else:
                low = int(match.group(1))
                high: float = (int(match.group(3)) if match.group(3) else math.inf) if match.group(2) else low
                parser.repeat(low, high, i)
                i = match.end()
        elif c == "?":
            parser.repeat(0, 1, i)
        elif c == "+":
            parser.repeat(1, math.inf, i)
        elif c == "*":
            parser.repeat(0, math.inf, i)
        else:
            parser.last.append(_char(ord(c)))
    if parser.group_stack:
        raise parser.error("Unterminated group")
    return parser.root


def _escape_token(c: str) -> Token:
    """The token for `\\c` outside a class: a set, a word boundary, a back reference or the character."""
    if c in ("b", "B"):
        return {"type": POSITION, "value": c}
    if c in _CLASS_SETS:
        return _CLASS_SETS[c]()
    if "0" <= c <= "9":
        return {"type": REFERENCE, "value": int(c)}
    return _char(ord(c))


def _open_group(parser: _Parser, text: str, i: int) -> int:
    """Handle `(`, `(?:`, `(?=` and `(?!`; return the new index."""
    group: Token = {"type": GROUP, "stack": [], "remember": True}
    if text[i : i + 1] == "?":
        c = text[i + 1 : i + 2]
        i += 2
        if c == "=":
            group["followedBy"] = True
        elif c == "!":
            group["notFollowedBy"] = True
        elif c != ":":
            raise parser.error(f"Invalid group, character '{c or 'undefined'}' after '?' at column {i - 1}")
        group["remember"] = False
    parser.last.append(group)
    parser.group_stack.append(parser.last_group)
    parser.last_group = group
    parser.last = group["stack"]
    return i


# --------------------------------------------------------------------------------------------- randexp

_DEFAULT_RANGE = (32, 126)


def _expand(token: Token) -> DRange:
    """randexp's `_expand`: the characters a CHAR, RANGE or SET token can produce, in drange order."""
    if token["type"] == CHAR:
        return DRange.of(token["value"])
    if token["type"] == RANGE:
        return DRange.of(token["from"], token["to"])
    members = DRange()
    for member in token["set"]:
        members.add(_expand(member))
    default = DRange.of(*_DEFAULT_RANGE)
    return default.subtract(members) if token["not"] else default.intersect(members)


def _gen(token: Token, groups: list[str | None]) -> str:
    """randexp's `_gen`."""
    kind = token["type"]
    if kind in (ROOT, GROUP):
        if token.get("followedBy") or token.get("notFollowedBy"):
            return ""
        if token.get("remember") and "groupNumber" not in token:
            groups.append(None)
            token["groupNumber"] = len(groups) - 1
        options = token.get("options")
        stack = options[rand_int(0, len(options) - 1)] if options else token["stack"]
        text = "".join(_gen(t, groups) for t in stack)
        if token.get("remember"):
            groups[token["groupNumber"]] = text
        return text
    if kind == POSITION:
        return ""
    if kind == SET:
        chars = _expand(token)
        if not chars.length:
            return ""
        return chr(chars.index(rand_int(0, chars.length - 1)))
    if kind == REPETITION:
        high = token["min"] + DEFAULT_RANDEXP_MAX if token["max"] == math.inf else token["max"]
        count = rand_int(token["min"], high)
        return "".join(_gen(token["value"], groups) for _ in range(count))
    if kind == REFERENCE:
        index = token["value"] - 1
        return (groups[index] or "") if 0 <= index < len(groups) else ""
    return chr(token["value"])


def randexp(pattern: str) -> str:
    """jsf's `random.randexp(pattern)`: `new RandExp(pattern).gen()` with the fixed random.

    Raises:
        PatternError: the pattern is one ret cannot tokenize (the reference throws a SyntaxError).
    """
    return from_units(_gen(tokenize(to_units(pattern)), []))

"""Events from text: one JSON value, a JSON array of events (a batch), or JSON lines — each with its line.

One reader serves all three: the text is read as a sequence of JSON values, and a top-level array stands
for its elements (as an intake service takes a POSTed array as a batch). A value that is not JSON stops
the file, unless the file is JSON lines (the broken value began and failed on one line, or every value
before it was one line): then that line alone is reported and reading goes on with the next one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_WHITESPACE = re.compile(r"[ \t\n\r]*")


@dataclass(frozen=True)
class EventItem:
    """One event read from a source, or the reason a piece of the source is not one.

    line: where the event starts (1-based). index: its position among the source's events (0-based).
    """

    source: str
    line: int
    index: int
    event: Any = None
    error: str | None = None  # set when this piece of the source is not JSON

    @property
    def where(self) -> str:
        """`file:line`, for messages."""
        return f"{self.source}:{self.line}"


class _NotJson(Exception):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.pos = pos


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


class _Lines:
    """Line numbers of increasing offsets, counted incrementally (linear in the text, not quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    def at(self, pos: int) -> int:
        if pos < self.pos:  # rare (an error before the last value's end): count from the start
            return self.text.count("\n", 0, pos) + 1
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def read_events(text: str, source: str) -> Iterator[EventItem]:
    """The events in `text` (JSON, a JSON array, or JSON lines), in order; unparsable pieces as errors."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _Lines(text)
    index = 0
    pos = _skip(text, 0)
    all_one_line = True  # so far, every top-level value was on one line: JSON lines, probably
    values_read = 0
    while pos < len(text):
        start_line = lines.at(pos)
        values: list[tuple[Any, int]] = []
        failure: _NotJson | None = None
        try:
            end = _values_at(text, pos, values)
        except _NotJson as error:
            end, failure = pos, error
        for value, value_pos in values:  # an array's good elements come before its broken one
            yield EventItem(source, lines.at(value_pos), index, event=value)
            index += 1
        if failure is not None:
            error_line = text.count("\n", 0, failure.pos) + 1
            in_lines = error_line == start_line or (values_read and all_one_line)
            if in_lines and text[pos] != "[":  # an array is a batch: its broken half is not lines
                yield EventItem(source, start_line, index, error=_describe(failure, text, start_line))
                yield from _json_lines(text, _next_line(text, pos), lines, source, index + 1)
            else:
                message = _describe(failure, text, error_line) + "; the rest of the file is not read"
                yield EventItem(source, error_line, index, error=message)
            return
        all_one_line = all_one_line and "\n" not in text[pos:end]
        values_read += 1
        pos = _skip(text, end)


def _describe(error: _NotJson, text: str, line: int) -> str:
    """`not JSON: <reason> (column C)`, with the line too when it is not the item's."""
    error_line = text.count("\n", 0, error.pos) + 1
    column = error.pos - text.rfind("\n", 0, error.pos)
    where = f"column {column}" if error_line == line else f"line {error_line}, column {column}"
    return f"not JSON: {error} ({where})"


def _json_lines(text: str, pos: int, lines: _Lines, source: str, index: int) -> Iterator[EventItem]:
    """Read on line by line: each non-blank line is one value (an array: its elements)."""
    while pos < len(text):
        end = _next_line(text, pos)
        line = text[pos:end]
        if line.strip():
            number = lines.at(pos)
            values: list[tuple[Any, int]] = []
            try:
                start = _skip(line, 0)
                after = _skip(line, _values_at(line, start, values))
                if after < len(line):
                    raise _NotJson("extra data after the value", after)
            except _NotJson as error:
                yield EventItem(source, number, index, error=_describe(error, line, 1))
                index += 1
            else:
                for value, _ in values:
                    yield EventItem(source, number, index, event=value)
                    index += 1
        pos = end


def _values_at(text: str, pos: int, values: list[tuple[Any, int]]) -> int:
    """Append the value at `pos` (an array: its elements) with their offsets to `values`; return its end."""
    if text[pos] != "[":
        value, end = _decode_at(text, pos)
        values.append((value, pos))
        return end
    pos = _skip(text, pos + 1)
    if text.startswith("]", pos):
        return pos + 1
    while True:
        value, end = _decode_at(text, pos)
        values.append((value, pos))
        pos = _skip(text, end)
        if text.startswith(",", pos):
            pos = _skip(text, pos + 1)
        elif text.startswith("]", pos):
            return pos + 1
        else:
            raise _NotJson("expecting ',' or ']' between the events of an array", pos)


def _decode_at(text: str, pos: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as error:
        raise _NotJson(error.msg, error.pos) from None
    except (ValueError, RecursionError) as error:
        raise _NotJson(str(error), pos) from None


def _skip(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


def _next_line(text: str, pos: int) -> int:
    newline = text.find("\n", pos)
    return len(text) if newline < 0 else newline + 1

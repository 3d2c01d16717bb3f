"""Reading events from text: one JSON value, a JSON array (a batch) or JSON lines, with line numbers."""

from __future__ import annotations

import pytest

from schema_tools.client._events import read_events


def items(text: str) -> list[tuple[int, int, object, str | None]]:
    return [(item.line, item.index, item.event, item.error) for item in read_events(text, "f.json")]


def test_json_lines_with_blank_lines() -> None:
    """Each line is one event; blank lines are skipped; line numbers count them."""
    assert items('{"a":1}\n{"b":2}\n\n{"c":3}\n') == [
        (1, 0, {"a": 1}, None), (2, 1, {"b": 2}, None), (4, 2, {"c": 3}, None)
    ]


def test_array_elements_are_events_at_their_own_lines() -> None:
    """A pretty-printed array is a batch: each element is an event, at the line where it starts."""
    assert items('[\n {"a": 1},\n {"b":\n  2}\n]\n') == [(2, 0, {"a": 1}, None), (3, 1, {"b": 2}, None)]


def test_one_pretty_printed_event() -> None:
    assert items('\ufeff{\n  "a": 1\n}\n') == [(1, 0, {"a": 1}, None)]


@pytest.mark.parametrize("text", ["", "  \n\n", "[]", "[\n]\n"])
def test_no_events(text: str) -> None:
    assert items(text) == []


def test_a_bad_json_line_is_reported_and_reading_goes_on() -> None:
    """In JSON lines, a line that is not JSON is one failed item; the next lines are still read."""
    assert items('{"a":1}\n{"b":,}\n{"c":3}\nnope\n[{"d":4},{"e":5}]\n{"x":1} 3\n') == [
        (1, 0, {"a": 1}, None),
        (2, 1, None, "not JSON: Expecting value (column 6)"),
        (3, 2, {"c": 3}, None),
        (4, 3, None, "not JSON: Expecting value (column 1)"),
        (5, 4, {"d": 4}, None),
        (5, 5, {"e": 5}, None),
        (6, 6, None, "not JSON: extra data after the value (column 9)"),
    ]


def test_a_broken_pretty_printed_document_stops_at_the_error() -> None:
    """A multi-line value that is not JSON is one error at its line, not a cascade of line errors."""
    assert items('{\n  "a": 1,,\n  "b": 2\n}\n{"x": 1}\n') == [
        (2, 0, None, "not JSON: Expecting property name enclosed in double quotes (column 10); "
                     "the rest of the file is not read"),
    ]


def test_a_broken_array_keeps_the_events_before_the_break() -> None:
    assert items('[{"a":1},\n{"b":2} {"c":3}]') == [
        (1, 0, {"a": 1}, None),
        (2, 1, {"b": 2}, None),
        (2, 2, None, "not JSON: expecting ',' or ']' between the events of an array (column 9); "
                     "the rest of the file is not read"),
    ]


def test_nan_is_not_json() -> None:
    """Python's json accepts NaN and Infinity; JSON (and an intake service) does not."""
    assert items('{"a": NaN}\n{"b": 1}\n') == [
        (1, 0, None, "not JSON: NaN is not valid JSON (column 1)"),  # the value's column
        (2, 1, {"b": 1}, None),
    ]


def test_crlf_lines() -> None:
    assert items('{"a":1}\r\n{"b":,}\r\n{"c":1}\r\n') == [
        (1, 0, {"a": 1}, None), (2, 1, None, "not JSON: Expecting value (column 6)"), (3, 2, {"c": 1}, None)
    ]


def test_where_names_file_and_line() -> None:
    item = next(read_events('\n\n{"a": 1}', "events.jsonl"))
    assert item.where == "events.jsonl:3"

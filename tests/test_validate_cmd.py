"""`schema-tools validate`: verdicts per failing event, the closing line, exit codes, inputs and options."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_client import EVENT, serve_directory, write_schema

from schema_tools.cli.main import main

BAD_TYPE = {**EVENT, "count": "1"}
MISSING_DT = {**EVENT, "meta": {}}
UNKNOWN = {**EVENT, "$schema": "/test/event/9.9.9"}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with schemas under ./jsonschema/ (the default base URI) and no config file."""
    write_schema(tmp_path / "jsonschema")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["validate", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def jsonl(path: Path, *events: object) -> str:
    path.write_text("".join(json.dumps(event) + "\n" for event in events))
    return str(path)


def test_all_valid_exits_0(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Valid events print nothing but the closing line."""
    events = jsonl(repo / "ok.jsonl", EVENT, EVENT)
    assert run(capsys, events, "--base-uri", "jsonschema") == (0, [], ["2 passed, 0 failed"])


def test_invalid_events_get_a_verdict_each_and_exit_1(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each failing event: `file:line`, the schema, and one line per error with its pointer."""
    events = jsonl(repo / "mixed.jsonl", EVENT, BAD_TYPE, EVENT, MISSING_DT)
    code, out, err = run(capsys, events, "--base-uri", str(repo / "jsonschema"))
    assert code == 1
    assert out == [
        f"{events}:2: invalid against /test/event/1.0.0",
        '  /count: "1" is not of type "integer"',
        f"{events}:4: invalid against /test/event/1.0.0",
        '  /meta: "dt" is a required property',
    ]
    assert err == ["2 passed, 2 failed"]


def test_default_base_uri_is_the_configured_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --base-uri the config's schemaBaseUris (schemaBasePath) are used."""
    (repo / ".jsonschema-tools.yaml").write_text("schemaBasePath: ./jsonschema/\n")
    assert run(capsys, jsonl(repo / "ok.jsonl", EVENT))[0] == 0


def test_json_array_verdicts_name_the_event_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A pretty-printed JSON array is a batch; verdicts name the line where the event starts."""
    (repo / "batch.json").write_text(f"[\n  {json.dumps(EVENT)},\n\n  {json.dumps(BAD_TYPE)}\n]\n")
    code, out, err = run(capsys, "batch.json", "-b", "jsonschema")
    assert (code, err) == (1, ["1 passed, 1 failed"])
    assert out[0] == "batch.json:4: invalid against /test/event/1.0.0"


def test_stdin(repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` (or no EVENTS) reads JSON lines from standard input."""
    text = "".join(json.dumps(e) + "\n" for e in (EVENT, BAD_TYPE))
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code, out, err = run(capsys, "-", "-b", "jsonschema")
    assert (code, out[0], err) == (1, "<stdin>:2: invalid against /test/event/1.0.0", ["1 passed, 1 failed"])
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(EVENT)))
    assert run(capsys, "-b", "jsonschema") == (0, [], ["1 passed, 0 failed"])


def test_terminal_stdin_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With no EVENTS and a terminal on stdin, the command says so instead of waiting."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    code, _, err = run(capsys)
    assert code == 2
    assert err[0].startswith("error: no EVENTS given and standard input is a terminal")


def test_unknown_schema_fails_the_event_and_names_what_was_tried(repo: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """An event whose schema cannot be loaded fails; the URLs tried are listed once, then referred to."""
    events = jsonl(repo / "unknown.jsonl", UNKNOWN, UNKNOWN, EVENT)
    code, out, err = run(capsys, events, "-b", "jsonschema")
    tried = f"file://{repo}/jsonschema/test/event/9.9.9: not found"
    assert code == 1
    assert out == [
        f"{events}:1: cannot load schema /test/event/9.9.9 (tried: {tried})",
        f"{events}:2: cannot load schema /test/event/9.9.9 (as above)",
    ]
    assert err == ["1 passed, 2 failed"]


def test_unreadable_input_counts_as_failed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file and a line that is not JSON are failures with a reason; the rest is still checked."""
    events = repo / "broken.jsonl"
    events.write_text(json.dumps(EVENT) + "\n{oops\n" + json.dumps(EVENT) + "\n")
    code, out, err = run(capsys, "missing.json", str(events), "-b", "jsonschema")
    assert code == 1
    assert out == [
        "missing.json:1: cannot read: no such file or directory",
        f"{events}:2: not JSON: Expecting property name enclosed in double quotes (column 2)",
    ]
    assert err == ["2 passed, 2 failed"]


def test_events_without_schema(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An event with no `$schema` is invalid, with the reason at the event's root."""
    code, out, _ = run(capsys, jsonl(repo / "e.jsonl", {"meta": {}}, "x"), "-b", "jsonschema")
    assert code == 1
    assert out[1::2] == ["  /: \"$schema\" is a required property (the URI of the event's schema)",
                         "  /: an event must be a JSON object, not a string"]
    assert out[0].endswith(":1: invalid")


def test_json_format(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints one JSON object per failing event, with pointers and keywords."""
    events = jsonl(repo / "mixed.jsonl", EVENT, BAD_TYPE, UNKNOWN)
    code, out, err = run(capsys, events, "-b", "jsonschema", "--format", "json", "-q")
    assert (code, err) == (1, [])
    assert [json.loads(line) for line in out] == [
        {"source": events, "line": 2, "index": 1, "valid": False, "schema": "/test/event/1.0.0",
         "location": str(repo / "jsonschema/test/event/1.0.0"),
         "errors": [{"pointer": "/count", "keyword": "type", "message": '"1" is not of type "integer"',
                     "schema_pointer": "/properties/count/type"}]},
        {"source": events, "line": 3, "index": 2, "valid": False,
         "error": "cannot load schema /test/event/9.9.9 "
                  f"(tried: file://{repo}/jsonschema/test/event/9.9.9: not found)"},
    ]


def test_http_base_with_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An http(s) base and --extension: `$schema` + `.yaml` is fetched from the server."""
    write_schema(tmp_path / "served", "test/event/1.0.0.yaml")
    monkeypatch.chdir(tmp_path)
    with serve_directory(tmp_path / "served") as (url, requested):
        events = jsonl(tmp_path / "e.jsonl", EVENT, BAD_TYPE)
        code, _, err = run(capsys, events, "-b", url + "/nope", "--base-uri", url, "--extension", ".yaml")
    assert (code, err) == (1, ["1 passed, 1 failed"])
    assert requested == ["/nope/test/event/1.0.0.yaml", "/test/event/1.0.0.yaml"]


def test_help_names_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--help"])
    assert caught.value.code == 0
    assert "--base-uri" in capsys.readouterr().out

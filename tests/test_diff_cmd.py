"""`schema-tools diff`: classified changes between versions (text, JSON) or an RFC 6902 patch."""

from __future__ import annotations

import json
from pathlib import Path

import jsonpatch
import pytest

from schema_tools.cli.main import main
from schema_tools.documents.load import load_file


@pytest.fixture
def primary(primary_pristine: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(primary_pristine)
    return primary_pristine


def test_text_by_title(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """By title: the latest version against the one before, each change with its kind."""
    assert main(["diff", "mediawiki/page/change", "--mode", "full"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "mediawiki/page/change 1.1.0 → 1.2.0: 3 changes, NOT compatible under full"
    assert (
        "  ✗ + required property `performer` made optional at /required  [required-property-removed]" in lines
    )


def test_from_to_and_path(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--from/--to pick the versions; a path inside the schema's directory names it."""
    assert (
        main(
            [
                "diff",
                "jsonschema/mediawiki/page/change/current.yaml",
                "--from",
                "1.0.0",
                "--to",
                "1.1.0",
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["title"], data["from"], data["to"]) == ("mediawiki/page/change", "1.0.0", "1.1.0")
    assert [c["kind"] for c in data["changes"] if c["effect"] != "none"] == [
        "property-added-to-closed-content-model"
    ]


def test_json_patch_applies(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The json-patch format is a patch that turns the old version into the new one."""
    assert main(["diff", "fragment/http", "--format", "json-patch"]) == 0
    patch = json.loads(capsys.readouterr().out)
    directory = primary / "jsonschema" / "fragment" / "http"
    assert {"op": "remove", "path": "/properties/http/properties/client_ip"} in patch
    assert jsonpatch.apply_patch(load_file(directory / "1.1.0.yaml"), patch) == load_file(
        directory / "1.2.0.yaml"
    )


def test_current_against_latest(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--to current materializes the current schema: unchanged since its last publication."""
    assert main(["diff", "mediawiki/page/change", "--from", "latest", "--to", "current"]) == 0
    assert capsys.readouterr().out.startswith("mediawiki/page/change 1.2.0 → current: 0 changes, compatible")


def test_whole_repository(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without a schema: every schema with two versions, one section each."""
    assert main(["diff", "--format", "json"]) == 0
    titles = {item["title"] for item in json.loads(capsys.readouterr().out)}
    assert {"mediawiki/page/change", "fragment/http", "test/event"} <= titles


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["diff", "no/such/schema"], "no schema 'no/such/schema'"),
        (
            ["diff", "mediawiki/page/change", "--to", "9.9.9"],
            "has no version '9.9.9' (published: 1.0.0, 1.1.0, 1.2.0)",
        ),
        (["diff", "mediawiki/page/change", "--to", "1.0.0"], "no version before 1.0.0"),
    ],
)
def test_usage_errors(
    primary: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Unknown schemas and versions exit 2 with the choices named."""
    assert main(argv) == 2
    assert message in capsys.readouterr().err

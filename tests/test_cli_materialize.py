"""The materialize commands' options, on a small repository written by the test."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from schema_tools.cli.main import main

FRAGMENT = """title: fragment/common
$id: /fragment/common/1.0.0
$schema: https://json-schema.org/draft-07/schema#
type: object
properties:
  dt:
    type: string
    format: date-time
    maxLength: 128
  n:
    type: integer
"""
EVENT = """title: event
$id: /event/1.1.0
$schema: https://json-schema.org/draft-07/schema#
type: object
allOf:
  - $ref: /fragment/common/1.0.0#
  - properties:
      name:
        type: string
      count:
        type: integer
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".jsonschema-tools.yaml").write_text("schemaBasePath: ./jsonschema/\ncontentTypes: [yaml]\n")
    for directory, text in (("fragment/common", FRAGMENT), ("event", EVENT)):
        path = tmp_path / "jsonschema" / directory
        path.mkdir(parents=True)
        (path / "current.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_materialize_all_with_options(repo: Path) -> None:
    """-c yaml,json writes both types; -L leaves `latest` out (the reference ignored every option)."""
    assert main(["materialize-all", "-q", "-c", "yaml,json", "-L"]) == 0
    assert names(repo / "jsonschema" / "event") == ["1.1.0", "1.1.0.json", "1.1.0.yaml", "current.yaml"]
    data = json.loads((repo / "jsonschema" / "event" / "1.1.0.json").read_text())
    assert data["properties"]["n"] == {"type": "integer", "maximum": 9007199254740991, "minimum": -9007199254740991}
    assert set(data["properties"]) == {"count", "dt", "n", "name"}


def test_without_extensionless_links_refs_cannot_find_fragments(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-S writes no `<v>` links; `$ref: /fragment/common/1.0.0` names exactly such a link, so it fails."""
    assert main(["materialize", "-q", "-S", "jsonschema/fragment/common/current.yaml"]) == 0
    assert names(repo / "jsonschema" / "fragment" / "common") == ["1.0.0.yaml", "current.yaml", "latest.yaml"]
    assert main(["materialize", "-q", "-S", "jsonschema/event/current.yaml"]) == 1
    assert "fragment/common/1.0.0: not found" in capsys.readouterr().err


def test_dry_run_writes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-n reports what would change and writes nothing."""
    assert main(["materialize-all", "-n", "-v"]) == 0
    assert names(repo / "jsonschema" / "event") == ["current.yaml"]
    err = capsys.readouterr().err
    assert "would write jsonschema/event/1.1.0.yaml" in err
    assert "dry run: would materialize 2 schemas" in err


def test_materialize_paths_and_stdout(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """materialize PATH --stdout prints the exact bytes the file would get; logs stay on stderr."""
    assert main(["materialize-all", "-q"]) == 0
    written = (repo / "jsonschema" / "event" / "1.1.0.yaml").read_text()
    capsys.readouterr()
    assert main(["materialize", "--stdout", "jsonschema/event/current.yaml"]) == 0
    out, err = capsys.readouterr()
    assert out == written
    assert err == ""


def test_output_dir_and_no_dereference(repo: Path) -> None:
    """-o writes elsewhere; -D keeps $ref and allOf as they are."""
    out = repo / "out"
    assert main(["materialize", "-q", "-D", "-o", str(out), "jsonschema/event/current.yaml"]) == 0
    assert names(out) == ["1.1.0", "1.1.0.yaml", "latest", "latest.yaml"]
    text = (out / "1.1.0.yaml").read_text()
    assert "  - $ref: /fragment/common/1.0.0#\n" in text and "allOf:" in text


def test_stdin_needs_output_dir(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading from standard input without --output-dir is a usage error (exit 2)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(FRAGMENT))
    assert main(["materialize"]) == 2
    assert "needs --output-dir" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(FRAGMENT))
    assert main(["materialize", "-q", "-o", "out", "-"]) == 0
    assert os.readlink(repo / "out" / "1.0.0") == "1.0.0.yaml"


def test_schema_base_uris_option(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-u replaces the base URIs: a base without the fragment makes the $ref fail, listing what was tried."""
    (repo / "empty").mkdir()
    assert main(["materialize-all", "-q", "-u", "./empty/"]) == 1
    err = capsys.readouterr().err
    assert str(repo / "empty" / "fragment" / "common" / "1.0.0") in err


def test_map_base_uri(repo: Path) -> None:
    """A remote base URI mapped to a local directory is read offline (-m URI=DIR)."""
    remote = "https://schema.example.org/repositories/primary/jsonschema/"
    assert main(["materialize-all", "-q", "-u", remote, "-m", f"{remote}=./jsonschema/"]) == 0
    assert (repo / "jsonschema" / "event" / "1.1.0.yaml").is_file()


def test_dereference_formats(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """dereference prints the merged schema without bounds or example, in YAML or JSON."""
    assert main(["materialize-all", "-q"]) == 0
    assert main(["dereference", "--format", "json", "jsonschema/event/current.yaml"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "allOf" not in data and "examples" not in data
    assert data["properties"]["count"] == {"type": "integer"}  # no bounds: dereference only
    assert main(["dereference", "jsonschema/event/current.yaml", "jsonschema/fragment/common/current.yaml"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("- title: event\n")


def test_config_option(repo: Path) -> None:
    """-C names the config files; a later file wins."""
    (repo / "json.yaml").write_text("contentTypes: [yaml, json]\nshouldSymlinkLatest: false\n")
    assert main(["materialize-all", "-q", "-C", ".jsonschema-tools.yaml,json.yaml"]) == 0
    assert names(repo / "jsonschema" / "event") == ["1.1.0", "1.1.0.json", "1.1.0.yaml", "current.yaml"]


def test_changed_version_is_refused_then_forced(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Editing a current.yaml without bumping its version is refused; --force rewrites."""
    assert main(["materialize-all", "-q"]) == 0
    current = repo / "jsonschema" / "event" / "current.yaml"
    current.write_text(current.read_text() + "description: changed\n")
    before = (repo / "jsonschema" / "event" / "1.1.0.yaml").read_text()
    assert main(["materialize-all", "-q"]) == 1
    err = capsys.readouterr().err
    assert "1.1.0.yaml already exists with different content" in err and "current.yaml" in err
    assert (repo / "jsonschema" / "event" / "1.1.0.yaml").read_text() == before
    assert main(["materialize-all", "-q", "--force"]) == 0
    assert "description: changed" in (repo / "jsonschema" / "event" / "1.1.0.yaml").read_text()


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command, help goes to stderr and the exit code is 2."""
    assert main([]) == 2
    assert "usage: schema-tools" in capsys.readouterr().err


def test_output_dir_collision_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Two schemas with the same version into one --output-dir: an error naming both, nothing written."""
    for name in ("a", "b"):
        (tmp_path / "jsonschema" / name).mkdir(parents=True)
        schema = f"title: {name}\n$id: /{name}/1.0.0\ntype: object\n"
        (tmp_path / "jsonschema" / name / "current.yaml").write_text(schema)
    monkeypatch.chdir(tmp_path)
    assert main(["materialize-all", "jsonschema", "-q", "-o", "out"]) == 1
    err = capsys.readouterr().err
    assert "1.0.0.yaml would be written by both" in err and "a/current.yaml" in err and "b/current.yaml" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())

"""`schema-tools test` on the command line: exit codes, formats, rule selection, BASE, --changed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from schema_tools.cli.main import main

STANDARD = Path(__file__).resolve().parent / "cases" / "_base" / "standard"
E = "jsonschema/test/event"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the standard repository as the working directory, with a private cache."""
    monkeypatch.setenv("SCHEMA_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    dest = tmp_path / "repo"
    shutil.copytree(STANDARD, dest, symlinks=True)
    monkeypatch.chdir(dest)
    return dest


def test_exit_0_when_nothing_fails(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clean repository: exit 0 and the closing counts line."""
    assert main(["test"]) == 0
    assert capsys.readouterr().out == "41 passed, 0 failed, 0 skipped\n"


def test_exit_1_when_something_fails(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken link: exit 1, the finding on stdout."""
    (repo / E / "latest.yaml").unlink()
    assert main(["test"]) == 1
    out = capsys.readouterr().out
    assert f"  {E}/latest.yaml: is missing (it must link to 1.1.0.yaml) [structure-latest-link]\n" in out
    assert out.endswith("40 passed, 1 failed, 0 skipped\n")


def test_exit_2_on_an_unknown_rule(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown rule ID is a usage error that lists the known IDs."""
    assert main(["test", "--rule", "schema-is-vallid"]) == 2
    err = capsys.readouterr().err
    assert "unknown rule ID schema-is-vallid" in err and "schema-is-valid" in err


def test_unparsable_file_is_a_finding_not_a_crash(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A YAML syntax error gives exit 1 and a finding naming the file and line."""
    (repo / E / "1.0.0.yaml").write_text("title: [oops\n")
    assert main(["test", "--rule", "structure-file-readable", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    (finding,) = data["findings"]
    assert finding["file"] == f"{E}/1.0.0.yaml" and "line 2" in finding["message"]


def test_rule_and_skip_rule_options(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--rule takes comma lists; --skip-rule removes rules from the run and from the counts."""
    assert main(["test", "--rule", "schema-is-valid,schema-is-secure"]) == 0
    assert capsys.readouterr().out == "5 passed, 0 failed, 0 skipped\n"
    (repo / E / "latest.yaml").unlink()
    assert main(["test", "--skip-rule", "structure-latest-link"]) == 0
    assert capsys.readouterr().out == "40 passed, 0 failed, 0 skipped\n"


def test_base_argument(
    tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """BASE overrides schemaBasePath; files outside the working directory are shown in full."""
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    (repo / E / "latest").unlink()
    config = str(repo / ".jsonschema-tools.yaml")
    assert main(["test", str(repo / "jsonschema"), "-C", config, "--format", "json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["file"] == str(repo / E / "latest")


def test_github_format(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format github prints workflow commands."""
    (repo / E / "latest").unlink()
    assert main(["test", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"::error file={E}/latest,title=structure-latest-extensionless-link::"
        "is missing (it must link to 1.1.0.yaml)"
    )


def test_changed_checks_only_changed_schemas(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--changed with nothing changed checks nothing; a changed file brings its schema back."""
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    assert main(["test", "--changed"]) == 0
    assert capsys.readouterr().out == "0 passed, 0 failed, 0 skipped\n"
    (repo / E / "latest").unlink()
    assert main(["test", "--changed"]) == 1
    assert capsys.readouterr().out.endswith("40 passed, 1 failed, 0 skipped\n")


def test_cache_gives_the_same_output(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A second run (from the cache) prints exactly what the first printed, and --no-cache too."""
    (repo / E / "latest").unlink()
    outputs = []
    for args in (["test"], ["test"], ["test", "--no-cache"]):
        assert main(args) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert list((repo.parent / "cache").glob("checks-*.json"))

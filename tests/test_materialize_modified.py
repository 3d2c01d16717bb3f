"""materialize-modified on a real git history: staged or all changes, new schemas, git add."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from schema_tools.cli.main import main


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def bump(current: Path, old: str, new: str, extra: str = "") -> None:
    text = current.read_text()
    assert f"/{old}" in text
    current.write_text(text.replace(f"/{old}", f"/{new}", 1) + extra)


@pytest.fixture
def repo(primary_workdir: Path) -> Path:
    return primary_workdir


def test_staged_change_is_materialized_and_added(repo: Path) -> None:
    """A staged version bump gets its version file and links written and staged."""
    directory = repo / "jsonschema" / "test" / "event"
    bump(directory / "current.yaml", "1.0.0", "1.1.0")
    git(repo, "add", "jsonschema/test/event/current.yaml")
    assert main(["materialize-modified", "--staged", "-q"]) == 0
    staged = set(git(repo, "diff", "--cached", "--name-only").split())
    assert {
        "jsonschema/test/event/current.yaml",
        "jsonschema/test/event/1.1.0.yaml",
        "jsonschema/test/event/1.1.0",
        "jsonschema/test/event/latest",
        "jsonschema/test/event/latest.yaml",
    } == staged
    assert (directory / "latest").resolve().name == "1.1.0.yaml"
    assert git(repo, "status", "--porcelain", "--untracked-files=all").splitlines() == [
        f"{line}"
        for line in git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()
        if line.startswith(("M ", "A "))
    ]


def test_staged_only_ignores_unstaged_changes(repo: Path) -> None:
    """With --staged, a bump that is not staged is left alone."""
    bump(repo / "jsonschema" / "test" / "event" / "current.yaml", "1.0.0", "1.1.0")
    assert main(["materialize-modified", "--staged", "-q"]) == 0
    assert not (repo / "jsonschema" / "test" / "event" / "1.1.0.yaml").exists()


def test_unstaged_and_untracked_without_staged(repo: Path) -> None:
    """Without --staged: changes against HEAD, staged or not, and a new untracked schema; --no-git-add."""
    bump(repo / "jsonschema" / "test" / "event" / "current.yaml", "1.0.0", "1.1.0")
    new = repo / "jsonschema" / "test" / "brand_new"
    new.mkdir()
    (new / "current.yaml").write_text(
        "title: test/brand_new\n$id: /test/brand_new/1.0.0\n$schema: https://json-schema.org/draft-07/schema#\n"
        "type: object\nallOf:\n  - $ref: /fragment/common/2.0.0#\n  - properties:\n      n:\n        type: integer\n"
    )
    assert main(["materialize-modified", "--no-git-add", "-q"]) == 0
    assert (repo / "jsonschema" / "test" / "event" / "1.1.0.yaml").is_file()
    assert (new / "1.0.0.yaml").is_file()
    assert (new / "1.0.0").is_symlink()
    assert git(repo, "diff", "--cached", "--name-only") == ""
    text = (new / "1.0.0.yaml").read_text()
    assert "maximum: 9007199254740991" in text and "examples:" in text


def test_nothing_modified_is_a_quiet_no_op(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No modified current files: exit 0 and nothing written."""
    assert main(["materialize-modified", "--staged"]) == 0
    assert git(repo, "status", "--porcelain") == ""
    assert "materialized 0 schemas" in capsys.readouterr().err


def test_repository_without_commits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A brand-new repository (no HEAD yet): new schemas are found, staged or not."""
    git(tmp_path, "init", "-q")
    (tmp_path / ".jsonschema-tools.yaml").write_text("schemaBasePath: ./jsonschema/\ncontentTypes: [yaml]\n")
    directory = tmp_path / "jsonschema" / "first"
    directory.mkdir(parents=True)
    (directory / "current.yaml").write_text("title: first\n$id: /first/1.0.0\ntype: object\n")
    monkeypatch.chdir(tmp_path)
    assert main(["materialize-modified", "--staged", "-q"]) == 0
    assert not (directory / "1.0.0.yaml").exists()  # nothing is staged yet
    assert main(["materialize-modified", "-q", "--no-git-add"]) == 0
    assert (directory / "1.0.0.yaml").is_file()

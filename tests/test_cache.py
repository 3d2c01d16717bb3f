"""The incremental cache: up-to-date schemas are skipped, anything changed is redone."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema_tools.cli.main import main
from tests.conftest import EVENT, FRAGMENT, make_small_repo


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_small_repo(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["materialize-all", *args]) == 0
    return capsys.readouterr().err


def test_second_run_skips_everything(repo: Path, capsys: pytest.CaptureFixture[str], private_cache: Path) -> None:
    """An unchanged repository is not materialized again; the cache lives outside the repository."""
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    assert "materialized 2 schemas" in run(capsys)
    after_first = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    assert "materialized 0 schemas: 0 files written, 0 unchanged, 0 links updated, 2 up to date" in run(capsys)
    assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == after_first
    assert len(after_first) - len(before) == 8  # 2 × (version file, extensionless link, latest, latest.yaml)
    assert len(list((private_cache / "materialize").glob("*.marshal"))) == 1


def test_changed_current_and_its_users_are_redone(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new fragment version is written; the schema reading it only when its own input changes."""
    run(capsys)
    fragment = repo / "jsonschema" / "fragment" / "common" / "current.yaml"
    fragment.write_text(FRAGMENT.replace("1.0.0", "1.1.0"))
    assert "materialized 1 schemas: 1 files written" in run(capsys)
    event = repo / "jsonschema" / "event" / "current.yaml"
    event.write_text(EVENT.replace("common/1.0.0", "common/1.1.0").replace("event/1.0.0", "event/1.1.0"))
    assert "materialized 1 schemas: 1 files written" in run(capsys)
    assert (repo / "jsonschema" / "event" / "1.1.0.yaml").is_file()


def test_rewritten_input_redoes_the_reader(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """When a run rewrites a file a skipped schema read, that schema is redone in the same run."""
    run(capsys)
    fragment = repo / "jsonschema" / "fragment" / "common" / "current.yaml"
    fragment.write_text(FRAGMENT.replace("integer", "number"))  # the same version: needs --force
    assert "materialized 2 schemas: 2 files written" in run(capsys, "--force")
    assert "type: number" in (repo / "jsonschema" / "event" / "1.0.0.yaml").read_text()


def test_deleted_output_and_link_are_restored(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A deleted version file or link makes its schema stale."""
    run(capsys)
    (repo / "jsonschema" / "event" / "latest").unlink()
    assert "1 links updated, 1 up to date" in run(capsys)
    assert (repo / "jsonschema" / "event" / "latest").is_symlink()


def test_settings_change_and_no_cache_redo_all(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Other settings (here, content types) invalidate the cache; --no-cache ignores it."""
    run(capsys)
    assert "materialized 2 schemas: 2 files written" in run(capsys, "-c", "yaml,json")
    assert "materialized 2 schemas: 0 files written, 4 unchanged" in run(capsys, "-c", "yaml,json", "--no-cache")


def test_dry_run_does_not_record(repo: Path, capsys: pytest.CaptureFixture[str], private_cache: Path) -> None:
    """A dry run writes no cache, so the real run afterwards does the work."""
    run(capsys, "-n")
    assert not (private_cache / "materialize").exists()
    assert "materialized 2 schemas: 2 files written" in run(capsys)

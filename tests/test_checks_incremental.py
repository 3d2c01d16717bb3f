"""Checking only what changed: affected directories (with the schemas that use them), and git's view."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from schema_tools.checks import check_repository
from schema_tools.cli.main import main
from schema_tools.config import load_config
from schema_tools.rules.incremental import affected_directories, changed_paths

SCHEMAS = {
    "fragment/common": "properties:\n  name:\n    type: string\n    maxLength: 64\n",
    "fragment/base": "allOf:\n  - $ref: /fragment/common/1.0.0#\nproperties:\n  id:\n    type: string\n"
    "    maxLength: 8\n",
    "test/user": "allOf:\n  - $ref: /fragment/base/1.0.0#\nproperties:\n  age:\n    type: integer\n",
    "test/other": "properties:\n  flag:\n    type: boolean\n",
}


def make_fragment_repository(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A materialized repository: test/user uses fragment/base, which uses fragment/common; test/other
    uses nothing."""
    repo.mkdir(parents=True)
    (repo / ".jsonschema-tools.yaml").write_text("schemaBasePath: ./jsonschema/\ncontentTypes: [yaml]\n")
    for title, body in SCHEMAS.items():
        directory = repo / "jsonschema" / title
        directory.mkdir(parents=True)
        header = f"title: {title}\n$id: /{title}/1.0.0\n$schema: https://json-schema.org/draft-07/schema#\n"
        (directory / "current.yaml").write_text(header + "type: object\n" + body)
    monkeypatch.chdir(repo)
    assert main(["materialize-all", "-q"]) == 0
    return repo


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_fragment_repository(tmp_path / "repo", monkeypatch)


def test_changed_fragment_affects_its_users_transitively(repo: Path) -> None:
    """A change in fragment/common affects fragment/base and test/user, not test/other."""
    config = load_config(cwd=repo)
    base = config.schema_base_path
    affected = affected_directories(config, [base / "fragment/common/current.yaml"])
    assert affected == {base / "fragment/common", base / "fragment/base", base / "test/user"}
    assert affected_directories(config, [base / "test/other/1.0.0.yaml"]) == {base / "test/other"}
    assert affected_directories(config, [repo / "README.md"]) == set()


def test_changed_config_affects_everything(repo: Path) -> None:
    """A changed configuration file means a full check."""
    config = load_config(cwd=repo)
    assert affected_directories(config, [repo / ".jsonschema-tools.yaml"]) is None


def test_incremental_run_checks_only_the_affected_schemas(repo: Path) -> None:
    """Only the affected titles are checked, with the same verdicts as in a full run."""
    config = load_config(cwd=repo)
    common = config.schema_base_path / "fragment/common/1.0.0.yaml"
    common.write_text(common.read_text().replace("maxLength: 64", "maxLength: 65"))
    full = check_repository(config)
    partial = check_repository(config, changed=[common])
    assert {r.case.group for r in partial.results} == {"fragment/common", "fragment/base", "test/user"}
    in_partial = {(f.rule_id, f.file, f.pointer) for f in partial.findings}
    assert in_partial == {(f.rule_id, f.file, f.pointer) for f in full.findings}
    # test/user is checked (it mentions a changed directory, transitively) but reads fragment/base's
    # materialized file, which did not change: only the two direct users differ.
    assert len(in_partial) == 2 and len(partial.results) < len(full.results)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_changed_paths_from_git(repo: Path) -> None:
    """Modified, deleted and untracked files against HEAD; --staged sees the index only."""
    git(repo, "init", "-q")
    git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "add", "-A")
    git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "init")
    other = repo / "jsonschema/test/other"
    (other / "current.yaml").write_text((other / "current.yaml").read_text() + "description: x\n")
    (other / "latest").unlink()
    (repo / "jsonschema/test/new.yaml").write_text("x: 1\n")
    assert changed_paths(repo / "jsonschema", staged=False) == sorted(
        [other / "current.yaml", other / "latest", repo / "jsonschema/test/new.yaml"]
    )
    assert changed_paths(repo, staged=True) == []
    git(repo, "add", str(other / "current.yaml"))
    assert changed_paths(repo, staged=True) == [other / "current.yaml"]

"""Acceptance on the real repositories: materialize-all regenerates committed versions byte for byte.

The corpora live in ../shared/corpora; these tests clone them into a temp dir and are skipped with the
reason when the bundles are absent.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from schema_tools.cli.main import main
from schema_tools.documents.load import load_file
from schema_tools.plan import iter_refs


def git_status(repo: Path) -> list[str]:
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout
    return out.splitlines()


def latest_versions(repo: Path) -> dict[Path, str]:
    """For each schema directory with a current.yaml: the target of its extensionless `latest` link."""
    found = {}
    for current in sorted((repo / "jsonschema").rglob("current.yaml")):
        latest = current.parent / "latest"
        assert latest.is_symlink(), f"{latest} should be a symlink"
        found[current.parent] = os.readlink(latest)
    return found


def delete_latest_versions(repo: Path) -> list[Path]:
    """Delete `<v>.yaml` and its extensionless link for the latest version of every schema."""
    deleted = []
    for directory, target in latest_versions(repo).items():
        version_file = directory / target
        version_file.unlink()
        (directory / target.removesuffix(".yaml")).unlink()
        deleted.append(version_file)
    return deleted


def run_cli(repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.chdir(repo)
    return main(list(args))


def test_primary_materialize_all_regenerates_every_latest_version(
    primary_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """53 of 53 latest versions come back byte-identical, links included: git sees no change."""
    deleted = delete_latest_versions(primary_repo)
    assert len(deleted) == 53
    assert len(git_status(primary_repo)) == 2 * 53
    assert run_cli(primary_repo, monkeypatch, "materialize-all", "-q") == 0
    assert git_status(primary_repo) == []


def test_primary_fragments_are_materialized_before_their_users(
    primary_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleted fragment versions referenced by other deleted schemas are written first (the reference races)."""
    deleted = delete_latest_versions(primary_repo)
    deleted_ids = {load_file(p.parent / "current.yaml")["$id"] for p in deleted}
    referencing = [
        p.parent
        for p in deleted
        if any(ref.split("#")[0] in deleted_ids for ref in iter_refs(load_file(p.parent / "current.yaml")))
    ]
    # The corpus really exercises the ordering: several schemas need a fragment version deleted above.
    assert len(referencing) >= 10
    assert run_cli(primary_repo, monkeypatch, "materialize-all", "-q") == 0
    assert git_status(primary_repo) == []


def test_primary_unchanged_repository_is_a_no_op(
    primary_pristine: Path, primary_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On an up-to-date repository nothing is rewritten: every version file keeps its mtime."""
    files = sorted(p for p in (primary_repo / "jsonschema").rglob("*.yaml") if not p.is_symlink())
    before = {p: p.stat().st_mtime_ns for p in files}
    assert run_cli(primary_repo, monkeypatch, "materialize-all", "-q") == 0
    assert {p: p.stat().st_mtime_ns for p in files} == before
    assert git_status(primary_repo) == []


def test_mediawiki_regenerates_semantically_equal(mediawiki_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mediawiki-event-schemas (tool 0.5: no bounds, no examples, yaml and json): equal data for every latest."""
    committed: dict[Path, object] = {}
    for current in sorted((mediawiki_repo / "jsonschema").rglob("current.yaml")):
        schema_id = load_file(current)["$id"]
        if schema_id == "/mediawiki/recentchange/1.0.0":
            continue  # ignoreSchemas in the repository's config
        version = schema_id.rsplit("/", 1)[-1]
        for ext in ("yaml", "json"):
            path = current.parent / f"{version}.{ext}"
            committed[path] = load_file(path)
            path.unlink()
    assert len(committed) >= 2 * 25
    monkeypatch.chdir(mediawiki_repo)
    (mediawiki_repo / "no-extras.yaml").write_text("enforcedNumericBounds: false\nshouldGenerateExample: false\n")
    assert main(["materialize-all", "-q", "-C", ".jsonschema-tools.yaml,no-extras.yaml"]) == 0
    different = [str(p) for p, data in committed.items() if load_file(p) != data]
    assert different == []


def test_primary_every_cache_level_gives_the_same_bytes(primary_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the real repository: the content cache restores deleted versions byte for byte without building
    anything, a `git checkout`-like touch of every file builds nothing, and the stamp answers a repeat."""
    from schema_tools import plan
    from schema_tools.cli import main as cli_main

    assert run_cli(primary_repo, monkeypatch, "materialize-all", "-q") == 0  # records everything
    built: list[Path] = []
    real = plan.materialize

    def materialize(schema: object, source: Path, *args: object, **kwargs: object) -> object:
        built.append(source)
        return real(schema, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan, "materialize", materialize)
    delete_latest_versions(primary_repo)
    assert run_cli(primary_repo, monkeypatch, "materialize-all", "-q") == 0
    assert git_status(primary_repo) == []
    assert built == []
    for path in (primary_repo / "jsonschema").rglob("*"):
        if path.is_file() and not path.is_symlink():
            path.write_bytes(path.read_bytes())
    assert run_cli(primary_repo, monkeypatch, "materialize-all", "-q") == 0
    assert built == []
    assert git_status(primary_repo) == []
    parsed: list[str] = []
    monkeypatch.setattr(cli_main, "build_parser", lambda *a: parsed.append("parser") or None)
    assert run_cli(primary_repo, monkeypatch, "materialize-all", "-q") == 0
    assert parsed == []  # answered by the stamp before the command line was even parsed

"""`--since REF` on a real git history (schemas-event-primary): each failure kind, staged or not,
committed history, and shallow CI clones with and without REF fetched."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from schema_tools.cli.main import main
from schema_tools.compat.gitview import RevisionNotFound
from schema_tools.compat.settings import CompatSettings, load_settings
from schema_tools.config import load_config
from schema_tools.findings import Finding
from schema_tools.history import check_since

EVENT = Path("jsonschema/test/event")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(primary_workdir: Path) -> Path:
    return primary_workdir


def since(repo: Path, ref: str = "HEAD", *, staged: bool = False, mode: str | None = None) -> list[Finding]:
    config = load_config(cwd=repo)
    settings = load_settings(config, mode=mode)
    return check_since(config, ref, staged=staged, settings=settings)


def rules(findings: list[Finding]) -> list[tuple[str, str]]:
    return sorted((f.rule_id, f.file) for f in findings)


def edit_current(repo: Path, old: str, new: str) -> None:
    current = repo / EVENT / "current.yaml"
    text = current.read_text()
    assert old in text
    current.write_text(text.replace(old, new, 1))


def bump(repo: Path, version: str, *, extra: tuple[str, str] | None = None) -> None:
    edit_current(repo, "$id: /test/event/1.0.0", f"$id: /test/event/{version}")
    if extra:
        edit_current(repo, *extra)


def materialize(repo: Path) -> None:
    assert main(["materialize-modified", "-q"]) == 0


def test_clean_tree_has_no_findings(repo: Path) -> None:
    """Nothing changed since HEAD: nothing to report."""
    assert since(repo) == []


def test_modified_and_deleted_published_versions(repo: Path) -> None:
    """Editing or deleting a published version file (or its link) is reported, named by file."""
    (repo / EVENT / "0.0.2.yaml").write_text((repo / EVENT / "0.0.2.yaml").read_text() + "# edited\n")
    (repo / EVENT / "0.0.3.yaml").unlink()
    (repo / EVENT / "0.0.3").unlink()
    assert rules(since(repo)) == [
        ("published-version-deleted", "jsonschema/test/event/0.0.3"),
        ("published-version-deleted", "jsonschema/test/event/0.0.3.yaml"),
        ("published-version-modified", "jsonschema/test/event/0.0.2.yaml"),
    ]


def test_staged_looks_at_the_index_only(repo: Path) -> None:
    """With staged, an unstaged edit is not reported; once staged, it is."""
    target = repo / EVENT / "0.0.2.yaml"
    target.write_text(target.read_text() + "# edited\n")
    assert since(repo, staged=True) == []
    git(repo, "add", str(EVENT / "0.0.2.yaml"))
    assert rules(since(repo, staged=True)) == [
        ("published-version-modified", "jsonschema/test/event/0.0.2.yaml")
    ]


def test_current_changed_without_being_materialized(repo: Path) -> None:
    """A version bump in current.yaml without the version file is reported, then fixed by materializing."""
    bump(repo, "1.1.0")
    [finding] = since(repo)
    assert (finding.rule_id, finding.file) == (
        "current-not-materialized",
        "jsonschema/test/event/current.yaml",
    )
    assert "1.1.0.yaml is missing" in finding.message and "materialize-modified" in finding.message
    materialize(repo)
    assert since(repo) == []


def test_current_changed_without_a_new_version(repo: Path) -> None:
    """Changing the schema but not its version is reported; a comment-only edit is not."""
    edit_current(repo, "title: test/event", "title: test/event\n# a comment")
    assert since(repo) == []
    edit_current(repo, "default value", "another default")
    [finding] = since(repo)
    assert finding.rule_id == "current-changed-without-new-version"
    assert "1.0.0 is already published" in finding.message and "bump the version" in finding.message


def test_version_going_backwards(repo: Path) -> None:
    """A new version below the latest of its major at REF is reported once."""
    bump(repo, "0.0.1")
    materialize(repo)
    findings = since(repo)
    assert [(f.rule_id, f.schema_id) for f in findings] == [("version-went-backwards", "/test/event/0.0.1")]
    assert "lower than 0.0.3" in findings[0].message


def test_new_version_checked_against_the_latest_at_ref(repo: Path) -> None:
    """A breaking change inside a major fails with the major bump suggested; a new major may break."""
    bump(
        repo,
        "1.1.0",
        extra=("        default: default value", "        default: default value\n        maxLength: 5"),
    )
    materialize(repo)
    assert since(repo) == []  # the repository's mode, jsonschema-tools, lets added constraints through
    [finding] = since(repo, mode="backward")
    assert (finding.rule_id, finding.file, finding.pointer) == (
        "schema-version-compatibility",
        "jsonschema/test/event/1.1.0.yaml",
        "/properties/test/maxLength",
    )
    assert "publish it as 2.0.0" in finding.message
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-qfd")
    bump(
        repo,
        "2.0.0",
        extra=("        default: default value", "        default: default value\n        maxLength: 5"),
    )
    materialize(repo)
    assert since(repo, mode="backward") == []


def test_committed_history_and_cli(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Changes already committed are found with --since an older commit; the CLI exits 1 and says why."""
    target = repo / EVENT / "0.0.2.yaml"
    target.write_text(target.read_text() + "# edited\n")
    git(repo, "commit", "-qam", "edit a published version")
    assert since(repo) == []
    assert rules(since(repo, "HEAD~1")) == [
        ("published-version-modified", "jsonschema/test/event/0.0.2.yaml")
    ]
    assert main(["compat", "--since", "HEAD~1"]) == 1
    out = capsys.readouterr().out
    assert "jsonschema/test/event/0.0.2.yaml: error: published version file modified since HEAD~1" in out


def test_unborn_head_has_nothing_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a repository without commits, --since HEAD finds nothing published."""
    git(tmp_path, "init", "-q")
    (tmp_path / "jsonschema").mkdir()
    (tmp_path / ".jsonschema-tools.yaml").write_text("schemaBasePath: jsonschema\n")
    monkeypatch.chdir(tmp_path)
    assert since(tmp_path) == []


def test_shallow_clone_says_what_to_fetch_then_works(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CI clone of depth 1 lacks REF: the error names the fetch; after it, the check runs."""
    git(repo, "branch", "-f", "base", "HEAD~1")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth=1", f"file://{repo}", str(shallow)], check=True)
    monkeypatch.chdir(shallow)
    with pytest.raises(RevisionNotFound) as error:
        since(shallow, "origin/base")
    message = str(error.value)
    assert "not in this shallow clone" in message
    fetch = "git fetch --depth=1 origin base:refs/remotes/origin/base"
    assert fetch in message
    subprocess.run(fetch.split(), cwd=shallow, check=True, capture_output=True)
    # The real history: its last commit edited a published version in place (and its current schema).
    development = "jsonschema/development/cirrussearch/page_weighted_tags_change"
    assert rules(since(shallow, "origin/base")) == [
        ("current-changed-without-new-version", f"{development}/current.yaml"),
        ("published-version-modified", f"{development}/1.0.0.yaml"),
    ]
    assert main(["compat", "--since", "origin/nowhere"]) == 2  # a usage error, as with `test --since`


def test_settings_default_to_the_reference_mode(repo: Path) -> None:
    """A repository with only .jsonschema-tools.yaml is judged by the reference's rule."""
    assert load_settings(load_config(cwd=repo)) == CompatSettings(
        mode="jsonschema-tools", skips=load_config(cwd=repo).skip_schema_test_cases
    )

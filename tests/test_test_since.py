"""`schema-tools test --since REF`: the git-history checks in the same report as the repository checks,
on a real git history (the standard repository, committed, one directory below the top of the work tree
as in a monorepo, so that files must be shown relative to the schema repository, not to git's root)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from schema_tools.cli.main import main

STANDARD = Path(__file__).resolve().parent / "cases" / "_base" / "standard"
E = "jsonschema/test/event"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The standard repository at <git top>/schemas, committed, as the working directory."""
    top = tmp_path / "top"
    root = top / "schemas"
    shutil.copytree(STANDARD, root, symlinks=True, ignore=shutil.ignore_patterns(".schema-tools-cache"))
    git(top, "init", "-q")
    git(top, "config", "user.email", "test@example.org")
    git(top, "config", "user.name", "test")
    git(top, "add", "-A")
    git(top, "commit", "-qm", "standard repository")
    monkeypatch.chdir(root)
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["test", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def new_version(repo: Path, number: str, *, source: str = "1.1.0", name_max_length: int = 64) -> None:
    """A new version file (not through current.yaml), copied from `source`, `name`'s maxLength set."""
    text = (repo / E / f"{source}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"/test/event/{source}", f"/test/event/{number}")
    text = text.replace("maxLength: 64", f"maxLength: {name_max_length}")
    (repo / E / f"{number}.yaml").write_text(text, encoding="utf-8")


def modify_published(repo: Path) -> None:
    path = repo / E / "1.0.0.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")


def delete_published_link(repo: Path) -> None:
    (repo / E / "1.0.0").unlink()


def bump_without_materializing(repo: Path) -> None:
    edit(repo / E / "current.yaml", "$id: /test/event/1.1.0", "$id: /test/event/1.2.0")


def change_without_bump(repo: Path) -> None:
    edit(repo / E / "current.yaml", "description: A name.", "description: Another name.")


def go_backwards(repo: Path) -> None:
    new_version(repo, "1.0.5")


def break_compatibility(repo: Path) -> None:
    """Under backward (committed in the config), a shorter maxLength in a new minor version breaks."""
    config = repo / ".jsonschema-tools.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "compatibilityMode: backward\n", encoding="utf-8")
    git(repo, "commit", "-qam", "backward compatibility")
    new_version(repo, "1.2.0", name_max_length=32)


KINDS: list[tuple[str, str, Callable[[Path], None]]] = [
    ("published-version-modified", f"{E}/1.0.0.yaml", modify_published),
    ("published-version-deleted", f"{E}/1.0.0", delete_published_link),
    ("current-not-materialized", f"{E}/current.yaml", bump_without_materializing),
    ("current-changed-without-new-version", f"{E}/current.yaml", change_without_bump),
    ("version-went-backwards", f"{E}/1.0.5.yaml", go_backwards),
    ("schema-version-compatibility", f"{E}/1.2.0.yaml", break_compatibility),
]


def test_clean_tree_changes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing changed since HEAD: the same output as without --since."""
    assert run(capsys, "--since", "HEAD") == (0, "41 passed, 0 failed, 0 skipped\n", "")


@pytest.mark.parametrize(("rule", "file", "change"), KINDS, ids=[kind[0] for kind in KINDS])
def test_each_history_failure_is_reported_with_its_rule_id(
    repo: Path, capsys: pytest.CaptureFixture[str], rule: str, file: str, change: Callable[[Path], None]
) -> None:
    """Each kind of history failure: exit 1, a line under the schema's title that names the file
    (relative to the schema repository) and ends with the rule ID."""
    change(repo)
    code, out, _ = run(capsys, "--since", "HEAD")
    assert code == 1
    lines = out.splitlines()
    assert "test/event" in lines
    mine = [line for line in lines if line.endswith(f"[{rule}]")]
    assert mine and all(line.startswith(f"  {file}") for line in mine), out


def test_history_cases_are_counted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each history rule failing on one file is one failed case; the repository checks keep their count."""
    modify_published(repo)
    path = repo / E / "1.1.0.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert run(capsys, "--since", "HEAD")[1].endswith("41 passed, 2 failed, 0 skipped\n")


def test_compatibility_with_what_ref_published(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new version is compared with REF's latest of its major version, even when the work tree no
    longer has that version for the rule to pair it with: 1.2.0 drops 1.1.0's `dt` from a closed object
    (compatible with 1.0.0, the rule's pair; not with 1.1.0, which REF published)."""
    new_version(repo, "1.2.0", source="1.0.0")
    for name in ("1.1.0.yaml", "1.1.0"):
        (repo / E / name).unlink()
    config = repo / ".jsonschema-tools.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "compatibilityMode: backward\n", encoding="utf-8")
    code, out, _ = run(capsys, "--rule", "schema-version-compatibility")
    assert (code, out) == (0, "1 passed, 0 failed, 0 skipped\n")
    code, out, _ = run(capsys, "--since", "HEAD", "--rule", "schema-version-compatibility")
    assert code == 1
    assert (
        f"  {E}/1.2.0.yaml::/properties/dt: property `dt` removed from a closed content model at "
        "/properties/dt [property-removed-from-closed-content-model] breaks backward compatibility with 1.1.0"
    ) in out
    assert out.endswith("1 passed, 1 failed, 0 skipped\n")


def test_a_breaking_change_seen_by_both_is_reported_once(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The rule (1.1.0 → 1.2.0 in the work tree) and the history (1.2.0 against REF's 1.1.0) find the
    same break: one line, one failed case."""
    break_compatibility(repo)
    code, out, _ = run(capsys, "--since", "HEAD", "--rule", "schema-version-compatibility")
    assert code == 1
    assert len([line for line in out.splitlines() if "[schema-version-compatibility]" in line]) == 1
    assert out.endswith("1 passed, 1 failed, 0 skipped\n")


def test_staged_and_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--staged compares REF with the index: an unstaged edit is not reported until it is staged;
    --changed compares it with the work tree."""
    modify_published(repo)
    assert run(capsys, "--staged", "--since", "HEAD")[0] == 0
    assert run(capsys, "--changed", "--since", "HEAD")[0] == 1
    git(repo, "add", f"{E}/1.0.0.yaml")
    code, out, _ = run(capsys, "--staged", "--since", "HEAD")
    assert code == 1 and "[published-version-modified]" in out


def test_committed_changes_since_an_older_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What a pull request committed is found with --since its base."""
    modify_published(repo)
    git(repo, "commit", "-qam", "edit a published version")
    assert run(capsys, "--since", "HEAD")[0] == 0
    code, out, _ = run(capsys, "--since", "HEAD~1")
    assert code == 1
    assert f"  {E}/1.0.0.yaml: published version file modified since HEAD~1" in out


def test_missing_revision_says_what_to_fetch(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A revision that is not in the clone is a usage error (exit 2) naming the fetch, before any check."""
    git(repo, "remote", "add", "origin", str(repo))  # a CI clone has its origin
    code, out, err = run(capsys, "--since", "origin/main")
    assert (code, out) == (2, "")
    assert "that revision is not in this clone" in err
    assert "git fetch --depth=1 origin main:refs/remotes/origin/main" in err
    # `compat --since` answers the same way.
    assert main(["compat", "--since", "origin/main"]) == 2
    assert "that revision is not in this clone" in capsys.readouterr().err


def test_rule_selection_covers_the_history_rules(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--rule and --skip-rule take the history IDs with --since; without it they are a usage error."""
    modify_published(repo)
    code, out, _ = run(capsys, "--since", "HEAD", "--rule", "published-version-modified")
    assert code == 1 and out.endswith("0 passed, 1 failed, 0 skipped\n")
    code, out, _ = run(capsys, "--since", "HEAD", "--skip-rule", "published-version-modified")
    assert (code, out) == (0, "41 passed, 0 failed, 0 skipped\n")
    code, _, err = run(capsys, "--rule", "published-version-modified")
    assert code == 2 and "published-version-modified: checked with --since REF only" in err
    code, _, err = run(capsys, "--since", "HEAD", "--rule", "published-version-modifed")
    assert code == 2 and "unknown rule ID published-version-modifed" in err


def test_json_and_github_formats(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The history findings are findings like the others in every format."""
    modify_published(repo)
    code, out, _ = run(capsys, "--since", "HEAD", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["counts"] == {"passed": 41, "failed": 1, "skipped": 0}
    (finding,) = data["findings"]
    assert (finding["rule"], finding["file"], finding["severity"]) == (
        "published-version-modified",
        f"{E}/1.0.0.yaml",
        "error",
    )
    code, out, _ = run(capsys, "--since", "HEAD", "--format", "github")
    assert out.startswith(f"::error file={E}/1.0.0.yaml,line=1,title=published-version-modified::")

"""End to end with the real `pre-commit` tool: our .pre-commit-hooks.yaml, installed from this checkout,
materializes a version bump into the commit and refuses a commit that edits a published version.

pre-commit installs hooks from a git repository at a revision, so the test commits a copy of this
checkout (package, pyproject, hooks file) into a temporary repository and points `repo:` at it; pip
builds it into pre-commit's environment from the package index pip is configured with (no other
network). Skipped, with the reason, when pre-commit is not installed (`pip install pre-commit`).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, clone_bundle

EVENT = "jsonschema/test/event"


def run(cwd: Path, *args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=env, check=check)


@pytest.fixture(scope="module")
def pre_commit() -> list[str]:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit; it is in the test extras)")
    return [sys.executable, "-m", "pre_commit"]


def hooks_repository(dest: Path, env: dict[str, str]) -> str:
    """A git repository holding this checkout's package and hooks file; returns its commit."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(PROJECT_ROOT / name, dest / name)
    shutil.copytree(
        PROJECT_ROOT / "src",
        dest / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    run(dest, "git", "init", "-q", env=env)
    run(dest, "git", "add", "-A", env=env)
    run(dest, "git", "commit", "-qm", "schema-tools under test", env=env)
    return run(dest, "git", "rev-parse", "HEAD", env=env).stdout.strip()


def test_pre_commit_hooks_end_to_end(pre_commit: list[str], tmp_path: Path) -> None:
    """Bump a version: the commit carries the materialized files. Edit a published file: refused."""
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    env.pop("PYTHONPATH", None)  # the hooks must run the package pre-commit installed, nothing else
    revision = hooks_repository(tmp_path / "hooks", env)
    repo = clone_bundle("schemas-event-primary", tmp_path / "primary")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {tmp_path / 'hooks'}\n    rev: {revision}\n"
        "    hooks:\n      - id: schema-tools-materialize\n      - id: schema-tools-test\n"
    )
    run(repo, "git", "add", ".pre-commit-config.yaml", env=env)
    run(repo, *pre_commit, "install", env=env)

    current = repo / EVENT / "current.yaml"
    current.write_text(current.read_text().replace("$id: /test/event/1.0.0", "$id: /test/event/1.1.0"))
    run(repo, "git", "add", f"{EVENT}/current.yaml", env=env)
    done = run(repo, "git", "commit", "-m", "test/event 1.1.0", env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    committed = set(run(repo, "git", "show", "--name-only", "--format=", "HEAD", env=env).stdout.split())
    assert {
        f"{EVENT}/{name}" for name in ("current.yaml", "1.1.0.yaml", "1.1.0", "latest", "latest.yaml")
    } <= committed
    assert (repo / EVENT / "latest").resolve().name == "1.1.0.yaml"
    assert run(repo, "git", "status", "--porcelain", env=env).stdout == ""

    published = repo / EVENT / "1.0.0.yaml"
    published.write_text(published.read_text() + "# edited after publication\n")
    run(repo, "git", "add", f"{EVENT}/1.0.0.yaml", env=env)
    refused = run(repo, "git", "commit", "-m", "edit a published version", env=env, check=False)
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "check schema changes" in output and "Failed" in output
    assert f"{EVENT}/1.0.0.yaml: published version file modified since HEAD" in output
    assert "[published-version-modified]" in output

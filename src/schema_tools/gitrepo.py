"""The few git operations the tool needs, through plain `git` subprocesses.

Plain git in batch form costs no import time and is within 2× of libgit2 for these calls
(see the design notes in the README); GitPython would add about 125 ms to every start.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from schema_tools.errors import SchemaToolsError


class GitError(SchemaToolsError):
    """A git command failed; the message carries git's own words."""


def _git(args: Sequence[str], cwd: Path) -> str:
    try:
        completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if completed.returncode != 0:
        raise GitError(f"`git {' '.join(args)}` failed: {completed.stderr.strip()}", path=str(cwd))
    return completed.stdout


def git_root(path: Path) -> Path:
    """The top of the work tree that contains path."""
    return Path(_git(["rev-parse", "--show-toplevel"], path).strip())


def modified_files(root: Path, *, staged: bool) -> list[Path]:
    """Added, copied or modified files, as absolute paths (one git call).

    staged: what the index changes against HEAD (what a pre-commit hook sees). Otherwise: everything in
    the work tree that differs from HEAD, staged or not, plus untracked files that are not ignored —
    a brand-new schema is untracked until it is added.
    """
    if staged:
        # The index against HEAD only: no need to look at the work tree (a pre-commit hook's hot path).
        names = _split(_git(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACM"], root))
        return [root / name for name in names]
    output = _git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"], root)
    found: list[Path] = []
    for entry in _split(output):
        index, worktree, name = entry[0], entry[1], entry[3:]
        if index in "AMC" or worktree == "M" or (index, worktree) == ("?", "?"):
            found.append(root / name)
    return found


def _split(output: str) -> list[str]:
    return [name for name in output.split("\0") if name]


def git_add(root: Path, paths: Sequence[Path]) -> None:
    """Stage paths (files and symlinks), passed as separate arguments: names with spaces are safe."""
    if paths:
        _git(["add", "--", *(str(p) for p in paths)], root)

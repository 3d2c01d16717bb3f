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


def _has_head(root: Path) -> bool:
    return (
        subprocess.run(
            ["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=root, capture_output=True, check=False
        ).returncode
        == 0
    )


def modified_files(root: Path, *, staged: bool) -> list[Path]:
    """Added, copied or modified files, as absolute paths.

    staged: what the index changes against HEAD (what a pre-commit hook sees). Otherwise: everything in
    the work tree that differs from HEAD, staged or not, plus untracked files that are not ignored —
    a brand-new schema is untracked until it is added.
    """
    head = _has_head(root)
    if staged:
        args = ["diff", "--cached", "--name-only", "--diff-filter=ACM", "-z"]
        if not head:
            args = ["diff", "--cached", "--name-only", "--diff-filter=ACM", "-z", _empty_tree(root)]
        names = _split(_git(args, root))
    else:
        names = _split(
            _git(["diff", "--name-only", "--diff-filter=ACM", "-z", "HEAD" if head else _empty_tree(root)], root)
        )
        names += _split(_git(["ls-files", "--others", "--exclude-standard", "-z"], root))
    seen: dict[Path, None] = {}
    for name in names:
        seen.setdefault(root / name)
    return list(seen)


def _empty_tree(root: Path) -> str:
    return _git(["hash-object", "-t", "tree", "/dev/null"], root).strip()


def _split(output: str) -> list[str]:
    return [name for name in output.split("\0") if name]


def git_add(root: Path, paths: Sequence[Path]) -> None:
    """Stage paths (files and symlinks), passed as separate arguments: names with spaces are safe."""
    if paths:
        _git(["add", "--", *(str(p) for p in paths)], root)

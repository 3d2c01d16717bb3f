"""Checking only what a change affects: the schema directories that changed, and the schemas that use them.

A schema's checks depend on its own files and, through its current file's `$ref`s, on the files of the
schemas it references (re-materializing it reads them). So a change to `fragment/common/` affects every
schema whose current file mentions `/fragment/common/`, and, transitively, the schemas that use those.
Finding them needs no parsing and no materialization: each current file's text is searched for the
changed directories' paths (a superset of the real references, never a subset), so the cost grows with
the number of schemas only by one small file read each.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from schema_tools.config import Config
from schema_tools.errors import SchemaToolsError


def affected_directories(config: Config, changed: Iterable[Path]) -> set[Path] | None:
    """The schema directories to check for these changed paths; None when everything must be checked.

    Everything is affected when a config file that the run read has changed.
    """
    base = config.schema_base_path
    configs = {Path(os.path.realpath(p)) for p in config.config_files}
    seeds: set[Path] = set()
    for path in changed:
        path = Path(os.path.abspath(path))
        if Path(os.path.realpath(path)) in configs:
            return None
        if path.is_relative_to(base):
            seeds.add(path if path.is_dir() else path.parent)
    if not seeds:
        return set()
    affected = set(seeds)
    frontier = seeds
    while frontier:
        needles = ["/" + d.relative_to(base).as_posix() + "/" for d in frontier if d != base]
        frontier = _users(config, needles) - affected if needles else set()
        affected |= frontier
    return affected


def _users(config: Config, needles: list[str]) -> set[Path]:
    """Directories whose current file contains one of the needles (`git grep`, else a Python scan).

    git searches the tracked files only: an untracked current file is new, so it is itself a changed path,
    and its directory is checked anyway.
    """
    base = config.schema_base_path
    args = ["grep", "-l", "-z", "-F", *(a for n in needles for a in ("-e", n))]
    try:
        done = subprocess.run(
            ["git", *args, "--", f":(glob)**/{config.current_name}"],
            cwd=base,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        done = None
    if done is not None and done.returncode in (0, 1):  # 1: no match
        names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
        return {(base / name).parent for name in names if name}
    return {d for d, text in _current_texts(config).items() if any(n in text for n in needles)}


def _current_texts(config: Config) -> dict[Path, str]:
    """The text of every current file under the base path, by directory (when git cannot search)."""
    texts: dict[Path, str] = {}
    for dirpath, dirnames, filenames in os.walk(config.schema_base_path):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        if config.current_name in filenames:
            path = Path(dirpath) / config.current_name
            try:
                texts[path.parent] = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
    return texts


def changed_paths(directory: Path, *, staged: bool) -> list[Path]:
    """Files git sees as changed against HEAD, deletions included (absolute paths).

    staged: what the index changes (a pre-commit hook's view). Otherwise everything in the work tree that
    differs from HEAD, plus untracked files that are not ignored.

    Raises:
        SchemaToolsError: git is missing or `directory` is not in a git work tree.
    """
    root = Path(_git(["rev-parse", "--show-toplevel"], directory).strip())
    has_head = (
        subprocess.run(
            ["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=root, capture_output=True, check=False
        ).returncode
        == 0
    )
    against = "HEAD" if has_head else _git(["hash-object", "-t", "tree", "/dev/null"], root).strip()
    args = ["diff", "--name-only", "--no-renames", "-z", *(["--cached"] if staged else []), against]
    names = _git(args, root).split("\0")
    if not staged:
        names += _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")
    return sorted({root / name for name in names if name})


def _git(args: list[str], cwd: Path) -> str:
    try:
        completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise SchemaToolsError(
            "git is not installed or not on PATH (needed for --changed/--staged)"
        ) from None
    if completed.returncode != 0:
        raise SchemaToolsError(f"`git {' '.join(args)}` failed: {completed.stderr.strip()}", path=str(cwd))
    return completed.stdout

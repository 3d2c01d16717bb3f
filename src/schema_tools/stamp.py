"""The run stamp: `materialize-all` repeated on a tree the last run left as it was ends at start-up.

The incremental cache (cache.py) already skips every up-to-date schema, but reaching it costs the
imports of the whole pipeline, several times the work that is left. So a successful `materialize-all`
also leaves a stamp: the exact command line and working directory, and the stat signature of
everything the run depended on —

* every directory it walked or wrote into (a file or link added, removed or replaced there changes
  the directory's mtime, so new schemas and deleted or retargeted outputs are seen),
* every current file, every document its `$ref`s read (and every location they were looked for at and
  found missing), every file it wrote (the links it wrote count through their directories),
* the config files it read or would have read (one created later counts as a change),
* the modules of schema-tools itself (an upgrade or a local edit of the tool is a change).

A run with the same command line in the same directory first compares those signatures and, when all are
equal, prints what the full run would print — nothing is left to do — without importing anything else.
A run that read a remote (http) document leaves no stamp: a remote document cannot be stat'ed.

This module imports only built-in modules (os, sys, marshal), because it runs before everything else.
Signatures are (mtime_ns, ctime_ns, size, inode): ctime cannot be set back by `touch` or a restore, so a
file edited and put back still counts as changed.
"""

from __future__ import annotations

import marshal
import os
import sys

TYPE_CHECKING = False  # not `from typing`: that import alone costs 3 ms of start-up

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

_FORMAT = 2
_SUBDIRECTORY = "stamps"

Signature = tuple[int, int, int, int]  # (mtime_ns, ctime_ns, size, inode)


def cache_root() -> str:
    """Where schema-tools keeps its caches (never inside the repository)."""
    explicit = os.environ.get("SCHEMA_TOOLS_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "schema-tools")


def stat_signature(path: str) -> Signature | None:
    """The signature of what a path leads to (links followed); None if it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


def stamp_path(cwd: str, argv: Sequence[str]) -> str:
    # One stamp per working directory and command line (a hook and a person may run different ones),
    # named by a stable hash of both (both are checked inside, so a collision only costs a full run).
    key = "\0".join([cwd, *argv]).encode("utf-8", "surrogateescape")
    return os.path.join(cache_root(), _SUBDIRECTORY, f"{_fnv1a(key):08x}.marshal")


def _fnv1a(data: bytes) -> int:
    # 32-bit FNV-1a in plain Python: zlib's crc32 would cost loading an extension module (0.3-0.5 ms).
    value = 0x811C9DC5
    for byte in data:
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def package_files() -> list[str]:
    """The modules of schema-tools itself, so that a changed tool never answers from a stamp."""
    root = os.path.dirname(os.path.abspath(__file__))
    found = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        found.append(directory)
        found.extend(os.path.join(directory, name) for name in filenames if name.endswith(".py"))
    return found


_LIBRARY_FILES: list[str] = []


def tool_files() -> list[str]:
    """Our modules and those of the YAML library whose reading of the files the results depend on.

    The library is located without importing it (`find_spec` of a top-level name does not import).
    """
    if not _LIBRARY_FILES:
        from importlib.util import find_spec

        spec = find_spec("yaml")
        for directory in (spec.submodule_search_locations or []) if spec is not None else []:
            for name in sorted(os.listdir(directory)):
                if name.endswith((".py", ".so", ".pyd")):
                    _LIBRARY_FILES.append(os.path.join(directory, name))
    return package_files() + _LIBRARY_FILES


def replay(cwd: str, argv: Sequence[str]) -> tuple[list[str], str | None] | None:
    """What the run would print, if nothing it depended on has changed since the stamp; else None.

    That is the warnings, printed as they are, and the summary line (None when quiet), to which the
    caller adds its own timing.
    """
    try:
        with open(stamp_path(cwd, argv), "rb") as file:
            stamp = marshal.loads(file.read())  # marshal.load(file) reads in small pieces: 10x slower
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(stamp, dict) or stamp.get("format") != _FORMAT:
        return None
    if stamp.get("cwd") != cwd or stamp.get("argv") != list(argv) or stamp.get("python") != sys.version:
        return None
    for path, recorded in stamp["signatures"].items():
        if stat_signature(path) != recorded:
            return None
    return stamp["lines"], stamp["summary"]


def forget(cwd: str, argv: Sequence[str]) -> None:
    """Remove the stamp of a command line (a full run of it is under way; it may fail)."""
    try:  # noqa: SIM105 (contextlib costs 4 ms of start-up)
        os.unlink(stamp_path(cwd, argv))
    except OSError:
        pass


def write(
    cwd: str,
    argv: Sequence[str],
    signatures: Mapping[str, Signature | None],
    lines: Sequence[str],
    summary: str | None,
) -> None:
    """Stamp a successful run: `signatures` is everything it depended on, as the run saw it (None: a path
    that must stay missing). The tool's own files are added here.

    A stamp that cannot be written is simply not kept; it is only ever a shortcut.
    """
    recorded = dict(signatures)
    for path in tool_files():
        recorded[path] = stat_signature(path)
    stamp = {
        "format": _FORMAT,
        "python": sys.version,
        "cwd": cwd,
        "argv": list(argv),
        "signatures": recorded,
        "lines": list(lines),
        "summary": summary,
    }
    target = stamp_path(cwd, argv)
    temporary = f"{target}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(temporary, "wb") as file:
            marshal.dump(stamp, file)
        os.replace(temporary, target)
    except (OSError, ValueError):
        try:  # noqa: SIM105
            os.unlink(temporary)
        except OSError:
            pass

"""The incremental cache: a schema whose inputs and outputs are as the last run left them is not redone.

For each current file a successful run records the stat signature (mtime, size, inode) of the file,
of every document its `$ref`s read, and of every file and link it wrote. The next run skips a schema
when all of these are unchanged and the settings are the same (a fingerprint of the config and the
tool's version); a schema is redone when anything it read or wrote changed — or when it reads the
output of another schema that is redone. Remote documents (http) are never trusted: a schema that
reads one is always redone.

The cache lives outside the repository, beside the check cache (`$SCHEMA_TOOLS_CACHE_DIR`, else
`$XDG_CACHE_HOME/schema-tools`, else `~/.cache/schema-tools`), one file per working directory.
Deleting it is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_FORMAT = "materialize-v1"

Signature = list[int]


def cache_directory() -> Path:
    """Where schema-tools keeps its caches (never inside the repository)."""
    from schema_tools.stamp import cache_root

    return Path(cache_root())


def signature(path: str | Path) -> Signature | None:
    """(mtime_ns, size, inode) of the file a path leads to, following links; None if missing."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size, st.st_ino]


def link_target(path: str | Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


class MaterializeCache:
    """What the last successful run read and wrote for each current schema, under one fingerprint."""

    def __init__(self, cwd: Path, fingerprint: str, directory: Path | None = None) -> None:
        self.directory = (directory or cache_directory()) / "materialize"
        self.file = self.directory / (hashlib.sha256(str(cwd).encode()).hexdigest()[:24] + ".json")
        self.fingerprint = fingerprint
        self.entries: dict[str, dict[str, Any]] = {}
        with contextlib.suppress(OSError, ValueError, AttributeError, TypeError):
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("fingerprint") == fingerprint:
                self.entries = dict(data["entries"])

    def is_fresh(self, current: Path) -> bool:
        """True when the schema's file, everything it read and everything it wrote are unchanged."""
        entry = self.entries.get(str(current))
        if entry is None or signature(current) != entry["current"]:
            return False
        for path, sig in entry["inputs"].items():
            if signature(path) != sig:
                return False
        for path, sig in entry["files"].items():
            if signature(path) != sig:
                return False
        return all(link_target(path) == target for path, target in entry["links"].items())

    def inputs_of(self, current: Path) -> set[str]:
        entry = self.entries.get(str(current))
        return set(entry["inputs"]) if entry else set()

    def outputs_of(self, current: Path) -> set[str]:
        entry = self.entries.get(str(current))
        return set(entry["files"]) | set(entry["links"]) if entry else set()

    def record(self, current: Path, inputs: Iterable[str], files: Iterable[Path], links: Iterable[Path]) -> None:
        """Remember a schema just written; one that read anything but local files is not remembered."""
        inputs = [i for i in inputs if i != str(current)]
        input_sigs = {path: signature(path) for path in inputs}
        if any(sig is None for sig in input_sigs.values()) or any("://" in path for path in inputs):
            self.entries.pop(str(current), None)
            return
        self.entries[str(current)] = {
            "current": signature(current),
            "inputs": input_sigs,
            "files": {str(p): signature(p) for p in files},
            "links": {str(p): link_target(p) for p in links},
        }

    def dependencies(self, currents: Iterable[Path]) -> set[str] | None:
        """Every path the recorded runs of these schemas read or wrote, and the directories holding them;
        None when one of them is not recorded (it failed, was not run, or read a remote document)."""
        paths: set[str] = set()
        for current in currents:
            entry = self.entries.get(str(current))
            if entry is None:
                return None
            paths.add(str(current))
            paths.update(entry["inputs"], entry["files"], entry["links"])
        paths.update({os.path.dirname(path) for path in paths})
        return paths

    def forget(self, current: Path) -> None:
        self.entries.pop(str(current), None)

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is simply not kept."""
        with contextlib.suppress(OSError):
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
            data = {"format": _FORMAT, "fingerprint": self.fingerprint, "entries": self.entries}
            temporary.write_text(json.dumps(data))
            os.replace(temporary, self.file)

"""The incremental cache: work whose inputs are unchanged is not redone.

It answers at two levels, for each current file a successful run wrote:

* **Up to date** (stat signatures): the file, every document its `$ref`s read, and every file and link it
  wrote still have the signature (mtime, size, inode) the run left them with, and every location the
  resolver tried and found missing is still missing. Such a schema is skipped without being read.
* **Same content** (content hashes): the file and every document it read have the same bytes as then —
  after a `git checkout` back and forth, or when its version files were deleted. The outputs are taken
  from the cache instead of being dereferenced, merged and rendered again, and the parse of the file
  is taken from the cache too.

Both are keyed by a fingerprint of the settings and of the tool itself (its version and the signatures
of its modules). A schema is redone when anything it read changed — or when it reads the output of
another schema that is redone. Remote documents (http) are never trusted: a schema that read one, or
that tried a remote location first, is not recorded and is always redone.

The cache lives outside the repository, beside the check cache (`$SCHEMA_TOOLS_CACHE_DIR`, else
`$XDG_CACHE_HOME/schema-tools`, else `~/.cache/schema-tools`), one file per working directory, in
Python's marshal format (the fastest to read back; a file from another Python is simply not used).
Deleting it is always safe.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

_FORMAT = "materialize-v2"

Signature = tuple[int, int, int]


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
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def link_target(path: str | Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


try:  # hashlib itself loads OpenSSL first (2-3 ms of start-up) even for BLAKE2, which CPython builds in
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def content_hash(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()


def file_hash(path: str | Path) -> str | None:
    try:
        with open(path, "rb") as file:
            return content_hash(file.read())
    except OSError:
        return None


def tool_fingerprint() -> list[Any]:
    """The tool's version, Python's, and the signatures of its modules: a changed tool redoes everything."""
    from schema_tools import __version__
    from schema_tools.stamp import package_files

    return [__version__, sys.version, [(p, signature(p)) for p in package_files() if p.endswith(".py")]]


class Cached:
    """A schema's outputs from the cache: what `plan` needs to write them again without building them."""

    def __init__(self, schema_id: str, version: tuple[int, int, int], outputs: list[tuple[str, str]]) -> None:
        self.schema_id = schema_id
        self.version = version
        self.outputs = outputs  # (content type, text)


class MaterializeCache:
    """What the last successful run read and wrote for each current schema, under one fingerprint."""

    def __init__(self, cwd: Path, fingerprint: str, directory: Path | None = None) -> None:
        self.directory = (directory or cache_directory()) / "materialize"
        self.file = self.directory / (content_hash(str(cwd).encode())[:24] + ".marshal")
        self.fingerprint = fingerprint
        self.entries: dict[str, dict[str, Any]] = {}
        self._hashes: dict[str, str] = {}  # content hash of each current file read in this run
        self._parses: dict[str, bytes] = {}  # marshalled parse of each current file parsed in this run
        try:
            with open(self.file, "rb") as file:
                data = marshal.loads(file.read())  # marshal.load(file) reads in small pieces: 10x slower
            if data.get("format") == _FORMAT and data.get("fingerprint") == fingerprint:
                self.entries = dict(data["entries"])
        except (OSError, EOFError, ValueError, TypeError, AttributeError, KeyError):
            pass  # no cache, or not one of ours: start afresh

    # ---- up to date (stat signatures) ----------------------------------------------------------

    def is_fresh(self, current: Path) -> bool:
        """True when the schema's file, everything it read and everything it wrote are unchanged."""
        entry = self.entries.get(str(current))
        if entry is None or signature(current) != entry["current"]:
            return False
        for path, sig in entry["inputs"].items():
            if signature(path) != sig:
                return False
        if any(os.path.lexists(path) for path in entry["absent"]):
            return False
        for path, sig in entry["files"].items():
            if signature(path) != sig:
                return False
        return all(link_target(path) == target for path, target in entry["links"].items())

    def inputs_of(self, current: Path) -> set[str]:
        entry = self.entries.get(str(current))
        return set(entry["inputs"]) if entry else set()

    def absent_of(self, current: Path) -> list[str]:
        entry = self.entries.get(str(current))
        return list(entry["absent"]) if entry else []

    def outputs_of(self, current: Path) -> set[str]:
        entry = self.entries.get(str(current))
        return set(entry["files"]) | set(entry["links"]) if entry else set()

    def dependencies(self, currents: Iterable[Path]) -> set[str] | None:
        """Every path the recorded runs of these schemas read, tried or wrote (links only through their
        directories), and the directories holding them; None when one of them is not recorded (it failed,
        was not run, or read a remote document)."""
        paths: set[str] = set()
        for current in currents:
            entry = self.entries.get(str(current))
            if entry is None:
                return None
            paths.add(str(current))
            paths.update(entry["inputs"], entry["absent"], entry["files"])
            # A link is replaced, not changed in place: its directory's signature is enough.
            paths.update(os.path.dirname(link) for link in entry["links"])
        paths.update({os.path.dirname(path) for path in paths})
        return paths

    # ---- same content (hashes) -----------------------------------------------------------------

    def parse(self, current: Path, text: str, load: Callable[[str], Any]) -> Any:
        """The parse of a current file's text: from the cache when the text is the one recorded.

        marshal keeps objects shared (a YAML alias) shared, which matters: they become YAML anchors again.
        """
        key = str(current)
        digest = self._hashes[key] = content_hash(text.encode("utf-8"))
        entry = self.entries.get(key)
        if entry is not None and entry["text_hash"] == digest and entry["parse"] is not None:
            return marshal.loads(entry["parse"])
        schema = load(text)
        with contextlib.suppress(ValueError):  # a value marshal cannot hold (a YAML date): not kept
            self._parses[key] = marshal.dumps(schema)
        return schema

    def outputs(self, current: Path, read: Callable[[str], bytes | None]) -> Cached | None:
        """The recorded outputs, if the file and everything it read have the recorded content.

        `read` gives the bytes of an input as this run sees them (files pending in the run first);
        None when it is missing.
        """
        key = str(current)
        entry = self.entries.get(key)
        if entry is None or entry["text_hash"] != self._hashes.get(key):
            return None
        for path, digest in entry["input_hashes"].items():
            data = read(path)
            if data is None or content_hash(data) != digest:
                return None
        if any(read(path) is not None for path in entry["absent"]):
            return None
        return Cached(entry["schema_id"], entry["version"], entry["outputs"])

    # ---- recording -----------------------------------------------------------------------------

    def record(
        self,
        current: Path,
        inputs: Iterable[str],
        absent: Iterable[str],
        files: Iterable[Path],
        links: Iterable[Path],
        result: Cached,
    ) -> None:
        """Remember a schema just written; one that read or tried anything but local files is not."""
        key = str(current)
        inputs = [i for i in dict.fromkeys(inputs) if i != key]
        absent = list(dict.fromkeys(absent))
        input_sigs = {path: signature(path) for path in inputs}
        remote = any("://" in path for path in [*inputs, *absent])
        if key not in self._hashes:  # parsed before the cache saw it (a path given on the command line)
            digest = file_hash(current)
            if digest is not None:
                self._hashes[key] = digest
        if remote or any(sig is None for sig in input_sigs.values()) or key not in self._hashes:
            self.entries.pop(key, None)
            return
        previous = self.entries.get(key)
        parse = self._parses.get(key)
        if parse is None and previous is not None and previous["text_hash"] == self._hashes[key]:
            parse = previous["parse"]  # the parse came from the cache: keep it
        self.entries[key] = {
            "current": signature(current),
            "text_hash": self._hashes[key],
            "parse": parse,
            "inputs": input_sigs,
            "input_hashes": {path: file_hash(path) for path in inputs},
            "absent": absent,
            "files": {str(p): signature(p) for p in files},
            "links": {str(p): link_target(p) for p in links},
            "schema_id": result.schema_id,
            "version": tuple(result.version),
            "outputs": list(result.outputs),
        }

    def forget(self, current: Path) -> None:
        self.entries.pop(str(current), None)

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is simply not kept."""
        temporary = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        # Schemas whose current file is gone (deleted, renamed) would otherwise be carried forever.
        entries = {path: entry for path, entry in self.entries.items() if os.path.exists(path)}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            data = {"format": _FORMAT, "fingerprint": self.fingerprint, "entries": entries}
            temporary.write_bytes(marshal.dumps(data))
            os.replace(temporary, self.file)
        except (OSError, ValueError):
            temporary.unlink(missing_ok=True)

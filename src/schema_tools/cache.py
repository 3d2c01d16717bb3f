"""The incremental cache: work whose inputs are unchanged is not redone.

It answers at two levels, for each current file a successful run wrote:

* **Up to date** (stat signatures): the file, every document its `$ref`s read, and every file and link it
  wrote (and the `latest` links it consulted, with the files they point to) still have the signature
  (mtime, ctime, size, inode) the run left them with, and every location the resolver tried and found
  missing is still missing. Such a schema is skipped without being read.
* **Same content** (content hashes): the file and every document it read have the same bytes as then —
  after a `git checkout` back and forth, or when its version files were deleted. The outputs are taken
  from the cache instead of being dereferenced, merged and rendered again, and the parse of the file
  is taken from the cache too.

A schema is recorded only when everything it read and wrote is, when the run ends, as the run saw it
(a file saved while the run went on is not trusted). Both levels are keyed by a fingerprint of the
settings and of the tool itself (its version, Python's, and the signatures of its modules and of the
YAML library's). A schema is redone when anything it read changed — or when it reads the output of
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
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from schema_tools.digest import content_hash
from schema_tools.stamp import Signature, cache_root, stat_signature

_FORMAT = "materialize-v3"


def cache_directory() -> Path:
    """Where schema-tools keeps its caches (never inside the repository)."""
    return Path(cache_root())


def link_target(path: str | Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


def file_hash(path: str | Path) -> str | None:
    try:
        with open(path, "rb") as file:
            return content_hash(file.read())
    except OSError:
        return None


def tool_fingerprint() -> list[Any]:
    """The tool's version, Python's, and the signatures of its modules and of the YAML library's: a changed
    tool redoes everything."""
    from schema_tools import __version__
    from schema_tools.stamp import tool_files

    return [__version__, sys.version, [(p, stat_signature(p)) for p in tool_files() if not os.path.isdir(p)]]


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
        self.file = self.directory / (content_hash(os.fsencode(cwd))[:24] + ".marshal")
        self.fingerprint = fingerprint
        self.entries: dict[str, dict[str, Any]] = {}
        self._hashes: dict[str, str] = {}  # content hash of each current file read in this run
        self._parses: dict[str, bytes] = {}  # marshalled parse of each current file parsed in this run
        self._observed: dict[str, tuple[Signature, str] | None] = {}  # see _observe
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
        if entry is None or stat_signature(str(current)) != entry["current"]:
            return False
        for path, sig in entry["inputs"].items():
            if stat_signature(path) != sig:
                return False
        if any(os.path.lexists(path) for path in entry["absent"]):
            return False
        for path, sig in entry["files"].items():
            if stat_signature(path) != sig:
                return False
        return all(link_target(path) == target for path, target in entry["links"].items())

    def input_hashes_of(self, current: Path) -> dict[str, str | None]:
        entry = self.entries.get(str(current))
        return dict(entry["input_hashes"]) if entry else {}

    def absent_of(self, current: Path) -> list[str]:
        entry = self.entries.get(str(current))
        return list(entry["absent"]) if entry else []

    def dependencies(self, currents: Iterable[Path]) -> tuple[dict[str, Signature | None], set[str]] | None:
        """What the recorded runs of these schemas depend on: the signature recorded for every file they
        read or wrote, None for every location they found missing; and the directories of the links they
        wrote (a link is replaced, not changed in place: its directory's signature is enough).
        None when one of them is not recorded (it failed, was not run, or read a remote document)."""
        expected: dict[str, Signature | None] = {}
        link_directories: set[str] = set()
        for current in currents:
            entry = self.entries.get(str(current))
            if entry is None:
                return None
            expected[str(current)] = entry["current"]
            expected.update(entry["inputs"])
            expected.update(entry["files"])
            expected.update(dict.fromkeys(entry["absent"]))
            link_directories.update(os.path.dirname(link) for link in entry["links"])
        return expected, link_directories

    # ---- same content (hashes) -----------------------------------------------------------------

    def parse(self, current: Path, text: str, load: Callable[[str], Any]) -> Any:
        """The parse of a current file's text: from the cache when the text is the one recorded.

        marshal keeps objects shared (a YAML alias) shared, which matters: they become YAML anchors again.
        """
        key = str(current)
        digest = self._hashes[key] = content_hash(text.encode("utf-8", "surrogateescape"))
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
        *,
        inputs: Mapping[str, str | None],
        absent: Iterable[str],
        outputs: Iterable[tuple[Path, str]],
        links: Iterable[Path],
        result: Cached,
    ) -> None:
        """Remember a schema just written, if everything it depends on is still as the run saw it.

        inputs: each document read → the hash of its content as read (None: as it is now);
        outputs: each file written → its text. A schema is not recorded (and any earlier record of it is
        dropped) when it read or tried anything but local files, when its current file was not read
        through this cache (standard input, or a path parsed before), or when a file it read or wrote
        changed while the run went on.
        """
        key = str(current)
        entry = self._entry(key, inputs, list(dict.fromkeys(absent)), outputs, links, result)
        if entry is None:
            self.entries.pop(key, None)
        else:
            self.entries[key] = entry

    def _entry(
        self,
        key: str,
        inputs: Mapping[str, str | None],
        absent: list[str],
        outputs: Iterable[tuple[Path, str]],
        links: Iterable[Path],
        result: Cached,
    ) -> dict[str, Any] | None:
        read_hash = self._hashes.get(key)
        observed = self._observe(key)
        if read_hash is None or observed is None or observed[1] != read_hash:
            return None
        if any("://" in path for path in [*inputs, *absent]) or any(os.path.lexists(path) for path in absent):
            return None
        input_sigs: dict[str, Signature] = {}
        input_hashes: dict[str, str] = {}
        for path, digest in inputs.items():
            if path == key:
                continue
            seen = self._observe(path)
            if seen is None or (digest is not None and seen[1] != digest):
                return None
            input_sigs[path], input_hashes[path] = seen
        files: dict[str, Signature] = {}
        for output, text in outputs:
            seen = self._observe(str(output))
            if seen is None or seen[1] != content_hash(text.encode("utf-8", "surrogateescape")):
                return None
            files[str(output)] = seen[0]
        previous = self.entries.get(key)
        parse = self._parses.get(key)
        if parse is None and previous is not None and previous["text_hash"] == read_hash:
            parse = previous["parse"]  # the parse came from the cache: keep it
        return {
            "current": observed[0],
            "text_hash": read_hash,
            "parse": parse,
            "inputs": input_sigs,
            "input_hashes": input_hashes,
            "absent": absent,
            "files": files,
            "links": {str(p): link_target(p) for p in links},
            "schema_id": result.schema_id,
            "version": tuple(result.version),
            "outputs": list(result.outputs),
        }

    def _observe(self, path: str) -> tuple[Signature, str] | None:
        """A file's signature and content hash, if it did not change while being read (once per run:
        recording comes after every write of the run)."""
        if path not in self._observed:
            before = stat_signature(path)
            digest = file_hash(path)
            after = stat_signature(path)
            ok = before is not None and digest is not None and before == after
            self._observed[path] = (before, digest) if ok else None  # type: ignore[assignment]
        return self._observed[path]

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

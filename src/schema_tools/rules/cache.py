"""A result cache for repeated checks (pre-commit, CI with a cached directory, an editor loop).

What is cached, always keyed by *content*, never by time stamps:

* parsed documents, by the hash of the file's bytes;
* the findings of a check case whose verdict depends only on file contents (the robustness rules, the
  compatibility pairs, and re-materializing current.yaml), with the hash of every file it read —
  including the fragments the materializer resolved, and the candidates it found absent.

An entry is used only when every one of those files still has the recorded hash (or is still absent),
and the whole cache is dropped when the code, the library versions or the configuration change. Checks
of links and file existence are never cached (they are cheap).

The cache is JSON (loading it can never run code, unlike pickle), lives outside the repository
(`$SCHEMA_TOOLS_CACHE_DIR`, else `$XDG_CACHE_HOME/schema-tools`, else `~/.cache/schema-tools`), one file
per repository, and is replaced atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from schema_tools.cache import cache_directory
from schema_tools.config import Config
from schema_tools.rules.registry import Problem

CACHE_FORMAT = 1
ABSENT = "-"  # the recorded hash of a file that did not exist


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def fingerprint(config: Config) -> str:
    """What every cached result depends on besides files: our code, the libraries, the configuration.

    Code and libraries are identified by their files' sizes and modification times (no import needed).
    """
    from importlib.util import find_spec

    parts = [str(CACHE_FORMAT), sys.version]
    package = Path(__file__).resolve().parent.parent
    stack = [package]
    while stack:
        for entry in sorted(os.scandir(stack.pop()), key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False) and not entry.name.startswith((".", "__pycache__")):
                stack.append(Path(entry.path))
            elif entry.name.endswith(".py"):
                stat = entry.stat()
                parts.append(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}")
    for library in ("jsonschema_rs", "yaml", "_yaml"):
        spec = find_spec(library)
        origin = spec.origin if spec is not None else None
        if origin and os.path.exists(origin):
            stat = os.stat(origin)
            parts.append(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}")
    settings = config._replace(warnings=(), config_files=(), config_candidates=(), skip_schema_test_cases={})
    parts.append(repr(settings))
    return digest("\n".join(parts).encode())


class CheckCache:
    """The cache of one repository: load it, consult and fill it during a run, save it at the end."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self._docs: dict[str, Any] = {}
        self._cases: dict[str, dict[str, Any]] = {}
        self._used_docs: set[str] = set()
        self._used_cases: set[str] = set()
        self._hashes: dict[str, str] = {}
        self.changed = False
        self.hits = 0

    @classmethod
    def for_config(cls, config: Config) -> CheckCache:
        """The cache of the repository at config.cwd (empty when absent, unreadable or stale)."""
        name = f"checks-{digest(str(config.cwd).encode())}.json"
        cache = cls(cache_directory() / name, fingerprint(config))
        try:
            data = json.loads(cache.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cache
        if isinstance(data, dict) and data.get("fingerprint") == cache.fingerprint:
            cache._docs = data.get("docs", {})
            cache._cases = data.get("cases", {})
        return cache

    def remember_hash(self, location: str, sha: str) -> None:
        """Record the hash of a file already read (so hash_of need not read it again)."""
        self._hashes[location] = sha

    def hash_of(self, location: str) -> str:
        """The content hash of a file now (memoized for the run), ABSENT when it does not exist."""
        known = self._hashes.get(location)
        if known is None:
            try:
                known = digest(Path(location).read_bytes())
            except OSError:
                known = ABSENT
            self._hashes[location] = known
        return known

    def get_doc(self, sha: str) -> Any:
        if sha in self._docs:
            self._used_docs.add(sha)
            return self._docs[sha]
        return None

    def put_doc(self, sha: str, document: Any) -> None:
        try:
            json.dumps(document)  # only plain JSON data is cached (a YAML timestamp, for one, is not)
        except (TypeError, ValueError):
            return
        self._docs[sha] = document
        self._used_docs.add(sha)
        self.changed = True

    def get_case(self, key: str) -> list[Problem] | None:
        """The cached problems of a case, when every file it read is unchanged."""
        entry = self._cases.get(key)
        if entry is None or any(self.hash_of(loc) != sha for loc, sha in entry["inputs"].items()):
            return None
        self._used_cases.add(key)
        self.hits += 1
        return [Problem(p[0], p[1], Path(p[2]) if p[2] else None) for p in entry["problems"]]

    def put_case(self, key: str, inputs: list[str], problems: list[Problem]) -> None:
        self._cases[key] = {
            "inputs": {location: self.hash_of(location) for location in inputs},
            "problems": [[p.pointer, p.message, str(p.path) if p.path else ""] for p in problems],
        }
        self._used_cases.add(key)
        self.changed = True

    def save(self, *, complete: bool) -> None:
        """Write the cache; a complete run keeps only what it used, so the file never grows stale."""
        if not self.changed and not (complete and self._unused()):
            return
        docs, cases = self._docs, self._cases
        if complete:
            docs = {k: v for k, v in docs.items() if k in self._used_docs}
            cases = {k: v for k, v in cases.items() if k in self._used_cases}
        data = {"fingerprint": self.fingerprint, "docs": docs, "cases": cases}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
        except OSError:
            return  # a cache that cannot be written only costs time
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(data, file, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)

    def _unused(self) -> bool:
        return len(self._used_docs) < len(self._docs) or len(self._used_cases) < len(self._cases)

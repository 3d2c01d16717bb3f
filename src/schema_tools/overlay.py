"""What a run has produced but not yet written, and the resolver that reads it.

A run writes nothing until every schema has materialized (all or nothing), yet a schema may `$ref` the
version file, extensionless link or `latest` link another schema of the same run produces. The overlay
serves those pending files to the resolver before the disk; a session carries the overlay and the
resolver across the rounds of one run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from schema_tools.config import Config
from schema_tools.digest import content_hash
from schema_tools.errors import SchemaToolsError

if TYPE_CHECKING:
    from schema_tools.materialize import Materialized
    from schema_tools.retrieve import Resolver


class Overlay:
    """Files a run has produced but not yet written, served to the resolver before the disk."""

    def __init__(self, fallback: Callable[[str, float], str]) -> None:
        self.files: dict[str, str] = {}
        self._fallback = fallback
        self._hashes: dict[str, str] = {}  # content hash of each pending file, made on first use
        self._real: dict[str, str] = {}  # directory → its real path (a base path may go through a link)

    def add(self, item: Materialized, config: Config) -> None:
        """Serve what writing `item` will put on disk: its files, its extensionless link, and the
        `latest` links it will move (a `$ref` to `…/latest` then sees this run's version)."""
        from schema_tools.write import links_of

        for output in item.outputs:
            paths = [output.path]
            paths.extend(
                link for link, kind in links_of(item, output, config) if kind == "version" or _moves(link, item, config)
            )
            for path in paths:
                self.files[str(path)] = output.text
                self._hashes.pop(str(path), None)

    def _key(self, path: str) -> str:
        """The name the overlay knows a file by: outputs are named under real directories."""
        if path in self.files:
            return path
        directory, name = os.path.split(path)
        real = self._real.get(directory)
        if real is None:
            real = self._real[directory] = os.path.realpath(directory)
        return os.path.join(real, name)

    def text(self, path: str) -> str | None:
        """The pending text of a file, also when it is named through a symlinked directory."""
        return self.files.get(self._key(path)) if self.files else None

    def changes(self, inputs: Mapping[str, str | None], absent: Iterable[str]) -> bool:
        """Whether the run changes what a schema read (a file it read now has other content) or fills a
        location it found missing: then the schema must be materialized again with what the run writes."""
        if not self.files:
            return False
        for path, digest in inputs.items():
            key = self._key(path)
            text = self.files.get(key)
            if text is None:
                continue
            pending = self._hashes.get(key)
            if pending is None:
                pending = self._hashes[key] = content_hash(text.encode("utf-8", "surrogateescape"))
            if pending != digest:
                return True
        return any(self._key(path) in self.files for path in absent)

    def read_bytes(self, path: str) -> bytes | None:
        """A file as this run sees it: pending first, then the disk; None when it is missing."""
        text = self.text(path)
        if text is not None:
            return text.encode("utf-8")
        try:
            with open(path, "rb") as file:
                return file.read()
        except OSError:
            return None

    def __call__(self, url: str, timeout: float) -> str:
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(url)
        if parts.scheme == "file":
            text = self.text(unquote(parts.path))
            if text is not None:
                return text
        return self._fallback(url, timeout)


def _moves(link: Path, item: Materialized, config: Config) -> bool:
    """Whether writing `item` will move `link`; a `latest` whose file cannot be read is left to the write,
    which reports it after the more useful errors (a published version that would change)."""
    from schema_tools.write import latest_would_move

    try:
        return latest_would_move(link, item, config)
    except (SchemaToolsError, OSError):
        return False


def _fetch(url: str, timeout: float) -> str:
    # retrieve.py (and the YAML parser it imports) is loaded only when a document is really read.
    from schema_tools.retrieve import default_fetch

    return default_fetch(url, timeout)


def make_resolver(config: Config, overlay: Overlay | None = None) -> Resolver:
    """A resolver for the configured base URIs; with an overlay, a run's pending files are read first."""
    from schema_tools.resolve import Resolver

    return Resolver(
        config.schema_base_uris,
        cwd=config.cwd,
        uri_map=config.schema_base_uri_map,
        timeout=config.fetch_timeout,
        fetch=overlay,
    )


class Session:
    """What the rounds of one run share: the overlay of pending files, and the resolver (made on first
    use: a run served by the cache never needs one, nor the YAML parser it brings)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.overlay = Overlay(_fetch)
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = make_resolver(self.config, self.overlay)
        return self._resolver

    def forget_documents(self) -> None:
        """A further round reads documents afresh: earlier rounds may have parsed what has changed since."""
        self._resolver = None

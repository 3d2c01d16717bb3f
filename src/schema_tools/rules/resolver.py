"""The resolver the checks materialize with: it reuses the documents the checks parsed, and records reads.

Imported only when a current schema must really be materialized (a run served from the cache never
imports the resolver machinery, which saves start-up time).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from schema_tools.retrieve import Document, Resolver, location_of

if TYPE_CHECKING:
    from schema_tools.config import Config
    from schema_tools.rules.inventory import SchemaDoc


@dataclass(frozen=True)
class _Examined:
    looked: list[str]  # candidate files, in order, up to the first that exists
    local: bool  # False when a remote (http) candidate was reached: such reads are never cached
    document: Document | None  # the already-parsed document, when the candidate is a checked file


class SharedResolver(Resolver):
    """A Resolver that serves files the checks already parsed, and reads anything else as usual.

    `reads` collects every candidate file looked at (found or not) since it was last reset, and
    `local_only` turns false once a remote candidate is reached: then nothing may be cached.
    """

    def __init__(self, config: Config, parsed: dict[str, SchemaDoc]) -> None:
        # The same resolver overlay.make_resolver builds, without its overlay: checks write nothing.
        super().__init__(
            config.schema_base_uris,
            cwd=config.cwd,
            uri_map=config.schema_base_uri_map,
            timeout=config.fetch_timeout,
        )
        self._parsed = parsed
        self._examined: dict[str, _Examined] = {}
        self.reads: set[str] = set()
        self.local_only = True

    def load(self, key: str) -> Document:
        """The document `key`; the first candidate that exists wins, as in `Resolver.load`."""
        examined = self._examined.get(key)
        if examined is None:
            examined = self._examine(key)
            self._examined[key] = examined
        self.reads.update(examined.looked)
        self.local_only = self.local_only and examined.local
        return examined.document if examined.document is not None else super().load(key)

    def _examine(self, key: str) -> _Examined:
        """The candidate files of `key` up to the first that exists, and its parsed document if we have it."""
        looked: list[str] = []
        for candidate in self.candidates(key):
            if not candidate.url.startswith("file://"):
                return _Examined(looked, False, None)
            location = location_of(candidate.url)
            looked.append(location)
            if os.path.exists(location):
                doc = self._parsed.get(os.path.realpath(location))
                document = Document(key, location, doc.document) if doc is not None else None
                return _Examined(looked, True, document)
        return _Examined(looked, True, None)

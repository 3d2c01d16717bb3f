"""What a check may use besides its subject: the config, a materializer for current files, the cache.

Materialization goes through the materializer's in-memory pipeline (`materialize.build`) with one
resolver per run (rules/resolver.py): it reuses the documents the checks already parsed and records
every file it looks at, so a cached verdict is reused only while all of them are unchanged.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from schema_tools.config import Config
    from schema_tools.rules.cache import CheckCache
    from schema_tools.rules.inventory import Inventory, SchemaDoc
    from schema_tools.rules.resolver import SharedResolver


class CheckContext:
    """Passed to every check: the run's config, its inventory, a materializer, and the cache if any."""

    def __init__(self, config: Config, inventory: Inventory, cache: CheckCache | None = None) -> None:
        self.config = config
        self.inventory = inventory
        self.cache = cache
        self._resolver: SharedResolver | None = None

    @property
    def resolver(self) -> SharedResolver:
        if self._resolver is None:
            from schema_tools.rules.resolver import SharedResolver

            self._resolver = SharedResolver(self.config, self.inventory.docs_by_realpath())
        return self._resolver

    def begin_reads(self) -> None:
        """Start recording the files a check reads besides its subject."""
        if self._resolver is not None:
            self._resolver.reads = set()
            self._resolver.local_only = True

    def end_reads(self) -> tuple[list[str], bool]:
        """The files read since begin_reads, and whether they were all local files (cacheable)."""
        if self._resolver is None:
            return [], True
        return sorted(self._resolver.reads), self._resolver.local_only

    def materialize(self, doc: SchemaDoc) -> dict[str, Any]:
        """What `doc` (a current schema) materializes to, in memory.

        Raises:
            SchemaToolsError: the schema cannot be materialized (bad `$ref`, allOf conflict, …).
        """
        from schema_tools.materialize import build

        schema = doc.document
        if not self.config.should_dereference and self.config.enforced_numeric_bounds is None:
            schema = copy.deepcopy(schema)  # only then would build() add an example to our copy
        return build(schema, doc.path, self.config, self.resolver)

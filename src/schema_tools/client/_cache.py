"""A keyed cache that keeps successes for good and failures for a short while, loading each key once.

Published schema versions never change, so a loaded schema is kept for the life of the client. A failure
(404, timeout, broken YAML) is different: it is often fixed minutes later by a deploy, and an intake
service that never forgets it would refuse a stream until restarted. Forgetting it at once is no better:
every event of a burst for an unknown schema would fetch again (EventGate does this: 201 GETs for 201
POSTs). So failures are kept for `failure_ttl` seconds, measured with an injectable clock.

Concurrent callers of a key that is not loaded yet wait for one load instead of each fetching it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from schema_tools.errors import SchemaToolsError

V = TypeVar("V")

# Expired failures are swept once this many are held, so events naming endless unknown schemas
# (typos, probes) cannot grow the cache without bound.
_SWEEP_AT = 1024


@dataclass(frozen=True)
class _Failure:
    expires: float
    error: SchemaToolsError


class LoadingCache(Generic[V]):
    """`get(key)` returns `load(key)`, cached; failures (SchemaToolsError only) are cached `failure_ttl` s.

    `ready` is the plain dict of loaded values, for callers' lock-free fast path.
    """

    def __init__(
        self,
        load: Callable[[str], V],
        *,
        failure_ttl: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not failure_ttl >= 0:  # also refuses NaN
            raise ValueError(f"failure_ttl must be a number of seconds >= 0, not {failure_ttl!r}")
        self._load = load
        self.failure_ttl = failure_ttl
        self._clock = clock
        self.ready: dict[str, V] = {}
        self._failures: dict[str, _Failure] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()  # protects _locks and _failures

    def get(self, key: str) -> V:
        """The value for `key`, loading it if needed. Raises the (possibly cached) SchemaToolsError."""
        value = self.ready.get(key)
        if value is not None:
            return value
        self._raise_cached_failure(key)
        try:
            with self._lock_for(key):
                value = self.ready.get(key)  # another thread may have loaded it while we waited
                if value is not None:
                    return value
                self._raise_cached_failure(key)
                try:
                    value = self._load(key)
                except SchemaToolsError as error:
                    self._remember(key, error)
                    raise
                self.ready[key] = value
                with self._guard:
                    self._failures.pop(key, None)
                return value
        finally:
            # Waiters already hold the lock object; dropping it keeps failed keys from piling up locks.
            with self._guard:
                self._locks.pop(key, None)

    def forget(self, key: str | None = None) -> None:
        """Drop `key` (or everything), successes and failures alike."""
        with self._guard:
            if key is None:
                self.ready.clear()
                self._failures.clear()
            else:
                self.ready.pop(key, None)
                self._failures.pop(key, None)

    def _raise_cached_failure(self, key: str) -> None:
        failure = self._failures.get(key)
        if failure is not None and self._clock() < failure.expires:
            # A fresh traceback each time: re-raising the stored object would grow its traceback.
            raise failure.error.with_traceback(None)

    def _remember(self, key: str, error: SchemaToolsError) -> None:
        if self.failure_ttl <= 0:
            return
        now = self._clock()
        with self._guard:
            if len(self._failures) >= _SWEEP_AT:
                for stale in [k for k, f in self._failures.items() if f.expires <= now]:
                    del self._failures[stale]
            self._failures[key] = _Failure(now + self.failure_ttl, error)

    def _lock_for(self, key: str) -> threading.Lock:
        with self._guard:
            lock = self._locks.get(key)
            if lock is None:
                lock = self._locks[key] = threading.Lock()
            return lock

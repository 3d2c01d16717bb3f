"""Sharing a list of independent jobs with one forked process (a machine here has two cores).

The child inherits everything the parent has parsed so far (fork), runs every second job and sends its
results back pickled through a pipe; the parent runs the others meanwhile. Errors come back as plain
`SchemaToolsError`s with the same message and location (their subclasses take keyword arguments that
pickling does not restore). Without fork, with one core, with SCHEMA_TOOLS_JOBS=1, or for short lists,
everything runs in this process.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from schema_tools.errors import SchemaToolsError

T = TypeVar("T")
R = TypeVar("R")

# A fork and the pickling of results cost a few milliseconds: only worth it for this many jobs or more.
MIN_JOBS_TO_SHARE = 8


def _jobs_allowed() -> int:
    setting = os.environ.get("SCHEMA_TOOLS_JOBS", "")
    if setting.isdigit():
        return max(1, int(setting))
    return min(2, os.cpu_count() or 1)


def map_in_two(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[function(item) for item in items], the odd-numbered ones in a forked child when worthwhile."""
    if len(items) < MIN_JOBS_TO_SHARE or _jobs_allowed() < 2 or not hasattr(os, "fork"):
        return [function(item) for item in items]
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the odd items, send the results, never return into the caller
        status = 0
        try:
            os.close(read_end)
            results = [_portable(function(item)) for item in items[1::2]]
            payload = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # anything unexpected: the parent redoes the child's share
            payload = pickle.dumps(_ChildFailed(repr(error)))
            status = 1
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        os._exit(status)
    os.close(write_end)
    try:
        mine = [function(item) for item in items[0::2]]
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
    theirs = pickle.loads(payload)
    if isinstance(theirs, _ChildFailed):
        theirs = [function(item) for item in items[1::2]]
    merged: list[R] = []
    for index in range(len(items)):
        merged.append(mine[index // 2] if index % 2 == 0 else theirs[index // 2])
    return merged


class _ChildFailed:
    def __init__(self, reason: str) -> None:
        self.reason = reason


def _portable(value: Any) -> Any:
    """A result with its errors turned into plain SchemaToolsErrors, which pickle faithfully."""
    if isinstance(value, tuple):
        return tuple(_portable(v) for v in value)
    if isinstance(value, SchemaToolsError) and type(value) is not SchemaToolsError:
        return SchemaToolsError(value.message, path=value.path, pointer=value.pointer, line=value.line)
    return value

"""Copying parsed documents (dicts, lists, scalars) fast, keeping shared objects shared.

`copy.deepcopy` handles any Python object and is several times slower than needed for JSON-shaped data.
Sharing matters here: an object reached twice (a `$ref` target inlined twice) must stay one object in the
copy, because the YAML writer turns sharing into anchors, as js-yaml did for the reference (lodash's
`cloneDeep` keeps it too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def copy_tree(
    value: Any,
    memo: dict[int, Any] | None = None,
    *,
    key_order: Callable[[dict[str, Any]], Iterable[str]] | None = None,
) -> Any:
    """A deep copy of JSON-shaped data; an object met twice is copied once and shared in the copy.

    key_order, when given, decides the order of each copied mapping's keys (the merge copies in
    JavaScript's order, as lodash's cloneDeep does).
    """
    if memo is None:
        memo = {}
    if isinstance(value, dict):
        copied = memo.get(id(value))
        if copied is None:
            copied = memo[id(value)] = {}
            for key in value if key_order is None else key_order(value):
                item = value[key]
                # Scalars are most of a schema: copy them without a call.
                copied[key] = copy_tree(item, memo, key_order=key_order) if isinstance(item, dict | list) else item
        return copied
    if isinstance(value, list):
        copied = memo.get(id(value))
        if copied is None:
            copied = memo[id(value)] = []
            copied.extend(
                copy_tree(item, memo, key_order=key_order) if isinstance(item, dict | list) else item for item in value
            )
        return copied
    return value

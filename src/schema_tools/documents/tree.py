"""Copying parsed documents (dicts, lists, scalars) fast, keeping shared objects shared.

`copy.deepcopy` handles any Python object and is several times slower than needed for JSON-shaped data.
Sharing matters here: an object reached twice (a `$ref` target inlined twice) must stay one object in the
copy, because the YAML writer turns sharing into anchors, as js-yaml did for the reference (lodash's
`cloneDeep` keeps it too).
"""

from __future__ import annotations

from typing import Any

from schema_tools.documents.collation import has_js_array_index, js_key_order

# A tuple, not `dict | list`: isinstance against a union written in place builds the union at each call.
CONTAINERS = (dict, list)


def copy_tree(value: Any, memo: dict[int, Any] | None = None, *, js_order: bool = False) -> Any:
    """A deep copy of JSON-shaped data; an object met twice is copied once and shared in the copy.

    With js_order, each copied mapping gets its keys in JavaScript's order (array indexes first): the
    merge copies so, as lodash's cloneDeep does.
    """
    if not isinstance(value, CONTAINERS):
        return value
    if memo is None:
        memo = {}
    memo_get = memo.get
    containers = CONTAINERS

    # One closure per copy: the recursion passes only the value (memo and key order are bound here).
    def copy(value: Any) -> Any:
        copied = memo_get(id(value))
        if copied is not None:
            return copied
        if isinstance(value, dict):
            copied = memo[id(value)] = {}
            if js_order and has_js_array_index(value):
                for key in js_key_order(value):
                    item = value[key]
                    copied[key] = copy(item) if isinstance(item, containers) else item
            else:
                for key, item in value.items():
                    # Scalars are most of a schema: copy them without a call.
                    copied[key] = copy(item) if isinstance(item, containers) else item
            return copied
        copied = memo[id(value)] = []
        copied.extend([copy(item) if isinstance(item, containers) else item for item in value])
        return copied

    return copy(value)

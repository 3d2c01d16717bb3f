"""YAML text as the reference writes it: js-yaml 3.14.1 `dump(obj, {sortKeys: schemaKeyCompare})`.

A port of js-yaml's `writeNode`, `writeBlockMapping`, `writeBlockSequence`, the flow writers (only ever
used for empty containers, `{}` and `[]`, since the flow level is off) and `getDuplicateReferences`
(lib/js-yaml/dumper.js); scalars are in `yaml_scalar`.

Layout: two-space indent; a sequence under a key is indented (`key:\\n  - a`); a mapping inside a
sequence starts on the dash line; one trailing newline. An object or array reached twice (the same Python
object, by identity) is written `&ref_N` where it first appears and `*ref_N` afterwards, N counting the
objects in the order a pre-pass over JS key order (not the sorted order) finds their second occurrence.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from schema_tools.documents.collation import has_js_array_index, js_key_order, schema_key_order
from schema_tools.documents.yaml_scalar import INDENT, write_plain_scalar, write_scalar

# Keys whose written form is longer than this become explicit (`? key`) pairs.
_MAX_SIMPLE_KEY_LENGTH = 1024

# Tuples, not unions: isinstance against a union written in place builds the union at each call.
_CONTAINERS = (dict, list)
_OBJECTS = (dict, list, dt.date)  # what js-yaml's duplicate search counts as objects


def dump_yaml(obj: Any, *, sort_keys: bool = True) -> str:
    """Serialize `obj` exactly as the reference's YAML serializer does.

    `sort_keys=False` is plain `yaml.dump(obj)` (keys in JS order), what tool versions before 2021 wrote.

    Raises:
        TypeError: a value js-yaml's default schema cannot write (not dict, list, str, int, float, bool,
            None or date).
    """
    return _Writer(obj, sort_keys).write_root()


class _Writer:
    """The state of one `dump` call: which objects are shared and which anchors are written already.

    The text is appended piece by piece to one list, joined once at the end (rather than each node
    returning its text to its parent, which copied every line once per level above it).
    """

    def __init__(self, root: Any, sort_keys: bool) -> None:
        self.root = root
        self.sort_keys = sort_keys
        self.anchors = _duplicate_references(root)
        self.used: set[int] = set()
        self.out: list[str] = []

    def write_root(self) -> str:
        self.node(self.root, 0, compact=True)
        self.out.append("\n")
        return "".join(self.out)

    def node(self, value: Any, level: int, compact: bool) -> None:
        """`writeNode` for a value in block context (`block` is always true with the default flow level)."""
        if isinstance(value, str):
            self.out.append(write_scalar(value, level, False))
        elif isinstance(value, _CONTAINERS):
            self.container(value, level, compact)
        else:
            scalar = write_plain_scalar(value)
            if scalar is None:
                raise TypeError(f"unacceptable kind of an object to dump: {type(value).__name__}")
            self.out.append(scalar)

    def starts_with_line_break(self, value: Any, compact: bool) -> bool:
        """Whether `node(value, level, compact)` writes a line break first: only a block mapping or
        sequence that is not compact, not empty and not anchored (an anchor or alias comes first)."""
        return not compact and isinstance(value, _CONTAINERS) and bool(value) and id(value) not in self.anchors

    def container(self, value: dict[str, Any] | list[Any], level: int, compact: bool) -> None:
        out = self.out
        anchor = self.anchors.get(id(value))
        if anchor is not None:
            if anchor in self.used:
                out.append(f"*ref_{anchor}")
                return
            self.used.add(anchor)
            compact = False  # an anchored node starts on its own line
            out.append(f"&ref_{anchor}" if value else f"&ref_{anchor} ")
        if not value:
            out.append("{}" if isinstance(value, dict) else "[]")
        elif isinstance(value, dict):
            self.block_mapping(value, level, compact)
        else:
            self.block_sequence(value, level, compact)

    def block_mapping(self, mapping: dict[str, Any], level: int, compact: bool) -> None:
        """`writeBlockMapping`, with the keys sorted by `schemaKeyCompare` unless told otherwise."""
        out = self.out
        newline = _newline(level)
        inner = level + 1
        for key in schema_key_order(mapping) if self.sort_keys else js_key_order(mapping):
            if compact:  # only the first pair can go on the current line
                compact = False
            else:
                out.append(newline)
            key_text = write_scalar(key, inner, True)
            explicit = len(key_text) > _MAX_SIMPLE_KEY_LENGTH
            if explicit:
                out += ("? ", key_text, newline)
            else:
                out.append(key_text)
            value = mapping[key]
            if isinstance(value, str):  # the usual value: written as `node` would, without the call
                out += (": ", write_scalar(value, inner, False))
            else:
                out.append(":" if self.starts_with_line_break(value, explicit) else ": ")
                self.node(value, inner, explicit)

    def block_sequence(self, sequence: list[Any], level: int, compact: bool) -> None:
        """`writeBlockSequence`: items at `level + 1`, the first on the current line when compact."""
        out = self.out
        newline = _newline(level)
        inner = level + 1
        for item in sequence:
            if compact:  # only the first item can go on the current line
                compact = False
            else:
                out.append(newline)
            # An item is written compact, so it never starts with a line break.
            if isinstance(item, str):
                out += ("- ", write_scalar(item, inner, False))
            else:
                out.append("- ")
                self.node(item, inner, True)


@lru_cache(maxsize=64)
def _newline(level: int) -> str:
    return "\n" + " " * (INDENT * level)


def _duplicate_references(root: Any) -> dict[int, int]:
    """`getDuplicateReferences`: id of each object reached twice → its anchor number.

    Like js-yaml, dates count as objects here (JS Dates are objects): a shared date takes an anchor
    number although it is never written with an anchor.
    """
    seen: dict[int, int] = {}  # id → position in discovery order (`objects.indexOf`)
    objects: list[Any] = []
    duplicates: list[int] = []  # positions in `objects`, in the order their second visit happened
    duplicate_set: set[int] = set()
    stack: list[Any] = [root]
    # An explicit stack in pre-order (children pushed reversed) visits objects in js-yaml's order.
    while stack:
        value = stack.pop()
        if not isinstance(value, _OBJECTS):
            continue
        position = seen.get(id(value))
        if position is not None:
            if position not in duplicate_set:
                duplicate_set.add(position)
                duplicates.append(position)
            continue
        seen[id(value)] = len(objects)
        objects.append(value)
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            if has_js_array_index(value):
                stack.extend(value[key] for key in reversed(js_key_order(value)))
            else:
                stack.extend(reversed(value.values()))
    return {id(objects[position]): number for number, position in enumerate(duplicates)}

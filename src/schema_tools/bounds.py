"""Numeric bounds: every `number`/`integer` subschema gets `minimum`/`maximum` when it has none.

The traversal is json-schema-traverse 0.4.1's, which the reference uses: the root and each subschema
under the keywords below, depth first; `if`/`then`/`else`, `examples` and `default` are not visited.
Existing values are never changed, even outside the bounds (the reference behaves so, whatever its
comments say), and array types such as `[integer, "null"]` are left alone.
"""

from __future__ import annotations

from typing import Any

_SCHEMA_KEYWORDS = frozenset({"additionalItems", "items", "contains", "additionalProperties", "propertyNames", "not"})
_ARRAY_KEYWORDS = frozenset({"items", "allOf", "anyOf", "oneOf"})
_MAP_KEYWORDS = frozenset({"definitions", "properties", "patternProperties", "dependencies"})


def add_numeric_bounds(schema: dict[str, Any], bounds: tuple[int | float, int | float]) -> None:
    """Add the bounds in place (the caller owns the copy)."""
    minimum, maximum = bounds
    for node in iter_subschemas(schema):
        if node.get("type") in ("number", "integer"):
            node.setdefault("minimum", minimum)
            node.setdefault("maximum", maximum)


def iter_subschemas(schema: Any) -> list[dict[str, Any]]:
    """Every subschema json-schema-traverse visits, in its (pre-)order; shared objects come once per path."""
    found: list[dict[str, Any]] = []
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        found.append(node)
        children: list[Any] = []
        for key, value in node.items():
            if isinstance(value, list):
                if key in _ARRAY_KEYWORDS:
                    children.extend(value)
            elif key in _MAP_KEYWORDS:
                if isinstance(value, dict):
                    children.extend(value.values())
            elif key in _SCHEMA_KEYWORDS:
                children.append(value)
        stack.extend(reversed(children))
    return found

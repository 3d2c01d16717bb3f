"""Local `$ref`s for the change engine: `#`, `#/json/pointer`, `#plain-name` anchors (an `$id` or `id`
of `#name` inside the document) and references to the document's own `$id`.

Materialized schemas have no `$ref` left, but a user may compare `current.yaml` files or hand-written
schemas, and subschemas reached through a reference must be compared like inline ones. References to
other documents are not followed here (the CLI dereferences such inputs first); the engine compares
their text.
"""

from __future__ import annotations

from typing import Any

from schema_tools.pointer import PointerSyntaxError, escape_token, parse_pointer


class LocalRefs:
    """Resolves the local references of one document, remembering its anchors and which nodes hold refs."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self._anchors: dict[str, str] | None = None
        self._has_ref: dict[int, bool] = {}
        self.any = self.contains_ref(root)

    def resolve(self, ref: str) -> tuple[Any, str] | None:
        """(target, its JSON Pointer) for a local reference; None when it is not local or leads nowhere."""
        base, sep, fragment = ref.partition("#")
        own_id = self.root.get("$id") if isinstance(self.root, dict) else None
        if base and (not isinstance(own_id, str) or base.rstrip("/") != own_id.split("#")[0].rstrip("/")):
            return None
        if not sep or not fragment:
            return self.root, ""
        if not fragment.startswith("/"):
            pointer = self.anchors().get(fragment)
            return None if pointer is None else (self._walk(pointer), pointer)
        try:
            tokens = parse_pointer("#" + fragment)
        except PointerSyntaxError:
            return None
        node = self.root
        for token in tokens:
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None
        return node, "".join("/" + escape_token(t) for t in tokens)

    def anchors(self) -> dict[str, str]:
        """`name` → pointer for every subschema whose `$id` (or draft-04 `id`) is `#name`."""
        if self._anchors is None:
            found: dict[str, str] = {}
            stack: list[tuple[Any, str]] = [(self.root, "")]
            while stack:
                node, pointer = stack.pop()
                if isinstance(node, dict):
                    for key in ("$id", "id"):
                        value = node.get(key)
                        if isinstance(value, str) and value.startswith("#") and len(value) > 1:
                            found.setdefault(value[1:], pointer)
                    stack.extend((v, f"{pointer}/{escape_token(k)}") for k, v in node.items())
                elif isinstance(node, list):
                    stack.extend((v, f"{pointer}/{i}") for i, v in enumerate(node))
            self._anchors = found
        return self._anchors

    def _walk(self, pointer: str) -> Any:
        node = self.root
        for token in pointer.split("/")[1:]:
            token = token.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def contains_ref(self, node: Any) -> bool:
        """Whether a `$ref` appears anywhere under node (memoized: documents do not change during a walk)."""
        if not isinstance(node, dict | list):
            return False
        key = id(node)
        known = self._has_ref.get(key)
        if known is None:
            if isinstance(node, dict):
                known = "$ref" in node or any(self.contains_ref(v) for v in node.values())
            else:
                known = any(self.contains_ref(v) for v in node)
            self._has_ref[key] = known
        return known

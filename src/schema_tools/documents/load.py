"""Load YAML (and JSON) schema documents the way the reference's js-yaml did, with YAML 1.2 booleans.

* libyaml's C parser does the parsing (fast); construction is PyYAML's safe constructor with three changes:
  only `true`/`false` are booleans (so `on:`, `yes:`, `n:` stay strings, as in YAML 1.2 and as the
  committed files of real repositories expect); `1e3` is a float as in js-yaml; mapping keys always
  become strings, as they do in JavaScript; a duplicate key is an error, as in js-yaml.
* An alias bomb (a few anchors expanding to millions of nodes once inlined) is refused before anything
  is constructed: the expanded size of the node graph is computed with memoisation, in time linear in
  the size of the *file*, not of the expansion.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import yaml

from schema_tools.documents.text import read_text
from schema_tools.errors import DocumentError

# The most nodes a document may expand to once its aliases are inlined. The largest real materialized
# schema has about 3,000 nodes; a million leaves a wide margin and stays within a few hundred MB.
MAX_EXPANDED_NODES = 1_000_000

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Yaml12Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader with YAML 1.2 booleans, js-yaml floats, string keys and duplicate-key errors.

    Two shortcuts keep PyYAML's Python half from costing more than libyaml's parsing (together they
    halve the time of a load): a plain scalar whose first character starts no implicit type is a string
    without trying the resolvers' regexes, and plain mappings, sequences and strings are built directly
    (`build`) instead of through PyYAML's general constructor, which is used for everything else.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # libyaml calls this for every scalar without an explicit tag.
        if kind is yaml.ScalarNode and (not implicit[0] or (value and value[0] not in _IMPLICIT_STARTS)):
            return _STR_TAG
        tag: str = super().resolve(kind, value, implicit)
        return tag

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping node, but found {node.id}", node.start_mark
            )
        self.flatten_mapping(node)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _js_key(self.construct_object(key_node, deep=True))
            if key in mapping:
                raise _duplicate_key(node, key, key_node)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def build(self, node: yaml.Node) -> Any:
        """The value of a node, as construct_document would give it, with the common cases done directly.

        Objects are remembered in PyYAML's own table, so an alias is the same object whichever of the two
        constructors built its anchor.
        """
        built = self.constructed_objects
        if node in built:
            return built[node]
        kind, tag = type(node), node.tag
        if kind is yaml.ScalarNode:
            if tag == _STR_TAG:
                return node.value
            return self.construct_object(node, deep=True)
        if kind is yaml.MappingNode and tag == _MAP_TAG:
            if any(key_node.tag == _MERGE_TAG for key_node, _ in node.value):
                return self.construct_object(node, deep=True)
            mapping: dict[str, Any] = {}
            built[node] = mapping
            scalar = yaml.ScalarNode
            for key_node, value_node in node.value:
                # Most keys and values are plain strings: taken here without a call.
                if type(key_node) is scalar and key_node.tag == _STR_TAG:
                    key = key_node.value
                else:
                    key = _js_key(self.build(key_node))
                if key in mapping:
                    raise _duplicate_key(node, key, key_node)
                if type(value_node) is scalar and value_node.tag == _STR_TAG:
                    mapping[key] = value_node.value
                else:
                    mapping[key] = self.build(value_node)
            return mapping
        if kind is yaml.SequenceNode and tag == _SEQ_TAG:
            sequence: list[Any] = []
            built[node] = sequence
            sequence.extend(self.build(child) for child in node.value)
            return sequence
        return self.construct_object(node, deep=True)


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# js-yaml reads `1e3` and `-2E-5` as numbers; PyYAML's YAML 1.1 resolver insists on a dot.
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"), list("-+0123456789")
)
# The first characters some implicit type (null, bool, number, timestamp, merge, value) can start with.
# A wildcard resolver (keyed None) would match any start; PyYAML's safe loader has none.
assert None not in _Yaml12Loader.yaml_implicit_resolvers
_IMPLICIT_STARTS = frozenset(_Yaml12Loader.yaml_implicit_resolvers)


def _duplicate_key(node: yaml.Node, key: str, key_node: yaml.Node) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(
        "while constructing a mapping", node.start_mark, f"found duplicate key {key!r}", key_node.start_mark
    )


def _js_key(key: Any) -> str:
    """A mapping key as JavaScript would hold it: always a string."""
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, int | float):
        from schema_tools.documents.numbers import js_number

        return js_number(key)
    return str(key)


def _expanded_size(root: yaml.Node, path: str) -> int:
    """Count the nodes `root` expands to when aliases are inlined; raise when over the limit."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # on the current path: meeting one again means a recursive alias
    # Iterative post-order walk: a deep document must not hit Python's recursion limit.
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[id(node)] = 1
            continue
        if not children_done and id(node) in open_nodes:
            raise DocumentError(
                "recursive YAML alias (a node that contains itself) cannot be a schema",
                path=path,
                line=node.start_mark.line + 1,
            )
        children: list[yaml.Node] = (
            [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
        )
        if children_done:
            size = 1 + sum(sizes.get(id(c), 0) for c in children)
            if size > MAX_EXPANDED_NODES:
                raise DocumentError(
                    f"document expands to more than {MAX_EXPANDED_NODES:,} nodes through YAML aliases "
                    "(an alias bomb?); refusing to load it",
                    path=path,
                    line=node.start_mark.line + 1,
                )
            sizes[id(node)] = size
            open_nodes.discard(id(node))
        else:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def load_yaml_text(text: str, path: str = "<input>") -> Any:
    """Parse one YAML (or JSON) document. Raises DocumentError naming the file and line."""
    loader = _Yaml12Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text:  # without an anchor there can be no alias, and nothing to expand
            _expanded_size(node, path)
        return loader.build(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise DocumentError(f"YAML syntax error: {problem}", path=path, line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise DocumentError(f"YAML error: {error}", path=path) from None
    finally:
        loader.dispose()


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _json_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def load_text(text: str, path: str = "<input>") -> Any:
    """Parse a document; JSON takes a fast path, anything else (or JSON that fails) goes through YAML."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_json_constant)
        except (ValueError, RecursionError):
            pass  # YAML is a superset of JSON; let the YAML parser find and report the problem.
    return load_yaml_text(text, path)


def load_file(path: str | Path) -> Any:
    """Read and parse a YAML or JSON file. Raises DocumentError naming the file."""
    return load_text(read_text(path), str(path))


def is_finite_number(value: Any) -> bool:
    """True for int and float values that JSON can hold (not bool, not NaN or infinity)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)

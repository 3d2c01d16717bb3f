"""The materialize pipeline for one schema: dereference → merge allOf → examples rule → bounds → example.

Pure data in, data out: `build` turns a parsed `current.yaml` into the materialized document, and
`render` turns a document into the exact bytes of one content type. Writing is write.py's job, and the
order of a whole run is plan.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from schema_tools.config import Config
from schema_tools.errors import SchemaToolsError
from schema_tools.repository import lodash_get, schema_version_of
from schema_tools.versions import Version

if TYPE_CHECKING:
    from schema_tools.resolve import Resolver


class Output(NamedTuple):
    """One file a materialization produces: `<directory>/<version>.<content type>` and its text."""

    path: Path
    content_type: str
    text: str


class Materialized(NamedTuple):
    """A schema materialized in memory, ready to be written."""

    source: Path
    schema_id: str
    version: Version
    directory: Path
    document: dict[str, Any] | None  # None when the outputs came from the incremental cache
    outputs: tuple[Output, ...]


def dereference_schema(schema: dict[str, Any], resolver: Resolver, source: Path | str) -> dict[str, Any]:
    """Resolve `$ref`s and merge `allOf`, keeping only the root's own `examples` (as the reference does).

    Raises:
        SchemaToolsError: a `$ref` cannot be resolved, or `allOf` members conflict.
    """
    from schema_tools.merge import merge_all_of
    from schema_tools.resolve import dereference

    # The reference never lets a referenced fragment's examples become the root's (T270134).
    had_examples = "examples" in schema
    try:
        merged = merge_all_of(dereference(schema, resolver, path=str(source)))
    except SchemaToolsError as error:
        if error.path is None:
            error.path = str(source)
        raise
    if not had_examples:
        merged.pop("examples", None)
    return merged


def build(schema: Any, source: Path, config: Config, resolver: Resolver) -> dict[str, Any]:
    """The materialized document of a current schema, following the reference's steps in order.

    Raises:
        SchemaToolsError: the schema is unusable (no `$id`, bad `$ref`, allOf conflict, …).
    """
    schema_version_of(schema, config, source)  # fail early, with the file named, on a bad $id
    document: dict[str, Any] = schema
    if config.should_dereference:
        document = dereference_schema(document, resolver, source)
    if config.enforced_numeric_bounds is not None:
        from schema_tools.bounds import add_numeric_bounds
        from schema_tools.documents.tree import copy_tree

        # The copy keeps shared subschemas shared, as lodash's cloneDeep does: they stay YAML anchors.
        document = copy_tree(document)
        add_numeric_bounds(document, config.enforced_numeric_bounds)
    if config.should_generate_example and _is_empty(document.get("examples")):
        from schema_tools.examples import generate_example

        try:
            example = generate_example(document)
        except SchemaToolsError as error:
            if error.path is None:
                error.path = str(source)
            raise
        if isinstance(example, dict) and "$schema" in example:
            example["$schema"] = lodash_get(document, config.schema_version_field)
        document["examples"] = [example]
    return document


def _is_empty(value: Any) -> bool:
    """lodash's isEmpty: absent, null, empty containers and strings — and any number or boolean."""
    if isinstance(value, list | dict | str):
        return len(value) == 0
    return True


def render(document: Any, content_type: str) -> str:
    """The exact text of a document in one content type (js-yaml or json-stable-stringify format)."""
    if content_type == "json":
        from schema_tools.documents.json_emit import dump_json

        return dump_json(document)
    from schema_tools.documents.yaml_emit import dump_yaml

    return dump_yaml(document)


def materialize(
    schema: Any, source: Path, config: Config, resolver: Resolver, output_dir: Path | None = None
) -> Materialized:
    """Build and render a current schema for every configured content type, writing nothing.

    Raises:
        SchemaToolsError: the schema cannot be materialized.
    """
    version = schema_version_of(schema, config, source)
    schema_id = str(lodash_get(schema, config.schema_version_field))
    document = build(schema, source, config, resolver)
    directory = output_dir if output_dir is not None else source.parent
    outputs = tuple(Output(directory / f"{version}.{ct}", ct, render(document, ct)) for ct in config.content_types)
    return Materialized(source, schema_id, version, directory, document, outputs)

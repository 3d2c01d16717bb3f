"""The schemas the `compat` and `diff` commands compare: files, `$id`s, and versions of one schema.

Version files are compared as they are. A `current.yaml` (or any document with references to other
documents) is materialized in memory first — dereferenced, merged, bounded — since that is what would
be published; its example is not generated (examples never change compatibility).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schema_tools.config import Config
from schema_tools.errors import SchemaToolsError, UsageError
from schema_tools.versions import Version, parse_version


@dataclass(frozen=True)
class Loaded:
    """A schema ready to compare: what the user named, the document, its `$id` and version if any."""

    label: str
    document: Any
    schema_id: str
    version: Version | None
    path: Path | None = None


def _external_refs(node: Any) -> bool:
    from schema_tools.plan import iter_refs

    return any(not ref.startswith("#") for ref in iter_refs(node))


def prepared(document: Any, path: Path, config: Config, *, force: bool = False) -> Any:
    """The document as it would be published: materialized when it is a current schema or has
    references to other documents.

    Raises:
        SchemaToolsError: materializing fails (a bad `$ref`, an allOf conflict, …).
    """
    from schema_tools.materialize import build
    from schema_tools.overlay import make_resolver

    if not isinstance(document, dict):
        return document
    if not force and path.name != config.current_name and not _external_refs(document):
        return document
    quick = config._replace(should_generate_example=False)
    resolver = make_resolver(quick)
    return build(document, path, quick, resolver)


def _identify(document: Any, config: Config, label: str, path: Path | None) -> Loaded:
    from schema_tools.repository import lodash_get
    from schema_tools.versions import version_from_id

    schema_id = lodash_get(document, config.schema_version_field) if isinstance(document, dict) else None
    schema_id = schema_id if isinstance(schema_id, str) else ""
    return Loaded(label, document, schema_id, version_from_id(schema_id) if schema_id else None, path)


def load_argument(argument: str, config: Config) -> Loaded:
    """A file path, or a schema `$id` looked up under the base URIs (then among current schemas).

    Raises:
        UsageError: the argument is neither an existing file nor a known `$id`.
        SchemaToolsError: the schema cannot be read or materialized.
    """
    from schema_tools.documents.load import load_file

    path = Path(argument)
    if path.is_file():
        document = load_file(path)
        return _identify(prepared(document, path.absolute(), config), config, argument, path.absolute())
    if not argument.startswith("/") and "://" not in argument:
        raise UsageError(
            f"{argument!r} is neither a file nor a schema $id (such as /mediawiki/page/change/1.0.0)"
        )
    return _by_id(argument, config)


def _by_id(schema_id: str, config: Config) -> Loaded:
    from schema_tools.overlay import make_resolver
    from schema_tools.repository import find_current_files, schema_id_of
    from schema_tools.retrieve import NotFound

    resolver = make_resolver(config)
    key = schema_id.split("#", 1)[0]
    try:
        found = resolver.load(key)
        return _identify(found.value, config, schema_id, None)
    except NotFound as missing:
        tried = missing.tried
    # A version that is only in a current schema so far (not materialized yet).
    for record in find_current_files(config):
        if schema_id_of(record.schema, config, record.path, required=False) == key:
            return _identify(prepared(record.schema, record.path, config), config, schema_id, record.path)
    raise UsageError(f"no schema has $id {schema_id!r} (tried: {', '.join(tried) or 'no base URI'})")


def schema_directory(target: str | None, config: Config) -> Path:
    """The directory of one schema, named by title (`mediawiki/page/change`) or by a path in it.

    Raises:
        UsageError: no such schema.
    """
    if target is None:
        raise UsageError("name a schema: a title such as mediawiki/page/change, or a path")
    path = Path(target)
    if path.is_file():
        return path.absolute().parent
    if path.is_dir():
        return path.absolute()
    by_title = config.schema_base_path / target.strip("/")
    if by_title.is_dir():
        return by_title
    raise UsageError(f"no schema {target!r}: not a path, and no directory {by_title}")


def versions_in(directory: Path, config: Config) -> dict[Version, Path]:
    """Published versions of the primary content type in a schema directory."""
    suffix = f".{config.primary_content_type}"
    found: dict[Version, Path] = {}
    for entry in directory.iterdir():
        if entry.name.endswith(suffix) and not entry.is_symlink():
            version = parse_version(entry.name[: -len(suffix)])
            if version is not None:
                found[version] = entry
    return found


def load_version(directory: Path, which: str, config: Config) -> Loaded:
    """`which`: a version number, `latest`, or `current` (the current schema, materialized in memory).

    Raises:
        UsageError: no such version.
    """
    from schema_tools.documents.load import load_file

    if which == "current":
        path = directory / config.current_name
        if not path.is_file():
            raise UsageError(f"{directory} has no {config.current_name}")
        loaded = _identify(prepared(load_file(path), path, config, force=True), config, "current", path)
        return loaded
    versions = versions_in(directory, config)
    if which == "latest":
        if not versions:
            raise UsageError(f"{directory} has no published version")
        version: Version | None = max(versions)
    else:
        version = parse_version(which)
    if version is None or version not in versions:
        known = ", ".join(str(v) for v in sorted(versions)) or "none"
        raise UsageError(f"{directory.name} has no version {which!r} (published: {known})")
    path = versions[version]
    return _identify(load_file(path), config, str(version), path)


def ensure_schema(loaded: Loaded) -> Loaded:
    """Raises SchemaToolsError when the document is not a schema (a mapping or a boolean)."""
    if not isinstance(loaded.document, dict | bool):
        raise SchemaToolsError(
            f"{loaded.label} is not a schema (a mapping)", path=str(loaded.path or loaded.label)
        )
    return loaded

"""Discovery: which files of a schema repository are schemas, and what each one is.

As in the reference, `schemaBasePath` is walked without following symlinked directories; a file counts
when its extension is one of the content types and its name is either the current name or a semver
version (`1.2.0.yaml`). Extensionless version links and `latest*` are not schemas of their own.
Parsing is lazy: materialize-all only needs the current files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from schema_tools.config import Config
from schema_tools.errors import SchemaError
from schema_tools.versions import Version, parse_version, version_from_id


class SchemaFile:
    """One schema file found in the repository; `schema` is parsed on first use."""

    __slots__ = ("_schema", "content_type", "current", "path")

    def __init__(self, path: Path, current: bool, content_type: str, schema: Any = None) -> None:
        self.path = path
        self.current = current
        self.content_type = content_type
        self._schema = schema

    def __repr__(self) -> str:
        return f"SchemaFile({str(self.path)!r}, current={self.current}, content_type={self.content_type!r})"

    @property
    def schema(self) -> Any:
        if self._schema is None:
            from schema_tools.documents.load import load_file

            self._schema = load_file(self.path)
        return self._schema


def iter_schema_paths(
    config: Config, *, current_only: bool = False, seen: set[str] | None = None
) -> Iterator[tuple[Path, bool, str]]:
    """(path, is_current, content_type) of every schema file under the base path, in a stable order.

    seen: filled with every directory walked.
    """
    base = config.schema_base_path
    if not base.is_dir():
        raise SchemaError("schema base path is not a directory", path=str(base))
    for dirpath, dirnames, filenames in os.walk(base):  # os.walk does not follow symlinked dirs
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if seen is not None:
            seen.add(dirpath)
        for name in sorted(filenames):
            stem, dot, ext = name.rpartition(".")
            if not dot or ext not in config.content_types:
                continue
            is_current = name == config.current_name
            if is_current or (not current_only and parse_version(stem) is not None):
                yield Path(dirpath) / name, is_current, ext


def find_current_files(config: Config) -> list[SchemaFile]:
    """Every current schema file that is not excluded by ignoreSchemas."""
    found = []
    for path, _current, content_type in iter_schema_paths(config, current_only=True):
        record = SchemaFile(path, True, content_type)
        schema_id_of(record.schema, config, path, required=False)  # a clear error if it is not a mapping
        # ignoreSchemas always looks at `$id`, whatever the version field (as the reference does).
        schema_id = record.schema.get("$id", "")
        if not (isinstance(schema_id, str) and config.is_ignored(schema_id)):
            found.append(record)
    return found


def lodash_get(data: Any, dotted: str) -> Any:
    """The value at a lodash-style path (`a.b[0].c`, or a plain key such as `$id`); None if absent."""
    if isinstance(data, dict) and dotted in data:
        return data[dotted]
    current = data
    for part in dotted.replace("[", ".").replace("]", "").split("."):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


def schema_id_of(schema: Any, config: Config, path: Path | str, *, required: bool = True) -> str | None:
    """The schema's version field (normally `$id`).

    Raises:
        SchemaError: the document is not a mapping, or (when required) the field is missing.
    """
    if not isinstance(schema, dict):
        kind = "empty" if schema is None else f"a {type(schema).__name__}"
        raise SchemaError(f"a schema must be a mapping, but this document is {kind}", path=str(path), line=1)
    value = lodash_get(schema, config.schema_version_field)
    if value is None:
        if not required:
            return None
        raise SchemaError(
            f"schema has no {config.schema_version_field} (the version is read from it)",
            path=str(path),
            pointer="/" + config.schema_version_field.replace("~", "~0").replace("/", "~1"),
        )
    if not isinstance(value, str):
        raise SchemaError(
            f"{config.schema_version_field} must be a string, not {value!r}",
            path=str(path),
            pointer="/" + config.schema_version_field,
        )
    return value


def schema_version_of(schema: Any, config: Config, path: Path | str) -> Version:
    """The version named by the schema's `$id`.

    Raises:
        SchemaError: no `$id`, or no version number in its last segment.
    """
    schema_id = schema_id_of(schema, config, path)
    assert schema_id is not None
    version = version_from_id(schema_id)
    if version is None:
        raise SchemaError(
            f"cannot read a version from {config.schema_version_field} {schema_id!r}: its last segment "
            "must be a version such as 1.0.0",
            path=str(path),
            pointer="/" + config.schema_version_field,
        )
    return version

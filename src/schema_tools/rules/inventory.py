"""What the checks look at: every schema file of a repository, parsed, and grouped as the reference did.

Discovery is the materializer's (`repository.iter_schema_paths`: current files and `<semver>.<type>` files,
symlinked directories not followed), with `ignoreSchemas` applied to each file's `$id`. Unlike the
reference, whose discovery crashes on them, a file that does not parse, is not a mapping, or has no title
or no version is kept as *unreadable*: the `structure-file-readable` rule reports it, the other rules
skip it.

Files are grouped by title (the reference's `findSchemasByTitle`), each group sorted as the reference
sorted: by path depth, then version, then materialized files before `current`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schema_tools.config import Config
from schema_tools.errors import SchemaToolsError
from schema_tools.repository import iter_schema_paths, lodash_get, schema_version_of
from schema_tools.versions import Version, parse_version

if TYPE_CHECKING:
    from schema_tools.rules.cache import CheckCache


@dataclass
class SchemaDoc:
    """One schema file: where it is, what it is, and its parsed content (or why it has none)."""

    path: Path  # absolute, as found (links not resolved)
    file: str  # as findings show it: relative to the repository root
    base_rel: str  # relative to schemaBasePath, with `/`
    current: bool
    content_type: str
    document: Any = field(default=None, repr=False)
    problem: str | None = None  # why the file is unreadable; None when it is fine
    problem_pointer: str = ""
    schema_id: str = ""  # `$id` (what skips and ignores match), '' when absent
    sha: str = ""  # hash of the file's bytes (what cached results are keyed by)
    title: str | None = None
    version: Version | None = None

    @property
    def readable(self) -> bool:
        return self.problem is None

    @property
    def label(self) -> str:
        """`current.yaml` or `1.2.0.yaml`: how the reference named the file in its test titles."""
        return self.path.name


@dataclass
class TitleGroup:
    """All readable files that share one title."""

    title: str
    files: list[SchemaDoc]

    @property
    def directory(self) -> Path:
        """The directory of the group's first file (the reference's `schemaDir`)."""
        return self.files[0].path.parent

    @property
    def current(self) -> SchemaDoc | None:
        return next((f for f in self.files if f.current), None)

    def latest(self, content_type: str) -> SchemaDoc | None:
        """The greatest materialized version of `content_type` (the last of the sorted files)."""
        found = [f for f in self.files if not f.current and f.content_type == content_type]
        return max(reversed(found), key=lambda f: f.version or Version(0, 0, 0)) if found else None

    def versions(self) -> list[VersionGroup]:
        """The files of each version (current joins the group of its own version), oldest first."""
        groups: dict[Version, list[SchemaDoc]] = {}
        for doc in self.files:
            assert doc.version is not None
            groups.setdefault(doc.version, []).append(doc)
        return [VersionGroup(self, version, groups[version]) for version in sorted(groups)]

    @property
    def schema_id(self) -> str:
        """The `$id` that names this title in skips and reports: current's, else the latest file's."""
        chosen = self.current or self.files[-1]
        return chosen.schema_id


@dataclass
class VersionGroup:
    """The files of one version of one title (its materialized files, and current if it is this version)."""

    group: TitleGroup
    version: Version
    files: list[SchemaDoc]

    @property
    def materialized(self) -> list[SchemaDoc]:
        return [f for f in self.files if not f.current]

    @property
    def schema_id(self) -> str:
        return self.files[0].schema_id


@dataclass
class Inventory:
    """The schema files of a repository (or of the directories asked for), parsed and grouped."""

    config: Config
    root: Path
    files: list[SchemaDoc]
    titles: dict[str, TitleGroup]

    def docs_by_realpath(self) -> dict[str, SchemaDoc]:
        """Readable files by their real path, so a resolver can reuse what is already parsed."""
        return {os.path.realpath(d.path): d for d in self.files if d.readable}


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` when below it (what findings show), else absolute."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def discover(
    config: Config, directories: Iterable[Path] | None = None, cache: CheckCache | None = None
) -> Inventory:
    """Find, parse and group the schema files (all of them, or only those directly in `directories`).

    Raises:
        SchemaError: the schema base path is not a directory.
    """
    root = config.cwd
    if directories is None:
        found = list(iter_schema_paths(config))
    else:
        found = [entry for d in sorted(set(directories)) for entry in _list_directory(d, config)]
    base = config.schema_base_path
    files = []
    for path, current, content_type in found:
        doc = SchemaDoc(path, display_path(path, root), display_path(path, base), current, content_type)
        _read(doc, config, cache)
        if not config.is_ignored(doc.schema_id):
            files.append(doc)
    return Inventory(config, root, files, group_by_title(files))


def _list_directory(directory: Path, config: Config) -> list[tuple[Path, bool, str]]:
    """The schema files directly in one directory, named as `iter_schema_paths` would find them."""
    try:
        names = sorted(e.name for e in os.scandir(directory) if e.is_file())
    except OSError:
        return []
    found = []
    for name in names:
        stem, dot, ext = name.rpartition(".")
        if dot and ext in config.content_types:
            current = name == config.current_name
            if current or parse_version(stem) is not None:
                found.append((directory / name, current, ext))
    return found


def _read(doc: SchemaDoc, config: Config, cache: CheckCache | None) -> None:
    document = _parse(doc, cache)
    if doc.problem is not None:
        return
    doc.document = document
    if not isinstance(document, dict):
        doc.problem = "a schema must be a mapping (an object) of keywords"
        return
    schema_id = document.get("$id")
    doc.schema_id = schema_id if isinstance(schema_id, str) else ""
    title = lodash_get(document, config.schema_title_field)
    if not isinstance(title, str):
        doc.problem = f"no {config.schema_title_field} string: schemas are grouped by title"
        doc.problem_pointer = "" if title is None else "/" + config.schema_title_field
        return
    doc.title = title
    try:
        doc.version = schema_version_of(document, config, doc.path)
    except SchemaToolsError as error:
        doc.problem = error.message
        doc.problem_pointer = error.pointer or ""


def _parse(doc: SchemaDoc, cache: CheckCache | None) -> Any:
    """The file's document, from the cache when its bytes were parsed before; sets doc.problem on failure."""
    from schema_tools.documents.load import load_text
    from schema_tools.rules.cache import digest

    try:
        data = doc.path.read_bytes()
    except OSError as error:
        doc.problem = f"cannot read: {(error.strerror or str(error)).lower()}"
        return None
    doc.sha = digest(data)
    if cache is not None:
        cache.remember_hash(str(doc.path), doc.sha)
        document = cache.get_doc(doc.sha)
        if document is not None:
            return document
    try:
        document = load_text(data.decode("utf-8"), str(doc.path))
    except UnicodeDecodeError as error:
        doc.problem = f"not UTF-8 text ({error.reason} at byte {error.start})"
        return None
    except SchemaToolsError as error:
        doc.problem = error.message + (f" (line {error.line})" if error.line is not None else "")
        return None
    if cache is not None:
        cache.put_doc(doc.sha, document)
    return document


def group_by_title(files: Iterable[SchemaDoc]) -> dict[str, TitleGroup]:
    """Readable files grouped by title; each group sorted by depth, version, then current last."""
    groups: dict[str, list[SchemaDoc]] = {}
    for doc in files:
        if doc.readable and doc.title is not None:
            groups.setdefault(doc.title, []).append(doc)
    for members in groups.values():
        members.sort(key=lambda d: (d.base_rel.count("/"), d.version, d.current))
    return {title: TitleGroup(title, members) for title, members in groups.items()}

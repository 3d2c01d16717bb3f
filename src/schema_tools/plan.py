"""Materializing several schemas in one run: dependency order, and all-or-nothing.

The reference materialized everything concurrently, so a schema referencing a fragment version written
in the same run could fail. Here the schemas are ordered so that a schema whose `$id` another one
references comes first, and each result is placed in an in-memory overlay that the resolver reads
before the disk: nothing is written until every schema of the run has materialized, so a failure in
one leaves the tree untouched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schema_tools.config import Config
from schema_tools.digest import content_hash
from schema_tools.errors import SchemaToolsError
from schema_tools.materialize import Materialized, Output, materialize
from schema_tools.overlay import Session
from schema_tools.repository import lodash_get

if TYPE_CHECKING:
    from schema_tools.cache import Cached, MaterializeCache
    from schema_tools.stamp import Signature
    from schema_tools.write import Action


_NOT_LOADED: Any = object()


class Source:
    """A current schema to materialize: where it is, and its content (parsed on first use).

    With a cache, the parse is taken from it when the file's text is the one it recorded.
    """

    def __init__(self, path: Path, schema: Any = _NOT_LOADED, cache: MaterializeCache | None = None) -> None:
        self.path = path
        self._schema = schema
        self.cache = cache

    @property
    def schema(self) -> Any:
        if self._schema is _NOT_LOADED:
            if self.cache is None:
                from schema_tools.documents.load import load_file

                self._schema = load_file(self.path)
            else:
                from schema_tools.documents.text import read_text

                self._schema = self.cache.parse(self.path, read_text(self.path), self._load)
        return self._schema

    def _load(self, text: str) -> Any:
        from schema_tools.documents.load import load_text

        return load_text(text, str(self.path))

    def __repr__(self) -> str:
        return f"Source({str(self.path)!r})"


class RunResult:
    """What a run produced: the materialized schemas in order, and the errors of the ones that failed."""

    def __init__(self) -> None:
        self.materialized: list[Materialized] = []
        self.errors: list[SchemaToolsError] = []
        self.inputs: dict[Path, dict[str, str | None]] = {}  # documents each schema read → hash as read
        self.absent: dict[Path, list[str]] = {}  # locations tried for them and missing
        self.skipped = 0  # schemas the incremental cache found up to date

    def merge(self, other: RunResult) -> None:
        """Add a further round's results: a schema materialized again replaces its earlier result."""
        position = {item.source: index for index, item in enumerate(self.materialized)}
        for item in other.materialized:
            if item.source in position:
                self.materialized[position[item.source]] = item
            else:
                self.materialized.append(item)
        self.errors.extend(other.errors)
        self.inputs.update(other.inputs)
        self.absent.update(other.absent)


def iter_refs(node: Any) -> Iterator[str]:
    """Every `$ref` string in a document."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                yield ref
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _id_key(uri: str) -> str:
    return uri.split("#", 1)[0].rstrip("/")


def dependency_order(sources: Sequence[Source], config: Config) -> list[Source]:
    """Sources ordered so that each comes after the sources whose `$id` it references.

    Otherwise the discovery order is kept (stable); members of a reference cycle keep their order and
    the resolver reports the cycle.
    """
    by_id: dict[str, int] = {}
    for index, source in enumerate(sources):
        schema_id = lodash_get(source.schema, config.schema_version_field) if isinstance(source.schema, dict) else None
        if isinstance(schema_id, str):
            key = _id_key(schema_id)
            # A `$ref` may name the version file, or the schema's `latest` (which this run may move).
            parent = key.rsplit("/", 1)[0]
            for name in (key, f"{key}.yaml", f"{key}.json", *(f"{parent}/latest{e}" for e in ("", ".yaml", ".json"))):
                by_id.setdefault(name, index)
    depends: list[set[int]] = []
    for index, source in enumerate(sources):
        targets = {by_id.get(_id_key(ref)) for ref in iter_refs(source.schema) if not ref.startswith("#")}
        depends.append({t for t in targets if t is not None and t != index})
    order: list[int] = []
    state = [0] * len(sources)  # 0 new, 1 visiting, 2 done
    for start in range(len(sources)):
        _visit(start, depends, state, order)
    return [sources[i] for i in order]


def _visit(start: int, depends: list[set[int]], state: list[int], order: list[int]) -> None:
    # Iterative depth-first post-order, so long chains cannot exhaust the recursion limit.
    stack: list[tuple[int, Iterator[int]]] = []
    if state[start]:
        return
    state[start] = 1
    stack.append((start, iter(sorted(depends[start]))))
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            state[node] = 2
            order.append(node)
        elif state[child] == 0:
            state[child] = 1
            stack.append((child, iter(sorted(depends[child]))))


def materialize_sources(
    sources: Sequence[Source],
    config: Config,
    *,
    output_dir: Path | None = None,
    on_progress: Callable[[Source], None] | None = None,
    cache: MaterializeCache | None = None,
    session: Session | None = None,
) -> RunResult:
    """Materialize every source in dependency order, in memory; errors are collected, not raised.

    With a cache, a source whose text and inputs have the recorded content gets the recorded outputs.
    A session carries the pending files of earlier rounds of the same run.
    """
    session = session or Session(config)
    overlay = session.overlay
    result = RunResult()
    for source in dependency_order(sources, config):
        if on_progress is not None:
            on_progress(source)
        if cache is not None and (cached := cache.outputs(source.path, overlay.read_bytes)) is not None:
            item = _from_cache(source.path, cached, output_dir)
            result.inputs[source.path] = cache.input_hashes_of(source.path)
            result.absent[source.path] = cache.absent_of(source.path)
        else:
            resolver = session.resolver
            first_read, first_miss = len(resolver.read_log), len(resolver.absent_log)
            try:
                item = materialize(source.schema, source.path, config, resolver, output_dir)
            except SchemaToolsError as error:
                if error.path is None:
                    error.path = str(source.path)
                result.errors.append(error)
                continue
            read = resolver.read_log[first_read:]
            result.inputs[source.path] = {path: resolver.read_hashes.get(path) for path in read}
            result.absent[source.path] = resolver.absent_log[first_miss:]
        overlay.add(item, config)
        result.materialized.append(item)
    return result


def _from_cache(source: Path, cached: Cached, output_dir: Path | None) -> Materialized:
    from schema_tools.versions import Version

    version = Version(*cached.version)
    directory = output_dir if output_dir is not None else source.parent
    outputs = tuple(Output(directory / f"{version}.{ct}", ct, text) for ct, text in cached.outputs)
    return Materialized(source, cached.schema_id, version, directory, None, outputs)


class RunFailed(SchemaToolsError):
    """Some schemas of a run could not be materialized; nothing was written."""

    def __init__(self, errors: Sequence[SchemaToolsError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def materialize_and_write(
    sources: Sequence[Source],
    config: Config,
    *,
    output_dir: Path | None = None,
    on_progress: Callable[[Source], None] | None = None,
    cache: MaterializeCache | None = None,
    apply_ignore: bool = False,
) -> tuple[RunResult, list[Action]]:
    """Materialize all sources, then write them all — or, if any failed or would change a published
    version, nothing.

    With a cache, sources it finds up to date are skipped without being read. A source whose inputs the
    run changes — a skipped one, or one materialized before the change was known (a `latest` it read
    moves, a fragment is redone) — is materialized again in a further round, with what the run will
    write; all before anything is written. With apply_ignore, sources whose `$id` matches ignoreSchemas
    are left out (materialize-all; explicit paths are not).

    Raises:
        RunFailed: one or more sources failed (in any round); it lists every error.
        WriteConflictError: a published version would change (and config.force is off).
    """
    from schema_tools.write import check_conflicts, write_one

    by_path = {source.path: source for source in sources}
    pending = list(sources)
    skipped: list[Source] = []
    if cache is not None:
        for source in pending:
            source.cache = cache
        fresh = {s.path for s in pending if cache.is_fresh(s.path)}
        skipped = [s for s in pending if s.path in fresh]
        pending = [s for s in pending if s.path not in fresh]
    if apply_ignore:
        pending = [s for s in pending if not is_ignored(s, config)]
    session = Session(config)
    total = RunResult()
    for _round in range(len(sources) + 1):
        if not pending:
            break
        result = materialize_sources(
            pending, config, output_dir=output_dir, on_progress=on_progress, cache=cache, session=session
        )
        total.merge(result)
        overlay = session.overlay
        redo = [
            source
            for source in skipped
            if cache is not None
            and overlay.changes(cache.input_hashes_of(source.path), cache.absent_of(source.path))
            and not (apply_ignore and is_ignored(source, config))
        ]
        redo += [
            by_path[item.source]
            for item in total.materialized
            if overlay.changes(total.inputs[item.source], total.absent[item.source])
        ]
        skipped = [s for s in skipped if s not in redo]
        pending = redo
        if pending:
            session.forget_documents()
    else:
        raise RunFailed([SchemaToolsError("schemas read each other's output in a cycle that does not settle")])
    if total.errors:
        raise RunFailed(total.errors)
    _refuse_collisions(total.materialized, output_dir)
    check_conflicts(total.materialized, config)
    actions: list[Action] = []
    written: dict[Path, list[Action]] = {}
    for item in total.materialized:
        written[item.source] = write_one(item, config)
        actions.extend(written[item.source])
    total.skipped = len(skipped)
    if cache is not None and not config.dry_run:
        _record(cache, total, written, config)
        cache.save()
    return total, actions


def _refuse_collisions(items: Sequence[Materialized], output_dir: Path | None) -> None:
    """Two schemas of one run may not write the same file (with --output-dir every schema writes into one
    directory, as in the reference, whose concurrent writes then silently overwrite each other)."""
    writer: dict[Path, Path] = {}
    errors: list[SchemaToolsError] = []
    for item in items:
        for output in item.outputs:
            first = writer.setdefault(output.path, item.source)
            if first != item.source:
                hint = " (with --output-dir every schema writes into that one directory)" if output_dir else ""
                errors.append(
                    SchemaToolsError(f"{output.path} would be written by both {first} and this schema{hint}",
                                     path=str(item.source))
                )
    if errors:
        raise RunFailed(errors)


def _record(cache: MaterializeCache, total: RunResult, written: dict[Path, list[Action]], config: Config) -> None:
    """Record what each schema read and wrote, and the `latest` links its write consulted."""
    from schema_tools.cache import Cached, link_target
    from schema_tools.write import latest_links

    for item in total.materialized:
        # Links are relative, within the schema's directory: one real path per directory is enough.
        directory = os.path.realpath(item.directory)
        own = {os.path.join(directory, o.path.name) for o in item.outputs}
        links = {a.path for a in written[item.source] if a.target is not None}
        inputs = dict(total.inputs[item.source])
        for link in latest_links(item, config):
            links.add(link)
            target = link_target(link)
            if target is None:
                continue
            # Ours are plain names; one made by hand may lead elsewhere.
            target = os.path.join(directory, target) if "/" not in target else os.path.realpath(link)
            if target not in own and os.path.exists(target):
                inputs.setdefault(target, None)  # which version `latest` keeps depends on this file
        cache.record(
            item.source,
            inputs=inputs,
            absent=total.absent[item.source],
            outputs=[(o.path, o.text) for o in item.outputs],
            links=sorted(links),
            result=Cached(item.schema_id, item.version, [(o.content_type, o.text) for o in item.outputs]),
        )


def is_ignored(source: Source, config: Config) -> bool:
    """ignoreSchemas is searched in `$id` (a document that is not a mapping is never ignored: it fails)."""
    schema = source.schema
    schema_id = schema.get("$id", "") if isinstance(schema, dict) else ""
    return isinstance(schema_id, str) and config.is_ignored(schema_id)


def run_dependencies(
    sources: Sequence[Source], config: Config, cache: MaterializeCache
) -> dict[str, Signature | None] | None:
    """What a whole-repository run depended on, for the run stamp: path → stat signature (None: must
    stay missing); None when the run cannot be stamped.

    That is every current file, what each recorded schema read, tried or wrote, the config files looked
    for, and the directories walked or written into (a new schema or a deleted output changes one),
    including the schema base path as configured (a symlink retargeted later is seen). A schema missing
    from the cache must be an ignored one; any other (one that read a remote document) prevents a stamp.
    So does a file that changed since the run read it: the stamp would take the change as done.
    """
    from schema_tools.stamp import stat_signature

    if any(not is_ignored(s, config) for s in sources if str(s.path) not in cache.entries):
        return None
    found = cache.dependencies(s.path for s in sources if str(s.path) in cache.entries)
    if found is None:
        return None
    expected, directories = found
    if any(stat_signature(path) != signature for path, signature in expected.items()):
        return None
    for path, signature in zip(config.config_candidates, config.config_signatures, strict=True):
        if stat_signature(str(path)) != signature:
            return None
        expected[str(path)] = signature
    walked, currents = _walk(config)
    if currents != {str(s.path) for s in sources}:
        return None  # a schema appeared or went away while the run went on
    for source in sources:  # the ignored ones too: an edit may make one not ignored
        expected.setdefault(str(source.path), stat_signature(str(source.path)))
    directories.update(os.path.dirname(path) for path in expected)
    directories.update(walked)
    directories.add(str(config.schema_base_given))
    return {**{d: stat_signature(d) for d in sorted(directories)}, **expected}


def _walk(config: Config) -> tuple[set[str], set[str]]:
    """The directories under the schema base path and the current files in them, in one walk (the
    current files exactly as repository.iter_schema_paths finds them)."""
    from schema_tools.repository import iter_schema_paths

    directories: set[str] = set()
    currents = {str(path) for path, _current, _ct in iter_schema_paths(config, current_only=True, seen=directories)}
    return directories, currents


def open_cache(config: Config, output_dir: Path | None) -> MaterializeCache:
    """The cache for this working directory and these settings."""
    from schema_tools.cache import MaterializeCache, tool_fingerprint

    settings = {
        field_name: repr(getattr(config, field_name))
        for field_name in (
            "schema_base_path",
            "schema_base_uris",
            "schema_base_uri_map",
            "content_types",
            "current_name",
            "schema_version_field",
            "should_dereference",
            "should_symlink_extensionless",
            "should_symlink_latest",
            "ignore_schemas",
            "enforced_numeric_bounds",
            "should_generate_example",
        )
    }
    settings["output_dir"] = repr(output_dir)
    settings["tool"] = repr(tool_fingerprint())
    fingerprint = content_hash(repr(sorted(settings.items())).encode())
    return MaterializeCache(config.cwd, fingerprint)

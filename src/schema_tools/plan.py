"""Materializing several schemas in one run: dependency order, and all-or-nothing.

The reference materialized everything concurrently, so a schema referencing a fragment version written
in the same run could fail. Here the schemas are ordered so that a schema whose `$id` another one
references comes first, and each result is placed in an in-memory overlay that the resolver reads
before the disk: nothing is written until every schema of the run has materialized, so a failure in
one leaves the tree untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schema_tools.config import Config
from schema_tools.errors import SchemaToolsError
from schema_tools.materialize import Materialized, Output, materialize
from schema_tools.repository import lodash_get

if TYPE_CHECKING:
    from schema_tools.cache import Cached, MaterializeCache
    from schema_tools.retrieve import Resolver
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
        self.inputs: dict[Path, list[str]] = {}  # documents each schema's $refs read
        self.absent: dict[Path, list[str]] = {}  # locations tried for them and missing
        self.skipped = 0  # schemas the incremental cache found up to date


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
            by_id.setdefault(_id_key(schema_id), index)
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


class Overlay:
    """Files a run has produced but not yet written, served to the resolver before the disk."""

    def __init__(self, fallback: Callable[[str, float], str]) -> None:
        self.files: dict[str, str] = {}
        self._fallback = fallback

    def add(self, item: Materialized, config: Config) -> None:
        for output in item.outputs:
            self.files[str(output.path)] = output.text
            if config.should_symlink_extensionless and output.content_type == config.primary_content_type:
                self.files[str(output.path.with_name(str(item.version)))] = output.text

    def read_bytes(self, path: str) -> bytes | None:
        """A file as this run sees it: pending first, then the disk; None when it is missing."""
        text = self.files.get(path)
        if text is not None:
            return text.encode("utf-8")
        try:
            with open(path, "rb") as file:
                return file.read()
        except OSError:
            return None

    def __call__(self, url: str, timeout: float) -> str:
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(url)
        if parts.scheme == "file":
            text = self.files.get(str(Path(unquote(parts.path))))
            if text is not None:
                return text
        return self._fallback(url, timeout)


def _fetch(url: str, timeout: float) -> str:
    # retrieve.py (and the YAML parser it imports) is loaded only when a document is really read.
    from schema_tools.retrieve import default_fetch

    return default_fetch(url, timeout)


def make_resolver(config: Config, overlay: Overlay | None = None) -> tuple[Resolver, Overlay]:
    """A resolver for the run's base URIs, reading pending results through an overlay."""
    from schema_tools.resolve import Resolver, default_fetch

    overlay = overlay or Overlay(default_fetch)
    resolver = Resolver(
        config.schema_base_uris,
        cwd=config.cwd,
        uri_map=config.schema_base_uri_map,
        timeout=config.fetch_timeout,
        fetch=overlay,
    )
    return resolver, overlay


def materialize_sources(
    sources: Sequence[Source],
    config: Config,
    *,
    output_dir: Path | None = None,
    on_progress: Callable[[Source], None] | None = None,
    cache: MaterializeCache | None = None,
) -> RunResult:
    """Materialize every source in dependency order, in memory; errors are collected, not raised.

    With a cache, a source whose text and inputs have the recorded content gets the recorded outputs.
    """
    overlay = Overlay(_fetch)
    resolver: Resolver | None = None  # made on first use: a run served by the cache never needs one
    result = RunResult()
    for source in dependency_order(sources, config):
        if on_progress is not None:
            on_progress(source)
        if cache is not None and (cached := cache.outputs(source.path, overlay.read_bytes)) is not None:
            item = _from_cache(source.path, cached, output_dir)
            result.inputs[source.path] = sorted(cache.inputs_of(source.path))
            result.absent[source.path] = cache.absent_of(source.path)
        else:
            if resolver is None:
                resolver, _ = make_resolver(config, overlay)
            first_read, first_miss = len(resolver.read_log), len(resolver.absent_log)
            try:
                item = materialize(source.schema, source.path, config, resolver, output_dir)
            except SchemaToolsError as error:
                if error.path is None:
                    error.path = str(source.path)
                result.errors.append(error)
                continue
            result.inputs[source.path] = resolver.read_log[first_read:]
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
    """Materialize all sources, then write them all — or, if any failed, nothing.

    With a cache, sources it finds up to date are skipped without being read; after writing, any
    skipped source whose inputs were rewritten is materialized in a further round. With apply_ignore,
    sources whose `$id` matches ignoreSchemas are left out (materialize-all; explicit paths are not).

    Raises:
        RunFailed: one or more sources failed; it lists every error.
        WriteConflictError: a published version would change (and config.force is off).
    """
    from schema_tools.write import check_conflicts, write_one

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
    total = RunResult()
    actions: list[Action] = []
    while pending:
        result = materialize_sources(
            pending, config, output_dir=output_dir, on_progress=on_progress, cache=cache
        )
        if result.errors:
            raise RunFailed(result.errors)
        check_conflicts(result.materialized, config)
        for item in result.materialized:
            written = write_one(item, config)
            actions.extend(written)
            if cache is not None and not config.dry_run:
                from schema_tools.cache import Cached

                links = [a.path for a in written if a.target is not None]
                outputs = Cached(item.schema_id, item.version, [(o.content_type, o.text) for o in item.outputs])
                cache.record(
                    item.source,
                    result.inputs[item.source],
                    result.absent[item.source],
                    [o.path for o in item.outputs],
                    links,
                    outputs,
                )
        total.materialized.extend(result.materialized)
        # A skipped schema that reads a file this round rewrote is no longer up to date: redo it.
        pending = [s for s in skipped if cache is not None and not cache.is_fresh(s.path)]
        skipped = [s for s in skipped if s not in pending]
    total.skipped = len(skipped)
    if cache is not None and not config.dry_run:
        cache.save()
    return total, actions


def is_ignored(source: Source, config: Config) -> bool:
    """ignoreSchemas is searched in `$id` (a document that is not a mapping is never ignored: it fails)."""
    schema = source.schema
    schema_id = schema.get("$id", "") if isinstance(schema, dict) else ""
    return isinstance(schema_id, str) and config.is_ignored(schema_id)


def run_dependencies(sources: Sequence[Source], config: Config, cache: MaterializeCache) -> set[str] | None:
    """Every path a whole-repository run depended on, for the run stamp; None if it cannot be stamped.

    That is the directories walked (a new schema or a deleted output changes one), every current file,
    what each recorded schema read, tried or wrote, and the config files looked for. A schema missing
    from the cache must be an ignored one; any other (one that read a remote document) prevents a stamp.
    """
    import os

    if any(not is_ignored(s, config) for s in sources if str(s.path) not in cache.entries):
        return None
    depends = cache.dependencies(s.path for s in sources if str(s.path) in cache.entries)
    if depends is None:
        return None
    depends.update(str(source.path) for source in sources)
    for directory, dirnames, _files in os.walk(config.schema_base_path):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        depends.add(directory)
    depends.update(str(path) for path in config.config_candidates)
    return depends


def open_cache(config: Config, output_dir: Path | None) -> MaterializeCache:
    """The cache for this working directory and these settings."""
    from schema_tools.cache import MaterializeCache, content_hash, tool_fingerprint

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

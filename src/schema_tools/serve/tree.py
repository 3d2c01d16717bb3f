"""The served tree: every URL path and the exact document behind it, built once at startup.

Shared by the HTTP app (which answers from it without touching the filesystem) and by the static export
(which writes it out as files). For each title directory `<prefix>/<title>/`:

* `<version>.yaml`, `<version>.json`: the published file; the type the repository does not publish is
  rendered from it (the bytes the materializer would have written);
* `<version>`, `latest`: YAML, or JSON when the request's Accept asks for it (`json_path` names it);
* `latest.yaml`, `latest.json`: the highest version (semver), computed, not read from the links;
* `current.yaml`: the current file as it is (under its configured name);
* `<dir>/autoindex.json`, also answered at `<dir>/`: every directory's listing (nginx autoindex JSON);
* `<prefix>/index.json`: every title with its versions.

Paths are decoded URL paths (`/jsonschema/test/event/1.0.0`). Versioned paths are immutable; everything
else may change when the repository does, so it gets a short max-age.
"""

from __future__ import annotations

import gzip
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from schema_tools.serve.listing import ListingItem, autoindex_json, http_date, index_json
from schema_tools.serve.scan import VERSION_NAME, ServeError, SourceFile, TitleDir, scan

YAML_TYPE = "application/yaml"
JSON_TYPE = "application/json"
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_SHORT = "public, max-age=60"
LISTING_NAME = "autoindex.json"
INDEX_NAME = "index.json"
# Bodies shorter than this are not worth compressing (nginx's gzip_min_length is 20; a gzip header is 18).
GZIP_MIN_BYTES = 256
# The paths that never change once published; the nginx snippet uses the same expression.
VERSIONED_PATH = re.compile(rf"/{VERSION_NAME}(?:\.(?:yaml|json))?$")
_PREFIX_SEGMENT = re.compile(r"^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$")


@dataclass(frozen=True)
class Source:
    """A schema directory served under a URL prefix (`""` is the root)."""

    prefix: str
    root: Path
    current_name: str = "current.yaml"


@dataclass(frozen=True)
class Entry:
    """The document at one URL path."""

    path: str
    body: bytes
    media_type: str
    mtime: int
    gzip: bytes | None = None
    json_path: str | None = None  # set on negotiated paths: the entry answered when Accept asks for JSON

    @property
    def cache_control(self) -> str:
        return CACHE_IMMUTABLE if VERSIONED_PATH.search(self.path) else CACHE_SHORT

    @property
    def last_modified(self) -> str:
        return http_date(self.mtime)

    @property
    def etag(self) -> str:
        """nginx's ETag for a file (`"<mtime hex>-<size hex>"`): an export behind nginx answers the same."""
        return f'"{self.mtime:x}-{len(self.body):x}"'

    @property
    def gzip_etag(self) -> str | None:
        """The ETag of the gzip variant: nginx's for the `.gz` file that gzip_static sends."""
        return None if self.gzip is None else f'"{self.mtime:x}-{len(self.gzip):x}"'


@dataclass
class Tree:
    """Every served path; directories are the paths that end with `/`."""

    entries: dict[str, Entry]
    directories: frozenset[str]
    titles: dict[str, tuple[str, tuple[str, ...]]]  # title directory path → (title, versions)
    sources: tuple[Source, ...]
    warnings: list[str] = field(default_factory=list)

    def lookup(self, path: str) -> Entry | None:
        """The entry answering a normalized path; a directory path answers its listing."""
        if path.endswith("/"):
            return self.entries.get(path + LISTING_NAME) if path in self.directories else None
        return self.entries.get(path)

    def title_near(self, path: str) -> tuple[str, tuple[str, ...]] | None:
        """(title, versions) of the title directory a missing path would be in, for helpful 404s."""
        return self.titles.get(path.rsplit("/", 1)[0] + "/")


def normalize_prefix(prefix: str) -> str:
    """`/a/b/` → `/a/b`; `/` and `` → `` (the root).

    Raises:
        ServeError: a segment is not plain (letters, digits, `._~-`, not starting with a dot).
    """
    segments = [s for s in prefix.strip().split("/") if s]
    for segment in segments:
        if not _PREFIX_SEGMENT.match(segment):
            raise ServeError(
                f"prefix {prefix!r}: segment {segment!r} must be letters, digits, '.', '_', '~' "
                "or '-', and not start with a dot"
            )
    return "".join("/" + s for s in segments)


def build_tree(sources: Sequence[Source]) -> Tree:
    """Read every source and build the served tree.

    Raises:
        ServeError: a root is missing or publishes nothing, prefixes overlap, or two documents would
            share a path.
        DocumentError: a published file cannot be parsed (its other content type cannot be rendered).
    """
    sources = tuple(Source(normalize_prefix(s.prefix), s.root, s.current_name) for s in sources)
    _check_prefixes(sources)
    entries: dict[str, Entry] = {}
    titles: dict[str, tuple[str, tuple[str, ...]]] = {}
    warnings: list[str] = []
    for source in sources:
        found = scan(source.root, source.current_name)
        warnings.extend(found.warnings)
        if not any(t.versions for t in found.titles):
            raise ServeError(
                "no schema versions to serve (no <title>/<version>.yaml or .json files)",
                path=str(source.root),
            )
        own: list[Entry] = []
        for title in found.titles:
            own.extend(_title_entries(source.prefix, title))
            titles[_join(source.prefix, title.title) + "/"] = (title.title, tuple(title.version_names()))
        index = index_json(
            source.prefix,
            {t.title: t.version_names() for t in found.titles},
            {t.title: t.current is not None for t in found.titles},
        )
        own.append(Entry(f"{source.prefix}/{INDEX_NAME}", index, JSON_TYPE, max(e.mtime for e in own)))
        for entry in own:
            _add(entries, entry)
    directories = _add_listings(entries)
    return Tree(_compressed(entries), directories, titles, sources, warnings)


def _check_prefixes(sources: Sequence[Source]) -> None:
    prefixes = sorted(s.prefix + "/" for s in sources)
    for first, second in itertools.pairwise(prefixes):
        if second.startswith(first):
            raise ServeError(
                f"prefixes {first.rstrip('/') or '/'} and {second.rstrip('/')} overlap; "
                "give each repository its own"
            )


def _join(prefix: str, title: str) -> str:
    return f"{prefix}/{title}" if title else prefix


def _title_entries(prefix: str, title: TitleDir) -> list[Entry]:
    base = _join(prefix, title.title)
    result: list[Entry] = []
    bodies: dict[str, tuple[bytes, bytes, int]] = {}
    for version in title.version_names():
        yaml_body, json_body, mtime = _both_types(title.versions[version])
        bodies[version] = (yaml_body, json_body, mtime)
        result.extend(_schema_entries(f"{base}/{version}", yaml_body, json_body, mtime))
    if bodies:
        yaml_body, json_body, mtime = bodies[title.version_names()[-1]]
        result.extend(_schema_entries(f"{base}/latest", yaml_body, json_body, mtime))
    if title.current is not None:
        name, source = title.current
        media_type = JSON_TYPE if name.endswith(".json") else YAML_TYPE
        result.append(_entry(f"{base}/{name}", source.path.read_bytes(), media_type, source.mtime))
    return result


def _schema_entries(stem: str, yaml_body: bytes, json_body: bytes, mtime: int) -> list[Entry]:
    """`<stem>` (negotiated), `<stem>.yaml` and `<stem>.json`."""
    return [
        _entry(stem, yaml_body, YAML_TYPE, mtime, json_path=f"{stem}.json"),
        _entry(f"{stem}.yaml", yaml_body, YAML_TYPE, mtime),
        _entry(f"{stem}.json", json_body, JSON_TYPE, mtime),
    ]


def _both_types(files: dict[str, SourceFile]) -> tuple[bytes, bytes, int]:
    """The YAML and JSON bytes of one version, rendering the type the repository does not publish."""
    from schema_tools.documents.load import load_text
    from schema_tools.errors import DocumentError

    present = files.get("yaml") or files["json"]
    data = {ct: f.path.read_bytes() for ct, f in files.items()}
    mtime = max(f.mtime for f in files.values())
    if "yaml" in data and "json" in data:
        return data["yaml"], data["json"], mtime
    try:
        document = load_text(next(iter(data.values())).decode("utf-8"), str(present.path))
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 text ({error.reason} at byte {error.start})"
        raise DocumentError(reason, path=str(present.path)) from None
    if "yaml" in data:
        from schema_tools.documents.json_emit import dump_json

        return data["yaml"], dump_json(document).encode("utf-8"), mtime
    from schema_tools.documents.yaml_emit import dump_yaml

    return dump_yaml(document).encode("utf-8"), data["json"], mtime


def _entry(path: str, body: bytes, media_type: str, mtime: int, json_path: str | None = None) -> Entry:
    return Entry(path, body, media_type, mtime, None, json_path)


def _compressed(entries: dict[str, Entry]) -> dict[str, Entry]:
    """Every entry with its gzip variant (level 9, no timestamp: exports are reproducible), if worth it.

    Bodies shared by several paths (`1.0.0`, `1.0.0.yaml`, `latest`…) are compressed once.
    """
    packed: dict[bytes, bytes | None] = {}
    for body in {e.body for e in entries.values() if len(e.body) >= GZIP_MIN_BYTES}:
        data = gzip.compress(body, 9, mtime=0)
        packed[body] = data if len(data) < len(body) else None
    return {path: replace(e, gzip=packed.get(e.body)) for path, e in entries.items()}


def _add(entries: dict[str, Entry], entry: Entry) -> None:
    if entry.path in entries:
        raise ServeError(f"two documents would be served at {entry.path}")
    entries[entry.path] = entry


def _ancestors(path: str) -> Iterable[str]:
    """`/a/b/c` → `/`, `/a/`, `/a/b/`."""
    parts = path.split("/")[1:-1]
    yield "/"
    for index in range(1, len(parts) + 1):
        yield "/" + "/".join(parts[:index]) + "/"


def _add_listings(entries: dict[str, Entry]) -> frozenset[str]:
    """Add `<dir>/autoindex.json` to every directory that holds something; return the directories."""
    children: dict[str, dict[str, ListingItem]] = {}
    newest: dict[str, int] = {}
    for entry in entries.values():
        for directory in _ancestors(entry.path):
            newest[directory] = max(newest.get(directory, 0), entry.mtime)
    for directory in newest:
        children.setdefault(directory, {})
        if directory != "/":
            parent, name = directory[:-1].rsplit("/", 1)
            children.setdefault(parent + "/", {})[name] = ListingItem(name, True, newest[directory])
    for entry in entries.values():
        parent, name = entry.path.rsplit("/", 1)
        if parent + "/" + name + "/" in newest:
            raise ServeError(f"{entry.path} would be both a document and a directory")
        children[parent + "/"][name] = ListingItem(name, False, entry.mtime, len(entry.body))
    for directory, items in children.items():
        listing = autoindex_json(items.values())
        _add(entries, _entry(directory + LISTING_NAME, listing, JSON_TYPE, newest[directory]))
    return frozenset(newest)

"""Writing materialized schemas: atomic files, the reference's symlinks, and immutable versions.

* A version file whose bytes are already right is left untouched (no write, mtime kept).
* A version file that exists with *different* bytes is a published version: it is refused, naming both
  files, unless `force` is set. The reference silently overwrote it.
* Files and links are created under a temporary name and renamed into place, so an interrupted run
  never leaves a partial file.
* Links are relative (`1.2.0 → 1.2.0.yaml`); `latest[.<ct>]` moves only forwards: it is updated when
  missing or when the new version is ≥ the version read from the `$id` inside the file it points to.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from schema_tools.config import Config
from schema_tools.errors import SchemaToolsError, WriteConflictError
from schema_tools.materialize import Materialized, Output
from schema_tools.versions import Version


class Action(NamedTuple):
    """Something a run did (or, in a dry run, would do) to one path."""

    kind: str  # "write", "unchanged", "link", "link-unchanged"
    path: Path
    target: str | None = None

    @property
    def changed(self) -> bool:
        return self.kind in ("write", "link")


def find_conflicts(items: Iterable[Materialized]) -> list[WriteConflictError]:
    """Versions that already exist with different content."""
    conflicts = []
    for item in items:
        for output in item.outputs:
            existing = _read_bytes(output.path)
            if existing is not None and existing != output.text.encode("utf-8"):
                conflicts.append(
                    WriteConflictError(
                        f"{output.path.name} already exists with different content than {item.source.name} "
                        f"materializes to ({output.path}). Published versions never change: bump the version "
                        "in $id, or pass --force to overwrite",
                        path=str(item.source),
                    )
                )
    return conflicts


def check_conflicts(items: Sequence[Materialized], config: Config) -> None:
    """Raise when a published version would change (unless config.force).

    Raises:
        WriteConflictError: naming each version file and the current file it came from.
    """
    if not config.force:
        conflicts = find_conflicts(items)
        if conflicts:
            raise conflicts[0] if len(conflicts) == 1 else _many(conflicts)


def write_all(items: Sequence[Materialized], config: Config) -> list[Action]:
    """Write every materialized schema (or plan it, in a dry run).

    Raises:
        WriteConflictError: a version exists with different content and config.force is off; then
            nothing at all is written.
    """
    check_conflicts(items, config)
    actions: list[Action] = []
    for item in items:
        actions.extend(write_one(item, config))
    return actions


def _many(conflicts: list[WriteConflictError]) -> WriteConflictError:
    lines = "\n".join(f"  {c}" for c in conflicts)
    return WriteConflictError(f"{len(conflicts)} published versions would change:\n{lines}")


def write_one(item: Materialized, config: Config) -> list[Action]:
    """Write one schema's version files and links, as the reference orders them."""
    actions: list[Action] = []
    for output in item.outputs:
        data = output.text.encode("utf-8")
        if _read_bytes(output.path) == data:
            actions.append(Action("unchanged", output.path))
        else:
            if not config.dry_run:
                _atomic_write(output.path, data)
            actions.append(Action("write", output.path))
        for link, kind in links_of(item, output, config):
            if kind == "version" or latest_would_move(link, item, config):
                actions.append(_link(link, output.path.name, config))
    return actions


def links_of(item: Materialized, output: Output, config: Config) -> list[tuple[Path, str]]:
    """The links beside one output file, in the order the reference writes them, each with its kind:
    `latest.<type>` ("latest"), then for the first content type the extensionless `<version>`
    ("version") and `latest` ("latest"). A "latest" link moves only if it would not go backwards."""
    links: list[tuple[Path, str]] = []
    if config.should_symlink_latest:
        links.append((item.directory / f"latest.{output.content_type}", "latest"))
    if config.should_symlink_extensionless and output.content_type == config.primary_content_type:
        links.append((item.directory / str(item.version), "version"))
        if config.should_symlink_latest:
            links.append((item.directory / "latest", "latest"))
    return links


def latest_links(item: Materialized, config: Config) -> list[Path]:
    """The `latest` links a write of `item` consults (and moves, unless they point to a higher version)."""
    return [link for output in item.outputs for link, kind in links_of(item, output, config) if kind == "latest"]


def latest_would_move(link: Path, item: Materialized, config: Config) -> bool:
    """Whether writing `item` points `link` at it: `latest` never moves to a lower version."""
    try:
        st = os.stat(link)  # follows the link: a dangling link counts as missing, as in the reference
    except OSError:
        return True
    with contextlib.suppress(OSError):
        if os.readlink(link) in {output.path.name for output in item.outputs}:
            return True  # it already points to this version's own file
    # A run asks this twice per link (to serve `latest` to readers, then to write it): the version of
    # the same file (same inode, size and times) is read once.
    key = (str(link), config.schema_version_field, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    version = _LATEST_VERSIONS.get(key)
    if version is None:
        version = _LATEST_VERSIONS[key] = _version_of_file(link, config)
    return not item.version < version


_LATEST_VERSIONS: dict[tuple[object, ...], Version] = {}


# A top-level `$id: <plain value>` line, as the writer emits it. Inside a block scalar a line would be
# indented, so a match at column 0 is the root mapping's key.
# The next line must not be indented, or the value could continue there (a multi-line plain scalar).
_TOP_LEVEL_ID = re.compile(r"^\$id: ([^'\"\s#][^\n]*?)[ \t]*(?:\n(?![ \t])|\Z)", re.MULTILINE)


def _version_of_file(path: Path, config: Config) -> Version:
    """The version in the `$id` of the file `latest` points to (the reference reads the file, not the name)."""
    from schema_tools.repository import schema_version_of
    from schema_tools.versions import version_from_id

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        import json

        with contextlib.suppress(ValueError, SchemaToolsError):  # not ours: let the loader say what is wrong
            return schema_version_of(json.loads(text), config, path)
    elif config.schema_version_field == "$id":
        # Parsing an 800-line schema to read one line is most of the cost of a run with many links.
        match = _TOP_LEVEL_ID.search(text)
        version = version_from_id(match[1]) if match else None
        if version is not None:
            return version
    from schema_tools.documents.load import load_text  # the YAML parser, only when it is needed

    return schema_version_of(load_text(text, str(path)), config, path)


def _link(link: Path, target: str, config: Config) -> Action:
    if link.is_symlink() and os.readlink(link) == target:
        return Action("link-unchanged", link, target)
    if link.exists() and not link.is_symlink():
        raise SchemaToolsError(f"expected a symlink to {target}, found a regular file; remove it", path=str(link))
    if not config.dry_run:
        temporary = link.with_name(f".{link.name}.{os.getpid()}.tmp")
        _remove_quietly(temporary)
        os.symlink(target, temporary)
        os.replace(temporary, link)
    return Action("link", link, target)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        # No fsync: the rename is what makes an interrupted run leave no partial file, and like git's
        # default it does not force every file to disk (53 fsyncs were a fifth of a whole run).
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        _remove_quietly(temporary)
        raise


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()

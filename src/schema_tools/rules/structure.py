"""Structure rules: the reference's repository structure suite (lib/tests/structure.js), one rule per test.

The reference leaves these tests unnamed (and cannot skip them); the IDs are ours. Each rule's
`reference` field holds the reference's test title. Differences, all documented in docs/checks.md:

* The reference's "`<type>` version must have correct title" holds by construction (files are grouped by
  title); it could only fail when the file is missing, which `structure-version-files` reports.
* Where the reference declared an `it.only` test (a directory that does not match the title, no current
  file, no materialized version) mocha then ran *only* those tests, in the whole run. Here the failing
  rule is reported and every other check still runs.
* `must contain current.yaml` looked for a hard-coded `current.yaml`; this honours `currentName`.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from schema_tools.errors import SchemaToolsError
from schema_tools.rules.jsvalues import MISSING, describe, differences, js_deep_equal
from schema_tools.rules.registry import STRUCTURE, Problem, Rule

if TYPE_CHECKING:
    from schema_tools.rules.context import CheckContext
    from schema_tools.rules.inventory import SchemaDoc, TitleGroup, VersionGroup

# The most differences reported between a materialized version and what current.yaml materializes to.
MAX_DIFFERENCES = 5


def file_readable(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    if doc.problem is not None:
        yield Problem(doc.problem_pointer, doc.problem)


def directory_matches_title(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    directory = posixpath.dirname(doc.base_rel)
    if directory != doc.title:
        yield Problem(
            _field_pointer(ctx.config.schema_title_field),
            f"title {doc.title!r} does not match the "
            f"directory {directory or '.'!r} (relative to the schema base path)",
        )


def _field_pointer(field: str) -> str:
    """A lodash-style field path (`a.b`) as a JSON Pointer (`/a/b`)."""
    return "/" + field.replace("[", ".").replace("]", "").replace(".", "/")


def id_matches_directory(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    schema_id = doc.document.get("$id")
    if not isinstance(schema_id, str) or not schema_id:
        yield Problem("", "has no $id")
        return
    # The reference: the path below the base path must contain `$id` without its first character. A
    # current file is named `current.yaml`, so for it the directory part of `$id` is what must match.
    expected = posixpath.dirname(schema_id)[1:] + "/" if doc.current else schema_id[1:]
    if expected not in doc.base_rel:
        yield Problem("/$id", f"$id {schema_id!r} does not match the file's place {doc.base_rel!r}")


def same_directory(group: TitleGroup, ctx: CheckContext) -> Iterator[Problem]:
    first = group.files[0]
    for doc in group.files[1:]:
        if doc.path.parent != first.path.parent:
            yield Problem(
                "", f"is not in the same directory as {first.file} (same title {group.title!r})", doc.path
            )


def has_current(group: TitleGroup, ctx: CheckContext) -> Iterator[Problem]:
    if group.current is None:
        yield Problem(
            "",
            f"is missing: no {ctx.config.current_name} has title {group.title!r}",
            group.directory / ctx.config.current_name,
        )


def no_extensionless_current(group: TitleGroup, ctx: CheckContext) -> Iterator[Problem]:
    stem = ctx.config.current_name.rsplit(".", 1)[0]
    path = group.directory / stem
    if path.exists():
        yield Problem("", f"an extensionless {stem} file or link must not exist", path)


def _has_current(group: TitleGroup, ctx: CheckContext) -> bool:
    return group.current is not None


def _has_latest(group: TitleGroup, ctx: CheckContext) -> bool:
    return group.current is not None and group.latest(ctx.config.primary_content_type) is not None


def current_is_latest_version(group: TitleGroup, ctx: CheckContext) -> Iterator[Problem]:
    current = group.current
    assert current is not None
    content_type = ctx.config.primary_content_type
    expected = group.directory / f"{current.version}.{content_type}"
    latest = group.latest(content_type)
    if latest is None:
        yield Problem(
            "",
            f"has no materialized version: {expected.name} is missing (run `schema-tools materialize` on it)",
            current.path,
        )
    elif latest.path != expected or not expected.exists():
        yield Problem(
            "",
            f"is version {current.version}, but the greatest materialized version is {latest.file}",
            current.path,
        )


def current_materialized(group: TitleGroup, ctx: CheckContext) -> Iterator[Problem]:
    current, latest = group.current, group.latest(ctx.config.primary_content_type)
    assert current is not None and latest is not None
    if current.version != latest.version:
        yield Problem(
            "",
            f"is version {current.version}, but the latest materialized version is "
            f"{latest.version} ({latest.file})",
            current.path,
        )
        return
    try:
        expected = ctx.materialize(current)
    except SchemaToolsError as error:
        yield Problem(error.pointer or "", f"cannot be materialized: {error.message}", current.path)
        return
    if js_deep_equal(expected, latest.document):
        return
    found = list(differences(expected, latest.document))
    for index, (pointer, want, have) in enumerate(found[:MAX_DIFFERENCES]):
        message = _compared(latest.label, have, f"{current.label} materializes to", want)
        if index == 0:  # published versions do not change: the way out is a new version
            message += f" (to change a schema, bump the version in {current.label}'s $id and materialize it)"
        yield Problem(pointer, message, latest.path)
    if len(found) > MAX_DIFFERENCES:
        yield Problem(
            "",
            f"and {len(found) - MAX_DIFFERENCES} more differences from what {current.label} materializes to",
            latest.path,
        )


def _compared(this: str, have: Any, other: str, want: Any) -> str:
    """`1.2.0.yaml has 5 here, but current.yaml materializes to 6` (or lacks, or has nothing)."""
    mine = "has nothing here" if have is MISSING else f"has {describe(have)} here"
    theirs = "nothing" if want is MISSING else describe(want)
    return f"{this} {mine}, but {other} {theirs}"


def _link_problems(link: str, group: TitleGroup, ctx: CheckContext) -> Iterator[Problem]:
    latest = group.latest(ctx.config.primary_content_type)
    assert latest is not None
    path = group.directory / link
    target = group.directory / f"{latest.version}.{ctx.config.primary_content_type}"
    if not path.exists():
        yield Problem("", f"is missing (it must link to {target.name})", path)
    elif not path.is_symlink():
        yield Problem("", f"must be a symbolic link to {target.name}, not a file", path)
    elif not _same_file(path, target):
        yield Problem("", f"links to {os.readlink(path)}, not to the latest version {target.name}", path)


def _same_file(path: os.PathLike[str], target: os.PathLike[str]) -> bool:
    """The reference's `realpath(a) == realpath(b)`; comparing the files' identities is much cheaper."""
    try:
        return os.path.samefile(path, target)
    except OSError:  # one side is missing: then only the names can be compared
        return os.path.realpath(path) == os.path.realpath(target)


def latest_link(group: TitleGroup, ctx: CheckContext) -> Iterator[Problem]:
    yield from _link_problems(f"latest.{ctx.config.primary_content_type}", group, ctx)


def latest_extensionless_link(group: TitleGroup, ctx: CheckContext) -> Iterator[Problem]:
    yield from _link_problems("latest", group, ctx)


def _latest_links_wanted(group: TitleGroup, ctx: CheckContext) -> bool:
    return ctx.config.should_symlink_latest and _has_latest(group, ctx)


def _extensionless_latest_wanted(group: TitleGroup, ctx: CheckContext) -> bool:
    return ctx.config.should_symlink_extensionless and _latest_links_wanted(group, ctx)


def version_files(versions: VersionGroup, ctx: CheckContext) -> Iterator[Problem]:
    directory = versions.group.directory
    for content_type in ctx.config.content_types:
        name = f"{versions.version}.{content_type}"
        docs = [d for d in versions.materialized if d.content_type == content_type]
        if not docs:
            source = versions.files[0]
            yield Problem(
                "",
                f"is missing ({source.label} is version {versions.version}; run `schema-tools materialize`)",
                directory / name,
            )
        for doc in docs:
            if doc.path.parent != directory:
                yield Problem(
                    "",
                    f"is not in {directory.name}/ with the other files of {versions.group.title!r}",
                    doc.path,
                )


def version_link(versions: VersionGroup, ctx: CheckContext) -> Iterator[Problem]:
    path = versions.group.directory / str(versions.version)
    target = f"{versions.version}.{ctx.config.primary_content_type}"
    if not os.path.lexists(path):
        yield Problem("", f"is missing (it must link to {target})", path)
    elif not path.is_symlink():
        yield Problem("", f"must be a symbolic link to {target}, not a file", path)
    elif os.readlink(path) != target:
        yield Problem("", f"links to {os.readlink(path)}, not to {target}", path)
    elif not path.exists():
        yield Problem("", f"links to {target}, which does not exist", path)


def content_types_equal(versions: VersionGroup, ctx: CheckContext) -> Iterator[Problem]:
    docs = versions.materialized
    primary = [d for d in docs if d.content_type == ctx.config.primary_content_type]
    reference = primary[0] if primary else docs[0] if docs else None
    for doc in docs:
        if (
            doc is not reference
            and reference is not None
            and not js_deep_equal(reference.document, doc.document)
        ):
            pointer, want, have = next(differences(reference.document, doc.document))
            yield Problem(pointer, _compared(doc.label, have, f"{reference.label} has", want), doc.path)


def _version_links_wanted(versions: VersionGroup, ctx: CheckContext) -> bool:
    return ctx.config.should_symlink_extensionless


def _readable(doc: SchemaDoc, ctx: CheckContext) -> bool:
    return doc.readable


# fmt: off
RULES = (
    Rule("structure-file-readable", STRUCTURE, "file",
         "Every schema file parses, is a mapping, and has a title and a version in its $id.",
         "every schema file", file_readable, on_unreadable=True),
    Rule("structure-same-directory", STRUCTURE, "title",
         "All files of one schema title are in the same directory.", "each title", same_directory,
         reference="all materialized files should be in the same directory"),
    Rule("structure-directory-matches-title", STRUCTURE, "file",
         "A schema's directory, relative to the schema base path, is its title.", "every readable file",
         directory_matches_title, _readable,
         reference="<type> version must be in directory that matches title"),
    Rule("structure-id-matches-directory", STRUCTURE, "file",
         "A schema's $id matches its place in the repository.", "every readable file",
         id_matches_directory, _readable, reference="$id must match directory"),
    Rule("structure-has-current", STRUCTURE, "title",
         "Each schema title has a current file (currentName, normally current.yaml).", "each title",
         has_current, reference="must contain current.yaml schema file"),
    Rule("structure-no-extensionless-current", STRUCTURE, "title",
         "No extensionless `current` file or link sits beside current.yaml.", "each title",
         no_extensionless_current, reference="must not contain extensionless current symlink"),
    Rule("structure-current-is-latest-version", STRUCTURE, "title",
         "The greatest materialized version is the version current.yaml declares.",
         "titles with a current file", current_is_latest_version, _has_current,
         reference="must contain materialized current schema file as the greatest <type> version <v>.<type>"),
    Rule("structure-current-materialized", STRUCTURE, "title",
         "current.yaml, materialized afresh, equals the latest materialized version.",
         "titles with a current file and a materialized version", current_materialized, _has_latest,
         reference="current version <v> must be equal to materialized latest version <v>", cacheable=True),
    Rule("structure-latest-link", STRUCTURE, "title",
         "latest.<type> links to the latest version file (when shouldSymlinkLatest).",
         "titles with a materialized version", latest_link, _latest_links_wanted,
         reference="Should have latest.<type> symlink pointing to latest version file <path>"),
    Rule("structure-latest-extensionless-link", STRUCTURE, "title",
         "The extensionless latest link points to the latest version file (when both links are on).",
         "titles with a materialized version", latest_extensionless_link, _extensionless_latest_wanted,
         reference="Should have extensionless latest symlink pointing to latest version file <path>"),
    Rule("structure-version-files", STRUCTURE, "version",
         "Every version has a <version>.<type> file for each content type, in the title's directory.",
         "each version", version_files, reference="must have <type> version in <dir>"),
    Rule("structure-version-link", STRUCTURE, "version",
         "Every version has an extensionless link to its first content type file "
         "(when shouldSymlinkExtensionless).", "each version", version_link, _version_links_wanted,
         reference="must have extensionless symlink version pointing to <type>"),
    Rule("structure-content-types-equal", STRUCTURE, "version",
         "The materialized files of one version (yaml, json) hold the same schema.", "each version",
         content_types_equal, reference="all materialized content types must be equal", cacheable=True),
)
# fmt: on

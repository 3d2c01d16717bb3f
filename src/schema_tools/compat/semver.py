"""Semver discipline: within a major version every version must be compatible with its predecessor
(with every predecessor, in a transitive mode); the first version of a new major may break anything.

The results are Findings under the reference's rule ID `schema-version-compatibility`, so that
`skipSchemaTestCases` keeps working; changes allowed by a configured exception are reported as
warnings carrying the exception's reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schema_tools.compat.changes import Change
from schema_tools.compat.modes import base_mode, check, is_transitive
from schema_tools.compat.settings import REFERENCE_MODE, RULE_ID, CompatSettings
from schema_tools.findings import Finding
from schema_tools.versions import Version


@dataclass(frozen=True)
class Published:
    """One version of a schema: its parsed document and the file it comes from (for findings)."""

    version: Version
    schema_id: str
    document: Any
    file: str


def next_major(version: Version) -> str:
    return f"{version.major + 1}.0.0"


def describe(change: Change, mode: str, old: Version, new: Version) -> str:
    """The message of a breaking change: what changed, under which mode, and what to do."""
    if mode == REFERENCE_MODE:
        text = f"{new} must be compatible with {old}: {change.message}"
    else:
        text = f"{change.message} [{change.kind}] breaks {base_mode(mode)} compatibility with {old}"
    bump = f"publish it as {next_major(new)} (a breaking change needs a new major version)"
    hint = change.hint
    return f"{text}: {hint}, or {bump}" if hint else f"{text}: {bump}"


def check_successor(previous: Sequence[Published], new: Published, settings: CompatSettings) -> list[Finding]:
    """Findings for `new` against the earlier versions of its major version in `previous`."""
    if settings.skipped(new.schema_id):
        return []
    mode = settings.mode_for(new.schema_id)
    same_major = sorted(
        (p for p in previous if p.version.major == new.version.major and p.version < new.version),
        key=lambda p: p.version,
    )
    if not same_major or mode == "none":
        return []  # the first version of a major may break anything
    targets = same_major if is_transitive(mode) else same_major[-1:]
    exceptions = settings.exceptions_for(new.schema_id)
    findings: dict[tuple[str, str, str], Finding] = {}
    for old in reversed(targets):  # the nearest predecessor first: its wording wins for repeated changes
        verdict = check(
            old.document,
            new.document,
            mode,
            schema_id=new.schema_id,
            exceptions=exceptions,
            policy=settings.policy,
        )
        for change in verdict.breaking:
            findings.setdefault(
                (change.kind, change.pointer, "error"),
                Finding(
                    RULE_ID,
                    describe(change, mode, old.version, new.version),
                    new.file,
                    change.pointer,
                    new.schema_id,
                ),
            )
        for allowed in verdict.allowed:
            change = allowed.change
            findings.setdefault(
                (change.kind, change.pointer, "warning"),
                Finding(
                    RULE_ID,
                    f"{change.message} [{change.kind}]: allowed by exception: {allowed.reason}",
                    new.file,
                    change.pointer,
                    new.schema_id,
                    severity="warning",
                ),
            )
    return list(findings.values())


def check_sequence(versions: Sequence[Published], settings: CompatSettings) -> list[Finding]:
    """Findings for every version of one schema against its predecessors."""
    ordered = sorted(versions, key=lambda p: p.version)
    findings: list[Finding] = []
    for index, version in enumerate(ordered):
        findings += check_successor(ordered[:index], version, settings)
    return findings


def repository_versions(config: Any) -> dict[str, list[Published]]:
    """Published (non-current) versions of the primary content type, grouped by title, as the reference
    groups them; ignoreSchemas applies.

    Raises:
        SchemaToolsError: a file cannot be read or has no usable `$id`.
    """
    from schema_tools.documents.load import load_file
    from schema_tools.repository import iter_schema_paths, lodash_get, schema_id_of, schema_version_of

    groups: dict[str, list[Published]] = {}
    for path, current, content_type in iter_schema_paths(config):
        if current or content_type != config.primary_content_type:
            continue
        document = load_file(path)
        schema_id = schema_id_of(document, config, path) or ""
        if config.is_ignored(schema_id):
            continue
        title = lodash_get(document, config.schema_title_field)
        key = title if isinstance(title, str) else str(Path(path).parent)
        version = schema_version_of(document, config, path)
        groups.setdefault(key, []).append(Published(version, schema_id, document, _shown(path, config)))
    return groups


def _shown(path: Path, config: Any) -> str:
    try:
        return str(Path(path).relative_to(config.cwd))
    except ValueError:
        return str(path)


def check_repository(config: Any, settings: CompatSettings) -> list[Finding]:
    """Every title's versions against their predecessors (the reference's compatibility suite, by mode).

    Raises:
        SchemaToolsError: a file cannot be read or has no usable `$id`.
    """
    findings: list[Finding] = []
    for versions in repository_versions(config).values():
        findings += check_sequence(versions, settings)
    return findings

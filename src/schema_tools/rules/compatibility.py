"""The compatibility rule: each materialized version is compatible with the one before it.

Pairs are the reference's: for each title and major version, the materialized files of the first
content type in version order, each compared with the next; a skip is decided by the *newer* schema's
`$id`. The verdict is the repository's compatibility mode (schema_tools.compat.settings):

* `jsonschema-tools` (the default with only `.jsonschema-tools.yaml`): the reference's structural rule
  (schema_tools.compat.reference_rule), with the reference's messages — verdicts and output as before;
* any other mode: the engine's breaking changes, worded as `schema-tools compat` and `--since` word them
  (kind, pointer, hint, and the major version to publish instead); a `-transitive` mode compares the
  newer version with every earlier version of its major, not only the one before.

A breaking change that a `compatibilityExceptions` entry allows is reported as a warning with the
exception's reason: the case passes, and the output still shows what was let through and why.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from schema_tools.rules.registry import COMPATIBILITY, Problem, Rule

if TYPE_CHECKING:
    from schema_tools.compat.semver import Published
    from schema_tools.compat.settings import CompatSettings
    from schema_tools.rules.context import CheckContext
    from schema_tools.rules.inventory import SchemaDoc

# One settings load per run (a run is one CheckContext), however many pairs it checks. Weak keys: a
# finished run's settings go with it, and a new run (after the config changed) loads them afresh.
_SETTINGS: WeakKeyDictionary[CheckContext, CompatSettings] = WeakKeyDictionary()


def settings_for(ctx: CheckContext) -> CompatSettings:
    """The compatibility settings of the run (mode, per-$id modes, policy, exceptions), loaded once.

    Raises:
        ConfigError: a compatibility key has a wrong value.
    """
    settings = _SETTINGS.get(ctx)
    if settings is None:
        from schema_tools.compat.settings import load_settings

        settings = _SETTINGS[ctx] = load_settings(ctx.config)
    return settings


def version_compatibility(old: SchemaDoc, new: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    from schema_tools.compat.settings import REFERENCE_MODE

    settings = settings_for(ctx)
    mode = settings.mode_for(new.schema_id)
    if mode == REFERENCE_MODE:
        yield from _reference(old, new, settings)
    else:
        yield from _semantic(old, new, mode, settings, ctx)


def _reference(old: SchemaDoc, new: SchemaDoc, settings: CompatSettings) -> Iterator[Problem]:
    """The reference's verdict and messages; exceptions (rare in this mode) still apply."""
    from schema_tools.checks import Notice
    from schema_tools.compat.modes import check
    from schema_tools.compat.settings import REFERENCE_MODE

    verdict = check(
        old.document,
        new.document,
        REFERENCE_MODE,
        schema_id=new.schema_id,
        exceptions=settings.exceptions_for(new.schema_id),
    )
    for change in verdict.breaking:
        yield Problem(change.pointer, f"{change.name} (compared with {old.label})")
    for allowed in verdict.allowed:
        change = allowed.change
        message = f"{change.name} (compared with {old.label}): allowed by exception: {allowed.reason}"
        yield Notice(change.pointer, message)


def _semantic(
    old: SchemaDoc, new: SchemaDoc, mode: str, settings: CompatSettings, ctx: CheckContext
) -> Iterator[Problem]:
    """The engine's verdict through semver.check_successor, so that `test`, `compat` and `--since`
    report a breaking change in the same words (and deduplicate it the same way across predecessors)."""
    from schema_tools.checks import Notice, earlier_versions
    from schema_tools.compat.modes import is_transitive
    from schema_tools.compat.semver import check_successor

    # Non-transitive: the pair's own older version. It is the greatest below `new` in the normal layout,
    # but the reference pairs files in its own order, and the case must judge the pair it names.
    previous = earlier_versions(new, ctx.inventory) if is_transitive(mode) else [old]
    findings = check_successor(
        [_published(doc) for doc in previous if doc.version is not None], _published(new), settings
    )
    for finding in findings:
        kind = Notice if finding.severity == "warning" else Problem
        yield kind(finding.pointer, finding.message)


def _published(doc: SchemaDoc) -> Published:
    from schema_tools.compat.semver import Published

    assert doc.version is not None  # pairs are made of materialized versions only
    return Published(doc.version, doc.schema_id, doc.document, doc.file)


RULES = (
    Rule(
        "schema-version-compatibility",
        COMPATIBILITY,
        "pair",
        "Each materialized version is compatible with the previous version of the same major version "
        "(with every earlier one in a -transitive mode), under the repository's compatibility mode.",
        "consecutive materialized versions",
        version_compatibility,
        reference="<new> must be compatible with <old>",
    ),
)

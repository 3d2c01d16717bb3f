"""Compatibility settings from the configuration files: the mode, per-schema modes, and exceptions.

Keys (camelCase, beside the reference's keys in `.jsonschema-tools.yaml` or a `-C` file):

    compatibilityMode: backward            # default: jsonschema-tools (the reference's rule)
    compatibilityPolicy: lenient           # default strict; lenient lets optional properties come and go
    compatibilityModes:                    # $id pattern → mode; the first pattern that matches wins
      '^/fragment/': full-transitive
    compatibilityExceptions:               # breaking changes allowed on purpose; a reason is required
      - schema: '/mediawiki/page/change/1.2.0'   # $id pattern of the new version
        change: required-property-removed        # a kind ID (optional: any change)
        pointer: /required                       # optional: only there (or below)
        reason: T367923 made performer optional

`load_config` drops keys it does not know, so these are read here from the same files, in the same
order (a later file wins, per key).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from schema_tools.errors import ConfigError

if TYPE_CHECKING:
    from schema_tools.compat.changes import Change
    from schema_tools.config import Config

MODES = (
    "backward",
    "backward-transitive",
    "forward",
    "forward-transitive",
    "full",
    "full-transitive",
    "none",
    "jsonschema-tools",
)
# A repository configured only by .jsonschema-tools.yaml keeps the verdicts it had with the reference.
REFERENCE_MODE = "jsonschema-tools"
# Our own config files (when a repository has one) start from the semantic check.
OWN_CONFIG_NAMES = ("schema-tools.yaml", ".schema-tools.yaml")
POLICIES = ("strict", "lenient")
KEYS = ("compatibilityMode", "compatibilityPolicy", "compatibilityModes", "compatibilityExceptions")
RULE_ID = "schema-version-compatibility"


@dataclass(frozen=True)
class CompatException:
    """A breaking change allowed on purpose, and why."""

    schema: str
    reason: str
    change: str | None = None
    pointer: str | None = None

    def matches(self, schema_id: str, change: Change) -> bool:
        if not re.search(self.schema, schema_id):
            return False
        if self.change is not None and self.change not in (change.kind, RULE_ID):
            return False
        if self.pointer is not None:
            pointer = self.pointer.rstrip("/")
            return change.pointer == pointer or change.pointer.startswith(pointer + "/")
        return True


@dataclass(frozen=True)
class CompatSettings:
    """Which mode applies to which schema, which breaking changes are allowed, which pairs are skipped."""

    mode: str = REFERENCE_MODE
    modes: tuple[tuple[str, str], ...] = ()
    exceptions: tuple[CompatException, ...] = ()
    skips: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    policy: str = "strict"

    def mode_for(self, schema_id: str) -> str:
        for pattern, mode in self.modes:
            if re.search(pattern, schema_id):
                return mode
        return self.mode

    def exceptions_for(self, schema_id: str) -> tuple[CompatException, ...]:
        return tuple(e for e in self.exceptions if re.search(e.schema, schema_id))

    def skipped(self, schema_id: str) -> bool:
        """skipSchemaTestCases lists schema-version-compatibility for this `$id` (the reference's skip)."""
        return any(
            RULE_ID in rules and re.search(pattern, schema_id) for pattern, rules in self.skips.items()
        )


def load_settings(config: Config, *, mode: str | None = None, policy: str | None = None) -> CompatSettings:
    """The compatibility settings of a run; `mode` and `policy` (from the command line) override the files.

    Raises:
        ConfigError: a key has a wrong value (an unknown mode, an exception without a reason, …).
    """
    from schema_tools.documents.load import load_file

    values: dict[str, Any] = {}
    where: dict[str, str] = {}
    default = REFERENCE_MODE
    for file in config.config_files:
        if file.name in OWN_CONFIG_NAMES:
            default = "backward"
        data = load_file(file)
        if isinstance(data, dict):
            for key in KEYS:
                if key in data:
                    values[key] = data[key]
                    where[key] = file.name
    settings = parse_settings(values, where, default=default, skips=config.skip_schema_test_cases)
    if mode is not None:
        settings = replace(settings, mode=check_mode(mode, "--mode"), modes=())
    if policy is not None:
        settings = replace(settings, policy=_check_policy(policy, "--policy"))
    return settings


def _check_policy(policy: Any, key: str, where: str | None = None) -> str:
    if policy not in POLICIES:
        raise ConfigError(f"{key} must be one of {', '.join(POLICIES)}, not {policy!r}", path=where)
    return str(policy)


def check_mode(mode: Any, key: str, where: str | None = None) -> str:
    if mode not in MODES:
        raise ConfigError(f"{key} must be one of {', '.join(MODES)}, not {mode!r}", path=where)
    return str(mode)


def parse_settings(
    values: Mapping[str, Any],
    where: Mapping[str, str] | None = None,
    *,
    default: str = REFERENCE_MODE,
    skips: Mapping[str, tuple[str, ...]] | None = None,
) -> CompatSettings:
    """Validate the compatibility keys (as read from a config file) into settings.

    Raises:
        ConfigError: the message names the key (and the file, when known).
    """
    where = where or {}
    mode = default
    if values.get("compatibilityMode") is not None:
        mode = check_mode(values["compatibilityMode"], "compatibilityMode", where.get("compatibilityMode"))
    policy = "strict"
    if values.get("compatibilityPolicy") is not None:
        policy = _check_policy(
            values["compatibilityPolicy"], "compatibilityPolicy", where.get("compatibilityPolicy")
        )
    modes = _modes(values.get("compatibilityModes"), where.get("compatibilityModes"))
    exceptions = _exceptions(values.get("compatibilityExceptions"), where.get("compatibilityExceptions"))
    return CompatSettings(mode, modes, exceptions, dict(skips or {}), policy)


def _regex(pattern: Any, key: str, where: str | None) -> str:
    if not isinstance(pattern, str):
        raise ConfigError(f"{key} must be a regular expression string, not {pattern!r}", path=where)
    try:
        re.compile(pattern)
    except re.error as error:
        raise ConfigError(f"{key} is not a valid regular expression: {error}", path=where) from None
    return pattern


def _modes(value: Any, where: str | None) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ConfigError(f"compatibilityModes must map $id patterns to modes, not {value!r}", path=where)
    return tuple(
        (_regex(p, f"compatibilityModes[{p!r}]", where), check_mode(m, f"compatibilityModes[{p!r}]", where))
        for p, m in value.items()
    )


def _exceptions(value: Any, where: str | None) -> tuple[CompatException, ...]:
    from schema_tools.compat.kinds import KINDS

    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"compatibilityExceptions must be a list, not {value!r}", path=where)
    found: list[CompatException] = []
    for index, item in enumerate(value):
        key = f"compatibilityExceptions[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{key} must be a mapping with schema, change, pointer and reason", path=where)
        unknown = set(item) - {"schema", "change", "pointer", "reason"}
        if unknown:
            raise ConfigError(f"{key} has unknown keys: {', '.join(sorted(map(str, unknown)))}", path=where)
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f"{key} needs a reason (the report shows it)", path=where)
        change = item.get("change")
        if change is not None and change not in KINDS and change != RULE_ID:
            raise ConfigError(f"{key}.change: unknown change kind {change!r}", path=where)
        pointer = item.get("pointer")
        if pointer is not None and (
            not isinstance(pointer, str) or (pointer and not pointer.startswith("/"))
        ):
            raise ConfigError(f"{key}.pointer must be a JSON Pointer such as /properties/name", path=where)
        found.append(
            CompatException(
                _regex(item.get("schema"), f"{key}.schema", where), reason.strip(), change, pointer
            )
        )
    return tuple(found)

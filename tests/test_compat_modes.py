"""Modes, policy, exceptions and semver discipline; the reference's mode on schemas-event-primary."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import pytest

from schema_tools.compat.modes import check
from schema_tools.compat.semver import Published, check_repository, check_sequence
from schema_tools.compat.settings import CompatException, CompatSettings, load_settings, parse_settings
from schema_tools.config import load_config
from schema_tools.errors import ConfigError
from schema_tools.versions import Version

STR = {"type": "string"}
SHORT = {"type": "string", "maxLength": 8}


def obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props}


@pytest.mark.parametrize(
    ("mode", "narrowing", "widening"),
    [
        ("backward", False, True),
        ("forward", True, False),
        ("full", False, False),
        ("none", True, True),
        ("backward-transitive", False, True),
        ("forward-transitive", True, False),
        ("full-transitive", False, False),
    ],
)
def test_modes_judge_directions(mode: str, narrowing: bool, widening: bool) -> None:
    """backward refuses narrowing, forward refuses widening, full both, none neither."""
    assert check(STR, SHORT, mode).compatible is narrowing
    assert check(SHORT, STR, mode).compatible is widening


def test_reference_mode_uses_the_reference_rule() -> None:
    """jsonschema-tools: an added constraint passes, a removed property fails (the reference's verdicts)."""
    assert check(obj(a=STR), obj(a=SHORT), "jsonschema-tools").compatible
    verdict = check(obj(a=STR, b=STR), obj(a=STR), "jsonschema-tools")
    assert not verdict.compatible
    assert [c.pointer for c in verdict.breaking] == ["/properties/b"]
    assert all(c.kind == "reference-rule-violation" for c in verdict.changes)


def test_no_mode_changes_the_documents() -> None:
    """Checking never modifies the schemas it is given (the reference sorted `required` in place)."""
    old = {"type": "object", "required": ["b", "a"], "properties": {"a": STR, "b": STR}, "enum": [{"x": 1}]}
    new = {"type": "object", "required": ["a"], "properties": {"a": SHORT}, "enum": [{"x": 1}, 2]}
    before = copy.deepcopy((old, new))
    for mode in ("jsonschema-tools", "backward", "full"):
        check(old, new, mode)
    assert (old, new) == before
    assert old["required"] == ["b", "a"]


def test_unknown_mode_is_refused() -> None:
    """A mode outside the list is a programming error."""
    with pytest.raises(ValueError, match="unknown compatibility mode"):
        check(STR, STR, "sideways")


def test_lenient_policy_lets_optional_properties_come_and_go() -> None:
    """strict: a property added to an open object narrows; lenient: it does not, but a type change does."""
    assert not check(obj(), obj(a=STR), "backward").compatible
    assert check(obj(), obj(a=STR), "backward", policy="lenient").compatible
    assert not check(obj(a=STR), obj(a={"type": "number"}), "backward", policy="lenient").compatible


def test_exception_allows_a_breaking_change_and_keeps_the_reason() -> None:
    """A matching exception turns a breaking change into an allowed one that carries its reason."""
    exception = CompatException("/a/1.1.0", "T1 values were short anyway", "max-length-added", "/maxLength")
    verdict = check(STR, SHORT, "backward", schema_id="/a/1.1.0", exceptions=[exception])
    assert verdict.compatible
    assert [(a.change.kind, a.reason) for a in verdict.allowed] == [
        ("max-length-added", "T1 values were short anyway")
    ]
    elsewhere = check(STR, SHORT, "backward", schema_id="/b/1.1.0", exceptions=[exception])
    assert not elsewhere.compatible


def published(version: str, document: Any) -> Published:
    v = Version(*map(int, version.split(".")))
    return Published(v, f"/s/{version}", document, f"s/{version}.yaml")


def test_semver_breaking_within_a_major_suggests_the_bump() -> None:
    """A breaking change inside major 1 fails with the next major named; a new major may break."""
    settings = CompatSettings(mode="backward")
    findings = check_sequence(
        [published("1.0.0", STR), published("1.1.0", SHORT), published("2.0.0", obj())], settings
    )
    assert [(f.file, f.pointer, f.rule_id) for f in findings] == [
        ("s/1.1.0.yaml", "/maxLength", "schema-version-compatibility")
    ]
    assert "maxLength 8 added" in findings[0].message and "publish it as 2.0.0" in findings[0].message


def test_transitive_modes_catch_what_consecutive_pairs_miss() -> None:
    """A property removed and re-added with another type passes pair by pair, not transitively."""
    versions = [
        published("1.0.0", obj(a=STR)),
        published("1.1.0", obj()),
        published("1.2.0", obj(a={"type": "number"})),
    ]
    assert check_sequence(versions, CompatSettings(mode="backward", policy="lenient")) == []
    findings = check_sequence(versions, CompatSettings(mode="backward-transitive", policy="lenient"))
    assert [(f.file, f.pointer) for f in findings] == [("s/1.2.0.yaml", "/properties/a/type")]
    assert "1.0.0" in findings[0].message


def test_allowed_changes_are_reported_as_warnings_with_the_reason() -> None:
    """An exception's reason appears in the report, as a warning."""
    settings = CompatSettings(mode="backward", exceptions=(CompatException("/s/1.1.0", "ticket T9"),))
    findings = check_sequence([published("1.0.0", STR), published("1.1.0", SHORT)], settings)
    assert [(f.severity, f.message.endswith("allowed by exception: ticket T9")) for f in findings] == [
        ("warning", True)
    ]


def test_settings_from_config_keys() -> None:
    """Per-pattern modes: the first match wins; the default is the reference's mode."""
    settings = parse_settings(
        {"compatibilityModes": {"^/fragment/": "full", "/": "forward"}, "compatibilityPolicy": "lenient"}
    )
    assert settings.mode_for("/fragment/common/1.0.0") == "full"
    assert settings.mode_for("/mediawiki/page/change/1.0.0") == "forward"
    assert parse_settings({}).mode_for("/x/1.0.0") == "jsonschema-tools"
    assert settings.policy == "lenient"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"compatibilityMode": "sideways"}, "compatibilityMode must be one of"),
        ({"compatibilityPolicy": "loose"}, "compatibilityPolicy must be one of"),
        ({"compatibilityModes": {"(": "full"}}, "not a valid regular expression"),
        ({"compatibilityExceptions": [{"schema": "/a", "change": "max-length-added"}]}, "needs a reason"),
        (
            {"compatibilityExceptions": [{"schema": "/a", "change": "no-such-kind", "reason": "r"}]},
            "unknown change kind",
        ),
        ({"compatibilityExceptions": [{"schema": "/a", "reason": "r", "pointer": "x"}]}, "JSON Pointer"),
        ({"compatibilityExceptions": [{"schema": "/a", "reason": "r", "why": "x"}]}, "unknown keys: why"),
    ],
)
def test_bad_settings_name_the_key(values: dict[str, Any], message: str) -> None:
    """Wrong values fail with the key named."""
    with pytest.raises(ConfigError, match=message):
        parse_settings(values, {k: "cfg.yaml" for k in values})


def test_settings_are_read_from_the_config_files(tmp_path: Path) -> None:
    """The keys are read from the same files as the rest of the config; --mode overrides them."""
    (tmp_path / ".jsonschema-tools.yaml").write_text(
        "compatibilityMode: full\ncompatibilityExceptions:\n  - {schema: /a, reason: because}\n"
    )
    config = load_config(cwd=tmp_path)
    assert load_settings(config).mode == "full"
    assert load_settings(config).exceptions[0].reason == "because"
    assert load_settings(config, mode="none").mode_for("/a/1.0.0") == "none"


def test_primary_reference_mode_matches_the_reference(primary_pristine: Path) -> None:
    """jsonschema-tools mode: 0 failures with the repository's skip list; each skip, removed, fires."""
    config = load_config(cwd=primary_pristine)
    settings = load_settings(config)
    assert settings.mode == "jsonschema-tools"
    assert check_repository(config, settings) == []
    compat_skips = {p: r for p, r in settings.skips.items() if "schema-version-compatibility" in r}
    assert len(compat_skips) == 4
    fired = {}
    for pattern in compat_skips:
        skips = {p: r for p, r in settings.skips.items() if p != pattern}
        findings = check_repository(config, dataclasses.replace(settings, skips=skips))
        fired[pattern] = sorted({f.file for f in findings})
    # The reference (run with node on the same tree) fails exactly these four pairs without the skips.
    assert fired == {
        "fragment/http/1.2.0": ["jsonschema/fragment/http/1.2.0.yaml"],
        "mediawiki/client/error/1.1.0": ["jsonschema/mediawiki/client/error/1.1.0.yaml"],
        "/fragment/mediawiki/state/change/page/1.2.0": [
            "jsonschema/fragment/mediawiki/state/change/page/1.2.0.yaml"
        ],
        "/mediawiki/page/change/1.2.0": ["jsonschema/mediawiki/page/change/1.2.0.yaml"],
    }


def test_primary_skipped_pairs_under_backward_and_full(primary_pristine: Path) -> None:
    """What the docs say backward and full make of the four pairs the reference needs skipped."""
    config = load_config(cwd=primary_pristine)
    settings = dataclasses.replace(load_settings(config), skips={})
    verdicts = {}
    for mode in ("backward", "full"):
        for policy in ("strict", "lenient"):
            found = check_repository(config, dataclasses.replace(settings, mode=mode, policy=policy))
            verdicts[mode, policy] = sorted({f.schema_id for f in found if f.severity == "error"})
    skipped = {
        "/fragment/http/1.2.0",
        "/mediawiki/client/error/1.1.0",
        "/fragment/mediawiki/state/change/page/1.2.0",
        "/mediawiki/page/change/1.2.0",
    }
    assert skipped & set(verdicts["backward", "strict"]) == {"/mediawiki/client/error/1.1.0"}
    assert skipped & set(verdicts["backward", "lenient"]) == set()
    assert skipped & set(verdicts["full", "strict"]) == skipped
    assert skipped & set(verdicts["full", "lenient"]) == {
        "/fragment/mediawiki/state/change/page/1.2.0",
        "/mediawiki/page/change/1.2.0",
    }
    # The whole repository, as the docs tell it: fragment/common 1.1.0 closed its additionalProperties
    # (which the reference cannot see); strict adds every property added to an open object.
    assert verdicts["backward", "lenient"] == ["/fragment/common/1.1.0"]
    assert verdicts["backward", "strict"] == [
        "/fragment/common/1.1.0",
        "/fragment/http/1.1.0",
        "/mediawiki/client/error/1.1.0",
        "/mediawiki/revision/create/1.1.0",
        "/mediawiki/revision/create/1.2.0",
        "/mediawiki/user/blocks-change/1.1.0",
        "/test/event/0.0.3",
    ]
    assert verdicts["full", "lenient"] == [
        "/fragment/common/1.1.0",
        "/fragment/mediawiki/state/change/page/1.2.0",
        "/mediawiki/page/change/1.2.0",
    ]

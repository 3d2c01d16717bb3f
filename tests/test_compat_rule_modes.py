"""`schema-version-compatibility` under the repository's compatibility mode: the reference's rule by
default, the engine's breaking changes otherwise, exceptions with their reasons, semver discipline, and
the settings read once per run (and noticed by the result cache when they change)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from schema_tools.checks import FAILED, PASSED, SKIPPED, Report, check_repository
from schema_tools.cli.main import main
from schema_tools.config import load_config

RULE = "schema-version-compatibility"
EVENT = "jsonschema/test/event"

# Version 1.0.0 of a small event schema; the tests derive the later versions from it.
BASE: dict[str, Any] = {
    "title": "test/event",
    "$id": "/test/event/1.0.0",
    "$schema": "https://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "maxLength": 64},
        "count": {"type": "integer"},
    },
}


def version(number: str, change: Any = None) -> dict[str, Any]:
    """BASE as version `number`, edited in place by `change` (a function of the document)."""
    schema = copy.deepcopy(BASE)
    schema["$id"] = f"/test/event/{number}"
    if change is not None:
        change(schema)
    return schema


def name_optional(schema: dict[str, Any]) -> None:
    """Widens: backward compatible; the reference wants `required` unchanged."""
    schema["required"] = []


def name_shorter(schema: dict[str, Any]) -> None:
    """Narrows: breaks backward; the reference lets maxLength change."""
    schema["properties"]["name"]["maxLength"] = 32


def make_repo(root: Path, versions: list[dict[str, Any]], **settings: Any) -> Path:
    """A repository with these materialized versions of test/event, and these config keys."""
    config = {"schemaBasePath": "jsonschema", "contentTypes": ["yaml"], **settings}
    root.mkdir(parents=True, exist_ok=True)
    (root / ".jsonschema-tools.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    directory = root / EVENT
    directory.mkdir(parents=True)
    for schema in versions:
        number = schema["$id"].rsplit("/", 1)[1]
        (directory / f"{number}.yaml").write_text(yaml.safe_dump(schema, sort_keys=False), encoding="utf-8")
    return root


def compatibility(root: Path, **kwargs: Any) -> Report:
    return check_repository(load_config(cwd=root), only=[RULE], **kwargs)


def outcome(report: Report) -> list[tuple[str, str, str, str]]:
    """(status, file, pointer, severity) of every finding, or (status, file) of a case without any."""
    rows = []
    for result in report.results:
        for f in result.findings:
            rows.append((result.status, f.file, f.pointer, f.severity))
        if not result.findings:
            rows.append((result.status, result.case.file, "", ""))
    return rows


def test_reference_mode_is_the_default_and_backward_disagrees(tmp_path: Path) -> None:
    """Making a property optional: the reference fails it, backward lets it through."""
    versions = [version("1.0.0"), version("1.1.0", name_optional)]
    reference = compatibility(make_repo(tmp_path / "reference", versions))
    assert outcome(reference) == [(FAILED, f"{EVENT}/1.1.0.yaml", "/required", "error")]
    assert reference.findings[0].message.endswith("(compared with 1.0.0.yaml)")  # the reference's words
    backward = compatibility(make_repo(tmp_path / "backward", versions, compatibilityMode="backward"))
    assert outcome(backward) == [(PASSED, f"{EVENT}/1.1.0.yaml", "", "")]


def test_backward_fails_what_the_reference_allows(tmp_path: Path) -> None:
    """A shorter maxLength: the reference allows it; backward reports kind, pointer, hint and the bump."""
    versions = [version("1.0.0"), version("1.1.0", name_shorter)]
    assert compatibility(make_repo(tmp_path / "reference", versions)).ok
    report = compatibility(make_repo(tmp_path / "backward", versions, compatibilityMode="backward"))
    (finding,) = report.findings
    assert (finding.rule_id, finding.file, finding.pointer) == (
        RULE,
        f"{EVENT}/1.1.0.yaml",
        "/properties/name/maxLength",
    )
    assert finding.message == (
        "maxLength tightened from 64 to 32 at /properties/name/maxLength [max-length-tightened] breaks "
        "backward compatibility with 1.0.0: old documents may not meet 32; keep maxLength at 64, or "
        "publish it as 2.0.0 (a breaking change needs a new major version)"
    )


def test_mode_per_schema_pattern(tmp_path: Path) -> None:
    """compatibilityModes picks the mode by `$id`; other schemas keep the repository's mode."""
    versions = [version("1.0.0"), version("1.1.0", name_shorter)]
    matched = make_repo(tmp_path / "a", versions, compatibilityModes={"^/test/": "backward"})
    assert [f.pointer for f in compatibility(matched).findings] == ["/properties/name/maxLength"]
    other = make_repo(tmp_path / "b", versions, compatibilityModes={"^/other/": "backward"})
    assert compatibility(other).ok


def test_exception_allows_the_change_and_shows_its_reason(tmp_path: Path) -> None:
    """An exception turns the breaking change into a warning with its reason; the case passes."""
    exception = {
        "schema": "/test/event/1\\.1\\.0",
        "change": "max-length-tightened",
        "reason": "T1234: names are short now",
    }
    root = make_repo(
        tmp_path,
        [version("1.0.0"), version("1.1.0", name_shorter)],
        compatibilityMode="backward",
        compatibilityExceptions=[exception],
    )
    report = compatibility(root)
    assert report.ok and report.counts == {"passed": 1, "failed": 0, "skipped": 0}
    assert outcome(report) == [(PASSED, f"{EVENT}/1.1.0.yaml", "/properties/name/maxLength", "warning")]
    assert report.findings[0].message.endswith("allowed by exception: T1234: names are short now")


def test_exception_is_visible_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """text shows the line with the reason, json marks it a warning, github annotates a warning; exit 0."""
    exception = {"schema": "/test/event/", "change": "max-length-tightened", "reason": "T1234"}
    root = make_repo(
        tmp_path,
        [version("1.0.0"), version("1.1.0", name_shorter)],
        compatibilityMode="backward",
        compatibilityExceptions=[exception],
    )
    monkeypatch.chdir(root)
    assert main(["test", "-r", RULE]) == 0
    text = capsys.readouterr().out
    assert "[max-length-tightened]: allowed by exception: T1234 [schema-version-compatibility]" in text
    assert text.endswith("1 passed, 0 failed, 0 skipped\n")
    assert main(["test", "-r", RULE, "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and [f["severity"] for f in data["findings"]] == ["warning"]
    assert main(["test", "-r", RULE, "-f", "github"]) == 0
    assert capsys.readouterr().out.startswith(f"::warning file={EVENT}/1.1.0.yaml,")


def test_exception_for_another_kind_does_not_apply(tmp_path: Path) -> None:
    """An exception names what it allows: a different kind of change still fails."""
    exception = {"schema": "/test/event/", "change": "type-changed", "reason": "not this one"}
    root = make_repo(
        tmp_path,
        [version("1.0.0"), version("1.1.0", name_shorter)],
        compatibilityMode="backward",
        compatibilityExceptions=[exception],
    )
    assert outcome(compatibility(root)) == [(FAILED, f"{EVENT}/1.1.0.yaml", "/properties/name/maxLength", "error")]


def test_exception_in_the_reference_mode(tmp_path: Path) -> None:
    """Exceptions work in the default mode too (matching the rule ID), keeping the reference's words."""
    exception = {"schema": "/test/event/", "change": RULE, "reason": "T999 made name optional"}
    root = make_repo(
        tmp_path,
        [version("1.0.0"), version("1.1.0", name_optional)],
        compatibilityExceptions=[exception],
    )
    report = compatibility(root)
    assert outcome(report) == [(PASSED, f"{EVENT}/1.1.0.yaml", "/required", "warning")]
    assert "(compared with 1.0.0.yaml): allowed by exception: T999" in report.findings[0].message


def test_breaking_change_within_a_major_fails_and_across_majors_is_allowed(tmp_path: Path) -> None:
    """1.0.0 → 1.1.0 breaking fails (publish 2.0.0); 1.0.0 → 2.0.0 breaking is no case at all, and the
    next version of major 2 is compared with 2.0.0 only."""
    within = make_repo(
        tmp_path / "within", [version("1.0.0"), version("1.1.0", name_shorter)], compatibilityMode="backward"
    )
    (finding,) = compatibility(within).findings
    assert "publish it as 2.0.0" in finding.message
    across = make_repo(
        tmp_path / "across",
        [version("1.0.0"), version("2.0.0", name_shorter), version("2.1.0", name_shorter)],
        compatibilityMode="backward",
    )
    report = compatibility(across)
    assert outcome(report) == [(PASSED, f"{EVENT}/2.1.0.yaml", "", "")]


def test_transitive_mode_compares_with_every_earlier_version(tmp_path: Path) -> None:
    """`count` dropped in 1.1.0 and re-added as a string in 1.2.0: each step is backward compatible
    (lenient), but 1.2.0 cannot read 1.0.0's integer counts — what backward-transitive catches."""

    def drop_count(schema: dict[str, Any]) -> None:
        del schema["properties"]["count"]

    def count_as_string(schema: dict[str, Any]) -> None:
        schema["properties"]["count"] = {"type": "string"}

    versions = [version("1.0.0"), version("1.1.0", drop_count), version("1.2.0", count_as_string)]
    plain = make_repo(tmp_path / "plain", versions, compatibilityMode="backward", compatibilityPolicy="lenient")
    assert compatibility(plain).ok
    transitive = make_repo(
        tmp_path / "transitive",
        versions,
        compatibilityMode="backward-transitive",
        compatibilityPolicy="lenient",
    )
    report = compatibility(transitive)
    assert [(r.case.file, r.status) for r in report.results] == [
        (f"{EVENT}/1.1.0.yaml", PASSED),
        (f"{EVENT}/1.2.0.yaml", FAILED),
    ]
    assert {f.pointer for f in report.findings} == {"/properties/count/type"}
    assert all("compatibility with 1.0.0" in f.message for f in report.findings)


def test_skip_schema_test_cases_still_skips_in_every_mode(tmp_path: Path) -> None:
    """skipSchemaTestCases listing the rule skips the pair, whatever the mode."""
    root = make_repo(
        tmp_path,
        [version("1.0.0"), version("1.1.0", name_shorter)],
        compatibilityMode="full",
        skipSchemaTestCases={"test/event/1.1": [RULE]},
    )
    assert outcome(compatibility(root)) == [(SKIPPED, f"{EVENT}/1.1.0.yaml", "", "")]


def test_settings_are_loaded_once_per_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three pairs, one read of the compatibility settings."""
    from schema_tools.compat import settings as settings_module

    calls: list[object] = []
    real = settings_module.load_settings

    def counting(config: Any, **kwargs: Any) -> Any:
        calls.append(config)
        return real(config, **kwargs)

    monkeypatch.setattr(settings_module, "load_settings", counting)
    root = make_repo(
        tmp_path,
        [version(f"1.{minor}.0") for minor in range(4)],
        compatibilityMode="backward",
    )
    report = compatibility(root)
    assert report.counts == {"passed": 3, "failed": 0, "skipped": 0}
    assert len(calls) == 1
    compatibility(root)
    assert len(calls) == 2  # a new run reads them again (the config may have changed)


def test_cache_notices_a_changed_mode_and_keeps_warnings(tmp_path: Path) -> None:
    """The result cache keys the verdict by the config files too: switching the mode re-checks; a
    warning is never replayed from the cache as a failure."""
    root = make_repo(tmp_path, [version("1.0.0"), version("1.1.0", name_shorter)])
    assert compatibility(root, use_cache=True).ok
    assert compatibility(root, use_cache=True).ok  # from the cache
    config_file = root / ".jsonschema-tools.yaml"
    config_file.write_text(config_file.read_text() + "compatibilityMode: backward\n")
    assert not compatibility(root, use_cache=True).ok
    exception = "compatibilityExceptions: [{schema: /test/, reason: T1}]\n"
    config_file.write_text(config_file.read_text() + exception)
    for _ in range(2):
        report = compatibility(root, use_cache=True)
        assert report.ok and [f.severity for f in report.findings] == ["warning"]


def test_a_wrong_mode_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown mode stops the run with a message that names the key (exit 1, as config errors do)."""
    root = make_repo(tmp_path, [version("1.0.0"), version("1.1.0")], compatibilityMode="sideways")
    monkeypatch.chdir(root)
    assert main(["test", "-r", RULE]) == 1
    assert "compatibilityMode must be one of" in capsys.readouterr().err

"""The checks on real repositories: the reference's verdicts on schemas-event-primary and
mediawiki-event-schemas (../shared/corpora; skipped with the reason when absent), and on jsonschema/."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from schema_tools.checks import FAILED, SKIPPED, Report, check_repository
from schema_tools.config import Config, load_config
from tests.conftest import PROJECT_ROOT

# The 12 tests the reference 1.3.0 reports as pending on schemas-event-primary (mocha, `tests.all()`).
PRIMARY_SKIPPED = {
    ("schema-deterministic-types", "jsonschema/change-prop/continue/1.0.0.yaml"),
    ("schema-deterministic-types", "jsonschema/change-prop/retry/1.0.0.yaml"),
    ("schema-deterministic-types", "jsonschema/development/webrequest/1.0.0.yaml"),
    ("schema-enforced-numeric-bounds", "jsonschema/development/webrequest/1.0.0.yaml"),
    ("schema-deterministic-types", "jsonschema/mediawiki/job/1.0.0.yaml"),
    ("schema-deterministic-types", "jsonschema/mediawiki/recentchange/1.0.0.yaml"),
    ("schema-deterministic-types", "jsonschema/mediawiki/recentchange/1.0.1.yaml"),
    ("schema-deterministic-types", "jsonschema/mediawiki/page/properties-change/1.0.0.yaml"),
    ("schema-version-compatibility", "jsonschema/fragment/http/1.2.0.yaml"),
    ("schema-version-compatibility", "jsonschema/mediawiki/client/error/1.1.0.yaml"),
    ("schema-version-compatibility", "jsonschema/mediawiki/page/change/1.2.0.yaml"),
    ("schema-version-compatibility", "jsonschema/fragment/mediawiki/state/change/page/1.2.0.yaml"),
}


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def private_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Results cached by one test of this module serve the next ones (never the user's own cache)."""
    monkeypatch.setenv("SCHEMA_TOOLS_CACHE_DIR", str(cache_dir))


def failed(report: Report) -> set[tuple[str, str]]:
    return {(r.case.rule.id, r.case.schema_id) for r in report.results if r.status == FAILED}


@pytest.fixture(scope="module")
def primary_config(primary_pristine: Path) -> Config:
    return load_config(cwd=primary_pristine)


def test_primary_passes_with_its_own_config(primary_config: Config) -> None:
    """0 failures, and exactly the reference's 12 skipped cases."""
    report = check_repository(primary_config)
    assert report.findings == []
    assert report.counts["failed"] == 0
    assert {(r.case.rule.id, r.case.file) for r in report.results if r.status == SKIPPED} == PRIMARY_SKIPPED


def skip_entries(repo: Path) -> list[tuple[str, list[str]]]:
    """The skipSchemaTestCases entries, read from the config file itself."""
    data = yaml.safe_load((repo / ".jsonschema-tools.yaml").read_text(encoding="utf-8"))
    return list(data["skipSchemaTestCases"].items())


def test_primary_has_skip_entries(primary_pristine: Path) -> None:
    """The corpus still has the entries the next test removes one by one."""
    assert len(skip_entries(primary_pristine)) == 10


@pytest.mark.parametrize("index", range(10))
def test_removing_one_skip_entry_fails_exactly_its_rules(
    index: int, primary_pristine: Path, primary_config: Config
) -> None:
    """Without entry N, the rules it names fail on schemas its pattern matches, and nothing else fails."""
    pattern, rule_ids = skip_entries(primary_pristine)[index]
    rest = {p: tuple(r) for p, r in skip_entries(primary_pristine) if p != pattern}
    report = check_repository(
        primary_config._replace(skip_schema_test_cases=rest), use_cache=True
    )
    failures = failed(report)
    assert {rule for rule, _ in failures} == set(rule_ids), failures
    assert all(re.search(pattern, schema_id) for _, schema_id in failures), failures


def test_mediawiki_fails_where_the_reference_fails(mediawiki_pristine: Path) -> None:
    """The reference 1.3.0 fails 137 of 982 tests there; the same 137 cases fail here, for these reasons.

    The repository was built with jsonschema-tools 0.5 and predates later checks:
    * numeric bounds (T258659) — 24 versions x 2 content types have unbounded numbers;
    * `latest` links — the 29 titles have neither `latest.yaml` nor `latest`;
    * re-materializing 23 current files today adds the bounds their committed versions lack;
    * 4 schemas (8 files) have objects without properties (primary skips those in its config).
    """
    report = check_repository(load_config(cwd=mediawiki_pristine))
    by_rule = Counter(r.case.rule.id for r in report.results if r.status == FAILED)
    assert by_rule == {
        "schema-enforced-numeric-bounds": 48,
        "structure-latest-link": 29,
        "structure-latest-extensionless-link": 29,
        "structure-current-materialized": 23,
        "schema-deterministic-types": 8,
    }
    assert report.counts["failed"] == 137
    deterministic = {schema_id for rule, schema_id in failed(report) if rule == "schema-deterministic-types"}
    assert deterministic == {
        "/change-prop/continue/1.0.0",
        "/change-prop/retry/1.0.0",
        "/mediawiki/job/1.0.0",
        "/mediawiki/page/properties-change/1.0.0",
    }
    materialized = [f for f in report.findings if f.rule_id == "structure-current-materialized"]
    assert all(re.search(r"/(minimum|maximum)$", f.pointer) for f in materialized if f.pointer)


def test_our_own_repository_passes_every_rule_without_skips() -> None:
    """jsonschema/ (this project's schema repository) fails nothing and skips nothing."""
    config = load_config(cwd=PROJECT_ROOT)
    assert config.skip_schema_test_cases == {} and config.ignore_schemas == ()
    report = check_repository(config)
    assert report.findings == [] and report.counts["skipped"] == 0 and report.counts["passed"] > 100

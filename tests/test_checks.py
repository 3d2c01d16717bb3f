"""Running the rules over a repository: skipping, ignoring, unreadable files, counts, and the result cache."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from schema_tools.checks import check_repository, prepare, run_case
from schema_tools.config import Config, load_config
from schema_tools.rules.cache import CheckCache

STANDARD = Path(__file__).resolve().parent / "cases" / "_base" / "standard"
EVENT = "jsonschema/test/event"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the known-good standard repository; caches go to tmp_path."""
    monkeypatch.setenv("SCHEMA_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    dest = tmp_path / "repo"
    shutil.copytree(STANDARD, dest, symlinks=True)
    return dest


def configured(repo: Path, **settings: object) -> Config:
    """The repository's config with these keys set in its .jsonschema-tools.yaml."""
    path = repo / ".jsonschema-tools.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(settings)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return load_config(cwd=repo)


def break_compatibility(repo: Path) -> None:
    path = repo / EVENT / "1.1.0.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: integer", "type: number"), encoding="utf-8"
    )


def test_standard_repository_passes(repo: Path) -> None:
    """Every rule passes on the known-good repository, and the counts add up."""
    report = check_repository(load_config(cwd=repo))
    assert report.ok and report.findings == []
    assert report.counts == {"passed": len(report.results), "failed": 0, "skipped": 0}


def test_skip_patterns_are_unanchored_regular_expressions(repo: Path) -> None:
    """`test/event/1.1` (no leading slash) skips the compatibility case of /test/event/1.1.0."""
    break_compatibility(repo)
    assert not check_repository(load_config(cwd=repo), only=["schema-version-compatibility"]).ok
    config = configured(repo, skipSchemaTestCases={"test/event/1.1": ["schema-version-compatibility"]})
    report = check_repository(config, only=["schema-version-compatibility"])
    assert report.counts == {"passed": 0, "failed": 0, "skipped": 1}
    assert report.results[0].case.skip == "test/event/1.1"


def test_skip_lists_of_every_matching_pattern_combine(repo: Path) -> None:
    """Two patterns that both match contribute both their rule lists; a dot matches any character."""
    config = configured(
        repo,
        skipSchemaTestCases={"/test/event/1.1.0": ["schema-is-valid"], "event/1.1": ["schema-is-secure"]},
    )
    report = check_repository(config, only=["schema-is-valid", "schema-is-secure"])
    skipped = {(r.case.rule.id, r.case.file) for r in report.results if r.status == "skipped"}
    assert skipped == {
        ("schema-is-valid", f"{EVENT}/1.1.0.yaml"),
        ("schema-is-secure", f"{EVENT}/1.1.0.yaml"),
        ("schema-is-secure", f"{EVENT}/current.yaml"),  # current.yaml's $id is /test/event/1.1.0 too
    }


def test_structure_rules_can_be_skipped_too(repo: Path) -> None:
    """Unlike the reference, a structure ID in skipSchemaTestCases skips it (matched on current's $id)."""
    (repo / EVENT / "latest.yaml").unlink()
    config = configured(repo, skipSchemaTestCases={"/test/event/": ["structure-latest-link"]})
    report = check_repository(config, only=["structure-latest-link"])
    assert report.counts == {"passed": 0, "failed": 0, "skipped": 1}


def test_ignore_schemas_removes_files_from_the_checks(repo: Path) -> None:
    """ignoreSchemas: the 1.0.0 file is not checked nor counted, and no compatibility pair remains."""
    before = check_repository(load_config(cwd=repo))
    config = configured(repo, ignoreSchemas=["event/1\\.0\\.0$"])
    report = check_repository(config)
    files = {r.case.file for r in report.results}
    assert f"{EVENT}/1.0.0.yaml" not in files and f"{EVENT}/1.1.0.yaml" in files
    assert not [r for r in report.results if r.case.rule.id == "schema-version-compatibility"]
    assert report.ok and len(report.results) < len(before.results)


def test_rule_selection(repo: Path) -> None:
    """`only` runs just those rules; `skip` leaves rules out (and out of the counts)."""
    only = check_repository(load_config(cwd=repo), only=["schema-is-valid"])
    assert {r.case.rule.id for r in only.results} == {"schema-is-valid"}
    skipped = check_repository(load_config(cwd=repo), skip=["schema-is-valid"])
    assert "schema-is-valid" not in {r.case.rule.id for r in skipped.results}
    with pytest.raises(KeyError):
        check_repository(load_config(cwd=repo), only=["no-such-rule"])


def test_unreadable_file_is_a_finding_and_the_rest_is_checked(repo: Path) -> None:
    """A broken version file is reported once; the other files are still checked."""
    (repo / EVENT / "1.0.0.yaml").write_text("title: [broken\n", encoding="utf-8")
    report = check_repository(load_config(cwd=repo))
    readable = [f for f in report.findings if f.rule_id == "structure-file-readable"]
    assert [(f.file, f.pointer) for f in readable] == [(f"{EVENT}/1.0.0.yaml", "")]
    assert "line 2" in readable[0].message
    checked = {r.case.file for r in report.results if r.case.rule.id == "schema-is-valid"}
    assert checked == {f"{EVENT}/1.1.0.yaml"}


def test_finding_fields(repo: Path) -> None:
    """Findings carry rule, $id, file relative to the root, pointer, message and severity."""
    break_compatibility(repo)
    (finding,) = check_repository(load_config(cwd=repo), only=["schema-version-compatibility"]).findings
    assert dataclasses.astuple(finding) == (
        "schema-version-compatibility",
        'changed from "integer" to "number" (compared with 1.0.0.yaml)',
        f"{EVENT}/1.1.0.yaml",
        "/properties/count/type",
        "/test/event/1.1.0",
        "error",
    )


def run_cached(config: Config) -> tuple[list[tuple[str, str, str, str]], int]:
    """Findings (rule, file, pointer, message) and cache hits of one run with the cache."""
    cache = CheckCache.for_config(config)
    ctx, cases = prepare(config, cache=cache)
    results = [run_case(case, ctx) for case in cases]
    cache.save(complete=True)
    findings = [(f.rule_id, f.file, f.pointer, f.message) for r in results for f in r.findings]
    return sorted(findings), cache.hits


def test_cache_reuses_results_and_notices_changes(repo: Path) -> None:
    """A warm run equals a cold one; a changed file is checked again (and so is what read it)."""
    config = load_config(cwd=repo)
    cold, cold_hits = run_cached(config)
    warm, warm_hits = run_cached(config)
    assert cold == warm == [] and cold_hits == 0 and warm_hits > 0
    version = repo / EVENT / "1.1.0.yaml"
    version.write_text(
        version.read_text(encoding="utf-8").replace("A name.", "A new name."), encoding="utf-8"
    )
    changed, _ = run_cached(config)
    uncached = sorted((f.rule_id, f.file, f.pointer, f.message) for f in check_repository(config).findings)
    assert changed == uncached
    assert [(rule, pointer) for rule, _, pointer, _ in changed] == [
        ("structure-current-materialized", "/properties/name/description")
    ]


def test_cache_follows_the_fragments_a_schema_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Changing a referenced fragment's file invalidates the cached materialization of its users."""
    from tests.test_checks_incremental import make_fragment_repository

    monkeypatch.setenv("SCHEMA_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    repo = make_fragment_repository(tmp_path / "repo", monkeypatch)
    config = load_config(cwd=repo)
    assert run_cached(config)[0] == [] and run_cached(config)[0] == []
    fragment = repo / "jsonschema/fragment/common/1.0.0.yaml"
    fragment.write_text(fragment.read_text(encoding="utf-8").replace("maxLength: 64", "maxLength: 65"))
    findings, _ = run_cached(config)
    users = {file for rule, file, _, _ in findings if rule == "structure-current-materialized"}
    # test/user reads fragment/base's materialized file, which did not change.
    assert users == {"jsonschema/fragment/common/1.0.0.yaml", "jsonschema/fragment/base/1.0.0.yaml"}

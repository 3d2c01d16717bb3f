"""Per-rule case directories: tests/cases/<rule-id>/<case>/ describe a repository and the exact findings.

Each case starts from a known-good repository (tests/cases/_base/<base>/, default `standard`) and changes
it as its case.yaml says:

    about: one sentence
    base: standard                 # optional
    config: {contentTypes: [yaml, json]}   # optional, merged into the base's .jsonschema-tools.yaml
    remove: [jsonschema/test/event/latest.yaml]      # optional
    links: {jsonschema/test/event/latest: 1.0.0.yaml}  # optional, (re)created symlinks
    expect:                        # every finding of the case's rule: file and JSON Pointer, exactly
      - {file: jsonschema/test/event/1.1.0.yaml, pointer: /properties/name/type, message: optional substring}

plus any files under files/ (copied over the base). Only the case's own rule runs. A passing case
(`expect: []`) must also have run its rule at least once, so it cannot pass by not applying.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from schema_tools.checks import check_repository
from schema_tools.config import load_config
from schema_tools.rules.registry import rule_ids

CASES = Path(__file__).resolve().parent / "cases"


def iter_cases() -> list[tuple[str, Path]]:
    return [
        (rule_dir.name, case_dir)
        for rule_dir in sorted(CASES.iterdir())
        if rule_dir.is_dir() and not rule_dir.name.startswith("_")
        for case_dir in sorted(rule_dir.iterdir())
        if case_dir.is_dir()
    ]


def load_spec(case_dir: Path) -> dict[str, Any]:
    spec = yaml.safe_load((case_dir / "case.yaml").read_text(encoding="utf-8"))
    assert isinstance(spec, dict) and "expect" in spec and spec.get("about"), f"{case_dir}: bad case.yaml"
    return spec


def build_repository(case_dir: Path, spec: dict[str, Any], destination: Path) -> Path:
    """The case's repository in `destination`: the base, then files/, removals, links and config."""
    repo = destination / "repo"
    shutil.copytree(CASES / "_base" / spec.get("base", "standard"), repo, symlinks=True)
    for path in spec.get("remove", []):
        (repo / path).unlink()
    overlay = case_dir / "files"
    if overlay.is_dir():
        shutil.copytree(overlay, repo, symlinks=True, dirs_exist_ok=True)
    for link, target in spec.get("links", {}).items():
        if os.path.lexists(repo / link):
            (repo / link).unlink()
        (repo / link).symlink_to(target)
    if spec.get("config"):
        config_file = repo / ".jsonschema-tools.yaml"
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        config.update(spec["config"])
        config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    return repo


@pytest.mark.parametrize(
    ("rule_id", "case_dir"), iter_cases(), ids=lambda v: v.name if isinstance(v, Path) else v
)
def test_case(rule_id: str, case_dir: Path, tmp_path: Path) -> None:
    """The rule reports exactly the expected findings (rule ID, file, JSON Pointer) on the case repository."""
    spec = load_spec(case_dir)
    repo = build_repository(case_dir, spec, tmp_path)
    report = check_repository(load_config(cwd=repo), only=[rule_id])
    found = Counter((f.rule_id, f.file, f.pointer) for f in report.findings)
    expected = Counter((rule_id, e["file"], e["pointer"]) for e in spec["expect"])
    assert found == expected, "\n".join(f"{f.location}: {f.message}" for f in report.findings)
    for wanted in spec["expect"]:
        if "message" in wanted:
            messages = [
                f.message
                for f in report.findings
                if (f.file, f.pointer) == (wanted["file"], wanted["pointer"])
            ]
            assert any(wanted["message"] in m for m in messages), messages
    if not spec["expect"]:
        assert report.counts["passed"] >= 1, "a passing case must run its rule at least once"
    assert report.counts["skipped"] == 0


def test_every_rule_has_passing_and_failing_cases() -> None:
    """Each registered rule has at least one case without findings and one with findings."""
    kinds: dict[str, set[bool]] = {rule_id: set() for rule_id in rule_ids()}
    for rule_id, case_dir in iter_cases():
        kinds.setdefault(rule_id, set()).add(bool(load_spec(case_dir)["expect"]))
    missing = {rule_id: kind for rule_id, kind in kinds.items() if kind != {True, False}}
    assert not missing, f"rules without both a passing and a failing case: {sorted(missing)}"


def test_case_directories_name_registered_rules() -> None:
    """Every directory under tests/cases/ (but _base) is named after a registered rule."""
    stray = {rule_id for rule_id, _ in iter_cases()} - set(rule_ids())
    assert not stray

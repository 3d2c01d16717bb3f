"""The rule registry: stable IDs, the reference's names, one-line purposes, and the surfaces it drives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from schema_tools.cli.main import main
from schema_tools.rules.listing import render_rules, with_rule_table
from schema_tools.rules.registry import CATEGORIES, SCOPES, all_rules, get_rule, rule_ids, select

DOCS = Path(__file__).resolve().parent.parent / "docs" / "checks.md"

# The test-case names of the reference (skipSchemaTestCases entries in real repositories use them).
REFERENCE_NAMES = {
    "schema-is-valid",
    "schema-is-secure",
    "schema-snake-case-properties",
    "schema-deterministic-types",
    "schema-required-properties-exist",
    "schema-examples-$schema-matches-schema-$id",
    "schema-examples-are-valid",
    "schema-enforced-numeric-bounds",
    "schema-version-compatibility",
}


def test_reference_names_are_kept_exactly() -> None:
    """Every check the reference named is a rule under that exact name, outside the structure category."""
    assert set(rule_ids()) >= REFERENCE_NAMES
    for rule_id in REFERENCE_NAMES:
        assert get_rule(rule_id).category != "structure"
        assert get_rule(rule_id).named_by_reference


def test_rule_records_are_complete() -> None:
    """IDs are unique kebab-case, each rule has a category, a scope and a one-line purpose."""
    ids = rule_ids()
    assert len(ids) == len(set(ids))
    for rule in all_rules():
        assert re.fullmatch(r"[a-z$]+(-[a-z$]+)*", rule.id), rule.id
        assert rule.category in CATEGORIES and rule.scope in SCOPES
        assert rule.purpose.endswith(".") and "\n" not in rule.purpose, rule.id
        assert rule.applies_to
    structure = [r.id for r in all_rules() if r.category == "structure"]
    assert structure and all(rule_id.startswith("structure-") for rule_id in structure)


def test_select_by_id() -> None:
    """--rule / --skip-rule selection keeps registry order and refuses unknown IDs."""
    assert [r.id for r in select(["schema-is-valid", "structure-has-current"])] == [
        "structure-has-current",
        "schema-is-valid",
    ]
    assert "schema-is-valid" not in [r.id for r in select(skip=["schema-is-valid"])]
    with pytest.raises(KeyError, match="unknown rule ID nope"):
        select(["nope"])


def test_docs_table_is_generated_from_the_registry() -> None:
    """docs/checks.md holds exactly the table `schema-tools rules --format markdown` prints."""
    document = DOCS.read_text(encoding="utf-8")
    assert with_rule_table(document) == document
    for rule_id in rule_ids():
        assert f"`{rule_id}`" in document


def test_rules_command_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema-tools rules` in text and JSON."""
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(rule_ids())
    assert main(["rules", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == list(rule_ids())
    assert {r["category"] for r in records} == set(CATEGORIES)
    assert records[-1]["reference"] == "<new> must be compatible with <old>"


def test_markdown_escapes_angle_brackets() -> None:
    """A purpose such as `<version>.<type>` must not turn into an HTML tag in the docs."""
    table = render_rules("markdown")
    assert "&lt;version&gt;.&lt;type&gt;" in table

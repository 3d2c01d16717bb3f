"""The change engine against the registries' own test cases (../shared/corpora/compat).

Confluent: for each case, our `backward` verdict equals its `compatible`, and our change kinds, mapped
with the table of docs/compatibility.md, equal its listed change types. Apicurio: our backward and
forward verdicts give its compatibility level. Each remaining disagreement must be one the docs list
(with the reason we think we are right); the agreement rates are printed (`pytest -s` shows them).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from schema_tools.compat import KINDS, Change, Effect, compare
from tests.conftest import PROJECT_ROOT, SHARED

COMPAT = SHARED / "corpora" / "compat"
DOCS = PROJECT_ROOT / "docs" / "compatibility.md"
_UNOPEN_ADDED = {
    "property-added-to-closed-content-model",
    "property-added-covered-by-partially-open-content-model",
    "property-added-not-covered-by-partially-open-content-model",
}
_MEMBER = re.compile(r"^(.*?/(?:allOf|anyOf|oneOf)/\d+)(?:/|$)")


def corpus(name: str) -> Any:
    path = COMPAT / name
    if not path.is_file():
        pytest.skip(f"compat corpus {path} is absent (it lives in ../shared beside the project checkout)")
    return json.loads(path.read_text(encoding="utf-8"))


def docs_table(heading: str) -> list[list[str]]:
    """The rows of the first markdown table after `heading` in docs/compatibility.md (cells stripped)."""
    text = DOCS.read_text(encoding="utf-8")
    start = text.index(heading)
    rows = []
    for line in text[start:].splitlines()[1:]:
        if line.startswith("|"):
            cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
            if not set(cells[0]) <= {"-", ":", " "}:
                rows.append(cells)
        elif rows:
            break
    return rows[1:]  # without the header row


def confluent_mapping() -> dict[str, set[str]]:
    rows = docs_table("## Our kinds and Confluent's change types")
    return {
        row[0]: {t.strip().strip("`") for t in row[2].split(",") if t.strip() not in ("—", "")}
        for row in rows
    }


def documented_disagreements(heading: str) -> set[str]:
    return {row[0] for row in docs_table(heading)}


def confluent_types(changes: list[Change], mapping: dict[str, set[str]]) -> set[str]:
    """Our changes as Confluent's change types: the table, plus the three rules the docs state."""
    types: set[str] = set()
    groups: dict[str, list[Change]] = {}
    for change in changes:
        member = _MEMBER.match(change.pointer)
        if member and change.kind not in (
            "all-of-member-added",
            "any-of-member-added",
            "one-of-member-added",
        ):
            groups.setdefault(member[1], []).append(change)
            continue
        if "/not/" in change.pointer:
            types.add("NOT_TYPE_NARROWED" if change.effect is Effect.WIDENS else "NOT_TYPE_EXTENDED")
            continue
        types |= mapping[change.kind]
    # Rule 1: a member with a breaking change matches no member for Confluent.
    for group in groups.values():
        if any(c.effect.breaks_backward for c in group):
            types.add("COMBINED_TYPE_SUBSCHEMAS_CHANGED")
        else:
            for change in group:
                types |= mapping[change.kind]
    # Rule 2: a property added to a closed or partially open model and made required is one change.
    required = {c.name for c in changes if c.kind == "required-property-added"}
    unopen = {c.name for c in changes if c.kind in _UNOPEN_ADDED}
    if required & unopen:
        types -= {"OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", "REQUIRED_ATTRIBUTE_ADDED"}
        types.add("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL")
    return types


def test_confluent_cases() -> None:
    """Verdicts and change types agree with Confluent's, except the disagreements the docs explain."""
    cases = corpus("confluent-diff-schema-examples.json")
    mapping = confluent_mapping()
    assert set(mapping) == set(KINDS), "the mapping table must list every kind"
    documented = documented_disagreements("### Where we disagree with Confluent")
    verdicts = kinds = 0
    undocumented = []
    for case in cases:
        changes = compare(case["original_schema"], case["update_schema"])
        compatible = not any(c.effect.breaks_backward for c in changes)
        expected = {c.split(" ", 1)[0] for c in case["changes"]} - {
            "RESERVED_PROPERTY_REMOVED",
            "RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY",
        }
        got = confluent_types(changes, mapping)
        verdicts += compatible == case["compatible"]
        kinds += got == expected
        if (compatible != case["compatible"] or got != expected) and case["description"] not in documented:
            undocumented.append(
                (case["description"], case["compatible"], compatible, sorted(expected), sorted(got))
            )
    total = len(cases)
    print(
        f"\nConfluent: verdicts agree on {verdicts}/{total} ({100 * verdicts / total:.1f}%), "
        f"change types on {kinds}/{total} ({100 * kinds / total:.1f}%)"
    )
    assert undocumented == []
    assert total == 107 and verdicts == total - 7  # the 7 documented disagreements, no more


def test_apicurio_cases() -> None:
    """Backward and forward verdicts give Apicurio's compatibility level in every case."""
    cases = corpus("apicurio-compatibility-test-data.json")["tests"]
    agree = 0
    wrong = []
    for case in cases:
        changes = compare(case["original"], case["updated"])
        backward = not any(c.effect.breaks_backward for c in changes)
        forward = not any(c.effect.breaks_forward for c in changes)
        level = (
            "both" if backward and forward else "backward" if backward else "forward" if forward else "none"
        )
        agree += level == case["compatibility"]
        if level != case["compatibility"]:
            wrong.append((case["id"], case["compatibility"], level))
    print(f"\nApicurio: levels agree on {agree}/{len(cases)} ({100 * agree / len(cases):.1f}%)")
    assert wrong == []


def test_documented_disagreements_are_real() -> None:
    """Every disagreement the docs list still happens (the list does not go stale)."""
    cases = {c["description"]: c for c in corpus("confluent-diff-schema-examples.json")}
    for description in documented_disagreements("### Where we disagree with Confluent"):
        case = cases[description]
        compatible = not any(
            c.effect.breaks_backward for c in compare(case["original_schema"], case["update_schema"])
        )
        assert compatible != case["compatible"], description


def test_kind_table_in_the_docs_matches_the_code() -> None:
    """The docs list every kind with the effect the code gives it."""
    rows = docs_table("## Our kinds and Confluent's change types")
    assert {row[0]: row[1] for row in rows} == {k: v.effect.value for k, v in KINDS.items()}

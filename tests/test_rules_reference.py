"""The ports of the reference's JavaScript pieces agree with the originals, run in Node (golden files).

* `schema_tools.compat.reference_rule` against `assertCompatible` of jsonschema-tools 1.3.0, on the
  external compatibility corpora (both directions) and on hand-made pairs that hit JavaScript quirks;
* `schema_tools.rules.formats` against AJV 6.12.6's 'fast' formats.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from schema_tools.compat.reference_rule import reference_violations
from schema_tools.rules.formats import KNOWN, check_format, js_to_python, utf16_units
from tests.conftest import CORPORA

GOLDEN = Path(__file__).resolve().parent / "cases" / "_golden"


def golden(name: str) -> Any:
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def test_reference_rule_matches_node_on_the_compatibility_corpora() -> None:
    """All 480 verdicts (240 pairs, both directions) equal those of the reference's own function."""
    data = golden("reference-compat-verdicts.json")
    sources = {}
    for name, sha in data["sources"].items():
        path = CORPORA / "compat" / name
        if not path.is_file():
            pytest.skip(f"corpus {path} is absent (it lives in ../shared beside the project checkout)")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha, f"{name} changed since the golden file"
        sources[name] = json.loads(path.read_text(encoding="utf-8"))
    confluent = [
        (c["original_schema"], c["update_schema"]) for c in sources["confluent-diff-schema-examples.json"]
    ]
    apicurio = [
        (c["original"], c["updated"]) for c in sources["apicurio-compatibility-test-data.json"]["tests"]
    ]
    forward = confluent + apicurio
    pairs = forward + [(new, old) for old, new in forward]
    verdicts = [not reference_violations(old, new) for old, new in pairs]
    assert verdicts == data["compatible"]
    assert verdicts.count(False) > 100  # the corpora hold many incompatible pairs: the test can fail


@pytest.mark.parametrize(
    "case", golden("reference-compat-quirks.json")["cases"], ids=lambda c: json.dumps(c["old"])
)
def test_reference_rule_keeps_javascript_quirks(case: dict[str, Any]) -> None:
    """Nulls, properties named `required`/`enum`, strings as enums, 1 == 1.0 but true != 1: as in Node."""
    violations = reference_violations(case["old"], case["new"])
    assert (not violations) == case["compatible"], (case["reference_error"], violations)


def test_reference_rule_pointers_and_messages() -> None:
    """Each violation names the JSON Pointer and what changed."""
    old = {"properties": {"a": {"type": "string"}, "b": {"enum": ["x", "y"]}}, "required": ["a"]}
    new = {"properties": {"b": {"enum": ["x"]}}, "required": ["a", "b"]}
    assert reference_violations(old, new) == [
        ("/properties/a", "`a` was removed"),
        ("/properties/b/enum", 'enum values removed: "y"'),
        ("/required", 'required properties changed (now required: "b"); requiredness cannot change'),
    ]


def test_reference_rule_allows_what_1_3_0_allows() -> None:
    """Added properties and keywords, changed descriptions, $id, examples and maxLength pass."""
    old = {"$id": "/a/1.0.0", "description": "x", "examples": [1], "properties": {"s": {"maxLength": 5}}}
    new = {
        "$id": "/a/1.1.0",
        "description": "y",
        "examples": [],
        "properties": {"s": {"maxLength": 9, "x": 1}},
        "z": 1,
    }
    assert reference_violations(old, new) == []
    assert reference_violations({"properties": {"description": {"type": "string"}}}, {"properties": {}}) == []


def test_formats_match_ajv() -> None:
    """Every AJV fast format on every golden string, except AJV's lenient `regex` (documented)."""
    data = golden("ajv-formats.json")
    assert set(data["verdicts"]) == KNOWN
    mismatches = [
        (name, text)
        for name, verdicts in data["verdicts"].items()
        for text, expected in zip(data["strings"], verdicts, strict=True)
        if check_format(name, text) != expected
    ]
    # Node's Annex B accepts `{var}` as a pattern; jsonschema-rs (ECMA-262 proper) does not.
    assert mismatches == [("regex", "{var}"), ("regex", "http://x/{a,b}"), ("regex", "{+path:3}")]


def test_format_translation_is_ecma_like() -> None:
    """`$` never matches before a trailing newline; non-BMP characters are two UTF-16 units."""
    assert not check_format("date", "2021-01-01\n")
    assert check_format("date-time", "2021-01-01\u00a000:00:00Z")  # JavaScript's \s includes NBSP
    assert (
        js_to_python(r"^[^\s]$")
        == r"^[^\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]\Z"
    )
    assert utf16_units("a\U0001f600") == "a\ud83d\ude00"
    assert check_format("regex", "^[a-z]+$") and not check_format("regex", "a\\Z")

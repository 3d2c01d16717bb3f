"""The change engine beyond single kinds: messages, pointers, `$ref`s, combinators, `not`, odd input."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from schema_tools.compat import Effect, compare
from schema_tools.documents.load import load_file

STR = {"type": "string"}


def kinds(old: Any, new: Any) -> list[tuple[str, str]]:
    return [(c.kind, c.pointer) for c in compare(old, new)]


def test_message_is_past_tense_with_pointer_and_hint() -> None:
    """The issue's example message, word for word, with a hint for the break."""
    old = {"properties": {"name": {"type": "string", "maxLength": 64}}}
    new = {"properties": {"name": {"type": "string", "maxLength": 32}}}
    [change] = compare(old, new)
    assert change.message == "maxLength tightened from 64 to 32 at /properties/name/maxLength"
    assert change.hint == "old documents may not meet 32; keep maxLength at 64"
    assert change.to_json() == {
        "kind": "max-length-tightened",
        "pointer": "/properties/name/maxLength",
        "effect": "narrows",
        "old": 64,
        "new": 32,
        "message": change.message,
        "hint": change.hint,
    }


def test_identical_and_reordered_documents_have_no_changes() -> None:
    """Key order, required order and oneOf order are not changes."""
    old = {
        "type": "object",
        "required": ["a", "b"],
        "properties": {"a": STR, "b": {"oneOf": [STR, {"type": "null"}]}},
    }
    new = {
        "properties": {"b": {"oneOf": [{"type": "null"}, STR]}, "a": STR},
        "required": ["b", "a"],
        "type": "object",
    }
    assert compare(old, new) == []
    assert compare(old, copy.deepcopy(old)) == []


def test_true_and_one_differ_but_one_and_one_point_zero_do_not() -> None:
    """JSON equality: `true` is not `1`; `1` is `1.0`."""
    assert kinds({"const": 1}, {"const": True}) == [("const-changed", "/const")]
    assert kinds({"enum": [1, "a"]}, {"enum": [1.0, "a"]}) == []


def test_const_and_single_value_enum_are_the_same() -> None:
    """`const: x` and `enum: [x]` allow the same value."""
    assert compare({"const": "pi"}, {"enum": ["pi"]}) == []


def test_draft4_and_draft7_exclusive_bounds_compare_by_meaning() -> None:
    """minimum + exclusiveMinimum: true (draft-04) equals exclusiveMinimum: n (draft-07)."""
    draft4 = {"minimum": 10, "exclusiveMinimum": True}
    assert compare(draft4, {"exclusiveMinimum": 10}) == []
    [relaxed] = compare(draft4, {"minimum": 10})
    assert (relaxed.kind, relaxed.effect, relaxed.old, relaxed.new) == (
        "minimum-relaxed",
        Effect.WIDENS,
        "10 (exclusive)",
        10,
    )
    assert kinds({"exclusiveMaximum": 5}, {"maximum": 5}) == [("maximum-relaxed", "/maximum")]


def test_changes_through_refs_are_reported_once_at_the_definition() -> None:
    """Two properties referencing one definition: its change appears once, where it is written."""

    def schema(min_length: int) -> dict[str, Any]:
        return {
            "properties": {"home": {"$ref": "#/definitions/a"}, "work": {"$ref": "#/definitions/a"}},
            "definitions": {"a": {"properties": {"street": {"type": "string", "minLength": min_length}}}},
        }

    [change] = compare(schema(10), schema(5))
    assert (change.kind, change.pointer) == (
        "min-length-relaxed",
        "/definitions/a/properties/street/minLength",
    )
    assert change.via == ("#/definitions/a",)
    assert change.message.endswith("(through $ref #/definitions/a)")


def test_inline_and_referenced_forms_are_the_same() -> None:
    """Moving a subschema behind a `$ref` (or an `$id` anchor) changes nothing."""
    inline = {"properties": {"a": STR}}
    by_pointer = {"properties": {"a": {"$ref": "#/definitions/s"}}, "definitions": {"s": STR}}
    by_anchor = {"properties": {"a": {"$ref": "#s"}}, "definitions": {"s": {"$id": "#s", **STR}}}
    own_id = {
        "$id": "/x/1.0.0",
        "properties": {"a": {"$ref": "/x/1.0.0#/definitions/s"}},
        "definitions": {"s": STR},
    }
    assert compare(inline, by_pointer) == []
    assert compare(by_pointer, inline) == []
    assert kinds(inline, by_anchor) == [("id-changed", "/definitions/s/$id")]  # the anchor itself, neutral
    assert [k for k, _ in kinds(inline, own_id)] == ["id-changed"]


def test_recursive_schemas_terminate() -> None:
    """A schema that refers to itself is compared once per pair of nodes."""

    def person(name_type: str) -> dict[str, Any]:
        return {
            "$ref": "#/definitions/p",
            "definitions": {
                "p": {
                    "properties": {
                        "name": {"type": name_type},
                        "children": {"type": "array", "items": {"$ref": "#/definitions/p"}},
                    }
                }
            },
        }

    assert compare(person("string"), person("string")) == []
    assert kinds(person("string"), person("number")) == [
        ("type-changed", "/definitions/p/properties/name/type")
    ]


def test_not_turns_effects_around() -> None:
    """Narrowing what `not` excludes widens the schema."""
    [change] = compare({"not": {"type": "number"}}, {"not": {"type": "integer"}})
    assert (change.kind, change.effect) == ("type-narrowed", Effect.WIDENS)


def test_plain_schema_becoming_a_union_names_the_new_member() -> None:
    """`string` → oneOf [number, string]: the number member was added, the string one kept."""
    changes = compare({"type": "string", "maxLength": 3}, {"oneOf": [{"type": "number"}, STR]})
    assert [(c.kind, c.pointer, c.effect) for c in changes] == [
        ("max-length-removed", "/maxLength", Effect.WIDENS),
        ("one-of-member-added", "/oneOf/0", Effect.WIDENS),
    ]


def test_edited_member_is_reported_by_its_own_change() -> None:
    """A member that changed is paired with its old self, not reported as removed and added."""
    old = {"anyOf": [STR, {"type": "object", "properties": {"a": STR}}]}
    new = {"anyOf": [{"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}}}, STR]}
    assert kinds(old, new) == [("max-length-added", "/anyOf/0/properties/a/maxLength")]


def test_conditional_branch_reads_types_from_the_enclosing_schema() -> None:
    """`then` stating a type its enclosing schema already states adds nothing."""
    outer = {"properties": {"data": STR}, "if": {"required": ["x"]}}
    old = {**outer, "then": {"properties": {"data": {"pattern": "^a"}}}}
    new = {**outer, "then": {"properties": {"data": STR}}}
    assert kinds(old, new) == [("pattern-removed", "/then/properties/data/pattern")]


def test_odd_documents_do_not_crash() -> None:
    """Values that are not schemas are compared for equality."""
    assert kinds([1], [2]) == [("schema-changed", "")]
    assert kinds({"properties": []}, {"properties": {"a": STR}}) == [
        ("property-added-to-open-content-model", "/properties/a")
    ]
    assert compare(None, None) == []
    assert kinds({"pattern": "(?<=a)b"}, {"pattern": "(?<=a)c"}) == [("pattern-changed", "/pattern")]


def test_pointers_escape_slashes_and_tildes() -> None:
    """Property names with / and ~ are escaped in pointers (RFC 6901)."""
    assert kinds({"properties": {"a/b~c": STR}}, {"properties": {"a/b~c": {"type": "number"}}}) == [
        ("type-changed", "/properties/a~1b~0c/type")
    ]


def test_real_version_pair(primary_pristine: Path) -> None:
    """page/change 1.1.0 → 1.2.0: performer no longer required, nothing else of substance."""
    directory = primary_pristine / "jsonschema" / "mediawiki" / "page" / "change"
    changes = compare(load_file(directory / "1.1.0.yaml"), load_file(directory / "1.2.0.yaml"))
    assert [(c.kind, c.pointer, c.name) for c in changes if c.effect is not Effect.NONE] == [
        ("required-property-removed", "/required", "performer")
    ]
    assert {c.kind for c in changes if c.effect is Effect.NONE} == {"id-changed", "examples-changed"}

"""The change engine, kind by kind: every kind of the table has a case that produces it, at the right
pointer with the right effect, and no other breaking change comes with it."""

from __future__ import annotations

from typing import Any

import pytest

from schema_tools.compat import KINDS, Effect, compare
from schema_tools.compat.kinds import BOUNDS, kebab

N, W, C, NO = Effect.NARROWS, Effect.WIDENS, Effect.CHANGES, Effect.NONE
STR = {"type": "string"}
NUM = {"type": "number"}
INT = {"type": "integer"}


def obj(props: dict[str, Any] | None = None, **more: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props or {}, **more}


def arr(items: Any, **more: Any) -> dict[str, Any]:
    return {"type": "array", "items": items, **more}


# (kind, old, new, pointer, effect)
CASES: list[tuple[str, Any, Any, str, Effect]] = [
    ("title-changed", {"title": "a"}, {"title": "b"}, "/title", NO),
    ("description-changed", {"description": "a"}, {"description": "b"}, "/description", NO),
    ("id-changed", {"$id": "/a/1.0.0"}, {"$id": "/a/1.1.0"}, "/$id", NO),
    ("schema-dialect-changed", {"$schema": "x"}, {"$schema": "y"}, "/$schema", NO),
    ("default-changed", {"default": 1}, {"default": True}, "/default", NO),
    ("examples-changed", {"examples": [1]}, {"examples": [2]}, "/examples", NO),
    ("annotation-changed", {"readOnly": True}, {}, "/readOnly", NO),
    ("annotation-changed", {"x-owner": "a"}, {"x-owner": "b"}, "/x-owner", NO),
    ("type-added", {}, STR, "/type", N),
    ("type-removed", STR, {}, "/type", W),
    ("type-widened", INT, NUM, "/type", W),
    ("type-narrowed", NUM, INT, "/type", N),
    ("type-extended", {"type": "string"}, {"type": ["string", "null"]}, "/type", W),
    ("type-reduced", {"type": ["string", "null"]}, STR, "/type", N),
    ("type-changed", STR, NUM, "/type", C),
    ("enum-added", STR, {**STR, "enum": ["a"]}, "/enum", N),
    ("enum-removed", {**STR, "enum": ["a"]}, STR, "/enum", W),
    ("enum-values-added", {"enum": ["a"]}, {"enum": ["a", "b"]}, "/enum", W),
    ("enum-values-removed", {"enum": ["a", "b"]}, {"enum": ["b"]}, "/enum", N),
    ("const-added", {}, {"const": 1}, "/const", N),
    ("const-removed", {"const": 1}, {}, "/const", W),
    ("const-changed", {"const": 1}, {"const": 2}, "/const", C),
    ("multiple-of-added", NUM, {**NUM, "multipleOf": 2}, "/multipleOf", N),
    ("multiple-of-removed", {**NUM, "multipleOf": 2}, NUM, "/multipleOf", W),
    ("multiple-of-relaxed", {"multipleOf": 10}, {"multipleOf": 5}, "/multipleOf", W),
    ("multiple-of-relaxed", {"multipleOf": 0.3}, {"multipleOf": 0.1}, "/multipleOf", W),
    ("multiple-of-tightened", {"multipleOf": 5}, {"multipleOf": 10}, "/multipleOf", N),
    ("multiple-of-changed", {"multipleOf": 7}, {"multipleOf": 13}, "/multipleOf", C),
    ("unique-items-added", {"type": "array"}, {"type": "array", "uniqueItems": True}, "/uniqueItems", N),
    ("unique-items-removed", {"uniqueItems": True}, {"uniqueItems": False}, "/uniqueItems", W),
    ("required-property-added", obj({"a": STR}), obj({"a": STR}, required=["a"]), "/required", N),
    (
        "required-property-with-default-added",
        obj({"a": {**STR, "default": "x"}}),
        obj({"a": {**STR, "default": "x"}}, required=["a"]),
        "/required",
        NO,
    ),
    ("required-property-removed", obj({"a": STR}, required=["a"]), obj({"a": STR}), "/required", W),
    ("additional-properties-closed", obj(), obj(additionalProperties=False), "/additionalProperties", N),
    ("additional-properties-opened", obj(additionalProperties=False), obj(), "/additionalProperties", W),
    ("additional-properties-narrowed", obj(), obj(additionalProperties=STR), "/additionalProperties", N),
    (
        "additional-properties-widened",
        obj(additionalProperties=STR),
        obj(additionalProperties=True),
        "/additionalProperties",
        W,
    ),
    ("additional-items-closed", arr([STR]), arr([STR], additionalItems=False), "/additionalItems", N),
    ("additional-items-opened", arr([STR], additionalItems=False), arr([STR]), "/additionalItems", W),
    ("additional-items-narrowed", arr([STR]), arr([STR], additionalItems=NUM), "/additionalItems", N),
    ("additional-items-widened", arr([STR], additionalItems=NUM), arr([STR]), "/additionalItems", W),
    ("pattern-property-added", obj(), obj(patternProperties={"^x_": STR}), "/patternProperties/^x_", N),
    (
        "pattern-property-added",
        obj(additionalProperties=False),
        obj(additionalProperties=False, patternProperties={"^x_": STR}),
        "/patternProperties/^x_",
        W,
    ),
    ("pattern-property-removed", obj(patternProperties={"^x_": STR}), obj(), "/patternProperties/^x_", W),
    ("dependency-array-added", obj(), obj(dependencies={"a": ["b"]}), "/dependencies/a", N),
    ("dependency-array-removed", obj(dependencies={"a": ["b"]}), obj(), "/dependencies/a", W),
    (
        "dependency-array-extended",
        obj(dependencies={"a": ["b"]}),
        obj(dependencies={"a": ["b", "c"]}),
        "/dependencies/a",
        N,
    ),
    (
        "dependency-array-narrowed",
        obj(dependencies={"a": ["b", "c"]}),
        obj(dependencies={"a": ["b"]}),
        "/dependencies/a",
        W,
    ),
    (
        "dependency-array-changed",
        obj(dependencies={"a": ["b"]}),
        obj(dependencies={"a": ["c"]}),
        "/dependencies/a",
        C,
    ),
    ("dependency-schema-added", obj(), obj(dependencies={"a": {"required": ["b"]}}), "/dependencies/a", N),
    ("dependency-schema-removed", obj(dependencies={"a": {"required": ["b"]}}), obj(), "/dependencies/a", W),
    (
        "dependency-changed",
        obj(dependencies={"a": ["b"]}),
        obj(dependencies={"a": {"required": ["b"]}}),
        "/dependencies/a",
        C,
    ),
    ("all-of-member-added", {"allOf": [STR]}, {"allOf": [STR, {"maxLength": 3}]}, "/allOf/1", N),
    ("all-of-member-removed", {"allOf": [STR, {"maxLength": 3}]}, {"allOf": [STR]}, "/allOf/1", W),
    ("any-of-member-added", {"anyOf": [STR]}, {"anyOf": [STR, NUM]}, "/anyOf/1", W),
    ("any-of-member-removed", {"anyOf": [STR, NUM]}, {"anyOf": [NUM]}, "/anyOf/0", N),
    ("one-of-member-added", STR, {"oneOf": [NUM, STR]}, "/oneOf/0", W),
    ("one-of-member-removed", {"oneOf": [NUM, STR]}, {"oneOf": [STR]}, "/oneOf/0", N),
    ("all-of-added", STR, {**STR, "allOf": [{"maxLength": 3}]}, "/allOf", N),
    ("all-of-removed", {**STR, "allOf": [{"maxLength": 3}]}, STR, "/allOf", W),
    ("any-of-added", obj(), obj(anyOf=[{"required": ["a"]}, {"required": ["b"]}]), "/anyOf", N),
    ("any-of-removed", obj(anyOf=[{"required": ["a"]}]), obj(), "/anyOf", W),
    ("one-of-added", obj(), obj(oneOf=[{"required": ["a"]}, {"required": ["b"]}]), "/oneOf", N),
    ("one-of-removed", obj(oneOf=[{"required": ["a"]}]), obj(), "/oneOf", W),
    (
        "combinator-widened",
        {"oneOf": [STR, {"maxLength": 3}]},
        {"anyOf": [STR, {"maxLength": 3}]},
        "/anyOf",
        W,
    ),
    (
        "combinator-narrowed",
        {"anyOf": [STR, {"maxLength": 3}]},
        {"allOf": [STR, {"maxLength": 3}]},
        "/allOf",
        N,
    ),
    (
        "combinator-changed",
        {"allOf": [STR, {"maxLength": 3}]},
        {"oneOf": [STR, {"maxLength": 3}]},
        "/oneOf",
        C,
    ),
    ("combinator-rewritten", {"oneOf": [STR]}, {"allOf": [STR]}, "/allOf", NO),
    ("not-added", {}, {"not": STR}, "/not", N),
    ("not-removed", {"not": STR}, {}, "/not", W),
    ("if-added", obj(), obj(**{"if": {"required": ["a"]}}), "/if", C),
    ("if-removed", obj(**{"if": {"required": ["a"]}}), obj(), "/if", C),
    ("if-changed", {"if": {"required": ["a"]}}, {"if": {"required": ["c"]}}, "/if", C),
    (
        "then-added",
        {"if": {"required": ["a"]}},
        {"if": {"required": ["a"]}, "then": {"required": ["b"]}},
        "/then",
        N,
    ),
    (
        "then-removed",
        {"if": {"required": ["a"]}, "then": {"required": ["b"]}},
        {"if": {"required": ["a"]}},
        "/then",
        W,
    ),
    (
        "else-added",
        {"if": {"required": ["a"]}},
        {"if": {"required": ["a"]}, "else": {"required": ["b"]}},
        "/else",
        N,
    ),
    (
        "else-removed",
        {"if": {"required": ["a"]}, "else": {"required": ["b"]}},
        {"if": {"required": ["a"]}},
        "/else",
        W,
    ),
    ("false-schema-added", obj({"a": STR}), obj({"a": False}), "/properties/a", N),
    ("false-schema-removed", obj({"a": False}), obj({"a": STR}), "/properties/a", W),
    ("schema-changed", obj({"a": "nonsense"}), obj({"a": "other nonsense"}), "/properties/a", C),
    ("ref-changed", {"$ref": "/fragment/a/1.0.0#"}, {"$ref": "/fragment/a/2.0.0#"}, "/$ref", C),
    ("pattern-added", STR, {**STR, "pattern": "^a"}, "/pattern", N),
    ("pattern-removed", {**STR, "pattern": "^a"}, STR, "/pattern", W),
    ("pattern-changed", {"pattern": "^a"}, {"pattern": "^b"}, "/pattern", C),
    ("format-added", STR, {**STR, "format": "uri"}, "/format", N),
    ("format-removed", {**STR, "format": "uri"}, STR, "/format", W),
    ("format-changed", {"format": "date-time"}, {"format": "date"}, "/format", C),
    ("content-encoding-added", STR, {**STR, "contentEncoding": "base64"}, "/contentEncoding", N),
    ("content-encoding-removed", {"contentEncoding": "base64"}, {}, "/contentEncoding", W),
    (
        "content-encoding-changed",
        {"contentEncoding": "base64"},
        {"contentEncoding": "7bit"},
        "/contentEncoding",
        C,
    ),
    ("content-media-type-added", {}, {"contentMediaType": "image/png"}, "/contentMediaType", N),
    ("content-media-type-removed", {"contentMediaType": "image/png"}, {}, "/contentMediaType", W),
    (
        "content-media-type-changed",
        {"contentMediaType": "image/png"},
        {"contentMediaType": "image/gif"},
        "/contentMediaType",
        C,
    ),
    ("items-added", {"type": "array"}, arr(STR), "/items", N),
    ("items-removed", arr(STR), {"type": "array"}, "/items", W),
    ("contains-added", {"type": "array"}, {"type": "array", "contains": STR}, "/contains", N),
    ("contains-removed", {"type": "array", "contains": STR}, {"type": "array"}, "/contains", W),
    ("property-names-added", obj(), obj(propertyNames={"maxLength": 9}), "/propertyNames", N),
    ("property-names-removed", obj(propertyNames={"maxLength": 9}), obj(), "/propertyNames", W),
    # Content models of objects …
    ("property-added-to-open-content-model", obj(), obj({"a": STR}), "/properties/a", N),
    (
        "property-with-empty-schema-added-to-open-content-model",
        obj(),
        obj({"a": {"description": "any"}}),
        "/properties/a",
        NO,
    ),
    (
        "property-added-to-closed-content-model",
        obj(additionalProperties=False),
        obj({"a": STR}, additionalProperties=False),
        "/properties/a",
        W,
    ),
    (
        "property-added-covered-by-partially-open-content-model",
        obj(additionalProperties=STR),
        obj({"a": STR}, additionalProperties=STR),
        "/properties/a",
        NO,
    ),
    (
        "property-added-not-covered-by-partially-open-content-model",
        obj(additionalProperties=STR),
        obj({"a": {**STR, "maxLength": 2}}, additionalProperties=STR),
        "/properties/a",
        NO,
    ),
    ("property-removed-from-open-content-model", obj({"a": STR}), obj(), "/properties/a", W),
    (
        "property-removed-from-closed-content-model",
        obj({"a": STR}, additionalProperties=False),
        obj(additionalProperties=False),
        "/properties/a",
        N,
    ),
    (
        "property-with-false-removed-from-closed-content-model",
        obj({"a": False}, additionalProperties=False),
        obj(additionalProperties=False),
        "/properties/a",
        NO,
    ),
    (
        "property-removed-covered-by-partially-open-content-model",
        obj({"a": STR}, additionalProperties=False),
        obj(patternProperties={"^a": STR}, additionalProperties=False),
        "/properties/a",
        NO,
    ),
    (
        "property-removed-not-covered-by-partially-open-content-model",
        obj({"a": STR}, additionalProperties=False),
        obj(additionalProperties=NUM),
        "/properties/a",
        NO,
    ),
    # … and of tuples.
    ("item-added-to-open-content-model", arr([STR]), arr([STR, NUM]), "/items/1", N),
    ("item-with-empty-schema-added-to-open-content-model", arr([STR]), arr([STR, True]), "/items/1", NO),
    (
        "item-added-to-closed-content-model",
        arr([STR], additionalItems=False),
        arr([STR, NUM], additionalItems=False),
        "/items/1",
        W,
    ),
    (
        "item-added-covered-by-partially-open-content-model",
        arr([STR], additionalItems=NUM),
        arr([STR, NUM], additionalItems=NUM),
        "/items/1",
        NO,
    ),
    (
        "item-added-not-covered-by-partially-open-content-model",
        arr([STR], additionalItems=NUM),
        arr([STR, INT], additionalItems=NUM),
        "/items/1",
        NO,
    ),
    ("item-removed-from-open-content-model", arr([STR, NUM]), arr([STR]), "/items/1", W),
    (
        "item-removed-from-closed-content-model",
        arr([STR, NUM], additionalItems=False),
        arr([STR], additionalItems=False),
        "/items/1",
        N,
    ),
    (
        "item-with-false-removed-from-closed-content-model",
        arr([STR, False], additionalItems=False),
        arr([STR], additionalItems=False),
        "/items/1",
        NO,
    ),
    (
        "item-removed-covered-by-partially-open-content-model",
        arr([STR, INT], additionalItems=False),
        arr([STR], additionalItems=NUM),
        "/items/1",
        NO,
    ),
    (
        "item-removed-not-covered-by-partially-open-content-model",
        arr([STR, NUM], additionalItems=False),
        arr([STR], additionalItems=INT),
        "/items/1",
        NO,
    ),
]
for _keyword, _upper in BOUNDS.items():
    _id, _small, _big = kebab(_keyword), {_keyword: 5}, {_keyword: 10}
    CASES += [
        (f"{_id}-added", {}, _small, f"/{_keyword}", N),
        (f"{_id}-removed", _small, {}, f"/{_keyword}", W),
        (f"{_id}-tightened", *((_big, _small) if _upper else (_small, _big)), f"/{_keyword}", N),
        (f"{_id}-relaxed", *((_small, _big) if _upper else (_big, _small)), f"/{_keyword}", W),
    ]


@pytest.mark.parametrize(
    ("kind", "old", "new", "pointer", "effect"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_kind(kind: str, old: Any, new: Any, pointer: str, effect: Effect) -> None:
    """The case yields its kind at its pointer with its effect, and nothing else that breaks."""
    changes = compare(old, new)
    found = [c for c in changes if c.kind == kind]
    assert [(c.pointer, c.effect) for c in found] == [(pointer, effect)], changes
    others = [c for c in changes if c.kind != kind and c.effect is not Effect.NONE]
    assert not others or kind.endswith("covered-by-partially-open-content-model"), others


def test_every_kind_has_a_case() -> None:
    """Each kind of the table is produced by at least one case above."""
    covered = {case[0] for case in CASES} | {"reference-rule-violation"}
    assert sorted(set(KINDS) - covered) == []


def test_kind_ids_are_kebab_case_and_messages_past_tense() -> None:
    """IDs are kebab-case; breaking kinds carry a hint."""
    for kind in KINDS.values():
        assert kind.id == kind.id.lower() and " " not in kind.id and "_" not in kind.id
        if kind.effect is not Effect.NONE and kind.id != "reference-rule-violation":
            assert kind.hint, kind.id

"""Robustness rules: the reference's robustness suite (lib/tests/robustness.js), same names, same conditions.

Each check reports every violation it finds (the reference stopped at the first), with the JSON Pointer
of the offending node. Where the JavaScript original threw a TypeError on odd input (a `null` subschema,
a `required` that is not a list) the test failed; those cases fail here too, with a message saying why.
The traversals are the reference's own: snake_case looks only through `properties` and `allOf`,
required-exists only through `properties`, deterministic-types through `properties`, `items`, map
`additionalProperties`, `allOf` and `oneOf`, and the numeric bounds through json-schema-traverse 0.4.1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from schema_tools.pointer import escape_token
from schema_tools.rules import secure
from schema_tools.rules.jsvalues import describe, js_equal, js_kind, js_truthy
from schema_tools.rules.registry import ROBUSTNESS, Problem, Rule

if TYPE_CHECKING:
    from schema_tools.rules.context import CheckContext
    from schema_tools.rules.inventory import SchemaDoc

_SNAKE_CASE = re.compile(r"[$a-z]+[a-z0-9_]*")  # the reference's /^[$a-z]+[a-z0-9_]*$/, matched whole
_MISSING = object()


def _at(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape_token(str(t)) for t in tokens)


def snake_case_properties(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    yield from _snake_case(doc.document, "")


def _snake_case(node: Any, pointer: str) -> Iterator[Problem]:
    if node is None:
        yield Problem(pointer, "a property schema is null")
        return
    if not isinstance(node, dict):
        return
    all_of = node.get("allOf")
    if isinstance(all_of, list):
        for index, member in enumerate(all_of):
            yield from _snake_case(member, _at(pointer, "allOf", index))
    elif js_truthy(all_of):
        yield Problem(_at(pointer, "allOf"), "allOf must be a list")
    properties = node.get("properties")
    if isinstance(properties, dict):
        for name, member in properties.items():
            here = _at(pointer, "properties", name)
            if not _SNAKE_CASE.fullmatch(name):
                yield Problem(
                    here, f"property name {name!r} is not snake_case (lower case letters, digits, _)"
                )
            yield from _snake_case(member, here)
    elif isinstance(properties, list | str) and properties:
        yield Problem(_at(pointer, "properties"), "properties must be an object")


def deterministic_types(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    yield from _deterministic(doc.document, "")


def _deterministic(node: Any, pointer: str) -> Iterator[Problem]:
    if node is None:
        yield Problem(pointer, "a subschema is null")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if isinstance(kind, list):
        yield Problem(
            _at(pointer, "type"), f"polymorphic type {json.dumps(kind)}: a field must have one type"
        )
    if kind == "array":
        items = node.get("items")
        if not js_truthy(items) or not isinstance(items, dict) or not js_truthy(items.get("type")):
            yield Problem(pointer, "an array must declare the type of its items (items.type)")
        if isinstance(items, dict):
            yield from _deterministic(items, _at(pointer, "items"))
    if kind == "object":
        extra = node.get("additionalProperties")
        if not any(js_truthy(node.get(k)) for k in ("properties", "oneOf", "allOf")) and not js_truthy(extra):
            yield Problem(pointer, "an object must declare its properties, or additionalProperties for a map")
        if js_truthy(extra):
            yield from _deterministic(extra, _at(pointer, "additionalProperties"))
    enum = node.get("enum")
    if isinstance(enum, list) and any(value is None for value in enum):
        yield Problem(_at(pointer, "enum"), "enum must not contain null")
    properties = node.get("properties")
    if isinstance(properties, dict):
        for name, member in properties.items():
            here = _at(pointer, "properties", name)
            if member is None:
                yield Problem(here, "a property schema is null")
                continue
            if not isinstance(member, dict) or not js_truthy(member.get("type")):
                yield Problem(here, "missing type")
            yield from _deterministic(member, here)
    all_of = node.get("allOf")
    if isinstance(all_of, list):
        for index, member in enumerate(all_of):
            yield from _deterministic(member, _at(pointer, "allOf", index))
    elif js_truthy(all_of):
        yield Problem(_at(pointer, "allOf"), "allOf must be a list")
    yield from _one_of(node.get("oneOf"), pointer)


def _one_of(members: Any, pointer: str) -> Iterator[Problem]:
    if not isinstance(members, list) or not members:
        return
    here = _at(pointer, "oneOf")
    first = members[0].get("type", _MISSING) if isinstance(members[0], dict) else _MISSING
    types = [m.get("type", _MISSING) if isinstance(m, dict) else _MISSING for m in members]
    # `schema.type === type`: arrays (union types) are never strictly equal to one another.
    if any(
        t is not first and (isinstance(t, list) or t != first or js_kind(t) != js_kind(first)) for t in types
    ):
        yield Problem(here, "oneOf members must all have the same type")
    elif first == "object":
        shape = members[0].get("required") or []
        for index, member in enumerate(members):
            required = member.get("required")
            if not isinstance(required, list):
                yield Problem(
                    _at(here, index), "oneOf object members must all list their required properties"
                )
            elif set(map(str, shape)) != set(map(str, required)):
                yield Problem(_at(here, index), "oneOf object members must require the same properties")
    for index, member in enumerate(members):
        yield from _deterministic(member, _at(here, index))


def required_properties_exist(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    yield from _required(doc.document, "")


def _required(node: Any, pointer: str) -> Iterator[Problem]:
    if node is None:
        yield Problem(pointer, "a property schema is null")
        return
    if not isinstance(node, dict):
        return
    required = node.get("required")
    properties = node.get("properties")
    if js_truthy(required):
        if not js_truthy(properties):
            yield Problem(
                _at(pointer, "required"), "required properties are listed, but there are no properties"
            )
        elif not isinstance(required, list):
            yield Problem(_at(pointer, "required"), "required must be a list")
        else:
            for index, name in enumerate(required):
                member = (
                    properties.get(name) if isinstance(properties, dict) and isinstance(name, str) else None
                )
                if not js_truthy(member):
                    yield Problem(_at(pointer, "required", index), f"{name!r} is required but does not exist")
    if isinstance(properties, dict):
        for name, member in properties.items():
            yield from _required(member, _at(pointer, "properties", name))


def examples_schema_matches_id(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    schema = doc.document
    examples = schema["examples"]
    if not isinstance(examples, list):
        yield Problem("/examples", "examples must be a list")
        return
    schema_id = schema.get("$id", _MISSING)
    for index, example in enumerate(examples):
        if example is None:
            yield Problem(_at("/examples", index), f"example {index} is null")
            continue
        value = example.get("$schema", _MISSING) if isinstance(example, dict) else _MISSING
        if not _strictly_equal(value, schema_id):
            shown = "no $schema" if value is _MISSING else f"$schema {describe(value)}"
            yield Problem(
                _at("/examples", index, "$schema") if value is not _MISSING else _at("/examples", index),
                f"example {index} has {shown}, but the schema's $id is {describe(schema_id)}",
            )


def _strictly_equal(a: Any, b: Any) -> bool:
    if a is _MISSING or b is _MISSING:
        return a is b
    if isinstance(a, dict | list) or isinstance(b, dict | list):
        return a is b
    return js_equal(a, b)


def enforced_numeric_bounds(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    bounds = ctx.config.enforced_numeric_bounds
    assert bounds is not None
    low, high = bounds
    for pointer, node in traverse(doc.document):
        if node.get("type") not in ("number", "integer"):
            continue
        for keyword in ("minimum", "maximum"):
            value = node.get(keyword, _MISSING)
            if value is _MISSING or js_kind(value) != "number":
                yield Problem(
                    pointer, f"`{keyword}` is missing: numeric fields must be bounded (to {low}..{high})"
                )
            elif not (value >= low if keyword == "minimum" else value <= high):
                yield Problem(
                    _at(pointer, keyword),
                    f"`{keyword}` {describe(value)} is outside the configured bounds {low}..{high}",
                )


_TRAVERSE_ONE = frozenset(
    {"additionalItems", "items", "contains", "additionalProperties", "propertyNames", "not"}
)
_TRAVERSE_MANY = frozenset({"items", "allOf", "anyOf", "oneOf"})
_TRAVERSE_MAPS = frozenset({"definitions", "properties", "patternProperties", "dependencies"})


def traverse(schema: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """json-schema-traverse 0.4.1: every subschema (objects only), pre-order, with its JSON Pointer."""
    if not isinstance(schema, dict):
        return
    yield pointer, schema
    for key, value in schema.items():
        if isinstance(value, list):
            if key in _TRAVERSE_MANY:
                for index, member in enumerate(value):
                    yield from traverse(member, _at(pointer, key, index))
        elif key in _TRAVERSE_MAPS:
            if isinstance(value, dict):
                for name, member in value.items():
                    yield from traverse(member, _at(pointer, key, name))
        elif key in _TRAVERSE_ONE:
            yield from traverse(value, _at(pointer, key))


def _materialized(doc: SchemaDoc, ctx: CheckContext) -> bool:
    return not doc.current


def _has_examples(doc: SchemaDoc, ctx: CheckContext) -> bool:
    return not doc.current and "examples" in doc.document


def _examples_with_schema(doc: SchemaDoc, ctx: CheckContext) -> bool:
    properties = doc.document.get("properties")
    return _has_examples(doc, ctx) and isinstance(properties, dict) and "$schema" in properties


def _bounds_configured(doc: SchemaDoc, ctx: CheckContext) -> bool:
    return not doc.current and ctx.config.enforced_numeric_bounds is not None


def _any(doc: SchemaDoc, ctx: CheckContext) -> bool:
    return doc.readable


_MATERIALIZED, _ALL = "materialized files", "current.yaml and materialized files"
# fmt: off
RULES = (
    Rule("schema-is-valid", ROBUSTNESS, "file", "The schema is valid against the draft-07 metaschema.",
         _MATERIALIZED, secure.schema_is_valid, _materialized, reference="must be a valid JSONSchema"),
    Rule("schema-is-secure", ROBUSTNESS, "file",
         "The schema is secure: `pattern`/`format` have `maxLength`, and so on (as intake services require).",
         _ALL, secure.schema_is_secure, _any, reference="must be a secure JSONSchema"),
    Rule("schema-snake-case-properties", ROBUSTNESS, "file", "Property names are snake_case.",
         _ALL, snake_case_properties, _any, reference="properties must be snake_case"),
    Rule("schema-deterministic-types", ROBUSTNESS, "file",
         "Every field has one type: no unions, typed array items, objects with properties, no null in enum.",
         _MATERIALIZED, deterministic_types, _materialized,
         reference="has deterministic types (no unions, missing array value types, etc.)"),
    Rule("schema-required-properties-exist", ROBUSTNESS, "file", "Every required property is declared.",
         _MATERIALIZED, required_properties_exist, _materialized,
         reference="all required properties must exist"),
    Rule("schema-examples-$schema-matches-schema-$id", ROBUSTNESS, "file",
         "Each example's $schema equals the schema's $id.",
         "materialized files with examples and a $schema property", examples_schema_matches_id,
         _examples_with_schema, reference="examples must have $schema == schema's $id"),
    Rule("schema-examples-are-valid", ROBUSTNESS, "file", "Each example validates against the schema.",
         "materialized files with examples", secure.examples_are_valid, _has_examples,
         reference="examples must validate against schema"),
    Rule("schema-enforced-numeric-bounds", ROBUSTNESS, "file",
         "Every number and integer has a minimum and maximum within enforcedNumericBounds.",
         "materialized files, when bounds are configured", enforced_numeric_bounds, _bounds_configured,
         reference="should have minimum and maximum values inside the configured bounds for all numeric "
                   "fields"),
)
# fmt: on

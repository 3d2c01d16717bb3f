"""Tests for the allOf merge (schema_tools.merge), a port of json-schema-merge-allof 0.6.0.

Every expected value below was produced by the reference itself: the module run under node with the
reference's options (`ignoreAdditionalProperties: true`, `examples` resolved like `title`). The tests
compare key order at every depth (json.dumps without sort_keys) and, where it matters, which objects
are shared, since shared objects become YAML anchors downstream. None of them needs node.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schema_tools.documents.load import load_file
from schema_tools.errors import MergeError
from schema_tools.merge import merge_all_of
from schema_tools.merge_compare import compare
from schema_tools.merge_js import UNDEFINED, is_equal, uniq
from schema_tools.merge_js_order import js_less, sort_by


def _dump(value: Any) -> str:
    """JSON text keeping key order, so that two equal dumps mean equal values *and* equal order."""
    return json.dumps(value, ensure_ascii=False)


def _merge(schema: Any) -> Any:
    return merge_all_of(copy.deepcopy(schema))


CASES = [
    pytest.param(
        {
            "title": "root",
            "type": "object",
            "allOf": [
                {
                    "description": "from fragment",
                    "properties": {"b": {"type": "string"}},
                    "required": ["b"],
                    "additionalProperties": False,
                }
            ],
            "properties": {"a": {"type": "integer"}},
            "required": ["a"],
        },
        {
            "title": "root",
            "type": "object",
            "properties": {"a": {"type": "integer"}, "b": {"type": "string"}},
            "required": ["a", "b"],
            "description": "from fragment",
            "additionalProperties": False,
        },
        id="root_reused_key_order",
    ),
    pytest.param(
        {
            "$id": "/a/1.0.0",
            "title": "A",
            "default": {"x": 1},
            "examples": [{"x": 1}],
            "allOf": [
                {
                    "$id": "/frag/1.0.0",
                    "$schema": "https://json-schema.org/draft-07/schema#",
                    "title": "F",
                    "description": "frag",
                    "default": {"x": 2},
                    "examples": [{"x": 2}],
                }
            ],
        },
        {
            "$id": "/a/1.0.0",
            "title": "A",
            "default": {"x": 1},
            "examples": [{"x": 1}],
            "$schema": "https://json-schema.org/draft-07/schema#",
            "description": "frag",
        },
        id="first_value_wins",
    ),
    pytest.param(
        {"title": "A", "allOf": [{"examples": [{"x": 2}]}, {"examples": [{"x": 3}]}]},
        {"title": "A", "examples": [{"x": 2}]},
        id="fragment_examples_adopted_when_root_has_none",
    ),
    pytest.param(
        {"required": ["b", "a"], "allOf": [{"required": ["a", "b", "a"]}]},
        {"required": ["b", "a"]},
        id="required_single_value_kept_unsorted",
    ),
    pytest.param(
        {
            "required": ["b", "a"],
            "allOf": [{"required": ["_x", "B", "$d", "\u00e9", "Z", "a", "\U0001f600", "\uff5e"]}],
        },
        {"required": ["$d", "B", "Z", "_x", "a", "b", "\u00e9", "\U0001f600", "\uff5e"]},
        id="required_union_sorted_by_code_unit",
    ),
    pytest.param(
        {"enum": ["c", "a", "b", 1, "d"], "allOf": [{"enum": ["b", "c", 1, "a", "z"]}]},
        {"enum": ["a", "b", "c", 1]},
        id="enum_intersection_sorted",
    ),
    pytest.param(
        {
            "enum": [3, "b", 1, "a", None, True, "10", 2, [1], {"k": 1}, False],
            "allOf": [{"enum": [None, True, "a", {"k": 1}, [1], 1, "b", 3, 2, "10", False]}],
        },
        {"enum": [[1], 3, "10", "b", 1, "a", True, 2, {"k": 1}, False, None]},
        id="enum_mixed_types_sorted_like_lodash",
    ),
    pytest.param(
        {
            "properties": {
                "a": {"type": "string"},
                "b": {"type": ["string", "null", "integer"]},
                "c": {"type": ["integer", "null"]},
            },
            "allOf": [
                {
                    "properties": {
                        "a": {"type": ["null", "string"]},
                        "b": {"type": ["integer", "null"]},
                        "c": {"type": ["null", "integer"]},
                    }
                }
            ],
        },
        {
            "properties": {
                "a": {"type": "string"},
                "b": {"type": ["null", "integer"]},
                "c": {"type": ["integer", "null"]},
            }
        },
        id="type_intersection",
    ),
    pytest.param(
        {
            "minimum": 1,
            "maximum": 10,
            "minLength": 2,
            "maxLength": 8,
            "minItems": 0,
            "maxItems": 5,
            "exclusiveMinimum": 0,
            "exclusiveMaximum": 20,
            "minProperties": 1,
            "maxProperties": 9,
            "allOf": [
                {
                    "minimum": 3,
                    "maximum": 7.5,
                    "minLength": 1,
                    "maxLength": 9,
                    "minItems": 1,
                    "maxItems": 3,
                    "exclusiveMinimum": -1,
                    "exclusiveMaximum": 11,
                    "minProperties": 2,
                    "maxProperties": 4,
                }
            ],
        },
        {
            "minimum": 3,
            "maximum": 7.5,
            "minLength": 2,
            "maxLength": 8,
            "minItems": 1,
            "maxItems": 3,
            "exclusiveMinimum": 0,
            "exclusiveMaximum": 11,
            "minProperties": 2,
            "maxProperties": 4,
        },
        id="numeric_bounds",
    ),
    pytest.param(
        {
            "properties": {"a": {"multipleOf": 2}, "b": {"multipleOf": 0.5}, "c": {"multipleOf": 0.1}},
            "allOf": [
                {"properties": {"a": {"multipleOf": 3}, "b": {"multipleOf": 0.2}, "c": {"multipleOf": 0.25}}}
            ],
        },
        {"properties": {"a": {"multipleOf": 6}, "b": {"multipleOf": 1}, "c": {"multipleOf": 0.5}}},
        id="multiple_of_lcm",
    ),
    pytest.param(
        {"uniqueItems": False, "allOf": [{"uniqueItems": True}]},
        {"uniqueItems": True},
        id="unique_items_any_true",
    ),
    pytest.param(
        {"type": "string", "pattern": "^a", "maxLength": 3, "allOf": [{"pattern": "b$"}, {"pattern": "^a"}]},
        {"type": "string", "maxLength": 3, "allOf": [{"pattern": "^a"}, {"pattern": "b$"}]},
        id="pattern_conflict_becomes_allof",
    ),
    pytest.param(
        {"properties": {"a": {"not": {"type": "string"}}}, "allOf": [{"not": {"type": "integer"}}]},
        {
            "properties": {"a": {"not": {"anyOf": [{"type": "string"}]}}},
            "not": {"anyOf": [{"type": "integer"}]},
        },
        id="not_always_wrapped_in_anyof",
    ),
    pytest.param(
        {
            "anyOf": [{"type": "string", "allOf": [{"maxLength": 3}]}, {"type": "integer"}],
            "allOf": [{"anyOf": [{"type": "integer"}, {"allOf": [{"maxLength": 3}], "type": "string"}]}],
        },
        {"anyOf": [{"type": "string", "maxLength": 3}, {"type": "integer"}]},
        id="anyof_single_members_merged",
    ),
    pytest.param(
        {
            "anyOf": [{"type": "string", "title": "s"}, {"type": "integer", "title": "i"}],
            "allOf": [{"anyOf": [{"type": "integer", "title": "I"}, {"type": "null"}]}],
        },
        {"anyOf": [{"type": "integer", "title": "I"}]},
        id="anyof_combinations",
    ),
    pytest.param(
        {
            "oneOf": [{"title": "a1"}, {"title": "a2"}],
            "allOf": [
                {"oneOf": [{"description": "b1"}, {"description": "b2"}]},
                {"oneOf": [{"$comment": "c1"}]},
            ],
        },
        {
            "oneOf": [
                {"$comment": "c1", "description": "b1", "title": "a1"},
                {"$comment": "c1", "description": "b2", "title": "a1"},
                {"$comment": "c1", "description": "b1", "title": "a2"},
                {"$comment": "c1", "description": "b2", "title": "a2"},
            ]
        },
        id="oneof_three_arrays",
    ),
    pytest.param(
        {
            "properties": {
                "z": {"type": "string"},
                "m": {
                    "type": "object",
                    "allOf": [{"properties": {"q": {"type": "integer"}}}],
                    "properties": {"p": {"type": "string"}},
                },
            },
            "allOf": [{"properties": {"a": {"type": "string"}, "m": {"required": ["q"]}}}],
        },
        {
            "properties": {
                "z": {"type": "string"},
                "m": {
                    "type": "object",
                    "required": ["q"],
                    "properties": {"p": {"type": "string"}, "q": {"type": "integer"}},
                },
                "a": {"type": "string"},
            }
        },
        id="properties_union_nested_allof",
    ),
    pytest.param(
        {
            "additionalProperties": False,
            "properties": {"a": {"type": "string"}, "b": False},
            "allOf": [{"properties": {"c": False, "d": {}}}],
        },
        {"additionalProperties": False, "properties": {"a": {"type": "string"}, "d": {}}},
        id="additional_properties_false_drops_false_properties",
    ),
    pytest.param(
        {
            "properties": {},
            "allOf": [
                {
                    "properties": {
                        "a": {
                            "properties": {},
                            "items": {},
                            "patternProperties": {},
                            "additionalProperties": {},
                            "type": "object",
                        }
                    }
                }
            ],
        },
        {"properties": {"a": {"type": "object"}}},
        id="nested_empty_groups_removed_root_kept",
    ),
    pytest.param(
        {
            "properties": {
                "a": {"additionalProperties": {}, "allOf": [{"additionalProperties": False}]},
                "b": {"additionalProperties": False, "allOf": [{"additionalProperties": {}}]},
            }
        },
        {"properties": {"a": {"additionalProperties": False}, "b": {"additionalProperties": False}}},
        id="false_equals_empty_schema_in_compare",
    ),
    pytest.param(
        {
            "properties": {"a": {}, "b": {"minLength": 0}},
            "allOf": [{"properties": {"a": {"minLength": 0}, "b": {}}}],
        },
        {"properties": {"a": {}, "b": {"minLength": 0}}},
        id="missing_min_length_equals_zero",
    ),
    pytest.param(
        {
            "properties": {"a": {"type": "string", "title": "x", "description": "one"}},
            "allOf": [{"properties": {"a": {"type": "string", "title": "y", "description": "two"}}}],
        },
        {"properties": {"a": {"type": "string", "title": "x", "description": "one"}}},
        id="title_and_description_are_compared",
    ),
    pytest.param(
        {
            "properties": {
                "a": {"type": "string", "allOf": [False]},
                "b": {"allOf": [True, {"type": "integer"}]},
            }
        },
        {"properties": {"a": False, "b": {"type": "integer"}}},
        id="false_member_makes_property_false",
    ),
    pytest.param(
        {
            "items": {"type": "object", "properties": {"a": {"type": "string"}}},
            "allOf": [{"items": {"properties": {"b": {"type": "integer"}}, "required": ["b"]}}],
        },
        {
            "items": {
                "type": "object",
                "required": ["b"],
                "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
            }
        },
        id="items_schema_merged",
    ),
    pytest.param(
        {
            "items": [{"type": "string"}, {"type": "integer"}],
            "additionalItems": {"type": "boolean"},
            "allOf": [{"items": [{"maxLength": 3}, {"minimum": 0}, {"const": True}]}],
        },
        {
            "items": [
                {"type": "string", "maxLength": 3},
                {"type": "integer", "minimum": 0},
                {"type": "boolean", "const": True},
            ],
            "additionalItems": {"type": "boolean"},
        },
        id="items_tuple_with_additional_items",
    ),
    pytest.param(
        {
            "items": [False, False, {"type": "string"}, False],
            "allOf": [{"items": [{}, {}, {}, {}], "additionalItems": False}],
        },
        {"items": [False, {"type": "string"}], "additionalItems": False},
        id="items_additional_false_removes_false_skipping_next",
    ),
    pytest.param(
        {
            "items": {"type": "string"},
            "allOf": [{"items": [{"maxLength": 2}, {"maxLength": 3}], "additionalItems": {"minLength": 1}}],
        },
        {
            "items": [{"type": "string", "maxLength": 2}, {"type": "string", "maxLength": 3}],
            "additionalItems": {"type": "string", "minLength": 1},
        },
        id="items_object_with_tuple",
    ),
    pytest.param(
        {"items": {"type": "string"}, "additionalItems": False, "allOf": [{"items": {"maxLength": 2}}]},
        {"items": {"type": "string", "maxLength": 2}, "additionalItems": False},
        id="items_schema_drops_additional_items",
    ),
    pytest.param(
        {
            "definitions": {"a": {"type": "string"}, "b": {"type": "integer"}},
            "dependencies": {"x": ["b", "a"], "y": {"required": ["q"]}, "z": ["c"]},
            "allOf": [
                {
                    "definitions": {"a": {"maxLength": 2}, "c": {"type": "null"}},
                    "dependencies": {"x": ["c", "a"], "y": ["r"], "z": ["c"]},
                }
            ],
        },
        {
            "definitions": {
                "a": {"type": "string", "maxLength": 2},
                "b": {"type": "integer"},
                "c": {"type": "null"},
            },
            "dependencies": {"x": ["a", "b", "c"], "y": {"required": ["q", "r"]}, "z": ["c"]},
        },
        id="definitions_and_dependencies",
    ),
    pytest.param(
        {
            "contains": {"type": "string"},
            "propertyNames": {"maxLength": 5},
            "allOf": [{"contains": {"minLength": 2}, "propertyNames": {"pattern": "^a"}}],
        },
        {"contains": {"type": "string", "minLength": 2}, "propertyNames": {"maxLength": 5, "pattern": "^a"}},
        id="contains_and_property_names_merged",
    ),
    pytest.param(
        {
            "properties": {"b": {"type": "string"}, "10": {"type": "string"}},
            "allOf": [{"properties": {"2": {"type": "integer"}, "a": {"type": "null"}}}],
        },
        {
            "properties": {
                "2": {"type": "integer"},
                "10": {"type": "string"},
                "b": {"type": "string"},
                "a": {"type": "null"},
            }
        },
        id="array_index_keys_first",
    ),
    pytest.param(
        {
            "title": "r",
            "allOf": [
                {"title": "m1", "required": ["c"], "allOf": [{"required": ["b"], "description": "m1a"}]},
                {"required": ["a"], "description": "m2"},
            ],
        },
        {"title": "r", "required": ["a", "b", "c"], "description": "m1a"},
        id="nested_allof_in_member_depth_first",
    ),
    pytest.param(
        {"allOf": [True, {"type": "string"}, True]},
        {"type": "string"},
        id="true_members_ignored",
    ),
    pytest.param(
        {
            "format": "date-time",
            "x-custom": {"a": 1},
            "allOf": [{"format": "date-time", "x-custom": {"a": 1}}],
        },
        {"format": "date-time", "x-custom": {"a": 1}},
        id="same_values_no_resolver_needed",
    ),
    pytest.param(
        {
            "oneOf": [{"type": "string"}, {"type": ["integer"]}],
            "allOf": [{"oneOf": [{"type": "integer"}, {"type": ["string"]}]}],
        },
        {"oneOf": [{"type": "string"}, {"type": ["integer"]}]},
        id="oneof_dedup_by_compare",
    ),
]


@pytest.mark.parametrize(("schema", "expected"), CASES)
def test_merge_matches_reference(schema: dict[str, Any], expected: Any) -> None:
    """The merged schema equals the reference's, key order included."""
    assert _dump(_merge(schema)) == _dump(expected)


ERRORS = [
    pytest.param(
        {"properties": {"a": {"type": "string"}}, "allOf": [{"properties": {"a": {"type": "integer"}}}]},
        'Could not resolve values for path "properties.a.type"',
        "/properties/a/type",
        id="type_conflict",
    ),
    pytest.param(
        {"enum": ["a"], "allOf": [{"enum": ["b"]}]},
        'Could not resolve values for path "enum"',
        "/enum",
        id="enum_empty_intersection",
    ),
    pytest.param(
        {"enum": [1, 0], "allOf": [{"enum": [True, False]}]},
        'Could not resolve values for path "enum"',
        "/enum",
        id="enum_booleans_are_not_numbers",
    ),
    pytest.param(
        {"properties": {"a": {"format": "date"}}, "allOf": [{"properties": {"a": {"format": "date-time"}}}]},
        "No resolver found for key format",
        "/properties/a/format",
        id="no_resolver_format",
    ),
    pytest.param(
        {"const": 1, "allOf": [{"const": True}]},
        "No resolver found for key const",
        "/const",
        id="no_resolver_const",
    ),
    pytest.param(
        {"oneOf": [{"type": "string"}], "allOf": [{"oneOf": [{"type": "integer"}]}]},
        'Could not resolve values for path "oneOf"',
        "/oneOf",
        id="oneof_no_combination",
    ),
    pytest.param(
        {"items": [{"type": "string"}], "allOf": [{"items": [{"type": "integer"}]}]},
        'Could not resolve values for path "items.0.type"',
        "/items/0/type",
        id="items_type_conflict",
    ),
    pytest.param(
        {"properties": {"a/b": {"allOf": [{"type": "string"}, {"type": "null"}]}}},
        'Could not resolve values for path "properties.a/b.type"',
        "/properties/a~1b/type",
        id="nested_allof_pointer_escaped",
    ),
    pytest.param(
        {"not": 5, "allOf": [{"not": {"type": "string"}}]},
        "cannot compare",
        "/not",
        id="not_a_schema",
    ),
]


@pytest.mark.parametrize(("schema", "message", "pointer"), ERRORS)
def test_merge_errors(schema: dict[str, Any], message: str, pointer: str) -> None:
    """Conflicts the reference rejects raise MergeError with the pointer of the conflicting keyword."""
    with pytest.raises(MergeError) as caught:
        _merge(schema)
    assert caught.value.message.startswith(message)
    assert caught.value.pointer == pointer
    assert pointer in str(caught.value)


def test_merge_error_names_the_values() -> None:
    """The conflict message lists the values that could not be merged."""
    with pytest.raises(MergeError, match='Values: "string", "integer"'):
        _merge({"type": "string", "allOf": [{"type": "integer"}]})


def test_root_false_is_an_error() -> None:
    """An allOf member `false` at the root is refused (the reference returns `false` and fails later)."""
    with pytest.raises(MergeError, match="accept nothing") as caught:
        _merge({"type": "string", "allOf": [False]})
    assert caught.value.pointer == ""


def test_non_array_allof_is_an_error() -> None:
    """A non-array allOf is refused (the reference recurses until the stack overflows)."""
    with pytest.raises(MergeError, match="allOf must be an array"):
        _merge({"properties": {"a": {"allOf": {"type": "string"}}}})


def test_root_object_is_reused() -> None:
    """Like the reference, the root mapping itself is the result, with its allOf removed."""
    schema = {"title": "x", "allOf": [{"type": "string"}]}
    result = merge_all_of(schema)
    assert result is schema
    assert result == {"title": "x", "type": "string"}


def test_root_empty_group_is_kept_from_the_input() -> None:
    """An empty merged group is dropped, so the root keeps its own value (here `properties: {a: false}`)."""
    schema = {
        "additionalProperties": False,
        "properties": {"a": False},
        "allOf": [{"properties": {"a": False}}],
    }
    original_properties = schema["properties"]
    result = merge_all_of(schema)
    assert result["properties"] is original_properties
    assert _dump(result) == _dump({"additionalProperties": False, "properties": {"a": False}})


def _shared_ids(value: Any) -> dict[int, int]:
    """How many times each mapping or list is reached (shared objects are reached more than once)."""
    counts: dict[int, int] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict | list):
            counts[id(node)] = counts.get(id(node), 0) + 1
            if counts[id(node)] == 1:
                for child in node.values() if isinstance(node, dict) else node:
                    walk(child)

    walk(value)
    return counts


def test_sharing_survives_in_values_kept_as_is() -> None:
    """An object shared inside one level's kept values stays shared; merged subschemas are fresh copies."""
    shared = {"k": 1}
    prop = {"type": "string"}
    schema = {
        "default": shared,
        "examples": [shared, shared],
        "properties": {"a": prop, "b": prop},
        "allOf": [{"properties": {"c": prop}}],
    }
    result = merge_all_of(schema)
    assert result["default"] is result["examples"][0] is result["examples"][1]
    assert result["default"] is not shared  # a copy, as lodash cloneDeep makes one
    props = result["properties"]
    assert len({id(props["a"]), id(props["b"]), id(props["c"]), id(prop)}) == 4


def test_same_anyof_member_twice_stays_shared() -> None:
    """Each anyOf member is merged into itself, so a member listed twice is one object in the result."""
    member = {"type": "string"}
    result = merge_all_of({"anyOf": [member, member]})
    assert result["anyOf"][0] is result["anyOf"][1]


# Real dereferenced inputs from schemas-event-primary (the reference's RefParser output), with the
# reference's merge result. Objects shared in the input or output are written
# {"$$shared": n, "$$value": ...} where first met and {"$$sharedref": n} after.
REAL_WORLD = [
    pytest.param(
        (
            '{"title":"w3c/reportingapi/network_error","description":"Browser-generated problem repor'
            "ts, as described by the W3C Reporting API. https://www.w3.org/TR/reporting/ This schema "
            "only accomodates the Network Error Logging API, and not the other report types available"
            ' in the Reporting API. See https://w3c.github.io/network-error-logging/\\n","$id":"/w3c/r'
            'eportingapi/network_error/1.0.0","$schema":"https://json-schema.org/draft-07/schema#","t'
            'ype":"object","additionalProperties":false,"allOf":[{"title":"fragment/w3c/reportingapi/'
            'report","description":"Browser-generated problem reports, as described by the W3C Report'
            "ing API. https://www.w3.org/TR/reporting/ This is a fragment that includes the basic fie"
            "lds part of every report. Each report type should use this fragment when writing their o"
            'wn event schema with the appropriate fields for the \'body\' object.\\n","$id":"/fragm'
            'ent/w3c/reportingapi/report/1.0.0","$schema":"https://json-schema.org/draft-07/schema#",'
            '"type":"object","required":["$schema","meta"],"properties":{"$schema":{"description":"A '
            "URI identifying the JSONSchema for this event. This should match an schema's $id in a sc"
            'hema repository. E.g. /schema/title/1.0.0\\n","type":"string"},"type":{"description":"The'
            ' flavor of the report, like \'network-error\' or \'hpkp\'.","type":"string"},"age":{"de'
            'scription":"The number of milliseconds between the report\'s timestamp and the time the r'
            'eport was sent.\\n","type":"number","maximum":9007199254740991,"minimum":-900719925474099'
            '1},"http":{"type":"object","properties":{"client_ip":{"description":"The http client\'s I'
            "P address, usually set from the X-Client-IP header, the value of which is extracted from"
            ' X-Forwarded-For.","type":"string"},"has_cookies":{"description":"True if the http reque'
            'st has any cookies set","type":"boolean"},"method":{"description":"The HTTP request meth'
            'od (GET, POST, etc.)","type":"string"},"protocol":{"description":"The protocol used for '
            'the request (HTTP or HTTPS)","type":"string"},"request_headers":{"description":"Request '
            'headers sent by the client.  E.g. user-agent, etc.","type":"object","additionalPropertie'
            's":{"type":"string"}},"response_headers":{"description":"Response headers sent back to t'
            'he client (when known).","type":"object","additionalProperties":{"type":"string"}},"stat'
            'us_code":{"description":"The HTTP status code returned for this request (when known)","t'
            'ype":"integer","maximum":9007199254740991,"minimum":-9007199254740991}}},"meta":{"type":'
            '"object","required":["dt","stream"],"properties":{"domain":{"description":"Domain the ev'
            'ent or entity pertains to","type":"string","minLength":1},"dt":{"description":"UTC event'
            ' datetime, in ISO-8601 format","type":"string","format":"date-time","maxLength":128},"id'
            '":{"description":"Unique ID of this event","type":"string"},"request_id":{"description":'
            '"Unique ID of the request that caused the event","type":"string"},"stream":{"description'
            '":"Name of the stream/queue/dataset that this event belongs in","type":"string","minLeng'
            'th":1},"uri":{"description":"Unique URI identifying the event or entity","type":"string"'
            ',"format":"uri-reference","maxLength":8192}}},"url":{"description":"The URL that caused '
            'the report to be generated.","type":"string"},"user_agent":{"description":"The name of t'
            "he User-Agent used at the time of loading the original URL which caused the report to be"
            " generated. This may differ from the User-Agent used in the HTTP request that sent the r"
            'eport due to factors like the original fetch using the \\"request desktop site\\" feature.'
            '\\n","type":"string"}},"examples":[{"$schema":"/fragment/w3c/reportingapi/report/1.0.0","'
            'type":"dolor","age":-6305039478318694,"http":{"client_ip":"dolor","has_cookies":false,"m'
            'ethod":"dolor","protocol":"dolor","request_headers":{"dolorb":"dolor"},"response_headers'
            '":{"dolorb":"dolor"},"status_code":-6305039478318694},"meta":{"domain":"dolor","dt":"202'
            '1-01-01T00:00:00.0Z","id":"dolor","request_id":"dolor","stream":"dolor","uri":"http://ex'
            'ample.org"},"url":"dolor","user_agent":"dolor"}]},{"properties":{"body":{"type":"object"'
            ',"description":"The body of the report, with details on what failed and how.","additiona'
            'lProperties":{"type":"string"},"properties":{"referrer":{"type":"string","description":"'
            'The HTTP Referer header that was sent with the request that failed.\\n"},"sampling_fracti'
            'on":{"type":"number","description":"The sampling_fraction originally requested by the or'
            'igin server in its NEL response header.\\n"},"server_ip":{"type":"string","description":"'
            "Either the IP address of the server to which the user agent sent the failed request, or "
            '\\"\\".\\n"},"protocol":{"type":"string","description":"If available, this is the netw'
            "ork protocol used to fetch the request that failed, as identified by the ALPN Protocol I"
            'D, or \\"\\".\\n"},"method":{"type":"string","description":"The HTTP method name used '
            'when attempting to fetch the failed request (e.g. \\"GET\\", \\"POST\\", etc)\\n"},"stat'
            'us_code":{"type":"integer","description":"Either the HTTP response code of the failed re'
            'quest, or 0 if not applicable.\\n"},"elapsed_time":{"type":"number","description":"In a n'
            "etwork-error report, this is the number of milliseconds between the start of the failed "
            'request and when it was completed or aborted by the user agent.\\n"},"phase":{"type":"str'
            'ing","enum":["dns","connection","application"],"description":"The phase at which the req'
            'uest failed.\\n"},"type":{"type":"string","description":"A string describing the kind of '
            'failure that occurred, like \\"dns.unreachable\\", \\"tcp.refused\\", \\"http.response.r'
            'edirect_loop\\", etc. See https://w3c.github.io/network-error-logging/#predefined-network'
            '-error-types\\n"}}}}}],"examples":[{"$schema":"/w3c/reportingapi/network_error/1.0.0","me'
            'ta":{"$$shared":0,"$$value":{"stream":"w3c.reportingapi.network_error","dt":"2020-09-01T'
            '00:00:00Z"}},"age":0,"type":"network-error","url":"https://www.example.com/","body":{"sa'
            'mpling_fraction":0.5,"referrer":"http://example.com/","server_ip":"123.122.121.120","pro'
            'tocol":"h2","method":"GET","status_code":200,"elapsed_time":823,"type":"http.protocol.er'
            'ror"}},{"$schema":"/w3c/reportingapi/network_error/1.0.0","meta":{"$$sharedref":0},"age"'
            ':0,"type":"network-error","url":"https://widget.com/thing.js","body":{"sampling_fraction'
            '":1,"referrer":"https://www.example.com/","server_ip":"","protocol":"","method":"GET","s'
            'tatus_code":0,"elapsed_time":143,"type":"dns.name_not_resolved"}},{"$schema":"/w3c/repor'
            'tingapi/network_error/1.0.0","meta":{"$$sharedref":0},"age":0,"type":"network-error","ur'
            'l":"https://new-subdomain.example.com/","body":{"sampling_fraction":1,"server_ip":"","pr'
            'otocol":"http/1.1","method":"GET","status_code":0,"elapsed_time":48,"type":"dns.name_not'
            '_resolved"}},{"$schema":"/w3c/reportingapi/network_error/1.0.0","meta":{"$$sharedref":0}'
            ',"age":30654,"body":{"elapsed_time":108,"method":"GET","phase":"connection","protocol":"'
            'http/1.1","referrer":"","sampling_fraction":1,"server_ip":"","status_code":0,"type":"tcp'
            '.refused"},"type":"network-error","url":"https://mcnulty.nucleosynth.space:8443/","user_'
            'agent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/84'
            '.0.4147.135 Safari/537.36"}]}'
        ),
        (
            '{"title":"w3c/reportingapi/network_error","description":"Browser-generated problem repor'
            "ts, as described by the W3C Reporting API. https://www.w3.org/TR/reporting/ This schema "
            "only accomodates the Network Error Logging API, and not the other report types available"
            ' in the Reporting API. See https://w3c.github.io/network-error-logging/\\n","$id":"/w3c/r'
            'eportingapi/network_error/1.0.0","$schema":"https://json-schema.org/draft-07/schema#","t'
            'ype":"object","additionalProperties":false,"examples":[{"$schema":"/w3c/reportingapi/net'
            'work_error/1.0.0","meta":{"$$shared":0,"$$value":{"stream":"w3c.reportingapi.network_err'
            'or","dt":"2020-09-01T00:00:00Z"}},"age":0,"type":"network-error","url":"https://www.exam'
            'ple.com/","body":{"sampling_fraction":0.5,"referrer":"http://example.com/","server_ip":"'
            '123.122.121.120","protocol":"h2","method":"GET","status_code":200,"elapsed_time":823,"ty'
            'pe":"http.protocol.error"}},{"$schema":"/w3c/reportingapi/network_error/1.0.0","meta":{"'
            '$$sharedref":0},"age":0,"type":"network-error","url":"https://widget.com/thing.js","body'
            '":{"sampling_fraction":1,"referrer":"https://www.example.com/","server_ip":"","protocol"'
            ':"","method":"GET","status_code":0,"elapsed_time":143,"type":"dns.name_not_resolved"}},{'
            '"$schema":"/w3c/reportingapi/network_error/1.0.0","meta":{"$$sharedref":0},"age":0,"type'
            '":"network-error","url":"https://new-subdomain.example.com/","body":{"sampling_fraction"'
            ':1,"server_ip":"","protocol":"http/1.1","method":"GET","status_code":0,"elapsed_time":48'
            ',"type":"dns.name_not_resolved"}},{"$schema":"/w3c/reportingapi/network_error/1.0.0","me'
            'ta":{"$$sharedref":0},"age":30654,"body":{"elapsed_time":108,"method":"GET","phase":"con'
            'nection","protocol":"http/1.1","referrer":"","sampling_fraction":1,"server_ip":"","statu'
            's_code":0,"type":"tcp.refused"},"type":"network-error","url":"https://mcnulty.nucleosynt'
            'h.space:8443/","user_agent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, '
            'like Gecko) Chrome/84.0.4147.135 Safari/537.36"}],"required":["$schema","meta"],"propert'
            'ies":{"$schema":{"description":"A URI identifying the JSONSchema for this event. This sh'
            'ould match an schema\'s $id in a schema repository. E.g. /schema/title/1.0.0\\n","type":"s'
            'tring"},"type":{"description":"The flavor of the report, like \'network-error\' or \'h'
            'pkp\'.","type":"string"},"age":{"description":"The number of milliseconds between the rep'
            'ort\'s timestamp and the time the report was sent.\\n","type":"number","maximum":900719925'
            '4740991,"minimum":-9007199254740991},"http":{"type":"object","properties":{"client_ip":{'
            '"description":"The http client\'s IP address, usually set from the X-Client-IP header, th'
            'e value of which is extracted from X-Forwarded-For.","type":"string"},"has_cookies":{"de'
            'scription":"True if the http request has any cookies set","type":"boolean"},"method":{"d'
            'escription":"The HTTP request method (GET, POST, etc.)","type":"string"},"protocol":{"de'
            'scription":"The protocol used for the request (HTTP or HTTPS)","type":"string"},"request'
            '_headers":{"description":"Request headers sent by the client.  E.g. user-agent, etc.","t'
            'ype":"object","additionalProperties":{"type":"string"}},"response_headers":{"description'
            '":"Response headers sent back to the client (when known).","type":"object","additionalPr'
            'operties":{"type":"string"}},"status_code":{"description":"The HTTP status code returned'
            ' for this request (when known)","type":"integer","maximum":9007199254740991,"minimum":-9'
            '007199254740991}}},"meta":{"type":"object","required":["dt","stream"],"properties":{"dom'
            'ain":{"description":"Domain the event or entity pertains to","type":"string","minLength"'
            ':1},"dt":{"description":"UTC event datetime, in ISO-8601 format","type":"string","format'
            '":"date-time","maxLength":128},"id":{"description":"Unique ID of this event","type":"str'
            'ing"},"request_id":{"description":"Unique ID of the request that caused the event","type'
            '":"string"},"stream":{"description":"Name of the stream/queue/dataset that this event be'
            'longs in","type":"string","minLength":1},"uri":{"description":"Unique URI identifying th'
            'e event or entity","type":"string","format":"uri-reference","maxLength":8192}}},"url":{"'
            'description":"The URL that caused the report to be generated.","type":"string"},"user_ag'
            'ent":{"description":"The name of the User-Agent used at the time of loading the original'
            " URL which caused the report to be generated. This may differ from the User-Agent used i"
            "n the HTTP request that sent the report due to factors like the original fetch using the"
            ' \\"request desktop site\\" feature.\\n","type":"string"},"body":{"type":"object","des'
            'cription":"The body of the report, with details on what failed and how.","additionalProp'
            'erties":{"type":"string"},"properties":{"referrer":{"type":"string","description":"The H'
            'TTP Referer header that was sent with the request that failed.\\n"},"sampling_fraction":{'
            '"type":"number","description":"The sampling_fraction originally requested by the origin '
            'server in its NEL response header.\\n"},"server_ip":{"type":"string","description":"Eithe'
            'r the IP address of the server to which the user agent sent the failed request, or \\"\\".'
            '\\n"},"protocol":{"type":"string","description":"If available, this is the network protoc'
            'ol used to fetch the request that failed, as identified by the ALPN Protocol ID, or \\"\\"'
            '.\\n"},"method":{"type":"string","description":"The HTTP method name used when attempting'
            ' to fetch the failed request (e.g. \\"GET\\", \\"POST\\", etc)\\n"},"status_code":{"type'
            '":"integer","description":"Either the HTTP response code of the failed request, or 0 if '
            'not applicable.\\n"},"elapsed_time":{"type":"number","description":"In a network-error re'
            "port, this is the number of milliseconds between the start of the failed request and whe"
            'n it was completed or aborted by the user agent.\\n"},"phase":{"type":"string","enum":["d'
            'ns","connection","application"],"description":"The phase at which the request failed.\\n"'
            '},"type":{"type":"string","description":"A string describing the kind of failure that oc'
            'curred, like \\"dns.unreachable\\", \\"tcp.refused\\", \\"http.response.redirect_loop\\",'
            ' etc. See https://w3c.github.io/network-error-logging/#predefined-network-error-types\\n"'
            "}}}}}"
        ),
        id="w3c/reportingapi/network_error",
    ),
    pytest.param(
        (
            '{"title":"test/event","description":"Schema used for simple tests","$id":"/test/event/1.'
            '0.0","$schema":"https://json-schema.org/draft-07/schema#","type":"object","allOf":[{"tit'
            'le":"fragment/common","description":"Common schema fields for event schemas","$id":"/fra'
            'gment/common/1.0.0","$schema":"https://json-schema.org/draft-07/schema#","type":"object"'
            ',"properties":{"$schema":{"type":"string","description":"A URI identifying the JSONSchem'
            "a for this event. This should match an schema's $id in a schema repository. E.g. /schema"
            '/title/1.0.0\\n"},"meta":{"type":"object","required":["dt","stream"],"properties":{"uri":'
            '{"type":"string","format":"uri-reference","maxLength":8192,"description":"Unique URI ide'
            'ntifying the event or entity"},"request_id":{"type":"string","description":"Unique ID of'
            ' the request that caused the event"},"id":{"type":"string","description":"Unique ID of t'
            'his event"},"dt":{"type":"string","format":"date-time","maxLength":128,"description":"UT'
            'C event datetime, in ISO-8601 format"},"domain":{"type":"string","description":"Domain t'
            'he event or entity pertains to","minLength":1},"stream":{"type":"string","description":"'
            'Name of the stream/queue/dataset that this event belongs in","minLength":1}}}},"required'
            '":["$schema","meta"]},{"properties":{"test":{"type":"string","default":"default value"},'
            '"test_map":{"description":"We want to support \'map\' types using additionalProperties to '
            'specify the value types.  (Keys are always strings.)\\n","type":"object","additionalPrope'
            'rties":{"type":"string"}}}}],"examples":[{"$schema":"/test/event/1.0.0","meta":{"stream"'
            ':"test.event.example","dt":"2019-01-01T00:00:00Z"},"test":"specific test value","test_ma'
            'p":{"key1":"val1","key2":"val2"}}]}'
        ),
        (
            '{"title":"test/event","description":"Schema used for simple tests","$id":"/test/event/1.'
            '0.0","$schema":"https://json-schema.org/draft-07/schema#","type":"object","examples":[{"'
            '$schema":"/test/event/1.0.0","meta":{"stream":"test.event.example","dt":"2019-01-01T00:0'
            '0:00Z"},"test":"specific test value","test_map":{"key1":"val1","key2":"val2"}}],"require'
            'd":["$schema","meta"],"properties":{"$schema":{"type":"string","description":"A URI iden'
            "tifying the JSONSchema for this event. This should match an schema's $id in a schema rep"
            'ository. E.g. /schema/title/1.0.0\\n"},"meta":{"type":"object","required":["dt","stream"]'
            ',"properties":{"uri":{"type":"string","format":"uri-reference","maxLength":8192,"descrip'
            'tion":"Unique URI identifying the event or entity"},"request_id":{"type":"string","descr'
            'iption":"Unique ID of the request that caused the event"},"id":{"type":"string","descrip'
            'tion":"Unique ID of this event"},"dt":{"type":"string","format":"date-time","maxLength":'
            '128,"description":"UTC event datetime, in ISO-8601 format"},"domain":{"type":"string","d'
            'escription":"Domain the event or entity pertains to","minLength":1},"stream":{"type":"st'
            'ring","description":"Name of the stream/queue/dataset that this event belongs in","minLe'
            'ngth":1}}},"test":{"type":"string","default":"default value"},"test_map":{"description":'
            "\"We want to support 'map' types using additionalProperties to specify the value types.  "
            '(Keys are always strings.)\\n","type":"object","additionalProperties":{"type":"string"}}}'
            "}"
        ),
        id="test/event",
    ),
]


def _decode(encoded: Any) -> Any:
    """Rebuild a value written with $$shared markers, with the sharing."""
    shells: dict[int, Any] = {}

    def register(node: Any) -> None:
        if isinstance(node, dict):
            if set(node) == {"$$shared", "$$value"}:
                shells[node["$$shared"]] = [] if isinstance(node["$$value"], list) else {}
                register(node["$$value"])
                return
            for child in node.values():
                register(child)
        elif isinstance(node, list):
            for child in node:
                register(child)

    def build(node: Any) -> Any:
        if isinstance(node, list):
            return [build(child) for child in node]
        if not isinstance(node, dict):
            return node
        if set(node) == {"$$sharedref"}:
            return shells[node["$$sharedref"]]
        if set(node) == {"$$shared", "$$value"}:
            shell = shells[node["$$shared"]]
            inner = node["$$value"]
            if isinstance(shell, list):
                shell.extend(build(child) for child in inner)
            else:
                shell.update((key, build(child)) for key, child in inner.items())
            return shell
        return {key: build(child) for key, child in node.items()}

    register(encoded)
    return build(encoded)


def _encode(value: Any) -> Any:
    """The inverse of _decode: mark objects reached more than once."""
    counts = _shared_ids(value)
    numbers: dict[int, int] = {}

    def enc(node: Any) -> Any:
        if not isinstance(node, dict | list):
            return node
        if counts[id(node)] > 1:
            if id(node) in numbers:
                return {"$$sharedref": numbers[id(node)]}
            numbers[id(node)] = len(numbers)
            return {"$$shared": numbers[id(node)], "$$value": plain(node)}
        return plain(node)

    def plain(node: Any) -> Any:
        if isinstance(node, list):
            return [enc(child) for child in node]
        return {key: enc(child) for key, child in node.items()}

    return enc(value)


@pytest.mark.parametrize(("source", "expected"), REAL_WORLD)
def test_real_world_schema_matches_reference(source: str, expected: str) -> None:
    """A real dereferenced schema merges to the reference's result: values, key order and shared objects."""
    result = merge_all_of(_decode(json.loads(source)))
    assert _dump(_encode(result)) == _dump(json.loads(expected))


# --- the real corpora (skipped when ../shared is absent) ---------------------------------------------


def _materialized_schemas(repo: Path) -> list[Path]:
    return sorted(
        path
        for path in (repo / "jsonschema").rglob("*.yaml")
        if path.name != "current.yaml" and not path.is_symlink()
    )


@pytest.mark.parametrize("corpus", ["primary_pristine", "mediawiki_pristine"])
def test_materialized_schemas_are_merge_fixpoints(corpus: str, request: pytest.FixtureRequest) -> None:
    """Flat materialized schemas survive merging alone, as the only allOf member, or twice.

    Checked against the reference for all 116 files of both corpora (and key order and sharing too).
    """
    repo: Path = request.getfixturevalue(corpus)
    paths = _materialized_schemas(repo)
    assert paths, f"no materialized schemas under {repo}"
    for path in paths:
        schema = load_file(path)
        text = json.dumps(schema, sort_keys=True)
        alone = _merge(schema)
        assert list(alone) == list(schema), path  # the root is reused: its key order is kept
        for wrapped in (alone, _merge({"allOf": [schema]}), _merge({"allOf": [schema, schema]})):
            assert json.dumps(wrapped, sort_keys=True) == text, path


# --- the JavaScript semantics underneath ---------------------------------------------------------------


def test_is_equal_keeps_booleans_and_numbers_apart() -> None:
    """lodash isEqual: true is not 1, 1 is 1.0, key order does not matter."""
    assert not is_equal(True, 1)
    assert not is_equal([0], [False])
    assert is_equal(1, 1.0)
    assert is_equal({"a": 1, "b": [2]}, {"b": [2], "a": 1})


def test_uniq_uses_same_value_zero() -> None:
    """lodash uniq keeps true and 1 apart, and objects by identity."""
    a, b = {"x": 1}, {"x": 1}
    assert uniq([1, True, 1.0, "1", a, b, a]) == [1, True, "1", a, b]


def test_sort_by_orders_like_lodash() -> None:
    """Strings sort by UTF-16 code unit, null and undefined last."""
    assert sort_by(["b", None, "\U0001f600", "\uff5e", "B", UNDEFINED, "$"]) == [
        "$",
        "B",
        "b",
        "\U0001f600",
        "\uff5e",
        None,
        UNDEFINED,
    ]


def test_js_less_coerces_like_javascript() -> None:
    """Mixed comparisons go through numbers unless both sides are strings."""
    assert js_less("10", 9) is False
    assert js_less("10", "9") is True
    assert js_less([1], 2) is True
    assert js_less("a", 1) is False and js_less(1, "a") is False


def test_compare_semantics() -> None:
    """json-schema-compare: false equals {}, sets for required/type, but titles count."""
    assert compare(False, {})
    assert compare({"required": ["a", "b"]}, {"required": ["b", "a"]})
    assert compare({"type": "string"}, {"type": ["string"]})
    assert compare({"minLength": 0}, {})
    assert not compare({"title": "a"}, {"title": "b"})
    assert compare({"dependencies": {"a": ["x"]}}, {"dependencies": {"a": ["y"]}})  # the library's quirk


def test_below_the_root_kept_values_are_copies_and_sharing_stays_within_a_level() -> None:
    """Below the root a level copies what it keeps (with one memo): sharing within the level survives,
    sharing across sibling merges does not, and the input is never changed, as with lodash's cloneDeep."""
    shared = {"k": [1]}
    listed = ["x", "y"]
    nested = {"allOf": [{"type": "string"}, {"minLength": 1}]}
    members = [{"type": "string"}]
    schema = {
        "type": "object",
        "properties": {
            "p": {"default": shared, "examples": [shared], "anyOf": members, "const": members},
            "a": {"enum": listed, "items": nested},
            "b": {"enum": listed, "items": nested},
        },
    }
    result = merge_all_of(schema)
    p, a, b = (result["properties"][name] for name in ("p", "a", "b"))
    assert p["default"] is p["examples"][0] and p["default"] is not shared
    assert p["const"][0] is p["anyOf"][0] and p["const"] is not p["anyOf"] and p["const"] is not members
    assert a["enum"] == b["enum"] == listed and a["enum"] is not b["enum"] and a["enum"] is not listed
    assert a["items"] == b["items"] == {"type": "string", "minLength": 1} and a["items"] is not b["items"]
    assert nested == {"allOf": [{"type": "string"}, {"minLength": 1}]}  # the input keeps its allOf
    assert members == [{"type": "string"}] and shared == {"k": [1]}


def test_results_of_resolvers_below_the_root_are_never_mixed_up() -> None:
    """Two keywords resolved into new objects at one level keep their own values (a copy memo keyed by
    id() must not meet a freed id again)."""
    schema = {"properties": {"p": {"not": {"type": "string"}, "dependencies": {"a": ["b"]}, "title": "t"}}}
    result = merge_all_of(schema)
    p = result["properties"]["p"]
    assert p["not"] == {"anyOf": [{"type": "string"}]}
    assert p["dependencies"] == {"a": ["b"]}
    assert p["not"] is not p["dependencies"]


def test_anyof_member_merged_in_place_is_seen_by_the_levels_other_keywords() -> None:
    """A lone anyOf's members are merged into themselves, in the level's copy of its schemas: where another
    keyword shares a member, it sees the changed member, as in the reference (here `not` is wrapped twice)."""
    member = {"format": False, "not": False, "title": "a"}
    level = {"anyOf": [member, True], "patternProperties": {"b": member}, "const": member}
    schema = {"patternProperties": {"c": level}}
    c = merge_all_of(schema)["patternProperties"]["c"]
    assert c["anyOf"][0] == {"format": False, "not": {"anyOf": [False]}, "title": "a"}
    assert c["const"] is c["anyOf"][0]
    assert c["patternProperties"]["b"]["not"] == {"anyOf": [{"anyOf": [False]}]}

"""Example generation, identical to the reference's json-schema-faker 0.5.0-rcv.34 set-up.

The reference (`@wikimedia/jsonschema-tools` 1.3.0) calls `jsonSchemaFaker.generate(schema)` with
`random: () => 0.15`, `alwaysFakeOptionals: true`, `useDefaultValue: true`, `useExamplesValue: false`,
and two registered formats: `uri-reference` → `http://example.org`, `date-time` →
`2021-01-01T00:00:00.000Z`. Since the random number is a constant, the output is a pure function of the
schema, and this module ports the code paths of jsf's `dist/main.cjs.js` that it goes through: `run`,
`traverse`, `resolveSchema` (allOf merging, oneOf/anyOf "thunks", `$id` clean-up), `clean`, `merge`,
`omitProps`, `notValue`; `typecast`, formats and scalar types are in `schema_tools.examples_types`,
arrays and objects in `schema_tools.examples_objects`, JavaScript value semantics in
`schema_tools.examples_js`, and the regex-driven strings in `schema_tools.randexp`.

Quirks are kept on purpose, e.g. negative values are dropped from an integer `enum` that has a
`minimum`, a property without `type` copies its non-keyword content, `maxLength: 0` does not cut, and
arrays of empty objects lose those objects.

Deliberate deviations, where the reference is not deterministic or crashes:

* formats `date`, `time` and `datetime` use the wall clock in the reference; here they are fixed, like
  the reference's own `date-time`: `date` → `2021-01-01`, `time` → `00:00:00.000Z`, `datetime` →
  `2021-01-01T00:00:00.000Z` (then post-processed as jsf does, e.g. to `2021-01-01T00:00:00.0Z`);
* where jsf would loop forever (e.g. a decimal `multipleOf` it cannot hit, or a `not` of an `enum`
  containing `true`) or throw a TypeError, an `ExampleError` names the subschema instead;
* a `$ref` left in the input is an error (the pipeline dereferences first); the jsf extension keywords
  (`autoIncrement`, `sequentialDate`, …) are refused rather than run;
* `undefined` values, which jsf can leave in objects (and js-yaml then refuses to dump), are dropped;
* `new Date(text)` (the post-processing of `date-time`, `date` and `time` strings) is reproduced for
  the ISO forms and for what the fixed values above can become; other strings, which only a `pattern`
  or `enum` next to such a format can produce and which V8's lenient parser may read, are an error.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

from schema_tools import examples_js as js
from schema_tools import examples_types as types
from schema_tools.errors import ExampleError
from schema_tools.examples_js import UNDEFINED, get, keys, truthy
from schema_tools.examples_objects import array_type, object_type
from schema_tools.examples_types import Path, Pointer, pointer_text
from schema_tools.randexp import RANDOM

__all__ = ["generate_example"]

# jsf's `utils.isKey`: keys whose values `resolveSchema` does not descend into.
_NOT_RESOLVED = frozenset({"enum", "const", "default", "examples", "required", "definitions", "items", "properties"})
# `container.wrap` attaches a `generate` function to a schema holding one of these keys (with or
# without an `x-` prefix): jsf's own extensions, and whatever `{}` inherits from Object.prototype.
_EXTENSION_KEYS = frozenset(
    {
        "autoIncrement",
        "sequentialDate",
        "constructor",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toLocaleString",
        "toString",
        "valueOf",
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
        "__proto__",
    }
)
# jsf's `inferredProperties`, in its order: the type guessed for a schema without `type`.
_INFERRED = (
    ("array", ("additionalItems", "items", "maxItems", "minItems", "uniqueItems")),
    ("integer", ("exclusiveMaximum", "exclusiveMinimum", "maximum", "minimum", "multipleOf")),
    (
        "object",
        (
            "additionalProperties",
            "dependencies",
            "maxProperties",
            "minProperties",
            "patternProperties",
            "properties",
            "required",
        ),
    ),
    ("string", ("maxLength", "minLength", "pattern", "format")),
    ("number", ("exclusiveMaximum", "exclusiveMinimum", "maximum", "minimum", "multipleOf")),
)
_SUBSCHEMA_CONTAINERS = frozenset(
    {"additionalItems", "items", "additionalProperties", "dependencies", "patternProperties", "properties"}
)
_SCALAR_TYPES = ("integer", "number", "string", "boolean", "null")


def generate_example(schema: dict[str, Any]) -> Any:
    """What `jsonSchemaFaker.generate(schema)` returns in the reference (the input is not changed).

    Raises:
        ExampleError: an unknown `format` or `type`, a pattern that cannot be parsed, or a schema on which
            the reference would crash or never finish; `pointer` locates the subschema.
    """
    if not isinstance(schema, dict):
        raise ExampleError(f"Invalid input, expecting object but given {type(schema).__name__}", pointer="")
    # jsf works on `utils.clone(schema)`, which keeps shared subschemas shared, as deepcopy does.
    result = _traverse(copy.deepcopy(schema), [], ())
    return _export(result, {})


# ----------------------------------------------------------------------------------------- traverse


def _traverse(
    schema: Any,
    path: Path,
    pointer: Pointer,
    root_schema: Any = UNDEFINED,
    child_pointers: dict[str, Pointer] | None = None,
) -> Any:
    """jsf's `traverse(schema, path, resolve, rootSchema)`.

    `path` is jsf's (it decides type inference), `pointer` is where the subschema is in the input, for
    error messages; `child_pointers` gives the input location of the entries of a generated `props` map.
    """
    schema = _resolve(schema, path, pointer, child_pointers)
    if not truthy(schema):
        return UNDEFINED
    last = path[-1] if path else None
    if last != "properties":
        if not js.is_object(schema):
            raise ExampleError(f"a schema must be an object, not {js.short(schema)}", pointer=pointer_text(pointer))
        if isinstance(schema, dict):
            if "default" in schema:
                return schema["default"]
            if "template" in schema:
                return _template(schema["template"], root_schema, pointer)
            if "const" in schema:
                return schema["const"]

    not_schema = get(schema, "not")
    if truthy(not_schema) and js.is_object(not_schema):
        schema = _not_value(not_schema, _omit(schema, ("not",)), pointer)
        if schema.get("type") == "object":
            result = _traverse(schema, [*path, "not"], (*pointer, "not"), root_schema)
            return _clean(result, schema)

    thunk = get(schema, "thunk")
    if js.is_function(thunk):
        # The chosen oneOf/anyOf branch, merged; jsf drops rootSchema on this call.
        return _traverse(thunk(root_schema), path, pointer)

    pattern = get(schema, "pattern")
    if isinstance(pattern, str):
        return types.typecast("string", schema, lambda _: types.randexp_at(pattern, pointer), pointer)

    if isinstance(get(schema, "enum"), list):
        return types.typecast(None, schema, lambda _: types.pick(schema["enum"]), pointer)

    if truthy(get(schema, "jsonPath")):
        return schema

    type_ = get(schema, "type")
    if isinstance(type_, list):
        type_ = types.pick(type_)
    elif type_ is UNDEFINED:
        type_ = _infer_type(schema, path)
        if truthy(type_):
            schema["type"] = type_

    if isinstance(type_, str):
        generator = _TYPE_MAP.get(type_)
        if generator is None:
            raise ExampleError(f"unknown primitive {js.short(type_)}", pointer=pointer_text((*pointer, "type")))
        return generator(schema, path, pointer)

    return _copy_generic(schema, path, pointer, child_pointers)


def _copy_generic(schema: Any, path: Path, pointer: Pointer, child_pointers: dict[str, Pointer] | None) -> Any:
    """The end of `traverse` for a schema of no known type: copy it, traversing every object in it."""
    result: Any = [] if isinstance(schema, list) else {}
    for key in keys(schema):
        value = schema[int(key)] if isinstance(schema, list) else schema.get(key, UNDEFINED)
        if (value is None or js.is_object(value)) and key != "definitions":
            where = (child_pointers or {}).get(key, (*pointer, key))
            generated = _clean(_traverse(value, [*path, key], where, result), value)
        else:
            generated = value
        if isinstance(result, list):
            result.append(generated)
        else:
            result[key] = generated
    return result


def _infer_type(schema: Any, path: Path) -> Any:
    """jsf's `inferType`: the first type one of whose keywords the schema uses (not inside containers)."""
    if path and path[-1] in _SUBSCHEMA_CONTAINERS:
        return UNDEFINED
    names = keys(schema)
    for type_name, keywords in _INFERRED:
        if any(name in keywords for name in names):
            return type_name
    return UNDEFINED


def _template(value: Any, root_schema: Any, pointer: Pointer) -> Any:
    def lookup(obj: Any, name: str) -> Any:
        if obj is UNDEFINED or obj is None:
            raise ExampleError(
                "`template` needs a parent schema (TypeError in the reference)", pointer=pointer_text(pointer)
            )
        return get(obj, name)

    return js.template(value, root_schema, lookup)


# ------------------------------------------------------------------------------------------ resolve


def _resolve(sub: Any, root_path: Path, pointer: Pointer, child_pointers: dict[str, Pointer] | None = None) -> Any:
    """jsf's `resolveSchema`: clean `$id`, merge `allOf`, turn `oneOf`/`anyOf` into a thunk; in place."""
    if sub is None or sub is UNDEFINED:
        return None
    if not js.is_object(sub):
        return sub
    if isinstance(sub, dict):
        id_ = sub["$id"] if truthy(sub.get("$id")) else sub.get("id")
        if isinstance(id_, str):
            for key in ("id", "$id", "$schema"):
                sub.pop(key, None)
        if isinstance(sub.get("$ref"), str):
            raise ExampleError(f"unresolved $ref {sub['$ref']!r} (dereference first)", pointer=pointer_text(pointer))
        if isinstance(sub.get("allOf"), list):
            _resolve_all_of(sub, root_path, pointer)
        mix = sub.get("oneOf") if truthy(sub.get("oneOf")) else sub.get("anyOf")
        if isinstance(mix, list):
            enum = sub.get("enum")
            if truthy(enum) and truthy(sub.get("oneOf")):
                if not isinstance(enum, list):
                    raise ExampleError(
                        "`enum` is not an array (TypeError in the reference)",
                        pointer=pointer_text((*pointer, "enum")),
                    )
                sub["enum"] = [x for x in enum if _invalid_somewhere(x, mix)]
            return {"thunk": _make_thunk(sub, mix, pointer)}
    for key in keys(sub):
        value = sub[int(key)] if isinstance(sub, list) else sub[key]
        if js.is_object(value) and key not in _NOT_RESOLVED:
            where = (child_pointers or {}).get(key, (*pointer, key))
            resolved = _resolve(value, [*root_path, key], where)
            if isinstance(sub, list):
                sub[int(key)] = resolved
            else:
                sub[key] = resolved
    if root_path and root_path[-1] in ("properties", "items"):
        return sub
    for key in keys(sub):
        name = key[2:] if key.startswith("x-") else key
        if name in _EXTENSION_KEYS:
            raise ExampleError(
                f"keyword {key!r} triggers a json-schema-faker extension, which is not supported",
                pointer=pointer_text((*pointer, key)),
            )
    return sub


def _resolve_all_of(sub: dict[str, Any], root_path: Path, pointer: Pointer) -> None:
    """Merge each resolved `allOf` member into `sub`, in order (later scalars win, arrays are unioned)."""
    members = sub.pop("allOf")
    for index, member in enumerate(members):
        resolved = _resolve(member, root_path, (*pointer, "allOf", str(index)))
        if resolved is None:
            raise ExampleError(
                "an allOf member is null (TypeError in the reference)",
                pointer=pointer_text((*pointer, "allOf", str(index))),
            )
        thunk = get(resolved, "thunk")
        # A string member merges its characters ('0', '1', …), as `Object.keys` sees them.
        _merge(sub, thunk(sub) if js.is_function(thunk) else resolved)
        if isinstance(sub.get("allOf"), list):
            _resolve(sub, root_path, pointer)


def _invalid_somewhere(value: Any, schemas: list[Any]) -> bool:
    """jsf's `utils.validate` (its name notwithstanding): true unless every schema's bounds hold."""
    return not all(_within_bounds(value, schema) for schema in schemas)


def _within_bounds(value: Any, schema: Any) -> bool:
    """jsf's `validateValueForSchema`: has a minimum or maximum, and the value respects both."""
    low, high = get(schema, "minimum"), get(schema, "maximum")
    if low is UNDEFINED and high is UNDEFINED:
        return False
    return (low is UNDEFINED or js.compare_ge(value, low)) and (high is UNDEFINED or js.compare_le(value, high))


def _make_thunk(sub: dict[str, Any], mix: list[Any], pointer: Pointer) -> Callable[[Any], Any]:
    """The `thunk` of a oneOf/anyOf schema: the schema minus the keyword, merged with the picked branch."""

    def thunk(root_schema: Any) -> Any:
        merged = _omit(sub, ("anyOf", "oneOf"))
        fixed = types.pick(mix)
        if fixed is None or fixed is UNDEFINED:
            raise ExampleError(
                "empty or null oneOf/anyOf branch (TypeError in the reference)", pointer=pointer_text(pointer)
            )
        _merge(merged, fixed)
        # Properties that only other branches require are removed, even from the parent schema.
        for other in mix:
            required = get(other, "required")
            if not truthy(required) or js.strict_equal(other, fixed):
                continue
            if not isinstance(required, list):
                raise ExampleError(
                    "`required` is not an array (TypeError in the reference)", pointer=pointer_text(pointer)
                )
            for key in required:
                name = js.to_string(key)
                if isinstance(merged.get("properties"), dict) and not _includes(merged.get("required"), key):
                    merged["properties"].pop(name, None)
                parent_properties = get(root_schema, "properties")
                if isinstance(parent_properties, dict):
                    parent_properties.pop(name, None)
        return merged

    return thunk


def _includes(values: Any, value: Any) -> bool:
    """`truthy(values) && values.includes(value)` for an array or a string."""
    if isinstance(values, list):
        return any(js.strict_equal(v, value) or (v != v and value != value) for v in values)
    if isinstance(values, str) and values:
        return js.to_string(value) in values
    return False


# ------------------------------------------------------------------------------- merge, omit, clean


def _merge(target: dict[str, Any], source: Any) -> dict[str, Any]:
    """jsf's `utils.merge`: deep merge, arrays unioned by strict equality, other values overwritten."""
    for key in keys(source):
        value = js.member(source, key)
        if not js.is_object(value):
            target[key] = value
        elif isinstance(value, list):
            current = target.get(key, UNDEFINED)
            if not truthy(current):
                current = target[key] = []
            for element in value:
                if isinstance(current, list) and js.index_of(current, element) == -1:
                    current.append(element)
        elif not isinstance(target.get(key), dict):
            target[key] = _merge({}, value)
        else:
            _merge(target[key], value)
    return target


def _omit(schema: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """jsf's `utils.omitProps`: a copy without `names`; arrays sliced, objects merged into new ones."""
    result: dict[str, Any] = {}
    for key in keys(schema):
        if key in names:
            continue
        value = schema[key]
        if isinstance(value, list):
            result[key] = list(value)
        elif isinstance(value, dict):
            result[key] = _merge({}, value)
        elif js.is_function(value):
            result[key] = {}
        else:
            result[key] = value
    return result


def _clean(obj: Any, schema: Any, in_array: bool = False) -> Any:
    """jsf's `utils.clean`: drop empty objects (unless required) and undefined values, in place.

    Objects that end up empty inside an array are removed from it.
    """
    if not truthy(obj) or not js.is_object(obj):
        return obj
    if isinstance(obj, list):
        cleaned = (_clean(value, schema, True) for value in obj)
        return [value for value in cleaned if value is not UNDEFINED]
    for key in keys(obj):
        if key not in obj:
            continue
        value = obj[key]
        if _is_empty(value):
            if _should_clean(key, schema):
                del obj[key]
        else:
            value = _clean(value, schema)
            if not _is_empty(value):
                obj[key] = value
        if key in obj and obj[key] is UNDEFINED:
            del obj[key]
    if not obj and in_array:
        return UNDEFINED
    return obj


def _is_empty(value: Any) -> bool:
    return isinstance(value, dict) and not value


def _should_clean(key: str, schema: Any) -> bool:
    required = get(schema, "required")
    if isinstance(required, list) and _includes(required, key):
        return False
    additional = get(schema, "additionalProperties")
    return not (
        js.is_function(get(schema, "thunk")) or (truthy(additional) and js.is_function(get(additional, "thunk")))
    )


# ------------------------------------------------------------------------------------------------ not


def _not_value(schema: Any, parent: dict[str, Any], pointer: Pointer) -> dict[str, Any]:
    """jsf's `utils.notValue`: a schema for values the `not` subschema rejects (roughly)."""
    result = _merge({}, parent)
    if get(schema, "minimum") is not UNDEFINED:
        result["maximum"] = schema["minimum"]
        result["exclusiveMaximum"] = True
    if get(schema, "maximum") is not UNDEFINED:
        above = js.to_number(schema["maximum"]) > js.to_number(result.get("maximum", UNDEFINED))
        result["minimum"] = 0 if above else schema["maximum"]
        result["exclusiveMinimum"] = True
    if get(schema, "minLength") is not UNDEFINED:
        result["maxLength"] = schema["minLength"]
    if get(schema, "maxLength") is not UNDEFINED:
        above = js.to_number(schema["maxLength"]) > js.to_number(result.get("maxLength", UNDEFINED))
        result["minLength"] = 0 if above else schema["maxLength"]
    type_ = get(schema, "type")
    if truthy(type_):
        excluded = type_ if isinstance(type_, list) else [type_]

        def allowed(candidate: str) -> bool:
            if candidate in ("number", "integer"):
                return all(t not in ("number", "integer") for t in excluded)
            return all(candidate != t for t in excluded)

        result["type"] = types.pick([t for t in _SCALAR_TYPES if allowed(t)])
    elif truthy(get(schema, "enum")):
        enum = schema["enum"]
        # `anyValue()` picks index floor(0.15 * 12) = 1 of its list, which is `true`; jsf draws again while
        # `enum.indexOf(value) !== -1` (a string enum searches for the text "true").
        if isinstance(enum, str):
            taken = "true" in enum
        elif isinstance(enum, list):
            taken = js.index_of(enum, True) != -1
        else:
            raise ExampleError(
                "`not: {enum}` is not an array (TypeError in the reference)", pointer=pointer_text((*pointer, "not"))
            )
        if taken:
            raise ExampleError(
                "`not: {enum}` containing true: the reference loops forever", pointer=pointer_text((*pointer, "not"))
            )
        result["enum"] = [True]
    required = get(schema, "required")
    if truthy(required) and truthy(result.get("properties")) and isinstance(required, list):
        for name in required:
            if isinstance(result["properties"], dict):
                result["properties"].pop(js.to_string(name), None)
    return result


# --------------------------------------------------------------------------------------------- export


def _export(value: Any, memo: dict[int, Any]) -> Any:
    """Plain JSON data: integral doubles become ints, `undefined` and functions are dropped.

    Shared objects stay shared (the reference's YAML writer shows them as anchors).
    """
    if isinstance(value, dict | list):
        if id(value) in memo:
            return memo[id(value)]
        if isinstance(value, list):
            out_list: list[Any] = []
            memo[id(value)] = out_list
            out_list.extend(None if _dropped(v) else _export(v, memo) for v in value)
            return out_list
        out: dict[str, Any] = {}
        memo[id(value)] = out
        for key in keys(value):
            if not _dropped(value[key]):
                out[key] = _export(value[key], memo)
        return out
    if isinstance(value, float) and math.isfinite(value) and value == math.floor(value):
        # -0 stays a float: js-yaml writes it as -0.0.
        return value if value == 0 and math.copysign(1.0, value) < 0 else int(value)
    return value


def _dropped(value: Any) -> bool:
    return value is UNDEFINED or js.is_function(value)


# jsf's `typeMap`; arrays and objects recurse through `_traverse`.
_TYPE_MAP: dict[str, Callable[[Any, Path, Pointer], Any]] = {
    "boolean": lambda schema, path, pointer: RANDOM > 0.5,
    "null": lambda schema, path, pointer: None,
    "array": lambda schema, path, pointer: array_type(schema, path, pointer, _traverse),
    # integerType is numberType on `Object.assign({multipleOf: 1}, schema)`.
    "integer": lambda schema, path, pointer: types.number_type({"multipleOf": 1, **schema}, pointer),
    "number": lambda schema, path, pointer: types.number_type(schema, pointer),
    "object": lambda schema, path, pointer: object_type(schema, path, pointer, _traverse, _merge),
    "string": lambda schema, path, pointer: types.string_type(schema, pointer),
}

"""The checks the reference ran with AJV 6: metaschema validity, the "secure schema" rules, and examples.

They run on jsonschema-rs (draft-07 explicitly, ECMA-262 regular expressions as in the intake services),
with AJV's own metaschema copies (`_metaschemas`) and AJV's 'fast' format checks (`formats`), so a schema
is judged as AJV judged it. Validators are built once per process.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from schema_tools.pointer import escape_token
from schema_tools.rules.registry import Problem

if TYPE_CHECKING:
    import jsonschema_rs

    from schema_tools.rules.context import CheckContext
    from schema_tools.rules.inventory import SchemaDoc

# Where AJV compiles subschemas (so where an unknown `format` made it throw); not `definitions`.
_ONE = ("additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else")
_MANY = ("allOf", "anyOf", "oneOf")
_MAPS = ("properties", "patternProperties", "dependencies")
_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")
_SECURE_WHY = {
    "pattern": "`pattern` needs `maxLength` (matching a pattern against an unbounded string is slow)",
    "format": "`format` needs `maxLength` (checking a format on an unbounded string is slow)",
    "patternProperties": "`patternProperties` needs `propertyNames` with `maxLength`",
    "uniqueItems": "`uniqueItems` over objects or arrays needs `maxItems`",
}


def _no_retrieval(uri: str) -> Any:
    # Materialized schemas hold no `$ref`; one that is left must not send the check to the network.
    raise ValueError(f"$ref {uri} cannot be resolved: materialized schemas must not contain $refs")


@cache
def draft_07_validator() -> jsonschema_rs.Draft7Validator:
    """AJV's draft-07 metaschema with AJV's format checks."""
    import jsonschema_rs

    from schema_tools.rules._metaschemas import draft_07
    from schema_tools.rules.formats import format_checkers

    return jsonschema_rs.Draft7Validator(
        draft_07(), formats=format_checkers(), validate_formats=True, retriever=_no_retrieval
    )


@cache
def secure_validator() -> jsonschema_rs.Draft7Validator:
    """AJV's json-schema-secure metaschema."""
    import jsonschema_rs

    from schema_tools.rules._metaschemas import secure

    return jsonschema_rs.Draft7Validator(secure(), validate_formats=False, retriever=_no_retrieval)


def _pointer(path: Any) -> str:
    return "".join("/" + escape_token(str(token)) for token in path)


def _errors(validator: jsonschema_rs.Draft7Validator, instance: Any) -> Iterator[Any]:
    """The validation errors, or one pseudo-error when the value cannot be handed to jsonschema-rs."""
    try:
        yield from validator.iter_errors(instance)
    except (ValueError, TypeError, OverflowError) as error:  # e.g. a YAML timestamp or a huge integer
        raise _Unvalidatable(str(error)) from None


class _Unvalidatable(Exception):
    pass


def schema_is_valid(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    yield from _validate(draft_07_validator(), doc.document, _validity_message)


def _validity_message(error: Any) -> str | None:
    path = list(error.instance_path)
    if path and path[-1] == "type" and "anyOf" in [str(t) for t in error.schema_path]:
        return f"{error.instance!r} is not a JSON Schema type (" + ", ".join(_TYPES) + " or a list of them)"
    return None


def schema_is_secure(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    yield from _validate(secure_validator(), doc.document, _secure_message)


def _validate(validator: jsonschema_rs.Draft7Validator, document: Any, explain: Any) -> Iterator[Problem]:
    try:
        for error in _errors(validator, document):
            message = (explain(error) if explain else None) or error.message
            yield Problem(_pointer(error.instance_path), message)
    except _Unvalidatable as error:
        yield Problem("", f"cannot be validated: {error}")


def _secure_message(error: Any) -> str | None:
    path = [str(t) for t in error.schema_path]
    if "dependencies" in path:
        keyword = path[path.index("dependencies") + 1] if path.index("dependencies") + 1 < len(path) else ""
        return _SECURE_WHY.get(keyword)
    return None


def examples_are_valid(doc: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    schema = doc.document
    examples = schema["examples"]
    if not isinstance(examples, list):
        yield Problem("/examples", "examples must be a list")
        return
    reason = _why_uncompilable(schema)
    if reason is not None:
        yield Problem(reason[0], f"examples cannot be validated: {reason[1]}")
        return
    import jsonschema_rs

    from schema_tools.rules.formats import format_checkers

    try:
        validator = jsonschema_rs.Draft7Validator(
            schema, formats=format_checkers(), validate_formats=True, retriever=_no_retrieval
        )
    except (jsonschema_rs.ValidationError, jsonschema_rs.ReferencingError, ValueError) as error:
        yield Problem("", f"examples cannot be validated: the schema does not compile: {_first_line(error)}")
        return
    for index, example in enumerate(examples):
        try:
            for failure in _errors(validator, example):
                yield Problem(
                    f"/examples/{index}{_pointer(failure.instance_path)}",
                    f"example {index} does not validate: {failure.message}",
                )
        except _Unvalidatable as unvalidatable:
            yield Problem(f"/examples/{index}", f"example {index} cannot be validated: {unvalidatable}")


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _why_uncompilable(schema: dict[str, Any]) -> tuple[str, str] | None:
    """Why AJV would have thrown compiling `schema` (unknown `$schema`, invalid, unknown format)."""
    from schema_tools.rules._metaschemas import DRAFT_07_URIS
    from schema_tools.rules.formats import KNOWN

    meta = schema.get("$schema")
    if meta is not None and meta not in DRAFT_07_URIS:
        return "/$schema", f"unknown $schema {meta!r} (only draft-07 is known)"
    try:
        first = next(_errors(draft_07_validator(), schema), None)
    except _Unvalidatable as error:
        return "", str(error)
    if first is not None:
        return _pointer(first.instance_path), f"the schema is invalid: {first.message}"
    for pointer, node in iter_compiled_subschemas(schema):
        name = node.get("format")
        if isinstance(name, str) and name not in KNOWN:
            return pointer + "/format", f"unknown format {name!r}"
    return None


def iter_compiled_subschemas(schema: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema a validator compiles, with its JSON Pointer (pre-order)."""
    if not isinstance(schema, dict):
        return
    yield pointer, schema
    for key in _ONE:
        if key in schema:
            yield from iter_compiled_subschemas(schema[key], f"{pointer}/{key}")
    items = schema.get("items")
    if isinstance(items, list):
        for index, item in enumerate(items):
            yield from iter_compiled_subschemas(item, f"{pointer}/items/{index}")
    elif items is not None:
        yield from iter_compiled_subschemas(items, f"{pointer}/items")
    for key in _MANY:
        members = schema.get(key)
        if isinstance(members, list):
            for index, member in enumerate(members):
                yield from iter_compiled_subschemas(member, f"{pointer}/{key}/{index}")
    for key in _MAPS:
        members = schema.get(key)
        if isinstance(members, dict):
            for name, member in members.items():
                yield from iter_compiled_subschemas(member, f"{pointer}/{key}/{escape_token(name)}")

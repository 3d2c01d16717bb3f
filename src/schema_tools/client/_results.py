"""What validating one event gives: a result with the errors, each at a JSON Pointer into the event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schema_tools.errors import SchemaToolsError
from schema_tools.pointer import format_pointer


@dataclass(frozen=True)
class EventError:
    """One reason an event is invalid.

    pointer: RFC 6901 pointer to the value in the event that failed (`""` is the event itself). For
        `required` it is the object that lacks the property, for `additionalProperties` the object
        that has the extra ones: the message names them (as AJV's `instancePath` and jsonschema do).
    keyword: the schema keyword that failed (`type`, `required`, `enum`, `format`, …).
    message: what is wrong, in words.
    schema_pointer: pointer to the failing keyword in the schema (`/properties/meta/required`).
    """

    pointer: str
    keyword: str
    message: str
    schema_pointer: str = ""

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {
            "pointer": self.pointer,
            "keyword": self.keyword,
            "message": self.message,
            "schema_pointer": self.schema_pointer,
        }


@dataclass(frozen=True)
class ValidationResult:
    """The verdict on one event: valid when `errors` is empty.

    schema_uri: the event's `$schema` as written (None when it has none).
    location: where that schema was read (a file path or URL; None when it was not read).
    """

    schema_uri: str | None
    errors: tuple[EventError, ...] = ()
    location: str | None = None

    @property
    def valid(self) -> bool:
        return not self.errors

    def __bool__(self) -> bool:
        return not self.errors


class SchemaUnavailableError(SchemaToolsError):
    """An event's `$schema` could not be read from any base URI; `tried` holds `url: reason` for each."""

    def __init__(self, uri: str, tried: list[str]) -> None:
        self.uri = uri
        self.tried = list(tried)
        message = f"cannot load schema {uri}"
        if self.tried:
            message += " (tried: " + ", ".join(self.tried) + ")"
        super().__init__(message)


def pointer_from_path(path: Any) -> str:
    """jsonschema-rs's path (a list of keys and indices) as an RFC 6901 pointer."""
    return format_pointer(str(token) for token in path)


def event_errors(validator: Any, event: Any) -> tuple[EventError, ...]:
    """Every error jsonschema-rs finds in `event`, in its order, with pointers."""
    errors = []
    for error in validator.iter_errors(event):
        schema_path = list(error.schema_path)
        # The kind's name is the keyword even where the path ends elsewhere (`false` schemas).
        keyword = getattr(error.kind, "name", None) or (str(schema_path[-1]) if schema_path else "")
        errors.append(
            EventError(
                pointer=pointer_from_path(error.instance_path),
                keyword=keyword,
                message=error.message,
                schema_pointer=pointer_from_path(schema_path),
            )
        )
    return tuple(errors)


def json_kind(value: Any) -> str:
    """What a value is, in JSON's words (`an array`, `a string`, `null`)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list | tuple) else type(value).__name__

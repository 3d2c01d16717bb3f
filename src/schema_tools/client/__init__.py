"""Validate events against the schemas their `$schema` names, as an intake service (EventGate) does.

    from schema_tools.client import SchemaClient

    client = SchemaClient(["./jsonschema", "https://schema.example.org/repositories/primary/jsonschema"])
    result = client.validate({"$schema": "/test/event/1.0.0", "meta": {...}})
    if not result.valid:
        for error in result.errors:
            print(error.pointer, error.message)

See docs/client.md. jsonschema-rs is imported only when the first schema is compiled.
"""

from __future__ import annotations

from schema_tools.client._client import DEFAULT_FAILURE_TTL, SchemaClient
from schema_tools.client._results import EventError, SchemaUnavailableError, ValidationResult

__all__ = ["DEFAULT_FAILURE_TTL", "EventError", "SchemaClient", "SchemaUnavailableError", "ValidationResult"]

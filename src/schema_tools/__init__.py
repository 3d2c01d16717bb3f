"""schema-tools: materialize, check and serve git-based repositories of versioned JSON Schemas.

The public Python API is the event client (`SchemaClient` and its result types); it is imported lazily
so that the command line does not pay for it.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["EventError", "SchemaClient", "SchemaUnavailableError", "ValidationResult", "__version__"]
_CLIENT_NAMES = {"EventError", "SchemaClient", "SchemaUnavailableError", "ValidationResult"}


def __getattr__(name: str) -> object:
    if name in _CLIENT_NAMES:
        from schema_tools import client

        return getattr(client, name)
    raise AttributeError(f"module 'schema_tools' has no attribute {name!r}")

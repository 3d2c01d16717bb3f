"""One error hierarchy for the whole tool.

Core code raises these; only the CLI turns them into a message on stderr and an exit code.
Every error knows where it happened: a file, and a line or a JSON Pointer inside it.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `from typing`: errors.py is imported at every start-up
if TYPE_CHECKING:
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_FAILURE = 1  # findings, or a known error in the input
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130


class SchemaToolsError(Exception):
    """Base of every error this tool raises on purpose."""

    exit_code = EXIT_FAILURE

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        pointer: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.pointer = pointer
        self.line = line

    @property
    def location(self) -> str:
        """`file:line` or `file::/json/pointer`, whichever is known."""
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        if self.pointer is not None:
            where += f"::{self.pointer or '/'}"
        return where

    def __str__(self) -> str:
        if self.path is None and self.pointer is None and self.line is None:
            return self.message
        return f"{self.location}: {self.message}"


class UsageError(SchemaToolsError):
    """The command line or the configuration asks for something impossible."""

    exit_code = EXIT_USAGE


class ConfigError(SchemaToolsError):
    """A configuration file has a wrong value; the message names the key."""


class DocumentError(SchemaToolsError):
    """A file cannot be read as a schema document (syntax, not a mapping, alias bomb, duplicate key)."""


class SchemaError(SchemaToolsError):
    """A schema is readable but unusable (no `$id`, no version in `$id`, …)."""


class RefError(SchemaToolsError):
    """A `$ref` cannot be resolved; `tried` lists every URI that was attempted."""

    def __init__(
        self,
        message: str,
        *,
        ref: str,
        tried: Sequence[str] = (),
        path: str | None = None,
        pointer: str | None = None,
    ) -> None:
        self.ref = ref
        self.tried = list(tried)
        if self.tried:
            message += " (tried: " + ", ".join(self.tried) + ")"
        super().__init__(message, path=path, pointer=pointer)


class RefCycleError(RefError):
    """`$ref`s that lead back to themselves cannot be inlined."""


class MergeError(SchemaToolsError):
    """`allOf` members that cannot be merged (for example two different types)."""


class ExampleError(SchemaToolsError):
    """An example cannot be generated for a schema (for example an unknown `format`)."""


class WriteConflictError(SchemaToolsError):
    """A published version exists with different content; `--force` overrides."""

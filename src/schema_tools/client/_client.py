"""SchemaClient: find an event's schema by its `$schema` URI, compile it once, validate events against it.

Resolution is the intake services' (EventGate's, see docs/client.md): the URI is appended to each base URI
in turn (a directory, `file://…` or `http(s)://…`) and the first that can be read wins; a `$schema`
that is a URL already is read as it is. Two deliberate differences: base and URI are joined with exactly
one `/` (EventGate asks for `…/jsonschema//test/event/1.0.0` when the base ends with a slash), and a
failure is remembered for `failure_ttl` seconds instead of being fetched again for every event.

Three caches, because the same schema is reachable under several names (`/test/event/1.0.0`,
`/test/event/latest`, `http://host/…/1.0.0`): `$schema` value → compiled entry (the per-event fast path,
failures kept briefly), URL read → parsed document, schema content → compiled validator.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from schema_tools.client._cache import LoadingCache
from schema_tools.client._results import (
    EventError,
    SchemaUnavailableError,
    ValidationResult,
    event_errors,
    json_kind,
    pointer_from_path,
)
from schema_tools.errors import SchemaError, SchemaToolsError
from schema_tools.pointer import escape_token
from schema_tools.retrieve import (
    Candidate,
    Fetch,
    build_candidates,
    default_fetch,
    describe_failure,
    has_protocol,
    location_of,
)

if TYPE_CHECKING:
    from schema_tools.config import Config

DEFAULT_FAILURE_TTL = 10.0
# jsonschema-rs names documents without an absolute `$id` under this base; `$ref: /fragment/…` in a
# schema that was not materialized then arrives at the retriever as `json-schema:///fragment/…`.
_DEFAULT_BASE = "json-schema:///"


@dataclass(frozen=True)
class _Document:
    url: str
    location: str  # file path or URL, for messages
    schema: dict[str, Any]


@dataclass(frozen=True)
class _Compiled:
    uri: str
    location: str
    schema: dict[str, Any]
    validator: Any  # jsonschema_rs.Draft7Validator (imported lazily)
    ok: ValidationResult = field(repr=False)  # shared by every valid event: nothing to build per event


class SchemaClient:
    """Validates events against the schemas their `$schema` names, read from base URIs in order.

    base_uris: directories (absolute or relative to `cwd`), `file://…` or `http(s)://…` prefixes.
    uri_map: base-URI prefix → local directory (or other URL), applied to each candidate URL.
    timeout: seconds allowed for each HTTP read as a whole.
    failure_ttl: seconds a failed `$schema` is remembered before it is tried again (0: never kept).
    extension: appended to each `$schema` that does not already end with it (EventGate's
        `schema_file_extension`, e.g. `.yaml`), for servers without extensionless names.
    schema_field: the event field naming its schema.
    validate_formats: check `format` (date-time, uri-reference, …) as intake services do.
    clock: monotonic seconds, for failure expiry; injectable so tests need not sleep.
    fetch: reads one URL; default reads `file://` and `http(s)://`.

    Thread-safe: concurrent events for a schema not loaded yet wait for a single fetch.
    """

    def __init__(
        self,
        base_uris: Sequence[str],
        *,
        uri_map: Mapping[str, str] | None = None,
        timeout: float = 5.0,
        failure_ttl: float = DEFAULT_FAILURE_TTL,
        extension: str | None = None,
        schema_field: str = "$schema",
        validate_formats: bool = True,
        cwd: str | os.PathLike[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        fetch: Fetch | None = None,
    ) -> None:
        if isinstance(base_uris, str):  # a lone string would be taken as a list of characters
            base_uris = [base_uris]
        self.base_uris = tuple(base_uris)
        self.uri_map = dict(uri_map or {})
        self.timeout = timeout
        self.extension = extension or ""
        self.schema_field = schema_field
        self.validate_formats = validate_formats
        self.cwd = os.path.abspath(os.fspath(cwd if cwd is not None else os.getcwd()))
        self._fetch: Fetch = fetch or default_fetch
        self._entries = LoadingCache[_Compiled](self._compile, failure_ttl=failure_ttl, clock=clock)
        self._ready = self._entries.ready  # `$schema` → entry, read without a lock on every event
        self._documents: dict[str, _Document] = {}
        self._validators: dict[str, Any] = {}

    @classmethod
    def from_config(cls, config: Config, **options: Any) -> SchemaClient:
        """A client on a configuration's base URIs, URI map and fetch timeout (`options` override)."""
        base_uris = options.pop("base_uris", None) or config.schema_base_uris
        settings: dict[str, Any] = {
            "uri_map": config.schema_base_uri_map,
            "timeout": config.fetch_timeout,
            "cwd": config.cwd,
            **options,
        }
        return cls(base_uris, **settings)

    # -- validating ---------------------------------------------------------------------------------

    def validate(self, event: Any) -> ValidationResult:
        """The verdict on `event`, against the schema its `$schema` names.

        An event that is not an object or has no usable `$schema` is invalid (an error at `""` or
        `/$schema`), not an exception.

        Raises:
            SchemaUnavailableError: no base URI has the schema (cached for `failure_ttl` seconds).
            SchemaError, DocumentError: the schema was read but is not a usable draft-07 schema.
        """
        try:
            entry = self._ready[event[self.schema_field]]
        except (KeyError, TypeError):  # not loaded yet, or not an object with a string `$schema`
            found = self._entry_for(event)
            if isinstance(found, ValidationResult):
                return found
            entry = found
        if entry.validator.is_valid(event):
            return entry.ok
        return ValidationResult(entry.uri, event_errors(entry.validator, event), entry.location)

    def is_valid(self, event: Any) -> bool:
        """True when `event` is valid against its `$schema`; raises as `validate` does."""
        try:
            entry = self._ready[event[self.schema_field]]
        except (KeyError, TypeError):
            found = self._entry_for(event)
            if isinstance(found, ValidationResult):
                return False
            entry = found
        return bool(entry.validator.is_valid(event))

    def validate_against(self, schema_uri: str, event: Any) -> ValidationResult:
        """The verdict on `event` against `schema_uri`, whatever its own `$schema` says."""
        entry = self._entries.get(schema_uri)
        if entry.validator.is_valid(event):
            return entry.ok
        return ValidationResult(entry.uri, event_errors(entry.validator, event), entry.location)

    # -- schemas ------------------------------------------------------------------------------------

    def schema(self, uri: str) -> dict[str, Any]:
        """The schema `uri` resolves to (shared: do not change it). Raises as `validate` does."""
        return self._entries.get(uri).schema

    def location(self, uri: str) -> str:
        """Where the schema of `uri` was read: a file path or a URL."""
        return self._entries.get(uri).location

    def candidates(self, uri: str) -> list[str]:
        """The URLs tried for `uri`, in order."""
        return [candidate.url for candidate in self._candidates(self._document_key(uri))]

    def forget(self, uri: str | None = None) -> None:
        """Drop what is cached for `uri` (or everything), so the next event reads it again."""
        self._entries.forget(uri)
        if uri is None:
            self._documents.clear()
            self._validators.clear()
        else:
            for url in self.candidates(uri):
                self._documents.pop(url, None)

    # -- internals ----------------------------------------------------------------------------------

    def _entry_for(self, event: Any) -> _Compiled | ValidationResult:
        """The compiled schema of `event`, or the verdict when it names no usable schema."""
        field_name = self.schema_field
        if not isinstance(event, dict):
            message = f"an event must be a JSON object, not {json_kind(event)}"
            return ValidationResult(None, (EventError("", "type", message),))
        uri = event.get(field_name)
        if field_name not in event:
            message = f'"{field_name}" is a required property (the URI of the event\'s schema)'
            return ValidationResult(None, (EventError("", "required", message),))
        if not isinstance(uri, str) or not uri:
            shown = json.dumps(uri, default=repr)
            message = f"{field_name} must be a non-empty string (a schema URI), not {shown}"
            return ValidationResult(None, (EventError("/" + escape_token(field_name), "type", message),))
        return self._entries.get(uri)

    def _compile(self, uri: str) -> _Compiled:
        document = self._read(self._document_key(uri), uri)
        try:
            validator = self._validator_for(document)
        except SchemaToolsError:
            # Read again once the failure expires: the file may be fixed by then.
            self._documents.pop(document.url, None)
            raise
        return _Compiled(uri, document.location, document.schema, validator,
                         ok=ValidationResult(uri, (), document.location))

    def _document_key(self, uri: str) -> str:
        """`$schema` as the path (or URL) to read: an empty trailing `#` dropped, the extension added."""
        key = uri[:-1] if uri.endswith("#") else uri
        if self.extension and not key.endswith(self.extension):
            key += self.extension
        return key

    def _candidates(self, key: str) -> list[Candidate]:
        if has_protocol(key):
            return build_candidates(key, [""], cwd=self.cwd, uri_map=self.uri_map)
        # Exactly one slash between base and path, whichever of them has one.
        document = "/" + key.lstrip("/")
        bases = [base.rstrip("/") for base in self.base_uris]
        return build_candidates(document, bases, cwd=self.cwd, uri_map=self.uri_map)

    def _read(self, key: str, uri: str) -> _Document:
        """The first candidate of `key` that can be read, parsed. A read but broken one is an error."""
        from schema_tools.documents.load import load_text

        candidates = self._candidates(key)
        if not candidates:
            raise SchemaUnavailableError(uri, ["no base URI to look it up under"])
        tried: list[str] = []
        for candidate in candidates:
            document = self._documents.get(candidate.url)
            if document is not None:
                return document
            try:
                text = self._fetch(candidate.url, self.timeout)
            except SchemaToolsError:
                raise  # read but unusable (not UTF-8): a broken schema, not a reason to look further
            except Exception as error:
                tried.append(f"{candidate.shown}: {describe_failure(error)}")
                continue
            location = location_of(candidate.url)
            schema = load_text(text, location)
            if not isinstance(schema, dict):
                raise SchemaError("a schema must be a mapping", path=location)
            document = self._documents[candidate.url] = _Document(candidate.url, location, schema)
            return document
        raise SchemaUnavailableError(uri, tried)

    def _validator_for(self, document: _Document) -> Any:
        """A compiled draft-07 validator, shared by every URL that served the same schema."""
        import jsonschema_rs

        try:
            fingerprint = json.dumps(document.schema, sort_keys=True, separators=(",", ":"))
        except (TypeError, ValueError):
            fingerprint = None  # not plain JSON data; jsonschema-rs will say what is wrong below
        validator = self._validators.get(fingerprint) if fingerprint is not None else None
        if validator is not None:
            return validator
        try:
            # Always draft 7, whatever `$schema` says: the schemas say draft-07 through an https URI
            # that some libraries do not recognise, and intake services validate with draft 7 (AJV 6).
            validator = jsonschema_rs.Draft7Validator(
                document.schema,
                validate_formats=self.validate_formats,
                retriever=self._retrieve,
                base_uri=_DEFAULT_BASE,
            )
        except jsonschema_rs.ValidationError as error:
            pointer = pointer_from_path(error.instance_path)
            raise SchemaError(f"not a usable draft-07 schema: {error.message}", path=document.location,
                              pointer=pointer) from None
        except (ValueError, jsonschema_rs.ReferencingError) as error:
            raise SchemaError(f"not a usable draft-07 schema: {error}", path=document.location) from None
        if fingerprint is not None:
            self._validators[fingerprint] = validator
        return validator

    def _retrieve(self, uri: str) -> Any:
        """jsonschema-rs's retriever: a `$ref`'d document, read through the same base URIs and caches."""
        key = uri.split("#", 1)[0]
        if key.startswith(_DEFAULT_BASE):
            key = key[len(_DEFAULT_BASE) - 1 :]  # `json-schema:///fragment/a/1.0.0` → `/fragment/a/1.0.0`
        return self._read(key, uri).schema


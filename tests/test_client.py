"""SchemaClient on a small schema tree: resolution order, caches, failure expiry, verdicts and pointers.

HTTP tests run a server on 127.0.0.1 that the test starts itself; nothing else touches the network.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from schema_tools.client import EventError, SchemaClient, SchemaUnavailableError, ValidationResult
from schema_tools.errors import DocumentError, SchemaError
from schema_tools.retrieve import default_fetch

SCHEMA = """title: test/event
$id: /test/event/1.0.0
$schema: https://json-schema.org/draft-07/schema#
type: object
required: [$schema, meta]
additionalProperties: false
properties:
  $schema: {type: string}
  meta:
    type: object
    required: [dt]
    properties:
      dt: {type: string, format: date-time, maxLength: 128}
  kind: {type: string, enum: [create, delete]}
  count: {type: integer}
  code: {type: string, pattern: '^[a-z_]+$', maxLength: 10}
  digits: {type: string, pattern: '^\\d+$', maxLength: 10}
  "a/b~c": {type: string}
"""
EVENT = {"$schema": "/test/event/1.0.0", "meta": {"dt": "2020-01-01T00:00:00Z"}}


def write_schema(
    root: Path, path: str = "test/event/1.0.0", text: str = SCHEMA, marker: str | None = None
) -> Path:
    """Write a schema file (extensionless, as the materializer's link resolves); `marker` tags its title."""
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text.replace("title: test/event", f"title: {marker}") if marker else text)
    return file


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingFetch:
    """The default fetch, counting the URLs it was asked for."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: str, timeout: float) -> str:
        self.urls.append(url)
        return default_fetch(url, timeout)


@contextmanager
def serve_directory(root: Path) -> Iterator[tuple[str, list[str]]]:
    """Serve `root` over HTTP on 127.0.0.1; yields the base URL and the list of paths requested."""
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            requested.append(self.path)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep the test output clean

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "schemas"
    write_schema(root)
    return root


# -- resolution -------------------------------------------------------------------------------------


def test_directory_base_finds_the_schema(tree: Path) -> None:
    """A plain directory base URI: `$schema` is read from base + `$schema`."""
    client = SchemaClient([str(tree)])
    result = client.validate(EVENT)
    assert result == ValidationResult("/test/event/1.0.0", (), str(tree / "test/event/1.0.0"))
    assert result.valid and bool(result)


def test_relative_directory_base_resolves_against_cwd(tree: Path) -> None:
    """A relative base is taken relative to the client's working directory."""
    client = SchemaClient(["./schemas/"], cwd=tree.parent)
    assert client.validate(EVENT).valid


def test_bases_are_tried_in_order_and_the_first_that_has_it_wins(tmp_path: Path) -> None:
    """Directory, then file://, then http: each answers when the ones before it lack the schema."""
    first, second, third = tmp_path / "first", tmp_path / "second", tmp_path / "third"
    for root in (first, second, third):
        root.mkdir()
    write_schema(third, marker="from-http")
    with serve_directory(third) as (url, requested):
        bases = [str(first), f"file://{second}", url + "/"]
        assert SchemaClient(bases).schema("/test/event/1.0.0")["title"] == "from-http"
        assert requested == ["/test/event/1.0.0"]  # one slash between base and path

        write_schema(second, marker="from-file-url")
        assert SchemaClient(bases).schema("/test/event/1.0.0")["title"] == "from-file-url"

        write_schema(first, marker="from-dir")
        client = SchemaClient(bases)
        assert client.schema("/test/event/1.0.0")["title"] == "from-dir"
        assert client.location("/test/event/1.0.0") == str(first / "test/event/1.0.0")
        assert requested == ["/test/event/1.0.0"]  # the later bases were not asked again


def test_candidates_join_with_one_slash(tmp_path: Path) -> None:
    """Base and `$schema` are joined with exactly one slash; a `$schema` URL is used as it is."""
    client = SchemaClient(["http://h/jsonschema/", "http://h/other", str(tmp_path) + "/"])
    assert client.candidates("/a/1.0.0") == [
        "http://h/jsonschema/a/1.0.0", "http://h/other/a/1.0.0", f"file://{tmp_path}/a/1.0.0"
    ]
    assert client.candidates("a/1.0.0")[0] == "http://h/jsonschema/a/1.0.0"
    assert client.candidates("https://x.org/s/a/1.0.0") == ["https://x.org/s/a/1.0.0"]
    assert client.candidates("/a/1.0.0#") == client.candidates("/a/1.0.0")


def test_absolute_schema_url_is_read_without_the_bases(tree: Path, tmp_path: Path) -> None:
    """A `$schema` that is already a URL is fetched as it is, not appended to a base."""
    with serve_directory(tree) as (url, requested):
        client = SchemaClient([str(tmp_path / "nowhere")])
        event = {**EVENT, "$schema": f"{url}/test/event/1.0.0"}
        assert client.validate(event).valid
        assert requested == ["/test/event/1.0.0"]


def test_extension_is_appended_once(tree: Path) -> None:
    """`extension` reads `X.yaml` for `X`, and leaves a `$schema` that has it alone."""
    (tree / "test/event/1.0.0").rename(tree / "test/event/1.0.0.yaml")
    client = SchemaClient([str(tree)], extension=".yaml")
    assert client.candidates("/test/event/1.0.0") == client.candidates("/test/event/1.0.0.yaml")
    assert client.validate(EVENT).valid
    assert client.validate({**EVENT, "$schema": "/test/event/1.0.0.yaml"}).valid


def test_uri_map_reads_a_remote_base_from_a_directory(tree: Path) -> None:
    """A base URI mapped to a local directory is read from there (offline use)."""
    client = SchemaClient(["https://schema.example.org/primary/jsonschema"],
                          uri_map={"https://schema.example.org/primary/jsonschema": str(tree)})
    assert client.validate(EVENT).valid


def test_unknown_schema_lists_every_uri_tried(tree: Path, tmp_path: Path) -> None:
    """When no base has the schema, the error names each URL and why it failed."""
    with serve_directory(tree) as (url, _):
        client = SchemaClient([str(tmp_path / "empty"), url])
        with pytest.raises(SchemaUnavailableError) as caught:
            client.validate({**EVENT, "$schema": "/test/event/9.9.9"})
    assert caught.value.uri == "/test/event/9.9.9"
    assert caught.value.tried == [
        f"file://{tmp_path}/empty/test/event/9.9.9: not found", f"{url}/test/event/9.9.9: HTTP 404"
    ]
    assert str(caught.value).startswith("cannot load schema /test/event/9.9.9 (tried: file://")


# -- caches -----------------------------------------------------------------------------------------


def test_a_schema_is_fetched_once(tree: Path) -> None:
    """Many events of one schema cost one fetch."""
    fetch = CountingFetch()
    client = SchemaClient([str(tree)], fetch=fetch)
    for _ in range(50):
        assert client.validate(EVENT).valid
    assert len(fetch.urls) == 1


def test_one_validator_serves_every_name_of_a_schema(tree: Path) -> None:
    """`1.0.0` and `latest` (the same content at two URLs) share a compiled validator."""
    (tree / "test/event/latest").symlink_to("1.0.0")
    client = SchemaClient([str(tree)])
    assert client.validate(EVENT).valid
    latest = client.validate({**EVENT, "$schema": "/test/event/latest"})
    assert latest.location == str(tree / "test/event/latest")
    assert len(client._validators) == 1


def test_failures_are_cached_until_the_ttl_expires(tree: Path) -> None:
    """A missing schema is not fetched again within `failure_ttl`, and is found once it appears after it."""
    clock, fetch = Clock(), CountingFetch()
    client = SchemaClient([str(tree)], failure_ttl=10, clock=clock, fetch=fetch)
    event = {**EVENT, "$schema": "/test/event/2.0.0"}
    for _ in range(3):
        with pytest.raises(SchemaUnavailableError):
            client.validate(event)
    assert len(fetch.urls) == 1
    write_schema(tree, "test/event/2.0.0")  # published meanwhile
    clock.now += 9.9
    with pytest.raises(SchemaUnavailableError):
        client.validate(event)
    assert len(fetch.urls) == 1
    clock.now += 0.1
    assert client.validate(event).valid
    assert len(fetch.urls) == 2


def test_zero_ttl_keeps_no_failure(tree: Path) -> None:
    """With `failure_ttl=0` every attempt fetches again."""
    fetch = CountingFetch()
    client = SchemaClient([str(tree)], failure_ttl=0, fetch=fetch)
    for _ in range(3):
        with pytest.raises(SchemaUnavailableError):
            client.schema("/test/event/2.0.0")
    assert len(fetch.urls) == 3


def test_broken_schemas_are_errors_and_cached_too(tree: Path) -> None:
    """Unparsable YAML and an invalid draft-07 schema raise errors naming the file; both are kept briefly."""
    write_schema(tree, "bad/yaml/1.0.0", "type: object\nproperties: {a: [1, 2}\n")
    write_schema(tree, "bad/type/1.0.0", "type: objekt\n")
    clock, fetch = Clock(), CountingFetch()
    client = SchemaClient([str(tree)], clock=clock, fetch=fetch)
    with pytest.raises(DocumentError) as caught:
        client.schema("/bad/yaml/1.0.0")
    assert str(caught.value).startswith(f"{tree}/bad/yaml/1.0.0:2: YAML syntax error")
    with pytest.raises(SchemaError) as invalid:
        client.validate({"$schema": "/bad/type/1.0.0"})
    assert invalid.value.pointer == "/type"
    assert "not a usable draft-07 schema" in str(invalid.value)
    with pytest.raises(SchemaError):
        client.validate({"$schema": "/bad/type/1.0.0"})
    assert len(fetch.urls) == 2
    clock.now += 60
    with pytest.raises(SchemaError):
        client.validate({"$schema": "/bad/type/1.0.0"})
    assert len(fetch.urls) == 3


def test_forget_reads_the_schema_again(tree: Path) -> None:
    """`forget` drops a cached schema, so a changed file is read anew."""
    client = SchemaClient([str(tree)])
    assert client.validate({**EVENT, "count": 1}).valid
    write_schema(tree, text=SCHEMA.replace("count: {type: integer}", "count: {type: string}"))
    assert client.validate({**EVENT, "count": 1}).valid
    client.forget("/test/event/1.0.0")
    assert not client.validate({**EVENT, "count": 1}).valid


def test_concurrent_events_of_a_cold_schema_fetch_it_once(tree: Path) -> None:
    """Threads validating events of a schema not loaded yet wait for one fetch (EventGate makes N)."""
    fetch = CountingFetch()
    release = threading.Event()

    def slow_fetch(url: str, timeout: float) -> str:
        release.wait(5)
        return fetch(url, timeout)

    client = SchemaClient([str(tree)], fetch=slow_fetch)
    results: list[bool] = []
    threads = [threading.Thread(target=lambda: results.append(client.validate(EVENT).valid))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(0.1)  # let them all reach the cache
    release.set()
    for thread in threads:
        thread.join(5)
    assert results == [True] * 8
    assert len(fetch.urls) == 1


def test_negative_ttl_is_refused() -> None:
    with pytest.raises(ValueError, match="failure_ttl"):
        SchemaClient(["."], failure_ttl=-1)


# -- verdicts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"count": "1"},
         EventError("/count", "type", '"1" is not of type "integer"', "/properties/count/type")),
        ({"meta": {}},
         EventError("/meta", "required", '"dt" is a required property', "/properties/meta/required")),
        ({"kind": "update"}, EventError("/kind", "enum", '"update" is not one of "create" or "delete"',
                                        "/properties/kind/enum")),
        ({"meta": {"dt": "2020-13-01T00:00:00Z"}},
         EventError("/meta/dt", "format", '"2020-13-01T00:00:00Z" is not a "date-time"',
                    "/properties/meta/properties/dt/format")),
        ({"extra": 1}, EventError("", "additionalProperties",
                                  "Additional properties are not allowed ('extra' was unexpected)",
                                  "/additionalProperties")),
        ({"a/b~c": 1},
         EventError("/a~1b~0c", "type", '1 is not of type "string"', "/properties/a~1b~0c/type")),
    ],
    ids=["wrong-type", "missing-required", "bad-enum", "bad-date-time", "extra-property", "escaped-pointer"],
)
def test_invalid_events_have_pointers(tree: Path, change: dict[str, object], expected: EventError) -> None:
    """Each mutation gives one error at the expected JSON Pointer, with its keyword and schema pointer."""
    result = SchemaClient([str(tree)]).validate({**EVENT, **change})
    assert not result.valid and not bool(result)
    assert result.errors == (expected,)


def test_every_error_is_reported(tree: Path) -> None:
    """All errors of an event are collected, not just the first."""
    result = SchemaClient([str(tree)]).validate({"$schema": "/test/event/1.0.0", "count": 1.5, "kind": "x"})
    assert sorted(error.pointer for error in result.errors) == ["", "/count", "/kind"]


@pytest.mark.parametrize(
    ("field", "value", "valid"),
    [
        ("code", "abc_def", True),
        ("code", "abc\n", False),  # Python's `$` would accept the trailing newline; ECMA-262's does not
        ("digits", "123", True),
        ("digits", "١٢٣", False),  # Arabic-Indic digits: `\d` is ASCII-only in ECMA-262
    ],
)
def test_patterns_follow_ecma_262(tree: Path, field: str, value: str, valid: bool) -> None:
    """`pattern` is matched as AJV (ECMA-262) matches it, not with Python's `re` semantics."""
    assert SchemaClient([str(tree)]).is_valid({**EVENT, field: value}) is valid


@pytest.mark.parametrize(
    ("event", "pointer", "message"),
    [
        ([EVENT], "", "an event must be a JSON object, not an array"),
        ("text", "", "an event must be a JSON object, not a string"),
        (None, "", "an event must be a JSON object, not null"),
        ({"meta": {}}, "", "\"$schema\" is a required property (the URI of the event's schema)"),
        ({"$schema": 42}, "/$schema", "$schema must be a non-empty string (a schema URI), not 42"),
        ({"$schema": ""}, "/$schema", '$schema must be a non-empty string (a schema URI), not ""'),
    ],
    ids=["array", "string", "null", "no-schema", "schema-not-string", "schema-empty"],
)
def test_events_without_a_usable_schema_are_invalid(
    tree: Path, event: object, pointer: str, message: str
) -> None:
    """An event that names no schema is an invalid event (not an exception)."""
    client = SchemaClient([str(tree)])
    result = client.validate(event)
    assert result.schema_uri is None
    assert [(e.pointer, e.message) for e in result.errors] == [(pointer, message)]
    assert client.is_valid(event) is False


def test_validate_against_ignores_the_events_schema_field(tree: Path) -> None:
    """`validate_against` checks an event against a named schema."""
    client = SchemaClient([str(tree)])
    assert client.validate_against("/test/event/1.0.0", {**EVENT, "$schema": "/else/1.0.0"}).valid
    assert not client.validate_against("/test/event/1.0.0", {"$schema": "x"}).valid


def test_schema_field_is_configurable(tree: Path) -> None:
    """`schema_field` names the event field holding the schema URI (EventGate's schema_uri_field)."""
    write_schema(tree, text=SCHEMA.replace("required: [$schema, meta]", "required: [meta]")
                 .replace("additionalProperties: false", "additionalProperties: true"))
    client = SchemaClient([str(tree)], schema_field="schema_uri")
    assert client.validate({"schema_uri": "/test/event/1.0.0", "meta": {"dt": "2020-01-01T00:00:00Z"}}).valid


def test_formats_can_be_turned_off(tree: Path) -> None:
    """`validate_formats=False` stops checking `format`."""
    event = {**EVENT, "meta": {"dt": "yesterday"}}
    assert not SchemaClient([str(tree)]).is_valid(event)
    assert SchemaClient([str(tree)], validate_formats=False).is_valid(event)


def test_refs_of_unmaterialized_schemas_resolve_through_the_bases(tree: Path) -> None:
    """A `$ref: /fragment/…` in a schema is read through the same base URIs (no network of its own)."""
    write_schema(tree, "fragment/dt/1.0.0", "required: [dt]\nproperties: {dt: {type: string}}\n")
    write_schema(tree, "test/ref/1.0.0", "$id: /test/ref/1.0.0\nallOf:\n  - $ref: /fragment/dt/1.0.0#\n")
    client = SchemaClient([str(tree)])
    assert client.validate({"$schema": "/test/ref/1.0.0", "dt": "x"}).valid
    assert [e.pointer for e in client.validate({"$schema": "/test/ref/1.0.0"}).errors] == [""]


def test_from_config_uses_the_configured_bases(tree: Path) -> None:
    """A client made from a Config uses its base URIs, URI map and timeout."""
    from schema_tools.config import load_config

    settings = {"schemaBasePath": "./schemas/", "fetchTimeout": 2}
    config = load_config(settings, cwd=tree.parent, config_paths=[])
    client = SchemaClient.from_config(config)
    assert client.timeout == 2.0
    assert client.validate(EVENT).valid
    elsewhere = str(tree / "nowhere")
    assert SchemaClient.from_config(config, base_uris=[elsewhere]).base_uris == (elsewhere,)

"""schemas-event-primary: every `examples` entry is valid; mutated events fail at the expected pointer.

The corpus is cloned from ../shared/corpora; without it these tests are skipped with the reason.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from schema_tools.client import EventError, SchemaClient
from schema_tools.documents.load import load_file

VERSION_FILE = re.compile(r"\d+\.\d+\.\d+\.yaml")


def version_files(base: Path) -> list[tuple[str, Path]]:
    """Every materialized version file, with the URI it is served under (`/title/1.0.0`)."""
    return sorted(
        ("/" + str(path.relative_to(base))[: -len(".yaml")], path)
        for path in base.rglob("*.yaml")
        if VERSION_FILE.fullmatch(path.name) and not path.is_symlink()
    )


@pytest.fixture(scope="module")
def base(primary_pristine: Path) -> Path:
    return primary_pristine / "jsonschema"


@pytest.fixture(scope="module")
def client(base: Path) -> SchemaClient:
    return SchemaClient([str(base)])


def test_every_example_of_every_primary_schema_is_valid(base: Path, client: SchemaClient) -> None:
    """All 85 examples of the 83 version files pass, both by their own `$schema` and against their file."""
    examples = resolved_by_schema_field = 0
    for uri, path in version_files(base):
        for example in load_file(path).get("examples") or []:
            examples += 1
            result = client.validate_against(uri, example)
            assert result.valid, f"{uri}: {[str(e) for e in result.errors]}"
            # Fragments' examples have no `$schema`; one schema's `$id` is not its path (see below).
            if isinstance(example, dict) and example.get("$schema") == uri:
                assert client.validate(example).valid
                resolved_by_schema_field += 1
    assert examples >= 85
    assert resolved_by_schema_field >= 68


def test_a_schema_whose_id_is_not_its_path_cannot_be_resolved_by_id(base: Path, client: SchemaClient) -> None:
    """development/webrequest says `$id: /webrequest/1.0.0`: an intake service cannot find it by that URI."""
    from schema_tools.client import SchemaUnavailableError

    example = load_file(base / "development/webrequest/1.0.0.yaml")["examples"][0]
    assert example["$schema"] == "/webrequest/1.0.0"
    with pytest.raises(SchemaUnavailableError):
        client.validate(example)
    assert client.validate_against("/development/webrequest/1.0.0", example).valid


def test_latest_resolves_through_its_link(base: Path, client: SchemaClient) -> None:
    """`/title/latest` reads the `latest` link, which is the newest version."""
    example = load_file(base / "mediawiki/revision/create/2.0.0.yaml")["examples"][0]
    latest = client.schema("/mediawiki/revision/create/latest")
    assert latest == client.schema("/mediawiki/revision/create/2.0.0")
    assert client.validate({**example, "$schema": "/mediawiki/revision/create/latest"}).valid


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    keys = path.split("/")[1:]

    def change(event: dict[str, Any]) -> None:
        target = event
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    keys = path.split("/")[1:]

    def change(event: dict[str, Any]) -> None:
        target = event
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


MUTATIONS = [
    ("mediawiki/revision/create/2.0.0", _set("/page_id", "123"),
     EventError("/page_id", "type", '"123" is not of type "integer"', "/properties/page_id/type")),
    ("mediawiki/revision/create/2.0.0", _set("/performer/user_groups", ["user", 7]),
     EventError("/performer/user_groups/1", "type", '7 is not of type "string"',
                "/properties/performer/properties/user_groups/items/type")),
    ("mediawiki/revision/create/2.0.0", _delete("/page_title"),
     EventError("", "required", '"page_title" is a required property', "/required")),
    ("mediawiki/revision/create/2.0.0", _delete("/meta/stream"),
     EventError("/meta", "required", '"stream" is a required property', "/properties/meta/required")),
    ("mediawiki/page/change/1.2.0", _set("/page_change_kind", "bogus"),
     EventError("/page_change_kind", "enum",
                '"bogus" is not one of "create", "undelete" or 4 other candidates',
                "/properties/page_change_kind/enum")),
    ("mediawiki/revision/create/2.0.0", _set("/meta/dt", "yesterday"),
     EventError("/meta/dt", "format", '"yesterday" is not a "date-time"',
                "/properties/meta/properties/dt/format")),
    ("mediawiki/revision/create/2.0.0", _set("/rev_timestamp", "2020-06-10 18:57:16"),
     EventError("/rev_timestamp", "format", '"2020-06-10 18:57:16" is not a "date-time"',
                "/properties/rev_timestamp/format")),
    ("mediawiki/page/change/1.2.0", _set("/page/is_cool", True),
     EventError("/page", "additionalProperties",
                "Additional properties are not allowed ('is_cool' was unexpected)",
                "/properties/page/additionalProperties")),
    ("error/2.1.0", _set("/surprise", 1),
     EventError("", "additionalProperties",
                "Additional properties are not allowed ('surprise' was unexpected)",
                "/additionalProperties")),
]


@pytest.mark.parametrize(
    ("schema", "mutate", "expected"),
    MUTATIONS,
    ids=["wrong-type", "wrong-item-type", "missing-required", "missing-nested-required", "bad-enum",
         "bad-date-time", "date-time-without-T", "extra-nested-property", "extra-property"],
)
def test_mutated_examples_fail_at_the_expected_pointer(
    base: Path,
    client: SchemaClient,
    schema: str,
    mutate: Callable[[dict[str, Any]], None],
    expected: EventError,
) -> None:
    """One mutation of a real example gives exactly one error, at the expected JSON Pointer."""
    event = copy.deepcopy(load_file(base / f"{schema}.yaml")["examples"][0])
    assert client.validate(event).valid
    mutate(event)
    result = client.validate(event)
    assert result.schema_uri == f"/{schema}"
    assert result.errors == (expected,)

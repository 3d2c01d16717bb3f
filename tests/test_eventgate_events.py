"""The client agrees with an EventGate-style intake on the event batches of ../shared/eventgate-events.

Each batch was posted to EventGate 1.8.4 while a static server held schemas-event-primary; expected.tsv
has the status it answered (201 all valid, 400 all invalid, 207 mixed, 500 schema not loadable), how many
events it accepted, and a piece of its error text. Here the same corpus is served over HTTP on 127.0.0.1
and the client's verdicts must give the same status, the same count, and the same place of the error.
Skipped with the reason when ../shared (the batches or the corpus) is absent.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from conftest import SHARED
from test_client import serve_directory

from schema_tools.client import SchemaClient, SchemaUnavailableError, ValidationResult
from schema_tools.errors import SchemaToolsError

EVENTS = SHARED / "eventgate-events"


def expectations() -> list[tuple[str, int, int, str]]:
    table = EVENTS / "expected.tsv"
    if not table.is_file():
        return []
    with table.open(newline="") as file:
        rows = [row for row in csv.reader(file, delimiter="\t") if row and not row[0].startswith("#")]
    return [(name, int(status), int(accepted), text) for name, status, accepted, text in rows]


CASES = expectations()


def status_of(outcomes: list[ValidationResult | SchemaToolsError]) -> int:
    """The status an EventGate-style intake answers for a batch with these verdicts."""
    if any(isinstance(outcome, SchemaToolsError) for outcome in outcomes):
        return 500
    valid = sum(1 for outcome in outcomes if isinstance(outcome, ValidationResult) and outcome.valid)
    return 201 if valid == len(outcomes) else 400 if valid == 0 else 207


def judge(client: SchemaClient, events: list[object]) -> list[ValidationResult | SchemaToolsError]:
    outcomes: list[ValidationResult | SchemaToolsError] = []
    for event in events:
        try:
            outcomes.append(client.validate(event))
        except SchemaToolsError as error:
            outcomes.append(error)
    return outcomes


def check_error_text(outcomes: list[ValidationResult | SchemaToolsError], text: str) -> None:
    """AJV's message names a place (`'.page.page_id' should…`) or a property; ours must name the same."""
    errors = [e for o in outcomes if isinstance(o, ValidationResult) for e in o.errors]
    if place := re.match(r"'((?:\.\w+)+)' should", text):
        assert [e.pointer for e in errors] == [place.group(1).replace(".", "/")]
    elif missing := re.match(r"should have required property '(\w+)'", text):
        assert [(e.pointer, e.keyword, e.message) for e in errors] == [
            ("", "required", f'"{missing.group(1)}" is a required property')
        ]
    elif loading := re.match(r"Failed loading schema at (\S+)", text):
        unavailable = [o for o in outcomes if isinstance(o, SchemaUnavailableError)]
        assert [error.uri for error in unavailable] == [loading.group(1)]
    else:
        pytest.fail(f"no rule to compare the expected text {text!r}")


@pytest.fixture(scope="module")
def served(primary_pristine: Path):  # type: ignore[no-untyped-def]
    """schemas-event-primary over HTTP: yields the base URL of its jsonschema/ and the paths requested."""
    with serve_directory(primary_pristine) as (url, requested):
        yield f"{url}/jsonschema", requested


@pytest.mark.skipif(not CASES, reason=f"{EVENTS}/expected.tsv is absent (it lives in ../shared)")
@pytest.mark.parametrize(("name", "status", "accepted", "text"), CASES, ids=[case[0] for case in CASES])
@pytest.mark.parametrize("bases", ["plain", "trailing-slash", "fallback"])
def test_verdicts_agree_with_the_intake(
    served: tuple[str, list[str]], name: str, status: int, accepted: int, text: str, bases: str
) -> None:
    """Same status, same number of accepted events, same error place, whichever way the bases are written."""
    base, _ = served
    base_uris = {"plain": [base], "trailing-slash": [base + "/"], "fallback": [base + "/../nope", base + "/"]}
    events = json.loads((EVENTS / name).read_text())
    outcomes = judge(SchemaClient(base_uris[bases]), events)
    assert status_of(outcomes) == status
    assert sum(1 for o in outcomes if isinstance(o, ValidationResult) and o.valid) == accepted
    if text.strip("'") != "-":
        check_error_text(outcomes, text)


@pytest.mark.skipif(not CASES, reason=f"{EVENTS}/expected.tsv is absent (it lives in ../shared)")
def test_a_batch_fetches_each_schema_once(served: tuple[str, list[str]]) -> None:
    """Unlike EventGate (one GET per event on a cold cache), a batch costs one GET per schema."""
    base, requested = served
    client = SchemaClient([base])
    events = json.loads((EVENTS / "03-revision-create-2.0.0-3-examples.json").read_text())
    del requested[:]
    assert all(client.validate(event).valid for event in events * 10)
    assert requested == ["/jsonschema/mediawiki/revision/create/2.0.0"]
    for _ in range(5):
        with pytest.raises(SchemaUnavailableError):
            client.validate({**events[0], "$schema": "/test/event/9.9.9"})
    assert requested[1:] == ["/jsonschema/test/event/9.9.9"]  # the failure is remembered for a while

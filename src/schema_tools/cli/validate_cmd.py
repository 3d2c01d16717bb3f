"""`validate`: check events (JSON, JSON arrays or JSON lines) against the schemas their `$schema` names."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from schema_tools.cli.common import Console, add_config_options, config_from
from schema_tools.errors import EXIT_FAILURE, EXIT_OK, SchemaToolsError, UsageError

if TYPE_CHECKING:
    from schema_tools.client import SchemaClient, ValidationResult
    from schema_tools.client._events import EventItem

FORMATS = ("text", "json")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate", help="validate events against the schemas their $schema names",
        description="Validate events against their schemas, as an intake service (EventGate) does: each "
        "event's $schema is looked up under the base URIs in order (directories, file://, http(s)://). "
        "EVENTS are files of one JSON event, a JSON array of events, or JSON lines. Prints a verdict for "
        "each event that fails, then 'N passed, N failed' on stderr; exits 1 if any event failed.",
    )
    parser.add_argument("events", nargs="*", metavar="EVENTS",
                        help="event files; none or - reads standard input")
    parser.add_argument(
        "-b", "--base-uri", dest="base_uris", action="append", metavar="URI",
        help="where schemas are looked up, in order; repeatable (default: the config's schemaBaseUris, "
        "i.e. schemaBasePath)",
    )
    parser.add_argument("--extension", metavar="EXT",
                        help="append EXT (e.g. .yaml) to each $schema that lacks it, for servers without "
                        "extensionless names")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), or json: one JSON object per failing event")
    add_config_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from schema_tools.client import SchemaClient

    config = config_from(args)
    console = Console.for_args(args, config)
    client = SchemaClient.from_config(config, base_uris=args.base_uris, extension=args.extension)
    report = _Report(args.format)
    for name in args.events or ["-"]:
        for item in _read(name):
            report.add(item, _judge(client, item))
    if not console.quiet:
        print(f"{report.passed} passed, {report.failed} failed", file=sys.stderr)
    return EXIT_FAILURE if report.failed else EXIT_OK


def _read(name: str) -> Iterator[EventItem]:
    """The events of one file (`-`: standard input); a file that cannot be read is one failed item."""
    from schema_tools.client._events import EventItem, read_events

    if name == "-":
        if sys.stdin.isatty():
            raise UsageError("no EVENTS given and standard input is a terminal: name files or pipe events in")
        yield from read_events(sys.stdin.read(), "<stdin>")
        return
    try:
        with open(name, "rb") as file:
            text = file.read().decode("utf-8")
    except OSError as error:
        yield EventItem(name, 1, 0, error=f"cannot read: {(error.strerror or str(error)).lower()}")
        return
    except UnicodeDecodeError as error:
        yield EventItem(name, 1, 0, error=f"not UTF-8 text ({error.reason} at byte {error.start})")
        return
    yield from read_events(text, name)


def _judge(client: SchemaClient, item: EventItem) -> ValidationResult | str | None:
    """None when the event passed; its result when invalid; a reason when it could not be judged."""
    if item.error is not None:
        return item.error
    try:
        result = client.validate(item.event)
    except SchemaToolsError as error:
        return str(error)
    return None if result.valid else result


class _Report:
    """Prints the verdict on each failing event and counts them all."""

    def __init__(self, output_format: str) -> None:
        self.format = output_format
        self.passed = 0
        self.failed = 0
        self._reasons_shown: set[str] = set()

    def add(self, item: EventItem, outcome: ValidationResult | str | None) -> None:
        if outcome is None:
            self.passed += 1
            return
        self.failed += 1
        if self.format == "json":
            print(json.dumps(self._record(item, outcome), ensure_ascii=False))
        elif isinstance(outcome, str):
            print(f"{item.where}: {self._once(outcome)}")
        else:
            print(f"{item.where}: invalid" + (f" against {outcome.schema_uri}" if outcome.schema_uri else ""))
            for error in outcome.errors:
                print(f"  {error}")

    def _once(self, reason: str) -> str:
        """A long reason (every URL tried) in full the first time; after that, a reference to it."""
        if reason in self._reasons_shown and " (tried: " in reason:
            return reason.split(" (tried: ", 1)[0] + " (as above)"
        self._reasons_shown.add(reason)
        return reason

    @staticmethod
    def _record(item: EventItem, outcome: ValidationResult | str) -> dict[str, Any]:
        record: dict[str, Any] = {"source": item.source, "line": item.line, "index": item.index}
        if isinstance(outcome, str):
            return {**record, "valid": False, "error": outcome}
        return {**record, "valid": False, "schema": outcome.schema_uri, "location": outcome.location,
                "errors": [error.to_dict() for error in outcome.errors]}

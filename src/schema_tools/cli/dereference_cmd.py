"""`dereference`: resolve `$ref`s and merge `allOf`, print the result (no bounds, no example)."""

from __future__ import annotations

import argparse
import sys

from schema_tools.cli.common import add_config_options, config_from, read_sources


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "dereference",
        help="print schemas with $refs resolved and allOf merged",
        description="Resolve $refs against the base URIs and merge allOf, then print the result on stdout "
        "(several files: one sequence). No numeric bounds and no generated example.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="schema files; none or - reads standard input")
    parser.add_argument(
        "-f",
        "--format",
        "-c",
        "--content-type",
        dest="format",
        choices=("yaml", "json"),
        default="yaml",
        help="output format (default yaml)",
    )
    add_config_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from schema_tools.materialize import dereference_schema, render
    from schema_tools.overlay import make_resolver
    from schema_tools.repository import schema_id_of

    config = config_from(args)
    resolver = make_resolver(config)
    documents = []
    for path, schema in read_sources(args.paths):
        schema_id_of(schema, config, path, required=False)  # a clear error when it is not a mapping
        documents.append(dereference_schema(schema, resolver, path))
    text = render(documents[0] if len(documents) == 1 else documents, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0

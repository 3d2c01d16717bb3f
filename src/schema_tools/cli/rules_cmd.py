"""`schema-tools rules`: list the registered check rules (text, JSON, or the Markdown table of the docs)."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="list the check rules (IDs for --rule, --skip-rule and skipSchemaTestCases)",
        description="List every rule `schema-tools test` runs: ID, category, what it checks.",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text (default), json, or markdown (the table in docs/checks.md)",
    )
    parser.set_defaults(handler=run_rules)


def run_rules(args: argparse.Namespace) -> int:
    from schema_tools.rules.listing import render_rules

    sys.stdout.write(render_rules(args.format))
    return 0

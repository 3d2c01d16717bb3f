"""`schema-tools test [BASE]`: run the repository checks and report the findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schema_tools.cli.common import Console, add_config_options, comma_list, config_from
from schema_tools.errors import EXIT_FAILURE, EXIT_OK, UsageError

FORMATS = ("text", "json", "github")  # the keys of report.REPORTERS (not imported here: start-up time)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "test",
        help="check the schema repository (structure, robustness, compatibility)",
        description="Run every check of the schema repository under BASE (default: schemaBasePath) — the "
        "checks of @wikimedia/jsonschema-tools' repository tests, as rules with stable IDs "
        "(`schema-tools rules` lists them). skipSchemaTestCases and ignoreSchemas apply as in the reference. "
        "Exit status: 0 nothing failed, 1 something failed, 2 usage error.",
    )
    parser.add_argument("base", nargs="?", type=Path, metavar="BASE", help="schema base path")
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), json, or github (workflow annotations)",
    )
    parser.add_argument(
        "-r",
        "--rule",
        dest="only",
        action="extend",
        type=comma_list,
        default=[],
        metavar="ID",
        help="run only this rule (repeatable, or comma-separated)",
    )
    parser.add_argument(
        "-s",
        "--skip-rule",
        dest="skip",
        action="extend",
        type=comma_list,
        default=[],
        metavar="ID",
        help="do not run this rule (repeatable, or comma-separated)",
    )
    changes = parser.add_mutually_exclusive_group()
    changes.add_argument(
        "--changed",
        action="store_true",
        help="check only the schemas that git sees as changed (against HEAD, untracked "
        "files included) and the schemas that reference them",
    )
    changes.add_argument(
        "--staged", action="store_true", help="like --changed, for staged changes only (a pre-commit hook)"
    )
    parser.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="do not read or write the result cache (see docs/checks.md)",
    )
    add_config_options(parser)
    parser.set_defaults(handler=run_test)


def run_test(args: argparse.Namespace) -> int:
    from schema_tools.checks import check_repository
    from schema_tools.report import REPORTERS
    from schema_tools.rules.registry import rule_ids

    config = config_from(args)
    console = Console.for_args(args, config)
    known = set(rule_ids())
    unknown = sorted({rule for rule in [*args.only, *args.skip] if rule not in known})
    if unknown:
        raise UsageError(
            f"unknown rule ID {', '.join(unknown)}; `schema-tools rules` lists them: "
            + ", ".join(sorted(known))
        )
    changed = None
    if args.changed or args.staged:
        from schema_tools.rules.incremental import changed_paths

        changed = changed_paths(config.schema_base_path, staged=args.staged)
        console.info(f"{len(changed)} changed paths")
    report = check_repository(config, only=args.only, skip=args.skip, changed=changed, use_cache=args.cache)
    output = REPORTERS[args.format](report, root=config.cwd, verbose=bool(args.verbose))
    sys.stdout.write(output)
    return EXIT_OK if report.ok else EXIT_FAILURE

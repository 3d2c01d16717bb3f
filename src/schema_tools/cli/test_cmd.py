"""`schema-tools test [BASE] [--since REF]`: run the repository checks (and, with --since, the checks of
the changes since a git revision) and report the findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from schema_tools.cli.common import Console, add_config_options, comma_list, config_from
from schema_tools.errors import EXIT_FAILURE, EXIT_OK, UsageError

if TYPE_CHECKING:
    from schema_tools.checks import Report
    from schema_tools.config import Config

FORMATS = ("text", "json", "github")  # the keys of report.REPORTERS (not imported here: start-up time)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "test",
        help="check the schema repository (structure, robustness, compatibility)",
        description="Run every check of the schema repository under BASE (default: schemaBasePath) — the "
        "checks of @wikimedia/jsonschema-tools' repository tests, as rules with stable IDs "
        "(`schema-tools rules` lists them). skipSchemaTestCases and ignoreSchemas apply as in the reference. "
        "With --since REF, the changes since that git revision are checked too (published versions "
        "untouched, changed current schemas materialized under a new version, new versions going "
        "forward and compatible). Exit status: 0 nothing failed, 1 something failed, 2 usage error "
        "(REF not in this clone included: the message says what to fetch).",
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
        "--since",
        metavar="REF",
        help="also check the changes since git revision REF (with --staged: the staged changes); "
        "their rule IDs, such as published-version-modified, work with --rule and --skip-rule",
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
    from schema_tools.report import REPORTERS
    from schema_tools.rules.registry import rule_ids

    config = config_from(args)
    console = Console.for_args(args, config)
    _check_rule_ids([*args.only, *args.skip], set(rule_ids()), since=args.since)
    changed = None
    if args.changed or args.staged:
        from schema_tools.rules.incremental import changed_paths

        changed = changed_paths(config.schema_base_path, staged=args.staged)
        console.info(f"{len(changed)} changed paths")
    report = _report(args, config, changed)
    output = REPORTERS[args.format](report, root=config.cwd, verbose=bool(args.verbose))
    sys.stdout.write(output)
    return EXIT_OK if report.ok else EXIT_FAILURE


def _check_rule_ids(asked: list[str], known: set[str], *, since: str | None) -> None:
    """Refuse unknown rule IDs; the IDs of the history checks are known with --since only.

    Raises:
        UsageError: an unknown ID (the message lists the known ones), or a history ID without --since.
    """
    unknown = sorted({rule for rule in asked if rule not in known})
    if not unknown:
        return
    from schema_tools.history import RULES as HISTORY_RULES  # only now: it loads the compat engine

    history = [rule for rule in unknown if rule in HISTORY_RULES]
    if history and since is None:
        raise UsageError(f"{', '.join(history)}: checked with --since REF only")
    unknown = [rule for rule in unknown if rule not in HISTORY_RULES]
    if unknown:
        raise UsageError(
            f"unknown rule ID {', '.join(unknown)}; `schema-tools rules` lists them: "
            f"{', '.join(sorted(known))}; with --since also: {', '.join(HISTORY_RULES)}"
        )


def _report(args: argparse.Namespace, config: Config, changed: list[Path] | None) -> Report:
    from schema_tools.checks import check_repository

    # A --since revision missing from the clone raises RevisionNotFound: exit 2, like a bad option.
    return check_repository(
        config,
        only=args.only,
        skip=args.skip,
        changed=changed,
        use_cache=args.cache,
        since=args.since,
        staged=args.staged,
    )

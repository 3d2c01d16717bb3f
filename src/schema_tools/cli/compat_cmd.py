"""`compat`: is NEW compatible with OLD? Or: are the repository's versions (or its changes since REF)?"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from schema_tools.cli.common import Console, add_config_options, config_from
from schema_tools.errors import UsageError

if TYPE_CHECKING:
    from schema_tools.compat.settings import CompatSettings
    from schema_tools.config import Config

from schema_tools.compat.settings import MODES as MODE_CHOICES  # light: no engine is loaded


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "compat",
        help="check that a schema version is compatible with another (or the whole repository)",
        description="With OLD and NEW (files or $ids): exit 0 when NEW is compatible with OLD under the "
        "mode, 1 when it is not. Without them: check every version of the repository against its "
        "predecessors in the same major version, or, with --since REF, the changes since a git revision "
        "(published versions untouched, changed current schemas materialized, new versions compatible).",
        epilog="Modes: backward (new readers read old data), forward (old readers read new data), full "
        "(both), each with -transitive (against every earlier version of the major), none, and "
        "jsonschema-tools (the reference's rule). Default: compatibilityMode from the config, else "
        "jsonschema-tools.",
    )
    parser.add_argument("old", nargs="?", metavar="OLD", help="the earlier version: a file or a $id")
    parser.add_argument("new", nargs="?", metavar="NEW", help="the later version: a file or a $id")
    parser.add_argument(
        "--mode",
        choices=MODE_CHOICES,
        metavar="MODE",
        help=f"the compatibility mode, overriding the config: {', '.join(MODE_CHOICES)}",
    )
    parser.add_argument(
        "--policy",
        choices=("strict", "lenient"),
        help="lenient: optional properties may come and go (default: compatibilityPolicy, else strict)",
    )
    parser.add_argument("--since", metavar="REF", help="check the changes since this git revision")
    parser.add_argument(
        "--staged", action="store_true", help="with --since: check the index, not the work tree"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_config_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from schema_tools.compat.settings import load_settings

    if args.new is None and args.old is not None:
        raise UsageError("compat takes two schemas, OLD and NEW (or none, to check the repository)")
    if args.old is not None and args.since is not None:
        raise UsageError("--since checks the repository; it does not go with OLD and NEW")
    if args.staged and args.since is None:
        raise UsageError("--staged goes with --since")
    config = config_from(args)
    settings = load_settings(config, mode=args.mode, policy=args.policy)
    if args.old is not None:
        return _pair(args, config, settings)
    return _repository(args, config, settings)


def _pair(args: argparse.Namespace, config: Config, settings: CompatSettings) -> int:
    from schema_tools.compat.inputs import ensure_schema, load_argument
    from schema_tools.compat.modes import check
    from schema_tools.compat.render import verdict_json, verdict_text

    old = ensure_schema(load_argument(args.old, config))
    new = ensure_schema(load_argument(args.new, config))
    schema_id = new.schema_id or new.label
    mode = settings.mode_for(schema_id)
    exceptions = settings.exceptions_for(schema_id)
    verdict = check(
        old.document, new.document, mode, schema_id=schema_id, exceptions=exceptions, policy=settings.policy
    )
    if args.format == "json":
        sys.stdout.write(
            json.dumps(verdict_json(verdict, old.label, new.label), indent=2, ensure_ascii=False, default=str)
            + "\n"
        )
    else:
        sys.stdout.write(
            verdict_text(verdict, old.label, new.label, old_version=old.version, new_version=new.version)
        )
    return 0 if verdict.compatible else 1


def _repository(args: argparse.Namespace, config: Config, settings: CompatSettings) -> int:
    from schema_tools.compat.render import findings_json, findings_text

    console = Console.for_args(args, config)
    if args.since is not None:
        from schema_tools.history import check_since

        findings = check_since(config, args.since, staged=args.staged, settings=settings)
        scope = f"changes since {args.since}"
    else:
        from schema_tools.compat.semver import check_repository

        findings = check_repository(config, settings)
        scope = "versions"
    errors = [f for f in findings if f.severity == "error"]
    sys.stdout.write(findings_json(findings) if args.format == "json" else findings_text(findings))
    warnings = len(findings) - len(errors)
    console.summary(f"compat: {scope}: {len(errors)} errors, {warnings} warnings")
    return 1 if errors else 0

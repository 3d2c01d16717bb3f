"""`diff`: the classified changes between two versions of a schema, or an RFC 6902 patch."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schema_tools.cli.common import Console, add_config_options, config_from, relative
from schema_tools.compat.settings import MODES as MODE_CHOICES  # light: no engine is loaded
from schema_tools.errors import UsageError

if TYPE_CHECKING:
    from schema_tools.compat.inputs import Loaded
    from schema_tools.compat.settings import CompatSettings
    from schema_tools.config import Config


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="show what changed between two versions of a schema",
        description="Compare two versions of one schema (named by title, such as mediawiki/page/change, "
        "or by a path in its directory) and list each change with its kind, marked when it breaks "
        "compatibility; or print an RFC 6902 JSON Patch. Without a schema: every schema with two versions "
        "or more.",
    )
    parser.add_argument("target", nargs="?", metavar="TITLE|PATH", help="the schema (default: all schemas)")
    parser.add_argument(
        "--from", dest="from_version", metavar="V", help="the earlier version (default: the one before --to)"
    )
    parser.add_argument(
        "--to",
        dest="to_version",
        metavar="V",
        default="latest",
        help="the later version: a version, latest (default) or current (materialized in memory)",
    )
    parser.add_argument(
        "--format", choices=("text", "json", "json-patch"), default="text", help="output format"
    )
    parser.add_argument(
        "--mode",
        choices=MODE_CHOICES,
        metavar="MODE",
        help=f"the mode that marks breaking changes (default: from the config): {', '.join(MODE_CHOICES)}",
    )
    parser.add_argument("--policy", choices=("strict", "lenient"), help="the compatibility policy")
    add_config_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from schema_tools.compat.inputs import schema_directory
    from schema_tools.compat.settings import load_settings

    config = config_from(args)
    settings = load_settings(config, mode=args.mode, policy=args.policy)
    if args.target is not None:
        directories = [schema_directory(args.target, config)]
    else:
        directories = _all_directories(config)
    results: list[dict[str, Any]] = []
    console = Console.for_args(args, config)
    for directory in directories:
        pair = _pair(directory, args, config, explicit=args.target is not None)
        if pair is not None:
            results.append(_result(directory, *pair, settings, config))
    if args.target is None and not results:
        console.warn("no schema has two versions to compare")
    _print(results, args.format, single=args.target is not None)
    return 0


def _all_directories(config: Config) -> list[Path]:
    from schema_tools.repository import iter_schema_paths

    seen: dict[Path, int] = {}
    for path, current, content_type in iter_schema_paths(config):
        if not current and content_type == config.primary_content_type:
            seen[path.parent] = seen.get(path.parent, 0) + 1
    return [directory for directory, count in seen.items() if count >= 2]


def _pair(
    directory: Path, args: argparse.Namespace, config: Config, *, explicit: bool
) -> tuple[Loaded, Loaded] | None:
    """(from, to) versions; None when a schema of a whole-repository run lacks them."""
    from schema_tools.compat.inputs import load_version, versions_in

    try:
        new = load_version(directory, args.to_version, config)
        if args.from_version is not None:
            return load_version(directory, args.from_version, config), new
        below = [v for v in versions_in(directory, config) if new.version is None or v < new.version]
        if not below:
            raise UsageError(f"{directory.name} has no version before {new.label}")
        return load_version(directory, str(max(below)), config), new
    except UsageError:
        if explicit:
            raise
        return None


def _result(
    directory: Path, old: Loaded, new: Loaded, settings: CompatSettings, config: Config
) -> dict[str, Any]:
    from schema_tools.compat.changes import compare
    from schema_tools.compat.modes import breaks, check

    mode = settings.mode_for(new.schema_id)
    changes = compare(old.document, new.document)
    verdict = check(
        old.document,
        new.document,
        mode,
        schema_id=new.schema_id,
        exceptions=settings.exceptions_for(new.schema_id),
        policy=settings.policy,
    )
    title = relative(directory, config.schema_base_path)
    return {
        "title": title,
        "from": old.label,
        "to": new.label,
        "mode": mode,
        "compatible": verdict.compatible,
        "changes": changes,
        "breaking": [breaks(c, mode, settings.policy) for c in changes],
        "violations": [c.message for c in verdict.breaking if c.kind == "reference-rule-violation"],
        "old": old.document,
        "new": new.document,
    }


def _print(results: list[dict[str, Any]], fmt: str, *, single: bool) -> None:
    from schema_tools.compat.render import change_line

    if fmt == "json-patch":
        import jsonpatch

        patches = [
            {
                "title": r["title"],
                "from": r["from"],
                "to": r["to"],
                "patch": jsonpatch.make_patch(r["old"], r["new"]).patch,
            }
            for r in results
        ]
        data: Any = patches[0]["patch"] if single and patches else patches
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "json":
        items = [
            {
                "title": r["title"],
                "from": r["from"],
                "to": r["to"],
                "mode": r["mode"],
                "compatible": r["compatible"],
                "changes": [
                    {**c.to_json(), "breaking": b} for c, b in zip(r["changes"], r["breaking"], strict=True)
                ],
            }
            for r in results
        ]
        sys.stdout.write(
            json.dumps(items[0] if single and items else items, indent=2, ensure_ascii=False, default=str)
            + "\n"
        )
    else:
        for r in results:
            count = len(r["changes"])
            verdict = "compatible" if r["compatible"] else "NOT compatible"
            sys.stdout.write(
                f"{r['title']} {r['from']} → {r['to']}: {count} change{'s' if count != 1 else ''}, "
                f"{verdict} under {r['mode']}\n"
            )
            for change, breaking in zip(r["changes"], r["breaking"], strict=True):
                sys.stdout.write(change_line(change, breaking=breaking) + "\n")
            for message in r["violations"]:
                sys.stdout.write(f"  ✗ ! {message}  [jsonschema-tools rule]\n")

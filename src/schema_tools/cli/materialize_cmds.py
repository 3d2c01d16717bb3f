"""`materialize`, `materialize-all` and `materialize-modified`: the three ways to pick the schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from schema_tools.cli.common import (
    Console,
    add_config_options,
    add_materialize_options,
    config_from,
    read_sources,
    relative,
)
from schema_tools.errors import UsageError

if TYPE_CHECKING:
    from schema_tools.cache import MaterializeCache
    from schema_tools.config import Config
    from schema_tools.plan import Source
    from schema_tools.write import Action


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    one = subparsers.add_parser(
        "materialize",
        help="materialize the given current schema files into version files",
        description="Dereference, merge allOf, add numeric bounds and an example, then write "
        "<version>.<type> files and links beside each schema (or into --output-dir).",
    )
    one.add_argument("paths", nargs="*", metavar="PATH", help="schema files; none or - reads standard input")
    one.add_argument(
        "-O",
        "--stdout",
        action="store_true",
        help="print the materialized schema (first content type) instead of writing files",
    )
    add_materialize_options(one)
    add_config_options(one)
    one.set_defaults(handler=run_materialize)

    every = subparsers.add_parser(
        "materialize-all",
        help="materialize every current schema of the repository",
        description="Find every current schema under BASE (default: schemaBasePath) and materialize them, "
        "fragments before the schemas that reference them. Nothing is written if any schema fails.",
    )
    every.add_argument("base", nargs="?", type=Path, metavar="BASE", help="schema base path")
    add_materialize_options(every)
    add_config_options(every)
    every.set_defaults(handler=run_materialize_all)

    modified = subparsers.add_parser(
        "materialize-modified",
        help="materialize the current schemas git sees as modified, then git add",
        description="Materialize current schema files that differ from HEAD (with --staged: that are "
        "staged), plus new untracked ones, and stage what was written (unless --no-git-add).",
    )
    modified.add_argument("base", nargs="?", type=Path, metavar="BASE", help="schema base path")
    modified.add_argument(
        "-s", "--staged", action="store_true", default=None, help="only staged changes (for a pre-commit hook)"
    )
    modified.add_argument(
        "-G",
        "--no-git-add",
        dest="git_add",
        action="store_false",
        default=None,
        help="do not git add the files written",
    )
    add_materialize_options(modified)
    add_config_options(modified)
    modified.set_defaults(handler=run_materialize_modified)


def run_materialize(args: argparse.Namespace) -> int:
    from schema_tools.plan import Source

    config = config_from(args)
    console = Console.for_args(args, config)
    sources = [Source(path, schema) for path, schema in read_sources(args.paths)]
    if args.stdout:
        return _print_materialized(sources, config)
    output_dir = args.output_dir.absolute() if args.output_dir else None
    if any(str(s.path) == "<stdin>" for s in sources) and output_dir is None:
        raise UsageError("reading a schema from standard input needs --output-dir (or --stdout)")
    _materialize(sources, config, console, output_dir, use_cache=args.cache)
    return 0


def _print_materialized(sources: list[Source], config: Config) -> int:
    from schema_tools.materialize import render
    from schema_tools.plan import RunFailed, materialize_sources

    result = materialize_sources(sources, config)
    if result.errors:
        raise RunFailed(result.errors)
    documents = [item.document for item in result.materialized]
    content_type = config.primary_content_type
    sys.stdout.write(render(documents[0] if len(documents) == 1 else documents, content_type))
    if content_type == "json":
        sys.stdout.write("\n")
    return 0


def run_materialize_all(args: argparse.Namespace) -> int:
    import os

    from schema_tools import stamp
    from schema_tools.plan import Source
    from schema_tools.repository import iter_schema_paths

    # A stamp is only trusted for the command line that wrote it; a full run replaces it, or leaves none.
    command_line: list[str] | None = getattr(args, "command_line", None)
    if command_line is not None and args.cache:
        stamp.forget(os.getcwd(), command_line)
    config = config_from(args)
    console = Console.for_args(args, config)
    warnings = [f"warning: {w}" for w in config.warnings]
    sources = [Source(path) for path, _current, _ct in iter_schema_paths(config, current_only=True)]
    if not sources:
        warnings.append(f"warning: no {config.current_name} files under {relative(config.schema_base_path)}")
        console.warn(warnings[-1].removeprefix("warning: "))
    output_dir = args.output_dir.absolute() if args.output_dir else None
    _actions, cache = _materialize(sources, config, console, output_dir, use_cache=args.cache, apply_ignore=True)
    if command_line is not None and cache is not None and not config.dry_run:
        _write_stamp(command_line, config, sources, cache, warnings, quiet=console.quiet)
    return 0


def _write_stamp(
    command_line: list[str],
    config: Config,
    sources: list[Source],
    cache: MaterializeCache,
    warnings: list[str],
    *,
    quiet: bool,
) -> None:
    """Stamp a successful materialize-all, so that repeating it on an unchanged tree ends at start-up."""
    import os

    from schema_tools import stamp
    from schema_tools.plan import run_dependencies

    depends = run_dependencies(sources, config, cache)
    if depends is None:
        return  # not every input can be trusted to stay as it is (see run_dependencies)
    up_to_date = sum(1 for s in sources if str(s.path) in cache.entries)
    summary = None if quiet else _summary(config, skipped=up_to_date)
    stamp.write(os.getcwd(), command_line, depends, [] if quiet else warnings, summary)


def run_materialize_modified(args: argparse.Namespace) -> int:
    from schema_tools.gitrepo import git_add, git_root, modified_files
    from schema_tools.plan import Source

    config = config_from(args)
    console = Console.for_args(args, config)
    root = git_root(config.schema_base_path)
    base = config.schema_base_path
    paths = [
        p
        for p in modified_files(root, staged=config.git_staged)
        if p.name == config.current_name and p.is_file() and p.is_relative_to(base)
    ]
    if not paths:
        console.info(f"no modified {config.current_name} files under {relative(base)}")
        console.summary("materialized 0 schemas")
        return 0
    sources = [Source(p) for p in paths]
    output_dir = args.output_dir.absolute() if args.output_dir else None
    actions, _cache = _materialize(sources, config, console, output_dir, use_cache=args.cache)
    changed = [a.path for a in actions if a.changed]
    if config.should_git_add and not config.dry_run and changed:
        git_add(root, changed)
        console.info(f"git add: {len(changed)} paths")
    return 0


def _materialize(
    sources: list[Source],
    config: Config,
    console: Console,
    output_dir: Path | None,
    *,
    use_cache: bool = False,
    apply_ignore: bool = False,
) -> tuple[list[Action], MaterializeCache | None]:
    """Materialize and write, then report what changed; returns the actions and the cache used."""
    from schema_tools.cli.progress import Progress
    from schema_tools.plan import materialize_and_write, open_cache

    cache = open_cache(config, output_dir) if use_cache else None
    with Progress(console, total=len(sources)) as progress:
        result, actions = materialize_and_write(
            sources,
            config,
            output_dir=output_dir,
            on_progress=lambda s: progress.step(relative(s.path)),
            cache=cache,
            apply_ignore=apply_ignore,
        )
    for action in actions:
        if action.changed:
            verb = "would write" if config.dry_run else "wrote"
            if action.target is not None:
                verb = "would link" if config.dry_run else "linked"
                console.info(f"{verb} {relative(action.path)} -> {action.target}")
            else:
                console.info(f"{verb} {relative(action.path)}")
    console.summary(
        _summary(
            config,
            materialized=len(result.materialized),
            written=sum(1 for a in actions if a.kind == "write"),
            unchanged=sum(1 for a in actions if a.kind == "unchanged"),
            links=sum(1 for a in actions if a.kind == "link"),
            skipped=result.skipped,
        )
    )
    return actions, cache


def _summary(
    config: Config, *, materialized: int = 0, written: int = 0, unchanged: int = 0, links: int = 0, skipped: int = 0
) -> str:
    prefix = "dry run: would materialize" if config.dry_run else "materialized"
    cached = f", {skipped} up to date (cached)" if skipped else ""
    return (
        f"{prefix} {materialized} schemas: {written} files written, {unchanged} unchanged, "
        f"{links} links updated{cached}"
    )

"""`serve`: answer schema repositories over HTTP, as intake services fetch them.

The options that say what is served (BASE…, --prefix) are shared with `export` (cli/export_cmd.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from schema_tools.cli.common import comma_list
from schema_tools.errors import UsageError

if TYPE_CHECKING:
    from schema_tools.serve.tree import Source, Tree


def add_tree_options(parser: argparse.ArgumentParser) -> None:
    """BASE…, --prefix, -C and -q: which repositories are served, and where."""
    parser.add_argument(
        "bases",
        nargs="*",
        metavar="BASE",
        help="a repository (its .jsonschema-tools.yaml names the schema directory) or a schema directory; "
        "default: the schemaBasePath of ./.jsonschema-tools.yaml",
    )
    parser.add_argument(
        "-p",
        "--prefix",
        action="append",
        default=[],
        metavar="/PATH",
        help="URL path a BASE is served under (default: the root); with several BASEs, one each, in order",
    )
    parser.add_argument(
        "-C",
        "--config",
        "--config-paths",
        dest="config_paths",
        action="extend",
        type=comma_list,
        metavar="FILE",
        help="config files to read when no BASE is given (default: ./.jsonschema-tools.yaml)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def sources_from(args: argparse.Namespace) -> list[Source]:
    """The (prefix, schema directory, current name) of every BASE on the command line.

    Raises:
        UsageError: the prefixes do not pair with the BASEs, or -C is given with a BASE.
        ConfigError: a repository's config file is invalid.
        ServeError: a BASE does not exist.
    """
    from schema_tools.config import load_config
    from schema_tools.serve.scan import ServeError
    from schema_tools.serve.tree import Source

    bases: list[str | None] = list(args.bases) or [None]
    prefixes: list[str] = list(args.prefix) or [""]
    if len(prefixes) != len(bases):
        raise UsageError(
            f"{len(bases)} BASEs and {len(args.prefix)} --prefix options: when serving several "
            "repositories, give each its own --prefix, in the same order"
        )
    if args.bases and args.config_paths:
        raise UsageError("-C/--config applies when no BASE is given (a BASE's own config file is read)")
    sources = []
    for base, prefix in zip(bases, prefixes, strict=True):
        if base is None:
            config = load_config(config_paths=args.config_paths)
        elif not Path(base).is_dir():
            raise ServeError("does not exist or is not a directory", path=base)
        else:
            config = load_config(cwd=Path(base))
        for warning in config.warnings:
            _warn(args, warning)
        sources.append(Source(prefix, config.schema_base_path, config.current_name))
    return sources


def build_from(args: argparse.Namespace) -> Tree:
    """Build the served tree for the command line's sources, printing what was skipped."""
    from schema_tools.serve.tree import build_tree

    tree = build_tree(sources_from(args))
    for warning in tree.warnings:
        _warn(args, warning)
    return tree


def _warn(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(f"warning: {message}", file=sys.stderr)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve schema repositories over HTTP (for intake services and browsers)",
        description="Serve every version of every schema at <prefix>/<title>/<version> (YAML, or JSON when "
        "the Accept header asks for it), .yaml, .json, latest, latest.yaml, latest.json and current.yaml; "
        "directory listings in nginx's autoindex JSON format; <prefix>/index.json lists every title. "
        "Everything is read once at startup (SIGHUP re-reads it); SIGTERM or Ctrl-C stops.",
        epilog="Example: schema-tools serve ../primary ../secondary -p /repositories/primary/jsonschema "
        "-p /repositories/secondary/jsonschema --port 8080",
    )
    add_tree_options(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=8080, help="port to listen on (default 8080; 0: any free port)"
    )
    parser.add_argument("--access-log", action="store_true", help="print one line per request on stderr")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from schema_tools.serve.server import serve_forever

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}")
    tree = build_from(args)

    def announce(address: tuple[str, int]) -> None:
        host, port = address
        shown = f"[{host}]" if ":" in host else host
        if not args.quiet:
            for source in tree.sources:
                print(f"serving {source.root} at http://{shown}:{port}{source.prefix}/", file=sys.stderr)
        print(
            f"listening on http://{shown}:{port} ({len(tree.entries)} documents)", file=sys.stderr, flush=True
        )

    def report(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    serve_forever(
        tree,
        args.host,
        args.port,
        announce=announce,
        reload=lambda: build_from(args),
        report=report,
        access_log=args.access_log,
    )
    if not args.quiet:
        print("stopped", file=sys.stderr)
    return 0

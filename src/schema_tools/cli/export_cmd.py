"""`export`: write the served tree as static files plus an nginx configuration (serving at any scale)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schema_tools.cli.serve_cmd import add_tree_options, build_from


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write what `serve` answers as static files, with an nginx config snippet",
        description="Write every document `schema-tools serve` answers to OUT_DIR/public (extensionless "
        "files, both content types, listings, index.json, .gz variants; mtimes set so ETags match) and "
        "nginx snippets to OUT_DIR/nginx that give them the same content types and cache headers. "
        "OUT_DIR must be absent, empty or a previous export, which is replaced as a whole.",
        epilog="Example: schema-tools export /srv/schemas ../primary -p /repositories/primary/jsonschema",
    )
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="where to write the export")
    add_tree_options(parser)
    parser.add_argument(
        "--nginx-root",
        type=Path,
        metavar="DIR",
        help="web root the nginx snippet names (default: OUT_DIR/public), when the tree "
        "is copied elsewhere before it is served",
    )
    parser.add_argument(
        "--no-gzip",
        dest="gzip",
        action="store_false",
        help="do not write .gz files (nginx then sends everything uncompressed)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from schema_tools.serve.export import export_tree

    tree = build_from(args)
    result = export_tree(tree, args.out_dir, nginx_root=args.nginx_root, gzip=args.gzip)
    if not args.quiet:
        print(
            f"exported {result.documents} documents ({result.compressed} with a .gz) to {result.public}; "
            f"nginx snippets: {', '.join(str(p) for p in result.nginx_files)}",
            file=sys.stderr,
        )
    return 0

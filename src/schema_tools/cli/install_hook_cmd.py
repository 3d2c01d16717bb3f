"""`install-git-hook`: a plain git pre-commit hook, for repositories that do not use pre-commit."""

from __future__ import annotations

import argparse
import sys

from schema_tools.cli.common import Console, add_config_options, config_from, relative


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "install-git-hook",
        help="install a git pre-commit hook that materializes and checks staged schemas",
        description="Write .git/hooks/pre-commit (where git looks for it: core.hooksPath and worktrees are "
        "respected). On each commit it runs `schema-tools materialize-modified --staged` and then "
        "`schema-tools compat --since HEAD --staged`, so it needs nothing but schema-tools on PATH. "
        "Repositories that use the pre-commit framework should use its hooks (.pre-commit-hooks.yaml) "
        "instead.",
    )
    parser.add_argument("--force", action="store_true", help="replace a pre-commit hook that is not ours")
    parser.add_argument("-n", "--dry-run", action="store_true", help="print the hook instead of writing it")
    add_config_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from schema_tools.gitrepo import git_root
    from schema_tools.hooks import SCRIPT, install_git_hook

    config = config_from(args)
    console = Console.for_args(args, config)
    root = git_root(config.schema_base_path)
    result = install_git_hook(root, force=args.force, dry_run=args.dry_run)
    if args.dry_run:
        sys.stdout.write(SCRIPT)
        console.summary(f"dry run: would write {relative(result.path)}")
    elif not result.written:
        console.summary(f"{relative(result.path)} is already installed")
    else:
        console.summary(f"{'replaced' if result.replaced else 'wrote'} {relative(result.path)}")
    return 0

"""Entry point: compose the commands, run one, turn errors into messages and exit codes.

Only argparse is imported at start-up; every command imports what it needs when it runs, so
`schema-tools --help` and a no-op stay fast enough for a pre-commit hook (see the README's design notes).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from schema_tools import __version__
from schema_tools.errors import EXIT_INTERRUPTED, EXIT_UNEXPECTED, SchemaToolsError


# One module per command (or family of commands) under schema_tools/cli/, each with register(subparsers).
COMMAND_MODULES = (
    "materialize_cmds",
    "dereference_cmd",
    "test_cmd",
    "rules_cmd",
    "compat_cmd",
    "diff_cmd",
    "install_hook_cmd",
    "serve_cmd",
    "export_cmd",
    "validate_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="schema-tools",
        description="Materialize, check and serve git repositories of versioned JSON Schemas. "
        "Reads .jsonschema-tools.yaml; a drop-in for @wikimedia/jsonschema-tools.",
        epilog="Exit codes: 0 ok, 1 error in the input or failed checks, 2 usage error, 3 unexpected error.",
    )
    parser.add_argument("--version", action="version", version=f"schema-tools {__version__}")
    parser.add_argument("--traceback", action="store_true", help="show the full traceback of unexpected errors")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"schema_tools.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"schema_tools.cli.{name}":
                raise
            continue  # TODO(integration): every listed module exists once the open issues land
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # --traceback is accepted anywhere on the line, so it can be added to any failing command.
    traceback = "--traceback" in argv
    parser = build_parser()
    args = parser.parse_args([a for a in argv if a != "--traceback"])
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(args))
    except SchemaToolsError as error:
        for line in str(error).splitlines() or [error.message]:
            print(f"error: {line}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last resort: never a bare traceback unless asked for
        if traceback:
            raise
        print(f"unexpected error: {type(error).__name__}: {error} (rerun with --traceback for details)",
              file=sys.stderr)
        return EXIT_UNEXPECTED


def run() -> None:
    """Console-script entry point."""
    raise SystemExit(main())


if __name__ == "__main__":
    run()

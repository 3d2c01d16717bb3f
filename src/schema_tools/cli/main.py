"""Entry point: compose the commands, run one, turn errors into messages and exit codes.

Nothing but argparse is imported at start-up; every command imports what it needs when it runs, so
`schema-tools --help` and a no-op stay fast enough for a pre-commit hook (see the README's design notes).
A `materialize-all` repeated on an unchanged tree is answered from its stamp (stamp.py) before even
argparse is imported.
"""

from __future__ import annotations

import sys
import time

from schema_tools import __version__

TYPE_CHECKING = False  # not `from typing`: that import alone costs 3 ms of start-up

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

# Every command: the module under schema_tools/cli/ that registers it (register(subparsers)), and its
# one-line help. Only the module of the command being run is imported, so that `--help` and a pre-commit
# hook pay for no other command's imports.
COMMANDS: dict[str, tuple[str, str]] = {
    "materialize": ("materialize_cmds", "materialize the given current schema files into version files"),
    "materialize-all": ("materialize_cmds", "materialize every current schema of the repository"),
    "materialize-modified": ("materialize_cmds", "materialize the current schemas git sees as modified, then git add"),
    "dereference": ("dereference_cmd", "print schemas with $refs resolved and allOf merged"),
    "test": ("test_cmd", "check the schema repository (structure, robustness, compatibility)"),
    "rules": ("rules_cmd", "list the check rules (IDs for --rule, --skip-rule and skipSchemaTestCases)"),
    "compat": ("compat_cmd", "check that a schema version is compatible with another (or the whole repository)"),
    "diff": ("diff_cmd", "show what changed between two versions of a schema"),
    "install-git-hook": (
        "install_hook_cmd",
        "install a git pre-commit hook that materializes and checks staged schemas",
    ),
    "serve": ("serve_cmd", "serve schema repositories over HTTP (for intake services and browsers)"),
    "export": ("export_cmd", "write what `serve` answers as static files, with an nginx config snippet"),
    "validate": ("validate_cmd", "validate events against the schemas their $schema names"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; `command`'s module is imported to add its real options, the others are listed only."""
    import argparse
    import importlib

    parser = argparse.ArgumentParser(
        prog="schema-tools",
        description="Materialize, check and serve git repositories of versioned JSON Schemas. "
        "Reads .jsonschema-tools.yaml; a drop-in for @wikimedia/jsonschema-tools.",
        epilog="Exit codes: 0 ok, 1 error in the input or failed checks, 2 usage error, 3 unexpected error. "
        "`schema-tools COMMAND --help` describes a command.",
    )
    parser.add_argument("--version", action="version", version=f"schema-tools {__version__}")
    parser.add_argument("--traceback", action="store_true", help="show the full traceback of unexpected errors")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    if command in COMMANDS:
        importlib.import_module(f"schema_tools.cli.{COMMANDS[command][0]}").register(subparsers)
    else:
        for name, (_module, help_text) in COMMANDS.items():
            subparsers.add_parser(name, help=help_text)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    return next((arg for arg in argv if not arg.startswith("-")), None)


_REPLAYED: list[bool] = []  # set when the stamp answered: run() may then end the process without finalizing it


def _replay_unchanged(argv: list[str], started: float) -> bool:
    """Answer a repeated `materialize-all` from its stamp when nothing it depends on changed."""
    import os

    from schema_tools import stamp

    replayed = stamp.replay(os.getcwd(), argv)
    if replayed is None:
        return False
    lines, summary = replayed
    for line in lines:
        print(line, file=sys.stderr)
    if summary is not None:
        print(f"{summary} ({time.perf_counter() - started:.2f} s)", file=sys.stderr)
    _REPLAYED.append(True)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    started = time.perf_counter()
    argv = list(sys.argv[1:] if argv is None else argv)
    # --traceback is accepted anywhere on the line, so it can be added to any failing command.
    traceback = "--traceback" in argv
    argv = [a for a in argv if a != "--traceback"]
    if argv[:1] == ["materialize-all"] and "--no-cache" not in argv and _replay_unchanged(argv, started):
        return 0
    from schema_tools.errors import EXIT_INTERRUPTED, EXIT_UNEXPECTED, SchemaToolsError  # after the stamp's answer

    parser = build_parser(_command_of(argv))
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    args.command_line = argv
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
        print(
            f"unexpected error: {type(error).__name__}: {error} (rerun with --traceback for details)", file=sys.stderr
        )
        return EXIT_UNEXPECTED


def run() -> None:
    """Console-script entry point."""
    code = main()
    if _REPLAYED:
        # Only built-in modules were loaded and nothing is open: tearing the interpreter down would
        # cost more than the answer did (about 1 ms of 15).
        import os

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    raise SystemExit(code)


if __name__ == "__main__":
    run()

"""Options shared by several commands, turned into config overrides; messages on stderr."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from schema_tools.config import Config, load_config, parse_uri_map_option


def comma_list(value: str) -> list[str]:
    """`a,b` → [a, b]; repeated options are concatenated by argparse's `extend` action."""
    return [item for item in value.split(",") if item]


def add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("configuration")
    group.add_argument(
        "-C",
        "--config",
        "--config-paths",
        dest="config_paths",
        action="extend",
        type=comma_list,
        metavar="FILE",
        help="config files to read, in order (default: ./.jsonschema-tools.yaml)",
    )
    group.add_argument(
        "-u",
        "--schema-base-uris",
        dest="schema_base_uris",
        action="extend",
        type=comma_list,
        metavar="URI",
        help="base URIs (directories, file://, http(s)://) that absolute $ref paths are looked up under, in order",
    )
    group.add_argument(
        "-m",
        "--map-base-uri",
        dest="map_base_uri",
        action="append",
        metavar="URI=DIR",
        default=[],
        help="read a remote base URI from a local directory instead (offline runs); repeatable",
    )
    group.add_argument("--fetch-timeout", type=float, metavar="SECONDS", help="timeout of each HTTP fetch (default 5)")
    group.add_argument("-v", "--verbose", action="store_true", help="log every file written (logLevel info)")
    group.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def add_materialize_options(parser: argparse.ArgumentParser, *, output_dir: bool = True) -> None:
    group = parser.add_argument_group("materialization")
    if output_dir:
        group.add_argument(
            "-o",
            "--output-dir",
            type=Path,
            metavar="DIR",
            help="write version files here instead of beside each current file (all schemas into this one directory)",
        )
    group.add_argument(
        "-c",
        "--content-types",
        dest="content_types",
        action="extend",
        type=comma_list,
        metavar="TYPE",
        help="content types to write: yaml, json (first one gets the links)",
    )
    group.add_argument("-V", "--schema-version-field", metavar="FIELD", help="field holding the version (default $id)")
    group.add_argument("-N", "--current-name", metavar="NAME", help="name of the current file (default current)")
    group.add_argument(
        "-D",
        "--no-dereference",
        dest="dereference",
        action="store_false",
        default=None,
        help="do not resolve $refs nor merge allOf",
    )
    group.add_argument(
        "-S",
        "--no-symlink-extensionless",
        dest="symlink_extensionless",
        action="store_false",
        default=None,
        help="do not link <version> to <version>.<type>",
    )
    group.add_argument(
        "-L",
        "--no-symlink-latest",
        dest="symlink_latest",
        action="store_false",
        default=None,
        help="do not maintain the latest links",
    )
    group.add_argument(
        "-n", "--dry-run", action="store_true", default=None, help="write nothing; say what would change"
    )
    group.add_argument(
        "--force", action="store_true", default=None, help="overwrite a published version whose content would change"
    )
    group.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="redo every schema: neither read nor write the incremental cache (stamps, records, cached outputs)",
    )


def overrides_from(args: argparse.Namespace) -> dict[str, Any]:
    """The camelCase config keys the given options override (absent options override nothing)."""
    mapping = {
        "schema_base_uris": "schemaBaseUris",
        "content_types": "contentTypes",
        "schema_version_field": "schemaVersionField",
        "current_name": "currentName",
        "dereference": "shouldDereference",
        "symlink_extensionless": "shouldSymlinkExtensionless",
        "symlink_latest": "shouldSymlinkLatest",
        "dry_run": "dryRun",
        "force": "force",
        "staged": "gitStaged",
        "git_add": "shouldGitAdd",
        "fetch_timeout": "fetchTimeout",
        "base": "schemaBasePath",
    }
    overrides: dict[str, Any] = {}
    for attribute, key in mapping.items():
        value = getattr(args, attribute, None)
        if value is not None:
            overrides[key] = str(value) if isinstance(value, Path) else value
    if getattr(args, "map_base_uri", None):
        overrides["schemaBaseUriMap"] = parse_uri_map_option(args.map_base_uri)
    if getattr(args, "verbose", False):
        overrides["logLevel"] = "debug"
    return overrides


def config_from(args: argparse.Namespace, **extra: Any) -> Config:
    """Load the effective config for a command and print its warnings."""
    overrides = {**overrides_from(args), **extra}
    config = load_config(overrides, config_paths=args.config_paths)
    console = Console.for_args(args, config)
    for warning in config.warnings:
        console.warn(warning)
    return config


class Console:
    """Logs and progress on stderr; stdout stays clean for data."""

    def __init__(self, *, verbose: bool, quiet: bool) -> None:
        self.verbose = verbose
        self.quiet = quiet
        self.started = time.perf_counter()
        self.interactive = sys.stderr.isatty()

    @classmethod
    def for_args(cls, args: argparse.Namespace, config: Config | None = None) -> Console:
        level_verbose = config is not None and config.log_level in ("info", "debug", "trace")
        quiet = bool(getattr(args, "quiet", False))
        return cls(verbose=(bool(getattr(args, "verbose", False)) or level_verbose) and not quiet, quiet=quiet)

    def info(self, message: str) -> None:
        if self.verbose:
            print(message, file=sys.stderr)

    def warn(self, message: str) -> None:
        if not self.quiet:
            print(f"warning: {message}", file=sys.stderr)

    def summary(self, message: str) -> None:
        if not self.quiet:
            print(f"{message} ({time.perf_counter() - self.started:.2f} s)", file=sys.stderr)

    def error(self, message: str) -> None:
        print(f"error: {message}", file=sys.stderr)


def relative(path: Path, base: Path | None = None) -> str:
    """A path relative to the working directory when it is below it, for shorter messages."""
    base = base or Path.cwd()
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def read_sources(paths: Sequence[str]) -> list[tuple[Path, Any]]:
    """Parse the given files (`-` or none: standard input)."""
    from schema_tools.documents.load import load_file, load_text

    if not paths or list(paths) == ["-"]:
        return [(Path("<stdin>"), load_text(sys.stdin.read(), "<stdin>"))]
    return [(Path(p).absolute(), load_file(p)) for p in paths]

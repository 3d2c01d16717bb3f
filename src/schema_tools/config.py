"""Configuration: `.jsonschema-tools.yaml` read exactly as the reference reads it, plus our own keys.

Precedence, as in the reference: built-in defaults, then each file of `configPaths` in order (a later file
wins), then command-line options. Merging is shallow, per top-level key; a `null` in a file is kept as
a value (the reference does the same), except for `schemaBaseUris` where an empty value means
"`[schemaBasePath]`". Unknown keys produce warnings, wrong types fail with the key named.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from schema_tools.errors import ConfigError

MIN_SAFE_INTEGER = -9007199254740991
MAX_SAFE_INTEGER = 9007199254740991
DEFAULT_CONFIG_PATHS = ("./.jsonschema-tools.yaml",)
CONTENT_TYPES = ("yaml", "json")
LOG_LEVELS = ("trace", "debug", "info", "warn", "error", "fatal", "silent")

# Every key the reference knows, with its default. `schemaBasePath` defaults to the working directory.
REFERENCE_DEFAULTS: dict[str, Any] = {
    "shouldSymlinkExtensionless": True,
    "shouldSymlinkLatest": True,
    "contentTypes": ["yaml", "json"],
    "currentName": "current",
    "schemaVersionField": "$id",
    "schemaTitleField": "title",
    "shouldDereference": True,
    "schemaBasePath": None,
    "schemaBaseUris": None,
    "dryRun": False,
    "gitStaged": False,
    "gitDiffCommit": "HEAD",
    "shouldGitAdd": True,
    "ignoreSchemas": [],
    "skipSchemaTestCases": {},
    "logLevel": "warn",
    "configPaths": list(DEFAULT_CONFIG_PATHS),
    "enforcedNumericBounds": [MIN_SAFE_INTEGER, MAX_SAFE_INTEGER],
    "shouldGenerateExample": False,
    "diffCommand": "diff --unified=0",
}
# Keys of ours. `schemaBaseUriMap` maps a remote base URI prefix to a local directory (offline runs);
# `fetchTimeout` bounds each HTTP fetch of a `$ref`, in seconds; `force` rewrites differing versions.
OWN_DEFAULTS: dict[str, Any] = {
    "schemaBaseUriMap": {},
    "fetchTimeout": 5.0,
    "force": False,
    # Compatibility settings; compat/settings.py reads and validates them (docs/compatibility.md).
    "compatibilityMode": None,
    "compatibilityPolicy": None,
    "compatibilityModes": {},
    "compatibilityExceptions": [],
}
DEFAULTS = {**REFERENCE_DEFAULTS, **OWN_DEFAULTS}
_BOOLEAN_KEYS = {k for k, v in DEFAULTS.items() if isinstance(v, bool)}
_STRING_KEYS = {"currentName", "schemaVersionField", "schemaTitleField", "gitDiffCommit", "diffCommand"}


class Config(NamedTuple):
    """The effective settings of one run. Paths are absolute.

    A NamedTuple rather than a dataclass: `dataclasses` costs 10 ms of start-up (it imports `inspect`),
    and every command reads a Config. `config._replace(key=value)` derives another.
    """

    schema_base_path: Path
    schema_base_uris: tuple[str, ...]
    schema_base_uri_map: Mapping[str, str]
    content_types: tuple[str, ...]
    current_name: str
    schema_version_field: str
    schema_title_field: str
    should_dereference: bool
    should_symlink_extensionless: bool
    should_symlink_latest: bool
    dry_run: bool
    git_staged: bool
    git_diff_commit: str
    should_git_add: bool
    ignore_schemas: tuple[str, ...]
    skip_schema_test_cases: Mapping[str, tuple[str, ...]]
    log_level: str
    enforced_numeric_bounds: tuple[int | float, int | float] | None
    should_generate_example: bool
    diff_command: str
    fetch_timeout: float
    force: bool
    cwd: Path
    config_files: tuple[Path, ...] = ()
    # Every config file looked for, found or not (one created later changes the settings), as given
    # (a symlink is not resolved: retargeting it is a change), with its stat signature before reading.
    config_candidates: tuple[Path, ...] = ()
    config_signatures: tuple[Any, ...] = ()
    schema_base_given: Path | None = None  # schemaBasePath as configured, before symlinks are resolved
    warnings: tuple[str, ...] = ()

    @property
    def primary_content_type(self) -> str:
        return self.content_types[0]

    def is_ignored(self, schema_id: str) -> bool:
        """ignoreSchemas: unanchored regular expressions searched anywhere in `$id`."""
        return any(re.search(pattern, schema_id) for pattern in self.ignore_schemas)


def load_config(
    overrides: Mapping[str, Any] | None = None,
    *,
    cwd: Path | None = None,
    config_paths: Sequence[str] | None = None,
) -> Config:
    """Build the effective Config: defaults, then config files, then overrides (camelCase keys).

    `config_paths` given explicitly (the CLI's --config) must exist; the default path may be absent.

    Raises:
        ConfigError: a file cannot be read, or a key has a value of the wrong type.
    """
    from schema_tools.errors import DocumentError
    from schema_tools.stamp import stat_signature

    cwd = (cwd or Path.cwd()).resolve()
    overrides = dict(overrides or {})
    explicit = config_paths is not None or "configPaths" in overrides
    paths = list(config_paths if config_paths is not None else overrides.get("configPaths", DEFAULT_CONFIG_PATHS))
    merged = dict(DEFAULTS)
    warnings: list[str] = []
    used_files: list[Path] = []
    candidates = tuple(cwd / raw for raw in paths)
    signatures = tuple(stat_signature(str(file)) for file in candidates)
    for raw, file in zip(paths, candidates, strict=True):
        if not file.is_file():
            if explicit:
                raise ConfigError("config file does not exist", path=str(raw))
            continue
        try:
            data = _read_config_file(file)
        except DocumentError as error:
            raise ConfigError(error.message, path=str(raw), line=error.line) from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError("a config file must be a mapping of keys to values", path=str(raw))
        for key in data:
            if key not in DEFAULTS and key != "log":
                warnings.append(f"{raw}: unknown key {key!r} ignored")
        merged.update({k: v for k, v in data.items() if k in DEFAULTS})
        used_files.append(file)
    merged.update({k: v for k, v in overrides.items() if v is not None})
    config = _build(merged, cwd, tuple(used_files), tuple(warnings))
    return config._replace(config_candidates=candidates, config_signatures=signatures)


def _read_config_file(file: Path) -> Any:
    """The parsed config file. A copy of the last parse is kept beside the other caches, keyed by the
    file's exact text: most runs (a pre-commit hook on a commit without schemas) then start without
    importing the YAML parser, which costs more than everything else such a run does.

    Raises:
        DocumentError: the file cannot be read or parsed.
    """
    import marshal

    from schema_tools.cache import cache_directory

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = None  # let the loader say what is wrong with it
    import zlib  # a stable, cheap name for the memo (str hashes change from one process to the next)

    memo = cache_directory() / "config" / f"{zlib.crc32(os.fsencode(file)):08x}.marshal"
    if text is not None:
        try:
            cached = marshal.loads(memo.read_bytes())
            if cached.get("path") == str(file) and cached.get("text") == text:
                return cached["data"]
        except (OSError, EOFError, ValueError, TypeError, AttributeError):
            pass
    from schema_tools.documents.load import load_file

    data = load_file(file)
    if text is not None:
        try:
            memo.parent.mkdir(parents=True, exist_ok=True)
            temporary = memo.with_name(f".{memo.name}.{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps({"path": str(file), "text": text, "data": data}))
            os.replace(temporary, memo)
        except (OSError, ValueError):
            pass  # a value marshal cannot hold (e.g. a date) or not writable: simply not kept
    return data


def _build(values: dict[str, Any], cwd: Path, files: tuple[Path, ...], warnings: tuple[str, ...]) -> Config:
    where = files[-1].name if files else "options"
    for key in _BOOLEAN_KEYS:
        if not isinstance(values[key], bool):
            raise ConfigError(f"{key} must be true or false, not {values[key]!r}", path=where)
    for key in _STRING_KEYS:
        if not isinstance(values[key], str) or not values[key]:
            raise ConfigError(f"{key} must be a non-empty string, not {values[key]!r}", path=where)
    content_types = _string_list(values, "contentTypes", where)
    if not content_types or any(ct not in CONTENT_TYPES for ct in content_types):
        raise ConfigError(f"contentTypes must list one or more of {', '.join(CONTENT_TYPES)}", path=where)
    base_path = values["schemaBasePath"]
    if base_path is not None and not isinstance(base_path, str):
        raise ConfigError(f"schemaBasePath must be a path, not {base_path!r}", path=where)
    given = cwd / base_path if base_path else cwd
    base = given.resolve()
    uris = values["schemaBaseUris"] or [base_path or str(cwd)]
    if isinstance(uris, str):
        uris = [u for u in uris.split(",") if u]
    values["schemaBaseUris"] = uris
    current_name = values["currentName"]
    if not Path(current_name).suffix:
        current_name = f"{current_name}.{content_types[0]}"
    log_level = values["logLevel"]
    if log_level not in LOG_LEVELS:
        raise ConfigError(f"logLevel must be one of {', '.join(LOG_LEVELS)}, not {log_level!r}", path=where)
    timeout = values["fetchTimeout"]
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise ConfigError(f"fetchTimeout must be a positive number of seconds, not {timeout!r}", path=where)
    return Config(
        schema_base_path=base,
        schema_base_given=given,
        schema_base_uris=tuple(_string_list(values, "schemaBaseUris", where)),
        schema_base_uri_map=_uri_map(values["schemaBaseUriMap"], where),
        content_types=tuple(content_types),
        current_name=current_name,
        schema_version_field=values["schemaVersionField"],
        schema_title_field=values["schemaTitleField"],
        should_dereference=values["shouldDereference"],
        should_symlink_extensionless=values["shouldSymlinkExtensionless"],
        should_symlink_latest=values["shouldSymlinkLatest"],
        dry_run=values["dryRun"],
        git_staged=values["gitStaged"],
        git_diff_commit=values["gitDiffCommit"],
        should_git_add=values["shouldGitAdd"],
        ignore_schemas=tuple(_regex_list(values, "ignoreSchemas", where)),
        skip_schema_test_cases=_skip_cases(values["skipSchemaTestCases"], where),
        log_level=log_level,
        enforced_numeric_bounds=_bounds(values["enforcedNumericBounds"], where),
        should_generate_example=values["shouldGenerateExample"],
        diff_command=values["diffCommand"],
        fetch_timeout=float(timeout),
        force=values["force"],
        cwd=cwd,
        config_files=files,
        warnings=warnings,
    )


def _string_list(values: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = values[key]
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings, not {value!r}", path=where)
    return value


def _regex_list(values: Mapping[str, Any], key: str, where: str) -> list[str]:
    patterns = _string_list(values, key, where)
    for index, pattern in enumerate(patterns):
        _check_regex(pattern, f"{key}[{index}]", where)
    return patterns


def _check_regex(pattern: str, key: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ConfigError(f"{key} is not a valid regular expression: {error}", path=where) from None


def _skip_cases(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"skipSchemaTestCases must map $id patterns to lists of rule IDs, not {value!r}", path=where)
    result: dict[str, tuple[str, ...]] = {}
    for pattern, rules in value.items():
        _check_regex(pattern, f"skipSchemaTestCases[{pattern!r}]", where)
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ConfigError(f"skipSchemaTestCases[{pattern!r}] must be a list of rule IDs", path=where)
        result[pattern] = tuple(rules)
    return result


def _uri_map(value: Any, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ConfigError("schemaBaseUriMap must map base URIs to local directories", path=where)
    return dict(value)


def _bounds(value: Any, where: str) -> tuple[int | float, int | float] | None:
    # The reference disables bounds for any falsy value (false, null, 0, '').
    if not value and not isinstance(value, list):
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        raise ConfigError(f"enforcedNumericBounds must be [minimum, maximum] or false, not {value!r}", path=where)
    return value[0], value[1]


def parse_uri_map_option(items: Sequence[str]) -> dict[str, str]:
    """`URI=DIR` pairs from the command line into a mapping.

    Raises:
        ConfigError: an item has no `=`.
    """
    mapping: dict[str, str] = {}
    for item in items:
        uri, sep, directory = item.partition("=")
        if not sep or not uri or not directory:
            raise ConfigError(f"--map-base-uri takes URI=DIRECTORY, not {item!r}")
        mapping[uri] = directory
    return mapping

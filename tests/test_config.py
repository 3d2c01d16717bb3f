"""Config: the reference's keys and defaults, file order, CLI precedence, warnings and typed errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema_tools.config import MAX_SAFE_INTEGER, MIN_SAFE_INTEGER, load_config, parse_uri_map_option
from schema_tools.errors import ConfigError


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    """With no file, every reference default applies and the base URI is the base path."""
    config = load_config(cwd=tmp_path)
    assert config.schema_base_path == tmp_path.resolve()
    assert config.schema_base_uris == (str(tmp_path.resolve()),)
    assert config.content_types == ("yaml", "json")
    assert config.current_name == "current.yaml"
    assert config.enforced_numeric_bounds == (MIN_SAFE_INTEGER, MAX_SAFE_INTEGER)
    assert config.should_generate_example is False
    assert config.should_symlink_latest and config.should_symlink_extensionless and config.should_dereference
    assert config.warnings == ()


def test_current_name_gets_the_first_content_type(tmp_path: Path) -> None:
    """`current` becomes `current.<first content type>`; a name with an extension is kept."""
    (tmp_path / ".jsonschema-tools.yaml").write_text("contentTypes: [json, yaml]\n")
    assert load_config(cwd=tmp_path).current_name == "current.json"
    assert load_config({"currentName": "main.yaml"}, cwd=tmp_path).current_name == "main.yaml"


def test_later_files_and_then_options_win(tmp_path: Path) -> None:
    """configPaths are applied in order, command-line options last."""
    (tmp_path / "a.yaml").write_text("schemaBasePath: ./a/\nlogLevel: info\n")
    (tmp_path / "b.yaml").write_text("schemaBasePath: ./b/\n")
    config = load_config(cwd=tmp_path, config_paths=["a.yaml", "b.yaml"])
    assert config.schema_base_path == (tmp_path / "b").resolve()
    assert config.schema_base_uris == ("./b/",)
    assert config.log_level == "info"
    config = load_config({"schemaBasePath": "./c/"}, cwd=tmp_path, config_paths=["a.yaml", "b.yaml"])
    assert config.schema_base_path == (tmp_path / "c").resolve()


def test_unknown_keys_warn(tmp_path: Path) -> None:
    """An unknown key is reported as a warning, not an error."""
    (tmp_path / ".jsonschema-tools.yaml").write_text("contentTypez: [yaml]\n")
    config = load_config(cwd=tmp_path)
    assert config.warnings == ("./.jsonschema-tools.yaml: unknown key 'contentTypez' ignored",)
    assert config.content_types == ("yaml", "json")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("contentTypes: yaml\n", "contentTypes"),
        ("contentTypes: [xml]\n", "contentTypes"),
        ("shouldGenerateExample: 'yes'\n", "shouldGenerateExample"),
        ("enforcedNumericBounds: [0]\n", "enforcedNumericBounds"),
        ("ignoreSchemas: ['(']\n", "ignoreSchemas[0]"),
        ("skipSchemaTestCases: {'x': 'schema-is-valid'}\n", "skipSchemaTestCases"),
        ("logLevel: loud\n", "logLevel"),
        ("fetchTimeout: -1\n", "fetchTimeout"),
    ],
)
def test_wrong_types_fail_with_the_key_named(tmp_path: Path, text: str, key: str) -> None:
    """A wrong value is a ConfigError whose message names the key."""
    (tmp_path / ".jsonschema-tools.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    assert key in str(caught.value)


def test_falsy_bounds_disable_them(tmp_path: Path) -> None:
    """enforcedNumericBounds: false (or null) turns bounds off, as in the reference."""
    (tmp_path / ".jsonschema-tools.yaml").write_text("enforcedNumericBounds: false\n")
    assert load_config(cwd=tmp_path).enforced_numeric_bounds is None


def test_explicit_config_must_exist(tmp_path: Path) -> None:
    """A config file named on the command line must exist; the default one may be absent."""
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(cwd=tmp_path, config_paths=["missing.yaml"])


def test_uri_map_from_config_and_cli(tmp_path: Path) -> None:
    """schemaBaseUriMap in a file, and URI=DIR pairs from the command line."""
    (tmp_path / ".jsonschema-tools.yaml").write_text(
        "schemaBaseUriMap:\n  'https://h/repositories/primary/jsonschema/': ./primary/\n"
    )
    assert load_config(cwd=tmp_path).schema_base_uri_map == {"https://h/repositories/primary/jsonschema/": "./primary/"}
    assert parse_uri_map_option(["https://h/x/=./y/"]) == {"https://h/x/": "./y/"}
    with pytest.raises(ConfigError, match="URI=DIRECTORY"):
        parse_uri_map_option(["https://h/x/"])


def test_base_uris_split_on_commas(tmp_path: Path) -> None:
    """A comma-separated string of base URIs (as the reference's -u takes) becomes a list."""
    config = load_config({"schemaBaseUris": "./a/,http://h/b/"}, cwd=tmp_path)
    assert config.schema_base_uris == ("./a/", "http://h/b/")


def test_parsed_config_is_reused_only_for_the_same_text(tmp_path: Path, private_cache: Path) -> None:
    """The memo of a parsed config file is keyed by its exact text: any edit is read afresh."""
    config_file = tmp_path / ".jsonschema-tools.yaml"
    config_file.write_text("contentTypes: [yaml]\n")
    assert load_config(cwd=tmp_path).content_types == ("yaml",)
    assert len(list((private_cache / "config").glob("*.marshal"))) == 1
    config_file.write_text("contentTypes: [json]\n")
    assert load_config(cwd=tmp_path).content_types == ("json",)
    config_file.write_text("contentTypes: [json\n")
    with pytest.raises(ConfigError, match="YAML syntax error"):
        load_config(cwd=tmp_path)

"""The pytest plugin, run as a user would run it: plain `pytest` in a schema repository (a subprocess)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

STANDARD = Path(__file__).resolve().parent / "cases" / "_base" / "standard"
E = "jsonschema/test/event"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The standard repository with the plugin enabled by a conftest line."""
    dest = tmp_path / "repo"
    shutil.copytree(STANDARD, dest, symlinks=True)
    (dest / "conftest.py").write_text('pytest_plugins = ["schema_tools.pytest_plugin"]\n')
    return dest


def pytest_in(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env_args = ["-p", "no:cacheprovider", "-o", "schema_tools_cache=false"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", *env_args, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )


def test_items_are_named_by_id_and_rule(repo: Path) -> None:
    """One item per schema $id and rule, under the config file, all passing on the standard repository."""
    run = pytest_in(repo, "--collect-only", "-q")
    items = [line for line in run.stdout.splitlines() if line.startswith(".jsonschema-tools.yaml::")]
    assert ".jsonschema-tools.yaml::/test/event/1.1.0::schema-is-valid" in items
    assert ".jsonschema-tools.yaml::/test/event/1.1.0::schema-version-compatibility" in items
    assert ".jsonschema-tools.yaml::/test/event/1.0.0::structure-version-link" in items
    assert len(items) == len(set(items)) == 36
    run = pytest_in(repo, "-q")
    assert run.returncode == 0, run.stdout
    assert "36 passed" in run.stdout


def test_k_selects_by_rule_and_schema(repo: Path) -> None:
    """-k matches rule IDs and $id parts; deselected items do not run."""
    run = pytest_in(repo, "-q", "-k", "schema-is-valid and 1.1.0")
    assert run.returncode == 0 and "1 passed, 35 deselected" in run.stdout


def test_failures_list_findings(repo: Path) -> None:
    """A failing item prints one `file::/pointer: message [rule-id]` line per finding; exit status 1."""
    (repo / E / "latest.yaml").unlink()
    run = pytest_in(repo, "-q", "-k", "structure-latest-link")
    assert run.returncode == 1
    assert f"{E}/latest.yaml: is missing (it must link to 1.1.0.yaml) [structure-latest-link]" in run.stdout
    assert "FAILED .jsonschema-tools.yaml::/test/event/1.1.0::structure-latest-link" in run.stdout


def test_skip_schema_test_cases_skips_items(repo: Path) -> None:
    """An item skipped by skipSchemaTestCases is reported as skipped, with the pattern."""
    config = repo / ".jsonschema-tools.yaml"
    config.write_text(config.read_text() + "skipSchemaTestCases:\n  event/1.1.0: [schema-is-valid]\n")
    run = pytest_in(repo, "-q", "-rs", "-k", "schema-is-valid")
    assert run.returncode == 0
    assert "1 passed, 1 skipped" in run.stdout
    assert "skipSchemaTestCases 'event/1.1.0' matches '/test/event/1.1.0'" in run.stdout


def test_without_the_plugin_nothing_is_collected(repo: Path) -> None:
    """The checks are opt-in: no conftest line, no items."""
    (repo / "conftest.py").unlink()
    run = pytest_in(repo, "-q")
    assert run.returncode == 5  # pytest: no tests collected

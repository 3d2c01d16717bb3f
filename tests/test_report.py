# ruff: noqa: E501 - golden output lines are as long as the output is
"""Golden outputs of the three reporters (text, json, github) on one repository with known problems."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from schema_tools.checks import Report, check_repository
from schema_tools.config import load_config
from schema_tools.report import pointer_line, render_github, render_json, render_text

STANDARD = Path(__file__).resolve().parent / "cases" / "_base" / "standard"
M = "(to change a schema, bump the version in current.yaml's $id and materialize it)"
E = "jsonschema/test/event"

TEXT = f"""\
test/event
  {E}/1.1.0.yaml::/properties/count/type: 1.1.0.yaml has "number" here, but current.yaml materializes to "integer" {M} [structure-current-materialized]
  {E}/1.1.0.yaml::/properties/userName: 1.1.0.yaml has an object here, but current.yaml materializes to nothing [structure-current-materialized]
  {E}/latest: is missing (it must link to 1.1.0.yaml) [structure-latest-extensionless-link]
  {E}/1.1.0.yaml::/properties/userName: property name 'userName' is not snake_case (lower case letters, digits, _) [schema-snake-case-properties]
  {E}/1.1.0.yaml::/properties/count/type: changed from "integer" to "number" (compared with 1.0.0.yaml) [schema-version-compatibility]

36 passed, 4 failed, 1 skipped
"""
SKIPPED_LINE = f"  {E}/1.0.0.yaml: skipped [schema-is-secure] (skipSchemaTestCases 'event/1.0.0' matches '/test/event/1.0.0')\n"
GITHUB = f"""\
::error file={E}/1.1.0.yaml,line=17,title=structure-current-materialized::/properties/count/type: 1.1.0.yaml has "number" here, but current.yaml materializes to "integer" {M}
::error file={E}/1.1.0.yaml,line=25,title=structure-current-materialized::/properties/userName: 1.1.0.yaml has an object here, but current.yaml materializes to nothing
::error file={E}/latest,title=structure-latest-extensionless-link::is missing (it must link to 1.1.0.yaml)
::error file={E}/1.1.0.yaml,line=25,title=schema-snake-case-properties::/properties/userName: property name 'userName' is not snake_case (lower case letters, digits, _)
::error file={E}/1.1.0.yaml,line=17,title=schema-version-compatibility::/properties/count/type: changed from "integer" to "number" (compared with 1.0.0.yaml)
36 passed, 4 failed, 1 skipped
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    """The standard repository with a changed type, a camelCase property, no `latest` link, and a skip."""
    repo = tmp_path_factory.mktemp("report") / "repo"
    shutil.copytree(STANDARD, repo, symlinks=True)
    version = repo / E / "1.1.0.yaml"
    text = version.read_text(encoding="utf-8").replace("type: integer", "type: number")
    version.write_text(
        text.replace("  name:\n", "  userName:\n    type: string\n    maxLength: 5\n  name:\n", 1)
    )
    (repo / E / "latest").unlink()
    config = repo / ".jsonschema-tools.yaml"
    config.write_text(config.read_text() + "skipSchemaTestCases:\n  event/1.0.0: [schema-is-secure]\n")
    return repo, check_repository(load_config(cwd=repo))


def test_text(broken: tuple[Path, Report]) -> None:
    """Grouped by schema, one `file::/pointer: message [rule-id]` line per finding, then the counts."""
    repo, report = broken
    assert render_text(report, root=repo) == TEXT


def test_text_verbose_lists_skipped_cases(broken: tuple[Path, Report]) -> None:
    """-v adds each skipped case with the pattern that skipped it, in its schema's group."""
    repo, report = broken
    lines = TEXT.splitlines(keepends=True)
    assert render_text(report, root=repo, verbose=True) == "".join([*lines[:4], SKIPPED_LINE, *lines[4:]])


def test_json(broken: tuple[Path, Report]) -> None:
    """Counts, ok, every finding's fields, and the skipped cases with their reason."""
    repo, report = broken
    data = json.loads(render_json(report, root=repo))
    assert data["version"] == 1 and data["ok"] is False
    assert data["counts"] == {"passed": 36, "failed": 4, "skipped": 1}
    assert data["findings"][4] == {
        "rule": "schema-version-compatibility",
        "schema_id": "/test/event/1.1.0",
        "file": f"{E}/1.1.0.yaml",
        "pointer": "/properties/count/type",
        "message": 'changed from "integer" to "number" (compared with 1.0.0.yaml)',
        "severity": "error",
    }
    assert [(f["rule"], f["pointer"]) for f in data["findings"]] == [
        ("structure-current-materialized", "/properties/count/type"),
        ("structure-current-materialized", "/properties/userName"),
        ("structure-latest-extensionless-link", ""),
        ("schema-snake-case-properties", "/properties/userName"),
        ("schema-version-compatibility", "/properties/count/type"),
    ]
    assert data["skipped"] == [
        {
            "rule": "schema-is-secure",
            "schema_id": "/test/event/1.0.0",
            "file": f"{E}/1.0.0.yaml",
            "reason": "skipSchemaTestCases event/1.0.0",
        }
    ]


def test_github(broken: tuple[Path, Report]) -> None:
    """One ::error per finding, on the line the pointer names, then the counts."""
    repo, report = broken
    assert render_github(report, root=repo) == GITHUB


def test_github_escapes_workflow_command_characters(tmp_path: Path) -> None:
    """Newlines and % in messages, commas and colons in properties are escaped as GitHub requires."""
    from schema_tools.checks import CaseResult
    from schema_tools.findings import Finding

    finding = Finding("rule-x", "50% done\nnext", "a,b:c.yaml", "/p")
    result = CaseResult(case=None, status="failed", findings=(finding,))  # type: ignore[arg-type]
    out = render_github(Report([result]), root=tmp_path)
    assert out.splitlines()[0] == "::error file=a%2Cb%3Ac.yaml,title=rule-x::/p: 50%25 done%0Anext"


def test_pointer_line(tmp_path: Path) -> None:
    """The line of the deepest node that exists; list indexes; JSON files too."""
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\nb:\n  c:\n    - x\n    - y\n")
    assert pointer_line(path, "") == 1
    assert pointer_line(path, "/b/c/1") == 5
    assert pointer_line(path, "/b/missing/deeper") == 2
    assert pointer_line(tmp_path / "absent.yaml", "/a") is None
    (tmp_path / "s.json").write_text('{\n  "a": {\n    "b~c/d": 1\n  }\n}')
    assert pointer_line(tmp_path / "s.json", "/a/b~0c~1d") == 3


def test_cli_formats_are_the_reporters() -> None:
    """`schema-tools test --format` offers exactly the registered reporters (kept apart for start-up time)."""
    from schema_tools.cli.test_cmd import FORMATS
    from schema_tools.report import REPORTERS

    assert tuple(REPORTERS) == FORMATS

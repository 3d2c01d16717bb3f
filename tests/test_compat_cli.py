"""`schema-tools compat`: files and `$id`s, exit codes 0/1/2, text and JSON reports, the repository check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schema_tools.cli.main import main

PAGE = "jsonschema/mediawiki/page/change"


@pytest.fixture
def primary(primary_pristine: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(primary_pristine)
    return primary_pristine


def test_compatible_pair_exits_0(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """page/change 1.2.0 relaxed performer: compatible under backward (exit 0), with the change listed."""
    assert main(["compat", f"{PAGE}/1.1.0.yaml", f"{PAGE}/1.2.0.yaml", "--mode", "backward"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        f"{PAGE}/1.2.0.yaml is compatible with {PAGE}/1.1.0.yaml under backward (3 changes)"
    )
    assert "required property `performer` made optional at /required  [required-property-removed]" in out


def test_incompatible_pair_exits_1_with_hint_and_bump(
    primary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under full the same pair breaks: exit 1, the hint, and the major version to publish instead."""
    assert (
        main(["compat", "/mediawiki/page/change/1.1.0", "/mediawiki/page/change/1.2.0", "--mode", "full"])
        == 1
    )
    out = capsys.readouterr().out
    assert "is NOT compatible with /mediawiki/page/change/1.1.0 under full (1 breaking change)" in out
    assert "hint: old readers expect `performer` in every document; keep it required" in out
    assert "publish it as 2.0.0" in out


def test_default_mode_is_the_reference_rule(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --mode, a repository configured only by .jsonschema-tools.yaml gets jsonschema-tools."""
    assert main(["compat", "/mediawiki/page/change/1.1.0", "/mediawiki/page/change/1.2.0"]) == 1
    out = capsys.readouterr().out
    assert "under jsonschema-tools" in out and "requiredness cannot change" in out


def test_json_report(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json: the verdict and every change with its fields."""
    assert (
        main(["compat", f"{PAGE}/1.1.0.yaml", f"{PAGE}/1.2.0.yaml", "--mode", "forward", "--format", "json"])
        == 1
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["mode"], data["compatible"]) == ("forward", False)
    [breaking] = [c for c in data["changes"] if c["breaking"]]
    assert (breaking["kind"], breaking["pointer"], breaking["name"], breaking["effect"]) == (
        "required-property-removed",
        "/required",
        "performer",
        "widens",
    )


def test_current_schema_is_materialized_before_comparing(
    primary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """current.yaml (with $refs to fragments) compares equal to the version it was published as."""
    assert main(["compat", f"{PAGE}/1.2.0.yaml", f"{PAGE}/current.yaml", "--mode", "full"]) == 0
    assert "(0 changes)" in capsys.readouterr().out.splitlines()[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compat", "only-one.yaml"], "compat takes two schemas"),
        (["compat", "nowhere.yaml", "other.yaml"], "neither a file nor a schema $id"),
        (["compat", "/no/such/1.0.0", "/no/such/1.1.0"], "no schema has $id '/no/such/1.0.0'"),
        (["compat", "--staged"], "--staged goes with --since"),
    ],
)
def test_usage_errors_exit_2(
    primary: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A wrong command line exits 2 with the problem named."""
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_unknown_mode_is_a_usage_error(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """argparse refuses a mode outside the list (exit 2)."""
    with pytest.raises(SystemExit) as exit_info:
        main(["compat", "a", "b", "--mode", "sideways"])
    assert exit_info.value.code == 2


def test_repository_check(primary: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without OLD and NEW, every version is checked: the reference's mode passes with the skip list;
    backward names the one real narrowing the reference cannot see."""
    assert main(["compat"]) == 0
    assert main(["compat", "--mode", "backward", "--policy", "lenient"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "jsonschema/fragment/common/1.1.0.yaml::/additionalProperties: error: "
        "additionalProperties closed (set to false)"
    )

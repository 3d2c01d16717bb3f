"""The command table: every listed command is registered by its module, with the same help."""

from __future__ import annotations

import argparse
import importlib

import pytest

from schema_tools.cli.main import COMMANDS, build_parser, main


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_is_registered_by_its_module(name: str) -> None:
    """The static table (used for --help without imports) matches what the module registers."""
    module_name, help_text = COMMANDS[name]
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(f"schema_tools.cli.{module_name}").register(subparsers)
    assert name in subparsers.choices
    helps = {action.dest: action.help for action in subparsers._choices_actions}
    assert helps[name] == help_text
    assert subparsers.choices[name].get_default("handler") is not None


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema-tools --help` lists all commands and exits 0."""
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command exits 2 and names the choices."""
    with pytest.raises(SystemExit) as exited:
        main(["bogus"])
    assert exited.value.code == 2
    assert "invalid choice: 'bogus'" in capsys.readouterr().err

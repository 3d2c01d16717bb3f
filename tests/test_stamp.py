"""The run stamp: a repeated materialize-all on an unchanged tree is answered at start-up, and only then."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from schema_tools import stamp
from schema_tools.cli import main as cli_main
from tests.conftest import EVENT, FRAGMENT, SMALL_CONFIG, make_small_repo, serve_directory


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_small_repo(tmp_path)


class Runner:
    """Runs `materialize-all` in-process and tells whether the stamp answered (the parser is never built)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.parsed = 0
        real = cli_main.build_parser

        def counting(command: str | None = None) -> object:
            self.parsed += 1
            return real(command)

        monkeypatch.setattr(cli_main, "build_parser", counting)

    def __call__(self, *args: str, code: int = 0) -> tuple[str, str]:
        """('stamp' or 'full', what was printed on stderr without the timing)."""
        before = self.parsed
        assert cli_main.main(["materialize-all", *args]) == code
        err = re.sub(r" \(\d+\.\d\d s\)$", "", self.capsys.readouterr().err, flags=re.M)
        return ("full" if self.parsed > before else "stamp"), err


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Runner:
    return Runner(monkeypatch, capsys)


UP_TO_DATE = "materialized 0 schemas: 0 files written, 0 unchanged, 0 links updated, 2 up to date (cached)\n"


def test_repeat_is_answered_by_the_stamp_with_the_same_output(repo: Path, run: Runner, private_cache: Path) -> None:
    assert run()[0] == "full"
    assert run() == ("stamp", UP_TO_DATE)
    assert run() == ("stamp", UP_TO_DATE)
    assert len(list((private_cache / "stamps").iterdir())) == 1
    # What the stamp prints is what the full cached run prints.
    (private_cache / "stamps").joinpath(next((private_cache / "stamps").iterdir()).name).unlink()
    assert run() == ("full", UP_TO_DATE)


def _rewrite(path: Path) -> None:
    path.write_bytes(path.read_bytes())


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda r: (r / "jsonschema/event/current.yaml").write_text(EVENT), id="current-rewritten-same"),
        pytest.param(lambda r: (r / "jsonschema/event/latest").unlink(), id="link-deleted"),
        pytest.param(lambda r: _rewrite(r / "jsonschema/fragment/common/1.0.0.yaml"), id="output-rewritten-same"),
        pytest.param(lambda r: (r / "jsonschema/event/notes.txt").write_text("x"), id="file-added-beside"),
        pytest.param(lambda r: (r / ".jsonschema-tools.yaml").write_text(SMALL_CONFIG), id="config-rewritten"),
        pytest.param(lambda r: (r / "jsonschema/new").mkdir(), id="directory-added"),
    ],
)
def test_any_change_runs_in_full(repo: Path, run: Runner, change: object) -> None:
    run()
    assert run()[0] == "stamp"
    change(repo)  # type: ignore[operator]
    assert run()[0] == "full"
    assert run() == ("stamp", UP_TO_DATE)  # and the full run stamped the new state


def test_new_schema_is_materialized(repo: Path, run: Runner) -> None:
    run()
    other = repo / "jsonschema" / "other"
    other.mkdir()
    (other / "current.yaml").write_text(EVENT.replace("event", "other"))
    assert run() == ("full", UP_TO_DATE.replace("0 schemas: 0 files written", "1 schemas: 1 files written")
                     .replace("0 links updated, 2", "3 links updated, 2"))
    assert (other / "1.0.0.yaml").is_file()


def test_config_created_later_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Runner) -> None:
    """A repository run without a config file: creating one changes the settings."""
    (tmp_path / "jsonschema" / "event").mkdir(parents=True)
    standalone = EVENT.replace("allOf:\n  - $ref: /fragment/common/1.0.0#\n", "")
    (tmp_path / "jsonschema" / "event" / "current.yaml").write_text(standalone)
    monkeypatch.chdir(tmp_path)
    run()
    assert run()[0] == "stamp"
    (tmp_path / ".jsonschema-tools.yaml").write_text("contentTypes: [yaml, json]\n")
    assert run()[0] == "full"
    assert (tmp_path / "jsonschema" / "event" / "1.0.0.json").is_file()


def test_each_command_line_has_its_own_stamp(repo: Path, run: Runner) -> None:
    run()
    assert run("-q")[0] == "full"
    assert run("-q") == ("stamp", "")
    assert run() == ("stamp", UP_TO_DATE)  # a hook and a person running different options do not thrash
    run("--no-cache")
    run("-n")
    assert run()[0] == "stamp"  # --no-cache and --dry-run do not drop another command's stamp
    (repo / "jsonschema" / "event" / "latest").unlink()
    assert run("-q")[0] == "full"  # a change seen by one command line is seen by every other
    assert run()[0] == "full"


def test_dry_run_leaves_no_stamp(repo: Path, run: Runner, private_cache: Path) -> None:
    run("-n")
    run("-n")
    assert not (private_cache / "stamps").exists() or not any((private_cache / "stamps").iterdir())


def test_warnings_are_replayed(repo: Path, run: Runner) -> None:
    (repo / ".jsonschema-tools.yaml").write_text(SMALL_CONFIG + "colour: blue\n")
    run()
    kind, err = run()
    assert kind == "stamp"
    assert err == "warning: ./.jsonschema-tools.yaml: unknown key 'colour' ignored\n" + UP_TO_DATE


def test_edited_output_is_refused_not_replayed(repo: Path, run: Runner) -> None:
    run()
    (repo / "jsonschema" / "fragment" / "common" / "1.0.0.yaml").write_text("x: 1\n")
    kind, err = run(code=1)
    assert kind == "full"
    assert "1.0.0.yaml already exists with different content" in err


def test_failed_run_drops_the_stamp(repo: Path, run: Runner, private_cache: Path) -> None:
    run()
    (repo / "jsonschema" / "event" / "current.yaml").write_text("title: [\n")
    assert run(code=1)[0] == "full"
    assert not any((private_cache / "stamps").iterdir())


def test_changed_tool_runs_in_full(repo: Path, run: Runner, tmp_path_factory: pytest.TempPathFactory,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited module of schema-tools (a stand-in file here) invalidates the stamp."""
    module = tmp_path_factory.mktemp("tool") / "module.py"
    module.write_text("x = 1\n")
    monkeypatch.setattr(stamp, "package_files", lambda: [str(module)])
    run()
    assert run()[0] == "stamp"
    module.write_text("x = 2\n")
    assert run()[0] == "full"


@pytest.fixture
def served_fragment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fragment repository on 127.0.0.1; yields its base URI."""
    root = tmp_path_factory.mktemp("remote")
    (root / "fragment" / "common").mkdir(parents=True)
    (root / "fragment" / "common" / "1.0.0").write_text(FRAGMENT)

    with serve_directory(root) as base:
        yield base + "/"


def test_remote_reads_are_never_stamped(repo: Path, run: Runner, served_fragment: str) -> None:
    """A document read over HTTP cannot be stat'ed: the run that read it is always done in full."""
    import shutil

    shutil.rmtree(repo / "jsonschema" / "fragment")
    (repo / ".jsonschema-tools.yaml").write_text(SMALL_CONFIG + f"schemaBaseUris: [{served_fragment}]\n")
    run()
    assert run()[0] == "full"
    assert (repo / "jsonschema" / "event" / "1.0.0.yaml").read_text().count("type: integer") == 1


def test_console_entry_point_answers_from_the_stamp(repo: Path, private_cache: Path) -> None:
    """Through the real entry point (which ends the process at once after a replay): output flushed, exit 0."""
    import os
    import subprocess
    import sys

    command = [sys.executable, "-c", "from schema_tools.cli.main import run; run()", "materialize-all"]
    env = {**os.environ, "SCHEMA_TOOLS_CACHE_DIR": str(private_cache)}
    first = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    assert first.returncode == 0 and "materialized 2 schemas" in first.stderr
    again = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    assert again.returncode == 0
    assert re.sub(r" \(\d+\.\d\d s\)$", "", again.stderr, flags=re.M) == UP_TO_DATE

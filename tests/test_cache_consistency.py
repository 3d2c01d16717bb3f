"""A run that skips work gives what a full run gives: each scenario runs the cached command in one copy of
a repository and `--no-cache` in an identical copy, then compares exit codes and trees (files and links)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from schema_tools import plan
from schema_tools.cli.main import main

FRAGMENT = """title: fragment/common
$id: /fragment/common/1.0.0
type: object
properties:
  x:
    type: string
"""


def schema(name: str, ref: str = "/fragment/common/1.0.0", version: str = "1.0.0") -> str:
    return f"title: {name}\n$id: /{name}/{version}\ntype: object\nallOf:\n  - $ref: {ref}\n"


def make_repo(root: Path, config: str = "") -> Path:
    for directory, text in (("fragment/common", FRAGMENT), ("a", schema("a")), ("b", schema("b"))):
        (root / "jsonschema" / directory).mkdir(parents=True)
        (root / "jsonschema" / directory / "current.yaml").write_text(text)
    (root / ".jsonschema-tools.yaml").write_text(
        "schemaBasePath: jsonschema\ncontentTypes: [yaml, json]\n" + config
    )
    return root


def tree(root: Path) -> dict[str, str]:
    """Every file's text and every link's target under root."""
    found = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            found[key] = "-> " + os.readlink(path)
        elif path.is_file():
            found[key] = path.read_text(errors="replace")
    return found


def run(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.chdir(root)
    return main(["materialize-all", "-q", *args])


def twins(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    setup: Callable[[Path], object],
    change: Callable[[Path], object],
    *args: str,
    config: str = "",
) -> tuple[int, dict[str, str]]:
    """Set up and run (recording everything), copy, change both copies alike, run cached and --no-cache:
    the results must be the same. Returns the exit code and tree."""
    cached = make_repo(tmp_path / "cached", config)
    setup(cached)
    assert run(cached, monkeypatch) == 0
    assert run(cached, monkeypatch) == 0  # and stamped
    full = tmp_path / "full"
    shutil.copytree(cached, full, symlinks=True)
    change(cached)
    change(full)
    code = run(cached, monkeypatch, *args)
    assert (code, tree(cached)) == (run(full, monkeypatch, *args, "--no-cache"), tree(full))
    return code, tree(cached)


def nothing(root: Path) -> None:
    pass


def test_edit_keeping_size_and_mtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def change(root: Path) -> None:
        current = root / "jsonschema" / "a" / "current.yaml"
        before = current.stat()
        current.write_text(current.read_text().replace("/a/1.0.0", "/a/1.0.1"))
        os.utime(current, ns=(before.st_atime_ns, before.st_mtime_ns))

    code, files = twins(tmp_path, monkeypatch, nothing, change)
    assert code == 0 and "jsonschema/a/1.0.1.yaml" in files


def test_document_appearing_at_an_earlier_base_uri_is_seen_by_every_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def setup(root: Path) -> None:
        (root / "overrides").mkdir()

    def change(root: Path) -> None:
        (root / "overrides" / "fragment" / "common").mkdir(parents=True)
        (root / "overrides" / "fragment" / "common" / "1.0.0").write_text(FRAGMENT + "  y:\n    type: boolean\n")

    config = "schemaBaseUris: [overrides/, jsonschema/]\n"
    code, files = twins(tmp_path, monkeypatch, setup, change, "--force", config=config)
    assert code == 0
    assert "boolean" in files["jsonschema/a/1.0.0.yaml"] and "boolean" in files["jsonschema/b/1.0.0.yaml"]
    code, _ = twins(tmp_path / "again", monkeypatch, setup, change, config=config)
    assert code == 1  # without --force: both published versions would change, in both runs


def _higher_version_present(root: Path) -> None:
    """a's latest links point to a 2.0.0 that current.yaml no longer names (a reverted bump)."""
    current = root / "jsonschema" / "a" / "current.yaml"
    current.write_text(schema("a", version="2.0.0"))
    assert run(root, pytest.MonkeyPatch(), "--no-cache") == 0
    current.write_text(schema("a"))


def test_latest_pointing_higher_then_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def change(root: Path) -> None:
        for name in ("2.0.0", "2.0.0.yaml", "2.0.0.json"):
            (root / "jsonschema" / "a" / name).unlink()

    code, files = twins(tmp_path, monkeypatch, _higher_version_present, change)
    assert code == 0 and files["jsonschema/a/latest"] == "-> 1.0.0.yaml"


def test_latest_target_edited_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def change(root: Path) -> None:
        for name in ("2.0.0.yaml", "2.0.0.json"):
            path = root / "jsonschema" / "a" / name
            path.write_text(path.read_text().replace("/a/2.0.0", "/a/0.9.0"))

    code, files = twins(tmp_path, monkeypatch, _higher_version_present, change)
    assert code == 0 and files["jsonschema/a/latest"] == "-> 1.0.0.yaml"


def test_symlinked_base_path_retargeted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def setup(root: Path) -> None:
        shutil.move(root / "jsonschema", root / "v1")
        shutil.copytree(root / "v1", root / "v2")
        (root / "v2" / "a" / "current.yaml").write_text(schema("a", version="1.1.0"))
        (root / "jsonschema").symlink_to("v1")

    def change(root: Path) -> None:
        (root / "jsonschema").unlink()
        (root / "jsonschema").symlink_to("v2")

    code, files = twins(tmp_path, monkeypatch, setup, change)
    assert code == 0 and "v2/a/1.1.0.yaml" in files


def test_symlinked_config_retargeted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def setup(root: Path) -> None:
        (root / "configs").mkdir()
        (root / "configs" / "yaml.yaml").write_text("schemaBasePath: jsonschema\ncontentTypes: [yaml]\n")
        (root / "configs" / "both.yaml").write_text("schemaBasePath: jsonschema\ncontentTypes: [yaml, json]\n")
        (root / ".jsonschema-tools.yaml").unlink()
        (root / ".jsonschema-tools.yaml").symlink_to("configs/yaml.yaml")

    def change(root: Path) -> None:
        (root / ".jsonschema-tools.yaml").unlink()
        (root / ".jsonschema-tools.yaml").symlink_to("configs/both.yaml")

    code, files = twins(tmp_path, monkeypatch, setup, change)
    assert code == 0 and "jsonschema/a/1.0.0.json" in files


def test_dry_run_reports_the_readers_of_a_changed_fragment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The fragment changes without a new version: with --force its readers are redone too, also in a
    dry run (decided before anything is written, not from what was written)."""
    repo = make_repo(tmp_path)
    assert run(repo, monkeypatch) == 0
    (repo / "jsonschema" / "fragment" / "common" / "current.yaml").write_text(FRAGMENT.replace("string", "number"))
    capsys.readouterr()
    assert main(["materialize-all", "-n", "--force"]) == 0
    assert "would materialize 3 schemas: 6 files written" in capsys.readouterr().err
    assert main(["materialize-all", "-n", "--force", "--no-cache"]) == 0
    assert "would materialize 3 schemas: 6 files written" in capsys.readouterr().err


def test_ref_to_latest_sees_this_runs_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """b reads the fragment's `latest`; the run that bumps the fragment moves it, so b would change:
    a published version, refused by both runs alike (and the same on a second run)."""

    def setup(root: Path) -> None:
        (root / "jsonschema" / "b" / "current.yaml").write_text(schema("b", ref="/fragment/common/latest"))

    def change(root: Path) -> None:
        bumped = FRAGMENT.replace("1.0.0", "1.1.0").replace("string", "number")
        (root / "jsonschema" / "fragment" / "common" / "current.yaml").write_text(bumped)

    code, files = twins(tmp_path, monkeypatch, setup, change)
    assert code == 1 and "jsonschema/fragment/common/1.1.0.yaml" not in files


def test_non_utf8_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9")))
    code, files = twins(root, monkeypatch, nothing, nothing)
    assert code == 0 and "jsonschema/a/1.0.0.yaml" in files


def test_file_saved_while_the_run_goes_on_is_not_taken_as_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor saves a's current.yaml after the run parsed it: the next run must still see the change."""
    repo = make_repo(tmp_path)
    current = repo / "jsonschema" / "a" / "current.yaml"
    real = plan.materialize

    def saving_meanwhile(*args: object, **kwargs: object) -> object:
        if current.read_text() == schema("a"):
            current.write_text(schema("a", version="1.1.0"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan, "materialize", saving_meanwhile)
    assert run(repo, monkeypatch) == 0
    monkeypatch.setattr(plan, "materialize", real)
    assert not (repo / "jsonschema" / "a" / "1.1.0.yaml").exists()
    assert run(repo, monkeypatch) == 0
    assert (repo / "jsonschema" / "a" / "1.1.0.yaml").is_file()


def test_standard_input_is_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even with a file named `<stdin>` in the working directory."""
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    (tmp_path / "<stdin>").write_text("x")
    for version in ("1.0.0", "2.0.0"):
        monkeypatch.setattr(sys, "stdin", io.StringIO(f"title: s\n$id: /s/{version}\ntype: object\n"))
        assert main(["materialize", "-q", "-o", "out"]) == 0
    assert (tmp_path / "out" / "2.0.0.yaml").is_file()


def _bump_fragment(root: Path) -> None:
    bumped = FRAGMENT.replace("1.0.0", "1.1.0") + "  y:\n    type: boolean\n"
    (root / "jsonschema" / "fragment" / "common" / "current.yaml").write_text(bumped)


def test_latest_reader_under_a_symlinked_base_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The resolver names files through the link, the outputs are named under the real directory."""

    def setup(root: Path) -> None:
        (root / "jsonschema" / "b" / "current.yaml").write_text(schema("b", ref="/fragment/common/latest"))
        shutil.move(root / "jsonschema", root / "real")
        (root / "jsonschema").symlink_to("real")

    code, _files = twins(tmp_path, monkeypatch, setup, _bump_fragment)
    assert code == 1  # b's published version would change, in both runs


def test_ignored_schema_stays_ignored_when_its_input_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """b is ignored by materialize-all but was recorded by an explicit run; the fragment it reads moves."""

    def setup(root: Path) -> None:
        import subprocess

        (root / "jsonschema" / "b" / "current.yaml").write_text(schema("b", ref="/fragment/common/latest"))
        with (root / ".jsonschema-tools.yaml").open("a") as config:
            config.write("ignoreSchemas: ['^/b/']\n")
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        monkeypatch.chdir(root)
        # materialize-modified applies no ignoreSchemas (as the reference), and shares the cache.
        assert main(["materialize-modified", "-q", "--no-git-add"]) == 0

    code, files = twins(tmp_path, monkeypatch, setup, _bump_fragment)
    assert code == 0 and "jsonschema/fragment/common/1.1.0.yaml" in files


def test_chain_of_latest_readers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fragment ← b (through fragment's latest) ← p (through b's latest): p, materialized before b was
    known to change, is redone after it."""

    def setup(root: Path) -> None:
        (root / "jsonschema" / "b" / "current.yaml").write_text(schema("b", ref="/fragment/common/latest"))
        (root / "jsonschema" / "p").mkdir()
        (root / "jsonschema" / "p" / "current.yaml").write_text(schema("p", ref="/b/latest"))

    def change(root: Path) -> None:  # b itself does not change: it is skipped, then redone
        _bump_fragment(root)
        (root / "jsonschema" / "p" / "current.yaml").write_text(schema("p", ref="/b/latest", version="1.1.0"))

    code, files = twins(tmp_path, monkeypatch, setup, change, "--force")
    assert code == 0 and "boolean" in files["jsonschema/p/1.1.0.yaml"]


def test_errors_of_every_round_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """a breaks in the first round; b, up to date, breaks only once the fragment it reads has moved."""
    repo = make_repo(tmp_path)
    (repo / "jsonschema" / "b" / "current.yaml").write_text(
        schema("b").replace("allOf:", "definitions:\n  x:\n    $ref: /fragment/common/latest#/properties/x\nallOf:")
    )
    assert run(repo, monkeypatch) == 0
    (repo / "jsonschema" / "a" / "current.yaml").write_text(schema("a", ref="/fragment/nope/1.0.0"))
    bumped = FRAGMENT.replace("1.0.0", "1.1.0").replace("  x:\n    type: string\n", "  z:\n    type: string\n")
    (repo / "jsonschema" / "fragment" / "common" / "current.yaml").write_text(bumped)
    capsys.readouterr()
    assert run(repo, monkeypatch) == 1
    cached = capsys.readouterr().err
    assert run(repo, monkeypatch, "--no-cache") == 1
    assert cached == capsys.readouterr().err
    assert "a/current.yaml" in cached and "b/current.yaml" in cached

"""Writing: atomic files, relative links, `latest` only forwards, immutable published versions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from schema_tools.config import Config, load_config
from schema_tools.errors import WriteConflictError
from schema_tools.materialize import Materialized, Output
from schema_tools.versions import Version
from schema_tools.write import write_all


def config_for(tmp_path: Path, **overrides: object) -> Config:
    return load_config({"contentTypes": ["yaml", "json"], **overrides}, cwd=tmp_path)


def item(directory: Path, version: str, body: str = "x: 1") -> Materialized:
    major, minor, patch = (int(p) for p in version.split("."))
    text = f"$id: /s/{version}\n{body}\n"
    outputs = (
        Output(directory / f"{version}.yaml", "yaml", text),
        Output(directory / f"{version}.json", "json", f'{{\n  "$id": "/s/{version}"\n}}'),
    )
    return Materialized(
        directory / "current.yaml", f"/s/{version}", Version(major, minor, patch), directory, {}, outputs
    )


def listing(directory: Path) -> dict[str, str]:
    return {p.name: ("-> " + os.readlink(p)) if p.is_symlink() else p.read_text() for p in sorted(directory.iterdir())}


def test_new_version_files_and_relative_links(tmp_path: Path) -> None:
    """Version files for each content type; `<v>` and `latest` link to yaml, `latest.json` to json."""
    actions = write_all([item(tmp_path, "1.0.0")], config_for(tmp_path))
    assert listing(tmp_path) == {
        "1.0.0": "-> 1.0.0.yaml",
        "1.0.0.json": '{\n  "$id": "/s/1.0.0"\n}',
        "1.0.0.yaml": "$id: /s/1.0.0\nx: 1\n",
        "latest": "-> 1.0.0.yaml",
        "latest.json": "-> 1.0.0.json",
        "latest.yaml": "-> 1.0.0.yaml",
    }
    assert [a.kind for a in actions].count("write") == 2
    assert [a.kind for a in actions].count("link") == 4


def test_identical_content_is_not_rewritten(tmp_path: Path) -> None:
    """A second run with the same content changes nothing, not even mtimes."""
    config = config_for(tmp_path)
    write_all([item(tmp_path, "1.0.0")], config)
    mtimes = {p: p.lstat().st_mtime_ns for p in tmp_path.iterdir()}
    actions = write_all([item(tmp_path, "1.0.0")], config)
    assert {a.kind for a in actions} == {"unchanged", "link-unchanged"}
    assert {p: p.lstat().st_mtime_ns for p in tmp_path.iterdir()} == mtimes


def test_changed_published_version_is_refused(tmp_path: Path) -> None:
    """Different content for an existing version fails naming both files, and writes nothing at all."""
    config = config_for(tmp_path)
    write_all([item(tmp_path, "1.0.0")], config)
    other = tmp_path.parent / f"{tmp_path.name}-other"
    other.mkdir()
    before = listing(tmp_path)
    with pytest.raises(WriteConflictError) as caught:
        write_all([item(other, "2.0.0"), item(tmp_path, "1.0.0", body="x: 2")], config)
    message = str(caught.value)
    assert "current.yaml" in message and "1.0.0.yaml" in message and "--force" in message
    assert listing(tmp_path) == before
    assert list(other.iterdir()) == []


def test_force_overwrites(tmp_path: Path) -> None:
    """--force rewrites a published version."""
    write_all([item(tmp_path, "1.0.0")], config_for(tmp_path))
    write_all([item(tmp_path, "1.0.0", body="x: 2")], config_for(tmp_path, force=True))
    assert (tmp_path / "1.0.0.yaml").read_text() == "$id: /s/1.0.0\nx: 2\n"


def test_latest_never_moves_backwards(tmp_path: Path) -> None:
    """Materializing an older version leaves `latest` on the newer one; it reads the `$id`, not the name."""
    config = config_for(tmp_path)
    write_all([item(tmp_path, "2.0.0")], config)
    write_all([item(tmp_path, "1.5.0")], config)
    assert os.readlink(tmp_path / "latest") == "2.0.0.yaml"
    assert os.readlink(tmp_path / "latest.json") == "2.0.0.json"
    assert os.readlink(tmp_path / "1.5.0") == "1.5.0.yaml"
    write_all([item(tmp_path, "2.0.1")], config)
    assert os.readlink(tmp_path / "latest") == "2.0.1.yaml"


def test_dangling_latest_is_replaced(tmp_path: Path) -> None:
    """A `latest` link whose target was deleted counts as missing."""
    os.symlink("9.9.9.yaml", tmp_path / "latest")
    write_all([item(tmp_path, "1.0.0")], config_for(tmp_path))
    assert os.readlink(tmp_path / "latest") == "1.0.0.yaml"


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    """--dry-run reports the actions and touches nothing."""
    actions = write_all([item(tmp_path, "1.0.0")], config_for(tmp_path, dryRun=True))
    assert list(tmp_path.iterdir()) == []
    assert sorted(a.path.name for a in actions if a.changed) == sorted(
        ["1.0.0.yaml", "1.0.0.json", "1.0.0", "latest", "latest.yaml", "latest.json"]
    )


def test_link_options(tmp_path: Path) -> None:
    """No extensionless and no latest links when switched off."""
    config = config_for(tmp_path, shouldSymlinkExtensionless=False, shouldSymlinkLatest=False)
    write_all([item(tmp_path, "1.0.0")], config)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.0.0.json", "1.0.0.yaml"]


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    """Atomic writes go through hidden temporary names that never remain."""
    write_all([item(tmp_path, "1.0.0")], config_for(tmp_path))
    write_all([item(tmp_path, "1.0.1")], config_for(tmp_path))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]

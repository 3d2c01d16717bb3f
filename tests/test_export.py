"""`schema-tools export`: the static tree on disk, its mtimes, and when an existing directory is replaced."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_serve_support import make_repo

from schema_tools.serve.export import MARKER, export_tree
from schema_tools.serve.scan import ServeError
from schema_tools.serve.tree import Source, Tree, build_tree

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    return build_tree([Source("/s", make_repo(tmp_path / "repo") / "jsonschema")])


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def test_every_document_becomes_a_file_with_its_mtime(tree: Tree, tmp_path: Path) -> None:
    """Bytes, names (extensionless included), .gz companions and mtimes, nothing else."""
    result = export_tree(tree, tmp_path / "out")
    public = tmp_path / "out" / "public"
    assert result.public == public and result.documents == len(tree.entries)
    expected = {p.lstrip("/") for p in tree.entries}
    expected |= {p.lstrip("/") + ".gz" for p, e in tree.entries.items() if e.gzip is not None}
    assert files_under(public) == expected
    for path, entry in tree.entries.items():
        file = public / path.lstrip("/")
        assert file.read_bytes() == entry.body and not file.is_symlink()
        assert int(file.stat().st_mtime) == entry.mtime
        if entry.gzip is not None:
            assert (file.parent / (file.name + ".gz")).read_bytes() == entry.gzip
    for directory in tree.directories:
        listing = tree.entries[directory + "autoindex.json"]
        assert int((public / directory.strip("/")).stat().st_mtime) == listing.mtime
    assert (public / "s/demo/thing/1.1.0").read_bytes().startswith(b"title: demo/thing")
    assert (public / "s/demo/thing/1.1.0.json").read_bytes().startswith(b"{")
    assert {p.name for p in result.nginx_files} == {"schema-tools-http.conf", "schema-tools-server.conf"}
    assert f'root "{public}";' in (tmp_path / "out/nginx/schema-tools-server.conf").read_text()


def test_files_are_readable_by_a_web_server(tree: Tree, tmp_path: Path) -> None:
    """The export is not left with the 0700 mode of its temporary directory."""
    export_tree(tree, tmp_path / "out")
    assert (tmp_path / "out").stat().st_mode & 0o055 == 0o055 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_previous_export_is_replaced_whole(tree: Tree, tmp_path: Path) -> None:
    export_tree(tree, tmp_path / "out")
    stale = tmp_path / "out/public/s/demo/thing/0.0.1"
    stale.write_text("stale")
    export_tree(tree, tmp_path / "out", gzip=False, nginx_root=Path("/srv/schemas"))
    assert not stale.exists() and (tmp_path / "out" / MARKER).is_file()
    assert not list((tmp_path / "out/public").rglob("*.gz"))
    assert 'root "/srv/schemas";' in (tmp_path / "out/nginx/schema-tools-server.conf").read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_directory_that_is_not_an_export_is_never_replaced(tree: Tree, tmp_path: Path) -> None:
    precious = tmp_path / "out" / "thesis.tex"
    precious.parent.mkdir()
    precious.write_text("years of work")
    with pytest.raises(ServeError, match="not a schema-tools export"):
        export_tree(tree, tmp_path / "out")
    assert precious.read_text() == "years of work" and files_under(tmp_path / "out") == {"thesis.tex"}
    (tmp_path / "empty").mkdir()
    export_tree(tree, tmp_path / "empty")
    assert (tmp_path / "empty" / MARKER).is_file()


def test_export_command(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    command = [sys.executable, "-m", "schema_tools", "export"]
    done = subprocess.run([*command, str(tmp_path / "out"), "-p", "/js"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "exported" in done.stderr and done.stdout == ""
    assert (tmp_path / "out/public/js/demo/thing/latest.json").is_file()
    (tmp_path / "other").mkdir()
    (tmp_path / "other/file").write_text("x")
    refused = subprocess.run([*command, str(tmp_path / "other"), str(repo)],
                             env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "not a schema-tools export" in refused.stderr

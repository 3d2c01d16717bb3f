"""Acceptance: a repository materialized with its `$ref`s fetched from `schema-tools serve` over HTTP."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from schema_tools.serve.app import HttpProtocol
from schema_tools.serve.server import background
from schema_tools.serve.tree import Source, build_tree

PROJECT = Path(__file__).resolve().parent.parent


def unpublish_current_versions(repo: Path) -> list[Path]:
    """Remove what materialize-all writes for each title's current version (files and links)."""
    removed = []
    for current in sorted((repo / "jsonschema").rglob("current.yaml")):
        lines = current.read_text().splitlines()
        version = next(line.rsplit("/", 1)[1].strip() for line in lines if line.startswith("$id:"))
        for name in (f"{version}.yaml", version, "latest", "latest.yaml"):
            target = current.parent / name
            if target.is_symlink() or target.exists():
                target.unlink()
                removed.append(target)
    return removed


def snapshot(root: Path) -> dict[str, tuple[str, bytes | str]]:
    """Every file's bytes and every link's target under root/jsonschema."""
    result: dict[str, tuple[str, bytes | str]] = {}
    for path in sorted((root / "jsonschema").rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            result[key] = ("link", os.readlink(path))
        elif path.is_file():
            result[key] = ("file", path.read_bytes())
    return result


def materialize_all(repo: Path, *extra: str) -> None:
    result = subprocess.run([sys.executable, "-m", "schema_tools", "materialize-all", "-q", *extra], cwd=repo,
                            env={**os.environ, "PYTHONPATH": str(PROJECT)}, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr


def test_materialize_with_refs_fetched_from_serve(primary_pristine: Path, tmp_path: Path) -> None:
    """Base URIs at http://127.0.0.1:PORT/jsonschema, served by us: same bytes as the local run."""
    over_http, local = tmp_path / "http", tmp_path / "local"
    for copy in (over_http, local):
        shutil.copytree(primary_pristine, copy, symlinks=True)
        assert len(unpublish_current_versions(copy)) > 100
    fetched: list[str] = []
    tree = build_tree([Source("/jsonschema", primary_pristine / "jsonschema")])
    with background(tree) as server:
        def record(connection: HttpProtocol, status: int, size: int) -> None:
            fetched.append(f"{status} {connection.target.decode()}")

        server.access_log = record
        materialize_all(over_http, "-u", f"http://127.0.0.1:{server.address[1]}/jsonschema")
    materialize_all(local)
    assert any(line.startswith("200 /jsonschema/fragment/common/") for line in fetched), fetched[:5]
    assert not [line for line in fetched if not line.startswith("200 ")]
    http_tree, local_tree = snapshot(over_http), snapshot(local)
    assert http_tree == local_tree
    assert http_tree == snapshot(primary_pristine)


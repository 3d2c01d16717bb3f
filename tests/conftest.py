"""Shared fixtures: the real schema repositories from ../shared/corpora, cloned fresh into a temp dir,
and a small two-schema repository for the tests of incremental runs.

The corpora are acceptance data that live outside the project. A fresh clone elsewhere has no
../shared; tests that need a corpus are then skipped with the reason, never reported as passed.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own cache directory: nothing is written to ~/.cache, no test sees another's."""
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SCHEMA_TOOLS_CACHE_DIR", str(directory))
    return directory


def corpus_bundle(name: str) -> Path:
    """Path of a corpus bundle, or skip the test with the reason."""
    bundle = CORPORA / f"{name}.bundle"
    if not bundle.is_file():
        pytest.skip(f"corpus {bundle} is absent (it lives in ../shared beside the project checkout)")
    return bundle


def clone_bundle(name: str, dest: Path, commit: str | None = None) -> Path:
    """Clone a corpus bundle into dest (optionally checking out a commit) and return dest."""
    bundle = corpus_bundle(name)
    subprocess.run(["git", "clone", "-q", str(bundle), str(dest)], check=True)
    if commit:
        subprocess.run(["git", "-C", str(dest), "checkout", "-q", commit], check=True)
    return dest


@pytest.fixture(scope="session")
def primary_pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A read-only clone of schemas-event-primary shared by the session (copy it before changing it)."""
    return clone_bundle("schemas-event-primary", tmp_path_factory.mktemp("corpus") / "primary")


@pytest.fixture(scope="session")
def mediawiki_pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A read-only clone of mediawiki-event-schemas shared by the session (copy it before changing it)."""
    return clone_bundle("mediawiki-event-schemas", tmp_path_factory.mktemp("corpus") / "mediawiki")


@pytest.fixture
def primary_repo(primary_pristine: Path, tmp_path: Path) -> Path:
    """A private, writable copy of schemas-event-primary (symlinks kept as symlinks)."""
    dest = tmp_path / "primary"
    shutil.copytree(primary_pristine, dest, symlinks=True)
    return dest


@pytest.fixture
def mediawiki_repo(mediawiki_pristine: Path, tmp_path: Path) -> Path:
    """A private, writable copy of mediawiki-event-schemas (symlinks kept as symlinks)."""
    dest = tmp_path / "mediawiki"
    shutil.copytree(mediawiki_pristine, dest, symlinks=True)
    return dest


# A fragment and an event schema that includes it through allOf: the smallest repository where one
# schema depends on another (incremental runs, the cache, the run stamp).
FRAGMENT = """title: fragment/common
$id: /fragment/common/1.0.0
type: object
properties:
  n:
    type: integer
"""
EVENT = """title: event
$id: /event/1.0.0
type: object
allOf:
  - $ref: /fragment/common/1.0.0#
"""
SMALL_CONFIG = "schemaBasePath: ./jsonschema/\ncontentTypes: [yaml]\n"


def make_small_repo(root: Path, *, config: str = SMALL_CONFIG, event: str = EVENT) -> Path:
    """jsonschema/fragment/common and jsonschema/event under `root`, with a config; returns `root`."""
    (root / ".jsonschema-tools.yaml").write_text(config)
    for directory, text in (("fragment/common", FRAGMENT), ("event", event)):
        path = root / "jsonschema" / directory
        path.mkdir(parents=True)
        (path / "current.yaml").write_text(text)
    return root


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory without logging every request into the test output."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_directory(root: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 serving `root` while the block runs; yields its base URL (no slash)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def primary_workdir(primary_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The primary clone as the working directory, with a git identity for the commits tests make."""
    monkeypatch.chdir(primary_repo)
    for key, value in (("user.email", "test@example.org"), ("user.name", "test")):
        subprocess.run(["git", "config", key, value], cwd=primary_repo, check=True, capture_output=True)
    return primary_repo

"""Acceptance: the exported corpus behind a real nginx answers the same bytes and headers as `serve`.

Needs the Debian package nginx (nginx-light is enough); skipped with the reason when it is absent.
nginx runs in the foreground on a free loopback port, as the current user, and is stopped by its PID.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_serve_http import HOSTILE, SECRET, corpus, tree  # noqa: F401  (module fixtures reused)
from test_serve_support import make_repo, raw_get, request

from schema_tools.serve.export import export_tree
from schema_tools.serve.nginx import standalone_config
from schema_tools.serve.server import background
from schema_tools.serve.tree import Source, Tree, build_tree

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).is_file()), None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx-light)")
EVENT = "/jsonschema/test/event"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_nginx(export: Path, work: Path) -> Iterator[int]:
    """nginx in the foreground on a free port, serving an export with its snippets; stopped by PID."""
    port = free_port()
    config = work / "nginx.conf"
    config.write_text(standalone_config(export, f"127.0.0.1:{port}", work))
    checked = subprocess.run([NGINX, "-t", "-c", str(config)], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    proc = subprocess.Popen([NGINX, "-c", str(config)], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        yield port
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def nginx_port(tree: Tree, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:  # noqa: F811
    work = tmp_path_factory.mktemp("nginx")
    export_tree(tree, work / "export")
    with running_nginx(work / "export", work) as port:
        yield port


@pytest.fixture(scope="module")
def serve_port(tree: Tree) -> Iterator[int]:  # noqa: F811
    with background(tree) as server:
        yield server.address[1]


def etag_of(tree: Tree, path: str, *, packed: bool = False) -> str:  # noqa: F811
    entry = tree.entries[path]
    return (entry.gzip_etag if packed else entry.etag) or ""


SAMPLE: list[tuple[str, str, dict[str, str]]] = [
    ("GET", f"{EVENT}/1.0.0", {}),
    ("GET", f"{EVENT}/1.0.0", {"Accept": "application/json"}),
    ("GET", f"{EVENT}/1.0.0", {"Accept": "application/json, application/yaml;q=0.5"}),
    ("GET", f"{EVENT}/1.0.0", {"Accept": "application/json;q=0"}),
    ("GET", f"{EVENT}/1.0.0", {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}),
    ("GET", f"{EVENT}/1.0.0", {"Accept-Encoding": "gzip, deflate"}),
    ("GET", f"{EVENT}/1.0.0", {"Range": "bytes=0-3"}),
    ("GET", f"{EVENT}/0.0.2.yaml", {}),
    ("GET", f"{EVENT}/0.0.3.json", {"Accept-Encoding": "gzip"}),
    ("GET", f"{EVENT}/latest", {}),
    ("GET", f"{EVENT}/latest", {"Accept": "application/json", "Accept-Encoding": "gzip"}),
    ("GET", f"{EVENT}/latest.yaml", {}),
    ("GET", f"{EVENT}/latest.json", {}),
    ("GET", f"{EVENT}/current.yaml", {}),
    ("GET", "/jsonschema/mediawiki/page/change/1.2.0", {}),
    ("GET", "/jsonschema/fragment/http/1.1.0.json", {}),
    ("GET", "/jsonschema//test/event/1.0.0", {}),
    ("HEAD", f"{EVENT}/1.0.0", {}),
    ("HEAD", f"{EVENT}/latest.json", {"Accept-Encoding": "gzip"}),
    ("GET", f"{EVENT}/", {}),
    ("GET", "/jsonschema/", {"Accept-Encoding": "gzip"}),
    ("GET", "/jsonschema/fragment/", {}),
    ("GET", "/jsonschema/index.json", {}),
    ("GET", f"{EVENT}/9.9.8", {}),
    ("GET", "/jsonschema/no/such/1.0.0", {}),
    ("GET", f"{EVENT}/1.0.0.gz", {}),
    ("GET", f"{EVENT}/CHANGELOG.md", {}),
    ("POST", f"{EVENT}/1.0.0", {}),
    ("DELETE", f"{EVENT}/", {}),
]


@pytest.mark.parametrize(("method", "path", "headers"), SAMPLE, ids=[f"{m} {p} {h}" for m, p, h in SAMPLE])
def test_same_answer_as_serve(
    nginx_port: int, serve_port: int, method: str, path: str, headers: dict[str, str]
) -> None:
    """Status, body and every header but Date/Server/Connection are equal (Vary lines merged)."""
    ours, theirs = request(serve_port, path, headers, method), request(nginx_port, path, headers, method)
    assert (ours.status, ours.body, ours.header_set()) == (theirs.status, theirs.body, theirs.header_set())


@pytest.mark.parametrize("packed", [False, True])
def test_same_304s(tree: Tree, nginx_port: int, serve_port: int, packed: bool) -> None:  # noqa: F811
    """ETags are nginx's own, so a validator from one server is honoured by the other."""
    headers = {"If-None-Match": etag_of(tree, f"{EVENT}/1.0.0.json", packed=packed)}
    if packed:
        headers["Accept-Encoding"] = "gzip"
    for path in (f"{EVENT}/1.0.0.json", f"{EVENT}/1.0.0"):
        extra = {"Accept": "application/json"} if path.endswith("1.0.0") else {}
        ours = request(serve_port, path, {**headers, **extra})
        theirs = request(nginx_port, path, {**headers, **extra})
        assert ours.status == theirs.status == 304
        assert ours.header_set() == theirs.header_set()
    modified = {"If-Modified-Since": tree.entries[f"{EVENT}/1.0.0.json"].last_modified}
    assert request(serve_port, f"{EVENT}/1.0.0.json", modified).status == 304
    assert request(nginx_port, f"{EVENT}/1.0.0.json", modified).status == 304


def test_directory_redirects(nginx_port: int, serve_port: int) -> None:
    """Both redirect a directory without its slash (only the small HTML bodies differ)."""
    for path in (EVENT, "/jsonschema"):
        ours, theirs = request(serve_port, path), request(nginx_port, path)
        assert ours.status == theirs.status == 301
        assert ours.headers["location"] == theirs.headers["location"] == path + "/"


@pytest.mark.parametrize("target", HOSTILE, ids=[t.decode() for t in HOSTILE])
def test_hostile_paths_behind_nginx(nginx_port: int, target: bytes) -> None:
    """The export holds nothing from outside the tree, whatever nginx makes of the path."""
    reply = raw_get(nginx_port, target)
    assert SECRET.encode() not in reply.body and b"root:" not in reply.body
    # nginx resolves `/./` where serve refuses it; that one path is a real schema either way.
    assert reply.status in (400, 404) or target == b"/jsonschema/./test/event/1.0.0"


def test_serve_fixture_is_the_same_tree(tree: Tree, serve_port: int) -> None:  # noqa: F811
    """Guard: both servers answer from the same build (the module fixtures are shared)."""
    assert request(serve_port, "/jsonschema/index.json").body == tree.entries["/jsonschema/index.json"].body



def test_several_prefixes_behind_nginx(tmp_path: Path) -> None:
    """Two repositories and the directories above them answer alike from nginx and from serve."""
    several = build_tree([Source("/r/one", make_repo(tmp_path / "one") / "jsonschema"),
                          Source("/r/two", make_repo(tmp_path / "two") / "jsonschema")])
    export_tree(several, tmp_path / "export")
    with running_nginx(tmp_path / "export", tmp_path) as port, background(several) as server:
        ours_port = server.address[1]
        for path in ("/r/", "/r/autoindex.json", "/r/one/", "/r/two/demo/thing/1.1.0",
                     "/r/one/demo/thing/latest.json", "/r/two/index.json", "/r/one/demo/nope/1.0.0"):
            ours, theirs = request(ours_port, path), request(port, path)
            assert (ours.status, ours.body, ours.header_set()) == (
                theirs.status, theirs.body, theirs.header_set()), path
        for path in ("/r", "/r/one"):
            assert request(port, path).headers["location"] == request(ours_port, path).headers["location"]

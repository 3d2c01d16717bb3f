"""`serve` over HTTP on 127.0.0.1, on the schemas-event-primary corpus: URL forms, headers, hostile paths."""

from __future__ import annotations

import gzip
import http.client
import json
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_serve_support import make_repo, parse_replies, raw_exchange, raw_get, request

from schema_tools.documents.json_emit import dump_json
from schema_tools.documents.load import load_text
from schema_tools.serve.server import SchemaServer, background
from schema_tools.serve.tree import CACHE_IMMUTABLE, CACHE_SHORT, Source, Tree, build_tree

SECRET = "s3cr3t-marker-never-served"
EVENT = "/jsonschema/test/event"


@pytest.fixture(scope="module")
def corpus(primary_pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus with traps: links leading outside, dotfiles, a non-schema file."""
    root = tmp_path_factory.mktemp("serve") / "primary"
    shutil.copytree(primary_pristine, root, symlinks=True)
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"secret: {SECRET}\n")
    (outside / "1.0.0.yaml").write_text(f"secret: {SECRET}\n")
    event = root / "jsonschema/test/event"
    (event / "9.9.9.yaml").symlink_to(outside / "secret.yaml")
    (event / ".2.0.0.yaml").write_text(f"secret: {SECRET}\n")
    (root / "jsonschema/.hidden").mkdir()
    (root / "jsonschema/.hidden/1.0.0.yaml").write_text(f"secret: {SECRET}\n")
    (root / "jsonschema/escape").symlink_to(outside, target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def tree(corpus: Path) -> Tree:
    return build_tree([Source("/jsonschema", corpus / "jsonschema")])


@pytest.fixture(scope="module")
def server(tree: Tree) -> Iterator[SchemaServer]:
    with background(tree) as running:
        yield running


@pytest.fixture(scope="module")
def port(server: SchemaServer) -> int:
    return server.address[1]


def test_every_path_answers_its_document(tree: Tree, port: int) -> None:
    """A sweep over every path of the tree on one keep-alive connection: status, type, bytes."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for path, entry in tree.entries.items():
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        assert (response.status, response.getheader("Content-Type")) == (200, entry.media_type)
        assert body == entry.body
        if entry.media_type == "application/json":
            json.loads(body)  # strict JSON, never YAML labelled as JSON
    conn.close()
    assert len(tree.entries) > 500


@pytest.mark.parametrize(
    ("path", "headers", "file", "content_type"),
    [
        (f"{EVENT}/1.0.0", {}, "1.0.0.yaml", "application/yaml"),
        (f"{EVENT}/1.0.0.yaml", {}, "1.0.0.yaml", "application/yaml"),
        (f"{EVENT}/1.0.0", {"Accept": "application/json"}, "1.0.0.json", "application/json"),
        (f"{EVENT}/1.0.0.json", {}, "1.0.0.json", "application/json"),
        (f"{EVENT}/latest", {}, "1.0.0.yaml", "application/yaml"),
        (f"{EVENT}/latest", {"Accept": "application/json, */*"}, "1.0.0.json", "application/json"),
        (f"{EVENT}/latest.yaml", {"Accept": "application/json"}, "1.0.0.yaml", "application/yaml"),
        (f"{EVENT}/latest.json", {}, "1.0.0.json", "application/json"),
        (f"{EVENT}/current.yaml", {}, "current.yaml", "application/yaml"),
        ("/jsonschema//test/event/0.0.2", {}, "0.0.2.yaml", "application/yaml"),
        ("/jsonschema//test//event/0.0.3.yaml", {}, "0.0.3.yaml", "application/yaml"),
    ],
)
def test_url_forms(
    corpus: Path, port: int, path: str, headers: dict[str, str], file: str, content_type: str
) -> None:
    """Extensionless, .yaml, .json (rendered: the corpus publishes YAML only), latest*, current, `//`."""
    reply = request(port, path, headers)
    yaml_file = corpus / "jsonschema/test/event" / file.replace(".json", ".yaml")
    expected = yaml_file.read_bytes()
    if file.endswith(".json"):
        expected = dump_json(load_text(expected.decode())).encode()
    assert (reply.status, reply.headers["content-type"], reply.body) == (200, content_type, expected)
    assert reply.headers["access-control-allow-origin"] == "*"


def test_cache_headers(port: int) -> None:
    """Versions are immutable for a year; latest, current and listings get a short max-age."""
    assert request(port, f"{EVENT}/1.0.0").headers["cache-control"] == CACHE_IMMUTABLE
    assert request(port, f"{EVENT}/1.0.0.json").headers["cache-control"] == CACHE_IMMUTABLE
    for path in ("latest", "latest.json", "current.yaml", ""):
        assert request(port, f"{EVENT}/{path}").headers["cache-control"] == CACHE_SHORT


def test_negotiated_paths_vary_on_accept(port: int) -> None:
    """Caches must key extensionless answers on Accept; explicit extensions do not vary."""
    assert request(port, f"{EVENT}/1.0.0").headers["vary"] == "Accept, Accept-Encoding"
    assert request(port, f"{EVENT}/1.0.0.yaml").headers["vary"] == "Accept-Encoding"


def test_head_is_get_without_body(port: int) -> None:
    got, head = request(port, f"{EVENT}/1.0.0"), request(port, f"{EVENT}/1.0.0", method="HEAD")
    assert head.status == 200 and head.body == b""
    assert {k: v for k, v in head.headers.items() if k != "date"} == {
        k: v for k, v in got.headers.items() if k != "date"}


def test_conditional_requests(port: int) -> None:
    """If-None-Match (also for the gzip variant's ETag) and If-Modified-Since answer 304 without a body."""
    first = request(port, f"{EVENT}/1.0.0.json")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = request(port, f"{EVENT}/1.0.0.json", {"If-None-Match": etag})
    assert (again.status, again.body, again.headers["etag"]) == (304, b"", etag)
    assert "content-length" not in again.headers and again.headers["cache-control"] == CACHE_IMMUTABLE
    assert request(port, f"{EVENT}/1.0.0.json", {"If-None-Match": f'"x", W/{etag}'}).status == 304
    assert request(port, f"{EVENT}/1.0.0.json", {"If-None-Match": '"other"'}).status == 200
    assert request(port, f"{EVENT}/1.0.0.json", {"If-Modified-Since": modified}).status == 304
    packed = request(port, f"{EVENT}/1.0.0.json", {"Accept-Encoding": "gzip"})
    assert packed.headers["etag"] != etag
    both = {"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]}
    assert request(port, f"{EVENT}/1.0.0.json", both).status == 304
    assert request(port, f"{EVENT}/1.0.0.json", {"If-None-Match": packed.headers["etag"]}).status == 200


def test_gzip_when_asked(port: int) -> None:
    plain = request(port, f"{EVENT}/1.0.0")
    packed = request(port, f"{EVENT}/1.0.0", {"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["content-encoding"] == "gzip"
    assert gzip.decompress(packed.body) == plain.body and len(packed.body) < len(plain.body)
    assert "content-encoding" not in request(port, f"{EVENT}/1.0.0", {"Accept-Encoding": "gzip;q=0"}).headers


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_only_get_and_head(port: int, method: str) -> None:
    reply = request(port, f"{EVENT}/1.0.0", method=method)
    assert (reply.status, reply.headers["allow"], reply.headers["content-type"]) == (
        405, "GET, HEAD", "application/problem+json")
    assert json.loads(reply.body)["status"] == 405


def test_listings_and_index(tree: Tree, port: int) -> None:
    """A directory answers its nginx-style listing; without its slash it redirects; the index lists all."""
    listing = request(port, f"{EVENT}/")
    assert listing.headers["content-type"] == "application/json"
    items = {item["name"]: item for item in json.loads(listing.body)}
    assert items["1.0.0"]["type"] == "file"
    assert items["1.0.0"]["size"] == len(request(port, f"{EVENT}/1.0.0").body)
    assert "CHANGELOG.md" not in items and "9.9.9.yaml" not in items and ".2.0.0.yaml" not in items
    root = {item["name"]: item["type"] for item in json.loads(request(port, "/jsonschema/").body)}
    assert root["test"] == "directory" and root["index.json"] == "file" and ".hidden" not in root
    moved = request(port, EVENT)
    assert (moved.status, moved.headers["location"]) == (301, f"{EVENT}/")
    index = json.loads(request(port, "/jsonschema/index.json").body)
    assert index["titles"]["test/event"] == {"versions": ["0.0.2", "0.0.3", "1.0.0"], "latest": "1.0.0",
                                             "current": True}
    assert len(index["titles"]) == len(tree.titles) == 53


def test_not_found_names_the_path_and_the_versions(port: int) -> None:
    """What an intake service logs when a producer names a version that does not exist."""
    reply = request(port, f"{EVENT}/9.9.8")
    problem = json.loads(reply.body)
    assert (reply.status, reply.headers["content-type"]) == (404, "application/problem+json")
    assert problem["detail"] == f"no schema at {EVENT}/9.9.8; test/event has versions 0.0.2, 0.0.3, 1.0.0"
    assert problem["versions"] == ["0.0.2", "0.0.3", "1.0.0"]
    unknown = json.loads(request(port, "/jsonschema/no/such/1.0.0").body)
    assert unknown["detail"] == "no schema at /jsonschema/no/such/1.0.0" and "versions" not in unknown


HOSTILE = [
    b"/../../../../etc/passwd",
    b"/jsonschema/../../etc/passwd",
    b"/jsonschema/%2e%2e/%2e%2e/etc/passwd",
    b"/jsonschema/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    b"/jsonschema/%252e%252e/%252e%252e/etc/passwd",
    b"/jsonschema/test/event/..%2f..%2f..%2fescape/secret.yaml",
    b"/jsonschema/test/event/..%5c..%5cescape%5csecret.yaml",
    b"/jsonschema/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    b"/jsonschema/escape/secret.yaml",
    b"/jsonschema/escape/1.0.0.yaml",
    b"/jsonschema/escape/",
    b"/jsonschema/test/event/9.9.9.yaml",
    b"/jsonschema/test/event/9.9.9",
    b"/jsonschema/test/event/.2.0.0.yaml",
    b"/jsonschema/.hidden/1.0.0.yaml",
    b"/jsonschema/.hidden/",
    b"/.git/config",
    b"/jsonschema/../.git/config",
    b"/jsonschema/test/event/CHANGELOG.md",
    b"/.jsonschema-tools.yaml",
    b"/jsonschema/test/event/1.0.0%00.yaml",
    b"/jsonschema/test/event/1.0.0/../../../../../etc/passwd",
    b"/jsonschema/./test/event/1.0.0",
    b"//etc/passwd",
    b"/etc/passwd",
    b"/jsonschema/test/event/1.0.0.gz",
    b"/jsonschema/test/event/..;/..;/escape/secret.yaml",
]


@pytest.mark.parametrize("target", HOSTILE, ids=[t.decode() for t in HOSTILE])
def test_hostile_paths(port: int, target: bytes) -> None:
    """Traversal, encodings, links out of the tree, dotfiles: 400 or 404, and never a byte from outside."""
    reply = raw_get(port, target)
    assert reply.status in (400, 404)
    assert SECRET.encode() not in reply.body and b"root:" not in reply.body
    assert reply.headers["content-type"] == "application/problem+json"


def test_serving_never_reads_the_filesystem(tmp_path: Path) -> None:
    """Everything is read at startup: with the repository gone, every document is still answered."""
    repo = make_repo(tmp_path / "repo")
    tree = build_tree([Source("", repo / "jsonschema")])
    shutil.rmtree(repo)
    with background(tree) as running:
        reply = request(running.address[1], "/demo/thing/1.1.0.json")
        assert reply.status == 200 and json.loads(reply.body)["$id"] == "/demo/thing/1.1.0"


def test_an_intake_service_request(port: int) -> None:
    """EventGate sends only Host, Accept-Encoding: gzip, deflate, Content-Length: 0 and keep-alive."""
    data = raw_exchange(port, (
        f"GET {EVENT}/1.0.0 HTTP/1.1\r\nhost: 127.0.0.1\r\naccept-encoding: gzip, deflate\r\n"
        "content-length: 0\r\nConnection: keep-alive\r\n\r\n").encode(), timeout=2)
    reply = parse_replies(data)[0]
    assert (reply.status, reply.headers["content-type"], reply.headers["content-encoding"]) == (
        200, "application/yaml", "gzip")
    assert gzip.decompress(reply.body).startswith(b"title: test/event\n")


def test_pipelined_requests_are_answered_in_order(port: int) -> None:
    data = b"".join(
        f"GET {EVENT}/{name} HTTP/1.1\r\nHost: t\r\n\r\n".encode() for name in ("0.0.2", "nope", "1.0.0.json")
    ) + f"HEAD {EVENT}/latest HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode()
    replies = parse_replies(raw_exchange(port, data))
    assert [r.status for r in replies[:3]] == [200, 404, 200]
    assert replies[0].body.startswith(b"title: test/event") and replies[2].body.startswith(b"{")
    assert replies[3].headers["connection"] == "close"


def test_http_1_0_connections(port: int) -> None:
    closing = raw_exchange(port, f"GET {EVENT}/1.0.0 HTTP/1.0\r\n\r\n".encode())
    assert closing.startswith(b"HTTP/1.1 200 OK") and b"Connection: close" in closing
    kept = raw_exchange(port, f"GET {EVENT}/1.0.0 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".encode())
    assert b"Connection: keep-alive" in kept


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"NOT HTTP AT ALL\r\n\r\n", 400),
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: t\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\n" + b"X-Filler: " + b"b" * 40000 + b"\r\n\r\n", 431),
        (b"GET /x HTTP/1.1\r\nHost: t\r\nContent-Length: nope\r\n\r\n", 400),
    ],
)
def test_malformed_requests(port: int, data: bytes, status: int) -> None:
    """Malformed or oversized requests get an error and the connection is closed."""
    reply = parse_replies(raw_exchange(port, data))[0]
    assert reply.status == status and reply.headers["connection"] == "close"


def test_slow_and_idle_clients_are_disconnected(tmp_path: Path) -> None:
    """A request whose headers never finish gets 408; an idle keep-alive connection is closed."""
    tree = build_tree([Source("", make_repo(tmp_path / "repo") / "jsonschema")])
    with background(tree, request_timeout=1.0, keep_alive_timeout=1.0) as running:
        port = running.address[1]
        with socket.create_connection(("127.0.0.1", port), timeout=10) as slow, \
                socket.create_connection(("127.0.0.1", port), timeout=10) as idle:
            slow.sendall(b"GET /demo/thing/1.1.0 HTTP/1.1\r\nHost: t\r\n")
            started = time.monotonic()
            answer = slow.recv(65536)
            assert answer.startswith(b"HTTP/1.1 408 Request Timeout") and b"Connection: close" in answer
            assert idle.recv(1) == b"" and time.monotonic() - started < 8

"""Candidate URLs, file and HTTP reads, and the `$ref` URL arithmetic (schema_tools.retrieve, .pointer).

The HTTP tests run servers on 127.0.0.1 that the test starts itself; nothing else touches the network.
The expected values of the URL and pointer tables were produced by Node (`url.resolve`, ref-parser).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from schema_tools.errors import DocumentError
from schema_tools.pointer import (
    PointerSyntaxError,
    _authority_length,
    _scheme_length,
    format_pointer,
    has_scheme,
    join_pointer,
    js_keys,
    parse_pointer,
    url_resolve,
)
from schema_tools.retrieve import (
    FetchError,
    NotFound,
    Resolver,
    build_candidates,
    default_fetch,
    location_of,
)
from tests.conftest import QuietHandler, serve_directory

# (base, ref, what Node's url.resolve gives)
NODE_URL_RESOLVE = [
    ("/cwd/#", "#/x", "/cwd/#/x"),
    ("/cwd/#/a/b", "#/x", "/cwd/#/x"),
    ("/cwd/#/a", "./#/definitions/x", "/cwd/#/definitions/x"),
    ("/cwd/#/a", "/fragment/common/2.0.0#", "/fragment/common/2.0.0#"),
    ("/cwd/#/a", "/fragment/common/2.0.0", "/fragment/common/2.0.0"),
    ("/cwd/#/a", "/fragment/common/2.0.0#/properties/meta", "/fragment/common/2.0.0#/properties/meta"),
    ("/cwd/#/a", "fragment/a/1.0.0", "/cwd/fragment/a/1.0.0"),
    ("/fragment/a/1.0.0#/properties", "../b/1.0.0", "/fragment/b/1.0.0"),
    ("/fragment/a/1.0.0#/x", "../../../../z", "/z"),
    ("/cwd/#", "/a/../b/./c", "/b/c"),
    ("/cwd/#", "http://Example.COM/a/../b", "http://example.com/a/../b"),
    ("/cwd/#", "https://h:8080/x/y#/p", "https://h:8080/x/y#/p"),
    ("http://h/a/b#/x", "/c/d", "http://h/c/d"),
    ("http://h/a/b#/x", "c/d#/e", "http://h/a/c/d#/e"),
    ("http://h/a/b", "#/e", "http://h/a/b#/e"),
    ("file:///a/b/c", "../d", "file:///a/d"),
    ("file:///a/b/c", "/e", "file:///e"),
    ("/cwd/#", "./", "/cwd/"),
    ("/cwd/#", ".", "/cwd/"),
    ("/cwd/#", "..", "/"),
    ("/cwd/#", "#", "/cwd/#"),
    ("/cwd/#", "?q=1", "/cwd/?q=1"),
    ("/cwd/#", "//host/x", "//host/x"),
    ("/cwd/#/a", "/x?y#z", "/x?y#z"),
    ("/cwd/sub/#", "../x", "/cwd/x"),
    ("/a/b/#", "./c/../d/", "/a/b/d/"),
    ("/cwd/#", "/x#/a#b", "/x#/a#b"),
    ("/f/x.yaml#/a", "y.yaml", "/f/y.yaml"),
    ("/cwd/#", "file:///abs/x", "file:///abs/x"),
    ("/cwd/#", "HTTP://h/x", "http://h/x"),
    ("/cwd/#", "/a//b", "/a//b"),
    ("/cwd/#", "a/./b/../../../../c", "/c"),
    ("/cwd/", "", "/cwd/"),
]


@pytest.mark.parametrize(("base", "ref", "expected"), NODE_URL_RESOLVE)
def test_url_resolve_matches_node(base: str, ref: str, expected: str) -> None:
    assert url_resolve(base, ref) == expected


def test_pointer_parse_and_join_follow_ref_parser() -> None:
    assert parse_pointer("/doc#/a~1b/c~0d/e%20f") == ["a/b", "c~d", "e f"]
    assert parse_pointer("/doc") == parse_pointer("/doc#") == []
    assert join_pointer("/doc", ["a/b", "c~d", "e f"]) == "/doc#/a~1b/c~0d/e%20f"
    assert join_pointer("/doc#/x", "0") == "/doc#/x/0"
    assert format_pointer(["properties", "a/b"]) == "/properties/a~1b"
    with pytest.raises(PointerSyntaxError):
        parse_pointer("/doc#foo")


def test_js_keys_put_integer_like_keys_first() -> None:
    assert js_keys({"b": 1, "10": 2, "2": 3, "01": 4, "a": 5}) == ["2", "10", "b", "01", "a"]


# ---- candidates -------------------------------------------------------------------------------------


def test_candidates_concatenate_base_and_path_in_order(tmp_path: Path) -> None:
    cwd = str(tmp_path)
    candidates = build_candidates(
        "/fragment/a/1.0.0",
        ["http://h/dir", "./jsonschema/", "/abs/dir", "https://h/x/"],
        cwd=cwd,
        uri_map={},
    )
    assert [c.url for c in candidates] == [
        "http://h/dir/fragment/a/1.0.0",  # plain concatenation: no slash is added
        f"file://{cwd}/jsonschema/fragment/a/1.0.0",  # relative to cwd, `//` normalised
        "file:///abs/dir/fragment/a/1.0.0",
        "https://h/x//fragment/a/1.0.0",  # a trailing slash gives `//`, kept in URLs
    ]


def test_candidates_of_a_url_are_the_url_once(tmp_path: Path) -> None:
    candidates = build_candidates("http://other/x", ["./a/", "./b/"], cwd=str(tmp_path), uri_map={})
    assert [c.url for c in candidates] == ["http://other/x"]


def test_uri_map_replaces_a_base_prefix_and_shows_both(tmp_path: Path) -> None:
    remote = "https://schema.example.org/repositories/primary/jsonschema/"
    local = tmp_path / "primary" / "jsonschema"
    [candidate] = build_candidates(
        "/fragment/a/1.0.0", [remote], cwd=str(tmp_path), uri_map={remote: f"{local}/"}
    )
    assert candidate.url == f"file://{local}/fragment/a/1.0.0"
    assert candidate.original == remote + "/fragment/a/1.0.0"
    assert candidate.shown == f"{remote}/fragment/a/1.0.0 (mapped to {local}/fragment/a/1.0.0)"


def test_location_of_decodes_file_urls_like_node() -> None:
    assert location_of("file:///a%20b/c%2Fd") == "/a b/c%2Fd"
    assert location_of("http://h/a%20b") == "http://h/a%20b"


# ---- file reads ---------------------------------------------------------------------------------------


def test_file_fetch_reasons(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_text("x: 1\n")
    (tmp_path / "latin1").write_bytes(b"x: \xe9\n")
    assert default_fetch(f"file://{tmp_path}/file", 1.0) == "x: 1\n"
    for name, reason in [("missing", "not found"), ("dir", "is a directory"), ("file/sub", "not found")]:
        with pytest.raises(FetchError, match=reason):
            default_fetch(f"file://{tmp_path}/{name}", 1.0)
    with pytest.raises(DocumentError, match="not UTF-8"):
        default_fetch(f"file://{tmp_path}/latin1", 1.0)
    with pytest.raises(FetchError, match="unsupported URI scheme"):
        default_fetch("ftp://h/x", 1.0)


def test_resolver_parses_once_and_lists_every_failure(tmp_path: Path) -> None:
    (tmp_path / "b" / "x").mkdir(parents=True)
    (tmp_path / "b" / "x" / "1.0.0").write_text("{a: 1}\n")
    calls: list[str] = []

    def fetch(url: str, timeout: float) -> str:
        calls.append(url)
        return default_fetch(url, timeout)

    resolver = Resolver(["./a/", "./b/"], cwd=tmp_path, fetch=fetch)
    assert resolver.load("/x/1.0.0").value == {"a": 1}
    assert resolver.load("/x/1.0.0").location == f"{tmp_path}/b/x/1.0.0"
    assert calls == [f"file://{tmp_path}/a/x/1.0.0", f"file://{tmp_path}/b/x/1.0.0"]  # once, then cached
    with pytest.raises(NotFound) as caught:
        resolver.load("/y/1.0.0")
    assert caught.value.tried == [
        f"file://{tmp_path}/a/y/1.0.0: not found",
        f"file://{tmp_path}/b/y/1.0.0: not found",
    ]


# ---- HTTP ---------------------------------------------------------------------------------------------


class _TreeHandler(QuietHandler):
    """Serves the directory of its server; `/redirect/<n>/<path>` redirects n times before `<path>`."""

    def do_GET(self) -> None:
        parts = self.path.split("/")
        if len(parts) > 3 and parts[1] == "redirect":
            count = int(parts[2])
            rest = "/".join(parts[3:])
            target = f"/redirect/{count - 1}/{rest}" if count > 1 else f"/{rest}"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture
def http_tree(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTP server on 127.0.0.1 serving tmp_path/www; yields (base URL, directory)."""
    root = tmp_path / "www"
    root.mkdir()
    with serve_directory(root, _TreeHandler) as base:
        yield base, root


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A socket on 127.0.0.1 that accepts connections and never answers; yields its base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def test_http_fetch_and_404(http_tree: tuple[str, Path]) -> None:
    base, root = http_tree
    (root / "doc.yaml").write_text("a: 1\n")
    assert default_fetch(f"{base}/doc.yaml", 2.0) == "a: 1\n"
    with pytest.raises(FetchError, match="HTTP 404"):
        default_fetch(f"{base}/nothing", 2.0)


def test_http_follows_five_redirects_not_six(http_tree: tuple[str, Path]) -> None:
    base, root = http_tree
    (root / "doc.yaml").write_text("a: 1\n")
    assert default_fetch(f"{base}/redirect/5/doc.yaml", 2.0) == "a: 1\n"
    with pytest.raises(FetchError, match="too many redirects"):
        default_fetch(f"{base}/redirect/6/doc.yaml", 2.0)


def test_http_timeout_names_the_url_and_is_bounded(silent_server: str, tmp_path: Path) -> None:
    resolver = Resolver([silent_server + "/schemas"], cwd=tmp_path, timeout=0.3)
    started = time.monotonic()
    with pytest.raises(NotFound) as caught:
        resolver.load("/x/1.0.0")
    assert time.monotonic() - started < 2.0
    assert caught.value.tried == [f"{silent_server}/schemas/x/1.0.0: timed out after 0.3 s"]


def test_http_trickling_server_is_cut_at_the_deadline(tmp_path: Path) -> None:
    """A server that keeps sending a byte now and then never trips a socket timeout; the deadline does."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def trickle() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.sendall(b"HTTP/1.1 200 OK\r\n")
            while not stop.wait(0.1):
                try:
                    connection.sendall(b"X")
                except OSError:
                    return

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/x"
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match=r"timed out after 0\.3 s"):
            default_fetch(url, 0.3)
        assert time.monotonic() - started < 2.0
    finally:
        stop.set()
        thread.join()
        listener.close()


def test_scheme_and_authority_lengths_match_nodes_patterns() -> None:
    """The hand-written scans give what `^([a-z0-9.+-]+):` and `^([a-z0-9.+-]+:)?//[^/?#]*` (ignoring case)
    match, including the non-ASCII letters that case-fold into the class."""
    import random
    import re

    scheme = re.compile(r"^([a-z0-9.+-]+):", re.IGNORECASE)
    authority = re.compile(r"^([a-z0-9.+-]+:)?//[^/?#]*", re.IGNORECASE)
    alphabet = "aZ09.+-:/?#@\u0130\u0131\u017f\u212a\u00e9 \nK"
    rnd = random.Random(7)
    samples = ["", "http://Example.com/a?b#c", "//host/x", "a:b//c", "ſ://x", "1.2:", ":x", "#/a", "/fragment/a"]
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8))) for _ in range(20000)]
    for text in samples:
        match = scheme.match(text)
        assert _scheme_length(text) == (len(match.group(0)) if match else 0), text
        assert has_scheme(text) == (match is not None)
        match = authority.match(text)
        assert _authority_length(text) == (len(match.group(0)) if match else 0), text

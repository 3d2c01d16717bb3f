"""Responses rendered to bytes before the first request, so that answering is a lookup and a write.

Every entry of the tree becomes a `Resource`: its status line and headers (everything but `Date`, which
changes every second, and `Connection`, which depends on the request), its body, its 304 and its gzip
variant; a negotiated path also holds its JSON alternative. The headers are the ones the nginx snippet
produces for the exported tree (see nginx.py), so both servers answer alike.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from schema_tools import __version__
from schema_tools.serve.problems import PROBLEM_TYPE
from schema_tools.serve.tree import CACHE_SHORT, Entry, Tree

SERVER = f"schema-tools/{__version__}"
CACHE_NOT_FOUND = "public, max-age=10"
ALLOW = "GET, HEAD"
REASONS = {
    200: "OK",
    301: "Moved Permanently",
    304: "Not Modified",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    414: "URI Too Long",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
}
# Sent with every answer, as the nginx snippet's add_header lines are.
COMMON = (("Access-Control-Allow-Origin", "*"), ("X-Content-Type-Options", "nosniff"))


@dataclass(slots=True)
class Rendition:
    """One representation, pre-rendered: a GET answer is `head + Date line + body`."""

    head: bytes  # status line and headers, without Date and without the blank line
    body: bytes  # the blank line, then the body
    not_modified: bytes  # the 304's status line and headers, without Date and without the blank line
    etag: str
    last_modified: str


@dataclass(slots=True)
class Resource:
    """What a path can answer: plain and gzip renditions, and the JSON alternative of a negotiated path."""

    plain: Rendition
    gzip: Rendition | None
    json: Resource | None = None


def render_head(status: int, headers: Iterable[tuple[str, str]]) -> bytes:
    """`HTTP/1.1 <status> <reason>` and the header lines (each ending with CRLF)."""
    lines = [f"HTTP/1.1 {status} {REASONS[status]}\r\n", f"Server: {SERVER}\r\n"]
    lines.extend(f"{name}: {value}\r\n" for name, value in headers)
    return "".join(lines).encode("latin-1")


def _rendition(entry: Entry, body: bytes, etag: str, *, gzipped: bool, vary: list[str]) -> Rendition:
    validators = [
        ("Last-Modified", entry.last_modified),
        ("ETag", etag),
        ("Cache-Control", entry.cache_control),
        *COMMON,
    ]
    if vary:
        validators.append(("Vary", ", ".join(vary)))
    # A 304 has no body, so no Content-Type, Content-Length nor Content-Encoding (as nginx answers).
    content = [("Content-Type", entry.media_type), ("Content-Length", str(len(body)))]
    if gzipped:
        content.append(("Content-Encoding", "gzip"))
    head = render_head(200, [*content, *validators])
    return Rendition(head, b"\r\n" + body, render_head(304, validators), etag, entry.last_modified)


def prepare(entry: Entry, *, negotiated: bool = False) -> Resource:
    """The pre-rendered answers for one entry; `negotiated` adds `Vary: Accept`."""
    vary = (["Accept"] if negotiated else []) + (["Accept-Encoding"] if entry.gzip is not None else [])
    plain = _rendition(entry, entry.body, entry.etag, gzipped=False, vary=vary)
    packed = None
    if entry.gzip is not None and entry.gzip_etag is not None:
        packed = _rendition(entry, entry.gzip, entry.gzip_etag, gzipped=True, vary=vary)
    return Resource(plain, packed)


def prepare_tree(tree: Tree) -> dict[str, Resource]:
    """A Resource for every path of the tree (directory paths answer their listing)."""
    resources: dict[str, Resource] = {}
    for path, entry in tree.entries.items():
        if entry.json_path is None:
            resources[path] = prepare(entry)
            continue
        resource = prepare(entry, negotiated=True)
        resource.json = prepare(tree.entries[entry.json_path], negotiated=True)
        resources[path] = resource
    for directory in tree.directories:
        listing = tree.lookup(directory)
        assert listing is not None
        resources[directory] = resources[listing.path]
    return resources


def dynamic(
    status: int, body: bytes, *, content_type: str = PROBLEM_TYPE, extra: Iterable[tuple[str, str]] = ()
) -> tuple[bytes, bytes]:
    """(head, blank line + body) of an answer computed per request (errors)."""
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body))), *extra]
    headers.append(("Cache-Control", CACHE_NOT_FOUND if status == 404 else "no-store"))
    headers.extend(COMMON)
    return render_head(status, headers), b"\r\n" + body


def redirect(location: str) -> tuple[bytes, bytes]:
    """A 301 to a directory's listing (`/a/b` → `/a/b/`), as nginx answers for a directory."""
    link = html.escape(location)
    body = f'<html><body><a href="{link}">{link}</a></body></html>\n'.encode()
    headers = [
        ("Content-Type", "text/html"),
        ("Content-Length", str(len(body))),
        ("Location", location),
        ("Cache-Control", CACHE_SHORT),
        *COMMON,
    ]
    return render_head(301, headers), b"\r\n" + body

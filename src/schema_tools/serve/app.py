"""The HTTP/1.1 connection handler: an asyncio Protocol over httptools' parser (llhttp, as in Node).

Chosen by measurement over uvicorn and granian running a raw ASGI callable (see the README's design
notes and benchmarks/bench_serve.py): with every answer pre-rendered (responses.py), the ASGI layers are
most of the remaining cost. The per-request path is: parse, look the raw target up in a dict, pick a
rendition, one `write`. Anything unusual (escapes, `//`, a query, errors) takes the slow path through
request.normalize_path, which never touches the filesystem: only the paths of the tree exist.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING, cast

import httptools

from schema_tools.serve.problems import METHOD_NOT_ALLOWED, bad_request, not_found, problem
from schema_tools.serve.request import BadPath, accepts_gzip, etag_matches, normalize_path, prefers_json
from schema_tools.serve.responses import ALLOW, Rendition, Resource, dynamic, redirect

if TYPE_CHECKING:
    from schema_tools.serve.server import SchemaServer

MAX_TARGET_BYTES = 8 * 1024
MAX_HEADER_BYTES = 32 * 1024
_CLOSE = b"Connection: close\r\n"
_KEEP_ALIVE = b"Connection: keep-alive\r\n"
_NO_BODY = b"\r\n"
_WANTED = frozenset({b"accept", b"accept-encoding", b"if-none-match", b"if-modified-since"})


class _Stop(Exception):
    """Raised from a parser callback after an error answer was sent: stop parsing this connection."""


class HttpProtocol(asyncio.Protocol):
    """One client connection; requests on it are answered in order (pipelining included)."""

    def __init__(self, server: SchemaServer) -> None:
        self.server = server
        self.parser = httptools.HttpRequestParser(self)
        self.transport: asyncio.Transport | None = None
        self.target = b""
        self.method = b"GET"
        self.size = 0
        self.headers: dict[bytes, bytes] = {}  # only the request headers an answer depends on
        self.in_request = False
        self.started = self.last_active = server.now
        self.closing = False

    # -- connection events -------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's are not asyncio.Transport subclasses
        self.server.connections.add(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self.server.connections.discard(self)
        self.closing = True

    def pause_writing(self) -> None:
        # The client is not reading its answers: stop reading its requests until it does.
        if self.transport is not None:
            self.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.transport is not None and not self.closing:
            self.transport.resume_reading()

    def data_received(self, data: bytes) -> None:
        self.last_active = self.server.now
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self.close()  # an upgrade (h2c, websocket) is not offered; the request itself was answered
        except httptools.HttpParserCallbackError as error:
            if not self.closing:
                print(f"schema-tools serve: internal error: {error.__context__!r}", file=sys.stderr)
                self.fail(500, problem(500, "Internal Server Error", "the server failed; see its log"))
        except httptools.HttpParserError:
            if not self.closing:
                self.fail(400, bad_request("the request is not valid HTTP/1.1"))

    def close(self) -> None:
        self.closing = True
        if self.transport is not None:
            self.transport.close()

    def fail(self, status: int, body: bytes, extra: tuple[tuple[str, str], ...] = ()) -> None:
        """Answer an error and close the connection (the rest of its input is not read)."""
        if self.transport is not None and not self.closing:
            head, rest = dynamic(status, body, extra=extra)
            self.transport.write(head + self.server.date_line + _CLOSE + rest)
        self.close()

    # -- parser callbacks ---------------------------------------------------------------------------
    def on_message_begin(self) -> None:
        self.target = b""
        self.size = 0
        if self.headers:  # most requests carry none of the wanted headers: keep the empty dict
            self.headers = {}
        self.in_request = True
        self.started = self.server.now

    def on_url(self, url: bytes) -> None:
        self.target += url
        if len(self.target) > MAX_TARGET_BYTES:
            self.fail(414, bad_request("the request target is too long"))
            raise _Stop

    def on_header(self, name: bytes, value: bytes) -> None:
        self.size += len(name) + len(value)
        if self.size > MAX_HEADER_BYTES:
            self.fail(431, bad_request("the request headers are too large"))
            raise _Stop
        name = name.lower()
        if name in _WANTED:  # a repeated header is one comma-separated list (RFC 9110 §5.3)
            previous = self.headers.get(name)
            self.headers[name] = value if previous is None else previous + b", " + value

    def on_headers_complete(self) -> None:
        self.method = self.parser.get_method()
        if self.method not in (b"GET", b"HEAD"):
            # Answered before any body is read; the connection is closed rather than drained.
            self.fail(405, METHOD_NOT_ALLOWED, (("Allow", ALLOW),))
            raise _Stop

    def on_message_complete(self) -> None:
        self.in_request = False
        resource = self.server.fast.get(self.target)
        if resource is None:
            resource = self.slow_lookup()
            if resource is None:
                return
        rendition = self.choose(resource)
        if self.headers and self.not_modified(rendition):
            self.send(rendition.not_modified, _NO_BODY, 304)
        else:
            self.send(rendition.head, rendition.body, 200)

    # -- answering ----------------------------------------------------------------------------------
    def choose(self, resource: Resource) -> Rendition:
        """The rendition for this request: JSON if asked for on a negotiated path; gzip if accepted."""
        headers = self.headers
        if resource.json is not None:
            accept = headers.get(b"accept")
            if accept is not None and self.server.cached(prefers_json, accept):
                resource = resource.json
        if resource.gzip is not None:
            encodings = headers.get(b"accept-encoding")
            if encodings is not None and self.server.cached(accepts_gzip, encodings):
                return resource.gzip
        return resource.plain

    def not_modified(self, rendition: Rendition) -> bool:
        """As nginx decides: there is a validator, and each one present matches (dates exactly)."""
        if_none_match = self.headers.get(b"if-none-match")
        if_modified_since = self.headers.get(b"if-modified-since")
        if if_none_match is None and if_modified_since is None:
            return False
        if if_modified_since is not None and if_modified_since.decode("latin-1").strip() != (
            rendition.last_modified
        ):
            return False
        return if_none_match is None or etag_matches(if_none_match.decode("latin-1"), rendition.etag)

    def send(self, head: bytes, body: bytes, status: int) -> None:
        """Write one answer (HEAD: without its body); close afterwards unless the connection is kept."""
        parser = self.parser
        keep_alive = parser.should_keep_alive() and not self.server.stopping
        if self.method == b"HEAD":
            body = _NO_BODY
        # HTTP/1.1 keeps connections by default; HTTP/1.0 only when told, and then says so.
        persistent = b"" if parser.get_http_version() == "1.1" else _KEEP_ALIVE
        connection = persistent if keep_alive else _CLOSE
        assert self.transport is not None
        self.transport.write(head + self.server.date_line + connection + body)
        if self.server.access_log is not None:
            self.server.access_log(self, status, len(body) - 2)
        if not keep_alive:
            self.close()

    def slow_lookup(self) -> Resource | None:
        """Normalize an unusual target and look it up again; answer 400/301/404 itself when it must."""
        server = self.server
        raw = self.target
        target = (
            raw.decode("ascii")
            if raw.isascii()
            else "".join(chr(b) if b < 0x80 else f"%{b:02X}" for b in raw)
        )
        try:
            path, _trailing = normalize_path(target)
        except BadPath as error:
            self.send(*dynamic(400, bad_request(str(error))), 400)
            return None
        resource = server.resources.get(path)
        if resource is not None:
            return resource
        if path + "/" in server.tree.directories:
            from urllib.parse import quote

            location = quote(path, safe="/:@!$&'()*+,;=~") + "/"
            self.send(*redirect(location), 301)
            return None
        self.send(*dynamic(404, not_found(path, server.tree.title_near(path))), 404)
        return None

"""Helpers for the serve/export/nginx tests (no tests here): HTTP clients and a small schema repository."""

from __future__ import annotations

import http.client
import socket
from dataclasses import dataclass
from pathlib import Path

# Headers that legitimately differ between two servers answering the same thing.
VOLATILE = {"date", "server", "connection", "keep-alive"}


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers joined with ", "
    body: bytes

    def header_set(self) -> dict[str, list[str]]:
        """Headers but the volatile ones, values split on commas and sorted (`Vary: a, b` ≡ two lines)."""
        return {
            name: sorted(v.strip() for v in value.split(","))
            for name, value in self.headers.items()
            if name not in VOLATILE
        }


def request(port: int, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> Reply:
    """One request on a fresh connection to 127.0.0.1:port (no Accept-Encoding unless given)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        body = response.read()
        merged: dict[str, str] = {}
        for name, value in response.getheaders():
            key = name.lower()
            merged[key] = f"{merged[key]}, {value}" if key in merged else value
        return Reply(response.status, merged, body)
    finally:
        conn.close()


def raw_exchange(port: int, data: bytes, *, timeout: float = 10.0) -> bytes:
    """Send bytes as they are and read until the server closes or goes quiet (for hostile requests)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def raw_get(port: int, target: bytes) -> Reply:
    """GET a target written byte for byte (no client-side normalization), Connection: close."""
    data = raw_exchange(port, b"GET " + target + b" HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    return parse_replies(data)[0]


def parse_replies(data: bytes) -> list[Reply]:
    """Split a byte stream of HTTP/1.1 responses (Content-Length framed) into replies."""
    replies = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
        length = int(headers.get("content-length", "0"))
        replies.append(Reply(status, headers, rest[:length]))
        data = rest[length:]
    return replies


CURRENT = """\
title: demo/thing
$id: /demo/thing/1.1.0
$schema: https://json-schema.org/draft-07/schema#
type: object
properties:
  name:
    type: string
"""


def make_repo(base: Path) -> Path:
    """A small materialized repository: demo/thing 1.0.0 and 1.1.0 (YAML), other/json 2.0.0 (JSON only)."""
    thing = base / "jsonschema" / "demo" / "thing"
    thing.mkdir(parents=True)
    (thing / "current.yaml").write_text(CURRENT)
    for version in ("1.0.0", "1.1.0"):
        example = "examples:\n  - name: an example long enough to be compressed " + "x" * 300 + "\n"
        text = CURRENT.replace("1.1.0", version) + example
        (thing / f"{version}.yaml").write_text(text)
        (thing / version).symlink_to(f"{version}.yaml")
    (thing / "latest").symlink_to("1.1.0.yaml")
    (thing / "CHANGELOG.md").write_text("not served\n")
    other = base / "jsonschema" / "other" / "json"
    other.mkdir(parents=True)
    (other / "2.0.0.json").write_text('{\n  "$id": "/other/json/2.0.0",\n  "type": "string"\n}')
    (base / ".jsonschema-tools.yaml").write_text("schemaBasePath: ./jsonschema/\ncontentTypes: [yaml]\n")
    return base

"""The generated documents: directory listings in nginx's autoindex JSON format, and the index.

Listings are byte-for-byte what nginx 1.22's `autoindex_format json` writes (ngx_http_autoindex_module):
`[` CRLF, one `{ "name":…, "type":…, "mtime":… }` object per entry joined by `,` CRLF, CRLF `]`, with
directories first and then names in byte order; `size` only for files; names escaped as ngx_escape_json
does. Tools written against an nginx-served tree keep working.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from email.utils import formatdate

_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


@dataclass(frozen=True)
class ListingItem:
    """One entry of a directory listing."""

    name: str
    is_dir: bool
    mtime: int
    size: int = 0


def http_date(timestamp: int) -> str:
    """`Fri, 27 Nov 2026 05:33:51 GMT`, as in Last-Modified and in nginx's listings."""
    return formatdate(timestamp, usegmt=True)


def _escape(name: str) -> str:
    return "".join(_JSON_ESCAPES.get(c, f"\\u{ord(c):04x}" if ord(c) < 0x20 else c) for c in name)


def autoindex_json(items: Iterable[ListingItem]) -> bytes:
    """The listing of one directory, exactly as nginx's JSON autoindex writes it."""
    ordered = sorted(items, key=lambda i: (not i.is_dir, i.name.encode("utf-8")))
    lines = []
    for item in ordered:
        kind = "directory" if item.is_dir else "file"
        line = f'{{ "name":"{_escape(item.name)}", "type":"{kind}", "mtime":"{http_date(item.mtime)}"'
        lines.append(line + (" }" if item.is_dir else f', "size":{item.size} }}'))
    return ("[\r\n" + ",\r\n".join(lines) + "\r\n]").encode("utf-8")


def index_json(prefix: str, titles: Mapping[str, Sequence[str]], has_current: Mapping[str, bool]) -> bytes:
    """The index of one repository: every title with its versions (semver order) and its latest.

    `prefix` is where the repository is served (`""` at the root), so a title's schemas are at
    `<prefix>/<title>/<version>`.
    """
    document = {
        "prefix": prefix,
        "titles": {
            title: {
                "versions": list(versions),
                "latest": versions[-1] if versions else None,
                "current": has_current.get(title, False),
            }
            for title, versions in sorted(titles.items())
        },
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

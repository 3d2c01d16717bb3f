"""Reading a request: the path it names, the representation it prefers, the validators it holds.

Pure functions of header values, so the HTTP server stays a thin loop and the rules are tested alone.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

YAML_RANGES = frozenset({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
JSON_RANGES = frozenset({"application/json", "application/schema+json"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f\\]")


class BadPath(ValueError):
    """A request target that is refused outright (400), with the reason."""


def normalize_path(target: str) -> tuple[str, bool]:
    """The decoded path a request target names, and whether it ended with `/`.

    The query is dropped; an absolute-form target (`http://host/path`) keeps its path; percent-escapes
    are decoded once (so a double-encoded `%252e` stays the literal name `%2e`, which no document has);
    empty segments collapse (`//` is `/`, as clients joining a base that ends with `/` and an `$id` send).

    Raises:
        BadPath: not a path, not UTF-8 once decoded, a control character or backslash, or a `.` or `..`
            segment (even encoded): no legitimate client sends those, so they are refused, not resolved.
    """
    path = target.split("?", 1)[0].split("#", 1)[0]
    if path.startswith(("http://", "https://")):
        path = "/" + path.split("://", 1)[1].partition("/")[2]
    if not path.startswith("/"):
        raise BadPath("the request target is not a path")
    try:
        decoded = unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise BadPath("the path is not UTF-8 once decoded") from None
    if _CONTROL.search(decoded):
        raise BadPath("the path holds a control character or a backslash")
    segments = [s for s in decoded.split("/") if s]
    if any(s in (".", "..") for s in segments):
        raise BadPath("the path holds a '.' or '..' segment")
    trailing = decoded.endswith("/") and bool(segments)
    return "/" + "/".join(segments) + ("/" if trailing else ""), trailing


def _media_ranges(header: str) -> list[tuple[str, float]]:
    """(type/subtype, q) pairs of an Accept header; a malformed q counts as 0."""
    ranges = []
    for item in header.split(","):
        media, *params = item.split(";")
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
        ranges.append((media.strip().lower(), q))
    return ranges


def prefers_json(accept: str) -> bool:
    """True when an Accept header asks for JSON: JSON named with a q-value above any YAML type's.

    Wildcards do not ask for anything (YAML is the default), and a header that names both compares their
    q-values. The nginx snippet follows this rule for all but unusual mixes (see nginx.py).
    """
    q_json = q_yaml = 0.0
    for media, q in _media_ranges(accept):
        if media in JSON_RANGES:
            q_json = max(q_json, q)
        elif media in YAML_RANGES:
            q_yaml = max(q_yaml, q)
    return q_json > 0 and q_json > q_yaml


def accepts_gzip(accept_encoding: str) -> bool:
    """True when Accept-Encoding allows gzip: `gzip` or `x-gzip`, not with q=0 (nginx ignores `*` too)."""
    for coding, q in _media_ranges(accept_encoding):  # the same `name;q=…` list as Accept
        if coding in ("gzip", "x-gzip"):
            return q > 0
    return False


def etag_matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match's weak comparison: `*`, or any listed tag equal to etag ignoring `W/`."""
    if if_none_match.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == opaque for tag in if_none_match.split(","))

"""Reading requests: path normalization, Accept negotiation, gzip, validators."""

from __future__ import annotations

import pytest

from schema_tools.serve.request import BadPath, accepts_gzip, etag_matches, normalize_path, prefers_json


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/a/b/1.0.0", ("/a/b/1.0.0", False)),
        ("/a//b///1.0.0", ("/a/b/1.0.0", False)),
        ("//a/b/", ("/a/b/", True)),
        ("/", ("/", False)),
        ("/a/b?x=1#f", ("/a/b", False)),
        ("/a%20b/%C3%A9", ("/a b/é", False)),
        ("/%252e%252e/x", ("/%2e%2e/x", False)),
        ("http://example.org/a/b", ("/a/b", False)),
        ("/a/%2Fb", ("/a/b", False)),
    ],
)
def test_normalize_path(target: str, expected: tuple[str, bool]) -> None:
    assert normalize_path(target) == expected


@pytest.mark.parametrize(
    "target",
    ["/../x", "/a/./b", "/a/%2e%2e/b", "/a/%2E/b", "/a/..%2f..%2fetc", "/a%00b", "/a%5cb", "/a/\\..\\b",
     "/%c0%ae%c0%ae/x", "/%ff", "*", "a/b", "/a/%0d%0aSet-Cookie:x"],
)
def test_refused_paths(target: str) -> None:
    with pytest.raises(BadPath):
        normalize_path(target)


@pytest.mark.parametrize(
    ("accept", "json_"),
    [
        ("application/json", True),
        ("application/schema+json", True),
        ("Application/JSON; charset=utf-8", True),
        ("application/json, text/plain, */*", True),
        ("application/json, application/yaml;q=0.5", True),
        ("application/yaml, application/json", False),
        ("application/json;q=0.5, application/yaml", False),
        ("application/json;q=0.9, application/x-yaml;q=0.5", True),
        ("application/json;q=0", False),
        ("*/*", False),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", False),
        ("application/jsonx", False),
        ("", False),
    ],
)
def test_prefers_json(accept: str, json_: bool) -> None:
    assert prefers_json(accept) is json_


@pytest.mark.parametrize(
    ("value", "ok"),
    [("gzip, deflate", True), ("br;q=1.0, gzip;q=0.8", True), ("GZIP", True), ("x-gzip", True),
     ("gzip;q=0", False), ("deflate, br", False), ("*", False), ("", False)],
)
def test_accepts_gzip(value: str, ok: bool) -> None:
    assert accepts_gzip(value) is ok


def test_etag_matching_is_weak() -> None:
    assert etag_matches('"a-1"', '"a-1"')
    assert etag_matches('W/"a-1"', '"a-1"')
    assert etag_matches('"x", "a-1"', '"a-1"')
    assert etag_matches("*", '"a-1"')
    assert not etag_matches('"a-2"', '"a-1"')

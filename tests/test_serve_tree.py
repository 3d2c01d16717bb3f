"""The served tree: which paths exist, their bytes and headers' inputs, and what is never served."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_serve_support import make_repo

from schema_tools.documents.json_emit import dump_json
from schema_tools.documents.load import load_text
from schema_tools.documents.yaml_emit import dump_yaml
from schema_tools.errors import DocumentError
from schema_tools.serve.listing import ListingItem, autoindex_json
from schema_tools.serve.scan import ServeError, is_version_name, version_key
from schema_tools.serve.tree import (
    CACHE_IMMUTABLE,
    CACHE_SHORT,
    JSON_TYPE,
    YAML_TYPE,
    Source,
    build_tree,
    normalize_prefix,
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def test_every_url_form_of_a_yaml_only_schema(repo: Path) -> None:
    """Each version has extensionless, .yaml and .json paths; latest* follow the highest version."""
    tree = build_tree([Source("/s", repo / "jsonschema")])
    base = "/s/demo/thing/"
    yaml_bytes = (repo / "jsonschema/demo/thing/1.1.0.yaml").read_bytes()
    for name in ("1.1.0", "1.1.0.yaml", "latest", "latest.yaml"):
        entry = tree.entries[base + name]
        assert (entry.body, entry.media_type) == (yaml_bytes, YAML_TYPE)
    rendered = dump_json(load_text(yaml_bytes.decode())).encode()
    assert tree.entries[base + "1.1.0.json"].body == rendered == tree.entries[base + "latest.json"].body
    assert tree.entries[base + "1.1.0.json"].media_type == JSON_TYPE
    assert tree.entries[base + "1.1.0"].json_path == base + "1.1.0.json"
    assert tree.entries[base + "latest"].json_path == base + "latest.json"
    current = (repo / "jsonschema/demo/thing/current.yaml").read_bytes()
    assert tree.entries[base + "current.yaml"].body == current
    assert tree.entries[base + "1.0.0.yaml"].body != yaml_bytes


def test_a_json_only_version_gets_its_yaml_rendered(repo: Path) -> None:
    """A repository that publishes JSON only still answers YAML (js-yaml-compatible bytes)."""
    tree = build_tree([Source("", repo / "jsonschema")])
    json_bytes = (repo / "jsonschema/other/json/2.0.0.json").read_bytes()
    assert tree.entries["/other/json/2.0.0.json"].body == json_bytes
    assert tree.entries["/other/json/2.0.0"].body == dump_yaml(json.loads(json_bytes)).encode()
    assert tree.entries["/other/json/2.0.0"].media_type == YAML_TYPE


def test_cache_policy_versioned_paths_only(repo: Path) -> None:
    """Version paths are immutable; latest, current, listings and the index are short-lived."""
    tree = build_tree([Source("/s", repo / "jsonschema")])
    for path in ("/s/demo/thing/1.0.0", "/s/demo/thing/1.0.0.yaml", "/s/demo/thing/1.0.0.json"):
        assert tree.entries[path].cache_control == CACHE_IMMUTABLE
    for path in ("/s/demo/thing/latest", "/s/demo/thing/latest.json", "/s/demo/thing/current.yaml",
                 "/s/demo/thing/autoindex.json", "/s/index.json"):
        assert tree.entries[path].cache_control == CACHE_SHORT


def test_nothing_but_schemas_is_served(repo: Path, tmp_path: Path) -> None:
    """CHANGELOGs, dotfiles, links leading outside the root and non-regular files are not in the tree."""
    thing = repo / "jsonschema/demo/thing"
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    (thing / "9.9.9.yaml").symlink_to(secret)
    (thing / ".1.2.0.yaml").write_text("hidden: true\n")
    (repo / "jsonschema/.git").mkdir()
    (repo / "jsonschema/.git/1.0.0.yaml").write_text("x: 1\n")
    (repo / "jsonschema/outside").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(thing / "3.0.0.yaml")
    tree = build_tree([Source("", repo / "jsonschema")])
    assert not [p for p in tree.entries if "9.9.9" in p or "3.0.0" in p or ".git" in p or "outside" in p
                or "CHANGELOG" in p or "/." in p]
    assert all(b"hunter2" not in e.body for e in tree.entries.values())
    assert any("outside" in w and "9.9.9.yaml" in w for w in tree.warnings)
    assert any("3.0.0.yaml" in w and "not a regular file" in w for w in tree.warnings)


def test_a_link_inside_the_root_is_followed(repo: Path) -> None:
    """A version file that links to another file of the same tree is served."""
    thing = repo / "jsonschema/demo/thing"
    (thing / "1.2.0.yaml").symlink_to("1.1.0.yaml")
    tree = build_tree([Source("", repo / "jsonschema")])
    assert tree.entries["/demo/thing/1.2.0.yaml"].body == (thing / "1.1.0.yaml").read_bytes()
    assert tree.titles["/demo/thing/"] == ("demo/thing", ("1.0.0", "1.1.0", "1.2.0"))


def test_listing_is_nginx_autoindex_json(repo: Path) -> None:
    """Directories first, then files in byte order; CRLF separators; size only for files."""
    tree = build_tree([Source("/s", repo / "jsonschema")])
    listing = tree.lookup("/s/demo/")
    assert listing is not None and listing.path == "/s/demo/autoindex.json"
    mtime = tree.entries["/s/demo/thing/1.1.0"].mtime
    date = tree.entries["/s/demo/thing/1.1.0"].last_modified
    assert listing.body == f'[\r\n{{ "name":"thing", "type":"directory", "mtime":"{date}" }}\r\n]'.encode()
    assert listing.mtime == max(e.mtime for p, e in tree.entries.items() if p.startswith("/s/demo/thing/"))
    names = [item["name"] for item in json.loads(tree.entries["/s/demo/thing/autoindex.json"].body)]
    assert names == sorted(names, key=str.encode)
    assert "autoindex.json" not in names and {"1.0.0", "latest.json", "current.yaml"} <= set(names)
    assert mtime > 0


def test_autoindex_escaping_and_order() -> None:
    """Names are escaped as ngx_escape_json does; directories sort before files."""
    items = [ListingItem('b"\\\x01', False, 0, 3), ListingItem("z", True, 0), ListingItem("a", False, 0, 1)]
    body = autoindex_json(items)
    assert body == (
        b'[\r\n{ "name":"z", "type":"directory", "mtime":"Thu, 01 Jan 1970 00:00:00 GMT" },\r\n'
        b'{ "name":"a", "type":"file", "mtime":"Thu, 01 Jan 1970 00:00:00 GMT", "size":1 },\r\n'
        b'{ "name":"b\\"\\\\\\u0001", "type":"file", "mtime":"Thu, 01 Jan 1970 00:00:00 GMT", "size":3 }\r\n]'
    )


def test_index_lists_titles_with_versions(repo: Path) -> None:
    """index.json: every title, versions in semver order, latest, whether a current file exists."""
    tree = build_tree([Source("/s", repo / "jsonschema")])
    index = json.loads(tree.entries["/s/index.json"].body)
    assert index == {
        "prefix": "/s",
        "titles": {
            "demo/thing": {"versions": ["1.0.0", "1.1.0"], "latest": "1.1.0", "current": True},
            "other/json": {"versions": ["2.0.0"], "latest": "2.0.0", "current": False},
        },
    }


def test_several_repositories_and_the_directories_above_them(repo: Path, tmp_path: Path) -> None:
    """Two prefixes share the tree; the directories above them get listings too."""
    second = make_repo(tmp_path / "second")
    tree = build_tree([Source("/r/one", repo / "jsonschema"), Source("/r/two/", second / "jsonschema")])
    assert "/r/one/demo/thing/1.0.0" in tree.entries and "/r/two/demo/thing/1.0.0" in tree.entries
    names = [item["name"] for item in json.loads(tree.lookup("/r/").body)]  # type: ignore[union-attr]
    assert names == ["one", "two"]
    assert {"/", "/r/", "/r/one/", "/r/two/demo/thing/"} <= tree.directories


@pytest.mark.parametrize("prefixes", [("/a", "/a/b"), ("", "/x"), ("/a", "/a/")])
def test_overlapping_prefixes_are_refused(repo: Path, prefixes: tuple[str, str]) -> None:
    """One repository per prefix: a prefix inside another is an error naming both."""
    with pytest.raises(ServeError, match="overlap"):
        build_tree([Source(p, repo / "jsonschema") for p in prefixes])


@pytest.mark.parametrize("prefix", ["/a/../b", "/.git", "/a b", "/%2e", "/a\\b"])
def test_unplain_prefixes_are_refused(prefix: str) -> None:
    """Prefix segments are plain URL characters and do not start with a dot."""
    with pytest.raises(ServeError, match="prefix"):
        normalize_prefix(prefix)


def test_prefix_normalization() -> None:
    assert [normalize_prefix(p) for p in ("", "/", "a/b/", "//a//b")] == ["", "", "/a/b", "/a/b"]


def test_missing_and_empty_roots_fail_loudly(tmp_path: Path) -> None:
    """A root that does not exist, or publishes no version, is an error at startup."""
    with pytest.raises(ServeError, match="does not exist"):
        build_tree([Source("", tmp_path / "nope")])
    (tmp_path / "empty" / "t").mkdir(parents=True)
    (tmp_path / "empty" / "t" / "current.yaml").write_text("title: t\n")
    with pytest.raises(ServeError, match="no schema versions"):
        build_tree([Source("", tmp_path / "empty")])


def test_a_broken_published_file_fails_with_its_name(repo: Path) -> None:
    """The JSON of a YAML-only version is rendered at startup; unparsable YAML names the file."""
    (repo / "jsonschema/demo/thing/1.0.0.yaml").write_text("a: [1\n")
    with pytest.raises(DocumentError) as caught:
        build_tree([Source("", repo / "jsonschema")])
    assert "1.0.0.yaml" in str(caught.value)


def test_a_name_shared_by_a_document_and_a_directory_is_refused(repo: Path) -> None:
    """A title directory named like a generated file cannot be served unambiguously."""
    (repo / "jsonschema/index.json").mkdir()
    (repo / "jsonschema/index.json/1.0.0.yaml").write_text("a: 1\n")
    with pytest.raises(ServeError, match=r"index\.json"):
        build_tree([Source("", repo / "jsonschema")])


def test_version_names_and_order() -> None:
    assert [is_version_name(n) for n in ("1.0.0", "v2.1.3", "1.0.0-beta.1", "01.0.0", "1.0", "latest")] == [
        True, True, True, False, False, False]
    names = ["1.10.0", "1.2.0", "1.2.0-rc.1", "1.2.0-beta", "0.9.9"]
    assert sorted(names, key=version_key) == ["0.9.9", "1.2.0-beta", "1.2.0-rc.1", "1.2.0", "1.10.0"]


def test_gzip_variants_are_deterministic(repo: Path) -> None:
    """Large bodies carry a gzip variant (no timestamp), small ones none."""
    tree = build_tree([Source("", repo / "jsonschema")])
    import gzip

    entry = tree.entries["/demo/thing/1.1.0.yaml"]
    assert entry.gzip is not None and gzip.decompress(entry.gzip) == entry.body
    assert entry.gzip[4:8] == b"\0\0\0\0"
    assert tree.entries["/other/json/2.0.0.json"].gzip is None
    assert entry.etag == f'"{entry.mtime:x}-{len(entry.body):x}"'
    assert entry.gzip_etag == f'"{entry.mtime:x}-{len(entry.gzip):x}"'

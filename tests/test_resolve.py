"""`$ref` dereferencing (schema_tools.resolve): the reference's results and sharing, and the errors.

Expected values come from running the reference (json-schema-ref-parser 7.1.4 with jsonschema-tools'
resolver) on the same trees; "shared" below means the same Python object, which the YAML writer emits
as an anchor, exactly where the reference shares a JavaScript object.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from schema_tools.documents.load import load_file, load_text
from schema_tools.errors import DocumentError, RefCycleError, RefError
from schema_tools.resolve import Resolver, dereference
from tests.conftest import serve_directory

FRAG_A = """\
title: frag a
$id: /frag/a/1.0.0
type: object
definitions:
  y: {type: string, description: from frag a}
  z: {$ref: '/frag/b/1.0.0#/definitions/w'}
properties:
  p: {type: integer}
  q: {$ref: '#/definitions/y'}
  r: {$ref: '../b/1.0.0'}
examples:
  - {p: 1}
"""
FRAG_B = """\
title: frag b
type: object
definitions:
  w: {type: number, minimum: 0}
properties:
  bp: {$ref: '#/definitions/w'}
  bq: {$ref: '#/definitions/w', description: extended}
"""
FRAG_CHAIN = """\
one: {$ref: '#/two'}
two: {$ref: '#/three'}
three: {final: true, inner: {$ref: '/frag/b/1.0.0#/definitions/w'}}
ext: {$ref: '#/two', note: extended-at-end}
"""


def write_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A working directory with fragments under ./jsonschema (extensionless names, as symlinks give)."""
    write_tree(
        tmp_path / "jsonschema",
        {"frag/a/1.0.0": FRAG_A, "frag/b/1.0.0": FRAG_B, "frag/chain/1.0.0": FRAG_CHAIN},
    )
    return tmp_path


def never_fetch(url: str, timeout: float) -> str:
    raise AssertionError(f"unexpected fetch of {url}")


def deref(cwd: Path, schema: str | dict[str, Any], bases: list[str] | None = None, **kwargs: Any) -> Any:
    document = load_text(schema) if isinstance(schema, str) else schema
    resolver = Resolver(["./jsonschema/"] if bases is None else bases, cwd=cwd, **kwargs)
    return dereference(document, resolver, path=str(cwd / "current.yaml"))


# ---- internal references ------------------------------------------------------------------------------


def test_internal_refs_point_into_the_root_before_merging(tmp_path: Path) -> None:
    schema = """\
        $id: /r/2/1.0.0
        definitions: {n: {type: integer}}
        allOf: [{$ref: '#/definitions/n'}]
        properties:
          a: {$ref: './#/definitions/n'}
          b: {$ref: '#/definitions/n'}
        examples:
          - $schema: {$ref: '#/$id'}
            meta: {a: 1}
          - meta: {$ref: '#/examples/0/meta'}
    """
    out = deref(tmp_path, schema.replace("        ", ""), fetch=never_fetch)
    n = out["definitions"]["n"]
    assert out["properties"]["a"] is n and out["properties"]["b"] is n and out["allOf"][0] is n
    assert out["examples"][0]["$schema"] == "/r/2/1.0.0"
    assert out["examples"][1]["meta"] is out["examples"][0]["meta"]


def test_prior_state_pattern_shares_the_plain_target(repo: Path) -> None:
    """A plain `$ref` to a `$ref` not yet crawled gives the same object; an extended one gives a new one."""
    schema = """\
properties:
  prior_state:
    properties:
      revision: {$ref: '#/properties/revision'}
      ext: {$ref: '#/properties/ext'}
  revision: {$ref: /frag/b/1.0.0}
  ext: {$ref: /frag/b/1.0.0, description: ext}
"""
    out = deref(repo, schema)
    prior, props = out["properties"]["prior_state"]["properties"], out["properties"]
    assert prior["revision"] is props["revision"]
    assert prior["ext"] == props["ext"] and prior["ext"] is not props["ext"]
    assert prior["ext"]["properties"] is props["revision"]["properties"]  # shallow: children shared
    assert list(prior["ext"]) == ["description", "title", "type", "definitions", "properties"]


def test_refs_that_are_not_references_stay(tmp_path: Path) -> None:
    schema = {"a": {"$ref": "#foo"}, "b": {"$ref": ""}, "c": {"$ref": 5}}
    assert deref(tmp_path, schema, fetch=never_fetch) == schema


def test_pointer_escapes_and_arrays(tmp_path: Path) -> None:
    schema = """\
definitions:
  'a/b': {t: slash}
  'c~d': {t: tilde}
  'e f': {t: space}
  list: [{x: 1}, {x: 2}]
properties:
  s: {$ref: '#/definitions/a~1b'}
  t: {$ref: '#/definitions/c~0d'}
  u: {$ref: '#/definitions/e%20f'}
  l0: {$ref: '#/definitions/list/1'}
  lx: {$ref: '#/definitions/list', extra: yes}
"""
    out = deref(tmp_path, schema, fetch=never_fetch)
    props, defs = out["properties"], out["definitions"]
    assert props["s"] is defs["a/b"] and props["t"] is defs["c~d"] and props["u"] is defs["e f"]
    assert props["l0"] is defs["list"][1]
    # An extended $ref to an array gives an object with the indexes as keys, siblings first.
    assert props["lx"] == {"extra": "yes", "0": {"x": 1}, "1": {"x": 2}}


def test_input_schema_is_not_changed(repo: Path) -> None:
    schema = {"properties": {"a": {"$ref": "/frag/b/1.0.0"}}}
    out = deref(repo, schema)
    assert schema == {"properties": {"a": {"$ref": "/frag/b/1.0.0"}}}
    assert out["properties"]["a"]["title"] == "frag b"


# ---- external references ------------------------------------------------------------------------------


def test_extended_refs_give_new_objects_with_shared_children(repo: Path) -> None:
    schema = """\
properties:
  e1: {$ref: /frag/a/1.0.0, description: first}
  e2: {$ref: /frag/a/1.0.0, description: second, title: own}
  plain1: {$ref: /frag/a/1.0.0}
  plain2: {$ref: '/frag/a/1.0.0#'}
  sub: {$ref: '/frag/a/1.0.0#/properties/q'}
"""
    props = deref(repo, schema)["properties"]
    assert list(props["e1"]) == [
        "description",
        "title",
        "$id",
        "type",
        "definitions",
        "properties",
        "examples",
    ]
    assert props["e1"]["title"] == "frag a" and props["e2"]["title"] == "own"
    assert props["e1"] is not props["e2"] and props["e1"] is not props["plain1"]
    assert props["e1"]["properties"] is props["e2"]["properties"] is props["plain1"]["properties"]
    assert props["plain1"] is props["plain2"]  # `#` and no fragment name the same document
    assert props["sub"] is props["plain1"]["definitions"]["y"]


def test_nested_refs_resolve_against_the_fetched_document(repo: Path) -> None:
    out = deref(repo, {"$ref": "/frag/a/1.0.0"})
    w = {"type": "number", "minimum": 0}
    assert out["properties"]["q"] == {"type": "string", "description": "from frag a"}  # '#/…' in frag a
    assert out["properties"]["r"]["title"] == "frag b"  # '../b/1.0.0' from /frag/a/1.0.0
    assert out["definitions"]["z"] == w
    assert out["properties"]["r"]["properties"]["bp"] is out["definitions"]["z"]  # one frag b per call
    assert out["properties"]["r"]["properties"]["bq"] == {"description": "extended", **w}


def test_pointers_through_refs_and_chains(repo: Path) -> None:
    schema = """\
properties:
  a: {$ref: /frag/a/1.0.0}
  b: {$ref: '#/properties/a/properties/r/properties/bp'}
  e: {$ref: '/frag/chain/1.0.0#/one'}
  f: {$ref: '/frag/chain/1.0.0#/two', note: outer}
  g: {$ref: '/frag/chain/1.0.0#/ext', note: outer}
  h: {$ref: '/frag/chain/1.0.0#/one/final'}
"""
    props = deref(repo, schema)["properties"]
    w = props["a"]["definitions"]["z"]
    assert props["b"] is w
    assert props["e"] == {"final": True, "inner": w} and props["e"]["inner"] is w
    assert props["f"] == {"note": "outer", "final": True, "inner": w}
    assert props["g"] == {"note": "outer", "final": True, "inner": w}  # the outer sibling wins
    assert props["h"] is True


def test_bases_are_tried_in_order(tmp_path: Path) -> None:
    write_tree(tmp_path, {"one/x/1.0.0": "v: one\n", "two/x/1.0.0": "v: two\n", "two/y/1.0.0": "v: y\n"})
    schema = {"a": {"$ref": "/x/1.0.0"}, "b": {"$ref": "/y/1.0.0"}}
    assert deref(tmp_path, schema, ["./missing/", "./one/", "./two/"]) == {"a": {"v": "one"}, "b": {"v": "y"}}
    absolute = deref(tmp_path, schema, [f"{tmp_path}/two"])  # a base without a trailing slash works
    assert absolute == {"a": {"v": "two"}, "b": {"v": "y"}}


def test_extensionless_symlinks_and_file_urls(tmp_path: Path) -> None:
    write_tree(tmp_path, {"s/x/1.0.0.yaml": "v: yaml\n", "s/j/1.0.0.json": '{"v": "json"}'})
    (tmp_path / "s/x/1.0.0").symlink_to("1.0.0.yaml")
    schema = {
        "a": {"$ref": "/x/1.0.0"},
        "b": {"$ref": "/x/1.0.0.yaml#/v"},
        "c": {"$ref": "/j/1.0.0.json"},
        "d": {"$ref": f"file://{tmp_path}/s/x/1.0.0.yaml"},  # a ref with a scheme is used as it is
    }
    out = deref(tmp_path, schema, ["./s/"])
    assert out == {"a": {"v": "yaml"}, "b": "yaml", "c": {"v": "json"}, "d": {"v": "yaml"}}


def test_siblings_of_an_extended_ref_resolve_in_the_target_document(repo: Path) -> None:
    """A ref-parser quirk kept for identical output: siblings are crawled under the target's path."""
    write_tree(
        repo / "jsonschema", {"frag/sib/1.0.0": "definitions: {y: {d: from sib}}\nbase: {type: object}\n"}
    )
    schema = """\
definitions: {y: {d: from root}}
properties:
  x:
    $ref: /frag/sib/1.0.0#/base
    properties:
      q: {$ref: '#/definitions/y'}
      r: {$ref: '/frag/b/1.0.0#/definitions/w'}
"""
    x = deref(repo, schema)["properties"]["x"]
    assert x == {
        "properties": {"q": {"d": "from sib"}, "r": {"type": "number", "minimum": 0}},
        "type": "object",
    }


def test_integer_like_keys_are_crawled_first_as_in_javascript(repo: Path) -> None:
    schema = """\
properties:
  b: {$ref: '#/properties/10'}
  '10': {$ref: /frag/b/1.0.0, description: ten}
  a: {$ref: /frag/b/1.0.0, z: last, '1': one}
"""
    props = deref(repo, schema)["properties"]
    assert props["b"] is props["10"]  # '10' was replaced before 'b' was crawled
    assert list(props["a"])[:3] == ["1", "z", "title"]


def test_documents_are_read_once_per_run_and_copied_per_call(repo: Path) -> None:
    fetched: list[str] = []

    def fetch(url: str, timeout: float) -> str:
        fetched.append(url)
        return Path(url.removeprefix("file://")).read_text()

    resolver = Resolver(["./jsonschema/"], cwd=repo, fetch=fetch)
    first = dereference({"a": {"$ref": "/frag/b/1.0.0"}}, resolver, path="one.yaml")
    first["a"]["title"] = "changed"
    second = dereference({"a": {"$ref": "/frag/b/1.0.0"}}, resolver, path="two.yaml")
    assert second["a"]["title"] == "frag b"
    assert fetched == [f"file://{repo}/jsonschema/frag/b/1.0.0"]


# ---- errors -------------------------------------------------------------------------------------------


def test_missing_document_lists_every_uri_tried_and_the_ref_location(repo: Path) -> None:
    schema = {"properties": {"a": {"$ref": "/frag/zzz/1.0.0"}}}
    with pytest.raises(RefError) as caught:
        deref(repo, schema, ["./nowhere/", "./jsonschema/"])
    error = caught.value
    assert error.path == str(repo / "current.yaml") and error.pointer == "/properties/a/$ref"
    assert error.tried == [
        f"file://{repo}/nowhere/frag/zzz/1.0.0: not found",
        f"file://{repo}/jsonschema/frag/zzz/1.0.0: not found",
    ]
    assert str(error) == (
        f"{repo}/current.yaml::/properties/a/$ref: cannot resolve $ref '/frag/zzz/1.0.0': no base URI has "
        f"/frag/zzz/1.0.0 (tried: file://{repo}/nowhere/frag/zzz/1.0.0: not found, "
        f"file://{repo}/jsonschema/frag/zzz/1.0.0: not found)"
    )


def test_missing_document_inside_a_fragment_names_the_fragment(repo: Path) -> None:
    write_tree(repo / "jsonschema", {"frag/bad/1.0.0": "properties:\n  x: {$ref: /frag/gone/1.0.0}\n"})
    with pytest.raises(RefError) as caught:
        deref(repo, {"allOf": [{"$ref": "/frag/bad/1.0.0"}]})
    assert caught.value.path == f"{repo}/jsonschema/frag/bad/1.0.0"
    assert caught.value.pointer == "/properties/x/$ref"
    assert caught.value.ref == "/frag/gone/1.0.0"


def test_relative_ref_error_explains_the_working_directory(repo: Path) -> None:
    with pytest.raises(RefError, match="relative \\$ref resolves against the working directory") as caught:
        deref(repo, {"a": {"$ref": "frag/a/1.0.0"}})
    assert caught.value.tried == [f"file://{repo}/jsonschema{repo}/frag/a/1.0.0: not found"]


def test_missing_pointer_token(repo: Path) -> None:
    with pytest.raises(RefError) as caught:
        deref(repo, {"a": {"b": {"$ref": "/frag/a/1.0.0#/properties/nope"}}})
    assert caught.value.pointer == "/a/b/$ref"
    assert "/properties/nope does not exist in " + f"{repo}/jsonschema/frag/a/1.0.0" in str(caught.value)


def test_no_base_uris(tmp_path: Path) -> None:
    with pytest.raises(RefError, match="no base URIs are configured"):
        deref(tmp_path, {"a": {"$ref": "/x/1.0.0"}}, [])


def test_broken_fragment_is_a_document_error_naming_the_ref(repo: Path) -> None:
    write_tree(repo / "jsonschema", {"frag/broken/1.0.0": "a: 1\nb: [unclosed\n"})
    with pytest.raises(DocumentError) as caught:
        deref(repo, {"p": {"$ref": "/frag/broken/1.0.0"}}, ["./jsonschema/", "./other/"])
    assert caught.value.path == f"{repo}/jsonschema/frag/broken/1.0.0" and caught.value.line is not None
    assert f"read for $ref '/frag/broken/1.0.0' at /p/$ref of {repo}/current.yaml" in caught.value.message


def test_fetch_exceptions_become_reasons(tmp_path: Path) -> None:
    def fetch(url: str, timeout: float) -> str:
        raise ConnectionResetError("peer went away")

    with pytest.raises(RefError) as caught:
        deref(tmp_path, {"a": {"$ref": "/x/1.0.0"}}, ["http://h/s"], fetch=fetch)
    assert caught.value.tried == ["http://h/s/x/1.0.0: ConnectionResetError: peer went away"]


@pytest.mark.parametrize(
    ("schema", "pointer", "chain"),
    [
        ({"p": {"a": {"$ref": "#/p/a"}}}, "/p/a/$ref", "'#/p/a' at /p/a/$ref points at itself"),
        (
            {"node": {"properties": {"child": {"$ref": "#/node"}}}},
            "/node/properties/child/$ref",
            "'#/node' at /node/properties/child/$ref leads back to an object that contains it",
        ),
        ({"a": {"$ref": "./"}}, "/a/$ref", "'./' at /a/$ref leads back"),
        (
            {"a": {"$ref": "#/b"}, "b": {"$ref": "#/a"}},
            "/b/$ref",
            "'#/a' at /b/$ref -> '#/b' at /a/$ref -> '#/a' at /b/$ref",
        ),
    ],
)
def test_cycles_are_errors_naming_the_chain(
    tmp_path: Path, schema: dict[str, Any], pointer: str, chain: str
) -> None:
    with pytest.raises(RefCycleError) as caught:
        deref(tmp_path, schema, fetch=never_fetch)
    assert caught.value.pointer == pointer
    assert "$ref cycle: " + chain in caught.value.message


def test_cycle_across_documents(repo: Path) -> None:
    write_tree(
        repo / "jsonschema",
        {
            "frag/x/1.0.0": "properties:\n  y: {$ref: /frag/y/1.0.0}\n",
            "frag/y/1.0.0": "properties:\n  x: {$ref: /frag/x/1.0.0}\n",
        },
    )
    with pytest.raises(RefCycleError) as caught:
        deref(repo, {"top": {"$ref": "/frag/x/1.0.0"}})
    message = caught.value.message
    assert f"'/frag/y/1.0.0' at /properties/y/$ref of {repo}/jsonschema/frag/x/1.0.0" in message
    assert f"'/frag/x/1.0.0' at /properties/x/$ref of {repo}/jsonschema/frag/y/1.0.0" in message
    assert caught.value.path == f"{repo}/jsonschema/frag/y/1.0.0"


# ---- HTTP base URIs and uri_map -----------------------------------------------------------------------


@pytest.fixture
def served(repo: Path) -> Iterator[str]:
    """`repo` served over HTTP on 127.0.0.1; yields the base URL."""
    with serve_directory(repo) as base:
        yield base


def test_http_base_with_404_fallback(served: str, tmp_path: Path) -> None:
    """The first base answers 404, the second serves the tree; nested refs go through the bases again."""
    local = tmp_path / "elsewhere"
    local.mkdir()
    out = deref(local, {"a": {"$ref": "/frag/a/1.0.0"}}, [f"{served}/nothing", f"{served}/jsonschema"])
    assert out["a"]["properties"]["r"]["title"] == "frag b"
    with pytest.raises(RefError) as caught:
        deref(local, {"a": {"$ref": "/frag/zzz/1.0.0"}}, [f"{served}/nothing", f"{served}/jsonschema"])
    assert caught.value.tried == [
        f"{served}/nothing/frag/zzz/1.0.0: HTTP 404",
        f"{served}/jsonschema/frag/zzz/1.0.0: HTTP 404",
    ]


def test_unanswering_base_times_out_and_is_named(tmp_path: Path, repo: Path) -> None:
    import socket
    import time

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    silent = f"http://127.0.0.1:{listener.getsockname()[1]}/schemas"
    try:
        started = time.monotonic()
        with pytest.raises(RefError) as caught:
            deref(repo, {"a": {"$ref": "/frag/zzz/1.0.0"}}, [silent, "./jsonschema/"], timeout=0.3)
        assert time.monotonic() - started < 2.0
        # ... and a document the next base has is still found after the timeout
        assert deref(repo, {"a": {"$ref": "/frag/b/1.0.0"}}, [silent, "./jsonschema/"], timeout=0.3)["a"]
    finally:
        listener.close()
    assert caught.value.tried == [
        f"{silent}/frag/zzz/1.0.0: timed out after 0.3 s",
        f"file://{repo}/jsonschema/frag/zzz/1.0.0: not found",
    ]


def test_uri_map_reads_a_remote_base_from_a_local_directory(repo: Path) -> None:
    remote = "https://schema.example.org/repositories/primary/jsonschema/"
    uri_map = {remote: f"{repo}/jsonschema/"}
    out = deref(repo, {"a": {"$ref": "/frag/b/1.0.0"}}, [remote], uri_map=uri_map)
    assert out["a"]["title"] == "frag b"
    with pytest.raises(RefError) as caught:
        deref(repo, {"a": {"$ref": "/frag/zzz/1.0.0"}}, [remote], uri_map=uri_map)
    assert caught.value.tried == [
        f"{remote}/frag/zzz/1.0.0 (mapped to {repo}/jsonschema/frag/zzz/1.0.0): not found"
    ]


# ---- the real repositories ----------------------------------------------------------------------------


def _refs_left(value: Any) -> bool:
    if isinstance(value, dict):
        return "$ref" in value or any(_refs_left(v) for v in value.values())
    return isinstance(value, list) and any(_refs_left(v) for v in value)


def _dereference_corpus(root: Path) -> dict[str, Any]:
    resolver = Resolver(["./jsonschema/"], cwd=root, fetch=None)
    results = {}
    for path in sorted((root / "jsonschema").rglob("current.yaml")):
        results[str(path.relative_to(root / "jsonschema").parent)] = dereference(
            load_file(path), resolver, path=str(path)
        )
    return results


def test_primary_corpus_dereferences_completely(primary_pristine: Path) -> None:
    results = _dereference_corpus(primary_pristine)
    assert len(results) >= 50
    assert [name for name, out in results.items() if _refs_left(out)] == []

    page_change = results["mediawiki/page/change"]
    props = page_change["properties"]
    assert props["prior_state"]["properties"]["revision"] is props["revision"]
    slots = props["revision"]["properties"]["content_slots"]
    assert slots["$id"] == "/fragment/mediawiki/state/entity/revision_slots/1.0.0" and "examples" in slots
    assert page_change["examples"][0]["$schema"] == "/mediawiki/page/change/1.2.0"
    assert page_change["allOf"][0]["$id"] == "/fragment/common/2.0.0"

    create = results["mediawiki/revision/create"]["properties"]["rev_slots"]
    assert create["additionalProperties"] is create["properties"]["main"]


def test_mediawiki_corpus_dereferences_completely(mediawiki_pristine: Path) -> None:
    results = _dereference_corpus(mediawiki_pristine)
    assert len(results) >= 25
    assert [name for name, out in results.items() if _refs_left(out)] == []

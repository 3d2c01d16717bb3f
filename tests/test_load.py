"""Loading: YAML 1.2 booleans, js-yaml numbers, string keys, and refusals with the line named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from schema_tools.documents import load
from schema_tools.documents.load import load_file, load_text
from schema_tools.errors import DocumentError


def test_yaml_11_boolean_words_stay_strings() -> None:
    """`on:`, `yes:`, `n` are strings as in YAML 1.2 (real files have them as keys); true/false are booleans."""
    assert load_text("on: off\nyes: no\nn: y\nt: true\nf: False\n") == {
        "on": "off",
        "yes": "no",
        "n": "y",
        "t": True,
        "f": False,
    }


def test_numbers_as_js_yaml_reads_them() -> None:
    """`1e3` is a number (PyYAML's YAML 1.1 resolver would make it a string); octal and hex still work."""
    assert load_text("a: 1e3\nb: -2E-2\nc: 0x1F\nd: 1.5\ne: '1e3'\n") == {
        "a": 1000.0,
        "b": -0.02,
        "c": 31,
        "d": 1.5,
        "e": "1e3",
    }


def test_keys_are_always_strings() -> None:
    """A numeric or null key becomes a string, as in JavaScript."""
    assert load_text("200: ok\n1.5: x\n~: y\n") == {"200": "ok", "1.5": "x", "null": "y"}


def test_duplicate_key_is_an_error_with_the_line() -> None:
    """js-yaml refuses duplicate keys; so do we, naming the line."""
    with pytest.raises(DocumentError) as caught:
        load_text("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert str(caught.value).startswith("f.yaml:3: ")
    assert "duplicate key 'a'" in str(caught.value)


def test_syntax_error_names_the_line() -> None:
    """A YAML syntax error carries the file and the 1-based line."""
    with pytest.raises(DocumentError) as caught:
        load_text("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert str(caught.value).startswith("f.yaml:3: YAML syntax error")


def test_alias_bomb_is_refused_quickly() -> None:
    """Nine levels of ten aliases (10^9 nodes expanded) are refused in well under a second."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    started = time.perf_counter()
    with pytest.raises(DocumentError, match="alias bomb"):
        load_text("\n".join(lines) + "\n", "bomb.yaml")
    assert time.perf_counter() - started < 2


def test_recursive_alias_is_refused() -> None:
    """A node containing itself cannot be a schema: an error, not an endless loop."""
    with pytest.raises(DocumentError, match="recursive YAML alias"):
        load_text("a: &x\n  b: *x\n", "f.yaml")


def test_shared_aliases_load_as_one_object() -> None:
    """An alias is the same Python object as its anchor (the writer turns sharing back into anchors)."""
    data = load_text("a: &m {x: 1}\nb: *m\n")
    assert data["a"] is data["b"]


def test_json_fast_path_and_errors() -> None:
    """JSON goes through json.loads; invalid JSON falls back to YAML, which names the line."""
    assert load_text('{"a": [1, 2.5, null, true]}') == {"a": [1, 2.5, None, True]}
    with pytest.raises(DocumentError) as caught:
        load_text('{"a": 1,\n "a": 2}', "d.json")
    assert "duplicate key" in str(caught.value)


def test_unreadable_file(tmp_path: Path) -> None:
    """A missing file or invalid UTF-8 is a DocumentError naming the file."""
    with pytest.raises(DocumentError, match="cannot read"):
        load_file(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"a: \xff\n")
    with pytest.raises(DocumentError, match="not UTF-8"):
        load_file(bad)


TRICKY = """\
plain: text
quoted: "3"
number: 3
float: 1e3
null_word: null
empty:
tilde: ~
bool: true
yes_word: yes
date: 2020-01-01
explicit_str: !!str 42
explicit_int: !!int "7"
base: &base {a: 1, list: &list [x, 2]}
merged:
  <<: *base
  b: 2
again: *list
set: !!set {p, q}
3: numeric key
? [complex, key]
: value
"""


def test_shortcuts_give_what_the_general_constructor_gives() -> None:
    """The loader's shortcuts (strings without resolving, plain nodes built directly) change nothing."""

    class General(load._Yaml12Loader):  # type: ignore[misc]
        def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
            return load._BaseLoader.resolve(self, kind, value, implicit)  # type: ignore[no-any-return]

    loader = General(TRICKY)
    try:
        expected = loader.construct_document(loader.get_single_node())
    finally:
        loader.dispose()
    got = load.load_yaml_text(TRICKY)
    assert got == expected
    assert [type(v) for v in got.values()] == [type(v) for v in expected.values()]
    assert got["merged"] == {"a": 1, "list": ["x", 2], "b": 2}
    assert got["again"] is got["base"]["list"]  # an alias built by either constructor is one object
    assert got["merged"]["list"] is got["again"]
    assert (got["explicit_str"], got["explicit_int"], got["yes_word"], got["float"]) == ("42", 7, "yes", 1000.0)

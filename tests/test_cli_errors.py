"""Bad input: exit code 1, one error line naming the file and the line or JSON Pointer, nothing written."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from schema_tools.cli.main import main

CONFIG = "schemaBasePath: ./jsonschema/\ncontentTypes: [yaml, json]\nshouldGenerateExample: true\n"
FRAGMENT = """title: fragment/a
$id: /fragment/a/1.0.0
type: object
properties:
  x:
    type: string
"""


def make_repo(root: Path, current: str, config: str = CONFIG) -> Path:
    (root / ".jsonschema-tools.yaml").write_text(config)
    schema_dir = root / "jsonschema" / "bad"
    schema_dir.mkdir(parents=True)
    (schema_dir / "current.yaml").write_text(current)
    return schema_dir


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def run(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str]]:
    monkeypatch.chdir(root)
    before = files_under(root)
    code = main(["materialize-all", *args])
    err = capsys.readouterr().err
    assert files_under(root) == before, "nothing may be written when materialization fails"
    return code, [line for line in err.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (
            "title: bad\n$id: /bad/1.0.0\ntype: object\nproperties: {a: [1, 2}\n",
            "jsonschema/bad/current.yaml:4: YAML syntax error",
        ),
        ("- just\n- a list\n", "jsonschema/bad/current.yaml:1: a schema must be a mapping"),
        ("title: bad\ntype: object\n", "jsonschema/bad/current.yaml::/$id: schema has no $id"),
        ("title: bad\n$id: /bad/current\ntype: object\n", "jsonschema/bad/current.yaml::/$id: cannot read a version"),
        (
            "title: bad\n$id: /bad/1.0.0\ntitle: again\n",
            "jsonschema/bad/current.yaml:3: YAML syntax error: found duplicate key 'title'",
        ),
    ],
    ids=["yaml-syntax", "not-a-mapping", "no-id", "id-without-version", "duplicate-key"],
)
def test_unreadable_schemas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], current: str, expected: str
) -> None:
    """Each problem is one error line with the file and the place."""
    make_repo(tmp_path, current)
    code, errors = run(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert len(errors) == 1
    assert expected in errors[0]


def test_unresolvable_ref_lists_every_uri_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A $ref no base URI resolves names the pointer of the $ref and every URI tried."""
    config = CONFIG + "schemaBaseUris: [./jsonschema/, ./other/]\n"
    make_repo(
        tmp_path,
        "title: bad\n$id: /bad/1.0.0\ntype: object\nproperties:\n  a:\n    $ref: /fragment/zzz/1.0.0\n",
        config,
    )
    code, errors = run(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert len(errors) == 1
    assert "jsonschema/bad/current.yaml::/properties/a/$ref" in errors[0]
    assert str(tmp_path / "jsonschema" / "fragment" / "zzz" / "1.0.0") in errors[0]
    assert str(tmp_path / "other" / "fragment" / "zzz" / "1.0.0") in errors[0]


def test_ref_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Fragments that reference each other are refused with the chain named, not looped over."""
    make_repo(tmp_path, "title: bad\n$id: /bad/1.0.0\ntype: object\nallOf:\n  - $ref: /fragment/a/1.0.0\n")
    for name, other in (("a", "b"), ("b", "a")):
        directory = tmp_path / "jsonschema" / "fragment" / name
        directory.mkdir(parents=True)
        (directory / "1.0.0").write_text(f"$id: /fragment/{name}/1.0.0\nallOf:\n  - $ref: /fragment/{other}/1.0.0\n")
    code, errors = run(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert len(errors) == 1
    assert "cycle" in errors[0].lower()
    assert "/fragment/b/1.0.0" in errors[0]


def test_allof_conflict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Two allOf members with different types cannot merge: the pointer names the keyword."""
    make_repo(tmp_path, "title: bad\n$id: /bad/1.0.0\nallOf:\n  - type: string\n  - type: integer\n")
    code, errors = run(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert len(errors) == 1
    assert "jsonschema/bad/current.yaml::/type" in errors[0]


def test_alias_bomb_is_refused_fast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A billion-laughs document is refused before it is expanded."""
    lines = ["title: bad", "$id: /bad/1.0.0", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    make_repo(tmp_path, "\n".join(lines) + "\n")
    started = time.perf_counter()
    code, errors = run(tmp_path, monkeypatch, capsys)
    assert time.perf_counter() - started < 5
    assert code == 1
    assert len(errors) == 1
    assert "alias" in errors[0] and "jsonschema/bad/current.yaml:" in errors[0]


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A 127.0.0.1 server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/schemas/"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def test_remote_base_uri_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], silent_server: str
) -> None:
    """A base URI that never answers fails after the timeout, naming the URL."""
    config = CONFIG + f"schemaBaseUris: ['{silent_server}']\nfetchTimeout: 0.5\n"
    make_repo(tmp_path, "title: bad\n$id: /bad/1.0.0\nallOf:\n  - $ref: /fragment/a/1.0.0\n", config)
    started = time.perf_counter()
    code, errors = run(tmp_path, monkeypatch, capsys)
    assert time.perf_counter() - started < 5
    assert code == 1
    assert len(errors) == 1
    assert silent_server + "fragment/a/1.0.0" in errors[0].replace("//fragment", "/fragment")
    assert "timed out" in errors[0]


def test_good_sibling_is_not_written_when_another_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run is all or nothing: a valid schema is not written when another one of the run fails."""
    make_repo(tmp_path, "title: bad\ntype: object\n")
    good = tmp_path / "jsonschema" / "fragment" / "a"
    good.mkdir(parents=True)
    (good / "current.yaml").write_text(FRAGMENT)
    code, errors = run(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert len(errors) == 1

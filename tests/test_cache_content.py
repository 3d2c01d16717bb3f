"""The incremental cache by content: same bytes in, the recorded outputs out; anything else is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema_tools import plan, stamp
from schema_tools.cli.main import main
from tests.conftest import FRAGMENT, make_small_repo

EVENT = """title: event
$id: /event/1.0.0
type: object
properties:
  a: &shared
    type: string
  b: *shared
  c:
    $ref: /fragment/common/1.0.0#
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "override").mkdir()
    monkeypatch.chdir(tmp_path)
    config = "schemaBasePath: ./jsonschema/\ncontentTypes: [yaml, json]\nschemaBaseUris: [./override/, ./jsonschema/]\n"
    return make_small_repo(tmp_path, config=config, event=EVENT)


class Counter:
    """Counts the schemas really built (dereferenced, merged, rendered) and the current files really parsed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.built: list[str] = []
        self.parsed = 0
        real_materialize, real_load = plan.materialize, plan.Source._load

        def materialize(schema: object, source: Path, *args: object, **kwargs: object) -> object:
            self.built.append(source.parent.name)
            return real_materialize(schema, source, *args, **kwargs)  # type: ignore[arg-type]

        def parse(source: plan.Source, text: str) -> object:
            self.parsed += 1
            return real_load(source, text)

        monkeypatch.setattr(plan, "materialize", materialize)
        monkeypatch.setattr(plan.Source, "_load", parse)

    def run(self, *args: str) -> None:
        self.built.clear()
        self.parsed = 0
        assert main(["materialize-all", "-q", *args]) == 0


@pytest.fixture
def counter(monkeypatch: pytest.MonkeyPatch) -> Counter:
    return Counter(monkeypatch)


def outputs(repo: Path) -> dict[str, bytes]:
    return {str(p.relative_to(repo)): p.read_bytes() for p in sorted((repo / "jsonschema").rglob("1.0.0.*"))}


def delete_outputs(repo: Path) -> None:
    for directory in ("fragment/common", "event"):
        for name in ("1.0.0.yaml", "1.0.0.json", "1.0.0"):
            (repo / "jsonschema" / directory / name).unlink()


def test_deleted_outputs_come_back_from_the_cache(repo: Path, counter: Counter) -> None:
    counter.run()
    assert sorted(counter.built) == ["common", "event"]
    first = outputs(repo)
    delete_outputs(repo)
    counter.run()
    assert counter.built == []
    assert counter.parsed == 0  # not even the current files: their parse is cached too
    assert outputs(repo) == first
    assert (repo / "jsonschema" / "event" / "1.0.0").is_symlink()


def test_touched_files_with_the_same_content_are_not_rebuilt(repo: Path, counter: Counter) -> None:
    """As after a `git checkout` back and forth: every signature changed, no content did."""
    counter.run()
    first = outputs(repo)
    for path in (repo / "jsonschema").rglob("*"):
        if path.is_file() and not path.is_symlink():
            path.write_bytes(path.read_bytes())
    counter.run()
    assert counter.built == []
    assert outputs(repo) == first


def test_changed_input_content_rebuilds_the_reader(repo: Path, counter: Counter) -> None:
    counter.run()
    delete_outputs(repo)
    fragment = repo / "jsonschema" / "fragment" / "common" / "current.yaml"
    fragment.write_text(FRAGMENT.replace("integer", "number"))
    counter.run()
    assert sorted(counter.built) == ["common", "event"]
    assert "type: number" in (repo / "jsonschema" / "event" / "1.0.0.yaml").read_text()


def test_a_document_appearing_earlier_in_the_base_uris_is_seen(repo: Path, counter: Counter) -> None:
    """The event's $ref was first tried under ./override/ and found missing there: that absence is an input."""
    counter.run()
    shadow = repo / "override" / "fragment" / "common"
    shadow.mkdir(parents=True)
    (shadow / "1.0.0").write_text(FRAGMENT.replace("integer", "boolean"))
    delete_event_outputs(repo)
    counter.run()
    assert counter.built == ["event"]
    assert "type: boolean" in (repo / "jsonschema" / "event" / "1.0.0.yaml").read_text()


def delete_event_outputs(repo: Path) -> None:
    for name in ("1.0.0.yaml", "1.0.0.json", "1.0.0"):
        (repo / "jsonschema" / "event" / name).unlink()


def test_cached_parse_keeps_shared_objects(repo: Path, counter: Counter) -> None:
    """A schema rebuilt from its cached parse (YAML aliases included) is what a fresh parse gives."""
    counter.run()
    shadow = repo / "override" / "fragment" / "common"
    shadow.mkdir(parents=True)
    (shadow / "1.0.0").write_text(FRAGMENT + "description: from the override\n")
    delete_event_outputs(repo)
    counter.run()  # the event is rebuilt (an input changed) from its cached parse (its text did not)
    assert counter.built == ["event"]
    assert counter.parsed == 0
    from_cached_parse = (repo / "jsonschema" / "event" / "1.0.0.yaml").read_text()
    delete_event_outputs(repo)
    counter.run("--no-cache")
    assert (repo / "jsonschema" / "event" / "1.0.0.yaml").read_text() == from_cached_parse


def test_cached_parse_is_one_object_where_the_yaml_aliased(tmp_path: Path) -> None:
    """marshal keeps shared objects shared: an alias in the cached parse is the anchor's object."""
    from schema_tools.cache import MaterializeCache
    from schema_tools.documents.load import load_text

    current = tmp_path / "current.yaml"
    current.write_text(EVENT)
    first = MaterializeCache(tmp_path, "fingerprint", tmp_path / "cache")
    parsed = first.parse(current, EVENT, load_text)
    first.entries[str(current)] = {"text_hash": first._hashes[str(current)], "parse": first._parses[str(current)]}
    first.save()
    second = MaterializeCache(tmp_path, "fingerprint", tmp_path / "cache")
    cached = second.parse(current, EVENT, lambda text: pytest.fail("parsed again instead of taken from the cache"))
    assert cached == parsed
    assert cached["properties"]["a"] is cached["properties"]["b"]


def test_a_changed_tool_rebuilds_everything(
    repo: Path, counter: Counter, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path_factory.mktemp("tool") / "module.py"
    module.write_text("x = 1\n")
    monkeypatch.setattr(stamp, "package_files", lambda: [str(module)])
    counter.run()
    delete_outputs(repo)
    module.write_text("x = 22\n")
    counter.run()
    assert sorted(counter.built) == ["common", "event"]


def test_entries_of_removed_schemas_are_dropped(repo: Path, counter: Counter, private_cache: Path) -> None:
    import marshal
    import shutil

    counter.run()
    (cache_file,) = (private_cache / "materialize").glob("*.marshal")
    assert len(marshal.loads(cache_file.read_bytes())["entries"]) == 2
    shutil.rmtree(repo / "jsonschema" / "event")
    counter.run()
    remaining = list(marshal.loads(cache_file.read_bytes())["entries"])
    assert remaining == [str(repo / "jsonschema" / "fragment" / "common" / "current.yaml")]

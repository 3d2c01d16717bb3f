"""pytest plugin: a schema repository's checks as pytest items, the analogue of the reference's `tests.all()`.

Enable it in the schema repository with a conftest line, `pytest_plugins = ["schema_tools.pytest_plugin"]`,
or an ini option, `addopts = -p schema_tools.pytest_plugin`. Plain `pytest` then collects the repository's
`.jsonschema-tools.yaml` (ini `schema_tools_config` names another file) and yields one item per schema and
rule, named `<schema $id>::<rule-id>`, so `-k schema-is-valid` or `-k mediawiki/page/change` select them.
An item fails with one line per finding (`file::/json/pointer: message [rule-id]`) and is skipped when
`skipSchemaTestCases` skips it.

Checks are planned once per session (discovery and parsing) and run item by item, so deselected items cost
nothing. Results are cached as for `schema-tools test` (ini `schema_tools_cache = false` turns that off).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from schema_tools.checks import Case
    from schema_tools.rules.cache import CheckCache
    from schema_tools.rules.context import CheckContext

_CACHES: list[CheckCache] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "schema_tools_config",
        "schema-tools: the schema repository config file that anchors the check items",
        default=".jsonschema-tools.yaml",
    )
    parser.addini("schema_tools_cache", "schema-tools: reuse cached check results", type="bool", default=True)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> SchemaRepository | None:
    wanted = parent.config.rootpath / str(parent.config.getini("schema_tools_config"))
    if file_path == wanted:
        return SchemaRepository.from_parent(parent, path=file_path)
    return None


def pytest_sessionfinish(session: pytest.Session) -> None:
    while _CACHES:
        _CACHES.pop().save(complete=False)


class SchemaRepository(pytest.File):
    """The repository a config file describes; its items are the planned check cases."""

    def collect(self) -> Iterator[SchemaCheckItem]:
        from schema_tools.checks import prepare
        from schema_tools.config import load_config
        from schema_tools.errors import SchemaToolsError

        try:
            config = load_config(cwd=self.path.parent, config_paths=[str(self.path)])
            cache = None
            if self.config.getini("schema_tools_cache"):
                from schema_tools.rules.cache import CheckCache

                cache = CheckCache.for_config(config)
                _CACHES.append(cache)
            ctx, cases = prepare(config, cache=cache)
        except SchemaToolsError as error:
            raise self.CollectError(str(error)) from None
        grouped: dict[str, list[Case]] = {}
        for case in cases:
            grouped.setdefault(case.name, []).append(case)
        for name, members in grouped.items():
            yield SchemaCheckItem.from_parent(self, name=name, cases=members, ctx=ctx)


class SchemaCheckFailed(Exception):
    """An item's findings, one line each."""


class SchemaCheckItem(pytest.Item):
    """One rule on one schema `$id` (all files with that `$id`: current.yaml, yaml and json versions)."""

    def __init__(self, *, cases: list[Case], ctx: CheckContext, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cases = cases
        self.ctx = ctx
        self.add_marker(pytest.mark.schema_tools)
        self.user_properties.append(("rule", cases[0].rule.id))
        if all(case.skip is not None for case in cases):  # a mark, so pytest reports the item's location
            reason = f"skipSchemaTestCases {cases[0].skip!r} matches {cases[0].schema_id!r}"
            self.add_marker(pytest.mark.skip(reason=reason))

    def runtest(self) -> None:
        from schema_tools.checks import FAILED, run_case
        from schema_tools.report import finding_line

        results = [run_case(case, self.ctx) for case in self.cases]
        lines = [finding_line(f) for r in results if r.status == FAILED for f in r.findings]
        if lines:
            raise SchemaCheckFailed("\n".join(lines))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, SchemaCheckFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        # Line 0 (pytest wants one for skip reports). Not the bare name as the domain: pytest would show
        # its dots as `::` (it expects `Class.method` there).
        return self.ctx.inventory.root / self.cases[0].file, 0, f"{self.name} ({self.cases[0].file})"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "schema_tools: a schema-tools repository check (select with -m)")

"""Running the rules over a schema repository: plan the check cases, run them, gather the findings.

A *case* is one rule applied to one subject (a file, a title, a version, or a pair of versions), as one
mocha test was for the reference. Planning is cheap (discovery, parsing, the rules' conditions and the
`skipSchemaTestCases` matches); running is where schemas are validated and re-materialized. The pytest
plugin plans once and runs each case lazily, so deselected items cost nothing.

Core code: nothing here prints. The CLI and the plugin turn the Report into output.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schema_tools.config import Config
from schema_tools.findings import Finding
from schema_tools.rules.context import CheckContext
from schema_tools.rules.inventory import Inventory, SchemaDoc, TitleGroup, discover, display_path
from schema_tools.rules.registry import Problem, Rule, select

if TYPE_CHECKING:
    from schema_tools.rules.cache import CheckCache

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


@dataclass(frozen=True)
class Case:
    """One rule applied to one subject; `skip` is the skipSchemaTestCases pattern that skips it."""

    rule: Rule
    subject: Any = field(compare=False)
    group: str  # the schema title (or, for an unreadable file, its directory): how reports group
    schema_id: str
    file: str  # the subject's main file, relative to the repository root
    skip: str | None = None

    @property
    def name(self) -> str:
        """`<schema $id>::<rule-id>`: how the pytest plugin names the case."""
        return f"{self.schema_id or self.file}::{self.rule.id}"


@dataclass(frozen=True)
class CaseResult:
    case: Case
    status: str
    findings: tuple[Finding, ...] = ()


@dataclass
class Report:
    """The outcome of a run: every case with its status and findings."""

    results: list[CaseResult]

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.results for f in result.findings]

    @property
    def counts(self) -> dict[str, int]:
        counts = {PASSED: 0, FAILED: 0, SKIPPED: 0}
        for result in self.results:
            counts[result.status] += 1
        return counts

    @property
    def ok(self) -> bool:
        return all(result.status != FAILED for result in self.results)


def skip_pattern(config: Config, schema_id: str, rule_id: str) -> str | None:
    """The first skipSchemaTestCases pattern that matches `$id` (searched, unanchored) and lists the rule."""
    for pattern, rule_ids in config.skip_schema_test_cases.items():
        if rule_id in rule_ids and re.search(pattern, schema_id):
            return pattern
    return None


def plan(inventory: Inventory, rules: Sequence[Rule], ctx: CheckContext) -> list[Case]:
    """Every case the rules declare on the inventory, grouped by schema title, in registry order."""
    config = inventory.config
    cases: list[Case] = []

    def add(rule: Rule, subject: Any, group: str, schema_id: str, file: str, *args: Any) -> None:
        if rule.applies(*args, ctx):
            cases.append(
                Case(rule, subject, group, schema_id, file, skip_pattern(config, schema_id, rule.id))
            )

    unreadable = [doc for doc in inventory.files if not doc.readable]
    for doc in unreadable:
        for rule in rules:
            if rule.scope == "file" and rule.on_unreadable:
                add(rule, doc, doc.base_rel.rpartition("/")[0] or ".", doc.schema_id, doc.file, doc)
    for title in sorted(inventory.titles):
        group = inventory.titles[title]
        for rule in rules:
            for subject, schema_id, file, args in _subjects(rule, group, config):
                add(rule, subject, title, schema_id, file, *args)
    return cases


def _subjects(
    rule: Rule, group: TitleGroup, config: Config
) -> Iterator[tuple[Any, str, str, tuple[Any, ...]]]:
    if rule.scope == "file":
        for doc in group.files:
            yield doc, doc.schema_id, doc.file, (doc,)
    elif rule.scope == "title":
        main = group.current or group.files[-1]
        yield group, group.schema_id, main.file, (group,)
    elif rule.scope == "version":
        for versions in group.versions():
            yield versions, versions.schema_id, versions.files[0].file, (versions,)
    else:
        for old, new in version_pairs(group, config.primary_content_type):
            yield (old, new), new.schema_id, new.file, (old, new)


def version_pairs(group: TitleGroup, content_type: str) -> list[tuple[SchemaDoc, SchemaDoc]]:
    """Consecutive materialized versions of `content_type`, within each major version."""
    majors: dict[int, list[SchemaDoc]] = {}
    for doc in group.files:
        if not doc.current and doc.content_type == content_type and doc.version is not None:
            majors.setdefault(doc.version.major, []).append(doc)
    return [pair for docs in majors.values() for pair in itertools.pairwise(docs)]


def _inputs(case: Case, ctx: CheckContext) -> list[SchemaDoc]:
    """The files whose contents decide a case's verdict (for a cacheable rule)."""
    subject, scope = case.subject, case.rule.scope
    if scope == "file":
        return [subject]
    if scope == "pair":
        return list(subject)
    if scope == "title":
        return [
            d for d in (subject.current, subject.latest(ctx.config.primary_content_type)) if d is not None
        ]
    return list(subject.materialized)


def _problems(case: Case, ctx: CheckContext) -> list[Problem]:
    """Run the check, or reuse its cached problems when every file it read is unchanged."""
    docs = _inputs(case, ctx) if ctx.cache is not None and case.rule.is_cacheable else []
    cache = ctx.cache if docs and all(d.sha for d in docs) else None
    key = case.rule.id + "|" + "|".join(str(d.path) for d in docs)
    if cache is not None:
        cached = cache.get_case(key)
        if cached is not None:
            return cached
    ctx.begin_reads()
    subject = case.subject
    problems = list(case.rule.check(*(subject if case.rule.scope == "pair" else (subject,)), ctx))
    reads, local = ctx.end_reads()
    if cache is not None and local:
        cache.put_case(key, [str(d.path) for d in docs] + reads, problems)
    return problems


def run_case(case: Case, ctx: CheckContext) -> CaseResult:
    """Run one case (a skipped case is not run)."""
    if case.skip is not None:
        return CaseResult(case, SKIPPED)
    problems = _problems(case, ctx)
    findings = tuple(
        Finding(
            rule_id=case.rule.id,
            message=problem.message,
            file=display_path(problem.path, ctx.inventory.root) if problem.path is not None else case.file,
            pointer=problem.pointer,
            schema_id=case.schema_id or None,
        )
        for problem in problems
    )
    return CaseResult(case, FAILED if findings else PASSED, findings)


def prepare(
    config: Config,
    *,
    only: Iterable[str] = (),
    skip: Iterable[str] = (),
    directories: Iterable[Path] | None = None,
    cache: CheckCache | None = None,
) -> tuple[CheckContext, list[Case]]:
    """Discover the repository (or the given schema directories) and plan the cases of the selected rules.

    Raises:
        KeyError: an unknown rule ID in `only` or `skip`.
        SchemaError: the schema base path is not a directory.
    """
    rules = select(only, skip)
    inventory = discover(config, directories, cache)
    ctx = CheckContext(config, inventory, cache)
    return ctx, plan(inventory, rules, ctx)


def check_repository(
    config: Config,
    *,
    only: Iterable[str] = (),
    skip: Iterable[str] = (),
    changed: Iterable[Path] | None = None,
    use_cache: bool = False,
) -> Report:
    """Run the selected rules over the repository; with `changed`, only over what those paths affect.

    `changed` lists files that changed (absolute paths, as git reports them): only the schema
    directories that hold them, and the schemas whose current files reference those directories
    (transitively), are checked. `use_cache` reuses (and records) results keyed by file contents
    (see rules/cache.py).

    Raises:
        KeyError: an unknown rule ID.
        SchemaError: the schema base path is not a directory.
    """
    directories = None
    if changed is not None:
        from schema_tools.rules.incremental import affected_directories

        directories = affected_directories(config, changed)
    cache = None
    if use_cache:
        from schema_tools.rules.cache import CheckCache

        cache = CheckCache.for_config(config)
    only, skip = list(only), list(skip)
    ctx, cases = prepare(config, only=only, skip=skip, directories=directories, cache=cache)
    report = Report([run_case(case, ctx) for case in cases])
    if cache is not None:
        cache.save(complete=directories is None and not only and not skip)
    return report

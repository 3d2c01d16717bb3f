"""Running the rules over a schema repository: plan the check cases, run them, gather the findings.

A *case* is one rule applied to one subject (a file, a title, a version, or a pair of versions), as one
mocha test was for the reference. Planning is cheap (discovery, parsing, the rules' conditions and the
`skipSchemaTestCases` matches); running is where schemas are validated and re-materialized. The pytest
plugin plans once and runs each case lazily, so deselected items cost nothing.

Core code: nothing here prints. The CLI and the plugin turn the Report into output.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schema_tools.config import Config
from schema_tools.findings import Finding
from schema_tools.rules.context import CheckContext
from schema_tools.rules.inventory import Inventory, SchemaDoc, TitleGroup, discover, display_path
from schema_tools.rules.registry import COMPATIBILITY, Problem, Rule, all_rules, get_rule, select

if TYPE_CHECKING:
    from schema_tools.rules.cache import CheckCache

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


@dataclass(frozen=True)
class Notice(Problem):
    """A problem that does not fail its case: reported with severity `warning` (say, a breaking change
    that a compatibilityExceptions entry allows, shown with the exception's reason)."""


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
            cases.append(Case(rule, subject, group, schema_id, file, skip_pattern(config, schema_id, rule.id)))

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


def _subjects(rule: Rule, group: TitleGroup, config: Config) -> Iterator[tuple[Any, str, str, tuple[Any, ...]]]:
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


def earlier_versions(doc: SchemaDoc, inventory: Inventory) -> list[SchemaDoc]:
    """The materialized versions of `doc`'s title, content type and major version below it, oldest first
    (what a `-transitive` compatibility mode compares a new version with)."""
    group = inventory.titles.get(doc.title or "")
    if group is None or doc.version is None:
        return []
    version = doc.version
    return sorted(
        (
            d
            for d in group.files
            if not d.current
            and d.content_type == doc.content_type
            and d.version is not None
            and d.version.major == version.major
            and d.version < version
        ),
        key=lambda d: d.version or version,
    )


def _inputs(case: Case, ctx: CheckContext) -> list[SchemaDoc]:
    """The files whose contents decide a case's verdict (for a cacheable rule)."""
    subject, scope = case.subject, case.rule.scope
    if scope == "file":
        return [subject]
    if scope == "pair":
        # A -transitive compatibility mode compares the newer version with every earlier one of its major.
        old, new = subject
        return [*(d for d in earlier_versions(new, ctx.inventory) if d is not old), old, new]
    if scope == "title":
        return [d for d in (subject.current, subject.latest(ctx.config.primary_content_type)) if d is not None]
    return list(subject.materialized)


def _problems(case: Case, ctx: CheckContext) -> list[Problem]:
    """Run the check, or reuse its cached problems when every file it read is unchanged."""
    docs = _inputs(case, ctx) if ctx.cache is not None and case.rule.is_cacheable else []
    cache = ctx.cache if docs and all(d.sha for d in docs) else None
    # The cache's fingerprint covers the parsed Config only; a rule may also read keys of its own from
    # the config files (compatibilityMode and its siblings), so their names are part of the key and
    # their contents part of what must be unchanged.
    configs = [str(path) for path in ctx.config.config_files]
    key = "|".join([case.rule.id, *(str(d.path) for d in docs), *configs])
    if cache is not None:
        cached = cache.get_case(key)
        if cached is not None:
            return cached
    ctx.begin_reads()
    subject = case.subject
    problems = list(case.rule.check(*(subject if case.rule.scope == "pair" else (subject,)), ctx))
    reads, local = ctx.end_reads()
    # The cache keeps plain problems (pointer, message, path): a Notice would come back as a failure.
    if cache is not None and local and not any(isinstance(p, Notice) for p in problems):
        cache.put_case(key, [str(d.path) for d in docs] + reads + configs, problems)
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
            severity="warning" if isinstance(problem, Notice) else "error",
        )
        for problem in problems
    )
    return CaseResult(case, _status(findings), findings)


def _status(findings: Iterable[Finding]) -> str:
    """A case fails when one of its findings is an error; warnings alone leave it passed."""
    return FAILED if any(f.severity == "error" for f in findings) else PASSED


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
    since: str | None = None,
    staged: bool = False,
) -> Report:
    """Run the selected rules over the repository; with `changed`, only over what those paths affect.

    `changed` lists files that changed (absolute paths, as git reports them): only the schema
    directories that hold them, and the schemas whose current files reference those directories
    (transitively), are checked. `use_cache` reuses (and records) results keyed by file contents
    (see rules/cache.py).

    `since` adds the git-history checks of the changes since that revision (schema_tools.history; with
    `staged`, of the index rather than the work tree): each failing history rule on one file is one case.
    `only` and `skip` may name the history rule IDs too.

    Raises:
        KeyError: an unknown rule ID.
        SchemaError: the schema base path is not a directory.
        RevisionNotFound: `since` is not in this clone (raised before any check runs).
        GitError: with `since`, the base path is not in a git work tree.
        ConfigError: a compatibility setting is wrong (compatibilityMode, compatibilityExceptions, …).
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
    # The registry's rules are selected by the registry's IDs; history-only IDs select history findings.
    registry_ids = [rule.id for rule in all_rules()]
    history_ids = set(history_rules()) - set(registry_ids) if since is not None else set()
    registry_only = [r for r in only if r not in history_ids]
    registry_skip = [r for r in skip if r not in history_ids]
    if only and not registry_only:  # only history rules were asked for: run none of the registry's
        registry_skip = registry_ids
    ctx, cases = prepare(config, only=registry_only, skip=registry_skip, directories=directories, cache=cache)
    history: list[Finding] = []
    if since is not None and any(_selected(r, only, skip) for r in history_rules()):
        history = _history_findings(config, ctx, since, staged=staged, only=only, skip=skip)
    report = Report([run_case(case, ctx) for case in cases])
    if history:  # history_results loads the compatibility engine: only when there is something to report
        report.results += history_results(history, report, ctx)
    if cache is not None:
        cache.save(complete=directories is None and not only and not skip)
    return report


def _selected(rule_id: str, only: Sequence[str], skip: Sequence[str]) -> bool:
    return (not only or rule_id in only) and rule_id not in skip


def _history_findings(
    config: Config, ctx: CheckContext, ref: str, *, staged: bool, only: Sequence[str], skip: Sequence[str]
) -> list[Finding]:
    """The selected history findings, with files relative to the repository root like every other finding
    (check_since names them relative to the git root, which may be above it)."""
    from schema_tools.gitrepo import git_root
    from schema_tools.history import check_since
    from schema_tools.rules.compatibility import settings_for

    # The rule's settings, so that a run reads the compatibility keys once.
    findings = check_since(config, ref, staged=staged, settings=settings_for(ctx))
    # git names its top directory by its real path; the root may be reached through a symlink.
    top = Path(os.path.realpath(git_root(config.schema_base_path)))
    root = Path(os.path.realpath(ctx.inventory.root))
    return [
        dataclasses.replace(f, file=display_path(top / f.file, root))
        for f in findings
        if _selected(f.rule_id, only, skip)
    ]


@cache
def history_rules() -> dict[str, Rule]:
    """The rules `--since` reports, by ID: history.RULES, and the registry's compatibility rule (a new
    version against what REF published). Records for reporting only: check_since does the checking."""
    from schema_tools.history import RULES

    rules = {
        rule_id: Rule(rule_id, COMPATIBILITY, "file", purpose, "changes since REF", _checked_by_history)
        for rule_id, purpose in RULES.items()
    }
    compatibility = get_rule("schema-version-compatibility")
    return {**rules, compatibility.id: compatibility}


def _checked_by_history(*_args: Any) -> Iterator[Problem]:
    """History findings come from history.check_since for the whole change set, never case by case."""
    raise AssertionError("history rules are not run as cases")


def history_results(findings: Iterable[Finding], report: Report, ctx: CheckContext) -> list[CaseResult]:
    """History findings as cases: one per rule and file (a file may have several findings), grouped under
    its schema title. A breaking change that the compatibility rule already reported at the same place
    (the same new version, compared in the work tree) is not reported twice."""
    reported = {
        (f.rule_id, f.file, f.pointer, f.severity)
        for f in report.findings
        if f.rule_id == "schema-version-compatibility"
    }
    rules = history_rules()
    grouped: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if (finding.rule_id, finding.file, finding.pointer, finding.severity) not in reported:
            grouped.setdefault((finding.rule_id, finding.file), []).append(finding)
    results = []
    for (rule_id, file), found in grouped.items():
        case = Case(rules[rule_id], None, _title_of(file, ctx), found[0].schema_id or "", file)
        results.append(CaseResult(case, _status(found), tuple(found)))
    return results


def _title_of(file: str, ctx: CheckContext) -> str:
    """The schema title a changed file belongs to, for grouping: its directory under the base path (the
    title, as structure-directory-matches-title holds it), else the directory as shown."""
    directory = (ctx.inventory.root / file).parent
    try:
        return directory.relative_to(ctx.config.schema_base_path).as_posix()
    except ValueError:
        return Path(file).parent.as_posix()

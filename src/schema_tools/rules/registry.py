"""The rule registry: every check under a stable kebab-case ID, with its purpose, category and scope.

One registry drives everything: `schema-tools test` and `schema-tools rules`, the pytest plugin, the
rule table of docs/checks.md, and the meta-test that wants test cases for every rule.

A rule is a small function plus a record. The *scope* says what one check case is about, and so what the
check function receives (checks.py builds the subjects and pairs them with rules):

* `file`    — one schema file (`current.yaml` or a materialized `<version>.<type>`): `check(doc, ctx)`;
* `title`   — all files of one schema title (one directory): `check(group, ctx)`;
* `version` — the files of one version of one title: `check(version_group, ctx)`;
* `pair`    — two consecutive materialized versions of one major version: `check(old, new, ctx)`.

`applies(subject, ctx)` is the reference's condition for declaring a test at all (a rule that does not
apply is not counted); a case that applies but is listed in `skipSchemaTestCases` counts as skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

STRUCTURE = "structure"
ROBUSTNESS = "robustness"
COMPATIBILITY = "compatibility"
CATEGORIES = (STRUCTURE, ROBUSTNESS, COMPATIBILITY)
SCOPES = ("file", "title", "version", "pair")


@dataclass(frozen=True)
class Problem:
    """What a check found: where (JSON Pointer; another file than the subject's, if `path` is set)."""

    pointer: str
    message: str
    path: Path | None = None


def _always(*_args: Any) -> bool:
    return True


@dataclass(frozen=True)
class Rule:
    """One check. `reference` is the reference's mocha test title when the reference has this check."""

    id: str
    category: str
    scope: str
    purpose: str
    applies_to: str
    check: Callable[..., Iterable[Problem]] = field(repr=False, compare=False)
    applies: Callable[..., bool] = field(default=_always, repr=False, compare=False)
    reference: str | None = None
    # Whether a verdict depends only on the contents of the files involved (and so may be cached).
    # None: yes for file and pair rules; title and version rules look at links and must say so.
    cacheable: bool | None = None
    # Whether a file rule also looks at files that could not be read (only structure-file-readable does).
    on_unreadable: bool = False

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.id}: unknown category {self.category!r}")
        if self.scope not in SCOPES:
            raise ValueError(f"rule {self.id}: unknown scope {self.scope!r}")

    @property
    def is_cacheable(self) -> bool:
        return self.cacheable if self.cacheable is not None else self.scope in ("file", "pair")

    @property
    def named_by_reference(self) -> bool:
        """True for the IDs the reference defined (usable in its skipSchemaTestCases too)."""
        return self.category != STRUCTURE


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, in a stable order: structure, robustness, compatibility.

    Raises:
        ValueError: two rules share an ID (a programming error, caught by the tests).
    """
    from schema_tools.rules import compatibility, robustness, structure

    rules = (*structure.RULES, *robustness.RULES, *compatibility.RULES)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ValueError(f"duplicate rule ID {rule.id}")
        seen.add(rule.id)
    return rules


def rule_ids() -> tuple[str, ...]:
    return tuple(rule.id for rule in all_rules())


def get_rule(rule_id: str) -> Rule:
    """The rule with this ID.

    Raises:
        KeyError: no such rule.
    """
    for rule in all_rules():
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)


def select(only: Iterable[str] = (), skip: Iterable[str] = ()) -> list[Rule]:
    """The rules to run: `only` (all when empty) minus `skip`, in registry order.

    Raises:
        KeyError: an unknown rule ID (its message lists the known ones).
    """
    only, skip = list(only), list(skip)
    known = set(rule_ids())
    unknown = [rule_id for rule_id in [*only, *skip] if rule_id not in known]
    if unknown:
        raise KeyError(f"unknown rule ID {', '.join(unknown)} (known: {', '.join(rule_ids())})")
    return [r for r in all_rules() if (not only or r.id in only) and r.id not in skip]


def iter_by_scope(rules: Iterable[Rule], scope: str) -> Iterator[Rule]:
    return (rule for rule in rules if rule.scope == scope)

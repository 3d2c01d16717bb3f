"""Modes: which changes break compatibility, and the verdict on one pair of versions.

* `backward` — readers of the new version can read data written under the old one: nothing may narrow.
* `forward`  — readers of the old version can read data written under the new one: nothing may widen.
* `full`     — both.
* `*-transitive` — the same, against every earlier version of the major version, not only the latest
  (the pairing lives in semver.py; a single pair is judged as its non-transitive mode).
* `none`     — nothing breaks.
* `jsonschema-tools` — the reference's structural rule, exactly (compat/reference_rule.py).

The `lenient` policy (Confluent's name for it) follows the robustness principle: producers write only
the properties their schema lists and readers ignore the ones they do not know, so an optional property
may be added to or removed from an object whatever its content model. `strict` (the default) holds the
schemas to their letter: an open object already accepted any value under a new property's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from schema_tools.compat.changes import Change, compare
from schema_tools.compat.kinds import Effect
from schema_tools.compat.settings import MODES, REFERENCE_MODE, CompatException


def base_mode(mode: str) -> str:
    return mode.removesuffix("-transitive")


def is_transitive(mode: str) -> bool:
    return mode.endswith("-transitive")


LENIENT_KINDS = frozenset(
    {
        "property-added-to-open-content-model",
        "property-removed-from-open-content-model",
        "property-added-to-closed-content-model",
        "property-removed-from-closed-content-model",
    }
)


def breaks(change: Change, mode: str, policy: str = "strict") -> bool:
    """Whether a change is breaking under a mode (and policy)."""
    base = base_mode(mode)
    if policy == "lenient" and change.kind in LENIENT_KINDS:
        return False
    if base == "backward":
        return change.effect.breaks_backward
    if base == "forward":
        return change.effect.breaks_forward
    if base == "full":
        return change.effect is not Effect.NONE
    if base == REFERENCE_MODE:
        return change.kind == "reference-rule-violation"
    return False


@dataclass(frozen=True)
class Allowed:
    """A breaking change that a configured exception allows, with the exception's reason."""

    change: Change
    reason: str


@dataclass(frozen=True)
class Verdict:
    """The judgement on one pair of versions under one mode."""

    mode: str
    changes: tuple[Change, ...]
    breaking: tuple[Change, ...]
    allowed: tuple[Allowed, ...] = ()

    @property
    def compatible(self) -> bool:
        return not self.breaking


def reference_changes(old: Any, new: Any) -> list[Change]:
    """The reference's violations (its §6 rule), as changes of kind `reference-rule-violation`."""
    from schema_tools.compat.reference_rule import reference_violations

    # The reference sorted `required` lists in place; its port does not touch the documents (a test
    # in tests/test_compat_modes.py holds it to that), so no copies are made here.
    return [
        Change("reference-rule-violation", pointer, Effect.CHANGES, name=message)
        for pointer, message in reference_violations(old, new)
    ]


def check(
    old: Any,
    new: Any,
    mode: str,
    *,
    schema_id: str = "",
    exceptions: Sequence[CompatException] = (),
    policy: str = "strict",
) -> Verdict:
    """Judge `new` as the successor of `old` under `mode`; `exceptions` may allow breaking changes.

    Raises:
        ValueError: an unknown mode.
    """
    if mode not in MODES:
        raise ValueError(f"unknown compatibility mode {mode!r}")
    changes = reference_changes(old, new) if mode == REFERENCE_MODE else compare(old, new)
    breaking: list[Change] = []
    allowed: list[Allowed] = []
    for change in changes:
        if not breaks(change, mode, policy):
            continue
        exception = next((e for e in exceptions if e.matches(schema_id, change)), None)
        if exception is None:
            breaking.append(change)
        else:
            allowed.append(Allowed(change, exception.reason))
    return Verdict(mode, tuple(changes), tuple(breaking), tuple(allowed))

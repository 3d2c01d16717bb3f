"""Text and JSON renderings of verdicts, changes and findings (strings; the CLI prints them)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from schema_tools.compat.changes import Change
from schema_tools.compat.modes import Verdict, breaks
from schema_tools.findings import Finding
from schema_tools.versions import Version

_MARK = {"none": " ", "widens": "+", "narrows": "-", "changes": "!"}


def change_line(change: Change, *, breaking: bool) -> str:
    """`  ✗ - maxLength tightened from 64 to 32 at /properties/name  [max-length-tightened]`."""
    status = "✗" if breaking else "·"
    return f"  {status} {_MARK[change.effect.value]} {change.message}  [{change.kind}]"


def semver_note(old: Version | None, new: Version | None, compatible: bool) -> str | None:
    """What semver says about the verdict, when both versions are known."""
    if old is None or new is None:
        return None
    if new <= old:
        return f"note: {new} is not above {old}: versions only go forward"
    if new.major > old.major:
        return f"{new} starts major version {new.major}: breaking changes are allowed there"
    if not compatible:
        return (
            f"a breaking change within major version {new.major} needs a new major version: "
            f"publish it as {new.major + 1}.0.0"
        )
    return None


def verdict_text(
    verdict: Verdict,
    old_label: str,
    new_label: str,
    *,
    old_version: Version | None = None,
    new_version: Version | None = None,
) -> str:
    lines = []
    word = "compatible" if verdict.compatible else "NOT compatible"
    count = len(verdict.breaking)
    detail = (
        f"{count} breaking change{'s' if count != 1 else ''}" if count else f"{len(verdict.changes)} changes"
    )
    lines.append(f"{new_label} is {word} with {old_label} under {verdict.mode} ({detail})")
    allowed = {id(a.change): a.reason for a in verdict.allowed}
    breaking = {id(c) for c in verdict.breaking}
    for change in verdict.changes:
        lines.append(change_line(change, breaking=id(change) in breaking))
        if id(change) in breaking and change.hint:
            lines.append(f"      hint: {change.hint}")
        if id(change) in allowed:
            lines.append(f"      allowed by exception: {allowed[id(change)]}")
    note = semver_note(old_version, new_version, verdict.compatible)
    if note:
        lines.append(note)
    return "\n".join(lines) + "\n"


def verdict_json(verdict: Verdict, old_label: str, new_label: str) -> dict[str, Any]:
    allowed = {id(a.change): a.reason for a in verdict.allowed}
    breaking = {id(c) for c in verdict.breaking}
    changes = []
    for change in verdict.changes:
        data = change.to_json()
        data["breaking"] = id(change) in breaking
        if id(change) in allowed:
            data["allowed_by"] = allowed[id(change)]
        changes.append(data)
    return {
        "old": old_label,
        "new": new_label,
        "mode": verdict.mode,
        "compatible": verdict.compatible,
        "changes": changes,
    }


def changes_text(title: str, old_label: str, new_label: str, changes: Sequence[Change], mode: str) -> str:
    """A diff listing: every change, marked when it breaks under `mode`."""
    lines = [
        f"{title}: {old_label} → {new_label} ({len(changes)} change{'s' if len(changes) != 1 else ''}, "
        f"✗ = breaking under {mode})"
    ]
    lines += [change_line(c, breaking=breaks(c, mode)) for c in changes]
    return "\n".join(lines) + "\n"


def findings_text(findings: Sequence[Finding]) -> str:
    lines = [f"{f.location}: {f.severity}: {f.message} [{f.rule_id}]" for f in findings]
    return "\n".join(lines) + ("\n" if lines else "")


def findings_json(findings: Sequence[Finding]) -> str:
    data = [
        {
            "rule_id": f.rule_id,
            "severity": f.severity,
            "file": f.file,
            "pointer": f.pointer,
            "schema_id": f.schema_id,
            "message": f.message,
        }
        for f in findings
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

"""Reporters: a check Report as text (people), JSON (machines) or GitHub workflow annotations (CI).

Each reporter returns the whole output as a string; only the CLI prints it. All three end with, or
carry, the counts `N passed, N failed, N skipped` (check cases, as the reference counted mocha tests).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from schema_tools.checks import SKIPPED, Report
from schema_tools.findings import Finding

JSON_FORMAT_VERSION = 1


def summary_line(report: Report) -> str:
    counts = report.counts
    return f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped"


def finding_line(finding: Finding) -> str:
    """`file::/json/pointer: message [rule-id]`."""
    return f"{finding.location}: {finding.message} [{finding.rule_id}]"


def render_text(report: Report, *, root: Path, verbose: bool = False) -> str:
    """Findings grouped by schema (title), one line each; skipped cases too when verbose; the counts."""
    lines: list[str] = []
    groups: dict[str, list[str]] = {}
    for result in report.results:
        entries = groups.setdefault(result.case.group, [])
        entries.extend(finding_line(f) for f in result.findings)
        if verbose and result.status == SKIPPED:
            entries.append(
                f"{result.case.file}: skipped [{result.case.rule.id}] "
                f"(skipSchemaTestCases {result.case.skip!r} matches {result.case.schema_id!r})"
            )
    for group, entries in groups.items():
        if entries:
            lines.append(group)
            lines.extend(f"  {entry}" for entry in entries)
            lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def report_data(report: Report) -> dict[str, Any]:
    """The JSON document: format version, counts, ok, findings, and the skipped cases with their reason."""
    return {
        "version": JSON_FORMAT_VERSION,
        "counts": report.counts,
        "ok": report.ok,
        "findings": [
            {
                "rule": f.rule_id,
                "schema_id": f.schema_id,
                "file": f.file,
                "pointer": f.pointer,
                "message": f.message,
                "severity": f.severity,
            }
            for f in report.findings
        ],
        "skipped": [
            {
                "rule": r.case.rule.id,
                "schema_id": r.case.schema_id,
                "file": r.case.file,
                "reason": f"skipSchemaTestCases {r.case.skip}",
            }
            for r in report.results
            if r.status == SKIPPED
        ],
    }


def render_json(report: Report, *, root: Path, verbose: bool = False) -> str:
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, *, root: Path, verbose: bool = False) -> str:
    """One `::error` workflow command per finding (on the file's line when the pointer can be found)."""
    lines = []
    for finding in report.findings:
        props = [f"file={_escape_property(finding.file)}"]
        line = pointer_line(root / finding.file, finding.pointer)
        if line is not None:
            props.append(f"line={line}")
        props.append(f"title={_escape_property(finding.rule_id)}")
        where = f"{finding.pointer}: " if finding.pointer else ""
        lines.append(f"::{finding.severity} {','.join(props)}::{_escape_data(where + finding.message)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def pointer_line(path: Path, pointer: str) -> int | None:
    """The 1-based line of the node a JSON Pointer names in a YAML/JSON file (its nearest existing
    ancestor when the node itself is missing); None when the file cannot be read."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if node is None:
        return None
    line: int = node.start_mark.line + 1
    for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == token:
                    child, line = value, key.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
            child = node.value[int(token)]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


Reporter = Callable[..., str]
REPORTERS: dict[str, Reporter] = {"text": render_text, "json": render_json, "github": render_github}

"""Findings: what a check says about one place in one file, as a value (never printed by core code)."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    """One problem found by a rule: where (file + JSON Pointer), what, and which rule said so."""

    rule_id: str
    message: str
    file: str  # relative to the repository root when there is one
    pointer: str = ""  # JSON Pointer inside the file ("" is the whole document)
    schema_id: str | None = None
    severity: str = "error"

    @property
    def location(self) -> str:
        """`file::/json/pointer`, the form every reporter uses."""
        return f"{self.file}::{self.pointer}" if self.pointer else self.file

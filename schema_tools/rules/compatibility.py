"""The compatibility rule: each materialized version is compatible with the one before it.

Pairs are the reference's: for each title and major version, the materialized files of the first
content type in version order, each compared with the next. The verdict is the reference's structural
rule (schema_tools.compat.reference_rule); a skip is decided by the *newer* schema's `$id`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from schema_tools.rules.registry import COMPATIBILITY, Problem, Rule

if TYPE_CHECKING:
    from schema_tools.rules.context import CheckContext
    from schema_tools.rules.inventory import SchemaDoc


def version_compatibility(old: SchemaDoc, new: SchemaDoc, ctx: CheckContext) -> Iterator[Problem]:
    from schema_tools.compat.reference_rule import reference_violations

    for pointer, message in reference_violations(old.document, new.document):
        yield Problem(pointer, f"{message} (compared with {old.label})")


RULES = (
    Rule(
        "schema-version-compatibility",
        COMPATIBILITY,
        "pair",
        "Each materialized version is compatible with the previous version of the same major version.",
        "consecutive materialized versions",
        version_compatibility,
        reference="<new> must be compatible with <old>",
    ),
)

"""The table of change kinds: a stable kebab-case ID, what the change does to the set of valid documents,
a past-tense message template and, for breaking kinds, a hint how to fix it.

An effect says which readers a change can break (see docs/compatibility.md):

* `widens`  — the new version accepts documents the old one rejected: old readers may choke on new data
  (breaks *forward* compatibility);
* `narrows` — the new version rejects documents the old one accepted: new readers may choke on old data
  (breaks *backward* compatibility);
* `changes` — both;
* `none`    — an annotation or a rewrite that accepts exactly the same documents.

IDs are part of the public surface (users name them in `compatibilityExceptions`): never rename one
without keeping the old ID as an alias.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Effect(enum.Enum):
    NONE = "none"
    WIDENS = "widens"
    NARROWS = "narrows"
    CHANGES = "changes"

    def inverted(self) -> Effect:
        """The effect seen through `not`: what narrows the inner schema widens the outer one."""
        return _INVERTED[self]

    @property
    def breaks_backward(self) -> bool:
        return self in (Effect.NARROWS, Effect.CHANGES)

    @property
    def breaks_forward(self) -> bool:
        return self in (Effect.WIDENS, Effect.CHANGES)


_INVERTED = {
    Effect.NONE: Effect.NONE,
    Effect.WIDENS: Effect.NARROWS,
    Effect.NARROWS: Effect.WIDENS,
    Effect.CHANGES: Effect.CHANGES,
}


@dataclass(frozen=True)
class Kind:
    """One kind of change. `template` takes {old}, {new} and {name}; the engine appends ` at <pointer>`."""

    id: str
    effect: Effect
    template: str
    hint: str = ""


N, W, C, NO = Effect.NARROWS, Effect.WIDENS, Effect.CHANGES, Effect.NONE
KEEP_OLD = "keep the previous value"
_TABLE: list[Kind] = [
    # Annotations: they never change which documents are valid.
    Kind("title-changed", NO, "title changed from {old} to {new}"),
    Kind("description-changed", NO, "description changed"),
    Kind("id-changed", NO, "{name} changed from {old} to {new}"),
    Kind("schema-dialect-changed", NO, "$schema changed from {old} to {new}"),
    Kind("default-changed", NO, "default changed from {old} to {new}"),
    Kind("examples-changed", NO, "examples changed"),
    Kind("annotation-changed", NO, "{name} changed from {old} to {new}"),
    # Type.
    Kind("type-added", N, "type {new} added", "documents of other types were valid before; drop the type"),
    Kind("type-removed", W, "type {old} removed", "restore the type"),
    Kind("type-widened", W, "type widened from {old} to {new}", "old readers expect {old}; keep {old}"),
    Kind(
        "type-narrowed",
        N,
        "type narrowed from {old} to {new}",
        "old documents may hold {old} values; " + KEEP_OLD,
    ),
    Kind("type-extended", W, "type extended from {old} to {new}", "old readers expect {old}; keep {old}"),
    Kind(
        "type-reduced",
        N,
        "type reduced from {old} to {new}",
        "old documents may hold any of {old}; " + KEEP_OLD,
    ),
    Kind(
        "type-changed", C, "type changed from {old} to {new}", "add a new property with the new type instead"
    ),
    # Allowed values.
    Kind("enum-added", N, "enum {new} added", "old documents may hold other values; " + KEEP_OLD),
    Kind("enum-removed", W, "enum {old} removed", "old readers only know {old}; keep the enum"),
    Kind("enum-values-added", W, "enum extended with {new}", "old readers do not know {new}"),
    Kind(
        "enum-values-removed",
        N,
        "enum values {old} removed",
        "old documents may hold {old}; keep them in the enum",
    ),
    Kind("const-added", N, "const {new} added", "old documents may hold other values; " + KEEP_OLD),
    Kind("const-removed", W, "const {old} removed", "old readers only know {old}; keep the const"),
    Kind("const-changed", C, "const changed from {old} to {new}", KEEP_OLD),
    Kind(
        "multiple-of-added", N, "multipleOf {new} added", "old documents may hold other numbers; " + KEEP_OLD
    ),
    Kind("multiple-of-removed", W, "multipleOf {old} removed", "restore multipleOf {old}"),
    Kind("multiple-of-relaxed", W, "multipleOf relaxed from {old} to {new}", "restore multipleOf {old}"),
    Kind("multiple-of-tightened", N, "multipleOf tightened from {old} to {new}", KEEP_OLD),
    Kind("multiple-of-changed", C, "multipleOf changed from {old} to {new}", KEEP_OLD),
    Kind("unique-items-added", N, "uniqueItems added", "old documents may repeat items; " + KEEP_OLD),
    Kind("unique-items-removed", W, "uniqueItems removed", "restore uniqueItems"),
    # Objects: requiredness and the content model (how properties not listed are treated).
    Kind(
        "required-property-added",
        N,
        "property {name} made required",
        "old documents may lack {name}; give it a default, keep it optional",
    ),
    Kind("required-property-with-default-added", NO, "property {name} made required (it has a default)"),
    Kind(
        "required-property-removed",
        W,
        "required property {name} made optional",
        "old readers expect {name} in every document; keep it required",
    ),
    Kind(
        "additional-properties-closed",
        N,
        "additionalProperties closed (set to false)",
        "old documents may carry other properties; " + KEEP_OLD,
    ),
    Kind(
        "additional-properties-opened",
        W,
        "additionalProperties opened (false before)",
        "old readers reject unknown properties; keep additionalProperties: false",
    ),
    Kind(
        "additional-properties-narrowed",
        N,
        "additionalProperties narrowed to a schema",
        "old documents may carry other properties of any value; " + KEEP_OLD,
    ),
    Kind(
        "additional-properties-widened",
        W,
        "additionalProperties widened to any value",
        "old readers check other properties against a schema; keep it",
    ),
    Kind("additional-items-closed", N, "additionalItems closed (set to false)", KEEP_OLD),
    Kind(
        "additional-items-opened", W, "additionalItems opened (false before)", "keep additionalItems: false"
    ),
    Kind("additional-items-narrowed", N, "additionalItems narrowed to a schema", KEEP_OLD),
    Kind("additional-items-widened", W, "additionalItems widened to any value", "keep the schema"),
    Kind("pattern-property-added", NO, "patternProperties {name} added"),
    Kind("pattern-property-removed", NO, "patternProperties {name} removed"),
    Kind("dependency-array-added", N, "dependency of {name} on {new} added", KEEP_OLD),
    Kind("dependency-array-removed", W, "dependency of {name} on {old} removed", "restore the dependency"),
    Kind("dependency-array-extended", N, "dependency of {name} extended from {old} to {new}", KEEP_OLD),
    Kind(
        "dependency-array-narrowed",
        W,
        "dependency of {name} narrowed from {old} to {new}",
        "restore the dependency",
    ),
    Kind("dependency-array-changed", C, "dependency of {name} changed from {old} to {new}", KEEP_OLD),
    Kind("dependency-schema-added", N, "schema dependency of {name} added", KEEP_OLD),
    Kind("dependency-schema-removed", W, "schema dependency of {name} removed", "restore the dependency"),
    Kind("dependency-changed", C, "dependency of {name} changed between a list and a schema", KEEP_OLD),
    # Combinators.
    Kind("all-of-member-added", N, "allOf member added", "old documents need not match it; " + KEEP_OLD),
    Kind("all-of-member-removed", W, "allOf member removed", "old readers still apply it; restore it"),
    Kind("any-of-member-added", W, "anyOf member added", "old readers do not know it"),
    Kind(
        "any-of-member-removed",
        N,
        "anyOf member removed",
        "old documents may match only that member; " + KEEP_OLD,
    ),
    Kind("one-of-member-added", W, "oneOf member added", "old readers do not know it"),
    Kind(
        "one-of-member-removed",
        N,
        "oneOf member removed",
        "old documents may match only that member; " + KEEP_OLD,
    ),
    Kind("all-of-added", N, "allOf added", KEEP_OLD),
    Kind("all-of-removed", W, "allOf removed", "restore it"),
    Kind("any-of-added", N, "anyOf added", KEEP_OLD),
    Kind("any-of-removed", W, "anyOf removed", "restore it"),
    Kind("one-of-added", N, "oneOf added", KEEP_OLD),
    Kind("one-of-removed", W, "oneOf removed", "restore it"),
    Kind("combinator-widened", W, "{old} changed to {new}", "old readers apply {old}; keep it"),
    Kind("combinator-narrowed", N, "{old} changed to {new}", KEEP_OLD),
    Kind("combinator-changed", C, "{old} changed to {new}", KEEP_OLD),
    Kind("combinator-rewritten", NO, "{old} of one member rewritten as {new}"),
    Kind("not-added", N, "not added", KEEP_OLD),
    Kind("not-removed", W, "not removed", "restore it"),
    Kind("if-added", C, "if added", "conditions cannot change within a major version"),
    Kind("if-removed", C, "if removed", "conditions cannot change within a major version"),
    Kind("if-changed", C, "if condition changed", "conditions cannot change within a major version"),
    # Whole subschemas.
    Kind("false-schema-added", N, "subschema replaced by false (nothing valid)", KEEP_OLD),
    Kind("false-schema-removed", W, "subschema no longer false", "restore false"),
    Kind("schema-changed", C, "subschema changed from {old} to {new}", KEEP_OLD),
    Kind("ref-changed", C, "$ref changed from {old} to {new}", "point to a compatible version"),
    # The reference's structural rule (mode jsonschema-tools).
    Kind(
        "reference-rule-violation",
        C,
        "{name}",
        "list the version under skipSchemaTestCases: schema-version-compatibility if the change is intended",
    ),
]

# Bounds: one table row per keyword, four kinds each (added, removed, tightened, relaxed).
# `upper` bounds tighten when they decrease, lower bounds when they increase.
BOUNDS: dict[str, bool] = {
    "maxLength": True,
    "minLength": False,
    "maximum": True,
    "minimum": False,
    "maxItems": True,
    "minItems": False,
    "maxProperties": True,
    "minProperties": False,
}


def kebab(keyword: str) -> str:
    """`maxLength` → `max-length`, `contentMediaType` → `content-media-type`."""
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in keyword).lstrip("-")


for _keyword in BOUNDS:
    _id = kebab(_keyword)
    _TABLE += [
        Kind(f"{_id}-added", N, f"{_keyword} {{new}} added", "old documents may exceed it; " + KEEP_OLD),
        Kind(
            f"{_id}-removed",
            W,
            f"{_keyword} {{old}} removed",
            f"old readers enforce {_keyword} {{old}}; keep it",
        ),
        Kind(
            f"{_id}-tightened",
            N,
            f"{_keyword} tightened from {{old}} to {{new}}",
            f"old documents may not meet {{new}}; keep {_keyword} at {{old}}",
        ),
        Kind(
            f"{_id}-relaxed",
            W,
            f"{_keyword} relaxed from {{old}} to {{new}}",
            f"old readers enforce {{old}}; keep {_keyword} at {{old}}",
        ),
    ]

# Keywords whose values can only be compared for equality.
VALUE_KEYWORDS = ("pattern", "format", "contentEncoding", "contentMediaType")
for _keyword in VALUE_KEYWORDS:
    _id = kebab(_keyword)
    _TABLE += [
        Kind(f"{_id}-added", N, f"{_keyword} {{new}} added", "old documents need not match it; " + KEEP_OLD),
        Kind(f"{_id}-removed", W, f"{_keyword} {{old}} removed", f"old readers enforce it; keep {_keyword}"),
        Kind(f"{_id}-changed", C, f"{_keyword} changed from {{old}} to {{new}}", KEEP_OLD),
    ]

# Subschema keywords that may appear or disappear as a whole.
SUBSCHEMA_KEYWORDS = ("items", "contains", "propertyNames", "then", "else")
for _keyword in SUBSCHEMA_KEYWORDS:
    _id = kebab(_keyword)
    _TABLE += [
        Kind(f"{_id}-added", N, f"{_keyword} schema added", "old documents need not match it; " + KEEP_OLD),
        Kind(f"{_id}-removed", W, f"{_keyword} schema removed", "old readers apply it; restore it"),
    ]

# Properties of objects and items of tuples, by the content model that covers them (Confluent's taxonomy:
# open = anything allowed, closed = false, partially open = a schema from additionalProperties,
# patternProperties or additionalItems).
for _noun in ("property", "item"):
    _TABLE += [
        Kind(
            f"{_noun}-added-to-open-content-model",
            N,
            f"{_noun} {{name}} added to an open content model",
            "old documents may hold {name} with any value; use a new name",
        ),
        Kind(
            f"{_noun}-with-empty-schema-added-to-open-content-model",
            NO,
            f"{_noun} {{name}} added with an empty schema",
        ),
        Kind(
            f"{_noun}-added-to-closed-content-model",
            W,
            f"{_noun} {{name}} added to a closed content model",
            "old readers reject {name}",
        ),
        Kind(
            f"{_noun}-added-covered-by-partially-open-content-model",
            NO,
            f"{_noun} {{name}} added, covered by the previous schema for unlisted {_noun}s",
        ),
        Kind(
            f"{_noun}-added-not-covered-by-partially-open-content-model",
            NO,
            f"{_noun} {{name}} added, not covered by the previous schema for unlisted {_noun}s",
        ),
        Kind(
            f"{_noun}-removed-from-open-content-model",
            W,
            f"{_noun} {{name}} removed from an open content model",
            "old readers still check {name}; keep it",
        ),
        Kind(
            f"{_noun}-removed-from-closed-content-model",
            N,
            f"{_noun} {{name}} removed from a closed content model",
            "old documents may hold {name}, which is now rejected; keep it (it may be deprecated in its "
            "description)",
        ),
        Kind(
            f"{_noun}-with-false-removed-from-closed-content-model", NO, f"{_noun} {{name}} (false) removed"
        ),
        Kind(
            f"{_noun}-removed-covered-by-partially-open-content-model",
            NO,
            f"{_noun} {{name}} removed, covered by the new schema for unlisted {_noun}s",
        ),
        Kind(
            f"{_noun}-removed-not-covered-by-partially-open-content-model",
            NO,
            f"{_noun} {{name}} removed, not covered by the new schema for unlisted {_noun}s",
        ),
    ]

KINDS: dict[str, Kind] = {kind.id: kind for kind in _TABLE}
assert len(KINDS) == len(_TABLE), "duplicate kind id"

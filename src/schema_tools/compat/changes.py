"""Changes between two versions of a schema, as values: what the engine returns and every face prints.

`compare(old, new)` walks both schemas together (walk.py and its keyword modules) and returns the
changes in document order. Each change has a kind from kinds.py, the JSON Pointer where it happened
(in the new schema; in the old one for things that no longer exist), the old and new values, and an
effect that the modes (modes.py) turn into a verdict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from schema_tools.compat.kinds import KINDS, Effect


class _Missing:
    """The value of something absent on one side (distinct from JSON null)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Change:
    """One difference between two schema versions."""

    kind: str
    pointer: str
    effect: Effect
    old: Any = MISSING
    new: Any = MISSING
    name: str | None = None  # the property, keyword or member the change is about, when there is one
    via: tuple[str, ...] = field(default=(), compare=False)  # `$ref`s followed to reach the change

    @property
    def message(self) -> str:
        """Past tense, with the place: `maxLength tightened from 64 to 32 at /properties/name`."""
        text = KINDS[self.kind].template.format(old=show(self.old), new=show(self.new), name=self._name())
        text += f" at {self.pointer or '/'}"
        if self.via:
            text += f" (through $ref {', '.join(self.via)})"
        return text

    @property
    def hint(self) -> str | None:
        """How to avoid the break, for kinds that can break (None for the others)."""
        template = KINDS[self.kind].hint
        if not template or self.effect is Effect.NONE:
            return None
        return template.format(old=show(self.old), new=show(self.new), name=self._name())

    def _name(self) -> str:
        if self.kind == "reference-rule-violation":
            return self.name or ""
        return f"`{self.name}`" if self.name is not None else ""

    def inverted(self) -> Change:
        return replace(self, effect=self.effect.inverted())

    def to_json(self) -> dict[str, Any]:
        """The fields of the change as JSON values (absent values are left out)."""
        data: dict[str, Any] = {"kind": self.kind, "pointer": self.pointer, "effect": self.effect.value}
        if self.old is not MISSING:
            data["old"] = self.old
        if self.new is not MISSING:
            data["new"] = self.new
        if self.name is not None:
            data["name"] = self.name
        data["message"] = self.message
        if self.hint:
            data["hint"] = self.hint
        return data


def show(value: Any, limit: int = 60) -> str:
    """A short JSON rendering of a value for messages (long values are cut with an ellipsis)."""
    if value is MISSING:
        return "nothing"
    if isinstance(value, str):
        text = value
    elif isinstance(value, (set, frozenset)):
        text = json.dumps(sorted(value, key=str), ensure_ascii=False)
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compare(old: Any, new: Any) -> list[Change]:
    """Every change from schema `old` to schema `new` (parsed documents; `$ref`s inside each resolve
    against that document itself).

    Never raises on odd input: values that are not schemas are compared for equality.
    """
    from schema_tools.compat.walk import Walker

    return Walker(old, new).run()

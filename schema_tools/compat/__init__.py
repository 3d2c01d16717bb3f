"""Compatibility between schema versions: the change engine and the modes that judge its changes.

`compare(old, new)` lists the changes (kind, pointer, old and new values, message, hint);
`check(old, new, mode)` says whether `new` may follow `old` under a compatibility mode.
"""

from __future__ import annotations

from schema_tools.compat.changes import Change, compare
from schema_tools.compat.kinds import KINDS, Effect
from schema_tools.compat.modes import Verdict, check

__all__ = ["KINDS", "Change", "Effect", "Verdict", "check", "compare"]

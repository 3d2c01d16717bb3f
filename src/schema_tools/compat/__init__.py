"""Compatibility between schema versions: the change engine and the modes that judge its changes.

`compare(old, new)` lists the changes (kind, pointer, old and new values, message, hint);
`check(old, new, mode)` says whether `new` may follow `old` under a compatibility mode.
The names are loaded on first use, so that importing one submodule (the reference rule, the mode list)
does not load the whole engine.
"""

from __future__ import annotations

from typing import Any

__all__ = ["KINDS", "Change", "Effect", "Verdict", "check", "compare"]
_HOMES = {
    "Change": "changes", "compare": "changes", "KINDS": "kinds", "Effect": "kinds", "Verdict": "modes",
    "check": "modes",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(f"schema_tools.compat.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'schema_tools.compat' has no attribute {name!r}")

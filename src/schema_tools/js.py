"""JavaScript's `undefined`, shared by the ports of the reference's JavaScript libraries.

The merge (json-schema-merge-allof) and the example generator (json-schema-faker) both need a value
that is distinct from JSON `null` (None): a missing key, a property read on nothing.
"""

from __future__ import annotations

from typing import Final


class _Undefined:
    """JavaScript's `undefined`: a missing key, distinct from JSON `null` (None). Falsy, one instance."""

    _instance: _Undefined | None = None

    def __new__(cls) -> _Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "undefined"


UNDEFINED: Final = _Undefined()

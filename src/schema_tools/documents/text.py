"""Reading a document's text, with errors that name the file (parsing is load.py's job)."""

from __future__ import annotations

from pathlib import Path

from schema_tools.errors import DocumentError


def read_text(path: str | Path) -> str:
    """The UTF-8 text of a file. Raises DocumentError naming the file."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(f"not UTF-8 text ({error.reason} at byte {error.start})", path=str(path)) from None
    except OSError as error:
        raise DocumentError(f"cannot read: {error.strerror}", path=str(path)) from None

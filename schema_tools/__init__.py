"""schema-tools: materialize, check and serve git-based repositories of versioned JSON Schemas."""

from __future__ import annotations

__version__ = "0.1.0"

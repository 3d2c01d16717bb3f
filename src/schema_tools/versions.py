"""Schema versions: reading them from `$id` and comparing them, as semver 6 did for the reference.

The version of a schema is `semver.coerce(basename(<$id>))`: the last path segment, then the first run of
up to three dot-separated numbers in it (`/a/b/1.2` → 1.2.0, `v2` → 2.0.0, `1.2.3-beta.1` → 1.2.3).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# semver's COERCE expression: a number not preceded by a digit, up to three components of ≤ 16 digits.
_COERCE = re.compile(r"(?:^|[^\d])(\d{1,16})(?:\.(\d{1,16}))?(?:\.(\d{1,16}))?(?:$|[^\d])")
# semver.parse (strict): an optional `v`, three numbers without leading zeros, prerelease and build.
_NUMBER = r"(?:0|[1-9]\d*)"
_IDENT = r"(?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*)"
_STRICT = re.compile(
    rf"^v?({_NUMBER})\.({_NUMBER})\.({_NUMBER})"
    rf"(?:-({_IDENT}(?:\.{_IDENT})*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$"
)


class Version(NamedTuple):
    """A release version (coerced versions never carry a prerelease)."""

    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def parse_version(text: str) -> Version | None:
    """semver.parse for file names such as `1.2.0` or `v1.2.0` (prerelease dropped); None if not semver."""
    match = _STRICT.match(text.strip())
    if match is None:
        return None
    return Version(int(match[1]), int(match[2]), int(match[3]))


def coerce_version(text: str) -> Version | None:
    """semver.coerce: the first version-like run of numbers in text, or None."""
    match = _COERCE.search(text)
    if match is None:
        return None
    parts = [match[1], match[2] or "0", match[3] or "0"]
    # coerce hands its result to the strict parser, which rejects leading zeros (`01.02.03`).
    if any(len(p) > 1 and p.startswith("0") for p in parts):
        return None
    return Version(*(int(p) for p in parts))


def version_from_id(schema_id: str) -> Version | None:
    """The version named by a schema `$id` (its last path segment, coerced), or None."""
    return coerce_version(schema_id.rstrip("/").rsplit("/", 1)[-1] if schema_id.rstrip("/") else schema_id)

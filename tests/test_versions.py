"""Versions read from `$id` exactly as semver 6's coerce did for the reference (§2.2)."""

from __future__ import annotations

import pytest

from schema_tools.versions import Version, coerce_version, parse_version, version_from_id


@pytest.mark.parametrize(
    ("schema_id", "expected"),
    [
        ("/a/b/1.2.3", "1.2.3"),
        ("/a/b/1.2", "1.2.0"),
        ("/a/b/v2", "2.0.0"),
        ("1.2.3-beta.1", "1.2.3"),
        ("1.2.3.4", "1.2.3"),
        ("1.0.0#", "1.0.0"),
        ("/w3c/reportingapi/report/1.2.3", "1.2.3"),  # the 0.x bug took 3.0.0 from the whole $id
        ("/x/1.0.0/", "1.0.0"),
        ("/x/current", None),
        ("/x/01.02.03", None),  # coerce hands '01.02.03' to the strict parser, which refuses it
        ("", None),
    ],
)
def test_version_from_id(schema_id: str, expected: str | None) -> None:
    """The last path segment is coerced; no number or a leading zero gives no version."""
    version = version_from_id(schema_id)
    assert (str(version) if version else None) == expected


def test_file_names_are_parsed_strictly() -> None:
    """Discovery accepts `1.2.0` and `v1.2.0` file names, not `1.2` or `latest`."""
    assert parse_version("1.2.0") == Version(1, 2, 0)
    assert parse_version("v1.2.0") == Version(1, 2, 0)
    assert parse_version("1.0.0-beta.1") == Version(1, 0, 0)
    assert parse_version("1.2") is None
    assert parse_version("latest") is None
    assert parse_version("01.2.0") is None


def test_versions_order_numerically() -> None:
    """1.10.0 is newer than 1.9.0."""
    assert coerce_version("1.10.0") > coerce_version("1.9.0")  # type: ignore[operator]

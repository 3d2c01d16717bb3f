"""Installing the reference, @wikimedia/jsonschema-tools 1.3.0, with npm into a directory (benchmarks only).

The dependency versions are the ones schemas-event-secondary's lock file pins, which the behaviour notes
in ../shared/reference were measured with.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

PINNED = {
    "js-yaml": "3.14.1",
    "json-stable-stringify": "1.0.1",
    "json-schema-merge-allof": "0.6.0",
    "json-schema-ref-parser": "7.1.4",
    "lodash": "4.17.21",
    "semver": "6.3.0",
    "ajv": "6.12.6",
}


def install_reference(directory: Path, *, extra: dict[str, str] | None = None) -> Path | None:
    """npm-install the reference (plus `extra` packages) into directory; its node_modules, or None without npm."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        return None
    directory.mkdir(parents=True, exist_ok=True)
    package = {
        "name": "reference-harness",
        "private": True,
        "dependencies": {"@wikimedia/jsonschema-tools": "1.3.0", **(extra or {})},
        "overrides": PINNED,
    }
    (directory / "package.json").write_text(json.dumps(package))
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=directory, check=True)
    return directory / "node_modules"

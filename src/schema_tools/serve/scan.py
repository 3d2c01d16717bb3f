"""Finding what a schema directory publishes, without ever reading outside it.

A *title* is a directory under the schema base that holds version files (`1.2.0.yaml`, `1.2.0.json`) or
the current file; its title is its path under the base (`mediawiki/page/change`), which is also the
`$id` path. Only those files are ever read: the extensionless and `latest*` links of the repository are
not followed (the served tree computes them), and nothing else (CHANGELOGs, READMEs, dotfiles) is served.

Safety rules, applied once at startup so that requests never touch the filesystem:
* names starting with `.` are skipped (files and directories), as are names with a backslash or a
  control character, which could not be addressed unambiguously in a URL;
* directories are walked without following symlinks;
* a file that is a symlink is used only when its real path is inside the real root and is a regular
  file; otherwise it is skipped with a warning.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from schema_tools.errors import SchemaToolsError

# A version file name without its extension: semver (an optional `v`, a prerelease and build allowed),
# exactly what the materializer accepts as a version file. Also the pattern that marks a served path
# as immutable, in the app and in the nginx snippet alike (see tree.VERSIONED_PATH).
VERSION_NAME = (
    r"v?(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)"
    r"(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?"
)
_VERSION = re.compile(rf"^{VERSION_NAME}$")
_SEMVER_PARTS = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(?:-([^+]+))?")
_UNSAFE_NAME = re.compile(r"[\\\x00-\x1f\x7f]")
CONTENT_TYPES = ("yaml", "json")
# A published schema is a few KB; anything this large is not one, and is not held in memory.
MAX_FILE_BYTES = 16 * 1024 * 1024


class ServeError(SchemaToolsError):
    """The served tree cannot be built (missing or empty root, a name two documents would share, …)."""


@dataclass(frozen=True)
class SourceFile:
    """A file that is served: where its bytes are (already checked to be inside the root), and its mtime."""

    path: Path
    mtime: int


@dataclass
class TitleDir:
    """One title directory: its versions (name → content type → file) and its current file."""

    title: str
    versions: dict[str, dict[str, SourceFile]] = field(default_factory=dict)
    current: tuple[str, SourceFile] | None = None

    def version_names(self) -> list[str]:
        """Version names in semver order (prereleases before their release)."""
        return sorted(self.versions, key=version_key)


@dataclass
class Scan:
    """What a schema directory publishes, and what was skipped (as warnings)."""

    root: Path
    titles: list[TitleDir]
    warnings: list[str]


def is_version_name(name: str) -> bool:
    """True for a version file name without extension (`1.2.0`, `v1.0.0`, `2.0.0-beta.1`)."""
    return _VERSION.match(name) is not None


def version_key(name: str) -> tuple[int, int, int, int, tuple[tuple[int, int | str], ...]]:
    """Semver precedence for version names: a release sorts after its prereleases."""
    match = _SEMVER_PARTS.match(name)
    assert match is not None, name
    pre = match[4]
    identifiers = tuple((0, int(p)) if p.isdigit() else (1, p) for p in pre.split(".")) if pre else ()
    return int(match[1]), int(match[2]), int(match[3]), 0 if pre else 1, identifiers


def scan(root: Path, current_name: str) -> Scan:
    """The title directories under root, in a stable order.

    Raises:
        ServeError: root does not exist or is not a directory.
    """
    if not root.is_dir():
        raise ServeError("schema directory does not exist or is not a directory", path=str(root))
    real_root = os.path.realpath(root)
    titles: list[TitleDir] = []
    warnings: list[str] = []
    for dirpath, dirnames, filenames in os.walk(real_root):  # never follows symlinked directories
        dirnames[:] = sorted(d for d in dirnames if _usable_name(d))
        relative = os.path.relpath(dirpath, real_root)
        title = TitleDir("" if relative == "." else relative.replace(os.sep, "/"))
        for name in sorted(filenames):
            if not _usable_name(name):
                continue
            stem, dot, ext = name.rpartition(".")
            is_current = name == current_name
            if not is_current and not (dot and ext in CONTENT_TYPES and is_version_name(stem)):
                continue
            source = _checked_file(Path(dirpath, name), real_root, warnings)
            if source is None:
                continue
            if is_current:
                title.current = (name, source)
            else:
                title.versions.setdefault(stem, {})[ext] = source
        if title.versions or title.current:
            titles.append(title)
    return Scan(Path(real_root), titles, warnings)


def _usable_name(name: str) -> bool:
    return not name.startswith(".") and _UNSAFE_NAME.search(name) is None


def _checked_file(path: Path, real_root: str, warnings: list[str]) -> SourceFile | None:
    """The file if it may be served: inside the root once symlinks are resolved, regular, not huge."""
    real = os.path.realpath(path)
    if not real.startswith(real_root + os.sep):
        warnings.append(f"{path}: skipped, it is a link to {real}, outside {real_root}")
        return None
    try:
        info = os.stat(real)
    except OSError as error:
        warnings.append(f"{path}: skipped, {error.strerror}")
        return None
    if not stat.S_ISREG(info.st_mode):
        warnings.append(f"{path}: skipped, not a regular file")
        return None
    if info.st_size > MAX_FILE_BYTES:
        warnings.append(f"{path}: skipped, {info.st_size} bytes is more than a schema can be")
        return None
    return SourceFile(Path(real), int(info.st_mtime))

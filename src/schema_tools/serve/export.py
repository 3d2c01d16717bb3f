"""The static export: the served tree as files, for nginx, a CDN or any static web server.

Layout of OUT_DIR:

    public/                   the web root: every path of the tree as a file, extensionless names
                              included (`1.0.0` and `latest` hold the YAML), `<dir>/autoindex.json` in
                              every directory, `<prefix>/index.json`, and a `.gz` beside each body
                              worth compressing (for nginx's gzip_static)
    nginx/schema-tools-http.conf, nginx/schema-tools-server.conf
                              the nginx snippets (nginx.py)
    .schema-tools-export      marks the directory as ours, so a later export may replace it

Every file gets the mtime the server reports, so nginx's ETag and Last-Modified equal the app's. The
export is built beside OUT_DIR and renamed into place: a failed export leaves the previous one intact,
and a directory that is not an export is never replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from schema_tools import __version__
from schema_tools.serve.nginx import HTTP_SNIPPET, SERVER_SNIPPET, http_snippet, server_snippet
from schema_tools.serve.scan import ServeError
from schema_tools.serve.tree import LISTING_NAME, Tree

MARKER = ".schema-tools-export"
PUBLIC = "public"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    out_dir: Path
    public: Path
    documents: int
    compressed: int
    nginx_files: tuple[Path, ...]


def export_tree(
    tree: Tree, out_dir: Path, *, nginx_root: Path | None = None, gzip: bool = True
) -> ExportResult:
    """Write the tree and the nginx snippets to out_dir, replacing a previous export there.

    `nginx_root` is the web root the snippet names (default: out_dir/public, absolute), for trees that
    are copied elsewhere before they are served.

    Raises:
        ServeError: out_dir exists and is neither empty nor a previous export, or cannot be written.
    """
    out_dir = out_dir.absolute()
    if out_dir.exists() and not _replaceable(out_dir):
        raise ServeError(
            "exists and is not a schema-tools export (it would be replaced); "
            "remove it or choose another directory",
            path=str(out_dir),
        )
    public_final = out_dir / PUBLIC
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
        staging.chmod(0o777 & ~_umask())  # mkdtemp's 0700 would hide the tree from the web server's user
    except OSError as error:
        raise ServeError(f"cannot write: {error.strerror}", path=str(out_dir)) from None
    try:
        compressed = _write_public(tree, staging / PUBLIC, gzip=gzip)
        nginx_dir = staging / "nginx"
        nginx_dir.mkdir()
        (nginx_dir / HTTP_SNIPPET).write_text(http_snippet(tree), encoding="utf-8")
        (nginx_dir / SERVER_SNIPPET).write_text(
            server_snippet(tree, (nginx_root or public_final).absolute()), encoding="utf-8"
        )
        (staging / MARKER).write_text(f"schema-tools {__version__}\n", encoding="utf-8")
        _swap(staging, out_dir)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        where = str(error.filename or out_dir)
        raise ServeError(f"cannot write: {error.strerror or error}", path=where) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(
        out_dir,
        public_final,
        len(tree.entries),
        compressed,
        (out_dir / "nginx" / HTTP_SNIPPET, out_dir / "nginx" / SERVER_SNIPPET),
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _replaceable(out_dir: Path) -> bool:
    return (
        out_dir.is_dir()
        and not out_dir.is_symlink()
        and ((out_dir / MARKER).is_file() or not any(out_dir.iterdir()))
    )


def _write_public(tree: Tree, public: Path, *, gzip: bool) -> int:
    """Write every entry (and its .gz); give files and directories the tree's mtimes."""
    compressed = 0
    for path, entry in tree.entries.items():
        relative = path.lstrip("/")
        assert ".." not in relative.split("/"), path  # the tree never holds such paths; be sure anyway
        file = public / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(entry.body)
        os.utime(file, (entry.mtime, entry.mtime))
        if gzip and entry.gzip is not None:
            packed = file.with_name(file.name + ".gz")
            packed.write_bytes(entry.gzip)
            os.utime(packed, (entry.mtime, entry.mtime))
            compressed += 1
    # Deepest first, so that setting a directory's mtime is not undone by writing into it.
    for directory in sorted(tree.directories, key=lambda d: -d.count("/")):
        mtime = tree.entries[directory + LISTING_NAME].mtime
        os.utime(public / directory.strip("/") if directory != "/" else public, (mtime, mtime))
    return compressed


def _swap(staging: Path, out_dir: Path) -> None:
    """Put staging at out_dir; the previous export is removed only once the new one is in place."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    trash = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old.", dir=out_dir.parent))
    os.rename(out_dir, trash / "previous")
    try:
        os.rename(staging, out_dir)
    except OSError:
        os.rename(trash / "previous", out_dir)
        raise
    finally:
        shutil.rmtree(trash, ignore_errors=True)

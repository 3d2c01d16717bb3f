"""Git hooks: the pre-commit framework's hook definitions and a plain `.git/hooks/pre-commit` script.

Both run the same two commands: materialize the staged current schemas (and `git add` what was
written), then `schema-tools test` on what the commit changes: the repository checks of the schemas it
touches, and the checks of the staged changes since HEAD (published versions untouched, current schemas
materialized, new versions compatible), in one report. `.pre-commit-hooks.yaml` at the project root
is this data, written out; a test keeps the two equal.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from schema_tools.errors import SchemaToolsError

MATERIALIZE = "schema-tools materialize-modified --staged"
CHECK = "schema-tools test --staged --since HEAD"
MARKER = "# installed by schema-tools install-git-hook"

# The hooks `.pre-commit-hooks.yaml` offers: (id, name, entry, description, extra keys).
PRE_COMMIT_HOOKS: tuple[dict[str, object], ...] = (
    {
        "id": "schema-tools-materialize",
        "name": "materialize modified schemas",
        "description": "Materialize the staged current schemas into version files and stage them.",
        "entry": MATERIALIZE,
        "language": "python",
        "pass_filenames": False,
        "files": r"(^|/)current\.(yaml|json)$",
    },
    {
        "id": "schema-tools-test",
        "name": "check schema changes",
        "description": "Check the schemas a commit changes, and refuse changes to published versions, "
        "unmaterialized current schemas, and new versions that break compatibility within a major version.",
        "entry": CHECK,
        "language": "python",
        "pass_filenames": False,
        "always_run": True,
    },
)

SCRIPT = f"""#!/bin/sh
{MARKER}
# Materializes the staged current schemas (and stages what it wrote), then refuses the commit if the
# schemas it touches fail a check, or it changes a published version or breaks compatibility.
# `git commit --no-verify` skips it.
# git runs hooks with GIT_DIR set; schema-tools runs git in other directories, so let git find it.
unset GIT_DIR
if ! command -v schema-tools >/dev/null 2>&1; then
    echo "pre-commit: schema-tools is not on PATH (pip install schema-tools, or commit with --no-verify)" >&2
    exit 1
fi
{MATERIALIZE} || exit $?
exec {CHECK}
"""


@dataclass(frozen=True)
class HookInstall:
    """Where the hook went, and whether an earlier hook was replaced."""

    path: Path
    replaced: bool
    written: bool


class HookExistsError(SchemaToolsError):
    """A pre-commit hook that is not ours is in the way; --force replaces it."""


def hooks_dir(root: Path) -> Path:
    """The hooks directory git uses (core.hooksPath and worktrees respected)."""
    from schema_tools.compat.gitview import GitView

    path = Path(GitView(root, staged=False).git(["rev-parse", "--git-path", "hooks"]).strip())
    return path if path.is_absolute() else root / path


def install_git_hook(root: Path, *, force: bool = False, dry_run: bool = False) -> HookInstall:
    """Write the pre-commit hook script (mode 0755) into the repository at root.

    Raises:
        HookExistsError: another pre-commit hook exists (unless force).
    """
    path = hooks_dir(root) / "pre-commit"
    replaced = False
    if path.exists() or path.is_symlink():
        existing = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        if existing == SCRIPT:
            return HookInstall(path, replaced=False, written=False)
        if MARKER not in existing and not force:
            what = (
                "the pre-commit framework's hook"
                if "pre-commit" in existing and "INSTALL_PYTHON" in existing
                else "a pre-commit hook"
            )
            raise HookExistsError(
                f"{what} is already installed; --force replaces it (with pre-commit, use "
                "the hooks of .pre-commit-hooks.yaml instead)",
                path=str(path),
            )
        replaced = True
    if not dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.schema-tools-tmp")
        temporary.write_text(SCRIPT, encoding="utf-8")
        mode = stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    return HookInstall(path, replaced=replaced, written=not dry_run)


def pre_commit_hooks_yaml() -> str:
    """The text of `.pre-commit-hooks.yaml`."""
    lines = [
        "# Hooks for the pre-commit framework (https://pre-commit.com). In .pre-commit-config.yaml:",
        "#   - repo: <this project's git URL>",
        "#     rev: <a tag>",
        "#     hooks: [{id: schema-tools-materialize}, {id: schema-tools-test}]",
        "# Generated from schema_tools/hooks.py (PRE_COMMIT_HOOKS); a test keeps them equal.",
    ]
    for hook in PRE_COMMIT_HOOKS:
        first = True
        for key, value in hook.items():
            prefix = "- " if first else "  "
            first = False
            lines.append(f"{prefix}{key}: {_yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


def _yaml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if any(c in text for c in ":#{}[],&*!|>'\"%@`\\") or text != text.strip():
        return "'" + text.replace("'", "''") + "'"
    return text

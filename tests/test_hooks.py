"""Git hooks: the pre-commit framework's hooks file, and `install-git-hook` on a real repository."""

from __future__ import annotations

import os
import re
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from schema_tools.cli.main import build_parser, main
from schema_tools.hooks import PRE_COMMIT_HOOKS, SCRIPT, pre_commit_hooks_yaml
from tests.conftest import PROJECT_ROOT

HOOKS_FILE = PROJECT_ROOT / ".pre-commit-hooks.yaml"


def git(
    repo: Path, *args: str, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check, env=env)


def test_hooks_file_is_generated_from_the_code() -> None:
    """.pre-commit-hooks.yaml is exactly what hooks.py writes, and parses to the same hooks."""
    assert HOOKS_FILE.read_text(encoding="utf-8") == pre_commit_hooks_yaml()
    assert yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8")) == [dict(h) for h in PRE_COMMIT_HOOKS]


def test_hook_entries_are_valid_commands() -> None:
    """Each entry parses with the schema-tools command line."""
    for hook in PRE_COMMIT_HOOKS:
        words = shlex.split(str(hook["entry"]))
        assert words[0] == "schema-tools"
        assert callable(build_parser(words[1]).parse_args(words[1:]).handler)


def test_materialize_hook_runs_for_current_files_only() -> None:
    """The files pattern selects current schemas, nothing else."""
    pattern = re.compile(str(PRE_COMMIT_HOOKS[0]["files"]))
    assert pattern.search("jsonschema/mediawiki/page/change/current.yaml")
    assert pattern.search("current.json")
    assert not pattern.search("jsonschema/mediawiki/page/change/1.2.0.yaml")
    assert not pattern.search("jsonschema/x/not_current.yaml")


@pytest.fixture
def tool_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH has a `schema-tools` that runs this checkout (nothing else needed)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "schema-tools"
    tool.write_text(
        f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(PROJECT_ROOT))} exec {shlex.quote(sys.executable)} "
        '-m schema_tools "$@"\n'
    )
    tool.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


@pytest.fixture
def repo(primary_workdir: Path) -> Path:
    return primary_workdir


def test_install_writes_an_executable_hook_once(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The hook lands in .git/hooks, mode 0755; a second install changes nothing."""
    assert main(["install-git-hook"]) == 0
    hook = repo / ".git" / "hooks" / "pre-commit"
    assert hook.read_text() == SCRIPT
    assert stat.S_IMODE(hook.stat().st_mode) == 0o755
    assert main(["install-git-hook"]) == 0
    assert "is already installed" in capsys.readouterr().err


def test_install_refuses_a_foreign_hook_without_force(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Someone else's hook is kept unless --force; --dry-run prints and writes nothing."""
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho mine\n")
    assert main(["install-git-hook"]) == 1
    assert "--force replaces it" in capsys.readouterr().err
    assert main(["install-git-hook", "--dry-run", "--force"]) == 0
    assert capsys.readouterr().out == SCRIPT
    assert hook.read_text() == "#!/bin/sh\necho mine\n"
    assert main(["install-git-hook", "--force"]) == 0
    assert hook.read_text() == SCRIPT


def test_install_follows_core_hooks_path(repo: Path) -> None:
    """With core.hooksPath set, the hook goes where git will look for it."""
    git(repo, "config", "core.hooksPath", "githooks")
    assert main(["install-git-hook"]) == 0
    assert (repo / "githooks" / "pre-commit").read_text() == SCRIPT


def test_hook_materializes_and_refuses_published_edits(repo: Path, tool_on_path: dict[str, str]) -> None:
    """A real `git commit`: a version bump gets materialized and committed; editing a published
    version is refused with the reason; --no-verify still works."""
    assert main(["install-git-hook"]) == 0
    current = repo / "jsonschema" / "test" / "event" / "current.yaml"
    current.write_text(current.read_text().replace("$id: /test/event/1.0.0", "$id: /test/event/1.1.0"))
    git(repo, "add", str(current))
    done = git(repo, "commit", "-m", "bump test/event", env=tool_on_path, check=False)
    assert done.returncode == 0, done.stderr
    committed = set(git(repo, "show", "--name-only", "--format=", "HEAD").stdout.split())
    assert {
        f"jsonschema/test/event/{name}"
        for name in ("current.yaml", "1.1.0.yaml", "1.1.0", "latest", "latest.yaml")
    } == committed
    published = repo / "jsonschema" / "test" / "event" / "1.0.0.yaml"
    published.write_text(published.read_text() + "# edited\n")
    git(repo, "add", str(published))
    refused = git(repo, "commit", "-m", "edit a published version", env=tool_on_path, check=False)
    assert refused.returncode == 1
    # git shows hook output on stderr; the hook runs `schema-tools test`, whose lines end in the rule ID
    assert "jsonschema/test/event/1.0.0.yaml: published version file modified since HEAD" in refused.stderr
    assert "[published-version-modified]" in refused.stderr
    assert git(repo, "commit", "-qm", "forced", "--no-verify", env=tool_on_path, check=False).returncode == 0


def test_hook_without_the_tool_says_so(repo: Path) -> None:
    """Without schema-tools on PATH the hook stops the commit with a clear message."""
    assert main(["install-git-hook"]) == 0
    (repo / "README.md").write_text("changed\n")
    git(repo, "add", "README.md")
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    refused = git(repo, "commit", "-m", "x", env=env, check=False)
    assert refused.returncode == 1
    assert "schema-tools is not on PATH" in refused.stderr

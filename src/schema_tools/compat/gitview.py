"""Read-only git plumbing for the history checks: what changed since a revision, and file contents at
that revision, in the index, or in the work tree.

Plain `git` subprocesses, as in gitrepo.py (no import cost); every path is relative to the top of the
work tree, with `/` separators, as git prints them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from schema_tools.errors import EXIT_USAGE
from schema_tools.gitrepo import GitError

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # `git hash-object -t tree /dev/null`


class RevisionNotFound(GitError):
    """The revision to compare with is not in this clone; the message says what to fetch.

    Not a failed check: the job asked for a revision it has not fetched (exit 2, like a bad option).
    """

    exit_code = EXIT_USAGE


class GitView:
    """One repository, seen at a revision and now (the index with `staged`, else the work tree)."""

    def __init__(self, root: Path, *, staged: bool) -> None:
        self.root = root
        self.staged = staged
        self._listings: dict[tuple[str, str], list[str]] = {}
        self._batch: subprocess.Popen[bytes] | None = None

    def close(self) -> None:
        if self._batch is not None:
            self._batch.communicate()  # closes stdin (git exits) and stdout
            self._batch = None

    def __enter__(self) -> GitView:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _blob(self, name: str) -> bytes | None:
        """The content of `<commit>:<path>` or `:<path>` (the index), None if there is none.

        One `git cat-file --batch` process serves every read of a run: a pre-commit hook pays for one
        process start instead of one per file.
        """
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(name.encode() + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().split()
        if len(header) != 3:
            return None  # `<name> missing` (or ambiguous)
        data = self._batch.stdout.read(int(header[2]) + 1)[:-1]
        return data if header[1] == b"blob" else None

    def git(self, args: Sequence[str], *, check: bool = True) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise GitError("git is not installed or not on PATH") from None
        if check and done.returncode != 0:
            raise GitError(f"`git {' '.join(args)}` failed: {done.stderr.strip()}", path=str(self.root))
        return done.stdout if done.returncode == 0 else ""

    def resolve(self, ref: str) -> str:
        """The commit `ref` names; an unborn HEAD is the empty tree (nothing published yet).

        Raises:
            RevisionNotFound: the revision is not in this clone (the message says how to fetch it).
        """
        sha = self.git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], check=False).strip()
        if sha:
            return sha
        if ref == "HEAD" and not self.git(["rev-parse", "--verify", "--quiet", "HEAD"], check=False).strip():
            return EMPTY_TREE
        raise RevisionNotFound(self._missing(ref))

    def _missing(self, ref: str) -> str:
        shallow = self.git(["rev-parse", "--is-shallow-repository"], check=False).strip() == "true"
        remotes = self.git(["remote"], check=False).split()
        remote = "origin" if "origin" in remotes or not remotes else remotes[0]
        first, _, rest = ref.partition("/")
        if re.fullmatch(r"[0-9a-fA-F]{7,40}", ref):
            fetch = f"git fetch --depth=1 {remote} {ref}"
        elif rest and first in remotes:
            fetch = f"git fetch --depth=1 {first} {rest}:refs/remotes/{first}/{rest}"
        else:
            fetch = (
                f"git fetch --depth=1 {remote} {ref}:refs/remotes/{remote}/{ref}, "
                f"then use --since {remote}/{ref}"
            )
        where = "this shallow clone" if shallow else "this clone"
        return (
            f"cannot check changes since {ref!r}: that revision is not in {where}. "
            f"Fetch it first (one commit is enough): {fetch}"
        )

    def changed(self, sha: str, under: str) -> list[tuple[str, str]]:
        """(status letter, path) of files under `under` that differ from commit `sha`; renames are a
        deletion plus an addition. Without `staged`, untracked files count as added."""
        args = ["diff", "--name-status", "-z", "--no-renames", "--no-ext-diff"]
        if self.staged:
            args.append("--cached")
        fields = [f for f in self.git([*args, sha, "--", under or "."]).split("\0") if f]
        found = [(fields[i][0], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]
        if not self.staged:
            untracked = self.git(["ls-files", "--others", "--exclude-standard", "-z", "--", under or "."])
            found += [("A", p) for p in untracked.split("\0") if p]
        return found

    def list_at(self, sha: str, directory: str) -> list[str]:
        """Names of the files directly in `directory` at commit `sha`."""
        key = (sha, directory)
        if key not in self._listings:
            if sha == EMPTY_TREE:
                names: list[str] = []
            else:
                output = self.git(["ls-tree", "--name-only", "-z", sha, "--", directory.rstrip("/") + "/"])
                names = [p.rsplit("/", 1)[-1] for p in output.split("\0") if p]
            self._listings[key] = names
        return self._listings[key]

    def read_at(self, sha: str, path: str) -> str:
        data = self._blob(f"{sha}:{path}")
        if data is None:
            raise GitError(f"{path} is not in {sha}", path=str(self.root))
        return data.decode("utf-8")

    def exists_now(self, path: str) -> bool:
        if self.staged:
            return self._blob(f":{path}") is not None
        return (self.root / path).is_file()

    def read_now(self, path: str) -> str:
        if self.staged:
            data = self._blob(f":{path}")
            if data is None:
                raise GitError(f"{path} is not in the index", path=str(self.root))
            return data.decode("utf-8")
        return (self.root / path).read_text(encoding="utf-8")

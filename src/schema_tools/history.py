"""What `--since REF` checks: the repository's changes since a git revision, as Findings.

* a published version file (`<version>.yaml`, `.json`, or its extensionless link) that exists at REF
  was modified or deleted — published versions never change;
* a `current.yaml` changed, but its version was not materialized, or is already published at REF with
  other content (the version was not bumped);
* a new version is lower than what REF already published for its major version (versions go forward);
* a new version breaks compatibility with the latest version of its major version at REF (under the
  repository's mode; a new major may break).

Only REF's commit is needed, not the history between: a shallow CI clone works once REF is fetched
(`git fetch --depth=1 origin main:refs/remotes/origin/main`), and the error says so when it is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from schema_tools.compat.gitview import GitView
from schema_tools.compat.semver import Published, check_successor
from schema_tools.compat.settings import CompatSettings, load_settings
from schema_tools.errors import SchemaToolsError
from schema_tools.findings import Finding
from schema_tools.versions import Version, parse_version

if TYPE_CHECKING:
    from schema_tools.config import Config

# The rule IDs these checks report (besides `schema-version-compatibility`), with their purpose.
RULES = {
    "published-version-modified": "a published version file was changed",
    "published-version-deleted": "a published version file was deleted",
    "current-not-materialized": "a changed current schema has no materialized version file",
    "current-changed-without-new-version": "a current schema changed but its version is already published",
    "version-went-backwards": "a new version is lower than one already published",
}


def check_since(
    config: Config, ref: str, *, staged: bool = False, settings: CompatSettings | None = None
) -> list[Finding]:
    """Findings for the changes under the schema base path since revision `ref`.

    staged: look at the index (what a commit would record) instead of the work tree.

    Raises:
        RevisionNotFound: `ref` is not in this clone (the message says what to fetch).
        GitError: the base path is not in a git work tree.
    """
    from schema_tools.gitrepo import git_root

    with GitView(git_root(config.schema_base_path), staged=staged) as view:
        sha = view.resolve(ref)
        base = (
            config.schema_base_path.relative_to(view.root).as_posix()
            if config.schema_base_path != view.root
            else ""
        )
        settings = settings or load_settings(config)
        return _History(config, view, sha, ref, settings).run(view.changed(sha, base))


class _History:
    def __init__(self, config: Config, view: GitView, sha: str, ref: str, settings: CompatSettings) -> None:
        self.config, self.view, self.sha, self.ref, self.settings = config, view, sha, ref, settings
        self.findings: list[Finding] = []
        self._reported_backwards: set[str] = set()

    def run(self, changes: Iterable[tuple[str, str]]) -> list[Finding]:
        new_versions: dict[str, list[str]] = {}
        currents: list[str] = []
        for status, path in changes:
            kind, content_type = self._classify(PurePosixPath(path).name)
            if kind in ("version", "link") and status in "MDT":
                rule = "published-version-deleted" if status == "D" else "published-version-modified"
                verb = "deleted" if status == "D" else "modified"
                self.report(
                    rule,
                    path,
                    f"published version file {verb} since {self.ref}: published versions "
                    f"never change; restore it (git checkout {self.ref} -- {path}) and publish a new "
                    "version instead",
                )
            elif kind == "version" and status == "A" and content_type == self.config.primary_content_type:
                new_versions.setdefault(str(PurePosixPath(path).parent), []).append(path)
            elif kind == "current" and status in "AM":
                currents.append(path)
        for path in currents:
            self._check_current(path)
        for directory, paths in new_versions.items():
            self._check_new_versions(directory, paths)
        return self.findings

    def report(self, rule: str, path: str, message: str, schema_id: str | None = None) -> None:
        self.findings.append(Finding(rule, message, path, "", schema_id))

    def _classify(self, name: str) -> tuple[str, str | None]:
        if name == self.config.current_name:
            return "current", None
        stem, dot, ext = name.rpartition(".")
        if dot and ext in self.config.content_types and parse_version(stem) is not None:
            return "version", ext
        if parse_version(name) is not None:  # the extensionless link `1.2.0` → `1.2.0.yaml`
            return "link", None
        return "other", None

    def _published_versions(self, directory: str) -> dict[Version, str]:
        """Versions of the primary content type published at REF in a directory → their paths."""
        found: dict[Version, str] = {}
        suffix = f".{self.config.primary_content_type}"
        for name in self.view.list_at(self.sha, directory):
            version = parse_version(name[: -len(suffix)]) if name.endswith(suffix) else None
            if version is not None:
                found[version] = f"{directory}/{name}"
        return found

    def _load(self, text: str, path: str) -> Any:
        from schema_tools.documents.load import load_text

        return load_text(text, path)

    def _check_current(self, path: str) -> None:
        from schema_tools.repository import schema_id_of, schema_version_of

        try:
            document = self._load(self.view.read_now(path), path)
            version = schema_version_of(document, self.config, path)
            schema_id = schema_id_of(document, self.config, path)
        except SchemaToolsError as error:
            self.report("current-not-materialized", path, f"cannot read the current schema: {error.message}")
            return
        directory = str(PurePosixPath(path).parent)
        target = f"{directory}/{version}.{self.config.primary_content_type}"
        published = self._published_versions(directory)
        if not self.view.exists_now(target):
            self.report(
                "current-not-materialized",
                path,
                f"changed since {self.ref}, but its version {version} "
                f"was not materialized ({target} is missing): run `schema-tools materialize-modified` "
                "and add the files it writes",
                schema_id,
            )
        elif version in published:
            differs = self._materializes_differently(document, path, target)
            if differs:
                self.report(
                    "current-changed-without-new-version",
                    path,
                    f"changed since {self.ref}, but version "
                    f"{version} is already published with other content ({differs}); bump the version "
                    "at the end of $id and materialize it",
                    schema_id,
                )
        self._check_forward(version, published, path, schema_id)

    def _materializes_differently(self, document: Any, path: str, target: str) -> str:
        """Why the current schema does not reproduce the published file ('' when it does)."""
        from schema_tools.materialize import materialize
        from schema_tools.overlay import make_resolver

        resolver = make_resolver(self.config)
        try:
            item = materialize(document, self.view.root / path, self.config, resolver)
        except SchemaToolsError as error:
            return f"it does not materialize: {error.message}"
        primary = next(o for o in item.outputs if o.content_type == self.config.primary_content_type)
        published = self.view.read_at(self.sha, target)
        return "" if primary.text == published else f"it materializes differently from {target} at {self.ref}"

    def _check_forward(
        self, version: Version, published: dict[Version, str], path: str, schema_id: str | None
    ) -> bool:
        """Report a version lower than REF's latest of its major (or of every major, for a new major)."""
        if not published or version in published:
            return True
        same_major = [v for v in published if v.major == version.major]
        latest = max(same_major) if same_major else max(published)
        if version > latest or (not same_major and version.major > latest.major):
            return True
        key = f"{PurePosixPath(path).parent}@{version}"
        if key not in self._reported_backwards:
            self._reported_backwards.add(key)
            self.report(
                "version-went-backwards",
                path,
                f"version {version} is lower than {latest}, which "
                f"{self.ref} already published; versions only go forward: use a version above {latest}",
                schema_id,
            )
        return False

    def _check_new_versions(self, directory: str, paths: list[str]) -> None:
        from schema_tools.repository import schema_id_of, schema_version_of

        published = self._published_versions(directory)
        fresh: list[Published] = []
        for path in paths:
            try:
                document = self._load(self.view.read_now(path), path)
                version = schema_version_of(document, self.config, path)
                schema_id = schema_id_of(document, self.config, path) or ""
            except SchemaToolsError:
                continue  # an unreadable version file is the structure checks' business
            if self.config.is_ignored(schema_id):
                continue
            if self._check_forward(version, published, path, schema_id):
                fresh.append(Published(version, schema_id, document, path))
        fresh.sort(key=lambda p: p.version)
        for index, new in enumerate(fresh):
            previous = self._previous_at_ref(published, new) + fresh[:index]
            self.findings += check_successor(previous, new, self.settings)

    def _previous_at_ref(self, published: dict[Version, str], new: Published) -> list[Published]:
        """REF's versions of the new version's major below it: all of them in a transitive mode, else the
        latest (only those are read from git)."""
        from schema_tools.compat.modes import is_transitive
        from schema_tools.repository import schema_id_of

        candidates = sorted(v for v in published if v.major == new.version.major and v < new.version)
        if not is_transitive(self.settings.mode_for(new.schema_id)):
            candidates = candidates[-1:]
        result = []
        for version in candidates:
            path = published[version]
            document = self._load(self.view.read_at(self.sha, path), f"{self.ref}:{path}")
            schema_id = schema_id_of(document, self.config, path, required=False) or ""
            result.append(Published(version, schema_id, document, path))
        return result

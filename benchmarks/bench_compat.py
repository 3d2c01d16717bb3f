"""The pre-commit path and the change engine on schemas-event-primary, against the issue's targets:

  * `schema-tools materialize-modified --staged` with one changed schema staged: <= 0.15 s wall
    (the reference: ~0.4 s start-up plus ~0.1 s per schema); also the whole hook, with the check of the
    staged changes (`test --staged --since HEAD`, what the schema-tools-test hook runs) after it;
  * comparing two versions of the largest primary schema (the largest latest version that has a
    predecessor): <= 5 ms in-process, for the change list and for each kind of verdict.

Run:  .venv/bin/python benchmarks/bench_compat.py [--runs 15] [--reference-bin PATH]
With --reference-bin (a @wikimedia/jsonschema-tools 1.3.0 `jsonschema-tools` executable, as
bench_materialize.py installs it), the reference's materialize-modified --staged is timed too.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT.parent / "shared" / "corpora" / "schemas-event-primary.bundle"
SCHEMA_TOOLS = [str(Path(sys.executable).with_name("schema-tools"))]
CHANGED = "jsonschema/mediawiki/page/change/current.yaml"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


_EDITS = iter(range(1_000_000))


def stage_one_change(repo: Path) -> None:
    """Back to HEAD, then bump the version of one schema (with a fragment $ref) and stage it.

    Each run's edit is new (a numbered comment), as in real commits: the incremental cache has never
    seen the text, so the schema is really materialized rather than taken from the cache.
    """
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-qfd")
    current = repo / CHANGED
    text = current.read_text().replace("/mediawiki/page/change/1.2.0", "/mediawiki/page/change/1.3.0")
    current.write_text(f"{text}# edit {next(_EDITS)}\n")
    git(repo, "add", CHANGED)


def wall(
    commands: list[list[str]], repo: Path, prepare: Callable[[], None], runs: int, env: dict[str, str]
) -> tuple[list[float], list[float]]:
    """Wall times and CPU times (user + system, the command and its git children) of each run.

    CPU time is the figure to trust on a busy machine: wall time there includes waiting for a core.
    """
    walls, cpus = [], []
    for index in range(runs + 1):
        prepare()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        for command in commands:
            subprocess.run(
                command, cwd=repo, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
            )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if index:  # the first run only warms the bytecode cache
            walls.append(elapsed)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def installed_like(tmp: Path) -> dict[str, str]:
    """The environment of an installed tool: bytecode cached (here in a private directory, since
    PYTHONDONTWRITEBYTECODE may be set where benchmarks run, which would compile every module each time)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def in_process(action: Callable[[], object], runs: int) -> float:
    action()  # warm: imports and caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def largest_pair(repo: Path) -> tuple[Path, Path]:
    """(previous, latest) version files of the schema whose latest version file is the largest."""
    from schema_tools.versions import parse_version

    best: tuple[int, Path, Path] | None = None
    for directory in {p.parent for p in (repo / "jsonschema").rglob("current.yaml")}:
        versions = sorted(
            (v, p)
            for p in directory.glob("*.yaml")
            if not p.is_symlink() and (v := parse_version(p.stem)) is not None
        )
        if len(versions) >= 2:
            size = versions[-1][1].stat().st_size
            if best is None or size > best[0]:
                best = (size, versions[-2][1], versions[-1][1])
    assert best is not None
    return best[1], best[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--reference-bin", type=Path, help="a jsonschema-tools 1.3.0 executable to time as well"
    )
    args = parser.parse_args()
    if not BUNDLE.is_file():
        print(f"corpus {BUNDLE} is absent: nothing to measure", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from schema_tools.compat import compare
    from schema_tools.compat.modes import check
    from schema_tools.documents.load import load_file

    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "primary"
        subprocess.run(["git", "clone", "-q", str(BUNDLE), str(repo)], check=True)
        git(repo, "config", "user.email", "bench@example.org")
        git(repo, "config", "user.name", "bench")
        materialize = [*SCHEMA_TOOLS, "materialize-modified", "--staged", "-q"]
        check_staged = [*SCHEMA_TOOLS, "test", "--staged", "--since", "HEAD", "-q"]
        env = installed_like(Path(tmp))
        hook = wall([materialize], repo, lambda: stage_one_change(repo), args.runs, env)
        whole = wall([materialize, check_staged], repo, lambda: stage_one_change(repo), args.runs, env)
        reference = None
        if args.reference_bin:
            reference = wall(
                [[str(args.reference_bin), "materialize-modified", "--staged"]],
                repo,
                lambda: stage_one_change(repo),
                args.runs,
                env,
            )
        git(repo, "reset", "-q", "--hard")
        git(repo, "clean", "-qfd")
        old_path, new_path = largest_pair(repo)
        old, new = load_file(old_path), load_file(new_path)
        lines = len(new_path.read_text().splitlines())
        engine = {
            "compare (the change list)": in_process(lambda: compare(old, new), args.runs * 20),
            "check, mode backward": in_process(lambda: check(old, new, "backward"), args.runs * 20),
            "check, mode jsonschema-tools": in_process(
                lambda: check(old, new, "jsonschema-tools"), args.runs * 20
            ),
        }

    print(f"runs per figure: {args.runs} medians, wall and CPU (user + system); in-process: {args.runs * 20}")
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(
        f"materialize-modified --staged, one schema staged ({CHANGED}): wall {ms(hook[0])}, "
        f"CPU {ms(hook[1])} (target <= 150 ms)"
    )
    print(
        f"  + test --staged --since HEAD (the whole pre-commit path): wall {ms(whole[0])}, "
        f"CPU {ms(whole[1])}"
    )
    if reference is not None:
        ratio = statistics.median(reference[0]) / statistics.median(hook[0])
        print(
            f"  reference materialize-modified --staged: wall {ms(reference[0])}, CPU {ms(reference[1])}, "
            f"wall ratio {ratio:.1f}x"
        )
    print(f"largest primary schema: {new_path.relative_to(repo)} ({lines} lines) against {old_path.name}")
    for name, seconds in engine.items():
        print(f"  {name}: {seconds * 1000:.2f} ms (target <= 5 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Materialize speed against the reference (@wikimedia/jsonschema-tools 1.3.0) on schemas-event-primary.

Prints wall-time medians and the ratios the issue sets as targets:
  * materialize-all with every latest version deleted: ≥ 5× faster than the reference;
  * materialize-all on an unchanged repository: ≥ 50× faster than the reference;
  * `schema-tools --help` and a no-op command: ≤ 0.1 s.
It also prints, without a target, a tree where every file was rewritten with the same bytes (what a
`git checkout` back and forth does): every stat signature changed, no content did.

Run:  .venv/bin/python benchmarks/bench_materialize.py [--runs 7]
The reference is installed with npm into a temporary directory (pinned to the versions the upstream
repositories lock); without npm, only our figures are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reference import install_reference

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT.parent / "shared" / "corpora" / "schemas-event-primary.bundle"
SCHEMA_TOOLS = [str(Path(sys.executable).with_name("schema-tools"))]


def install_reference_tool(directory: Path) -> list[str] | None:
    modules = install_reference(directory)
    return None if modules is None else [str(modules / ".bin" / "jsonschema-tools")]


def delete_latest(repo: Path) -> None:
    for current in (repo / "jsonschema").rglob("current.yaml"):
        target = os.readlink(current.parent / "latest")
        (current.parent / target).unlink()
        (current.parent / target.removesuffix(".yaml")).unlink()


def restore(repo: Path) -> None:
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=repo, check=True)
    subprocess.run(["git", "clean", "-qfd"], cwd=repo, check=True)


# As installed for real: bytecode is cached (some shells set PYTHONDONTWRITEBYTECODE, which makes every
# start recompile all modules), and the cache directory is private to this benchmark.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], cwd: Path, prepare: Callable[[], None] | None, runs: int) -> list[float]:
    if prepare is not None:
        prepare()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def clean_after(repo: Path) -> None:
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout
    if status:
        raise SystemExit(f"the run left changes in {repo}:\n{status}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not BUNDLE.is_file():
        print(f"corpus {BUNDLE} is absent: nothing to measure", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ENV["SCHEMA_TOOLS_CACHE_DIR"] = str(work / "cache")
        repo = work / "primary"
        subprocess.run(["git", "clone", "-q", str(BUNDLE), str(repo)], check=True)
        reference = install_reference_tool(work / "reference")

        def deleted() -> None:
            restore(repo)
            delete_latest(repo)

        def touched() -> None:
            restore(repo)
            for path in (repo / "jsonschema").rglob("*"):
                if path.is_file() and not path.is_symlink():
                    path.write_bytes(path.read_bytes())

        results: dict[str, dict[str, float]] = {}
        for name, command in (
            ("schema-tools", [*SCHEMA_TOOLS, "materialize-all", "-q"]),
            ("schema-tools --no-cache", [*SCHEMA_TOOLS, "materialize-all", "-q", "--no-cache"]),
            ("reference", [*(reference or []), "materialize-all"]),
        ):
            if name == "reference" and reference is None:
                continue
            # The reference cannot run on the deleted tree: it materializes everything at once and fails on
            # fragment versions not written yet. It redoes all the work on every run anyway, so its
            # figure for the same work (53 schemas materialized and written) is taken on the intact tree.
            cold = timed(command, repo, deleted if name == "schema-tools" else (lambda: restore(repo)), args.runs)
            clean_after(repo)
            warm = timed(command, repo, lambda: restore(repo), args.runs)
            clean_after(repo)
            results[name] = {"deleted": statistics.median(cold), "unchanged": statistics.median(warm)}
            if name == "schema-tools":
                results[name]["touched"] = statistics.median(timed(command, repo, touched, args.runs))
                clean_after(repo)

        restore(repo)
        help_times = timed([*SCHEMA_TOOLS, "--help"], repo, None, args.runs * 3)
        noop_times = timed([*SCHEMA_TOOLS, "materialize-modified", "-q"], repo, None, args.runs * 3)

    reference_figures = results.get("reference")
    print(f"runs per figure: {args.runs} (wall-time medians)")
    print("(the reference runs on the intact tree, where it rewrites all 53: on the deleted tree it fails)")
    for scenario, target in (("deleted", 5), ("unchanged", 50)):
        label = "53 latest versions deleted" if scenario == "deleted" else "unchanged repository"
        if reference_figures:
            print(f"materialize-all, {label}: reference {reference_figures[scenario] * 1000:.0f} ms")
        for name in ("schema-tools", "schema-tools --no-cache"):
            ours = results[name][scenario]
            line = f"  {name}: {ours * 1000:.0f} ms"
            if reference_figures:
                line += f", ratio {reference_figures[scenario] / ours:.1f}x (target >= {target}x)"
            print(line)
    touched = results["schema-tools"]["touched"]
    touched_line = f"materialize-all, every file rewritten with the same bytes: schema-tools {touched * 1000:.0f} ms"
    if reference_figures:
        touched_line += f", ratio {reference_figures['unchanged'] / touched:.1f}x"
    print(touched_line)
    print(f"schema-tools --help: {statistics.median(help_times) * 1000:.0f} ms (target <= 100 ms)")
    print(
        f"schema-tools materialize-modified with nothing modified: {statistics.median(noop_times) * 1000:.0f} ms "
        "(target <= 100 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

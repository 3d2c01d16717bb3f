"""`schema-tools test` speed: against the reference's repository tests, and incremental checking at scale.

Prints wall-time medians (runs interleaved, so machine load hits both sides alike):

1. schemas-event-primary: the reference's `tests.all()` under mocha (1,626 cases) vs `schema-tools test`,
   cold (`--no-cache`) and warm (the result cache filled by the previous run). Target: >= 10x.
2. A synthetic repository of 2,000 schemas vs one of 20 (same shape; 10 schemas of each use a shared
   fragment): `schema-tools test --staged` (a pre-commit hook) and `--changed` after one schema got a
   new version, with no cache — only what changed and what depends on it is parsed and re-materialized,
   so both cost about the same (`--changed` also asks git for untracked files, which walks the tree).
   For scale, a full `--no-cache` run of the large repository, and a full run from the cache after the
   change, are timed too.

Run:  .venv/bin/python benchmarks/bench_test.py [--runs 7] [--reference-modules DIR]
The reference (with mocha) is installed with npm into a temporary directory unless --reference-modules
names an existing node_modules holding @wikimedia/jsonschema-tools 1.3.0 and mocha.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reference import install_reference

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT.parent / "shared" / "corpora" / "schemas-event-primary.bundle"
SCHEMA_TOOLS = str(Path(sys.executable).with_name("schema-tools"))
# What the schema repositories' own test file does (test/jsonschema/repository.test.js upstream).
MOCHA_TEST = "'use strict';\nrequire('@wikimedia/jsonschema-tools').tests.all({ logLevel: 'warn' });\n"


def run(
    command: list[str], cwd: Path, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)
) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        raise SystemExit(
            f"{' '.join(command)} failed in {cwd} ({done.returncode}): {done.stderr.decode()[-800:]}"
        )
    return elapsed


def reference_modules(work: Path, given: str | None) -> Path | None:
    if given:
        return Path(given)
    return install_reference(work / "reference", extra={"mocha": "10"})


def bench_primary(work: Path, modules: Path | None, runs: int, env: dict[str, str]) -> None:
    repo = work / "primary"
    subprocess.run(["git", "clone", "-q", str(BUNDLE), str(repo)], check=True)
    commands = {
        "schema-tools test --no-cache": [SCHEMA_TOOLS, "test", "-q", "--no-cache"],
        "schema-tools test (cache)": [SCHEMA_TOOLS, "test", "-q"],
    }
    run(commands["schema-tools test (cache)"], repo, env)  # fill the cache once
    if modules is not None:
        (repo / "test").mkdir()
        (repo / "test" / "repository.test.js").write_text(MOCHA_TEST)
        (repo / "node_modules").symlink_to(modules)
        commands = {"reference: mocha tests.all()": [str(modules / ".bin" / "mocha"), "test"], **commands}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run(command, repo, env))
    print(f"schemas-event-primary ({runs} interleaved runs, wall medians):")
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(
            f"  {name:34} {median * 1000:7.0f} ms   "
            f"(min {min(times[name]) * 1000:.0f}, max {max(times[name]) * 1000:.0f})"
        )
    reference = medians.get("reference: mocha tests.all()")
    if reference is not None:
        for name in ("schema-tools test --no-cache", "schema-tools test (cache)"):
            print(f"  ratio reference / {name}: {reference / medians[name]:.1f}x (target >= 10x)")
    else:
        print("  (npm/node missing: the reference was not measured)")


def synthetic(repo: Path, count: int, env: dict[str, str]) -> Path:
    """`count` schemas under synthetic/, the first 10 using fragment/common; materialized and committed."""
    base = repo / "jsonschema"
    repo.mkdir()
    (repo / ".jsonschema-tools.yaml").write_text("schemaBasePath: ./jsonschema/\ncontentTypes: [yaml]\n")
    header = "$schema: https://json-schema.org/draft-07/schema#\ntype: object\n"
    fragment = base / "fragment" / "common"
    fragment.mkdir(parents=True)
    (fragment / "current.yaml").write_text(
        f"title: fragment/common\n$id: /fragment/common/1.0.0\n{header}"
        "properties:\n  dt:\n    type: string\n    format: date-time\n    maxLength: 64\n"
    )
    for index in range(count):
        title = f"synthetic/s{index:04d}"
        directory = base / title
        directory.mkdir(parents=True)
        uses = "allOf:\n  - $ref: /fragment/common/1.0.0#\n" if index < 10 else ""
        (directory / "current.yaml").write_text(
            f"title: {title}\ndescription: Schema {index}.\n$id: /{title}/1.0.0\n{header}{uses}"
            f"required: [name]\nproperties:\n  name:\n    type: string\n    maxLength: 64\n"
            f"  count:\n    type: integer\n  tags:\n    type: array\n    items:\n      type: string\n"
        )
    run([SCHEMA_TOOLS, "materialize-all", "-q"], repo, env)
    git = ["git", "-c", "user.email=bench@example.org", "-c", "user.name=bench"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "synthetic"]):
        subprocess.run([*git, *args], cwd=repo, check=True)
    return repo


def new_version(repo: Path, title: str, env: dict[str, str]) -> None:
    """An author's change: a new property and version 1.1.0 in current.yaml, then materialize it."""
    current = repo / "jsonschema" / title / "current.yaml"
    text = current.read_text().replace("/1.0.0\n", "/1.1.0\n", 1)
    current.write_text(text + "  note:\n    type: string\n    maxLength: 10\n")
    run([SCHEMA_TOOLS, "materialize", "-q", str(current)], repo, env)


def bench_incremental(work: Path, runs: int, env: dict[str, str]) -> None:
    repos = {count: synthetic(work / f"synthetic-{count}", count, env) for count in (20, 2000)}
    for repo in repos.values():
        new_version(repo, "synthetic/s0015", env)
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)  # as a pre-commit hook sees it
    commands = {
        f"{count} schemas: test --{which} --no-cache": (
            [SCHEMA_TOOLS, "test", "-q", f"--{which}", "--no-cache"],
            repo,
        )
        for which in ("staged", "changed")
        for count, repo in repos.items()
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, repo) in commands.items():
            times[name].append(run(command, repo, env))
    large = repos[2000]
    full_cold = [
        run([SCHEMA_TOOLS, "test", "-q", "--no-cache"], large, env) for _ in range(max(1, runs // 3))
    ]
    new_version(large, "synthetic/s0016", env)  # the cache was filled before this change
    run([SCHEMA_TOOLS, "test", "-q"], large, env)
    new_version(large, "synthetic/s0017", env)
    full_warm = [run([SCHEMA_TOOLS, "test", "-q"], large, env)]
    print(f"one changed schema, synthetic repositories ({runs} interleaved runs, wall medians):")
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"  {name:44} {median * 1000:7.0f} ms")
    for which in ("staged", "changed"):
        small, big = (medians[f"{count} schemas: test --{which} --no-cache"] for count in (20, 2000))
        print(f"  ratio 2,000 / 20 schemas, --{which}: {big / small:.2f}x (target: about 1)")
    print(
        f"  for scale — 2,000 schemas, full test --no-cache: {statistics.median(full_cold) * 1000:.0f} ms; "
        f"full test from the cache after one more change: {full_warm[0] * 1000:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--reference-modules", metavar="DIR", help="an existing node_modules with the reference and mocha"
    )
    parser.add_argument("--skip-primary", action="store_true", help="only the synthetic benchmark")
    parser.add_argument(
        "--skip-synthetic", action="store_true", help="only the schemas-event-primary benchmark"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # As installed for real: bytecode cached (PYTHONDONTWRITEBYTECODE would recompile every module each run).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["SCHEMA_TOOLS_CACHE_DIR"] = str(work / "cache")
        if not args.skip_primary:
            if BUNDLE.is_file():
                bench_primary(work, reference_modules(work, args.reference_modules), args.runs, env)
            else:
                print(f"corpus {BUNDLE} is absent: the comparison with the reference is not measured")
        if not args.skip_synthetic:
            bench_incremental(work, args.runs, env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

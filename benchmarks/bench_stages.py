"""CPU time of each materialize stage, in-process, on a corpus (schemas-event-primary by default).

Materializes every current schema of the corpus in dependency order, as `materialize-all` does, with a
fresh resolver each round, and sums per stage the CPU time (`time.process_time`) of:

  load     reading and parsing the documents `$ref`s point to (resolver.load, cached within a round)
  deref    dereferencing, without `load`
  merge    merging allOf
  bounds   the copy and the numeric bounds
  example  generating the example
  yaml     writing YAML (js-yaml's format)
  json     writing JSON (json-stable-stringify's format)

and prints each stage's median and minimum over the rounds, and a digest of all the text written (it
must not change when only speed does). The machine's noise is large: compare minimums or medians of
interleaved runs.

Run:  .venv/bin/python benchmarks/bench_stages.py [--rounds 7] [--corpus PATH]
(PATH: a checkout of a schema repository; by default the bundle in ../shared is cloned to a temp dir.)
"""

from __future__ import annotations

import argparse
import copy
import gc
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT.parent / "shared" / "corpora" / "schemas-event-primary.bundle"
STAGES = ("load", "deref", "merge", "bounds", "example", "yaml", "json")


def run_round(corpus: Path, parsed: dict[Path, Any]) -> tuple[dict[str, float], str]:
    """One materialization of every schema: CPU seconds per stage, and the digest of the outputs."""
    from schema_tools.bounds import add_numeric_bounds
    from schema_tools.config import load_config
    from schema_tools.documents.tree import copy_tree
    from schema_tools.examples import generate_example
    from schema_tools.materialize import Materialized, Output, _is_empty, render
    from schema_tools.merge import merge_all_of
    from schema_tools.plan import Source, dependency_order, make_resolver
    from schema_tools.repository import lodash_get, schema_version_of
    from schema_tools.resolve import dereference

    config = load_config(cwd=corpus)
    clock = time.process_time
    totals = dict.fromkeys(STAGES, 0.0)
    resolver, overlay = make_resolver(config)
    load = resolver.load

    def timed_load(key: str) -> Any:
        started = clock()
        try:
            return load(key)
        finally:
            totals["load"] += clock() - started

    resolver.load = timed_load  # type: ignore[method-assign]
    digest = hashlib.sha256()
    sources = [Source(path, copy.deepcopy(schema)) for path, schema in parsed.items()]
    for source in dependency_order(sources, config):
        schema = source.schema
        version = schema_version_of(schema, config, source.path)
        had_examples = "examples" in schema
        started = clock()
        document = dereference(schema, resolver, path=str(source.path))
        dereferenced = clock()
        totals["deref"] += dereferenced - started
        document = merge_all_of(document)
        totals["merge"] += clock() - dereferenced
        if not had_examples:
            document.pop("examples", None)
        if config.enforced_numeric_bounds is not None:
            started = clock()
            document = copy_tree(document)
            add_numeric_bounds(document, config.enforced_numeric_bounds)
            totals["bounds"] += clock() - started
        if config.should_generate_example and _is_empty(document.get("examples")):
            started = clock()
            example = generate_example(document)
            if isinstance(example, dict) and "$schema" in example:
                example["$schema"] = lodash_get(document, config.schema_version_field)
            document["examples"] = [example]
            totals["example"] += clock() - started
        outputs = []
        for content_type in config.content_types:
            started = clock()
            text = render(document, content_type)
            totals["json" if content_type == "json" else "yaml"] += clock() - started
            outputs.append(Output(source.path.parent / f"{version}.{content_type}", content_type, text))
            digest.update(text.encode())
        overlay.add(Materialized(source.path, "", version, source.path.parent, document, tuple(outputs)), config)
    totals["deref"] -= totals["load"]
    return totals, digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            if not BUNDLE.is_file():
                print(f"corpus {BUNDLE} is absent: nothing to measure", file=sys.stderr)
                return 1
            corpus = Path(tmp) / "primary"
            subprocess.run(["git", "clone", "-q", str(BUNDLE), str(corpus)], check=True)
        corpus = corpus.resolve()
        os.chdir(corpus)
        from schema_tools.config import load_config
        from schema_tools.documents.load import load_file
        from schema_tools.repository import iter_schema_paths

        config = load_config(cwd=corpus)
        parsed = {path: load_file(path) for path, _current, _ct in iter_schema_paths(config, current_only=True)}
        figures: dict[str, list[float]] = {stage: [] for stage in STAGES}
        digests = set()
        for _ in range(args.rounds):
            gc.collect()
            totals, digest = run_round(corpus, parsed)
            digests.add(digest)
            for stage in STAGES:
                figures[stage].append(totals[stage] * 1000)
    print(f"{len(parsed)} schemas, {args.rounds} rounds; CPU ms per round, median / minimum:")
    for stage in STAGES:
        print(f"  {stage:8} {statistics.median(figures[stage]):7.1f} / {min(figures[stage]):7.1f}")
    main_stages = [sum(figures[s][i] for s in ("deref", "merge", "yaml", "json")) for i in range(args.rounds)]
    print(f"  deref+merge+yaml+json {statistics.median(main_stages):.1f} / {min(main_stages):.1f}")
    print(f"output digest: {', '.join(sorted(digests))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

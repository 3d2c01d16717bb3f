"""Client validation speed on schemas-event-primary's `mediawiki/revision/create` latest schema.

Prints CPU-time medians (events/s on one core) and the ratio to the issue's target of 300,000 valid
events/s per core, for:
  * `SchemaClient.validate(event)` on the schema's own example — the figure the target is about;
  * `SchemaClient.is_valid(event)`;
  * the bare compiled jsonschema-rs validator, as the anchor (what the client's own work costs is the gap);
  * `SchemaClient.validate` on an invalid event (wrong type + bad date-time), which collects all errors.

Rounds are interleaved (A B C D A B C D …) and the process is pinned to one CPU where the OS allows,
so a noisy, shared machine affects every contender alike.

Run:  .venv/bin/python benchmarks/bench_validate.py [--rounds 9] [--events 50000] [--repo PATH]
Without --repo the corpus is cloned from ../shared/corpora/schemas-event-primary.bundle.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BUNDLE = ROOT.parent / "shared" / "corpora" / "schemas-event-primary.bundle"
TARGET = 300_000
SCHEMA = "/mediawiki/revision/create/latest"


def events_per_second(check: Callable[[Any], object], event: Any, count: int) -> float:
    """Validate `event` `count` times; events per CPU second."""
    started = time.process_time()
    for _ in range(count):
        check(event)
    return count / (time.process_time() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--events", type=int, default=50_000, help="events per round and contender")
    parser.add_argument("--repo", type=Path,
                        help="a checkout of schemas-event-primary (default: clone the bundle)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory() as scratch:
        repo = args.repo
        if repo is None:
            if not BUNDLE.is_file():
                raise SystemExit(f"{BUNDLE} is absent: pass --repo PATH to a schemas-event-primary checkout")
            repo = Path(scratch) / "primary"
            subprocess.run(["git", "clone", "-q", str(BUNDLE), str(repo)], check=True)
        return run(repo / "jsonschema", args.rounds, args.events)


def run(base: Path, rounds: int, count: int) -> int:
    import jsonschema_rs

    from schema_tools.client import SchemaClient

    client = SchemaClient([str(base)])
    schema = client.schema(SCHEMA)
    valid = schema["examples"][0]
    invalid = copy.deepcopy(valid)
    invalid["page_id"] = "123"
    invalid["meta"]["dt"] = "yesterday"
    assert client.validate(valid).valid, "the schema's own example must be valid"
    assert len(client.validate(invalid).errors) == 2
    bare = jsonschema_rs.Draft7Validator(schema, validate_formats=True)
    contenders: dict[str, tuple[Callable[[Any], object], Any]] = {
        "client.validate, valid example": (client.validate, valid),
        "client.is_valid, valid example": (client.is_valid, valid),
        "bare jsonschema-rs is_valid (anchor)": (bare.is_valid, valid),
        "client.validate, invalid event (2 errors)": (client.validate, invalid),
    }
    figures: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, (check, event) in contenders.items():
            figures[name].append(events_per_second(check, event, count))
    print(f"schema {valid['$schema']} ({SCHEMA}) from {base}; jsonschema-rs, draft 7, formats on")
    print(f"{rounds} interleaved rounds of {count:,} events; CPU time; one core")
    print(f"{'contender':44} {'median ev/s':>12} {'min':>10} {'max':>10} {'/ 300k':>7}")
    for name, values in figures.items():
        median = statistics.median(values)
        print(f"{name:44} {median:12,.0f} {min(values):10,.0f} {max(values):10,.0f} {median / TARGET:7.2f}")
    median = statistics.median(figures["client.validate, valid example"])
    anchor = statistics.median(figures["bare jsonschema-rs is_valid (anchor)"])
    print(f"client overhead over the bare validator: {100 * (anchor / median - 1):.1f}%")
    verdict = "meets" if median >= TARGET else "misses"
    print(f"client.validate {verdict} the target: {median:,.0f} ev/s = {median / TARGET:.2f} x {TARGET:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

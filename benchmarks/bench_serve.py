"""Benchmark `schema-tools serve` against nginx serving the exported tree (issue 5's performance targets).

    python3 benchmarks/bench_serve.py [--rounds 3] [--duration 10] [--soak 60] [--candidates]
        [--corpus PATH]

Every server runs pinned to CPU 0 (`taskset -c 0`, one process, one worker) and `wrk -t1 -c32` to CPU 1,
on 127.0.0.1, in interleaved rounds; medians are printed. The URL is one versioned schema
(`/jsonschema/test/event/1.0.0`, extensionless, YAML) of schemas-event-primary. Targets:
requests/s ≥ 0.4x nginx's in the same run, p99 ≤ 5 ms; then a soak (`--soak` seconds, 64 connections):
0 errors and resident memory growth ≤ 10%.

`--candidates` also measures the alternatives the design was chosen against: the same pre-rendered
responses behind a raw ASGI callable on uvicorn (uvloop + httptools) and on granian, and our server on
asyncio's own event loop (no uvloop). Needs the Debian packages nginx-light and wrk (and uvicorn/granian
for --candidates); everything started is stopped by its PID at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
URL_PATH = "/jsonschema/test/event/1.0.0"
PREFIX = "/jsonschema"


# -- the raw ASGI candidate (uvicorn/granian import this module as `bench_serve:asgi_app`) ------------
def _make_asgi_app():  # type: ignore[no-untyped-def]
    """The same pre-rendered responses as `serve`, as a raw ASGI callable (no framework)."""
    from schema_tools.serve.server import Prepared
    from schema_tools.serve.tree import Source, build_tree

    tree = build_tree([Source(PREFIX, Path(os.environ["BENCH_SCHEMA_ROOT"]))])
    table = {}
    for path, resource in Prepared(tree).resources.items():
        _status, _, lines = resource.plain.head.partition(b"\r\n")  # the server writes its own status line
        headers = [tuple(line.split(b": ", 1)) for line in lines.split(b"\r\n")
                   if line and not line.startswith(b"Server:")]
        table[path] = (headers, resource.plain.body[2:])

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return
        found = table.get(scope["path"])
        if found is None:
            await send({"type": "http.response.start", "status": 404, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": found[0]})
        await send({"type": "http.response.body", "body": found[1]})

    return app


if os.environ.get("BENCH_SCHEMA_ROOT") and __name__ != "__main__":
    asgi_app = _make_asgi_app()


# -- running things ------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port} after {timeout} s")


def wrk(port: int, duration: str, connections: int = 32) -> dict[str, float]:
    """Run wrk on CPU 1; requests/s, p50/p99 in ms, and errors (socket errors + non-2xx)."""
    out = subprocess.run(
        ["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{duration}", "--latency",
         f"http://127.0.0.1:{port}{URL_PATH}"],
        capture_output=True, text=True, check=True,
    ).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])}  # type: ignore[index]
    for name, key in (("50%", "p50"), ("99%", "p99")):
        value, unit = re.search(rf"{name}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        result[key] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = errors + (int(non2xx[1]) if non2xx else 0)
    return result


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise SystemExit(f"no VmRSS for {pid}")


def start(name: str, argv: Sequence[str], port: int, env: dict[str, str] | None = None,
          cwd: Path | None = None) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(["taskset", "-c", "0", *argv], env=env, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for_port(port)
    except SystemExit:
        proc.kill()
        raise SystemExit(f"{name} did not start: {proc.communicate()[1].decode()[-2000:]}") from None
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop one started server and its worker children (its own process group), by PID."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def corpus_root(given: str | None, work: Path) -> Path:
    if given:
        return Path(given) / "jsonschema"
    bundle = PROJECT.parent / "shared" / "corpora" / "schemas-event-primary.bundle"
    if not bundle.is_file():
        raise SystemExit(f"no corpus: pass --corpus (a schemas-event-primary checkout) or provide {bundle}")
    subprocess.run(["git", "clone", "-q", str(bundle), str(work / "primary")], check=True)
    return work / "primary" / "jsonschema"


def report(results: dict[str, list[dict[str, float]]]) -> None:
    """One line per server: median, range and per-round requests/s, median latencies, errors."""
    columns = f"{'req/s median':>12} {'min - max':>17} {'p50 ms':>7} {'p99 ms':>7} errors  rounds"
    print(f"\n{'server':22} {columns}")
    for name, runs in results.items():
        rps = [r["rps"] for r in runs]
        p50 = statistics.median(r["p50"] for r in runs)
        p99 = statistics.median(r["p99"] for r in runs)
        rounds = " ".join(f"{r:,.0f}" for r in rps)
        print(f"{name:22} {statistics.median(rps):>12,.0f} {min(rps):>8,.0f}-{max(rps):<8,.0f} {p50:>7.2f} "
              f"{p99:>7.2f} {sum(int(r['errors']) for r in runs):>6}  {rounds}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--soak", type=int, default=60, help="seconds of the 64-connection soak (0: none)")
    parser.add_argument("--candidates", action="store_true", help="also measure uvicorn/granian raw ASGI")
    parser.add_argument("--corpus", help="a schemas-event-primary checkout (default: ../shared's bundle)")
    args = parser.parse_args()
    for tool in ("nginx", "wrk", "taskset"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (apt-get install nginx-light wrk)")

    from schema_tools.serve.export import export_tree
    from schema_tools.serve.nginx import standalone_config
    from schema_tools.serve.tree import Source, build_tree

    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    procs: dict[str, tuple[subprocess.Popen[bytes], int]] = {}
    try:
        root = corpus_root(args.corpus, work)
        export_tree(build_tree([Source(PREFIX, root)]), work / "export")
        env = {**os.environ, "PYTHONPATH": str(PROJECT), "BENCH_SCHEMA_ROOT": str(root)}
        python = sys.executable
        port = free_port()
        work.chmod(0o755)  # nginx's workers read the export as nginx's `user`
        (work / "nginx.conf").write_text(standalone_config(work / "export", f"127.0.0.1:{port}", work))
        procs["nginx"] = (start("nginx", ["nginx", "-c", str(work / "nginx.conf")], port), port)
        port = free_port()
        serve = [python, "-m", "schema_tools", "serve", str(root), "-p", PREFIX, "--port", str(port), "-q"]
        procs["schema-tools serve"] = (start("serve", serve, port, env), port)
        if args.candidates:
            port = free_port()
            no_uvloop = [python, "-c", "import asyncio, schema_tools.serve.server as s; "
                         "s.new_event_loop = asyncio.new_event_loop; from schema_tools.cli.main import main; "
                         f"raise SystemExit(main({[*serve[3:-3], '--port', str(port), '-q']!r}))"]
            procs["serve, asyncio loop"] = (start("serve-asyncio", no_uvloop, port, env), port)
            if shutil.which("uvicorn"):
                port = free_port()
                procs["uvicorn raw ASGI"] = (start("uvicorn", [
                    "uvicorn", "bench_serve:asgi_app", "--app-dir", str(PROJECT / "benchmarks"), "--port",
                    str(port), "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level",
                    "warning"], port, env), port)
            if shutil.which("granian"):
                port = free_port()
                procs["granian raw ASGI"] = (start("granian", [
                    "granian", "--interface", "asgi", "--port", str(port), "--workers", "1",
                    "--runtime-threads", "1", "--loop", "uvloop", "--no-ws", "--log-level", "warning",
                    "bench_serve:asgi_app"], port, env, cwd=PROJECT / "benchmarks"), port)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in procs}
        for round_number in range(args.rounds):
            for name, (_proc, port) in procs.items():
                results[name].append(wrk(port, args.duration))
            print(f"round {round_number + 1}/{args.rounds} done", file=sys.stderr)
        report(results)
        ours, nginx = results["schema-tools serve"], results["nginx"]
        # Rounds run the servers one after the other, so a round's ratio compares like with like.
        ratio = statistics.median(a["rps"] / b["rps"] for a, b in zip(ours, nginx, strict=True))
        p99 = statistics.median(r["p99"] for r in ours)
        verdicts = [f"ratio {ratio:.2f}x nginx (median of per-round ratios; target >= 0.40)",
                    f"p99 {p99:.2f} ms (median of rounds; target <= 5)"]
        ok = ratio >= 0.4 and p99 <= 5.0
        if args.soak:
            proc, port = procs["schema-tools serve"]
            before = rss_kib(proc.pid)
            soak = wrk(port, f"{args.soak}s", connections=64)
            after = rss_kib(proc.pid)
            growth = (after - before) / before
            verdicts.append(
                f"soak {args.soak} s x 64 connections: {soak['rps']:,.0f} req/s, "
                f"{int(soak['errors'])} errors, "
                f"RSS {before / 1024:.1f} -> {after / 1024:.1f} MiB ({growth:+.1%}; target <= +10%)"
            )
            ok = ok and soak["errors"] == 0 and growth <= 0.10
        print("\n" + "\n".join(verdicts) + f"\n{'PASS' if ok else 'FAIL'}")
        return 0 if ok else 1
    finally:
        for proc, _port in procs.values():
            stop(proc)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

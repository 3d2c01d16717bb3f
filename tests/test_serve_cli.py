"""`schema-tools serve` as a process: startup errors, several repositories, SIGHUP reload, SIGTERM."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_serve_support import make_repo, request

PROJECT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(PROJECT)}


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "schema_tools", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=60)


@contextmanager
def serving(*args: str, cwd: Path | None = None) -> Iterator[tuple[subprocess.Popen[str], int, list[str]]]:
    """Start `serve --port 0`, wait for its `listening on` line; stop it by PID however the test ends."""
    proc = subprocess.Popen([sys.executable, "-m", "schema_tools", "serve", "--port", "0", *args], cwd=cwd,
                            env=ENV, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if found:
                yield proc, int(found[1]), lines
                return
        raise AssertionError(f"serve did not start: {''.join(lines)}")
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
        if proc.stderr is not None:
            proc.stderr.close()


def test_sigterm_stops_cleanly(tmp_path: Path) -> None:
    """A running server answers, then exits 0 on SIGTERM, closing its keep-alive connections."""
    repo = make_repo(tmp_path / "repo")
    with serving(cwd=repo) as (proc, port, lines):
        assert request(port, "/demo/thing/1.1.0").status == 200
        idle = socket.create_connection(("127.0.0.1", port))
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
        assert idle.recv(1) == b""  # closed by the server, not left hanging
        idle.close()
        rest = proc.stderr.read() if proc.stderr else ""
        assert "stopped" in rest and "Traceback" not in rest
        assert any(f"serving {repo / 'jsonschema'} at" in line for line in lines)


def test_several_repositories_under_their_prefixes(tmp_path: Path) -> None:
    first, second = make_repo(tmp_path / "one"), make_repo(tmp_path / "two")
    (second / "jsonschema/demo/thing/1.1.0.yaml").rename(second / "jsonschema/demo/thing/1.0.1.yaml")
    args = (str(first), str(second / "jsonschema"), "-p", "/one/jsonschema", "-p", "/two")
    with serving(*args) as (proc, port, _):
        assert request(port, "/one/jsonschema/demo/thing/latest").body.startswith(b"title: demo/thing")
        latest = request(port, "/two/demo/thing/latest.json")
        assert latest.body == request(port, "/two/demo/thing/1.0.1.json").body
        assert request(port, "/two/demo/thing/1.1.0").status == 404
        assert request(port, "/one/jsonschema/demo/thing/1.1.0").status == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0


def test_sighup_rereads_the_repositories(tmp_path: Path) -> None:
    """A version published after startup is served after SIGHUP; latest follows."""
    repo = make_repo(tmp_path / "repo")
    with serving(str(repo)) as (proc, port, _):
        assert request(port, "/demo/thing/1.2.0").status == 404
        (repo / "jsonschema/demo/thing/1.2.0.yaml").write_text("title: demo/thing\n$id: /demo/thing/1.2.0\n")
        proc.send_signal(signal.SIGHUP)
        assert proc.stderr is not None and "reloaded" in proc.stderr.readline()
        assert request(port, "/demo/thing/1.2.0").status == 200
        assert b"1.2.0" in request(port, "/demo/thing/latest").body
        proc.terminate()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["nope"], 1, "nope: does not exist or is not a directory"),
        (["empty"], 1, "no schema versions to serve"),
        (["repo", "repo", "-p", "/a"], 2, "give each its own --prefix"),
        (["repo", "-p", "/a/../b"], 1, "must be letters"),
        (["repo", "--port", "70000"], 2, "--port must be between"),
    ],
)
def test_startup_fails_loudly(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    make_repo(tmp_path / "repo")
    (tmp_path / "empty").mkdir()
    result = run_cli("serve", *args, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (code, "")
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_taken_port_is_an_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_cli("serve", str(repo), "--port", str(taken.getsockname()[1]))
    assert result.returncode == 1 and "cannot listen on 127.0.0.1:" in result.stderr

"""Sharing jobs with a forked child: same results, same order, errors that survive the trip."""

from __future__ import annotations

import os

import pytest

from schema_tools.errors import RefError, SchemaToolsError
from schema_tools.parallel import MIN_JOBS_TO_SHARE, map_in_two


def square_with_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_results_keep_their_order_and_half_run_in_a_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """Results come back in input order; the odd-numbered jobs ran in another process."""
    monkeypatch.setenv("SCHEMA_TOOLS_JOBS", "2")
    items = list(range(MIN_JOBS_TO_SHARE + 3))
    results = map_in_two(square_with_pid, items)
    assert [value for value, _pid in results] == [n * n for n in items]
    pids = {pid for _value, pid in results[1::2]}
    assert pids and os.getpid() not in pids
    assert {pid for _value, pid in results[0::2]} == {os.getpid()}


def test_one_job_setting_runs_everything_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """SCHEMA_TOOLS_JOBS=1 (and short lists) never fork."""
    monkeypatch.setenv("SCHEMA_TOOLS_JOBS", "1")
    results = map_in_two(square_with_pid, list(range(MIN_JOBS_TO_SHARE * 2)))
    assert {pid for _value, pid in results} == {os.getpid()}


def ref_error(n: int) -> tuple[int, SchemaToolsError | None]:
    if n % 2:
        return n, RefError(
            "cannot resolve $ref '/x/1.0.0'", ref="/x/1.0.0", tried=["file:///a"], path="s.yaml", pointer="/$ref"
        )
    return n, None


def test_errors_from_the_child_keep_message_and_location(monkeypatch: pytest.MonkeyPatch) -> None:
    """A RefError raised in the child comes back as a SchemaToolsError with the same text."""
    monkeypatch.setenv("SCHEMA_TOOLS_JOBS", "2")
    results = map_in_two(ref_error, list(range(MIN_JOBS_TO_SHARE)))
    errors = [error for _n, error in results if error is not None]
    assert len(errors) == MIN_JOBS_TO_SHARE // 2
    assert {str(e) for e in errors} == {"s.yaml::/$ref: cannot resolve $ref '/x/1.0.0' (tried: file:///a)"}


def explode_in_child(n: int) -> int:
    if n % 2 and os.environ.get("PARENT_PID") != str(os.getpid()):
        raise MemoryError("child only")
    return n


def test_a_failing_child_is_redone_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected failure in the child makes the parent run the child's share itself."""
    monkeypatch.setenv("SCHEMA_TOOLS_JOBS", "2")
    monkeypatch.setenv("PARENT_PID", str(os.getpid()))
    assert map_in_two(explode_in_child, list(range(MIN_JOBS_TO_SHARE))) == list(range(MIN_JOBS_TO_SHARE))

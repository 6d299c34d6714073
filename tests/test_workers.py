"""Supervised workers: a task that kills, exhausts or outlasts its worker
fails alone, the worker is replaced, the other paths are done."""

from __future__ import annotations

import os
import signal
import time

import pytest

from litkg.extractor.batch import Failure
from litkg.extractor.workers import Limits, WorkerError, WorkerPool, parse_size


def poison_task(path: str) -> str | Failure:
    """A stand-in for extraction: paths named for what they do to the worker."""
    name = os.path.basename(path)
    if name == "exit":
        os._exit(3)
    if name == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if name == "abort":
        os.abort()
    if name == "hog":
        blocks = []
        while True:  # until the address-space limit refuses more
            blocks.append(bytearray(64 * 1024**2))
    if name == "sleep":
        time.sleep(60)
    if name == "raise":
        raise RuntimeError("a bug in a component")
    return f"{name}@{os.getpid()}"


def heavy_start() -> None:
    """A stand-in for building the pipeline: needs about 200 MB."""
    bytearray(200 * 1024**2)


def _run(paths: list[str], jobs: int = 1, **limits: object) -> dict[str, object]:
    pool = WorkerPool(jobs, poison_task, Limits(**limits))  # type: ignore[arg-type]
    return {(r.path if isinstance(r, Failure) else r.split("@")[0]): r for r in pool.run(paths)}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_kills_its_worker_fails_alone(jobs: int) -> None:
    paths = ["a", "exit", "b", "kill", "c", "abort", "d", "raise", "e"]
    res = _run(paths, jobs, memory=None, timeout=30)
    assert set(res) == set(paths)
    stages = {p: r.stage for p, r in res.items() if isinstance(r, Failure)}
    assert stages == {"exit": "worker", "kill": "worker", "abort": "worker", "raise": "extract"}
    assert "SIGKILL" in res["kill"].message  # type: ignore[union-attr]
    assert "SIGABRT" in res["abort"].message  # type: ignore[union-attr]
    assert "code 3" in res["exit"].message  # type: ignore[union-attr]
    assert "a bug in a component" in res["raise"].message  # type: ignore[union-attr]


def test_workers_stay_alive_across_files_and_are_replaced_only_when_they_die() -> None:
    res = _run(["a", "b", "c", "kill", "d", "e"], 1, memory=None, timeout=30)
    pid = {p: str(r).split("@")[1] for p, r in res.items() if not isinstance(r, Failure)}
    assert pid["a"] == pid["b"] == pid["c"]
    assert pid["d"] == pid["e"] != pid["a"]


def test_a_worker_that_dies_between_files_loses_no_file() -> None:
    pool = WorkerPool(1, poison_task, Limits(memory=None, timeout=30))
    results = pool.run(["a", "b", "c"])
    first = next(results)  # the generator waits here: the only worker is idle
    victim = pool.workers[0].proc
    victim.kill()
    victim.join(5)
    rest = list(results)
    assert not any(isinstance(r, Failure) for r in [first, *rest])
    assert sorted(r.split("@")[0] for r in [first, *rest]) == ["a", "b", "c"]


def test_a_file_over_the_memory_limit_is_a_failure_naming_the_limit() -> None:
    res = _run(["a", "hog", "b"], 1, memory=parse_size("300M"), timeout=60)
    hog = res["hog"]
    assert isinstance(hog, Failure) and hog.stage == "memory"
    assert "300 MB" in hog.message and "--max-memory" in hog.message
    assert not isinstance(res["b"], Failure)


def test_a_file_over_the_time_limit_is_a_failure_and_the_worker_is_replaced() -> None:
    t0 = time.monotonic()
    res = _run(["a", "sleep", "b"], 1, memory=None, timeout=2)
    assert time.monotonic() - t0 < 30
    sleep = res["sleep"]
    assert isinstance(sleep, Failure) and sleep.stage == "timeout"
    assert "2 s" in sleep.message and "--timeout-per-file" in sleep.message
    assert not isinstance(res["b"], Failure)


def test_the_memory_limit_never_exceeds_the_inherited_one() -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, hard))
        assert Limits(memory=8 * 1024**3).effective_memory() == 3 * 1024**3
        assert Limits(memory=1024**3).effective_memory() == 1024**3
        assert Limits(memory=None).effective_memory() == 3 * 1024**3
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_workers_that_cannot_even_start_are_one_clear_error() -> None:
    pool = WorkerPool(
        1, poison_task, Limits(memory=parse_size("100M"), timeout=30), warm=heavy_start
    )
    with pytest.raises(WorkerError, match="--max-memory"):
        list(pool.run(["a", "b"]))


def test_sizes() -> None:
    assert parse_size("2G") == 2 * 1024**3
    assert parse_size("512m") == 512 * 1024**2
    assert parse_size("1.5GB") == int(1.5 * 1024**3)
    assert parse_size("none") is None
    with pytest.raises(ValueError):
        parse_size("lots")

"""Supervised worker processes: one file that kills or exhausts its worker
becomes one `Failure`, not a dead build.

Every file is read and extracted in a child process (with one job too), each
child under its own memory limit (`RLIMIT_AS`, never above what this process
inherited) and each file under a wall-clock limit watched by the parent. A
worker builds the spaCy pipeline once and stays alive across files; it is
replaced only when it dies (killed, crashed, out of memory, over time).
Workers ignore Ctrl-C (the parent stops them) and die with the parent
(`PR_SET_PDEATHSIG` on Linux, and the end of their pipe everywhere).
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import multiprocessing as mp
import os
import re
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from litkg.extractor.batch import Failure

#: Defaults a user would expect for one paper.
DEFAULT_MAX_MEMORY = 2 * 1024**3
DEFAULT_TIMEOUT = 300.0

_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


class WorkerError(RuntimeError):
    """Workers that cannot start at all (the message says why and what to change)."""


def parse_size(text: str) -> int | None:
    """`2G`, `512M`, `1.5GB`, `3000000000` as bytes; `0`, `none`, `unlimited` as None."""
    t = text.strip().lower()
    if t in ("0", "none", "unlimited", "off"):
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?", t)
    if not m:
        raise ValueError(f"{text!r} is not a size (e.g. 2G, 512M, or none)")
    return int(float(m.group(1)) * _UNITS[m.group(2)])


def human_size(n: int) -> str:
    """Bytes as `2.0 GB` / `512 MB`."""
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GB"
    return f"{n / 1024**2:.0f} MB"


@dataclass(frozen=True)
class Limits:
    """Per-file limits: bytes of address space per worker, seconds per file
    (None: no limit of litkg's own)."""

    memory: int | None = DEFAULT_MAX_MEMORY
    timeout: float | None = DEFAULT_TIMEOUT

    def effective_memory(self) -> int | None:
        """The memory limit, lowered to the one this process inherited."""
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        inherited = [x for x in (soft, hard) if x != resource.RLIM_INFINITY]
        limits = [*inherited, *([self.memory] if self.memory else [])]
        return min(limits) if limits else None


# --- the child --------------------------------------------------------------


def _die_with_parent() -> None:
    with contextlib.suppress(Exception):  # Linux only; elsewhere the pipe's end stops us
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _limit_memory(limit: int | None) -> None:
    if not limit:
        return
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(
    conn: Connection,
    task: Callable[[str], Any],
    memory: int | None,
    warm: Callable[[], None] | None,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not (os.environ.get("PYTHONFAULTHANDLER") or "faulthandler" in sys._xoptions):
        faulthandler.disable()  # a forked worker as a spawned one: no dump of its own
    _die_with_parent()
    _limit_memory(memory)
    if warm is not None:
        warm()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if path is None:
            return
        try:
            res = task(path)
        except MemoryError:
            res = Failure(path, "memory", "MemoryError")
        except Exception as e:  # a task that raises must not take the worker down
            res = Failure(path, "extract", f"{type(e).__name__}: {e}")
        out_of_memory = isinstance(res, Failure) and res.message.startswith("MemoryError")
        if out_of_memory:
            res = Failure(res.path, "memory", _memory_message(memory))
        try:
            conn.send(res)
        except MemoryError:
            conn.send(Failure(path, "memory", _memory_message(memory)))
            out_of_memory = True
        if out_of_memory:
            return  # a worker that ran out of memory is replaced, not trusted again


def _memory_message(memory: int | None) -> str:
    limit = human_size(memory) if memory else "the system's"
    return (
        f"ran out of memory (limit {limit} per file); "
        "raise it with --max-memory if the file is a genuine paper"
    )


# --- the parent -------------------------------------------------------------


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    ready: bool = False
    path: str | None = None
    started: float = 0.0


def _death_reason(exitcode: int | None, memory: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return (
                f"the worker reading this file was killed ({name}; the system's out-of-memory "
                f"killer or another process); other files went on"
            )
        limit = f" under the {human_size(memory)} memory limit" if memory else ""
        return f"the worker reading this file crashed ({name}{limit}); other files went on"
    return f"the worker reading this file exited (code {exitcode}); other files went on"


def start_method() -> str:
    """How a worker process starts: forked from a single-threaded parent on
    Linux (no new interpreter, no re-import of litkg and the command line, no
    resource-tracker process: `litkg extract` starts ~0.1 CPU-s sooner),
    spawned otherwise (a parent with threads, such as a build holding its
    RocksDB store open, cannot fork safely; other systems spawn by default)."""
    if not sys.platform.startswith("linux"):
        return "spawn"
    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:
        return "spawn"
    return "fork" if threads == 1 else "spawn"


class WorkerPool:
    """`jobs` supervised worker processes running `task(path)` (see the module
    docstring); `run(paths)` yields one result or `Failure` per path, in
    completion order."""

    def __init__(
        self,
        jobs: int,
        task: Callable[[str], Any],
        limits: Limits | None = None,
        warm: Callable[[], None] | None = None,
    ) -> None:
        self.jobs = max(1, jobs)
        self.task = task
        self.limits = limits or Limits()
        self.memory = self.limits.effective_memory()
        self.warm = warm
        self.workers: list[_Worker] = []
        self._births_without_ready = 0

    def _start(self) -> _Worker:
        ctx = mp.get_context(start_method())
        if ctx.get_start_method() == "fork":
            # a forked child inherits unwritten output: written once, here
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=_worker_main,
            args=(child, self.task, self.memory, self.warm),
            daemon=True,
            name="litkg-worker",
        )
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _stop(self, w: _Worker, kill: bool = False) -> None:
        if kill:
            with contextlib.suppress(Exception):
                w.proc.kill()
        else:
            with contextlib.suppress(Exception):
                w.conn.send(None)
        w.proc.join(0.5 if not kill else 5)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join(5)
        w.conn.close()

    def _replace(self, w: _Worker) -> None:
        if not w.ready:
            self._births_without_ready += 1
            if self._births_without_ready >= 3:
                limit = f" under the {human_size(self.memory)} memory limit" if self.memory else ""
                raise WorkerError(
                    f"extraction workers die while starting{limit} "
                    f"(exit code {w.proc.exitcode}); raise --max-memory"
                )
        self._stop(w, kill=True)
        self.workers[self.workers.index(w)] = self._start()

    def run(self, paths: Iterable[str]) -> Iterator[Any]:
        """Run the task on every path; yields results in completion order."""
        todo = deque(str(p) for p in paths)
        if not todo:
            return
        try:
            self.workers = [self._start() for _ in range(min(self.jobs, len(todo)))]
            busy = 0
            while todo or busy:
                for w in self.workers:
                    if w.ready and w.path is None and todo and w.proc.is_alive():
                        path = todo.popleft()
                        try:
                            w.conn.send(path)
                        except OSError:  # it died idle: the file goes to the next worker
                            todo.appendleft(path)
                            continue
                        w.path, w.started = path, time.monotonic()
                        busy += 1
                timeout = self._next_deadline()
                objs: dict[Any, tuple[_Worker, str]] = {}
                for w in self.workers:
                    objs[w.conn] = (w, "conn")
                    objs[w.proc.sentinel] = (w, "dead")
                ready = wait(list(objs), timeout)
                handled: set[int] = set()
                for obj in sorted(ready, key=lambda o: objs[o][1] != "conn"):
                    w, kind = objs[obj]
                    if id(w) in handled:
                        continue
                    if kind == "conn":
                        try:
                            msg = w.conn.recv()
                        except (EOFError, OSError):
                            continue  # the worker died: its sentinel says so
                        if isinstance(msg, tuple) and msg and msg[0] == "ready":
                            w.ready = True
                            self._births_without_ready = 0
                            continue
                        w.path = None
                        busy -= 1
                        if isinstance(msg, Failure) and msg.stage == "memory":
                            handled.add(id(w))
                            self._replace(w)  # it exits: a worker out of memory is not reused
                        yield msg
                        continue
                    handled.add(id(w))
                    w.proc.join(1)
                    if w.path is not None:
                        busy -= 1
                        yield Failure(w.path, "worker", _death_reason(w.proc.exitcode, self.memory))
                    if todo or busy:
                        self._replace(w)
                for w in list(self.workers):
                    if w.path is not None and self._over_time(w):
                        path, seconds = w.path, self.limits.timeout
                        busy -= 1
                        w.path = None
                        self._replace(w)
                        yield Failure(
                            path,
                            "timeout",
                            f"took longer than {seconds:g} s (the per-file limit); "
                            "raise it with --timeout-per-file if the file is a genuine paper",
                        )
        finally:
            self.close()

    def _over_time(self, w: _Worker) -> bool:
        t = self.limits.timeout
        return bool(t) and time.monotonic() - w.started > t  # type: ignore[operator]

    def _next_deadline(self) -> float | None:
        t = self.limits.timeout
        starts = [w.started for w in self.workers if w.path is not None]
        if not t or not starts:
            return None
        return max(0.0, min(starts) + t - time.monotonic()) + 0.01

    def close(self) -> None:
        """Stop every worker (idle ones politely, busy ones at once)."""
        for w in self.workers:
            self._stop(w, kill=w.path is not None or not w.proc.is_alive())
        self.workers = []

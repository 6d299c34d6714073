"""`litkg build` against files that kill, exhaust or outlast their worker,
and against being stopped: the culprit is named, the rest is stored, the
build ends with its summary, and reruns do not retry unchanged poison."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litkg.extractor.workers import Limits, WorkerPool
from litkg.kg.corpus_build import build_corpus
from litkg.kg.manifest import load_manifest
from litkg.kg.store import open_store, paper_graph_names

CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text"
EPOCH = "1700000000"
CLI = [sys.executable, "-m", "litkg.cli", "build"]


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _papers(tmp: Path, n: int = 3) -> Path:
    src = tmp / "papers"
    src.mkdir()
    for p in sorted(CORPUS_TEXT.glob("*.txt"))[:n]:
        shutil.copy(p, src / p.name)
    return src


def _huge_text(path: Path, chars: int = 1_800_000) -> Path:
    """Plain sentences enough to need far more memory than a small limit allows
    (below litkg's own character limit, so that the memory limit is what stops it)."""
    rng = random.Random(7)
    words = [
        "patients",
        "were",
        "randomly",
        "assigned",
        "to",
        "placebo",
        "or",
        "the",
        "study",
        "drug",
        "and",
        "survival",
    ]
    parts, n = ["A long report\n\nMethods\n"], 0
    while n < chars:
        s = " ".join(rng.choice(words) for _ in range(16)) + ". "
        parts.append(s)
        n += len(s)
    path.write_text("".join(parts), encoding="utf-8")
    return path


def worker_address_space(_path: str) -> int:
    """Bytes of address space a build worker holds before its first file."""
    import litkg.kg.corpus_build  # noqa: F401 - what a build worker imports

    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmSize")


def _tight_memory_limit() -> int:
    """A limit a little above what a started worker needs, so that one big
    document exhausts it within seconds on any machine."""
    from litkg.extractor.parallel import _warm

    pool = WorkerPool(1, worker_address_space, Limits(memory=None, timeout=120), warm=_warm)
    (base,) = list(pool.run(["-"]))
    return base + 60 * 1024**2


def test_a_file_exhausting_its_worker_is_named_and_not_retried_unless_asked(
    tmp_path: Path,
) -> None:
    src = _papers(tmp_path, 2)
    hog = _huge_text(src / "zz_proceedings.txt")
    out = tmp_path / "out"
    limits = Limits(memory=_tight_memory_limit(), timeout=120)

    first = build_corpus([src], out, limits=limits)
    assert len(first.extracted) == 2
    assert [(Path(f.path).name, f.stage) for f in first.failures] == [
        ("zz_proceedings.txt", "memory")
    ]
    assert "--max-memory" in first.failures[0].message
    errors = json.loads((out / "errors.json").read_text())
    assert [(Path(e["path"]).name, e["stage"]) for e in errors] == [
        ("zz_proceedings.txt", "memory")
    ]
    assert (out / "graph.trig").is_file()
    with open_store(out / "store", read_only=True) as s:
        assert len(paper_graph_names(s)) == 2

    again = build_corpus([src], out, limits=limits)
    assert (len(again.extracted), len(again.unchanged)) == (0, 2)
    assert again.known_failures == [str(hog)]
    assert "not retried" in again.summary()
    assert json.loads((out / "errors.json").read_text())[0]["stage"] == "memory"

    retried = build_corpus([src], out, limits=limits, retry_failed=True)
    assert [f.stage for f in retried.failures] == ["memory"] and not retried.known_failures

    hog.write_text("A short paper\n\nResults\nOverall survival at 12 months was 50%.\n")
    changed = build_corpus([src], out, limits=limits)
    assert changed.extracted == [str(hog)] and not changed.failures


def test_a_document_over_the_character_limit_is_refused_with_how_to_raise_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _papers(tmp_path, 1)
    _huge_text(src / "thesis.txt", chars=60_000)
    monkeypatch.setenv("LITKG_MAX_CHARS", "50000")
    report = build_corpus([src], tmp_path / "out")
    assert len(report.extracted) == 1
    (f,) = report.failures
    assert f.stage == "size" and "50,000" in f.message and "LITKG_MAX_CHARS=" in f.message


def _children(pid: int) -> list[int]:
    """The extraction workers of process `pid` (not multiprocessing's resource tracker)."""
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    workers = []
    for child in (int(x) for x in out.split()):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            workers.append(child)
    return workers


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead too
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _start_build(
    src: Path, out: Path, jobs: str, output: int = subprocess.PIPE
) -> subprocess.Popen:
    """`litkg build SRC -o OUT --jobs N` in the background, with a frozen run time."""
    return subprocess.Popen(
        [*CLI, str(src), "-o", str(out), "--jobs", jobs],
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        stdout=output,
        stderr=output,
        text=True,
    )


def _wait_for_papers(out: Path, proc: subprocess.Popen, n: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if (out / "manifest.jsonl").is_file() and len(load_manifest(out)) >= n:
            return
        time.sleep(0.02)
    pytest.fail("the build did not store papers in time (or finished too early)")


def _copies(tmp: Path, n: int) -> Path:
    src = tmp / "papers"
    src.mkdir()
    texts = sorted(CORPUS_TEXT.glob("*.txt"))
    for i in range(n):
        p = texts[i % len(texts)]
        body = p.read_text(encoding="utf-8").replace("10.", f"10.{i}", 1)
        (src / f"{i:02d}_{p.name}").write_text(body, encoding="utf-8")
    return src


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_worker_killed_mid_build_fails_its_file_only(tmp_path: Path, jobs: str) -> None:
    src = _copies(tmp_path, 12)
    out = tmp_path / "out"
    proc = _start_build(src, out, jobs)
    _wait_for_papers(out, proc, 1)
    victim = _children(proc.pid)[0]
    os.kill(victim, signal.SIGKILL)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    errors = json.loads((out / "errors.json").read_text())
    # the worker held a file (it fails alone) or was idle between two (none is lost);
    # test_workers.py pins each case down deterministically
    assert len(errors) <= 1
    if errors:
        assert errors[0]["stage"] == "worker" and "SIGKILL" in errors[0]["message"]
        assert "11 extracted" in err and "1 failed" in err
    else:
        assert "12 extracted" in err and "0 failed" in err
    assert len(load_manifest(out)) == 12 - len(errors) and (out / "graph.trig").is_file()


def test_sigterm_stops_like_ctrl_c_and_publishes_what_was_stored(tmp_path: Path) -> None:
    src = _copies(tmp_path, 16)
    out = tmp_path / "out"
    proc = _start_build(src, out, "2")
    _wait_for_papers(out, proc, 2)
    workers = _children(proc.pid)
    assert workers
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    stored = len(load_manifest(out))
    assert 2 <= stored < 16
    with open_store(out / "store", read_only=True) as s:  # readers see the stored papers
        assert len(paper_graph_names(s)) == stored
    time.sleep(0.5)
    assert not any(_alive(w) for w in workers)


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    src = _copies(tmp_path, 16)
    out = tmp_path / "out"
    proc = _start_build(src, out, "2", subprocess.DEVNULL)
    _wait_for_papers(out, proc, 1)
    workers = _children(proc.pid)
    assert workers
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_a_text_file_certainly_too_long_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from litkg.extractor import parallel

    monkeypatch.setenv("LITKG_MAX_CHARS", "1000")
    big = tmp_path / "volume.txt"
    big.write_text("x" * 4001)

    def never(path):
        raise AssertionError("read although its size alone proves it too long")

    monkeypatch.setattr("litkg.extractor.ingest.load_document", never)
    res = parallel.extract_one(str(big))
    assert res.stage == "size" and "LITKG_MAX_CHARS=" in res.message


def test_a_stop_while_a_paper_is_written_waits_for_its_manifest_line() -> None:
    from litkg.kg.corpus_build import _interrupts_deferred, _sigterm_as_interrupt

    written: list[str] = []
    with pytest.raises(KeyboardInterrupt), _sigterm_as_interrupt(), _interrupts_deferred():
        written.append("graph")
        os.kill(os.getpid(), signal.SIGTERM)  # the stop arrives mid-paper
        time.sleep(0.05)
        written.append("manifest")
    assert written == ["graph", "manifest"]
    # Ctrl-C as a terminal's foreground job meets it (a suite started in the
    # background inherits SIGINT ignored, which must stay ignored: next test)
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt), _interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            written.append("record")
    finally:
        signal.signal(signal.SIGINT, old)
    assert written[-1] == "record"


def test_an_ignored_ctrl_c_stays_ignored_while_a_paper_is_written() -> None:
    from litkg.kg.corpus_build import _interrupts_deferred

    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with _interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, old)


@pytest.mark.parametrize(
    "exhaust",
    [MemoryError(), OSError(12, "Cannot allocate memory")],
    ids=["MemoryError", "ENOMEM"],
)
def test_running_out_of_memory_while_reading_is_a_memory_failure_not_a_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exhaust: BaseException
) -> None:
    from litkg.extractor import ingest
    from litkg.extractor.parallel import extract_one

    def reader(_path: Path) -> None:
        raise exhaust

    monkeypatch.setitem(ingest.READERS, ".txt", reader)
    paper = tmp_path / "paper.txt"
    paper.write_text("A paper\n")
    with pytest.raises(MemoryError):
        ingest.load_document(paper)
    failure = extract_one(str(paper))
    assert (failure.stage, failure.message.startswith("MemoryError")) == ("memory", True)

"""`litkg extract A B C` reads each file in a supervised worker, as `build`
does: a file that exhausts or outlasts its worker is named with the reason, the other
files' records are printed in input order, and the command ends normally."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_build_isolation import CORPUS_TEXT, _huge_text

from litkg.cli import cli
from litkg.extractor.parallel import _warm
from litkg.extractor.workers import Limits, WorkerPool


def address_space(_path: str) -> int:
    """Bytes of address space an extract worker holds before its first file."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmSize")


def _tight_memory_limit() -> int:
    pool = WorkerPool(1, address_space, Limits(memory=None, timeout=120), warm=_warm)
    (base,) = list(pool.run(["-"]))
    return base + 60 * 1024**2


def test_a_file_exhausting_its_worker_does_not_stop_extract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = sorted(CORPUS_TEXT.glob("*.txt"))
    a = Path(shutil.copy(texts[0], tmp_path / "b_first.txt"))
    monkeypatch.setenv("LITKG_MAX_CHARS", "0")  # the memory limit is what must stop it
    hog = _huge_text(tmp_path / "a_proceedings.txt", chars=4_000_000)
    c = Path(shutil.copy(texts[1], tmp_path / "c_last.txt"))
    limit = _tight_memory_limit()
    r = CliRunner().invoke(
        cli,
        ["extract", str(a), str(hog), str(c), "--max-memory", str(limit), "--jobs", "2",
         "--timeout-per-file", "40"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec["document"] for rec in records] == ["b_first", "c_last"]
    # whichever limit the proceedings volume reaches first (the machine decides)
    assert f"{hog}: [memory]" in r.stderr or f"{hog}: [timeout]" in r.stderr, r.stderr
    assert "--max-memory" in r.stderr or "--timeout-per-file" in r.stderr
    assert "2 done, 1 failed" in r.stderr


def test_extract_limits_are_checked(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["extract", str(tmp_path), "--max-memory", "lots"])
    assert r.exit_code == 2 and "--max-memory" in r.output

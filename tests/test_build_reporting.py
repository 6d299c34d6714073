"""What `litkg build` says (issue 14 items 4 and 11): the paper graphs it
wrote are validated and the summary says so; a build with nothing to do says
"nothing to do"; files that are not papers are listed once as skipped; a
build whose inputs do not exist creates nothing; a log line per file when
standard error is not a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal

import litkg.kg.corpus_build as corpus_build
from litkg.cli import cli
from litkg.kg.corpus_build import build_corpus
from litkg.ontology.namespace import LKG

PAPER = """TITLE: Drug Y for relapsed lymphoma: a single-arm phase 2 study

Methods
We enrolled 30 patients with relapsed lymphoma and treated them with drug Y.

Results
The overall response rate was 40% (12 of 30 patients).
"""


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _folder(tmp: Path) -> Path:
    src = tmp / "papers"
    src.mkdir()
    (src / "trial.txt").write_text(PAPER, encoding="utf-8")
    return src


def test_build_validates_what_it_wrote_and_nothing_on_a_rebuild(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    first = build_corpus([src], tmp_path / "out", isolate=False)
    assert first.validated == 1 and not first.violations
    assert "validated 1 paper graph: 0 violations" in first.summary()
    again = build_corpus([src], tmp_path / "out", isolate=False)
    assert again.validated == 0 and "validated" not in again.summary()
    assert again.summary().startswith("nothing to do: 1 unchanged")
    assert "papers/s" not in again.summary()


def test_build_names_the_violations_of_a_paper_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = corpus_build.paper_graph

    def broken(record, meta, run):
        iri, g = real(record, meta, run)
        for src in list(g.objects(iri, LKG.source)):
            g.add((src, LKG.sha256, Literal("not a hash")))
        return iri, g

    monkeypatch.setattr(corpus_build, "paper_graph", broken)
    src = _folder(tmp_path)
    report = build_corpus([src], tmp_path / "out", isolate=False)
    text = report.summary()
    assert report.validated == 1
    (found,) = report.violations.values()
    assert "SHA-256" in " ".join(found)
    assert f"validated 1 paper graph: {len(found)} violation" in text
    assert f"  {src / 'trial.txt'}: a source document has its SHA-256" in text
    assert not build_corpus([src], tmp_path / "out2", isolate=False, validate=False).validated


def test_files_that_are_not_papers_are_listed_once_as_skipped(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    (src / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (src / "sub").mkdir()
    (src / "sub" / "make.py").write_text("print(1)\n", encoding="utf-8")
    (src / "README.md").write_text("# papers\n", encoding="utf-8")
    (src / ".hidden").write_text("x", encoding="utf-8")
    report = build_corpus([src], tmp_path / "out", isolate=False)
    lines = [ln for ln in report.summary().splitlines() if "skipped" in ln]
    assert lines == [
        f"skipped 3 files that litkg does not read as papers: {src / 'README.md'}, "
        f"{src / 'notes.csv'}, {src / 'sub' / 'make.py'}"
    ]
    assert len(report.extracted) == 1 and not report.failures


def test_a_build_of_missing_inputs_creates_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["build", str(tmp_path / "nope.pdf"), "-o", str(out)])
    assert r.exit_code == 1
    assert "nope.pdf" in r.stderr and "no such file" in r.stderr
    assert "nothing was built" in r.stderr
    assert not out.exists()


def test_missing_inputs_never_prune_an_existing_build(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    out = tmp_path / "out"
    build_corpus([src], out, isolate=False)
    before = sorted(p.name for p in (out / "records").iterdir())
    report = build_corpus([tmp_path / "typo"], out, isolate=False, prune=True)
    assert report.nothing_read and not report.removed
    assert sorted(p.name for p in (out / "records").iterdir()) == before


def test_build_logs_a_line_per_file_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    out = tmp_path / "out"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    cmd = [sys.executable, "-m", "litkg.cli", "build", str(src), "-o", str(out), "--no-validate"]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"build [1/1] {src / 'trial.txt'}: " in r.stderr and " triples (" in r.stderr
    again = subprocess.run([*cmd[:3], "-q", *cmd[3:]], env=env, capture_output=True, text=True)
    assert again.returncode == 0 and again.stderr == ""


def test_build_into_something_that_is_not_a_folder_is_one_line(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    r = CliRunner().invoke(cli, ["build", str(src), "-o", "/dev/null"])
    assert r.exit_code == 2 and "/dev/null is not a folder" in r.output
    assert "Traceback" not in r.output


def test_build_takes_timeout_for_a_store_that_never_answers(tmp_path: Path) -> None:
    import socket
    import time

    src = _folder(tmp_path)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # accepts connections, never answers
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        t0 = time.monotonic()
        r = CliRunner().invoke(
            cli, ["build", str(src), "-o", str(tmp_path / "out"), "--store", url, "--timeout", "1"]
        )
    assert r.exit_code == 1
    assert f"{url}/query" in r.stderr and "no answer within 1 s" in r.stderr
    assert time.monotonic() - t0 < 30


def test_extract_to_an_unwritable_folder_fails_before_reading(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(src), "-o", str(blocker / "sub")])
    assert r.exit_code == 1 and "not a folder" in r.stderr
    assert "extract [" not in r.stderr


def test_a_summary_names_the_first_violations_and_counts_the_rest() -> None:
    report = corpus_build.BuildReport()
    report.validated = 3
    report.violations = {f"p{i}.txt": [f"problem {j}" for j in range(10)] for i in range(3)}
    lines = report.summary().splitlines()
    named = [line for line in lines if line.startswith("  p")]
    assert len(named) == corpus_build.SHOW_VIOLATIONS == 20
    assert "validated 3 paper graphs: 30 violations in 3 of them" in lines
    assert "  ... and 10 more (litkg validate lists them all)" in lines

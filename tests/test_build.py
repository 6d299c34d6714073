"""`litkg build`: incremental, resumable, and what it reports."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset

from litkg.kg.corpus_build import build_corpus
from litkg.kg.manifest import load_manifest

CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text"
FIXTURES = Path(__file__).parent / "fixtures"
EPOCH = "1700000000"


def _corpus(tmp: Path, copies: int = 1) -> Path:
    """A small corpus: the seed texts (each copy with its own DOI) and a Markdown paper."""
    src = tmp / "papers"
    src.mkdir()
    for i in range(copies):
        for p in sorted(CORPUS_TEXT.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            text = re.sub(r"10\.\d{4,}/[^\s>)\]]+", lambda m, i=i: f"{m.group(0)}.copy{i}", text)
            (src / f"{p.stem}_{i}.txt").write_text(text, encoding="utf-8")
    shutil.copy(FIXTURES / "markdown_trial.md", src / "markdown_trial.md")
    return src


def _quads(out: Path) -> set:
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    return {
        (s, p, o, getattr(c, "identifier", c)) for s, p, o, c in ds.quads((None, None, None, None))
    }


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def test_rebuild_skips_unchanged_replaces_changed_drops_removed(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    first = build_corpus([src], out)
    assert len(first.extracted) == 6 and not first.failures
    assert (out / "graph.trig").is_file() and (out / "records").is_dir()
    manifest = load_manifest(out)
    assert len(manifest) == 6
    before = _quads(out)

    again = build_corpus([src], out)
    assert (len(again.extracted), len(again.unchanged)) == (0, 6)
    assert _quads(out) == before

    md = src / "markdown_trial.md"
    md.write_text(
        md.read_text().replace(
            "Median follow-up was 30.4 months", "Median follow-up was 31.9 months"
        )
    )
    changed = build_corpus([src], out)
    assert changed.extracted == [str(md)]
    after = _quads(out)
    values = {str(o) for _, _, o, _ in after}
    assert "31.9" in values and "30.4" not in values

    (src / "003_02ee03e209aed3a2_0.txt").unlink()
    kept = build_corpus([src], out)  # add-only: a missing file removes nothing
    assert not kept.removed and len(kept.kept_absent) == 1
    assert "1 stored papers whose files are not among these inputs were kept" in kept.summary()
    assert _quads(out) == after
    removed = build_corpus([src], out, prune=True)
    assert len(removed.removed) == 1
    assert "removed: " in removed.summary() and "003_02ee03e209aed3a2_0.txt" in removed.summary()
    assert not (out / "records" / "003_02ee03e209aed3a2_0.json").exists()
    assert len(_quads(out)) < len(after)


def test_naming_fewer_inputs_never_removes_papers(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    build_corpus([src], out)
    stored = len(load_manifest(out))
    one = sorted(src.iterdir())[0]
    report = build_corpus([one], out)
    assert not report.removed and len(report.kept_absent) == stored - 1
    assert len(load_manifest(out)) == stored
    pruned = build_corpus([one], out, prune=True)
    assert len(pruned.removed) == stored - 1 and len(load_manifest(out)) == 1


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (src / "empty.txt").write_text("")
    report = build_corpus([src, tmp_path / "missing.pdf"], tmp_path / "out")
    assert len(report.extracted) == 6
    failed = {Path(f.path).name: f.stage for f in report.failures}
    assert failed == {"broken.pdf": "ingest", "empty.txt": "ingest", "missing.pdf": "ingest"}
    errors = json.loads((tmp_path / "out" / "errors.json").read_text())
    assert {Path(e["path"]).name for e in errors} == set(failed)
    assert all(e["message"] for e in errors)


def test_a_killed_build_resumes_to_the_same_graph(tmp_path: Path) -> None:
    src = _corpus(tmp_path, copies=3)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    cmd = [sys.executable, "-m", "litkg.cli", "build", str(src), "-o"]
    reference = tmp_path / "reference"
    subprocess.run([*cmd, str(reference)], env=env, check=True, capture_output=True)

    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*cmd, str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.is_file() and len(load_manifest(out)) >= 3:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = len(load_manifest(out))
    assert 3 <= done < 16
    assert not (out / "graph.trig").exists()

    resumed = subprocess.run([*cmd, str(out)], env=env, check=True, capture_output=True, text=True)
    # (the copies of the seed without a DOI are one paper: "(N papers)")
    assert re.search(
        rf"\b{16 - done} extracted( \(\d+ papers\))?, {done} unchanged", resumed.stderr
    )
    assert _quads(out) == _quads(reference)


def test_dask_executor_without_dask_is_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from litkg.cli import cli

    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    src = tmp_path / "papers"
    src.mkdir()
    shutil.copy(FIXTURES / "markdown_trial.md", src / "markdown_trial.md")
    res = CliRunner().invoke(
        cli, ["build", str(src), "-o", str(tmp_path / "out"), "--executor", "dask"]
    )
    assert res.exit_code == 1
    assert "pip install 'litkg[dask]'" in res.output
    assert not isinstance(res.exception, ImportError)


def test_cli_build_is_add_only_and_prune_names_what_it_removes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from litkg.cli import cli

    src = _corpus(tmp_path)
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(src), "-o", str(out)]).exit_code == 0
    one = sorted(src.iterdir())[0]
    kept = runner.invoke(cli, ["build", str(one), "-o", str(out)])
    assert kept.exit_code == 0, kept.output
    assert "nothing to do" in kept.output and "(--prune removes them)" in kept.output
    pruned = runner.invoke(cli, ["build", str(one), "-o", str(out), "--prune"])
    assert pruned.exit_code == 0, pruned.output
    assert f"{len(list(src.iterdir())) - 1} removed" in pruned.output
    assert pruned.output.count("  removed: ") == len(list(src.iterdir())) - 1


def test_a_graph_the_store_refuses_fails_that_paper_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import litkg.kg.corpus_build as corpus_build

    src = tmp_path / "papers"
    src.mkdir()
    seeds = sorted(CORPUS_TEXT.glob("*.txt"))[:2]
    for p in seeds:
        shutil.copy(p, src / p.name)
    real = corpus_build.replace_paper_graph
    calls: list[str] = []

    def refuse_first(kg, iri, graph, **kw):  # type: ignore[no-untyped-def]
        calls.append(str(iri))
        if len(calls) == 1:
            raise SyntaxError("error at 1:5: expected IRI parsing failed")
        return real(kg, iri, graph, **kw)

    monkeypatch.setattr(corpus_build, "replace_paper_graph", refuse_first)
    out = tmp_path / "out"
    report = build_corpus([src], out)
    assert len(report.extracted) == 1
    assert [f.stage for f in report.failures] == ["store"]
    assert "expected IRI" in report.failures[0].message
    errors = json.loads((out / "errors.json").read_text())
    assert [e["stage"] for e in errors] == ["store"]
    assert (out / "graph.trig").is_file()
    assert len(list((out / "records").glob("*.json"))) == 1

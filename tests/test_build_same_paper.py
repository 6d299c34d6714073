"""Two inputs that are one paper (the bundled corpus holds each seed as text
and as PDF): the build says so, keeps one paper whose facts and evidence come
from the richer input (PDF pages over plain text), and records the other
input as another manifestation of the paper; whatever order the inputs are
built in, the graph is the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal, URIRef

from litkg.kg.corpus_build import build_corpus
from litkg.kg.manifest import load_manifest
from litkg.ontology.namespace import FABIO, LKG, OA

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED = "004_eed059982c442256"  # two typeset pages


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _inputs(tmp: Path) -> tuple[Path, Path]:
    (tmp / "in").mkdir()
    txt = shutil.copy(CORPUS / "text" / f"{SEED}.txt", tmp / "in" / f"{SEED}.txt")
    pdf = shutil.copy(CORPUS / "pdf" / f"{SEED}.pdf", tmp / "in" / f"{SEED}.pdf")
    return Path(txt), Path(pdf)


def _dataset(out: Path) -> Dataset:
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    return ds


def _quads(out: Path) -> set:
    return {(s, p, o, getattr(c, "identifier", c)) for s, p, o, c in _dataset(out).quads()}


def _papers(ds: Dataset) -> set:
    return {s for s, _, _, _ in ds.quads((None, RDF.type, LKG.Paper, None))}


def _build(inputs, out: Path, **kw):
    return build_corpus(inputs, out, isolate=False, **kw)


def test_one_paper_from_the_richer_input_and_the_other_as_manifestation(tmp_path: Path) -> None:
    txt, pdf = _inputs(tmp_path)
    out = tmp_path / "out"
    report = _build([txt, pdf], out)
    assert not report.failures
    summary = report.summary()
    assert summary.startswith("2 extracted (1 paper)")
    assert f"2 inputs are one paper: {pdf} and {txt}; kept facts from {pdf}" in summary

    ds = _dataset(out)
    papers = _papers(ds)
    assert len(papers) == 1
    paper = papers.pop()
    g = ds.graph(paper)
    source = g.value(paper, LKG.source)
    assert g.value(source, LKG.sourceFormat) == Literal("pdf")
    assert g.value(source, LKG.sourcePath) == Literal(pdf.name)
    # evidence points at pages of the PDF, not at the single "page" of the text
    pages = {int(p) for p in g.objects(None, LKG.page)}
    assert max(pages) == 2
    assert set(g.objects(None, OA.hasSource)) == {source}

    shown = set(g.objects(paper, FABIO.hasManifestation))
    assert source in shown and len(shown) == 2
    (other,) = shown - {source}
    assert g.value(other, LKG.sourceFormat) == Literal("text")
    assert g.value(other, LKG.sourcePath) == Literal(txt.name)
    from litkg.extractor.parallel import file_sha256

    assert g.value(other, LKG.fileSha256) == Literal(file_sha256(txt))
    assert g.value(source, LKG.fileSha256) == Literal(file_sha256(pdf))

    manifest = load_manifest(out)
    assert manifest[str(pdf.resolve())]["primary"] is True
    assert manifest[str(txt.resolve())]["primary"] is False
    assert [p.name for p in (out / "records").iterdir()] == [f"{SEED}.json"]
    # litkg serve shows the text the evidence spans are offsets into
    from litkg.kg.serve.documents import DocumentTexts

    path, _ = DocumentTexts(out).source_of(str(paper))
    assert path == str(pdf.resolve())


def test_the_order_the_inputs_come_in_changes_nothing(tmp_path: Path) -> None:
    txt, pdf = _inputs(tmp_path)
    both = tmp_path / "both"
    _build([txt, pdf], both)
    text_first = tmp_path / "text_first"
    _build([txt], text_first)
    second = _build([pdf], text_first)
    assert f"kept facts from {pdf}" in second.summary()
    pdf_first = tmp_path / "pdf_first"
    _build([pdf], pdf_first)
    _build([txt], pdf_first)
    assert _quads(text_first) == _quads(both) == _quads(pdf_first)
    forced = _build([txt, pdf], both, force=True)
    assert len(forced.extracted) == 2 and _quads(both) == _quads(pdf_first)


def test_pruning_the_richer_input_rebuilds_the_paper_from_the_other(tmp_path: Path) -> None:
    txt, pdf = _inputs(tmp_path)
    out = tmp_path / "out"
    _build([txt, pdf], out)
    report = _build([txt], out, prune=True)
    assert report.removed == [str(pdf.resolve())]
    ds = _dataset(out)
    (paper,) = _papers(ds)
    g = ds.graph(paper)
    source = g.value(paper, LKG.source)
    assert g.value(source, LKG.sourceFormat) == Literal("text")
    assert set(g.objects(paper, FABIO.hasManifestation)) == {source}
    assert {int(p) for p in g.objects(None, LKG.page)} == {1}
    assert load_manifest(out)[str(txt.resolve())]["primary"] is True
    assert (out / "records" / f"{SEED}.json").is_file()

    alone = tmp_path / "alone"
    _build([txt], alone)
    assert _quads(alone) == _quads(out)


def test_pruning_the_poorer_input_drops_only_its_manifestation(tmp_path: Path) -> None:
    txt, pdf = _inputs(tmp_path)
    out = tmp_path / "out"
    _build([txt, pdf], out)
    _build([pdf], out, prune=True)
    alone = tmp_path / "alone"
    _build([pdf], alone)
    assert _quads(alone) == _quads(out)
    paper = URIRef(load_manifest(out)[str(pdf.resolve())]["paper"])
    assert len(set(_dataset(out).graph(paper).objects(paper, FABIO.hasManifestation))) == 1

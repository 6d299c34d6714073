"""Inputs at the edges: bytes after %%EOF, no %%EOF, an unloadable page, a
dangling symbolic link, and how a path is typed."""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from test_ingest_pdf import make_journal_pdf

from litkg.extractor.ingest import expand_inputs
from litkg.extractor.ingest.pdf import read_pdf


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory):
    """A generated two-column journal-style PDF and what litkg reads from it."""
    path = tmp_path_factory.mktemp("edges") / "journal.pdf"
    made = make_journal_pdf(path)
    return made, read_pdf(path)


def test_bytes_after_eof_are_accepted(journal, tmp_path: Path) -> None:
    made, doc = journal
    p = tmp_path / "trailing.pdf"
    p.write_bytes(made.path.read_bytes() + b"\n% a signature block or padding\n" + b"x" * 8000)
    assert read_pdf(p).text == doc.text


def test_no_eof_marker_is_accepted_when_pdfium_opens_it(journal, tmp_path: Path) -> None:
    made, doc = journal
    data = made.path.read_bytes()
    cut = data.rstrip()
    assert cut.endswith(b"%%EOF")
    p = tmp_path / "no-eof.pdf"
    p.write_bytes(cut[: -len(b"%%EOF")])
    assert read_pdf(p).text == doc.text


def test_one_unloadable_page_skips_that_page_only(
    journal,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made, doc = journal
    if doc.n_pages < 2:
        pytest.skip("the journal PDF has one page")
    real = pdfium.PdfDocument.__getitem__

    def flaky(self, i):
        if i == 1:
            raise pdfium.PdfiumError("Failed to load page.")
        return real(self, i)

    monkeypatch.setattr(pdfium.PdfDocument, "__getitem__", flaky)
    partial = read_pdf(made.path)
    assert [p.number for p in partial.pages] == [n for n in range(1, doc.n_pages + 1) if n != 2]
    first = doc.text[doc.pages[0].char_start : doc.pages[0].char_end]
    assert first.strip()[:200] in partial.text


def test_a_dangling_symlink_is_reported(tmp_path: Path) -> None:
    (tmp_path / "paper.txt").write_text("A trial.\n")
    os.symlink(tmp_path / "gone.pdf", tmp_path / "moved.pdf")
    files, errors = expand_inputs([tmp_path])
    assert [f.name for f in files] == ["paper.txt"]
    assert [(Path(e.path).name, "dangling" in e.reason) for e in errors] == [("moved.pdf", True)]
    _, errors = expand_inputs([tmp_path / "moved.pdf"])
    assert "dangling" in errors[0].reason and "gone.pdf" in errors[0].reason


def test_how_a_path_is_typed_changes_nothing_in_the_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from rdflib import Dataset

    from litkg.kg.corpus_build import build_corpus
    from litkg.kg.manifest import load_manifest

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "text"
    (tmp_path / "papers").mkdir()
    (tmp_path / "sub").mkdir()
    shutil.copy(sorted(corpus.glob("*.txt"))[0], tmp_path / "papers")
    monkeypatch.chdir(tmp_path)
    build_corpus([Path("papers")], tmp_path / "rel")
    build_corpus([tmp_path / "sub" / ".." / "papers"], tmp_path / "abs")

    def quads(out: Path) -> set:
        ds = Dataset()
        ds.parse(out / "graph.trig", format="trig")
        return {
            (s, p, o, getattr(c, "identifier", c))
            for s, p, o, c in ds.quads((None, None, None, None))
        }

    assert quads(tmp_path / "rel") == quads(tmp_path / "abs")
    (key,) = load_manifest(tmp_path / "rel")
    assert key == str((tmp_path / "papers").resolve() / sorted(corpus.glob("*.txt"))[0].name)

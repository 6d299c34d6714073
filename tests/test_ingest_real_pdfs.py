"""The PDF reader on PDFs nobody here typeset, and on the typeset seed corpus.

The real PDFs live in ../shared/real-pdfs (never copied here); the corpus
PDFs in corpus/pdf. Each test skips when its folder is absent.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from litkg.extractor.ingest.pdf import read_pdf

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REAL = SHARED / "real-pdfs"
CORPUS = REPO / "corpus"


def _real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="module")
def lancet():
    return read_pdf(_real("pdf01_moxidectin_vs_ivermectin_onchocerciasis_lancet2018.pdf"))


@pytest.fixture(scope="module")
def bmj():
    return read_pdf(_real("pdf04_leap_physical_activity_smoking_pregnancy_bmj2015.pdf"))


@pytest.fixture(scope="module")
def bmc():
    return read_pdf(_real("pdf06_canprevent_colorectal_bmccancer2012.pdf"))


def _pages_ok(doc) -> None:
    assert doc.pages[0].char_start == 0
    for a, b in zip(doc.pages, doc.pages[1:], strict=False):
        assert a.char_end <= b.char_start
    assert all(p.width and p.height for p in doc.pages)


def test_bmc_words_not_run_together(bmc) -> None:
    _pages_ok(bmc)
    assert bmc.n_pages == 9
    assert "leading causes of cancer morbidity and mortality in the industrialized world" in (
        bmc.text
    )
    # no run-together words: long letter runs are rare in English
    assert not re.findall(r"[A-Za-z]{24,}", bmc.text)
    # line-end hyphens rejoined ("dis-" / "ease")
    assert "cardiovascular disease" in bmc.text
    assert "Hawkes et al. BMC Cancer 2012" not in bmc.text  # running header


def test_bmj_digits_headers_tables(bmj) -> None:
    _pages_ok(bmj)
    text = bmj.text
    assert "789 pregnant smokers, aged 16-50 years" in text
    assert "13 hospitals in England, April 2009 to January 2014." in text
    assert "the bmj | BMJ 2015" not in text.replace("\u2009", " ")
    t1 = bmj.tables[0]
    assert (t1.page, t1.n_cols) == (5, 3)
    assert t1.caption and t1.caption.startswith("Table 1 | Baseline characteristics")
    assert ["Mean (SD) age (years)", "27.2 (6.1)", "27.8 (6.5)"] in t1.rows
    # table words are not repeated as prose
    assert text.count("27.2 (6.1)") == 1


def test_lancet_columns_and_superscripts(lancet) -> None:
    _pages_ok(lancet)
    text = lancet.text
    assert "www.thelancet.com" not in text
    assert "Merck & Co (NJ, USA).¹ At a dose of 150 µg/kg" in text
    assert "community-directed treatment with ivermectin (CDTI)" in text


def _similarity_module():
    spec = importlib.util.spec_from_file_location(
        "ingest_similarity", REPO / "bench" / "ingest_similarity.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORPUS_IDS = [
    "000_17d089a830d3140c",
    "001_cade4cfc9954c631",
    "002_b4e2640152b48fd4",
    "003_02ee03e209aed3a2",
    "004_eed059982c442256",
]
# (rows, columns) per table, counted by hand from the seed texts' tab-separated
# rows (000: Table 1 and six at-risk tables under Figure 1; 001: Table 1 and
# its continuation, whose repeated header is merged away).
CORPUS_TABLES = {
    "000_17d089a830d3140c": [(44, 5)] + [(2, 7)] * 6,
    "001_cade4cfc9954c631": [(19, 12), (6, 11)],
    "002_b4e2640152b48fd4": [(10, 14)],
    "003_02ee03e209aed3a2": [],
    "004_eed059982c442256": [],
}


@pytest.mark.parametrize("seed_id", CORPUS_IDS)
def test_corpus_pdf_matches_seed(seed_id: str) -> None:
    pdf = CORPUS / "pdf" / f"{seed_id}.pdf"
    seed = CORPUS / "text" / f"{seed_id}.txt"
    if not pdf.is_file() or not seed.is_file():
        pytest.skip(f"{pdf} is absent")
    bench = _similarity_module()
    doc = read_pdf(pdf)
    _pages_ok(doc)
    assert bench.similarity(doc.text, seed.read_text(encoding="utf-8")) >= 0.98
    assert [(t.n_rows, t.n_cols) for t in doc.tables] == CORPUS_TABLES[seed_id]
    for t in doc.tables:
        assert doc.text[t.char_start : t.row_spans[0][1]] == "\t".join(t.rows[0])
    if doc.tables:
        assert doc.tables[0].caption and doc.tables[0].caption.startswith("Table 1.")


def test_lancet_boxed_table_continued_in_next_column(lancet) -> None:
    t = next(t for t in lancet.tables if t.caption and t.caption.startswith("Table 2:"))
    assert t.header_rows == 3  # groups, "(12–17 years)", drug names
    assert ["Any grade", "39 (4%)", "17 (3%)", "0", "0"] in t.rows  # first column's part
    assert ["Any grade", "967 (99%)", "478 (97%)", "55 (100%)", "22 (92%)"] in t.rows
    assert not any(r[0].startswith("(Continued") for r in t.rows)
    assert t.footnotes[0].startswith("Data are n (%). The numbers of participants at a given")
    assert t.footnotes[0].endswith("appendix). †p=0·010.")


def test_bmc_booktabs_tables(bmc) -> None:
    captions = [t.caption.split()[1] for t in bmc.tables if t.caption]
    assert captions == ["1", "2", "3", "4"]
    t2 = bmc.tables[1]
    assert [
        "Processed meat, serves/week",
        "2.0 (1.8)",
        "0.9(1.2)",
        "-1.2 (-1.8 -0.5)",
        "<0.01",
    ] in (t2.rows)

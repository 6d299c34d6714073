"""The committed corpus PDFs (corpus/pdf, made by corpus/make_pdfs.py) are sound.

Checks the files as committed, without regenerating them: each corpus text has its PDF,
which opens, has a two-column body, a running footer on every page, the seed's title in
its text, and, where the seed has a Table 1, a ruled table pdfplumber can find.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXTS = sorted((CORPUS / "text").glob("*.txt"))
MM = 72 / 25.4
HEADER_BAND = 20 * MM  # running header lives above this
FOOTER_BAND = 14 * MM  # running footer lives below this


def _pdf(text: Path) -> Path:
    return CORPUS / "pdf" / f"{text.stem}.pdf"


def _title(text: Path) -> str:
    for line in text.read_text(encoding="utf-8").splitlines():
        if len(line.split()) >= 5:
            return " ".join(line.split())
    raise AssertionError(f"no title line in {text}")


def _is_two_column(page) -> bool:
    """Body words on both sides of the middle, none straddling it (below any title block)."""
    if page.width > page.height:
        return False
    mid = page.width / 2
    words = [
        w
        for w in page.extract_words()
        if w["top"] > HEADER_BAND and w["bottom"] < page.height - FOOTER_BAND
    ]
    straddle = [w for w in words if w["x0"] < mid < w["x1"]]
    below = max((w["bottom"] for w in straddle), default=0.0)
    left = [w for w in words if w["top"] > below and w["x1"] < mid]
    right = [w for w in words if w["top"] > below and w["x0"] > mid]
    return len(left) >= 20 and len(right) >= 20


def test_corpus_has_texts():
    assert len(TEXTS) >= 5


@pytest.mark.parametrize("text", TEXTS, ids=[t.stem for t in TEXTS])
def test_pdf_exists_and_is_journal_like(text: Path):
    pdf_path = _pdf(text)
    assert pdf_path.is_file(), f"missing {pdf_path}; run python corpus/make_pdfs.py"
    with pdfplumber.open(pdf_path) as pdf:
        pages = pdf.pages
        assert len(pages) >= 1
        # two columns: page 2 (page 1 for a one-page paper) and most full body pages
        probe = pages[1] if len(pages) > 1 else pages[0]
        mid = probe.width / 2
        words = probe.extract_words()
        assert any(w["x1"] < mid for w in words) and any(w["x0"] > mid for w in words)
        portrait = [p for p in pages if p.width < p.height]
        full = [p for p in portrait if len(p.extract_words()) >= 300]
        assert full, "no full body page"
        two_col = [p for p in full if _is_two_column(p)]
        assert len(two_col) * 2 >= len(full), (
            f"{len(two_col)} of {len(full)} body pages look two-column"
        )
        # a running footer with the page number on every page
        for n, page in enumerate(pages, start=1):
            foot = page.crop((0, page.height - FOOTER_BAND, page.width, page.height))
            assert f"Page {n}" in (foot.extract_text() or ""), f"no footer on page {n}"
        # the title, as one run of words, somewhere in the extracted text
        everything = " ".join((pages[0].extract_text() or "").split())
        assert _title(text) in everything


TABLE_SEEDS = [t for t in TEXTS if re.search(r"^Table 1\.", t.read_text("utf-8"), re.M)]


@pytest.mark.parametrize("text", TABLE_SEEDS, ids=[t.stem for t in TABLE_SEEDS])
def test_table_1_is_ruled(text: Path):
    with pdfplumber.open(_pdf(text)) as pdf:
        pages = [p for p in pdf.pages if re.search(r"^Table 1\.", p.extract_text() or "", re.M)]
        assert pages, "no page shows the Table 1 caption"
        tables = pages[0].find_tables()
        assert tables, f"no ruled table on page {pages[0].page_number}"
        rows = max(tables, key=lambda t: len(t.rows)).extract()
        assert len(rows) >= 3 and max(len(r) for r in rows) >= 4

"""A PDF with more pages than one paper has is refused before its pages are read."""

from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from litkg.extractor.document import IngestError
from litkg.extractor.ingest import load_document
from litkg.extractor.ingest import pdf as pdf_mod


def _pdf(path, pages: int) -> None:
    c = canvas.Canvas(str(path))
    for i in range(pages):
        c.drawString(72, 720, f"Proceedings of the annual meeting, abstract {i + 1}.")
        c.showPage()
    c.save()


def test_too_many_pages_refused_early_with_the_setting_to_raise(tmp_path, monkeypatch):
    path = tmp_path / "volume.pdf"
    _pdf(path, 30)
    monkeypatch.setenv(pdf_mod.MAX_PAGES_ENV, "20")
    read_pages = []
    monkeypatch.setattr(pdf_mod, "_read_pages", lambda *a: read_pages.append(a) or ([], {}, {}, {}))
    with pytest.raises(IngestError) as err:
        load_document(path)
    assert not read_pages  # refused before any page was read
    assert "30 pages" in err.value.reason and "limit of 20" in err.value.reason
    assert f"{pdf_mod.MAX_PAGES_ENV}=30" in err.value.hint
    assert str(path) in str(err.value)


def test_limit_can_be_raised_or_turned_off(tmp_path, monkeypatch):
    path = tmp_path / "volume.pdf"
    _pdf(path, 3)
    monkeypatch.setenv(pdf_mod.MAX_PAGES_ENV, "2")
    with pytest.raises(IngestError):
        load_document(path)
    for value in ("3", "0"):
        monkeypatch.setenv(pdf_mod.MAX_PAGES_ENV, value)
        assert load_document(path).n_pages == 3, value


def test_default_limit_is_above_any_paper(monkeypatch):
    monkeypatch.delenv(pdf_mod.MAX_PAGES_ENV, raising=False)
    assert pdf_mod.max_pages() == pdf_mod.DEFAULT_MAX_PAGES >= 200
    monkeypatch.setenv(pdf_mod.MAX_PAGES_ENV, "not a number")
    assert pdf_mod.max_pages() == pdf_mod.DEFAULT_MAX_PAGES

"""The paper's own first author, volume and first page (values read by hand)."""

from __future__ import annotations

from litkg.extractor.components.own_bib import find_own_bibliography, first_author_after_title
from litkg.extractor.document import Document


def _doc(text: str, **metadata) -> Document:
    return Document(doc_id="d", source="d.txt", source_format="text", text=text, metadata=metadata)


def test_author_line_and_citation_line() -> None:
    text = "# A trial of X\n\nMaría José García-López¹, Tom Weber²\n\nJ Clin Onc. 2021;39(4):301-310.\n"
    bib = find_own_bibliography(_doc(text), text.index("\n"))
    assert (bib.first_author, bib.volume, bib.first_page) == ("García-López", "39", "301")


def test_surname_first_with_initials() -> None:
    text = "Title\nSmith JA, Jones B, et al.\n"
    assert first_author_after_title(text, text.index("\n"))[0] == "Smith"


def test_journal_year_volume_page_header() -> None:
    text = "Title\n\nLeukemia (2023) 37:1845–1853; https://doi.org/10.1038/x\n"
    bib = find_own_bibliography(_doc(text), 5)
    assert (bib.volume, bib.first_page) == ("37", "1845")


def test_repository_page_fields() -> None:
    text = (
        "Title\n\nAnne Berg, Ola Lie\n\nJournal\tSome Journal\nVolume\t12\nPages (from-to)77-85\n"
    )
    bib = find_own_bibliography(_doc(text), 5)
    assert (bib.first_author, bib.volume, bib.first_page) == ("Berg", "12", "77")


def test_markup_wins() -> None:
    text = "Title\n\nAnne Berg, Ola Lie\n\nX. 2020;1:2.\n"
    doc = _doc(text, authors=[{"surname": "Lie", "given": "Ola"}], volume="9", fpage="e100")
    bib = find_own_bibliography(doc, 5)
    assert (bib.first_author, bib.volume, bib.first_page) == ("Lie", "9", "e100")


def test_nothing_printed_nothing_returned() -> None:
    text = "Title\n\nThis paper reports results. In 2019, we enrolled patients.\n"
    bib = find_own_bibliography(_doc(text), 5)
    assert (bib.first_author, bib.volume, bib.first_page) == (None, None, None)

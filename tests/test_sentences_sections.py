"""Sentence boundaries and sections on text written for these tests."""

from __future__ import annotations

from litkg.extractor.document import Document
from litkg.extractor.sections import SectionIndex, detect_sections
from litkg.extractor.sentences import split_sentences


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_decimals_and_intervals_do_not_split() -> None:
    text = (
        "Median OS was 14.2 months vs. 11.1 months (95% CI 64.7–100%) as shown by Smith et al. in Fig. 2. "
        "The HR was 0.62; e.g. a 38% reduction. Next sentence here."
    )
    assert _sents(text) == [
        "Median OS was 14.2 months vs. 11.1 months (95% CI 64.7–100%) as shown by Smith et al. in Fig. 2.",
        "The HR was 0.62; e.g. a 38% reduction.",
        "Next sentence here.",
    ]


def test_citation_superscripts_after_the_full_stop() -> None:
    assert _sents("It was shown in phase 3 studies.¹¹⁻¹³ We then report ours.") == [
        "It was shown in phase 3 studies.¹¹⁻¹³",
        "We then report ours.",
    ]


def test_table_rows_and_headings_are_sentences_of_their_own() -> None:
    text = "## Results\nOS was 80%.\n| OS | 80% |\nRash\t3 (5%)\n"
    assert _sents(text) == ["## Results", "OS was 80%.", "| OS | 80% |", "Rash\t3 (5%)"]


def test_paragraph_split_by_a_page_break_is_rejoined() -> None:
    text = "Seven patients progressed, including the 4 patients with MRD before therapy, for a cumulative incidence\n\nof relapse of 33%."
    assert _sents(text) == [text]


def test_spans_point_into_the_text() -> None:
    text = "First one. Second one!  Third?"
    for s, e in split_sentences(text):
        assert text[s:e] == text[s:e].strip() and text[s:e]


def _doc(text: str) -> Document:
    return Document(doc_id="d", source="d.md", source_format="text", text=text)


def test_sections_from_headings_and_labelled_matter() -> None:
    text = (
        "# A trial\n\nFunding: Grant 12.\n\n## Abstract\n\nWe did it.\n\n## Methods\n\nPatients were enrolled.\n\n"
        "## Results\n\nOS was 80%.\n\nFigure 1. Survival curves with 1-year OS 80%.\n\n## Discussion\n\nGood.\n\n"
        "## References\n\n1. Smith A. J Med. 2020;1:2.\n"
    )
    names = [s.name for s in detect_sections(_doc(text))]
    assert names == ["front", "abstract", "methods", "results", "discussion", "references"]
    idx = SectionIndex(_doc(text))
    assert idx.kind_at(text.index("OS was")) == "results"
    assert idx.kind_at(text.index("Survival curves")) == "legend"
    assert idx.kind_at(text.index("Grant 12")) == "front"
    assert idx.kind_at(text.index("Smith A.")) == "references"


def test_body_without_headings_starts_at_the_first_long_paragraph() -> None:
    para = "Patients with leukemia " * 20
    text = f"Title of the paper\n\nAuthor One, Author Two\n\nDisclosures: none.\n\n{para}\n"
    sections = detect_sections(_doc(text))
    assert [s.name for s in sections] == ["front", "body"]
    assert sections[1].start == text.index(para)


def test_prose_between_two_parts_of_a_continued_table_is_not_the_table() -> None:
    from litkg.extractor.document import Table

    part1 = "Event\tArm A\tArm B\nRash\t4 (8%)\t1 (2%)"
    prose = "Itching was the most common event (arm A 9 [18%] of 50, arm B 3 [6%] of 50)."
    part2 = "Event\tArm A\tArm B\nFever\t2 (4%)\t2 (4%)"
    note = "Data are n (%)."
    text = f"{part1}\n\n{prose}\n\n{part2}\n{note}"
    rows, spans, pos = [], [], 0
    for line in part1.split("\n"):
        rows.append(line.split("\t"))
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    pos = text.index(part2)
    for line in part2.split("\n")[1:]:
        pos = text.index(line, pos)
        rows.append(line.split("\t"))
        spans.append((pos, pos + len(line)))
    table = Table(rows=rows, char_start=0, char_end=len(text), row_spans=spans)
    doc = Document(doc_id="d", source="<t>", source_format="pdf", text=text, tables=[table])
    idx = SectionIndex(doc)
    assert idx.kind_at(text.index("Rash")) == "table"
    assert idx.kind_at(text.index("Fever")) == "table"
    assert idx.kind_at(text.index("Itching")) != "table"
    # text after the last row up to the table's end (its notes) stays with it
    assert idx.kind_at(text.index(note)) == "table"

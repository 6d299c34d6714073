"""Plain text whose headings stand on a line of their own directly over their
paragraph, with no blank line between (a house style written for these tests)."""

from litkg.extractor.ingest.text import parse_text
from litkg.extractor.sections import heads_paragraph
from litkg.extractor.sentences import split_sentences

TEXT = (
    "Dry needling for plantar heel pain: a randomised trial\n\n"
    "2. Methods\n"
    "Adults with heel pain were randomised to dry needling or sham needling.\n\n"
    "RESULTS\n"
    "Pain on first step fell by 14 points with dry needling.\n"
    "Results were similar at both clinics.\n"
)


def test_a_heading_over_its_paragraph_is_a_sentence_of_its_own() -> None:
    got = [TEXT[a:b] for a, b in split_sentences(TEXT)]
    assert "2. Methods" in got and "RESULTS" in got
    assert "Pain on first step fell by 14 points with dry needling." in got


def test_a_heading_over_its_paragraph_opens_a_section() -> None:
    doc = parse_text(TEXT)
    assert [h.title for h in doc.headings] == ["2. Methods", "RESULTS"]


def test_prose_starting_with_a_section_word_is_no_heading() -> None:
    assert not heads_paragraph("Results were", "Similar at both clinics.")
    assert not heads_paragraph("Results", "were similar at both clinics.")
    assert not heads_paragraph("Results of the ankle and foot trials", "Pain fell.")
    assert heads_paragraph("Results:", "Pain fell.")

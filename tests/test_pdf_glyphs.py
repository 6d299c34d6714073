"""Ligature repair on words as pdfium gives them (unmapped glyphs, split ligatures)."""

from __future__ import annotations

from litkg.extractor.ingest.pdf_chars import UNMAPPED, PageChars, Word
from litkg.extractor.ingest.pdf_glyphs import repair_ligatures


def _page(texts: list[str], gaps: list[float] | None = None) -> PageChars:
    """Words of one line at 10 pt, each `gaps[i]` points after the previous one."""
    words, x = [], 10.0
    for i, t in enumerate(texts):
        if i:
            x += gaps[i - 1] if gaps else 3.0
        w = Word(t, x, x + 5.0 * len(t), 90.0, 100.0, 98.0, 10.0, seq=i)
        words.append(w)
        x = w.x1
    return PageChars(1, 600.0, 800.0, words, sum(map(len, texts)))


def test_unmapped_glyph_takes_the_ligature_that_makes_a_known_word() -> None:
    page = _page(["the", "flow", "was", "steady;", f"{UNMAPPED}ow", "rose", f"{UNMAPPED}rst"])
    repair_ligatures([page])
    assert [w.text for w in page.words][-3:] == ["flow", "rose", "first"]  # "first": default fi


def test_split_ligature_rejoined_only_when_the_fragment_is_no_word() -> None:
    texts = ["an", "eff", "ective", "dose", "for", "staff", "training", "and", "training"]
    page = _page(texts, gaps=[3.0, 1.0, 3.0, 3.0, 3.0, 1.0, 3.0, 3.0])
    repair_ligatures([page])
    assert [w.text for w in page.words] == [
        "an", "effective", "dose", "for", "staff", "training", "and", "training"
    ]  # fmt: skip


def test_split_before_ligature_joined_when_the_whole_word_occurs() -> None:
    page = _page(["signi", "ficant", "gains,", "a", "significant", "loss,", "a", "fine"])
    repair_ligatures([page])
    texts = [w.text for w in page.words]
    assert texts[0] == "significant" and "a" in texts and "fine" in texts

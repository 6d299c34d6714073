"""The bulk character readers give exactly the words of the plain
per-character reader they replaced, on pages typeset here: several sizes,
superscripts, a rotated and a slightly skewed line, soft and hard hyphens,
glyphs the font lacks (ligatures, a tab), non-breaking spaces, a glyph gap
without a space, words drawn as several text objects (same font and a font
change inside a word) and a text object spanning lines.

`words_per_char` (integer-address pdfium calls into flat arrays) and
`pdf_words.words_from_textpage` (two calls a glyph, grouping on arrays)
are both checked against the reference."""

from __future__ import annotations

import ctypes
import math
from dataclasses import asdict
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from litkg.extractor.ingest.pdf_chars import (
    _INVISIBLE,
    BASELINE_JUMP,
    LIGATURES,
    SOFT_HYPHEN,
    UNMAPPED,
    WORD_GAP,
    Word,
    words_per_char,
)
from litkg.extractor.ingest.pdf_words import words_from_textpage


def _reference_words(textpage: pdfium.PdfTextPage, y_top: float, x_left: float) -> list[Word]:
    """The per-character reader as it was: four ctypes calls and struct reads a glyph."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    words: list[Word] = []
    cur: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]
    base = size = 0.0
    start = 0
    spaced = word_spaced = True

    def flush() -> None:
        if cur:
            text = "".join(cur)
            soft = text.endswith(SOFT_HYPHEN)
            text = text.replace(SOFT_HYPHEN, "-" if soft else "")
            if text:
                words.append(
                    Word(text, box[0], box[1], box[2], box[3], base, size, index=start,
                         soft=soft, seq=len(words), space_before=word_spaced)
                )  # fmt: skip
            cur.clear()

    text = textpage.get_text_range(0, n)
    codes = [ord(c) for c in text] if len(text) == n else None
    for k in range(n):
        code = codes[k] if codes is not None else pdfium_c.FPDFText_GetUnicode(raw, k)
        if code in (0x2, 0xFFFE) and pdfium_c.FPDFText_IsHyphen(raw, k):
            code = 0x2D
        ch = chr(code) if 0 < code < 0x110000 else ""
        if code in _INVISIBLE:
            continue
        if ch in LIGATURES:
            ch = LIGATURES[ch]
        elif code < 0x20 and code not in (0x2, 0x9, 0xA, 0xD) or 0x7F <= code <= 0x9F:
            ch = UNMAPPED
        if not ch or ch.isspace() or code in (0xA0, 0xFFFE, 0x2):
            flush()
            spaced = True
            continue
        pdfium_c.FPDFText_GetMatrix(raw, k, matrix)
        csize = math.hypot(matrix.c, matrix.d) * pdfium_c.FPDFText_GetFontSize(raw, k)
        upright = abs(matrix.b) <= 0.05 * abs(matrix.a) + 1e-9 and matrix.a > 0 and matrix.d > 0
        if not upright or csize <= 0.5:
            flush()
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, k, rect)
        pdfium_c.FPDFText_GetCharOrigin(raw, k, ox, oy)
        x0, x1 = rect.left - x_left, rect.right - x_left
        top, bottom, bl = y_top - rect.top, y_top - rect.bottom, y_top - oy.value
        if cur:
            small = min(csize, size)
            wide = x0 - box[1] > WORD_GAP * small
            if abs(bl - base) > BASELINE_JUMP * small or wide or x0 < box[0] - 0.5 * small:
                flush()
                spaced = wide
        if not cur:
            box[:] = [x0, x1, top, bottom]
            base, size, start, word_spaced = bl, csize, k, spaced
        else:
            box[1], box[2], box[3] = max(box[1], x1), min(box[2], top), max(box[3], bottom)
            size = max(size, csize)
        cur.append(ch)
        spaced = False
    flush()
    return words


def _typeset(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(60, 800, "Efficacy of Drug Q: a Multicentre Trial")
    c.setFont("Times-Roman", 10)
    c.drawString(60, 770, "Median overall survival was 14.2 months (95% CI 11.0\u201317.5)")
    c.setFont("Times-Roman", 6)
    c.drawString(342, 774, "12,13")  # a citation superscript
    c.setFont("Times-Roman", 10)
    c.drawString(60, 755, "in the e\ufb03cacy population; signi\ufb01cant at\u00a0p = 0.03; post-")
    c.drawString(60, 743, "transplant relapse in a semi\u00adcolon word and CO")  # soft hyphen
    c.setFont("Times-Roman", 6)
    c.drawString(279, 741, "2")  # a subscript
    t = c.beginText(60, 725)
    t.setFont("Times-Roman", 10)
    t.textOut("glued")
    t.moveCursor(4.5, 0)  # a gap wider than WORD_GAP font sizes, no space glyph
    t.textOut("words")
    c.drawText(t)
    c.saveState()
    c.translate(40, 500)
    c.rotate(90)
    c.drawString(0, 0, "A rotated margin note")
    c.restoreState()
    c.setFont("Courier", 8)
    c.drawString(60, 700, "Age, median (range)\t41 (18-66)")
    c.saveState()
    c.translate(60, 680)
    c.rotate(1.5)  # skewed, but within the upright tolerance: a baseline per glyph
    c.setFont("Times-Roman", 10)
    c.drawString(0, 0, "a slightly skewed line of words")
    c.restoreState()
    c.setFont("Times-Roman", 10)
    c.drawString(60, 660, "multi")  # one word from two text objects, same font
    c.drawString(60 + c.stringWidth("multi", "Times-Roman", 10), 660, "centre trial")
    c.drawString(60, 645, "pre")
    c.setFont("Times-Bold", 10)  # a font change inside a word
    c.drawString(60 + c.stringWidth("pre", "Times-Roman", 10), 645, "specified")
    t = c.beginText(60, 630)  # one text object over three lines
    t.setFont("Times-Roman", 9)
    t.textLines("first line of a block\nsecond line of it\nthird, last")
    c.drawText(t)
    c.showPage()
    c.setFont("Times-Roman", 11)
    c.drawString(72, 780, "Second page: adverse events were grade 3 or higher in 4 patients.")
    c.save()


def test_bulk_reader_gives_the_words_of_the_per_character_reader(tmp_path: Path) -> None:
    path = tmp_path / "chars.pdf"
    _typeset(path)
    pdf = pdfium.PdfDocument(str(path))
    try:
        seen = 0
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            expected = [asdict(w) for w in _reference_words(tp, 841.89, 0.0)]
            for reader in (words_per_char, words_from_textpage):
                for y_top, x_left in ((841.89, 0.0), (800.0, 12.5)):
                    got = [asdict(w) for w in reader(tp, y_top, x_left)]
                    ref = [asdict(w) for w in _reference_words(tp, y_top, x_left)]
                    assert got == ref, reader.__name__
            seen += len(expected)
            tp.close()
            page.close()
    finally:
        pdf.close()
    texts = [w["text"] for w in expected]
    assert "Second" in texts
    assert seen > 40


def test_bulk_reader_reads_what_was_typeset(tmp_path: Path) -> None:
    """Hand-checked words of the first page (not copied from either reader)."""
    path = tmp_path / "chars.pdf"
    _typeset(path)
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        tp = page.get_textpage()
        words = words_from_textpage(tp, 841.89, 0.0)
        tp.close()
        page.close()
    finally:
        pdf.close()
    texts = [w.text for w in words]
    assert texts[:4] == ["Efficacy", "of", "Drug", "Q:"]
    assert texts[texts.index("relapse") - 1] == "transplant"  # a line of its own
    assert texts[texts.index("p") : texts.index("p") + 3] == ["p", "=", "0.03;"]  # nbsp splits
    assert "12,13" in texts  # the superscript is a word of its own
    assert texts[texts.index("glued") + 1] == "words"  # the wide gap splits
    assert "rotated" not in texts  # rotated text is not read as body words
    sup = words[texts.index("12,13")]
    assert sup.size < words[texts.index("survival")].size
    assert "multicentre" in texts  # two text objects, no gap: one word
    assert "prespecified" in texts  # a font change inside a word does not split it
    assert texts[texts.index("skewed") - 1] == "slightly"  # skewed within tolerance: read
    assert texts[texts.index("line", texts.index("first")) + 3] == "block"
    second, first = words[texts.index("second")], words[texts.index("first")]
    assert second.baseline > first.baseline  # the block's second line is below its first

"""A PDF page as an image with a quote's region marked, for the review page.

The page is rendered by pdfium (pypdfium2, which the PDF reader uses too);
the quote is looked up in pdfium's own text of that page, in runs of a few
words (line ends, hyphenation and ligatures make a long quote rarely match
whole), and each run found is outlined. pdfium is not thread-safe: every
call holds `PDFIUM_LOCK`, as the server's document reads do.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from litkg.kg.serve.documents import PDFIUM_LOCK

#: Pixels per PDF point of the rendered page.
SCALE = 1.6
#: Words per run looked up.
RUN = 6


class PageError(ValueError):
    """A page that cannot be rendered (no such page, not a PDF)."""


def _runs(quote: str, size: int) -> list[tuple[int, str]]:
    """The quote's runs of `size` words, each with its offset in the quote written
    with single spaces."""
    words = re.findall(r"\S+", quote)
    out, offset = [], 0
    for i in range(0, len(words), size):
        run = " ".join(words[i : i + size])
        out.append((offset, run))
        offset += len(run) + 1
    return out


def page_png(path: str | Path, number: int, quote: str | None = None) -> bytes:
    """PNG bytes of page `number` (1-based) of a PDF, with the quote's region outlined."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as e:
            raise PageError(f"{path}: not a readable PDF ({e})") from e
        try:
            if not 1 <= number <= len(pdf):
                raise PageError(f"{path} has no page {number} (it has {len(pdf)})")
            page = pdf[number - 1]
            height = page.get_height()
            image = page.render(scale=SCALE).to_pil().convert("RGB")
            boxes = _quote_boxes(page, quote) if quote else []
        finally:
            pdf.close()
    draw = ImageDraw.Draw(image, "RGBA")
    for left, bottom, right, top in boxes:
        xy = [
            left * SCALE - 2,
            (height - top) * SCALE - 2,
            right * SCALE + 2,
            (height - bottom) * SCALE + 2,
        ]
        draw.rectangle(xy, fill=(255, 179, 71, 70), outline=(224, 123, 0, 255), width=2)
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def _quote_boxes(page, quote: str) -> list[tuple[float, float, float, float]]:
    """Rectangles (PDF points) of the quote on the page: the runs of words found
    in order anchor it, and the span from the first to the last (stretched by
    the text of runs not found at either end, a word hyphenated across lines
    say) is outlined line by line."""
    textpage = page.get_textpage()
    try:
        total = textpage.count_chars()
        anchors: list[tuple[int, int, int]] = []  # (offset in quote, char index, count)
        cursor = 0
        for offset, run in _runs(quote, RUN):
            searcher = textpage.search(run, match_case=True)
            try:
                found = searcher.get_next()
                while found and found[0] < cursor:
                    found = searcher.get_next()
            finally:
                searcher.close()
            if found:
                anchors.append((offset, found[0], found[1]))
                cursor = found[0] + found[1]
        if not anchors:
            return []
        flat = " ".join(quote.split())
        first, last = anchors[0], anchors[-1]
        start = max(0, first[1] - first[0])
        end = min(total, last[1] + last[2] + (len(flat) - last[0] - last[2]))
        return [textpage.get_rect(i) for i in range(textpage.count_rects(start, end - start))]
    finally:
        textpage.close()

"""Characters and words of one PDF page, read with pdfium (fast).

pdfium's text page gives, per character, its Unicode value, its loose box
(font ascent/descent, scaled), its origin (baseline) and its text matrix; the
effective font size is the raw font size times the matrix' vertical scale.
Coordinates are turned into the pdfplumber convention: `top` grows downwards
from the top of the page, so table boxes from pdfplumber and words from pdfium
share one frame.

Ligature glyphs (U+FB00-FB06) are spelled out; a control character (a
glyph the font maps to no Unicode) is kept as U+FFFD for `pdf_glyphs` to
resolve; zero-width spaces and joiners are dropped.

Words are runs of characters in content order broken at spaces (real ones or
those pdfium generates from glyph gaps), at line changes, at baseline jumps
(which is how superscripts become words of their own) and at horizontal gaps
wider than `WORD_GAP` times the font size. pdfium's gap-based space
generation is what keeps words apart on PDFs whose glyph gaps are too narrow
for pdfplumber's default 3 pt `x_tolerance`.

`words_per_char` applies these rules glyph by glyph; `pdf_words` gives the
same words with far fewer pdfium calls and is what `read_pdf` uses.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A horizontal gap wider than this many font sizes splits a word even when
# pdfium did not generate a space there.
WORD_GAP = 0.3
# Baseline shift (in font sizes of the smaller glyph) that starts a new word.
BASELINE_JUMP = 0.2
SOFT_HYPHEN = "\u00ad"
# Ligature glyphs as their letters; a control character standing for a glyph
# without Unicode mapping becomes UNMAPPED, resolved by `pdf_glyphs`.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
UNMAPPED = "\ufffd"
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}


@dataclass(slots=True)
class Word:
    """A word on a page: text, box (top-down coordinates), baseline and size.

    `seq` is the word's position in content order and `space_before` says
    whether a space (or a wide gap) preceded it there. `sup`/`sub` mark a raised/lowered smaller word (superscript/subscript);
    `prefix`/`suffix` hold the superscripts and subscripts attached to it, as
    rendered text. `soft` marks a word that ended with a soft hyphen.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    index: int = 0
    sup: bool = False
    sub: bool = False
    soft: bool = False
    prefix: str = ""
    suffix: str = ""
    seq: int = 0
    space_before: bool = True
    attached: bool = field(default=False, repr=False)

    @property
    def rendered(self) -> str:
        """The word with its attached superscripts/subscripts."""
        return self.prefix + self.text + self.suffix


@dataclass
class PageChars:
    """What pdfium read from one page: its size, words and character count."""

    number: int
    width: float
    height: float
    words: list[Word]
    n_chars: int


class _Calls:
    """pdfium's per-character text functions, called through prototypes that
    take plain integer addresses: no ctypes structure or pointer object is
    made per character, and the results land in flat arrays read back in one
    slice each (struct field reads were most of the old per-character cost).

    The `bare_*` functions are the same pdfium functions with no argument
    types, so ctypes converts nothing: an index goes as a C int, a handle or
    an address as the `c_void_p` object passed (`slots`: one made per result
    slot, kept with the arrays), ~40% less per call than the prototypes."""

    def __init__(self) -> None:
        def proto(name: str, res: Any, *args: Any) -> Any:
            addr = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
            return ctypes.PYFUNCTYPE(res, *args)(addr)

        def bare(name: str, res: Any) -> Any:
            fn = proto(name, res)
            fn.argtypes = None
            return fn

        v, i, d = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
        self.matrix = proto("FPDFText_GetMatrix", i, v, i, v)
        self.font_size = proto("FPDFText_GetFontSize", d, v, i)
        self.loose_box = proto("FPDFText_GetLooseCharBox", i, v, i, v)
        self.origin = proto("FPDFText_GetCharOrigin", i, v, i, v, v)
        self.text_object = proto("FPDFText_GetTextObject", v, v, i)
        self.bare_matrix = bare("FPDFText_GetMatrix", i)
        self.bare_font_size = bare("FPDFText_GetFontSize", d)
        self.bare_loose_box = bare("FPDFText_GetLooseCharBox", i)
        self.bare_origin = bare("FPDFText_GetCharOrigin", i)
        self.bare_text_object = bare("FPDFText_GetTextObject", v)
        self.size = 0
        self._grow(4096)

    def _grow(self, n: int) -> None:
        self.size = n
        self.matrices = (ctypes.c_float * (6 * n))()  # FS_MATRIX: a b c d e f
        self.boxes = (ctypes.c_float * (4 * n))()  # FS_RECTF: left top right bottom
        self.origins = (ctypes.c_double * (2 * n))()  # x y
        m, b, o = (ctypes.addressof(a) for a in (self.matrices, self.boxes, self.origins))
        vp = ctypes.c_void_p
        #: the address of each slot of the arrays, as objects the bare functions take
        self.matrix_slots = [vp(m + 24 * k) for k in range(n)]
        self.box_slots = [vp(b + 16 * k) for k in range(n)]
        self.x_slots = [vp(o + 16 * k) for k in range(n)]
        self.y_slots = [vp(o + 16 * k + 8) for k in range(n)]

    def reserve(self, n: int) -> tuple[int, int, int]:
        """Room for n characters; the base addresses of the three arrays."""
        if n > self.size:
            self._grow(max(n, 2 * self.size))
        return (
            ctypes.addressof(self.matrices),
            ctypes.addressof(self.boxes),
            ctypes.addressof(self.origins),
        )


_CALLS: _Calls | None = None


def calls() -> _Calls:
    """The prototypes and their result arrays (made once)."""
    global _CALLS
    if _CALLS is None:
        _CALLS = _Calls()
    return _CALLS


def classify(code: int) -> str | bool | None:
    """What one character code is: None when skipped (a zero-width space or
    joiner, as in DOI links: not even a word break), True when it breaks words
    (white space), else the text it stands for (ligatures spelled out, an
    unmapped glyph as UNMAPPED)."""
    ch = chr(code) if 0 < code < 0x110000 else ""
    if code in _INVISIBLE:
        return None
    if ch in LIGATURES:
        ch = LIGATURES[ch]
    elif code < 0x20 and code not in (0x2, 0x9, 0xA, 0xD) or 0x7F <= code <= 0x9F:
        ch = UNMAPPED  # a glyph without a Unicode mapping (a ligature, mostly)
    if not ch or ch.isspace() or code in (0xA0, 0xFFFE, 0x2):
        return True
    return ch


def emit_word(
    words: list[Word],
    text: str,
    box: Sequence[float],
    base: float,
    size: float,
    index: int,
    spaced: bool,
) -> None:
    """Append the word `text` (soft hyphens resolved; nothing if it is empty)
    with its box (x0, x1, top, bottom), baseline, font size and character index."""
    soft = text.endswith(SOFT_HYPHEN)
    text = text.replace(SOFT_HYPHEN, "-" if soft else "")
    if text:
        words.append(
            Word(
                text,
                box[0],
                box[1],
                box[2],
                box[3],
                base,
                size,
                index=index,
                soft=soft,
                seq=len(words),
                space_before=spaced,
            )
        )


def words_per_char(textpage: pdfium.PdfTextPage, y_top: float, x_left: float) -> list[Word]:
    """The words of a text page, four pdfium calls per glyph (`pdf_words` reads
    them in bulk and falls back to this where its shortcuts do not hold)."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    # one call for all characters when the text maps 1:1 onto char indices
    # (no surrogate pairs); pdfium's generated characters are all white space
    text = textpage.get_text_range(0, n)
    codes = [ord(c) for c in text] if len(text) == n else None

    # pass 1: each character is a break (True: a space), skipped (None), or a
    # glyph (its text) whose geometry pdfium writes into slot len(glyphs)
    cl = calls()
    mbase, bbase, obase = cl.reserve(n)
    matrix, font_size, loose_box, origin = (
        cl.matrix,
        cl.font_size,
        cl.loose_box,
        cl.origin,
    )
    addr = ctypes.cast(raw, ctypes.c_void_p).value
    ops: list[str | bool] = []
    glyph_index: list[int] = []
    sizes: list[float] = []
    j = 0
    for k in range(n):
        code = codes[k] if codes is not None else pdfium_c.FPDFText_GetUnicode(raw, k)
        if code in (0x2, 0xFFFE) and pdfium_c.FPDFText_IsHyphen(raw, k):
            code = 0x2D  # pdfium's mark for a hyphen it judged to end a line
        ch = classify(code)
        if ch is None:
            continue
        if ch is True:
            ops.append(True)
            continue
        matrix(addr, k, mbase + 24 * j)
        sizes.append(font_size(addr, k))
        loose_box(addr, k, bbase + 16 * j)
        origin(addr, k, obase + 16 * j, obase + 16 * j + 8)
        glyph_index.append(k)
        ops.append(ch)
        j += 1
    mats = cl.matrices[: 6 * j]
    rects = cl.boxes[: 4 * j]
    origins = cl.origins[: 2 * j]

    # pass 2: characters -> words
    words: list[Word] = []
    cur: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]  # x0, x1, top, bottom
    base = size = 0.0
    start = 0
    spaced = word_spaced = True

    def flush() -> None:
        if cur:
            emit_word(words, "".join(cur), box, base, size, start, word_spaced)
            cur.clear()

    g = 0
    for op in ops:
        if op is True:
            flush()
            spaced = True
            continue
        ch = op
        m6, r4 = 6 * g, 4 * g
        a, b, c, d = mats[m6], mats[m6 + 1], mats[m6 + 2], mats[m6 + 3]
        csize = math.hypot(c, d) * sizes[g]
        upright = abs(b) <= 0.05 * abs(a) + 1e-9 and a > 0 and d > 0
        k = glyph_index[g]
        oy = origins[2 * g + 1]
        left, rtop, right, rbottom = rects[r4], rects[r4 + 1], rects[r4 + 2], rects[r4 + 3]
        g += 1
        if not upright or csize <= 0.5:
            flush()
            continue
        x0, x1 = left - x_left, right - x_left
        top, bottom, bl = y_top - rtop, y_top - rbottom, y_top - oy
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
            box[1] = max(box[1], x1)
            box[2] = min(box[2], top)
            box[3] = max(box[3], bottom)
            size = max(size, csize)
        cur.append(ch)
        spaced = False
    flush()
    return words

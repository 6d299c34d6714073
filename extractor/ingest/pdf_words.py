"""The words of a PDF page read in bulk: the rules of `pdf_chars`, with one
pdfium call per glyph plus a few per text object, and the grouping done on
arrays.

Per glyph pdfium is asked only for its loose box. The text matrix and the
font size belong to the text object (pdfium sets them once per object), so
they are read once per object, and so is the origin (the baseline) when the
object's matrix has no skew term; a skewed object, or one set vertically (its
boxes move and its last glyph's origin is not its first's), has its origins
read per glyph. pdfium lists an object's characters together, so where the
objects start is found by probing a few glyphs (`_objects`), not all of them;
right-to-left text, which pdfium reorders, is read glyph by glyph. The
character classes (spaces, skipped zero-width characters, ligatures) are
decided once per distinct code.

Grouping: a run of glyphs with no break between them is one word unless
a test of `pdf_chars` could split it (a baseline other than the run's
first, a glyph left of the run's first, or a gap to the previous glyph wider
than `WORD_GAP` of the smaller of the two sizes: the word's running box and
size can only make these tests fail more often). Runs that pass are words
as they stand; the few others go through the glyph-by-glyph rules. A page
whose text does not map 1:1 onto pdfium's characters (surrogate pairs) or
with a glyph outside any text object is read by `words_per_char`.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import deque
from itertools import repeat
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from litkg.extractor.ingest.pdf_chars import (
    BASELINE_JUMP,
    SOFT_HYPHEN,
    WORD_GAP,
    PageChars,
    Word,
    calls,
    classify,
    emit_word,
    words_per_char,
)

_SKIP, _BREAK, _GLYPH = 0, 1, 2
_has_soft_hyphen = re.compile(SOFT_HYPHEN).search


def read_page_words(page: pdfium.PdfPage, number: int) -> PageChars:
    """Read the words of one page with pdfium's text page API."""
    width, height = page.get_size()
    left, bottom, _right, top_edge = page.get_mediabox()
    y_top = top_edge if top_edge > bottom else bottom + height
    textpage = page.get_textpage()
    try:
        words = words_from_textpage(textpage, y_top, left)
        n = pdfium_c.FPDFText_CountChars(textpage.raw)
    finally:
        textpage.close()
    return PageChars(number=number, width=width, height=height, words=words, n_chars=max(n, 0))


class _CodeTable:
    """`classify` of every code seen so far, as arrays indexed by code."""

    def __init__(self) -> None:
        self.kind = np.full(0x110000, -1, dtype=np.int8)
        self.special = np.zeros(0x110000, dtype=bool)  # its text is not the character
        self.text: dict[int, str] = {}

    def classes(self, codes: np.ndarray) -> np.ndarray:
        """The class of every code (`_SKIP`, `_BREAK`, `_GLYPH`)."""
        kind = self.kind[codes]
        if (kind < 0).any():
            for c in np.unique(codes[kind < 0]).tolist():
                x = classify(c)
                self.kind[c] = _SKIP if x is None else _BREAK if x is True else _GLYPH
                if isinstance(x, str) and x != chr(c):
                    self.special[c] = True
                    self.text[c] = x
            kind = self.kind[codes]
        return kind


_TABLE: _CodeTable | None = None


def _table() -> _CodeTable:
    global _TABLE
    if _TABLE is None:
        _TABLE = _CodeTable()
    return _TABLE


def _objects(
    ks: list[int], hints: list[int], handle: ctypes.c_void_p, text_object: Any
) -> list[int] | None:
    """The first glyph of each text object of the glyphs `ks`.

    pdfium lists an object's characters together, so an object's end is
    found by probes rather than one call per glyph: objects mostly end at a
    line break or a change of box height (`hints`: sorted glyph positions,
    ending with len(ks)), so the probes step over hints, doubling then
    halving, and only then over glyphs. None when a glyph has no text object."""
    g = len(ks)
    heads: list[int] = []
    seen = [-1] * g  # the handle of each glyph probed (0: none)

    def obj(j: int) -> int:
        h = seen[j]
        if h < 0:
            h = seen[j] = text_object(handle, ks[j]) or 0
        return h

    i = 0  # hints[i] is the first hint after the current object's head
    j = 0
    while j < g:
        h = obj(j)
        if not h:
            return None
        heads.append(j)
        while hints[i] <= j:
            i += 1
        # the last hint m (counted from i) whose glyph before is still in the object
        if obj(hints[i] - 1) != h:
            lo, hi = j, hints[i] - 1  # the object ends before the first hint
        else:
            m_lo, step = 0, 1
            m_hi = len(hints) - i
            while i + m_lo + step < len(hints):
                if obj(hints[i + m_lo + step] - 1) == h:
                    m_lo += step
                    step *= 2
                else:
                    m_hi = m_lo + step
                    break
            while m_hi - m_lo > 1:
                mid = (m_lo + m_hi) // 2
                if obj(hints[i + mid] - 1) == h:
                    m_lo = mid
                else:
                    m_hi = mid
            lo = hints[i + m_lo] - 1
            hi = hints[i + m_hi] - 1 if i + m_hi < len(hints) else g
            if lo + 1 < hi and obj(lo + 1) != h:
                hi = lo + 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if obj(mid) == h:
                lo = mid
            else:
                hi = mid
        j = lo + 1
    return heads


def words_from_textpage(textpage: pdfium.PdfTextPage, y_top: float, x_left: float) -> list[Word]:
    """The words of a text page (see the module doc)."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:
        return words_per_char(textpage, y_top, x_left)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    hyphens = np.flatnonzero((codes == 0x2) | (codes == 0xFFFE)).tolist()
    for k in hyphens:
        if pdfium_c.FPDFText_IsHyphen(raw, k):
            codes[k] = 0x2D  # pdfium's mark for a hyphen it judged to end a line
    if ((codes >= 0x590) & (codes < 0x900) | (codes >= 0xFB1D) & (codes < 0xFF00)).any():
        # right-to-left text: pdfium reorders its characters, an object's
        # characters may then not be listed together
        return words_per_char(textpage, y_top, x_left)
    table = _table()
    kind = table.classes(codes)
    glyphs = np.flatnonzero(kind == _GLYPH)
    g = len(glyphs)
    if not g:
        return []
    cl = calls()
    cl.reserve(g)
    handle = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    ks = glyphs.tolist()
    # the one call per glyph, made from C (map) into consecutive FS_RECTF slots
    deque(map(cl.bare_loose_box, repeat(handle, g), ks, cl.box_slots[:g]), maxlen=0)
    rects = np.frombuffer(cl.boxes, dtype=np.float32, count=4 * g).reshape(g, 4).astype(np.float64)
    hints = (rects[1:, 1] != rects[:-1, 1]) | (rects[1:, 3] != rects[:-1, 3])
    lines = np.cumsum((codes == 0xA) | (codes == 0xD))[glyphs]
    hints |= lines[1:] != lines[:-1]  # a line break between
    found = _objects(ks, [*(np.flatnonzero(hints) + 1).tolist(), g], handle, cl.bare_text_object)
    if found is None:
        return words_per_char(textpage, y_top, x_left)
    head_list = found
    heads = np.array(head_list)
    obj_of = np.repeat(np.arange(len(heads)), np.diff(np.append(heads, g)))

    # per text object: matrix, font size and origin of its first glyph (from C, map)
    n_obj = len(head_list)
    head_ks = glyphs[heads].tolist()
    hs = [handle] * n_obj
    deque(map(cl.bare_matrix, hs, head_ks, cl.matrix_slots[:n_obj]), 0)
    sizes = np.fromiter(map(cl.bare_font_size, hs, head_ks), np.float64, n_obj)
    deque(map(cl.bare_origin, hs, head_ks, cl.x_slots[:n_obj], cl.y_slots[:n_obj]), 0)
    mats = np.frombuffer(cl.matrices, dtype=np.float32, count=6 * n_obj).reshape(n_obj, 6)
    ma, mb, mc, md = (mats[:, i].astype(np.float64) for i in range(4))
    hyp = np.fromiter(map(math.hypot, mc.tolist(), md.tolist()), np.float64, n_obj)
    csize_obj = (hyp * sizes).tolist()
    upright_obj = ((np.abs(mb) <= 0.05 * np.abs(ma) + 1e-9) & (ma > 0) & (md > 0)).tolist()
    oy_obj = np.frombuffer(cl.origins, dtype=np.float64, count=2 * n_obj)[1::2].tolist()
    oy = np.array(oy_obj)[obj_of]
    # the baseline of a glyph is its object's unless the object is skewed or
    # set vertically (its boxes move and its last glyph's origin differs)
    head_of = heads[obj_of]
    moved = (rects[:, 1] != rects[head_of, 1]) | (rects[:, 3] != rects[head_of, 3])
    own = (mats[:, 1] != 0)[obj_of]
    origin = cl.bare_origin
    one = (ctypes.c_double * 2)()
    at = ctypes.addressof(one)
    ox, oy_at = ctypes.c_void_p(at), ctypes.c_void_p(at + 8)
    ends = np.append(heads[1:], g) - 1
    for o in np.unique(obj_of[moved & ~own]).tolist():
        origin(handle, ks[ends[o]], ox, oy_at)
        if one[1] != oy_obj[o]:
            own[heads[o] : ends[o] + 1] = True
    for j in np.flatnonzero(own).tolist():
        origin(handle, ks[j], ox, oy_at)
        oy[j] = one[1]
    csize = np.array(csize_obj)[obj_of]
    valid = np.array(upright_obj)[obj_of] & (csize > 0.5)

    # the character sequence without skipped characters: 0 break, 1 glyph not
    # read (rotated, tiny), 2 glyph read
    seq_kind = kind[kind != _SKIP]
    state = np.zeros(len(seq_kind), dtype=np.int8)
    at = np.flatnonzero(seq_kind == _GLYPH)
    state[at] = np.where(valid, 2, 1)
    pos = at[valid]  # sequence positions of the glyphs read
    if not len(pos):
        return []
    vk = glyphs[valid]
    run_start = np.ones(len(pos), dtype=bool)
    run_start[1:] = state[pos[1:] - 1] != 2
    breaks = np.cumsum(state == 0)
    spaced = np.ones(len(pos), dtype=bool)
    spaced[1:] = breaks[pos[1:]] > breaks[pos[:-1]]

    r = rects[valid]
    x0, x1 = r[:, 0] - x_left, r[:, 2] - x_left
    top, bottom = y_top - r[:, 1], y_top - r[:, 3]
    bl = y_top - oy[valid]
    cs = csize[valid]
    starts = np.flatnonzero(run_start)
    run_of = np.cumsum(run_start) - 1
    first = starts[run_of]
    doubt = np.zeros(len(pos), dtype=bool)
    doubt[1:] = (x0[1:] - x1[:-1] > WORD_GAP * np.minimum(cs[1:], cs[:-1])) & ~run_start[1:]
    doubt |= (bl != bl[first]) | (x0 < x0[first])
    doubtful = np.zeros(len(starts), dtype=bool)
    doubtful[run_of[doubt]] = True
    ends = np.append(starts[1:], len(pos)) - 1

    # a run's text is a slice of the page text when its glyphs are consecutive
    # characters standing for themselves
    special = table.special[codes]
    if hyphens:
        special[hyphens] = codes[hyphens] == 0x2D
    spc = np.concatenate(([0], np.cumsum(special)))
    ka, ke = vk[starts], vk[ends]
    sliced = (ke - ka == ends - starts) & (spc[ke + 1] == spc[ka])
    n_runs = len(starts)
    ka_l, sliced_l = ka.tolist(), sliced.tolist()
    texts = list(map(text.__getitem__, map(slice, ka_l, (ke + 1).tolist())))
    for r in np.flatnonzero(~sliced).tolist():
        texts[r] = "".join(
            _glyph_text(text, codes, table, k) for k in vk[starts[r] : ends[r] + 1].tolist()
        )
    sp_l = spaced[starts].tolist()
    # the doubtful runs and those with a soft hyphen are made by the glyph rules,
    # each into a list of its own, first: the other runs are then each a word as
    # it stands, made from C (map) with its final position as its seq
    redo_at = doubtful.copy()
    if SOFT_HYPHEN in text:
        redo_at |= np.fromiter(map(_has_soft_hyphen, texts), bool, n_runs)
    redo = np.flatnonzero(redo_at).tolist()
    cols = (
        x0[starts].tolist(),
        np.maximum.reduceat(x1, starts).tolist(),
        np.minimum.reduceat(top, starts).tolist(),
        np.maximum.reduceat(bottom, starts).tolist(),
        bl[starts].tolist(),
        np.maximum.reduceat(cs, starts).tolist(),
    )
    parts: list[list[Word]] = []
    seq: Any = range(n_runs)
    if redo:
        doubtful_l = doubtful.tolist()
        redo_d = [r for r in redo if doubtful_l[r]]
        # the glyphs of the doubtful runs, one run after the other, as lists
        if redo_d:
            dr = np.array(redo_d)
            length = ends[dr] - starts[dr] + 1
            into = np.cumsum(length) - length  # where each run starts in the lists
            at = np.arange(int(length.sum())) + np.repeat(starts[dr] - into, length)
            v = _Glyphs(*(col[at].tolist() for col in (x0, x1, top, bottom, bl, cs)))
            v_ks = vk[at].tolist()
            offset = dict(zip(redo_d, into.tolist(), strict=True))
        for r in redo:
            out: list[Word] = []
            if doubtful_l[r]:
                if sliced_l[r]:
                    glyph_text = list(texts[r])
                else:
                    span = vk[starts[r] : ends[r] + 1].tolist()
                    glyph_text = [_glyph_text(text, codes, table, k) for k in span]
                _split_run(v, glyph_text, v_ks, sp_l[r], out, offset[r])
            else:
                box = (cols[0][r], cols[1][r], cols[2][r], cols[3][r])
                emit_word(out, texts[r], box, cols[4][r], cols[5][r], ka_l[r], sp_l[r])
            parts.append(out)
        extra = np.zeros(n_runs, dtype=np.int64)
        extra[redo] = [len(out) - 1 for out in parts]
        seq = (np.arange(n_runs) + np.cumsum(extra) - extra).tolist()
    made = list(
        map(
            Word,
            texts,
            *cols,
            ka_l,
            repeat(False, n_runs),  # sup
            repeat(False, n_runs),  # sub
            repeat(False, n_runs),  # soft
            repeat("", n_runs),  # prefix
            repeat("", n_runs),  # suffix
            seq,
            sp_l,
        )
    )
    if not redo:
        return made
    words: list[Word] = []
    done = 0
    for r, out in zip(redo, parts, strict=True):
        words.extend(made[done:r])
        done = r + 1
        base = len(words)
        for w in out:
            w.seq += base
        words.extend(out)
    words.extend(made[done:])
    return words


def _glyph_text(text: str, codes: np.ndarray, table: _CodeTable, k: int) -> str:
    c = int(codes[k])
    return table.text[c] if table.special[c] else chr(c) if c == 0x2D else text[k]


class _Glyphs:
    """The geometry of the glyphs read, as lists (fast to index one by one)."""

    def __init__(self, *cols: list[float]) -> None:
        self.x0, self.x1, self.top, self.bottom, self.bl, self.cs = cols


def _split_run(
    v: _Glyphs, vtext: list[str], ks: list[int], spaced: bool, words: list[Word], o: int = 0
) -> None:
    """The words of one run of glyphs (no break between them), by the
    glyph-by-glyph rules of `pdf_chars`: its glyph i is at o + i in `v` and
    `ks`, at i in `vtext`."""
    a, e = o, o + len(vtext) - 1
    s = a
    box = [v.x0[a], v.x1[a], v.top[a], v.bottom[a]]
    base, size, word_spaced = v.bl[a], v.cs[a], spaced
    for i in range(a + 1, e + 1):
        x0, csize = v.x0[i], v.cs[i]
        small = min(csize, size)
        wide = x0 - box[1] > WORD_GAP * small
        if abs(v.bl[i] - base) > BASELINE_JUMP * small or wide or x0 < box[0] - 0.5 * small:
            emit_word(words, "".join(vtext[s - o : i - o]), box, base, size, ks[s], word_spaced)
            s = i
            box = [x0, v.x1[i], v.top[i], v.bottom[i]]
            base, size, word_spaced = v.bl[i], csize, wide
        else:
            box[1] = max(box[1], v.x1[i])
            box[2] = min(box[2], v.top[i])
            box[3] = max(box[3], v.bottom[i])
            size = max(size, csize)
    emit_word(words, "".join(vtext[s - o : e + 1 - o]), box, base, size, ks[s], word_spaced)

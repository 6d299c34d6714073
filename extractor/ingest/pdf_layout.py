"""Page layout: superscripts, lines, running headers/footers, reading order.

Rules (all relative to font size, so they hold for any type size):

* **Superscripts/subscripts.** A word at most `SCRIPT_RATIO` the size of an
  adjacent word (the one before it in content order, else the one after),
  touching it horizontally, with its baseline raised by 0.12-0.8 of that
  word's size is a superscript; lowered by 0.08-0.5 it is a subscript. Both
  are attached to that word. Superscripts are rendered as Unicode
  superscript characters (``survival¹⁴``, ``85%¹⁴``, ``CD3⁺``, footnote
  ``ᵃ``) so that a citation number can never be read as part of a number;
  one holding a character without a superscript form is rendered
  ``^{...}``. Subscripts are glued as plain text (``CO2``).
* **Lines.** Words whose baselines lie within 0.3 of a font size are one
  line, split where the horizontal gap exceeds `LINE_GAP` font sizes (column
  gutters, table columns) unless the two words follow each other in the
  content stream (justified text stretches spaces to 2-3 font sizes, as wide
  as a gutter; columns are drawn one after the other), where the limit is
  `ADJACENT_GAP` font sizes. Where the font size steps down by more than
  `SIZE_STEP` across a gap wider than `SIZE_STEP_GAP` font sizes the line
  is split too (a margin column set close beside the body, Lancet style).
* **Running headers and footers.** A line in the top or bottom `MARGIN_BAND`
  of the page is dropped when its text, digits folded, recurs at about the
  same distance (half a font size) from the page's top or bottom edge on at
  least two pages and on at least 40%
  of the pages (or is a bare page
  number such as ``3``, ``Page 3 of 9``). `split_running` also returns the
  dropped lines, which is where the journal, year and DOI are printed.
* **Margin columns.** Lines in a smaller font than the body (< 0.85) that
  no body-size line within two body sizes above or below overlaps
  horizontally, forming a band at most `MARGIN_WIDTH` of the page wide with
  all the body lines beside it (at its heights) on one side of it
  (affiliations, citation block, "Published Online" dates beside the body),
  are marked `side`: they are read as blocks of their own, placed between
  the body's paragraphs, never inside a sentence.
* **Reading order.** Recursive XY-cut, columns first: a region with a
  vertical gutter crossing all of it (no item spans it) is split into
  columns read left to right; otherwise it is cut into horizontal strips at
  every vertical gap, and consecutive strips that share a gutter are merged
  back (so a coincidental gap at the same height in both columns does not
  interleave them). Full-width blocks (title, full-width table) therefore
  break the page into bands read top to bottom, each band column by column.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from typing import Protocol

import numpy as np

from litkg.extractor.ingest.pdf_chars import PageChars, Word

SCRIPT_RATIO = 0.85
LINE_GAP = 1.0
ADJACENT_GAP = 4.0
MARGIN_BAND = 0.12
MIN_GUTTER = 0.7  # in body font sizes
SIZE_STEP = 0.8  # words this much smaller than their neighbour on the line...
SIZE_STEP_GAP = 0.8  # ...and this many font sizes away start a line of their own
MARGIN_WIDTH = 0.3  # a margin column is at most this share of the page width

_SUP = dict(
    zip(
        "0123456789+-−–=()abcdefghijklmnoprstuvwxyz",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ",
        strict=True,
    )
)
_SUP_KEEP = set(",.;*†‡§¶#|/·'’") | set(_SUP.values())
_PAGE_NO = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)


def is_page_number(text: str) -> bool:
    """A bare page number: ``3``, ``Page 3 of 9``, ``3/9``."""
    return bool(_PAGE_NO.match(text.strip()))


def superscript(text: str) -> str:
    """Render a superscript: Unicode superscript characters, else ``^{text}``."""
    if all(c in _SUP or c in _SUP_KEEP for c in text):
        return "".join(_SUP.get(c, c) for c in text)
    return "^{" + text + "}"


_X0, _X1, _TOP, _BOTTOM = (
    attrgetter("x0"),
    attrgetter("x1"),
    attrgetter("top"),
    attrgetter("bottom"),
)
_BASELINE, _SIZE = attrgetter("baseline"), attrgetter("size")
_ATTACHED = attrgetter("attached")
_SPAN = attrgetter("x0", "x1")


@dataclass(slots=True)
class Line:
    """A line of words (left to right) with its box."""

    words: list[Word]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    baseline: float = 0.0
    size: float = 0.0
    text: str = field(default="")
    side: bool = False  # a margin column, side box or running line: placed between paragraphs
    #: `text` is the words' rendered texts joined by single spaces (no word glued)
    spaced: bool = field(default=True, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = self.words
        first = words[0]
        if len(words) == 1:
            self.x0, self.x1, self.top, self.bottom = first.x0, first.x1, first.top, first.bottom
            self.baseline, self.size = first.baseline, first.size
            self.text = first.prefix + first.text + first.suffix
            return
        self.x0 = min(map(_X0, words))
        self.x1 = max(map(_X1, words))
        self.top = min(map(_TOP, words))
        self.bottom = max(map(_BOTTOM, words))
        # the median baseline (as statistics.median computes it)
        bls = sorted(map(_BASELINE, words))
        mid = len(bls) // 2
        self.baseline = bls[mid] if len(bls) % 2 else (bls[mid - 1] + bls[mid]) / 2
        self.size = max(map(_SIZE, words))
        parts = [first.prefix + first.text + first.suffix]
        prev = first
        spaced = True
        for w in words[1:]:
            rendered = w.prefix + w.text + w.suffix
            if not w.space_before and w.x0 - prev.x1 < 0.15 * w.size:
                parts.append(rendered)  # glued
                spaced = False
            else:
                parts.append(" " + rendered)
            prev = w
        self.text = "".join(parts)
        self.spaced = spaced


class Box(Protocol):
    """Anything with a box: lines and table blocks."""

    x0: float
    x1: float
    top: float
    bottom: float


def attach_scripts(words: list[Word]) -> list[Word]:
    """Attach superscripts/subscripts to their word; return the remaining words."""
    n = len(words)
    if n < 2:
        return [w for w in words if not w.attached]
    host_of: dict[int, Word] = {}

    def attach(i: int) -> bool:
        w = words[i]
        for j, after in ((i - 1, True), (i + 1, False)):
            if not 0 <= j < n:
                continue
            v = words[j]
            if v.attached:
                if not after or id(v) not in host_of:
                    continue
                host = host_of[id(v)]
            else:
                host = v
            if w.size > SCRIPT_RATIO * host.size:
                continue
            gap = w.x0 - v.x1 if after else v.x0 - w.x1
            if not -0.3 * host.size <= gap <= 0.6 * host.size:
                continue
            shift = host.baseline - w.baseline  # > 0: raised
            if 0.12 * host.size <= shift <= 0.8 * host.size:
                text = superscript(w.text)
            elif -0.5 * host.size <= shift <= -0.08 * host.size:
                text = w.text
            else:
                continue
            if after:
                host.suffix += text
                host.x1 = max(host.x1, w.x1)
            else:
                host.prefix = text + host.prefix
                host.x0 = min(host.x0, w.x0)
            w.attached = True
            host_of[id(w)] = host
            return True
        return False

    # a word can be attached only where it is small beside a neighbour that is
    # not attached, or right after a word attached here (its host is the
    # neighbour's host): only those are tried, in order
    size = np.fromiter(map(_SIZE, words), np.float64, n)
    free = ~np.fromiter(map(_ATTACHED, words), bool, n)
    small = np.zeros(n, dtype=bool)
    small[1:] = ~(size[1:] > SCRIPT_RATIO * size[:-1]) & free[:-1]
    small[:-1] |= ~(size[:-1] > SCRIPT_RATIO * size[1:]) & free[1:]
    todo = np.flatnonzero(small).tolist()
    t, after_attached = 0, -1
    while True:
        if after_attached >= 0:
            i, after_attached = after_attached, -1
            if t < len(todo) and todo[t] == i:
                t += 1
        elif t < len(todo):
            i = todo[t]
            t += 1
        else:
            break
        if attach(i):
            free[i] = False
            if i + 1 < n:
                after_attached = i + 1
    return list(compress(words, free.tolist()))


def build_lines(words: list[Word]) -> list[Line]:
    """Group words into lines (same baseline, no wide horizontal gap)."""
    lines: list[Line] = []
    if not words:
        return lines
    ordered = sorted(words, key=attrgetter("baseline", "x0"))
    clusters: list[list[Word]] = [[ordered[0]]]
    anchor = ordered[0].baseline
    for w in ordered[1:]:
        if w.baseline - anchor > 0.3 * w.size:
            clusters.append([w])
            anchor = w.baseline
        else:
            clusters[-1].append(w)
    for cluster in clusters:
        cluster.sort(key=attrgetter("x0"))
        run = [cluster[0]]
        prev = run[0]
        for w in cluster[1:]:
            ws, ps = w.size, prev.size
            size, small = (ws, ps) if ws >= ps else (ps, ws)
            limit = ADJACENT_GAP if 0 < w.seq - prev.seq <= 3 else LINE_GAP
            if small < SIZE_STEP * size and limit > SIZE_STEP_GAP:
                limit = SIZE_STEP_GAP  # a margin column beside the body, in a smaller font
            if w.x0 - prev.x1 > limit * size:
                lines.append(Line(run))
                run = [w]
            else:
                run.append(w)
            prev = w
        lines.append(Line(run))
    return lines


def page_lines(page: PageChars) -> list[Line]:
    """Words of a page -> lines, superscripts attached."""
    return build_lines(attach_scripts(page.words))


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _recurs(seen: dict[str, set[tuple[int, float, float]]], ln: Line, height: float) -> int:
    """On how many pages the line's text (digits folded) stands at about the same
    distance from the top, or from the bottom (landscape pages), of the page."""
    tol = 0.5 * ln.size + 2
    return len(
        {
            i
            for i, top, up in seen[_fold(ln.text)]
            if abs(top - ln.top) <= tol or abs(up - (height - ln.bottom)) <= tol
        }
    )


def drop_running(pages: Sequence[tuple[float, list[Line]]]) -> list[list[Line]]:
    """Drop running headers/footers and page numbers; `pages` = (height, lines)."""
    return split_running(pages)[0]


def split_running(
    pages: Sequence[tuple[float, list[Line]]],
) -> tuple[list[list[Line]], list[list[Line]]]:
    """(kept, dropped) lines of each page: running headers/footers and page numbers dropped."""
    n = len(pages)
    seen: dict[str, set[tuple[int, float, float]]] = defaultdict(set)
    in_band: list[list[bool]] = []
    for i, (height, lines) in enumerate(pages):
        flags = [
            ln.bottom < MARGIN_BAND * height or ln.top > (1 - MARGIN_BAND) * height for ln in lines
        ]
        in_band.append(flags)
        for ln, flag in zip(lines, flags, strict=True):
            if flag:
                seen[_fold(ln.text)].add((i, ln.top, height - ln.bottom))
    need = 2 if n <= 4 else max(2, round(0.4 * n))
    out: list[list[Line]] = []
    for (_h, lines), flags in zip(pages, in_band, strict=True):
        kept = [
            ln
            for ln, flag in zip(lines, flags, strict=True)
            if not (flag and (_PAGE_NO.match(ln.text.strip()) or _recurs(seen, ln, _h) >= need))
        ]
        if n == 1 and kept:
            # one page: nothing repeats, but a running header still sits in the
            # top band in a smaller font than the body
            body = body_size(kept)
            kept = [
                ln
                for ln, flag in zip(lines, flags, strict=True)
                if ln in kept
                and not (flag and ln.bottom < MARGIN_BAND * _h and ln.size < 0.9 * body)
            ]
        out.append(kept)
    dropped = []
    for (_h, lines), kept in zip(pages, out, strict=True):
        kept_ids = {id(k) for k in kept}
        dropped.append([ln for ln in lines if id(ln) not in kept_ids])
    return out, dropped


def mark_margin_columns(lines: Sequence[Line], page_width: float, body: float) -> None:
    """Mark the lines of a margin column beside the body as `side` (see the module doc)."""
    big = [ln for ln in lines if ln.size >= 0.9 * body]
    if len(big) < 5:
        return

    small = [ln for ln in lines if ln.size < 0.85 * body]
    if not small:
        return
    # a small line is free when no body-size line overlaps it horizontally within
    # two body sizes above or below: every pair tested at once
    b = np.array([(ln.x0, ln.x1, ln.top, ln.bottom) for ln in big]).T
    s = np.array([(ln.x0, ln.x1, ln.top, ln.bottom) for ln in small])[:, :, None]
    crossed = (
        (b[0] < s[:, 1] + 2)
        & (s[:, 0] < b[1] + 2)
        & (b[2] < s[:, 3] + 2 * body)
        & (s[:, 2] - 2 * body < b[3])
    )
    free = list(compress(small, (~crossed.any(axis=1)).tolist()))
    bands: list[list[Line]] = []
    for ln in sorted(free, key=attrgetter("x0")):
        if bands and ln.x0 <= max(b.x1 for b in bands[-1]):
            bands[-1].append(ln)
        else:
            bands.append([ln])
    for band in bands:
        x0, x1 = min(ln.x0 for ln in band), max(ln.x1 for ln in band)
        top, bottom = min(ln.top for ln in band), max(ln.bottom for ln in band)
        if len(band) < 3 or x1 - x0 > MARGIN_WIDTH * page_width:
            continue
        beside = [b for b in big if b.top < bottom and top < b.bottom]
        if any(b.x0 < x1 and x0 < b.x1 for b in beside):
            continue  # a body line crosses the band: not a column of its own
        if beside and (all(b.x1 <= x0 for b in beside) or all(b.x0 >= x1 for b in beside)):
            for ln in band:
                ln.side = True


def _gutters(items: Sequence[Box], min_gap: float) -> list[float]:
    """x positions (mid-points) of vertical gaps crossing all items."""
    spans = sorted(map(_SPAN, items))
    cuts: list[float] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= min_gap:
            cuts.append((x0 + reach) / 2)
        reach = max(reach, x1)
    return cuts


def _strips(items: Sequence[Box]) -> list[list[Box]]:
    """Cut items into horizontal strips at every vertical gap."""
    ordered = sorted(items, key=attrgetter("top", "x0"))
    strips: list[list[Box]] = [[ordered[0]]]
    reach = ordered[0].bottom
    for it in ordered[1:]:
        if it.top >= reach:
            strips.append([it])
        else:
            strips[-1].append(it)
        reach = max(reach, it.bottom)
    return strips


def reading_order(items: Sequence[Box], min_gap: float) -> list[Box]:
    """Order boxes for reading: columns left to right, bands top to bottom."""
    if len(items) <= 1:
        return list(items)
    cuts = _gutters(items, min_gap)
    if cuts:
        columns: list[list[Box]] = [[] for _ in range(len(cuts) + 1)]
        ordered_cuts = sorted(cuts)
        for it in items:
            # the column: how many cuts lie left of the item's centre
            columns[bisect_left(ordered_cuts, (it.x0 + it.x1) / 2)].append(it)
        return [it for col in columns for it in reading_order(col, min_gap)]
    merged: list[list[Box]] = []
    for strip in _strips(items):
        if merged and _gutters(merged[-1] + strip, min_gap):
            merged[-1].extend(strip)
        else:
            merged.append(strip)
    if len(merged) == 1:
        return sorted(items, key=attrgetter("top", "x0"))
    return [it for group in merged for it in reading_order(group, min_gap)]


def body_size(lines: Sequence[Line]) -> float:
    """The most common font size of the text (weighted by characters)."""
    return common_size(size_weights(lines))


def size_weights(lines: Sequence[Line]) -> dict[float, int]:
    """Characters per font size (to 0.1 pt), sizes in the order they occur."""
    weights: dict[float, int] = defaultdict(int)
    rounded: dict[float, float] = {}  # a page has a few distinct sizes
    for ln in lines:
        for w in ln.words:
            size = rounded.get(w.size)
            if size is None:
                size = rounded[w.size] = round(w.size, 1)
            weights[size] += len(w.text)
    return weights


def merge_weights(parts: Sequence[dict[float, int]]) -> dict[float, int]:
    """The `size_weights` of several pages' lines taken together."""
    total: dict[float, int] = defaultdict(int)
    for part in parts:
        for size, n in part.items():
            total[size] += n
    return total


def common_size(weights: dict[float, int]) -> float:
    """The size with the most characters (the first to occur among equals); 10 pt
    for no text."""
    return max(weights, key=weights.__getitem__) if weights else 10.0

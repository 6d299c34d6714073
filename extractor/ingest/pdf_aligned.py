"""Tables without vertical rules: booktabs rules or a box, columns from word positions.

A **region** is either a run of consecutive gaps between horizontal rules of
about the same extent (booktabs: top rule, mid rule, bottom rule; at least
`MIN_RULE` of the page wide) each holding mostly data rows (see below), or a shaded or framed
box holding a "Table N" caption or a "(continued)" line. Inside it:

* **rows**: the words grouped by baseline (0.3 font sizes);
* **chunks**: a row's words split where the gap exceeds `CHUNK_GAP` font
  sizes; rows of two or more chunks and at most three words a chunk are
  data rows (a justified line of prose has a wide gap among many words);
* **columns**: cut at the vertical white stripes at least `CHUNK_GAP` font
  sizes wide that cross every data row; every word of every row goes to the
  column its centre falls in (a row of one chunk, a group label, keeps its
  text in the column of its first word);
* **header rows**: the rows above the first rule inside the region (the mid
  rule), else the rows before the first row with two numeric cells;
* **caption**: the "Table N" line at the region's top or bottom, or just above
  it (its paragraph); **footnotes**: single-chunk prose rows below the last
  data row inside the region, and the lines just below a bottom rule
  (within 1.5 line pitches each, none in a larger font than the table).

A region holding a "Figure N" caption is a figure, never a table. A region
becomes a table only with at least three data rows and numbers in a third of
its non-stub cells; with only two columns, a "Table N" caption, at least
four data rows and numbers in two thirds of the value cells. So two columns of prose between
rules (a pull quote, a title block) never make a table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

import numpy as np

from litkg.extractor.ingest.pdf_chars import Word
from litkg.extractor.ingest.pdf_layout import Line, build_lines
from litkg.extractor.ingest.pdf_tables import CAPTION, TableBlock

Rect = tuple[float, float, float, float]
MIN_RULE = 0.25
CHUNK_GAP = 0.9
_CONTINUED = re.compile(r"\(?\s*(?:table \d+ )?continu", re.IGNORECASE)
_NUMERIC = re.compile(r"\d")
_VALUE = re.compile(
    r"^[<>≤≥\u2212\-–]?\s*\d"
)  # a cell that is a value ("12 (24%)", "<0·01"), not "(n=50)"
_FIGURE = re.compile(r"^\s*(?:fig(?:ure)?\.?|chart|scheme)\s*\d", re.IGNORECASE)


def rule_groups(
    edges: Sequence[dict[str, Any]], width: float
) -> list[tuple[float, float, list[float]]]:
    """Horizontal rules of about the same extent: (x0, x1, heights), two or more rules."""
    rules = sorted(
        {
            (round(e["x0"]), round(e["x1"]), round(e["top"], 1))
            for e in edges
            if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE * width
        },
        key=lambda r: r[2],
    )
    groups: list[list[tuple[int, int, float]]] = []
    for r in rules:
        for g in groups:
            if abs(g[0][0] - r[0]) <= 8 and abs(g[0][1] - r[1]) <= 8:
                if r[2] - g[-1][2] > 0.5:
                    g.append(r)
                break
        else:
            groups.append([r])
    return [
        (float(min(x0 for x0, _, _ in g)), float(max(x1 for _, x1, _ in g)), [y for *_, y in g])
        for g in groups
        if len(g) >= 2
    ]


def _tabular(words: list[Word]) -> bool:
    """Whether the words between two rules are table rows (mostly data rows)."""
    rows = _rows(words)
    data = [r for r in rows if _is_data(r, _chunks(r))]
    return bool(data) and len(data) >= len(rows) / 2


def _is_data(row: list[Word], chunks: list[list[Word]]) -> bool:
    """Two or more chunks and few words per chunk, or numbers in every chunk but the stub."""
    return len(chunks) >= 2 and (
        len(row) <= 3 * len(chunks) or all(_NUMERIC.search(_text(k)) for k in chunks[1:])
    )


def split_rule_group(
    x0: float,
    x1: float,
    ys: list[float],
    words: list[Word],
    centres: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[Rect]:
    """Regions of one group of rules: runs of consecutive rule gaps holding table
    rows (`centres`: the words' `word_centres`, when the caller has them)."""
    out: list[Rect] = []
    run: list[float] = []
    gaps = list(zip(ys, ys[1:], strict=False))
    held = _held(x0, x1, gaps, words, centres)
    tabular = [bool(inside) and _tabular(inside) for inside in held]
    for k, (a, b) in enumerate(gaps):
        # a header between the top and mid rules, its labels too wordy for data rows
        header = (
            not run
            and k + 1 < len(gaps)
            and tabular[k + 1]
            and bool(held[k])
            and all(len(_chunks(r)) >= 2 for r in _rows(held[k]))
        )
        if tabular[k] or header:
            run = run or [a]
            run.append(b)
            continue
        if len(run) >= 2 and run[-1] - run[0] >= 20:
            out.append((x0, run[0], x1, run[-1]))
        run = []
    if len(run) >= 2 and run[-1] - run[0] >= 20:
        out.append((x0, run[0], x1, run[-1]))
    return out


def word_centres(words: list[Word]) -> tuple[np.ndarray, np.ndarray]:
    """The x and y centres of the words' boxes, as arrays."""
    box = np.array([(w.x0, w.x1, w.top, w.bottom) for w in words])
    return (box[:, 0] + box[:, 1]) / 2, (box[:, 2] + box[:, 3]) / 2


def _held(
    x0: float,
    x1: float,
    gaps: list[tuple[float, float]],
    words: list[Word],
    centres: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[list[Word]]:
    """The words (in order) whose centre is within [x0 - 2, x1 + 2] and strictly
    between the two rules of each gap (centres as arrays, computed once)."""
    if not words or not gaps:
        return [[] for _ in gaps]
    cx, cy = word_centres(words) if centres is None else centres
    across = np.flatnonzero((x0 - 2 <= cx) & (cx <= x1 + 2))
    cy = cy[across]
    return [[words[i] for i in across[(a < cy) & (cy < b)].tolist()] for a, b in gaps]


def _rows(words: list[Word]) -> list[list[Word]]:
    rows: list[list[Word]] = []
    for w in sorted(words, key=attrgetter("baseline", "x0")):
        if rows and abs(w.baseline - rows[-1][0].baseline) <= 0.3 * w.size:
            rows[-1].append(w)
        else:
            rows.append([w])
    for r in rows:
        r.sort(key=attrgetter("x0"))
    return rows


def _chunks(row: list[Word]) -> list[list[Word]]:
    out = [[row[0]]]
    for prev, w in zip(row, row[1:], strict=False):
        if w.x0 - prev.x1 > CHUNK_GAP * max(w.size, prev.size):
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _text(words: list[Word]) -> str:
    parts = [words[0].rendered]
    for prev, w in zip(words, words[1:], strict=False):
        glued = not w.space_before and w.x0 - prev.x1 < 0.15 * w.size
        parts.append(w.rendered if glued else " " + w.rendered)
    return "".join(parts)


_OPEN_WORDS = {"of", "in", "the", "per", "among", "with", "and", "or", "for", "to", "at", "by", "a"}


def _continues_stub(prev: str, text: str) -> bool:
    """Whether a row holding only stub text continues the stub above it."""
    if not prev or not text:
        return False
    return text[0].islower() or prev.split()[-1] in _OPEN_WORDS


def _header_by_columns(chunks: list[list[Word]], cuts: list[float]) -> bool:
    """Whether a row above the data (a header with long labels, too wordy for a
    data row) has its chunks centred in distinct columns (a label may overhang
    the gutter of the data below it)."""
    if len(chunks) < 2:
        return False
    cols = [sum(1 for c in cuts if (k[0].x0 + k[-1].x1) / 2 > c) for k in chunks]
    return len(set(cols)) == len(cols)


def _separators(data: list[list[Word]], x0: float, x1: float) -> list[float]:
    """x positions of white stripes crossing every data row."""
    spans = sorted((w.x0, w.x1) for row in data for w in row)
    size = max(w.size for row in data for w in row)
    cuts: list[float] = []
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= CHUNK_GAP * size:
            cuts.append((a + reach) / 2)
        reach = max(reach, b)
    return cuts


def read_region(
    region: Rect,
    words: list[Word],
    lines: Sequence[Line],
    inner_rules: Sequence[float],
    below_rule: bool,
) -> TableBlock | None:
    """The table in `region`, or None when its words do not align into one."""
    x0, top, x1, bottom = region
    inside = [
        w
        for w in words
        if x0 - 2 <= (w.x0 + w.x1) / 2 <= x1 + 2 and top - 1 <= (w.top + w.bottom) / 2 <= bottom + 1
    ]
    if not inside:
        return None
    rows = _rows(inside)
    caption: list[Word] = []
    # a caption printed inside the region (at its top or bottom), with its paragraph
    for k, row in enumerate(rows):
        if CAPTION.match(_text(row)):
            end = k + 1
            while end < len(rows) and len(_chunks(rows[end])) == 1 and end - k < 4:
                end += 1
            caption = [w for r in rows[k:end] for w in r]
            rows = rows[:k] + rows[end:]
            break
    chunked = [_chunks(r) for r in rows]
    # a data row: two or more chunks and few words per chunk (justified prose has
    # a wide gap now and then, among many words)
    data_idx = [i for i, c in enumerate(chunked) if _is_data(rows[i], c)]
    if len(data_idx) < 3:
        return None
    first, last = data_idx[0], data_idx[-1]
    notes = [rows[i] for i in range(last + 1, len(rows))]
    body = rows[: last + 1]
    # columns from the rows with the most common (or a larger) number of chunks:
    # a header spanning two columns must not hide their gutter
    counts = Counter(len(chunked[i]) for i in data_idx)
    mode = max(counts, key=lambda k: (counts[k], k))
    data = [rows[i] for i in data_idx if len(chunked[i]) >= mode]
    cuts = _separators(data, x0, x1)
    if not cuts:
        return None
    table: list[list[str]] = []
    tops: list[float] = []
    for i, row in enumerate(body):
        cells: list[list[Word]] = [[] for _ in range(len(cuts) + 1)]
        if i < first and i not in data_idx and _header_by_columns(chunked[i], cuts):
            for chunk in chunked[i]:
                cells[sum(1 for c in cuts if (chunk[0].x0 + chunk[-1].x1) / 2 > c)] = chunk
        elif i not in data_idx:
            k = sum(1 for c in cuts if (row[0].x0 + row[0].x1) / 2 > c)
            cells[k] = row
        else:
            for w in row:
                cells[sum(1 for c in cuts if (w.x0 + w.x1) / 2 > c)].append(w)
        texts = [_text(c) if c else "" for c in cells]
        if table and i not in data_idx and _continues_stub(table[-1][0], texts[0]):
            table[-1][0] = f"{table[-1][0]} {texts[0]}"  # a stub wrapped over two lines
            continue
        table.append(texts)
        tops.append(min(w.top for w in row))
    values = [c for r in table[first:] for c in r[1:] if c]
    numeric = sum(1 for c in values if _NUMERIC.search(c))
    if not values or numeric < len(values) / 3:
        return None
    titled = bool(caption) or any(
        CAPTION.match(ln.text) and 0 <= top - ln.bottom <= 40 and ln.x0 < x1 and x0 < ln.x1
        for ln in lines
    )
    if len(cuts) == 1 and (not titled or len(data_idx) < 4 or numeric < 2 * len(values) / 3):
        return None  # two columns: only a captioned stub and column of numbers is a table
    numeric_row = next(
        (i for i, r in enumerate(table) if sum(1 for c in r[1:] if _VALUE.match(c)) >= 2),
        0,
    )
    # the mid rule: the lowest rule inside the region above the first row of numbers
    mid = [y for y in inner_rules if top + 2 < y < bottom - 2 and y < tops[numeric_row]]
    header = sum(1 for t in tops if t < max(mid)) if mid else numeric_row
    used = {id(w) for r in rows for w in r} | {id(w) for w in caption}
    block = TableBlock(x0, top, x1, bottom, cells=[], rows=table)
    block.header_rows = header
    block.footnotes = _paragraphs([_text(r) for r in notes])
    block.notes_taken = len(block.footnotes)  # their words are the table's, not the prose's
    block.caption_text = _text(caption) if caption else None
    block.words = used
    if below_rule:
        block.footnotes += _paragraphs(_notes_below(lines, region, max(w.size for w in inside)))
    return block


def _paragraphs(lines: list[str]) -> list[str]:
    """Footnote lines joined into notes; a new note starts at a note mark (*, †, ‡, §, ¶)
    or a "(continued)" line."""
    out: list[str] = []
    for line in lines:
        starts = bool(re.match(r"[*†‡§¶]", line)) or bool(_CONTINUED.match(line))
        if out and not starts and not _CONTINUED.match(out[-1]):
            joined = out[-1][:-1] if out[-1].endswith("-") and line[:1].islower() else out[-1] + " "
            out[-1] = joined + line
        else:
            out.append(line)
    return out


def _notes_below(lines: Sequence[Line], region: Rect, size: float) -> list[str]:
    """Footnote lines just below a bottom rule (see the module doc)."""
    x0, _top, x1, bottom = region
    out: list[str] = []
    y = bottom
    for ln in sorted(lines, key=lambda ln: ln.top):
        if ln.top < bottom - 1 or ln.x0 < x0 - 2 or ln.x1 > x1 + 2:
            continue
        if ln.top - y > 1.5 * size or ln.size > size + 0.3 or len(out) >= 8:
            break
        out.append(ln.text)
        y = ln.bottom
    return out


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def find_aligned_tables(
    words: list[Word],
    all_words: list[Word],
    ruled: Sequence[TableBlock],
    boxes: Sequence[Rect],
    rules: Sequence[dict[str, Any]],
    width: float,
    lines: list[Line] | None = None,
) -> tuple[list[TableBlock], list[Word]]:
    """The page's tables (the ruled ones, then those found from rules or boxes and
    word positions) and the words left; `all_words` are the page's words before the
    ruled tables took theirs, `lines` those of `words` when the caller has them.
    The words left are `words` itself (the same list) when no table took any."""
    if lines is None:
        lines = build_lines(words)
    regions: list[tuple[Rect, bool]] = []
    for box in boxes:
        held = [ln for ln in lines if box[0] - 2 <= ln.x0 and ln.x1 <= box[2] + 2
                and box[1] - 2 <= ln.top and ln.bottom <= box[3] + 2]  # fmt: skip
        if any(_FIGURE.match(ln.text) for ln in held):
            continue  # a figure's panel: its labels are no table
        if any(CAPTION.match(ln.text) or _CONTINUED.match(ln.text) for ln in held):
            regions.append((box, False))
    groups = rule_groups(rules, width)
    centres = word_centres(words) if groups and words else None  # one array for all groups
    spans = [
        region for x0, x1, ys in groups for region in split_rule_group(x0, x1, ys, words, centres)
    ]
    for region in spans:
        held = [ln for ln in lines if _overlaps(region, (ln.x0, ln.top, ln.x1, ln.bottom))]
        if any(_FIGURE.match(ln.text) for ln in held):
            continue
        if not any(_overlaps(region, r) for r, _ in regions):
            regions.append((region, True))
    out: list[TableBlock] = []
    kept = list(ruled)
    for region, below in regions:
        if not below:
            # a box with a table caption: partial grids pdfplumber found in it are re-read
            for t in [t for t in kept if _within(t.bbox, region)]:
                kept.remove(t)
                words = words + [w for w in all_words if id(w) in t.words]
        if any(_overlaps(region, t.bbox) for t in [*kept, *out]):
            continue
        inner = [
            e["top"]
            for e in rules
            if region[0] - 2 <= e["x0"] and e["x1"] <= region[2] + 2 and e["x1"] - e["x0"] > 20
        ]
        block = read_region(region, words, lines, inner, below)
        if block is None:
            continue
        out.append(block)
        words = [w for w in words if id(w) not in block.words]
    return kept + out, words


def _within(a: Rect, b: Rect, pad: float = 2.0) -> bool:
    return a[0] >= b[0] - pad and a[1] >= b[1] - pad and a[2] <= b[2] + pad and a[3] <= b[3] + pad

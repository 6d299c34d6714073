"""Ruled tables: pdfplumber's table finder fed with rules read by pdfium.

Letting pdfplumber (pdfminer) parse a page costs ~0.25-0.75 s, ~50-100x
pdfium, and for tables it only needs the page's ruling lines. So the
horizontal and vertical segments of the page's visible vector paths
(strokes, filled rectangles and cell shading; form XObjects entered) are read
with pdfium and handed, as pdfplumber edge dicts, to pdfplumber's own
`TableFinder` ("lines" strategy: snap/join edges, intersections, cells,
tables), which never touches pdfminer. Pages without two horizontal and two
vertical segments are skipped. The cell texts are built from the pdfium
words inside each cell, so spacing and superscripts follow the same rules
as the prose. A found table needs at least two rows, two columns
and four non-empty cells (badges and boxed notes are not tables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import numpy as np
import pypdfium2.raw as pdfium_c
from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables
from pdfplumber.utils import obj_to_bbox

from litkg.extractor.ingest.pdf_chars import Word
from litkg.extractor.ingest.pdf_layout import Line, build_lines
from litkg.extractor.ingest.pdf_paths import PagePaths

MIN_EDGE = 3.0  # pdfplumber's edge_min_length
MAX_EDGES = 5000  # a page drawn with more segments is a figure, not a table

CAPTION = re.compile(r"^\s*(table|tab\.)\s*([0-9]+|[ivxlc]+)\b", re.IGNORECASE)


@dataclass
class TableBlock:
    """A table on a page: box (top-down coordinates), cell boxes, then texts."""

    x0: float
    top: float
    x1: float
    bottom: float
    cells: list[list[tuple[float, float, float, float] | None]]
    rows: list[list[str]] = field(default_factory=list)
    caption_line: Line | None = None
    header_rows: int = 0
    footnotes: list[str] = field(default_factory=list)
    caption_text: str | None = None  # a caption read with the table (inside its box)
    notes_taken: int = 0  # how many leading `footnotes` were read from the table's own words
    words: set[int] = field(default_factory=set, repr=False)  # ids of the words it took

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) in PDF points from the page's top-left."""
        return (self.x0, self.top, self.x1, self.bottom)


class _EdgePage:
    """The two attributes of a pdfplumber page that its `TableFinder` reads."""

    def __init__(self, edges: list[dict[str, Any]], width: float, height: float) -> None:
        self.edges = edges
        self.bbox = (0.0, 0.0, width, height)


def page_edges(paths: PagePaths) -> list[dict[str, Any]]:
    """Horizontal and vertical segments of the page's paths, as pdfplumber edges.

    A line-to segment runs from the point before it (or from its subpath's
    start, after a closed one) and a closing segment back to the subpath's
    start; the edges come in the order of the points they end at, a segment
    before the close at the same point, as a walk over the points gives them."""
    x, y, kinds, closes, starts = paths.x, paths.y, paths.kinds, paths.closes, paths.starts
    n = len(x)
    if n < 2:
        return []
    idx = np.arange(n)
    head = np.zeros(n, dtype=bool)
    head[starts[:-1][starts[:-1] < n]] = True
    head |= kinds == pdfium_c.FPDF_SEGMENT_MOVETO
    sub = np.maximum.accumulate(np.where(head, idx, 0))  # each point's subpath start
    prev = idx - 1
    after_close = np.zeros(n, dtype=bool)
    after_close[1:] = closes[:-1] & ~head[:-1]
    prev[after_close] = sub[idx[after_close] - 1]
    line = ~head & (kinds == pdfium_c.FPDF_SEGMENT_LINETO)
    close = ~head & closes
    # candidate segments (a, b) in walk order: point i's line-to, then its close
    order = np.concatenate((np.flatnonzero(line) * 2, np.flatnonzero(close) * 2 + 1))
    a = np.concatenate((prev[line], idx[close]))
    b = np.concatenate((idx[line], sub[close]))
    walk = np.argsort(order, kind="stable")
    a, b = a[walk], b[walk]
    xa, ya, xb, yb = x[a], y[a], x[b], y[b]
    dx, dy = np.abs(xa - xb), np.abs(ya - yb)
    is_h = (dy < 0.5) & (dx >= MIN_EDGE)
    is_v = ~is_h & (dx < 0.5) & (dy >= MIN_EDGE)
    keep = np.flatnonzero(is_h | is_v)
    if not len(keep):
        return []
    h = is_h[keep].tolist()
    xa, ya, xb, yb = (v[keep] for v in (xa, ya, xb, yb))
    lo_x, hi_x = np.minimum(xa, xb).tolist(), np.maximum(xa, xb).tolist()
    mid_y, mid_x = ((ya + yb) / 2).tolist(), ((xa + xb) / 2).tolist()
    lo_y, hi_y = np.minimum(ya, yb).tolist(), np.maximum(ya, yb).tolist()
    return [
        _edge(lo_x[k], hi_x[k], mid_y[k], mid_y[k], "h")
        if h[k]
        else _edge(mid_x[k], mid_x[k], lo_y[k], hi_y[k], "v")
        for k in range(len(h))
    ]


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict[str, Any]:
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }


class _TableFinder(TableFinder):
    """pdfplumber's `TableFinder` (default settings), with its two quadratic
    steps done by `_intersections` and `_cells`: the same intersections and
    cells in the same order, found through indexes instead of scans."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.settings = TableSettings.resolve(None)
        self.edges = self.get_edges()
        self.intersections = _intersections(
            self.edges,
            self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance,
        )
        self.cells = _cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


def _intersections(edges: list[dict[str, Any]], x_tol: float, y_tol: float) -> dict:
    """pdfplumber's `edges_to_intersections`, the horizontal edges sorted once
    (it sorts them again for every vertical edge)."""
    out: dict[tuple[float, float], dict[str, list[dict[str, Any]]]] = {}
    v_edges = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    for v in v_edges:
        vx, vtop, vbottom = v["x0"], v["top"], v["bottom"]
        for h in h_edges:
            htop = h["top"]
            if (
                vtop <= htop + y_tol
                and vbottom >= htop - y_tol
                and h["x0"] - x_tol <= vx <= h["x1"] + x_tol
            ):
                vertex = (vx, htop)
                if vertex not in out:
                    out[vertex] = {"v": [], "h": []}
                out[vertex]["v"].append(v)
                out[vertex]["h"].append(h)
    return out


def _cells(intersections: dict) -> list[tuple[float, float, float, float]]:
    """pdfplumber's `intersections_to_cells`: for each intersection in sorted
    order, the smallest cell it is the top-left corner of; the points below
    and to the right of it come from per-column and per-row lists (in the
    order the scan of the later points would give them) and the edges at
    each point as sets made once."""
    v_at = {p: set(map(obj_to_bbox, d["v"])) for p, d in intersections.items()}
    h_at = {p: set(map(obj_to_bbox, d["h"])) for p, d in intersections.items()}

    def connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        if p1[0] == p2[0] and not v_at[p1].isdisjoint(v_at[p2]):
            return True
        return p1[1] == p2[1] and not h_at[p1].isdisjoint(h_at[p2])

    points = sorted(intersections)
    columns: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    at_column: list[int] = []
    at_row: list[int] = []
    for pt in points:
        col = columns.setdefault(pt[0], [])
        at_column.append(len(col))
        col.append(pt)
        row = rows.setdefault(pt[1], [])
        at_row.append(len(row))
        row.append(pt)
    cells = []
    for i, pt in enumerate(points):
        below = columns[pt[0]][at_column[i] + 1 :]
        right = rows[pt[1]][at_row[i] + 1 :]
        cell = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if (
                    corner in intersections
                    and connects(corner, right_pt)
                    and connects(corner, below_pt)
                ):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell is not None:
                break
        if cell is not None:
            cells.append(cell)
    return cells


def find_table_blocks(edges: list[dict[str, Any]], width: float, height: float) -> list[TableBlock]:
    """Ruled tables (cell boxes) from a page's edges, by pdfplumber's TableFinder."""
    n_h = sum(1 for e in edges if e["orientation"] == "h")
    if n_h < 2 or len(edges) - n_h < 2 or len(edges) > MAX_EDGES:
        return []
    finder = _TableFinder(_EdgePage(edges, width, height))  # type: ignore[arg-type]
    blocks = []
    for t in finder.tables:
        cells = [list(row.cells) for row in t.rows]
        x0, top, x1, bottom = t.bbox
        blocks.append(TableBlock(x0, top, x1, bottom, cells))  # type: ignore[arg-type]
    return blocks


def _cell_words(
    c: tuple[float, float, float, float],
    at: np.ndarray,
    cx: np.ndarray,
    cy: np.ndarray,
    words: list[Word],
) -> list[Word]:
    """The words `words[at]` (centres `cx`, `cy`) whose centre is in cell `c`,
    0.5 pt around it included, in order."""
    sel = (c[0] - 0.5 <= cx) & (cx <= c[2] + 0.5) & (c[1] - 0.5 <= cy) & (cy <= c[3] + 0.5)
    return [words[i] for i in at[sel].tolist()]


def cell_text(words: list[Word]) -> str:
    """The text of a cell: its lines, top to bottom, joined by spaces."""
    out = ""
    for line in build_lines(words):
        if out.endswith("-") and out[-2:-1].isalpha():
            out += line.text
        else:
            out = f"{out} {line.text}" if out else line.text
    return out.replace("\t", " ")


def fill_tables(blocks: list[TableBlock], words: list[Word]) -> tuple[list[TableBlock], list[Word]]:
    """Give each table its cell texts; return the real tables and the prose words."""
    kept: list[TableBlock] = []
    if not blocks or not words:
        return kept, words
    # a table takes the words whose centre is in its box, 1 pt around it included
    box = np.array([(w.x0, w.x1, w.top, w.bottom) for w in words])
    cx = (box[:, 0] + box[:, 1]) / 2
    cy = (box[:, 2] + box[:, 3]) / 2
    left = np.ones(len(words), dtype=bool)  # not taken by a table yet
    for block in blocks:
        x0, top, x1, bottom = block.bbox
        at = np.flatnonzero(
            left & (x0 - 1.0 <= cx) & (cx <= x1 + 1.0) & (top - 1.0 <= cy) & (cy <= bottom + 1.0)
        )
        in_x, in_y = cx[at], cy[at]
        rows = [
            ["" if c is None else cell_text(_cell_words(c, at, in_x, in_y, words)) for c in row]
            for row in block.cells
        ]
        filled = sum(1 for row in rows for c in row if c)
        if len(rows) < 2 or max(len(r) for r in rows) < 2 or filled < 4:
            continue
        block.rows = rows
        split_frame_text(block)
        kept.append(block)
        block.words = {id(words[i]) for i in at.tolist()}
        left[at] = False
    if not kept:
        return kept, words
    return kept, [w for w, keep in zip(words, left.tolist(), strict=True) if keep]


_NOTE_START = re.compile(
    r"^\s*(?:[*†‡§¶#]|[a-z]\s|abbreviations?\b|notes?\b|[A-Za-z][\w-]*\s*=)", re.I
)


def _is_note_row(row: list[str]) -> bool:
    """A row holding only prose in its first cell: a note printed inside the frame."""
    if not row or not row[0].strip() or any(c.strip() for c in row[1:]):
        return False
    text = row[0].strip()
    return bool(_NOTE_START.match(text)) and len(text.split()) >= 4 or len(text.split()) >= 12


def split_frame_text(block: TableBlock) -> None:
    """A caption and notes typeset inside a table's frame (one cell across the
    table above or below the grid) are the caption and footnotes, not rows."""
    rows = block.rows
    if len(rows) > 2 and CAPTION.match(rows[0][0]) and not any(c.strip() for c in rows[0][1:]):
        block.caption_text = re.sub(r"\s+", " ", rows[0][0]).strip()
        rows = rows[1:]
    notes: list[str] = []
    while len(rows) > 2 and _is_note_row(rows[-1]):
        notes.insert(0, re.sub(r"\s+", " ", rows[-1][0]).strip())
        rows = rows[:-1]
    block.rows = rows
    block.footnotes = notes + block.footnotes
    block.notes_taken = len(notes)


def attach_captions(blocks: list[TableBlock], lines: list[Line]) -> None:
    """Link each table to the nearest "Table N" line just above (or below) it."""
    for block in blocks:
        best: tuple[float, Line] | None = None
        for ln in lines:
            if not CAPTION.match(ln.text) or ln.x1 < block.x0 or ln.x0 > block.x1:
                continue
            if block.top - 80 <= ln.bottom <= block.top + 2:
                dist = block.top - ln.bottom
            elif block.bottom - 2 <= ln.top <= block.bottom + 40:
                dist = 10 + ln.top - block.bottom
            else:
                continue
            if best is None or dist < best[0]:
                best = (dist, ln)
        block.caption_line = best[1] if best else None

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
from typing import Any

import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder

from litkg.extractor.ingest.pdf_chars import Word
from litkg.extractor.ingest.pdf_layout import Line, build_lines
from litkg.extractor.ingest.pdf_paths import PagePath

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


def page_edges(paths: list[PagePath]) -> list[dict[str, Any]]:
    """Horizontal and vertical segments of the page's paths, as pdfplumber edges."""
    edges: list[dict[str, Any]] = []

    def add(p: tuple[float, float], q: tuple[float, float]) -> None:
        (xa, ya), (xb, yb) = p, q
        if abs(ya - yb) < 0.5 and abs(xa - xb) >= MIN_EDGE:
            x0, x1, t = min(xa, xb), max(xa, xb), (ya + yb) / 2
            edges.append(_edge(x0, x1, t, t, "h"))
        elif abs(xa - xb) < 0.5 and abs(ya - yb) >= MIN_EDGE:
            top, bottom, x_mid = min(ya, yb), max(ya, yb), (xa + xb) / 2
            edges.append(_edge(x_mid, x_mid, top, bottom, "v"))

    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
    for path in paths:
        start = prev = None
        for point, kind, close in zip(path.points, path.kinds, path.closes, strict=True):
            if kind == moveto or prev is None:
                start = prev = point
                continue
            if kind == lineto:
                add(prev, point)
            prev = point
            if close and start is not None:
                add(point, start)
                prev = start
    return edges


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


def find_table_blocks(edges: list[dict[str, Any]], width: float, height: float) -> list[TableBlock]:
    """Ruled tables (cell boxes) from a page's edges, by pdfplumber's TableFinder."""
    n_h = sum(1 for e in edges if e["orientation"] == "h")
    if n_h < 2 or len(edges) - n_h < 2 or len(edges) > MAX_EDGES:
        return []
    finder = TableFinder(_EdgePage(edges, width, height))  # type: ignore[arg-type]
    blocks = []
    for t in finder.tables:
        cells = [list(row.cells) for row in t.rows]
        x0, top, x1, bottom = t.bbox
        blocks.append(TableBlock(x0, top, x1, bottom, cells))  # type: ignore[arg-type]
    return blocks


def _inside(w: Word, box: tuple[float, float, float, float], pad: float = 1.0) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


def _in_cell(
    centres: list[tuple[float, float, Word]], c: tuple[float, float, float, float]
) -> list[Word]:
    """The words whose centre is in cell `c` (as `_inside` with a 0.5 pt pad)."""
    x0, top, x1, bottom = c[0] - 0.5, c[1] - 0.5, c[2] + 0.5, c[3] + 0.5
    return [w for cx, cy, w in centres if x0 <= cx <= x1 and top <= cy <= bottom]


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
    rest = words
    for block in blocks:
        inside = [w for w in rest if _inside(w, block.bbox)]
        centres = [((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2, w) for w in inside]
        rows = [
            ["" if c is None else cell_text(_in_cell(centres, c)) for c in row]
            for row in block.cells
        ]
        filled = sum(1 for row in rows for c in row if c)
        if len(rows) < 2 or max(len(r) for r in rows) < 2 or filled < 4:
            continue
        block.rows = rows
        split_frame_text(block)
        kept.append(block)
        ids = {id(w) for w in inside}
        block.words = ids
        rest = [w for w in rest if id(w) not in ids]
    return kept, rest


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

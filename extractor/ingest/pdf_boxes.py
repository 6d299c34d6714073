"""Side boxes: panels drawn as a shaded or framed rectangle around text.

A box ("Research in context", "What this study adds", a key-points panel) is
a rectangle path of at least `MIN_WIDTH` of the page wide and `MIN_HEIGHT`
points high, filled with a colour other than white or stroked, covering less
than `MAX_AREA` of the page. Its lines (at least two, none of them a table
caption, no table inside) are read as one block in reading order, in the
box's own columns, and marked `side`, so the box's columns are never
interleaved with the body's and it never cuts a body sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from litkg.extractor.ingest.pdf_layout import Line, reading_order
from litkg.extractor.ingest.pdf_paths import PagePaths
from litkg.extractor.ingest.pdf_tables import CAPTION, TableBlock

MIN_WIDTH = 0.2
MIN_HEIGHT = 30.0
MAX_AREA = 0.7

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom (top-down)


@dataclass
class Panel:
    """The lines of one side box, with their box (for reading order)."""

    lines: list[Line]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    side: bool = field(default=True, repr=False)

    def __post_init__(self) -> None:
        self.x0 = min(ln.x0 for ln in self.lines)
        self.x1 = max(ln.x1 for ln in self.lines)
        self.top = min(ln.top for ln in self.lines)
        self.bottom = max(ln.bottom for ln in self.lines)


def page_boxes(paths: PagePaths, width: float, height: float) -> list[Rect]:
    """Rectangles (shaded or framed) large enough to be side boxes."""
    out: list[Rect] = []
    bounds = paths.starts.tolist()
    counts = np.diff(paths.starts)
    for i in np.flatnonzero((counts >= 4) & (counts <= 6)).tolist():
        colour = paths.colour[i]
        if paths.fill[i] and not paths.stroke[i] and colour is not None:
            r, g, b, a = colour
            if min(r, g, b) >= 250 or a == 0:
                continue  # white: a background or a mask, not a panel
        xs = paths.x[bounds[i] : bounds[i + 1]].tolist()
        ys = paths.y[bounds[i] : bounds[i + 1]].tolist()
        box = (min(xs), min(ys), max(xs), max(ys))
        w, hh = box[2] - box[0], box[3] - box[1]
        if w >= MIN_WIDTH * width and hh >= MIN_HEIGHT and w * hh <= MAX_AREA * width * height:
            out.append(box)
    return out


def _inside(ln: Line, box: Rect, pad: float = 2.0) -> bool:
    return (
        ln.x0 >= box[0] - pad
        and ln.x1 <= box[2] + pad
        and ln.top >= box[1] - pad
        and ln.bottom <= box[3] + pad
    )


def _overlaps(t: TableBlock, box: Rect) -> bool:
    return t.x0 < box[2] and box[0] < t.x1 and t.top < box[3] and box[1] < t.bottom


def find_panels(
    boxes: Sequence[Rect], lines: list[Line], tables: Sequence[TableBlock]
) -> list[Panel]:
    """The side boxes holding text, each with its lines (taken once, outermost box first)."""
    panels: list[Panel] = []
    taken: set[int] = set()
    for box in sorted(boxes, key=lambda b: -(b[2] - b[0]) * (b[3] - b[1])):
        inside = [ln for ln in lines if id(ln) not in taken and _inside(ln, box)]
        if len(inside) < 2 or len(inside) == len(lines) or any(_overlaps(t, box) for t in tables):
            continue
        if any(CAPTION.match(ln.text) for ln in inside):
            continue
        taken.update(id(ln) for ln in inside)
        panels.append(Panel(inside))
    return panels


def expand_panels(ordered: Sequence[object], gap: float) -> list[object]:
    """Replace each `Panel` of an ordered page by its lines in reading order, marked `side`."""
    out: list[object] = []
    for it in ordered:
        if isinstance(it, Panel):
            for ln in reading_order(it.lines, gap):
                ln.side = True  # type: ignore[attr-defined]
                out.append(ln)
        else:
            out.append(it)
    return out

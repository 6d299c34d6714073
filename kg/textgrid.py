"""Plain-text tables for a terminal, and Markdown / CSV renderings of the same cells.

Cells may hold several lines ("\\n"); long lines are wrapped to a column width.
A table wider than the terminal is split into pages of columns, each repeating
the first (label) column, so every page stays readable.
"""

from __future__ import annotations

import csv
import io
import shutil
import textwrap
from collections.abc import Sequence


def _wrap(cell: str, width: int) -> list[str]:
    out: list[str] = []
    for line in (cell or "").split("\n"):
        out += textwrap.wrap(line, width, break_on_hyphens=False) or [""]
    return out


def _render(header: Sequence[str], rows: Sequence[Sequence[str]], widths: list[int]) -> str:
    def lines_of(cells: Sequence[str]) -> list[str]:
        wrapped = [_wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        height = max((len(w) for w in wrapped), default=1)
        return [
            " | ".join(
                (w[i] if i < len(w) else "").ljust(width)
                for w, width in zip(wrapped, widths, strict=True)
            ).rstrip()
            for i in range(height)
        ]

    rule = "-+-".join("-" * w for w in widths)
    out = lines_of(header) + [rule]
    for r in rows:
        out += lines_of(r)
    return "\n".join(out)


def _natural(cells: Sequence[str]) -> int:
    return max((len(line) for c in cells for line in (c or "").split("\n")), default=0)


def render_rows(header: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 48) -> str:
    """A table with one line (or wrapped lines) per row; columns at most `max_width`."""
    widths = [
        max(1, min(max_width, _natural([h, *(r[i] for r in rows)]))) for i, h in enumerate(header)
    ]
    return _render(header, rows, widths)


def render_grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    total_width: int | None = None,
    col_width: int = 30,
    label_width: int = 22,
) -> str:
    """A side-by-side grid: first column labels, then one column per item.
    Columns that do not fit `total_width` (default: the terminal's, at least
    100) go to further pages, each repeating the label column."""
    total = total_width or max(100, shutil.get_terminal_size((120, 40)).columns)
    n = len(header) - 1
    label_w = min(label_width, _natural([header[0], *(r[0] for r in rows)]))
    cols = [min(col_width, max(8, _natural([header[i + 1], *(r[i + 1] for r in rows)])))
            for i in range(n)]  # fmt: skip
    pages: list[list[int]] = []
    page: list[int] = []
    used = label_w
    for i, w in enumerate(cols):
        if page and used + 3 + w > total:
            pages.append(page)
            page, used = [], label_w
        page.append(i)
        used += 3 + w
    if page or not pages:
        pages.append(page)
    out = []
    for p in pages:
        h = [header[0], *(header[i + 1] for i in p)]
        rs = [[r[0], *(r[i + 1] for i in p)] for r in rows]
        out.append(_render(h, rs, [label_w, *(cols[i] for i in p)]))
    return "\n\n".join(out)


def to_markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table (line breaks inside cells as <br>)."""

    def cell(c: str) -> str:
        return (c or "").replace("|", "\\|").replace("\n", "<br>")

    out = ["| " + " | ".join(cell(h) for h in header) + " |"]
    out.append("|" + "|".join("---" for _ in header) + "|")
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def to_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV text with a header line."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()

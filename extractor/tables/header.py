"""Header rows laid over the body's columns.

Sources differ in what they keep of a header: JATS gives a grid with its
spanning cells (`Table.grid`, `Table.spans`); text exports drop the spans, so
a header row may have fewer cells than the body ("Drug A | Drug B" over eight
data columns); PDF tables come as read, a spanning label in its first column
and blanks after it. `align_header` gives, for each header row, one label per
body column, whatever the source.
"""

from __future__ import annotations

from litkg.extractor.document import Table

from . import labels as lab


def _blocks(units: list[tuple[int, int, str]], attach: bool) -> list[tuple[int, int]]:
    """Groups of units that repeat a pattern: a new group starts where the
    first label comes round again. An empty or p-value unit stands alone, or
    with `attach` joins the group on its left (a p column of each period)."""
    if not units:
        return []
    first = lab.clean(units[0][2])
    blocks: list[list[int]] = []
    alone = False
    for a, b, text in units:
        t = lab.clean(text)
        solo = not t or lab.statistic(t) in ("p", "difference")
        if solo and attach and blocks:
            blocks[-1][1] = b
            continue
        if not blocks or solo or alone or t == first:
            blocks.append([a, b])
        else:
            blocks[-1][1] = b
        alone = solo and not attach
    return [(a, b) for a, b in blocks]


def _groups(
    m: int, units: list[tuple[int, int, str]], labelled: bool
) -> list[tuple[int, int]] | None:
    """Column groups for m labels that fit the row below exactly, or None."""
    if m == len(units):
        return [(a, b) for a, b, _ in units]
    if labelled:
        for attach in (False, True):
            blocks = _blocks(units, attach)
            if len(blocks) == m:
                return blocks
    return None


def _spread(cells: list[str], below: list[tuple[int, int, str]], width: int) -> list[str]:
    """One label per column for a header row of fewer cells than the body."""
    out = [""] * width
    units = below or [(j, j, "") for j in range(1, width)]
    stub_likely = len(cells) >= 2 and (not lab.clean(cells[0]) or not lab.is_column_label(cells[0]))
    options = [True, False] if stub_likely else [False, True]
    options = [o for o in options if not o or len(cells) >= 2]
    chosen: tuple[bool, list[tuple[int, int]]] | None = None
    for labelled in (False, bool(below)):  # one label per unit first, then repeating blocks
        for has_stub in options:
            m = len(cells) - has_stub
            g = _groups(m, units, labelled) if m > 0 else None
            if g is not None:
                chosen = (has_stub, g)
                break
        if chosen is not None:
            break
    if chosen is None:
        has_stub = options[0]
        m = len(cells) - has_stub
        if m <= 0:
            groups: list[tuple[int, int]] = []
        elif len(units) % m == 0:
            k = len(units) // m
            groups = [(units[i * k][0], units[i * k + k - 1][1]) for i in range(m)]
        elif not has_stub:
            groups = [(a, b) for a, b, _ in units[-m:]]  # labels over the last columns
        else:
            groups = [(a, b) for a, b, _ in units[:m]]
        chosen = (has_stub, groups)
    has_stub, groups = chosen
    if has_stub:
        out[0] = cells[0]
    for text, (a, b) in zip(cells[1:] if has_stub else cells, groups, strict=False):
        for j in range(a, b + 1):
            if j < width:
                out[j] = text
    return out


def align_header(table: Table, n_header: int, width: int) -> list[list[str]]:
    """For each of the first `n_header` rows, one label per column (0..width-1)."""
    rows = [list(r) for r in table.rows[:n_header]]
    if table.grid:
        out = [r + [""] * (width - len(r)) for r in rows]
        for r, c, _rs, cs in table.spans:
            if r < n_header and cs > 1:
                for j in range(c + 1, min(c + cs, width)):
                    if not out[r][j]:
                        out[r][j] = out[r][c]
        for i in range(len(out) - 1):
            _fill_left(out[i], _lowest(out[i + 1 :], width), width)
        return out
    aligned: list[list[str]] = [[] for _ in rows]
    below: list[tuple[int, int, str]] = []
    for i in range(len(rows) - 1, -1, -1):
        cells = rows[i]
        if len(cells) >= width:
            row = cells[:width]
            if i < len(rows) - 1:
                _fill_left(row, _lowest(aligned[i + 1 :], width), width)
        else:
            row = _spread(cells, below, width)
        aligned[i] = row
        below = _runs(row, width)
    return aligned


def _runs(row: list[str], width: int) -> list[tuple[int, int, str]]:
    """The runs of equal labels of an aligned row's data columns."""
    out: list[tuple[int, int, str]] = []
    for j in range(1, width):
        t = row[j]
        if out and out[-1][2] == t and t.strip():
            out[-1] = (out[-1][0], j, t)
        else:
            out.append((j, j, t))
    return out


def _fill_left(row: list[str], lower: list[str], width: int) -> None:
    """An upper header row read without spans: a blank continues the label
    on its left, except over a p-value or difference column."""
    last = ""
    for j in range(1, width):
        below = lower[j] if j < len(lower) else ""
        if row[j].strip():
            last = row[j]
        elif last and below.strip() and lab.statistic(below) not in ("p", "difference"):
            row[j] = last


def _lowest(rows: list[list[str]], width: int) -> list[str]:
    """Per column, the lowest non-blank label of `rows` (what the column is under)."""
    out = [""] * width
    for r in rows:
        for j in range(min(width, len(r))):
            if r[j].strip():
                out[j] = r[j]
    return out

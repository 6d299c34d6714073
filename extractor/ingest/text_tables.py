"""Tables and headings in plain text, found line by line.

Four table forms are recognised, in this order of priority (a line belongs
to at most one table):

0. Labelled tables, as some exporters write them: a ``[TABLE] caption``
   line, then one line per row with cells joined by `` | `` (header rows
   prefixed ``H: ``; a row of one cell, a section row, has no pipe), then
   ``Note: ...`` lines, the table's footnotes. Header rows keep the cells as
   printed: a cell that spanned columns is one cell, so a header row may have
   fewer cells than the body (the table model spreads them).
1. Markdown pipe tables: runs of lines holding unescaped ``|``; an optional
   separator line (``|---|:---:|``) is not a data row; leading/trailing pipes
   are optional. A run is a table when it has a separator line, or at least two
   lines with the same number (>= 2) of cells.
2. TAB-separated rows (text dumped from PDFs): runs of lines holding a TAB.
   A run is a table when it has at least two lines, or one line right after a
   table caption. Cells are kept as split (a row may have fewer cells).
3. Aligned columns: runs of lines whose cells are separated by two or more
   spaces, with consistent column positions across at least three lines of at
   least two cells (column intervals must not overlap; a cell spanning columns
   goes to the first one).

A caption is the line (within two blank lines) before the table that starts
with "Table N" (also "**Table N**", "TABLE N", "Table S1", "Table 1. continued");
failing that, the first line after the table, skipping blank lines and bare
labels like "Legend Table 1:", when no table claims it as its own caption.

Headings: Markdown ``#`` lines; otherwise (only when the text has fewer than two
Markdown headings) a short line alone in its paragraph, in Title Case or UPPER
CASE or a known section name ("Statistical analysis").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litkg.extractor.sections import HEADING_NUMBER

LINE_SPLIT = re.compile(r"[^\n\f]*")

CAPTION_RE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:Supplementa(?:l|ry)\s+)?(?:Table|TABLE|Tab\.)\s*"
    r"(?:S?\d+[A-Za-z]?|[IVXLC]+)\b(?!\s*(?:shows|summari[sz]es|lists|presents|gives)\b)"
)
_LABEL_ONLY_RE = re.compile(r"^\s*(?:Legend\s+)?(?:Table|TABLE)\s*S?\d+[A-Za-z]?\s*[:.]?\s*$")
_MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SEP_CELL_RE = re.compile(r"^\s*:?-+:?\s*$")
_PIPE_SPLIT_RE = re.compile(r"(?<!\\)\|")
_ALIGNED_CELL_RE = re.compile(r"\S+(?: \S+)*")
_EMPHASIS_RE = re.compile(r"^(\*\*|__)(.+)\1$")


@dataclass
class Line:
    """One line of the text: its range (without the newline) and content."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class FoundTable:
    """A table found in text: the lines it covers and its rows."""

    kind: str  # "labelled" | "pipe" | "tab" | "aligned"
    first: int  # index of the first line
    last: int  # index of the last line (inclusive)
    rows: list[list[str]]
    row_lines: list[int]
    caption_line: int | None = None
    extra: dict[str, object] = field(default_factory=dict)


def split_lines(text: str) -> list[Line]:
    """The lines of `text`, split at newlines and form feeds, with their offsets."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        m = LINE_SPLIT.match(text, pos)
        assert m is not None
        lines.append(Line(m.start(), m.end(), m.group(0)))
        pos = m.end() + 1
    return lines


def clean_cell(cell: str) -> str:
    """A cell's text: surrounding spaces and whole-cell bold markers removed."""
    cell = cell.strip().replace("\\|", "|")
    m = _EMPHASIS_RE.match(cell)
    return m.group(2).strip() if m else cell


def clean_caption(line: str) -> str:
    """A caption line without Markdown heading marks and bold markers."""
    s = re.sub(r"^\s*#{1,6}\s*", "", line).strip()
    return re.sub(r"(\*\*|__)", "", s).strip()


def is_caption(line: str) -> bool:
    """True when the line starts like a table caption ("Table 2. ...")."""
    return bool(CAPTION_RE.match(line))


def markdown_heading(line: str) -> tuple[int, str, int] | None:
    """(level, title, offset of the title in the line) for a Markdown heading line."""
    m = _MD_HEADING_RE.match(line)
    if not m:
        return None
    title = m.group(2)
    offset = m.start(2)
    em = _EMPHASIS_RE.match(title)
    if em:
        title = em.group(2).strip()
        offset += len(em.group(1))
    return len(m.group(1)), title, offset


# ------------------------------------------------------------ labelled tables

_LABELLED_RE = re.compile(r"^\[TABLE\]\s*(?P<caption>.*)$")
_HEADER_PREFIX_RE = re.compile(r"^H:\s?")
_NOTE_RE = re.compile(r"^Note:\s*")
_LABELLED_END_RE = re.compile(r"^\s*(?:#|\[(?:TABLE|FIGURE)\])")


def _labelled_cells(text: str) -> list[str]:
    return [c.strip() for c in _PIPE_SPLIT_RE.split(text)]


def _find_labelled_tables(lines: list[Line], taken: set[int]) -> list[FoundTable]:
    """`[TABLE] caption` blocks: H: header rows, ` | ` rows, section rows, Note: lines."""
    found: list[FoundTable] = []
    for i, ln in enumerate(lines):
        m = _LABELLED_RE.match(ln.text)
        if not m or i in taken:
            continue
        rows: list[int] = []
        notes: list[int] = []
        k = i + 1
        pending: list[int] = []  # pipe-less lines: rows only when a piped row follows
        while k < len(lines) and k not in taken:
            t = lines[k].text
            if lines[k].blank or _LABELLED_END_RE.match(t):
                break
            if _NOTE_RE.match(t):
                notes.append(k)
            elif notes:
                break  # prose right after the notes
            elif "|" in t or _HEADER_PREFIX_RE.match(t):
                rows.extend(pending)
                pending = []
                rows.append(k)
            elif len(t) > 300:
                break
            else:
                pending.append(k)
            k += 1
        if not rows:
            continue
        header = 0
        cells: list[list[str]] = []
        for r in rows:
            t = lines[r].text
            h = _HEADER_PREFIX_RE.match(t)
            if h and header == len(cells):
                header += 1
                t = t[h.end() :]
            cells.append(_labelled_cells(t) if "|" in t else [t.strip()])
        last = max(rows + notes)
        found.append(
            FoundTable(
                kind="labelled",
                first=i + 1,
                last=last,
                rows=cells,
                row_lines=rows,
                caption_line=i,
                extra={
                    "header_rows": header,
                    "note_lines": notes,
                    "caption": m.group("caption").strip(),
                },
            )
        )
        taken.update(range(i, last + 1))
    return found


# ---------------------------------------------------------------- pipe tables


def _pipe_cells(line: str) -> list[str] | None:
    s = line.strip()
    if not _PIPE_SPLIT_RE.search(s):
        return None
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return _PIPE_SPLIT_RE.split(s)


def _is_separator(cells: list[str]) -> bool:
    return all(_SEP_CELL_RE.match(c) for c in cells) and any("---" in c for c in cells)


def _find_pipe_tables(lines: list[Line], taken: set[int]) -> list[FoundTable]:
    found: list[FoundTable] = []
    i = 0
    while i < len(lines):
        cells = None if i in taken else _pipe_cells(lines[i].text)
        if cells is None:
            i += 1
            continue
        j = i
        run: list[tuple[int, list[str]]] = []
        while j < len(lines) and j not in taken:
            c = _pipe_cells(lines[j].text)
            if c is None:
                break
            run.append((j, c))
            j += 1
        has_sep = any(_is_separator(c) for _, c in run)
        data = [(k, c) for k, c in run if not _is_separator(c)]
        counts = {len(c) for _, c in data}
        ok = bool(data) and (has_sep or (len(data) >= 2 and len(counts) == 1 and min(counts) >= 2))
        if ok:
            sep = next((k for k, c in run if _is_separator(c)), None)
            header = sum(1 for k, _ in data if sep is not None and k < sep)
            found.append(
                FoundTable(
                    kind="pipe",
                    first=run[0][0],
                    last=run[-1][0],
                    rows=[[clean_cell(x) for x in c] for _, c in data],
                    row_lines=[k for k, _ in data],
                    extra={"header_rows": header},  # the rows above the |---| line
                )
            )
        i = j
    return found


# ----------------------------------------------------------------- tab tables


def _find_tab_tables(lines: list[Line], taken: set[int]) -> list[FoundTable]:
    found: list[FoundTable] = []
    i = 0
    while i < len(lines):
        if i in taken or "\t" not in lines[i].text or lines[i].blank:
            i += 1
            continue
        j = i
        while j < len(lines) and j not in taken and "\t" in lines[j].text and not lines[j].blank:
            j += 1
        idx = list(range(i, j))
        ok = len(idx) >= 2 or (_caption_before(lines, i, taken) is not None)
        if ok:
            found.append(
                FoundTable(
                    kind="tab",
                    first=i,
                    last=j - 1,
                    rows=[[c.strip() for c in lines[k].text.split("\t")] for k in idx],
                    row_lines=idx,
                )
            )
        i = j
    return found


# ------------------------------------------------------------- aligned tables


def _aligned_cells(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _ALIGNED_CELL_RE.finditer(line)]


def _columns(ref: list[list[tuple[int, int, str]]]) -> list[tuple[int, int]] | None:
    spans = sorted((s, e) for cells in ref for s, e, _ in cells)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _assign(cells: list[tuple[int, int, str]], cols: list[tuple[int, int]]) -> list[str] | None:
    row = [""] * len(cols)
    used: set[int] = set()
    for s, e, t in cells:
        hit = [k for k, (cs, ce) in enumerate(cols) if s < ce and cs < e]
        if not hit or hit[0] in used:
            return None
        used.add(hit[0])
        row[hit[0]] = t
    return row


def _evaluate_aligned(lines: list[Line], idx: list[int]) -> list[FoundTable]:
    cells = {k: _aligned_cells(lines[k].text) for k in idx}
    while idx and len(cells[idx[0]]) < 2:
        idx = idx[1:]
    while idx and len(cells[idx[-1]]) < 2:
        idx = idx[:-1]
    multi = [k for k in idx if len(cells[k]) >= 2]
    if len(multi) < 3:
        return []
    m = max(len(cells[k]) for k in multi)
    ref = [k for k in multi if len(cells[k]) == m]
    all_cells = [c for k in multi for c in cells[k]]
    if len(ref) < 2 or sum(len(t) for _, _, t in all_cells) / len(all_cells) > 40:
        return []
    cols = _columns([cells[k] for k in ref])
    if cols is None or len(cols) != m:
        return []
    rows: dict[int, list[str]] = {}
    bad: list[int] = []
    for k in idx:
        row = _assign(cells[k], cols)
        if row is None:
            bad.append(k)
        else:
            rows[k] = row
    if bad:
        out: list[FoundTable] = []
        piece: list[int] = []
        for k in idx + [-1]:
            if k == -1 or k in bad:
                if piece and len(piece) < len(idx):
                    out.extend(_evaluate_aligned(lines, piece))
                piece = []
            else:
                piece.append(k)
        return out
    return [
        FoundTable(
            kind="aligned",
            first=idx[0],
            last=idx[-1],
            rows=[rows[k] for k in idx],
            row_lines=list(idx),
        )
    ]


def _find_aligned_tables(lines: list[Line], taken: set[int]) -> list[FoundTable]:
    def candidate(k: int) -> bool:
        t = lines[k].text
        return (
            k not in taken
            and not lines[k].blank
            and "\t" not in t
            and markdown_heading(t) is None
            and not is_caption(t)
        )

    found: list[FoundTable] = []
    i = 0
    while i < len(lines):
        if not candidate(i):
            i += 1
            continue
        j = i
        while j < len(lines) and candidate(j):
            j += 1
        if j - i >= 3:
            found.extend(_evaluate_aligned(lines, list(range(i, j))))
        i = j
    return found


# ------------------------------------------------------------------- captions


def _caption_before(lines: list[Line], first: int, taken: set[int]) -> int | None:
    k, blanks = first - 1, 0
    while k >= 0 and lines[k].blank and blanks < 2:
        k -= 1
        blanks += 1
    if k >= 0 and k not in taken and not lines[k].blank and is_caption(lines[k].text):
        return k
    return None


def _caption_after(lines: list[Line], last: int, taken: set[int], claimed: set[int]) -> int | None:
    k, seen = last + 1, 0
    while k < len(lines) and seen < 8:
        t = lines[k].text
        if k in taken:
            return None
        if lines[k].blank or _LABEL_ONLY_RE.match(t):
            k += 1
            seen += 1
            continue
        if is_caption(t) and k not in claimed:
            return k
        return None
    return None


def find_tables(lines: list[Line]) -> list[FoundTable]:
    """All tables of the text, in reading order, with caption lines assigned."""
    taken: set[int] = set()
    tables: list[FoundTable] = []
    for finder in (
        _find_labelled_tables,
        _find_pipe_tables,
        _find_tab_tables,
        _find_aligned_tables,
    ):
        new = finder(lines, taken)
        for t in new:
            taken.update(range(t.first, t.last + 1))
        tables.extend(new)
    tables.sort(key=lambda t: t.first)
    claimed: set[int] = {t.caption_line for t in tables if t.caption_line is not None}
    for t in tables:
        if t.kind == "labelled":
            continue
        t.caption_line = _caption_before(lines, t.first, taken)
        if t.caption_line is not None:
            claimed.add(t.caption_line)
    for t in tables:
        if t.caption_line is None:
            k = _caption_after(lines, t.last, taken, claimed)
            if k is not None:
                t.caption_line = k
                claimed.add(k)
    return tables


# ------------------------------------------------------------------- headings

_HEADING_CHARS_RE = re.compile(r"^[A-Za-z\u00c0-\u024f0-9 \-–'’&,()/?]+$")
_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "vs", "versus", "with", "without", "per", "via", "after", "before",
}  # fmt: skip
_KNOWN_SECTIONS = re.compile(
    r"^(abstract|summary|background|introduction|methods?|materials and methods|"
    r"patients and methods|study design|statistical (analysis|analyses|methods)|results?|"
    r"discussion|conclusions?|limitations|acknowledge?ments?|references|bibliography|"
    r"funding|conflicts? of interest|competing interests?|disclosures?|"
    r"author contributions|contributions|data (sharing|availability)( statement)?|"
    r"abbreviations|supplementary (material|data|information)|trial registration|"
    r"ethics( statement)?|keywords)$",
    re.IGNORECASE,
)


def heading_candidate(line: str) -> tuple[str, int | None, bool] | None:
    """(title, numbering depth or None, upper-case?) when the line looks like a heading.

    Conservative: at most 60 characters and 8 words, no final period or colon,
    only letters/digits/spaces and light punctuation, at least three letters,
    and Title Case, UPPER CASE or a known section name.
    """
    s = line.strip()
    if not s or len(s) > 60 or s[-1] in ".,;:":
        return None
    m = HEADING_NUMBER.match(s)
    depth = None
    body = s
    if m:
        depth = m.group(1).count(".") + 1 if m.group(1) else 1
        body = s[m.end() :]
    words = body.split()
    if not 1 <= len(words) <= 8 or not body[0].isalpha():
        return None
    if not _HEADING_CHARS_RE.match(body):
        return None
    letters = [c for c in body if c.isalpha()]
    if len(letters) < 3:
        return None
    upper = all(c.isupper() for c in letters)
    title_case = all(
        w[0].isupper() or not w[0].isalpha() or w.lower() in _SMALL_WORDS for w in words
    )
    if not (upper or title_case or _KNOWN_SECTIONS.match(body)):
        return None
    return s, depth, upper

"""Assemble ordered lines and tables into `Document.text`, pages and tables.

Lines of one paragraph are joined by a space; paragraphs and tables are
separated by a blank line. A table is rendered one row per line, cells joined
by a tab, and its `char_start`/`char_end`/`row_spans` point at that rendering.
A table that opens a page right after a table that closed the previous one,
with the same columns and the same first (header) row, is its continuation:
its repeated header rows are dropped and its rows appended to the first
table (whose `page` and `bbox` stay those of its first part).

**Paragraphs.** The next line continues the paragraph when it sits in the
same column just below (pitch <= 1.7 font sizes, same size within 15%) and the
previous line is not a short line ending a sentence; across a column or page
break, when the previous line does not end a sentence and the next starts in
lower case (or the previous ends with a hyphen).

**Hyphens at line ends** (``transplan-`` / ``tation``). With L the letters
before the hyphen and R the letters starting the next line:

1. a soft hyphen (U+00AD) is always removed;
2. if L does not end in a letter or R does not start with a lower-case letter
   (``COVID-`` / ``19``, ``8-`` / ``times``), the hyphen is kept, no space;
3. if ``L+R`` occurs elsewhere in the document as a word, or begins a
   longer word there (``posttransplant`` / ``posttransplantation``) -> joined;
4. else if ``L-R`` occurs elsewhere with its hyphen -> hyphen kept;
5. else if both L and R (3+ letters) occur elsewhere as words (``single`` /
   ``arm``) -> hyphen kept (a compound);
6. else joined (typesetters' hyphenation is far more common than compounds
   broken at their hyphen).

"Elsewhere" means the words of the document's prose and tables, leaving out
the fragments on both sides of every line-end hyphen.

**A DOI or URL broken at a line end** (``http://dx.doi.org/10.1016/`` /
``S0140-6736(17)32844-1``, ``http://dx.doi.`` / ``org/10.1136/...``) is
joined without a space, and a hyphen at a line end inside one is kept.

**Reference lists** without numbers are split into entries by their indents
(see `reference_breaks`).

**Side blocks** (lines marked `side`: margin columns, side boxes, the first
page's running lines) never continue a paragraph of the body. A run of them
is moved, within its page, to the nearest paragraph boundary of the body at
or after its place in reading order (else the nearest before it), so that a
body sentence running past a margin column, or over a page break, is not
cut by it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import filterfalse

from litkg.extractor.document import Page, Table
from litkg.extractor.ingest.pdf_chars import Word
from litkg.extractor.ingest.pdf_layout import Line
from litkg.extractor.ingest.pdf_tables import TableBlock

_LETTERS = re.compile(r"[^\W\d_]+")
# only from a word's start, so that a word is not scanned again from each of
# its letters (the same matches: one can only begin where a word begins)
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")
_HYPHEN = re.compile("-").search
_SENTENCE_END = (".", "!", "?", ":")
_REF_START = re.compile(r"^\[?\d{1,3}[.\])]\s")
# a line ending inside a DOI or URL: "doi.org/10.1016/", "doi: 10.1136/", "https://example.org/"
_OPEN_LINK = re.compile(r"(?:\b10\.\d{4,9}/|doi\.org/|https?://\S*/)$", re.IGNORECASE)
_LINK_TAIL = re.compile(r"^[\w(][^\s]*")
_URL_PART = re.compile(r"https?://\S*[.\-_]$", re.IGNORECASE)


def _link_continues(left: str, right: str) -> bool:
    """Whether a line ending inside a DOI or URL goes on at the start of the next line."""
    if "/" not in left:
        return False  # every link pattern holds a slash
    if _OPEN_LINK.search(left):
        return bool(_LINK_TAIL.match(right))
    return bool(_URL_PART.search(left)) and bool(re.match(r"[a-z0-9]", right))


_IN_LINK = re.compile(r"\b10\.\d{4,9}/|https?://|www\.", re.IGNORECASE)


@dataclass
class PageLayout:
    """One page's ordered items (lines and tables) and its size."""

    number: int
    width: float
    height: float
    items: list[Line | TableBlock] = field(default_factory=list)


@dataclass
class Vocabulary:
    """Words (lower case) of a document, for the hyphen rule."""

    words: set[str] = field(default_factory=set)
    compounds: set[str] = field(default_factory=set)
    _sorted: list[str] | None = field(default=None, repr=False, compare=False)

    def starts_word(self, stem: str) -> bool:
        """Whether `stem` begins a longer word of the document (more than one
        letter longer)."""
        if self._sorted is None:
            self._sorted = sorted(self.words)
        words = self._sorted
        for i in range(bisect.bisect_left(words, stem), len(words)):
            w = words[i]
            if not w.startswith(stem):
                return False
            if len(w) > len(stem) + 1:
                return True
        return False

    def add(self, text: str) -> None:
        """Add the words and hyphenated compounds of `text`."""
        # neither a word nor a compound holds white space, so each is found in
        # the white-space separated tokens that can hold one: a token of letters
        # is a word as it is, the others are searched joined by spaces (a space
        # is no letter, as the white space around a token is not)
        tokens = text.lower().split()
        self.words.update(filter(str.isalpha, tokens))
        self.words.update(_LETTERS.findall(" ".join(filterfalse(str.isalpha, tokens))))
        self.compounds.update(_COMPOUND.findall(" ".join(filter(_HYPHEN, tokens))))
        self._sorted = None


def _breaks_with_hyphen(line: Line) -> bool:
    last = line.words[-1]
    return last.text.endswith("-") and len(last.text) > 1 and not last.suffix


def _rendered_len(w: Word) -> int:
    return len(w.prefix) + len(w.text) + len(w.suffix)


def build_vocabulary(pages: Sequence[PageLayout]) -> Vocabulary:
    """The document's words, without the fragments around line-end hyphens."""
    vocab = Vocabulary()
    texts: list[str] = []
    skip_first = False
    for page in pages:
        for item in page.items:
            if isinstance(item, TableBlock):
                for row in item.rows:
                    texts.append(" ".join(row))
                skip_first = False
                continue
            # the rendered words, less the first after a line-end hyphen and the last
            # before one: a slice of the line's text when that joins them by spaces
            n = len(item.words)
            a = 1 if skip_first else 0
            skip_first = _breaks_with_hyphen(item)
            b = n - 1 if skip_first else n
            if not item.spaced:
                words = [w.prefix + w.text + w.suffix for w in item.words]  # w.rendered
                texts.append(" ".join(words[a:b]))
            elif a == 0 and b == n:
                texts.append(item.text)
            elif a >= b:
                texts.append("")
            else:
                text = item.text
                start = _rendered_len(item.words[0]) + 1 if a else 0
                end = len(text) - _rendered_len(item.words[-1]) - 1 if b < n else len(text)
                texts.append(text[start:end])
    vocab.add("\n".join(texts))  # a line break ends every word and compound
    return vocab


def hyphen_join(left: str, right: str, vocab: Vocabulary, soft: bool = False) -> bool:
    """Whether ``left-`` at a line end and ``right`` should be joined without hyphen."""
    if soft:
        return True
    m_left = re.search(r"([^\W\d_]+)-$", left)
    m_right = re.match(r"[^\W\d_]+", right)
    if not m_left or not m_right or not right[0].islower():
        return False
    a, b = m_left.group(1).lower(), m_right.group(0).lower()
    if a + b in vocab.words or vocab.starts_word(a + b):
        return True
    if f"{a}-{b}" in vocab.compounds:
        return False
    return not (len(a) >= 3 and len(b) >= 3 and a in vocab.words and b in vocab.words)


_SUPERSCRIPT_CHARS = (
    "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207c\u207d\u207e,"
)


def _same_paragraph(prev: Line, line: Line) -> bool:
    if prev.side != line.side:
        return False
    size = max(prev.size, line.size)
    if abs(line.baseline - prev.baseline) < 0.2 * size and line.x0 >= prev.x1 - 1:
        return True  # one visual line split at a wide justified gap
    # a sentence can end before its citation superscripts: "studies.¹¹⁻¹³"
    ends = prev.text.rstrip().rstrip(_SUPERSCRIPT_CHARS).endswith(_SENTENCE_END)
    same_column = line.x0 < prev.x1 and prev.x0 < line.x1 and line.top >= prev.top
    if same_column:
        if line.baseline - prev.baseline > 1.7 * size:
            return False
        # a font change inside a sentence (an inline URL, a formula) is not a
        # paragraph break; a large one, or one after a full stop, is
        change = abs(line.size - prev.size)
        if change > 0.3 * size or (change > 0.15 * size and ends):
            return False
        short = prev.x1 < line.x1 - 2 * size
        if ends and (short or _REF_START.match(line.text)):
            return False
        heading = (
            prev.x1 - prev.x0 < 0.5 * (line.x1 - line.x0)
            and len(prev.words) <= 6
            and line.text[:1].isupper()
            and not prev.text.rstrip().endswith((",", ";", "-"))
        )
        return not heading
    if prev.text.endswith("-"):
        return True
    return not ends and line.text[:1].islower()


class TextBuilder:
    """Accumulates text pieces while tracking offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> None:
        """Append `s`."""
        self.parts.append(s)
        self.pos += len(s)

    def text(self) -> str:
        """All text so far."""
        return "".join(self.parts)


def caption_text(items: Sequence[Line | TableBlock], first: Line) -> str:
    """The caption paragraph starting at line `first` among a page's items."""
    idx = next(i for i, it in enumerate(items) if it is first)
    text = first.text
    prev = first
    for item in items[idx + 1 :]:
        if not isinstance(item, Line) or not _same_paragraph(prev, item):
            break
        text = text[:-1] + item.text if _breaks_with_hyphen(prev) else f"{text} {item.text}"
        prev = item
    return text


def _continues(a: Line | TableBlock | None, b: Line | TableBlock) -> bool:
    """Whether body item `b` continues the paragraph (or table) of body item `a`."""
    if a is None:
        return False
    if isinstance(a, TableBlock) or isinstance(b, TableBlock):
        return isinstance(a, TableBlock) and isinstance(b, TableBlock)
    return _same_paragraph(a, b)


def place_side_blocks(pages: Sequence[PageLayout]) -> list[PageLayout]:
    """Move each run of side lines to a paragraph boundary of its page's body."""
    bodies = [[it for it in p.items if not (isinstance(it, Line) and it.side)] for p in pages]
    out: list[PageLayout] = []
    for i, page in enumerate(pages):
        body = bodies[i]
        if len(body) == len(page.items):
            out.append(page)
            continue
        prev_last = next((b[-1] for b in reversed(bodies[:i]) if b), None)
        next_first = next((b[0] for b in bodies[i + 1 :] if b), None)
        n = len(body)
        bounds = [
            k
            for k in range(n + 1)
            if (k == 0 and not (body and _continues(prev_last, body[0])))
            or (0 < k < n and not _continues(body[k - 1], body[k]))
            or (k == n and (next_first is None or not _continues(body[-1], next_first)))
        ]
        runs: dict[int, list[Line | TableBlock]] = {}
        k = 0
        for it in page.items:
            if isinstance(it, Line) and it.side:
                ahead = [b for b in bounds if b >= k]
                behind = [b for b in bounds if b < k]
                target = ahead[0] if ahead else (behind[-1] if behind else k)
                runs.setdefault(target, []).append(it)
            else:
                k += 1
        items: list[Line | TableBlock] = []
        for k in range(n + 1):
            items.extend(runs.get(k, []))
            if k < n:
                items.append(body[k])
        out.append(PageLayout(page.number, page.width, page.height, items))
    return out


_REF_HEADING = re.compile(
    r"^\s*(?:references?|bibliography|literature(?: cited)?|works cited|reference list)\s*$",
    re.IGNORECASE,
)
_NUMBERED_ENTRY = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]?\s)")


def reference_breaks(pages: Sequence[PageLayout]) -> dict[int, bool]:
    """Entry starts in an unnumbered reference list set with indents: id(line) -> new entry.

    After a "References" heading, each body line is compared with its column's
    left margin (the smallest x0 of the list's lines on that page that overlap
    it): with hanging indents (the first entry at the margin) a line at the
    margin starts an entry and an indented one continues it, also over column
    and page breaks; with first-line indents, the reverse. A numbered list, a
    list without indents, or a line in a larger font (the next heading) ends it.
    """
    lines: list[tuple[int, Line]] = []
    size = 0.0
    active = False
    for n, page in enumerate(pages):
        for it in page.items:
            if not isinstance(it, Line) or it.side:
                continue
            if _REF_HEADING.match(it.text):
                active, size, lines = True, 0.0, []
                continue
            if not active:
                continue
            if not size:
                if _NUMBERED_ENTRY.match(it.text):
                    return {}
                size = it.size
            elif it.size > 1.15 * size:
                active = False
                continue
            lines.append((n, it))
    if len(lines) < 4:
        return {}
    by_page: dict[int, list[Line]] = {}
    for n, ln in lines:
        by_page.setdefault(n, []).append(ln)
    indent: list[tuple[Line, bool]] = []
    for n, ln in lines:
        margin = min(o.x0 for o in by_page[n] if o.x0 < ln.x1 and ln.x0 < o.x1)
        indent.append((ln, 0.4 * ln.size <= ln.x0 - margin <= 4 * ln.size))
    if all(flag for _, flag in indent) or not any(flag for _, flag in indent):
        return {}
    hanging = not indent[0][1]
    return {id(ln): flag != hanging for ln, flag in indent}


def assemble(pages: Sequence[PageLayout]) -> tuple[str, list[Page], list[Table]]:
    """Render the ordered pages into text, page ranges and tables."""
    pages = place_side_blocks(pages)
    vocab = build_vocabulary(pages)
    entries = reference_breaks(pages)

    def joins(prev: Line, line: Line) -> bool:
        if id(line) in entries and id(prev) in entries:
            return not entries[id(line)]
        return _same_paragraph(prev, line)

    out = TextBuilder()
    page_ranges: list[Page] = []
    tables: list[Table] = []
    prev: Line | TableBlock | None = None
    for page in pages:
        start: int | None = None
        for item in page.items:
            if isinstance(item, TableBlock):
                caption = None
                if item.caption_line is not None and any(
                    it is item.caption_line for it in page.items
                ):
                    caption = caption_text(page.items, item.caption_line)
                if tables:
                    adjacent = start is None and isinstance(prev, TableBlock)
                    merged = _continue_table(out, tables[-1], item, caption, marked=not adjacent)
                    if merged is not None:
                        tables[-1] = merged[0]
                        start = merged[1] if start is None else start
                        prev = item
                        continue
                if prev is not None:
                    out.add("\n\n")
                start = out.pos if start is None else start
                tables.append(_render_table(out, item, page.number, caption))
                prev = item
                continue
            if prev is None:
                pass
            elif isinstance(prev, Line) and joins(prev, item):
                if _breaks_with_hyphen(prev):
                    last = prev.words[-1]
                    in_link = bool(_IN_LINK.search(last.text))
                    if not in_link and hyphen_join(last.text, item.words[0].text, vocab, last.soft):
                        out.parts[-1] = out.parts[-1][:-1]
                        out.pos -= 1
                        if page_ranges and page_ranges[-1].char_end > out.pos:
                            last_page = page_ranges[-1]  # the hyphen ended the previous page
                            page_ranges[-1] = Page(
                                last_page.number,
                                min(last_page.char_start, out.pos),
                                out.pos,
                                last_page.width,
                                last_page.height,
                            )
                elif not _link_continues(prev.text, item.text):
                    out.add(" ")
            else:
                out.add("\n\n")
            start = out.pos if start is None else start
            out.add(item.text)
            prev = item
        begin = out.pos if start is None else start
        page_ranges.append(Page(page.number, begin, out.pos, page.width, page.height))
    return out.text(), page_ranges, tables


def _render_table(out: TextBuilder, block: TableBlock, page: int, caption: str | None) -> Table:
    rows = [[re.sub(r"\s+", " ", c).strip() for c in row] for row in block.rows]
    caption = caption or block.caption_text
    if block.caption_text:
        # a caption typeset with the table (inside its frame or region) precedes its rows,
        # as JATS renders one
        out.add(block.caption_text)
        out.add("\n")
    start = out.pos
    spans: list[tuple[int, int]] = []
    for i, row in enumerate(rows):
        if i:
            out.add("\n")
        line = "\t".join(row)
        spans.append((out.pos, out.pos + len(line)))
        out.add(line)
    x0, top, x1, bottom = (round(v, 2) for v in block.bbox)
    end = out.pos
    return Table(
        rows=rows,
        page=page,
        caption=caption,
        bbox=(x0, top, x1, bottom),
        char_start=start,
        char_end=end,
        row_spans=spans,
        header_rows=block.header_rows,
        footnotes=list(block.footnotes),
        footnote_spans=_render_notes(out, block),
    )


def _render_notes(out: TextBuilder, block: TableBlock) -> list[tuple[int, int]]:
    """The notes read from the table's own words, after its rows (a paragraph, one
    line a note, as JATS renders them); their spans in the text."""
    spans: list[tuple[int, int]] = []
    for i, note in enumerate(block.footnotes[: block.notes_taken]):
        out.add("\n" if i else "\n\n")
        spans.append((out.pos, out.pos + len(note)))
        out.add(note)
    return spans


_CONTINUED = re.compile(r"^\(?\s*(?:table \d+ )?continue", re.IGNORECASE)


def _continue_table(
    out: TextBuilder,
    table: Table,
    block: TableBlock,
    caption: str | None = None,
    marked: bool = False,
) -> tuple[Table, int] | None:
    """Append a table continued from the previous page or column (same columns,
    header repeated; with `marked`, only when a "(continued ...)" line says so).

    Returns the merged table and the offset of its first appended row, or None
    when `block` does not continue `table`.
    """
    rows = [[re.sub(r"\s+", " ", c).strip() for c in row] for row in block.rows]
    if not rows or len(rows[0]) != table.n_cols or rows[0] != table.rows[0]:
        return None
    k = 0
    while k < min(len(rows), table.n_rows) - 1 and rows[k] == table.rows[k]:
        k += 1

    def marker(text: str) -> bool:
        return bool(_CONTINUED.match(text))

    if marked and not (
        any(marker(f) for f in table.footnotes) or (k < len(rows) and marker(rows[k][0]))
    ):
        return None
    added = [r for r in rows[k:] if not (marker(r[0]) and not any(r[1:]))]
    kept_notes = [
        (f, sp)
        for f, sp in zip(table.footnotes, table.footnote_spans, strict=False)
        if not marker(f)
    ]
    kept_spans = [sp for _f, sp in kept_notes]
    # spans stay aligned with the notes when every earlier note has one
    aligned = len(table.footnote_spans) == len(table.footnotes)
    spans = list(table.row_spans)
    first = out.pos + 1
    for row in added:
        out.add("\n")
        line = "\t".join(row)
        spans.append((out.pos, out.pos + len(line)))
        out.add(line)
    rows_end = out.pos
    new_spans = _render_notes(out, block)
    merged = Table(
        rows=table.rows + added,
        page=table.page,
        caption=table.caption or caption or block.caption_text,
        bbox=table.bbox,
        char_start=table.char_start,
        char_end=rows_end,
        row_spans=spans,
        header_rows=table.header_rows,
        footnotes=[f for f in table.footnotes if not marker(f)] + list(block.footnotes),
        footnote_spans=kept_spans + new_spans if aligned else [],
    )
    return merged, first

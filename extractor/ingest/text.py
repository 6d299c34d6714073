"""Plain-text reader: `.txt`/`.md` files -> `Document`.

The text is kept as decoded (newlines normalised to ``\\n``), so every quote
taken from `Document.text` is verbatim input. Tables are not re-rendered:
`Table.row_spans` point at the original lines. See `text_tables` for the
table and heading rules and `encoding` for the decoding rules.

Labelled front matter (`TITLE:`, `JOURNAL:`, ... or PubMed MEDLINE tags) is
read into `Document.metadata` with the keys the JATS reader uses; see
`front_matter`.

Pages: one page, unless form feeds (``\\f``) split the text into pages; the
form feed itself belongs to no page.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from litkg.extractor.document import Document, Heading, IngestError, Page, Table
from litkg.extractor.ingest import doc_id_for
from litkg.extractor.ingest.encoding import decode_text_bytes
from litkg.extractor.ingest.front_matter import read_front_matter
from litkg.extractor.ingest.text_tables import (
    FoundTable,
    Line,
    clean_caption,
    find_tables,
    heading_candidate,
    markdown_heading,
    split_lines,
)
from litkg.extractor.sections import heads_paragraph


def read_text(path: Path) -> Document:
    """Read a plain-text or Markdown file into a `Document`.

    Raises `IngestError` when the file is missing, empty, binary, or in an
    encoding that cannot be detected.
    """
    path = Path(path)
    if not path.exists():
        raise IngestError(str(path), "no such file", "check the path")
    if path.is_dir():
        raise IngestError(str(path), "is a directory", "pass a file")
    data = path.read_bytes()
    text, encoding = decode_text_bytes(data, str(path))
    doc = parse_text(text, doc_id=doc_id_for(path), source=str(path))
    doc.metadata["encoding"] = encoding
    return doc


def parse_text(text: str, doc_id: str = "text", source: str = "<text>") -> Document:
    """Build a `Document` from already-decoded text (newlines already ``\\n``)."""
    lines = split_lines(text)
    found = find_tables(lines)
    tables = [_to_table(text, lines, t) for t in found]
    pages = _pages(text)
    for i, t in enumerate(tables):
        if t.char_start is not None:
            page = _page_of(pages, t.char_start)
            tables[i] = replace(t, page=page)
    in_table: set[int] = set()
    for t in found:
        in_table.update(range(t.first, t.last + 1))
        if t.caption_line is not None:
            in_table.add(t.caption_line)
    headings = _headings(text, lines, in_table)
    # labelled front matter ("TITLE: ...", MEDLINE "TI  - ...") reads like JATS metadata
    metadata: dict[str, object] = dict(read_front_matter(text))
    first = next((ln for ln in lines if not ln.blank), None)
    if first is not None and "title" not in metadata:
        md = markdown_heading(first.text)
        if md and md[0] == 1:
            metadata["title"] = md[1]
    return Document(
        doc_id=doc_id,
        source=source,
        source_format="text",
        text=text,
        pages=pages,
        tables=tables,
        headings=headings,
        metadata=metadata,
    )


def _to_table(text: str, lines: list[Line], t: FoundTable) -> Table:
    caption = None
    if t.caption_line is not None:
        caption = clean_caption(lines[t.caption_line].text)
    if t.kind == "labelled":
        caption = str(t.extra.get("caption") or "") or None
    spans = [(lines[k].start, lines[k].end) for k in t.row_lines]
    notes = [lines[k] for k in t.extra.get("note_lines", [])]  # type: ignore[union-attr]
    return Table(
        rows=t.rows,
        caption=caption,
        char_start=lines[t.first].start,
        char_end=lines[t.last].end,
        row_spans=spans,
        header_rows=int(t.extra.get("header_rows", 0)),  # type: ignore[call-overload]
        footnotes=[re.sub(r"^Note:\s*", "", ln.text).strip() for ln in notes],
        footnote_spans=[(ln.start, ln.end) for ln in notes],
    )


def _pages(text: str) -> list[Page]:
    if "\f" not in text:
        return [Page(number=1, char_start=0, char_end=len(text))]
    pages: list[Page] = []
    start = 0
    for part in text.split("\f"):
        end = start + len(part)
        pages.append(Page(number=len(pages) + 1, char_start=start, char_end=end))
        start = end + 1
    if len(pages) > 1 and not text[pages[-1].char_start :].strip():
        pages.pop()
    return pages


def _page_of(pages: list[Page], offset: int) -> int:
    for p in pages:
        if p.char_start <= offset <= p.char_end:
            return p.number
    return pages[-1].number


def _headings(text: str, lines: list[Line], skip: set[int]) -> list[Heading]:
    md: list[Heading] = []
    for k, ln in enumerate(lines):
        if k in skip:
            continue
        h = markdown_heading(ln.text)
        if h:
            level, title, offset = h
            md.append(Heading(title=title, level=level, char_start=ln.start + offset))
    if len(md) >= 2:
        return md
    found: list[tuple[int, str, int | None, bool]] = []
    for k, ln in enumerate(lines):
        if k in skip or ln.blank or markdown_heading(ln.text):
            continue
        # a form feed (page break) also ends a paragraph
        before_blank = k == 0 or lines[k - 1].blank or text[ln.start - 1] == "\f"
        after_blank = k == len(lines) - 1 or lines[k + 1].blank or text[ln.end] == "\f"
        if not before_blank:
            continue
        if not after_blank and not heads_paragraph(ln.text, lines[k + 1].text):
            continue
        cand = heading_candidate(ln.text)
        if cand:
            title, depth, upper = cand
            offset = ln.start + (len(ln.text) - len(ln.text.lstrip()))
            found.append((offset, title, depth, upper))
    any_upper = any(upper for _, _, depth, upper in found if depth is None)
    heuristic = [
        Heading(
            title=title,
            level=depth if depth is not None else (1 if upper or not any_upper else 2),
            char_start=offset,
        )
        for offset, title, depth, upper in found
    ]
    return sorted(md + heuristic, key=lambda h: h.char_start)

"""The one shape every input becomes: a `Document`.

Whatever the source (PDF, JATS XML, plain text), ingestion produces the full
text in reading order, the pages with their character ranges, and the tables as
rows of cells. Tables are also rendered into `text` (one line per row, cells
joined by a tab) at their place in reading order, so that every fact, whether
read from prose or from a table, can quote its evidence from `text` and point
at a character span in it.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    """One page of the source: its 1-based number and its range in `Document.text`."""

    number: int
    char_start: int
    char_end: int
    width: float | None = None
    height: float | None = None
    ocr: bool = False


@dataclass(frozen=True)
class Table:
    """A table read as a table.

    `rows` holds the cell texts (header rows first). `char_start`/`char_end`
    delimit the table's rendering in `Document.text`; `row_spans[i]` is the
    character range of row i there. `bbox` is (x0, top, x1, bottom) in PDF
    points when the source has a geometry.

    What the source says about the table's structure, kept for the table
    model (`litkg.extractor.tables`): `header_rows` is the number of leading
    rows the source marks as column headers (JATS `<thead>`, text `H:` rows;
    0 when the source does not say); `footnotes` are the table's notes as
    printed, `footnote_spans` their ranges in `Document.text`. When `grid` is
    true, `rows` is a regular grid in which a cell spanning several columns
    or rows keeps its text in its top-left grid cell, and `spans` lists each
    such cell as (row, col, rowspan, colspan); otherwise rows are as read
    (header rows may have fewer cells than the body, their spans unknown).
    """

    rows: list[list[str]]
    page: int | None = None
    caption: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    char_start: int | None = None
    char_end: int | None = None
    row_spans: list[tuple[int, int]] = field(default_factory=list)
    header_rows: int = 0
    footnotes: list[str] = field(default_factory=list)
    footnote_spans: list[tuple[int, int]] = field(default_factory=list)
    grid: bool = False
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class Heading:
    """A section heading found by the reader of the source (markup, `#`, font)."""

    title: str
    level: int
    char_start: int


@dataclass
class Document:
    """An ingested document.

    `metadata` holds what the source marks up itself (JATS front matter:
    title, journal, doi, year, pmid, pmcid, ...); `references` holds
    references parsed from markup (JATS `<ref-list>`), as dicts with the keys
    of the study record's references plus `text`.
    """

    doc_id: str
    source: str
    source_format: str  # "pdf" | "text" | "jats"
    text: str
    pages: list[Page] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    references: list[dict[str, Any]] = field(default_factory=list)
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        if not self.pages:
            self.pages = [Page(number=1, char_start=0, char_end=len(self.text))]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page number holding character `offset`, or None."""
        if not self.pages or offset < 0 or offset > len(self.text):
            return None
        starts = [p.char_start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)].number

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        """A JSON-ready view (for `litkg ingest --format json`)."""
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "source": self.source,
            "source_format": self.source_format,
            "sha256": self.sha256,
            "n_pages": self.n_pages,
            "n_chars": len(self.text),
            "metadata": self.metadata,
            "pages": [vars(p) for p in self.pages],
            "headings": [vars(h) for h in self.headings],
            "tables": [
                {
                    "page": t.page,
                    "caption": t.caption,
                    "bbox": t.bbox,
                    "n_rows": t.n_rows,
                    "n_cols": t.n_cols,
                    "char_start": t.char_start,
                    "char_end": t.char_end,
                    "rows": t.rows,
                    "header_rows": t.header_rows,
                    "footnotes": t.footnotes,
                }
                for t in self.tables
            ],
            "references": self.references,
        }
        if with_text:
            out["text"] = self.text
        return out


class IngestError(Exception):
    """An input that cannot be read. The message names the file and the reason."""

    def __init__(self, path: str, reason: str, hint: str | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        msg = f"{self.path}: {reason}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)

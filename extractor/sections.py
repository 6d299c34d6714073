"""Section detection: which part of the paper each character belongs to.

Sections come from the headings the reader found (Markdown `#`, JATS
markup, font-based headings), from heading-like lines, and from labelled
paragraphs of front and back matter ("Disclosures: ...", "Funding: ...").
The names are canonical: front, abstract, introduction, methods, results,
discussion, references, back, legend, table.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from litkg.extractor.document import Document, Table

HEADING_NAMES: list[tuple[str, re.Pattern[str]]] = [
    ("abstract", re.compile(r"^(?:abstract|summary|structured abstract)\b", re.I)),
    ("introduction", re.compile(r"^(?:introduction|background|rationale)\b", re.I)),
    (
        "methods",
        re.compile(
            r"^(?:(?:materials?|patients?|subjects?|participants?)(?:,)?\s+(?:and|&)\s+methods|methods?"
            r"|methodology|study design|statistical (?:analysis|methods)|trial design|design)\b",
            re.I,
        ),
    ),
    ("results", re.compile(r"^(?:results?|findings|outcomes)\b", re.I)),
    ("discussion", re.compile(r"^(?:discussion|conclusions?|interpretation|comment)\b", re.I)),
    (
        "references",
        re.compile(r"^(?:references?|bibliography|literature cited|works cited)\s*$", re.I),
    ),
    (
        "back",
        re.compile(
            r"^(?:acknowledge?ments?|funding|disclosures?|conflicts? of interest|competing interests?"
            r"|author(?:s'|s)? contributions?|contributions?|data (?:sharing|availability)"
            r"|declarations?|ethics|supplementary|footnotes?|notes?|abbreviations)\b",
            re.I,
        ),
    ),
]

#: a heading's numbering ("2.", "3.1 ", "II. "); group 1 holds the arabic number
HEADING_NUMBER = re.compile(r"^(?:(\d+(?:\.\d+)*)\.?|[IVX]+\.)\s+")


def heads_paragraph(line: str, next_line: str) -> bool:
    """A section's name alone on the first line of a paragraph whose text starts
    on the next line ("Results" over "Systolic pressure fell ..."), as plain text
    printed without a blank line under its headings has it: the line is a heading."""
    name = HEADING_NUMBER.sub("", line.strip()).rstrip(":").strip()
    if not name or len(name.split()) > 5 or not next_line.strip()[:1].isupper():
        return False
    for _, rx in HEADING_NAMES:
        m = rx.match(name)
        if m and m.end() == len(name):
            return True
    return False


# Labelled paragraphs of front/back matter: "Funding: ...", "Correspondence: ..."
LABELLED_MATTER = re.compile(
    r"^\s*(?:#+\s*)?\**(?:disclosures?|funding(?: statement)?|contributions?|author contributions?"
    r"|correspondence|acknowledge?ments?|data sharing(?: statement)?|data availability"
    r"|conflicts? of interest|competing interests?|received|accepted|published(?: online)?"
    r"|revised|early view|keywords?|key words|abbreviations|short title|running title|citation"
    r"|e-?mail|copyright|open access|publisher'?s? (?:note|disclaimer)|ethics(?: approval)?"
    r"|trial registration|©)\**\s*[:.]?",
    re.I,
)
LEGEND = re.compile(r"^\s*(?:legend\s+)?(?:figure|fig\.?|supplementary figure)\s*\d+[.:|]?", re.I)


@dataclass(frozen=True)
class Section:
    name: str
    start: int
    end: int


def table_spans(table: Table) -> list[tuple[int, int]]:
    """Where a table stands in the text: from its start to its end, less the
    prose printed between two runs of its rows (a PDF table continued in the
    next column or on the next page is one table, the text between is not)."""
    if table.char_start is None:
        return []
    end = table.char_end or table.char_start
    runs: list[tuple[int, int]] = []
    for a, b in sorted(table.row_spans):
        if runs and a - runs[-1][1] <= 2:
            runs[-1] = (runs[-1][0], max(runs[-1][1], b))
        else:
            runs.append((a, b))
    if len(runs) < 2:
        return [(table.char_start, end)]
    out = [(min(table.char_start, runs[0][0]), runs[0][1])]
    out += runs[1:-1]
    out.append((runs[-1][0], max(end, runs[-1][1])))
    return out


def _heading_lines(doc: Document) -> list[tuple[int, str]]:
    found = [(h.char_start, h.title) for h in doc.headings]
    # a table's rows and notes ("Note: * adjuvant ...") are never headings
    spans = [span for t in doc.tables for span in table_spans(t)]
    spans += [fs for t in doc.tables for fs in t.footnote_spans]
    for m in re.finditer(r"(?m)^[ \t]*(#{0,6})[ \t]*([^\n]{2,60})$", doc.text):
        if any(a <= m.start() < (b or a) for a, b in spans):
            continue
        title = m.group(2).strip().strip("*").strip()
        if not title or title.endswith((".", ",", ";")) and not m.group(1):
            continue
        if m.group(1) or _canonical(title):
            found.append((m.start(2) if not m.group(1) else m.start(), title))
    return sorted(set(found))


def _canonical(title: str) -> str | None:
    t = re.sub(r"^[\dIVX]+[.)]?\s+", "", title.strip().rstrip(":"))
    for name, rx in HEADING_NAMES:
        if rx.match(t) and len(t) < 60:
            return name
    return None


def detect_sections(doc: Document) -> list[Section]:
    """Contiguous sections covering `doc.text`, in order."""
    text = doc.text
    marks: list[tuple[int, str]] = [(0, "front")]
    seen_body = False
    for pos, title in _heading_lines(doc):
        name = _canonical(title)
        if name is None:
            continue
        if name in ("abstract", "introduction", "methods", "results", "discussion"):
            seen_body = True
        marks.append((pos, name))
    if not seen_body:
        # no body headings: the body starts at the first long prose paragraph
        # that is not labelled front matter
        for m in re.finditer(r"(?:^|\n\s*\n)([^\n]{300,})", text):
            para = m.group(1)
            if not LABELLED_MATTER.match(para) and "\t" not in para:
                marks.append((m.start(1), "body"))
                break
    marks.sort()
    sections: list[Section] = []
    for i, (pos, name) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        if end > pos:
            sections.append(Section(name, pos, end))
    return sections


class SectionIndex:
    """Look up the section of an offset, and flag paragraphs that are
    labelled front/back matter, figure legends or table rows."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.sections = detect_sections(doc)
        self._starts = [s.start for s in self.sections]
        self._tables = sorted(span for t in doc.tables for span in table_spans(t))
        # for in_table: the spans' starts, and the furthest end among the spans so far
        self._table_starts = [a for a, _ in self._tables]
        self._table_reach: list[int] = []
        for a, b in self._tables:
            self._table_reach.append(max(b or a, self._table_reach[-1] if self._table_reach else a))
        self._kinds: dict[int, str] = {}  # kind_at, memoised: components ask of the same offsets

    def name_at(self, offset: int) -> str:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sections[max(i, 0)].name if self.sections else "body"

    def in_table(self, offset: int) -> bool:
        i = bisect.bisect_right(self._table_starts, offset) - 1
        return i >= 0 and offset < self._table_reach[i]  # some span from before offset reaches it

    def paragraph_at(self, offset: int) -> str:
        text = self.doc.text
        start = text.rfind("\n\n", 0, offset)
        start = 0 if start < 0 else start + 2
        end = text.find("\n\n", offset)
        return text[start : end if end >= 0 else len(text)]

    def kind_at(self, offset: int) -> str:
        """front | back | references | legend | table | abstract | ... for an offset."""
        kind = self._kinds.get(offset)
        if kind is None:
            kind = self._kinds[offset] = self._kind_at(offset)
        return kind

    def _kind_at(self, offset: int) -> str:
        if self.in_table(offset):
            return "table"
        name = self.name_at(offset)
        para = self.paragraph_at(offset)
        if LABELLED_MATTER.match(para):
            return "back" if name not in ("front",) else "front"
        if LEGEND.match(para):
            return "legend"
        return name


#: the indexes of the last few documents, by identity (a Document is not
#: changed once read): the pipeline and its components share one per paper
_SHARED: list[tuple[Document, SectionIndex]] = []


def section_index(doc: Document) -> SectionIndex:
    """The `SectionIndex` of `doc`, built once however many components ask."""
    for known, idx in _SHARED:
        if known is doc:
            return idx
    idx = SectionIndex(doc)
    _SHARED.append((doc, idx))
    del _SHARED[:-4]
    return idx

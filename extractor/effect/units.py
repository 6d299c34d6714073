"""Evidence units of a `Document`: its sentences and table rows, each with
the part of the paper it sits in."""

from __future__ import annotations

from dataclasses import dataclass

from litkg.extractor.document import Document
from litkg.extractor.sections import SectionIndex
from litkg.extractor.sentences import split_sentences

# Parts of a paper that never report the trial's own results.
_SKIP = frozenset({"references", "back", "front"})


@dataclass(frozen=True)
class Unit:
    """One sentence or table row: its text (verbatim from `Document.text`),
    span, the part of the paper (abstract, results, discussion, methods,
    introduction, table, legend, body) and, for a table row, the table's
    header row and caption."""

    text: str
    start: int
    end: int
    kind: str
    index: int
    header: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    caption: str = ""

    @property
    def is_table(self) -> bool:
        return self.kind == "table"


def _abstract_span(doc: Document) -> tuple[int, int] | None:
    heads = doc.headings
    for i, h in enumerate(heads):
        if h.title.strip().rstrip(":").lower() in ("abstract", "summary", "structured abstract"):
            end = next(
                (g.char_start for g in heads[i + 1 :] if g.level <= h.level),
                len(doc.text),
            )
            return h.char_start, end
    return None


def document_units(doc: Document) -> list[Unit]:
    """Sentences and table rows of `doc` that may report results, in order."""
    idx = SectionIndex(doc)
    abstract = _abstract_span(doc)
    rows: dict[int, tuple[tuple[str, ...], tuple[str, ...], str]] = {}
    for t in doc.tables:
        header = tuple(t.rows[0]) if t.rows else ()
        for r, (s, _e) in zip(t.rows, t.row_spans, strict=False):
            rows[s] = (header, tuple(r), t.caption or "")
    out: list[Unit] = []
    for start, end in split_sentences(doc.text):
        text = doc.text[start:end]
        if len(text) < 8 or text.lstrip().startswith("#"):
            continue
        kind = idx.kind_at(start)
        if abstract and abstract[0] <= start < abstract[1] and kind != "table":
            kind = "abstract"
        if kind in _SKIP:
            continue
        header, cells, caption = rows.get(start, ((), (), ""))
        if kind == "table" and not cells:
            cells = tuple(text.split("\t"))
        out.append(Unit(text, start, end, kind, len(out), header, cells, caption))
    return out

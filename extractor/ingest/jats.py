"""JATS XML reader (PubMed Central `.nxml`/`.xml`) -> `Document`.

Metadata and references are read from the markup. The text is rendered in
reading order in the Markdown-like form the plain-text reader understands:

- ``# Title``; ``## Abstract`` (structured abstract sections as ``### ...``);
  body sections as ``##``/``###``/... by depth; back matter (acknowledgements,
  notes, funding, glossary, appendices) and ``## References`` with one line per
  reference, ``"1. <citation>"``;
- paragraphs separated by blank lines; figure captions as paragraphs
  ("Figure 1. ..."); floating figures/tables (``floats-group``) are placed after
  the paragraph that first cites them, the rest at the end of the body;
- tables: a caption line "Table N. caption", then one line per row, cells
  joined by a TAB (colspan -> blank cells after the text, rowspan -> the text
  repeated below, rows padded to the same width, empty rows dropped); table
  footnotes as a paragraph after;
- citations (``<xref ref-type="bibr">``) inside ``<sup>`` (or holding one)
  become Unicode superscripts (``¹⁴``); bare numeric ones not already in
  brackets become ``[14]``, so a citation never glues onto a number or word;
- other ``<sup>``/``<sub>`` become Unicode super/subscripts when every
  character has one (``10⁹/L``, ``m²``, ``CD3⁺``), else their plain text;
  ``<sc>`` (small caps) is upper-cased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from litkg.extractor.document import Document, Heading, IngestError, Page, Table
from litkg.extractor.ingest import doc_id_for

_SUP = str.maketrans("0123456789+-=()n−–i", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ⁻⁻ⁱ")
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUP_LETTERS = dict(zip("abcdefghijklmnoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ", strict=True))
_SUP_OK = set("0123456789+-=()n−–i,")
_SUB_OK = set("0123456789+-=()")
_WS = re.compile(r"\s+")
_BLOCK_TAGS = {
    "table-wrap",
    "fig",
    "list",
    "disp-quote",
    "boxed-text",
    "table-wrap-group",
    "fig-group",
    "def-list",
    "statement",
    "supplementary-material",
}
_SKIP_INLINE = {"alt-text", "long-desc", "object-id", "graphic", "inline-graphic", "hr"}
_PUB_TYPES = ("epub", "ppub", "collection", "epub-ppub", "epreprint")
_FN_TITLES = {
    "conflict": "Conflicts of interest",
    "COI-statement": "Conflicts of interest",
    "financial-disclosure": "Funding",
    "supported-by": "Funding",
    "con": "Contributions",
    "present-address": "Notes",
}


def _local(el: Any) -> str:
    """The local name of an element ('' for comments and processing instructions)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]  # "{namespace}name" or "name"


def _children(el: Any, name: str | None = None) -> list[Any]:
    return [c for c in el if _local(c) and (name is None or _local(c) == name)]


def _first(el: Any, path: str) -> Any | None:
    """The first descendant matching a slash path of local names ('a/b', '//c')."""
    if el is None:
        return None
    found = _xpath(path)(el)
    return found[0] if found else None


@lru_cache(maxsize=256)
def _xpath(path: str) -> etree.XPath:
    """`_xp(path)` compiled (once, not on every call)."""
    return etree.XPath(_xp(path))


def _xp(path: str) -> str:
    deep = path.startswith("//")
    parts = [p for p in path.strip("/").split("/") if p]
    steps = [f"*[local-name()='{p}']" for p in parts]
    return (".//" if deep else "./") + "/".join(steps)


def _all(el: Any, path: str) -> list[Any]:
    return list(_xpath(path)(el)) if el is not None else []


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _plain(el: Any | None) -> str:
    """The normalised text content of an element (no special rendering)."""
    if el is None:
        return ""
    return _norm("".join(el.itertext()))


# ------------------------------------------------------------------- inline


def _sup_text(s: str) -> str:
    t = s.strip()
    if not t:
        return s
    if all(c in _SUP_OK for c in t):
        return t.translate(_SUP)
    if len(t) == 1 and t in _SUP_LETTERS:
        return _SUP_LETTERS[t]
    return s


def _sub_text(s: str) -> str:
    t = s.strip()
    if t and all(c in _SUB_OK for c in t):
        return t.translate(_SUB)
    return s


class _Inline:
    """Renders mixed content to one line of text."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def last_char(self) -> str:
        for s in reversed(self.out):
            if s:
                return s[-1]
        return ""

    def render(self, el: Any, in_sup: bool = False) -> None:
        if el.text:
            self.out.append(el.text)
        for c in el:
            self.node(c, in_sup)
            if c.tail:
                self.out.append(c.tail)

    def node(self, el: Any, in_sup: bool) -> None:
        name = _local(el)
        if not name or name in _SKIP_INLINE:
            return
        if name in ("break",):
            self.out.append(" ")
            return
        if name == "sup":
            sub = _Inline()
            sub.render(el, in_sup=True)
            text = "".join(sub.out)
            self.out.append(text if in_sup else _sup_text(text))
            return
        if name == "sub":
            sub = _Inline()
            sub.render(el, in_sup)
            self.out.append(_sub_text("".join(sub.out)))
            return
        if name == "sc":
            sub = _Inline()
            sub.render(el, in_sup)
            self.out.append("".join(sub.out).upper())
            return
        if name == "xref" and el.get("ref-type") in ("table-fn", "fn") and not in_sup:
            sub = _Inline()
            sub.render(el, in_sup)
            text = _norm("".join(sub.out))
            if len(text) <= 2:
                # a table note's mark printed inline ("Mean change<xref>a</xref>"): a
                # superscript, as typeset, so the label reads "Mean change"
                self.out.append(_sup_text(text))
                return
        if name == "xref" and el.get("ref-type") == "bibr":
            sub = _Inline()
            sub.render(el, in_sup)
            text = _norm("".join(sub.out))
            has_sup = bool(_all(el, "//sup"))
            if in_sup or has_sup:
                self.out.append(_sup_text(text) if not in_sup else text)
                return
            lc = self.last_char()
            if re.fullmatch(r"[\d,\s\-–—]+", text) and not (lc and lc in "[("):
                self.out.append(f"[{text}]")
            else:
                self.out.append(text)
            return
        if name in ("inline-formula", "disp-formula"):
            tex = _first(el, "//tex-math")
            math = _first(el, "//math")
            if math is not None:
                self.out.append(_plain(math))
            elif tex is not None:
                self.out.append(_plain(tex))
            else:
                self.render(el, in_sup)
            return
        self.render(el, in_sup)


def _inline(el: Any | None) -> str:
    """The text of an element rendered inline (one normalised line)."""
    if el is None:
        return ""
    r = _Inline()
    r.render(el)
    return _norm("".join(r.out))


# ---------------------------------------------------------------- the builder


class _Builder:
    """Accumulates blocks (joined by blank lines), headings and tables."""

    def __init__(self, floats: dict[str, Any]) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.headings: list[Heading] = []
        self.tables: list[Table] = []
        self.floats = floats  # id -> float element not yet placed
        self.placed: set[int] = set()

    def _start_block(self) -> int:
        if self.parts:
            self.parts.append("\n\n")
            self.pos += 2
        return self.pos

    def block(self, text: str) -> int | None:
        text = text.strip("\n")
        if not text.strip():
            return None
        start = self._start_block()
        self.parts.append(text)
        self.pos += len(text)
        return start

    def heading(self, title: str, level: int) -> None:
        title = _norm(title)
        if not title:
            return
        marks = "#" * max(1, min(level, 6))
        start = self.block(f"{marks} {title}")
        if start is not None:
            self.headings.append(
                Heading(title=title, level=level, char_start=start + len(marks) + 1)
            )

    def table(self, caption: str | None, grid: _Grid) -> None:
        rows = grid.rows
        lines = ["\t".join(r) for r in rows]
        head = f"{caption}\n" if caption else ""
        self._start_block()
        self.parts.append(head)
        self.pos += len(head)
        t_start = self.pos
        spans: list[tuple[int, int]] = []
        for i, line in enumerate(lines):
            if i:
                self.parts.append("\n")
                self.pos += 1
            spans.append((self.pos, self.pos + len(line)))
            self.parts.append(line)
            self.pos += len(line)
        self.tables.append(
            Table(
                rows=rows,
                page=1,
                caption=caption,
                char_start=t_start,
                char_end=self.pos,
                row_spans=spans,
                header_rows=grid.header_rows,
                grid=True,
                spans=grid.spans,
            )
        )

    def footnotes(self, tables: list[Table], lines: list[str]) -> None:
        """The notes of the tables just added, as one block, one line per note."""
        start = self.block("\n".join(lines))
        if start is None:
            return
        notes: list[str] = []
        where: list[tuple[int, int]] = []
        pos = start
        for line in lines:
            notes.append(line)
            where.append((pos, pos + len(line)))
            pos += len(line) + 1
        for t in tables:
            i = self.tables.index(t)
            self.tables[i] = replace(t, footnotes=list(notes), footnote_spans=list(where))

    def text(self) -> str:
        return "".join(self.parts)


# -------------------------------------------------------------------- tables


def _cell_text(cell: Any) -> str:
    return _inline(cell).replace("\t", " ")


@dataclass
class _Grid:
    """A table laid out on a grid: rows, how many are `<thead>` rows, spanning cells."""

    rows: list[list[str]]
    header_rows: int = 0
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)


def _grid(table: Any) -> _Grid:
    """The rows of an XHTML-style <table>, with row/colspans laid out on a grid.

    A cell spanning columns keeps its text in its first column and leaves the
    others blank; a cell spanning rows repeats its text in the rows below.
    Empty rows are dropped. The `<thead>` row count and each spanning cell
    (row, col, rowspan, colspan) are kept for the table model.
    """
    trs = [tr for tr in table.iter() if _local(tr) == "tr"]
    in_head = [any(_local(a) == "thead" for a in tr.iterancestors()) for tr in trs]
    grid: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}  # (row, col) filled from a rowspan above
    raw_spans: list[tuple[int, int, int, int]] = []
    for r, tr in enumerate(trs):
        row: list[str] = []
        for cell in tr:
            if _local(cell) not in ("td", "th"):
                continue
            while (r, len(row)) in pending:
                row.append(pending.pop((r, len(row))))
            text = _cell_text(cell)
            cs = min(_span(cell.get("colspan")), 100)
            rs = min(_span(cell.get("rowspan")), 1000)
            if cs > 1 or rs > 1:
                raw_spans.append((r, len(row), min(rs, len(trs) - r), cs))
            for k in range(cs):
                col = len(row)
                row.append(text if k == 0 else "")
                for d in range(1, rs):
                    pending[(r + d, col)] = text if k == 0 else ""
        while (r, len(row)) in pending:
            row.append(pending.pop((r, len(row))))
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    rows = [r + [""] * (width - len(r)) for r in grid]
    keep = [i for i, r in enumerate(rows) if any(c.strip() for c in r)]
    new_index = {old: new for new, old in enumerate(keep)}
    spans = []
    for r, c, rs, cs in raw_spans:
        covered = [new_index[x] for x in range(r, r + rs) if x in new_index]
        if covered:
            spans.append((covered[0], c, len(covered), cs))
    header = sum(1 for i in keep if in_head[i])
    return _Grid([rows[i] for i in keep], header, spans)


def _span(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _caption_line(wrap: Any) -> str | None:
    label = _inline(_first(wrap, "label"))
    cap = _first(wrap, "caption")
    cap_text = ""
    if cap is not None:
        bits = [_inline(c) for c in _children(cap) if _local(c) in ("title", "p")]
        bits = [b for b in bits if b]
        cap_text = " ".join(
            b if i == len(bits) - 1 or b[-1] in ".:;?!" else b + "." for i, b in enumerate(bits)
        )
    if not label and not cap_text:
        return None
    if not label:
        return cap_text
    if not cap_text:
        return label
    sep = " " if label[-1] in ".:" else ". "
    return f"{label}{sep}{cap_text}"


# ------------------------------------------------------------------ renderer


class _Renderer:
    def __init__(self, root: Any, refs: list[dict[str, Any]]) -> None:
        self.root = root
        self.refs = refs
        self.ref_lists_done = 0
        floats: dict[str, Any] = {}
        for fg in _all(root, "//floats-group"):
            for el in fg.iter():
                if (
                    _local(el)
                    in (
                        "table-wrap",
                        "fig",
                        "table-wrap-group",
                        "fig-group",
                        "boxed-text",
                    )
                    and el.get("id")
                    and not any(_local(a) in ("table-wrap", "fig") for a in el.iterancestors())
                ):
                    floats[el.get("id")] = el
        self.b = _Builder(floats)

    # blocks
    def paragraph(self, p: Any) -> None:
        """A <p>, split around block-level children (tables, lists, figures)."""
        buf = _Inline()
        if p.text:
            buf.out.append(p.text)
        for c in p:
            if _local(c) in _BLOCK_TAGS:
                self.b.block(_norm("".join(buf.out)))
                buf = _Inline()
                self.element(c, 2)
            else:
                buf.node(c, False)
            if c.tail:
                buf.out.append(c.tail)
        self.b.block(_norm("".join(buf.out)))
        self.place_floats(p)

    def place_floats(self, el: Any) -> None:
        for x in el.iter():
            if _local(x) == "xref" and x.get("ref-type") in ("table", "fig", "boxed-text"):
                for rid in (x.get("rid") or "").split():
                    fl = self.b.floats.pop(rid, None)
                    if fl is not None:
                        self.element(fl, 2)

    def table_wrap(self, wrap: Any) -> None:
        caption = _caption_line(wrap)
        tables = [t for t in wrap.iter() if _local(t) == "table"]
        made: list[Table] = []
        for t in tables:
            grid = _grid(t)
            if grid.rows:
                self.b.table(caption, grid)
                made.append(self.b.tables[-1])
        if not made and caption:
            self.b.block(caption)
        foot_lines: list[str] = []
        for foot in _all(wrap, "//table-wrap-foot"):
            for c in _children(foot):
                if _local(c) == "fn-group":
                    items = _children(c, "fn")
                elif _local(c) in ("fn", "p", "attrib"):
                    items = [c]
                else:
                    items = [c]
                for fn in items:
                    label = _inline(_first(fn, "label"))
                    body = " ".join(_inline(x) for x in _children(fn) if _local(x) != "label")
                    if _local(fn) == "p" or not _children(fn):
                        body = _inline(fn)
                    line = _norm(f"{label} {body}" if label else body)
                    if line:
                        foot_lines.append(line)
        if foot_lines:
            self.b.footnotes(made, foot_lines)

    def fig(self, fig: Any) -> None:
        line = _caption_line(fig)
        if line:
            self.b.block(line)

    def list_(self, lst: Any) -> None:
        ordered = lst.get("list-type") in (
            "order",
            "number",
            "alpha-lower",
            "alpha-upper",
            "roman-lower",
            "roman-upper",
        )
        lines = []
        for i, item in enumerate(_children(lst, "list-item"), 1):
            label = _inline(_first(item, "label"))
            body = " ".join(_inline(c) for c in _children(item) if _local(c) != "label")
            mark = label or (f"{i}." if ordered else "-")
            lines.append(_norm(f"{mark} {body}"))
        if lines:
            self.b.block("\n".join(lines))

    def def_list(self, dl: Any) -> None:
        lines = []
        for item in _children(dl, "def-item"):
            term = _inline(_first(item, "term"))
            d = _inline(_first(item, "def"))
            lines.append(f"{term}: {d}" if term else d)
        if lines:
            self.b.block("\n".join(lines))

    def section(self, sec: Any, level: int) -> None:
        label = _inline(_first(sec, "label"))
        title = _inline(_first(sec, "title"))
        heading = " ".join(x for x in (label, title) if x)
        if heading:
            self.b.heading(heading, level)
        for c in _children(sec):
            if _local(c) in ("title", "label"):
                continue
            self.element(c, level + 1 if heading else level)

    def element(self, el: Any, level: int) -> None:
        name = _local(el)
        if name == "sec":
            self.section(el, level)
        elif name == "p":
            self.paragraph(el)
        elif name in ("table-wrap",):
            self.table_wrap(el)
        elif name == "fig":
            self.fig(el)
        elif name in ("table-wrap-group", "fig-group"):
            for c in _children(el):
                self.element(c, level)
        elif name == "list":
            self.list_(el)
        elif name == "def-list":
            self.def_list(el)
        elif name in ("disp-quote", "boxed-text", "statement", "app", "notes", "glossary"):
            self.section(el, level)
        elif name == "disp-formula":
            self.b.block(_inline(el))
        elif name in ("supplementary-material",):
            cap = _caption_line(el)
            if cap:
                self.b.block(cap)
        elif name == "ref-list":
            self.ref_list(el)
        elif name in ("title", "label", "object-id", "graphic", "alternatives", "media"):
            return
        else:
            text = _inline(el)
            if text:
                self.b.block(text)

    # parts of the article
    def render(self, front: Any, body: Any, back: Any, md: dict[str, Any] | None = None) -> None:
        meta = _first(front, "article-meta")
        title = _inline(_first(meta, "title-group/article-title"))
        if title:
            self.b.heading(title, 1)
        line = citation_line(md or {})
        if line:
            self.b.block(line)
        regs = [r for r in (md or {}).get("registrations") or [] if r]
        if regs:
            # name the registry where the identifier does not ("EudraCT 2015-001234-56")
            shown = [f"EudraCT {r}" if re.fullmatch(r"\d{4}-\d{6}-\d{2}", r) else r for r in regs]
            self.b.block("Trial registration: " + ", ".join(shown) + ".")
        abstracts = _all(meta, "abstract")
        main = [a for a in abstracts if not a.get("abstract-type")] or abstracts[:1]
        for ab in abstracts:
            if ab in main:
                head = "Abstract"
            else:
                kind = (ab.get("abstract-type") or "abstract").replace("-", " ")
                head = _inline(_first(ab, "title")) or kind.capitalize()
            self.b.heading(head, 2)
            for c in _children(ab):
                if _local(c) in ("title", "label"):
                    continue
                self.element(c, 3)
        if body is not None:
            for c in _children(body):
                self.element(c, 2)
        for fl in list(self.b.floats.values()):
            if self.b.floats.pop(fl.get("id"), None) is not None:
                self.element(fl, 2)
        self.back(front, back)

    def back(self, front: Any, back: Any) -> None:
        """Back matter first (acknowledgements, notes, funding...), then references."""
        meta = _first(front, "article-meta")
        funding = [_inline(s) for s in _all(meta, "//funding-statement")]
        children = _children(back) if back is not None else []
        has_funding_sec = any(
            "fund" in _plain(_first(c, "title")).lower()
            for c in (back.iter() if back is not None else [])
            if _local(c) in ("sec", "ack", "fn-group")
        )
        for c in children:
            name = _local(c)
            if name == "ack":
                t = _first(c, "title")
                subs = _children(c)
                if t is None and not (subs and _local(subs[0]) == "sec"):
                    self.b.heading("Acknowledgements", 2)
                    for x in subs:
                        self.element(x, 3)
                else:
                    self.section(c, 2)
            elif name == "ref-list":
                continue
            elif name == "fn-group":
                self.fn_group(c)
            elif name == "app-group" and _first(c, "title") is None:
                for x in _children(c):
                    self.element(x, 2)
            elif name in ("sec", "app-group", "app", "glossary", "notes", "bio"):
                self.section(c, 2)
            elif name in ("label", "title"):
                continue
            else:
                self.element(c, 2)
        if funding and not has_funding_sec:
            self.b.heading("Funding", 2)
            for f in funding:
                self.b.block(f)
        for c in children:
            if _local(c) == "ref-list":
                self.ref_list(c)
        if self.refs and not self.ref_lists_done:
            # references marked up somewhere else (e.g. a ref-list inside a section)
            self.b.heading("References", 2)
            self.b.block("\n".join(r["text"] for r in self.refs))

    def fn_group(self, grp: Any) -> None:
        """Footnotes: under the group's title, else under a heading by footnote type."""
        title = _inline(_first(grp, "title"))
        if title:
            self.b.heading(title, 2)
        current = None
        for fn in _children(grp, "fn"):
            if not title:
                head = _FN_TITLES.get(fn.get("fn-type") or "", "Notes")
                if head != current:
                    self.b.heading(head, 2)
                    current = head
            label = _inline(_first(fn, "label"))
            for i, c in enumerate(x for x in _children(fn) if _local(x) != "label"):
                text = _inline(c)
                if i == 0 and label:
                    text = f"{label} {text}"
                self.b.block(text)

    def ref_list(self, rl: Any) -> None:
        """A reference list: its heading, then one line per reference."""
        title = _inline(_first(rl, "title"))
        first = not self.ref_lists_done
        self.b.heading("References" if first or not title else title, 2)
        self.ref_lists_done += 1
        lines = [r["text"] for r in self.refs if r["_list"] is rl]
        if lines:
            self.b.block("\n".join(lines))
        for c in _children(rl):
            if _local(c) == "ref-list":
                self.ref_list(c)


# ----------------------------------------------------------------- references


def _citation_is_mixed(cit: Any) -> bool:
    if _local(cit) == "mixed-citation":
        return True
    if _local(cit) in ("element-citation", "nlm-citation"):
        return False
    if cit.text and cit.text.strip():
        return True
    return any(c.tail and c.tail.strip(" \t\n") for c in cit)


def _plausible_group(name: str) -> bool:
    """A <collab> that names a group ("EBCTCG", "WHO Trial Group"), not an article
    title mis-tagged as one (long, or with a colon, as some PMC files have it)."""
    return len(name.split()) <= 10 and ":" not in name


def _names(group: Any) -> list[str]:
    out = []
    for el in group:
        n = _local(el)
        if n in ("name", "string-name"):
            sur = _inline(_first(el, "surname"))
            given = _inline(_first(el, "given-names"))
            suffix = _inline(_first(el, "suffix"))
            out.append(" ".join(x for x in (sur, given, suffix) if x) or _inline(el))
        elif n == "collab":
            out.append(_inline(el))
        elif n == "etal":
            out.append("et al.")
    return out


def _structured_text(cit: Any) -> str:
    groups = _children(cit, "person-group")
    names: list[str] = []
    for g in groups:
        if g.get("person-group-type") in (None, "author"):
            names = _names(g)
            break
    if not names:
        names = _names(cit)
    parts: list[str] = []
    if names:
        authors = ", ".join(n for n in names if n != "et al.")
        if "et al." in names:
            authors += ", et al." if authors else "et al."
        parts.append(authors.rstrip(".") + ".")
    for tag in ("article-title", "chapter-title", "data-title"):
        t = _inline(_first(cit, tag))
        if t:
            parts.append(t if t[-1] in ".?!" else t + ".")
            break
    source = _inline(_first(cit, "source"))
    if source:
        parts.append(source if source[-1] in ".?!" else source + ".")
    loc = _inline(_first(cit, "publisher-loc"))
    pub = _inline(_first(cit, "publisher-name"))
    if loc or pub:
        parts.append(": ".join(x for x in (loc, pub) if x) + ";")
    year = _inline(_first(cit, "year"))
    vol = _inline(_first(cit, "volume"))
    issue = _inline(_first(cit, "issue"))
    fpage = _inline(_first(cit, "fpage"))
    lpage = _inline(_first(cit, "lpage"))
    eloc = _inline(_first(cit, "elocation-id"))
    tail = year
    if vol:
        tail += f";{vol}"
    if issue:
        tail += f"({issue})"
    if fpage:
        tail += f":{fpage}" + (f"–{lpage}" if lpage else "")
    elif eloc:
        tail += f":{eloc}"
    if tail:
        parts.append(tail.lstrip(";") + ".")
    for c in _children(cit):
        if _local(c) in ("comment", "ext-link", "uri"):
            t = _inline(c)
            if t:
                parts.append(t)
    doi = _pub_id(cit, "doi")
    if doi:
        parts.append(f"doi:{doi}")
    return _norm(" ".join(parts))


def _pub_id(cit: Any, kind: str) -> str | None:
    for p in _all(cit, "//pub-id"):
        if (p.get("pub-id-type") or "").lower() == kind:
            v = _plain(p)
            if v:
                return v
    if kind == "doi":
        for ext in _all(cit, "//ext-link"):
            href = ext.get("{http://www.w3.org/1999/xlink}href") or ""
            m = re.search(r"(10\.\d{4,9}/\S+)", href)
            if m and "doi" in href.lower():
                return m.group(1)
    return None


def _int_or_none(s: str | None) -> int | None:
    if not s:
        return None
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", s) or re.search(r"(\d{4})", s)
    return int(m.group(1)) if m else None


_TEXT_AUTHOR_RE = re.compile(
    r"^((?:(?:van|von|de|der|den|da|di|du|le|la|dos|del)\s)*[^\W\d_][\w'’\-]*)"
    r"(?:\s+[A-Z][A-Z\-]{0,3}|\s*,\s*[A-Z]\.)[,.\s]"
)
_TEXT_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)[a-z]?(?=\s*[;.(:]|\s*$)")
_TEXT_DOI_RE = re.compile(r"10\.\d{4,9}/\S+")
# "... title. Journal Abbrev. 2009;23(5):991-1010." (Vancouver style)
_TEXT_SOURCE_RE = re.compile(
    r"(?:^|\.\s+)([^.]+?)\.?\s+((?:19|20)\d\d)(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?;"
    r"\s*([\w\-]+)(?:\s*\(([^)]*)\))?:\s*([A-Za-z]?\d+)"
)


def _references(root: Any) -> list[dict[str, Any]]:
    """The references of every `<ref-list>`, as dicts of the reference record fields."""
    refs: list[dict[str, Any]] = []
    # a sub-article's list (a referee report, a reply) is not the paper's own
    lists = [
        el
        for el in root.iter()
        if _local(el) == "ref-list"
        and not any(_local(a) == "sub-article" for a in el.iterancestors())
    ]
    for rl in lists:
        for ref in _children(rl, "ref"):
            cits = [
                c
                for c in ref
                if _local(c) in ("element-citation", "mixed-citation", "nlm-citation", "citation")
            ]
            cit = cits[0] if cits else ref
            label = _plain(_first(ref, "label"))
            lab_num = re.fullmatch(r"\[?\(?(\d+)[.)\]]?", label)
            index = int(lab_num.group(1)) if lab_num else len(refs) + 1
            if _citation_is_mixed(cit):
                body = _inline(cit)
                if label and body.startswith(label):
                    body = body[len(label) :].strip()
            else:
                body = _structured_text(cit)
            first_author = next(
                (
                    name
                    for el in cit.iter()
                    if _local(el) in ("surname", "collab")
                    and (name := _inline(el))
                    and (_local(el) == "surname" or _plausible_group(name))
                ),
                None,
            )
            year = _int_or_none(_plain(_first(cit, "//year")))
            doi = _pub_id(cit, "doi")
            source = _inline(_first(cit, "source")) or None
            volume = _inline(_first(cit, "volume")) or None
            first_page = (
                _inline(_first(cit, "fpage")) or _inline(_first(cit, "elocation-id")) or None
            )
            if _citation_is_mixed(cit):
                # unmarked parts of a mixed citation: read them off the printed text
                if not first_author:
                    m = _TEXT_AUTHOR_RE.match(body)
                    first_author = m.group(1) if m else None
                if year is None:
                    m = _TEXT_YEAR_RE.search(body)
                    year = int(m.group(1)) if m else None
                if doi is None:
                    m = _TEXT_DOI_RE.search(body)
                    doi = m.group(0).rstrip(".,;)") if m else None
                m = _TEXT_SOURCE_RE.search(body)
                if m:
                    source = source or m.group(1).strip()
                    volume = volume or m.group(3)
                    first_page = first_page or m.group(5)
            refs.append(
                {
                    "index": index,
                    "first_author": first_author or None,
                    "year": year,
                    "journal": source,
                    "volume": volume,
                    "first_page": first_page,
                    "doi": doi.lower() if doi else None,
                    "pmid": _pub_id(cit, "pmid"),
                    "title": _inline(_first(cit, "article-title")) or None,
                    "text": f"{index}. {body}",
                    "_el": ref,
                    "_list": rl,
                }
            )
    return _one_per_index(refs)


def _one_per_index(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One reference per printed number. Where a number is printed twice (a
    short list of a table's sources before the main list, a publisher's
    duplicated labels), the one in the longer run of consecutive numbers
    stays: that is the paper's reference list."""
    run_of: list[int] = []
    for i, r in enumerate(refs):
        same = i > 0 and r["index"] == refs[i - 1]["index"] + 1
        run_of.append(run_of[-1] if same else (run_of[-1] + 1 if run_of else 0))
    length: dict[int, int] = {}
    for k in run_of:
        length[k] = length.get(k, 0) + 1
    best: dict[int, int] = {}
    for i, r in enumerate(refs):
        j = best.get(r["index"])
        if j is None or length[run_of[i]] > length[run_of[j]]:
            best[r["index"]] = i
    keep = set(best.values())
    return [r for i, r in enumerate(refs) if i in keep]


# ------------------------------------------------------------------- metadata


def _metadata(root: Any) -> dict[str, Any]:
    front = _first(root, "front")
    jm = _first(front, "journal-meta")
    am = _first(front, "article-meta")
    md: dict[str, Any] = {}

    def put(key: str, value: Any) -> None:
        if value not in (None, "", []):
            md[key] = value

    put("title", _inline(_first(am, "title-group/article-title")))
    put("journal", _inline(_first(jm, "//journal-title")))
    abbrev = _inline(_first(jm, "//abbrev-journal-title"))
    if not abbrev:
        for jid in _all(jm, "journal-id"):
            if jid.get("journal-id-type") in ("nlm-ta", "iso-abbrev"):
                abbrev = _plain(jid)
                break
    put("journal_abbrev", abbrev)
    put("publisher", _inline(_first(jm, "//publisher-name")))
    for aid in _all(am, "article-id"):
        kind = (aid.get("pub-id-type") or "").lower()
        value = _plain(aid)
        if kind == "doi":
            put("doi", value.lower())
        elif kind == "pmid":
            put("pmid", value)
        elif kind in ("pmc", "pmcid"):
            put("pmcid", value if value.upper().startswith("PMC") else f"PMC{value}")
    dates = _all(am, "pub-date")
    year = None
    for d in dates:
        kind = d.get("pub-type") or d.get("date-type") or ""
        if kind in _PUB_TYPES or kind == "pub":
            year = _int_or_none(_plain(_first(d, "year")))
            if year:
                break
    if year is None:
        years = [y for y in (_int_or_none(_plain(_first(d, "year"))) for d in dates) if y]
        year = min(years) if years else None
    put("year", year)
    put("volume", _plain(_first(am, "volume")))
    put("issue", _plain(_first(am, "issue")))
    put("fpage", _plain(_first(am, "fpage")))
    put("lpage", _plain(_first(am, "lpage")))
    put("elocation_id", _plain(_first(am, "elocation-id")))
    put("article_type", root.get("article-type"))
    put("subjects", [_inline(s) for s in _all(am, "article-categories//subject")])
    put("keywords", [_inline(k) for k in _all(am, "//kwd") if _inline(k)])
    authors = []
    for contrib in _all(am, "//contrib"):
        if contrib.get("contrib-type") not in (None, "author"):
            continue
        name = _first(contrib, "name")
        if name is None:
            name = _first(contrib, "string-name")
        if name is not None:
            authors.append(
                {
                    "surname": _inline(_first(name, "surname")) or None,
                    "given": _inline(_first(name, "given-names")) or None,
                }
            )
        else:
            collab = _first(contrib, "collab")
            if collab is not None:
                authors.append({"collab": _inline(collab)})
    put("authors", authors)
    put("registrations", _registrations(root))
    return md


_REG_PATTERNS = (
    r"NCT\d{8}",
    r"ISRCTN\d{8}",
    r"\d{4}-\d{6}-\d{2}",
    r"ChiCTR[-\w]+",
    r"ACTRN\d{14}",
    r"CTRI/\d{4}/\d+/\d+",
    r"DRKS\d{8}",
    r"UMIN\d{9}",
    r"jRCT\w+",
    r"NTR\d+",
    r"KCT\d{7}",
)


def _registrations(root: Any) -> list[str]:
    """Trial registrations marked up as such.

    Read from registry-typed `<ext-link>`s, `<clinical-trial-number>`,
    trial-related `<custom-meta>` and registry `<related-object>`s.
    """
    out: list[str] = []

    def add(text: str) -> None:
        text = _norm(text)
        if not text:
            return
        for pat in _REG_PATTERNS:
            for m in re.finditer(pat, text):
                v = m.group(0)
                if v not in out:
                    out.append(v)
                return
        if len(text) <= 40 and text not in out:
            out.append(text)

    reg_types = (
        "clinicaltrials.gov",
        "clintrialgov",
        "isrctn",
        "ctgov",
        "clinical-trial",
        "eudract",
        "anzctr",
        "chictr",
        "drks",
    )
    for el in root.iter():
        name = _local(el)
        if name == "ext-link":
            t = (el.get("ext-link-type") or "").lower()
            if any(r in t for r in reg_types):
                value = _plain(el) or (el.get("{http://www.w3.org/1999/xlink}href") or "")
                if "clinicaltrials" in t and re.fullmatch(r"\d{8}", value):
                    value = "NCT" + value
                add(value)
        elif name == "clinical-trial-number":
            add(_plain(el))
        elif name == "custom-meta":
            key = _plain(_first(el, "meta-name")).lower()
            if "regist" in key or "clinical trial" in key or "trial" in key:
                add(_plain(_first(el, "meta-value")))
        elif name == "related-object" and (el.get("source-type") or "").lower() in (
            "clinical-trials-registry",
            "registry",
        ):
            add(el.get("document-id") or _plain(el))
    return out


# ---------------------------------------------------------------------- entry


def citation_line(md: dict[str, Any]) -> str:
    """The article's own citation line, as article pages print it under the title
    ("Lancet. 2009;373(9676):1681-1692. doi: 10.1016/..."), from its front
    matter; the text then carries what the markup says, like other inputs."""
    journal = md.get("journal") or md.get("journal_abbrev")
    parts: list[str] = []
    if journal:
        parts.append(f"{journal}.")
    loc = str(md.get("year") or "")
    if md.get("volume"):
        loc += f";{md['volume']}"
        if md.get("issue"):
            loc += f"({md['issue']})"
    page = md.get("fpage") or md.get("elocation_id")
    if page:
        loc += f":{page}" + (f"-{md['lpage']}" if md.get("lpage") else "")
    if loc:
        parts.append(f"{loc}.")
    if md.get("doi"):
        parts.append(f"doi: {md['doi']}")
    return " ".join(parts)


def parse_jats(data: bytes, doc_id: str = "jats", source: str = "<jats>") -> Document:
    """Build a `Document` from the bytes of a JATS XML article."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        recover=False,
        huge_tree=False,
        remove_comments=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise IngestError(source, f"malformed XML: {exc}", "is it a JATS XML file?") from exc
    if root is None or _local(root) != "article":
        found = _local(root) if root is not None else "nothing"
        raise IngestError(
            source,
            f"not JATS: the root element is <{found}>, not <article>",
            "pass a JATS/PMC .nxml article",
        )
    front = _first(root, "front")
    if front is None:
        raise IngestError(source, "not JATS: <article> has no <front>")
    body = _first(root, "body")
    back = _first(root, "back")
    refs = _references(root)
    metadata = _metadata(root)
    r = _Renderer(root, refs)
    r.render(front, body, back, metadata)
    text = r.b.text()
    for ref in refs:
        del ref["_el"], ref["_list"]
    return Document(
        doc_id=doc_id,
        source=source,
        source_format="jats",
        text=text,
        pages=[Page(number=1, char_start=0, char_end=len(text))],
        tables=r.b.tables,
        headings=r.b.headings,
        metadata=metadata,
        references=refs,
    )


def read_jats(path: Path) -> Document:
    """Read a JATS XML article (PubMed Central `.nxml`/`.xml`) into a `Document`.

    Raises `IngestError` for a missing file, malformed XML, or XML that is not
    a JATS article (no `<article>` root).
    """
    path = Path(path)
    if not path.exists():
        raise IngestError(str(path), "no such file", "check the path")
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(str(path), "empty", "the file holds no XML")
    return parse_jats(data, doc_id=doc_id_for(path), source=str(path))

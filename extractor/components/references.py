"""The paper's own reference list: find it, split it into entries, parse each entry.

Pure module-level functions:

- `find_reference_section(text)`: the character span of the entries under the
  last "References" (or "Bibliography", "Literature cited", ...) heading, up to
  the back matter that follows (acknowledgements, tables, figure legends, ...).
- `split_references(text, start, end)`: the entries, numbered ("1.", "1 ",
  "[1]", "(1)", "1)") or not (bullets, author-year), wrapped over lines.
- `parse_reference(raw)`: the fields of one entry (see `citation_parse`).
- `extract_references(doc)`: `Reference` records with provenance; references
  parsed from markup (JATS) win over the text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from litkg.extractor.components.citation_parse import first_author, parse_reference
from litkg.extractor.document import Document
from litkg.extractor.records import Provenance, Reference

__all__ = [
    "find_reference_section",
    "split_references",
    "parse_reference",
    "extract_references",
]

_HEADING_WORDS = (
    r"references(?:\s+and\s+notes)?|bibliography|literature\s+cited|cited\s+literature|"
    r"works\s+cited|reference\s+list|references\s+cited|literaturverzeichnis|r[ée]f[ée]rences"
)
_RE_HEADING = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]*)?(?:\*\*|__)?[ \t]*(?:(?:\d{{1,2}}|[IVX]{{1,5}})\.?[ \t]+)?"
    rf"(?:{_HEADING_WORDS})[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# a heading run into its first entry, as PDF text gives it: "References 1 Remme JHF, ..."
_RE_HEADING_INLINE = re.compile(
    r"^[ \t]*(?:References|REFERENCES|Bibliography|BIBLIOGRAPHY)[ \t]+(?=\[?1[.\])]?[ \t]+\S)",
    re.MULTILINE,
)
# back matter that ends a reference list
_BACK_MATTER = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:"
    r"acknowledge?ments?|funding(?:\s+(?:information|statement|sources?))?|"
    r"author(?:s'|'s|s)?\s+contributions?|contributions|competing\s+interests?|"
    r"conflicts?\s+of\s+interests?(?:\s+statement)?|disclosures?(?:\s+of\s+conflicts.*)?|"
    r"declarations?(?:\s+of\s+.*)?|additional\s+information|supplementary(?:\s+\w+){0,3}|"
    r"supporting\s+information|appendix(?:\s+\w+)?|appendices|tables?|figures?|"
    r"figure\s+legends?|legends?(?:\s+to\s+figures?)?|abbreviations|author\s+information|"
    r"authors?\s+notes?|data\s+(?:availability|sharing)(?:\s+statement)?|"
    r"ethics(?:\s+\w+){0,3}|footnotes?|notes|correspondence|about\s+the\s+authors?|"
    r"article\s+information|publisher['’]s\s+note|open\s+access|rights\s+and\s+permissions|"
    r"copyright|reprints|how\s+to\s+cite(?:\s+this\s+article)?|cite\s+this(?:\s+article)?|"
    r"received|accepted|key\s+points|visual\s+abstract|trial\s+registration"
    r")\b[^\n]*$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^[ \t]*(?:\*\*)?(?:table|fig\.?|figure|supplementary\s+(?:table|figure))\s*"
    r"S?\d+[A-Za-z]?\s*[.:|\-–]",
    re.IGNORECASE,
)
_LEGEND = re.compile(r"^[ \t]*legends?\b.*:\s*$", re.IGNORECASE)

_NUMBER_STYLES: dict[str, re.Pattern[str]] = {
    "bracket": re.compile(r"^[ \t]*\[(\d{1,4})\][ \t]*"),
    "paren": re.compile(r"^[ \t]*\((\d{1,4})\)[ \t]*"),
    "dot": re.compile(r"^[ \t]*(\d{1,4})\.(?:[ \t]+|(?=[^\W\d_])|[ \t]*$)"),
    "close": re.compile(r"^[ \t]*(\d{1,4})\)(?:[ \t]+|[ \t]*$)"),
    "space": re.compile(r"^[ \t]*(\d{1,4})[ \t]+(?=[^\W\d_])"),
    "superscript": re.compile(r"^[ \t]*<sup>(\d{1,4})</sup>[ \t]*"),
}
# a sub-list heading inside the reference list ("## Uncited reference", "Further reading")
_SUBLIST_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:(?:uncited|additional|further|other)[ \t]+"
    r"(?:references?|reading|sources)|further[ \t]+reading)[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[ \t]*[-•*·▪‣◦][ \t]+")
_YEARISH = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(line_start, line_end) of each line in text[start:end], newline excluded."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _is_back_matter(line: str) -> bool:
    """A line that ends the reference list: a back-matter heading, caption, or table row."""
    stripped = line.strip()
    if not stripped:
        return False
    if "\t" in line:
        return True
    if _BACK_MATTER.match(line) and len(stripped) < 120:
        # "Received: ...", "Copyright © ..." and headings; a reference never starts so
        return True
    if _CAPTION.match(line) or _LEGEND.match(line):
        return True
    if stripped.startswith(("©", "#")) or stripped.lower().startswith("(c) "):
        return True
    # a short all-capitals line without digits: a heading ("TABLES", "AUTHOR NOTES")
    if len(stripped.split()) > 6:
        return False  # (asked first: most lines are long, and the letters cost more)
    letters = [c for c in stripped if c.isalpha()]
    return bool(
        letters
        and all(c.isupper() for c in letters)
        and not any(c.isdigit() for c in stripped)
        and len(letters) >= 4
    )


def _looks_like_entry(line: str) -> bool:
    """Whether a line can start or continue a reference (a number, author, year or source)."""
    if any(p.match(line) for p in _NUMBER_STYLES.values()):
        return True
    return bool(_YEARISH.search(line)) or bool(re.search(r"[^\W\d_]{2,}", line))


def _entries_from(text: str, start: int, end: int | None = None) -> tuple[int, int] | None:
    """The span of the reference entries in text[start:end] (end: the text's end), or None."""
    last_end = None
    first_start = None
    for ls, le in _lines(text, start, len(text) if end is None else end):
        line = text[ls:le]
        if not line.strip():
            continue
        if _SUBLIST_HEADING.match(line) and first_start is not None:
            continue
        if _is_back_matter(line):
            break
        if not _looks_like_entry(line):
            continue
        if first_start is None:
            first_start = ls
        last_end = le
    if first_start is None or last_end is None:
        return None
    entries = split_references(text, first_start, last_end)
    if not entries:
        return None
    return first_start, entries[-1][3]


# the first entry of a list printed without a heading (BMJ): "1 Kallen K. ...", "1. ...", "[1] ..."
_RE_FIRST_ENTRY = re.compile(r"^[ \t]*(?:\[1\]|\(1\)|1[.)]?)[ \t]+(?=[^\W\d_])", re.MULTILINE)


def _headingless_section(text: str, min_entries: int = 5) -> tuple[int, int] | None:
    """A numbered reference list that no heading announces (BMJ prints none).

    Candidates start at a line "1 Author AB. ..." (or "1.", "[1]", "(1)") whose
    entry reads as a reference (an author and a year); a candidate is kept when
    at least `min_entries` entries follow in order and four in five of them read
    as references. The candidate with the most entries wins, the later on a tie.
    """
    best: tuple[int, int] | None = None
    best_count = 0
    starts = []
    for m in _RE_FIRST_ENTRY.finditer(text):
        line_end = text.find("\n", m.end())
        first = parse_reference(text[m.end() : len(text) if line_end < 0 else line_end])
        if first["first_author"] is not None and first["year"] is not None:
            starts.append(m.start())
    # a list runs at most to the next candidate's "1 ...": each stretch of text is read once
    for start, end in zip(starts, [*starts[1:], len(text)], strict=False):
        span = _entries_from(text, start, end)
        if span is None:
            continue
        entries = split_references(text, *span)
        numbers = [e[0] for e in entries]
        if len(entries) < min_entries or numbers[0] != 1:
            continue
        if sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b == a + 1) < 0.8 * (
            len(numbers) - 1
        ):
            continue
        good = 0
        for _, raw, _, _ in entries:
            f = parse_reference(raw)
            good += f["first_author"] is not None and f["year"] is not None
        if good < 0.8 * len(entries):
            continue
        if len(entries) >= best_count:
            best, best_count = span, len(entries)
    return best


def find_reference_section(text: str) -> tuple[int, int] | None:
    """The span (start, end) of the reference entries, or None when there is no list.

    The start is just after the last reference-list heading that is followed by
    entries ("References", "REFERENCES", "## References", "Bibliography",
    "Literature cited", ...); the end is the end of the last entry line before
    back matter (acknowledgements, author notes, table rows, figure legends,
    any further heading) or the end of the text. Without such a heading, a
    numbered list of entries that read as references ("1 Author AB. Title.
    Journal 2001;11:329-33.") is taken, as BMJ prints it.
    """
    headings = sorted(
        [*_RE_HEADING.finditer(text), *_RE_HEADING_INLINE.finditer(text)], key=lambda m: m.start()
    )
    for heading in reversed(headings):
        start = heading.end()
        if start < len(text) and text[start] == "\n":
            start += 1
        span = _entries_from(text, start)
        if span is not None:
            return span
    return _headingless_section(text)


def _style_of(lines: list[str]) -> str | None:
    """The numbering style that gives the longest run 1, 2, 3, ... at line starts."""
    best, best_run = None, 1
    for name, pattern in _NUMBER_STYLES.items():
        expected, run = None, 0
        for line in lines:
            m = pattern.match(line)
            if not m:
                continue
            n = int(m.group(1))
            if expected is None and n <= 5:
                expected, run = n + 1, 1
            elif expected is not None and expected <= n <= expected + 2:
                # a skipped number or two: entries run together on one line ("1 ... 2 ...")
                expected, run = n + 1, run + 1
        if run > best_run:
            best, best_run = name, run
    return best


def _rstrip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _complete(raw: str) -> bool:
    """An entry that already reads as finished: a year and a closing full stop or identifier."""
    flat = raw.rstrip()
    return bool(_YEARISH.search(flat)) and (
        flat.endswith((".", ">", ")")) or bool(re.search(r"10\.\d{4,9}/\S+$", flat))
    )


_TAIL_END = re.compile(
    r"(?:\d+[A-Za-z]?(?:\s*[-‐‑‒–—−]\s*[A-Za-z]?\d+)?|\(\s*(?:1[5-9]|20)\d{2}[a-z]?\s*\)"
    r"|10\.\d{4,9}/\S+|>)\s*\.$"
)
_SOURCE_STYLES = {
    "vancouver",
    "bmc",
    "mdpi",
    "nature",
    "elsevier",
    "apa",
    "springer",
    "online",
    "year-only",
    "book",
    "in-press",
}


_INLINE_NUMBER = re.compile(r"(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)]?)[ \t]+(?=\S)")


def _split_merged(
    text: str, cs: int, ce: int, next_number: int | None = None
) -> list[tuple[int, int]]:
    """Split text[cs:ce] where one finished citation runs into the next (PDF layouts).

    A split point is a full stop that ends a citation's source (pages, "(2019)", a
    DOI) read by a citation pattern, followed by a new author list. When the list
    is numbered (`next_number` is the number the next entry would take), the next
    entry may carry its number inline ("...1108–15. 10 Korth-Bradley JM, ..."):
    then the piece starts after that number.
    """
    return [(cs + s, cs + e) for s, e in _merged_pieces(text[cs:ce], next_number)]


@lru_cache(maxsize=2048)
def _merged_pieces(raw: str, next_number: int | None) -> tuple[tuple[int, int], ...]:
    """`_split_merged` on `raw` alone, offsets into `raw` (memoised: finding the
    reference section splits its entries, and the entries are split again)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"\.\s+", raw):
        before = raw[start : m.start() + 1]
        after = raw[m.end() :]
        if len(after) < 20:
            continue
        skip = 0
        num = _INLINE_NUMBER.match(after) if next_number is not None else None
        if num is not None:
            if int(next(g for g in num.groups() if g)) != next_number:
                continue
            skip = num.end()
            after = after[skip:]
            parsed = parse_reference(before)
            if parsed["year"] is None and parsed["doi"] is None:
                continue
        else:
            if not _TAIL_END.search(before):
                continue
            parsed = parse_reference(before)
            if parsed["style"] not in _SOURCE_STYLES and not parsed["doi"]:
                continue
        if first_author(after[:300]) is None:
            continue
        nxt = parse_reference(after)
        if nxt["year"] is None and nxt["doi"] is None:
            continue
        pieces.append((start, m.start() + 1))
        start = m.end() + skip
        if next_number is not None and num is not None:
            next_number += 1
        elif next_number is not None:
            next_number = None  # an unnumbered split: later inline numbers cannot be trusted
    pieces.append((start, len(raw)))
    return tuple(pieces)


def _numbering_resumes(
    lines: list[str], i: int, style: str | None, expected: int | None, lookahead: int = 3
) -> bool:
    """Whether one of the next few non-blank lines after lines[i] starts the expected entry."""
    if style is None or expected is None:
        return False
    seen = 0
    for line in lines[i + 1 :]:
        if not line.strip():
            continue
        m = _NUMBER_STYLES[style].match(line)
        if m and expected <= int(m.group(1)) <= expected + 1:
            return True
        seen += 1
        if seen >= lookahead:
            break
    return False


def split_references(text: str, start: int, end: int) -> list[tuple[int, str, int, int]]:
    """The entries of the reference list in text[start:end].

    Returns (index, raw text, char_start, char_end) with raw == text[char_start:char_end]
    (the numbering marker excluded, internal line breaks kept). Numbered lists keep
    their printed numbers; bulleted and unnumbered lists are numbered by order.
    A line that is not a new entry continues the current one, also across a blank
    line while the current entry is unfinished; after a blank line that follows a
    finished entry, a line that starts no entry ends the list. Numbers printed in a
    column of their own (PDF layouts: "1.", "2.", ... then the entries) are given to
    the entries that follow in order, and entries run together on one line are split.
    """
    spans = _lines(text, start, end)
    lines = [text[s:e] for s, e in spans]
    style = _style_of(lines)
    # [number or None, char_start, char_end, kind]: kind "marker" (numbered where it
    # stands), "column" (takes the next number of a column of bare markers), "order"
    items: list[list] = []
    column: list[int] = []  # bare markers, in order
    expected: int | None = None
    blank_before = False

    bullets = sum(1 for line in lines if _BULLET.match(line)) >= 2 and style is None
    paragraphs = False
    if style is None and not bullets:
        blocks = [b for b in re.split(r"\n[ \t]*\n", text[start:end]) if b.strip()]
        paragraphs = len(blocks) >= 2

    for i, ((ls, le), line) in enumerate(zip(spans, lines, strict=True)):
        if not line.strip():
            blank_before = True
            continue
        if _SUBLIST_HEADING.match(line) and items:
            expected = None  # the sub-list may number on from anywhere ("25." after "43.")
            blank_before = True
            continue
        if _is_back_matter(line) and (items or column):
            if _numbering_resumes(lines, i, style, expected):
                continue  # a running footer or copyright line between two pages' entries
            break
        current = text[items[-1][1] : items[-1][2]] if items else ""
        new: tuple[int | None, int, str] | None = None  # (number, content start, kind)
        if style is not None:
            m = _NUMBER_STYLES[style].match(line)
            if m:
                n = int(m.group(1))
                if (
                    expected is None
                    or expected <= n <= expected + 5
                    # numbers skipped in the printed list ("24." then "34."): a finished entry
                    # followed by a new author list
                    or (
                        n > expected
                        and _complete(current)
                        and first_author(line[m.end() : m.end() + 300]) is not None
                    )
                ):
                    expected = n + 1
                    if not line[m.end() :].strip():
                        column.append(n)
                        blank_before = False
                        continue
                    new = (n, ls + m.end(), "marker")
            if (
                new is None
                and column
                and sum(1 for it in items if it[3] == "column") < len(column)
                and (not items or blank_before or _complete(current))
                and not re.match(r"^\s*[a-z\d(]", line)
            ):
                new = (None, ls, "column")
        elif bullets:
            m = _BULLET.match(line)
            if m:
                new = (None, ls + m.end(), "order")
        elif paragraphs:
            if blank_before or not items:
                new = (None, ls, "order")
        elif not items or (_complete(current) and re.match(r"^\s*(?:[^\W\d_]|\()", line)):
            new = (None, ls, "order")
        if new is not None:
            cs, ce = _rstrip_span(text, new[1], le)
            items.append([new[0], cs, ce, new[2]])
        elif items:
            if blank_before and _complete(current) and not re.match(r"^\s*[a-z\d(]", line):
                if _numbering_resumes(lines, i, style, expected):
                    continue  # page furniture ("See rights and reprints ...") between entries
                break
            items[-1][2] = _rstrip_span(text, ls, le)[1]
        blank_before = False

    return _number(text, items, column)


def _number(text: str, items: list[list], column: list[int]) -> list[tuple[int, str, int, int]]:
    """Split run-together entries and give every entry its number."""
    used = {it[0] for it in items if it[0] is not None}
    free_column = [n for n in column if n not in used]
    out: list[tuple[int, int, int]] = []
    last = 0
    for pos, (n, cs, ce, kind) in enumerate(items):
        pieces = _split_merged(text, cs, ce, n + 1 if kind == "marker" else None)
        if kind == "marker":
            nxt = next((it[0] for it in items[pos + 1 :] if it[0] is not None), None)
            # a split is taken only when it fills exactly the numbers missing before the next
            if len(pieces) > 1 and (nxt is None or n + len(pieces) == nxt):
                out.extend((n + k, s, e) for k, (s, e) in enumerate(pieces))
                last = n + len(pieces) - 1
                continue
            out.append((n, cs, ce))
            last = n
            continue
        for s, e in pieces:
            number = free_column.pop(0) if kind == "column" and free_column else last + 1
            out.append((number, s, e))
            last = number
    return [(i, text[s:e], s, e) for i, s, e in out]


# --------------------------------------------------------------------------- #
# markup references: locate their rendering in the text


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _locate(text: str, needle: str, lo: int = 0) -> tuple[int, int] | None:
    """The span of `needle` in `text` (from `lo`), white space and markup allowed to differ."""
    needle = needle.strip()
    if not needle:
        return None
    pos = text.find(needle, lo)
    if pos >= 0:
        return pos, pos + len(needle)
    tokens = re.findall(r"\w+", needle)
    if not tokens:
        return None
    pattern = r"\W*?".join(re.escape(t) for t in tokens[:60])
    m = re.compile(pattern).search(text, lo)
    if m:
        return m.start(), m.end()
    return None


def _line_span(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


def _markup_reference(doc: Document, i: int, d: dict[str, Any], lo: int) -> Reference:
    """A `Reference` from a JATS-parsed dict, gaps filled from its text, located in doc.text."""
    raw = str(d.get("text") or "")
    parsed = parse_reference(raw) if raw else {}

    def pick(key: str) -> Any:
        value = d.get(key)
        return value if value not in (None, "") else parsed.get(key)

    span = _locate(doc.text, raw, lo) if raw else None
    rule = "references.jats"
    if span is None:
        # the rendered line: the first author and year on one line of the list
        author, year = pick("first_author"), pick("year")
        if author:
            for m in re.finditer(re.escape(str(author)), doc.text[lo:]):
                ls, le = _line_span(doc.text, lo + m.start())
                if year is None or str(year) in doc.text[ls:le]:
                    span = (ls, le)
                    break
    if span is None:
        rule = "references.jats.unlocated"
        span = (-1, -1)
    year = pick("year")
    try:
        year = int(year) if year is not None else None
    except (TypeError, ValueError):
        year = None
    doi = pick("doi")
    if isinstance(doi, str):
        doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I)
        doi = doi.rstrip(".").lower() or None
    index = d.get("index")
    try:
        index = int(index) if index is not None else i + 1
    except (TypeError, ValueError):
        index = i + 1
    quote = doc.text[span[0] : span[1]] if span[0] >= 0 else raw
    return Reference(
        index=index,
        first_author=pick("first_author"),
        year=year,
        journal=pick("journal"),
        volume=None if pick("volume") is None else str(pick("volume")),
        first_page=None if pick("first_page") is None else str(pick("first_page")),
        doi=doi,
        title=pick("title"),
        pmid=None if pick("pmid") is None else str(pick("pmid")),
        provenance=Provenance(
            doc_id=doc.doc_id,
            char_start=span[0],
            char_end=span[1],
            quote=quote,
            rule=rule,
            page=doc.page_at(span[0]) if span[0] >= 0 else None,
        ),
    )


def extract_references(doc: Document) -> list[Reference]:
    """The paper's own reference list as `Reference` records, in order.

    References parsed from markup (`doc.references`) win: their fields are kept,
    gaps filled by parsing their text, and their provenance points at their
    rendering in `doc.text` (offsets -1 and rule "references.jats.unlocated" when
    it cannot be found). Otherwise the list is found, split and parsed from
    `doc.text`; the rule names the citation pattern that read the source
    ("references.vancouver", "references.nature", ...).
    """
    if doc.references:
        section = find_reference_section(doc.text)
        lo = section[0] if section else 0
        out = []
        for i, d in enumerate(doc.references):
            ref = _markup_reference(doc, i, d, lo)
            if ref.provenance is not None and ref.provenance.char_end > 0:
                lo = ref.provenance.char_end
            out.append(ref)
        return out
    section = find_reference_section(doc.text)
    if section is None:
        return []
    out = []
    own_doi = str(doc.metadata.get("doi") or "").lower() or None
    for index, raw, cs, ce in split_references(doc.text, *section):
        f = parse_reference(raw)
        if own_doi and f["doi"] and f["doi"].lower() == own_doi:
            f["doi"] = (
                None  # the page footer swallowed by the last entry: a paper never cites itself
            )
        out.append(
            Reference(
                index=index,
                first_author=f["first_author"],
                year=f["year"],
                journal=f["journal"],
                volume=f["volume"],
                first_page=f["first_page"],
                doi=f["doi"],
                title=f["title"],
                pmid=f["pmid"],
                provenance=Provenance(
                    doc_id=doc.doc_id,
                    char_start=cs,
                    char_end=ce,
                    quote=raw,
                    rule=f"references.{f['style']}",
                    page=doc.page_at(cs),
                ),
            )
        )
    return out

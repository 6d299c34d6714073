"""Sentence boundaries for scientific text, as a pure function.

spaCy's rule-based sentencizer splits at every full stop; scientific prose
needs more care: "vs.", "et al.", "Fig. 2", "e.g.", decimals ("64.7"),
confidence intervals ("95% CI 64.7–100%") and initials must not end a
sentence, while blank lines, table rows and headings always do.
"""

from __future__ import annotations

import re

from litkg.extractor.sections import heads_paragraph

# Words after which a full stop does not end a sentence (lower-cased, no dot).
ABBREVIATIONS = frozenset(
    [
        "vs",
        "al",
        "e.g",
        "i.e",
        "cf",
        "fig",
        "figs",
        "no",
        "nos",
        "approx",
        "ca",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "ref",
        "refs",
        "resp",
        "suppl",
        "eq",
        "eqs",
        "vol",
        "pp",
        "p",
        "st",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "dept",
        "univ",
        "etc",
        "viz",
        "n.b",
        "mo",
        "yr",
        "yrs",
        "wk",
        "wks",
        "min",
        "max",
        "sd",
        "se",
        "iqr",
    ]
)

# a terminal mark, closing quotes/brackets, and citation superscripts ("studies.¹¹⁻¹³ We")
# or bracketed citation numbers after the mark ("placebo.(15) In our study", "trials.[3,4] We")
_TERMINAL = re.compile(
    r"[.!?](?:[\"'”’)\]]*)(?:[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u207b,\u2013-]*)"
    r"(?:[(\[]\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*[)\]])?(?=\s)"
)
_TABLE_LINE = re.compile(r"^.*(?:\t|\|).*$", re.M)


def _is_table_line(line: str) -> bool:
    """Lines that are sentences of their own: table rows and Markdown headings."""
    return "\t" in line or line.count("|") >= 2 or line.lstrip().startswith("#")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of `text`.

    Blocks are separated by blank lines; a line that is a table row (tabs or
    pipes) or a short heading-like line is a sentence of its own; inside a
    prose block, a terminal mark followed by white space and a capital, a
    digit or an opening bracket ends a sentence unless the word before it is a
    known abbreviation, a single initial, or the mark is part of a number.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for block in _blocks(text):
        start = pos
        pos += len(block)
        if not block.strip() or re.fullmatch(r"\n[ \t]*\n", block):
            continue
        lines = block.split("\n")
        if any(_is_table_line(ln) for ln in lines):
            off = start
            prose: list[tuple[int, int]] = []
            for ln in lines:
                if _is_table_line(ln):
                    if prose:
                        spans.extend(_split_prose(text, prose[0][0], prose[-1][1]))
                        prose = []
                    if ln.strip():
                        spans.append(_strip(text, off, off + len(ln)))
                elif ln.strip():
                    prose.append((off, off + len(ln)))
                off += len(ln) + 1
            if prose:
                spans.extend(_split_prose(text, prose[0][0], prose[-1][1]))
        else:
            head = _heading_line(block)
            if head:
                spans.append(_strip(text, start, start + head))
            spans.extend(_split_prose(text, start + head, pos))
    return [s for s in spans if s[1] > s[0]]


def _heading_line(block: str) -> int:
    """The length of a block's first line when it is a heading over its paragraph
    ("Results\nSystolic pressure ..."), else 0."""
    lines = block.lstrip("\n").split("\n", 2)
    if len(lines) < 2:
        return 0
    if not heads_paragraph(lines[0], lines[1]):
        return 0
    return len(block) - len(block.lstrip("\n")) + len(lines[0]) + 1


def _blocks(text: str) -> list[str]:
    """Blank-line separated blocks (separators kept), re-joining a paragraph
    that a page or column break split mid-sentence (the first part ends
    without a terminal mark and the next starts in lower case)."""
    parts = re.split(r"(\n[ \t]*\n)", text)
    out: list[str] = []
    i = 0
    while i < len(parts):
        cur = parts[i]
        while (
            i + 2 < len(parts)
            and cur.strip()
            and not _is_table_line(cur.rstrip().rsplit("\n", 1)[-1])
            and not re.search(r"[.!?:;]\W*$", cur.rstrip())
            and re.match(r"\s*[a-z]", parts[i + 2])
            and len(cur.strip()) > 60
        ):
            cur = cur + parts[i + 1] + parts[i + 2]
            i += 2
        out.append(cur)
        if i + 1 < len(parts):
            out.append(parts[i + 1])
        i += 2
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_prose(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cur = start
    chunk = text[start:end]
    for m in _TERMINAL.finditer(chunk):
        stop = start + m.end()
        if not _ends_sentence(text, start + m.start(), stop, end):
            continue
        spans.append(_strip(text, cur, stop))
        cur = stop
    if cur < end:
        spans.append(_strip(text, cur, end))
    return spans


def _ends_sentence(text: str, mark: int, stop: int, limit: int) -> bool:
    if text[mark] != ".":
        return _next_starts_sentence(text, stop, limit)
    before = text[max(0, mark - 12) : mark]
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
    if word:
        w = word.group(1)
        if w.lower().rstrip(".") in ABBREVIATIONS:
            return False
        if len(w) == 1 and w.isupper():  # an initial: "A. Smith"
            return False
    return _next_starts_sentence(text, stop, limit)


def _next_starts_sentence(text: str, stop: int, limit: int) -> bool:
    i = stop
    while i < limit and text[i] in " \t\n":
        i += 1
    if i >= limit:
        return True
    nxt = text[i]
    return nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([" or not nxt.isascii()

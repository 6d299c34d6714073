"""The paper's own bibliographic data: first author, volume, first page.

Other papers cite a paper by these (with year and journal), so they are what
lets a reference resolve to a paper of the corpus that has no DOI. JATS front
matter gives them directly; in text they come from the author line under the
title and the paper's citation line ("2019;25(8):1498-1504",
"Blood Cancer Journal (2024) 14:109", "Pages (from-to) 1498-1504").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from litkg.extractor.document import Document

# how far into the document the front matter (title block, citation line) can reach
FRONT_CHARS = 6000

_SUP = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u207a\u207b*†‡§¶#"
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_PERSON = rf"{_NAME}(?:\s+{_NAME}){{0,4}}"
_AUTHOR_LINE = re.compile(
    rf"^(?:by\s+)?(?P<first>{_PERSON})[\s{_SUP}\d,]*(?:,|\band\b|&)\s*{_PERSON}", re.M
)
_CITATION_VOL_PAGE = [
    # "2019;25(8):1498-1504", "2024; 144(Supplement 1):1049"
    re.compile(
        r"\b(?:19|20)\d{2}\s*[;,]\s*(?P<vol>\d{1,4})\s*(?:\([^)]{1,20}\))?\s*:\s*(?P<page>[eE]?\d{1,6})\b"
    ),
    # "Blood Cancer Journal (2024) 14:109"
    re.compile(r"\((?:19|20)\d{2}\)\s*(?P<vol>\d{1,4})\s*:\s*(?P<page>[eE]?\d{1,6})\b"),
]
_PAGES_FIELD = re.compile(
    r"\bPages?\s*(?:\(from\s*-\s*to\))?\s*[:\t ]?\s*(?P<page>[eE]?\d{1,6})\s*[-–]", re.I
)
_VOLUME_FIELD = re.compile(r"^\s*Volume\s*[:\t ]\s*(?P<vol>\d{1,4})\s*$", re.I | re.M)


@dataclass(frozen=True)
class OwnBibliography:
    first_author: str | None = None
    volume: str | None = None
    first_page: str | None = None


def _surname(person: str) -> str | None:
    words = [w for w in re.split(r"\s+", person.strip()) if w]
    if not words:
        return None
    # "Smith JA" (surname first, initials after) vs "Jennifer A. Smith"
    if len(words) >= 2 and re.fullmatch(r"[A-Z]{1,3}\.?", words[-1]):
        return words[0]
    return re.sub(r"[\u00b9\u00b2\u00b3\u2070-\u209f*†‡§¶#\d]+$", "", words[-1]).strip(".,") or None


def first_author_after_title(text: str, title_end: int) -> tuple[str, int, int] | None:
    """The first author's surname from the author line right after the title."""
    window = text[title_end : title_end + 1500]
    for m in re.finditer(r"[^\n]+", window):
        line = m.group(0).strip()
        if not line:
            continue
        am = _AUTHOR_LINE.match(line)
        if am and not re.search(r"\b(?:of|the|for|with|in)\b", am.group("first"), re.I):
            name = _surname(am.group("first"))
            if name and len(name) > 1:
                start = title_end + m.start() + line.find(am.group("first"))
                return name, start, start + len(am.group("first"))
        # only the first non-blank lines can hold the author line
        if m.start() > 600:
            break
    return None


def find_own_bibliography(doc: Document, title_end: int | None) -> OwnBibliography:
    """First author, volume and first page of the paper itself (None where not printed)."""
    md = doc.metadata or {}
    authors = md.get("authors") or []
    first = None
    if authors and isinstance(authors[0], dict):
        first = authors[0].get("surname") or authors[0].get("collab")
    volume = md.get("volume")
    page = md.get("fpage") or md.get("first_page") or md.get("elocation_id")
    text = doc.text
    if first is None and title_end is not None:
        found = first_author_after_title(text, title_end)
        first = found[0] if found else None
    front = text[:FRONT_CHARS]
    if volume is None or page is None:
        for rx in _CITATION_VOL_PAGE:
            m = rx.search(front)
            if m:
                volume = volume or m.group("vol")
                page = page or m.group("page")
                break
    if page is None:
        m = _PAGES_FIELD.search(front)
        page = m.group("page") if m else None
    if volume is None:
        m = _VOLUME_FIELD.search(front)
        volume = m.group("vol") if m else None
    return OwnBibliography(
        str(first) if first else None,
        str(volume) if volume else None,
        str(page) if page else None,
    )

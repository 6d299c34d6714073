"""Front matter of a PDF read from its layout: title, DOI, journal, year, volume, pages.

Publishers print the paper's own citation where the body never repeats it: in
running headers and footers (``doi: 10.1136/bmj.h2145 | BMJ 2015;350:h2145``,
``Hawkes et al. BMC Cancer 2012, 12:560``, ``www.thelancet.com Published
online January 17, 2018 http://dx.doi.org/10.1016/...``) and in the first
page's citation block. Rules:

* **Title**: the first page's largest type (at least 1.25 body sizes), its
  consecutive lines joined; a group that is a banner (letter-spaced or short
  upper-case words such as ``R E S EAR CH A R TIC L E``, fewer than four
  words, a running line, the journal's masthead, a publisher's notice such
  as "This Provisional PDF corresponds to...") is skipped for the next size
  down.
* **DOI**: the DOI printed most often in the running lines (all pages), else
  the first DOI on the first page that is labelled (``doi``, ``doi.org/``),
  with a DOI broken after its prefix at a line end joined again.
* **Citation** (journal, year, volume, pages): the citation printed most often
  in the running lines, else on the first page: ``Journal YEAR;VOL:PAGES``,
  ``Journal YEAR, VOL:PAGES``, ``Journal (YEAR) VOL:PAGES``, an author prefix
  ``Name et al.`` stripped. A host name (``www.thelancet.com``) is never a
  journal.
* **Year** without a citation: the earliest ``Published online DATE`` of the
  running lines and the first page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from litkg.extractor.ingest.pdf_layout import Line

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>\[\]|]+)", re.IGNORECASE)
_DOI_LABEL = re.compile(r"(?:\bdoi\s*:?\s*|doi\.org/)$", re.IGNORECASE)
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NAME = r"(?P<journal>[A-Z][A-Za-z&'\-]*\.?(?:\s+(?:[A-Za-z&][A-Za-z&'\-]*\.?|of|and|the|in))*?)"
_PAGES = r"(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?)"
_CITATIONS = [
    # "BMJ 2015;350:h2145", "Lancet Haematol 2021; 8: e100-10", "J Clin Oncol 2019;37(4):100-9"
    re.compile(
        _NAME + r"\s+" + _YEAR + r"\s*;\s*(?P<volume>\d+)\s*(?:\(\w+\))?\s*:\s*" + _PAGES + r"\b"
    ),
    # "BMC Cancer 2012, 12:560", "BMC Cancer 2012 12:560"
    re.compile(_NAME + r"\s+" + _YEAR + r"\s*,?\s+(?P<volume>\d+)\s*:\s*" + _PAGES + r"\b"),
    # "Blood Cancer Journal (2024) 14:109"
    re.compile(_NAME + r"\s*\(\s*" + _YEAR + r"\s*\)\s*(?P<volume>\d+)\s*[:,]\s*" + _PAGES + r"\b"),
]
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PUBLISHED = re.compile(
    r"\b(?:Published(?:\s+online)?|First published(?:\s+online)?|Epub(?:lished)?)\s*:?\s*"
    r"(?:(?:\d{1,2}\s+)?" + _MONTH + r"\s*(?:\d{1,2},?\s*)?)?" + _YEAR + r"\b",
    re.IGNORECASE,
)
_NOT_JOURNAL = re.compile(
    r"(?i)^(?:vol(?:ume)?|page|published|received|accepted|copyright|doi|issn|no|issue|"
    r"online|print|www|http)\b"
)


_OPEN_LINK = re.compile(r"(?:\b10\.\d{4,9}/|doi\.org/|https?://\S*/)$", re.I)
_LINK_GOES_ON = re.compile(r"[\w(]")


def _joined(lines: Sequence[Line]) -> list[str]:
    """Line texts, a line ending inside a DOI or URL joined with the next."""
    out: list[str] = []
    for ln in lines:
        text = ln.text.strip()
        if out and _OPEN_LINK.search(out[-1]):
            if _LINK_GOES_ON.match(text):
                out[-1] += text
                continue
        out.append(text)
    return out


def _clean_doi(doi: str) -> str:
    doi = doi.rstrip(".,;:*>)")
    if doi.count("(") > doi.count(")"):
        doi += ")"  # a trailing ")" belongs to the DOI when it closes one of its own
    return doi.lower()


def _dois(text: str, labelled_only: bool) -> list[str]:
    found = []
    for m in _DOI.finditer(text):
        if labelled_only and not _DOI_LABEL.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        found.append(_clean_doi(m.group(1)))
    return found


#: what every citation pattern holds (its year): a text without one holds no citation
_ANY_YEAR = re.compile(r"(?:19|20)\d{2}")
_CITATION_PARTS = re.compile(r"\s[|\u2022]\s")


def _citations(text: str) -> list[tuple[str, int, str, str]]:
    """(journal, year, volume, pages) printed in `text`."""
    out: list[tuple[str, int, str, str]] = []
    if not _ANY_YEAR.search(text):
        return out
    for part in _CITATION_PARTS.split(text):
        for pat in _CITATIONS:
            for m in pat.finditer(part):
                name = re.sub(r"^.*\bet al\b\.?[,:]?\s*", "", m.group("journal")).strip(" .,;:")
                name = re.sub(r"\s+", " ", name)
                if (
                    len(name) < 3
                    or _NOT_JOURNAL.match(name)
                    or not re.search("[a-z]{2}|[A-Z]{3}", name)
                ):
                    continue
                pages = re.sub(r"\s+", "", m.group("pages"))
                out.append((name, int(m.group("year")), m.group("volume"), pages))
    return out


_NOTICE = re.compile(
    r"(?i)\b(?:provisional|accepted manuscript|author manuscript|this (?:article|pdf|is an)|"
    r"downloaded from|fully formatted|not (?:been )?(?:copy)?edited|open access|creative commons)\b"
)


def _masthead(text: str, journal: str | None) -> bool:
    """A journal's name set large on the first page ("The NEW ENGLAND JOURNAL of MEDICINE")."""
    low = re.sub(r"\s+", " ", text).strip().lower()
    if journal and low.removeprefix("the ") == journal.lower().removeprefix("the "):
        return True
    words = text.split()
    return len(words) <= 6 and bool(re.search(r"\bjournal\b", low)) and not low.endswith(".")


def _title(first_page: Sequence[Line], body: float, journal: str | None = None) -> str | None:
    """The first page's largest type that is not a banner (see the module doc)."""
    sizes = sorted(
        {round(ln.size * 2) / 2 for ln in first_page if ln.size >= 1.25 * body}, reverse=True
    )
    ordered = sorted(first_page, key=lambda ln: (ln.top, ln.x0))
    for size in sizes:
        group = [
            ln for ln in ordered if abs(ln.size - size) <= 0.05 * size and not _banner(ln.text)
        ]
        if not group:
            continue
        run = [group[0]]
        for ln in group[1:]:
            if ln.top - run[-1].bottom > 1.2 * size:
                break
            run.append(ln)
        text = ""
        for ln in run:
            piece = ln.text.strip()
            text = text + piece if text.endswith("-") else f"{text} {piece}".strip()
        if (
            len(text.split()) >= 4
            and not _banner(text)
            and not _masthead(text, journal)
            and not _NOTICE.search(text)  # "This Provisional PDF corresponds to the article..."
        ):
            return text
    return None


def _banner(text: str) -> bool:
    """A banner rather than a title: letter-spaced, or a few upper-case words."""
    s = text.strip()
    words = s.split()
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return True
    if len(letters) / len(words) < 2.5:
        return True  # "R E S EAR CH A R TIC L E"
    upper = sum(c.isupper() for c in letters) / len(letters) > 0.9
    return upper and len(words) <= 4


def read_metadata(
    first_page: Sequence[Line], running: Sequence[Sequence[Line]], body: float
) -> dict[str, Any]:
    """Title, DOI, journal, year, volume and pages from the layout (keys as JATS metadata)."""
    meta: dict[str, Any] = {}
    run_texts = [
        t for page in running for t in _joined(sorted(page, key=lambda ln: (ln.top, ln.x0)))
    ]
    first_texts = _joined(first_page)
    dois = Counter(d for t in run_texts for d in set(_dois(t, labelled_only=False)))
    if dois:
        meta["doi"] = dois.most_common(1)[0][0]
    else:
        first = [d for t in first_texts for d in _dois(t, labelled_only=True)]
        if first:
            meta["doi"] = first[0]
    cites = Counter(c for t in run_texts for c in set(_citations(t)))
    if not cites:
        cites = Counter(c for t in first_texts for c in _citations(t))
    if cites:
        journal, year, volume, pages = cites.most_common(1)[0][0]
        meta.update(journal=journal, year=year, volume=volume)
        if re.fullmatch(r"\d+\s*[-\u2013]\s*\d+", pages):
            meta["fpage"], meta["lpage"] = re.split(r"\s*[-\u2013]\s*", pages)
        else:
            meta["elocation_id"] = pages
    else:
        years = [
            int(m.group("year")) for t in run_texts + first_texts for m in _PUBLISHED.finditer(t)
        ]
        if years:
            meta["year"] = min(years)
    title = _title(first_page, body, meta.get("journal"))
    if title:
        meta = {"title": title, **meta}
    return meta

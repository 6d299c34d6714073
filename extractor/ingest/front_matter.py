"""Labelled front matter at the top of a plain-text paper -> `Document.metadata`.

Two house styles are read, both only in the block of lines the file opens with:

- export-tool labels, one field a line: ``TITLE: ...``, ``JOURNAL: BMC Cancer
  2012;12:271``, ``DOI: ...``, ``AUTHORS: A. Smith, B. Jones`` (also ``YEAR``,
  ``VOLUME``, ``PAGES``, ``PMID``, ``SOURCE``, ``CITATION``);
- PubMed's MEDLINE format: ``TI  - ...`` with continuation lines indented by
  six spaces, ``JT``/``TA`` journal, ``DP`` date, ``VI`` volume, ``PG`` pages,
  ``AID``/``LID ... [doi]``, ``FAU``/``AU`` authors, ``SO`` source line.

The keys written are those the JATS reader writes (title, journal, year,
volume, issue, fpage, lpage, doi, pmid, authors as ``{"surname", "given"}``),
so study and bibliography rules read both alike. A journal line that carries
its citation ("BMC Cancer 2012;12:271") is split into journal, year, volume
and pages.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["parse_citation", "read_front_matter"]

_LABELLED = re.compile(r"^(?P<label>[A-Z][A-Z ]{1,24}?)\s*:\s?(?P<value>.*)$")
_MEDLINE = re.compile(r"^(?P<label>[A-Z]{2,4})\s*- (?P<value>.*)$")
_CONTINUATION = re.compile(r"^ {6}\S")

# export-tool label -> metadata key
_LABELS = {
    "TITLE": "title",
    "ARTICLE TITLE": "title",
    "JOURNAL": "journal",
    "JOURNAL TITLE": "journal",
    "SOURCE": "source",
    "CITATION": "source",
    "DOI": "doi",
    "AUTHORS": "authors",
    "AUTHOR": "authors",
    "YEAR": "year",
    "DATE": "date",
    "PUBLISHED": "date",
    "PUBLICATION DATE": "date",
    "VOLUME": "volume",
    "ISSUE": "issue",
    "PAGES": "pages",
    "PMID": "pmid",
    "PMCID": "pmcid",
}
# MEDLINE tag -> metadata key (JT, the full journal title, wins over TA, the abbreviation)
_TAGS = {
    "TI": "title",
    "JT": "journal_name",
    "TA": "journal_abbrev",
    "DP": "date",
    "VI": "volume",
    "IP": "issue",
    "PG": "pages",
    "PMID": "pmid",
    "PMC": "pmcid",
    "SO": "source",
    "FAU": "authors",
    "AU": "authors_short",
}

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTHS = r"(?:[A-Z][a-z]{2,8}\.?(?:\s*-\s*[A-Z][a-z]{2,8}\.?)?|\d{1,2})"
# "BMC Cancer 2012;12:271", "Lancet Oncol. 2017 Mar;18(3):357-70", "Blood 2020; 136 (4): 12"
_CITATION_SEMICOLON = re.compile(
    r"^(?P<journal>.+?)[.,]?\s+"
    + _YEAR
    + r"(?:\s+"
    + _MONTHS
    + r"(?:\s+\d{1,2})?)?\s*"
    + r"(?:;\s*(?P<volume>[A-Za-z]?\d+)?\s*(?:\((?P<issue>[^)]{1,20})\))?\s*"
    + r"(?::\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?))?)?(?=[\s.;:,]|$)"
)
# "Blood Cancer Journal (2024) 14:109", "J Clin Oncol (2019) 37(5), 400-410"
_CITATION_PAREN = re.compile(
    r"^(?P<journal>.+?)[.,]?\s*\(\s*"
    + _YEAR
    + r"\s*\)\s*(?P<volume>\d+)?\s*(?:\((?P<issue>[^)]{1,20})\))?\s*"
    + r"(?:[:,]\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?))?"
)
# "Annals of Oncology, 30(4), 512-520, 2019" / "Annals of Oncology 30: 512-520, 2019"
_CITATION_YEAR_LAST = re.compile(
    r"^(?P<journal>[^\d]+?)[.,]?\s+(?P<volume>\d+)\s*(?:\((?P<issue>[^)]{1,20})\))?\s*[:,]\s*"
    r"(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?)\s*[,.;]?\s*(?:\(\s*)?" + _YEAR + r"\b"
)


def parse_citation(line: str) -> dict[str, Any]:
    """A journal/citation line split into journal, year, volume, issue, pages.

    "BMC Cancer 2012;12:271" -> {"journal": "BMC Cancer", "year": 2012,
    "volume": "12", "pages": "271"}. A line with no year is a bare journal name.
    """
    s = re.sub(r"\s+", " ", line).strip()
    s = re.sub(r"\s*\bdoi\s*:?.*$", "", s, flags=re.I).strip()
    for rx in (_CITATION_YEAR_LAST, _CITATION_SEMICOLON, _CITATION_PAREN):
        m = rx.match(s)
        if m and m.group("journal").strip(" .,;:"):
            out: dict[str, Any] = {
                "journal": m.group("journal").strip(" ,;:"),
                "year": int(m.group("year")),
            }
            for key in ("volume", "issue", "pages"):
                if m.group(key):
                    out[key] = re.sub(r"\s+", "", m.group(key))
            return out
    if re.search(r"\d{4}|[;:]", s):
        return {}  # a citation-like line of a form not understood: no guess
    return {"journal": s.strip(" .,;:")} if s else {}


def _block(lines: list[str]) -> list[tuple[str, str, str]]:
    """(style, label, value) of the labelled lines the text opens with."""
    out: list[tuple[str, str, str]] = []
    k = 0
    while k < len(lines) and not lines[k].strip():
        k += 1
    for line in lines[k:]:
        if _CONTINUATION.match(line) and out and out[-1][0] == "medline":
            style, label, value = out[-1]
            out[-1] = (style, label, f"{value} {line.strip()}")
            continue
        m = _MEDLINE.match(line)
        if m:
            out.append(("medline", m.group("label"), m.group("value").strip()))
            continue
        m = _LABELLED.match(line)
        if m and (m.group("label").strip() in _LABELS or out):
            out.append(("label", m.group("label").strip(), m.group("value").strip()))
            continue
        break
    return out


def _people(value: str, style: str) -> list[dict[str, str | None]]:
    """ "Ann B. Smith, Carl Jones" / "Smith AB, Jones C" / "Smith, Ann B" (one MEDLINE FAU)."""
    if style == "fau":
        surname, _, given = value.partition(",")
        return [{"surname": surname.strip() or None, "given": given.strip() or None}]
    out: list[dict[str, str | None]] = []
    parts = [p.strip() for p in re.split(r"\s*[;,]\s*|\s+and\s+|\s*&\s*", value) if p.strip()]
    for p in parts:
        words = p.split()
        if len(words) >= 2 and re.fullmatch(r"[A-Z]{1,3}", words[-1]):
            # Vancouver "Smith AB": surname first, initials after
            out.append({"surname": " ".join(words[:-1]), "given": words[-1]})
            continue
        if len(words) == 1:
            out.append({"surname": words[0], "given": None})
            continue
        # particles ("van der", "de") belong to the surname
        cut = len(words) - 1
        while cut > 1 and words[cut - 1].islower():
            cut -= 1
        out.append({"surname": " ".join(words[cut:]), "given": " ".join(words[:cut])})
    return out


def read_front_matter(text: str) -> dict[str, Any]:
    """Metadata from the labelled lines at the top of `text` (empty when there are none)."""
    block = _block(text.split("\n")[:400])
    fields: dict[str, Any] = {}
    authors: list[dict[str, str | None]] = []
    short_authors: list[dict[str, str | None]] = []
    for style, label, value in block:
        key = (_LABELS if style == "label" else _TAGS).get(label)
        if style == "medline" and label in ("AID", "LID") and value.endswith("[doi]"):
            fields.setdefault("doi", value.removesuffix("[doi]").strip())
            continue
        if key is None or not value:
            continue
        if key == "authors":
            authors += _people(value, "fau" if style == "medline" else "list")
        elif key == "authors_short":
            short_authors += _people(value, "list")
        else:
            fields.setdefault(key, value)
    if not fields and not authors and not short_authors:
        return {}
    md: dict[str, Any] = {}
    if fields.get("title"):
        md["title"] = re.sub(r"\s+", " ", fields["title"]).strip()
    if fields.get("doi"):
        doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", fields["doi"], flags=re.I)
        if re.match(r"10\.\d{4,9}/\S+", doi):
            md["doi"] = doi.strip().rstrip(".").lower()
    cited: dict[str, Any] = {}
    journal = fields.get("journal_name")  # MEDLINE JT: a name, never a citation
    if fields.get("journal"):
        parsed = parse_citation(fields["journal"])
        journal = journal or parsed.get("journal")
        if "year" in parsed:
            cited = parsed
    if not cited and fields.get("source"):
        cited = parse_citation(fields["source"])
        if "year" not in cited:
            cited = {}
    journal = journal or cited.get("journal") or fields.get("journal_abbrev")
    if journal:
        md["journal"] = journal
    if fields.get("journal_abbrev"):
        md["journal_abbrev"] = fields["journal_abbrev"]
    year = None
    for raw in (fields.get("year"), fields.get("date")):
        m = re.search(r"\b(?:19|20)\d{2}\b", raw or "")
        if m:
            year = int(m.group(0))
            break
    year = year or cited.get("year")
    if year:
        md["year"] = year
    volume = fields.get("volume") or cited.get("volume")
    if volume:
        md["volume"] = str(volume)
    issue = fields.get("issue") or cited.get("issue")
    if issue:
        md["issue"] = str(issue)
    pages = fields.get("pages") or cited.get("pages")
    if pages:
        first, _, last = re.sub(r"\s+", "", str(pages)).partition("-")
        first, _, last2 = first.partition("\u2013")
        if first:
            md["fpage"] = first
        if last or last2:
            md["lpage"] = last or last2
    for key in ("pmid", "pmcid"):
        if fields.get(key):
            md[key] = fields[key]
    if authors or short_authors:
        md["authors"] = authors or short_authors
    return md

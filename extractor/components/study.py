"""Study-level facts of a paper: title, DOI, journal, year, registrations,
phase, design, article type and (internally) the population.

Module-level pure functions over a `Document`; a spaCy wrapper may call
`extract_study(doc, sentences)` with the pipeline's sentences. Marked-up
metadata (JATS front matter in `Document.metadata`) wins over text rules.
Vocabularies are data: `ontology/vocab/designs.json` (design terms, own/other
study cues, article-type cues) and `ontology/vocab/registries.json`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from litkg.extractor.components.alternation import LiteralGate, folded, literal_prefix
from litkg.extractor.components.textutil import (
    OTHER,
    OWN,
    SUPERSCRIPTS,
    Sentence,
    compile_any,
    ensure_sentences,
    line_at,
    load_vocab,
    looks_like_reference_entry,
    references_start,
    sentence_context,
)
from litkg.extractor.document import Document
from litkg.extractor.records import Provenance, Study
from litkg.extractor.sections import SectionIndex, section_index

__all__ = [
    "Found",
    "classify_article_type",
    "extract_study",
    "find_design",
    "find_doi",
    "find_journal",
    "find_phase",
    "find_population",
    "find_registrations",
    "find_title",
    "find_year",
    "normalise_phase",
]


@dataclass(frozen=True)
class Found:
    """A value with the span it was read from and the rule that read it."""

    value: Any
    start: int
    end: int
    rule: str


def _prov(doc: Document, f: Found) -> Provenance:
    start = max(0, min(f.start, len(doc.text)))
    end = max(start, min(f.end, len(doc.text)))
    return Provenance(
        doc_id=doc.doc_id,
        char_start=start,
        char_end=end,
        quote=doc.text[start:end] if end > start else str(f.value),
        rule=f.rule,
        page=doc.page_at(start),
    )


def in_narrative(sections: SectionIndex, pos: int) -> bool:
    """In the body's introduction or discussion, where other studies are described
    (an abstract's "Conclusions", before the body starts, is not)."""
    return pos >= _body_start(sections) and sections.name_at(pos) in ("introduction", "discussion")


def _body_start(sections: SectionIndex) -> int:
    """Where the body begins: its first introduction, after a structured abstract's
    own Background ... Conclusions run when there is one."""
    seen_end = False
    first = None
    for x in sections.sections:
        if x.name == "introduction":
            if seen_end:
                return x.start
            first = x.start if first is None else first
        elif x.name in ("results", "discussion"):
            seen_end = True
    return first or 0


def _meta_rule(doc: Document, field: str) -> str:
    """Rule name of a value read from marked-up metadata (JATS, or labelled text front matter)."""
    return f"{field}.jats" if doc.source_format == "jats" else f"{field}.front-matter"


def _meta_found(doc: Document, value: Any, rule: str) -> Found:
    """A metadata value, located in the text when it is printed there."""
    text = str(value)
    pos = doc.text.find(text) if text else -1
    if pos < 0:
        pos = doc.text.lower().find(text.lower()) if text else -1
    if pos >= 0:
        return Found(value, pos, pos + len(text), rule)
    return Found(value, 0, 0, rule)


# --------------------------------------------------------------------------- title

_BANNER_WORDS = re.compile(
    r"^(?:correspondence|open|letter|letters|article|research|original|brief|report|communication|"
    r"editorial|commentary|review|perspective|access|research article|original article|"
    r"letter to the editor|to the editor|clinical trial|short communication|rapid communication|"
    r"brief report|case report|abstract|full paper|full length article|regular article)$",
    re.IGNORECASE,
)
_NOT_TITLE = re.compile(
    r"(?:^\s*(?:©|\(c\)|copyright|doi\b|https?://|<https?://|www\.|received|accepted|published|"
    r"citation|correspondence|e-?mail|keywords?|volume|vol\.|issn|open access|research output)|"
    r"\b10\.\d{4,9}/|\(\s*(?:19|20)\d{2}\s*\)\s*\d+\s*[:,]|"
    r"^\s*[\w .&-]+\s+(?:19|20)\d{2}\s*;\s*\d+)",
    re.IGNORECASE,
)


def _is_banner(line: str) -> bool:
    s = line.strip().strip("*#_ ")
    if not s:
        return True
    words = s.split()
    letters = [c for c in s if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.9
    if upper and (len(words) <= 6 or len(letters) / len(words) < 2.5):
        return True  # "CORRESPONDENCE OPEN", letter-spaced "R E S EAR CH A R TIC L E"
    if all(_BANNER_WORDS.match(w) for w in re.split(r"\s*[|/,:]\s*|\s+", s) if w):
        return True
    if _BANNER_WORDS.match(s):
        return True
    return len(words) < 3


def _is_author_line(line: str) -> bool:
    s = line.strip()
    if re.match(r"^by\s+[A-Z]", s):
        return True
    if re.search("[" + SUPERSCRIPTS + r"]|\^\{?\d", s) and s.count(",") >= 1:
        return True
    names = re.findall(
        r"\b[A-Z][a-z\u00e0-\u017f'\-]+(?:\s+[A-Z]\.?)+\b|\b[A-Z]\.\s*[A-Z][a-z]+", s
    )
    return s.count(",") >= 2 and len(names) >= 2 and not s.endswith(".")


def find_title(doc: Document) -> Found | None:
    """The paper's title: JATS metadata, a `# ` heading, else the first
    substantial line before the author line (skipping journal banners)."""
    meta = doc.metadata.get("title")
    if meta:
        return _meta_found(doc, re.sub(r"\s+", " ", str(meta)).strip(), _meta_rule(doc, "title"))
    text = doc.text
    for h in doc.headings:
        if h.level == 1 and len(h.title.split()) >= 3 and not _is_banner(h.title):
            pos = text.find(h.title, h.char_start)
            pos = pos if pos >= 0 else h.char_start
            return Found(h.title.strip(), pos, pos + len(h.title), "title.heading")
    m = re.search(r"^#\s+(.+)$", text[:5000], re.MULTILINE)
    if m and not _is_banner(m.group(1)):
        return Found(m.group(1).strip(), m.start(1), m.end(1), "title.markdown")
    lines = [(m.group(0), m.start()) for m in re.finditer(r"[^\n]+", text[:6000])]
    journal, _ = find_journal(doc)
    banner_journal = str(journal.value).lower() if journal else None
    for i, (line, start) in enumerate(lines):
        s = line.strip()
        if not s or _is_banner(s) or _NOT_TITLE.search(s) or _is_author_line(s):
            continue
        if banner_journal and s.strip("*_ ").lower() == banner_journal:
            continue  # a journal banner line such as "Biology of Blood and Marrow Transplantation"
        if len(s) > 400 or "\t" in s:
            continue
        title, end = s, start + len(line)
        # a title wrapped over the next line (PDF dumps) continues without a blank line
        if i + 1 < len(lines):
            nxt, nstart = lines[i + 1]
            contiguous = text[start + len(line) : nstart].count("\n") == 1
            ns = nxt.strip()
            if (
                contiguous
                and ns
                and not title.endswith((".", ":"))
                and not _is_author_line(ns)
                and not _NOT_TITLE.search(ns)
                and len(ns) < 200
                and (
                    ns[0].islower() or title.endswith(("-", ",", "and", "of", "with", "for", "in"))
                )
            ):
                title, end = f"{title} {ns}", nstart + len(nxt)
        lead = len(line) - len(line.lstrip())
        return Found(title.strip("*# ").strip(), start + lead, end, "title.first-line")
    return None


# --------------------------------------------------------------------------- doi

_DOI = re.compile(
    r"\b(10\.\d{4,9}/[^\s\"<>\]\[()]+(?:\([^\s()]*\)[^\s\"<>\]\[()]*)*)", re.IGNORECASE
)


def _clean_doi(doi: str) -> str:
    return doi.rstrip(".,;:*>").lower()


def find_doi(doc: Document) -> Found | None:
    """The paper's own DOI (lower case, no prefix), never one from the reference list."""
    meta = doc.metadata.get("doi")
    if meta:
        value = _clean_doi(
            re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", str(meta), flags=re.I)
        )
        return _meta_found(doc, value, _meta_rule(doc, "doi"))
    text = doc.text
    ref_start = references_start(text, doc.headings)
    best: Found | None = None
    for m in _DOI.finditer(text):
        if m.start() >= ref_start:
            break
        line, _ = line_at(text, m.start())
        if looks_like_reference_entry(line):
            continue
        before = text[max(0, m.start() - 30) : m.start()].lower()
        labelled = bool(re.search(r"(?:doi\s*:?\s*|doi\.org/)$", before))
        found = Found(
            _clean_doi(m.group(1)), m.start(), m.end(), "doi.labelled" if labelled else "doi.text"
        )
        if labelled:
            return found
        best = best or found
    if best is None:
        # "Cite this article as: ... doi:10..." may be printed after the references
        for m in re.finditer(r"(?im)^.*\bCite this(?: article)? as\b.*$", text):
            lo = max(0, m.start() - 200)
            hits = list(_DOI.finditer(text[lo : m.end() + 200]))
            if hits:
                d = min(hits, key=lambda h: abs(lo + h.start() - m.start()))
                pos = lo + d.start()
                return Found(_clean_doi(d.group(1)), pos, pos + len(d.group(1)), "doi.cite-as")
    return best


# --------------------------------------------------------------------------- journal and year

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_JOURNAL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "*Haematologica*. 2026 June 4. doi: 10..." (citation line of the paper itself)
    (
        "journal.citation-line",
        re.compile(
            r"\*(?P<journal>[A-Z][^*\n]{1,90}?)\*\.?\s*"
            + _YEAR
            + r"\b[^\n]{0,40}?(?:doi|;|\[Epub)",
            re.IGNORECASE,
        ),
    ),
    (
        "journal.citation-line",
        re.compile(
            r"(?:^|\.\s)(?P<journal>[A-Z][A-Za-z&\- ]{2,80}?)\.\s+"
            + _YEAR
            + r"(?:\s+"
            + _MONTH
            + r"(?:\s+\d{1,2})?)?[.;]\s*(?:doi\b|\d+\s*\(\d+\)\s*:)",
            re.MULTILINE,
        ),
    ),
    # "Cite this as: BMJ 2015;350:h2145", "Cite this article as: ... BMC Cancer 2012 12:560"
    (
        "journal.cite-as",
        re.compile(
            r"(?:Cite this(?: article)? as|To cite this article|Please cite this article as)\s*:?[^\n]*?"
            r"(?:[.:]\s+)(?P<journal>[A-Z][A-Za-z&\- ]{1,60}?)\.?\s+"
            + _YEAR
            + r"\s*[;,]?\s*(?:\d+\s*(?:\(\d+\))?\s*[:,]|\d+\s+\d+:|[A-Za-z]?\d+\b)",
        ),
    ),
    # running header "Blood Cancer Journal (2024) 14:109"
    (
        "journal.running-header",
        re.compile(
            r"^\s*(?P<journal>[A-Z][A-Za-z&\-. ]{2,80}?)\s*\(\s*"
            + _YEAR
            + r"\s*\)\s*\d+\s*[:,]\s*\w+",
            re.MULTILINE,
        ),
    ),
    # a header line of its own: "Lancet Haematol 2021; 8: e100-10", "BMJ 2015;350:h2145"
    (
        "journal.header-line",
        re.compile(
            r"^[ \t]*(?P<journal>[A-Z][A-Za-z&.\- ]{1,60}?)\.?\s+"
            + _YEAR
            + r"\s*;\s*\d+\s*(?:\(\w+\))?\s*:\s*[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?\.?[ \t]*$",
            re.MULTILINE,
        ),
    ),
    # metadata line "Journal\tBiology of Blood ..." / "Journal: X" / "JournalX" (Pure portals)
    (
        "journal.metadata-line",
        re.compile(
            r"^\s*Journal(?:\s*title)?\s*[:\t]?\s*(?P<journal>[A-Z][^\n\t]{2,120}?)\s*$",
            re.MULTILINE,
        ),
    ),
    # editorial: "In this issue of *Haematologica*"
    (
        "journal.in-this-issue",
        re.compile(
            r"\bIn this issue of (?:the )?\*?(?P<journal>[A-Z][A-Za-z&\- ]{2,80}?)\*?"
            r"(?=[,.;:)]|\s+[a-z])"
        ),
    ),
]


def _clean_journal(name: str) -> str:
    name = re.sub(r"[*_]", "", name)
    name = re.sub(r"\s+", " ", name).strip(" .,;:")
    return name


def find_journal(doc: Document) -> tuple[Found | None, Found | None]:
    """The journal as printed in the paper (and the year printed with it).

    Returns (journal, year_from_the_same_line); never inferred from the DOI.
    """
    meta = doc.metadata.get("journal")
    if meta:
        return _meta_found(doc, _clean_journal(str(meta)), _meta_rule(doc, "journal")), None
    text = doc.text
    ref_start = references_start(text, doc.headings)
    head = text[:ref_start]
    for rule, pat in _JOURNAL_PATTERNS:
        for m in pat.finditer(text if rule == "journal.cite-as" else head):
            line, _ = line_at(text, m.start("journal"))
            if looks_like_reference_entry(line):
                continue
            if rule not in ("journal.in-this-issue", "journal.cite-as") and re.search(
                r"\bet al\b", line
            ):
                continue
            name = _clean_journal(m.group("journal"))
            if len(name) < 3 or re.search(r"\b(?:doi|http|Received|Accepted)\b", name, re.I):
                continue
            if rule == "journal.citation-line" and not re.search(
                r"\b(?:citation|doi|cite)\b", line, re.I
            ):
                continue
            j = Found(name, m.start("journal"), m.end("journal"), rule)
            y = None
            if "year" in m.groupdict() and m.group("year"):
                y = Found(
                    int(m.group("year")),
                    m.start("year"),
                    m.end("year"),
                    rule.replace("journal", "year"),
                )
            return j, y
    return None, None


_PUB_DATE = re.compile(
    r"(?:Published(?:\s+online)?|First published(?:\s+online)?|Early view|"
    r"Epub(?:lished)?(?:\s+ahead of print)?|"
    r"Online publication(?:\s+date)?|Available online|Date of publication|Publication date|"
    r"State\s*:?\s*Published)\s*[:\-\u2013]?\s*(?:on\s+)?"
    r"(?:(?:\d{1,2}\s+)?"
    + _MONTH
    + r"\s*(?:\d{1,2},?\s*)?|\d{1,2}[/.]\d{1,2}[/.])?\s*"
    + _YEAR
    + r"\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:[^\n\d]{0,60}?)\s*" + _YEAR + r"\b", re.IGNORECASE
)


def find_year(doc: Document, journal_year: Found | None = None) -> Found | None:
    """Year of this publication: metadata, the citation/journal line, else the
    earliest publication date printed ("Published online", "Early view",
    "Epub"; not Received/Accepted), else the copyright year."""
    meta = doc.metadata.get("year")
    if meta:
        try:
            return _meta_found(doc, int(str(meta)[:4]), _meta_rule(doc, "year"))
        except ValueError:
            pass
    if journal_year is not None:
        return journal_year
    text = doc.text
    head = text[: references_start(text, doc.headings)]
    dates = [
        Found(int(m.group("year")), m.start(), m.end(), "year.published")
        for m in _PUB_DATE.finditer(head)
    ]
    if dates:
        return min(dates, key=lambda f: (f.value, f.start))
    m = _COPYRIGHT.search(head)
    if m:
        return Found(int(m.group("year")), m.start(), m.end(), "year.copyright")
    return None


# --------------------------------------------------------------------------- registrations


_RegistryRx = tuple[re.Pattern[str], re.Pattern[str] | None, tuple[str, tuple[str, ...]]]
#: id(registry) -> (registry, its regexes and the text each needs)
_REGISTRY_RX: dict[int, tuple[dict[str, Any], _RegistryRx]] = {}


def _registry_regexes(reg: dict[str, Any]) -> _RegistryRx:
    """A registry's id pattern, its names as one regex, and what a text must
    hold for each to match: the id pattern's literal start, and the folded
    literal starts of its names ("" where one is not known, which every text
    holds). Compiled once per registry of the cached vocabulary; searching a
    whole paper for each of the ~15 registries' ids and names was ~5% of
    extraction, and most papers name one registry."""
    hit = _REGISTRY_RX.get(id(reg))
    if hit is not None and hit[0] is reg:
        return hit[1]
    starts = [literal_prefix(n) for n in reg["names"]]
    name_needles = (
        tuple(folded(s) for s in starts) if all(s and s.isascii() for s in starts) else ("",)
    )
    out = (
        re.compile(reg["pattern"]),
        compile_any(tuple(reg["names"])),
        (literal_prefix(reg["pattern"]), name_needles),
    )
    _REGISTRY_RX[id(reg)] = (reg, out)
    return out


def _finditer_from(rx: re.Pattern[str], prefix: str, text: str) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` for a regex every match of which starts with
    `prefix` (its literal prefix; "" when none is known): tried only where
    `prefix` occurs (the engine tries every position of a regex that opens
    with \\b or a group, though most papers print no registry's id). A
    match starts at a prefix's occurrence and is not empty, so the next one is
    looked for from its end, as finditer does; `rx.match` at an offset sees
    the text before it, for \\b and lookbehinds."""
    if not prefix:
        yield from rx.finditer(text)
        return
    pos = text.find(prefix)
    while pos >= 0:
        m = rx.match(text, pos)
        if m is not None:
            yield m
            pos = text.find(prefix, max(m.end(), pos + 1))
        else:
            pos = text.find(prefix, pos + 1)


def find_registrations(doc: Document, sentences: Iterable[Sentence] | None = None) -> list[Found]:
    """The study's own registry identifiers (prefix added when the registry is named).

    An id counts when it stands in front matter, or in a sentence about this
    study (registration cues: "registered", "identifier", "this trial"); ids of
    trials merely mentioned (citation, "et al.", "the X trial showed") and those
    in the reference list are left out.
    """
    meta = doc.metadata.get("registrations")
    if meta:
        vals = [meta] if isinstance(meta, str) else list(meta)
        return [_meta_found(doc, str(v), _meta_rule(doc, "registration")) for v in vals]
    vocab = load_vocab("registries.json")
    text = doc.text
    ref_start = references_start(text, doc.headings)
    sents = ensure_sentences(text, sentences)
    own_cues = compile_any(tuple(vocab["own_cues"]))
    other_cues = compile_any(tuple(vocab["other_cues"]), 0)
    front_end = min(len(text) // 8, 3000)
    sections = section_index(doc)
    out: list[Found] = []
    seen: set[str] = set()

    def sentence_for(pos: int) -> str:
        for s, b in sents:
            if b <= pos < b + len(s):
                return s
        return line_at(text, pos)[0]

    def accept(pos: int) -> bool:
        if pos >= ref_start:
            return False
        s = sentence_for(pos)
        if looks_like_reference_entry(line_at(text, pos)[0]):
            return False
        own = own_cues is not None and own_cues.search(s)
        other = other_cues is not None and other_cues.search(s)
        ctx = sentence_context(s)
        if ctx != OWN and in_narrative(sections, pos):
            return False  # "researchers in a phase Ib trial (identifier NCT...) are testing"
        if own and ctx != OTHER:
            return True
        if other or ctx == OTHER:
            return False
        return pos < front_end

    low = folded(text)
    for reg in vocab["registries"]:
        pat, names, needles = _registry_regexes(reg)
        spans: list[tuple[int, int]] = []
        for m in _finditer_from(pat, needles[0], text):
            gd = m.groupdict()
            value = reg["format"].format(num=gd.get("num") or "", id=gd.get("id") or "")
            spans.append((m.start(), m.end()))
            if value in seen or not accept(m.start()):
                continue
            seen.add(value)
            out.append(
                Found(value, m.start(), m.end(), f"registration.{reg['prefix'] or reg['name']}")
            )
        if not reg.get("bare"):
            continue
        bare = re.compile(reg["bare"])
        if names is None or not any(n in low for n in needles[1]):
            continue
        for nm in names.finditer(text):
            window = text[nm.end() : nm.end() + 60]
            bm = bare.search(window)
            if not bm:
                continue
            pos = nm.end() + bm.start()
            if any(a <= pos < b for a, b in spans):
                continue
            between = window[: bm.start()]
            if not re.fullmatch(
                r"[\s:;,.()\[\]#]*(?:(?:trial |registration |study )?(?:identifier|number|no\.?|id|"
                r"registration|reg\.?)[\s:;,.()#]*)?(?:is\s+)?",
                between,
                re.IGNORECASE,
            ):
                continue
            value = reg["format"].format(num=bm.group("num"), id=bm.group("num"))
            if value in seen or not accept(pos):
                continue
            seen.add(value)
            out.append(
                Found(value, pos, pos + len(bm.group("num")), f"registration.{reg['prefix']}-named")
            )
    out.sort(key=lambda f: f.start)
    return out


# --------------------------------------------------------------------------- phase

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PHASE_TOKEN = r"(?:[1-4]|IV|I{1,3})[ABab]?"
_PHASE = re.compile(
    r"\b(?i:phase)[\s\-]*(?P<a>" + _PHASE_TOKEN + r")(?![\w])"
    r"(?:\s*(?:/|-|\u2013|\u2010|and|or|to)\s*(?i:phase\s*)?(?P<b>" + _PHASE_TOKEN + r")(?![\w]))?"
)
_PHASE_OF_STUDY = re.compile(
    r"(?:[\s,]+[\w\-]+){0,3}?[\s,]+(?:trials?|stud(?:y|ies)|part|portion|cohort)\b"
)
_RESULTS_OF_PHASE = re.compile(
    r"\b(?:results?|findings|outcomes?|report)\s+(?:of|from)\s+(?:the\s+)?(?:first\s+)?(?P<phase>"
    + _PHASE.pattern
    + r")",
)


def _phase_number(token: str) -> int:
    t = token.rstrip("ABab")
    return int(t) if t.isdigit() else _ROMAN[t]


def normalise_phase(text: str) -> str | None:
    """ "phase I/II" -> "1/2", "phase 1b" -> "1", "Phase III" -> "3"; None when
    none, or for a span no trial phase names ("phase III-IV", "phase 2-4")."""
    m = _PHASE.search(text)
    if not m:
        return None
    a = _phase_number(m.group("a"))
    if m.group("b"):
        b = _phase_number(m.group("b"))
        if b != a:
            lo, hi = min(a, b), max(a, b)
            return f"{lo}/{hi}" if (lo, hi) in ((1, 2), (2, 3)) else None
    return str(a)


def find_phase(doc: Document, sentences: list[Sentence], title: Found | None) -> Found | None:
    """The phase of the results this paper reports.

    Order: "results of (the) phase X" in the title or an own-study sentence;
    the phase in the title; the first phase in a sentence about this study
    ("We conducted...", "This phase 2 trial..."). Phases in sentences about
    other studies (citations, "et al.") are ignored.
    """
    meta = doc.metadata.get("phase")
    if meta:
        return _meta_found(
            doc, normalise_phase(f"phase {meta}") or str(meta), _meta_rule(doc, "phase")
        )
    text = doc.text
    ref_start = references_start(text, doc.headings)
    own = [(s, b) for s, b in sentences if b < ref_start and sentence_context(s) == OWN]
    scopes: list[tuple[str, int, str]] = []
    if title is not None:
        scopes.append((str(title.value), title.start, "title"))
    scopes += [(s, b, "own") for s, b in own]
    for s, b, where in scopes:
        m = _RESULTS_OF_PHASE.search(s)
        if m:
            ph = m.group("phase")
            val = normalise_phase(ph)
            # "results of phase I in X" names the part reported; "of the phase I/II trial" the whole
            return Found(val, b + m.start("phase"), b + m.end("phase"), f"phase.results-of.{where}")
    if title is not None:
        m = _PHASE.search(str(title.value))
        if m:
            return Found(
                normalise_phase(m.group(0)),
                title.start + m.start(),
                title.start + m.end(),
                "phase.title",
            )
    cites = compile_any(tuple(load_vocab("designs.json")["citation_cues"]), 0)
    for s, b in own:
        if cites is not None and cites.search(s):
            continue  # "In a phase II trial by our group [13], ..." is an earlier paper's phase
        for m in _PHASE.finditer(s):
            # "this phase 2 clinical trial", not "doses for phase III testing"
            if _PHASE_OF_STUDY.match(s[m.end() :]):
                f = normalise_phase(m.group(0))
                return Found(f, b + m.start(), b + m.end(), "phase.own-sentence")
    return None


# --------------------------------------------------------------------------- design


_TermRx = tuple[re.Pattern[str] | None, re.Pattern[str] | None, LiteralGate]
#: id(term) -> (term, its regexes and gate), for the vocabulary's term dicts
_TERM_RX: dict[int, tuple[dict[str, Any], _TermRx]] = {}


def _term_regexes(term: dict[str, Any]) -> _TermRx:
    """A design term's synonyms and patterns as one regex, its negative cues, and
    a necessary condition for the first to match (compiled once per term dict of
    the cached vocabulary)."""
    hit = _TERM_RX.get(id(term))
    if hit is not None and hit[0] is term:
        return hit[1]
    syns = [re.escape(x).replace(r"\ ", r"[\s-]+") for x in term["synonyms"]]
    # one lookbehind before the synonyms, not one per synonym: the same matches
    # (they are tried in the same order), found faster
    pats = [r"(?<![\w-])(?:" + "|".join(syns) + r")(?![\w])"] if syns else []
    extra = term.get("patterns", [])
    gate = LiteralGate.of(term["synonyms"], ignore_case=True)
    if extra:
        # a yes or no only (the regex is run from the sentence's start): a
        # pattern with no literal start is gated by the strings it must hold
        more = LiteralGate.of_presence(extra, ignore_case=True)
        gate = (
            LiteralGate()
            if gate.always or more.always
            else LiteralGate((*gate.needles, *more.needles), ignore_case=True, always=False)
        )
    rx = compile_any(tuple(pats + extra))
    neg = compile_any(tuple(term.get("negative", [])))
    _TERM_RX[id(term)] = (term, (rx, neg, gate))
    return rx, neg, gate


def _term_matches(term: dict[str, Any], s: str, low: str | None = None) -> list[re.Match[str]]:
    rx, neg, gate = _term_regexes(term)
    out: list[re.Match[str]] = []
    if rx is None or not gate.may_match(s, folded(s) if low is None else low):
        return out
    for m in rx.finditer(s):
        if neg is not None:
            window = s[max(0, m.start() - 12) : m.end() + 12]
            if neg.search(window):
                continue
        out.append(m)
    return out


def find_design(
    doc: Document,
    sentences: list[Sentence],
    title: Found | None,
    *,
    is_trial: bool = False,
) -> list[Found]:
    """Design terms the paper states about its own study, plus the documented
    implications (uncontrolled -> single-arm; a trial compared with matched
    external controls -> single-arm; an interventional trial -> prospective).
    """
    vocab = load_vocab("designs.json")
    terms: dict[str, dict[str, Any]] = vocab["terms"]
    restricted = set(vocab.get("title_or_own_only", []))
    text = doc.text
    ref_start = references_start(text, doc.headings)
    scopes: list[tuple[str, int, str]] = []
    if title is not None:
        scopes.append((str(title.value), title.start, "title"))
    sections = section_index(doc)
    for s, b in sentences:
        if b >= ref_start or "\t" in s:
            continue
        if title is not None and s.strip() == str(title.value).strip():
            continue
        ctx = sentence_context(s)
        if ctx == OTHER:
            continue
        if ctx != OWN and in_narrative(sections, b) and not re.search(r"(?i)\blimitations?\b", s):
            continue  # "a recent single-arm trial reported..." describes another study
        scopes.append((s, b, ctx))
    # a term whose necessary condition (a needle in the scope) no scope meets
    # matches in none: asked once of all the scopes together, so that each scope
    # is asked only about the terms that may match somewhere
    joined = "\n".join(s for s, _, _ in scopes)
    joined_low = folded(joined)
    live = {
        name: term
        for name, term in terms.items()
        if _term_regexes(term)[2].may_match(joined, joined_low)
    }
    found: dict[str, Found] = {}
    for s, b, where in scopes:
        low = folded(s)
        for name, term in live.items():
            if name in found:
                continue
            if name in restricted and where not in ("title", OWN):
                continue
            ms = _term_matches(term, s, low)
            if ms:
                m = ms[0]
                found[name] = Found(name, b + m.start(), b + m.end(), f"design.{name}.{where}")
    for imp in vocab.get("implications", []):
        then = imp["then"]
        if then in found:
            continue
        if imp.get("if_trial") and not is_trial:
            continue
        if not all(x in found for x in imp.get("if_all", [])):
            continue
        if any(x in found for x in imp.get("if_none", [])):
            continue
        basis = [found[x] for x in imp.get("if_all", [])]
        anchor = basis[0] if basis else Found(then, 0, 0, "")
        found[then] = Found(then, anchor.start, anchor.end, f"design.{then}.implied")
    # contradictions: a stated term beats its opposite
    for a, b in (
        ("randomized", "non-randomized"),
        ("single-center", "multicenter"),
        ("prospective", "retrospective"),
    ):
        if a in found and b in found:
            drop = a if found[a].rule.endswith("implied") else None
            if drop is None:
                drop = b if found[b].rule.endswith("implied") else None
            if drop is None:
                # keep the one stated first in own/title scope
                drop = b if found[a].start <= found[b].start else a
                if (a, b) == ("randomized", "non-randomized"):
                    drop = a
            found.pop(drop, None)
    return sorted(found.values(), key=lambda f: f.start)


# --------------------------------------------------------------------------- article type


@lru_cache(maxsize=256)
def _cue_regex(pat: str, title: bool) -> tuple[re.Pattern[str], str]:
    """An article-type cue compiled (case-insensitive on the title), and the
    literal start a text must hold for it to match there ("" on the title)."""
    flags = re.MULTILINE | (re.IGNORECASE if title else 0)
    return re.compile(pat, flags), "" if title else literal_prefix(pat)


def _cue_score(cues: list[list[Any]], scopes: dict[str, str]) -> int:
    """Sum of the weights of the cues found in their scope ([regex, weight, scope])."""
    total = 0
    for cue in cues:
        pat, weight = cue[0], cue[1]
        scope = cue[2] if len(cue) > 2 else "body"
        rx, needle = _cue_regex(pat, scope == "title")
        text = scopes.get(scope, "")
        if needle in text and rx.search(text):  # most cues' words are in no paper
            total += int(weight)
    return total


def classify_article_type(
    doc: Document,
    sentences: list[Sentence] | None = None,
    *,
    own_registration: bool = False,
    title: str | None = None,
) -> Found | None:
    """trial-report | cohort-study | abstract | editorial | review.

    JATS article-type first (when it is decisive); else the cues of
    designs.json "article_type" (each counted in its scope: title, front
    matter, own-study sentences, body): abstract-only record,
    editorial/commentary, review, retrospective/observational series,
    prospective trial.
    """
    cfg = load_vocab("designs.json")["article_type"]
    meta = doc.metadata.get("article_type")
    if meta:
        mapped = cfg["jats_map"].get(str(meta).lower())
        if mapped:
            return Found(mapped, 0, 0, "article_type.jats")
    text = doc.text
    ref_start = references_start(text, doc.headings)
    body = text[:ref_start]
    sents = sentences if sentences is not None else ensure_sentences(text, None)
    if title is None:
        t = find_title(doc)
        title = str(t.value) if t else ""
    own_sents = [s for s, b in sents if b < ref_start and sentence_context(s) == OWN]
    scopes = {
        "title": title,
        "front": body[: max(4000, len(body) * 15 // 100)],
        "own": "\n".join(own_sents),
        "body": body,
    }
    ab = cfg["abstract"]
    ab_score = _cue_score(ab["cues"], scopes)
    if len(text) <= ab["max_chars"] and ref_start == len(text):
        ab_score += 1
    if ab_score >= ab["threshold"] and len(text) <= ab["max_chars"] * 2:
        return Found("abstract", 0, 0, "article_type.abstract")
    for kind in ("editorial", "review"):
        c = cfg[kind]
        if _cue_score(c["cues"], scopes) >= c["threshold"]:
            return Found(kind, 0, 0, f"article_type.{kind}")
    cohort = _cue_score(cfg["cohort-study"]["cues"], scopes)
    trial = _cue_score(cfg["trial-report"]["cues"], scopes) + (2 if own_registration else 0)
    retro_own = any(re.search(r"\bretrospective(?:ly)?\b", s, re.I) for s in own_sents)
    if retro_own and not own_registration:
        return Found("cohort-study", 0, 0, "article_type.cohort-study")
    if trial >= cfg["trial-report"]["threshold"] and trial >= cohort:
        return Found("trial-report", 0, 0, "article_type.trial-report")
    if cohort >= cfg["cohort-study"]["threshold"]:
        return Found("cohort-study", 0, 0, "article_type.cohort-study")
    if trial >= cfg["trial-report"]["threshold"]:
        return Found("trial-report", 0, 0, "article_type.trial-report")
    return None


# --------------------------------------------------------------------------- population

_AGE = re.compile(
    r"\b(?:children|childhood|paediatric|pediatric|adolescents?|young adults?|older adults|elderly|"
    r"adults?|infants?|neonates?|(?:wo)?men|pregnant women|patients aged [^,.;]{1,30})\b",
    re.IGNORECASE,
)
_STATUS = re.compile(
    r"\b(?:relapsed(?:\s*(?:and|or|/)\s*refractory)?|refractory|newly diagnosed|untreated|"
    r"previously treated|MRD[- ]positive|high[- ]risk|in (?:first|second) (?:complete )?remission|"
    r"(?:R/R|CR1|CR2)|persistent|minimal residual disease[- ]positive)\b",
    re.IGNORECASE,
)
_DISEASE = re.compile(
    r"\b(?:(?:[A-Z]-(?:cell|lineage)|B|T|Philadelphia[- ]chromosome[- ](?:positive|negative)|"
    r"Ph[+\-]|CD19[- ]positive)[\s-]+)?"
    r"(?:(?!(?i:for|with|of|in|and|after|before|the|an?|to|on|by)\b)[A-Za-z'\-]+\s+){0,3}(?i:leuk(?:a)?emia|lymphoma|myeloma|carcinoma|cancer|sarcoma|"
    r"syndromes?|disease|infection|onchocerciasis|diabetes|tumou?rs?)(?:/lymphoma)?\b"
)


def find_population(
    doc: Document, title: Found | None, sentences: list[Sentence]
) -> dict[str, Any]:
    """Internal, unscored: disease, age group and disease status at entry, read
    from the title and the first sentences about this study."""
    scopes = [str(title.value)] if title is not None else []
    scopes += [s for s, _ in sentences[:40] if sentence_context(s) == OWN][:5]
    pop: dict[str, Any] = {}
    for s in scopes:
        if "disease" not in pop:
            m = _DISEASE.search(s)
            if m and not re.match(r"(?i)graft|versus", m.group(0)):
                pop["disease"] = m.group(0).strip()
        if "age_group" not in pop:
            ages = []
            for m in _AGE.finditer(s):
                w = m.group(0).lower()
                if w not in ages:
                    ages.append(w)
            if ages:
                pop["age_group"] = ages
        if "status" not in pop:
            m = _STATUS.search(s)
            if m:
                pop["status"] = m.group(0)
    return pop


# --------------------------------------------------------------------------- the study


def extract_study(doc: Document, sentences: Iterable[Sentence] | None = None) -> Study:
    """All study-level fields of `doc`, each with its provenance.

    `sentences` are (text, start) pairs from the pipeline; without them a crude
    splitter is used.
    """
    sents = ensure_sentences(doc.text, sentences)
    prov: list[Provenance] = []
    title = find_title(doc)
    doi = find_doi(doc)
    journal, journal_year = find_journal(doc)
    year = find_year(doc, journal_year)
    regs = find_registrations(doc, sents)
    art = classify_article_type(
        doc, sents, own_registration=bool(regs), title=str(title.value) if title else ""
    )
    article_type = art.value if art else None
    if article_type in ("editorial", "review"):
        # the subject of an editorial is someone else's study: no own registration/phase/design
        phase, design, regs = None, [], []
    else:
        phase = find_phase(doc, sents, title)
        design = find_design(doc, sents, title, is_trial=article_type == "trial-report")
    for f in (title, doi, journal, year, art, phase, *regs, *design):
        if f is not None:
            prov.append(_prov(doc, f))
    return Study(
        title=title.value if title else None,
        doi=doi.value if doi else None,
        journal=journal.value if journal else None,
        year=year.value if year else None,
        article_type=article_type,
        registrations=tuple(f.value for f in regs),
        phase=phase.value if phase else None,
        design=tuple(f.value for f in design),
        population=find_population(doc, title, sents),
        provenance=tuple(prov),
    )

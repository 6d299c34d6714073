"""The one place the spaCy pipeline is assembled, and the run from a
`Document` to a `StudyRecord`.

The pipeline is `spacy.blank("en")` plus components (no downloaded model):
sentence boundaries for scientific text, scispaCy's abbreviation detector
(with a bounded matcher, `abbreviations.py`),
section detection, and one component per entity type. Each component is a
thin wrapper around module-level pure functions; its results go to
`doc.spans[<kind>]` (one span per fact, on the quoted evidence) and the
facts themselves to `doc._.litkg_facts[<kind>]`.
"""

from __future__ import annotations

import gc
import re
import warnings
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from litkg.extractor.components.alternation import LiteralGate, folded
from litkg.extractor.document import Document
from litkg.extractor.records import Provenance, StudyRecord
from litkg.extractor.sections import SectionIndex, section_index
from litkg.extractor.sentences import split_sentences
from litkg.extractor.tokens import ChunkTokenizer
from litkg.extractor.vocab import load_vocab

if not Doc.has_extension("litkg_document"):
    Doc.set_extension("litkg_document", default=None)
if not Doc.has_extension("litkg_facts"):
    Doc.set_extension("litkg_facts", default=None)
if not Doc.has_extension("litkg_sections"):
    Doc.set_extension("litkg_sections", default=None)
if not Doc.has_extension("litkg_sents"):
    Doc.set_extension("litkg_sents", default=None)
if not Doc.has_extension("litkg_text"):
    Doc.set_extension("litkg_text", default=None)
if not Doc.has_extension("litkg_own_sents"):
    Doc.set_extension("litkg_own_sents", default=None)

_SUP_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
# Citation markers: superscript numbers, ^{6,7}, [12], [3-5]. A superscript run
# never starts a mark after a digit (10⁹/L) or after an exponent's sign (kg⁻¹:
# a mark starts with a number; "studies³⁻⁵" is one mark); `cites_other_work`
# also sets aside the exponents of units ("kg/m²", "1.73 m²").
CITATION_RE = re.compile(
    rf"(?<![\d{_SUP_DIGITS}\u207a\u207b])[{_SUP_DIGITS}]+"
    rf"(?:[\u207b,\u2013-][{_SUP_DIGITS}]+)*"
    r"|\^\{\d[\d,\s\u2013-]*\}|\[\d+(?:\s*[,\u2013-]\s*\d+)*\]"
)


def _exponent_base_re() -> re.Pattern[str]:
    """What stands before a unit's exponent: a unit of `units.json` (a mass, per-body,
    per-time spelling or an exponent base, letters only) in a unit's place: after a
    number ("1.73 m²", "3 cm²"; not the "s" of a decade, "1990s²"), an operator
    ("kg/m²", "cells/mm³", "g·m²"), an opening bracket ("(mm²)") or "per" ("per m²").
    Matched against the text just before a superscript run, so its end is the run's
    start."""
    units = load_vocab("units.json")
    words = {
        w
        for w in (*units["mass"], *units["per_body"], *units["per_time"], *units["exponent_bases"])
        if w.isalpha()
    }
    alt = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(
        rf"(?:\d\s?(?!s$)|[/\u00b7\u2219\u22c5\u00d7*]\s?|[(\[]|\bper\s)(?:{alt})$", re.I
    )


_EXPONENT_BASE_RE = _exponent_base_re()


def _squared_statistic_re() -> re.Pattern[str]:
    """A statistic's symbol of `statistic_symbols.json` standing alone as a token
    ("χ", "R", "η"), just before a superscript run: its square ("χ² = 4.2", "(R² =
    0.53)", "partial η²"), not a citation mark after a word."""
    symbols = sorted(load_vocab("statistic_symbols.json")["squared"], key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w) for w in symbols)
    return re.compile(rf"(?<![^\W\d_])(?:{alt})$")


_SQUARED_STATISTIC_RE = _squared_statistic_re()
#: how far before a superscript run its unit's context is looked for
_EXPONENT_BASE_REACH = 16


def citation_marks(text: str) -> list[re.Match[str]]:
    """The citation marks of `text` (`CITATION_RE`), without the exponents of units:
    a superscript run right after a unit in a unit's place ("mg/m²", "per 1.73 m²",
    "(cm²)") is its exponent, as is one after an exponent's sign ("μg·kg⁻¹·min⁻¹",
    "mmol·L⁻¹"), and a square after a statistic's symbol ("χ² = 4.2", "R² = 0.53").
    A superscript after a word's end or a sentence's final stop ("in
    earlier studies³⁻⁵", "as shown before.¹²") stays a citation."""
    out = []
    for m in CITATION_RE.finditer(text):
        if text[m.start()] not in "[^":
            before = max(0, m.start() - _EXPONENT_BASE_REACH)
            if _EXPONENT_BASE_RE.search(text, before, m.start()):
                continue
            if m.group() == "\u00b2" and _SQUARED_STATISTIC_RE.search(text, before, m.start()):
                continue
        out.append(m)
    return out


def cites_other_work(text: str) -> bool:
    """Whether `text` carries a citation mark (`citation_marks`)."""
    return bool(citation_marks(text))


FIRST_PERSON_RE = re.compile(r"\b(?:we|our|us)\b", re.I)
OWN_EARLIER_RE = re.compile(
    r"\b(?:previous(?:ly)?|earlier|initial(?:ly)?|original|first|prior)\b[^.]{0,60}\b(?:report|publi|analys|describ)",
    re.I,
)
SKIP_KINDS = frozenset({"references", "front", "back", "legend", "table"})


@Language.component("litkg_sentences")
def sentence_boundaries(doc: Doc) -> Doc:
    """Set sentence starts from `split_sentences` (scientific-text rules)."""
    text = doc_text(doc)
    spans = split_sentences(text)
    doc._.litkg_sents = [(text[s:e], s, e) for s, e in spans]
    if len(doc):
        # one array write instead of per-token assignment (each of which re-checks
        # the whole document's annotation), from the tokens' offsets as an array
        idx = doc.to_array([IDX]).astype("int64").reshape(-1)
        starts = numpy.fromiter((s for s, _ in spans), dtype="int64", count=len(spans))
        flags = numpy.where(numpy.isin(idx, starts), 1, -1).astype("int64")
        flags[0] = 1
        doc.from_array([SENT_START], flags.view("uint64").reshape(-1, 1))
    return doc


def doc_text(doc: Doc) -> str:
    """The document's text: the string `process` made the Doc from (spaCy's
    tokenizer keeps it verbatim; `Doc.text` rebuilds it from the tokens on
    every access)."""
    text = doc._.litkg_text
    return text if text is not None else doc.text


@Language.component("litkg_sections")
def sections_component(doc: Doc) -> Doc:
    """Attach the section index of the source `Document`."""
    source = doc._.litkg_document
    if source is not None:
        doc._.litkg_sections = section_index(source)
    return doc


def _facts(doc: Doc) -> dict[str, list[Any]]:
    if doc._.litkg_facts is None:
        doc._.litkg_facts = {}
    return doc._.litkg_facts


def _span(doc: Doc, start: int, end: int, label: str, kind: str) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        doc.spans.setdefault(kind, []).append(span)


def provenance(source: Document, start: int, end: int, rule: str) -> Provenance:
    """Provenance for the text span [start, end) of `source`."""
    page = source.page_at(start)
    return Provenance(
        doc_id=source.doc_id,
        char_start=start,
        char_end=end,
        quote=source.text[start:end],
        rule=rule,
        page=page,
        ocr=any(p.ocr for p in source.pages if p.number == page),
    )


HYPOTHETICAL_RE = re.compile(
    r"\b(?:if the|assum(?:ed|ing)|hypothesi[sz]\w*|powered|power to|sample size|would|null|"
    r"was (?:predicted|anticipated|expected)|needed to detect|to detect an?|"
    r"considered (?:acceptable|successful|promising))\b",
    re.I,
)
#: a necessary condition for HYPOTHETICAL_RE: one of its literal starts in the folded sentence
_HYPOTHETICAL_GATE = LiteralGate.of_patterns([HYPOTHETICAL_RE.pattern], ignore_case=True)


def own_result_sentences(doc: Doc) -> list[tuple[str, int, int]]:
    """Sentences that may state this study's own results: (text, start, end).

    Skips references, front and back matter, figure legends, table rows and
    design statements ("if the completion rate was 50%"). Background is
    skipped too: a sentence citing other work, or following one in the same
    paragraph, counts only in the authors' own voice ("we", "our") — and a
    citing sentence only where it restates their own earlier report ("We have
    previously reported ...").
    """
    if doc._.litkg_own_sents is not None:
        return doc._.litkg_own_sents
    idx: SectionIndex | None = doc._.litkg_sections
    out: list[tuple[str, int, int]] = []
    para_start = -1
    own_voice = cited_before = False
    full = doc_text(doc)
    for text, start, end in sentences(doc):
        # (a sentence a page or column break cuts belongs to the paragraph it ends in,
        # where its citation marks stand)
        p_start = full.rfind("\n\n", 0, start + len(text.rstrip()))
        if p_start != para_start:
            para_start, own_voice, cited_before = p_start, False, False
        own_voice = own_voice or bool(FIRST_PERSON_RE.search(text))
        cited = cites_other_work(text)
        background = (cited or cited_before) and not own_voice
        if cited and own_voice:
            context = full[max(para_start, 0) : end]
            background = not OWN_EARLIER_RE.search(context)
        cited_before = cited_before or cited
        if background or (
            _HYPOTHETICAL_GATE.may_match(text, folded(text)) and HYPOTHETICAL_RE.search(text)
        ):
            continue
        if idx is not None and idx.kind_at(start) in SKIP_KINDS:
            continue
        out.append((text, start, end))
    doc._.litkg_own_sents = out
    return out


def sentences(doc: Doc) -> list[tuple[str, int, int]]:
    """The document's sentences as (text, start, end), computed once."""
    if doc._.litkg_sents is None:
        doc._.litkg_sents = [(s.text, s.start_char, s.end_char) for s in doc.sents]
    return doc._.litkg_sents


#: compiled patterns the `re` module keeps (its own default: 512)
REGEX_CACHE = 4096


def _widen_regex_cache() -> None:
    """Let the `re` module keep `REGEX_CACHE` compiled patterns. The components
    pass many patterns to `re.search` and friends as strings, and build a few
    hundred of their own per paper (arm names, abbreviations); with the default
    512, whose oldest entry goes first, the fixed patterns were pushed out by
    every paper's own and compiled again (~170 compilations on the 12 dev text
    papers). `_MAXCACHE` is read on every insertion (CPython 3.11-3.13)."""
    if getattr(re, "_MAXCACHE", REGEX_CACHE) < REGEX_CACHE:
        re._MAXCACHE = REGEX_CACHE  # type: ignore[attr-defined]


@cache
def build_nlp() -> Language:
    """The litkg pipeline: blank English + our components (cached)."""
    from litkg.extractor import abbreviations  # noqa: F401  (registers "litkg_abbreviations")
    from litkg.extractor.components import factories  # registers our factories

    _widen_regex_cache()

    # scispaCy's detector has a global matcher we give no patterns: not a problem
    warnings.filterwarnings("ignore", message=r".*\[W036\]")
    nlp = spacy.blank("en")
    # the same tokens, each distinct chunk of a paper tokenized once (tokens.py)
    nlp.tokenizer = ChunkTokenizer(nlp.tokenizer)
    from litkg.extractor.batch import max_chars

    # litkg refuses longer documents itself (batch.size_failure), with a clearer message
    limit = max_chars()
    nlp.max_length = max(5_000_000, limit + 1) if limit else 10**10
    nlp.add_pipe("litkg_sentences")
    nlp.add_pipe("litkg_abbreviations")
    nlp.add_pipe("litkg_sections")
    for name in factories.COMPONENTS:
        nlp.add_pipe(name)
    factories.import_component_modules()
    # the pipeline lives as long as the process: its objects (spaCy's vocab, the
    # compiled vocabularies) are moved out of the collector's reach, so that the
    # full collections documents trigger do not walk them again each time
    gc.freeze()
    return nlp


def process(document: Document) -> Doc:
    """Run the pipeline over a `Document`."""
    nlp = build_nlp()
    doc = nlp.make_doc(document.text)
    doc._.litkg_text = document.text
    doc._.litkg_document = document
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def extract_record(document: Document) -> StudyRecord:
    """Everything litkg extracts from one document, as a `StudyRecord`."""
    from litkg.extractor.components.factories import assemble_record

    return assemble_record(process(document))

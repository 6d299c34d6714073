"""The treatments a study assigns or compares, with dose, route, days and cycles.

Drug recognition is data-driven (`ontology/vocab/drugs.json`): generic names,
brand/code names and case-sensitive abbreviations from a lexicon, abbreviations
the paper defines itself ("posttransplant cyclophosphamide (PTCy)", "BU:
busulfan"), and INN suffixes (-mab, -tinib, -platin, ...) for unseen drugs.

Which drugs are *studied* (the rule):

1. editorials and reviews report no interventions of their own;
2. a drug named in the title, or in an aim sentence ("we aimed to...",
   "to evaluate the safety and efficacy of X", "randomised to receive X"), is
   studied;
3. a drug given a dose in a sentence about this study (an assignment cue such
   as "received", "administered", "arm", and no background cue such as
   conditioning, GVHD prophylaxis, premedication, prior therapy, "permitted")
   is studied too -- this is how combination partners and arms are found;
4. everything else (drugs in the introduction, in tables of patient
   characteristics, conditioning and prophylaxis every arm gets alike) is
   background. A trial *of* conditioning names the conditioning drugs in its
   title or aims, so rule 2 keeps them.

One entry per distinct (drug, dose, unit); a studied drug with no printed dose
gives one entry with `dose=None`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from litkg.extractor.components.dose_links import link_dose, radiation_total
from litkg.extractor.components.doses import Dose, find_cycles, find_days, find_route, parse_doses
from litkg.extractor.components.drug_names import (
    DrugMention,
    find_drugs,
    find_regimens,
    is_radiation,
    local_abbreviations,
    not_an_intervention,
    radiation_mentions,
)
from litkg.extractor.components.textutil import (
    OTHER,
    OWN,
    AnyOf,
    Sentence,
    compile_any,
    ensure_sentences,
    load_vocab,
    references_start,
    sentence_context,
)
from litkg.extractor.document import Document
from litkg.extractor.records import Intervention, Provenance
from litkg.extractor.sections import section_index

__all__ = [
    "DrugMention",
    "extract_interventions",
    "find_drugs",
    "local_abbreviations",
]


@cache
def _cues(key: str) -> AnyOf | None:
    """Whether a sentence holds one of the cues of drugs.json `key` (None: no cues)."""
    return AnyOf(load_vocab("drugs.json")[key]) or None


@cache
def _citation_cues() -> AnyOf | None:
    return AnyOf(load_vocab("designs.json")["citation_cues"], 0) or None


def _named_as_prior(title: str, d: DrugMention) -> bool:
    """A drug a title or aim names as prior therapy ("responders following first-line
    fluorouracil-based chemotherapy", "cetuximab-refractory")."""
    vocab = load_vocab("drugs.json")
    before = compile_any(tuple(vocab.get("prior_therapy_cues", [])))
    after = compile_any(tuple(vocab.get("prior_therapy_suffix", [])))
    head = title[max(0, d.start - 60) : d.start]
    return bool(
        (before is not None and before.search(head))
        or (after is not None and after.match(title[d.end : d.end + 40]))
    )


_TREATMENT_HEADING = re.compile(
    r"\b(?:treatments?|interventions?|regimens?|dosing|drug administration|study drugs?|"
    r"study medication|chemotherapy|procedures?|therapy|treatment plan|study design and treatment)\b",
    re.I,
)
_NOT_TREATMENT_HEADING = re.compile(
    r"\b(?:prior|previous|subsequent|salvage|supportive|concomitant|second-line|post-?study|"
    r"response|outcomes?|toxicit\w*|adverse|compliance|exposure|duration|modifications?|delays?|"
    r"reductions?|after|following|assessment|evaluation)\b",
    re.I,
)


def _heading_at(doc: Document, pos: int) -> str:
    heads = [h for h in doc.headings if h.char_start <= pos]
    return max(heads, key=lambda h: h.char_start).title if heads else ""


def _in_treatment_section(doc: Document, pos: int) -> bool:
    """Under a heading that introduces the study treatment ("Treatment plan",
    "Study drugs"): its dose statements are the assigned regimen."""
    title = _heading_at(doc, pos)
    return bool(_TREATMENT_HEADING.search(title)) and not _NOT_TREATMENT_HEADING.search(title)


_BACKGROUND_HEADING = re.compile(
    r"(?i)\b(?:prior|previous|subsequent|salvage|supportive|concomitant|post-?study)\b"
)


def _in_background_section(doc: Document, pos: int) -> bool:
    """Under a heading about treatment outside the study ("Prior therapy",
    "Subsequent treatment", "Supportive care", "Concomitant medication")."""
    return bool(_BACKGROUND_HEADING.search(_heading_at(doc, pos)))


def _paper_radiotherapy(text: str) -> str | None:
    """The one site-specific radiotherapy the paper names ("thoracic radiotherapy"),
    which a bare "radiotherapy" then means; None when it names none or several."""
    if not any(d.drug.endswith(" radiotherapy") for d in radiation_mentions(text)):
        return None  # no site-specific radiotherapy at all: the paper's drugs need no search
    names = {
        d.drug
        for d in find_drugs(text)
        if d.rule == "drug.radiation" and d.drug.endswith(" radiotherapy")
    }
    return names.pop() if len(names) == 1 else None


_RT_RANGE_TOTAL = re.compile(
    r"\btotal\s+(?:[\w\-]+\s+){0,2}?dose\s+(?:of\s+)?\d+(?:\.\d+)?\s*[-\u2013]\s*\d+(?:\.\d+)?\s*Gy\b"
)


#: the words of a sentence stating the paper's aim ("The aim of this study was")
_AIM_WORDS = re.compile(r"(?i)\b(?:aim|objective|purpose)s?\b")
#: the words of a sentence that may state a drug's route
_GIVEN_WORDS = re.compile(r"(?i)receiv|administ|given|infus|dose|dosing|orally|inject")
#: the words of a sentence that may state the planned cycles without a drug's name
_PLAN_WORDS = re.compile(r"(?i)\b(?:planned|intended|up to|maximum of)\b")


def extract_interventions(
    doc: Document,
    sentences: Iterable[Sentence] | Iterable[tuple[int, int]] | None = None,
    *,
    article_type: str | None = None,
    title: str | None = None,
) -> list[Intervention]:
    """The studied treatments of `doc` (see the module docstring for the rule).

    `sentences` are (text, start) pairs, or (start, end) spans into doc.text;
    without them a crude splitter is used. `article_type` and `title` default
    to what `litkg.extractor.components.study` finds.
    """
    from litkg.extractor.components import study as study_mod

    text = doc.text
    sents = ensure_sentences(text, sentences)
    if article_type is None:
        found = study_mod.classify_article_type(doc, sents)
        article_type = found.value if found else None
    if article_type in ("editorial", "review"):
        return []
    title_found = None
    if title is None:
        title_found = study_mod.find_title(doc)
        title = str(title_found.value) if title_found else ""
    ref_start = references_start(text, doc.headings)
    local = local_abbreviations(text[:ref_start])
    background = _cues("background_context")
    supportive = _cues("supportive_context")
    supportive_drugs = set(load_vocab("drugs.json").get("supportive_drugs", []))
    assign = _cues("assignment_cues")
    aim = _cues("aim_cues")
    sections = section_index(doc)
    cites = _citation_cues()

    studied: dict[str, str] = {}  # drug -> rule
    for d in find_drugs(title, local):
        if not _named_as_prior(title, d):
            studied.setdefault(d.drug, "studied.title")
    for _, drugs, start, end in find_regimens(title):
        if not _named_as_prior(title, DrugMention("", start, end, "", "")):
            for drug in drugs:
                studied.setdefault(drug, "studied.title-regimen")

    body = [(s, b) for s, b in sents if b < ref_start and "\t" not in s]
    front_end = max(4000, ref_start * 3 // 10)  # title block, abstract, introduction
    info = []
    previous = ""
    for s, b in body:
        ctx = sentence_context(s)
        # a regimen listed after "the protocol included the following:" is assigned too
        listed = previous.rstrip().endswith(":")
        previous = s
        if study_mod.in_narrative(sections, b) and (
            ctx != OWN or (cites is not None and cites.search(s))
        ):
            continue  # the introduction or discussion describing other trials
        drugs = find_drugs(s, local)
        if not drugs:
            continue
        is_bg = bool(background and background.search(s)) or _in_background_section(doc, b)
        info.append((s, b, ctx, drugs, is_bg, listed))
        early = b < front_end or _AIM_WORDS.search(s)
        if ctx == OWN and early and aim is not None and aim.search(s) and not is_bg:
            for d in drugs:
                if not _named_as_prior(s, d):
                    studied.setdefault(d.drug, "studied.aim")
            for _, names, _, _ in find_regimens(s):
                for drug in names:
                    studied.setdefault(drug, "studied.aim-regimen")

    # dose statements
    dosed: dict[str, list[tuple[Dose, str, int]]] = {}
    unlinked_rt: list[tuple[Dose | None, str, int]] = []
    for s, b, ctx, drugs, is_bg, listed in info:
        if ctx == OTHER:
            continue
        doses = [x for x in parse_doses(s) if not x.capped]
        assigned = listed or bool(assign and assign.search(s)) or _in_treatment_section(doc, b)
        if _RT_RANGE_TOTAL.search(s) and not is_bg:
            unlinked_rt.append((None, s, b))  # "to a total dose of 68-72 Gy": no single dose
        for dose in doses:
            d = link_dose(s, dose, drugs)
            if dose.unit.startswith("Gy"):
                if not radiation_total(s, dose, drugs):
                    continue  # a fraction, boost or field dose, not the course total
                if d is None:
                    if not is_bg:
                        unlinked_rt.append((dose, s, b))  # "66 Gy in 33 fractions" alone
                    continue
            if d is None:
                continue
            if d.drug not in studied:
                if is_bg or not assigned or d.drug in supportive_drugs:
                    continue
                studied[d.drug] = "studied.dose-statement"
            elif studied[d.drug] != "studied.title" and supportive and supportive.search(s):
                continue  # "dexamethasone 8 mg as premedication" of a regimen's drug
            dosed.setdefault(d.drug, []).append((dose, s, b))
    rts = [x for x in studied if is_radiation(x)]
    if len(rts) == 1:
        for dose, s, b in unlinked_rt:
            if dose is not None:
                dosed.setdefault(rts[0], []).append((dose, s, b))

    for drug in [x for x in studied if not_an_intervention(x)]:
        del studied[drug]
    # a bare "radiotherapy" is the paper's one site-specific radiotherapy; asked
    # only when a radiotherapy is studied (otherwise neither use below can
    # apply, and the search runs over the whole paper)
    site_rt = (
        _paper_radiotherapy(text[:ref_start])
        if any(x == "radiotherapy" or x.endswith(" radiotherapy") for x in studied)
        else None
    )
    if site_rt and "radiotherapy" in studied:
        studied.setdefault(site_rt, studied.pop("radiotherapy"))
        dosed.setdefault(site_rt, []).extend(dosed.pop("radiotherapy", []))
    if not studied:
        return []
    out: list[Intervention] = []
    plans: list[str] | None = None
    for drug, rule in studied.items():
        mention_sents = [
            (s, b)
            for s, b, ctx, drugs, is_bg, _ in info
            if ctx != OTHER
            and any(d.drug == drug or (drug == site_rt and d.drug == "radiotherapy") for d in drugs)
        ]
        route = days = None
        cycles = None
        for s, _ in mention_sents:
            if route is None and _GIVEN_WORDS.search(s):
                route = find_route(s)
            if days is None:
                days = find_days(s)
            if cycles is None:
                cycles = find_cycles(s)
        if cycles is None:
            for s, _ in mention_sents:
                cycles = find_cycles(s)
                if cycles:
                    break
        if cycles is None:
            # the plan may be stated without the drug's name ("all 4 intended cycles")
            if plans is None:  # the same sentences for every drug: found once
                plans = [s for s, _ in body if _PLAN_WORDS.search(s)]
            for s in plans:
                cycles = find_cycles(s)
                if cycles:
                    break
        entries = dosed.get(drug, [])
        if is_radiation(drug):
            route = None
        if not entries:
            s, b = mention_sents[0] if mention_sents else (title, 0)
            start = b if mention_sents else (title_found.start if title_found else 0)
            out.append(
                Intervention(
                    drug=drug,
                    unit="Gy" if is_radiation(drug) else None,
                    route=route,
                    days=days,
                    cycles=cycles,
                    provenance=_prov(doc, start, start + len(s), rule),
                )
            )
            continue
        keys = {(dose.value, dose.unit) for dose, _, _ in entries}
        seen: set[tuple[float, str]] = set()
        for dose, s, b in entries:
            key = (dose.value, dose.unit)
            if key in seen or (dose.value, f"{dose.unit}/day") in keys:
                continue  # "erlotinib (100 mg)" restated as "100 mg/day": one dose level
            seen.add(key)
            window = s[dose.start : dose.start + 160]
            out.append(
                Intervention(
                    drug=drug,
                    dose=dose.value,
                    unit=dose.unit,
                    route=None if is_radiation(drug) else (find_route(window) or route),
                    days=find_days(window) or days,
                    cycles=find_cycles(s) or cycles,
                    provenance=_prov(doc, b, b + len(s), f"{rule}+dose"),
                )
            )
    return out


def _prov(doc: Document, start: int, end: int, rule: str) -> Provenance:
    start = max(0, min(start, len(doc.text)))
    end = max(start, min(end, len(doc.text)))
    return Provenance(
        doc_id=doc.doc_id,
        char_start=start,
        char_end=end,
        quote=doc.text[start:end],
        rule=rule,
        page=doc.page_at(start),
    )

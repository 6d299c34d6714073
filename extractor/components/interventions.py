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
from dataclasses import dataclass
from functools import cache

from litkg.extractor.components.doses import Dose, find_cycles, find_days, find_route, parse_doses
from litkg.extractor.components.textutil import (
    OTHER,
    OWN,
    Sentence,
    compile_any,
    ensure_sentences,
    load_vocab,
    references_start,
    sentence_context,
)
from litkg.extractor.document import Document
from litkg.extractor.records import Intervention, Provenance

__all__ = [
    "DrugMention",
    "extract_interventions",
    "find_drugs",
    "local_abbreviations",
]


@dataclass(frozen=True)
class DrugMention:
    """A drug named in a string: canonical generic name and its span there."""

    drug: str
    start: int
    end: int
    text: str
    rule: str


@cache
def _lexicon() -> tuple[
    dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]
]:
    vocab = load_vocab("drugs.json")
    names: dict[str, str] = {}
    for generic, syns in vocab["drugs"].items():
        names[generic.lower()] = generic.lower()
        for s in syns:
            names.setdefault(s.lower(), generic.lower())
    alts = sorted(names, key=len, reverse=True)
    name_rx = re.compile(
        r"(?<![\w\-])(?:"
        + "|".join(re.escape(a).replace(r"\ ", r"[\s\-]+") for a in alts)
        + r")(?![\w])",
        re.IGNORECASE,
    )
    abbr = vocab["abbreviations"]
    abbr_rx = re.compile(
        r"(?<![\w\-])(?:"
        + "|".join(re.escape(a) for a in sorted(abbr, key=len, reverse=True))
        + r")(?![\w\-])"
    )
    suffix_rx = re.compile(
        r"(?<![\w\-])[A-Za-z][a-z]{2,}(?:" + "|".join(vocab["suffixes"]) + r")(?![\w\-])",
        re.IGNORECASE,
    )
    return names, name_rx, abbr_rx, suffix_rx, frozenset(w.lower() for w in vocab["not_drugs"])


def find_drugs(text: str, local: dict[str, str] | None = None) -> list[DrugMention]:
    """Drug mentions in `text`: lexicon names, abbreviations (lexicon and the
    paper's own `local` definitions), and INN-suffix words; overlaps resolved
    longest-first."""
    names, name_rx, abbr_rx, suffix_rx, not_drugs = _lexicon()
    abbr = load_vocab("drugs.json")["abbreviations"]
    found: list[DrugMention] = []
    for m in name_rx.finditer(text):
        key = re.sub(r"[\s\-]+", " ", m.group(0).lower())
        drug = names.get(key) or names.get(m.group(0).lower())
        if drug is None:
            # hyphen/space variants
            for k, v in names.items():
                if re.sub(r"[\s\-]+", " ", k) == key:
                    drug = v
                    break
        if drug:
            found.append(DrugMention(drug, m.start(), m.end(), m.group(0), "drug.lexicon"))
    for m in abbr_rx.finditer(text):
        found.append(
            DrugMention(abbr[m.group(0)], m.start(), m.end(), m.group(0), "drug.abbreviation")
        )
    if local:
        rx = re.compile(
            r"(?<![\w\-])(?:"
            + "|".join(re.escape(a) for a in sorted(local, key=len, reverse=True))
            + r")(?![\w\-])"
        )
        for m in rx.finditer(text):
            found.append(
                DrugMention(
                    local[m.group(0)], m.start(), m.end(), m.group(0), "drug.local-abbreviation"
                )
            )
    for m in suffix_rx.finditer(text):
        w = m.group(0)
        if len(w) < 7 or w.lower() in not_drugs or w.lower() in names:
            continue
        found.append(DrugMention(w.lower(), m.start(), m.end(), w, "drug.suffix"))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DrugMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def local_abbreviations(text: str) -> dict[str, str]:
    """Drug abbreviations the paper defines: "drug name (ABBR)" and glossary
    entries "ABBR: drug name" (table legends)."""
    out: dict[str, str] = {}
    for m in re.finditer(r"\(([A-Za-z][A-Za-z0-9\-]{1,9})\)", text):
        abbr = m.group(1)
        if not re.search(r"[A-Z]", abbr):
            continue
        before = text[max(0, m.start() - 60) : m.start()].rstrip()
        mentions = find_drugs(before)
        if (
            mentions
            and mentions[-1].end >= len(before) - 1
            and mentions[-1].rule != "drug.abbreviation"
        ):
            out.setdefault(abbr, mentions[-1].drug)
    for m in re.finditer(
        r"(?:^|[;,.]\s*)([A-Za-z][A-Za-z0-9\-]{1,9})\s*:\s*([a-z][a-z\- ]{3,50}?)(?=[;.,\n]|$)",
        text,
        re.M,
    ):
        abbr, long = m.group(1), m.group(2).strip()
        if not re.search(r"[A-Z]", abbr):
            continue
        mentions = find_drugs(long)
        if mentions and mentions[0].start == 0 and mentions[-1].end == len(long):
            out.setdefault(abbr, mentions[-1].drug)
    return out


def _cues(key: str) -> re.Pattern[str] | None:
    return compile_any(tuple(load_vocab("drugs.json")[key]))


def _link_dose(sentence: str, dose: Dose, drugs: list[DrugMention]) -> DrugMention | None:
    """The drug a dose belongs to: "X mg of DRUG", else the nearest drug before
    it (not across a ';'), else the nearest one just after."""
    if not drugs:
        return None
    rest = sentence[dose.end :]
    # skip brackets then "of DRUG"
    stripped = re.sub(r"^\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\]]*\])\s*", "", rest)
    offset = len(rest) - len(stripped)
    m = re.match(r"\s*of\s+(?:\w+\s+){0,3}?", stripped)
    if m:
        at = dose.end + offset + m.end()
        for d in drugs:
            if d.start == at:
                return d
    if len(drugs) == 1:
        return drugs[0]
    # "8 mg moxidectin or 150 ug/kg ivermectin": a drug right after the dose
    for d in drugs:
        gap = sentence[dose.end : d.start]
        if d.start >= dose.end and re.fullmatch(r"\s*(?:of\s+)?", gap):
            return d
    before = [d for d in drugs if d.end <= dose.start and ";" not in sentence[d.end : dose.start]]
    if before:
        return before[-1]
    after = [d for d in drugs if d.start >= dose.end and d.start - dose.end <= 80]
    return after[0] if after else None


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
    assign = _cues("assignment_cues")
    aim = _cues("aim_cues")

    studied: dict[str, str] = {}  # drug -> rule
    for d in find_drugs(title, local):
        studied.setdefault(d.drug, "studied.title")

    body = [(s, b) for s, b in sents if b < ref_start and "\t" not in s]
    front_end = max(4000, ref_start * 3 // 10)  # title block, abstract, introduction
    info = []
    for s, b in body:
        ctx = sentence_context(s)
        drugs = find_drugs(s, local)
        if not drugs:
            continue
        is_bg = bool(background and background.search(s))
        info.append((s, b, ctx, drugs, is_bg))
        early = b < front_end or re.search(r"(?i)\b(?:aim|objective|purpose)s?\b", s)
        if ctx == OWN and early and aim is not None and aim.search(s) and not is_bg:
            for d in drugs:
                studied.setdefault(d.drug, "studied.aim")

    # dose statements
    dosed: dict[str, list[tuple[Dose, str, int]]] = {}
    for s, b, ctx, drugs, is_bg in info:
        if ctx == OTHER:
            continue
        doses = [x for x in parse_doses(s) if not x.capped]
        if not doses:
            continue
        for dose in doses:
            d = _link_dose(s, dose, drugs)
            if d is None:
                continue
            if d.drug not in studied:
                if is_bg or not (assign and assign.search(s)):
                    continue
                studied[d.drug] = "studied.dose-statement"
            dosed.setdefault(d.drug, []).append((dose, s, b))

    if not studied:
        return []
    out: list[Intervention] = []
    for drug, rule in studied.items():
        mention_sents = [
            (s, b)
            for s, b, ctx, drugs, is_bg in info
            if ctx != OTHER and any(d.drug == drug for d in drugs)
        ]
        route = days = None
        cycles = None
        for s, _ in mention_sents:
            if route is None and re.search(
                r"(?i)receiv|administ|given|infus|dose|dosing|orally|inject", s
            ):
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
            for s, _ in body:
                if re.search(r"(?i)\b(?:planned|intended|up to|maximum of)\b", s):
                    cycles = find_cycles(s)
                    if cycles:
                        break
        entries = dosed.get(drug, [])
        if not entries:
            s, b = mention_sents[0] if mention_sents else (title, 0)
            start = b if mention_sents else (title_found.start if title_found else 0)
            out.append(
                Intervention(
                    drug=drug,
                    route=route,
                    days=days,
                    cycles=cycles,
                    provenance=_prov(doc, start, start + len(s), rule),
                )
            )
            continue
        seen: set[tuple[float, str]] = set()
        for dose, s, b in entries:
            key = (dose.value, dose.unit)
            if key in seen:
                continue
            seen.add(key)
            window = s[dose.start : dose.start + 160]
            out.append(
                Intervention(
                    drug=drug,
                    dose=dose.value,
                    unit=dose.unit,
                    route=find_route(window) or route,
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

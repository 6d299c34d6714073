"""Drug and radiotherapy names in a string, as canonical generic names.

Data-driven (`ontology/vocab/drugs.json`): generic names with brand, code and
synonym names (case-insensitive), case-sensitive abbreviations, abbreviations
the paper defines itself ("bevacizumab (Bev)", "BU: busulfan"), INN stems
(-mab, -tinib, -platin, ...) so that drugs the lexicon lacks are still found,
named regimens ("FOLFIRI", "ESHAP") and radiotherapy ("whole-brain
radiotherapy" -> "whole brain radiotherapy"; a bare "radiotherapy" or
"chemoradiotherapy" -> "radiotherapy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from litkg.extractor.components.alternation import (
    AlternationScanner,
    Alternative,
    LiteralGate,
    folded,
)
from litkg.extractor.components.textutil import load_vocab

__all__ = [
    "DrugMention",
    "find_drugs",
    "find_regimens",
    "is_radiation",
    "local_abbreviations",
    "not_an_intervention",
    "radiation_mentions",
]


@dataclass(frozen=True)
class DrugMention:
    """A drug named in a string: canonical generic name and its span there."""

    drug: str
    start: int
    end: int
    text: str
    rule: str


def is_radiation(drug: str) -> bool:
    """A radiotherapy (dosed in Gy), not a drug."""
    return drug.endswith(("radiotherapy", "irradiation"))


def not_an_intervention(drug: str) -> bool:
    """Names that are never listed as an intervention (placebo)."""
    return drug in load_vocab("drugs.json").get("not_interventions", [])


def _pattern(alt: str) -> str:
    """A lexicon name as a pattern: its spaces match runs of space or hyphens."""
    return re.escape(alt).replace(r"\ ", r"[\s\-]+")


def _stem_words(suffixes: list[str]) -> str:
    r"""The pattern of a word made of a stem (three letters or more) and one of
    `suffixes`: ``[A-Za-z][a-z]{2,}(?:mab|nib|...)``. Plain-letter suffixes are
    asked once at the word's end, by one lookbehind per suffix length, instead
    of at every letter the greedy stem gives back (the same matches: the
    pattern ends where the letters do, as the ``(?![\w\-])`` after it needs)."""
    if not suffixes or not all(re.fullmatch(r"[a-z]+", x) for x in suffixes):
        return r"[A-Za-z][a-z]{2,}(?:" + "|".join(suffixes) + r")"
    by_len: dict[int, list[str]] = {}
    for x in suffixes:
        by_len.setdefault(len(x), []).append(x)
    ends = "|".join(r"(?<=[a-z]{3}(?:" + "|".join(xs) + "))" for _, xs in sorted(by_len.items()))
    return r"[A-Za-z][a-z]{2,}+(?:" + ends + ")"


@cache
def _lexicon() -> tuple[
    dict[str, str],
    AlternationScanner,
    re.Pattern[str],
    tuple[re.Pattern[str], LiteralGate],
    frozenset[str],
]:
    vocab = load_vocab("drugs.json")
    names: dict[str, str] = {}
    for generic, syns in vocab["drugs"].items():
        names[generic.lower()] = generic.lower()
        for s in syns:
            names.setdefault(s.lower(), generic.lower())
    name_rx = AlternationScanner(
        [Alternative(_pattern(a), a[0], True) for a in sorted(names, key=len, reverse=True)],
        not_before=r"\w\-",
        tail=r"(?![\w])",
        flags=re.IGNORECASE,
    )
    abbr = vocab["abbreviations"]
    abbr_rx = re.compile(
        r"(?<![\w\-])(?:"
        + "|".join(re.escape(a) for a in sorted(abbr, key=len, reverse=True))
        + r")(?![\w\-])"
    )
    stems = [_stem_words(vocab["suffixes"])]
    stems += vocab.get("stem_patterns", [])
    suffix_rx = re.compile(
        r"(?<![\w\-])(?:" + "|".join(stems) + r")(?![\w\-])",
        re.IGNORECASE,
    )
    # a stem word holds one of the suffixes (or a stem pattern's literal start)
    suffix_gate = LiteralGate.of_patterns(
        [*vocab["suffixes"], *vocab.get("stem_patterns", [])], ignore_case=True
    )
    return (
        names,
        name_rx,
        abbr_rx,
        (suffix_rx, suffix_gate),
        frozenset(w.lower() for w in vocab["not_drugs"]),
    )


@cache
def _radiation() -> tuple[
    re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str], LiteralGate, LiteralGate
]:
    rt = load_vocab("drugs.json")["radiotherapy"]
    sites = rt["sites"]
    site_alt = "|".join(f"(?P<s{i}>{p})" for i, p in enumerate(sites))
    rx = re.compile(
        r"(?<![\w\-])(?:(?:" + site_alt + r")\s+)?(?:" + "|".join(rt["words"]) + r")(?![\w\-])",
        re.IGNORECASE,
    )
    canon = {f"s{i}": name for i, name in enumerate(sites.values())}
    sep = rt["separate"]
    sep_alt = "|".join(f"(?P<x{i}>{p})" for i, p in enumerate(sep))
    sep_rx = re.compile(r"(?<![\w\-])(?:" + sep_alt + r")(?![\w\-])", re.IGNORECASE)
    sep_canon = {f"x{i}": name for i, name in enumerate(sep.values())}
    # every match holds one of the words (of the separate names: starts with one)
    gate = LiteralGate.of_patterns(rt["words"], ignore_case=True)
    sep_gate = LiteralGate.of_patterns(list(sep), ignore_case=True)
    return rx, canon, sep_rx, sep_canon, gate, sep_gate


def radiation_mentions(text: str) -> list[DrugMention]:
    """Radiotherapy named in `text`, before overlaps with drug names are resolved."""
    return list(_radiation_mentions(text))


@lru_cache(maxsize=16)
def _radiation_mentions(text: str) -> tuple[DrugMention, ...]:
    # memoised (a few texts): the interventions component asks about the whole
    # paper twice in a row (find_drugs asks again), and the pattern has no
    # literal start the engine could skip by
    rx, canon, sep_rx, sep_canon, gate, sep_gate = _radiation()
    out: list[DrugMention] = []
    low = folded(text)
    for m in sep_rx.finditer(text) if sep_gate.may_match(text, low) else ():
        key = next(k for k, v in m.groupdict().items() if v)
        out.append(DrugMention(sep_canon[key], m.start(), m.end(), m.group(0), "drug.radiation"))
    for m in rx.finditer(text) if gate.may_match(text, low) else ():
        site = next((canon[k] for k, v in m.groupdict().items() if v), None)
        name = f"{site} radiotherapy" if site else "radiotherapy"
        out.append(DrugMention(name, m.start(), m.end(), m.group(0), "drug.radiation"))
    return tuple(out)


@lru_cache(maxsize=64)
def _local_regex(abbreviations: frozenset[str]) -> re.Pattern[str]:
    """The paper's own drug abbreviations as one regex, the longer first (built
    once per paper, not once per sentence)."""
    return re.compile(
        r"(?<![\w\-])(?:"
        + "|".join(re.escape(a) for a in sorted(abbreviations, key=lambda a: (-len(a), a)))
        + r")(?![\w\-])"
    )


def find_drugs(text: str, local: dict[str, str] | None = None) -> list[DrugMention]:
    """Drug mentions in `text`: lexicon names, abbreviations (lexicon and the
    paper's own `local` definitions), INN-stem words and radiotherapy; overlaps
    resolved longest-first."""
    names, name_rx, abbr_rx, (suffix_rx, suffix_gate), not_drugs = _lexicon()
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
        for m in _local_regex(frozenset(local)).finditer(text):
            found.append(
                DrugMention(
                    local[m.group(0)], m.start(), m.end(), m.group(0), "drug.local-abbreviation"
                )
            )
    stems = suffix_rx.finditer(text) if suffix_gate.may_match(text, folded(text)) else ()
    for m in stems:
        w = m.group(0)
        if len(w) < 7 or w.lower() in not_drugs or w.lower() in names:
            continue
        found.append(DrugMention(w.lower(), m.start(), m.end(), w, "drug.suffix"))
    found += radiation_mentions(text)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DrugMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def find_regimens(text: str) -> list[tuple[str, list[str], int, int]]:
    """Named regimens in `text` ("XELIRI", "R-CHOP"): (name, drugs, start, end)."""
    regimens: dict[str, list[str]] = load_vocab("drugs.json").get("regimens", {})
    if not regimens:
        return []
    rx = re.compile(
        r"(?<![\w\-])("
        + "|".join(re.escape(r) for r in sorted(regimens, key=len, reverse=True))
        + r")(?![\w])"
    )
    return [(m.group(1), regimens[m.group(1)], m.start(), m.end()) for m in rx.finditer(text)]


def _combination_before(head: str, n_mentions: int) -> bool:
    """ "docetaxel and epirubicin (TE)", "TE+lobaplatin (TEL)": the abbreviation names
    a combination, not the last drug."""
    joined = re.search(r"(?:[+/]|\band\b|\bplus\b|\bwith\b|,)\s*$", head)
    if not joined:
        return False
    return n_mentions >= 2 or bool(re.search(r"\b[A-Z][A-Za-z0-9]{0,5}\s*[+/]\s*$", head))


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
            and not _combination_before(before[: mentions[-1].start], len(mentions))
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

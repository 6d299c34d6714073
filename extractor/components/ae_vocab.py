"""The adverse-event vocabulary (`ontology/vocab/adverse_events.json`), compiled.

The vocabulary is data: canonical terms with synonyms, case-sensitive
abbreviations and laboratory analytes, plus the cue lists (negation, hedging,
fatality, ...) the sentence rules use. This module loads it once and turns it
into regular expressions; it holds no vocabulary of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from litkg.extractor.components.alternation import AlternationScanner, Alternative

# Characters that separate the words of a term: space or any hyphen/dash.
SEP = r"[\s\-\u2010\u2011\u2012\u2013\u2014]"

KIND_EVENT = "event"
KIND_GENERIC = "generic"
KIND_CATEGORY = "category"
KIND_BLOCKED = "blocked"

_INCREASE_AFTER = ("increased", "increase", "increases", "elevation", "elevations", "elevated")
_INCREASE_BEFORE = (
    "increased",
    "elevated",
    "raised",
    "high",
    "increase in",
    "elevation of",
    "elevation in",
)
_DECREASE_AFTER = ("decreased", "decrease", "decreases", "reduction", "reduced")
_DECREASE_BEFORE = ("decreased", "reduced", "low", "reduction in", "decrease in")


@dataclass(frozen=True)
class VocabEntry:
    """What one surface form means: its canonical term (None unless an event) and kind."""

    term: str | None
    kind: str
    category: str | None = None


@dataclass(frozen=True)
class CompiledVocab:
    """The vocabulary as regular expressions and lookup tables."""

    version: str
    #: every surface form: `scanner.finditer` finds its matches fast (alternation.py)
    scanner: AlternationScanner
    synonyms: dict[str, VocabEntry]
    abbreviations: dict[str, VocabEntry]
    cues: dict[str, re.Pattern[str]]
    cue_lists: dict[str, tuple[str, ...]]
    terms: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        """All surface forms as one regex (compiled when first used)."""
        return self.scanner.pattern


def key(text: str) -> str:
    """Lookup key of a surface form: lower case, hyphens and runs of space as one space."""
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'"))
    return re.sub(SEP + "+", " ", text.lower()).strip()


def _plural_keys(k: str) -> list[str]:
    out = [k]
    if k.endswith("ies"):
        out.append(k[:-3] + "y")
    if k.endswith("es"):
        out.append(k[:-2])
    if k.endswith("s"):
        out.append(k[:-1])
    return out


def _first_word(surface: str) -> str:
    return next(w for w in re.split(SEP + "+", surface.strip()) if w)


def _surface_regex(surface: str) -> str:
    """A regex for one surface form: separators interchangeable, plural suffix optional."""
    words = [w for w in re.split(SEP + "+", surface.strip()) if w]
    parts = [re.escape(w) for w in words]
    last = words[-1]
    if re.search(r"[a-z]$", last, re.I):
        if last.endswith("y") and not last.endswith(("ay", "ey", "oy")):
            parts[-1] = re.escape(last[:-1]) + "(?:y|ies)"
        elif not last.endswith("s"):
            parts[-1] = parts[-1] + "(?:e?s)?"
    joined = parts[0]
    for w, p in zip(words[1:], parts[1:], strict=True):
        del w
        joined += SEP + "+" + p
    return joined


def _lab_forms(lab: dict[str, Any]) -> list[str]:
    after, before = (
        (_INCREASE_AFTER, _INCREASE_BEFORE)
        if lab.get("direction") == "increased"
        else (_DECREASE_AFTER, _DECREASE_BEFORE)
    )
    forms = []
    for analyte in lab.get("analytes", []):
        forms += [f"{analyte} {a}" for a in after]
        forms += [f"{b} {analyte}" for b in before]
        forms += [f"{b} {analyte} level" for b in before if " " not in b]  # "elevated ALT level(s)"
    return forms


def cue_regex(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex for cue phrases; a trailing `*` matches a word ending."""
    alts = []
    for p in sorted(phrases, key=len, reverse=True):
        star = p.endswith("*")
        body = re.escape(p.rstrip("*")).replace(r"\ ", r"\s+")
        alts.append(body + (r"[\w-]*" if star else r"(?![\w])"))
    if not alts:
        return re.compile(r"(?!x)x")
    # one lookbehind before the alternation, not one per alternative: the same
    # matches, and the engine skips the alternatives whose first letter differs
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + ")", re.I)


def _load_json() -> dict[str, Any]:
    resource = files("litkg.ontology") / "vocab" / "adverse_events.json"
    return json.loads(resource.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_vocab() -> CompiledVocab:
    """Load and compile the vocabulary (cached)."""
    data = _load_json()
    synonyms: dict[str, VocabEntry] = {}
    abbreviations: dict[str, VocabEntry] = {}
    surfaces: list[tuple[str, bool]] = []  # (surface, case_sensitive)

    def add(entry: VocabEntry, syns: list[str], abbrs: list[str]) -> None:
        for s in syns:
            synonyms.setdefault(key(s), entry)
            surfaces.append((s, False))
        for a in abbrs:
            abbreviations.setdefault(a, entry)
            surfaces.append((a, True))

    terms = []
    for t in data["terms"]:
        entry = VocabEntry(t["term"], KIND_EVENT, t.get("category"))
        terms.append(t["term"])
        syns = [t["term"], *t.get("synonyms", [])]
        if t.get("lab"):
            syns += _lab_forms(t["lab"])
        add(entry, syns, t.get("abbreviations", []))
    g = data["generic"]
    add(VocabEntry(g["term"], KIND_GENERIC), g["synonyms"], g["abbreviations"])
    terms.append(g["term"])
    for name, kind in (("categories", KIND_CATEGORY), ("blocked", KIND_BLOCKED)):
        block = data.get(name, {})
        add(VocabEntry(None, kind), block.get("synonyms", []), block.get("abbreviations", []))

    alts: list[Alternative] = []
    seen = set()
    for surface, cs in sorted(surfaces, key=lambda x: len(x[0]), reverse=True):
        rx = re.escape(surface) + "s?" if cs else _surface_regex(surface)
        if (rx, cs) in seen:
            continue
        seen.add((rx, cs))
        first = surface[0] if cs else _first_word(surface)[0]
        alts.append(Alternative(rx, first, not cs, inline_ci=not cs))
    scanner = AlternationScanner(alts, not_before=r"\w\-/", tail=r"(?![\w\-/]|\+)")
    cue_lists = {k: tuple(v) for k, v in data["cues"].items() if isinstance(v, list)}
    cues = {k: cue_regex(v) for k, v in cue_lists.items()}
    return CompiledVocab(
        version=data["version"],
        scanner=scanner,
        synonyms=synonyms,
        abbreviations=abbreviations,
        cues=cues,
        cue_lists=cue_lists,
        terms=tuple(terms),
    )


def lookup(surface: str) -> VocabEntry | None:
    """The vocabulary entry for a matched surface form (plural forms allowed), or None."""
    v = load_vocab()
    s = surface.strip()
    for cand in (s, s[:-1] if s.endswith("s") else s):
        if cand in v.abbreviations:
            return v.abbreviations[cand]
    for k in _plural_keys(key(s)):
        if k in v.synonyms:
            return v.synonyms[k]
    return None


@lru_cache(maxsize=1)
def _implied_grades() -> dict[str, str]:
    return {t["term"]: t["grade"] for t in _load_json()["terms"] if t.get("grade")}


def implied_grade(term: str | None) -> str | None:
    """The grade a term implies by definition ("death neonatal" is grade 5), or None."""
    return _implied_grades().get(term or "")


def canonical_term(text: str) -> str | None:
    """The canonical adverse-event term `text` names (the whole of it), or None.

    Accepts synonyms, abbreviations, plural forms and laboratory phrasings
    ("ALT elevation" -> "transaminase increased"); ignores surrounding
    white space, footnote marks and a trailing ", n (%)". Classes
    ("non-hematologic toxicities") and blocked phrases give None.
    """
    t = re.sub(r"[\s*†‡§¶#]+$|^[\s*†‡§¶#]+", "", text or "")
    t = re.sub(r"(?i)(?:,\s*|\s+)\(?\s*(?:n\s*\(%\)|%|n)\s*\)?\s*$", "", t)
    t = re.sub(r"\s*(?:\^\{?[a-z0-9,]+\}?|[\u00b9\u00b2\u00b3\u2070-\u2079\u1d43-\u1d5b]+)$", "", t)
    t = t.strip(" :;.,")
    if not t:
        return None
    v = load_vocab()
    m = v.scanner.fullmatch(t)
    if not m:
        return None
    entry = lookup(t)
    if entry is None or entry.kind not in (KIND_EVENT, KIND_GENERIC):
        return None
    return entry.term

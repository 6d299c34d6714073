"""Words of prompts and evidence: tokens, a light stemmer, and the
abbreviations a paper defines ("low-molecular-weight heparin (LMWH)")."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d+(?:\.\d+)?")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "and",
        "or",
        "vs",
        "versus",
        "v",
        "than",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "there",
        "which",
        "who",
        "whom",
        "whose",
        "into",
        "over",
        "under",
        "after",
        "before",
        "during",
        "between",
        "among",
        "per",
        "each",
        "all",
        "any",
        "both",
        "no",
        "not",
        "nor",
        "group",
        "groups",
        "arm",
        "arms",
        "patients",
        "patient",
        "subjects",
        "participants",
        "people",
        "children",
        "women",
        "men",
        "treated",
        "treatment",
        "receiving",
        "received",
        "who",
        "had",
        "has",
        "have",
        "level",
        "levels",
        "rate",
        "rates",
        "total",
        "mean",
        "median",
        "number",
        "score",
        "scores",
        "change",
        "changes",
        "baseline",
        "use",
        "using",
        "plus",
        "standard",
        "usual",
    ]
)

_SUFFIXES = (
    "ations",
    "ation",
    "ities",
    "ity",
    "ness",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ed",
    "es",
    "ly",
    "al",
    "s",
)


def stem(word: str) -> str:
    """A light suffix-stripping stem of a lower-cased word."""
    w = word.lower()
    if len(w) <= 4 or w.isdigit():
        return w
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    return w[:8]


def words(text: str) -> list[str]:
    """The word tokens of `text`, in order (hyphens and slashes split)."""
    return _WORD.findall(text)


# Words that say when, not what: time units, ordinals ("24th" splits into
# "24" and "th"), and the words of follow-up visits.
_TIMEPOINT_WORDS = (
    "s sec secs second seconds min mins minute minutes h hr hrs hour hours hourly "
    "d day days daily wk wks week weeks weekly mo mos month months monthly "
    "y yr yrs year years yearly st nd rd th first second third fourth fifth sixth "
    "seventh eighth ninth tenth twelfth end time times timepoint timepoints point "
    "points visit visits follow up followup postoperative postoperatively "
    "post pre preoperative preoperatively immediately later"
)
TIMEPOINT_STEMS = frozenset(stem(w) for w in _TIMEPOINT_WORDS.split())


def content_stems(text: str) -> list[str]:
    """Stems of the content words of `text` (stop words dropped), in order."""
    return [stem(w) for w in words(text) if w.lower() not in STOPWORDS and not w.isdigit()]


_DEF = re.compile(r"\(([A-Za-z][A-Za-z0-9\-]{1,9}s?)\)")


def abbreviations(text: str) -> dict[str, list[str]]:
    """Abbreviations defined in `text` ("long form (LF)"): LF (lower-cased,
    plural s dropped) -> stems of its long form.

    The long form is the run of words before the parenthesis whose initials
    spell the abbreviation (Schwartz & Hearst's idea, simplified)."""
    out: dict[str, list[str]] = {}
    for m in _DEF.finditer(text):
        abbr = m.group(1)
        letters = [c.lower() for c in abbr if c.isalpha()]
        if abbr.endswith("s") and len(letters) > 2 and abbr[:-1].isupper():
            letters = letters[:-1]
        if len(letters) < 2 or abbr.islower():
            continue
        before = words(text[max(0, m.start() - 150) : m.start()])
        if not before:
            continue
        # walk back until the initials cover the abbreviation's first letter
        for k in range(1, min(len(before), len(letters) + 4) + 1):
            cand = before[-k:]
            if cand[0][0].lower() == letters[0] and _covers(letters, " ".join(cand).lower()):
                key = abbr.lower().rstrip("s") if abbr.endswith("s") else abbr.lower()
                out.setdefault(key, [stem(w) for w in cand if w.lower() not in STOPWORDS])
                break
    return out


def _covers(letters: list[str], long: str) -> bool:
    """Do the abbreviation's letters occur in order in the long form, the
    first at a word start?"""
    pos = 0
    for i, c in enumerate(letters):
        j = long.find(c, pos)
        if j < 0 or (i == 0 and j != 0):
            return False
        pos = j + 1
    return True


def expand(stems: list[str], abbrs: dict[str, list[str]]) -> set[str]:
    """`stems` plus the long-form stems of any abbreviation among them, and
    the abbreviation of any long form they contain."""
    out = set(stems)
    for s in stems:
        if s in abbrs:
            out.update(abbrs[s])
    for abbr, long in abbrs.items():
        if long and all(w in out for w in long):
            out.add(abbr)
    return out

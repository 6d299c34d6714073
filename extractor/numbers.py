"""Parsing numbers as papers print them: digits, number words, p-values, CIs."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

_WORD_UNITS = "|".join(k for k in _UNITS if k not in ("no", "a"))
_WORD_TENS = "|".join(_TENS)
NUMBER_WORDS = (
    rf"(?:(?:{_WORD_TENS})(?:[- ](?:{_WORD_UNITS}))?|(?:{_WORD_UNITS})|one hundred|hundred)"
)
NUMBER_WORDS_RE = re.compile(rf"\b{NUMBER_WORDS}\b", re.I)

DASH = r"(?:-|–|—|‑|−)"
NUM = r"\d+(?:[.·]\d+)?"
_MINUS = "−"


def words_to_int(text: str) -> int | None:
    """'Forty-five' -> 45, 'three' -> 3, '12' -> 12; None when not a number."""
    t = text.strip().lower().replace("‐", "-")
    if re.fullmatch(r"\d+", t):
        return int(t)
    if t in ("one hundred", "hundred"):
        return 100
    parts = re.split(r"[- ]", t)
    total = 0
    for p in parts:
        if p in _TENS:
            total += _TENS[p]
        elif p in _UNITS and p not in ("no", "a"):
            total += _UNITS[p]
        else:
            return None
    return total


def to_float(text: str) -> float | None:
    """A printed number as float ('0·52' and '−1.2' included), or None."""
    t = text.strip().replace("·", ".").replace(_MINUS, "-").replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


P_VALUE_RE = re.compile(
    r"(?<![A-Za-z])(?:p|P)(?:[- ]?value)?\s*(?:[:=]|<=|>=|≤|≥|<|>|=)\s*(?:=\s*)?"
    r"(0?[.·]\d+|1(?:[.·]0+)?|0)(?![\d.·])(?:\s*[x×]\s*10\s*[-−–](\d+))?"
)


def parse_p_value(text: str) -> float | None:
    """The first p-value printed in `text` ('p<0.0001' -> 0.0001, 'P = .003')."""
    m = P_VALUE_RE.search(text)
    if not m:
        return None
    v = to_float(m.group(1))
    if v is None:
        return None
    if m.group(2):
        v = v * 10 ** (-int(m.group(2)))
    return v if 0 <= v <= 1 else None


CI_RE = re.compile(
    rf"95\s?%\s*(?:CI|C\.I\.|confidence intervals?(?:\s*[\[(]CI[\])])?|CrI)\s*[:=,]?\s*[\[(]?\s*"
    rf"((?:{_MINUS}|-)?{NUM})\s*%?\s*(?:{DASH}|to|,|;)\s*((?:{_MINUS}|-)?{NUM})\s*%?",
    re.I,
)


def parse_ci(text: str) -> tuple[float, float] | None:
    """The first 95% confidence interval printed in `text`, as (low, high)."""
    m = CI_RE.search(text)
    if not m:
        return None
    lo, hi = to_float(m.group(1)), to_float(m.group(2))
    if lo is None or hi is None or lo > hi:
        return None
    return lo, hi

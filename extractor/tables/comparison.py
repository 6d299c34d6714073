"""Columns comparing groups or time points: what a column of odds ratios,
hazard ratios, risk ratios or differences holds, read from its header words
whatever the house style ("Odds ratio* (95% CI) with basic adjustment",
"Mean difference (drug − placebo) (95% CI)", "Six weeks – baseline (95%CI)",
"Relative change (95% CI)", "aOR"), and the comparison one of its cells gives.
"""

from __future__ import annotations

import re

from .labels import clean
from .values import Value


def _abbr(letters: str) -> str:
    """An abbreviation in capitals standing as a label's word before its interval or at
    its end ("aOR (95% CI)", "Adjusted HR"), not a group's name ("HR group", "(HR)")."""
    return rf"(?:^|(?<=\s))(?:{letters})s?(?=\s*(?:$|[(\[,]|95))"


# Statistic -> header words naming it; abbreviations only in capitals ("OR", not "or").
_COMPARISONS: list[tuple[str, re.Pattern[str]]] = [
    ("or", re.compile(r"(?i:\bodds[- ]ratios?\b)|" + _abbr("a?OR"))),
    ("hr", re.compile(r"(?i:\bhazard[- ]ratios?\b)|" + _abbr("a?HR"))),
    (
        "rr",
        re.compile(
            r"(?i:\b(?:relative risks?|risk[- ]ratios?|rate[- ]ratios?)\b)|" + _abbr("a?RR|IRR")
        ),
    ),
    (
        "difference",
        re.compile(
            r"(?i:\b(?:differences?|diff\.?|changes?|minus|delta)(?!\w))|[Δ∆]\s*(?:$|[(\[])"
            r"|(?i:\bpost\s*[-–−]\s*pre\b)"  # "Delta (Post-Pre)", "Δ", "Post–Pre"
            r"|\s[-–−]\s*(?i:baseline|pre-?\w*|before)\b"  # "Six weeks – baseline"
        ),
    ),
]
_BY_STATISTIC = {
    "or": "or",
    "or (95% ci)": "or",
    "hr": "hr",
    "hr (95% ci)": "hr",
    "rr": "rr",
    "rr (95% ci)": "rr",
    "difference": "difference",
}
RATIOS = frozenset({"or", "hr", "rr"})
_MEAN_DIFFERENCE = re.compile(r"(?i)\bmean differences?\b")


def comparison_statistic(statistic: str | None, labels: tuple[str, ...]) -> str | None:
    """The comparison a column holds ("or", "hr", "rr", "difference"), from its
    statistic label or its header words; None for any other column."""
    if statistic in _BY_STATISTIC:
        return _BY_STATISTIC[statistic]
    text = " ".join(clean(x) for x in labels)
    for stat, rx in _COMPARISONS:
        if rx.search(text):
            return stat
    return None


def comparison_value(
    stat: str, val: Value, row_is_mean: bool, context: str
) -> tuple[str, float, tuple[float, float] | None] | None:
    """(statistic, value, ci) of one cell of a comparison column, or None.

    A ratio is positive and inside its interval; a row of means under a ratio
    column holds a mean difference when the table says it prints them ("Odds
    ratios and mean differences were adjusted..."), else nothing is read."""
    if val.kind == "text":
        m = re.match(r"\s*([-−–]?\d+(?:[.·]\d+)?)\s*[(\[]", val.text)
        if m is None:
            return None
        # "3.3 (03 6.3)": the estimate, with an interval misprinted: no CI rather than a wrong one
        val = Value(
            "number",
            val.text,
            value=float(m.group(1).replace("·", ".").replace("−", "-").replace("–", "-")),
        )
    if val.op is not None or val.value is None or val.kind not in ("estimate", "number"):
        return None
    if val.kind == "estimate" and val.disp is not None:
        return None  # "4.2 (1.1)": a mean with its spread, not a comparison
    ci = (val.low, val.high) if val.low is not None and val.high is not None else None
    if ci is not None and not (ci[0] <= val.value <= ci[1]):
        ci = None  # an interval that does not hold its estimate is not read as its CI
    if stat in RATIOS and row_is_mean:
        if not _MEAN_DIFFERENCE.search(context):
            return None
        stat = "difference"
    if stat in RATIOS and (val.value <= 0 or (ci is not None and ci[0] < 0)):
        return None
    return stat, val.value, ci

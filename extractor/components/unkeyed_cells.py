"""What a result table's cell holds outside the endpoint keys, read from the
most specific label that says it: the column's statistic label ("Mean (SD)"),
then the row's stub ("Pain score, mean ± SD", "Responders, n (%)"), then the
whole column header, then the section rows, then the caption and footnotes
("Values are mean (SD)"). Where a label names both ("mean (SD) or median
[IQR]") the cell's shape decides: a spread is a mean's SD, a low-high pair a
median's IQR. A number no label explains is left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from litkg.extractor.mentions import dispersion_kind
from litkg.extractor.records import Dispersion, Outcome
from litkg.extractor.tables import TableModel
from litkg.extractor.tables.model import Column, Row
from litkg.extractor.tables.values import Value

MEAN = re.compile(
    r"\b(?:means?|average)\b|±|\+/-|\b(?:SD|SEM?|s\.d\.|standard (?:deviation|error))\b", re.I
)
_MEDIAN = re.compile(r"\bmedians?\b|\bIQR\b|interquartile|\bQ1\b|\bquartiles?\b", re.I)
_PCT = re.compile(r"%|\bpercent\w*|\bproportions?\b|\brates?\b", re.I)
_PCT_UNIT = re.compile(r"%|\bpercent\w*|\bproportions?\b", re.I)
_COUNT = re.compile(r"\b(?:n|no\.?|number)\b\s*(?:[(\[]\s*%|$|,|of\b)", re.I)
_CI = re.compile(r"\b(?:95\s*%\s*)?(?:CIs?|confidence intervals?)\b", re.I)
# psychology's "M (SD)", "M ± SE": the letter M is a mean beside its spread
_LETTER_MEAN = r"(?-i:M)\s*(?:[(\[]\s*S\.?[DE]\.?M?\.?\s*[)\]]|(?:±|\+/-)\s*S[DE]M?)"
STAT_SUFFIX = re.compile(
    r"(?:[,;:]\s*|\s+)[(\[]?\s*(?:(?:mean|median|means|medians)\b(?:[^,;()\[\]]|[(\[][^()\[\]]*[)\]])*|"
    + _LETTER_MEAN
    + r"|"
    r"n\s*[(\[]\s*%\s*[)\]]|"
    r"no\.?\s*[(\[]\s*%\s*[)\]]|%|n|n\s*/\s*n)\s*[)\]]?\s*$",
    re.I,
)


_STUB_STAT = re.compile(
    r"[(\[]\s*(?:mean|median|n|no\.|%)\b[^()\[\]]*[)\]]|(?:^|[,;:]\s*)(?:mean|median)\b.*$|"
    r"[,;:]\s*(?:n\s*[(\[]\s*%\s*[)\]]|%|n)\s*$|±|"
    rf"(?:[,;:]\s*|\s+)[(\[]?\s*{_LETTER_MEAN}\s*[)\]]?\s*$",
    re.I,
)


def stub_cue(stub: str) -> str:
    """What a stub says about its cells ("Pain, mean (SD)", "Responders, n (%)"),
    not its name: "SD" alone is stable disease, not a standard deviation."""
    m = _STUB_STAT.search(stub)
    return m.group(0) if m else ""


def cues(model: TableModel, row: Row, col: Column) -> list[str]:
    """The labels that may say what the cell holds, most specific first."""
    return [
        col.statistic or "",
        stub_cue(row.stub),
        " ".join(col.labels),
        " ".join(row.sections),
        model.context,
    ]


# "%" and "percent" that do not make the values percentages: a confidence
# level ("95% CI"), percentiles ("25th, 75th percentile")
_NOT_PCT = re.compile(
    r"\b\d{2}(?:[.·]\d)?\s*%\s*(?=(?:CI|CrI|confidence|credib\w*|uncertainty)\b)|\bpercentiles?\b",
    re.I,
)
# a change or difference printed in % ("% change", "Change, %", "relative
# difference (%)"): a change, never a share of the patients
_PCT_CHANGE = re.compile(
    r"(?:%|\bper\s?cent(?:age)?)\s*(?:of\s+)?(?:change|difference|reduction|decrease|increase|"
    r"improvement|decline|rise|gain|loss)\b|"
    r"\b(?:change|difference|reduction|decrease|increase|improvement|decline)s?\b"
    r"(?:\s+(?:from|vs\.?|versus)\s+\w+)?\s*[(\[,:]?\s*(?:%|per\s?cent)",
    re.I,
)


# a measure's unit closing its name ("Heart rate (beats/min)", "Blood loss, ml", "(mmHg)")
MEASURE_UNIT = re.compile(
    r"(?i)(?:[(\[]\s*|,\s*)(?:[^()\[\]%,]*?\S[/·]\S[^()\[\]%,]*|[^()\[\]%,]*\bper\s+\w+|"
    r"mm\s?hg|bpm|beats|min(?:utes?)?|h|hours?|hrs?|s|secs?|seconds?|days?|weeks?|months?|years?|"
    r"kg|g|mg|[µμu]g|ng|pg|cm|mm|m|ml|dl|l|kcal|kj|ms|iu|u|mmol|[µμu]mol|cm2|cm²|m2|m²|"
    r"points?|°c)\s*[)\]]?\s*$"
)
# the count printed before a share is its denominator ("eligible (pass rate)")
_DENOMINATOR = re.compile(
    r"(?i)\b(?:eligible|evaluable|assessed|analy[sz]ed|at risk|respondents)\b"
)


_FRACTION = re.compile(r"(?i)\b(?:proportions?|fractions?)\b")


def like_row(val: Value, row: list[Value]) -> Value:
    """A cell read in the shape its row prints: "76 (17.4)" beside "82.17 (9.75)"
    and "101.04 (40.89)" is a mean (SD) whose mean happens to be whole, not 76
    patients (17.4%), since the row's other values are no counts."""
    if val.kind != "count" or val.percent is None or val.total is not None or "%" in val.text:
        return val
    if not any(
        v.kind == "estimate" and v.disp is not None and not re.search(r"%|±|\+/-", v.text)
        for v in row
    ):
        return val
    return replace(val, kind="estimate", value=float(val.n or 0), disp=val.percent, n=None,
                   percent=None)  # fmt: skip


def _is_pct_unit(text: str) -> bool:
    return bool(_PCT_UNIT.search(_NOT_PCT.sub(" ", text)))


def _is_share(pct: float | None, *bounds: float | None) -> bool:
    """Can these numbers be a share of the patients, in %? A negative number
    or one above 100 is a change or another quantity printed in %."""
    return pct is not None and all(b is None or 0 <= b <= 100 for b in (pct, *bounds))


def _decide(texts: list[str], val: Value) -> tuple[str | None, str]:
    """(statistic, the label that decided) from the first label naming one."""
    for text in texts:
        mean, median = bool(MEAN.search(text)), bool(_MEDIAN.search(text))
        bare = _NOT_PCT.sub(" ", text)  # "mean with 95 % CI" names no percentage
        pct = bool(_PCT.search(bare) or _COUNT.search(bare))
        if mean and not median and not pct:
            return "mean", text
        if median and not mean and not pct:
            return "median", text
        if pct and not mean and not median:
            return "rate", text
        if mean or median or pct:
            # several named: the cell's shape decides
            if val.kind == "estimate" and val.disp is not None and mean:
                return "mean", text
            if val.kind == "estimate" and val.low is not None and median:
                return "median", text
            if val.kind in ("count", "percent") and pct:
                return "rate", text
            return None, text
    return None, ""


# "range" naming a spread, not the outcome "range of motion" / "range of movement"
_RANGE = re.compile(r"\brange\b(?!\s+of\s+(?:active\s+|passive\s+)?(?:motion|movement))", re.I)


def _dispersion(val: Value, stat: str, label: str) -> Dispersion | None:
    if val.disp is not None:
        kind = dispersion_kind(label)
        if kind == "unknown" and (
            re.search(r"\b(?:IQR|interquartile)\b", label, re.I) or _RANGE.search(label)
        ):
            return None  # one number for an interquartile range: not a spread we can give
        return Dispersion(kind, val.disp)
    if val.low is None or val.high is None:
        return None
    if re.search(r"\b(?:IQR|interquartile|Q1|quartiles?|25th\W{1,5}75th)\b", label, re.I):
        return Dispersion("iqr", (val.low, val.high))
    if _RANGE.search(label) or re.search(r"\bmin\w*\s*[-–,]\s*max", label, re.I):
        return Dispersion("range", (val.low, val.high))
    if _CI.search(label):
        return Dispersion("ci", (val.low, val.high))
    return None


def cell_outcome(val: Value, texts: list[str], name: str, p: float | None) -> Outcome | None:
    """One arm's result from one cell, or None when no label says what it is."""
    if val.op is not None or val.kind in ("absent", "nr", "text", "range"):
        return None
    stat, label = _decide(texts, val)
    change = any(_PCT_CHANGE.search(t) for t in [name, *texts[:3]])
    if val.kind == "count":
        if stat == "mean" and val.percent is not None and val.total is None and "%" not in val.text:
            # "45 (12)" under "mean (SD)": the parenthesis is the spread ("4/50 (8.0)"
            # is events of a total with its share, whatever the column says)
            disp = Dispersion(dispersion_kind(label), val.percent)
            return Outcome(None, "mean", float(val.n or 0), None, p=p, name=name, dispersion=disp)
        if val.percent is not None:
            if not _is_share(val.percent) or change:
                return None  # "1927 (133)": the parenthesis is no percentage; unsaid what it is
            if (
                "%" not in val.text
                and val.total is None
                and MEASURE_UNIT.search(name)
                and not any(_PCT.search(t) for t in texts[:3])
            ):
                return None  # "Heart rate (bpm) | 74 (14)": a measure's value, no share
            if any(_DENOMINATOR.search(t) for t in texts[:3]):
                # "eligible (pass rate)": the count is the share's denominator
                return Outcome(None, "rate", val.percent, "%", p=p, name=name, total=val.n)
            return Outcome(None, "rate", val.percent, "%", p=p, name=name, events=val.n,
                           total=val.total)  # fmt: skip
        if val.total is not None:
            return Outcome(None, "count", float(val.n or 0), None, p=p, name=name,
                           events=val.n, total=val.total)  # fmt: skip
        return None
    if val.kind == "percent":
        if not _is_share(val.value) or change:
            return None  # "150%", or under "% change": a change, not a share of the patients
        return Outcome(None, "rate", val.value, "%", p=p, name=name)
    if val.value is None:
        return None
    if stat == "rate" and val.kind == "estimate" and val.disp is not None and "±" in val.text:
        stat, label = "mean", " ".join(texts)  # "28.4 ± 6.1" on a "% body fat" row: a mean
    if stat == "rate":
        if change or not _is_share(val.value, val.low, val.high):
            return None  # "−9.2 (−10.6 to −7.6)" under "%": a change in %, not a rate
        if val.kind == "number" and val.n is not None and _COUNT.search(label):
            # a bare n: how many had it, or how many were in a category, unsaid; under
            # "n (%)" a bare integer is the count printed without its percentage
            return None
        if val.kind == "number" and not _is_pct_unit(label):
            return None  # "Incidence rate" over bare numbers: per person-time, not a percentage
        if val.kind == "estimate" and (
            val.disp is not None or not _is_pct_unit(label) or not _CI.search(" ".join(texts))
        ):
            return None  # "4.5 [3-11]" under "REM, %": a median of percentages, not a rate
        ci = (val.low, val.high) if val.low is not None and val.high is not None else None
        if _FRACTION.search(label) and not re.search(r"%|percent", label, re.I) and ci is None:
            if not 0 <= val.value <= 1:
                return None  # a proportion that is no fraction: unsaid what it is
            # "Proportion" over "0.19": a fraction of the patients, 19%
            return Outcome(None, "rate", round(val.value * 100, 6), "%", p=p, name=name)
        return Outcome(None, "rate", val.value, "%", p=p, name=name, ci=ci)
    if val.kind == "estimate" and val.disp is not None and "±" in val.text and stat != "mean":
        stat, label = "mean", " ".join(texts)  # "12.4 ± 3.1": a mean and its spread, never a median
    if stat not in ("mean", "median"):
        return None
    disp = _dispersion(val, stat, label + " " + " ".join(texts))
    if val.kind == "estimate" and disp is None:
        return None  # a pair nothing explains
    ci = disp.value if disp is not None and disp.kind == "ci" else None
    if ci is not None:
        disp = None
    return Outcome(None, stat, val.value, None, p=p, name=name, dispersion=disp,
                   ci=ci, n=val.analysed)  # fmt: skip

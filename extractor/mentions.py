"""One typed-mention pass over a sentence: the numbers a result is made of.

`sentence_mentions(sent)` finds, once, every piece a result statement is
built from: percentages, time values, ratios (HR, OR, RR), point estimates
with their dispersion ("X ± Y", "X (SD Y)"), counts (n/N, "n of N"),
confidence intervals, p-values, timepoints and arm cues ("in the placebo
group", "(arm B)"). Vocabulary terms (endpoints, adverse events) come from
the caller's finders and join the same list, so outcomes, adverse events and
arms read one structure. `arm_of_values` resolves the clause structure that
says which value is whose ("respectively", "A vs B", "x in the A group and y
in the B group", "x and y for A and B"). Offsets are relative to the sentence;
everything here is a pure function of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from litkg.extractor.components.alternation import folded
from litkg.extractor.numbers import (
    CI_RE,
    DASH,
    NUMBER_WORDS,
    P_VALUE_RE,
    parse_p_value,
    to_float,
    words_to_int,
)


@dataclass(frozen=True)
class Mention:
    """A typed piece of a sentence; offsets are relative to the sentence.

    kinds: `value` (vkind pct | time | ratio | mean | number), `timepoint`,
    `ci`, `p`, `count` (events of total), `n` ("n = 40"), `arm` (a cue
    naming a group), `endpoint` and other vocabulary kinds from finders.
    """

    kind: str
    start: int
    end: int
    key: str | None = None  # vocabulary key (endpoint, AE term)
    value: float | None = None
    vkind: str | None = None  # pct | time | ratio | mean | number
    unit: str | None = None
    ratio: str | None = None  # hr | sdhr | or | rr
    months: float | None = None  # timepoints
    low: float | None = None  # ci / range / iqr bounds
    high: float | None = None
    events: int | None = None  # count: n of n/N
    total: int | None = None  # count: N of n/N
    dispersion: str | None = None  # sd | se | unknown (for a value with ± / (SD))
    spread: float | None = None  # the dispersion's value
    label: str | None = None  # arm cue: the group as printed


_TP_UNIT = r"(?:years?|yrs?|months?|mos?|days?|weeks?|wks?)"
_TP_NUM = rf"(?:\d+(?:\.\d+)?|{NUMBER_WORDS})"
_TIMEPOINT_RES = [
    # "1-year", "one-year", "5-yr", "100-day", "12-month" (not "≥65-years age groups")
    re.compile(
        rf"(?<![\w.<>≤≥])(?P<n>{_TP_NUM})[-‐ ](?P<u>year|yr|month|mo|day|week)s?(?![\w])"
        r"(?=[-\s]+(?!old\b|of\b|follow|age\b|aged\b)[A-Za-z(])",
        re.I,
    ),
    # "at 1 year", "at 3 years", "at 100 days", "by 2 years", "at day 100", "at day +100"
    re.compile(
        rf"\b(?:at|by|within|after)\s+(?:the\s+)?(?P<n>{_TP_NUM})\s*(?P<u>{_TP_UNIT})\b", re.I
    ),
    re.compile(r"\b(?:at\s+)?day\s*\+?(?P<n>\d+)\b(?P<u>)", re.I),
    # "from baseline to 24 weeks": the change's time point
    re.compile(
        rf"\bfrom\s+baseline\s+(?:to|until)\s+(?:the\s+)?(?P<n>{_TP_NUM})\s*(?P<u>{_TP_UNIT})\b",
        re.I,
    ),
    # "at week 12", "by month 6", "at the end of year 2": a time point named by its ordinal
    # ("in year 2" is a period, not a point)
    re.compile(
        r"\b(?:at|by|until|through|to)\s+(?:the\s+end\s+of\s+)?"
        r"(?P<u>week|month|year)\s*(?P<n>\d{1,3})\b(?![.,·]\d)",
        re.I,
    ),
]
_UNIT_MONTHS = {"y": 12.0, "m": 1.0, "d": 1 / 30.4375, "w": 7 / 30.4375}


def to_months(n: str, unit: str) -> float | None:
    v = to_float(n)
    if v is None:
        iv = words_to_int(n)
        v = float(iv) if iv is not None else None
    if v is None:
        return None
    factor = _UNIT_MONTHS.get((unit or "d")[0].lower())
    if factor is None:
        return None
    months = v * factor
    return round(months, 1) if factor < 1 else months


def timepoints(sent: str) -> list[Mention]:
    out: list[Mention] = []
    for i, rx in enumerate(_TIMEPOINT_RES):
        for m in rx.finditer(sent):
            unit = m.group("u") or "day"
            months = to_months(m.group("n"), unit)
            if months is None or months <= 0:
                continue
            if i == 0:
                # "7.4 months" style values are not timepoints; only adjectival forms
                if not re.search(r"[-‐]", m.group(0)) and not re.match(
                    r"\s*(?:OS|PFS|EFS|RFS|DFS|CIR|NRM|GRFS|overall|progression|event|relapse|disease|cumulative|survival|rate|incidence|mortality|risk|acute|chronic|non)",
                    sent[m.end() :],
                    re.I,
                ):
                    continue
            out.append(Mention("timepoint", m.start(), m.end(), months=months))
    return dedupe_overlaps(out)


#: a minus sign before a number ("vs. -5.3%", "(−4.1%"), not the dash of a range ("31-39%",
#: "12% -15%", "10 -12%"), of a tolerance ("+/-5%") or of a compound ("HbA1c-5%")
_MINUS_SIGN = r"(?:(?<![\w.·/+±%)\]−-])(?<!%\s)(?<!\d\s)[-−](?=\d))?"
_PCT_RE = re.compile(
    rf"(?<![\w.·])(?P<n>{_MINUS_SIGN}\d{{1,3}}(?:[.·]\d+)?)\s?(?:%|per\s?cent\b)"
    rf"|\b(?P<w>{NUMBER_WORDS})\s+per\s?cent\b",
    re.I,
)
_TIME_VALUE_RE = re.compile(
    r"(?<![\w.·-])(?P<n>\d+(?:[.·]\d+)?)\s*(?:\((?:range|IQR)[^()]{0,40}\)\s*"
    r"|[\[(]\s*(?:95\s?%\s*CI[:,]?\s*)?(?:\d+(?:[.·]\d+)?|NE|NR)\s*(?:-|–|—|to)\s*"
    r"(?:\d+(?:[.·]\d+)?|NE|NR|not\s+\w+(?:\s*\[\w+\])?)\s*[\])]\s*"
    r"|\((?:placebo|controls?|[A-Z][\w+/-]*(?:\s+(?:arm|group))?)\)\s*)?"
    r"(?P<u>months?|mos?\b|days?|years?|yrs?|weeks?|wks?)\b",
    re.I,
)
_SHARED_UNIT_RE = re.compile(
    r"(?<![\w.·-])(?P<n>\d+(?:[.·]\d+)?)\s*(?:\([A-Za-z][^()]{0,30}\)\s*)?(?:vs\.?|versus|and|or)\s*"
    r"\d+(?:[.·]\d+)?\s*(?:\([A-Za-z][^()]{0,30}\)\s*)?(?P<u>months?|days?)\b",
    re.I,
)
_SHARED_PCT_RE = re.compile(
    r"(?<![\w.·=<>≤≥-])(?<!between )(?<!from )"
    rf"(?P<n>{_MINUS_SIGN}\d{{1,3}}(?:[.·]\d+)?)\s*(?:vs\.?|versus|and)\s*"
    rf"{_MINUS_SIGN}\d{{1,3}}(?:[.·]\d+)?\s?%",
    re.I,
)
# "0.94 (95% CI 0.58-1.54), and 0.95 (95% CI 0.58-1.55)": a further ratio of the list
_RATIO_NEXT_RE = re.compile(
    r"^\s*[\[(][^()\[\]]{0,80}[)\]]\s*,?\s*(?:and|vs\.?|versus|or)\s+(?P<n>\d+(?:[.·]\d+)?)\s*"
    r"(?=[\[(]\s*(?:95\s?%\s*CI\s*[:,=]?\s*)?\d+(?:[.·]\d+)?\s*(?:-|–|—|to)\s*\d)",
    re.I,
)
_RATIO_RE = re.compile(
    r"\b(?P<kind>(?i:subdistribution hazard ratio|sub-distribution hazard ratio|hazard ratio|"
    r"odds ratio|relative risk|risk ratio)|SDHR|sdHR|sHR|SHR|HR|OR|RR|aHR|aOR)(?:s|es)?\b"
    r"(?:\s*[\[(](?:SDHR|sHR|SHR|HR|OR|RR|aHR|aOR)s?[\])])?"
    # "hazard ratio for death, 1.60": the event the ratio counts
    r"(?:\s+for\s+(?:death|(?:disease\s+)?progression(?:\s+or\s+death)?|relapse|recurrence))?"
    r"(?:\s*[\[(]?95\s?%\s*(?:CIs?|confidence intervals?)[\])]?)?"
    r"\s*(?:[:=,]|of|was|were|is)?\s*(?P<n>\d+(?:[.·]\d+)?)"
)
_RATIO_KIND = {
    "subdistribution hazard ratio": "sdhr",
    "sub-distribution hazard ratio": "sdhr",
    "sdhr": "sdhr",
    "shr": "sdhr",
    "hazard ratio": "hr",
    "hr": "hr",
    "ahr": "hr",
    "odds ratio": "or",
    "or": "or",
    "aor": "or",
    "relative risk": "rr",
    "risk ratio": "rr",
    "rr": "rr",
}
_RANGE_PAREN_RE = re.compile(
    r"\((?:range|IQR|interquartile range)[^()]*\)|\[(?:range|IQR)[^\[\]]*\]", re.I
)
#: "the lower bound of the 95% CI was −6.5%", "the non-inferiority margin of −20%": an
#: interval's bound or a margin of the design, no value
_BOUND_BEFORE = re.compile(
    r"\b(?:lower|upper)\s+(?:bounds?|limits?)\b[^;]{0,80}$|\bmargins?\s*(?:of|was|is|=|:)?\s*$",
    re.I,
)
_INEQUALITY_BEFORE = re.compile(
    r"(?:≥|≤|<|>|=|\bunder|\bover|\babove|\bbelow|\bmore than|\bless than|\bat least|\bup to|\bexceed\w*)\s*$",
    re.I,
)


#: "median (IQR)", "(95% CI)", "(range)": the sentence says what its bracketed pairs are
_INTERVAL_LABEL_RE = re.compile(r"\((?:IQR|interquartile range|95\s?%\s*CIs?|range)\)", re.I)


def masked_spans(sent: str) -> list[tuple[int, int]]:
    """Parts of the sentence whose numbers are not values: CIs, ranges, p-values."""
    spans = [(m.start(), m.end()) for m in CI_RE.finditer(sent)]
    spans += [(m.start(), m.end()) for m in _RANGE_PAREN_RE.finditer(sent)]
    spans += [(m.start(), m.end()) for m in P_VALUE_RE.finditer(sent)]
    # an unlabelled interval right after a percentage: "74.3% (72.3-76.2)"; with a comma
    # where the sentence labels it ("median (IQR) change of −41% (−51%, −31%)")
    sep = rf"(?:{DASH}|to|,)" if _INTERVAL_LABEL_RE.search(sent) else rf"(?:{DASH}|to)"
    spans += [
        (m.start(1), m.end(1))
        for m in re.finditer(
            rf"%\s*([\[(]\s*[-−]?\d+(?:[.·]\d+)?\s*%?\s*{sep}\s*[-−]?\d+(?:[.·]\d+)?\s*%?\s*[\])])",
            sent,
        )
    ]
    # "n = 41 [87.2%]": the share of patients a group holds, not a result
    spans += [
        (m.start(1), m.end(1))
        for m in re.finditer(r"\bn\s*=\s*\d+\s*([\[(]\s*\d+(?:[.·]\d+)?\s?%\s*[\])])", sent)
    ]
    # "(12 of 21)", "(n = 6)": counts in parentheses
    spans += [(m.start(), m.end()) for m in re.finditer(r"\(\s*\$?n\s*=\s*\d+\$?\s*\)", sent)]
    return spans


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def values(sent: str) -> list[Mention]:
    masked = masked_spans(sent)
    out: list[Mention] = []
    for m in _PCT_RE.finditer(sent):
        if inside(m.start(), masked):
            continue
        if re.match(r"\s*(?:CIs?|C\.I\.|confidence|CrIs?)\b", sent[m.end() :], re.I):
            continue
        if _INEQUALITY_BEFORE.search(sent[max(0, m.start() - 14) : m.start()].replace("$", "")):
            continue
        if _BOUND_BEFORE.search(sent[max(0, m.start() - 90) : m.start()]):
            continue
        if re.search(
            r"\b(?:sensitivity|specificity|limit|threshold|cut-?off|level)\s+(?:of\s+)?(?:<|≤)?\s*$",
            sent[max(0, m.start() - 25) : m.start()],
            re.I,
        ):
            continue
        if sent[max(0, m.start() - 1) : m.start()] in ("\\",) or "\\%" in m.group(0):
            continue
        raw = m.group("n")
        v = to_float(raw) if raw else None
        if v is None and m.group("w"):
            iv = words_to_int(m.group("w"))
            v = float(iv) if iv is not None else None
        if v is None or not -100 <= v <= 100:
            continue
        out.append(Mention("value", m.start(), m.end(), value=v, vkind="pct", unit="%"))
    for m in _TIME_VALUE_RE.finditer(sent):
        if inside(m.start(), masked):
            continue
        if sent[max(0, m.start() - 1) : m.start()] in ("-", "‐") or re.match(
            r"[-‐]", sent[m.end() : m.end() + 1]
        ):
            continue
        if re.search(
            r"\b(?:at|by|within|after|for|to|from|of|over|during)\s+(?:the\s+)?$",
            sent[max(0, m.start() - 12) : m.start()],
            re.I,
        ):
            # "at 3 years" is a timepoint; "median ... of 14.3 months" is handled below
            if not re.search(
                r"(?:median|follow[- ]?up|period)\b[^.;]{0,40}$", sent[: m.start()], re.I
            ):
                continue
        if re.search(r"\bage[ds]?\b[^.;,]{0,15}$", sent[max(0, m.start() - 25) : m.start()], re.I):
            continue  # "median age: 72 years"
        if re.search(
            r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:reached|estimable|evaluable)\s*[\[(]\s*(?:95\s?%\s*CI[:,]?\s*)?$",
            sent[max(0, m.start() - 40) : m.start()],
            re.I,
        ):
            continue  # "not reached (18.6 months-NE)": the interval's bound
        v = to_float(m.group("n"))
        unit = m.group("u").lower()
        unit = "days" if unit.startswith("d") else "months" if unit.startswith("mo") else unit
        if unit.startswith(("y", "w")):
            factor = 12.0 if unit.startswith("y") else 7 / 30.4375
            if v is None:
                continue
            v = round(v * factor, 1)
            unit = "months"
        out.append(Mention("value", m.start(), m.end(), value=v, vkind="time", unit=unit))
    # "median, 10.2 vs. 5.6 months": the first number shares the unit printed after the second
    for m in _SHARED_UNIT_RE.finditer(sent):
        if inside(m.start(), masked) or any(x.start == m.start("n") for x in out):
            continue
        v = to_float(m.group("n"))
        unit = m.group("u").lower()
        unit = "days" if unit.startswith("d") else "months" if unit.startswith("mo") else unit
        if v is None or unit.startswith(("y", "w")):
            continue
        out.append(Mention("value", m.start("n"), m.end("n"), value=v, vkind="time", unit=unit))
    # "67.8 vs. 73.6%", "46.1 and 0%": the first number shares the percent sign
    for m in _SHARED_PCT_RE.finditer(sent):
        if inside(m.start(), masked) or any(x.start == m.start("n") for x in out):
            continue
        if re.search(r"(?:\b(?:grades?|days?|cycles?|n|of)|[−-])\s*$", sent[: m.start()], re.I):
            continue
        v = to_float(m.group("n"))
        if v is None or not -100 <= v <= 100:
            continue
        out.append(Mention("value", m.start("n"), m.end("n"), value=v, vkind="pct", unit="%"))
    for m in _RATIO_RE.finditer(sent):
        kind = _RATIO_KIND.get(m.group("kind").lower())
        v = to_float(m.group("n"))
        if kind is None or v is None:
            continue
        out.append(
            Mention(
                "value", m.start("n"), m.end("n"), value=v, vkind="ratio", ratio=kind, unit=None
            )
        )
        pos = m.end("n")
        while nxt := _RATIO_NEXT_RE.match(sent[pos:]):
            w = to_float(nxt.group("n"))
            if w is None:
                break
            start = pos + nxt.start("n")
            out.append(
                Mention("value", start, pos + nxt.end("n"), value=w, vkind="ratio", ratio=kind)
            )
            pos += nxt.end("n")
    # "31.0%, SD 12.9 vs 34.8%", "190 days (sd 91.5 days)": a spread's number is no value
    out = [m for m in out if not _is_spread(sent, m.start)]
    return dedupe_overlaps(out)


#: the words that print a spread: "SD", "SEM", "s.d.", "standard error"
SPREAD_WORDS = r"SDs?|SEs?|SEMs?|s\.d\.|standard\s+(?:deviations?|errors?)"
_SPREAD_CUE_BEFORE = re.compile(
    rf"\b(?:{SPREAD_WORDS}|s\.e\.(?:m\.)?)\s*(?:[:=,]\s*|of\s+|was\s+|were\s+)?$",
    re.I,
)


def _is_spread(sent: str, start: int) -> bool:
    """Whether the number at `start` is printed as a spread ("SD 12.9", "(sd 91.5")."""
    return bool(_SPREAD_CUE_BEFORE.search(sent[max(0, start - 24) : start]))


def dedupe_overlaps(ms: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions of the same kind."""
    ms = sorted(ms, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in ms:
        if out and m.start < out[-1].end and m.kind == out[-1].kind:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out


# --------------------------------------------------------------------------- intervals, p


_CI_LABEL_RE = re.compile(
    r"(?:95\s?%\s*)?(?:CI|C\.I\.|confidence intervals?|CrI)(?:\s*[\[(]CI[\])])?\s*[:=,]?\s*", re.I
)
_PAIR = rf"(−?\-?\d+(?:[.·]\d+)?)\s*%?\s*(?:{DASH}|to|,|;)\s*(−?\-?\d+(?:[.·]\d+)?)\s*%?"
_BRACKET_PAIR_RE = re.compile(rf"[\[(]\s*(?:95\s?%\s*CI[:,]?\s*)?{_PAIR}\s*[\])]", re.I)


def intervals(sent: str) -> list[Mention]:
    """95% CIs ("95% CI 1.2-3.4", "95% confidence intervals [CI]: 9.0–11.5")."""
    out: list[Mention] = []
    for m in CI_RE.finditer(sent):
        lo, hi = to_float(m.group(1)), to_float(m.group(2))
        if lo is not None and hi is not None and lo <= hi:
            out.append(Mention("ci", m.start(), m.end(), low=lo, high=hi))
    labelled = re.compile(
        rf"95\s?%\s*confidence intervals?\s*[\[(]CI[\])]\s*[:=,]?\s*{_PAIR}", re.I
    )
    for m in labelled.finditer(sent):
        lo, hi = to_float(m.group(1)), to_float(m.group(2))
        if lo is not None and hi is not None and lo <= hi:
            out.append(Mention("ci", m.start(), m.end(), low=lo, high=hi))
    return dedupe_overlaps(out)


def p_values(sent: str) -> list[Mention]:
    """p-values as numbers ("p<0.0001" -> 0.0001, "P = .03")."""
    out: list[Mention] = []
    for m in P_VALUE_RE.finditer(sent):
        v = parse_p_value(m.group(0))
        if v is not None:
            out.append(Mention("p", m.start(), m.end(), value=v))
    return out


# --------------------------------------------------------------------------- counts, estimates

_COUNT_RE = re.compile(
    r"(?<![\w.·/])(?P<e>\d{1,6})\s*(?:/|\bof\b|\bout\s+of\b)\s*(?P<t>\d{1,6})(?![\w.·/%])"
)
_N_RE = re.compile(r"(?<![\w])[nN]\s*=\s*(?P<n>\d{1,6})\b")
#: "Twelve of 40", "forty-two out of 90": events spelled out, the total in digits
_WORD_COUNT_RE = re.compile(
    rf"(?<![\w-])(?P<e>{NUMBER_WORDS})\s+(?:of|out\s+of)\s+(?P<t>\d{{1,6}})(?![\w.·/%])", re.I
)


def counts(sent: str) -> list[Mention]:
    """n/N counts ("12/40", "12 of 40", "12 out of 40", "twelve of 40") and sizes
    ("n = 40")."""
    out: list[Mention] = []
    for m in _COUNT_RE.finditer(sent):
        e, t = int(m.group("e")), int(m.group("t"))
        if 0 <= e <= t and t > 0:
            out.append(Mention("count", m.start(), m.end(), events=e, total=t))
    for m in _WORD_COUNT_RE.finditer(sent):
        e, t = words_to_int(m.group("e")), int(m.group("t"))
        if e is not None and 0 <= e <= t and t > 0:
            out.append(Mention("count", m.start(), m.end(), events=e, total=t))
    for m in _N_RE.finditer(sent):
        out.append(Mention("n", m.start(), m.end(), total=int(m.group("n"))))
    return sorted(out, key=lambda m: m.start)


_MEASURE_UNITS = (
    r"[nµμp]mol/L|[µμn]g/L|ng/dL|[µμ]g/dL|mg/L|mIU/L|mU/L|[µμm]?IU/mL|U/mL|cells/[µμ]L|"
    r"per\s+(?:100|1,?000|10,?000|100,?000)\s+(?:person|patient|catheter|ventilator)[- ]"
    r"(?:years?|months?|days?)|"
    r"mm\s?Hg|kg/m2|kg/m²|kg|g/dL|g/dl|g/L|mg/dL|mg/dl|mmol/L|mmol/l|mmol/mol|µmol/L|ng/mL|pg/mL|"
    r"IU/L|U/L|mL/min(?:/1\.73\s?m2)?|ml|mL|cm|mm|bpm|beats/min|points?|steps|kcal|hours?|hrs?|"
    r"minutes?|mins?|seconds?|g\b|mg\b|µg|servings?|serves|cigarettes|units?"
)
_NUMBER = r"[-−]?\d+(?:[.·]\d+)?"
# the unit may stand after the spread ("128 ± 9 mmHg", "128 (SD 9) mmHg") or
# between the value and a bracketed spread ("128 mmHg (SD 9)")
_SPREAD_UNIT = r"(?:\s*(?P<u>{units})(?![\w/]))?"
_PLUS_MINUS_RE = re.compile(
    rf"(?<![\w.·])(?P<v>{_NUMBER})\s*(?:±|\+/-|\+-|\+/−)\s*(?P<s>\d+(?:[.·]\d+)?)"
    + _SPREAD_UNIT.format(units=_MEASURE_UNITS),
    re.I,
)
#: "−2.26 (±3.42)", "70.9 [± 3.9]": the spread in brackets
_BRACKET_PLUS_MINUS_RE = re.compile(
    rf"(?<![\w.·])(?P<v>{_NUMBER})\s*[(\[]\s*(?:±|\+/-|\+-|\+/−)\s*(?P<s>\d+(?:[.·]\d+)?)\s*[)\]]"
    + _SPREAD_UNIT.format(units=_MEASURE_UNITS),
    re.I,
)
#: "−5.5% [0.6%]", "12.1% (3.4%)": a percentage and, bracketed, a spread in percent
_PCT_SPREAD_RE = re.compile(
    rf"(?<![\w.·])(?P<v>{_MINUS_SIGN}\d{{1,3}}(?:[.·]\d+)?)\s?%\s*[\[(]\s*"
    r"(?P<s>\d{1,3}(?:[.·]\d+)?)\s?%\s*[\])]"
)
_PAREN_SD_RE = re.compile(
    rf"(?<![\w.·])(?P<v>{_NUMBER})(?:\s*(?P<u0>{_MEASURE_UNITS})(?![\w/]))?"
    r"\s*[\[(]\s*(?P<k>SD|SE|SEM|s\.d\.|standard deviation|standard error)"
    rf"\s*[:=,]?\s*(?P<s>\d+(?:[.·]\d+)?)\s*[\])]" + _SPREAD_UNIT.format(units=_MEASURE_UNITS),
    re.I,
)
#: the APA house style: "M = 12.4, SD = 3.1", "M=4.2 (SD=1.1)", "Mdn = 3, IQR 2-5":
#: the statistic's letter opens the estimate (its numbers may drop the zero: "SD = .09"), and a spread is printed with it ("M = 14"
#: alone may count men)
_APA_NUMBER = r"[-−]?(?:\d+(?:[.·]\d+)?|[.·]\d+)"
_APA_RE = re.compile(
    r"(?<![\w.·])(?P<k>M|Mdn|[Mm]ean|[Mm]edian)\s*[=:]\s*"
    rf"(?P<v>{_APA_NUMBER})(?![\d.·,]\d)(?:\s*(?P<u>%|{_MEASURE_UNITS})(?![\w/]))?"
    r"\s*(?:[,;]\s*|\(\s*)(?P<sk>SD|SE|SEM|IQR|range)\s*[=:,]?\s*"
    rf"(?P<s>{_APA_NUMBER})\s*%?(?:\s*(?:-|–|—|to)\s*(?P<s2>{_APA_NUMBER})\s*%?)?\s*\)?"
)
#: "43.3+20.0", "(9.3 +0.5)": a plus sign printed for "±" (the minus lost on the way to
#: the text); one of the two numbers has decimals, so "grades 2 + 3", "36+0 weeks" and
#: "Tween 20 + 2%" are not read, and at most one space stands on either side of the plus
#: (a signed number in a flattened table row, "1.225   +0.832", is none); see
#: `_plain_plus_spreads` for the rest of the guard
_PLAIN_PLUS_RE = re.compile(
    r"(?<![\w.·+/^=×*−-])(?P<v>\d+(?:[.·]\d+)?)[ \u00a0]?\+[ \u00a0]?(?P<s>\d+(?:[.·]\d+)?)(?![\d.·])"
    + _SPREAD_UNIT.format(units=_MEASURE_UNITS),
    re.I,
)
#: what makes "a + b" a sum, not a value and its spread: an operator or a minus sign
#: next to it ("1 + 0.04 (10-1) = 1.36", "(11+29+18)/3"), or a dose after it ("2.5 + 5 mg")
_SUM_BEFORE_RE = re.compile(r"(?:[+×*/^=]|[-−]\s*\d?|\\\w*[{(]?)\s*\(?\s*$")
_SUM_AFTER_RE = re.compile(
    r"^(?:\s*[+×*/^=]|\s*[-−]\s*\d|\s*\)\s*[+×*/^=]|[^A-Za-z;,]{0,20}=|"
    r"\s*(?:mg|[µμ]g|mcg|g|Gy|IU|units?|mmol|mEq|ml/kg|mL/kg)\b|[-‐]\w)",
    re.I,
)


def _plain_plus_spreads(sent: str) -> list[re.Match[str]]:
    """The "X+Y" of `sent` that print a value and its spread with a plus sign
    standing for "±": only where the sentence prints no "±" (there a plus is a
    plus), one of the numbers has decimals, and nothing around them makes a sum
    of them (an operator, a minus, an equals sign, a dose unit, a formula)."""
    if "±" in sent or "+/-" in sent or "\\" in sent:
        return []
    out: list[re.Match[str]] = []
    for m in _PLAIN_PLUS_RE.finditer(sent):
        v, s = m.group("v"), m.group("s")
        if not re.search(r"[.·]", v + s):
            continue
        if _SUM_BEFORE_RE.search(sent[max(0, m.start() - 12) : m.start()]):
            continue
        if _SUM_AFTER_RE.match(sent[m.end("s") :]):
            continue
        out.append(m)
    return out


_SD_CUE_RE = re.compile(r"\b(?:SD|s\.d\.|standard deviations?)\b", re.I)
_SE_CUE_RE = re.compile(r"\b(?:SE|SEM|s\.e\.(?:m\.)?|standard errors?)\b", re.I)


def dispersion_kind(context: str) -> str:
    """What a "±" spread is, from the words around it (or a table header):
    `sd`, `se`, or `unknown` when the text does not say. Never a CI."""
    sd, se = _SD_CUE_RE.search(context), _SE_CUE_RE.search(context)
    if sd and not se:
        return "sd"
    if se and not sd:
        return "se"
    return "unknown"


def estimates(sent: str, header: str = "") -> list[Mention]:
    """Point estimates with a dispersion: "12.4 ± 3.1" (SD or SE as the
    sentence or `header` says, else unknown) and "12.4 (SD 3.1)"."""
    found: list[tuple[re.Match[str], str, str | None]] = []
    for m in _PAREN_SD_RE.finditer(sent):
        kind = "se" if m.group("k").lower().startswith(("se", "s.e", "standard e")) else "sd"
        found.append((m, kind, m.group("u0") or m.group("u")))
    for m in _PCT_SPREAD_RE.finditer(sent):
        # "Mean (SE) weight loss was 5.5% [0.6%]": where the sentence says what its spreads are
        kind = dispersion_kind(sent[: m.start()] + " " + header)
        if kind != "unknown":
            found.append((m, kind, "%"))
    plus_minus = [*_PLUS_MINUS_RE.finditer(sent), *_BRACKET_PLUS_MINUS_RE.finditer(sent)]
    for m in plus_minus + _plain_plus_spreads(sent):
        kind = dispersion_kind(sent[max(0, m.start() - 80) : m.end() + 20] + " " + header)
        found.append((m, kind, m.group("u")))
    out = _apa_estimates(sent)
    for m, kind, unit in found:
        v, s = to_float(m.group("v")), to_float(m.group("s"))
        if v is None or s is None:
            continue
        out.append(
            Mention(
                "value",
                m.start(),
                m.end(),
                value=v,
                vkind="mean",
                dispersion=kind,
                spread=s,
                unit=unit,
            )
        )
    return dedupe_overlaps(out)


def _apa_estimates(sent: str) -> list[Mention]:
    """The APA-style estimates of `sent` ("M = 12.4, SD = 3.1", "Mdn = 3, IQR 2-5"),
    spanning from the statistic's letter: an SD or SE is one number, an IQR or a
    range two; anything else printed as the spread reads as no estimate."""
    out: list[Mention] = []
    for m in _APA_RE.finditer(sent):
        v, s = to_float(m.group("v")), to_float(m.group("s"))
        kind = m.group("sk").lower()
        hi = to_float(m.group("s2")) if m.group("s2") else None
        if v is None or s is None or (kind in ("iqr", "range")) != (hi is not None):
            continue
        if hi is not None and s > hi:
            continue
        out.append(
            Mention(
                "value",
                m.start(),
                m.end(),
                value=v,
                vkind="mean",
                unit=m.group("u"),
                dispersion=kind if hi is not None else "sd" if kind == "sd" else "se",
                spread=s if hi is None else None,
                low=s if hi is not None else None,
                high=hi,
            )
        )
    return out


# --------------------------------------------------------------------------- arm cues

_GROUP_WORD = r"(?:groups?|arms?|cohorts?)"
#: a word of a group's label; a decimal point inside a number too ("the 0.5 mg/kg group")
_LABEL_TOKEN = r"(?:[\w+/·*-]|(?<=\d)\.(?=\d))+"
_ARM_CUE_RES = [
    # "in the placebo group", "for the DZ arm", "among the controls", "compared to the X group"
    re.compile(
        rf"\b(?:in|for|among|with|on|of|versus|vs\.?|than|and|(?<=compared\s)to)\s+"
        rf"(?:the\s+|those\s+in\s+the\s+|patients\s+in\s+the\s+)?"
        rf"(?P<label>(?:{_LABEL_TOKEN}\s+){{0,4}}?{_LABEL_TOKEN})\s+{_GROUP_WORD}\b",
        re.I,
    ),
    # "group A", "arm B", "cohort 2", "group M", "group DM2", "group B+D": a designator
    # in capitals or digits (not a between-group statistic, "group P = 0.03")
    re.compile(
        r"\b(?P<label>(?:[Gg]roup|[Aa]rm|[Cc]ohort)\s+"
        r"(?!(?:SD|SE|SEM|CI|OR|HR|RR|NS|N)\b)(?:[A-Z]{1,3}\d{0,2}|[1-9])"
        r"(?:\s*\+\s*[A-Z]{1,3}\b)?)\b(?!\s*[=<>≤≥%]|[.·]\d)"
    ),
    # "in controls", "versus placebo recipients", "than in the control subjects"
    re.compile(
        r"\b(?:in|among|for|with|under|versus|vs\.?|than)\s+(?:the\s+|those\s+(?:in|on)\s+)?"
        r"(?P<label>controls|control (?:subjects|participants|patients|children|women|men)|"
        r"placebo(?:[- ]treated)? (?:recipients|patients|subjects|participants)|placebo)\b(?!\s+(?:groups?|arms?))",
        re.I,
    ),
    # "(placebo)", "(erlotinib arm)" right after a value
    re.compile(r"\((?P<label>[A-Za-z][\w+/ -]{1,30}?)(?:\s+(?:arm|group))?(?=[,;)])"),
    # "(comparison group, 97.5 %; intervention group: 98.6 %)", "(Placebo: -16.7%)":
    # a group labelling the value right after it
    re.compile(
        r"(?:(?<=[(;,])|(?<=\bvs\.)|\b(?:vs|versus|and))\s*(?:the\s+)?"
        r"(?P<label>(?:[\w+/-]+\s+){0,2}?[\w+/-]+(?=\s+(?:group|arm)\b)|placebo|controls?|"
        r"intervention|comparison|usual care|sham|experimental)(?:\s+(?:group|arm))?"
        r"\s*[:,=]\s*(?=[-−+]?\d)",
        re.I,
    ),
    # "16% of treatment and 11% of the control group": a role word right after a rate
    re.compile(
        r"(?<=%)\s*of\s+(?:the\s+)?(?P<label>treatment|intervention|control|placebo|experimental|"
        r"comparison|usual care|sham)(?:\s+(?:groups?|arms?))?"
        r"(?=\s*(?:[,;().]|and\b|or\b|vs\b|versus\b|compared\b|at\b|after\b|during\b|within\b|$))",
        re.I,
    ),
    # "for the control and ...", "in intervention.": a role word alone, ending its phrase
    re.compile(
        r"\b(?:in|for|among|versus|vs\.?|than)\s+(?:the\s+)?"
        r"(?P<label>intervention|control|experimental|placebo|sham|comparison|usual care)"
        r"(?=\s*(?:[,;().\[]|and\b|or\b|vs\b|versus\b|compared\b|at\b|after\b|$))"
        # "12% with control.", "versus ... compared with control (mean 1.2": "compared
        # with" names the group only for the value it opens
        r"|(?<!compared\s)\bwith\s+(?:the\s+)?"
        r"(?P<wlabel>intervention|control|experimental|placebo|sham|usual care)(?=\s*(?:[,;().\[]|$))"
        r"|\bcompared\s+(?:with|to)\s+(?:the\s+)?"
        r"(?P<clabel>intervention|control|experimental|placebo|sham|usual care)(?=\s*[(\[])",
        re.I,
    ),
    # "between the exercise (12.1 ± 3.0) and the control (14.2 ± 2.9) groups"
    re.compile(
        r"\b(?:the\s+)?(?P<label>[\w+/-]+(?:\s+[\w+/-]+)?)(?=\s*\([^()]*\d[^()]*\)\s*"
        r"(?:,\s*|\s+)(?:(?:and|or|vs\.?|versus)\s+)?(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+)?\s*"
        r"\([^()]*\d[^()]*\)\s*(?:groups|arms)\b)",
        re.I,
    ),
    re.compile(
        r"\)\s*(?:,\s*|\s+)(?:(?:and|or|vs\.?|versus)\s+)?(?:the\s+)?"
        r"(?P<label>[\w+/-]+(?:\s+[\w+/-]+)?)(?=\s*\([^()]*\d[^()]*\)\s*(?:groups|arms)\b)",
        re.I,
    ),
    # "in the exercise condition", "under the placebo condition": a condition of the trial
    # named as its group is ("in good condition", "under these conditions" name none: the
    # article is required and the label's words are checked as for "in the X group")
    re.compile(
        r"\b(?:in|for|among|under|during|with|versus|vs\.?|than|and|(?<=compared\s)to)\s+"
        rf"(?:those\s+in\s+)?the\s+(?P<label>(?:{_LABEL_TOKEN}\s+){{0,3}}?{_LABEL_TOKEN})\s+condition\b",
        re.I,
    ),
]
#: the cues of a preposition, a label and a group word ("in the X group", "in the X condition")
_PHRASE_CUES = frozenset({0, len(_ARM_CUE_RES) - 1})
_ROLE_NEEDLES = (
    "intervention",
    "control",
    "experimental",
    "placebo",
    "sham",
    "comparison",
    "usual care",
    "treatment",
)
#: per cue of `_ARM_CUE_RES`, words one of which every match holds (in the engine's
#: case folding, `folded`), or None: a sentence with none of them is not searched
_ARM_CUE_NEEDLES: tuple[tuple[str, ...] | None, ...] = (
    ("group", "arm", "cohort"),
    ("group", "arm", "cohort"),
    ("control", "placebo"),
    ("(",),
    ("group", "arm", *_ROLE_NEEDLES),
    ("%",),
    _ROLE_NEEDLES,
    ("groups", "arms"),
    ("groups", "arms"),
    ("condition",),
)
_NOT_LABEL = re.compile(
    r"^(?:both|two|all|each|either|treatment|study|the|these|this|same|other|age|"
    r"respective|two\s+treatment|\d+)$",
    re.I,
)


def arm_cues(sent: str) -> list[Mention]:
    """Phrases naming a group a value may belong to, with the label as printed."""
    out: list[Mention] = []
    low = folded(sent)
    for i, (rx, needles) in enumerate(zip(_ARM_CUE_RES, _ARM_CUE_NEEDLES, strict=True)):
        if needles is not None and not any(n in low for n in needles):
            continue
        for m in rx.finditer(sent):
            g = next(k for k, v in m.groupdict().items() if v is not None)
            label = re.sub(r"^(?:the|a|an)\s+", "", m.group(g).strip(), flags=re.I)
            start = m.start(g) if i != 1 else m.start()
            inner = list(re.finditer(r"\b(?:in|among|for|of)\s+(?:the\s+)?", label, re.I))
            if (
                i in _PHRASE_CUES
                and inner
                and not re.search(r"\b(?:than|vs|versus|compared)\b", label, re.I)
            ):
                # "of 273 patients in the twice-daily group": the group is the last phrase
                start = m.start("label") + m.group("label").find(label) + inner[-1].end()
                label = label[inner[-1].end() :]
            # "16% of treatment and ...", "in the treatment group": the treatment group, one
            # of the arms ("between treatment groups" names none)
            treatment = label.lower() == "treatment" and (
                i == 5 or (i == 0 and re.search(r"\b(?:group|arm)$", m.group(0), re.I))
            )
            if not label or (_NOT_LABEL.match(label) and not treatment):
                continue
            if re.match(r"(?:both|all|each|either|two|three|four)\s", label, re.I):
                continue  # "in both village groups": every group, not one
            if i in _PHRASE_CUES and re.search(
                r"\b(?:than|in|vs|versus|compared|and|or|to)\b", label, re.I
            ):
                continue  # "in group A than in group": two cues, not one label
            if i in _PHRASE_CUES and re.search(
                r"\b(?:was|were|is|are|between|among|found|seen)\b", label, re.I
            ):
                continue  # "in blood loss was found between groups": a clause, not a label
            if i == 3 and not re.search(
                r"[\d%]\s*(?:[A-Za-z/]{1,12}\s*)?$", sent[max(0, m.start() - 16) : m.start()]
            ):
                continue  # "(placebo)" names a group right after a value, not after a name
            if i == 3 and not re.search(
                r"\b(?:placebo|control|arm|group|usual care|sham)\b|^[A-Z][\w-]*(?:\s*\+\s*[\w-]+)?$",
                label,
            ):
                continue
            out.append(Mention("arm", start, m.end(), label=label))
    return dedupe_overlaps(out)


_GENERIC_ARM_WORDS = frozenset(
    [
        "group",
        "groups",
        "arm",
        "arms",
        "patients",
        "participants",
        "subjects",
        "treatment",
        "treated",
        "therapy",
        "control",
        "controls",
        "standard",
        "usual",
        "care",
        "plus",
        "alone",
        "combination",
        "daily",
        "dose",
        "doses",
        "twice",
        "once",
        "weekly",
        "with",
        "without",
        "only",
        "high",
        "low",
        "intervention",
        "placebo",
        "study",
        "trial",
        "regimen",
        "days",
        "weeks",
        "months",
        "hours",
        "oral",
        "intravenous",
        "injection",
        "tablet",
        "tablets",
    ]
)


@lru_cache(maxsize=256)
def _named_arm_re(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        r"\b(?:in|with|on|for|among|receiving|given|versus|vs\.?|than|after|under)\s+"
        r"(?:the\s+|those\s+(?:in|on|receiving|given)\s+)?(?P<label>" + alts + r")\b",
        re.I,
    )


@lru_cache(maxsize=256)
def _named_label_re(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        r"(?:(?<=[(\[;])|(?<=[(\[;,]\s))\s*(?P<label>" + alts + r")(?:\s+(?:group|arm))?"
        r"\s*[:=]\s*(?=[-−+]?\d)",
        re.I,
    )


#: the next word of a label printed with its arm's name ("PPV/CPA", "PPV alone", "X + Y")
_LABEL_GOES_ON_RE = re.compile(r"(?:\s*[/+]\s*|[ ]+)(?P<w>[A-Za-z][\w-]*)\b")
#: words of an arm's name that do not carry its label on
_NOT_LABEL_WORDS = frozenset(
    ["the", "of", "and", "or", "with", "without", "in", "for", "to", "a", "an", "on", "at", "by",
     "group", "groups", "arm", "arms", "cohort", "cohorts", "patients", "participants",
     "subjects", "was", "were", "is", "are", "had", "than", "vs", "versus"]
)  # fmt: skip


def named_arm_cues(sent: str, names: Iterable[str]) -> list[Mention]:
    """ "with ketamine", "than in those receiving DEX": a preposition, then a
    distinctive word of one of the paper's arm labels `names` (its drug, its
    letter-free name), with that word as the label; "(DM60: 12.1 ± 3.0; DM120:
    11.4 ± 2.9": such a word labelling the value after its colon."""
    words = tuple(
        sorted(
            {
                w.lower()
                for n in names
                for w in re.findall(r"[A-Za-z][\w-]{2,}", n)
                if w.lower() not in _GENERIC_ARM_WORDS
            }
        )
    )
    if not words:
        return []
    # "in the PPV/CPA", "in the PPV alone": the label runs on over the words of the
    # arms' names after it, so that it names one arm where its first word names several
    more = {w.lower() for n in names for w in re.findall(r"[A-Za-z][\w-]+", n)} - _NOT_LABEL_WORDS
    found = []
    for m in _named_arm_re(words).finditer(sent):
        end = m.end("label")
        while (step := _LABEL_GOES_ON_RE.match(sent, end)) is not None and step.group(
            "w"
        ).lower() in more:
            end = step.end()
        found.append(Mention("arm", m.start("label"), end, label=sent[m.start("label") : end]))
    found += [
        Mention("arm", m.start("label"), m.end(), label=m.group("label"))
        for m in _named_label_re(words).finditer(sent)
    ]
    return sorted(found, key=lambda m: m.start)


#: what names a group right before its name: "in the EG", "with ketamine" (not "compared
#: with X", "than X", "versus X": the comparator, which the values before it are not)
_CUE_BEFORE_RE = re.compile(
    # "patients who received X", "those that were given X": the people of X's arm
    r"\b(?:who|that)\s+(?:had\s+)?(?:received|took|used|underwent|were\s+(?:given|treated\s+with|"
    r"randomi[sz]ed\s+to|assigned\s+to|allocated\s+to))\s+(?:the\s+)?$|"
    r"(?:\b(?:in|on|for|among|receiving|given|after|under)|(?<!compared\s)\bwith)\s+"
    r"(?:the\s+|(?:those|patients|participants|subjects)\s+(?:in|on|receiving|taking|given|treated\s+with|"
    r"assigned\s+to|allocated\s+to|randomi[sz]ed\s+to)"
    r"\s+(?:the\s+)?)?$",
    re.I,
)
#: "EG = 52.6", "(OFF 354 ± 24 vs ON 360 ± 23)": a name labelling the number after it
_LABEL_AFTER_RE = re.compile(r"^(?:\s+(?:group|arm))?\s*[:=]\s*(?=[-−+]?\d)", re.I)
_BARE_LABEL_AFTER_RE = re.compile(r"^\s+(?=[-−+]?\d)")
_LIST_OPEN_RE = re.compile(r"(?:[(\[;,]|\b(?:vs\.?|versus|and))\s*$", re.I)
_NAMED_COMPARATOR_RE = re.compile(
    r"\b(?:relative\s+to|compared\s+(?:with|to)|than|versus|vs\.?)\s+(?:(?:the|those)\s+)?$", re.I
)
_GROUP_AFTER_RE = re.compile(
    # "the ketamine group", "the drug-treated subjects", "placebo recipients"
    r"^(?:\s*(?:groups?|arms?)|(?:-treated|-exposed|\s+treated)?\s+"
    r"(?:patients|participants|subjects|recipients|users|women|men|children|infants|neonates|"
    r"babies|mothers|adults|girls|boys))\b",
    re.I,
)


def arm_name_cues(sent: str, spans: Iterable[tuple[int, int]]) -> list[Mention]:
    """Cues from the spans of `sent` that name one of the paper's arms (the
    arm resolver's: "EG", "ketamine", "the TEL group"), where the span stands
    as a group a value is stated for: after a preposition ("in the EG", "with
    ketamine", "those taking X"; not the comparator of "compared with X"),
    before a group word or its people ("ketamine group", "the drug-treated
    subjects"), or
    labelling the number after it ("EG = 52.6", "[OFF 354 ± 24 vs ON 360 ±
    23]"). Elsewhere a drug's name is no group ("blood alcohol concentration
    was 23.6 mM"). The label is the span as printed."""
    out: list[Mention] = []
    for s, e in spans:
        before, after = sent[max(0, s - 60) : s], sent[e : e + 40]
        if _NAMED_COMPARATOR_RE.search(before):
            continue  # "greater in X-treated relative to placebo-treated patients (OR 1.3)"
        if (
            _CUE_BEFORE_RE.search(before)
            or _GROUP_AFTER_RE.match(after)
            or _LABEL_AFTER_RE.match(after)
            or (_BARE_LABEL_AFTER_RE.match(after) and _LIST_OPEN_RE.search(before))
        ):
            out.append(Mention("arm", s, e, label=sent[s:e]))
    return out


# --------------------------------------------------------------------------- measures

_MEASURE_RE = re.compile(
    rf"(?<![\w.·/-])(?P<v>[-−]?\d+(?:[.·]\d+)?)\s*(?P<u>{_MEASURE_UNITS})(?![\w/])", re.I
)


#: "61.5 (44.0, 80.2) nmol/l": the number, its interval in brackets, then the unit
_MEASURE_PAIR_RE = re.compile(
    rf"(?<![\w.·/-])(?P<v>[-−]?\d+(?:[.·]\d+)?)\s*[(\[]\s*[-−]?\d+(?:[.·]\d+)?\s*(?:,|;|–|—|-|to)\s*"
    rf"[-−]?\d+(?:[.·]\d+)?\s*[)\]]\s*(?P<u>{_MEASURE_UNITS})(?![\w/])",
    re.I,
)


def measures(sent: str) -> list[Mention]:
    """Numbers printed with a unit of measurement ("−2.1 kg", "128 mmHg",
    "4.2 points", "61.5 (44.0, 80.2) nmol/l", "12.4 per 10,000 person-days"):
    what a mean, a median, a rate or a difference is read from. Time units of
    survival (months, days) are `values`, not measures."""
    out: list[Mention] = []
    masked = masked_spans(sent)
    for m in [*_MEASURE_RE.finditer(sent), *_MEASURE_PAIR_RE.finditer(sent)]:
        if inside(m.start(), masked) or _is_spread(sent, m.start()):
            continue
        v = to_float(m.group("v").replace("−", "-"))
        if v is None:
            continue
        out.append(Mention("value", m.start(), m.end(), value=v, vkind="number", unit=m.group("u")))
    return out


# --------------------------------------------------------------------------- the pass


Finder = Callable[[str], Iterable[Mention]]


def sentence_mentions(sent: str, finders: Iterable[Finder] = ()) -> list[Mention]:
    """Every typed mention of the sentence, sorted by position: values (with
    estimates preferred over the bare numbers inside them), timepoints, CIs,
    p-values, counts, arm cues and whatever the vocabulary `finders` add."""
    ests = estimates(sent)
    vals = [v for v in values(sent) if not any(e.start <= v.start < e.end for e in ests)]
    taken = vals + ests
    vals += [m for m in measures(sent) if not any(t.start <= m.start < t.end for t in taken)]
    out = vals + ests + timepoints(sent) + intervals(sent) + p_values(sent) + counts(sent)
    out += arm_cues(sent)
    for f in finders:
        out += list(f(sent))
    return sorted(out, key=lambda m: (m.start, -m.end))


# --------------------------------------------------------------------------- clauses

_RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.I)
#: a word of a coordinated label: no preposition or article ("in ferritin in the A and
#: B groups" lists A and B, not "ferritin in the A")
_COORD_TOKEN = r"(?!(?:in|for|among|with|of|the)\b)[\w+/·*-]+"
_COORD_LABELS_RE = re.compile(
    rf"\b(?:in|for|among|with|of)\s+(?:both\s+)?(?:the\s+)?(?P<a>{_COORD_TOKEN}(?:\s+{_COORD_TOKEN}){{0,3}}?)"
    rf"(?:\s+{_GROUP_WORD})?\s*(?:,\s*|\s+)(?:and|or|vs\.?|versus)\s+(?:the\s+)?"
    rf"(?P<b>[\w+/·*-]+(?:\s+[\w+/·*-]+){{0,3}}?)\s+{_GROUP_WORD}\b",
    re.I,
)
_CLAUSE_BREAK_RE = re.compile(r"[;]|,\s*(?:and|but|whereas|while)\b|\bwhereas\b|\bwhile\b")


#: one label of a list: 1-3 tokens, none a list word ("4% lidocaine", "VS1 + VS2", "PLC-A")
_LIST_TOKEN = r"(?!(?:and|or|vs|versus|the|in|for|with|of|between|than|both|all)\b)[\w+/·*%-]+"
_LIST_ITEM = rf"{_LIST_TOKEN}(?:\s+{_LIST_TOKEN}){{0,2}}"
_LIST_SEP = r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|vs\.?|versus)\s+)(?:the\s+)?"
#: "between the PLC-A and PLC-C trials", "The A, B and C groups", "in the X, Y, and Z arms"
_GROUP_LIST_RE = re.compile(
    rf"(?:^|(?<=[(;:])|\b(?:in|for|among|with|of|between|on|to|than|and|that)\s+)"
    rf"\s*(?:the\s+|both\s+|all\s+)?(?P<items>{_LIST_ITEM}(?:{_LIST_SEP}{_LIST_ITEM})+)"
    r"\s+(?:treated\s+)?(?:groups|arms|cohorts|trials|conditions)\b",
    re.I,
)
_LIST_SPLIT_RE = re.compile(_LIST_SEP, re.I)


def _group_list_labels(sent: str) -> list[tuple[str, int]]:
    """The labels of a list of groups named by a plural group word after
    them ("between the PLC-A and PLC-C trials", "The Aquamin and Glucosamine
    groups", "in the control, VS1 and VS1 + VS2 groups")."""
    out: list[tuple[str, int]] = []
    for m in _GROUP_LIST_RE.finditer(sent):
        items = m.group("items")
        pos = m.start("items")
        labels: list[tuple[str, int]] = []
        last = 0
        for sep in [*_LIST_SPLIT_RE.finditer(items), None]:
            end = sep.start() if sep is not None else len(items)
            label = items[last:end].strip()
            if label and not _NOT_LABEL.match(label):
                labels.append((label, pos + last))
            last = sep.end() if sep is not None else last
        if len(labels) >= 2:
            out += labels
    return out


_WHO_WORDS = (
    r"patients?|participants?|subjects?|women|men|children|infants?|people|adults|individuals|"
    r"males?|females?|boys|girls|younger|older|(?:non-?)?smokers|(?:non-?)?responders"
)
_PAIR_TOKEN = (
    r"(?!(?:and|or|vs|versus|the|in|for|with|than|that|those|was|were|is|are|had)\b)[\w+/·*%-]+"
)
_PAIR_ITEM = rf"{_PAIR_TOKEN}(?:\s+{_PAIR_TOKEN}){{0,3}}"
_PAIR_PREP = r"(?:with|in|for|among|on|after|receiving)"
#: "more rapid with 4% lidocaine than 2% lidocaine", "longer with A than that with B"
_COMPARED_PAIR_RE = re.compile(
    rf"\b{_PAIR_PREP}\s+(?:the\s+)?(?P<a>{_PAIR_ITEM})\s+"
    r"(?:(?:was|were|is|are|significantly|statistically|much|slightly|markedly)\s+)*"
    r"(?:(?:[a-z]+er|more|less|fewer)\s+)?than\s+(?:(?:that|those)\s+)?"
    rf"(?:{_PAIR_PREP}\s+)?(?:the\s+)?(?P<b>{_PAIR_ITEM})(?=\s*[(\[,;]|\s+(?:groups?|arms?)\b)",
    re.I,
)
_NOT_PAIR_LABEL = re.compile(
    rf"\b(?:{_WHO_WORDS}|baseline|before|after|pre|post|others?|usual|expected|normal)\b", re.I
)


def compared_labels(sent: str) -> list[Mention]:
    """The two groups of a comparison ("more rapid with 4% lidocaine than
    2% lidocaine (...)", "longer with A than that with B (...)"): arm cues
    for values that follow in one parenthesis or with "respectively". People
    ("in women than men") and time ("than before") are no groups."""
    out: list[Mention] = []
    for m in _COMPARED_PAIR_RE.finditer(sent):
        pair = [(m.group(g).strip(), m.start(g), m.end(g)) for g in ("a", "b")]
        if any(_NOT_PAIR_LABEL.search(lab) or _NOT_LABEL.match(lab) for lab, _, _ in pair):
            continue
        out += [Mention("arm", s, e, label=lab) for lab, s, e in pair]
    return out


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
_DESIG_RANGE_RE = re.compile(
    r"\b(?P<noun>[Gg]roups|[Aa]rms|[Cc]ohorts)\s+(?P<a>[A-H]|[1-8]|I{1,3}|IV|VI{0,3})\s*"
    r"(?:to|through|[-–—])\s*(?P<b>[A-H]|[1-8]|I{1,3}|IV|VI{0,3})\b(?![-–—.·]?\d)"
)


def designator_range(sent: str) -> list[tuple[str, int]]:
    """ "in groups 1 to 3", "for arms A-C", "groups I–III": each group of the
    range in order (2 to 8 groups), all at the range's position."""
    m = _DESIG_RANGE_RE.search(sent)
    if not m:
        return []
    a, b = m.group("a"), m.group("b")
    if a.isdigit() and b.isdigit():
        items = [str(k) for k in range(int(a), int(b) + 1)]
    elif a in _ROMAN and b in _ROMAN and (len(a) > 1 or len(b) > 1 or b == "V"):
        items = _ROMAN[_ROMAN.index(a) : _ROMAN.index(b) + 1]  # "I-III", "I-V" (not "A-I")
    elif len(a) == len(b) == 1 and a.isalpha() and b.isalpha():
        items = [chr(k) for k in range(ord(a), ord(b) + 1)]
    else:
        return []
    if not 2 <= len(items) <= 8:
        return []
    noun = m.group("noun")[:-1].lower()
    return [(f"{noun} {x}", m.start("a")) for x in items]


def coordinated_labels(sent: str) -> list[tuple[str, int]]:
    """Group labels listed together ("in the A and B groups", "for arms A
    and B", "between the A, B and C trials"), with their positions."""
    out: list[tuple[str, int]] = []
    for m in _COORD_LABELS_RE.finditer(sent):
        for g in ("a", "b"):
            label = m.group(g).strip()
            # "in the treatment and control groups": beside another group, "treatment"
            # and "study" name one ("the two treatment groups" is no list)
            if not _NOT_LABEL.match(label) or label.lower() in ("treatment", "study"):
                out.append((label, m.start(g)))
    m = re.search(
        r"\b(?i:arms?|groups?)\s+([A-D1-4])\s*(?:,\s*|\s+)(?:and|or|vs\.?)\s+"
        r"(?:(?i:arms?|groups?)\s+)?([A-D1-4])\b",
        sent,
    )
    if m:
        out += [(f"arm {m.group(1)}", m.start(1)), (f"arm {m.group(2)}", m.start(2))]
    if not out:
        out = designator_range(sent)
    if not out:
        out = _group_list_labels(sent)
    return out


_VERSUS_RE = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to))(?:\s|$)", re.I)
_COMPARATOR_BEFORE_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?)\s+(?:(?:in|with|for|among)\s+)?(?:the\s+)?$",
    re.I,
)
#: "(37.0 μM baseline vs. 820.2 μM post dosing)": one group before and after
_BEFORE_AFTER_RE = re.compile(r"\b(?:baseline|before|after|pre|post|initial|final)\b", re.I)
_PAIR_SECOND_RE = re.compile(r"\b(?:vs\.?|versus|than|and|or)\s+(?:the\s+|with\s+)?$", re.I)


_LABELS_NEXT_RE = re.compile(r"\s*(?:groups?|arms?)?\s*[(\[]\s*(?:(?:mean|median)\s+)?", re.I)


#: a word naming whose people were counted: no number, no function word ("46 out of 319
#: patients (", "19 of the patients (" count no group's people)
_COUNTED_WORD = (
    r"(?!(?:of|out|the|in|for|and|or|with|among|all|these|those|both)\b)[A-Za-z][\w+/-]*"
)
#: "20 control patients (" / "fourteen study patients [": a count of one group's people
#: right before the value's bracket; the words between number and noun name the group
_COUNT_NOUN_BEFORE_RE = re.compile(
    rf"\b(?:\d+|{NUMBER_WORDS})\s+(?P<label>(?:{_COUNTED_WORD}\s+){{0,2}}?{_COUNTED_WORD})\s+"
    rf"(?P<who>{_WHO_WORDS})\s*[(\[]\s*$",
    re.I,
)
#: "(17% versus 48%)": two values set against each other, nothing else between them
_VERSUS_ONLY_RE = re.compile(r"\s*(?:%|[A-Za-zµμ/]{1,8}\.?)?\s*(?:vs\.?|versus)\s*", re.I)
#: what may close the pair's parenthesis: the second value's unit, its p
_PAIR_CLOSE_RE = re.compile(r"\s*(?:%|[A-Za-zµμ/]{1,8})?\s*(?:[;,]\s*[pP]\s*[=<>≤≥]\s*[.\d·]+)?\s*")
#: what joins a parenthesis to the group named right after it ("...) in the A group")
_PAREN_THEN_CUE_RE = re.compile(
    r"\)\s*,?\s*(?:(?:in|for|among|on)\s+|(?<!compared)\s*with\s+)?(?:the\s+)?", re.I
)


def _values_next_to_groups(
    sent: str, vals: list[Mention], cues: list[Mention]
) -> dict[int, str | None]:
    """Values whose group is the one printed next to them, whatever a cue further
    away says (None: a group no cue names, so no arm):

    - "20 control patients (50%) and 14 study patients (40%)": in a list of counts
      of people, each with its rate, each rate is the group its count names;
    - "lower (17% versus 48%) in the study group": of two values set against
      each other in a parenthesis, the group named right after it is the first
      value's; the second is the other group's, unnamed here."""
    out: dict[int, str | None] = {}
    counted: dict[int, tuple[int, int]] = {}
    for i, v in enumerate(vals):
        m = _COUNT_NOUN_BEFORE_RE.search(sent[max(0, v.start - 80) : v.start])
        if m:
            off = max(0, v.start - 80)
            counted[i] = (off + m.start("label"), off + m.end("who"))
    if len(counted) >= 2:
        for i, (a, b) in counted.items():
            named = [c for c in cues if a <= c.start and c.end <= b and c.label]
            out[i] = named[0].label if named else None
    for i in range(len(vals) - 1):
        v, w = vals[i], vals[i + 1]
        if i in out or i + 1 in out:
            continue
        opened = sent.rfind("(", 0, v.start)
        if opened < 0 or sent.find(")", opened) < w.end or ")" in sent[opened : v.start]:
            continue
        if "(" in sent[opened + 1 : v.start] or "(" in sent[v.end : w.start]:
            continue
        if not _VERSUS_ONLY_RE.fullmatch(sent[v.end : w.start]):
            continue
        if i + 2 < len(vals) and vals[i + 2].start < sent.find(")", w.end):
            continue  # three values in the parenthesis: not a pair
        close = sent.find(")", w.end)
        if not _PAIR_CLOSE_RE.fullmatch(sent[w.end : close]):
            continue
        join = _PAREN_THEN_CUE_RE.match(sent, close)
        if join is None:
            continue
        after = [c for c in cues if c.start == join.end() and c.label]
        if after and not _COMPARATOR_BEFORE_RE.search(sent[: after[0].start]):
            out[i], out[i + 1] = after[0].label, None
    return out


def arm_of_values(
    sent: str, vals: list[Mention], cues: list[Mention] | None = None
) -> dict[int, str]:
    """Which group each value (by index in `vals`) is stated for, as printed:

    - a group printed right next to the value (see `_values_next_to_groups`);
    - "x and y in the A and B groups, respectively" / "A and B: x and y,
      respectively": the k-th value takes the k-th label;
    - "x in the A group and y in the B group": a value takes the cue that
      follows it in its clause, before the next value;
    - "in the A group, x": else the cue standing right before it in its clause.
    Values nothing names are left out.
    """
    cues = arm_cues(sent) if cues is None else cues
    # "but not in the placebo group (...)": a negated group still ends the clause of the
    # group before it, but is given no value
    cues = [replace(c, label=_NEGATED) if _negated(sent, c) else c for c in cues]
    # "CRP fell by 32% compared with placebo.": the group compared against, after the
    # last value of its clause, is not that value's
    cues = [replace(c, label=_NEGATED) if _compared_after(sent, c, vals) else c for c in cues]
    # "3.2 in the ketamine and placebo groups combined": a value of both groups, neither's;
    # "59 and 56 days for the A and B groups", "in the A and B groups (4.6% vs 4.3%)": two
    # values listed right at the two groups are theirs in order, as with "respectively"
    paired: dict[int, str] = {}
    if not _RESPECTIVELY_RE.search(sent):
        paired = _listed_at_pair(sent, vals)
        cues = [c for c in cues if not _coordinated(sent, c)]
    out = _arm_of_values(sent, vals, cues)
    for i, label in _values_next_to_groups(sent, vals, cues).items():
        if label is None:
            out.pop(i, None)
        else:
            out[i] = label
    out.update(paired)
    return {i: label for i, label in out.items() if label != _NEGATED}


#: "in the A and B groups": the first of two groups one group word names together
_COORDINATED_AFTER_RE = re.compile(
    r"^(?:\s*,)?\s+(?:and|or|&)\s+(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+){0,2}\s+(?:groups|arms|conditions)\b",
    re.I,
)
#: "... A and B groups": the second, after a preposition and the first group's word
_COORDINATED_BEFORE_RE = re.compile(
    r"\b(?:in|for|among|with|of|on|under)\s+(?:the\s+|both\s+(?:the\s+)?)?[\w+/-]+(?:\s+[\w+/-]+){0,2}"
    r"(?:\s*,)?\s+(?:and|or|&)\s+(?:the\s+)?$",
    re.I,
)
_PLURAL_GROUP_AFTER_RE = re.compile(r"^\s*(?:groups|arms|conditions)\b", re.I)


#: what joins two listed values: the first one's unit, then "and", "vs" or a comma
_LIST_JOIN_RE = re.compile(
    r"\s*(?:%|[A-Za-zµμ/]{1,8}\.?)?\s*(?:,\s*(?:and\s+)?|and\s+|vs\.?\s*|versus\s+)", re.I
)
#: what may stand between the second listed value and the pair of groups: its unit
_LIST_END_RE = re.compile(r"\s*(?:%|[A-Za-zµμ/]{1,8}\.?)?\s*,?\s*", re.I)


def _listed_at_pair(sent: str, vals: list[Mention]) -> dict[int, str]:
    """Two values listed right before a pair of groups one group word names
    ("92 and 91% in the sunitinib and control arms") or alone in the
    parenthesis right after it ("in the switched and continued groups (4.6% vs
    4.3%)"): the first group's and the second's, as with "respectively"."""
    out: dict[int, str] = {}
    for m in _COORD_LABELS_RE.finditer(sent):
        if re.match(r"\w+\s+both\b", m.group(0), re.I):
            continue  # "for both the A and B groups": each group's, not one each
        labels = [m.group("a").strip(), m.group("b").strip()]
        if any(_NOT_LABEL.match(label) for label in labels):
            continue
        before = [i for i, v in enumerate(vals) if v.end <= m.start()][-2:]
        if (
            len(before) == 2
            and _LIST_JOIN_RE.fullmatch(sent[vals[before[0]].end : vals[before[1]].start])
            and _LIST_END_RE.fullmatch(sent[vals[before[1]].end : m.start()])
        ):
            out.update(zip(before, labels, strict=True))
            continue
        opened = re.match(r"\s*\(", sent[m.end() :])
        close = sent.find(")", m.end())
        if not opened or close < 0:
            continue
        inside = [i for i, v in enumerate(vals) if m.end() < v.start and v.end <= close]
        if (
            len(inside) == 2
            and _LIST_JOIN_RE.fullmatch(sent[vals[inside[0]].end : vals[inside[1]].start])
            and _PAIR_CLOSE_RE.fullmatch(sent[vals[inside[1]].end : close])
        ):
            out.update(zip(inside, labels, strict=True))
    return out


def _coordinated(sent: str, c: Mention) -> bool:
    """A group cue that is one of two groups a plural group word names together
    ("in the ketamine and placebo groups"): without "respectively", what is
    stated there is both groups', not one's."""
    if _COORDINATED_AFTER_RE.match(sent[c.end :]):
        return True
    text = sent[c.start : c.end]
    plural = bool(re.search(r"\b(?:groups|arms|conditions)$", text, re.I)) or bool(
        _PLURAL_GROUP_AFTER_RE.match(sent[c.end :])
    )
    return plural and bool(_COORDINATED_BEFORE_RE.search(sent[max(0, c.start - 60) : c.start]))


#: the label a negated group's cue takes: no arm's name
_NEGATED = "\x00not"
#: "but not in the X arm", "and not among those in the", "not with placebo"
_NEGATED_BEFORE_RE = re.compile(
    r"\bnot\s+(?:(?:in|for|among|with|on|by|after)\s+)?"
    r"(?:the\s+|those\s+(?:in|on|receiving|given|taking)\s+(?:the\s+)?)?$",
    re.I,
)


_COMPARED_BEFORE_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+"
    r"(?:the\s+|those\s+(?:in|on)\s+(?:the\s+)?)?$",
    re.I,
)


def _compared_after(sent: str, c: Mention, vals: list[Mention]) -> bool:
    """A group the clause compares its values against, named after them with no
    value of its own ("was 32% (p < 0.001) compared with placebo.")."""
    if not vals or not _COMPARED_BEFORE_RE.search(sent[max(0, c.start - 40) : c.start]):
        return False
    if not any(v.end <= c.start for v in vals):
        return False
    stop = re.search(r"[;.](?:\s|$)", sent[c.end :])
    end = c.end + stop.start() if stop else len(sent)
    return not any(c.end <= v.start < end for v in vals)


#: "(51.3% vs. 10%) in favour of the X group": the arm a result favours, no value's
_FAVOUR_BEFORE_RE = re.compile(r"\bin\s+favou?r\s+of\s+(?:the\s+)?$", re.I)


def _negated(sent: str, c: Mention) -> bool:
    """A group cue the sentence negates ("but not in the placebo group", "and not
    the control group") or that a result favours ("in favour of the X group"):
    the value it would take is not said to be that group's."""
    if c.label and re.match(r"(?:not|favou?r\s+of)\s", c.label, re.I):
        return True
    before = sent[max(0, c.start - 40) : c.start]
    return bool(_NEGATED_BEFORE_RE.search(before) or _FAVOUR_BEFORE_RE.search(before))


def _arm_of_values(sent: str, vals: list[Mention], cues: list[Mention]) -> dict[int, str]:
    out: dict[int, str] = {}
    if not vals:
        return out
    compared = compared_labels(sent)
    listed: dict[int, str] = {}
    if _RESPECTIVELY_RE.search(sent):
        labels = coordinated_labels(sent) or [(c.label or "", c.start) for c in compared]
        # "the mean X in the A and B groups were ..., the mean Y in the A and B groups
        # were ...": the groups named again are the same groups
        distinct: dict[str, tuple[str, int]] = {}
        for lab, pos in labels:
            distinct.setdefault(lab.lower(), (lab, pos))
        labels = list(distinct.values())
        if len(labels) >= 2 and len(vals) % len(labels) == 0:
            for i in range(len(vals)):
                out[i] = labels[i % len(labels)][0]
            return out
        # "18.6 and 15.6 g/L in the A and B groups, respectively, higher than in the
        # control group (9.3 g/L)": the values up to "respectively" are the list's, one
        # a group; the values after it are read as any other
        cut = _RESPECTIVELY_RE.search(sent)
        first = [i for i, v in enumerate(vals) if cut and v.end <= cut.start()]
        if len(labels) >= 2 and len(first) == len(labels):
            listed = {i: labels[k][0] for k, i in enumerate(first)}
    out.update(_ordered_in_parens(sent, vals, dedupe_overlaps([*cues, *compared])))
    out.update(listed)
    named = [c for c in cues if c.label]
    # "the change during X vs placebo was 1 cm vs -1 cm, respectively": a cue second in a
    # pair whose first member is no cue is not alone the group of the values after it
    paired = (
        {c.start for c in cues if _PAIR_SECOND_RE.search(sent[: c.start])}
        if _RESPECTIVELY_RE.search(sent)
        else set()
    )
    named = [c for c in named if c.start not in paired]
    if named and named[0].end <= vals[0].start and named[-1].start >= vals[-1].end:
        named = []  # "in the A group, x (vs y in the B group)": values take the cue after them
    leading = bool(named) and named[0].end <= vals[0].start
    used: set[int] = set()
    took: dict[int, int] = {}  # value -> start of the leading cue it took
    for i, v in enumerate(vals):
        if i in out:
            continue
        if leading:
            # "In group 1, x ...; in group 2, y": each group is named before its values
            before = [c for c in named if c.end <= v.start]
            if before:
                out[i] = before[-1].label or ""
                took[i] = before[-1].start
                # "better in the A group (80% vs. 28%)": values set against each other
                # are two groups', though only the first one's is named
                if (
                    took.get(i - 1) == took[i]
                    and _VERSUS_RE.search(sent[vals[i - 1].end : v.start])
                    and not _BEFORE_AFTER_RE.search(sent[vals[i - 1].start : v.end + 20])
                ):
                    out.pop(i)
                    if _COMPARATOR_BEFORE_RE.search(sent[: before[-1].start]):
                        # "lower in the A group compared with controls (3.1 vs 9.8)":
                        # the group named last is the comparator, not the first value's
                        out.pop(i - 1, None)
                    took[i] = -1
            continue
        nxt = vals[i + 1].start if i + 1 < len(vals) else len(sent)
        after = [c for c in cues if v.end <= c.start < nxt]
        after = [c for c in after if not _CLAUSE_BREAK_RE.search(sent[v.end : c.start])]
        # "(GLP-1 (9.1 ± 2.7) vs. placebo (5.8 ± 1.8))": a cue opening the next value's
        # parenthesis labels that value, not this one
        after = [c for c in after if not _LABELS_NEXT_RE.fullmatch(sent[c.end : nxt])]
        if after:
            out[i] = after[0].label or ""
            used.add(after[0].start)
            continue
        shared = _cue_after_list(sent, vals, i, cues)
        if shared is not None:
            out[i] = shared.label or ""  # "59% and 63% in subjects receiving X": X's, both
            continue
        prev = vals[i - 1].end if i else 0
        # a cue the previous value took ("1.3 (placebo) and 1.8 ...") is not this one's
        before = [
            c for c in cues if prev <= c.start and c.end <= v.start and c.start not in used | paired
        ]
        before = [c for c in before if not _CLAUSE_BREAK_RE.search(sent[c.end : v.start])]
        if before:
            out[i] = before[-1].label or ""
    return out


#: what may stand between a list's last value and the group named for the list: its
#: unit, then a few words ("in subjects receiving ")
_TO_LIST_CUE_RE = re.compile(r"\s*(?:%|[A-Za-zµμ/]{1,8}\.?)?\s*(?:[A-Za-z-]+\s+){0,4}", re.I)


def _cue_after_list(sent: str, vals: list[Mention], i: int, cues: list[Mention]) -> Mention | None:
    """The cue right after a list of values value `i` opens ("59% and 63% in
    subjects receiving X"): the group of every value of the list."""
    k = i
    while k + 1 < len(vals) and _LIST_JOIN_RE.fullmatch(sent[vals[k].end : vals[k + 1].start]):
        k += 1
    if k == i:
        return None
    end = vals[k + 1].start if k + 1 < len(vals) else len(sent)
    after = [c for c in cues if vals[k].end <= c.start < end and c.label]
    if not after or not _TO_LIST_CUE_RE.fullmatch(sent[vals[k].end : after[0].start]):
        return None
    return after[0]


def _ordered_in_parens(sent: str, vals: list[Mention], cues: list[Mention]) -> dict[int, str]:
    """ "lower in group A than in group B (2.1 ± 1.0 vs 3.4 ± 1.2)": values
    in one parenthesis take, in order, the groups named before it in its
    clause, when there are as many of each."""
    out: dict[int, str] = {}
    for m in re.finditer(r"\(([^()]*)\)", sent):
        inside = [i for i, v in enumerate(vals) if m.start() < v.start < m.end()]
        if len(inside) < 2:
            continue
        start = max((v.end for v in vals if v.end <= m.start()), default=0)
        breaks = [b.end() for b in _CLAUSE_BREAK_RE.finditer(sent, start, m.start())]
        start = max([start, *breaks])
        labels: list[str] = []
        for c in cues:
            if start <= c.start and c.end <= m.start() and c.label and c.label not in labels:
                labels.append(c.label)
        if len(labels) == len(inside):
            out.update(zip(inside, labels, strict=True))
    return out

"""Doses, routes, days and cycles as printed in dosing statements.

Pure string functions. Units are normalised with `ontology/vocab/units.json`:
micrograms -> `ug`, grams -> mg (x1000), cGy -> Gy, m² -> m2, and a dose given
daily ("30 mg/m2/d", "100 mg/m2 daily", "400 mg orally once daily") takes the
`/day` form.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from litkg.extractor.components.textutil import load_vocab

__all__ = [
    "Dose",
    "find_cycles",
    "find_days",
    "find_route",
    "normalise_unit",
    "parse_doses",
]


@dataclass(frozen=True)
class Dose:
    """One printed dose: value and normalised unit, with its span in the string."""

    value: float
    unit: str
    start: int
    end: int
    raw: str
    # not a planned dose level: a cap ("maximum: 28 µg/day"), a formulation strength ("2 mg
    # tablets"), a toxicity reduction ("reduced to 50 mg/m2"), a summary ("median exposure of
    # 12 mg") or a radiotherapy fraction ("fractions of 1.5 Gy")
    capped: bool = False


# thousands grouped by commas or thin spaces ("200,000", "200 000"), or by
# plain spaces when the group starts with 0 ("10 000 IU": "000 IU" is no dose)
_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u2009\u202f\u00a0]\d{3})+(?!\d)"
    r"|\d{1,3}(?: 0\d\d)+(?!\d)|\d+(?:[.\u00b7]\d+)?)"
)
_MASS = (
    r"(?P<mass>\u00b5g|\u03bcg|ug|mcg|micrograms?|milligrams?|grams?|mg|ng|cGy|Gy|g|IU|MU|units?|U"
    r"|mL|ml|mmol|mEq)"
)
_BODY = (
    r"(?:(?:\s*/\s*|\s+per\s+)(?P<body>(?i:kg)(?:\s+body\s*weight)?|m\s?\^?\s?2|m\(2\)|m\u00b2|sqm|m(?=\s*/))"
    # exponent style: "75 mg m\u22122", "75 mg m\u207b\u00b2", "5 mg kg\u22121"
    r"|[ \u00b7\u22c5\u00a0]?(?P<body_exp>m\s?[\u2212\u207b\-]\s?[2\u00b2]|kg\s?[\u2212\u207b\-]\s?[1\u00b9])(?![\d\w]))"
)
_TIME = (
    r"(?:\s*/\s*|\s+per\s+)(?P<time>day|d|24\s?h|week|wk|hour|h|dose|cycle|course|min)(?![A-Za-z])"
)
_DOSE = re.compile(
    r"(?<![\d.,\u00b7\-\u2013/\w])"
    + _NUM
    + r"\s*"
    + _MASS
    # a route glued to the unit ("40 mgIV") still ends the unit
    + r"(?:(?=(?:IV|PO|SC|iv|po)\b)|(?![A-Za-z]))(?:"
    + _BODY
    + r")?(?:"
    + _TIME
    + r")?"
)
_CAP = re.compile(
    r"(?:maximum|max\.?|not exceeding|capped at|cap of|up to|ceiling)\s*[:=]?\s*(?:of\s+)?$", re.I
)


def normalise_unit(mass: str, body: str | None, time: str | None, daily: bool) -> tuple[float, str]:
    """(factor, unit): "µg", "m²", "d" -> (1, "ug/m2/day"); "g", "m2" -> (1000, "mg/m2")."""
    units = load_vocab("units.json")
    key = mass if mass in units["mass"] else mass.lower()
    canon, factor = units["mass"].get(key, units["mass"].get(mass, [mass, 1]))
    unit = canon
    if body:
        b = re.sub(r"\s+", "", body).lower()
        b = "kg" if b.startswith("kg") else "m2"
        unit += f"/{b}"
    t = None
    if time:
        t = units["per_time"].get(re.sub(r"\s+", " ", time.lower()), time.lower())
        if t in ("dose", "cycle", "min"):
            t = None if t == "dose" else t
    if daily and t is None:
        t = "day"
    if t:
        unit += f"/{t}"
    return float(factor), unit


_FREQ = (
    r"(?:daily|once|twice|thrice|per|on|for|every|each|a|qd|bid|tid|q\d|over|as|in|at|by|and|or)\b"
)


def _bracket_end(s: str) -> int:
    """Index just past the bracket group opening `s` (or len(s) when unbalanced)."""
    depth = 0
    for pos, ch in enumerate(s):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth == 0:
                return pos + 1
    return len(s)


_ROUTE_WORDS = r"(?:orally|intravenously|subcutaneously|intramuscularly|iv|IV|i\.v\.|po|PO|sc|SC|by mouth|as a)"
_ROUTE_ADJ = r"(?:oral|intravenous|subcutaneous|intramuscular|iv|IV|i\.v\.)"


def _skip_to_frequency(rest: str) -> str:
    """The text after a dose with brackets, "of <drug>", route words, a closing
    bracket and "or placebo" skipped ("(500 mg) or placebo orally following...")."""
    s = rest
    for _ in range(8):
        s = s.lstrip()
        if s[:1] in "([":
            s = s[_bracket_end(s) :]
            continue
        m = (
            re.match(r"(?:of|the)\s+(?:(?!" + _FREQ + r")[A-Za-z][\w\-]*\s*){1,3}", s)
            or re.match(_ROUTE_WORDS + r"\b", s)
            or re.match(r"\)", s)
            or re.match(
                r"(?:or|and|versus|vs\.?)\s+(?:a\s+)?(?:matching\s+|matched\s+)?placebo\b", s
            )
            # "1250 mg/m2 oral capecitabine on days 1-21": the drug named after its dose
            or re.match(
                r"(?:" + _ROUTE_ADJ + r"\s+)?[a-z][a-z\-]{3,}(?=\s+(?:on\s+|from\s+)?days?\s+\d)", s
            )
        )
        if m:
            s = s[m.end() :]
            continue
        break
    return s.lstrip()


@cache
def _schedules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units = load_vocab("units.json")
    not_daily = re.compile(r"(?:" + "|".join(units["not_daily_words"]) + r")\b", re.I)
    daily = re.compile(r"(?:" + "|".join(units["daily_words"]) + r")(?![A-Za-z])", re.I)
    every_day = re.compile(r"(?:" + "|".join(units["daily_schedules"]) + r")", re.I)
    course = re.compile(r"(?:" + "|".join(units["daily_courses"]) + r")", re.I)
    return not_daily, daily, every_day, course


def _daily_kind(rest: str) -> str | None:
    """How the text after a dose makes it a daily dose: "word" ("daily", "per day"),
    "schedule" ("on days 1-14", "5 days on, 2 days off"), "course" ("for 5 days",
    "x 2 weeks"); None when it does not (or when it is given twice daily)."""
    not_daily, daily, every_day, course = _schedules()
    s = _skip_to_frequency(rest)
    if not_daily.match(s):
        return None
    if daily.match(s):
        return "word"
    m = every_day.match(s)
    if m:
        a, b = m.groupdict().get("a"), m.groupdict().get("b")
        if a is None or b is None or int(b) > int(a):
            return "schedule"
    if course.match(s):
        return "course"
    return None


def _is_daily(rest: str) -> bool:
    return _daily_kind(rest) is not None


# not a planned dose level: a toxicity reduction, or a summary of doses received
_NOT_PLANNED_BEFORE = re.compile(
    r"(?:(?:reduc|decreas|lower|de-?escalat|attenuat)\w*\s+(?:[\w\-]+\s+){0,3}?(?:to|by)"
    r"|(?:median|mean|average|cumulative)\s+(?:[\w\-]+\s+){0,4}?(?:of|was|were|is)?"
    r"|at least|a minimum of|no (?:more|less) than|not (?:more|less) than|(?:more|less) than"
    r"|[<>\u2264\u2265])\s*$",
    re.I,
)
# a fraction of a radiotherapy course, not its total dose
_FRACTION_AFTER = re.compile(r"\s*(?:per|/|a|each|in\s+each)\s*fraction\b", re.I)
_FRACTION_BEFORE = re.compile(r"\bfractions?(?:\s+size)?\s+of\s*$", re.I)
# "120 g/L", "0.5 mg/dL", "60 mL/min": a concentration or a rate, not a dose
_PER_OTHER = re.compile(r"\s*/\s*[A-Za-z\u00b5\u03bc]")


# carboplatin "AUC 5", "AUC = 6 mg/mL/min", "target AUC of 5"; not a measured
# exposure over an interval ("AUC0-24", "AUC4–9 h", "AUC 0 to 6 h")
_AUC = re.compile(
    r"(?<![\w\-])AUC\s*(?:=|of|:)?\s*(?P<num>\d{1,2}(?:[.\u00b7]\d+)?)(?![\d.,\u00b7])"
    r"(?!\s*(?:[-\u2010-\u2015\u2212]\s*\d|to\s+\d|h\b|hrs?\b|hours?\b|min\b))"
    r"(?:\s*mg\s*/\s*m[lL]\s*(?:/|[\u00b7\u22c5x\u00d7*]|per)\s*min\b)?"
)
# "1000 mg/m2 twice daily (2000 mg/m2/day)": the daily total restating a per-dose level
_DAILY_TOTAL_RESTATED = re.compile(
    r"(?:twice|two times|three times|thrice)\s+(?:daily|a day|per day)\s*[(\[]\s*"
    r"(?:(?:a\s+)?total(?:\s+daily)?(?:\s+dose)?(?:\s+of)?\s*)?$",
    re.I,
)


def parse_doses(text: str) -> list[Dose]:
    """Every dose printed in `text`, normalised ("1 g/m2" -> 1000 mg/m2, "9 µg ... daily" -> 9 ug/day,
    "1000 mg/m2 on days 1-14" -> mg/m2/day; Gy never takes /day)."""
    raw: list[tuple[re.Match[str], float, str, str | None, bool]] = []
    for m in _DOSE.finditer(text):
        num = re.sub(r"[,\s]", "", m.group("num")).replace("\u00b7", ".")
        try:
            float(num)
        except ValueError:
            continue
        mass = m.group("mass")
        if mass in ("U", "g") and not (m.group("body") or m.group("time")) and mass == "U":
            continue  # a bare "U" is too ambiguous
        if _PER_OTHER.match(text, m.end()) or (
            mass.lower() == "ml" and (m.group("time") or "").lower() == "min"
        ):
            continue
        body = m.group("body") or m.group("body_exp")
        radiation = mass in ("Gy", "cGy")
        kind = None if m.group("time") or radiation else _daily_kind(text[m.end() :])
        factor, unit = normalise_unit(mass, body, m.group("time"), kind is not None)
        # decimal arithmetic: "1.1 g" is exactly 1100 mg, and "0.0000001 mg" stays non-zero
        value = float(Decimal(num) * Decimal(str(factor)))
        if not math.isfinite(value):
            continue  # hundreds of digits: not a dose (and float() overflows)
        before = text[max(0, m.start() - 60) : m.start()]
        capped = bool(_CAP.search(before[-25:])) or bool(_NOT_PLANNED_BEFORE.search(before))
        if re.match(
            r"\s*(?:[A-Za-z\-]+\s+){0,2}(?:tablets?|capsules?|vials?|ampoules?|sachets?)\b",
            text[m.end() :],
        ):
            capped = True  # a formulation strength ("2 mg moxidectin tablets"), not a dose
        if radiation and (
            m.group("time")
            or _FRACTION_AFTER.match(text, m.end())
            or _FRACTION_BEFORE.search(before)
        ):
            capped = True  # "2 Gy/day", "1.5 Gy per fraction", "fractions of 1.5 Gy"
        if _DAILY_TOTAL_RESTATED.search(before):
            capped = True
        raw.append((m, value, unit, kind, capped))
    out: list[Dose] = []
    for i, (m, value, unit, kind, capped) in enumerate(raw):
        if kind is None and i + 1 < len(raw) and raw[i + 1][3] == "course":
            # "DDP (20 mg/m2) and 5-FU (750 mg/m2) for 5 days": the course covers both
            nxt = raw[i + 1][0]
            gap = text[m.end() : nxt.start()]
            if (
                len(gap) <= 40
                and ";" not in gap
                and not re.search(
                    r"(?i)\b(?:days?|daily|weeks?|every|once|twice|bolus|hours?|h)\b", gap
                )
                and not m.group("time")
                and m.group("mass") not in ("Gy", "cGy")
            ):
                body = m.group("body") or m.group("body_exp")
                factor, unit = normalise_unit(m.group("mass"), body, None, True)
        out.append(Dose(value, unit, m.start(), m.end(), m.group(0), capped))
    for m in _AUC.finditer(text):
        auc = float(Decimal(m.group("num").replace("\u00b7", ".")))
        if not 1 <= auc <= 10:
            continue  # a target AUC is a few mg/mL x min; "AUC 0.79" is a ROC area
        out.append(Dose(auc, "AUC", m.start(), m.end(), m.group(0)))
    out.sort(key=lambda d: d.start)
    return out


@cache
def _route_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The route words of units.json compiled once, in their order: a pattern
    with two capitals in a row ("IV") is case-sensitive, the others are not."""
    routes = load_vocab("units.json")["routes"]
    return tuple(
        (route, re.compile(p, 0 if re.search(r"[A-Z]{2}", p) else re.I))
        for route, pats in routes.items()
        for p in pats
    )


def find_route(text: str) -> str | None:
    """iv | sc | po from route words ("intravenously", "continuous IV infusion", "orally")."""
    best: tuple[int, str] | None = None
    for route, rx in _route_patterns():
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), route)
    return best[1] if best else None


_DAYS = re.compile(
    r"\bdays?\s+(?P<a>\d{1,3})\s*(?:-|\u2013|\u2010|to|through|thru)\s*(?P<b>\d{1,3})\b"
    r"|\bdays?\s+(?P<list>\d{1,3}(?:\s*,\s*\d{1,3})*(?:,?\s*and\s*\d{1,3})?)\b",
    re.I,
)


def find_days(text: str) -> str | None:
    """The days of a cycle as printed: "days 1 through 28" -> "1-28", "days 1, 8 and 15" -> "1,8,15"."""
    m = _DAYS.search(text)
    if not m:
        return None
    if m.group("a"):
        return f"{m.group('a')}-{m.group('b')}"
    nums = re.findall(r"\d+", m.group("list"))
    return ",".join(nums)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return load_vocab("units.json")["number_words"].get(word.lower())


_CYCLES = re.compile(
    r"(?P<pre>\b(?:up to|a maximum of|maximum of|all|planned|intended|for|consisted of)\s+)?"
    r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:(?:intended|planned|consecutive|additional|\w+mab|\w+nib)\s+)?(?P<what>cycles?|courses?)\b"
    r"(?P<post>\s+(?:of|were|was|every|each|at|in total))?",
    re.I,
)


def find_cycles(text: str) -> int | None:
    """Planned number of cycles/courses ("up to 4 cycles", "four courses", "2 courses of 4 weeks");
    not counts received ("a median of 2 courses", "at least one cycle")."""
    for m in _CYCLES.finditer(text):
        before = text[max(0, m.start() - 25) : m.start()].lower()
        if re.search(
            r"median|at least|range|mean|total of|\u2265|>=|>|number of|completed\s*$", before
        ):
            continue
        if not (m.group("pre") or m.group("post")) and not re.search(r"(?i)planned|intended", text):
            # bare "received 3 cycles" reads like a count, unless stated as the plan
            if not re.match(r"\s*(?:of|every|each)\b", text[m.end() :]):
                continue
        n = _count(m.group("n"))
        if n:
            return n
    return None

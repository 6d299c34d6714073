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
    # a cap ("maximum: 28 µg/day") or a formulation strength ("2 mg tablets"), not a dose level
    capped: bool = False


_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.\u00b7]\d+)?)"
_MASS = (
    r"(?P<mass>\u00b5g|\u03bcg|ug|mcg|micrograms?|milligrams?|grams?|mg|ng|cGy|Gy|g|IU|MU|units?|U"
    r"|mL|ml|mmol|mEq)"
)
_BODY = r"(?:\s*/\s*|\s+per\s+)(?P<body>kg(?:\s+body\s*weight)?|m\s?\^?\s?2|m\u00b2|sqm|m(?=\s*/))"
_TIME = (
    r"(?:\s*/\s*|\s+per\s+)(?P<time>day|d|24\s?h|week|wk|hour|h|dose|cycle|course|min)(?![A-Za-z])"
)
_DOSE = re.compile(
    r"(?<![\d.,\u00b7\-\u2013/\w])"
    + _NUM
    + r"\s*"
    + _MASS
    + r"(?![A-Za-z])(?:"
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


def _skip_to_frequency(rest: str) -> str:
    """The text after a dose with brackets, "of <drug>" and route words skipped."""
    s = rest
    route = r"(?:orally|intravenously|subcutaneously|iv|IV|i\.v\.|po|PO|sc|SC|by mouth|as a)"
    for _ in range(8):
        s = s.lstrip()
        if s[:1] in "([":
            s = s[_bracket_end(s) :]
            continue
        m = re.match(r"(?:of|the)\s+(?:(?!" + _FREQ + r")[A-Za-z][\w\-]*\s*){1,3}", s) or re.match(
            route + r"\b", s
        )
        if m:
            s = s[m.end() :]
            continue
        break
    return s.lstrip()


def _is_daily(rest: str) -> bool:
    units = load_vocab("units.json")
    s = _skip_to_frequency(rest)
    if re.match(r"(?:" + "|".join(units["not_daily_words"]) + r")\b", s, re.I):
        return False
    return bool(re.match(r"(?:" + "|".join(units["daily_words"]) + r")(?![A-Za-z])", s, re.I))


def parse_doses(text: str) -> list[Dose]:
    """Every dose printed in `text`, normalised ("1 g/m2" -> 1000 mg/m2, "9 µg ... daily" -> 9 ug/day)."""
    out: list[Dose] = []
    for m in _DOSE.finditer(text):
        num = m.group("num").replace(",", "").replace("\u00b7", ".")
        try:
            value = float(num)
        except ValueError:
            continue
        mass = m.group("mass")
        if mass in ("U", "g") and not (m.group("body") or m.group("time")) and mass == "U":
            continue  # a bare "U" is too ambiguous
        daily = not m.group("time") and _is_daily(text[m.end() :])
        factor, unit = normalise_unit(mass, m.group("body"), m.group("time"), daily)
        # decimal arithmetic: "1.1 g" is exactly 1100 mg, and "0.0000001 mg" stays non-zero
        value = float(Decimal(num) * Decimal(str(factor)))
        if not math.isfinite(value):
            continue  # hundreds of digits: not a dose (and float() overflows)
        capped = bool(_CAP.search(text[max(0, m.start() - 25) : m.start()]))
        if re.match(
            r"\s*(?:[A-Za-z\-]+\s+){0,2}(?:tablets?|capsules?|vials?|ampoules?|sachets?)\b",
            text[m.end() :],
        ):
            capped = True  # a formulation strength ("2 mg moxidectin tablets"), not a dose
        out.append(Dose(value, unit, m.start(), m.end(), m.group(0), capped))
    return out


def find_route(text: str) -> str | None:
    """iv | sc | po from route words ("intravenously", "continuous IV infusion", "orally")."""
    routes = load_vocab("units.json")["routes"]
    best: tuple[int, str] | None = None
    for route, pats in routes.items():
        for p in pats:
            flags = 0 if re.search(r"[A-Z]{2}", p) else re.I
            m = re.search(p, text, flags)
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

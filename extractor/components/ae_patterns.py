"""Regular expressions and small parsers shared by the adverse-event rules.

Grades ("grade ≥3", "G3/4", "grades I–II and III–IV", "fatal"), counts
("12 (18%) patients", "three patients", "N=1"), percentages, and the clause
boundaries the rules respect. Pure functions over strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})

_UNIT_ALT = "|".join(sorted(_UNITS[1:], key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
NUM_WORD = rf"(?i:(?:{_TENS_ALT})(?:[\s\-](?:{_UNIT_ALT}))?|{_UNIT_ALT})"
NUM = rf"(?:(?<![\d.,/])\d{{1,5}}(?![\d]|[.,]\d)|\b{NUM_WORD}\b)"
PCT = r"(?<![\d.])\d{1,3}(?:[.·]\d+)?\s*(?:%|(?i:per\s?cent)\b)"
NOUN = (
    r"(?i:patients?|subjects?|participants?|pts\.?|children|adults|cases?|recipients?|"
    r"individuals?|persons?|people|men|women|infants|adolescents)"
)
NOUN_SING = r"(?i:patient|subject|participant|child|case|recipient|individual|person|pt)"
TIME_UNIT = r"(?i:days?|weeks?|months?|years?|hours?|h|min|cycles?|courses?|doses?|mg|g|kg|µg|ug)"

# A single grade: Arabic 1-5 or Roman I-V.
_D = r"(?:[1-5](?![\d]|[.,]\d|\s*%)|(?:IV|V|I{1,3})(?![A-Za-z]))"
_RANGE_SEP = r"\s*(?:-|–|—|‐|‑|to|/|through)\s*(?:(?i:grade)\s*)?"
_OP_GE = r"(?:≥|>=|=>|⩾|>|\\geq?)"
_OP_LE = r"(?:≤|<=|=<|⩽|<|\\leq?)"
_SUFFIX_GE = (
    r"(?:\s*\+|\s+(?i:or\s+(?:higher|greater|above|more|worse)|and\s+(?:higher|above|greater)))"
)
GRADE_ITEM = rf"(?:{_OP_GE}\s*{_D}|{_OP_LE}\s*{_D}|{_D}{_SUFFIX_GE}|{_D}(?:{_RANGE_SEP}{_D})?)"
_ITEM_SEP = r"\s*(?:,\s*(?:and\s+)?|and|or|&)\s*(?:(?i:grades?)\s*)?"
GRADE_EXPR = re.compile(
    rf"(?P<word>\b(?i:grades?)[\s\-]*(?P<body>{GRADE_ITEM}(?:{_ITEM_SEP}{GRADE_ITEM})*))"
    rf"|(?P<opword>(?P<op>{_OP_GE}|{_OP_LE})\s*(?i:grade)\s*(?P<opd>{_D}))"
    rf"|(?P<g>(?<![A-Za-z])G\s?(?P<gbody>{_OP_GE}?\s*{_D}(?:\s*(?:-|/|–)\s*G?\s?{_D})?)"
    rf"(?![A-Za-z\d]))"
    r"|(?P<fatal>\b(?i:fatal|lethal)\b)"
    r"|(?P<any>\b(?i:any|all)[\s\-]grades?\b(?!\s*(?:[1-5IV≥>≤<]|\\[gl]e)))"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def to_int(text: str) -> int | None:
    """An integer from digits or English number words ("twenty-one"), else None."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    if t in ("a", "an", "another", "a single", "single"):
        return 1
    parts = re.split(r"[\s\-]+", t)
    total = 0
    for p in parts:
        if p not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[p]
    return total


def to_pct(text: str) -> float:
    """The number in a percentage string ("38.1%", "45 percent")."""
    m = re.search(r"\d+(?:[.·]\d+)?", text)
    return float(m.group().replace("·", ".")) if m else float("nan")


def _digit(d: str) -> int:
    d = d.strip()
    return int(d) if d.isdigit() else _ROMAN[d.upper()]


def _parse_item(item: str) -> tuple[int, int, bool]:
    """(low, high, open_ended) of one grade item."""
    item = item.strip()
    m = re.match(rf"{_OP_GE}\s*({_D})", item)
    if m:
        op = re.match(_OP_GE, item).group()
        d = _digit(m.group(1))
        return (d + 1 if op == ">" else d), 5, True
    m = re.match(rf"{_OP_LE}\s*({_D})", item)
    if m:
        op = re.match(_OP_LE, item).group()
        d = _digit(m.group(1))
        return 1, (d - 1 if op == "<" else d), False
    m = re.match(rf"({_D}){_SUFFIX_GE}", item)
    if m:
        return _digit(m.group(1)), 5, True
    ds = re.findall(_D, item)
    vals = [_digit(d) for d in ds] or [0]
    return min(vals), max(vals), False


def format_grade(low: int, high: int, open_ended: bool) -> str:
    """The record's grade string: "3", "3-4", ">=3", "1-3"."""
    if open_ended and high == 5 and low < 5:
        return f">={low}"
    if low == high:
        return str(low)
    return f"{low}-{high}"


def grade_items(match: re.Match[str]) -> list[str] | None:
    """The grades a GRADE_EXPR match names, one string per listed item.

    "grades 3 and 4" gives ["3", "4"] (a list, for "respectively"); "grade 3/4"
    gives ["3-4"]; "fatal" gives ["5"]; "any grade" gives [] (no grade).
    """
    if match.group("fatal"):
        return ["5"]
    if match.group("any"):
        return []
    if match.group("opword"):
        return [format_grade(*_parse_item(match.group("op") + match.group("opd")))]
    if match.group("g"):
        return [format_grade(*_parse_item(match.group("gbody")))]
    body = match.group("body")
    # "3 or 4" is a range; "3 and 4" / "3, 4" is a list.
    pieces = re.split(r"\s*(?:,\s*(?:and\s+)?|\band\b|&)\s*(?:(?i:grades?)\s*)?", body)
    out = []
    for piece in pieces:
        if not piece.strip():
            continue
        sub = re.split(r"\s+(?i:or)\s+(?!(?i:higher|greater|above|more|worse))", piece)
        # every part names a grade: a word left over is no grade 0
        sub = [s for s in sub if re.search(_D, s)] or sub
        if len(sub) > 1:
            spans = [_parse_item(s) for s in sub]
            out.append(
                format_grade(
                    min(s[0] for s in spans), max(s[1] for s in spans), any(s[2] for s in spans)
                )
            )
        else:
            out.append(format_grade(*_parse_item(piece)))
    return [g for g in out if is_band(g)]


_BAND = re.compile(r"^(?:([1-5])|([1-5])-([1-5])|>=([1-5]))$")


def is_band(grade: str) -> bool:
    """Is `grade` a CTCAE band ("3", "3-4", ">=3")? "<1" parses to "1-0" and
    a word read as a grade to "0": neither is one."""
    m = _BAND.match(grade)
    return bool(m) and (m.group(2) is None or m.group(2) < m.group(3))


def collapse_grades(items: list[str]) -> str | None:
    """One grade for a list of grades: their overall range ("3", "4" -> "3-4")."""
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    lows, highs, open_ = [], [], False
    for it in items:
        if it.startswith(">="):
            lows.append(int(it[2:]))
            highs.append(5)
            open_ = True
        elif "-" in it:
            a, b = it.split("-")
            lows.append(int(a))
            highs.append(int(b))
        else:
            lows.append(int(it))
            highs.append(int(it))
    return format_grade(min(lows), max(highs), open_)


def paren_end(text: str, start: int) -> int | None:
    """Index just past the parenthesis closing the one opened at `start`, or None."""
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def paren_depths(text: str) -> list[int]:
    """The parenthesis depth at each character of `text`."""
    out, depth = [], 0
    for c in text:
        if c == "(":
            depth += 1
            out.append(depth)
            continue
        if c == ")":
            out.append(depth)
            depth = max(depth - 1, 0)
            continue
        out.append(depth)
    return out


CLAUSE_BOUNDARY = re.compile(
    r";|\brespectively\b|,\s*(?:and|with|while|whereas|but)\b|\b(?:but|whereas|while|however|"
    r"although|though|except)\b",
    re.I,
)


@dataclass(frozen=True)
class AEMatch:
    """One adverse event found in a sentence or a table row.

    `char_start`/`char_end` delimit the term's mention within the sentence (or
    the cell within the tab-joined row, for tables). `rule` names the rules
    that produced it. `arm` is the table's arm header as printed, if any.
    """

    term: str
    grade: str | None
    n: int | None
    percent: float | None
    char_start: int
    char_end: int
    rule: str
    arm: str | None = None
    surface: str = ""

"""What a header label (or a stub) says: a grade band, a statistic, an arm
size, a treatment period, or a name.

Pure functions over one label's text; `litkg.extractor.tables.model` combines
the labels of a column's header rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from litkg.extractor.components.ae_patterns import GRADE_EXPR, collapse_grades, grade_items
from litkg.extractor.numbers import NUMBER_WORDS

from .values import strip_marks

# Statistic labels, whole-label matches, to the statistic they name.
_STATS: list[tuple[str, re.Pattern[str]]] = [
    (s, re.compile(rx, re.I))
    for s, rx in [
        ("n (%)", r"(?:n|no\.?|number|patients?|pts)\s*[(\[]\s*%\s*[)\]](?:\s*\[.*\])?"),
        ("n/N", r"n\s*/\s*n(?:\s*\(\s*%\s*\))?"),
        ("%", r"%|percent(?:age)?|rate\s*\(?%\)?|\(%\)|incidence\s*\(%\)"),
        ("n", r"n|no\.?|number|number of (?:patients|events|pts)|patients?|events?|pts|count"),
        ("total", r"total (?:patients|n)|(?:patients|n) (?:evaluated|evaluable|assessed|at risk)"),
        ("median (range)", r"median\s*[(\[]\s*(?:range|min[-–, ]+max)\s*[)\]]"),
        ("median (iqr)", r"median\s*[(\[]\s*(?:iqr|q1[-–, ]+q3)\s*[)\]]"),
        ("median (95% ci)", r"median\s*[(\[]\s*95\s*%\s*ci\s*[)\]]"),
        ("median", r"(?:median|mdn)(?:,?\s*(?:months|days|weeks|years|mo))?"),
        # "M (SD)", "M ± SE": the letter M of psychology's house style is a mean with its spread
        ("mean (sd)", r"(?:mean|m)\s*(?:[(\[]\s*(?:sd|s\.d\.)\s*[)\]]|±\s*sd)"),
        ("mean (se)", r"(?:mean|m)\s*(?:[(\[]\s*(?:se|sem|s\.e\.)\s*[)\]]|±\s*sem?)"),
        ("mean (95% ci)", r"mean\s*[(\[,]?\s*95\s*%\s*ci\s*[)\]]?"),
        ("mean (range)", r"mean\s*[(\[]\s*(?:range|min[-–, ]+max)\s*[)\]]"),
        ("mean", r"mean"),
        ("sd", r"sd|s\.d\.|standard deviation"),
        ("se", r"se|sem|s\.e\.(?:m\.)?|standard error"),
        ("iqr", r"iqr|interquartile range"),
        ("range", r"range|min[-–, ]+max"),
        ("hr (95% ci)", r"(?:hr|hazard ratio)\s*[(\[,]?\s*95\s*%\s*ci\s*[)\]]?"),
        ("or (95% ci)", r"(?:or|odds ratio)\s*[(\[,]?\s*95\s*%\s*ci\s*[)\]]?"),
        ("rr (95% ci)", r"(?:rr|relative risk|risk ratio)\s*[(\[,]?\s*95\s*%\s*ci\s*[)\]]?"),
        ("hr", r"hr|hazard ratio|adjusted hr"),
        ("or", r"or|odds ratio"),
        ("rr", r"rr|relative risk|risk ratio"),
        ("ci", r"(?:95\s*%\s*)?(?:ci|confidence interval)"),
        (
            "p",
            r"p(?:[\s-]?values?)?|(?:wald|log[\s-]?rank|fisher)[’'s]*\s*p(?:[\s-]?value)?|p[\s-]?value[a-z]?",
        ),
        ("difference", r"(?:absolute\s+)?differences?(?:\s*\(95\s*%\s*ci\))?|diff\.?"),
    ]
]
_STAT_SUFFIX = re.compile(
    r"(?i)(?:(?<=[\s,;(\[])|^)[,;\s]*(?:[(\[]\s*)?(?<![A-Za-z])(?:n\s*\(\s*%\s*\)|no\.\s*\(\s*%\s*\)|n\s*/\s*n|%|n)(?:\s*[)\]])?\s*$"
)
_N_ONLY = re.compile(r"(?i)^[(\[]?\s*(?:n|no\.|number)\s*[=:]\s*(\d[\d,]*)\s*[)\]]?$")
_N_IN = re.compile(r"(?i)[(\[,]?\s*\b(?:n|no\.)\s*=\s*(\d[\d,]*)\s*(?:patients)?\s*[)\]]?")
_N_BARE_PAREN = re.compile(r"[(\[]\s*(\d{1,5})\s*[)\]]\s*$")
PERIOD_RE = re.compile(
    r"(?i)\b(?:cycles?\s*\d+(?:\s*[-–]\s*\d+)?|(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th))"
    r"\s+(?:\w+\s+)?(?:cycles?|courses?|weeks?|months?|years?|doses?)|during\b|after\b|before\b"
    r"|pre-?operative|post-?operative|pre-?treatment|post-?treatment|induction\b|maintenance\b"
    r"|consolidation\b|concurrent\b|adjuvant\b|neoadjuvant\b|follow-?up\b|baseline\b"
    r"|(?:weeks?|months?|days?)\s*\d+|acute\b|late\b|on[-\s]treatment|off[-\s]treatment)"
)
_PRE_POST = (
    # "Pre-treatment", "Post-quit day", "Postoperative": a time; "Preterm birth",
    # "Pressure", "Postoperative pain": names
    r"(?:pre|post)(?:[-– ]\w+|treatment|operative(?:ly)?|op|intervention|test|randomi[sz]ation|"
    r"natal|partum|surgery|program(?:me)?|dose|season|training|exercise|infusion|transplant\w*)"
    # "Predose baseline score", "Post-dose score", "Pre-surgery night": the occasion's score
    r"(?=\s*(?:$|[(\[,;:]|(?:mean|median|n|no\.?|sd|%|values?|visit|assessment|period|phase|"
    r"follow[- ]?up|baseline|scores?|(?:day|night|week|month|year|hour)s?)\b))"
)
#: a label that is a time point ("Baseline", "Week 12", "Six weeks", "Post-treatment", "T1")
TIME_LABEL = re.compile(
    # "End of pregnancy" is a time point, "End of pregnancy weight" an outcome
    rf"^\s*(?:baseline|{_PRE_POST}|before|after|admission|discharge|entry|enrol+ment|"
    # a bare "Pre" / "Post" row or column under a measure
    r"(?:pre|post)-?(?=\s*(?:$|[(\[,;:]))|"
    # "First eval", "Second assessment", "Final visit": the occasions of measurement
    r"(?:first|second|third|fourth|fifth|final|last|\d{1,3}(?:st|nd|rd|th))\s+(?:eval\w*|"
    r"assessments?|measurements?|visits?|sessions?|tests?|testing|follow[- ]?up|"
    # "First night post surgery", "Second day after surgery"
    r"(?:nights?|days?|weeks?|months?|years?)(?=\s+(?:after|post|before|pre|of|following)\b|\s*$))\b|"
    # "Immediately after operation", "Between discharge and 4 months": when, never who
    r"immediately\s+(?:after|before|post)\b|"
    r"between\s+(?:\d+(?:[.·]\d+)?|discharge|baseline|admission|birth|randomi[sz]ation|"
    r"enrol+ment|surgery|delivery)\s+(?:\w+\s+)?and\s+\d+(?:[.·]\d+)?\s*(?:h|hours?|d|days?|"
    r"wks?|weeks?|mos?|months?|y|yrs?|years?)\b|"
    # "6-Week", "12-month follow-up" (not "6-minute walk test")
    r"\d+-(?:h|hours?|d|days?|wks?|weeks?|mos?|months?|y|yrs?|years?)(?=\s*(?:$|[(\[,;:]|follow))|"
    r"end\b(?:\s+of\s+(?:the\s+)?[\w-]+)?(?=\s*(?:[(\[,;:]|$))|"
    r"follow[- ]?up|final|initial|"
    # a calendar date ("Spring 1999", "March 2012", "2014"): when, never who
    r"(?:(?:spring|summer|autumn|fall|winter|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+)?"
    r"(?:19|20)\d{2}(?=\s*(?:$|[(\[,;:]))|"
    r"(?:day|week|month|year|visit|time|t|d|w|m)\s*-?\d+|"
    rf"(?:\d+(?:[.·]\d+)?\s*|{NUMBER_WORDS}\s+)"
    r"(?:h|hrs?|hours?|d|days?|wks?|weeks?|mos?|mons?|months?|y|yrs?|years?|mins?|minutes?)\b)",
    re.I,
)

_ANY_GRADE = re.compile(r"(?i)^(?:any|all)(?:[\s-]+grades?)?$|^grades?\s*(?:1|i)\s*[-–]\s*(?:5|v)$")
_TOTAL = re.compile(r"(?i)^(?:total|overall)$")
_BARE_GRADE = re.compile(
    r"^(?:[1-5]|I{1,3}|IV|V)(?:\s*(?:-|–|—|/|to)\s*(?:[1-5]|I{1,3}|IV|V))?$|^[≥>≤<]\s*(?:[1-5]|I{1,3}|IV|V)$"
)


_DISP = (
    r"(?:sd|s\.d\.|se|sem|s\.e\.(?:m\.)?|iqr|range|min\s*[-–,]\s*max|q1\s*[-–,]\s*q3|"
    r"(?:95\s*%\s*)?ci)"
)
# a statistic printed after a name in one label: "Intervention Mean (SD)",
# "Control mean ±SD", "Patient median (IQR)", "Control Group IQR",
# "Drug mean/median (SD/IQR)"; the name is what stands before it
_NAME_STAT = re.compile(
    rf"(?i)(?:^|(?<=[\s,;:(\[]))[,;:\s]*[(\[]?\s*(?P<stat>"
    rf"(?:mean|median)(?:\s*/\s*(?:mean|median))?"
    rf"(?:\s*(?:[(\[]\s*{_DISP}(?:\s*/\s*{_DISP})?\s*[)\]]?|(?:±|\+/-)\s*{_DISP}))?"
    rf"|(?:±|\+/-)\s*{_DISP}|sd|s\.d\.|sem|iqr)\s*[)\]]?\s*$"
)
# a time printed after an arm's name in one label: "Alcohol T1", "Drug, week 4"
_TIME_TAIL = re.compile(
    r"(?i)^(?P<head>.*?[A-Za-z].*?)[\s,;:–-]+(?P<time>t\s?\d{1,2}|(?:time|visit|session|day|week|"
    r"month|year)\s*\d{1,3}|baseline|pre|post|initial|final|before|after)$"
)
# an analysis population under an arm: "Control group" over "Randomised | Per protocol"
_POPULATION = re.compile(
    r"(?i)^(?:all\s+)?(?:randomi[sz]ed|per[- ]protocol|intention[- ]to[- ]treat|(?:m)?itt|pp|"
    r"completers?|analy[sz]ed|evaluable|full analysis set|safety (?:set|population))"
    r"(?:\s+(?:set|population|analysis|sample))?$"
)


def clean(text: str) -> str:
    """A label without footnote marks and runs of white space."""
    return strip_marks(text or "")[0]


def statistic(label: str) -> str | None:
    """The statistic a whole label names ("n (%)", "%", "median (range)", "p", ...)."""
    t = re.sub(r"[\u2010-\u2014]", "-", clean(label)).strip(" :,")  # "P‐Value"
    for name, rx in _STATS:
        if rx.fullmatch(t):
            return name
    return None


@dataclass(frozen=True)
class Grade:
    """A grade band: `grade` in the record's form ("3", "3-4", ">=3"), or
    `any` for "All grades"/"Any grade"; `explicit` when the word grade (or
    G) was printed, not a bare numeral."""

    grade: str | None
    any: bool = False
    explicit: bool = True


def grade(label: str, allow_bare: bool = False) -> Grade | None:
    """The grade band a whole label names ("Grade 3", "G3/4", "≥Grade 3",
    "Grade III–IV", "All grades"); bare numerals ("III–IV", "1–2") only when
    `allow_bare`. A statistic suffix ("Grade 3, n (%)") is allowed."""
    t = clean(label)
    t = _STAT_SUFFIX.sub("", t).strip(" :,")
    if not t:
        return None
    if _ANY_GRADE.match(t):
        return Grade(None, any=True)
    t2 = re.sub(r"(?i)^(?:ctcae\s+|nci[\s-]ctc\s+)", "", t)
    t2 = re.sub(r"(?i)\s+(?:aes?|adverse events?|events?|toxicit(?:y|ies))$", "", t2)
    m = GRADE_EXPR.fullmatch(t2)
    if m and not m.group("fatal"):
        if m.group("any"):
            return Grade(None, any=True)
        items = grade_items(m)
        return Grade(collapse_grades(items) if items else None)
    if _BARE_GRADE.match(t2) and allow_bare:
        m = GRADE_EXPR.fullmatch("grade " + t2) or GRADE_EXPR.fullmatch(t2.replace(" ", ""))
        if m is None and t2[0] in "≥>≤<":
            m = GRADE_EXPR.fullmatch(t2[0] + "grade " + t2[1:].strip())
        if m:
            items = grade_items(m)
            return Grade(collapse_grades(items) if items else None, explicit=False)
    return None


def is_total(label: str) -> bool:
    """ "Total" / "Overall": an all-grades column among grade columns, else an overall arm."""
    return bool(_TOTAL.match(clean(label)))


def n_only(label: str) -> int | None:
    """The arm size of a label that is only a size: "N = 133", "(n=40)"."""
    m = _N_ONLY.match(clean(label))
    return int(m.group(1).replace(",", "")) if m else None


@dataclass(frozen=True)
class Name:
    """A name label (an arm, most often), with the size, grade or statistic
    printed in it: "Dovitinib (n = 47)", "Drug (n=160) grade ≥3",
    "Group 1 TE (60) N (%)"."""

    name: str
    n: int | None = None
    grade: Grade | None = None
    statistic: str | None = None


def name(label: str) -> Name | None:
    """The name part of a label that is not only a statistic, grade or size."""
    t = clean(label)
    if not t or statistic(t) or n_only(t) is not None:
        return None
    if grade(t) is not None:
        return None
    stat = None
    sm = _STAT_SUFFIX.search(t)
    if sm and sm.start() > 0 and re.search(r"[A-Za-z]{2}", t[: sm.start()]):
        stat = statistic(t[sm.start() :]) or None
        t = t[: sm.start()].strip(" ,;:")
    g = None
    gm = re.search(
        r"(?i)[,;:\s–-]+((?:any|all)\s+grades?|(?:≥|>=|>)?\s*grades?\s*\S.*|G\s*\d.*)$", t
    )
    if gm and grade(gm.group(1)) is not None:
        g = grade(gm.group(1))
        t = t[: gm.start()].strip()
    n = None
    nm = _N_IN.search(t)
    if nm:
        n = int(nm.group(1).replace(",", ""))
        head = t[: nm.start()]
        # "Brace (mm; n=7)": the unit the size shares its parenthesis with goes too
        head = re.sub(r"\s*[(\[][^()\[\]]{1,15}[;,]\s*$", "", head)
        t = _balanced(head + " " + t[nm.end() :])
        # "Placebo, n (%) N = 40", "Intervention (n = 320) Mean (SD)": the statistic
        # printed beside the size
        ns = _STAT_SUFFIX.search(t)
        if ns and ns.start() > 0 and re.search(r"[A-Za-z]{2}", t[: ns.start()]):
            stat = stat or statistic(t[ns.start() :]) or None
            t = _balanced(t[: ns.start()])
    if nm and statistic(t):
        return None  # "Mean (N=255)": a statistic with its size, no name
    ms = _NAME_STAT.search(t)
    if ms and re.search(r"[A-Za-z]{2}", t[: ms.start()]):
        stat = stat or statistic(ms.group("stat")) or _stat_word(ms.group("stat"))
        t = _balanced(t[: ms.start()])
    if not nm:
        bm = _N_BARE_PAREN.search(t)
        if bm and re.search(r"[A-Za-z]{2}", t[: bm.start()]):
            n = int(bm.group(1))
            t = t[: bm.start()].strip(" ,;:")
    t = re.sub(r"\s+", " ", t).strip()
    if not re.search(r"[A-Za-zΔ∆]", t):
        return None  # ("Δ": a change column)
    return Name(t, n, g, stat)


def _balanced(text: str) -> str:
    """A label's ends trimmed of separators and of brackets left unpaired."""
    t = re.sub(r"\s+", " ", text).strip(" ,;:")
    while t and t[-1] in ")]" and t.count("(") + t.count("[") < t.count(")") + t.count("]"):
        t = t[:-1].strip(" ,;:")
    while t and t[-1] in "([":
        t = t[:-1].strip(" ,;:")
    while t and t[0] in "([" and t.count("(") + t.count("[") > t.count(")") + t.count("]"):
        t = t[1:].strip(" ,;:")
    while t and t[0] in ")]":
        t = t[1:].strip(" ,;:")
    return t


def _stat_word(piece: str) -> str | None:
    p = piece.lower()
    if "mean" in p and "median" not in p:
        return "mean"
    if "median" in p and "mean" not in p:
        return "median"
    return None


def is_time(label: str) -> bool:
    """True when a whole label is a time point ("Baseline", "12 weeks",
    "Pre-treatment", "Initial", "T2", "Post-"), not a name that starts with one."""
    t = clean(label).strip(" ,;:")
    if re.fullmatch(r"(?i)(?:pre|post)\s*-?", t):
        return True  # "Pre- (n = 11)" / "Post- (n = 11)"
    m = TIME_LABEL.match(t)
    if m is None:
        return False
    rest = t[m.end() :].strip(" ,;:-")
    return not rest or bool(re.fullmatch(r"[(\[][^()\[\]]*[)\]]", rest))


def time_tail(label: str) -> tuple[str, str] | None:
    """(name, time) of a label printing an arm and a time together ("Alcohol T1",
    "Placebo, week 4"), else None."""
    m = _TIME_TAIL.match(clean(label))
    return (m.group("head").strip(" ,;:"), m.group("time")) if m else None


_CHANGE = re.compile(
    r"(?i)^(?:\d+[- ]?(?:weeks?|wk|months?|mo|days?|years?|hours?|h)\s+)?"  # "26-Week Change"
    r"(?:(?:mean|median|average|absolute|relative|net)\s+)?(?:changes?|Δ|∆|delta)"
    r"(?:\s+(?:from|since|over|vs\.?)\s+(?:baseline|entry|pre\w*))?(?:\s*[(\[][^()\[\]]*[)\]])?$"
)


def is_change(label: str) -> bool:
    """True when a label says its column holds a change ("Mean change", "Δ",
    "Change from baseline (SD)")."""
    return bool(_CHANGE.match(clean(label).strip(" ,;:")))


def is_population(label: str) -> bool:
    """True when a label names an analysis population ("Randomised", "Per protocol", "ITT")."""
    return bool(_POPULATION.match(clean(label).strip(" ,;:")))


def is_period(label: str) -> bool:
    """True when a label names a treatment period ("Cycle 1", "During RT",
    "Post-operative chemotherapy", "Week 12")."""
    return bool(PERIOD_RE.search(clean(label)))


def is_column_label(label: str) -> bool:
    """True when a label reads as a column heading of data (a statistic, a
    grade, a size), not as a stub heading."""
    t = clean(label)
    return bool(t) and (
        statistic(t) is not None or grade(t, allow_bare=True) is not None or n_only(t) is not None
    )


# "CG = Control group", "EG: experimental group", "control group (CG)": a table's
# abbreviation defined in its caption or notes
_GLOSS_AFTER = re.compile(
    r"(?<![\w-])(?P<abbr>[A-Z][A-Za-z0-9]{0,5})\s*(?:=|:)\s*(?P<full>[A-Za-z][\w '’-]{1,60}?)"
    r"\s*(?=[,;.]|$)"
)
_GLOSS_BEFORE = re.compile(
    r"(?P<full>(?:[A-Za-z][\w’'-]*\s+){0,4}[A-Za-z][\w’'-]*)\s*\(\s*(?P<abbr>[A-Z][A-Za-z0-9]{0,5})\s*\)"
)


def glossary(text: str) -> dict[str, str]:
    """Abbreviation -> its expansion, as a caption or a table's notes define them
    ("CG = Control group, EG = Experimental group", "behaviour therapy (BT)");
    an abbreviation defined twice differently is left out."""
    out: dict[str, str] = {}
    bad: set[str] = set()
    for rx in (_GLOSS_AFTER, _GLOSS_BEFORE):
        for m in rx.finditer(text or ""):
            abbr, full = m.group("abbr"), re.sub(r"\s+", " ", m.group("full")).strip()
            if rx is _GLOSS_BEFORE:
                full = _initials_suffix(full, abbr) or ""
                if not full:
                    continue
            if not any(ch.isupper() for ch in abbr[1:]) and len(abbr) > 1 and not abbr.isupper():
                continue  # "Note: ...", "Data: ...": a word, not an abbreviation
            if abbr in out and out[abbr].lower() != full.lower():
                if rx is _GLOSS_AFTER or not full.lower().endswith(out[abbr].lower()):
                    bad.add(abbr)
                continue
            out.setdefault(abbr, full)
    return {k: v for k, v in out.items() if k not in bad}


def _initials_suffix(words: str, abbr: str) -> str | None:
    """The fewest last words whose initials spell the abbreviation's letters in
    order, starting with its first ("cognitive therapy condition" for "CT")."""
    parts = words.split()
    letters = [c.lower() for c in abbr if c.isalpha()]
    for k in range(1, len(parts) + 1):
        tail = parts[-k:]
        if tail[0][0].lower() != letters[0]:
            continue
        it = iter(w[0].lower() for w in tail)
        if all(any(c == x for x in it) for c in letters):
            return " ".join(tail)
    return None

"""The outcome a result table's row names, and the time points its stubs,
headings and column labels print ("Week 12", "Six weeks", "End of pregnancy",
"Post-treatment"), told apart from rows about the sample ("No. of patients",
"Age") and from names that only look like times ("Preterm birth", "End of
pregnancy weight").
"""

from __future__ import annotations

import re

from litkg.extractor.components.unkeyed_cells import STAT_SUFFIX
from litkg.extractor.mentions import to_months
from litkg.extractor.numbers import NUMBER_WORDS, to_float, words_to_int
from litkg.extractor.tables.labels import TIME_LABEL, is_time
from litkg.extractor.tables.model import Row

#: a source row of an analysis of variance ("Between groups", "Within groups", "Error")
ANOVA_SOURCE = re.compile(
    r"(?i)^(?:between|within)(?:[- ](?:groups?|subjects?))?$|^(?:errors?|residuals?)$"
)
NOT_OUTCOME_ROW = re.compile(
    # "No. of patients", "Total", "N = 40" are the sample; "No of sessions attended" a result
    r"^(?:total|patients?|participants?|subjects?|sample|all)\b(?!\s+of\s+\w+\s+(?:with|who))"
    r"|^(?:n|no\.?|number)\b(?!\.?\s+of\s+(?:\w+\s+(?:with|who)\b|(?!(?:patients|participants|"
    r"subjects|women|men|children|infants|people|persons|individuals|cases|pts)\b)\w))"
    r"|(?<!gestational\s)(?<!bone\s)(?<!skeletal\s)\b(?:age|aged|sex|gender|male|female|men|women|ethnic\w*|race|white|black|asian|"
    r"caucasian|hispanic|height|education\w*|marital|married|single|employ\w*|income|"
    r"randomi[sz]\w*|enrol\w*|recruit\w*|eligib\w*|screen\w*|allocat\w*|assigned|"
    r"analy[sz]ed|evaluable|included|excluded|consent\w*|withdr[ae]w\w*|lost to follow|"
    r"dropouts?|drop(?:ped)? out|duration of (?:disease|illness|symptoms?|complaints?)|years since|smok\w+ status|"
    r"ASA|NYHA class|history|comorbidit\w*|previous|prior|diagnos\w*|stage|location|site|"
    r"locali[sz]ation|histolog\w*|tumou?r (?:type|size|grade))\b"
    r"|^(?:between|within)(?:[- ](?:groups?|subjects?))?$|^(?:errors?|residuals?)$"  # ANOVA sources
    r"|^(?:yes|no|none|unknown|unavailable|missing|other|others|not (?:done|assessed|known|available)|"
    r"n/?a)$",
    re.I,
)
ONLY_STAT = re.compile(
    r"^(?:mean|median|n|no\.|number|%|rate|proportion)\b[^A-Za-z]*(?:\b(?:sd|se|sem|iqr|range|ci|"
    r"months?|days?|weeks?|years?|%)\b[^A-Za-z]*)*$",
    re.I,
)


STAT_PREFIX = re.compile(
    r"(?i)^(?:(?:n|no\.?|number)\s*,\s*)?(?:mean|median)\s*(?:[(\[][^()\[\]]*[)\]])?\s+(?=\w)"
)


# a stub that names no measure by itself but a part of the one its section row names:
# a stratum of the sample ("Boys", "Women") or a category ("Adequate", "Always"); a level
# ("Improved", "Positive") names none and stays out (`clean_name`)
_STRATUM = re.compile(
    r"(?i)^(?:boys|girls|men|women|males?|females?|adults|children|adolescents|infants|elderly|"
    r"younger|older|primiparas?|multiparas?|nulliparous|parous)$"
)
_CATEGORY = re.compile(
    r"(?i)^(?:adequate|inadequate|good|poor|fair|excellent|always|never|sometimes|often|rarely|"
    r"frequently|occasionally|complete|partial|satisfied|dissatisfied|agree|disagree)$"
)
# a stub standing for the whole sample under the measure's section ("All children"); not
# "Total", which may be a column's sum of categories ("Total | 53 (100)")
_WHOLE = re.compile(
    r"(?i)^(?:all\s+(?:children|patients|participants|subjects|women|men|infants|cases|"
    r"students|pupils)|whole (?:sample|group|cohort))$"
)


def _in_section(stub: str, sections: tuple[str, ...]) -> str | None:
    """The name of a row whose stub is only a part of its section's measure:
    "Itch inventory" / "II" -> "Itch inventory II", "Pain at rest" / "Women" ->
    "Pain at rest, Women", "Birth preparation" / "Adequate" -> "Birth preparation, Adequate",
    "Problem score" / "All children" -> "Problem score"; None for any other stub."""
    if not sections:
        return None
    section = STAT_SUFFIX.sub("", STAT_PREFIX.sub("", sections[-1])).strip(" ,;:")
    if not section or ONLY_STAT.match(section) or TIME_LABEL.match(section):
        return None
    if re.fullmatch(r"[IVX]{1,4}", stub):
        return f"{section} {stub}"  # an item's number; "0", "1" may be a score's categories
    if _WHOLE.match(stub):
        return section
    if _STRATUM.match(stub) or _CATEGORY.match(stub):
        return f"{section}, {stub}"
    return None


def row_name(row: Row) -> tuple[str | None, str | None]:
    """(the outcome's name, a time point the stub names) of a row."""
    stub = STAT_SUFFIX.sub("", row.concept or row.stub or "").strip(" ,;:")
    if (part := _in_section(stub, row.sections)) is not None:
        return part, None
    if row.sections and ONLY_STAT.match(row.concept or row.stub or ""):
        if len(row.sections) >= 2 and is_time(row.sections[-1]):
            # "Pain score" / "Week 4" / "Mean (SD)": the measure at the time its heading names
            return STAT_SUFFIX.sub("", row.sections[-2]).strip(" ,;:"), row.sections[-1]
        return STAT_SUFFIX.sub("", row.sections[-1]).strip(" ,;:"), None  # "PFS" / "Median, months"
    time = TIME_LABEL.match(stub)
    # "t1/2 (hr)", a half-life, is no time point "T1"
    if time and stub[time.end() : time.end() + 1] != "/" and row.sections and len(stub) <= 45:
        name = STAT_SUFFIX.sub("", STAT_PREFIX.sub("", row.sections[-1])).strip(" ,;:")
        return name, stub  # "No, median (IQR) weekly MVPA" / "4 weeks"
    if re.match(r"[<>≤≥]", stub) and row.sections:
        return f"{row.sections[-1]} {stub}", None  # "MVPA" / "≥ 150 mins/week"
    return stub, None


def clean_name(name: str | None) -> str | None:
    if not name or len(name) < 2 or not re.search(r"[A-Za-z]{2}", name):
        return None
    time = TIME_LABEL.match(name)
    if time and len(name) <= 25 and name[time.end() : time.end() + 1] != "/":
        return None  # "1 year" with no outcome heading above it names no outcome ("t1/2" does)
    if DESIGNATOR.match(name):
        return None  # "II", "B": a group's designator, not an outcome
    if ONLY_STAT.match(name):
        return None  # "Mean ± SD", "Median": the statistic's label, with no measure named
    if _LEVEL.match(name):
        return None  # "Increased", "Severe": a level of an outcome the row does not name
    if NOT_OUTCOME_ROW.search(name) or len(name) > 120:
        return None
    return name


#: "before"/"pre" an occasion after the start: a numbered session ("Pre ECT3", "before
#: dose 2", "pre-session 4") or an event of the procedure ("Before closure of sternum"),
#: whose months the label does not give
_LATER_OCCASION = re.compile(
    r"(?i)^(?:pre|before)(?:[\s-]+(?:the\s+)?)?(?:[a-z]+[\s-]*(?:[2-9]|\d{2,})\b"
    r"|(?!(?:start|beginning|initiation|onset|commencement|entry)\b)[a-z]+\s+of\s+(?:the\s+)?[a-z]+)"
)


def read_timepoint(text: str | None) -> tuple[str | None, float | None]:
    if not text:
        return None, None
    t = STAT_SUFFIX.sub("", text).strip(" ,;:")
    if re.match(r"(?i)^(?:baseline|pre-?\w*|before|initial|admission|entry|enrol+ment)\b", t):
        if _LATER_OCCASION.match(t):
            return t, None
        return t, 0.0
    m = re.search(
        rf"(?i)(\d+(?:[.·]\d+)?|\b{NUMBER_WORDS}(?=\s))(?:\s*|-)(h|hrs?|hours?|d|days?|wks?|weeks?|mos?|mons?|months?|y|yrs?|years?)\b"
        r"|\b(day|week|month|year)s?\s*(\d+)\b"
        # an ordinal occasion: "3rd month", "12th week"
        r"|\b(\d{1,3})(?:st|nd|rd|th)\s+(day|week|month|year)s?\b",
        t,
    )
    if not m:
        return t or None, None
    if m.group(1):
        num, unit = m.group(1), m.group(2)
    elif m.group(3):
        num, unit = m.group(4), m.group(3)
    else:
        num, unit = m.group(5), m.group(6)
    if unit.lower().startswith("h"):
        hours = to_float(num) if to_float(num) is not None else words_to_int(num)
        if not hours:
            return t, None
        months = float(hours) / 24 / 30.4375
        return t, round(months, 2) or round(months, 4)  # "1 h" is after baseline, not at it
    return t, to_months(num, "m" if unit.lower().startswith("mo") else unit)


_LEVEL = re.compile(
    r"^(?:increased|decreased|unchanged|improved|worse(?:ned)?|better|same|no change|normal|"
    r"abnormal|mild|moderate|severe|present|absent|positive|negative|high|low|medium)$",
    re.I,
)
DESIGNATOR = re.compile(r"^(?:[IVX]{1,4}|[A-H]|\d{1,2}|group\s+\w{1,3})$", re.I)


def qualify_repeats(
    rows: list[tuple[Row, str, str | None]],
) -> list[tuple[Row, str, str | None]]:
    """(row, name, time point) of a table's outcome rows, a name printed under
    two section rows ("Peak exercise" / "VO2", "Anaerobic threshold" / "VO2")
    named with its section, since it names two measures that would collide; a
    section that is an occasion ("Immediately after surgery" / "VO2") is the
    row's time point instead, when the row names none."""
    sections: dict[tuple[str, str | None], set[str | None]] = {}
    for row, name, tp in rows:
        sections.setdefault((name.lower(), tp), set()).add(
            row.sections[-1] if row.sections else None
        )
    out = []
    for row, name, tp in rows:
        if len(sections[(name.lower(), tp)]) > 1 and row.sections:
            section = STAT_SUFFIX.sub("", row.sections[-1]).strip(" ,;:")
            if tp is None and section and len(section) <= 60 and TIME_LABEL.match(section):
                out.append((row, name, section))
                continue
            if (
                section
                and len(section) <= 60  # a long heading is rather an arm's or a formulation's
                and not TIME_LABEL.match(section)
                and not ONLY_STAT.match(section)
                and section.lower() not in name.lower()
            ):
                name = f"{section}, {name}"
        out.append((row, name, tp))
    return out

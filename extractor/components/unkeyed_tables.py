"""Results outside the endpoint keys read from result tables, whatever the
house style: arms as columns and outcomes as rows (the usual layout), or arms
as rows under an outcome heading with time points as columns.

What a cell holds is read from the most specific label that says it: the
column's statistic label ("Mean (SD)"), then the row's stub ("Pain score,
mean ± SD", "Responders, n (%)"), then the whole column header, then the
section rows, then the caption and footnotes ("Values are mean (SD)"). Where
a label names both ("mean (SD) or median [IQR]") the cell's shape decides: a
spread is a mean's SD, a low-high pair a median's IQR. A number no label
explains is left out. Baseline, demographic and safety tables give none, nor
do rows about the sample (age, sex, arm sizes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from litkg.extractor.mentions import dispersion_kind, to_months
from litkg.extractor.numbers import NUMBER_WORDS, to_float, words_to_int
from litkg.extractor.records import Dispersion, Outcome
from litkg.extractor.tables import TableModel
from litkg.extractor.tables.comparison import comparison_statistic, comparison_value
from litkg.extractor.tables.labels import clean as clean_label
from litkg.extractor.tables.model import Column, Row
from litkg.extractor.tables.values import Value

ArmTest = Callable[[str], bool]

# --------------------------------------------------------------------------- which tables

_NOT_RESULT_TABLE = re.compile(
    r"\b(?:characteristics|demographic\w*|adverse|toxicit\w*|side[- ]effects?|safety|"
    r"eligib\w*|dose modification|dose reduction|reasons? for|"
    r"(?:study|trial) design|schedule|protocol|inclusion|exclusion|questionnaire items?|"
    r"items? of|factor loadings?|reliability|validity|cost\w*|resources?|sample size|power|"
    r"background|concomitant|exposure|(?:treatments?|therap\w+|radiotherapy|chemotherapy|doses?|"
    r"drugs?|interventions?) (?:delivered|received|administered|given)|regressions?|coefficients?|"
    r"predictors?|correlations?|associations?|associated|determinants|multivariate|multivariable|"
    r"univariate|loadings?|models?)\b",
    re.I,
)
_BASELINE_ONLY = re.compile(
    r"\b(?:baseline|at (?:entry|enrol?ment|randomi[sz]ation|admission))\b", re.I
)
_FOLLOW_UP = re.compile(
    r"\b(?:after|end|follow[- ]?up|post\w*|final|changes?|week|weeks|month|months|day|days|"
    r"over time|during|outcomes?|results?|effects?|differences?|comparison)\b",
    re.I,
)
_RESULT_TABLE = re.compile(
    r"\b(?:outcomes?|results?|efficacy|response|survival|endpoints?|end points?|effects?|"
    r"changes?|differences?|comparisons?|scores?|rates?|incidence|abstinence|remission|"
    r"failures?|recurrences?|relapses?|patterns?|levels?|measurements?|parameters|"
    r"variables|after|follow[- ]?up|post\w*|over time)\b",
    re.I,
)
_ARM_WORD = re.compile(
    r"\b(?:groups?|arms?|placebo|controls?|sham|usual care|standard care|intervention|"
    r"treatment|treated|experimental|active|vehicle)\b",
    re.I,
)
_ARM_ROW = re.compile(
    # a stub that is a group's name: "Splint group", "Arm B", "Placebo", "Controls"
    r"^(?:the\s+)?(?:[\w+/·-]+\s+){0,3}(?:groups?|arms?)(?:\s*[A-D1-4])?(?:\s*[(\[][^()]*[)\]])?$"
    r"|^(?:groups?|arms?)\s+[A-D1-4]\b"
    r"|^(?:placebo|controls?|sham|usual care|standard care|no treatment)(?:\s*[(\[][^()]*[)\]])?$",
    re.I,
)
_PRE_POST = (
    # "Pre-treatment", "Post-quit day", "Postoperative": a time; "Preterm birth",
    # "Pressure", "Postoperative pain": names
    r"(?:pre|post)(?:[- ]\w+|treatment|operative(?:ly)?|op|intervention|test|randomi[sz]ation|"
    r"natal|partum|surgery|program(?:me)?|dose|season|training|exercise|infusion|transplant\w*)"
    r"(?=\s*(?:$|[(\[,;:]|(?:mean|median|n|no\.?|sd|%|values?|visit|assessment|period|phase|"
    r"follow[- ]?up|(?:day|week|month|year|hour)s?)\b))"
)
_TIME_LABEL = re.compile(
    # "End of pregnancy" is a time point, "End of pregnancy weight" an outcome
    rf"^\s*(?:baseline|{_PRE_POST}|before|after|admission|discharge|entry|enrol+ment|"
    r"end\b(?:\s+of\s+(?:the\s+)?[\w-]+)?(?=\s*(?:[(\[,;:]|$))|"
    r"follow[- ]?up|final|initial|"
    r"(?:day|week|month|year|visit|time|t|d|w|m)\s*-?\d+|"
    rf"(?:\d+(?:[.·]\d+)?\s*|{NUMBER_WORDS}\s+)"
    r"(?:h|hrs?|hours?|d|days?|wks?|weeks?|mos?|months?|y|yrs?|years?|min|minutes?)\b)",
    re.I,
)


def is_result_table(model: TableModel, is_arm: ArmTest | None = None) -> bool:
    """Whether a table reports results: not a baseline, demographic, safety or
    design table, and either its caption says results or it compares groups
    the paper names."""
    caption = model.table.caption or ""
    if _NOT_RESULT_TABLE.search(caption):
        return False
    if _BASELINE_ONLY.search(caption) and not _FOLLOW_UP.search(_BASELINE_ONLY.sub(" ", caption)):
        return False
    if _RESULT_TABLE.search(caption):
        return True
    times = [c for c in model.columns if _is_time_column(c) and not _is_test_column(c)]
    if len(times) >= 2 and any(_timepoint(c.arm)[1] != 0.0 for c in times):
        return True  # one group measured at several times ("Admission | Discharge")
    arms = [c.arm for c in model.columns if c.arm and not _is_test_column(c)]
    named = [a for a in arms if _ARM_WORD.search(a) or (is_arm is not None and is_arm(a))]
    if len(set(arms)) >= 2 and named:
        return True
    return len(_arm_rows(model, is_arm)) >= 2


def _arm_rows(model: TableModel, is_arm: ArmTest | None) -> list[Row]:
    """Rows whose stub is a group's name."""
    return [
        r
        for r in model.data_rows()
        if _ARM_ROW.match(r.stub) or (is_arm is not None and is_arm(r.stub))
    ]


# --------------------------------------------------------------------------- what a cell holds

_MEAN = re.compile(
    r"\b(?:means?|average)\b|±|\+/-|\b(?:SD|SEM?|s\.d\.|standard (?:deviation|error))\b", re.I
)
_MEDIAN = re.compile(r"\bmedians?\b|\bIQR\b|interquartile|\bQ1\b|\bquartiles?\b", re.I)
_PCT = re.compile(r"%|\bpercent\w*|\bproportions?\b|\brates?\b", re.I)
_PCT_UNIT = re.compile(r"%|\bpercent\w*|\bproportions?\b", re.I)
_COUNT = re.compile(r"\b(?:n|no\.?|number)\b\s*(?:[(\[]\s*%|$|,|of\b)", re.I)
_CI = re.compile(r"\b(?:95\s*%\s*)?(?:CI|confidence intervals?)\b", re.I)
_STAT_SUFFIX = re.compile(
    r"(?:[,;:]\s*|\s+)[(\[]?\s*(?:(?:mean|median|means|medians)\b[^,;]*|n\s*[(\[]\s*%\s*[)\]]|"
    r"no\.?\s*[(\[]\s*%\s*[)\]]|%|n|n\s*/\s*n)\s*[)\]]?\s*$",
    re.I,
)


_STUB_STAT = re.compile(
    r"[(\[]\s*(?:mean|median|n|no\.|%)\b[^()\[\]]*[)\]]|(?:^|[,;:]\s*)(?:mean|median)\b.*$|"
    r"[,;:]\s*(?:n\s*[(\[]\s*%\s*[)\]]|%|n)\s*$|±",
    re.I,
)


def _stub_cue(stub: str) -> str:
    """What a stub says about its cells ("Pain, mean (SD)", "Responders, n (%)"),
    not its name: "SD" alone is stable disease, not a standard deviation."""
    m = _STUB_STAT.search(stub)
    return m.group(0) if m else ""


def _cues(model: TableModel, row: Row, col: Column) -> list[str]:
    """The labels that may say what the cell holds, most specific first."""
    return [
        col.statistic or "",
        _stub_cue(row.stub),
        " ".join(col.labels),
        " ".join(row.sections),
        model.context,
    ]


def _decide(texts: list[str], val: Value) -> tuple[str | None, str]:
    """(statistic, the label that decided) from the first label naming one."""
    for text in texts:
        mean, median = bool(_MEAN.search(text)), bool(_MEDIAN.search(text))
        pct = bool(_PCT.search(text) or _COUNT.search(text))
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


def _dispersion(val: Value, stat: str, label: str) -> Dispersion | None:
    if val.disp is not None:
        kind = dispersion_kind(label)
        if kind == "unknown" and re.search(r"\b(?:IQR|interquartile|range)\b", label, re.I):
            return None  # one number for an interquartile range: not a spread we can give
        return Dispersion(kind, val.disp)
    if val.low is None or val.high is None:
        return None
    if re.search(r"\b(?:IQR|interquartile|Q1|quartiles?)\b", label, re.I):
        return Dispersion("iqr", (val.low, val.high))
    if re.search(r"\brange\b|\bmin\w*\s*[-–,]\s*max", label, re.I):
        return Dispersion("range", (val.low, val.high))
    if _CI.search(label):
        return Dispersion("ci", (val.low, val.high))
    return None


def cell_outcome(val: Value, texts: list[str], name: str, p: float | None) -> Outcome | None:
    """One arm's result from one cell, or None when no label says what it is."""
    if val.op is not None or val.kind in ("absent", "nr", "text", "range"):
        return None
    stat, label = _decide(texts, val)
    if val.kind == "count":
        if stat == "mean" and val.percent is not None and "%" not in val.text:
            # "45 (12)" under "mean (SD)": the parenthesis is the spread
            disp = Dispersion(dispersion_kind(label), val.percent)
            return Outcome(None, "mean", float(val.n or 0), None, p=p, name=name, dispersion=disp)
        if val.percent is not None:
            return Outcome(None, "rate", val.percent, "%", p=p, name=name, events=val.n,
                           total=val.total)  # fmt: skip
        if val.total is not None:
            return Outcome(None, "count", float(val.n or 0), None, p=p, name=name,
                           events=val.n, total=val.total)  # fmt: skip
        return None
    if val.kind == "percent":
        return Outcome(None, "rate", val.value, "%", p=p, name=name)
    if val.value is None:
        return None
    if stat == "rate":
        if val.kind == "number" and val.n is not None and "%" not in label and _COUNT.search(label):
            return None  # a bare n: how many had it, or how many were in a category, unsaid
        if val.kind == "number" and (
            val.value > 100 or val.value < 0 or not _PCT_UNIT.search(label)
        ):
            return None  # "Incidence rate" over bare numbers: per person-time, not a percentage
        if val.kind == "estimate" and (
            val.disp is not None or not _PCT_UNIT.search(label) or not _CI.search(" ".join(texts))
        ):
            return None  # "4.5 [3-11]" under "REM, %": a median of percentages, not a rate
        ci = (val.low, val.high) if val.low is not None and val.high is not None else None
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


# --------------------------------------------------------------------------- names

_NOT_OUTCOME_ROW = re.compile(
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
    r"|^(?:yes|no|none|unknown|unavailable|missing|other|others|not (?:done|assessed|known|available)|"
    r"n/?a)$",
    re.I,
)
_ONLY_STAT = re.compile(
    r"^(?:mean|median|n|no\.|number|%|rate|proportion)\b[^A-Za-z]*(?:\b(?:sd|se|sem|iqr|range|ci|"
    r"months?|days?|weeks?|years?|%)\b[^A-Za-z]*)*$",
    re.I,
)


_STAT_PREFIX = re.compile(
    r"(?i)^(?:(?:n|no\.?|number)\s*,\s*)?(?:mean|median)\s*(?:[(\[][^()\[\]]*[)\]])?\s+(?=\w)"
)


def _row_name(row: Row) -> tuple[str | None, str | None]:
    """(the outcome's name, a time point the stub names) of a row."""
    stub = _STAT_SUFFIX.sub("", row.concept or row.stub or "").strip(" ,;:")
    if row.sections and _ONLY_STAT.match(row.concept or row.stub or ""):
        return _STAT_SUFFIX.sub("", row.sections[-1]).strip(
            " ,;:"
        ), None  # "PFS" / "Median, months"
    if _TIME_LABEL.match(stub) and row.sections and len(stub) <= 45:
        name = _STAT_SUFFIX.sub("", _STAT_PREFIX.sub("", row.sections[-1])).strip(" ,;:")
        return name, stub  # "No, median (IQR) weekly MVPA" / "4 weeks"
    if re.match(r"[<>≤≥]", stub) and row.sections:
        return f"{row.sections[-1]} {stub}", None  # "MVPA" / "≥ 150 mins/week"
    return stub, None


def _clean(name: str | None) -> str | None:
    if not name or len(name) < 2 or not re.search(r"[A-Za-z]{2}", name):
        return None
    if _TIME_LABEL.match(name) and len(name) <= 25:
        return None  # "1 year" with no outcome heading above it names no outcome
    if _DESIGNATOR.match(name):
        return None  # "II", "B": a group's designator, not an outcome
    if _LEVEL.match(name):
        return None  # "Increased", "Severe": a level of an outcome the row does not name
    if _NOT_OUTCOME_ROW.search(name) or len(name) > 120:
        return None
    return name


def _timepoint(text: str | None) -> tuple[str | None, float | None]:
    if not text:
        return None, None
    t = _STAT_SUFFIX.sub("", text).strip(" ,;:")
    if re.match(r"(?i)^(?:baseline|pre-?\w*|before|initial|admission|entry|enrol+ment)\b", t):
        return t, 0.0
    m = re.search(
        rf"(?i)(\d+(?:[.·]\d+)?|\b{NUMBER_WORDS}(?=\s))\s*(h|hrs?|hours?|d|days?|wks?|weeks?|mos?|months?|y|yrs?|years?)\b"
        r"|\b(day|week|month|year)s?\s*(\d+)\b",
        t,
    )
    if not m:
        return t or None, None
    if m.group(1):
        num, unit = m.group(1), m.group(2)
    else:
        num, unit = m.group(4), m.group(3)
    if unit.lower().startswith("h"):
        hours = to_float(num) if to_float(num) is not None else words_to_int(num)
        return t, round(float(hours or 0) / 24 / 30.4375, 2) if hours else None
    return t, to_months(num, "m" if unit.lower().startswith("mo") else unit)


# --------------------------------------------------------------------------- reading


def _p_of(model: TableModel, row: Row) -> float | None:
    for c in model.columns:
        if c.statistic == "p":
            v = model.cell(row, c).value
            if v.kind == "number" and v.value is not None and 0 <= v.value <= 1:
                return v.value
    return None


_TEST_LABEL = re.compile(
    r"^\s*(?:[tFzUHZ]|χ\s*2|χ²|x\s*2|chi[- ]?squared?|df|d\.f\.|cohen'?s d|effect size|"
    r"(?:[tFzUHZ]|test|wald)[- ]?(?:values?|statistics?|scores?)|statistics?|tests?|"
    r"significance|sig\.?|p|p[- ]?values?\w*|p for \w+|p[- ]?trend)\s*(?:[(\[*].*)?$",
    re.I,
)


_DERIVED_LABEL = re.compile(
    r"\b(?:differences?|diff\.?|effect sizes?|ES|cohen[’']?s(?:\s+d)?|d|β|beta|coefficients?|estimates?|"
    r"95\s*%|CI|confidence|ratio|ICC|r)\s*[)\]]?\s*$|^\s*(?:n|no\.|number|N)\s*$",
    re.I,
)


def _is_test_column(col: Column) -> bool:
    """A column of test statistics (t, F, χ², U), of between-group differences,
    effect sizes or CIs, or of numbers analysed, rather than an arm's data."""
    if col.is_test or col.statistic in ("n", "total", "ci"):
        return True
    if comparison_statistic(col.statistic, col.labels) is not None and not _is_arm_change(col):
        return True
    last = col.labels[-1:] if col.labels else ()
    return any(
        _TEST_LABEL.match(clean_label(lbl)) or _DERIVED_LABEL.search(clean_label(lbl))
        for lbl in last
    )


def _is_arm_change(col: Column) -> bool:
    """An arm's own change column ("Yoga (n=40)" / "Change"): that arm's values, not a comparison."""
    return (
        len(col.names) >= 2
        and comparison_statistic(None, col.names[:-1]) is None
        and comparison_statistic(None, col.names[-1:]) == "difference"
    )


def _is_time_column(col: Column) -> bool:
    label = col.member or col.arm or ""
    m = _TIME_LABEL.match(label)
    return bool(m) and not _ARM_WORD.search(label[m.end() :])  # "Pre-treatment", not "Drug group"


_SPREAD_LABEL = re.compile(
    r"(?:^|\s)[(\[]?(?:SD|SE|SEM|s\.d\.|IQR|interquartile range|range|95\s*%\s*CI|CI)[)\]]?\s*$",
    re.I,
)


_CENTRE_LABEL = re.compile(r"\b(?:means?|medians?|average|n\s*[(\[]\s*%)|%", re.I)


def _spread_columns(cols: list[Column]) -> dict[int, int]:
    """Value column index -> the column after it holding its spread only
    ("Mean | SD", "Median | IQR" under one arm)."""
    out: dict[int, int] = {}
    for a, b in zip(cols, cols[1:], strict=False):
        label = (b.statistic or "") + " " + (b.labels[-1] if b.labels else "")
        if _CENTRE_LABEL.search(label):
            continue  # "Six weeks mean (SD)" holds values with their spread, not a spread alone
        if b.statistic in ("sd", "range", "ci") or _SPREAD_LABEL.search(label.strip()):
            if a.index not in out.values() and not a.is_test:
                out[a.index] = b.index
    return out


def _col(model: TableModel, index: int) -> Column:
    return next(c for c in model.columns if c.index == index)


def _with_spread(val: Value, spread: Value) -> Value:
    """A value cell read with the spread its neighbouring column prints."""
    if val.kind != "number" or val.value is None:
        return val
    if spread.kind == "number" and spread.value is not None and spread.op is None:
        return replace(val, kind="estimate", disp=spread.value, text=f"{val.text} ({spread.text})")
    if spread.kind == "range" and spread.low is not None:
        return replace(val, kind="estimate", low=spread.low, high=spread.high,
                       text=f"{val.text} ({spread.text})")  # fmt: skip
    return val


_END_OF = re.compile(
    r"\b(?:end of (?:the )?(?:study|trial|treatment|intervention|follow[- ]?up))\b", re.I
)


def _column_time(col: Column) -> str | None:
    """A time point a column's header pieces name beside its arm ("End of study")."""
    for piece in (col.period, *col.labels):
        if not piece:
            continue
        m = _END_OF.search(piece)
        if m:
            return m.group(0)
        if _TIME_LABEL.match(piece) and len(piece) <= 30:
            return piece
    return None


def _names_arm(label: str, is_arm: ArmTest | None) -> bool:
    return bool(_ARM_WORD.search(label)) or (is_arm is not None and is_arm(label))


def _comparison(
    model: TableModel, row: Row, col: Column, name: str, p: float | None
) -> Outcome | None:
    """The between-arm comparison a ratio or difference column gives for a row."""
    stat = comparison_statistic(col.statistic, col.labels)
    if stat is None:
        return None
    is_mean = bool(_MEAN.search(_stub_cue(row.stub)) or any(_MEAN.search(s) for s in row.sections))
    got = comparison_value(stat, model.cell(row, col).value, is_mean, model.context)
    if got is None:
        return None
    stat, value, ci = got
    return Outcome(None, stat, value, None, arm="intervention", ci=ci, p=p, name=name,
                   comparator="control")  # fmt: skip


def unkeyed_from_table(
    model: TableModel,
    keyed_rows: set[int] | None = None,
    is_arm: ArmTest | None = None,
) -> list[tuple[int, Outcome, str | None]]:
    """(row index, outcome, arm label as printed) for each result of a result
    table whose row is not an endpoint key. `is_arm` says whether a printed
    label names one of the paper's arms (to recognise result tables whose
    caption does not say so, and arms printed as rows)."""
    if not is_result_table(model, is_arm):
        return []
    keyed_rows = keyed_rows or set()
    group_col = _group_column(model)
    if group_col is not None:
        return _group_column_rows(model, group_col, keyed_rows)
    spread = _spread_columns(model.columns)
    arm_cols = [
        c
        for c in model.columns
        if c.arm
        and not _is_test_column(c)
        and not _is_time_column(c)
        and c.index not in spread.values()
    ]
    arm_rows = _arm_rows(model, is_arm)
    named_cols = [c for c in arm_cols if _names_arm(c.arm or "", is_arm)]
    if not arm_cols and not arm_rows:
        return _pre_post(model, keyed_rows)
    if not arm_cols or (
        arm_rows
        and not any(_ARM_WORD.search(c.arm or "") for c in arm_cols)
        and (2 * len(named_cols) <= len(arm_cols) or any(_ARM_ROW.match(r.stub) for r in arm_rows))
    ):
        return _arms_as_rows(model, keyed_rows, is_arm)
    out: list[tuple[int, Outcome, str | None]] = []
    spanner = _spanner(arm_cols, is_arm)
    latest: dict[str | None, tuple[str | None, float | None]] = {}  # arm -> its last follow-up
    for c in arm_cols:
        tp_c = _timepoint(_column_time(c))
        if tp_c[1]:
            latest[c.arm] = tp_c
    common = set(latest.values())
    for row, name, tp_label in _outcome_rows(model, keyed_rows, arm_rows, spanner):
        p = _p_of(model, row)
        for col in model.columns:
            tp, months = _timepoint(tp_label or _column_time(col))
            val = model.cell(row, col).value
            o: Outcome | None = None
            if _is_test_column(col):
                o = _comparison(model, row, col, name, p)
            elif col in arm_cols:
                if col.index in spread:
                    val = _with_spread(val, model.cell(row, _col(model, spread[col.index])).value)
                o = cell_outcome(val, _cues(model, row, col), name, p)
                if o is not None and _is_arm_change(col):
                    o = replace(o, name=f"{name}, {clean_label(col.names[-1]).lower()}")
            if o is not None and tp is None and not tp_label:
                # a change or a comparison is at the last time point the arms were measured
                if _is_arm_change(col):
                    tp, months = latest.get(" ".join(col.names[:-1]), (None, None))
                elif o.comparator and len(common) == 1:
                    tp, months = next(iter(common))
            if o is not None:
                o = replace(o, timepoint=tp, timepoint_months=months)
                arm = col.arm
                if _is_arm_change(col):
                    arm = " ".join(col.names[:-1])
                if spanner and arm and arm.startswith(spanner + " "):
                    arm = arm[len(spanner) + 1 :]
                out.append((row.index, o, None if o.comparator else arm))
    return out


def _spanner(arm_cols: list[Column], is_arm: ArmTest | None) -> str | None:
    """The one upper header label over every arm column that is no arm's name:
    the outcome the table reports ("EPDS score" over "Control | Exercise")
    when its rows are time points."""
    if len(arm_cols) < 2 or any(len(c.names) < 2 for c in arm_cols):
        return None
    tops = {c.names[0] for c in arm_cols}
    top = tops.pop() if len(tops) == 1 else None
    if top is None or _names_arm(top, is_arm) or _TIME_LABEL.match(top):
        return None
    return top


_TIME_HEADER = re.compile(
    r"(?i)^(?:(?:no\.?|number) of\s+)?(?:hours?|days?|weeks?|months?|years?|visits?)\b[^0-9]*$"
)


_SCALE_HEADING = re.compile(
    r"(?i)^(?!.*\b(?:toxicit\w*|adverse|side[- ]effects?|ctc\w*|events?)\b).*\b(?:grade|grading|"
    r"classification|scale)\s*$"
)


def _outcome_rows(
    model: TableModel, keyed_rows: set[int], arm_rows: list[Row], spanner: str | None = None
) -> list[tuple[Row, str, str | None]]:
    """(row, outcome name, time point the stub names) of the rows reporting an
    outcome: not keyed, graded, baseline-section, sample or group rows. A row
    that is only a time point under a `spanner` (the outcome named over the
    arms) reports that outcome."""
    out = []
    outer: str | None = None  # the last section naming an outcome, not a time
    for row in model.rows:
        if row.is_section:
            if not _TIME_HEADER.match(row.stub):
                outer = row.stub
            continue
        if row in arm_rows:
            continue  # a group's own row ("Intervention group | 81 | 3.67 (0.61)") names no outcome
        if row.sections and _TIME_HEADER.match(row.sections[-1]):
            # "No of weeks post-quit day:" / "4": the outcome is the section above the times
            if re.fullmatch(r"\d+(?:[.·]\d+)?", row.stub):
                unit = re.sub(r"(?i)^(?:no\.?|number)\s+of\s+", "", row.sections[-1]).strip(" :")
                stub = f"{row.stub} {unit}"
                row = replace(row, stub=stub, concept=stub, grade=None)
            if _TIME_LABEL.match(row.stub):
                if outer is None:
                    continue
                row = replace(row, sections=(outer,))
            else:
                row = replace(row, sections=())  # a row of its own after the time points
        if row.grade is not None and row.sections and _SCALE_HEADING.search(row.sections[-1]):
            # "Tumour regression grade" / "Grade 1": a category of the scale the heading names
            name = f"{row.sections[-1]} {row.stub}"
            row = replace(row, stub=name, concept=name, grade=None, sections=row.sections[:-1])
        if row.index in keyed_rows or row.grade is not None:
            continue
        if any(
            _BASELINE_ONLY.search(s) or _NOT_OUTCOME_ROW.search(_STAT_PREFIX.sub("", s))
            for s in row.sections
        ):
            continue
        raw, tp_label = _row_name(row)
        if spanner and not row.sections and _TIME_LABEL.match(raw or "") and len(raw or "") <= 25:
            raw, tp_label = spanner, raw
        name = _clean(raw)
        if name is None or (tp_label and _timepoint(tp_label)[1] == 0.0):
            continue
        out.append((row, name, tp_label))
    return out


def _pre_post(model: TableModel, keyed_rows: set[int]) -> list[tuple[int, Outcome, str | None]]:
    """One group measured at several time points, time points as columns
    ("Baseline mean (SD) | Six weeks mean (SD) | Six weeks – baseline (95% CI) | p"):
    each time point's value (the baseline at month 0: the baseline value of an
    outcome measure is one) and the change between them."""
    times = [c for c in model.columns if _is_time_column(c) and not _is_test_column(c)]
    changes = [
        c
        for c in model.columns
        if _is_test_column(c) and comparison_statistic(c.statistic, c.labels) == "difference"
    ]
    if not times or len(times) + len(changes) < 2:
        return []
    out: list[tuple[int, Outcome, str | None]] = []
    for row, name, _tp in _outcome_rows(model, keyed_rows, []):
        p = _p_of(model, row)
        last: tuple[str | None, float | None] = (None, None)
        for col in model.columns:
            if col in times:
                tp, months = _timepoint(col.member or col.arm)
                o = cell_outcome(model.cell(row, col).value, _cues(model, row, col), name, None)
                if months:
                    last = (tp, months)
                if o is not None:
                    if months:
                        o = replace(o, p=p)  # the test compares this time point with the baseline
                    out.append((row.index, replace(o, timepoint=tp, timepoint_months=months), None))
            elif col in changes:
                got = comparison_value(
                    "difference", model.cell(row, col).value, False, model.context
                )
                if got is not None:
                    tp, months = _timepoint(col.arm)
                    if not months or months == last[1]:
                        tp, months = last  # "Six weeks – baseline": at the later time point
                    o = Outcome(None, "difference", got[1], None, ci=got[2], p=p, name=name,
                                timepoint=tp, timepoint_months=months)  # fmt: skip
                    out.append((row.index, o, None))
    return out


_LEVEL = re.compile(
    r"^(?:increased|decreased|unchanged|improved|worse(?:ned)?|better|same|no change|normal|"
    r"abnormal|mild|moderate|severe|present|absent|positive|negative|high|low|medium)$",
    re.I,
)
_GROUP_LABEL = re.compile(
    r"^(?:groups?|arms?|treatments?|interventions?|allocation|condition)$", re.I
)
_DESIGNATOR = re.compile(r"^(?:[IVX]{1,4}|[A-H]|\d{1,2}|group\s+\w{1,3})$", re.I)


def _group_column(model: TableModel) -> Column | None:
    """A "Group" column whose cells name each row's group ("Pain | Laser | 3.1 ± 1.0")."""
    for col in model.columns:
        label = clean_label(col.labels[-1]) if col.labels else ""
        if not _GROUP_LABEL.match(label):
            continue
        texts = [model.cell(r, col).value for r in model.data_rows()]
        named = [v for v in texts if v.kind == "text" and len(v.text) <= 40]
        if texts and len(named) >= max(2, len(texts) // 2):
            return col
    return None


def _group_column_rows(
    model: TableModel, group_col: Column, keyed_rows: set[int]
) -> list[tuple[int, Outcome, str | None]]:
    """Rows naming their group in a "Group" column, an outcome's rows one per
    group; the outcome's name is the stub above when a row leaves it empty."""
    out: list[tuple[int, Outcome, str | None]] = []
    name: str | None = None
    raw_rows = model.table.rows
    for row in model.data_rows():
        cells = raw_rows[row.index]
        first = clean_label(cells[0]) if cells else ""
        group = clean_label(cells[group_col.index]) if group_col.index < len(cells) else ""
        if first and not _DESIGNATOR.match(first) and first != group:
            name = _clean(_STAT_SUFFIX.sub("", first).strip(" ,;:"))
        if name is None or not group or row.index in keyed_rows or _DESIGNATOR.match(name):
            continue
        p = _p_of(model, row)
        for col in model.columns:
            if col is group_col or _is_test_column(col):
                continue
            tp, months = _timepoint(_column_time(col))
            texts = [col.statistic or "", " ".join(col.labels), model.context]
            o = cell_outcome(model.cell(row, col).value, texts, name, p)
            if o is not None:
                out.append((row.index, replace(o, timepoint=tp, timepoint_months=months), group))
    return out


def _arms_as_rows(
    model: TableModel, keyed_rows: set[int], is_arm: ArmTest | None
) -> list[tuple[int, Outcome, str | None]]:
    """Arms printed as rows under an outcome heading, time points as columns:
    "Systolic BP" / "Drug group | 151 ± 12 | 139 ± 11"."""
    out: list[tuple[int, Outcome, str | None]] = []
    cols = [c for c in model.columns if not _is_test_column(c) and _is_time_column(c)]
    if not cols:
        return out
    arm_rows = _arm_rows(model, is_arm)
    for row in model.data_rows():
        if row.index in keyed_rows or not row.sections or row not in arm_rows:
            continue
        name = _clean(_STAT_SUFFIX.sub("", row.sections[-1]).strip(" ,;:"))
        if name is None:
            continue
        p = _p_of(model, row)
        for col in cols:
            tp, months = _timepoint(col.member or col.arm)
            if months == 0.0:
                continue  # the baseline is not a result of the arm
            texts = [col.statistic or "", " ".join(col.labels), row.sections[-1], model.context]
            o = cell_outcome(model.cell(row, col).value, texts, name, p)
            if o is not None:
                o = replace(o, timepoint=tp, timepoint_months=months)
                out.append((row.index, o, row.stub))
    return out

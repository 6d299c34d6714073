"""Results outside the endpoint keys read from result tables, whatever the
house style: arms as columns and outcomes as rows (the usual layout, with
ratio, difference and change columns as comparisons), arms as rows under an
outcome heading with time points as columns, one group measured at several
time points (time points as columns, the change between them), time points
as rows under the outcome named over the arms or under a time heading.

What a cell holds is read by `unkeyed_cells` (the most specific label that
says it), the row's outcome name and time points by `unkeyed_names`.
Baseline, demographic and safety tables give none, nor do rows about the
sample (age, sex, arm sizes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from litkg.extractor.components.arms import is_occasion
from litkg.extractor.components.column_heads import names_no_group
from litkg.extractor.components.unkeyed_cells import (
    MEAN,
    MEASURE_UNIT,
    STAT_SUFFIX,
    cell_outcome,
    cues,
    like_row,
    stub_cue,
)
from litkg.extractor.components.unkeyed_names import (
    ANOVA_SOURCE,
    DESIGNATOR,
    NOT_OUTCOME_ROW,
    ONLY_STAT,
    STAT_PREFIX,
    TIME_LABEL,
    clean_name,
    qualify_repeats,
    read_timepoint,
    row_name,
)
from litkg.extractor.components.unkeyed_roles import (
    is_bare_statistic,
    is_not_arm_value,
    joins_two_arms,
)
from litkg.extractor.records import Outcome
from litkg.extractor.tables import TableModel, read_table
from litkg.extractor.tables.comparison import comparison_statistic, comparison_value
from litkg.extractor.tables.labels import clean as clean_label
from litkg.extractor.tables.labels import glossary, is_time, statistic
from litkg.extractor.tables.labels import name as label_name
from litkg.extractor.tables.model import Column, Row
from litkg.extractor.tables.stacked import unstack_arms
from litkg.extractor.tables.values import MARK_CHARS, Value, parse_value
from litkg.extractor.vocab import load_vocab

ArmTest = Callable[[str], bool]

# --------------------------------------------------------------------------- which tables

_NOT_RESULT_TABLE = re.compile(
    r"\b(?:characteristics|demographic\w*|adverse|toxicit\w*|side[- ]effects?|safety|"
    r"eligib\w*|dose modification|dose reduction|reasons? for|"
    r"(?:study|trial) design|schedule|(?<!per[- ])protocol|inclusion|exclusion|questionnaire items?|"
    r"items? of|factor loadings?|reliability|validity|cost\w*|resources?|sample size|"
    r"(?:statistical )?power (?:calculations?|analys[ie]s)|"
    r"background|concomitant|exposure|(?:treatments?|therap\w+|radiotherapy|chemotherapy|doses?|"
    r"drugs?|interventions?) (?:delivered|received|administered|given)|"
    # a regression table, not a block's or a lesion's regression ("regression time of motor block")
    r"regressions?(?!\s+(?:time|of\s+(?:the\s+)?(?:motor|sensory|block|lesions?|tumou?rs?)))|"
    r"coefficients?|"
    r"predictors?|correlations?|associations?|associated|determinants|multivariate|multivariable|"
    r"univariate|loadings?|models?)\b",
    re.I,
)
# what the arms were given, not what was measured in them: "Ingredients and chemical
# composition of the experimental diet", "Composition of the study formulas"
_PRODUCT_COMPOSITION = re.compile(
    r"(?i)\bingredients?\b|\bcomposition\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:diets?|feeds?|"
    r"formulas?|formulations?|supplements?|products?|foods?|meals?|breads?|solutions?|drinks?|"
    r"beverages?|preparations?|rations?|capsules?|tablets?)\b"
)
# ... unless it is what the participants ate ("diets from food records") or what was
# measured in them ("plasma levels of the ingredients", "changes in concentrations")
_INTAKE = re.compile(
    r"(?i)\b(?:records?|recalls?|intakes?|consum\w*|eaten|reported|diaries|plasma|serum|blood|"
    r"urine|urinary|tissues?|f(?:a)?ecal|levels?|concentrations?|changes?)\b"
)
# "Effects of cryoprotectant exposure on cleavage": a result caption naming its
# intervention with a word that elsewhere marks a design or exposure table
# ("Haemodynamic effects of exposure to wood smoke")
_EFFECT_OF = re.compile(
    r"(?i)^\s*(?:table\s+\w+\.?\s*)?(?:the\s+)?(?:[\w-]+\s+){0,2}?effects?\s+of\b"
)
_WEAK_NOT_RESULT = re.compile(r"(?i)exposure|schedule|protocol|background|concomitant|models?")
_BASELINE_ONLY = re.compile(
    r"\b(?:baseline|at (?:entry|enrol?ment|randomi[sz]ation|admission))\b", re.I
)
# a caption placing the whole table before the trial began: no result of it
_BEFORE_START = re.compile(
    r"(?i)\b(?:before|prior to|preceding)\s+(?:the\s+)?(?:run[- ]?in|wash[- ]?out|randomi[sz]ation|"
    r"allocation|enrol+ment|study entry|(?:start|beginning|onset) of (?:the\s+)?(?:study|trial|"
    r"intervention|treatment))(?:\s+(?:period|phase))?\b"
    r"|\b(?:pre-?randomi[sz]ation|at screening|screening visit|during (?:the\s+)?run[- ]?in)\b"
)
_FOLLOW_UP = re.compile(
    r"\b(?:after|end|end[- ]?points?|follow[- ]?up|post\w*|final|changes?|week|weeks|month|months|day|days|"
    r"over time|during|outcomes?|results?|effects?)\b",
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
    r"|^(?:groups?|arms?)\s+(?:[A-D1-4]|I{1,3}|IV)\b"
    r"|^(?:placebo|controls?|sham|usual care|standard care|no treatment)(?:\s*[(\[][^()]*[)\]])?$",
    re.I,
)


# "Baseline and endpoint characteristics", "Characteristics at baseline and follow-up":
# the patients measured again at the trial's end (only those columns or rows are results)
_ENDPOINT_CUE = re.compile(
    r"(?i)\b(?:end[- ]?points?|follow[- ]?up|end of (?:the\s+)?(?:study|trial|treatment|"
    r"intervention|follow[- ]?up)|post-?(?:treatment|intervention)|final (?:visit|assessment))\b"
)
_CHARACTERISTICS = re.compile(r"(?i)characteristics")


def _endpoint_characteristics(caption: str) -> bool:
    """A caption of characteristics measured at baseline and again at the end
    (both named: "Characteristics of dispensers (post-intervention)" is a sample
    described once, after the trial)."""
    hits = [m.group(0) for m in _NOT_RESULT_TABLE.finditer(caption)]
    return (
        bool(hits)
        and all(_CHARACTERISTICS.fullmatch(h) for h in hits)
        and bool(_ENDPOINT_CUE.search(caption))
        and bool(_BASELINE_ONLY.search(caption))
    )


def _baseline_and_later(model: TableModel) -> bool:
    """Whether a table's columns print a baseline and a later time ("Baseline |
    Endpoint"): "Baseline characteristics of those who completed follow-up" prints
    one time only."""
    months = [read_timepoint(_column_time(c))[1] for c in model.columns if _column_time(c)]
    return 0.0 in months and any(m != 0.0 for m in months)


def is_result_table(model: TableModel, is_arm: ArmTest | None = None) -> bool:
    """Whether a table reports results: not a baseline, demographic, safety or
    design table, and either its caption says results or it compares groups
    the paper names."""
    caption = model.table.caption or ""
    hit = _NOT_RESULT_TABLE.search(caption)
    if (
        hit
        and not (
            _EFFECT_OF.match(caption)
            and all(
                _WEAK_NOT_RESULT.fullmatch(m.group(0)) for m in _NOT_RESULT_TABLE.finditer(caption)
            )
        )
        and not (_endpoint_characteristics(caption) and _baseline_and_later(model))
    ):
        return False
    if _BASELINE_ONLY.search(caption) and not _FOLLOW_UP.search(_BASELINE_ONLY.sub(" ", caption)):
        return False
    if _PRODUCT_COMPOSITION.search(caption) and not _INTAKE.search(caption):
        return False  # the diet or product given, not a result
    if _BEFORE_START.search(caption) and not _FOLLOW_UP.search(_BEFORE_START.sub(" ", caption)):
        return False  # "Food intake before the run-in period": the sample before the trial
    if _RESULT_TABLE.search(caption):
        return True
    if _table_arm(model, is_arm) and any(_time_section(r) for r in model.data_rows()):
        return True  # one group's measures under time points ("Variable of the case group")
    times = [c for c in model.columns if _is_time_column(c) and not _is_test_column(c)]
    if len(times) >= 2 and any(read_timepoint(c.arm)[1] != 0.0 for c in times):
        return True  # one group measured at several times ("Admission | Discharge")
    arms = [c.arm for c in model.columns if c.arm and not _is_test_column(c)]
    named = [a for a in arms if _ARM_WORD.search(a) or (is_arm is not None and is_arm(a))]
    if len(set(arms)) >= 2 and named:
        return True
    return len(_arm_rows(model, is_arm)) >= 2


def _arm_rows(model: TableModel, is_arm: ArmTest | None) -> list[Row]:
    """Rows whose stub is a group's name (every row, under a stub headed
    "Group", but a row about the sample: "Age (years)" is never a group, nor
    one of tests: "P-value", "F")."""
    grouped = _stub_names_groups(model)
    return [
        r
        for r in model.data_rows()
        if not _is_test_row(r)  # "χ2" / "P" under the groups' rows
        and not _is_time_stub(r.stub)  # "Post intervention": a time point, though it names one
        and not ANOVA_SOURCE.match(clean_label(r.stub))
        and (
            _ARM_ROW.match(r.stub)
            or (is_arm is not None and is_arm(r.stub))
            or (
                grouped
                and r.stub
                and not r.sections
                and not r.is_section
                and not NOT_OUTCOME_ROW.search(r.stub)
            )
        )
    ]


def _is_time_stub(stub: str) -> bool:
    """A stub that is only a time point ("Post intervention", "Pre-treatment", "Week 12"),
    though its words may name an arm's treatment."""
    m = TIME_LABEL.match(clean_label(stub))
    rest = clean_label(stub)[m.end() :] if m else ""
    return bool(m) and not re.search(r"\b(?:groups?|arms?)\b|[A-Za-z]{3}", rest)


def _is_test_row(row: Row) -> bool:
    """A row of test statistics or p-values ("χ²", "P", "t value"), no group's."""
    stub = clean_label(row.stub)
    return bool(_TEST_LABEL.match(stub) or _TEST_LABEL.match(row.stub.strip()) or _CHI.match(stub))


# "χ²" with its mark taken off ("χ"), "Chi-square value"
_CHI = re.compile(r"(?i)^\s*(?:χ|chi)(?:\s*2|²|[- ]?squared?)?(?:\s+(?:values?|tests?))?\s*$")


_GROUP_STUB = re.compile(
    r"^\s*(?:(?:study|treatment|intervention)\s+)?(?:groups?|arms?|allocation)\s*$"
    # the rows are what was given: "Drug", "Treatment", "Regimen", "Condition"
    r"|^\s*(?:drugs?|treatments?|interventions?|regimens?|(?:treatment\s+|experimental\s+)?"
    r"conditions?)\s*$",
    re.I,
)


def _stub_names_groups(model: TableModel) -> bool:
    """Whether the stub column's header says its rows are the groups ("Group")."""
    rows = model.table.rows[: model.table.header_rows]
    # the header row right over the stub: "Group | FMS | CON" over "Variables | Mean | SD"
    # labels the arm header row, not the stub; a blank under "Group" is its span
    while len(rows) > 1 and not (rows[-1] and rows[-1][0].strip()):
        rows = rows[:-1]
    if not (rows and rows[-1] and _GROUP_STUB.match(clean_label(rows[-1][0]))):
        return False
    # nor does "Group" spanned down the whole head from the row naming the groups
    # ("Group | Experimental group | Control group" over "Group | Mean±SD | Mean±SD"),
    # or heading the stub in that row itself ("Group | Observation group | Control
    # group" over the measures' rows)
    # (two cells each a group's name: not one period's label that mentions both arms,
    # "During study period (8 weeks on intervention, 8 weeks on control)")
    return not any(
        row
        and row[0] == rows[-1][0]
        and len({clean_label(c) for c in row[1:] if _ARM_ROW.match(clean_label(c))}) >= 2
        for row in rows
    )


# --------------------------------------------------------------------------- reading


# a column of p-values however its label goes on: "p Value (for difference)", "P*"
_P_LABEL = re.compile(
    r"(?i)^\s*(?:overall|global|interaction|trend|(?:un)?adjusted|corrected|exact)?\s*p(?:[\s-]*values?)?"
    # "P-value of difference": the between-arm p ("P for trend", "for interaction" are others)
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:differences?|comparisons?|treatment effects?)\b.*)?"
    r"\s*(?:[(\[*].*)?$"
)
# a column of a comparison's spread ("S.E. of difference", "SD of change"): no comparison's value
_SPREAD_OF = re.compile(
    r"(?i)^\s*(?:s\.?\s?e\.?m?\.?|s\.?\s?d\.?|standard (?:error|deviation)s?|"
    r"(?:95\s*%\s*)?(?:CI|confidence intervals?))(?:\s+(?:of|for)\b.*)?\s*$"
)
# a row label saying its cells print a spread or an interval ("Mean change (95% CI)")
_SPREAD_CUE = re.compile(r"(?i)\b(?:CI|SD|SE|SEM|IQR|range)\b|±")


# a test's name glued to its p: "Paired t-testP value", "Wilcoxon testP value" (a "Follow-up
# value" is none: the p must stand alone or be a capital glued to the test's name)
_GLUED_P = re.compile(r"(?:\b[pP]|(?<=[a-z])P)[\s-]?values?\s*$")


def _is_p_column(col: Column) -> bool:
    if col.statistic == "p":
        return True
    label = clean_label(col.labels[-1]) if col.labels else ""
    return bool(label and (_P_LABEL.match(label) or _GLUED_P.search(label)))


def _p_of(model: TableModel, row: Row) -> float | None:
    for c in model.columns:
        if _is_p_column(c):
            v = model.cell(row, c).value
            if v.kind == "number" and v.value is not None and 0 <= v.value <= 1:
                return v.value
    return None


def _p_of_period(model: TableModel, row: Row, col: Column, p: float | None) -> float | None:
    """The p-value of a column's own period when the table prints one p column per
    period ("Baseline: A | B | p", "Endpoint: A | B | p"); else the row's p."""
    if not col.period:
        return p
    ps = [c for c in model.columns if _is_p_column(c)]
    if len(ps) < 2:
        return p
    own = [c for c in ps if c.labels and clean_label(c.labels[0]) == clean_label(col.period)]
    if not own:
        # the p column printed after its period's arms, its heading not spread over it
        after = [c for c in model.columns if c.index > col.index]
        for c in after:
            if c in ps:
                own = [c] if not c.period else []
                break
            if c.period and c.period != col.period:
                break
    if len(own) != 1:
        return p  # the p columns are not one per period
    v = model.cell(row, own[0]).value
    return v.value if v.kind == "number" and v.value is not None and 0 <= v.value <= 1 else None


_TEST_LABEL = re.compile(
    r"^\s*(?:[tFzUHZ]|χ\s*2|χ²|x\s*2|chi[- ]?squared?|df|d\.f\.|cohen'?s d|effect size|"
    r"(?:[tFzUHZ]|test|wald)[- ]?(?:values?|statistics?|scores?)|statistics?|tests?|"
    r"statistical (?:tests?|analys[ie]s)|tests? results?|"
    r"significance|sig\.?|p|p[- ]?values?\w*|p for \w+|p[- ]?trend|"
    # a named test, its p after it or not ("Paired t-test", "Wilcoxon, p", "Mann-Whitney U")
    r"(?:(?:paired|unpaired|independent|student'?s|two[- ]sample|welch'?s?)\s+)?t[- ]tests?|"
    r"(?:wilcoxon|mann[- ]whitney|kruskal[- ]wallis|friedman|mcnemar|fisher|chi[- ]square|"
    r"log[- ]rank|an(?:c)?ova)(?:'?s)?(?:\s+(?:u|h|z|f|χ²?|exact|signed[- ]rank|rank[- ]sum))?"
    r"(?:\s+tests?)?(?:\s*,?\s*p(?:[- ]?values?)?)?)\s*(?:[(\[*].*)?$",
    re.I,
)


_DERIVED_LABEL = re.compile(
    r"\b(?:differences?|diff\.?|effect sizes?|ES|cohen[’']?s(?:\s+d)?|d|β|beta|coefficients?|estimates?|"
    r"95\s*%|CI|confidence|ratio|ICC|r)\s*[)\]]?\s*$|^\s*(?:n|no\.|number|N)\s*$",
    re.I,
)


# a name comparing two: "Drug vs placebo", "Intervention - Usual care"
_BETWEEN_NAME = re.compile(r"(?i)\b(?:vs\.?|versus|compared|between)\b|\s[-–−/]\s")
# a column's own label naming a comparison of two groups or its p, whatever precedes it
# ("Drug vs placebo p value", "NAVA versus CV", "Intervention- Control (SE)",
# "Intervention effect (95% CI)", "TP group p1", "p2", "P interaction"): no arm's values
# (a capital P alone after a name may be the arm's letter: "Cannula P")
_COMPARED_LABEL = re.compile(
    r"(?i)\b(?:vs\.?|versus)(?=\s|$)|(?-i:[a-z]-\s+[A-Z][a-z])"
    r"|\b(?:intervention|treatment|group|programme|program)\s+effects?\b"
    r"|(?:^|\s)p(?:[\s-]*values?|\d)\s*(?:[(\[].*)?$"
    r"|^\s*p\s+(?:interaction|trend|heterogeneity)\b"
)


def _is_test_column(col: Column) -> bool:
    """A column of test statistics (t, F, χ², U), of between-group differences,
    effect sizes or CIs, or of numbers analysed, rather than an arm's data."""
    if col.is_test or col.statistic in ("n", "total", "ci") or _is_p_column(col):
        return True
    if col.labels and is_not_arm_value(clean_label(col.labels[-1])):
        return True  # "Min." / "Maximum points" / "Partial η2" beside the arm's mean
    if is_bare_statistic(tuple(clean_label(x) for x in col.labels)):
        return True  # "Geometric mean" over no arm: the sample's, no arm's
    if (
        comparison_statistic(col.statistic, col.labels) is not None
        and not _is_arm_change(col)
        and _change_under_arm(col) is None
    ):
        return True
    if (
        col.statistic in ("mean (95% ci)", "median (95% ci)")
        and col.names
        and not _BETWEEN_NAME.search(" ".join(col.names))
    ):
        return False  # "Control group (n=22)" over "Mean (95% CI)": the arm's mean
    last = col.labels[-1:] if col.labels else ()
    return any(
        _TEST_LABEL.match(clean_label(lbl))
        or _TEST_LABEL.match(lbl.strip())  # "χ²" (its "²" is no note mark; "χ" alone may be x̄)
        or _is_derived(clean_label(lbl))
        or _COMPARED_LABEL.search(clean_label(lbl))
        for lbl in last
    )


def _is_derived(label: str) -> bool:
    """A label of derived numbers ("Difference", "Cohen's d", "r"), not a group
    whose designator is a letter ("Group R", "Arm D")."""
    m = _DERIVED_LABEL.search(label)
    if m is None:
        return False
    word = m.group(0).strip(" )]").lower()
    return not (word in ("r", "d", "es") and _ARM_WORD.search(label[: m.start()]))


def _is_arm_change(col: Column) -> bool:
    """An arm's own change column ("Yoga (n=40)" / "Change"): that arm's values, not a comparison."""
    return (
        len(col.names) >= 2
        and comparison_statistic(None, col.names[:-1]) is None
        and comparison_statistic(None, col.names[-1:]) == "difference"
    )


_CHANGE_WORD = re.compile(r"(?i)\bchanges?\b")
_STAT_WORDS = re.compile(r"(?i)\b(?:means?|medians?|chang\w*|percent\w*|differences?)\b|%")


def _change_under_arm(col: Column) -> str | None:
    """The statistic label saying an arm's column holds its change ("Vitamin D" over
    "Median (Q1, Q3) change from baseline to week 24"), not a between-arm one."""
    if (
        not col.names
        or col.statistic
        or comparison_statistic(None, col.names) is not None
        or _STAT_WORDS.search(" ".join(col.names))  # "Median change": a statistic, no arm
    ):
        return None
    for label in col.labels:
        text = clean_label(label)
        if (
            text not in col.names
            and _CHANGE_WORD.search(text)
            and comparison_statistic(None, (_CHANGE_WORD.sub(" ", text),)) is None
            and not _BETWEEN_HEADING.search(text)
        ):
            return text
    return None


# what a time point's words may go on with: "Before intervention", "After the treatment"
_TIME_OF_TREATMENT = re.compile(
    r"(?i)^\W*(?:(?:the|of|of the)\s+)?(?:intervention|treatment|therapy|training|program(?:me)?|"
    r"surgery|operation|exercise|session|study)?\W*$"
)


# the note marks closing a printed label ("48 h¹", "72 h*"); its letters are kept
_CLOSING_MARKS = re.compile(rf"[{re.escape(MARK_CHARS)}⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠ]+$")


def _printed_time(label: str) -> str:
    """A header label as printed, its closing note marks off and its unit kept
    ("48 h¹" -> "48 h", where `clean_label` takes the "h" for a mark)."""
    return _CLOSING_MARKS.sub("", " ".join(label.split())).strip()


def _is_time_column(col: Column) -> bool:
    # a time alone the model names no arm for ("24 h"), its unit kept as printed
    label = col.member or col.arm or (_printed_time(col.labels[-1]) if col.labels else "")
    if col.arm and is_occasion(col.arm):
        return True  # "Baseline survey (N = 450) | Follow-up survey (N = 371)": one cohort's times
    m = TIME_LABEL.match(label)
    rest = label[m.end() :] if m else ""
    # "Pre-treatment", "Before intervention", not "Drug group" nor a dose per time ("150 min/wk")
    return (
        bool(m)
        and (not _ARM_WORD.search(rest) or bool(_TIME_OF_TREATMENT.match(rest)))
        and rest[:1] != "/"
    )


def _time_label(col: Column) -> str | None:
    """The time point a time column is printed for: its lowest header piece naming
    one ("Month 6" under "Month 0 pooled doses (n=80)"), else its arm label."""
    for piece in reversed(col.labels):
        text = clean_label(piece)
        if TIME_LABEL.match(text) and len(text) <= 30:
            return text
    if not (col.member or col.arm) and col.labels:
        printed = _printed_time(col.labels[-1])  # "24 h": the unit is no note mark
        if TIME_LABEL.match(printed) and len(printed) <= 30:
            return printed
    return col.member or col.arm


_SPREAD_LABEL = re.compile(
    r"(?:^|\s)[(\[]?(?:SD|SE|SEM|s\.d\.|IQR|interquartile range|range|95\s*%\s*CI|CI)[)\]]?\s*$",
    re.I,
)


_CENTRE_LABEL = re.compile(r"\b(?:means?|medians?|average|n\s*[(\[]\s*%)|%", re.I)


_PAREN_NUMBER = re.compile(r"^\(\s*[-−–]?\d+(?:[.·]\d+)?\s*\)$")


def _spread_columns(cols: list[Column], model: TableModel | None = None) -> dict[int, int]:
    """Value column index -> the column after it holding its spread only
    ("Mean | SD", "Median | IQR" under one arm; "-4.4 | (7.1)" under one
    arm's label spanning both)."""
    out: dict[int, int] = {}
    rows = model.data_rows() if model is not None else []
    for a, b in zip(cols, cols[1:], strict=False):
        if rows and a.arm and a.arm == b.arm and not a.is_test and a.index not in out.values():
            texts = [model.cell(r, b).text.strip() for r in rows]  # type: ignore[union-attr]
            filled = [x for x in texts if x]
            if len(filled) >= 2 and all(_PAREN_NUMBER.match(x) for x in filled):
                out[a.index] = b.index
                continue
        label = (b.statistic or "") + " " + (b.labels[-1] if b.labels else "")
        if _CENTRE_LABEL.search(label):
            continue  # "Six weeks mean (SD)" holds values with their spread, not a spread alone
        if b.statistic in ("sd", "range", "ci") or _SPREAD_LABEL.search(label.strip()):
            if a.index not in out.values() and not a.is_test:
                out[a.index] = b.index
    return out


def _spread_value(
    model: TableModel, row: Row, col: Column, spread: dict[int, int], texts: list[str]
) -> tuple[Value, list[str]]:
    """A cell's value with the spread its neighbouring column prints, and the cues
    with the pair's statistic first ("M | SD": a mean with its SD)."""
    val = model.cell(row, col).value
    if col.index not in spread:
        return val, texts
    spread_col = _col(model, spread[col.index])
    label = " ".join([spread_col.statistic or "", *spread_col.labels[-1:]])
    val = _with_spread(val, model.cell(row, spread_col).value, label)
    if col.statistic in ("mean", "median") and spread_col.statistic in ("sd", "se"):
        texts = [f"{col.statistic} ({spread_col.statistic})", *texts[1:]]
    return val, texts


# one group's name ("Case group", "The waitlist group"), not a heading over groups
# ("Group", "Compared groups", "Study group")
_ONE_GROUP = re.compile(
    r"(?i)(?:the\s+)?(?!(?:compared|comparison|all|both|each|study|treatment|allocation|"
    r"randomi[sz]ed|age|sex|gender)\b)(?:[\w-]+\s+){1,2}group"
)
# the one group a table reports, named by its stub heading ("Case group/variables")
# or its caption ("Variables of the control group")
_CAPTION_ONE_GROUP = re.compile(
    r"(?i)\b(?:of|in|for|among)\s+(?:the\s+)?(?P<arm>(?:[\w-]+\s+){0,2}group)\b(?!\s*(?:s\b|and|or|vs))"
)


# a heading row naming one of a comparison's products ("Test formulation", "Reference
# product (R)", "Formulation B", "Treatment A"): the rows under it are that product's
_PRODUCT_ROW = re.compile(
    r"(?i)^(?:(?:test|reference|generic|innovator|originator|comparator)"
    r"(?:\s+(?:formulations?|products?|drugs?|preparations?|tablets?|capsules?|treatments?))?"
    r"|(?:formulations?|products?|treatments?|regimens?)\s+(?:[A-D]|[1-4]|I{1,3}|IV))"
    r"(?:\s*[(\[][^()\[\]]*[)\]])?$"
)
# a column of the coefficient of variation beside a mean: the sample's spread, no arm
_CV_LABEL = re.compile(
    r"(?i)^\s*(?:geometric\s+|geo\.?\s+)?(?:cv|coefficient of variation)\s*(?:[(\[,]?\s*%\s*[)\]]?)?\s*$"
)


def _arm_block_values(
    model: TableModel, keyed_rows: set[int], is_arm: ArmTest | None
) -> list[tuple[int, Outcome, str | None]]:
    """Arms printed as heading rows over their measures, beside columns of a
    statistic alone ("Test formulation" / "Cmax (ng/mL) | 152.3 | 40.1 | 26.3"
    under "Parameter | Mean | SD | CV (%)"; "Group A" / "Pain score | 3.2 ± 1.1"
    under "Variable | Mean ± SD"): each measure's value for the arm heading it.
    Rows before the first arm's heading give none."""
    blocks = _arm_blocks(model, is_arm)
    if not blocks:
        return []
    spread = _spread_columns(model.columns, model)
    cols = _value_columns(model, spread)
    out: list[tuple[int, Outcome, str | None]] = []
    for row, name, tp_label in _outcome_rows(model, keyed_rows, []):
        arm, inner = blocks.get(row.index, (None, None))
        if arm is None:
            continue
        if inner and inner.lower() not in name.lower():
            name = f"{inner}, {name}"
        if name.lower().startswith(arm.lower() + ", "):
            name = name[len(arm) + 2 :]  # the arm's heading is no part of the measure
        when = read_timepoint(tp_label) if tp_label else (None, None)
        out += _row_cells(model, row, cols, spread, (name, _p_of(model, row), None), when, arm)
    return out


def _arm_blocks(model: TableModel, is_arm: ArmTest | None) -> dict[int, tuple[str, str | None]]:
    """Row index -> (the group whose heading row the row stands under, the measure
    heading between them), when the table prints one block of rows per group
    ("Placebo group (n = 31)" / "Response time (ms)" / "Simple reaction"); empty
    unless two groups head blocks."""
    out: dict[int, tuple[str, str | None]] = {}
    for row in model.data_rows():
        for k, sec in enumerate(row.sections):
            got = label_name(sec)
            label = got.name if got is not None else clean_label(sec)
            head = re.split(r"\s*:\s+", label, maxsplit=1)[0]
            if _ARM_ROW.match(head) or _PRODUCT_ROW.match(head):
                label = head  # "Test formulation: drug X 5 mg tablets (batch 12)"
            if (
                _ARM_ROW.match(label)
                or _PRODUCT_ROW.match(label)
                or (is_arm is not None and is_arm(label))
            ):
                inner = [x for x in row.sections[k + 1 :] if not _TIME_HEADER.match(x)]
                out[row.index] = (label, clean_name(inner[-1]) if inner else None)
                break
    return out if len({a for a, _i in out.values()}) >= 2 else {}


def _table_arm(model: TableModel, is_arm: ArmTest | None) -> str | None:
    """The one arm a table of one group's values is printed for: its stub heading
    names it ("Case group/variables") or its caption does ("Variable of
    intervention group"); None when it names none or several."""
    corner = clean_label(model.header[-1][0]) if model.header and model.header[-1] else ""
    found = [
        piece.strip()
        for piece in re.split(r"\s*/\s*", corner)
        if _ONE_GROUP.fullmatch(piece.strip()) or (is_arm and is_arm(piece.strip()))
    ]
    if not found:
        caption = model.table.caption or ""
        if re.search(r"(?i)\b(?:groups|between|versus|vs\.?|compar\w+)\b", caption):
            return None
        found = [
            m.group("arm")
            for m in _CAPTION_ONE_GROUP.finditer(caption)
            if _ONE_GROUP.fullmatch(m.group("arm"))
        ]
    return found[0] if len({f.lower() for f in found}) == 1 else None


def _col(model: TableModel, index: int) -> Column:
    return next(c for c in model.columns if c.index == index)


_WIDTH_LABEL = re.compile(r"(?i)\b(?:iqr|interquartile|range)\b")


def _with_spread(val: Value, spread: Value, label: str = "") -> Value:
    """A value cell read with the spread its neighbouring column prints; one
    number under "IQR" or "Range" is a width the record has no place for (the
    median is read alone)."""
    if val.kind != "number" or val.value is None:
        return val
    if spread.kind == "text" and _PAREN_NUMBER.match(spread.text.strip()):
        spread = parse_value(spread.text.strip().strip("()"))  # "-4.4 | (7.1)"
    if spread.kind == "number" and _WIDTH_LABEL.search(label):
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
    # the lowest header piece first: "Week 24" under the arm heading "Week 0 dose combined"
    for piece in (*reversed(col.labels), col.period):
        if not piece:
            continue
        m = _END_OF.search(piece)
        if m:
            return m.group(0)
        t = TIME_LABEL.match(piece)
        if t and len(piece) <= 30 and piece[t.end() :][:1] != "/":  # not "150 min/wk"
            # the time without the size printed beside it: "Baseline N = 57" -> "Baseline"
            return _SIZE.sub("", piece).strip(" ,;") or piece
    if col.period and not _STAT_WORDS.search(col.period):
        return col.period  # "Basal measurements at IVGTT" over the arms: the occasion as printed
    return None


# a heading over rows of between-group comparisons ("Net treatment effect", "absolute
# difference in CRP compared with placebo (95% CI)"): its rows' cells are no arm's values
_BETWEEN_HEADING = re.compile(
    r"\b(?:differences?|ratios?)\b.*\b(?:compared (?:with|to)|vs\.?|versus|between|relative to)\b"
    r"|\btreatment effects?\b|\b(?:odds|hazard|risk|rate) ratios?\b",
    re.I,
)


# a column whose cells are each row's time point: "Time", "Visit", "Time point"
_TIME_COLUMN_LABEL = re.compile(
    r"(?i)^(?:time(?:\s*points?)?|visits?|occasions?|assessments?|periods?|follow[- ]?up|"
    r"hours?|days?|weeks?|months?|years?)$"
)


def _time_cells(model: TableModel) -> tuple[int, dict[int, str]] | None:
    """The column index of a "Time" column after the stub ("Outcome | Time | Drug |
    Placebo" over "Weight (kg) | Month 4 | -5.1 (0.6) | ...") and, row index -> the
    time point it prints in the row: "" for a row it leaves blank, a row of the
    times' tests ("P value") left out. None when no column is one."""
    for col in model.columns:
        if not col.labels:
            continue
        if not _TIME_COLUMN_LABEL.match(clean_label(col.labels[-1])):
            continue
        texts = {r.index: clean_label(model.cell(r, col).text) for r in model.data_rows()}
        filled = [t for t in texts.values() if t]
        times = [t for t in filled if TIME_LABEL.match(t) and len(t) <= 30]
        tests = [t for t in filled if _TEST_LABEL.match(t)]
        if len(times) < 2 or len(times) + len(tests) < len(filled):
            continue
        return col.index, {i: t for i, t in texts.items() if not (t and _TEST_LABEL.match(t))}
    return None


def _is_arm_label(label: str, is_arm: ArmTest | None) -> bool:
    """Whether a label is one group's name ("Placebo", "Splint group", an arm of the paper)."""
    return bool(_ARM_ROW.match(label)) or (is_arm is not None and is_arm(label))


def _names_arm(label: str, is_arm: ArmTest | None) -> bool:
    return bool(_ARM_WORD.search(label)) or (is_arm is not None and is_arm(label))


def _comparison(
    model: TableModel, row: Row, col: Column, name: str, p: float | None
) -> Outcome | None:
    """The between-arm comparison a ratio or difference column gives for a row."""
    stat = comparison_statistic(col.statistic, col.labels)
    if stat is None or _is_p_column(col) or col.statistic in ("n", "total"):
        return None  # "p Value (for difference)", "N" under "Change": no difference
    if col.labels and _SPREAD_OF.match(clean_label(col.labels[-1])):
        return None  # "S.E. of difference": the spread of the difference beside it
    is_mean = bool(MEAN.search(stub_cue(row.stub)) or any(MEAN.search(s) for s in row.sections))
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
    out = []
    for r, o, label in _read_result_table(model, keyed_rows, is_arm):
        kind = _label_kind(label, is_arm) if label else "arm"
        if kind == "none":
            continue  # "P-value", "b (SE)": the cell is no arm's value
        if kind == "time":
            # "Mean pre-test": one group's value at a time point, no arm's
            time = _STAT_IN_LABEL.sub(" ", clean_label(label or "")).strip(" ,;:")
            if o.timepoint is None:
                tp, months = read_timepoint(time)
                o = replace(o, timepoint=tp, timepoint_months=months)
            label = None
        out.append((r, o, label))
    labels = [label for _r, o, label in out if label and not o.comparator]
    # a table's set of categories ("Tasted | Not tasted"), and any head alone that
    # names no group ("Blood loss", "Yes", "t/χ2": column_heads)
    drop = _category_labels(labels, is_arm)
    drop |= {label for label in labels if names_no_group(label, is_arm)}
    return [hit for hit in out if hit[2] not in drop] if drop else out


_LABEL_EXTRAS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]|[*†‡§¶]+|,\s*(?:n|no\.?)\b.*$", re.I)


@lru_cache(maxsize=1)
def _category_scales() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    """The answer and trait scales of `ontology/vocab/category_labels.json`, each
    a whole-label pattern, and the negation that opens a category's opposite."""
    v = load_vocab("category_labels")
    scales = [re.compile(rf"(?i)^(?:{'|'.join(words)})$") for words in v["scales"].values()]
    negation = re.compile(rf"(?i)^(?:{'|'.join(v['negations'])})[\s-]+(?=\S)")
    return scales, negation


def _category_labels(labels: list[str], is_arm: ArmTest | None) -> set[str]:
    """The labels a table gives as its arms that are the categories of the rows'
    measure, not groups of the trial (ontology/vocab/category_labels.json): the
    words of one answer or trait scale ("Yes | No", "Never | Sometimes | Often",
    "Negative | Positive", "Left | Right", "Mild | Moderate | Severe"), under
    a shared heading too ("Biopsy result Negative | Biopsy result Positive"),
    or a category beside its negation ("Tasted | Not tasted", "Related | Non-related"; "Brace | No brace" are arms).
    None where a label names one of the paper's arms."""
    distinct = list(dict.fromkeys(labels))
    if len(distinct) < 2 or any(_names_arm(label, is_arm) for label in distinct):
        return set()
    words = [clean_label(label).split() for label in distinct]
    shared = 0
    while all(len(w) > shared + 1 for w in words) and len({w[shared].lower() for w in words}) == 1:
        shared += 1  # "Histology result Negative", "Histology result Positive": the heading
    words = [w[shared:] for w in words]
    while all(len(w) > 1 for w in words) and len({w[-1].lower() for w in words}) == 1:
        words = [w[:-1] for w in words]  # "Low WSS", "High WSS": the measure after them
    cores = [
        re.sub(r"\s+", " ", _LABEL_EXTRAS.sub(" ", " ".join(w))).strip(" ,;:").lower()
        for w in words
    ]
    scales, negation = _category_scales()
    if any(all(scale.match(core) for core in cores) for scale in scales):
        if sum(not re.match(r"(?:total|all|both|any)$", core) for core in cores) >= 2:
            return set(distinct)
    positive = {negation.sub("", core) for core in cores if negation.match(core)}
    if positive and positive <= set(cores) and len(cores) == 2 * len(positive):
        return set(distinct)  # every category beside its negation
    return set()


# the statistic's words a column label may print beside its arm or time point
_STAT_IN_LABEL = re.compile(
    r"(?i)\b(?:means?|medians?|averages?|s\.?d\.?|s\.?e\.?m?\.?|iqr|(?:95\s*%\s*)?ci)\b|±|[()\[\]]"
)
# "P-valuea)": a p column whose note mark stuck to its label
_P_MARKED = re.compile(r"(?i)^\s*p[\s-]*values?[a-z†‡§¶*]?\s*\)?\s*$")
# a count's or a denominator's label ("No./Total", "n/N", "n (%)"): the row is the arm
_COUNT_LABEL = re.compile(
    r"(?i)^\s*(?:n|no\.?|number)\s*(?:/\s*(?:n|no\.?|total)|[(\[]\s*%\s*[)\]])?\s*$"
)
# a comparison's column ("Between groups (intervention and control)", "Difference")
_BETWEEN_LABEL = re.compile(r"(?i)^\s*(?:between[- ]groups?|(?:mean\s+)?differences?)\b")
# a regression's coefficient: "b (SE)", "β", "B"
_COEFFICIENT = re.compile(
    r"(?i)(?:^|\s)(?:b|β|beta)\s*\(\s*s\.?e\.?\s*\)|^(?:b|β|beta|coefficients?)$"
)


_STAT_WORD = re.compile(
    r"(?i)\b(?:means?|medians?|averages?|s\.?d\.?|s\.?e\.?m?\.?|iqr|interquartile)\b"
)
# a dose in an arm's label ("Vitamin D 1000 IU, mean (SD)"): the unit is the dose's
_DOSE_IN_LABEL = re.compile(
    r"(?i)\d+(?:[.,]\d+)?\s*(?:mg|g|[µμu]g|mcg|ng|ml|l|iu|units?|%|mmol|[µμu]mol|kcal|kj)\b"
)


# a label that is a decimal number alone
_DECIMAL_LABEL = re.compile(r"^[<>≤≥=]?\s*[-−–]?\d*[.·]\d+$")
# a measure's name with its unit in brackets ("Height (cm)", "Lactate (mmol·l−1)")
_UNIT_LABEL = re.compile(
    r"(?i)^[A-Za-z][^()\[\]]*[(\[]\s*(?![\d\s/]+[)\]])(?:[^()\[\]%,\s]*\S[/·]\S[^()\[\]%,]*|mm\s?hg|bpm|"
    r"kg|g|mg|[µμu]g|ng|pg|cm|mm|m|ml|dl|l|kcal|kj|ms|s|secs?|seconds?|min|mins|minutes|"
    r"mmol|[µμu]mol|cm2|cm²|m2|m²|°c|°|degrees?)\s*[)\]]\s*$"
)


def _label_kind(label: str, is_arm: ArmTest | None = None) -> str:
    """What a column label the readers give as an arm's is: "arm", "time" (a
    time point with its statistic: "Mean pre-test", "Mean ± SD (After)") or
    "none" (a statistic alone, a p-value's or a coefficient's column). A
    letter that names one of the paper's arms ("B" for "Group B") is that
    arm, not a coefficient."""
    text = clean_label(label)
    if _P_LABEL.match(text) or _P_MARKED.match(label) or _TEST_LABEL.match(text):
        return "none"
    coefficient = _COEFFICIENT.search(text) and not (is_arm is not None and is_arm(text))
    if coefficient or _COUNT_LABEL.match(text) or _BETWEEN_LABEL.match(text):
        return "none"
    core = re.sub(r"\s+", " ", _STAT_IN_LABEL.sub(" ", text)).strip(" ,;:/-")
    if not core:
        return "none"
    if core != text and _is_time_stub(core) and len(core) <= 25:
        return "time"
    if _DECIMAL_LABEL.match(core):
        return "none"  # ".02", "0.15": a p-value or an estimate printed in the head
    if _UNIT_LABEL.match(text) and not _DOSE_IN_LABEL.search(text) and not _names_arm(text, is_arm):
        return "none"  # "Height (cm)", "Lactate (mmol·l−1)": a measure's column
    if _STAT_WORD.search(text) and MEASURE_UNIT.search(text) and not _DOSE_IN_LABEL.search(text):
        return "none"  # "FFQ Mean (IQR), mg", "AUC Mean (SD) (mm·min)": a measure's column
    return "arm"


def _read_result_table(
    model: TableModel,
    keyed_rows: set[int] | None = None,
    is_arm: ArmTest | None = None,
) -> list[tuple[int, Outcome, str | None]]:
    """`unkeyed_from_table` before its labels are checked."""
    keyed_rows = keyed_rows or set()
    unstacked = unstack_arms(model.table, lambda label: _is_arm_label(label, is_arm))
    if unstacked is not None:  # "CT (sd) BT (sd)" beside "15.2 (4.4) 15.4 (4.4)"
        table, origin = unstacked
        keyed = {k for k, o in enumerate(origin) if o in keyed_rows}
        got = unkeyed_from_table(read_table(table), keyed, is_arm)
        return [(origin[r], o, label) for r, o, label in got]
    head = _header_in_body(model, is_arm)
    if head is not None:  # "Proportion marked true" over a body row "Type: | Group A | Group B"
        model = read_table(replace(model.table, header_rows=head))
    model = _expand_arm_abbreviations(model, is_arm)
    if not is_result_table(model, is_arm):
        return []
    timed_arms = _arm_time_rows(model, is_arm)
    if timed_arms is not None:  # "Drug group | Week 12 | 68 ± 8 | 27.1 ± 3.0"
        return timed_arms
    group_col = _group_column(model, is_arm)
    if group_col is not None:
        return _group_column_rows(model, group_col, keyed_rows)
    model = _with_label_column(model)
    model = _without_carried_headings(model)
    spread = _spread_columns(model.columns, model)
    arm_time = _arm_time_columns(model, is_arm)
    arm_cols = [
        c
        for c in model.columns
        if c.arm
        and not _is_test_column(c)
        and (not _is_time_column(c) or c.index in arm_time)
        and c.index not in spread.values()
    ]
    # "Placebo/Drug" over "21/22": both arms' sizes, no one arm's events
    both_arms = {
        c.index
        for c in arm_cols
        if joins_two_arms(
            c.arm,
            [model.cell(r, c).text for r in model.data_rows()],
            lambda label: _names_arm(label, is_arm),
        )
    }
    arm_rows = _arm_rows(model, is_arm)
    named_cols = [c for c in arm_cols if _names_arm(c.arm or "", is_arm)]
    if not arm_rows and all(
        ONLY_STAT.match(clean_label(c.arm or "")) or _CV_LABEL.match(clean_label(c.arm or ""))
        for c in arm_cols
    ):
        # no column names a group ("Minimum | Maximum | Mean ±"): the arms head blocks
        # of rows, or one group's table, if any
        got = _arm_block_values(model, keyed_rows, is_arm) or _one_group_sections(
            model, keyed_rows, is_arm
        )
        if got or not arm_cols:
            return got or _pre_post(model, keyed_rows, is_arm)
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
        tp_c = read_timepoint(_column_time(c))
        if tp_c[1]:
            latest[c.arm] = tp_c
    common = set(latest.values())
    yes_rows = len(arm_cols) >= 2 and all(_names_arm(c.arm or "", is_arm) for c in arm_cols)
    restated = _restated_headers(model)
    # the stub column's heading says every row is a change ("Change from baseline")
    corner_change = any(h and _CHANGE_CORNER.search(clean_label(h[0])) for h in model.header)
    characteristics = _endpoint_characteristics(model.table.caption or "") and _baseline_and_later(
        model
    )
    row_times = _time_cells(model)
    if row_times is not None:
        arm_cols = [c for c in arm_cols if c.index != row_times[0]]
        row_times = row_times[1]
    for row, name, tp_label in _outcome_rows(model, keyed_rows, arm_rows, spanner, yes_rows):
        if row_times is not None:
            time = row_times.get(row.index)
            if time is None:
                continue  # "P value" in the time column: the row of the times' tests
            tp_label = tp_label or time or None
        p = p_row = _p_of(model, row)
        between = any(_BETWEEN_HEADING.search(s) for s in row.sections)
        kind = _stat_row(row.stub)
        if kind == "difference":
            out.extend(_difference_row(model, row, arm_cols, name, tp_label, p))
        if kind in ("difference", "effect size"):
            continue
        header = restated.get(row.index)
        row_vals = [model.cell(row, c).value for c in arm_cols]
        for col in model.columns:
            if col.index in both_arms:
                continue
            tp, months = read_timepoint(tp_label or _column_time(col))
            if months == 0.0 and characteristics:
                continue  # "Baseline | Endpoint" characteristics: the baseline's are no result
            p = _p_of_period(model, row, col, p_row)
            val = model.cell(row, col).value
            if col in arm_cols:
                val = like_row(val, row_vals)  # "76 (17.4)" among "82.17 (9.75)": a mean (SD)
            o: Outcome | None = None
            if _is_test_column(col):
                o = _comparison(model, row, col, name, p)
                if o is not None and _is_arm_change(col) and o.statistic == "difference":
                    # "Users (n=104)" / "Mean difference (95% CI)": that arm's own change
                    o = replace(o, arm=None, comparator=None, name=f"{name}, change")
            elif col in arm_cols and not between and header is not None:
                # under a header row restated in the body: its label says what the cells are
                label = header.get(col.index, "")
                if col.index in spread:
                    val = _with_spread(val, model.cell(row, _col(model, spread[col.index])).value)
                o = cell_outcome(val, [label, *cues(model, row, col)[1:]], name, p)
                if o is not None and tp is None and not tp_label:
                    tp, months = read_timepoint(_name_and_time([label])[1])
                if o is not None and not _CHANGE_WORD.search(name):
                    if corner_change or _CHANGE_WORD.search(label):
                        o = replace(o, name=f"{name}, change")  # the header above says so
            elif (
                val.kind == "number"
                and col.index not in spread
                and _SPREAD_CUE.search(stub_cue(row.stub))
            ):
                o = None  # "0.001" on a "Mean change (95% CI)" row: no such estimate
            elif col in arm_cols and not between:
                texts = cues(model, row, col)
                if col.index in spread:
                    spread_col = _col(model, spread[col.index])
                    label = " ".join([spread_col.statistic or "", *spread_col.labels[-1:]])
                    val = _with_spread(val, model.cell(row, spread_col).value, label)
                    if col.statistic in ("mean", "median") and spread_col.statistic in ("sd", "se"):
                        texts[0] = f"{col.statistic} ({spread_col.statistic})"  # "M | SD"
                o = cell_outcome(val, texts, name, p)
                if o is not None and corner_change and not _CHANGE_WORD.search(name):
                    o = replace(o, name=f"{name}, change")  # "Variable, change from baseline"
                elif o is not None and _is_arm_change(col):
                    what = clean_label(col.names[-1]).lower()
                    o = replace(o, name=f"{name}, {'change' if what in ('δ', '∆') else what}")
                elif o is not None and (change := _change_under_arm(col)) is not None:
                    if not _CHANGE_WORD.search(name):
                        o = replace(o, name=f"{name}, change")
                    if tp is None and not tp_label:
                        tp, months = read_timepoint(_change_time(change))
            if o is not None and tp is None and not tp_label:
                # a change or a comparison is at the last time point the arms were measured
                if _is_arm_change(col):
                    tp, months = latest.get(" ".join(col.names[:-1]), (None, None))
                elif o.comparator and len(common) == 1:
                    tp, months = next(iter(common))
            if o is not None:
                o = replace(o, timepoint=tp, timepoint_months=months)
                arm = col.group if col.index in arm_time else _arm_label(col)
                if _is_arm_change(col):
                    arm = " ".join(col.names[:-1])
                if spanner and arm and arm.startswith(spanner + " "):
                    arm = arm[len(spanner) + 1 :]
                out.append((row.index, o, None if o.comparator else arm))
    return out


def _header_in_body(model: TableModel, is_arm: ArmTest | None) -> int | None:
    """The number of header rows when the head's last row is printed as the
    body's first: the groups named there, in every column, with no value
    ("Proportion of items recalled" / body "Item type: | Group A (n = 40) |
    Group B (n = 38)"), under a head that names none; or the time points of the
    columns, every filled cell one ("Baseline | 6 months" under the arms). None
    otherwise."""
    table = model.table
    h = table.header_rows
    if not 1 <= h < len(table.rows) - 1:
        return None
    row = table.rows[h]
    cells = [clean_label(c) for c in row[1:]]
    later = table.rows[h + 1 :]
    if any(parse_value(c).kind != "text" for c in row[1:] if clean_label(c)):
        return None
    # the arms the columns' times are read under, not rows of arms ("Drug A | 6.0 ± 0.3")
    # under measures' heads ("MMP9 | | mRS"), which the readers of arm rows take
    if (
        _time_head_row(row, cells)
        and any(parse_value(c).kind not in ("text", "absent") for r in later for c in r[1:])
        and not _ROWS_ARE_GROUPS.search(clean_label(row[0]))
        and not any(_is_arm_label(clean_label(r[0]), is_arm) for r in later if r)
    ):
        return h + 1  # "Group A | | Group B |" over a body row "Baseline | 6 months | ..."
    # a cell left blank is a column the head above labels, or a second stub column
    if len([c for c in cells if c]) < 2 or not (all(cells) or clean_label(row[0])):
        return None
    filled = [c for c in cells if c]
    if sum(_is_arm_label(c, is_arm) for c in filled) < (2 if len(filled) == len(cells) else 1):
        return None
    if len(filled) < len(cells) and not all(_names_arm(c, is_arm) for c in filled):
        return None  # with blanks beside them, every label a group's ("Control | Experimental")
    if any(_is_arm_label(clean_label(c), is_arm) for r in table.rows[:h] for c in r[1:] if c):
        return None  # the head names the groups: a body row restating them is read elsewhere
    if not any(parse_value(c).kind not in ("text", "absent") for r in later for c in r[1:]):
        return None
    return h + 1


def _time_head_row(row: list[str], cells: list[str]) -> bool:
    """Whether a body row with no value names each column's time point: a head
    row printed as the body's first ("Baseline | 6 months | Baseline | 6 months",
    "Pre-test (n = 30) | Post-test (n = 28)"). Every filled cell a time point, its
    size aside, two at least and not one repeated; the stub blank, a time
    column's ("Time point"), or beside a starting occasion ("Baseline", "Pre"),
    so that a row of durations ("Time to healing | 6 weeks | 9 weeks") is none."""
    times = [_SIZE.sub("", c).strip(" ,;") for c in cells if c]
    if len(times) < 2 or len(set(times)) < 2:
        return False
    if not all(len(t) <= 30 and (_is_time(t) or is_occasion(t)) for t in times):
        return False
    stub = clean_label(row[0])
    return (
        not stub
        or bool(_TIME_COLUMN_LABEL.match(stub))
        or any(read_timepoint(t)[1] == 0.0 for t in times)
    )


# a stub saying the rows are the groups: "Drugs", "Treatment group", "Arm"
_ROWS_ARE_GROUPS = re.compile(
    r"(?i)\b(?:groups?|arms?|drugs?|treatments?|regimens?|interventions?|cohorts?|conditions?)\b"
)
# a group's or occasion's size printed beside its name: "N = 57", "(n = 40)"
_SIZE = re.compile(r"\s*[(\[]?\s*\b[nN]\s*=\s*\d[\d,]*\s*[)\]]?")


_CONDITION_WORD = re.compile(r"(?i)\b(?:conditions?|cohorts?)\b")


def _expand_arm_abbreviations(model: TableModel, is_arm: ArmTest | None) -> TableModel:
    """Stubs and arm labels that are abbreviations the caption or the notes define
    as groups ("CG" / "EG" rows beside "CG = Control group, EG = Experimental
    group") read as the groups they stand for; one the paper's arms already name
    is left as printed."""
    gloss = {
        k: v
        for k, v in glossary(" ".join([model.table.caption or "", *model.table.footnotes])).items()
        if _ARM_WORD.search(v) or _CONDITION_WORD.search(v) or (is_arm is not None and is_arm(v))
    }
    if not gloss:
        return model

    def full(label: str | None) -> str | None:
        text = clean_label(label or "")
        if text in gloss and not (is_arm is not None and is_arm(text)):
            return gloss[text]
        return None

    rows = [
        replace(r, stub=f, concept=f) if (f := full(r.stub)) and r.concept == r.stub else r
        for r in model.rows
    ]
    cols = []
    for c in model.columns:
        if c.names and (f := full(c.names[-1])):
            names = (*c.names[:-1], f)
            member = f if c.member is not None else None
            c = replace(c, names=names, arm=" ".join(names), member=member)
        cols.append(c)
    if rows == model.rows and cols == model.columns:
        return model
    return replace(model, rows=rows, columns=cols, _cells={})


def _without_carried_headings(model: TableModel) -> TableModel:
    """A comparison column whose upper header cell is blank in the markup (no span
    over it) is no arm's: "Placebo[2 cols] | Drug[2 cols] | (blank)" over "...
    | Difference in proportions (95% CI)" compares the arms, though the reader
    carries "Drug" over the blank to its right (a layout without spans needs it)."""
    table = model.table
    if not table.grid or table.header_rows < 2:
        return model
    covered = {(r, j) for r, c, _rs, cs in table.spans for j in range(c + 1, c + cs) if cs > 1} | {
        (r + k, c) for r, c, rs, _cs in table.spans for k in range(1, rs) if rs > 1
    }
    cols = []
    for col in model.columns:
        j = col.indices[0]
        carried = any(
            j < len(table.rows[i]) and not table.rows[i][j].strip() and (i, j) not in covered
            for i in range(min(table.header_rows - 1, len(table.rows)))
        )
        last = col.labels[-1] if col.labels else ""
        if (
            carried
            and len(col.names) >= 2
            and comparison_statistic(None, (clean_label(last),)) is not None
        ):
            col = replace(col, labels=(last,), names=(last,), arm=last, arm_n=None,
                          group=None, member=None)  # fmt: skip
        cols.append(col)
    return replace(model, columns=cols)


def _with_label_column(model: TableModel) -> TableModel:
    """A second stub column naming each row's measure ("60°/s | PT (Nm) | 64.3±11.8",
    "At recovery | Nausea, n (%) | 6 (18.8%)"): the row is the measure at the first
    stub's condition ("PT (Nm), 60°/s"), or at its time point."""
    if len(model.columns) < 3:
        return model
    col = model.columns[0]
    corner = {clean_label(h[0]) for h in model.header if h}
    # "Group" over the measures' column beside the groups' own columns: a misplaced
    # heading, the column is the measures' labels
    misheaded = bool(col.labels) and bool(_GROUP_LABEL.match(clean_label(col.labels[-1])))
    misheaded = (
        misheaded
        and len(
            {
                c.arm
                for c in model.columns[1:]
                if c.arm and not _is_test_column(c) and _ARM_WORD.search(c.arm)
            }
        )
        >= 2
    )
    # "Weeks" over "Pretreatment | 4th week | 8th week": each row's time point
    time_col = (
        bool(col.labels)
        and bool(_TIME_COLUMN_LABEL.match(clean_label(col.labels[-1])))
        and not set(map(clean_label, col.labels)) <= corner  # "Time" over both stubs
    )
    if (
        col.statistic
        or col.indices != (1,)
        or (
            col.arm
            and not set(map(clean_label, col.labels)) <= corner
            and not misheaded
            and not time_col
        )
    ):
        return model
    rows = model.data_rows()
    raw = model.table.rows
    texts = [clean_label(model.cell(r, col).text) for r in rows]
    above = {  # a stub printed once over the rows it spans (JATS rowspan)
        k: raw[r][0]
        for r, c, rs, _cs in model.table.spans
        if c == 0 and rs > 1 and r < len(raw)
        for k in range(r + 1, r + rs)
    }
    firsts = [(raw[r.index][0] if raw[r.index] else "") or above.get(r.index, "") for r in rows]
    # "2 h" keeps its unit (a letter after a number is otherwise read as a note mark)
    stubs = [s.strip() if TIME_LABEL.match(s.strip()) else clean_label(s) for s in firsts]
    if time_col:
        return _with_carried_stubs(model, rows, stubs)
    wide = {r for r, c, _rs, cs in model.table.spans if c == 0 and cs >= 2}  # "Total dose (mg)"
    labelled = [
        bool(s) and model.cell(r, col).value.kind == "text" and 2 <= len(x) <= 60 and s != x
        and not TIME_LABEL.match(x) and not statistic(x) and not STAT_PREFIX.match(x + " x")
        for r, x, s in zip(rows, texts, stubs, strict=True)
    ]  # fmt: skip
    if sum(labelled) < 2 or not all(
        ok or r.index in wide for r, ok in zip(rows, labelled, strict=True)
    ):
        return _with_time_column(model, rows, stubs)
    named: dict[int, Row] = {}
    for r, x, s, ok in zip(rows, texts, stubs, labelled, strict=True):
        if not ok:
            continue
        if TIME_LABEL.match(s):
            named[r.index] = replace(r, stub=s, concept=s, sections=(*r.sections, x))
        else:
            named[r.index] = replace(r, stub=f"{x}, {s}", concept=f"{x}, {s}")
    new_rows = [named.get(r.index, r) for r in model.rows]
    return replace(model, rows=new_rows, columns=model.columns[1:])


def _with_carried_stubs(model: TableModel, rows: list[Row], stubs: list[str]) -> TableModel:
    """A measure printed once over the rows of its time points in a column of their
    own ("BDI | Baseline | 34.2" / " | 6 weeks | 18.9" under "Outcome | Time point"):
    each row takes the measure printed above it, its time read from that column
    (`_time_cells`)."""
    named: dict[int, Row] = {}
    last = ""
    for r, s in zip(rows, stubs, strict=True):
        if s:
            last = s
        elif last and not r.is_section:
            named[r.index] = replace(r, stub=last, concept=last)
    return replace(model, rows=[named.get(r.index, r) for r in model.rows])


def _with_time_column(model: TableModel, rows: list[Row], stubs: list[str]) -> TableModel:
    """A second stub column naming each row's time point ("Heart rate | Baseline |
    63 ± 2", "BBS | 4 week | 39.1±3.6"): the row is the first stub's measure at
    that time point, read as a time row under the measure's heading."""
    col = model.columns[0]
    printed = [model.cell(r, col).text.strip() for r in rows]
    # "4 week*" loses its mark, "2 h" keeps its unit (a letter after a number reads as a mark)
    times = [clean_label(t) if TIME_LABEL.match(clean_label(t)) else t for t in printed]
    if any(s and _ARM_ROW.match(s) for s in stubs):
        return model  # "Sham | Post | 59.7": the stubs are groups, not measures
    # a measure named once over its time rows, the stubs below left blank (no span)
    carried: list[str] = []
    for s in stubs:
        carried.append(s or (carried[-1] if carried else ""))
    stubs = carried
    timed = [
        bool(s) and not TIME_LABEL.match(s) and len(t) <= 25 and bool(TIME_LABEL.match(t))
        for t, s in zip(times, stubs, strict=True)
    ]
    if sum(timed) < 2 or not all(timed):
        return model
    named = {
        r.index: replace(r, stub=t, concept=t, sections=(*r.sections, s))
        for r, t, s in zip(rows, times, stubs, strict=True)
    }
    new_rows = [named.get(r.index, r) for r in model.rows]
    return replace(model, rows=new_rows, columns=model.columns[1:])


def _difference_row(
    model: TableModel,
    row: Row,
    arm_cols: list[Column],
    name: str,
    tp_label: str | None,
    p: float | None,
) -> list[tuple[int, Outcome, str | None]]:
    """The arms' difference a "Mean difference (95% CI)" row prints under the
    first arm of two (the other cell empty); none where several cells are filled."""
    filled = [c for c in arm_cols if not model.cell(row, c).value.is_absent]
    if len(arm_cols) != 2 or len(filled) != 1:
        return []
    stat = comparison_statistic(None, (clean_label(row.stub),)) or "difference"
    got = comparison_value(stat, model.cell(row, filled[0]).value, False, model.context)
    if got is None:
        return []
    tp, months = read_timepoint(tp_label)
    o = Outcome(None, got[0], got[1], None, arm="intervention", ci=got[2], p=p, name=name,
                comparator="control", timepoint=tp, timepoint_months=months)  # fmt: skip
    return [(row.index, o, None)]


def _restated_headers(model: TableModel) -> dict[int, dict[int, str]]:
    """Row index -> the labels of the header row restated in the body above it
    (a row with no stub whose cells are all labels: "" | "Number of participants
    (%) at week 24" | "" | "P"), each column's label or the one spanning from its left."""
    out: dict[int, dict[int, str]] = {}
    current: dict[int, str] | None = None
    raw = model.table.rows
    for row in model.data_rows():
        cells = raw[row.index] if row.index < len(raw) else []
        texts = [clean_label(c) for c in cells[1:]]
        filled = [t for t in texts if t]
        if (
            not clean_label(cells[0] if cells else "")
            and len(filled) >= 2
            and all(parse_value(t).kind == "text" for t in filled)
        ):
            current, last = {}, ""
            for j, t in enumerate(texts, start=1):
                last = t or last
                current[j] = last
            continue
        if current is not None:
            out[row.index] = current
    return out


_GROUPS_SPANNER = re.compile(
    r"(?i)^(?:(?:study|treatment|intervention|randomi[sz]ed|allocation)\s+)?(?:groups?|arms?)$"
)


def _arm_label(col: Column) -> str | None:
    """The arm a column is printed for, without a "Groups" heading over all the arms."""
    if len(col.names) >= 2 and _GROUPS_SPANNER.match(clean_label(col.names[0])):
        return " ".join(col.names[1:])
    return col.arm


def _spanner(arm_cols: list[Column], is_arm: ArmTest | None) -> str | None:
    """The one upper header label over every arm column that is no arm's name:
    the outcome the table reports ("EPDS score" over "Control | Exercise")
    when its rows are time points."""
    if len(arm_cols) < 2 or any(len(c.names) < 2 for c in arm_cols):
        return None
    tops = {c.names[0] for c in arm_cols}
    top = tops.pop() if len(tops) == 1 else None
    if top is None or _names_arm(top, is_arm) or TIME_LABEL.match(top):
        return None
    return top


_TIME_HEADER = re.compile(
    r"(?i)^(?:(?:no\.?|number) of\s+)?(?:hours?|days?|weeks?|months?|years?|visits?)\b[^0-9]*$"
)


_YES_ROW = re.compile(r"(?i)^(?:yes|present)$")
_QUALIFIER = (
    r"(?:(?:mean|median|adjusted|unadjusted|absolute|relative|between[- ]groups?|treatment)\s+)*"
)
_CHANGE_ROW = re.compile(
    rf"(?i)^{_QUALIFIER}changes?(?:\s+(?:from|since|over|vs\.?)\s+(?:baseline|entry|pre\w*))?"
    r"(?:\s+(?:at|to|by)\s+[\w\s-]{1,20}?)?\s*(?:[(\[][^()\[\]]*[)\]])?\s*$"
)
_DIFFERENCE_ROW = re.compile(
    rf"(?i:^{_QUALIFIER}(?:differences?|diff\.?|(?:odds|hazard|risk|rate) ratios?)\b(?!\s+(?:in|of)\s+\w))"
    # an abbreviation only before its interval: "HR (95% CI)", not "HR (bpm)", heart rate
    r"|^a?(?:OR|HR|RR)\s*[(\[]\s*95"
)
# a row of effect sizes ("Effect size", "Cohen's d"): between the arms, no arm's value
_EFFECT_SIZE_ROW = re.compile(r"(?i)^(?:effect sizes?|cohen[’']?s\s+d)\b")


_CHANGE_CORNER = re.compile(
    r"(?i)\bchanges?\s+(?:from|since|over|vs\.?)\s+(?:baseline|entry|pre\w*)\b"
)
_FROM_BASELINE = re.compile(r"(?i)\s+(?:from|since|over|vs\.?)\s+(?:baseline|entry|pre\w*)\b")


def _change_time(label: str) -> str | None:
    """The time point a change label ends at: "Mean change from baseline to week 24 (SD)"
    -> "week 24"; none for "Change from baseline" (the baseline is where it starts)."""
    text = _FROM_BASELINE.sub(" ", re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", clean_label(label)))
    tp = _name_and_time([text.strip()])[1]
    return tp if tp and read_timepoint(tp)[1] != 0.0 else None


def _stat_row(stub: str) -> str | None:
    """ "change" for a row printing the outcome's change ("Mean change (95% CI)"),
    "difference" for one printing the arms' difference ("Mean difference (95% CI)",
    "Difference at week 8"), under the outcome's heading."""
    text = clean_label(stub)
    bare = STAT_SUFFIX.sub("", text).strip(" ,;:")  # "Change from baseline, mean ± SD"
    if _CHANGE_ROW.match(text) or (bare != text and _CHANGE_ROW.match(bare)):
        return "change"
    if _DIFFERENCE_ROW.match(text):
        return "difference"
    if _EFFECT_SIZE_ROW.match(text):
        return "effect size"
    return None


_SCALE_HEADING = re.compile(
    r"(?i)^(?!.*\b(?:toxicit\w*|adverse|side[- ]effects?|ctc\w*|events?)\b).*\b(?:grade|grading|"
    r"classification|scale)\s*$"
)


_CAPTION_LABEL = re.compile(r"(?i)^\s*(?:table|tab\.)\s*[\w.-]*\s*[.:]?\s*")
_CAPTION_CHANGE = re.compile(
    r"(?i)^(?:(?:a|an|the)\s+)?(?:(?:mean|median)\s+)?(?:changes?|comparisons?|effects?)\s+(?:in|of)\s+(?:the\s+)?"
)
_CAPTION_CUT = re.compile(
    r"(?i)[.:;]|\s(?:at|in|during|over|after|following|before|by|among|from|on|of (?:the )?"
    r"(?:patients|participants|subjects|groups?|study))\b|\s(?:between|versus|vs\.?|compared)\b"
    r"|\sfor\s+(?:all|both|each|the\s+(?:two|three|four|different|study))\b"
)

# a caption's words that name results in general, no measure ("Outcomes", "Results",
# "Efficacy", "Rates"): "Abstinence", "Remission", "Survival" name one
_GENERIC_CAPTION = re.compile(
    r"(?i)(?:outcomes?|results?|efficacy|effects?|changes?|differences?|comparisons?|"
    r"end ?points?|scores?|rates?|levels?|measurements?|parameters|variables|patterns?|"
    r"after|follow[- ]?up|post\w*|over time)"
)

# the statistics a caption names before its measure: "Mean and range of plaque scores",
# "Mean (SD) of", "Means ± standard deviations of", "Median values of"
_CAPTION_STATISTIC = re.compile(
    r"(?i)^(?:the\s+)?(?:means?|medians?|averages?)(?:\s+values?)?"
    r"(?:\s*(?:,\s*and|,|and|±|\+/-|\(|\[|/)\s*(?:SDs?|SEM?s?|standard (?:deviations?|errors?)|ranges?|"
    r"IQRs?|interquartile ranges?|min(?:imum)?|max(?:imum)?)\s*[)\]]?)*\s+(?:of|for|in)\s+(?:the\s+)?"
)

# "The effects of different doses of X on total motility": the measure is after "on"
_EFFECT_ON = re.compile(
    r"(?i)^(?:the\s+)?(?:[\w-]+\s+)?effects?\s+of\s+.{3,80}?\s+on\s+(?:the\s+)?(?P<measure>\S.*)$"
)


def _caption_outcome(caption: str) -> str | None:
    """The measure a caption names before its qualifiers: "Table 2. Visual
    analogue pain scores at 1, 2 and 24 h after surgery" -> "Visual analogue
    pain scores", "Changes in peak oxygen uptake after 8 weeks" -> "peak oxygen
    uptake", "The effects of two doses of X on total motility at ..." -> "total
    motility"; None for a caption naming no measure ("Results by group")."""
    text = _CAPTION_LABEL.sub("", caption)
    effect_on = _EFFECT_ON.match(text)
    if effect_on:
        text = effect_on.group("measure")  # what was measured, not what was given
    text = _CAPTION_CHANGE.sub("", text)
    text = _CAPTION_STATISTIC.sub("", text)
    text = _CAPTION_CUT.split(text, maxsplit=1)[0].strip(" ,")
    if not 3 <= len(text) <= 60 or _GENERIC_CAPTION.fullmatch(text):
        return None
    if re.match(
        r"(?i)(?:(?:a|an)\s+)?(?:comparisons?|changes?|effects?|results?|outcomes?|the|table)\b",
        text,
    ):
        return None  # "Comparison between groups": no measure's name at the start
    return clean_name(text)


def _outcome_rows(
    model: TableModel,
    keyed_rows: set[int],
    arm_rows: list[Row],
    spanner: str | None = None,
    yes_rows: bool = False,
) -> list[tuple[Row, str, str | None]]:
    """(row, outcome name, time point the stub names) of the rows reporting an
    outcome: not keyed, graded, baseline-section, sample or group rows. A row
    that is only a time point under a `spanner` (the outcome named over the
    arms) reports that outcome; with `yes_rows` (the columns are arms), a
    "Yes" row reports the outcome of the heading above it."""
    out = []
    outer: str | None = None  # the last section naming an outcome, not a time
    data = [r for r in model.data_rows() if r not in arm_rows]
    if spanner is None and data and not any(r.sections for r in data):
        if all(TIME_LABEL.match(r.stub) and len(r.stub) <= 25 for r in data):
            # every row a time point, the outcome named only by the caption
            spanner = _caption_outcome(model.table.caption or "")
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
            if TIME_LABEL.match(row.stub):
                if outer is None:
                    continue
                row = replace(row, sections=(outer,))
            else:
                row = replace(row, sections=())  # a row of its own after the time points
        yes_time = None
        if yes_rows and row.sections and _YES_ROW.match(row.stub):
            # "Urinary tract infection" / "No" / "Yes": the Yes row is the outcome's rate
            name, yes_time = _name_and_time([row.sections[-1]])
            row = replace(row, stub=name, concept=name, sections=row.sections[:-1])
        if row.grade is not None and row.sections and _SCALE_HEADING.search(row.sections[-1]):
            # "Tumour regression grade" / "Grade 1": a category of the scale the heading names
            name = f"{row.sections[-1]} {row.stub}"
            row = replace(row, stub=name, concept=name, grade=None, sections=row.sections[:-1])
        if row.index in keyed_rows or row.grade is not None:
            continue
        if any(
            _BASELINE_ONLY.search(s) or NOT_OUTCOME_ROW.search(STAT_PREFIX.sub("", s))
            for s in row.sections
        ):
            continue
        raw, tp_label = row_name(row)
        tp_label = tp_label or yes_time
        kind = _stat_row(row.stub)
        if kind is not None:
            # "Total cholesterol" / "Change from baseline", "Mean difference (95% CI)":
            # the heading's outcome, its change or the arms' difference
            if not row.sections:
                continue
            # under a time point's heading ("Pain" / "Week 4" / "Mean change"), the measure's
            timed = len(row.sections) >= 2 and is_time(row.sections[-1])
            heading = row.sections[-2] if timed else row.sections[-1]
            head = STAT_SUFFIX.sub("", STAT_PREFIX.sub("", heading)).strip(" ,;:")
            if kind == "effect size":
                continue
            raw = f"{head}, change" if kind == "change" else head
            tp_label = _change_time(row.stub) or (row.sections[-1] if timed else None)
        if spanner and not row.sections and TIME_LABEL.match(raw or "") and len(raw or "") <= 25:
            raw, tp_label = spanner, raw
        name = clean_name(raw)
        if name is None or (tp_label and read_timepoint(tp_label)[1] == 0.0):
            continue
        out.append((row, name, tp_label))
    return qualify_repeats(out)


def _pre_post(
    model: TableModel, keyed_rows: set[int], is_arm: ArmTest | None = None
) -> list[tuple[int, Outcome, str | None]]:
    """One group measured at several time points, time points as columns
    ("Baseline mean (SD) | Six weeks mean (SD) | Six weeks – baseline (95% CI) | p"):
    each time point's value (the baseline at month 0: the baseline value of an
    outcome measure is one) and the change between them."""
    spread = _spread_columns(model.columns, model)  # "Before intervention" over "Mean | SD"
    times = [
        c
        for c in model.columns
        if _is_time_column(c) and not _is_test_column(c) and c.index not in spread.values()
    ]
    changes = [
        c
        for c in model.columns
        if _is_test_column(c)
        and comparison_statistic(c.statistic, c.labels) == "difference"
        and c.statistic not in ("n", "total")
        and not _is_p_column(c)
    ]
    if not times or len(times) + len(changes) < 2:
        return []
    out: list[tuple[int, Outcome, str | None]] = []
    arm = _table_arm(model, is_arm)
    blocks = _arm_blocks(model, is_arm)
    for row, name, _tp in _outcome_rows(model, keyed_rows, []):
        p = _p_of(model, row)
        if blocks:
            arm, inner = blocks.get(row.index, (None, None))
            if arm is None:
                continue  # a row before the first group's heading
            if inner and inner.lower() not in name.lower():
                name = f"{inner}, {name}"  # "Response time (ms)" / "Simple reaction"
        last: tuple[str | None, float | None] = (None, None)
        row_vals = [model.cell(row, c).value for c in times]
        for col in model.columns:
            if col in times:
                tp, months = read_timepoint(_time_label(col))
                if blocks and months == 0.0:
                    continue  # a group's baseline is not its result
                val, texts = _spread_value(model, row, col, spread, cues(model, row, col))
                val = like_row(val, row_vals)  # "76 (17.4)" among "82.17 (9.75)": a mean (SD)
                o = cell_outcome(val, texts, name, None)
                if months:
                    last = (tp, months)
                if o is not None:
                    if months:
                        o = replace(o, p=p)  # the test compares this time point with the baseline
                    out.append((row.index, replace(o, timepoint=tp, timepoint_months=months), arm))
            elif col in changes:
                got = comparison_value(
                    "difference", model.cell(row, col).value, False, model.context
                )
                if got is not None:
                    tp, months = read_timepoint(col.arm)
                    if not months or months == last[1]:
                        tp, months = last  # "Six weeks – baseline": at the later time point
                    o = Outcome(None, "difference", got[1], None, ci=got[2], p=p, name=name,
                                timepoint=tp, timepoint_months=months)  # fmt: skip
                    out.append((row.index, o, arm))
    return out


_GROUP_LABEL = re.compile(
    r"^(?:(?:study|treatment|intervention)\s+)?"
    r"(?:groups?|arms?|treatments?|interventions?|allocation|conditions?|dos(?:es?|ages?))$",
    re.I,
)


def _group_column(model: TableModel, is_arm: ArmTest | None = None) -> Column | None:
    """A "Group" column whose cells name each row's group ("Pain | Laser | 3.1 ± 1.0");
    none where two other columns are the groups ("Group" spanning the stub columns
    over "Observation group | Control group": the rows are measures, their times)."""
    named_cols = {
        clean_label(c.arm or "")
        for c in model.columns
        if c.arm and not _is_test_column(c) and _names_arm(c.arm, is_arm)
    }
    for col in model.columns:
        label = clean_label(col.labels[-1]) if col.labels else ""
        if not _GROUP_LABEL.match(label):
            continue
        if len(named_cols - {label, clean_label(col.arm or "")}) >= 2:
            continue
        texts = [model.cell(r, col).value for r in model.data_rows()]
        named = [
            v
            for v in texts
            if (v.kind == "text" or _DOSE_IN_LABEL.search(_group_label(v.text)))
            and len(v.text) <= 40
        ]
        if sum(bool(TIME_LABEL.match(v.text)) for v in named) * 2 > len(named):
            continue  # "Treatment" over "Before treatment | After treatment": times, no groups
        if texts and len(named) >= max(2, len(texts) // 2):
            return col
    return _cyclic_group_column(model, is_arm)


def _cyclic_group_column(model: TableModel, is_arm: ArmTest | None = None) -> Column | None:
    """An unlabelled second stub column naming the same two to four groups, in the
    same order, under each measure ("Systolic BP | Placebo | 131 ± 2" / "| Drug |
    128 ± 3", then "Heart rate | Placebo | ..."): each row's group."""
    cols = model.columns
    if len(cols) < 2 or cols[0].statistic or cols[0].indices != (1,):
        return None
    col = cols[0]
    # a label of its own ("Position", "Technique"): the column is the groups' only when
    # every name it repeats is one of the paper's arms; a heading spanning it and the
    # column after it ("Baseline" over the groups' names and their values) is the
    # values' heading, not the column's own
    raw = model.table.rows
    stub_head = {clean_label(r[0]) for r in raw[: model.table.header_rows] if r}
    # or the stub's heading spanning it ("Time Group and variable" over both stub columns)
    shared = bool(col.labels) and (
        col.labels == cols[1].labels or clean_label(col.labels[-1]) in stub_head
    )
    labelled = bool(col.arm) and not shared and not _GROUP_LABEL.match(clean_label(col.arm or ""))
    every = model.data_rows()
    printed = [_group_label(model.cell(r, col).text) for r in every]
    order: list[str] = []
    for t in printed:
        if t in order:
            break
        if t and not _is_between_test(t):
            order.append(t)
    k = len(order)
    # a row left blank in the group column between two blocks (or after the last)
    # is a measure of the whole sample ("Step time asymmetry | (blank) | 1.24 ..."):
    # no group's, the column still the groups'
    rows: list[Row] = []
    texts: list[str] = []
    for r, t in zip(every, printed, strict=True):
        stub = clean_label(raw[r.index][0]) if raw[r.index] else ""
        if not t and stub and k and len(rows) % k == 0:
            continue
        if t and _is_between_test(t):
            continue  # "Between groups: P" under each measure's groups: their test's row
        rows.append(r)
        texts.append(t)
    if not 2 <= k <= 4 or len(texts) < 2 * k or len(texts) % k:
        return None
    # the paper's arms, with at most a row of the whole sample ("All (n = 12)")
    named = [t for t in order if t and is_arm is not None and is_arm(t)]
    arms = len(named) >= 2 and all(t in named or _WHOLE_SAMPLE.match(t) for t in order)
    if labelled and not arms:
        return None
    if any(
        not t or TIME_LABEL.match(t) or not (arms or re.search(r"[A-Za-z]{2}", t)) for t in order
    ):
        return None  # times, numbers or blanks: no groups (a letter only as the paper's arm)
    if any(texts[i] != order[i % k] for i in range(len(texts))):
        return None
    if any(model.cell(r, col).value.kind != "text" and not _DOSE_IN_LABEL.search(t)
           for r, t in zip(rows, texts, strict=True)):  # fmt: skip
        return None
    # the measure is named once per block: the block's first row names it, the
    # others repeat it or leave it blank
    stubs = [clean_label(raw[r.index][0]) if raw[r.index] else "" for r in rows]
    for b in range(0, len(rows), k):
        block = stubs[b : b + k]
        if not block[0] or any(x not in ("", block[0]) for x in block[1:]):
            return None
        if _ARM_WORD.search(block[0]) or _ARM_ROW.match(block[0]) or _names_arm(block[0], is_arm):
            return None  # "Group 1 (experimental)" / "Wave I", "Wave III": the stub is the group
    if arms:
        return col  # the groups are the paper's arms
    # else the groups are fewer than the measures: "Without template" / "Pitch", "Roll",
    # "Yaw" is two conditions' rows of three measures, not three groups' rows
    return col if len(rows) // k > k else None


# a row of the groups' test printed in the group column: "P value", "Between groups: P"
_BETWEEN_TEST = re.compile(r"(?i)^between[- ]groups?\b.*\b(?:p|p[- ]?values?|tests?)$")


def _is_between_test(text: str) -> bool:
    """Whether a group column's cell is the row of the groups' test ("P", "P value",
    "Between group: P"), not a group."""
    return bool(_TEST_LABEL.match(text) or _BETWEEN_TEST.match(text))


# a row of the whole sample among the groups' rows: "All (n = 12)", "Total", "Overall"
_WHOLE_SAMPLE = re.compile(
    r"(?i)^(?:all|total|overall|whole sample|all (?:patients|participants|subjects))"
    r"(?:\s*[(\[][^()\[\]]*[)\]])?$"
)


#: the note marks a cell prints (superscripts are left: "m²" may be a unit's)
_CELL_MARKS = re.compile(rf"[{re.escape(MARK_CHARS)}]+")


def _group_label(text: str) -> str:
    """A group's name as a cell prints it, marks taken off, a dose kept whole: the
    unit after a number ("400 mg", "2 g") is no note mark, as it reads elsewhere."""
    label = clean_label(text)
    printed = _CELL_MARKS.sub("", " ".join(text.split())).strip()
    if _DOSE_IN_LABEL.search(printed) and not _DOSE_IN_LABEL.search(label):
        return printed
    return label


def _is_time_text(text: str) -> bool:
    """A cell that is only a time point ("Week 12", "3 months", "Before treatment",
    "After the intervention")."""
    m = TIME_LABEL.match(text)
    return bool(m) and (
        not text[m.end() :].strip(" ,;:") or bool(_TIME_OF_TREATMENT.match(text[m.end() :]))
    )


def _arm_time_rows(
    model: TableModel, is_arm: ArmTest | None
) -> list[tuple[int, Outcome, str | None]] | None:
    """Arms printed as rows, each arm's name over its rows (printed once, the
    rows below left blank, or on every row), one or two stub columns of time
    points after it, and the outcomes as the other columns: "Group | Time |
    Weight (kg) | BMI" over "Drug group | Baseline | 71 ± 9 | 27 ± 3" and " |
    Week 12 | 68 ± 8 | 26 ± 3". Each row is its arm at the innermost time its
    time columns print; a baseline row is no result. None when the table is not
    laid out so (every named row an arm, every time cell a time point)."""
    raw = model.table.rows
    rows = [r for r in model.rows if r.index < len(raw)]
    cols = model.columns
    if len(rows) < 2 or len(cols) < 2 or any(r.is_section for r in rows):
        return None

    def text(row: Row, j: int) -> str:
        cells = raw[row.index]
        return clean_label(cells[j]) if j < len(cells) else ""

    times: list[Column] = []
    for col in cols[:2]:
        cells = [text(r, col.index) for r in rows]
        if col.indices != (col.index,) or not any(cells):
            break
        if not all(not t or (len(t) <= 30 and _is_time_text(t)) for t in cells):
            break
        times.append(col)
    rest = [c for c in cols[len(times) :] if not _is_test_column(c)]
    if not times or not rest:
        return None
    heads = [text(r, 0) for r in rows]
    if not heads[0]:
        return None
    names = {h for h in heads if h}
    if len(names) < 2 or not all(_ARM_ROW.match(h) or _names_arm(h, is_arm) for h in names):
        return None
    if len(names) == len(rows):
        return None  # one row per arm: no time point varies within an arm
    out: list[tuple[int, Outcome, str | None]] = []
    arm = ""
    for row in rows:
        arm = heads[rows.index(row)] or arm
        printed = [t for t in (text(row, c.index) for c in times) if t]
        if not printed:
            continue
        tp, months = read_timepoint(printed[-1])
        if months == 0.0:
            continue  # the arm's baseline is not its result
        for col in rest:
            labels = [clean_label(x) for x in col.labels if clean_label(x)]
            bare = [_COUNT_SUFFIX.sub("", STAT_SUFFIX.sub("", x)).strip(" ,;:") for x in labels]
            name = clean_name(_name_and_time([x for x in bare if x] or [""])[0])
            if name is None:
                continue
            texts = [col.statistic or "", " ".join(col.labels), model.context]
            o = cell_outcome(model.cell(row, col).value, texts, name, None)
            if o is not None:
                out.append((row.index, replace(o, timepoint=tp, timepoint_months=months), arm))
    return out or None


def _group_column_rows(
    model: TableModel, group_col: Column, keyed_rows: set[int]
) -> list[tuple[int, Outcome, str | None]]:
    """Rows naming their group in a "Group" column, an outcome's rows one per
    group; the outcome's name is the stub above when a row leaves it empty."""
    out: list[tuple[int, Outcome, str | None]] = []
    name: str | None = None
    cue = ""  # what the outcome's stub says its cells hold ("Weight, mean ± SD")
    raw_rows = model.table.rows
    spread = _spread_columns([c for c in model.columns if c is not group_col], model)
    for row in model.data_rows():
        cells = raw_rows[row.index]
        first = clean_label(cells[0]) if cells else ""
        group = _group_label(cells[group_col.index]) if group_col.index < len(cells) else ""
        if first and first != group:
            # "SANS" / "II": an item's designator under its scale's section row
            name = row_name(replace(row, stub=first, concept=first))[0]
            name = None if name is None or DESIGNATOR.match(name) else clean_name(name)
            cue = stub_cue(first)
        # a measure of the whole sample printed with its group cell blank beside an
        # unheaded column of groups: no group's (not a "Mean" / "SD" row under "Arm")
        whole = (
            not group
            and not clean_label(group_col.arm or "")
            and bool(first)
            and not _TEST_LABEL.match(first)
            and statistic(first) is None
            and not ONLY_STAT.match(first)
        )
        if (
            name is None
            or not (group or whole)
            or row.index in keyed_rows
            or DESIGNATOR.match(name)
        ):
            continue
        p = _p_of(model, row)
        for col in model.columns:
            if col is group_col or _is_test_column(col) or col.index in spread.values():
                continue  # a time point's "SD" column is the spread of its "Mean" column
            # "Assessment 2": an occasion the same groups were measured on
            occasion = col.arm if col.arm and is_occasion(col.arm) else None
            tp, months = read_timepoint(_column_time(col) or occasion)
            val = model.cell(row, col).value
            # the stub's statistic says what a cell of its shape holds ("6.4 (3.1)" under
            # "Score (mean, SD)"), not a bare number beside it (a "Clusters" count, a p)
            own = cue if val.kind in ("estimate", "count") else ""
            texts = [col.statistic or "", own, " ".join(col.labels), model.context]
            if col.index in spread:
                spread_col = _col(model, spread[col.index])
                label = " ".join([spread_col.statistic or "", *spread_col.labels[-1:]])
                val = _with_spread(val, model.cell(row, spread_col).value, label)
                if col.statistic in ("mean", "median") and spread_col.statistic in ("sd", "se"):
                    texts[0] = f"{col.statistic} ({spread_col.statistic})"  # "Mean | SD"
            o = cell_outcome(val, texts, name, p)
            if o is not None:
                o = replace(o, timepoint=tp, timepoint_months=months)
                out.append((row.index, o, group or None))
    return out


def _arms_as_rows(
    model: TableModel, keyed_rows: set[int], is_arm: ArmTest | None
) -> list[tuple[int, Outcome, str | None]]:
    """Arms printed as rows under an outcome heading, time points as columns:
    "Systolic BP" / "Drug group | 151 ± 12 | 139 ± 11"."""
    out: list[tuple[int, Outcome, str | None]] = []
    spread = _spread_columns(model.columns, model)  # "First eval" over "M | SD"
    cols = [
        c
        for c in model.columns
        if not _is_test_column(c) and _is_time_column(c) and c.index not in spread.values()
    ]
    arm_rows = _arm_rows(model, is_arm)
    if not cols:
        rows = [r for r in arm_rows if r.index not in keyed_rows]
        got = _outcome_columns(model, rows) + _statistic_columns(model, rows, spread)
        return got or _caption_statistic_rows(model, rows, spread)
    # no heading over the arms' rows: the caption names the measure ("Changes in VO2max")
    data = model.data_rows()
    caption_name = (
        _caption_outcome(model.table.caption or "")
        if data
        and all(
            (r in arm_rows and not r.sections) or _TEST_LABEL.match(clean_label(r.stub))
            for r in data
        )
        else None
    )
    for row in data:
        if row.index in keyed_rows or row not in arm_rows:
            continue
        heading = row.sections[-1] if row.sections else caption_name
        if heading is None:
            continue
        name = clean_name(STAT_SUFFIX.sub("", heading).strip(" ,;:"))
        if name is None:
            continue
        p = _p_of(model, row)
        for col in cols:
            tp, months = read_timepoint(_time_label(col))
            if months == 0.0:
                continue  # the baseline is not a result of the arm
            what = _category_under_time(col)  # "5 min after induction" over "1 | 2 | 3"
            col_name = f"{name}, {what}" if what else name
            o = _timed_cell(model, row, col, spread, (col_name, p, heading), (tp, months))
            if o is not None:
                out.append((row.index, o, row.stub))
    return out


_STAT_LETTERS = re.compile(r"(?i)m|mdn|sd|se|sem|n|no\.?|%|iqr|ci|range")


def _category_under_time(col: Column) -> str | None:
    """The category a time column's lowest header piece names under its time point
    ("15 min after induction" over "1 | 2 | 3", a score's levels), else None."""
    if len(col.labels) < 2:
        return None
    last = clean_label(col.labels[-1])
    if not last or TIME_LABEL.match(last) or ONLY_STAT.match(last) or statistic(last):
        return None
    if _STAT_LETTERS.fullmatch(last):
        return None  # "First eval" over "M | SD": the statistic's letters, no category
    if not any(TIME_LABEL.match(clean_label(x)) for x in col.labels[:-1]):
        return None
    return last


def _row_cells(
    model: TableModel,
    row: Row,
    cols: list[Column],
    spread: dict[int, int],
    what: tuple[str, float | None, str | None],
    when: tuple[str | None, float | None],
    arm: str | None,
) -> list[tuple[int, Outcome, str | None]]:
    """The outcomes `row`'s cells under `cols` give at one time point, for `arm`
    (`_timed_cell` reads each)."""
    out: list[tuple[int, Outcome, str | None]] = []
    for col in cols:
        o = _timed_cell(model, row, col, spread, what, when)
        if o is not None:
            out.append((row.index, o, arm))
    return out


def _timed_cell(
    model: TableModel,
    row: Row,
    col: Column,
    spread: dict[int, int],
    what: tuple[str, float | None, str | None],
    when: tuple[str | None, float | None],
) -> Outcome | None:
    """The outcome one result cell gives: `what` is the measure's name, the
    row's p and the heading over the row (a cue with the column's statistic,
    its labels and the table's context), `when` the time point and its months."""
    name, p, heading = what
    texts = [col.statistic or "", " ".join(col.labels)]
    texts += ([heading] if heading is not None else []) + [model.context]
    val, texts = _spread_value(model, row, col, spread, texts)
    o = cell_outcome(val, texts, name, p)
    return None if o is None else replace(o, timepoint=when[0], timepoint_months=when[1])


def _value_columns(model: TableModel, spread: dict[int, int]) -> list[Column]:
    """Columns headed by a statistic alone ("Mean ± SD", "Median (IQR)"), no test's."""
    return [
        c
        for c in model.columns
        if not _is_test_column(c)
        and c.index not in spread.values()
        and c.statistic not in ("p", "n", "total")
        and c.labels
        and all(statistic(x) or ONLY_STAT.match(clean_label(x)) for x in c.labels)
    ]


def _time_section(row: Row) -> str | None:
    """The time point a row's nearest section names ("Post-operation", "Week 12")."""
    if not row.sections:
        return None
    sec = clean_label(row.sections[-1])
    return sec if TIME_LABEL.match(sec) and len(sec) <= 30 else None


def _one_group_sections(
    model: TableModel, keyed_rows: set[int], is_arm: ArmTest | None
) -> list[tuple[int, Outcome, str | None]]:
    """One group's table, the group named by the caption or the stub heading
    ("Variables of the control group"), its time points printed as section rows
    over the measures, beside statistic columns ("Pre-operation" / "Hb, g/dL |
    14.4 ± 1.6"): each measure at each time point, for that group. Columns of
    the sample's extremes ("Minimum", "Maximum") are no values of it."""
    arm = _table_arm(model, is_arm)
    if arm is None:
        return []
    spread = _spread_columns(model.columns, model)
    cols = _value_columns(model, spread)
    out: list[tuple[int, Outcome, str | None]] = []
    for row, name, tp_label in _outcome_rows(model, keyed_rows, []):
        time = _time_section(row)
        if time is None or (tp_label and clean_label(tp_label) != time):
            continue  # the stub names a time of its own
        when = read_timepoint(time)
        out += _row_cells(model, row, cols, spread, (name, _p_of(model, row), None), when, arm)
    return out


def _statistic_columns(
    model: TableModel, arm_rows: list[Row], spread: dict[int, int]
) -> list[tuple[int, Outcome, str | None]]:
    """Arms printed as rows under each outcome's heading row, beside columns
    headed by a statistic alone: "Pain score" / "Drug A | 3.2 (1.1)" / "Placebo |
    4.1 (1.3)" under "Mean (SD)". Each arm row gives the heading's outcome; a
    heading that is a baseline, or a column naming a measure of its own, gives none."""
    rows = [r for r in arm_rows if r.sections]
    if len(rows) < 2:
        return []
    cols = _value_columns(model, spread)
    out: list[tuple[int, Outcome, str | None]] = []
    for row in rows:
        heading = row.sections[-1]
        raw, tp_label = _name_and_time([STAT_SUFFIX.sub("", heading).strip(" ,;:")])
        name = clean_name(raw)
        months = read_timepoint(tp_label)[1] if tp_label else None
        if name is None or months == 0.0 or _BASELINE_ONLY.search(heading):
            continue
        what = (name, _p_of(model, row), heading)
        out += _row_cells(model, row, cols, spread, what, (tp_label, months), row.stub)
    return out


def _caption_statistic_rows(
    model: TableModel, arm_rows: list[Row], spread: dict[int, int]
) -> list[tuple[int, Outcome, str | None]]:
    """Arms printed as rows beside columns headed by a statistic alone, no heading
    over the rows, the measure (and its time point) named by the caption only:
    "Table 2. Systolic blood pressure at 12 weeks" over "Group | n | Mean | SD" /
    "Drug | 40 | 128.4 | 11.2". Each arm row gives the caption's measure; none
    when a row is no arm's (a measure of its own, a section), when a column names
    a measure of its own, or when the caption names no measure or a baseline."""
    data = model.data_rows()
    rows = [r for r in arm_rows if not r.sections and not r.is_section]
    others = [r for r in data if r not in arm_rows]
    if len(rows) < 2 or any(r.sections for r in data):
        return []
    if any(not (_is_test_row(r) or ANOVA_SOURCE.match(clean_label(r.stub))) for r in others):
        return []  # "Age (years)" among the arms' rows: not one measure's table
    cols = _value_columns(model, spread)
    rest = [
        c
        for c in model.columns
        if not _is_test_column(c)
        and c.index not in spread.values()
        and c.statistic not in ("n", "total")
        and c not in cols
    ]
    if not cols or rest:
        return []  # a column naming a measure ("Weight (kg)"): not the caption's alone
    caption = model.table.caption or ""
    name = _caption_outcome(caption)
    if name is None or _BASELINE_ONLY.search(caption) or NOT_OUTCOME_ROW.search(name):
        return []  # "Age of the participants": the sample, no result
    tp, months = read_timepoint(_caption_time(caption))
    if months == 0.0:
        return []
    out: list[tuple[int, Outcome, str | None]] = []
    for row in rows:
        what = (name, _p_of(model, row), None)
        out += _row_cells(model, row, cols, spread, what, (tp, months), row.stub)
    return out


def _caption_time(caption: str) -> str | None:
    """The time point a caption names after its measure ("... at 12 weeks",
    "after 6 months of treatment"): the first run of one to three words that
    reads as one, else None."""
    words = _CAPTION_LABEL.sub("", caption).strip(" .").split()
    for i in range(1, len(words)):
        for k in (3, 2, 1):
            piece = " ".join(words[i : i + k]).strip(" ,;:.()")
            if piece and _is_time(piece) and TIME_LABEL.match(piece):
                return piece
    return None


_COUNT_SUFFIX = re.compile(r"[,;:]?\s*\b(?:n|no\.?)\s*[(\[]\s*%[^()\[\]]*[)\]]\s*$", re.I)


def _is_time(text: str) -> bool:
    t = text.replace("-", " ")
    return bool(TIME_LABEL.match(t)) and read_timepoint(t)[1] is not None


def _name_and_time(labels: list[str]) -> tuple[str, str | None]:
    """ "Pain score, week 12" -> ("Pain score", "week 12"), "OS rate (%)" over
    "1-year" -> ("OS rate (%)", "1-year"): a column's outcome and the time
    point its last header piece or last words name."""
    if len(labels) > 1 and _is_time(labels[-1]):
        return " ".join(labels[:-1]), labels[-1]
    label = " ".join(labels)
    words = label.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        tail = " ".join(words[-k:])
        if _is_time(tail):
            head = re.sub(r"(?i)\s+(?:at|after|on|by|in|from)$", "", " ".join(words[:-k]))
            return head.strip(" ,;:-"), tail
    return label, None


# a column of the estimate beside its spread ("SE logs", "SD", "95% CI")
_SPREAD_HEAD = re.compile(
    r"(?i)^\s*(?:s\.?e\.?m?\.?|s\.?d\.?|standard (?:errors?|deviations?)|(?:9[059]\s*%\s*)?ci|iqr)\b"
)


def _outcome_columns(
    model: TableModel, arm_rows: list[Row]
) -> list[tuple[int, Outcome, str | None]]:
    """Arms printed as rows and outcomes as columns, with no outcome heading
    above the rows: "Group | Cleavage rate, n (%) | Blastocyst rate, n (%)" /
    "Control | 83 (92.2%) | 31 (34.4%)". Each column's label names its outcome."""
    rows = [r for r in arm_rows if not r.sections]
    if len(rows) < 2:
        return []
    out: list[tuple[int, Outcome, str | None]] = []
    for col in model.columns:
        if _is_test_column(col) or _is_time_column(col) or not (col.arm or col.labels):
            continue
        if col.labels and _SPREAD_HEAD.match(clean_label(col.labels[-1])):
            continue  # "Adjusted geometric mean" over "Estimate | SE logs": the estimate's spread
        labels = [clean_label(x) for x in col.labels if clean_label(x)]
        bare = [_COUNT_SUFFIX.sub("", STAT_SUFFIX.sub("", x)).strip(" ,;:") for x in labels]
        raw, tp_label = _name_and_time([x for x in bare if x] or [clean_label(col.arm or "")])
        name = clean_name(raw)
        months = read_timepoint(tp_label.replace("-", " "))[1] if tp_label else None
        if name is None or months == 0.0 or _BASELINE_ONLY.search(" ".join(labels)):
            continue  # a group's baseline is not its result
        texts = [col.statistic or "", " ".join(col.labels), model.context]
        for row in rows:
            o = cell_outcome(model.cell(row, col).value, texts, name, None)
            if o is not None:
                o = replace(o, timepoint=tp_label, timepoint_months=months)
                out.append((row.index, o, row.stub))
    return out


def _arm_time_columns(model: TableModel, is_arm: ArmTest | None) -> set[int]:
    """Columns that are one arm at one time point, an arm's label over time
    labels ("Brace (n = 12)" over "Pre | Post"): the arm names itself, prints
    its size, or several groups repeat the same time labels."""
    cols = [
        c
        for c in model.columns
        if c.group
        and c.member
        and not _is_test_column(c)
        and TIME_LABEL.match(c.member)
        and not TIME_LABEL.match(c.group)
    ]
    times: dict[str, set[str]] = {}
    for c in cols:
        times.setdefault(c.group or "", set()).add((c.member or "").lower())
    repeated = (
        len(times) >= 2
        and len({frozenset(v) for v in times.values()}) == 1
        and all(len(v) >= 2 for v in times.values())
    )
    return {
        c.index
        for c in cols
        if repeated or c.arm_n is not None or _names_arm(c.group or "", is_arm)
    }

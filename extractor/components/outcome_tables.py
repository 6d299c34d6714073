"""Outcomes from results tables: endpoint rows under arm columns, hazard-ratio
columns, and arm rows under endpoint columns."""

from __future__ import annotations

import re
from collections.abc import Callable

from litkg.extractor.components.outcome_endpoints import _PCT_ONLY, OTHER, _endpoints
from litkg.extractor.components.outcome_match import OutcomeMatch
from litkg.extractor.mentions import Mention
from litkg.extractor.mentions import timepoints as _timepoints
from litkg.extractor.numbers import (
    DASH,
    to_float,
)
from litkg.extractor.tables import TableModel

_CELL_RE = re.compile(
    rf"^\s*(?:(?P<lead>\d+)\s+(?=\d))?(?P<a>−?\d+(?:[.·]\d+)?)\s*(?P<pct>%)?\s*"
    rf"(?:(?:/\s*(?P<den>\d+)\s*)?[\[(]\s*(?:95\s*%\s*CI[:,]?\s*)?(?P<b>−?\d+(?:[.·]\d+)?)\s*%?\s*"
    rf"(?:(?:{DASH}|to|,)\s*(?P<c>−?\d+(?:[.·]\d+)?)\s*%?\s*)?[\])])?\s*$",
)
_HR_COLUMN = re.compile(
    r"(?i)^\s*(?:(?:adjusted\s+)?(?:hr|hazard ratio)|(?P<sd>s(?:d)?hr|subdistribution))\b"
)
_LABEL_COUNT_PCT = re.compile(r"(?i)\b(?:n|no\.?|number)\s*(?:\(\s*%\s*\)|,\s*%)|\bn\s*/\s*n\b")


_RESPONSE_CATEGORY = re.compile(r"(?i)^\s*(?:SD|PD|NE|stable|progressive|not evaluable)\b")


def _pct_in_parens(cell: str) -> bool:
    """ "15 (37%)", "21/438 (5%)": a count with its percentage."""
    return bool(
        re.fullmatch(r"\s*\d+\s*(?:/\s*\d+\s*)?[\[(]\s*\d+(?:[.·]\d+)?\s*%\s*[\])]\s*", cell)
    )


def _count_of_response(ep: str, m: re.Match[str], a: float, b: float) -> bool:
    """ "CR | 20 (31.7)": for a response-type row, a whole number with a
    bracketed figure up to 100 is a count with its percentage."""
    return (
        (ep in _PCT_ONLY or ep == OTHER)
        and a == int(a)
        and not m.group("pct")
        and b <= 100
        and "." in m.group("b")
    )


_BASELINE_CAPTION = re.compile(
    r"(?i)\b(?:baseline|demographic|patients?'?)\s+(?:[\w-]+\s+){0,3}?characteristics\b"
)


def outcomes_from_table(
    table_rows: list[list[str]],
    arms: dict[int, str | None],
    aliases: dict[str, str] | None = None,
    context: str = "",
) -> list[tuple[int, int, OutcomeMatch]]:
    """Outcomes of a results table: (row, column, outcome) for each cell of an
    endpoint row under an arm column, and hazard ratios from an HR column.

    The row label says what the cells hold: "median ... months" (medians;
    the unit must be printed), "n (%)" (counts with percentages: the rate is
    the percentage), "%" or "rate" or a landmark ("2-year OS") (rates). A
    bracketed pair is a CI when the label or cell says so, or when it brackets
    a rate or ratio; after a median it is a range unless labelled CI.
    """
    if not table_rows:
        return []
    header = table_rows[0]
    hr_cols = {
        j: ("sdhr" if m.group("sd") else "hr")
        for j, c in enumerate(header)
        if (m := _HR_COLUMN.match(c))
    }
    p_col = next(
        (j for j, c in enumerate(header) if re.fullmatch(r"(?i)\s*p[- ]?(?:value)?\s*", c)), None
    )
    out: list[tuple[int, int, OutcomeMatch]] = []
    # a response in a baseline table is a characteristic ("efficacy of prior
    # chemotherapy: PR"), not this trial's result; its follow-up rows are results
    baseline = bool(_BASELINE_CAPTION.search(context))
    response_table = any(
        e.key in ("CR", "PR", "ORR", "DCR")
        for row in table_rows[1:]
        if row
        for e in _endpoints(row[0], aliases)
    )
    for r, row in enumerate(table_rows[1:], start=1):
        if not row or not row[0].strip():
            continue
        label = row[0]
        eps = _endpoints(label, aliases)
        if not eps and response_table and _RESPONSE_CATEGORY.match(label):
            # "SD", "PD" rows among CR / PR rows: response categories outside the keys
            eps = [Mention("endpoint", 0, len(label), key=OTHER, label=label.strip())]
        if not eps:
            continue
        ep = eps[0].key or ""
        if baseline and (ep in _PCT_ONLY or ep == OTHER):
            continue
        tps = _timepoints(label)
        tp = tps[0].months if tps else None
        median = bool(re.search(r"\bmedian\b", label, re.I))
        unit_m = re.search(r"\b(months?|days?|weeks?|years?)\b", label, re.I)
        # "n (%)" in the row label, or in the caption / header corner for the table
        count_pct = bool(_LABEL_COUNT_PCT.search(label) or _LABEL_COUNT_PCT.search(context))
        rate = bool(re.search(r"%|\brate\b|\bproportion\b|\bincidence\b", label, re.I)) or (
            tp is not None and not median
        )
        ci_label = bool(re.search(r"95\s*%\s*CI|confidence", label, re.I))
        p = None
        if p_col is not None and p_col < len(row):
            p = to_float(re.sub(r"[<>≤=\s]", "", row[p_col].replace("·", ".")))
            p = p if p is not None and 0 <= p <= 1 else None
        for col, arm in sorted(arms.items()):
            if col >= len(row):
                continue
            m = _CELL_RE.match(row[col])
            if not m:
                continue
            a = to_float(m.group("a"))
            b, c = to_float(m.group("b") or ""), to_float(m.group("c") or "")
            if a is None:
                continue
            if median and unit_m and ep not in _PCT_ONLY:
                unit = unit_m.group(1).lower()
                factor = (
                    12.0 if unit.startswith("y") else 7 / 30.4375 if unit.startswith("w") else 1.0
                )
                unit = "days" if unit.startswith("d") else "months"
                ci = (
                    (b * factor, c * factor)
                    if ci_label and b is not None and c is not None
                    else None
                )
                o = OutcomeMatch(ep, "median", round(a * factor, 2), unit, None, arm, ci, p, 0, 0,
                                 "outcomes.table.median", {"ep_start": 0})  # fmt: skip
            elif (
                b is not None
                and c is None
                and 0 <= b <= 100
                and (
                    count_pct
                    or _pct_in_parens(row[col])
                    or _count_of_response(ep, m, a, b)
                    or (col < len(header) and bool(_LABEL_COUNT_PCT.search(header[col])))
                )
            ):
                o = OutcomeMatch(
                    ep,
                    "rate",
                    b,
                    "%",
                    tp,
                    arm,
                    None,
                    p,
                    0,
                    0,
                    "outcomes.table.n_pct",
                    {"n": a, "name": label.strip() if ep == OTHER else None},
                )
            elif (rate or m.group("pct")) and not count_pct and 0 <= a <= 100:
                ci = (
                    (b, c)
                    if b is not None and c is not None and (ci_label or b <= a <= c)
                    else None
                )
                o = OutcomeMatch(
                    ep,
                    "rate",
                    a,
                    "%",
                    tp,
                    arm,
                    ci,
                    p,
                    0,
                    0,
                    "outcomes.table.rate",
                    {"name": label.strip() if ep == OTHER else None},
                )
            else:
                continue
            out.append((r, col, o))
        for col, kind in hr_cols.items():
            if col >= len(row) or ep in _PCT_ONLY:
                continue
            m = _CELL_RE.match(row[col])
            if not m or m.group("pct"):
                continue
            a, b, c = (
                to_float(m.group("a")),
                to_float(m.group("b") or ""),
                to_float(m.group("c") or ""),
            )
            if a is None:
                continue
            ci = (b, c) if b is not None and c is not None and b <= a <= c else None
            out.append(
                (
                    r,
                    col,
                    OutcomeMatch(
                        ep,
                        kind,
                        a,
                        None,
                        None,
                        "intervention",
                        ci,
                        p,
                        0,
                        0,
                        "outcomes.table.hr",
                        {},
                    ),
                )
            )
    return out


_LABEL_TIMEPOINT = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)[-\s]?(years?|yrs?|months?|mos?|days?|weeks?)\b", re.I
)
_TOTAL_STUB = re.compile(
    r"(?i)^\s*(?:total|overall|all(?: patients)?|whole (?:cohort|population))\s*$"
)


def outcomes_from_arm_rows(
    model: TableModel,
    role_of: Callable[[str], str | None],
    aliases: dict[str, str] | None = None,
) -> list[tuple[int, int, OutcomeMatch]]:
    """Outcomes of a table laid out the other way round: a row per arm ("Arm
    A", "Total"), a column per endpoint and landmark ("OS rate (%)" over
    "1-year | 3-year | 5-year"). Each cell under an endpoint column of an arm
    row is that arm's rate (or median, when the column says median and a
    unit); p columns are left to the comparison."""
    rows = []
    for row in model.data_rows():
        role = "overall" if _TOTAL_STUB.match(row.stub or "") else role_of(row.stub or "")
        if role is not None:
            rows.append((row, role))
    if len({r for _, r in rows if r != "overall"}) < 2:
        return []
    out: list[tuple[int, int, OutcomeMatch]] = []
    for col in model.columns:
        if col.is_test:
            continue
        text = " ".join(col.labels)
        eps = _endpoints(text, aliases)
        if len({e.key for e in eps}) != 1:
            continue
        e = eps[0]
        tp_m = _LABEL_TIMEPOINT.search(text)
        tp = _to_months_label(tp_m.group(1), tp_m.group(2)) if tp_m else None
        median = bool(re.search(r"\bmedian\b", text, re.I))
        unit_m = re.search(r"\b(months?|days?)\b", text, re.I)
        rate = bool(re.search(r"%|\brates?\b|\bproportion\b", text, re.I)) or (
            tp is not None and not median
        )
        for row, role in rows:
            v = model.cell(row, col).value
            num = v.percent if v.kind == "count" and v.percent is not None else v.value
            if num is None or v.kind not in ("number", "percent", "estimate", "count") or v.op:
                continue
            ci = (
                (v.low, v.high)
                if v.kind == "estimate" and v.low is not None and v.high is not None
                else None
            )
            if median and unit_m and e.key not in _PCT_ONLY:
                unit = "days" if unit_m.group(1).lower().startswith("d") else "months"
                o = OutcomeMatch(e.key or "", "median", num, unit, None, role, ci, None, 0, 0,
                                 "outcomes.table.arm_rows", {"name": text if e.key == OTHER else None})  # fmt: skip
            elif rate and 0 <= num <= 100 and not median:
                o = OutcomeMatch(e.key or "", "rate", num, "%", tp, role, ci, None, 0, 0,
                                 "outcomes.table.arm_rows", {"name": text if e.key == OTHER else None})  # fmt: skip
            else:
                continue
            out.append((row.index, col.index, o))
    return out


def _to_months_label(n: str, unit: str) -> float | None:
    v = to_float(n)
    if v is None:
        return None
    u = unit[0].lower()
    months = v * {"y": 12.0, "m": 1.0, "d": 1 / 30.4375, "w": 7 / 30.4375}[u]
    return round(months, 1) if u in "dw" else months

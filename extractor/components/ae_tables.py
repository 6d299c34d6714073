"""Adverse events from tables of events by grade (and arm).

A table qualifies when its header has grade columns ("Grade 1-2", "Grade ≥3",
"Any grade", "All grades", "G3/4") or when its caption or corner cell names
adverse events / toxicities / side effects. Header rows are the rows before the
first row whose cells hold counts; a header row above the grade row names the
arms, its cells spanning the grade columns to their right (empty cells are
filled from the left). Rows are terms: the row label is normalised through the
vocabulary; a label the vocabulary does not know is kept, lower-cased, only
when the table is clearly an adverse-event table (caption or corner cell says
so) and the label looks like an event name, with rule `ae.table.unmapped`.
Cells: "12 (18%)", "12 (18.2)", "18%", "12/65", "12/65 (18%)", "12 [18.2]";
"—", "NR", "0" are absent and give nothing. Arms are returned as printed.
"""

from __future__ import annotations

import re

from ..document import Table
from .ae_patterns import GRADE_EXPR, AEMatch, collapse_grades, grade_items
from .ae_vocab import canonical_term

_DASH = {"", "-", "—", "–", "‒", "na", "n/a", "nr", "ne", "n.a.", "."}
_AE_CONTEXT = re.compile(
    r"(?i)\b(?:adverse|toxicit|side[\s-]effect|safety|treatment[\s-]emergent|TEAEs?|AEs?)\b"
)
_ANY_COL = re.compile(r"(?i)^(?:any|all)[\s\-]grades?$|^total$|^overall$|^all$")
_SKIP_COL = re.compile(
    r"(?i)\bp[\s\-]?values?\b|^p$|\bci\b|\bodds\b|\bratio\b|^(?:rr|or|hr)\b|differ"
)
_N_PCT = re.compile(r"(?i)^\(?\s*(?:no\.|n)\s*\(\s*%\s*\)\s*\)?$|^%$|^n$|^no\.$")
_STAT_ROW = re.compile(
    r"(?i)^(?:total|n|no\.?|number|patients|median|mean|range|sd|p[\s\-]?value|characteristic)\b"
)
_ANY_LABEL = re.compile(
    r"(?i)^(?:patients?\s+with\s+)?(?:at\s+least\s+one|≥\s*1|one\s+or\s+more|any)\s+"
)


def _clean(cell: str) -> str:
    return re.sub(r"\s+", " ", (cell or "").replace("|", " ")).strip()


def _is_sep_row(row: list[str]) -> bool:
    return all(re.fullmatch(r":?-{2,}:?|", _clean(c)) for c in row) and any(row)


def _parse_cell(text: str, pct_only: bool) -> tuple[int | None, float | None] | None:
    """(n, percent) from a table cell; None when absent, zero or unreadable."""
    t = _clean(text).rstrip("*†‡§¶abcdef ")
    if t.lower() in _DASH:
        return None
    m = re.fullmatch(r"(\d+)\s*[(\[]\s*(\d+(?:[.·]\d+)?)\s*%?\s*[)\]]", t)
    if m:
        n, p = int(m.group(1)), float(m.group(2).replace("·", "."))
        return None if n == 0 else (n, p)
    m = re.fullmatch(r"(\d+)\s*/\s*(\d+)(?:\s*\(\s*(\d+(?:\.\d+)?)\s*%?\s*\))?", t)
    if m:
        n = int(m.group(1))
        return None if n == 0 else (n, float(m.group(3)) if m.group(3) else None)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", t)
    if m:
        p = float(m.group(1))
        return None if p == 0 else (None, p)
    m = re.fullmatch(r"\d+(?:\.\d+)?", t)
    if m:
        val = float(t)
        if val == 0:
            return None
        if pct_only:
            return (None, val)
        return (int(val), None) if val.is_integer() else None
    return None


_TRAILING_GRADE = re.compile(
    r"(?i)^(?P<arm>.*?\S)[\s,;:–-]+(?P<grade>(?:any|all)\s+grades?|grades?\s*\S.*|G\s*\d.*)$"
)


def _split_arm_grade(text: str) -> tuple[str, str] | None:
    """A header cell naming both the arm and the grade: "Drug (n=160) grade ≥3"."""
    m = _TRAILING_GRADE.match(_clean(text))
    if m and _grade_label_only(m.group("grade"))[0]:
        return m.group("arm").strip(), m.group("grade")
    return None


def _grade_label(text: str) -> tuple[bool, str | None]:
    """(is a grade column, grade) for a header cell (alone, or after an arm label)."""
    found = _grade_label_only(text)
    if found[0]:
        return found
    split = _split_arm_grade(text)
    return _grade_label_only(split[1]) if split else (False, None)


def _grade_label_only(text: str) -> tuple[bool, str | None]:
    t = re.sub(r"(?i)[,\s]*\(?\s*(?:n\s*\(%\)|no\.\s*\(%\)|%|n)\s*\)?\s*$", "", _clean(text))
    t = t.strip(" :,")
    if _ANY_COL.match(t):
        return True, None
    m = GRADE_EXPR.fullmatch(t)
    if m and not m.group("fatal"):
        return True, collapse_grades(grade_items(m) or [])
    return False, None


def _is_data_row(row: list[str]) -> bool:
    if not row or not _clean(row[0]):
        return False
    return any(
        _parse_cell(c, False) is not None or _clean(c) in ("—", "-", "–", "0") for c in row[1:]
    )


def _row_term(label: str, ae_context: bool) -> tuple[str | None, str | None, str]:
    """(term, grade, rule) for a row label."""
    text = _clean(label)
    grade = None
    gm = GRADE_EXPR.search(text)
    if gm and not gm.group("fatal"):
        items = grade_items(gm)
        grade = collapse_grades(items) if items else None
        text = (text[: gm.start()] + " " + text[gm.end() :]).strip(" ,;:-")
        text = re.sub(r"\s+", " ", text)
    term = canonical_term(text)
    if term is None:
        stripped = _ANY_LABEL.sub("", text)
        if stripped != text and canonical_term(stripped) == "any adverse event":
            term = "any adverse event"
    if term is not None:
        return term, grade, "ae.table.vocab"
    if (
        ae_context
        and re.fullmatch(r"[A-Za-z][A-Za-z\s\-/',]{2,60}", text)
        and not _STAT_ROW.match(text)
    ):
        return text.lower(), grade, "ae.table.unmapped"
    return None, None, ""


def adverse_events_from_table(table: Table) -> list[tuple[AEMatch, int]]:
    """Adverse events of an AE table, each with the index of its row in `table.rows`.

    Grades come from grade columns (or from the row label, "Neutropenia,
    grade ≥3"); arms are the header labels above the grade columns, as
    printed. Spans are within the row rendered as its cells joined by tabs.
    Tables that are neither graded nor captioned as adverse events give [].
    """
    rows = [list(r) for r in table.rows]
    if not rows:
        return []
    ncols = max(len(r) for r in rows)
    first_data = next((i for i, r in enumerate(rows) if _is_data_row(r)), None)
    if first_data is None or first_data > 5:
        return []
    header = [r for r in rows[:first_data] if not _is_sep_row(r)]
    corner = " ".join(_clean(r[0]) for r in header if r)
    ae_context = bool(_AE_CONTEXT.search(table.caption or "") or _AE_CONTEXT.search(corner))

    col_grade: dict[int, str | None] = {}
    col_arm: dict[int, str] = {}
    col_pct: dict[int, bool] = {}
    skip_cols: set[int] = set()
    grade_row = None
    for hi, r in enumerate(header):
        flags = [_grade_label(c)[0] for c in r[1:] if _clean(c)]
        if flags and any(flags):
            grade_row = hi
    for hi, r in enumerate(header):
        cells = [_clean(c) for c in r] + [""] * (ncols - len(r))
        is_arm_row = grade_row is not None and hi < grade_row
        last = ""
        for j in range(1, ncols):
            c = cells[j]
            if is_arm_row:
                if c:
                    last = c
                c = c or last
            if not c:
                continue
            if _SKIP_COL.search(c):
                skip_cols.add(j)
                continue
            if _N_PCT.match(c):
                col_pct[j] = c.strip("() ") == "%"
                continue
            is_grade, g = _grade_label(c)
            split = _split_arm_grade(c) if is_grade else None
            if split and not _grade_label_only(c)[0]:
                col_arm[j] = split[0]
            if is_grade and hi == grade_row:
                col_grade[j] = g
                col_pct[j] = bool(re.search(r"\(\s*%\s*\)|^%|\s%$", c)) and not re.search(
                    r"(?i)\bn\b", c
                )
            elif not is_grade:
                col_arm[j] = c
    if grade_row is None and not ae_context:
        return []
    if grade_row is not None:
        data_cols = sorted(col_grade)
    else:
        data_cols = [j for j in range(1, ncols) if j not in skip_cols]

    out: list[tuple[AEMatch, int]] = []
    caption_grade = None  # "Frequency of grade 3 or 4 adverse events": every row's grade
    cm = GRADE_EXPR.search(table.caption or "")
    if cm and not cm.group("fatal") and grade_row is None:
        items = grade_items(cm)
        caption_grade = collapse_grades(items) if items else None
    for ri in range(first_data, len(rows)):
        row = rows[ri]
        if _is_sep_row(row) or not row:
            continue
        # nested tables put the term in the second column under a category row
        label = (
            row[0]
            if _clean(row[0])
            else (row[1] if len(row) > 1 and _parse_cell(row[1], False) is None else "")
        )
        if not _clean(label):
            continue
        term, row_grade, rule = _row_term(label, ae_context)
        row_grade = row_grade or caption_grade
        if term is None:
            continue
        offsets = []
        pos = 0
        for c in row:
            offsets.append(pos)
            pos += len(c) + 1
        for j in data_cols:
            if j >= len(row) or j in skip_cols:
                continue
            val = _parse_cell(row[j], col_pct.get(j, False))
            if val is None:
                continue
            n, pct = val
            grade = col_grade.get(j) if grade_row is not None else row_grade
            if grade is None and grade_row is not None:
                grade = row_grade if col_grade.get(j) is None else grade
            match = AEMatch(
                term=term,
                grade=grade,
                n=n,
                percent=pct,
                char_start=offsets[j],
                char_end=offsets[j] + len(row[j]),
                rule=rule + (".graded" if grade_row is not None else ""),
                arm=col_arm.get(j),
                surface=_clean(label),
            )
            out.append((match, ri))
    return out

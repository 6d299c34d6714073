"""The table model: a `Table` read once into columns, rows and cells that
know what they mean. See the package docstring for how to query it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from litkg.extractor.document import Table

from . import labels as lab
from .header import align_header
from .values import Value, parse_value, strip_marks

_P_LIKE = {"p", "hr", "or", "rr", "ci", "hr (95% ci)", "or (95% ci)", "rr (95% ci)", "difference"}


@dataclass(frozen=True)
class Column:
    """What a body column means, from its header labels (top to bottom), the
    caption and the footnotes.

    `indices` are the grid columns it covers: one, or two when an "n" column
    and its "%" column are read as one ("N | %" under one arm and grade).
    `arm` is the arm label as printed (header pieces joined), `arm_n` its size
    when printed ("(n = 143)", a "N = 133" row). `grade` is the band in the
    record's form; `any_grade` for "All grades"/"Any grade"/"Total" among
    grade columns. `statistic` is what the cells hold ("n (%)", "n", "%",
    "median (range)", "hr (95% ci)", "p", "total", ...; None when unsaid).
    `period` names a treatment period ("First chemotherapy cycle").
    `group` is a population heading over repeated arm labels ("All
    participants" / "Adolescents (12–17 years)" over "Drug | Placebo" each)
    and `member` the arm label under it ("Drug"); `arm` keeps the whole
    name. `names` are the name pieces read.
    """

    index: int
    indices: tuple[int, ...]
    labels: tuple[str, ...]
    arm: str | None = None
    arm_n: int | None = None
    grade: str | None = None
    any_grade: bool = False
    statistic: str | None = None
    period: str | None = None
    names: tuple[str, ...] = ()
    group: str | None = None
    member: str | None = None

    @property
    def is_test(self) -> bool:
        """A column of p-values, ratios, CIs or differences (not of one arm's data)."""
        return self.statistic in _P_LIKE


@dataclass(frozen=True)
class Row:
    """A body row: its stub (marks taken off), the section rows above it
    (outermost first), the grade its stub names ("Grade 3", "III–IV") if
    any, and `concept`: what the row is about (the stub, or the nearest
    section row when the stub is only a grade). `is_section` for a row with
    no data (a category or term heading)."""

    index: int
    stub: str
    marks: str
    sections: tuple[str, ...]
    is_section: bool
    grade: lab.Grade | None
    concept: str
    indent: int = 0


@dataclass(frozen=True)
class Cell:
    """One body cell read against its row and column."""

    row: Row
    column: Column
    value: Value
    text: str

    def estimate(self) -> tuple[float, float | None, float | None] | None:
        """(value, low, high) of a point estimate with its interval or range
        ("0.84 (0.59–1.21)", "12.3 (10.1-14.2)", a bare number); the column's
        statistic says which interval it is. None for counts, p-values, text."""
        v = self.value
        if v.kind == "estimate" and v.value is not None and v.disp is None:
            return v.value, v.low, v.high
        if v.kind == "number" and v.op is None and v.value is not None:
            return v.value, None, None
        return None

    def dispersion(self) -> tuple[float, float] | None:
        """(value, dispersion) of "54.1 ± 8.3" or "54.1 (8.3)" (SD or SE as the
        column says)."""
        v = self.value
        if v.kind == "estimate" and v.value is not None and v.disp is not None:
            return v.value, v.disp
        return None

    def p_value(self) -> float | None:
        """The p-value of a cell in a p column ("0·03", "<0.001" -> 0.001)."""
        v = self.value
        if self.column.statistic != "p" or v.kind != "number" or v.value is None:
            return None
        return v.value if 0 <= v.value <= 1 else None

    def count(self) -> tuple[int | None, float | None] | None:
        """(n, percent) when the cell is a count or rate of its column; None
        when it is absent, zero or not a count."""
        v = self.value
        stat = self.column.statistic
        if v.is_absent or v.is_zero or v.kind in ("nr", "text", "range"):
            return None
        if v.kind == "count":
            return v.n, v.percent
        if v.kind == "percent":
            return None, v.percent if v.op is None else None
        if v.kind == "number":
            if v.op is not None or v.value is None or v.value < 0:
                return None
            if stat == "%":
                return None, v.value
            if v.n is not None and stat in (None, "n", "n (%)", "n/N"):
                return v.n, None
        return None


@dataclass
class TableModel:
    """A table read as columns, rows and cells. Build it with `read_table`."""

    table: Table
    columns: list[Column]
    rows: list[Row]
    header_rows: int
    header: list[list[str]]
    caption_grade: str | None = None
    _cells: dict[tuple[int, int], Cell] = field(default_factory=dict)

    def cell(self, row: Row, column: Column) -> Cell:
        """The cell of `row` under `column` (n and % columns read as one)."""
        k = (row.index, column.index)
        if k in self._cells:
            return self._cells[k]
        cells = self.table.rows[row.index]
        texts = [cells[j] if j < len(cells) else "" for j in column.indices]
        if len(column.indices) == 2:
            n, p = parse_value(texts[0]), parse_value(texts[1])
            value = _merge_n_pct(n, p, " ".join(texts))
        else:
            value = parse_value(texts[0])
        c = Cell(row, column, value, " ".join(texts))
        self._cells[k] = c
        return c

    def cells(self, row: Row) -> list[Cell]:
        """The row's cells, one per column."""
        return [self.cell(row, c) for c in self.columns]

    def data_rows(self) -> list[Row]:
        """Rows that hold data (not section rows)."""
        return [r for r in self.rows if not r.is_section]

    def arm_columns(self) -> dict[str, int | None]:
        """Arm labels as printed with their sizes (None when not printed),
        in column order."""
        out: dict[str, int | None] = {}
        for c in self.columns:
            if c.arm and not c.is_test:
                if out.get(c.arm) is None:
                    out[c.arm] = c.arm_n
        return out

    @property
    def context(self) -> str:
        """Caption, corner cells and footnotes as one string (for cues)."""
        corner = " ".join(h[0] for h in self.header if h and h[0])
        return " ".join([self.table.caption or "", corner, *self.table.footnotes])


def _merge_n_pct(n: Value, p: Value, text: str) -> Value:
    if n.is_absent and p.is_absent:
        return Value("absent", text)
    if n.kind == "number" and n.n is not None and p.kind in ("number", "percent"):
        pct = p.value if p.op is None else None
        return Value("count", text, n=n.n, percent=pct, marks=n.marks + p.marks)
    return n


def _is_numeric_cell(text: str) -> bool:
    return parse_value(text).is_numeric


def _header_count(table: Table) -> int:
    """Header rows: as the source marks them, else the rows before the first
    row holding numbers, plus label rows right after the marked header."""
    rows = table.rows
    n = table.header_rows
    if n <= 0:
        n = 0
        for r in rows[:6]:
            data = [c for c in r[1:] if c.strip()]
            if not data or any(_is_numeric_cell(c) for c in data):
                break
            n += 1
        if n == len(rows):
            n = 0
    while n < len(rows) and n < 8:
        r = rows[n]
        data = [c for c in r[1:] if c.strip()]
        if (
            len(data) >= 2
            and not any(_is_numeric_cell(c) for c in data)
            and all(lab.is_column_label(c) or lab.is_total(c) for c in data)
        ):
            n += 1  # a row of column labels ("Any grade | Grade 3-4 | ...") printed as body
        else:
            break
    return n


def _column(j: int, pieces: list[str], caption_grade: str | None) -> Column:
    seen: list[str] = []
    for p in pieces:
        t = p.strip()
        if t and (not seen or seen[-1] != t):
            seen.append(t)
    arm_parts: list[str] = []
    arm_n = None
    grade = None
    any_grade = False
    stat = None
    period = None
    grade_row_has = False
    for t in seen:
        s = lab.statistic(t)
        if s:
            stat = s  # the lowest statistic label says what the cells hold
            continue
        st = _stat_at_time(t)
        if st is not None:  # "Mean (SD) at 6 months": the time, its cells' statistic
            stat, t = st
        n = lab.n_only(t)
        if n is not None:
            arm_n = n
            continue
        g = lab.grade(t, allow_bare=True)
        if g is not None:
            grade, any_grade, grade_row_has = g.grade, g.any, True
            sm = re.search(r"(?i)(n\s*\(\s*%\s*\)|\(\s*%\s*\)|%)\s*$", lab.clean(t))
            if sm:
                stat = lab.statistic(sm.group(1)) or stat
            continue
        nm = lab.name(t)
        if nm is None:
            continue
        if nm.n is not None:
            arm_n = nm.n
        if nm.grade is not None:
            grade, any_grade, grade_row_has = nm.grade.grade, nm.grade.any, True
        if nm.statistic:
            stat = stat or nm.statistic
        arm_parts.append(nm.name)
    # "Yoga group Δ": the arm's name, then what its cells hold (its change)
    arm_parts = [p for x in arm_parts for p in _change_tail(x)]
    names: list[str] = []
    for k, x in enumerate(arm_parts):
        if k < len(arm_parts) - 1 and lab.is_change(x):
            continue  # "26-Week Change" over the arms: what the cells hold, not a name
        if not names or names[-1].lower() != x.lower():
            names.append(x)  # "Intervention" over "Intervention (n = 22)": one name
    # a period label over arm labels ("First chemotherapy cycle" / "Arm A (n=63)",
    # "Week 4" / "A"), or a time under an arm ("Escitalopram" / "12 weeks")
    if len(names) >= 2:
        per = [x for x in names if lab.is_period(x) or lab.is_time(x)]
        if per and len(per) < len(names):
            period = per[0]
            names = [x for x in names if x not in per]
    if not grade_row_has and names and lab.is_total(names[-1]) and len(names) > 1:
        names = names[:-1]
        any_grade = True
    arm = " ".join(names) if names else None
    del caption_grade
    return Column(j, (j,), tuple(seen), arm, arm_n, grade, any_grade, stat, period, tuple(names))


# a statistic printed before the time it is taken at: "Mean (SD) at 6 months",
# "No. (%) of participants at baseline"
_STAT_AT = re.compile(
    r"(?i)^(?P<stat>.+?)(?:\s+of\s+(?:participants|patients|subjects|children))?\s+at\s+(?P<time>.+)$"
)


def _stat_at_time(label: str) -> tuple[str, str] | None:
    """(statistic, time) of a head printing a statistic at a time point ("Mean (SD)
    at 6 months" -> ("mean (sd)", "6 months")); None unless the words before "at"
    are a statistic alone and the words after it a time point."""
    m = _STAT_AT.match(lab.clean(label))
    if m is None:
        return None
    stat, time = lab.statistic(m.group("stat")), m.group("time").strip()
    return (stat, time) if stat and lab.is_time(time) else None


_CHANGE_TAIL = re.compile(r"(?P<head>.*[A-Za-z].*?)\s+(?P<change>[Δ∆])")


def _change_tail(label: str) -> list[str]:
    """A name printed with the change sign after it ("TP group Δ") as two labels,
    the name and the sign, as if the sign stood in a header row of its own."""
    m = _CHANGE_TAIL.fullmatch(label)
    return [m.group("head"), m.group("change")] if m else [label]


def _pair_columns(cols: list[Column]) -> list[Column]:
    """An "n" column followed by its "%" column (same arm, grade, period) is one column."""
    out: list[Column] = []
    i = 0
    while i < len(cols):
        c = cols[i]
        if i + 1 < len(cols):
            d = cols[i + 1]
            same = (c.arm, c.grade, c.any_grade, c.period) == (
                d.arm,
                d.grade,
                d.any_grade,
                d.period,
            )
            if same and c.statistic == "n" and d.statistic == "%":
                out.append(
                    Column(c.index, (c.index, d.index), c.labels + d.labels, c.arm, c.arm_n or d.arm_n,
                           c.grade, c.any_grade, "n (%)", c.period)
                )  # fmt: skip
                i += 2
                continue
        out.append(c)
        i += 1
    return out


def _groups(cols: list[Column]) -> list[Column]:
    """Population headings over repeated arms: when the same arm labels
    (two or more) stand under two or more upper labels, the upper label is a
    group, not part of the arm's name."""
    named = [c for c in cols if not c.is_test and len(c.names) >= 2]
    if len(named) < 4:
        return cols
    under: dict[str, list[str]] = {}
    for c in named:
        under.setdefault(" ".join(c.names[:-1]), []).append(c.names[-1])
    sets = [frozenset(v) for v in under.values()]
    if len(under) < 2 or any(len(x) < 2 for x in sets) or len(set(sets)) == len(sets):
        return cols
    return [
        replace(c, group=" ".join(c.names[:-1]), member=c.names[-1]) if c in named else c
        for c in cols
    ]


def _letter_means(cols: list[Column]) -> list[Column]:
    """A column headed by the letter "M" beside one headed "SD" or "SE" under the
    same arm (psychology's "M | SD") holds the arm's means: the letter is a
    statistic, not part of the arm's name (alone, "M" may be the male sex)."""
    out = list(cols)
    for k, (c, d) in enumerate(zip(cols, cols[1:], strict=False)):
        if (
            c.names
            and lab.clean(c.names[-1]) == "M"
            and c.statistic is None
            and d.statistic in ("sd", "se")
            # the same heading over both ("First eval" read as the M column's period)
            and (d.names == c.names[:-1] or (c.period and d.names == (c.period, *c.names[:-1])))
            and d.period is None
        ):
            names = d.names
            out[k] = replace(
                c, arm=" ".join(names) or None, names=names, statistic="mean", period=None
            )
    return out


def _time_tails(cols: list[Column]) -> list[Column]:
    """Arm and time printed in one label ("Alcohol T1 | Alcohol T2 | Placebo T1 |
    Placebo T2"): when two or more names each come with two or more times,
    the time is the column's period, the name its arm."""
    split = {c.index: lab.time_tail(c.arm) for c in cols if c.arm and not c.period}
    heads: dict[str, set[str]] = {}
    for got in split.values():
        if got:
            heads.setdefault(got[0].lower(), set()).add(got[1].lower())
    if sum(len(v) >= 2 for v in heads.values()) < 2:
        return cols
    out = []
    for c in cols:
        got = split.get(c.index)
        if got and len(heads[got[0].lower()]) >= 2:
            c = replace(c, arm=got[0], period=got[1], names=(*c.names[:-1], got[0]))
        out.append(c)
    return out


def _time_levels(cols: list[Column]) -> list[Column]:
    """An upper label over the same arms another upper label's period stands
    over is a period too: "Enrolment (2 weeks before calving)" and "Basal
    measurements at IVGTT" each over "Control | Supplemented"."""
    timed = {c.arm for c in cols if c.period and c.arm and not c.is_test}
    if not timed:
        return cols
    out = []
    for c in cols:
        rest = " ".join(c.names[1:])
        if not c.period and len(c.names) >= 2 and rest in timed and c.names[0] not in timed:
            c = replace(c, arm=rest, period=c.names[0], names=c.names[1:])
        out.append(c)
    return out


_SIZE_ROW = re.compile(
    r"(?i)^(?:(?:total\s+)?(?:number|no\.?)\s+of\s+(?:participants|patients|subjects)"
    r"|(?:participants|patients|subjects)(?:,?\s*(?:n|no\.))?|n|total\s+n)\s*$"
)


def _sizes_from_first_row(cols: list[Column], rows: list[list[str]], n_header: int) -> list[Column]:
    """Arm sizes printed as the first body row ("Number of participants | 978 | 494")."""
    if n_header >= len(rows):
        return cols
    first = rows[n_header]
    if not first or not _SIZE_ROW.match(strip_marks(first[0])[0]):
        return cols
    out = []
    for c in cols:
        v = parse_value(first[c.indices[0]]) if c.indices[0] < len(first) else None
        if c.arm_n is None and v is not None and v.kind == "number" and v.n and not c.is_test:
            c = replace(c, arm_n=v.n)
        out.append(c)
    return out


_INDENT = re.compile(r"^[\s\u2003\u2002\u00a0]+")


#: id(table) -> (table, its model), for the tables of the last documents read
_MODELS: dict[int, tuple[Table, TableModel]] = {}
_MODELS_KEPT = 64


def read_table(table: Table) -> TableModel:
    """Read a `Table` into its model (header rows, columns, rows, cells); a
    table is read once (the components each ask for the model of every table)."""
    hit = _MODELS.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    model = _read_table(table)
    if len(_MODELS) >= _MODELS_KEPT:
        del _MODELS[next(iter(_MODELS))]
    _MODELS[id(table)] = (table, model)
    return model


def _read_table(table: Table) -> TableModel:
    rows = table.rows
    width = max((len(r) for r in rows), default=0)
    n_header = _header_count(table)
    header = align_header(table, n_header, width) if n_header else []
    cm = None
    cap = table.caption or ""
    g = None
    for m in re.finditer(r"(?i)(?:≥|>=)?\s*\bgrades?\b[^.;:]{0,25}", cap):
        g = lab.grade(m.group(0).strip())
        if g is None:
            gm = re.match(
                r"(?i)(?:≥|>=)?\s*grades?\s*[\w≥≤<>–/-]+(?:\s*(?:or|and|to|–|-)\s*\w+)?",
                m.group(0).strip(),
            )
            g = lab.grade(gm.group(0)) if gm else None
        if g is not None:
            break
    cm = g.grade if g is not None and not g.any else None
    # a grade band printed on a stub: "Neutropenia, grade ≥3" is handled per row
    columns = []
    for j in range(1, width):
        pieces = [h[j] for h in header if j < len(h)]
        columns.append(_column(j, pieces, cm))
    if any(c.grade or c.any_grade for c in columns):
        # "Total" among grade columns is all grades, not an arm
        columns = [
            replace(c, arm=None, any_grade=True)
            if c.arm and lab.is_total(c.arm) and not c.grade
            else c
            for c in columns
        ]
    columns = _groups(_pair_columns(_time_levels(_time_tails(_letter_means(columns)))))
    columns = _sizes_from_first_row(columns, rows, n_header)
    body: list[Row] = []
    stack: list[str] = []  # section rows applying to the data rows
    run: list[str] = []  # section rows since the last data row
    test_idx = {j for c in columns if c.is_test for j in c.indices}
    for i in range(n_header, len(rows)):
        cells = rows[i]
        raw = cells[0] if cells else ""
        im = _INDENT.match(raw)
        indent = len(im.group(0)) if im else 0
        stub, marks = strip_marks(raw)
        data = [c for j, c in enumerate(cells[1:], 1) if j not in test_idx]
        is_section = bool(stub) and all(not c.strip() for c in data)
        if len(cells) > 1 and not stub:
            # a nested layout: the term in the second column under a category row
            second = cells[1]
            if second.strip() and not _is_numeric_cell(second):
                stub, marks = strip_marks(second)
        if is_section:
            above = _resolve(stack, run) if run else stack
            run.append(stub)
            body.append(Row(i, stub, marks, tuple(above if len(run) == 1 else run[:-1]),
                            True, None, stub, indent))  # fmt: skip
            continue
        if run:
            stack = _resolve(stack, run)
            run = []
        g = lab.grade(stub, allow_bare=bool(stack))
        concept = stack[-1] if g is not None and stack else stub
        body.append(Row(i, stub, marks, tuple(stack), False, g, concept, indent))
    return TableModel(table, columns, body, n_header, header, cm)


def _resolve(stack: list[str], run: list[str]) -> list[str]:
    """The section stack after a run of section rows: a run of one under a
    two-level stack replaces the inner level (the next term of a category);
    a longer run starts afresh (a new category and its first term). A time
    point is a level of its own: printed alone under a measure's heading
    ("Pain score" / "Baseline, mean (SD)" / "Week 4" / "Mean (SD)") it is
    that measure's time, the next time point replaces it, and the next
    heading that is no time ends the measure's times."""
    if len(run) == 1 and lab.is_time(run[0]):
        if stack and lab.is_time(stack[-1]):
            return [*stack[:-1], *run]
        if stack:
            return [*stack, *run]
        return list(run)
    if len(run) == 1 and stack and lab.is_time(stack[-1]):
        stack = stack[:-1]
        while stack and lab.is_time(stack[-1]):
            stack = stack[:-1]
        if len(stack) >= 2:
            return [*stack[:-1], *run]
        return list(run)
    if len(run) == 1 and len(stack) >= 2:
        return [*stack[:-1], *run]
    return list(run)

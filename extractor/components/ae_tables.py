"""Adverse events from tables, as queries over the table model.

A table is an adverse-event table when its caption, corner cells or notes
name adverse events / toxicities / side effects, or its columns or stubs
carry grade bands. Each data row is an event (its stub, or the term row above
a stub that is only a grade: "Grade 3", "III–IV"); each count column of an
arm gives one entry per non-zero cell, with the grade of the column (or of
the stub, or of the caption) and the arm of the column; a cell per period is
its own entry. Zero cells, dashes and "NA" are absences. "Other" rows and
category rows ("Metabolic", "Haematological") are not events; the events a
footnote names for them are, with the grade and arm of the marked cell and
n left unknown. Terms go through the adverse-event vocabulary; a label it
does not know is kept, lower-cased and singular, only in a table that is
clearly about adverse events (rule `ae.table.unmapped`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Table
from ..tables import Column, Row, TableModel, read_table, strip_marks
from ..tables.values import MARK_CHARS
from . import arms as arms_mod
from .ae_patterns import GRADE_EXPR, AEMatch, collapse_grades, grade_items
from .ae_vocab import KIND_BLOCKED, KIND_CATEGORY, canonical_term, implied_grade, lookup

_AE_CONTEXT = re.compile(
    r"(?i)\b(?:adverse|toxicit\w*|side[\s-]effects?|safety|treatment[\s-]emergent|TEAEs?|AEs?)\b"
)
_NOT_AE_TABLE = re.compile(
    r"(?i)\b(?:baseline|characteristics|demograph|efficacy|response|survival|pharmacokinetic"
    r"|dose (?:reduction|modification|delay)s?|reasons? for|discontinu)\b"
)
_STAT_ROW = re.compile(
    r"(?i)^(?:total|n|no\.?|number|patients|median|mean|range|sd|p[\s\-]?value|characteristic"
    r"|variable|grade|any grade|all grades|none|no event)\b"
)
# an organ-system class ("Metabolic", "Non-hematologic", "Electrolyte disturbances")
_CATEGORY_LABEL = re.compile(
    r"(?i)^(?:non-?)?[a-z]+(?:ic|ac|al|ary|ous)$"
    r"|^[\w\s-]+\b(?:disorders|disturbances|abnormalities|toxicities|events|complications)$"
)
# a section naming a class of adverse events, whose grade rows are totals
_AE_CLASS = re.compile(
    r"(?i)\b(?:adverse\s+(?:events?|reactions?|drug\s+reactions?)|toxicit(?:y|ies)|AEs|TEAEs)\s*$"
)
_OTHER_ROW = re.compile(r"(?i)^(?:other|others|miscellaneous)\b")
_ANY_LABEL = re.compile(
    r"(?i)^(?:patients?\s+with\s+)?(?:at\s+least\s+one|≥\s*1|one\s+or\s+more|any)\s+"
)
_COUNT_STATS = {None, "n", "%", "n (%)", "n/N"}


@dataclass(frozen=True)
class TableAE:
    """One adverse event read from a table: the match, the row it came from
    and, for events named in a footnote, the footnote's index."""

    match: AEMatch
    row: int
    footnote: int | None = None
    period: str | None = None
    subgroup: str | None = None


def is_ae_table(model: TableModel) -> bool:
    """True when the table reports adverse events by its caption, corner,
    notes or grade columns (and is not a baseline or efficacy table)."""
    cap = model.table.caption or ""
    context = bool(_AE_CONTEXT.search(model.context))
    graded = any(c.grade or c.any_grade for c in model.columns) or any(
        r.grade is not None for r in model.data_rows()
    )
    if _NOT_AE_TABLE.search(cap) and not _AE_CONTEXT.search(cap):
        return False
    return context or graded


def _clean_label(text: str) -> str:
    t, _ = strip_marks(text)
    # the statistic printed after the event: "Falls, n (%)", "Rash (%)"
    t = re.sub(r"(?i)(?:,\s*|\s+)(?:(?:n|no\.?)\s*)?\(\s*%\s*\)\s*$|,\s*(?:n|%)\s*$", "", t)
    return re.sub(r"\s+", " ", t).strip(" ,;:")


def _singular(term: str) -> str:
    if term.endswith("ies") and len(term) > 5:
        return term[:-3] + "y"
    if term.endswith("s") and not term.endswith(("ss", "us", "is")) and len(term) > 4:
        return term[:-1]
    return term


def row_term(label: str, ae_context: bool) -> tuple[str | None, str | None, str]:
    """(term, grade printed in the label, rule) for a row label; (None, None, "")
    when the label is not an event (a category, "Other", a statistic)."""
    text = _clean_label(label)
    grade = None
    gm = GRADE_EXPR.search(text)
    if gm and not gm.group("fatal"):
        items = grade_items(gm)
        grade = collapse_grades(items) if items else None
        text = (text[: gm.start()] + " " + text[gm.end() :]).strip(" ,;:-()")
        text = re.sub(r"\s+", " ", text)
    if not text or _OTHER_ROW.match(text):
        return None, None, ""
    # "Neuropathy (motor)", "Infection (normal ANC)", "Any toxicity (each patient counted once)"
    gloss = re.fullmatch(r"(?P<base>[^()]+?)\s*\((?P<gloss>[^()]+)\)", text)
    base = gloss.group("base") if gloss else text
    candidates = [text]
    glued = re.fullmatch(r"(.*[a-z])\d{1,2}", text)  # a footnote number printed flat: "Vomiting1"
    if glued:
        candidates.append(glued.group(1))
    if gloss:
        candidates += [f"{gloss.group('gloss')} {base}", base]
    alt = re.fullmatch(r"(?P<a>\w[\w\s-]*?)\s+or\s+\w[\w\s-]*", base)
    if alt:  # "Oesophageal stricture or fistula": the first named event
        candidates.append(alt.group("a"))
    term = None
    for cand in candidates:
        term = canonical_term(cand)
        if term is None:
            stripped = _ANY_LABEL.sub("", cand)
            if stripped != cand and canonical_term(stripped) == "any adverse event":
                term = "any adverse event"
        if term is not None:
            break
    text = base if term is None else text
    if term is not None:
        return term, grade, "ae.table.vocab"
    entry = lookup(text)
    if entry is not None and entry.kind in (KIND_CATEGORY, KIND_BLOCKED):
        return None, None, ""
    if (
        ae_context
        and re.fullmatch(r"[A-Za-zα-ωγ][\w\s\-/',()]{2,60}", text)
        and not _STAT_ROW.match(text)
        and not _CATEGORY_LABEL.match(text)
    ):
        return _singular(text.lower()), grade, "ae.table.unmapped"
    return None, None, ""


def _count_columns(model: TableModel) -> list[Column]:
    return [
        c
        for c in model.columns
        if not c.is_test and c.statistic in _COUNT_STATS and c.statistic != "total"
    ]


def _grade_for(row: Row, col: Column, row_grade: str | None, model: TableModel) -> str | None:
    if row.grade is not None:
        return row.grade.grade
    if col.grade:
        return col.grade
    if col.any_grade:
        return None
    return row_grade or model.caption_grade


def table_adverse_events(table: Table) -> list[TableAE]:
    """The adverse events of one table (empty unless it is an AE table)."""
    model = read_table(table)
    if not model.columns or not is_ae_table(model):
        return []
    ae_context = bool(_AE_CONTEXT.search(model.context))
    cols = _count_columns(model)
    marked_only = _notes_name_events(model)
    out: list[TableAE] = []
    for row in model.data_rows():
        label = row.concept
        if marked_only is not None and not (_mark_runs(row.marks) & marked_only):
            continue  # an outcomes table: only the rows a note calls adverse events
        if row.grade is not None and row.grade.grade is None and not row.grade.any:
            continue
        term, label_grade, rule = row_term(label, ae_context)
        if term is None and row.grade is not None and _AE_CLASS.search(label):
            # grade rows under "Serious adverse events": totals over all events by grade
            term, rule = "any adverse event", "ae.table.class_total"
        if term is None:
            out.extend(_footnote_events(model, row, cols))
            continue
        offsets = _offsets(table.rows[row.index])
        for col in cols:
            cell = model.cell(row, col)
            got = cell.count()
            if got is None:
                continue
            n, pct = got
            if pct is not None and not 0 <= pct <= 100:
                continue  # "102 (560.4)": the parenthesis is a rate per person-time, not a %
            grade = _grade_for(row, col, label_grade, model) or implied_grade(term)
            if cell.value.marks:
                grade = _note_grade(model, row, cell.value.marks, grade)
            graded = bool(col.grade or col.any_grade or row.grade)
            a = offsets[col.indices[0]][0] if col.indices[0] < len(offsets) else 0
            b = offsets[min(col.indices[-1], len(offsets) - 1)][1] if offsets else 0
            match = AEMatch(
                term=term,
                grade=grade,
                n=n,
                percent=pct,
                char_start=a,
                char_end=b,
                rule=rule + (".graded" if graded else ""),
                arm=col.member or col.arm,
                surface=_clean_label(row.stub),
            )
            out.append(TableAE(match, row.index, period=col.period, subgroup=_subgroup(col)))
    return out


def _mark_runs(marks: str) -> set[str]:
    """The note marks of a label: "‡§" -> {"‡", "§"}, "**" -> {"**"}."""
    return {m.group(0) for m in re.finditer(r"(.)\1*", marks)}


def _notes_name_events(model: TableModel) -> set[str] | None:
    """The marks of the notes that call their rows adverse events ("‡These outcomes
    were defined a priori as serious adverse events"), when only such notes do:
    the table is about other outcomes (no adverse-event cue in its caption or
    corner, no grade columns). None when the table is about adverse events."""
    corner = " ".join(h[0] for h in model.header if h and h[0])
    if _AE_CONTEXT.search(f"{model.table.caption or ''} {corner}"):
        return None
    if any(c.grade or c.any_grade for c in model.columns):
        return None
    marks: set[str] = set()
    for note in model.table.footnotes:
        for m in re.finditer(rf"(?:^|(?<=[.)]))\s*([{re.escape(MARK_CHARS)}]+)", note):
            body = _note_body(note, m.group(1))
            if body and _AE_CONTEXT.search(body):
                marks |= _mark_runs(m.group(1))
    return marks or None


def _band(grade: str | None) -> tuple[int, int] | None:
    if grade is None:
        return None
    if grade.startswith(">="):
        return int(grade[2:]), 5
    lo, _, hi = grade.partition("-")
    return int(lo), int(hi or lo)


def _note_grade(model: TableModel, row: Row, marks: str, grade: str | None) -> str | None:
    """A footnote on a cell that narrows its grade ("All cases of myelitis
    were grade 1"): the note names the row's event and one grade inside the
    column's band."""
    stub = row.stub.lower()
    for note in model.table.footnotes:
        body = _note_body(note, marks)
        if not body or stub not in body.lower():
            continue
        gm = GRADE_EXPR.search(body)
        if not gm or gm.group("fatal") or gm.group("any"):
            continue
        items = grade_items(gm)
        narrowed = collapse_grades(items) if items else None
        inner, outer = _band(narrowed), _band(grade)
        if inner and (outer is None or (outer[0] <= inner[0] and inner[1] <= outer[1])):
            return narrowed
    return grade


def _subgroup(col: Column) -> str | None:
    """The subgroup label of a column under a population heading other than
    everyone ("Adolescents (12–17 years)" over "Drug"): "<heading>, <arm>"."""
    if not col.group or arms_mod.OVERALL_CUES.match(col.group):
        return None
    return f"{col.group}, {col.member}" if col.member else col.group


def _offsets(cells: list[str]) -> list[tuple[int, int]]:
    """Each cell's range in the row rendered as its cells joined by tabs."""
    out, pos = [], 0
    for c in cells:
        out.append((pos, pos + len(c)))
        pos += len(c) + 1
    return out


_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bor\b)\s*")
_FOOT_COUNT = re.compile(r"\s*[(\[]\s*n\s*=\s*(\d+)\s*[)\]]")


def _footnote_events(model: TableModel, row: Row, cols: list[Column]) -> list[TableAE]:
    """Events a footnote names for an "Other" (or category) row: the note
    whose mark is on a cell of the row gives the events of that cell's arm
    and grade; a note marked on the stub applies to the row's arms alike
    only when it is a plain list of events."""
    table = model.table
    if not table.footnotes or not _OTHER_ROW.match(_clean_label(row.stub)):
        return []
    out: list[TableAE] = []
    if row.marks:
        out.extend(_stub_note_events(model, row, cols))
    for col in cols:
        cell = model.cell(row, col)
        marks = cell.value.marks
        if not marks or cell.count() is None:
            continue
        for fi, note in enumerate(table.footnotes):
            body = _note_body(note, marks)
            if body is None:
                continue
            for term, n in _listed_events(body):
                match = AEMatch(
                    term=term,
                    grade=_grade_for(row, col, None, model),
                    n=n,
                    percent=None,
                    char_start=0,
                    char_end=0,
                    rule="ae.table.footnote",
                    arm=col.member or col.arm,
                    surface=term,
                )
                out.append(TableAE(match, row.index, footnote=fi, period=col.period))
    return out


_INCLUDED = re.compile(r"(?i)\b(?:included|including|were|was|comprised|consisted of)\b:?|:")
_IN_ARM = re.compile(
    r"(?i)\s*\b(?:in|for)\s+(?:the\s+)?(?P<arm>[\w\s+/-]{2,60}?)\s*(?:group|arm|cohort)s?\b\)?\.?\s*$"
)


def _stub_note_events(model: TableModel, row: Row, cols: list[Column]) -> list[TableAE]:
    """Events an "Other" row's footnote lists sentence by sentence: "Other
    grade 3 toxicities included A (n=7) and B (n=1) in the X group; and C
    (n=3) in the Y group." Grade from the sentence, arm from the clause."""
    out: list[TableAE] = []
    arms = [a for a in dict.fromkeys(c.member or c.arm for c in cols if c.arm)]
    for fi, note in enumerate(model.table.footnotes):
        body = _note_body(note, row.marks)
        if body is None:
            continue
        for sent in re.split(r"(?<=[.)])\s+(?=[A-Z])", body):
            gm = GRADE_EXPR.search(sent)
            items = grade_items(gm) if gm and not gm.group("fatal") else None
            grade = collapse_grades(items) if items else model.caption_grade
            if grade is None:
                continue
            im = _INCLUDED.search(sent)
            if im is None:
                continue
            for clause in re.split(r";\s*(?:and\s+)?", sent[im.end() :]):
                am = _IN_ARM.search(clause)
                arm = _match_arm(am.group("arm"), arms) if am else None
                if arm is None and len(arms) > 1:
                    continue
                listed = clause[: am.start()] if am else clause
                for term, n in _listed_events(listed.strip(" .;")):
                    match = AEMatch(term=term, grade=grade, n=n, percent=None, char_start=0,
                                    char_end=0, rule="ae.table.footnote", arm=arm or (arms[0] if arms else None),
                                    surface=term)  # fmt: skip
                    out.append(TableAE(match, row.index, footnote=fi))
    return out


def _match_arm(text: str, arms: list[str]) -> str | None:
    want = _tokens(text)
    best, score = None, 0.0
    for a in arms:
        at = _tokens(a)
        if at and want:
            s = len(want & at) / len(want | at)
            if s > score:
                best, score = a, s
    return best if score >= 0.5 else None


def _note_body(note: str, marks: str) -> str | None:
    """The text of the note marked with one of `marks`: a footnote that
    starts with the mark, or, where an export ran several notes into one
    line ("... treatment.† Three patients ...‡ Ataxia, ..."), the part from
    the mark after a sentence end up to the next such mark."""
    t = note.strip()
    symbols = re.escape(MARK_CHARS)
    for mk in marks:
        if t.startswith(mk):
            start = len(mk)
        elif mk in MARK_CHARS:
            m = re.search(rf"(?<=[.)])\s*{re.escape(mk)}", t)
            if m is None:
                continue
            start = m.end()
        else:
            continue
        rest = t[start:]
        nxt = re.search(rf"(?<=[.)])\s*[{symbols}]", rest)
        return (rest[: nxt.start()] if nxt else rest).strip()
    return None


def _listed_events(body: str) -> list[tuple[str, int | None]]:
    """Events of a footnote that is a plain list ("Ataxia, facial oedema,
    fainted and hydrocephalus."); [] when any item is not an event."""
    body = body.strip().rstrip(".")
    if len(body) > 400 or re.search(r"\b(?:were|was|had|included|patients?)\b", body):
        return []
    items = [x for x in _LIST_SPLIT.split(body) if x.strip()]
    if any(_FOOT_COUNT.search(x) for x in items):
        items = [x for x in items if x.strip() and not re.fullmatch(r"\s*\d+\s*", x)]
    out: list[tuple[str, int | None]] = []
    for item in items:
        n = None
        m = _FOOT_COUNT.search(item)
        if m:
            n = int(m.group(1))
            item = item[: m.start()]
        term = canonical_term(item)
        if term is None:
            t = item.strip().lower()
            if not re.fullmatch(r"[a-z][a-z\s\-']{2,40}", t):
                return []
            term = _singular(t)
        out.append((term, n))
    # a single item only with its count: "anorexia (n=3)"
    return out if len(out) >= 2 or any(n is not None for _, n in out) else []


def adverse_events_from_table(table: Table) -> list[tuple[AEMatch, int]]:
    """Adverse events of an AE table, each with the index of its row in
    `table.rows` (see `table_adverse_events` for footnote and period)."""
    return [(t.match, t.row) for t in table_adverse_events(table)]


def _tokens(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _WEAK}


_WEAK = {"group", "arm", "patients", "given", "the", "and", "with", "n", "plus", "of", "in"}


def table_arm_roles(
    labels: list[str | None], paper_arms: list[tuple[str, str]]
) -> dict[str | None, str | None]:
    """The role of each arm label of a table's columns: the paper's arm
    whose label shares most of the column's words, else the role the label
    itself suggests (`arms.role_for_label`), the second of two plain
    treatment labels being the comparator (as `arms.arm_columns` reads it).
    A table without arm labels belongs to the paper's one treated arm when
    it has exactly one."""
    distinct: list[str] = []
    for lab in labels:
        if lab and lab not in distinct:
            distinct.append(lab)
    out: dict[str | None, str | None] = {}
    for lab in distinct:
        lt = _tokens(lab)
        best, score = None, 0.0
        for plabel, role in paper_arms:
            pt = _tokens(plabel)
            if not lt or not pt:
                continue
            s = len(lt & pt) / len(lt)
            if s > score:
                best, score = role, s
        out[lab] = best if score >= 0.5 else None
    guessed = {lab: arms_mod.role_for_label(lab) for lab in distinct if out[lab] is None}
    plain = [lab for lab in distinct if guessed.get(lab) == "intervention"]
    if len(plain) == 2 and len(distinct) == 2:
        guessed[plain[1]] = "control"
    for lab, role in guessed.items():
        out[lab] = role
    treated = {r for _, r in paper_arms if r in ("intervention", "control")}
    if any(r == "overall" for _, r in paper_arms):
        out[None] = "overall"  # a table without arm columns: everyone treated
    else:
        out[None] = "intervention" if treated == {"intervention"} else None
    return out

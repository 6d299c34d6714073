"""Subgroups a table reports results for, split by arm.

Tables name subsets in three ways: a population heading over repeated arm
columns ("Adolescents (12–17 years)" over "Drug | Placebo", with sizes in a
"Number of participants" row), a row of sizes only under a heading naming a
subsample ("Weight change: | n=74 | n=66"), and a corner cell or caption
narrowing the whole table ("Outcomes (singleton births only)") over arm
headers with sizes. Each gives one entry per arm column (the record's
settled call: a subgroup split by arm is one entry per arm).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from litkg.extractor.components.arms import _N_IN_CELL, _STAT_PIECE, OVERALL_CUES
from litkg.extractor.document import Table
from litkg.extractor.tables.values import strip_marks

if TYPE_CHECKING:
    from litkg.extractor.tables import TableModel
# a table's population narrowed by its corner cell or caption: "Outcomes (singleton births
# only)", "Subgroup of patients with diabetes"
_RESTRICTED = re.compile(
    r"\((?P<a>[^()]{3,60}?)\s+only\s*[*†‡§¶]*\s*\)"
    r"|\b(?:sub-?groups?|subsets?|sub-?samples?)\s+(?:of|with)\s+(?P<b>[^,;.()]{3,60})",
    re.I,
)
_N_ONLY_CELL = re.compile(r"^\s*[(\[]?\s*[Nn]\s*=\s*(\d[\d,]*)\s*[)\]]?\s*$")


@dataclass(frozen=True)
class TableSubgroup:
    """A subgroup a table reports results for, in one arm's column."""

    label: str  # the subgroup as printed
    arm: str  # the column's arm label as printed
    n: int
    row: int  # the row the size is printed in
    restricted: bool = False  # the whole table is about the subgroup
    in_header: bool = False  # a size row read as the last header row


def restricted_population(table: Table, model: TableModel | None = None) -> str | None:
    """The population a table's corner cell or caption narrows it to
    ("(singleton births only)" -> "singleton births"), or None."""
    from litkg.extractor.tables import read_table

    if model is None:
        try:
            model = read_table(table)
        except (ValueError, IndexError):
            return None
    corner = model.header[0][0] if model.header and model.header[0] else ""
    for text in (corner, table.caption or ""):
        m = _RESTRICTED.search(text)
        if m:
            return (m.group("a") or m.group("b")).strip()
    return None


def table_subgroups(table: Table) -> list[TableSubgroup]:
    """Subgroups a table gives results for, one entry per arm column:

    - a population heading over repeated arms ("Adolescents (12–17 years)"
      over "Drug | Placebo", sizes in a "Number of participants" row);
    - a row holding only sizes under a heading ("Weight change: | n=74 | n=66"),
      the heading naming the subsample;
    - the arm sizes of a header whose corner or caption narrows the table's
      population ("Outcomes (singleton births only) | X (n=384) | Y (n=391)").
    """
    from litkg.extractor.tables import read_table

    try:
        model = read_table(table)
    except (ValueError, IndexError):
        return []
    cols = [c for c in model.columns if c.arm and not c.is_test and not _STAT_PIECE.match(c.arm)]
    out: list[TableSubgroup] = []
    for c in cols:
        if c.group and c.member and c.arm_n and not OVERALL_CUES.match(c.group):
            out.append(
                TableSubgroup(f"{c.group}, {c.member}", c.member, c.arm_n, model.header_rows)
            )
    # a size row may be read as the last header row when the first one opens the table
    stubs = [(i, strip_marks(table.rows[i][0])[0]) for i in range(model.header_rows)]
    stubs += [(r.index, r.stub) for r in model.rows]
    in_header = False
    for i, stub in stubs:
        cells = table.rows[i]
        sizes = [
            (c, _N_ONLY_CELL.match(cells[c.indices[0]]))
            for c in cols
            if c.indices[0] < len(cells) and cells[c.indices[0]].strip()
        ]
        if len(sizes) >= 2 and all(m for _c, m in sizes) and stub.strip():
            label = stub.strip(" :;,")
            head = i < model.header_rows
            in_header = in_header or head
            for c, m in sizes:
                n = int(m.group(1).replace(",", ""))  # type: ignore[union-attr]
                out.append(TableSubgroup(f"{label}, {c.arm}", c.arm, n, i, in_header=head))
    where = restricted_population(table, model)
    if where and model.header_rows and not in_header:
        for c in cols:
            if c.arm_n and not c.group and _N_IN_CELL.search(" ".join(c.labels)):
                label = re.sub(r"\s+", " ", _N_IN_CELL.sub(" ", c.arm)).strip(" ,;:*†‡")
                out.append(TableSubgroup(f"{where}, {label}", label, c.arm_n, 0, True))
    return out


def sizes_subgroups(table: Table) -> bool:
    """Whether the sizes in a table's header are a subgroup's, not the arms'
    (a narrowed population, or a subsample's size row read as a header row)."""
    return any(sg.restricted or sg.in_header for sg in table_subgroups(table))

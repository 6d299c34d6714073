"""The table model: every table read once, the same way for PDF, text and
JATS input, into cells that know their row, their column and their value.

How to query it::

    from litkg.extractor.tables import read_table

    model = read_table(table)             # a Document's Table
    for col in model.columns:             # body columns (n and % columns read as one)
        col.arm, col.arm_n                # "Group A (XELIRI-Bev)", 133   (header pieces joined)
        col.grade, col.any_grade          # "3-4" / None, True for "All grades"
        col.statistic                     # "n (%)", "n", "%", "median (range)", "hr (95% ci)", "p", ...
        col.period                        # "First chemotherapy cycle" or None
        col.is_test                       # p / HR / CI / difference columns
    for row in model.data_rows():         # rows with data (section rows are model.rows too)
        row.stub, row.concept             # "Grade 3", "Neutropenia" (the section row above)
        row.sections, row.grade           # ("Hematologic toxicity", "Neutropenia"), Grade("3")
        for cell in model.cells(row):
            cell.value                    # Value(kind="count", n=12, percent=18.2, ...)
            cell.count()                  # (12, 18.2); None for absent, zero, non-counts
            cell.estimate()               # (0.84, 0.59, 1.21) for "0.84 (0.59–1.21)", "66 (28–84)"
            cell.dispersion()             # (54.1, 8.3) for "54.1 ± 8.3"
            cell.p_value()                # 0.001 for "<0.001" in a p column
    model.arm_columns()                   # {"Drug (n = 47)" label: 47, ...}
    model.caption_grade                   # grade band the caption names ("grade 3 or 4")
    model.table.footnotes                 # notes as printed; `.footnote_spans` in Document.text

Evidence: `table.row_spans[row.index]` is the row as rendered in the
document text. Values parse through `parse_value` (`values.py`); header
labels through `labels.py`; header rows are laid over the body columns by
`header.py` (spans from JATS, spread by the row below for text exports).
"""

from __future__ import annotations

from .labels import Grade, grade, is_period, n_only, name, statistic
from .model import Cell, Column, Row, TableModel, read_table
from .values import Value, parse_value, strip_marks

__all__ = [
    "Cell",
    "Column",
    "Grade",
    "Row",
    "TableModel",
    "Value",
    "grade",
    "is_period",
    "n_only",
    "name",
    "parse_value",
    "read_table",
    "statistic",
    "strip_marks",
]

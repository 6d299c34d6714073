"""Reading a table written in a test: the one `read` the table tests share."""

from __future__ import annotations

from litkg.extractor.components.unkeyed_tables import unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table


def table(rows, caption, header_rows=1, footnotes=(), spans=()) -> Table:
    """A table as the readers get it from a document."""
    return Table(
        rows=rows,
        caption=caption,
        header_rows=header_rows,
        footnotes=list(footnotes),
        grid=bool(spans),
        spans=list(spans),
    )


def read(rows, caption, header_rows=1, is_arm=None, footnotes=(), spans=()):
    """(row index, outcome, arm label as printed) of each result the table gives."""
    model = read_table(table(rows, caption, header_rows, footnotes, spans))
    return unkeyed_from_table(model, is_arm=is_arm)


def arms(rows, caption, header_rows=1, is_arm=None, footnotes=(), spans=()) -> set:
    """The arm labels a table's results are given for (None: no arm)."""
    return {label for _r, o, label in read(rows, caption, header_rows, is_arm, footnotes, spans)
            if not o.comparator}  # fmt: skip

"""A mean printed with its spread in brackets, the sign inside them ("64.2
(± 11.3)", "3.1 [±0.4]", "-2.0 (+/- 1.5)"), written here in a cardiology and a
nutrition house style: the value and its spread, read as "64.2 ± 11.3" is."""

import pytest

from litkg.extractor.components.unkeyed_tables import unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import parse_value, read_table


@pytest.mark.parametrize(
    ("text", "value", "disp"),
    [("64.2 (± 11.3)", 64.2, 11.3), ("3.1 [±0.4]", 3.1, 0.4), ("-2.0 (+/- 1.5)", -2.0, 1.5)],
)
def test_a_spread_in_brackets_with_its_sign(text, value, disp):
    v = parse_value(text)
    assert (v.kind, v.value, v.disp) == ("estimate", value, disp)


def test_such_cells_give_each_arms_mean():
    t = Table(
        rows=[
            ["", "Low-sodium diet (n = 30)", "Usual diet (n = 31)"],
            ["Systolic pressure at 8 weeks (mmHg)", "128.4 (± 9.2)", "134.9 (± 10.1)"],
            ["Urinary sodium at 8 weeks (mmol/day)", "96 (± 31)", "148 (± 40)"],
        ],
        caption="Table 2. Outcomes after eight weeks",
        header_rows=1,
    )
    got = [
        (label, o.statistic, o.value, o.dispersion.value if o.dispersion else None)
        for _, o, label in unkeyed_from_table(read_table(t))
    ]
    assert ("Low-sodium diet", "mean", 128.4, 9.2) in got
    assert ("Usual diet", "mean", 148.0, 40.0) in got

"""Arms as rows under time columns printed as hours alone ("24 h | 48 h"),
written here in a sports-medicine house style: each arm at each hour, the
caption naming the measure; a column before the start ("−12 h") is no result
time."""

from table_helpers import read


def test_hour_columns_give_each_arm_row_at_each_hour():
    got = read(
        [
            ["", "−12 h", "24 h", "48 h¹"],
            ["Group A", "2.10±0.20", "2.61±0.25a)**", "2.44±0.21b)*"],
            ["Group B", "2.05±0.22", "2.35±0.30", "2.12±0.19"],
        ],
        "Table 2. The changes of serum creatine kinase (log U/L)",
    )
    facts = {(label, o.name, o.value, o.timepoint) for _r, o, label in got}
    assert ("Group A", "serum creatine kinase (log U/L)", 2.61, "24 h") in facts
    assert ("Group B", "serum creatine kinase (log U/L)", 2.12, "48 h") in facts
    assert not any(value in (2.10, 2.05) for _l, _n, value, _t in facts)
    assert len(facts) == 4
    months = {o.timepoint_months for _r, o, _label in got}
    assert all(m is not None and 0 < m < 0.1 for m in months)

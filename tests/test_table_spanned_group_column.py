"""An unlabelled column of the groups' names under a heading that spans it and
the first value column ("Before treatment" over "Placebo | 21.4 ± 3.0"), the
measures in the stub, each measure's rows one per group, written here in a
neurophysiology house style with dose groups: the groups are the rows' arms,
and their names are no values ("250 mg" is no mean of 250)."""

from table_helpers import read

HEAD = [
    ["Measure", "Before treatment", "", "After treatment", ""],
    ["Measure", "", "", "Week 4", "Week 8"],
]
SPANS = [(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 1, 2), (1, 1, 1, 2)]


def _body():
    rows = []
    for measure, base in (
        ("P300 latency (ms)", 320.0),
        ("P300 amplitude (µV)", 6.0),
        ("N200 latency (ms)", 210.0),
        ("N200 amplitude (µV)", 4.0),
    ):
        for k, group in enumerate(("Placebo", "250 mg", "500 mg")):
            rows.append(
                [
                    measure if k == 0 else "",
                    group,
                    f"{base + k:.1f} ± 2.1",
                    f"{base + k - 1:.1f} ± 2.3",
                    f"{base + k - 2:.1f} ± 2.2",
                ]
            )
    return rows


def _got():
    return read(
        HEAD + _body(),
        "Table 2. Event-related potentials in the three groups",
        header_rows=2,
        spans=SPANS,
    )


def test_each_row_is_its_group_at_each_time_point():
    facts = {(label, o.name, o.value, o.timepoint) for _r, o, label in _got()}
    assert ("Placebo", "P300 latency (ms)", 319.0, "Week 4") in facts
    assert ("250 mg", "N200 amplitude (µV)", 3.0, "Week 8") in facts
    assert ("500 mg", "P300 amplitude (µV)", 8.0, "Before treatment") in facts


def test_the_group_names_are_no_values():
    values = {o.value for _r, o, _label in _got()}
    assert not values & {250.0, 500.0}
    assert all(label in ("Placebo", "250 mg", "500 mg") for _r, _o, label in _got())
    assert len(_got()) == 4 * 3 * 3


def test_a_column_of_its_own_heading_is_not_taken_for_the_groups():
    head = [["Measure", "Position", "Before", "Week 4"]]
    body = []
    for measure in ("Heart rate", "Systolic BP", "Diastolic BP", "SpO2"):
        for k, position in enumerate(("Supine", "Sitting", "Standing")):
            body.append([measure if k == 0 else "", position, "71 ± 8", "73 ± 9"])
    got = read(head + body, "Table 3. Vital signs by position")
    assert not any(label in ("Supine", "Sitting", "Standing") for _r, _o, label in got)

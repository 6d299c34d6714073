"""An arm's label printed with the change sign after it ("Yoga group Δ") heads
that arm's changes: the value is the arm's change of the row's measure, and the
sign is no part of the arm's name. Written here in a physiotherapy house style."""

from table_helpers import read


def test_a_change_sign_after_the_arm_names_its_change():
    got = read(
        [
            ["Outcome", "Yoga group Δ", "Usual care Δ", "P"],
            ["", "Median (IQR)", "Median (IQR)", ""],
            ["Pain at rest", "−3 (−5 to −2)", "−1 (−2 to 0)", "0.01"],
            ["Neck disability index", "−9 (−12 to −6)", "−4 (−6 to −1)", "0.03"],
        ],
        "Table 3. Outcomes after eight weeks",
        header_rows=2,
    )
    assert sorted((label, o.name, o.value) for _r, o, label in got) == [
        ("Usual care", "Neck disability index, change", -4.0),
        ("Usual care", "Pain at rest, change", -1.0),
        ("Yoga group", "Neck disability index, change", -9.0),
        ("Yoga group", "Pain at rest, change", -3.0),
    ]

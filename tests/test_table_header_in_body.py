"""A head whose last row is printed as the body's first: the groups named in a
body row with no value under a spanning heading that names none. Written in
education-research and psychology house styles."""

from table_helpers import read


def _facts(rows, caption, header_rows=1, is_arm=None):
    return [
        (r, label, o.name, o.statistic, o.value)
        for r, o, label in read(rows, caption, header_rows=header_rows, is_arm=is_arm)
    ]


def test_groups_named_in_the_first_body_row_are_the_columns_arms():
    got = _facts(
        [
            ["", "Words recalled, mean (SD)", ""],
            ["List type:", "Group A (spaced)", "Group B (massed)"],
            ["Concrete", "14.2 (3.1)", "11.9 (3.4)"],
            ["Abstract", "9.8 (2.7)", "8.1 (2.9)"],
        ],
        "Table 3. Recall at the delayed test by group",
    )  # fmt: skip
    assert got == [
        (2, "Group A (spaced)", "Concrete", "mean", 14.2),
        (2, "Group B (massed)", "Concrete", "mean", 11.9),
        (3, "Group A (spaced)", "Abstract", "mean", 9.8),
        (3, "Group B (massed)", "Abstract", "mean", 8.1),
    ]  # (without the rule the head names no group and the table gives nothing)


def test_a_body_row_of_words_that_names_no_group_stays_a_row():
    got = _facts(
        [
            ["Item", "Intervention (n = 30)", "Control (n = 31)"],
            ["Scale:", "Likert 1–5", "Likert 1–5"],
            ["Confidence, mean (SD)", "4.1 (0.6)", "3.5 (0.8)"],
        ],
        "Table 2. Self-rated confidence after the course",
    )  # fmt: skip
    assert [(label, v) for _r, label, _n, _s, v in got] == [
        ("Intervention", 4.1),
        ("Control", 3.5),
    ]

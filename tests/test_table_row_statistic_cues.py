"""Arm x time tables whose row label says what the cells hold ("Mood, M (SD)",
"Body fat, mean ± SD", "Relapse, n (%)"): the row's statistic is the cells'
statistic, in the house style that prints the arms over the times and in
the one that prints each arm in a "Group" column beside its outcome; a bare
number beside those cells (a cluster count, a p) is none of it. Tables
written in psychology, nutrition and cluster-trial house styles."""

from table_helpers import read


def _values(got):
    return {(label, o.name, o.statistic, o.value, o.timepoint) for _r, o, label in got}


def test_letter_m_on_the_row_is_the_arms_mean_over_times():
    got = read(
        [
            ["", "Mindfulness", "Mindfulness", "Waitlist", "Waitlist"],
            ["", "Pre", "Post", "Pre", "Post"],
            ["Rumination, M (SD)", "44.2 (8.1)", "36.5 (7.7)", "43.8 (8.4)", "42.9 (8.0)"],
        ],
        "Table 2. Outcomes of the programme",
        header_rows=2,
    )
    assert ("Mindfulness", "Rumination", "mean", 36.5, "Post") in _values(got)
    assert ("Waitlist", "Rumination", "mean", 42.9, "Post") in _values(got)
    sd = {o.dispersion.value for _r, o, _l in got if o.dispersion}
    assert 7.7 in sd


def test_row_statistic_beside_a_group_column():
    got = read(
        [
            ["Outcome", "Group", "Week 0", "Week 16"],
            ["Body fat, mean ± SD", "Low-fat diet", "31 (6)", "28 (5)"],
            ["", "Usual diet", "30 (6)", "30 (6)"],
            ["Mood, M (SD)", "Low-fat diet", "12.1 (3.0)", "10.4 (2.9)"],
            ["", "Usual diet", "12.3 (3.1)", "12.0 (3.2)"],
        ],
        "Table 3. Outcomes by diet",
    )
    values = _values(got)
    assert ("Low-fat diet", "Body fat", "mean", 28.0, "Week 16") in values
    assert ("Usual diet", "Mood", "mean", 12.0, "Week 16") in values
    assert not any(o.statistic == "rate" for _r, o, _l in got)  # "28 (5)" is no 5 %


def test_a_bare_number_beside_the_rows_statistic_is_none_of_it():
    got = read(
        [
            ["", "Arm", "Clusters", "Village mean", "F-test (p-value)"],
            ["Knowledge score (mean, SD)", "Control", "10", "5.2 (2.0)", "0.31"],
            ["Knowledge score (mean, SD)", "Outreach", "11", "6.9 (2.4)", ""],
        ],
        "Table 4. Impact on knowledge, by study arm",
    )
    means = {o.value for _r, o, _l in got if o.statistic == "mean"}
    assert {5.2, 6.9} <= means
    assert not means & {10.0, 11.0, 0.31}

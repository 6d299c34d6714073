"""Arms printed as heading rows over their measures, beside columns of a
statistic alone: a bioequivalence table ("Test formulation" / "Cmax | mean |
SD | CV (%)"), a physiotherapy table ("Group A" / "Pain score | Mean ± SD").
Each measure's value belongs to the arm heading it; the coefficient of
variation is no arm. Tables written in pharmacokinetic and rehabilitation
house styles."""

from table_helpers import read


def _values(got):
    return sorted((label, o.name, o.statistic, o.value) for _r, o, label in got)


def test_formulations_heading_pharmacokinetic_rows():
    got = read(
        [
            ["Parameter", "Mean", "SD", "CV (%)"],
            ["Test formulation", "", "", ""],
            ["Cmax (ng/mL)", "152.3", "40.1", "26.3"],
            ["AUC0-t (ng·h/mL)", "1203", "310", "25.8"],
            ["Reference formulation", "", "", ""],
            ["Cmax (ng/mL)", "148.9", "38.7", "26.0"],
            ["AUC0-t (ng·h/mL)", "1188", "295", "24.8"],
        ],
        "Table 3. Pharmacokinetic parameters of the two formulations after a single dose",
    )
    assert _values(got) == [
        ("Reference formulation", "AUC0-t (ng·h/mL)", "mean", 1188.0),
        ("Reference formulation", "Cmax (ng/mL)", "mean", 148.9),
        ("Test formulation", "AUC0-t (ng·h/mL)", "mean", 1203.0),
        ("Test formulation", "Cmax (ng/mL)", "mean", 152.3),
    ]
    assert {o.dispersion.kind for _r, o, _l in got} == {"sd"}


def test_lettered_products_head_their_rows():
    got = read(
        [
            ["Parameter", "Mean", "CV%"],
            ["Product A (R)", "", ""],
            ["Cmax (µg/mL)", "4.81", "21.4"],
            ["Product B (T)", "", ""],
            ["Cmax (µg/mL)", "4.66", "23.0"],
        ],
        "Table 2. Pharmacokinetic parameters in the healthy volunteers",
    )
    assert _values(got) == [
        ("Product A (R)", "Cmax (µg/mL)", "mean", 4.81),
        ("Product B (T)", "Cmax (µg/mL)", "mean", 4.66),
    ]


def test_groups_heading_rows_beside_one_statistic_column():
    got = read(
        [
            ["Variable", "Mean ± SD"],
            ["Group A", ""],
            ["Pain score (VAS) at week 8", "3.2 ± 1.1"],
            ["Disability index at week 8", "28.4 ± 7.9"],
            ["Group B", ""],
            ["Pain score (VAS) at week 8", "4.5 ± 1.2"],
            ["Disability index at week 8", "35.1 ± 8.0"],
        ],
        "Table 2. Outcomes of the two groups",
    )
    assert _values(got) == [
        ("Group A", "Disability index at week 8", "mean", 28.4),
        ("Group A", "Pain score (VAS) at week 8", "mean", 3.2),
        ("Group B", "Disability index at week 8", "mean", 35.1),
        ("Group B", "Pain score (VAS) at week 8", "mean", 4.5),
    ]


def test_one_group_under_statistic_columns_gives_no_arm():
    # one heading row only: no blocks of two arms, nothing is given to it
    got = read(
        [
            ["Parameter", "Mean", "SD"],
            ["Test formulation", "", ""],
            ["Cmax (ng/mL)", "152.3", "40.1"],
        ],
        "Table 3. Pharmacokinetic parameters after a single dose",
    )
    assert all(label != "Test formulation" for _r, _o, label in got)


def test_a_heading_that_describes_the_product_after_a_colon():
    got = read(
        [
            ["PK parameters", "Median", "Minimum", "Maximum"],
            ["Test formulation: drug X 10 mg film-coated tablets (lot 44), fasting", "", "", ""],
            ["Tmax (h)", "1.50", "0.75", "3.00"],
            ["Reference formulation: brand X 10 mg tablets (lot 7), fasting", "", "", ""],
            ["Tmax (h)", "1.75", "1.00", "4.00"],
        ],
        "Table 2. Pharmacokinetic parameters of the two formulations",
    )
    assert _values(got) == [
        ("Reference formulation", "Tmax (h)", "median", 1.75),
        ("Test formulation", "Tmax (h)", "median", 1.5),
    ]

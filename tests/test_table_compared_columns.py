"""Columns comparing the arms, or printing a comparison's p, whatever their label
starts with: "Drug vs placebo p value", "High-flow versus CPAP", "Exercise- Control
(SE)", "Treatment effect (95% CI)", "Arm A p1", "p2", "P interaction", "P∥". Their
cells are no arm's values. Written here in cardiology, neonatal, rehabilitation and
dermatology house styles; an arm whose letter is P ("Needle P") stays an arm."""

from table_helpers import arms, read


def test_a_p_value_column_named_for_the_comparison_gives_no_arm():
    got = arms(
        [
            ["Outcome at 6 months", "Eplerenone (n = 88)", "Usual care (n = 90)",
             "Eplerenone vs usual care p value"],
            ["LVEF (%)", "41.2 (6.3)", "38.0 (7.1)", "0.02"],
            ["NT-proBNP (pg/ml)", "812 (240)", "990 (310)", "0.004"],
        ],
        "Table 3. Echocardiographic outcomes, mean (SD)",
    )  # fmt: skip
    assert got == {"Eplerenone", "Usual care"}


def test_a_column_of_one_arm_versus_the_other_gives_no_arm():
    got = arms(
        [
            ["Measure, median (IQR)", "CPAP", "High-flow", "High-flow versus CPAP", "P"],
            ["FiO2 at 24 h (%)", "30 (25–35)", "27 (24–31)", "−3 (−5 to −1)", "0.01"],
            ["Apnoeas per day", "4 (2–7)", "3 (1–5)", "−1 (−2 to 0)", "0.20"],
        ],
        "Table 2. Respiratory outcomes in the first week",
    )  # fmt: skip
    assert got == {"CPAP", "High-flow"}


def test_a_difference_printed_as_one_arm_minus_the_other_gives_no_arm():
    got = arms(
        [
            ["Score", "Exercise", "Control", "Exercise- Control"],
            ["Berg balance", "48.1 (5.2)", "44.9 (6.0)", "3.2 (1.1)"],
            ["Gait speed (m/s)", "1.02 (0.21)", "0.91 (0.25)", "0.11 (0.04)"],
        ],
        "Table 3. Balance and gait after the programme, mean (SD)",
    )  # fmt: skip
    assert got == {"Exercise", "Control"}


def test_a_treatment_effect_column_gives_no_arm():
    got = arms(
        [
            ["", "Emollient (n = 60)", "No emollient (n = 58)", "Treatment effect"],
            ["Clear or almost clear skin, %", "62.0", "48.5", "13.5"],
            ["Daily itch, %", "21.7", "34.5", "12.8"],
        ],
        "Table 2. Secondary outcomes at 12 months",
    )  # fmt: skip
    assert got == {"Emollient", "No emollient"}


def test_numbered_and_interaction_p_columns_give_no_arm():
    rows = [
        ["Variable, mean (SD)", "Arm A", "Arm A p1", "Arm B", "Arm B p1", "p2", "P interaction"],
        ["Pain (VAS)", "3.1 (1.2)", "0.03", "4.0 (1.5)", "0.41", "0.02", "0.30"],
        ["Grip strength (kg)", "22.4 (5.0)", "0.12", "20.9 (4.8)", "0.55", "0.31", "0.62"],
    ]
    assert arms(rows, "Table 4. Outcomes after 8 weeks") == {"Arm A", "Arm B"}


def test_a_p_column_with_a_parallel_mark_gives_no_arm_beside_arms_lettered_p():
    got = read(
        [
            ["Force (N)", "Needle P", "Needle Q", "P∥"],
            ["Insertion", "1.8 (0.2)", "2.4 (0.3)", "0.001"],
            ["Removal", "0.9 (0.1)", "1.1 (0.2)", "0.04"],
        ],
        "Table 1. Results of the force tests of needles P and Q, mean (SD)",
    )  # fmt: skip
    assert {(label, o.value) for _r, o, label in got if not o.comparator} == {
        ("Needle P", 1.8),
        ("Needle Q", 2.4),
        ("Needle P", 0.9),
        ("Needle Q", 1.1),
    }

"""Column labels that are not the trial's arms: the categories of one answer or
trait ("Never | Sometimes | Often", "Agree | Disagree", "Tasted | Not tasted",
"Left | Right", "Mild | Moderate | Severe"), a measure's name with its unit
("Height (cm)"), a decimal number printed in the head. Their cells are no
arm's values. Tables written in survey, sports-science, dermatology and
paediatric-growth house styles; arms named only by a product or a code keep
their values."""

from table_helpers import arms, read

from litkg.extractor.components.unkeyed_tables import _label_kind


def test_an_answer_scale_is_no_arm():
    got = read(
        [
            ["Item", "Never, n (%)", "Sometimes, n (%)", "Often, n (%)"],
            ["I read food labels", "12 (20.0)", "30 (50.0)", "18 (30.0)"],
            ["I skip breakfast", "25 (41.7)", "20 (33.3)", "15 (25.0)"],
        ],
        "Table 3. Outcomes: eating habits at 12 weeks",
    )
    assert got == []


def test_agreement_with_a_total_column_is_no_arm():
    assert (
        arms(
            [
                ["Statement", "Strongly agree", "Agree", "Disagree", "Total"],
                ["The sessions were useful", "40 (44%)", "35 (39%)", "15 (17%)", "90"],
                ["I would recommend them", "38 (42%)", "40 (44%)", "12 (13%)", "90"],
            ],
            "Table 4. Outcomes of the workshop at 6 months",
        )
        == set()
    )


def test_a_category_beside_its_negation_is_no_arm():
    assert (
        arms(
            [
                ["Outcome", "Tasted", "Not tasted", "P"],
                ["Liking score", "6.2 ± 1.1", "4.9 ± 1.4", "0.01"],
                ["Intake (g)", "152 ± 40", "98 ± 35", "<0.001"],
            ],
            "Table 2. Outcomes at 12 weeks: liking and intake of the test vegetable",
        )
        == set()
    )


def test_sides_under_a_shared_heading_are_no_arms():
    assert (
        arms(
            [
                ["Variable", "Limb Left (cm)", "Limb Right (cm)"],
                ["Thigh girth after training", "52.1 ± 3.0", "52.6 ± 3.2"],
                ["Calf girth after training", "36.0 ± 2.1", "36.3 ± 2.0"],
            ],
            "Table 3. Girths of the trained limbs after six weeks",
        )
        == set()
    )


def test_severity_categories_with_a_shared_measure_are_no_arms():
    assert (
        arms(
            [
                ["Parameter", "Mild itch", "Moderate itch", "Severe itch", "p"],
                ["Sleep loss (h/night)", "0.5 ± 0.3", "1.2 ± 0.6", "2.4 ± 0.9", "<0.001"],
                ["DLQI score after treatment", "4.1 ± 2.0", "8.3 ± 3.1", "14.2 ± 4.4", "<0.001"],
            ],
            "Table 4. Quality of life after treatment by itch severity",
        )
        == set()
    )


def test_arms_named_by_product_or_code_keep_their_values():
    assert arms(
        [
            ["Measure", "AquaPlus", "Isotonic Mix", "Tap water"],
            ["Urine volume after 2 h (ml)", "450 ± 120", "380 ± 110", "620 ± 150"],
            ["Net fluid balance after 2 h (ml)", "-210 ± 90", "-150 ± 80", "-390 ± 120"],
        ],
        "Table 2. Fluid balance after rehydration",
    ) == {"AquaPlus", "Isotonic Mix", "Tap water"}
    assert arms(
        [
            ["Outcome", "HU", "CU", "p"],
            ["Length of stay, days", "3.1 ± 1.2", "4.0 ± 1.5", "0.02"],
            ["Breastfeeding at discharge", "80 (88.9)", "70 (77.8)", "0.04"],
        ],
        "Table 3. Outcomes by unit of care",
    ) == {"HU", "CU"}


def test_a_negation_pair_that_names_the_papers_arms_is_kept():
    # a paper whose arms are called so (a smoking-cessation call offered or not)
    got = arms(
        [
            ["Outcome at 6 months", "Call", "No call"],
            ["Abstinent, n (%)", "30 (25.0)", "18 (15.0)"],
        ],
        "Table 2. Abstinence by allocation to the call",
        is_arm=lambda label: label in ("Call", "No call"),
    )
    assert got == {"Call", "No call"}


def test_measures_with_units_and_numbers_are_no_arm_labels():
    for label in ("Height (cm)", "Weight (kg)", "Lactate (mmol/l)", "Rotation (°)", ".04", "0.31"):
        assert _label_kind(label) == "none", label
    for label in ("Placebo (n=20)", "Vitamin D (1000 IU)", "Aspirin (%)", "Drug all (97/214)"):
        assert _label_kind(label) == "arm", label


def test_growth_measures_as_columns_are_no_arms():
    assert arms(
        [
            ["Age", "Weight (kg)", "Length (cm)"],
            ["3 months", "6.1 ± 0.7", "61.2 ± 2.1"],
            ["6 months", "7.8 ± 0.8", "67.5 ± 2.3"],
        ],
        "Table 3. Growth of the infants during follow-up",
    ) <= {None}


def test_a_treatment_given_or_not_is_two_arms():
    assert arms(
        [
            ["Outcome", "Splint (n=30)", "No splint (n=29)", "p"],
            ["Grip strength after 6 weeks (kg)", "21.4 ± 5.2", "18.9 ± 5.6", "0.08"],
        ],
        "Table 2. Outcomes at 6 weeks",
    ) == {"Splint", "No splint"}

"""Column heads printed where arms' names stand that name no group of the
trial: a measure ("Corneal thickness", "Healing rate"), a test's or a
comparison's column ("t/χ2", "Gel vs. placebo"), an answer's category
standing alone ("Agree", "Not vaccinated"), a grand mean. Their cells give
no per-arm value; heads that name a product, a drug, a group, or an arm the
paper names keep theirs. Tables written in ophthalmology, wound-care,
vaccination-survey, sports-physiology and dental house styles."""

from table_helpers import arms

from litkg.extractor.components.column_heads import is_measure_head, names_no_group


def test_measures_as_columns_over_treatment_rows_are_no_arms():
    got = arms(
        [
            ["Eye drop", "Corneal thickness", "Endothelial density"],
            ["Drop A", "541 ± 30", "2710 ± 240"],
            ["Drop B", "538 ± 28", "2690 ± 255"],
        ],
        "Table 3. Outcomes after 3 months of treatment",
    )
    assert not got & {"Corneal thickness", "Endothelial density"}


def test_an_event_share_is_a_measure_but_a_share_under_an_arm_is_its_statistic():
    assert is_measure_head("Healing rate")
    assert is_measure_head("Wound closure, mean (SD)") is False
    assert not is_measure_head("Foam dressing Rate")  # "Foam dressing" over "Rate"
    got = arms(
        [
            ["Ulcer site", "Foam dressing", "Foam dressing", "Gauze", "Gauze"],
            ["", "Healed/n", "Proportion", "Healed/n", "Proportion"],
            ["Heel", "12/20", "0.60", "8/20", "0.40"],
        ],
        "Table 2. Healing outcomes at 12 weeks",
        header_rows=2,
    )
    assert {"Foam dressing Proportion", "Gauze Proportion"} <= got


def test_an_answer_category_alone_is_no_arm_beside_other_heads():
    got = arms(
        [
            ["Statement", "Agree", "Could not decide (proxy answered)", "Total"],
            ["The reminder letter was clear", "61 (70%)", "26 (30%)", "87"],
        ],
        "Table 4. Results of the follow-up survey",
    )
    assert "Agree" not in got
    got = arms(
        [
            ["Outcome", "Not vaccinated", "Vaccinated by week 8"],
            ["Clinic visits, mean (SD)", "2.1 (1.0)", "3.4 (1.2)"],
        ],
        "Table 3. Outcomes at week 8",
    )
    assert "Not vaccinated" not in got


def test_test_and_comparison_columns_are_no_arms():
    got = arms(
        [
            ["", "Cream", "Cream", "Vehicle", "Vehicle", "Cream vs. vehicle"],
            ["", "Baseline", "Week 6", "Baseline", "Week 6", "LS mean (SE)"],
            ["Itch score", "6.1 (0.3)", "2.2 (0.3)", "6.0 (0.3)", "4.1 (0.3)", "-1.9 (0.4)"],
        ],
        "Table 2. Outcomes",
        header_rows=2,
    )
    assert not any("vs." in label for label in got if label)
    got = arms(
        [
            ["Measure", "Ointment group", "Placebo", "Ointment vs. placebo", "t/χ2"],
            ["Itch score", "2.1 ± 0.8", "3.9 ± 1.1", "-1.8", "4.12"],
            ["Lesion area", "4.0 ± 1.5", "6.2 ± 2.0", "-2.2", "3.30"],
        ],
        "Table 2. Outcomes after 4 weeks",
    )
    assert got == {"Ointment group", "Placebo"}
    assert names_no_group("p Values for group effect") and names_no_group("t/χ²")
    assert names_no_group("Partial cη²") and not names_no_group("Omega-3")  # "c": a note mark


def test_a_grand_mean_over_visits_is_no_arm():
    got = arms(
        [
            ["", "Session 1", "Session 2", "Session 3", "Grand mean"],
            ["Lactate", "4.1 ± 0.5", "4.3 ± 0.6", "4.0 ± 0.4", "4.1 ± 0.3"],
        ],
        "Table 2. Responses to the sprint protocol over the sessions",
    )
    assert "Grand" not in got and "Grand mean" not in got
    assert names_no_group("Grand") and names_no_group("Sum")


def test_products_drugs_and_named_arms_keep_their_values():
    got = arms(
        [
            ["Outcome", "Ketamine", "Midazolam"],
            ["Sedation score at 30 min", "3.1 ± 0.6", "2.4 ± 0.7"],
        ],
        "Table 2. Outcomes of sedation",
    )
    assert got == {"Ketamine", "Midazolam"}
    got = arms(
        [
            ["Variable", "Barefoot", "Mobility shoe"],
            ["Knee adduction moment", "0.41 ± 0.1", "0.36 ± 0.1"],
        ],
        "Table 2. Gait outcomes",
    )
    assert got == {"Barefoot", "Mobility shoe"}
    # a head that reads as a measure but names one of the paper's arms
    assert not names_no_group("Pressure", is_arm=lambda label: label == "Pressure")
    assert names_no_group("Pressure")

"""Results outside the endpoint keys, on sentences in cardiology, psychiatry,
nutrition and smoking-cessation house styles."""

from litkg.extractor.components.outcomes import find_outcomes
from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str):
    return [
        (m.outcome.statistic, m.outcome.value, m.outcome.name) for m in unkeyed_from_sentence(sent)
    ]


def test_mean_with_plus_minus_is_a_mean_with_its_dispersion():
    (m,) = unkeyed_from_sentence("Mean systolic blood pressure was 128.4 ± 11.2 mmHg at 12 weeks.")
    o = m.outcome
    assert (o.statistic, o.value, o.name) == ("mean", 128.4, "systolic blood pressure")
    assert (
        o.dispersion is not None and o.dispersion.kind == "unknown" and o.dispersion.value == 11.2
    )
    assert o.ci is None


def test_count_with_predicate_names_the_result():
    got = unkeyed_from_sentence("Forty-one women (34%) quit smoking by the end of pregnancy.")
    assert [(m.outcome.statistic, m.outcome.value) for m in got] == [("rate", 34.0)]
    assert got[0].outcome.name.startswith("quit smoking")


def test_events_and_total_from_n_of_n():
    (m,) = unkeyed_from_sentence(
        "Relapse of depression occurred in 12 of 40 (30%) patients given lithium."
    )
    assert (m.outcome.events, m.outcome.total) == (12, 40) or m.outcome.value == 30.0


def test_odds_ratio_with_ci_and_p_is_a_comparison():
    (m,) = unkeyed_from_sentence(
        "Exclusive breastfeeding was more frequent with peer support (odds ratio 1.9, 95% CI 1.2 to 3.1; p=0.004)."
    )
    o = m.outcome
    assert (o.statistic, o.value, o.ci, o.p, o.comparator) == (
        "or",
        1.9,
        (1.2, 3.1),
        0.004,
        "control",
    )


def test_two_arms_in_one_clause_share_the_name_and_the_p():
    got = unkeyed_from_sentence(
        "The mean HAM-D score fell to 10.2 (SD 4.1) in the sertraline group and to 13.5 (SD 5.0) in the placebo group (p = 0.02)."
    )
    assert [(m.outcome.value, m.arm_label) for m in got] == [
        (10.2, "sertraline"),
        (13.5, "placebo"),
    ]
    assert all(m.outcome.p == 0.02 and m.outcome.statistic == "mean" for m in got)


def test_baseline_eligibility_and_sample_size_are_not_results():
    assert _read("At baseline, mean LDL cholesterol was 3.4 ± 0.9 mmol/L.") == []
    assert (
        _read("A sample size of 200 gives 80% power to detect a 15% difference in remission.") == []
    )
    assert _read("In all, 412 participants (88%) were randomised.") == []
    assert _read("Mean age was 61.2 ± 8.4 years and 54% were women.") == []


def test_an_unnamed_number_is_left_out():
    assert _read("This was 14.2 ± 2.0 in total.") == []


def test_site_limited_survival_is_not_the_general_key():
    got = find_outcomes("Median locoregional progression-free survival was 14.1 months.")
    assert [(o.endpoint, o.value, o.extra["name"]) for o in got] == [
        ("OTHER", 14.1, "locoregional progression-free survival")
    ]


def test_stable_disease_stops_a_value_going_to_the_response_before_it():
    got = find_outcomes("Nine men (18%) had a partial response and 20 (40%) had stable disease.")
    assert {(o.endpoint, o.value) for o in got} == {("PR", 18.0), ("OTHER", 40.0)}


def test_subject_before_a_count_with_its_percentage():
    got = unkeyed_from_sentence(
        "The number of children with a clear chest radiograph was 212 (71%) of 300 in the zinc group."
    )
    assert [(m.outcome.statistic, m.outcome.value) for m in got] == [("rate", 71.0)]
    assert "clear chest radiograph" in got[0].outcome.name


def test_started_is_a_result_predicate():
    got = unkeyed_from_sentence("Ninety patients (92%) started the exercise programme.")
    assert [(m.outcome.value, m.outcome.name) for m in got] == [
        (92.0, "started the exercise programme")
    ]


def test_median_with_the_arm_in_parentheses_before_the_shared_unit():
    got = find_outcomes(
        "Median time to progression was 4.1 (placebo) and 6.3 (dapagliflozin) months."
    )
    assert sorted(o.value for o in got if o.statistic == "median") == [4.1, 6.3]


def test_controls_without_the_word_group_are_a_group():
    got = unkeyed_from_sentence(
        "Serum ferritin was 31.0 ± 9.2 µg/L in the iron group versus 18.4 ± 7.7 µg/L in controls."
    )
    assert [(m.outcome.value, m.arm_label) for m in got] == [(31.0, "iron"), (18.4, "controls")]


def test_from_to_gives_the_value_after_for_each_group():
    got = unkeyed_from_sentence(
        "Mean diastolic pressure fell from 96 to 84 mmHg in the telmisartan group and from 95 "
        "to 91 mmHg in the placebo group."
    )
    assert [(m.outcome.statistic, m.outcome.value, m.arm_label) for m in got] == [
        ("mean", 84.0, "telmisartan"),
        ("mean", 91.0, "placebo"),
    ]


def test_a_percentage_measure_from_to_is_a_mean_and_its_baseline():
    got = unkeyed_from_sentence("The mean HbA1c fell from 8.4% to 7.1% in the exenatide arm.")
    assert [(m.outcome.statistic, m.outcome.value, m.outcome.timepoint_months) for m in got] == [
        ("mean", 8.4, 0.0),
        ("mean", 7.1, None),
    ]
    assert {m.arm_label for m in got} == {"exenatide"}


def test_values_in_a_parenthesis_take_the_groups_named_before_it_in_order():
    got = unkeyed_from_sentence(
        "Fatigue scores were lower in group B than in group A (3.3 ± 1.4 vs 4.9 ± 1.8, P < 0.01)."
    )
    assert [(m.outcome.name, m.outcome.value, m.arm_label) for m in got] == [
        ("Fatigue scores", 3.3, "group B"),
        ("Fatigue scores", 4.9, "group A"),
    ]
    assert got[0].outcome.p == 0.01


def test_a_difference_opening_a_parenthesis_is_named_by_its_clause():
    (m,) = unkeyed_from_sentence(
        "Depression (PHQ-9) improved more with behavioural activation than with usual care "
        "(mean difference −1.8 points, 95% CI −3.0 to −0.6; P = 0.004)."
    )
    o = m.outcome
    assert (o.name, o.statistic, o.value, o.ci, o.p) == (
        "Depression (PHQ-9)",
        "difference",
        -1.8,
        (-3.0, -0.6),
        0.004,
    )


def test_an_earlier_count_shares_the_predicate_its_partner_names():
    got = unkeyed_from_sentence(
        "By 6 months, 44 of 150 women (29%) in the text-message group and 27 of 148 (18%) in the "
        "leaflet group had quit smoking."
    )
    assert [(m.outcome.value, m.arm_label) for m in got] == [
        (29.0, "text-message"),
        (18.0, "leaflet"),
    ]
    assert {m.outcome.name for m in got} == {"had quit smoking"}


def test_patients_older_in_one_group_is_not_a_result():
    got = unkeyed_from_sentence(
        "Patients in group A were older than in group B (64.2 ± 7.1 vs 59.9 ± 8.0 years)."
    )
    assert got == []


def test_a_clause_about_a_group_is_not_a_name():
    got = unkeyed_from_sentence(
        "After adjustment, the yoga group had a mean fatigue score that was 4.1 points lower "
        "than the waiting-list group."
    )
    assert all(not m.outcome.name.endswith("that") for m in got)
    assert all("group had" not in m.outcome.name for m in got)


def test_a_preparations_strength_is_not_a_result():
    assert (
        unkeyed_from_sentence(
            "Wounds were irrigated with 0.9% saline in the control group and with 0.05% "
            "chlorhexidine in the intervention group."
        )
        == []
    )
    assert (
        unkeyed_from_sentence("Sensory block was longer after adding of 2% lidocaine (P = 0.03).")
        == []
    )
    assert (
        unkeyed_from_sentence("Itch scores fell after application of 1% hydrocortisone cream.")
        == []
    )
    got = unkeyed_from_sentence(
        "Pain on injection occurred in 12% of the propofol group after pretreatment with 2% lidocaine."
    )
    assert [m.outcome.value for m in got] == [12.0]


def test_capitalised_group_letter_names_the_arm():
    got = unkeyed_from_sentence(
        "Postoperative shivering occurred in 41.2% (14/34) in Group B and 12.5% (4/32) in Group D."
    )
    assert [(m.outcome.value, m.arm_label, m.outcome.events) for m in got] == [
        (41.2, "Group B", 14),
        (12.5, "Group D", 4),
    ]


def test_difference_in_a_measure_names_the_measure_not_the_difference():
    got = unkeyed_from_sentence(
        "There was no significant difference in operative time between the two techniques "
        "(52 ± 9 min and 55 ± 11 min, respectively)."
    )
    assert [(m.outcome.name, m.outcome.statistic, m.outcome.value) for m in got] == [
        ("operative time", "mean", 52.0),
        ("operative time", "mean", 55.0),
    ]


def test_measure_that_did_not_differ_names_its_parenthesised_values():
    got = unkeyed_from_sentence(
        "Serum ferritin did not differ between arms (88.0 ± 20.5 vs 91.3 ± 18.2 ng/mL; p = 0.41)."
    )
    assert [(m.outcome.name, m.outcome.value) for m in got] == [
        ("Serum ferritin", 88.0),
        ("Serum ferritin", 91.3),
    ]


def test_a_clause_is_not_a_group_label():
    got = unkeyed_from_sentence(
        "No difference in hospital stay was seen between groups 1 and 2 (6.1 ± 2.0 d and 5.8 ± 1.7 d, respectively)."
    )
    assert [(m.outcome.name, m.arm_label) for m in got] == [
        ("hospital stay", "arm 1"),
        ("hospital stay", "arm 2"),
    ]


def test_a_list_of_toxicities_is_not_an_outcome_but_a_dose_reduction_is():
    assert (
        unkeyed_from_sentence(
            "The most frequent grade 3 toxicities were mucositis (22.0% in group A and 30.5% in group B)."
        )
        == []
    )
    got = unkeyed_from_sentence(
        "Dose reduction due to adverse events was required in 18% of patients in group A."
    )
    assert [(m.outcome.value, m.arm_label) for m in got] == [(18.0, "group A")]


def test_role_words_alone_and_groups_named_before_their_values():
    got = unkeyed_from_sentence(
        "Mean recovery time was 41 ± 9 min for the intervention and 52 ± 11 min for the control at discharge."
    )
    assert [(m.outcome.value, m.arm_label) for m in got] == [
        (41.0, "intervention"),
        (52.0, "control"),
    ]
    got = unkeyed_from_sentence(
        "In arm 1, relapse occurred in 12%, in arm 2 in 19%, and in arm 3 in 25%."
    )
    assert [(m.outcome.value, m.arm_label) for m in got] == [
        (12.0, "arm 1"),
        (19.0, "arm 2"),
        (25.0, "arm 3"),
    ]


def test_labels_inside_a_coordinated_group_phrase():
    got = unkeyed_from_sentence(
        "At 12 weeks the walking distance differed between the cycling (412 ± 60 m) and the "
        "swimming (388 ± 71 m) groups (P = 0.03)."
    )
    assert [(m.outcome.value, m.arm_label) for m in got] == [
        (412.0, "cycling"),
        (388.0, "swimming"),
    ]


def test_clause_pieces_are_not_names():
    for sent in (
        "Adverse events were similar between the two groups, except for more falls in the walking group (12% vs 4%).",
        "Headache was frequent, with the exception of any grade of nausea (44% vs 20%).",
    ):
        assert [m.outcome.name for m in unkeyed_from_sentence(sent)] == [], sent


def test_the_group_is_the_last_phrase_before_group_and_a_taken_cue_is_not_reused():
    got = unkeyed_from_sentence(
        "By 6 months, 52 (41%) of 127 women in the text-message group had quit, "
        "compared with 30 (24%) of 125 women in the leaflet group."
    )
    assert (got[0].outcome.value, got[0].arm_label) == (41.0, "text-message")
    got = unkeyed_from_sentence("Median hospital stay was 4.2 (sham) and 3.1 (acupuncture) days.")
    assert [(m.outcome.value, m.arm_label) for m in got][:1] == [(4.2, "sham")]
    assert all(m.arm_label != "sham" for m in got[1:])


# --------------------------------------------------------------------------- groups listed, compared, labelled


def _arms(sent: str):
    return [(m.outcome.name, m.outcome.value, m.arm_label) for m in unkeyed_from_sentence(sent)]


def test_respectively_zips_values_with_a_list_of_crossover_trials():
    sent = "Sprint times did not differ between the CAF and PLA trials (12.4 ± 0.6 and 12.6 ± 0.7 s, respectively)."
    assert [(v, arm) for _, v, arm in _arms(sent)] == [(12.4, "CAF"), (12.6, "PLA")]


def test_respectively_zips_values_with_three_groups_named_before_a_plural_group_word():
    sent = "Weight loss was 2.1%, 3.4% and 0.5% in the low-dose, high-dose and placebo groups, respectively."
    assert [(v, arm) for _, v, arm in _arms(sent)] == [
        (2.1, "low-dose"),
        (3.4, "high-dose"),
        (0.5, "placebo"),
    ]


def test_a_list_of_measures_is_no_list_of_groups():
    sent = "Serum sodium and potassium were 139.2 ± 2.1 and 4.1 ± 0.3 mmol/L, respectively."
    assert all(arm is None for _, _, arm in _arms(sent))


def test_groups_compared_by_their_strength_take_the_values_of_the_parenthesis():
    sent = (
        "Healing was faster with 10% povidone than 5% povidone "
        "(epithelialisation: 9.1 ± 2.2 and 12.5 ± 3.0 days, respectively)."
    )
    got = _arms(sent)
    assert [(v, arm) for _, v, arm in got] == [(9.1, "10% povidone"), (12.5, "5% povidone")]
    assert {name for name, _, _ in got} == {"epithelialisation"}  # the strengths are no rates


def test_than_that_with_names_the_second_group_and_the_strength_leaves_the_name():
    sent = (
        "Operating time with 20 mg tranexamic acid was shorter than that with 10 mg "
        "(54 ± 12 min vs. 61 ± 15 min)."
    )
    assert _arms(sent) == [
        ("Operating time", 54.0, "20 mg tranexamic acid"),
        ("Operating time", 61.0, "10 mg"),
    ]


def test_people_compared_are_no_groups():
    sent = "Grip strength was higher in men than women (38.2 ± 6.1 vs 24.9 ± 4.4 kg)."
    assert all(arm is None for _, _, arm in _arms(sent))


def test_groups_labelling_the_values_of_a_parenthesis_after_the_name():
    sent = (
        "Abstinence at 6 months (intervention arm, 21.4 %; usual care, 12.0 %) and 12 months "
        "(intervention arm: 18.0 %, usual care: 10.2 %) favoured the programme."
    )
    assert _arms(sent) == [
        ("Abstinence", 21.4, "intervention"),
        ("Abstinence", 12.0, "usual care"),
        ("Abstinence", 18.0, "intervention"),
        ("Abstinence", 10.2, "usual care"),
    ]


def test_decimals_without_a_unit_are_a_group_s_values_when_the_group_is_named():
    sent = "In the tai chi group, the mean fatigue score fell from 6.42 to 3.18 whereas in the stretching group from 6.10 to 5.05."
    got = unkeyed_from_sentence(sent)
    assert [(m.outcome.value, m.arm_label, m.outcome.timepoint) for m in got] == [
        (6.42, "tai chi", "baseline"),
        (3.18, "tai chi", None),
        (6.10, "stretching", "baseline"),
        (5.05, "stretching", None),
    ]
    assert {(m.outcome.name, m.outcome.statistic) for m in got} == {("fatigue score", "mean")}


def test_a_decimal_followed_by_its_group_is_that_group_s_mean():
    sent = "The mean Epworth score was 7.3 in the CPAP arm and 10.9 in the sham arm."
    assert _arms(sent) == [("Epworth score", 7.3, "CPAP"), ("Epworth score", 10.9, "sham")]


def test_decimals_nobody_is_named_for_or_stated_as_a_statistic_are_no_values():
    assert unkeyed_from_sentence("The fatigue score fell from 6.42 to 3.18 over the year.") == []
    assert unkeyed_from_sentence("Scores were 7.3 in the CPAP arm and 10.9 in the sham arm.") == []
    assert unkeyed_from_sentence("Correlation was r = 0.42 in the CPAP arm.") == []


def test_a_value_for_every_group_names_no_group():
    got = unkeyed_from_sentence("The median stay was 4.5 days in both treatment groups.")
    assert all(m.arm_label is None for m in got)


def test_a_spread_in_brackets_after_the_value_and_the_group_between_name_and_verb():
    sent = (
        "The mean change (±SD) in HbA1c over 12 weeks for the sitagliptin group was "
        "−0.71 (±0.52), and for the placebo group it was −0.12 (±0.49)."
    )
    got = unkeyed_from_sentence(sent)
    assert [(m.outcome.value, m.arm_label) for m in got] == [
        (-0.71, "sitagliptin"),
        (-0.12, "placebo"),
    ]
    assert [m.outcome.dispersion.value for m in got] == [0.52, 0.49]
    assert all(m.outcome.name == "HbA1c" for m in got)


def test_rates_of_the_treatment_and_of_the_control_group():
    sent = "Headache recurrence occurred in 21% of treatment and 34% of the control group within 48 hours."
    assert [(v, arm) for _, v, arm in _arms(sent)] == [(21.0, "treatment"), (34.0, "control")]


def test_the_measure_before_its_group_and_the_value_in_parentheses_then_than_the_other():
    sent = (
        "After surgery, with the drain output in the suction group (120 ± 35 mL) "
        "significantly greater than in the gravity group (85 ± 30 mL)."
    )
    assert _arms(sent) == [("drain output", 120.0, "suction"), ("drain output", 85.0, "gravity")]


def test_treatment_groups_together_name_no_group():
    sent = "Pain did not differ between treatment groups (3.1 ± 1.2 vs 3.3 ± 1.0)."
    assert all(arm is None for _, _, arm in _arms(sent))


def test_a_median_printed_with_a_spread_is_a_median():
    sent = "The median hospital stay was 9 (±3) days in the laparoscopic group and 12 (±4) days in the open group."
    got = unkeyed_from_sentence(sent)
    assert [(m.outcome.statistic, m.outcome.value, m.arm_label) for m in got] == [
        ("median", 9.0, "laparoscopic"),
        ("median", 12.0, "open"),
    ]

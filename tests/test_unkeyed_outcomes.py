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

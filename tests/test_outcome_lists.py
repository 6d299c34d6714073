"""Outcome lists that share a unit, a ratio or an endpoint, and endpoints named
in asides, in sentences written for these tests (not taken from any paper).

Every expected value below was read off the sentence by hand.
"""

from __future__ import annotations

import pytest

from litkg.extractor.components.outcomes import find_outcomes
from litkg.extractor.mentions import values


def _read(sent: str) -> list[tuple]:
    return [(o.endpoint, o.statistic, o.value, o.timepoint_months) for o in find_outcomes(sent)]


def test_first_rate_of_a_pair_shares_the_percent_sign() -> None:
    sent = "Two-year event-free survival did not differ (58.2 vs. 61.0%; P = 0.44)."
    assert _read(sent) == [("EFS", "rate", 58.2, 24), ("EFS", "rate", 61.0, 24)]


def test_shared_percent_sign_with_and() -> None:
    sent = "Disease control was achieved in 71 and 55% of the two cohorts, respectively."
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [("DCR", 71), ("DCR", 55)]


@pytest.mark.parametrize(
    ("sent", "rates"),
    [
        ("Toxicity of grade 3 and 4% of grade 4 was seen.", [4.0]),
        ("Doses between 10 and 20% below target were allowed.", [20.0]),
    ],
)
def test_a_bare_number_is_not_a_rate_after_grade_or_between(sent: str, rates: list) -> None:
    assert [v.value for v in values(sent) if v.vkind == "pct"] == rates


def test_one_endpoint_before_an_arm_list_with_respectively() -> None:
    sent = (
        "Objective response in the nivolumab and docetaxel arms was 19.2% and 12.4%, respectively."
    )
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [("ORR", 19.2), ("ORR", 12.4)]


def test_group_list_before_the_endpoint_with_respectively() -> None:
    sent = (
        "No difference was seen between the younger and older groups in 1-year "
        "overall survival (83% and 79%, respectively)."
    )
    assert _read(sent) == [("OS", "rate", 83, 12), ("OS", "rate", 79, 12)]


def test_respectively_over_measures_still_pairs_items() -> None:
    # the first item is another measure (not an endpoint): the endpoint takes the second value
    sent = (
        "The rates of grade 3 stomatitis and grade II-IV acute GVHD were 12% and 27%, respectively."
    )
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [("AGVHD_2_4", 27)]


def test_second_hazard_ratio_of_a_list() -> None:
    sent = (
        "For disease-free survival the crude HR was 0.81 [95% CI 0.66-0.99; p = 0.04] "
        "and 0.79 [95% CI 0.64-0.97; p = 0.03] after adjustment for centre."
    )
    out = find_outcomes(sent)
    assert [(o.endpoint, o.statistic, o.value, o.ci) for o in out] == [
        ("DFS", "hr", 0.81, (0.66, 0.99)),
        ("DFS", "hr", 0.79, (0.64, 0.97)),
    ]


def test_plural_ratio_label_and_ci_label() -> None:
    sent = "Progression-free survival favoured the combination, with HRs (95% CIs) of 0.70 (0.52-0.94)."
    out = find_outcomes(sent)
    assert [(o.endpoint, o.statistic, o.value) for o in out] == [("PFS", "hr", 0.70)]


def test_ci_label_is_not_a_rate() -> None:
    sent = "Response rates (95% CIs) were 40% (28% to 53%) with the combination."
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [("ORR", 40)]


def test_hazard_ratio_for_death() -> None:
    sent = "Median overall survival was 14.1 versus 11.8 months (hazard ratio for death, 0.77; 95% CI, 0.61-0.97)."
    out = find_outcomes(sent)
    assert ("OS", "hr", 0.77) in [(o.endpoint, o.statistic, o.value) for o in out]


def test_endpoint_in_parentheses_does_not_take_the_value_after_them() -> None:
    sent = "The objective response rate (complete plus partial response) was 46%."
    assert _read(sent) == [("ORR", "rate", 46, None)]


def test_endpoint_in_a_defining_clause_does_not_take_the_value() -> None:
    sent = "Disease control, which included stable disease, was 78% in the elderly."
    assert _read(sent) == [("DCR", "rate", 78, None)]


def test_breakdown_in_parentheses_keeps_the_list_on_its_endpoint() -> None:
    sent = (
        "The ORR was 31% in arm 1 (CR, n = 2; PR, n = 9) and 17% in arm 2 (CR, n = 0; PR, n = 6)."
    )
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [("ORR", 31), ("ORR", 17)]


def test_median_with_a_not_estimable_interval() -> None:
    sent = "Median duration of response was 9.2 (6.1-NE) months vs 7.7 (NE-NE) months."
    out = find_outcomes(sent)
    assert [(o.endpoint, o.statistic, o.value) for o in out] == [
        ("DOR", "median", 9.2),
        ("DOR", "median", 7.7),
    ]


def test_responding_patients_and_retention_and_hyphenated_cycles() -> None:
    assert [(o.endpoint, o.value) for o in find_outcomes(
        "Patients responding to induction numbered 64 (58%)."
    )] == [("ORR", 58)]  # fmt: skip
    assert [(o.endpoint, o.value) for o in find_outcomes(
        "Programme completion was high: the treatment retention rate was 92%."
    )] == [("COMPLETION", 92)]  # fmt: skip
    assert [(o.endpoint, o.value) for o in find_outcomes(
        "Overall, 81% received all four post-operative courses."
    )] == [("COMPLETION", 81)]  # fmt: skip


def test_landmark_list_goes_to_its_values_in_turn() -> None:
    sent = (
        "The 2-, 4- and 6-year disease-free survival rates were 80%, 71% and 66% "
        "with surgery alone and 84%, 77% and 70% with adjuvant chemotherapy."
    )
    assert [o.timepoint_months for o in find_outcomes(sent)] == [24, 48, 72, 24, 48, 72]


def test_landmark_list_in_words() -> None:
    sent = "One- and three-year overall survival were 92% and 74%."
    assert _read(sent) == [("OS", "rate", 92, 12), ("OS", "rate", 74, 36)]


def test_glossary_of_a_table_footnote_defines_endpoint_abbreviations() -> None:
    from litkg.extractor.components.outcomes import glossary_aliases

    text = "Footnote: ORR, objective response; HR, hazard ratio; DCR, disease control rate."
    assert glossary_aliases(text) == {"ORR": "ORR", "DCR": "DCR"}
    assert glossary_aliases("Patients in CR, complete response was seen") == {}
    aliases = glossary_aliases("TRR, tumour response rate covering CR and PR.")
    assert [(o.endpoint, o.value) for o in find_outcomes("The TRR was 35%.", aliases)] == [
        ("ORR", 35)
    ]


def test_later_medians_of_a_list_far_from_median() -> None:
    sent = (
        "The median follow-up was 41.0 months (interquartile range 30.2 to 55.9) for all "
        "patients, 40.2 months (29.8 to 54.1) for the observation arm and 42.3 months "
        "(31.0 to 57.7) for the maintenance arm."
    )
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [
        ("FOLLOWUP", 41.0),
        ("FOLLOWUP", 40.2),
        ("FOLLOWUP", 42.3),
    ]


def test_a_risk_reduction_is_not_a_rate() -> None:
    sent = "Progression-free survival improved, a 28% reduction in the hazard of progression."
    assert [(o.statistic, o.value) for o in find_outcomes(sent)] == [("difference", 28)]
    sent = "Median PFS was longer with the combination, with a 41% lower risk of progression."
    assert [o.statistic for o in find_outcomes(sent)] == ["difference"]


def test_share_of_a_group_after_n_is_not_a_result() -> None:
    sent = "Among evaluable patients (n = 52 [91.2%]), the objective response rate was 25.0%."
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [("ORR", 25.0)]


def test_not_reached_interval_bound_is_not_a_median() -> None:
    sent = "Median overall survival was not reached (95% CI, 22.4 months-NR) in the vaccine group."
    assert find_outcomes(sent) == []


def test_bracketed_ci_label_masks_its_bounds() -> None:
    sent = "The median EFS was 8.1 months (95% confidence interval [CI], 6.0-10.2 months)."
    assert [(o.endpoint, o.value, o.ci) for o in find_outcomes(sent)] == [("EFS", 8.1, (6.0, 10.2))]


def test_alive_without_progression_is_not_alive() -> None:
    sent = "At 6 months, 12 patients (40%) were alive and without progression."
    assert [o.endpoint for o in find_outcomes(sent)] == []


def test_biomarker_hazard_ratio_is_not_an_outcome() -> None:
    sent = (
        "Higher serum LDH levels were independently associated with shorter overall "
        "survival (HR 1.84, 95% CI 1.20-2.81)."
    )
    assert find_outcomes(sent) == []
    sent = "Tumour PD-L1 status was a prognostic factor for progression-free survival (HR = 0.55)."
    assert find_outcomes(sent) == []
    # an arm comparison keeps its ratio
    sent = "The vaccine was associated with longer overall survival (HR 0.71, 95% CI 0.52-0.96)."
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [("OS", 0.71)]


def test_completion_predicate_after_its_subjects() -> None:
    sent = (
        "In total, 140 (81%) of 173 participants in the exercise arm and 151 (88%) of 172 "
        "in the usual-care arm who began the programme completed all 12 planned sessions."
    )
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == []  # sessions: no pattern
    sent = (
        "In total, 140 (81%) of 173 patients in the exercise arm and 151 (88%) of 172 "
        "in the usual-care arm who began chemotherapy received all four scheduled courses."
    )
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [
        ("COMPLETION", 81),
        ("COMPLETION", 88),
    ]
    sent = (
        "Of 90 patients, 27 (30%) in the first cohort had grade 3 neutropenia and the "
        "others in both cohorts received all planned cycles."
    )
    assert find_outcomes(sent) == []


def test_endpoint_definition_kept_beside_another_meaning() -> None:
    from litkg.extractor.components.outcomes import endpoint_definitions

    text = (
        "Tumours were typed by oestrogen receptor (ER) and progesterone receptor (PR). "
        "Efficacy was graded as complete response (CR) or partial response (PR), and "
        "the hazard ratio (HR) was estimated."
    )
    assert endpoint_definitions(text) == {"CR": "CR", "PR": "PR"}


def test_two_survival_times_set_against_each_other_are_medians() -> None:
    sent = (
        "In the elderly subgroup event-free survival favoured maintenance "
        "(14.2 months with lenalidomide vs. 9.8 months with observation, p = 0.01)."
    )
    assert [(o.endpoint, o.statistic, o.value) for o in find_outcomes(sent)] == [
        ("EFS", "median", 14.2),
        ("EFS", "median", 9.8),
    ]


@pytest.mark.parametrize(
    "sent",
    [
        "Overall survival was extended by 3.1 months versus 1.2 months in the pilot study.",
        "Mean progression-free survival was 7 months versus 5 months.",
        "Progression-free survival was recorded at 6 months and 12 months.",
    ],
)
def test_times_that_are_not_medians(sent: str) -> None:
    assert [o.statistic for o in find_outcomes(sent) if o.statistic == "median"] == []


def test_response_counts_under_an_n_pct_arm_header() -> None:
    from litkg.extractor.components.outcomes import outcomes_from_table

    rows = [
        ["Best response", "Arm X, n (%)", "Arm Y, n (%)"],
        ["Partial response", "12 (30)", "7 (18)"],
    ]
    out = outcomes_from_table(rows, {1: "intervention", 2: "control"}, None, "Best response")
    assert [(o.endpoint, o.value, o.arm) for _, _, o in out] == [
        ("PR", 30, "intervention"),
        ("PR", 18, "control"),
    ]


def test_prior_response_in_a_baseline_table_is_not_an_outcome() -> None:
    from litkg.extractor.components.outcomes import outcomes_from_table

    rows = [
        ["Characteristic", "Arm X", "Arm Y"],
        ["Complete response to prior therapy", "10 (25.0)", "12 (30.0)"],
        ["Median follow-up, months", "40.1", "38.7"],
    ]
    ctx = "Table 1 Baseline characteristics of the patients"
    out = outcomes_from_table(rows, {1: "intervention", 2: "control"}, None, ctx)
    assert [(o.endpoint, o.value) for _, _, o in out] == [("FOLLOWUP", 40.1), ("FOLLOWUP", 38.7)]

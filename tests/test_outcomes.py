"""Outcome extraction from sentences in styles the seed papers do not use.

Every expected value below was read off the sentence by hand.
"""

from __future__ import annotations

import pytest

from litkg.extractor.components.outcomes import endpoint_key, find_outcomes


def _keys(sent: str) -> list[tuple]:
    return [(o.endpoint, o.statistic, o.value, o.timepoint_months) for o in find_outcomes(sent)]


def test_median_with_ci_written_with_to() -> None:
    (o,) = find_outcomes(
        "Median OS was 14.2 months (95% CI, 10.1 to 18.3) in the pembrolizumab group."
    )
    assert (o.endpoint, o.statistic, o.value, o.unit) == ("OS", "median", 14.2, "months")
    assert o.ci == (10.1, 18.3)
    assert o.timepoint_months is None


def test_hazard_ratio_with_semicolons_and_bare_p() -> None:
    (o,) = find_outcomes(
        "Progression-free survival favoured the combination (HR 0.62; 95% CI 0.45-0.85; P = .003)."
    )
    assert (o.endpoint, o.statistic, o.value, o.unit) == ("PFS", "hr", 0.62, None)
    assert o.ci == (0.45, 0.85)
    assert o.p == pytest.approx(0.003)


def test_landmark_comparison_with_vs() -> None:
    out = find_outcomes("3-year EFS: 54% vs 39% (P = 0.02).")
    assert [(o.endpoint, o.value, o.timepoint_months) for o in out] == [
        ("EFS", 54, 36),
        ("EFS", 39, 36),
    ]
    assert out[0].arm == "intervention"


def test_respectively_list_zips_endpoints_and_values() -> None:
    sent = (
        "The 2-year overall survival and disease-free survival were 71.4% and 60.2%, respectively."
    )
    assert _keys(sent) == [("OS", "rate", 71.4, 24), ("DFS", "rate", 60.2, 24)]


def test_respectively_with_two_arms() -> None:
    sent = (
        "Five-year OS and PFS were 62% and 48%, respectively, in the rituximab arm, "
        "compared with 51% and 37% in the control arm."
    )
    out = find_outcomes(sent)
    assert [(o.endpoint, o.value, o.arm) for o in out] == [
        ("OS", 62, "intervention"),
        ("PFS", 48, "intervention"),
        ("OS", 51, "control"),
        ("PFS", 37, "control"),
    ]
    assert all(o.timepoint_months == 60 for o in out)


def test_timepoint_after_value() -> None:
    sent = "Estimated overall survival was 88% at 2 years and 79% at 5 years."
    assert _keys(sent) == [("OS", "rate", 88, 24), ("OS", "rate", 79, 60)]


def test_day_100_timepoint_in_months() -> None:
    (o,) = find_outcomes("The cumulative incidence of grade II-IV acute GVHD at day +100 was 24%.")
    assert (o.endpoint, o.value) == ("AGVHD_2_4", 24)
    assert o.timepoint_months == pytest.approx(3.3)


def test_gvhd_grades_listed_after_head() -> None:
    sent = "Acute GVHD grades 2-4 and 3-4 occurred in 30% and 10% of patients, respectively."
    assert _keys(sent) == [("AGVHD_2_4", "rate", 30, None), ("AGVHD_3_4", "rate", 10, None)]


def test_number_words_percent_and_complete_remission() -> None:
    (o,) = find_outcomes(
        "Sixty-two percent of patients achieved complete remission after induction."
    )
    assert (o.endpoint, o.statistic, o.value) == ("CR", "rate", 62)


def test_median_follow_up_in_years_converted_to_months() -> None:
    (o,) = find_outcomes(
        "After a median follow-up of 4.5 years (IQR 3.1-6.0), 40 patients had died."
    )
    assert (o.endpoint, o.statistic, o.value, o.unit) == ("FOLLOWUP", "median", 54.0, "months")


def test_subdistribution_hazard_ratio() -> None:
    (o,) = find_outcomes(
        "Relapse incidence was lower with maintenance (SHR 0.41, 95% CI 0.22-0.77)."
    )
    assert (o.endpoint, o.statistic, o.value, o.ci) == ("CIR", "sdhr", 0.41, (0.22, 0.77))


def test_odds_ratio_kept_apart_from_record_statistics() -> None:
    (o,) = find_outcomes(
        "The overall response rate was higher with the combination (odds ratio 2.10)."
    )
    assert (o.endpoint, o.statistic, o.value) == ("ORR", "or", 2.10)


@pytest.mark.parametrize(
    "sent",
    [
        "Patients had a Karnofsky score of at least 70% and adequate organ function.",
        "Overall survival was similar between the groups.",
        "MRD was assessed by flow cytometry with a sensitivity of 0.01%.",
        "Median age was 54 years (range, 19 to 77).",
        "OS rates above 80% were considered promising.",
    ],
)
def test_no_outcome_without_an_endpoint_and_a_result(sent: str) -> None:
    assert find_outcomes(sent) == []


def test_ranges_are_not_values() -> None:
    out = find_outcomes(
        "The median event-free survival was 11.0 months (range, 2.3 to 40.1 months)."
    )
    assert [(o.endpoint, o.value) for o in out] == [("EFS", 11.0)]


def test_values_do_not_cross_a_semicolon_to_an_earlier_endpoint() -> None:
    sent = "All patients were in complete remission at entry; 81% were men."
    assert find_outcomes(sent) == []


def test_endpoint_key_lookup() -> None:
    assert endpoint_key("leukemia-free survival") == "DFS"
    assert endpoint_key("non-relapse mortality") == "NRM"
    assert endpoint_key("tumour size") is None


def test_unlabelled_interval_after_a_rate_is_its_ci() -> None:
    out = find_outcomes(
        "5-year overall survival rates were 82·5% (80·7–84·1) in the experimental group and 83·0% (81·3–84·6) in the control group."
    )
    assert [(o.value, o.ci, o.arm) for o in out] == [
        (82.5, (80.7, 84.1), "intervention"),
        (83.0, (81.3, 84.6), "control"),
    ]


def test_differences_are_not_rates() -> None:
    out = find_outcomes(
        "The estimated difference in disease-free survival at 5 years was 0·6% (−3·9 to 5·1) in centres using FEC and 2·5% in centres using E-CMF."
    )
    assert {o.statistic for o in out} == {"difference"}


def test_median_age_is_not_a_survival_time() -> None:
    sent = "In older patients (median age: 72 years), the 2-year event-free survival was 54% with thalidomide (hazard ratio (HR): 0.51; 95% confidence interval (CI): 0.35 to 0.75)."
    got = [(o.endpoint, o.statistic, o.value, o.ci) for o in find_outcomes(sent)]
    assert ("EFS", "rate", 54, None) in got
    assert ("EFS", "hr", 0.51, (0.35, 0.75)) in got
    assert all(o.statistic != "median" for o in find_outcomes(sent))


def test_alive_and_disease_free_is_not_alive() -> None:
    sent = (
        "In all, 75% of patients in the experimental group were alive and disease-free at 5 years."
    )
    assert all(o.endpoint != "ALIVE" for o in find_outcomes(sent))


def test_respectively_list_whose_first_item_is_not_an_endpoint() -> None:
    sent = "The incidences of grade 1 CRS and grade III-IV acute GVHD were 14.3% and 4.8%, respectively."
    assert _keys(sent) == [("AGVHD_3_4", "rate", 4.8, None)]


def test_later_values_without_a_named_arm_have_no_arm() -> None:
    sent = "The objective response rate was 45% in the combination group and 28% in the monotherapy group."
    assert [(o.value, o.arm) for o in find_outcomes(sent)] == [(45, "intervention"), (28, None)]


def test_unit_shared_by_two_medians() -> None:
    sent = "Progression-free survival was longer with drug A than with placebo (median, 10.2 vs. 5.6 months; P<0.001)."
    assert [(o.value, o.unit, o.statistic) for o in find_outcomes(sent)] == [
        (10.2, "months", "median"),
        (5.6, "months", "median"),
    ]


def test_results_table_medians_rates_counts_and_hazard_ratios() -> None:
    from litkg.extractor.components.outcomes import outcomes_from_table

    rows = [
        ["Outcome", "Drug A", "Placebo", "HR (95% CI)", "P"],
        [
            "Overall survival, median (95% CI), months",
            "14.2 (12.1–16.3)",
            "11.1 (9.8–12.4)",
            "0.76 (0.64–0.90)",
            "0.002",
        ],
        ["2-year progression-free survival, % (95% CI)", "45 (38–52)", "30 (24–37)", "", ""],
        ["Complete remission, n (%)", "62 (62)", "30 (31)", "", "<0.001"],
        ["Age, median (range), years", "61 (22–80)", "60 (19–79)", "", "0.6"],
    ]
    got = {(r, o.endpoint, o.statistic, o.value, o.timepoint_months, o.arm, o.ci, o.p)
           for r, _c, o in outcomes_from_table(rows, {1: "intervention", 2: "control"})}  # fmt: skip
    assert got == {
        (1, "OS", "median", 14.2, None, "intervention", (12.1, 16.3), 0.002),
        (1, "OS", "median", 11.1, None, "control", (9.8, 12.4), 0.002),
        (1, "OS", "hr", 0.76, None, "intervention", (0.64, 0.90), 0.002),
        (2, "PFS", "rate", 45, 24, "intervention", (38, 52), None),
        (2, "PFS", "rate", 30, 24, "control", (24, 37), None),
        (3, "CR", "rate", 62, None, "intervention", None, 0.001),
        (3, "CR", "rate", 31, None, "control", None, 0.001),
    }


def test_table_median_without_a_printed_unit_is_not_read() -> None:
    from litkg.extractor.components.outcomes import outcomes_from_table

    rows = [["", "A", "B"], ["Median overall survival", "14.2", "11.1"]]
    assert outcomes_from_table(rows, {1: "intervention", 2: "control"}) == []


def test_median_follow_up_row_with_a_count_before_it() -> None:
    from litkg.extractor.components.outcomes import outcomes_from_table

    rows = [
        ["", "All (N=57)"],
        [
            "Follow-up (months) (survivors), number of patients median (range)",
            "36 68.6 (11.1 - 124.2)",
        ],
    ]
    ((_, _, o),) = outcomes_from_table(rows, {1: "overall"})
    assert (o.endpoint, o.statistic, o.value, o.unit, o.ci) == (
        "FOLLOWUP",
        "median",
        68.6,
        "months",
        None,
    )


def test_value_binds_to_the_endpoint_its_clause_names_after_it() -> None:
    sent = "The overall response rate was 100%, and 24% of patients achieved a complete remission."
    assert [(o.endpoint, o.value) for o in find_outcomes(sent)] == [("ORR", 100), ("CR", 24)]


def test_control_cue_between_endpoint_and_value() -> None:
    (o,) = find_outcomes("The median follow-up for the matched control cohort was 51.7 months.")
    assert (o.endpoint, o.value, o.arm) == ("FOLLOWUP", 51.7, "control")


def test_value_in_parentheses_after_the_control_group() -> None:
    sent = "The relapse rate was comparable between the treated patients and the matched control cohort (28%)."
    assert [(o.value, o.arm) for o in find_outcomes(sent)] == [(28, "control")]


def test_abbreviation_the_paper_defines_otherwise_is_not_an_endpoint() -> None:
    sent = "With the CR formulation, 40% of patients reported relief; OS was 80%."
    assert [o.endpoint for o in find_outcomes(sent)] == ["CR", "OS"]
    assert [o.endpoint for o in find_outcomes(sent, {"CR": ""})] == ["OS"]

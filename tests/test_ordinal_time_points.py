"""Time points named by their ordinal ("at week 12", "by month 6"): a time point of
the values, and not part of the measure's name (sentences written for these tests
in cardiology, diabetology and nephrology house styles)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence
from litkg.extractor.mentions import timepoints


def _times(sent: str) -> list[tuple[str, float]]:
    return [(sent[m.start : m.end], m.months) for m in timepoints(sent)]


def test_ordinal_time_points_and_their_months() -> None:
    assert _times("Trough FEV1 at week 24 rose.") == [("at week 24", 5.5)]
    assert _times("Relapse-free by month 6 were most.") == [("by month 6", 6.0)]
    assert _times("Graft loss at the end of year 2 was rare.") == [("at the end of year 2", 24.0)]


def test_a_period_or_a_dose_is_no_time_point() -> None:
    assert _times("Adherence in year 2 was lower.") == []
    assert _times("During week 3.5 mg was given.") == []


def _read(sent: str, arms: list[str]) -> list[tuple]:
    return [
        (m.outcome.name, m.outcome.value, m.outcome.timepoint_months, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, arms)
    ]


def test_a_name_ending_in_an_ordinal_time_point() -> None:
    sent = (
        "Office diastolic pressure at week 8 was 84 ± 7 mmHg in the valsartan group "
        "and 91 ± 8 mmHg in the placebo group (P < 0.001)."
    )
    assert _read(sent, ["valsartan", "placebo"]) == [
        ("Office diastolic pressure", 84.0, 1.8, "valsartan"),
        ("Office diastolic pressure", 91.0, 1.8, "placebo"),
    ]


def test_an_opening_ordinal_time_point_is_not_the_name() -> None:
    sent = "By month 3 the eGFR was 52.3 ± 9.0 in the sirolimus group and 47.9 ± 8.1 in the tacrolimus group."
    assert [n for n, *_ in _read(sent, ["sirolimus", "tacrolimus"])] == ["eGFR", "eGFR"]


def test_a_change_from_baseline_to_a_time_point() -> None:
    sent = (
        "Mean change in waist circumference from baseline to week 16 was -3.4 cm with "
        "liraglutide and -0.9 cm with placebo."
    )
    assert _read(sent, ["liraglutide", "placebo"]) == [
        ("change in waist circumference", -3.4, 3.7, "liraglutide"),
        ("change in waist circumference", -0.9, 3.7, "placebo"),
    ]
    sent = "The mean fall in uric acid from baseline to 8 weeks was 2.9 mg/dL with febuxostat and 0.2 mg/dL with placebo."
    assert {(n, t) for n, _, t, _ in _read(sent, ["febuxostat", "placebo"])} == {
        ("fall in uric acid", 1.8)
    }


def test_one_member_of_a_listed_series_is_not_the_name_of_every_value() -> None:
    sent = (
        "The share of eyes with loss, no change, and gain of vision at month 12 was 9%, 30%, "
        "and 61%, respectively, in the ranibizumab group."
    )
    assert [n for n, *_ in _read(sent, ["ranibizumab", "sham"])] == []


def test_a_rate_unit_alone_is_no_name() -> None:
    sent = (
        "The median number of hot flushes (diary counts) per day from baseline to week 4 was "
        "3.5 with gabapentin and 5 with placebo."
    )
    assert "per day" not in {n for n, *_ in _read(sent, ["gabapentin", "placebo"])}


def test_a_clause_after_respectively_names_its_own_values() -> None:
    sent = (
        "Nausea was reported by 12% and 10% of patients on drug A and drug B, respectively, "
        "and dizziness was reported by 4% and 9% of patients, respectively."
    )
    assert ("dizziness", 9.0) in {(n, v) for n, v, *_ in _read(sent, ["drug A", "drug B"])}


def test_an_age_band_is_no_time_point() -> None:
    assert _times("Falls were fewer in the <75- and ≥75-years age groups.") == []
    assert _times("Users aged ≥40-year were few; 2-year survival was 61%.") == [("2-year", 24.0)]

"""Percentages in sentences that are no arm's value, or not the arm's the
sentence seems to give them to: an interval's bound, a design margin, a
spread printed in percent, the arm a result favours, the arm compared
against (sentences written for these tests: cardiology, obstetrics,
nutrition styles)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence
from litkg.extractor.mentions import estimates, values


def _read(sent: str):
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent)
    ]


def test_an_interval_s_bound_and_a_margin_are_no_values():
    sent = (
        "The lower limit of the one-sided 97.5% CI for the difference in live births was 4.1%, "
        "within the prespecified non-inferiority margin of 10%."
    )
    assert [v.value for v in values(sent) if v.vkind == "pct"] == []
    assert _read("The upper bound of the 95% CI was 12.3%.") == []


def test_a_percentage_s_spread_in_brackets_where_the_sentence_says_it_is_an_se():
    sent = (
        "Mean (SE) weight loss was greater in the intervention (7.2% [0.8%]) "
        "than in the control (2.9% [0.7%]) group."
    )
    assert [(m.value, m.dispersion, m.spread) for m in estimates(sent)] == [
        (7.2, "se", 0.8),
        (2.9, "se", 0.7),
    ]
    assert [(s, v, a) for _, s, v, a in _read(sent)] == [
        ("mean", 7.2, "intervention"),
        ("mean", 2.9, "control"),
    ]


def test_a_bracketed_percentage_is_no_spread_where_the_sentence_names_none():
    assert estimates("Readmission occurred in 14.2% (12.0%) of the cohort.") == []


def test_the_arm_a_result_favours_is_no_value_s_arm():
    sent = (
        "Systolic pressure fell by 12.4% vs. 4.1% (P = 0.01), in favour of the "
        "salt substitute group."
    )
    assert all(a is None for *_, a in _read(sent))


def test_the_arm_compared_against_after_the_value_is_not_its_arm():
    sent = "The net change in ferritin was 21% (P = 0.002) compared with the placebo group."
    assert all(a is None for *_, a in _read(sent))
    # a value stated after the group compared against is that group's
    sent = "Anaemia was 12% in the iron group compared with 31% in the placebo group."
    assert [(v, a) for _, _, v, a in _read(sent)] == [(12.0, "iron"), (31.0, "placebo")]


def test_the_arm_a_result_favours_is_no_value_s_arm_when_named_by_its_drug():
    sent = "HOMA-IR fell by 38.2% vs. 9% (P = 0.01) in favour of the resveratrol group."
    got = [
        (m.outcome.value, m.arm_label) for m in unkeyed_from_sentence(sent, None, ["resveratrol"])
    ]
    assert all(a is None for _, a in got)


def test_a_labelled_interval_printed_with_a_comma_is_no_value():
    sent = "The median (IQR) change in triglycerides was 18% (9%, 27%) in the fibrate group."
    assert [v.value for v in values(sent) if v.vkind == "pct"] == [18.0]

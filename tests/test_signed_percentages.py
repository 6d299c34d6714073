"""The sign of a percentage printed in a sentence ("2.7% vs. -5.3%", "−4.1%"),
and a percentage a verb says is a change ("decreased by 12%"), in sentences
written for these tests (endocrinology, haematology, nutrition styles)."""

from litkg.extractor.components.outcomes import find_outcomes
from litkg.extractor.mentions import values


def _pcts(sent: str) -> list[float]:
    return [v.value for v in values(sent) if v.vkind == "pct"]


def test_a_minus_sign_before_a_percentage_is_kept():
    assert _pcts("HbA1c changed by 0.4% with metformin (2.7% vs. -5.3% for fat mass).") == [
        0.4,
        2.7,
        -5.3,
    ]


def test_a_unicode_minus_before_a_percentage_is_kept():
    assert _pcts("Body weight changed by −4.1% in the diet group and +0.6% in controls.") == [
        -4.1,
        0.6,
    ]


def test_a_minus_shared_by_two_values_of_one_percent_sign():
    assert _pcts("The change in LDL cholesterol was −12.4 vs. −3.1% (P < 0.01).") == [-12.4, -3.1]


def test_a_dash_between_numbers_or_after_plus_is_no_minus():
    # a range's dash, a spaced dash between two rates and a tolerance are no signs
    assert all(v >= 0 for v in _pcts("Adherence was 12% -15% in the clinics."))
    assert all(v >= 0 for v in _pcts("Rates of 10 -12% were seen."))
    assert all(v >= 0 for v in _pcts("Pipetting accuracy of +/-5% was accepted."))
    assert all(v >= 0 for v in _pcts("The HbA1c-5% subgroup was small."))


def test_a_rate_that_decreased_by_a_percentage_is_a_difference():
    (o,) = find_outcomes("The risk of relapse decreased by 12% with maintenance therapy.")
    assert (o.endpoint, o.statistic, o.value) == ("CIR", "difference", 12.0)
    (o,) = find_outcomes("Overall survival increased by 9% at 2 years with the combination.")
    assert (o.endpoint, o.statistic, o.value) == ("OS", "difference", 9.0)


def test_a_rate_that_decreased_to_a_percentage_is_a_rate():
    out = find_outcomes("The risk of relapse decreased to 12% with maintenance therapy.")
    assert [(o.endpoint, o.statistic, o.value) for o in out] == [("CIR", "rate", 12.0)]

"""The shared sentence mention layer, on sentences in cardiology, psychiatry
and nutrition house styles."""

from litkg.extractor.mentions import (
    arm_of_values,
    counts,
    dispersion_kind,
    estimates,
    intervals,
    measures,
    sentence_mentions,
)


def _vals(sent: str):
    return [m for m in sentence_mentions(sent) if m.kind == "value"]


def test_plus_minus_is_an_estimate_with_unknown_dispersion_never_a_ci():
    sent = "Systolic pressure fell by 12.4 ± 3.1 mmHg with chlorthalidone."
    (est,) = estimates(sent)
    assert (est.value, est.spread, est.dispersion, est.vkind) == (12.4, 3.1, "unknown", "mean")
    assert intervals(sent) == []


def test_plus_minus_takes_sd_or_se_from_the_sentence_or_header():
    assert estimates("Values are mean ± SD: 7.1 ± 0.8 in the statin group.")[0].dispersion == "sd"
    assert estimates("HbA1c was 7.1 ± 0.2", header="mean ± SEM")[0].dispersion == "se"
    assert dispersion_kind("mean (range)") == "unknown"


def test_parenthesised_sd_is_an_estimate():
    (a, b) = [
        v for v in _vals("HAM-D scores were 10.2 (SD 4.1) and 13.5 (SD 5.0).") if v.vkind == "mean"
    ]
    assert (a.value, a.spread, a.dispersion) == (10.2, 4.1, "sd")
    assert (b.value, b.spread) == (13.5, 5.0)


def test_an_estimate_keeps_its_unit_before_or_after_the_spread():
    sent = (
        "Fasting glucose was 5.6 mmol/L (SD 0.7) with metformin and 6.1 (SD 0.9) mmol/L with diet."
    )
    got = [(e.value, e.spread, e.dispersion, e.unit) for e in estimates(sent)]
    assert got == [(5.6, 0.7, "sd", "mmol/L"), (6.1, 0.9, "sd", "mmol/L")]
    sent = "Glucose fell to 6.3 ± 1.1 mmol/L with usual care; weight was 81 ± 12."
    got = [(e.value, e.spread, e.dispersion, e.unit) for e in estimates(sent)]
    assert got == [(6.3, 1.1, "unknown", "mmol/L"), (81.0, 12.0, "unknown", None)]


def test_counts_and_bracket_labelled_ci():
    sent = "Remission: 41/120 (34%) versus 22 of 118 (19%); OR 2.2, 95% confidence intervals [CI]: 1.2–4.0."
    assert [(c.events, c.total) for c in counts(sent) if c.kind == "count"] == [
        (41, 120),
        (22, 118),
    ]
    (ci,) = intervals(sent)
    assert (ci.low, ci.high) == (1.2, 4.0)


def test_measures_need_a_unit():
    ms = measures("Mean weight change was −2.1 kg with the diet versus −0.6 kg, in 44 women.")
    assert [(m.value, m.unit) for m in ms] == [(-2.1, "kg"), (-0.6, "kg")]


def test_values_followed_by_their_group():
    sent = "LDL fell by 31% in the rosuvastatin group and by 4% in the usual care group (p<0.001)."
    vals = _vals(sent)
    assert arm_of_values(sent, vals) == {0: "rosuvastatin", 1: "usual care"}


def test_respectively_zips_values_with_coordinated_groups():
    sent = "Response rates were 52% and 30% in the lithium and quetiapine groups, respectively."
    assert arm_of_values(sent, _vals(sent)) == {0: "lithium", 1: "quetiapine"}


def test_group_named_before_its_value():
    sent = (
        "In the fish-oil group, triglycerides fell by 18%; in the corn-oil group, they rose by 2%."
    )
    assert arm_of_values(sent, _vals(sent)) == {0: "fish-oil", 1: "corn-oil"}

"""Means, medians and their spreads printed in the APA house style of
psychology, nursing and sport-science journals ("M = 12.4, SD = 3.1",
"Mdn = 3, IQR 2-5"), in sentences written for these tests."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence
from litkg.extractor.mentions import estimates


def _read(sent: str, arms=()):
    out = []
    for m in unkeyed_from_sentence(sent, None, list(arms)):
        o = m.outcome
        disp = (o.dispersion.kind, o.dispersion.value) if o.dispersion else None
        out.append((o.name, o.statistic, o.value, disp, m.arm_label))
    return out


def test_a_mean_and_sd_in_parentheses_after_each_group():
    sent = (
        "Dental fear scores were lower in the storytelling group (M = 21.4, SD = 5.2) "
        "than in the cartoon group (M = 26.8, SD = 6.1)."
    )
    assert _read(sent) == [
        ("Dental fear scores", "mean", 21.4, ("sd", 5.2), "storytelling"),
        ("Dental fear scores", "mean", 26.8, ("sd", 6.1), "cartoon"),
    ]


def test_a_mean_with_its_sd_bracketed_and_no_spaces():
    sent = (
        "At post-test, fatigue in the yoga group was M=3.9 (SD=1.4), "
        "compared with M=5.1 (SD=1.2) in the waitlist group."
    )
    got = _read(sent)
    assert [(v, d, a) for _, _, v, d, a in got] == [
        (3.9, ("sd", 1.4), "yoga"),
        (5.1, ("sd", 1.2), "waitlist"),
    ]
    assert all(name and "M" not in name.split() for name, *_ in got)


def test_a_median_with_its_interquartile_range():
    sent = (
        "Length of stay was shorter in the early mobilisation group (Mdn = 4, IQR 3-6) "
        "than in the bed rest group (Mdn = 6, IQR 4-9)."
    )
    assert _read(sent) == [
        ("Length of stay", "median", 4.0, ("iqr", (3.0, 6.0)), "early mobilisation"),
        ("Length of stay", "median", 6.0, ("iqr", (4.0, 9.0)), "bed rest"),
    ]


def test_a_standard_error_and_a_percent_unit():
    sent = (
        "Accuracy was higher in the feedback group (M = 71.5%, SE = 2.3%) "
        "than in the no-feedback group (M = 64.0%, SE = 2.9%)."
    )
    assert [(m.value, m.dispersion, m.spread, m.unit) for m in estimates(sent)] == [
        (71.5, "se", 2.3, "%"),
        (64.0, "se", 2.9, "%"),
    ]
    assert [(s, v, a) for _, s, v, _, a in _read(sent)] == [
        ("mean", 71.5, "feedback"),
        ("mean", 64.0, "no-feedback"),
    ]


def test_an_m_without_a_spread_is_no_estimate():
    # "M = 14" may count men; without a spread it is no mean
    assert estimates("The sample (M = 14, F = 22) was balanced by sex.") == []


def test_a_spread_without_its_leading_zero_after_a_semicolon():
    sent = (
        "Self-efficacy was higher in the coaching group (M = 3.82; SD = .41) "
        "than in the control group (M = 3.40; SD = .52)."
    )
    assert _read(sent) == [
        ("Self-efficacy", "mean", 3.82, ("sd", 0.41), "coaching"),
        ("Self-efficacy", "mean", 3.40, ("sd", 0.52), "control"),
    ]


def test_the_analysis_that_showed_a_finding_names_no_measure():
    sent = (
        "Post hoc comparisons showed that recall in the cued condition (M = 14.2, SD = 2.8) "
        "exceeded recall in the free condition."
    )
    assert [name for name, *_ in _read(sent)] in ([], ["recall"])


def test_the_name_is_the_finding_s_measure_not_who_found_it():
    sent = (
        "Subanalysis revealed that fatigue in the walking group (3.1 ± 1.2) "
        "fell more than in the stretching group (4.0 ± 1.1)."
    )
    assert [(n, v, a) for n, _, v, _, a in _read(sent)] == [
        ("fatigue", 3.1, "walking"),
        ("fatigue", 4.0, "stretching"),
    ]

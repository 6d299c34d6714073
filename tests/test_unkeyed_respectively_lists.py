"""Decimals printed without a unit and listed for the groups a sentence lists,
in order, with "respectively" (nursing, periodontology and sleep-medicine house
styles written for these tests); and the lists of numbers that are no group's
values (test statistics, p-values, bounds, counts)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms=()):
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, list(arms))
    ]


def test_three_bare_means_for_three_listed_groups():
    sent = (
        "Mean fatigue scores were 3.41, 5.02 and 4.77 in the yoga, waiting-list and "
        "education groups, respectively, at the end of week 12."
    )
    assert _read(sent) == [
        ("fatigue scores", "mean", 3.41, "yoga"),
        ("fatigue scores", "mean", 5.02, "waiting-list"),
        ("fatigue scores", "mean", 4.77, "education"),
    ]


def test_groups_named_again_for_each_measure():
    sent = (
        "After treatment the mean plaque indices in the laser and scaling groups were "
        "0.84 and 1.27, respectively, and the mean bleeding indices in the laser and "
        "scaling groups were 0.31 and 0.56, respectively."
    )
    assert [(n, v, a) for n, _, v, a in _read(sent)] == [
        ("plaque indices", 0.84, "laser"),
        ("plaque indices", 1.27, "scaling"),
        ("bleeding indices", 0.31, "laser"),
        ("bleeding indices", 0.56, "scaling"),
    ]


def test_a_list_needs_a_stated_statistic_and_one_number_per_group():
    for sent in (
        # no mean, median or difference: bare numbers are nobody's values
        "Sleep efficiency indices were 0.81 and 0.77 in the melatonin and placebo arms, respectively.",
        # three numbers, two groups
        "The mean indices were 0.81, 0.77 and 0.70 in the melatonin and placebo arms, respectively.",
    ):
        assert _read(sent) == [], sent


def test_a_test_statistic_list_is_no_groups_values():
    for sent in (
        "Mean sleep latency differed in the melatonin and placebo arms (F = 4.21 and 3.96, respectively).",
        "Mean sleep latency correlated with age in the melatonin and placebo arms (r = 0.41 and 0.38, respectively).",
        "Mean latencies ranged 0.41-0.62 and 0.38-0.55 in the melatonin and placebo arms, respectively.",
    ):
        assert all(v not in (4.21, 3.96, 0.41, 0.38, 0.62, 0.55) for _, _, v, _ in _read(sent)), (
            sent
        )


def test_the_last_number_lends_its_unit_to_the_list():
    sent = "Mean pocket depths in Groups A and B were 2.31 and 3.05 mm, respectively."
    got = [
        (m.outcome.name, m.outcome.value, m.outcome.unit, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, [])
    ]
    assert got == [("pocket depths", 2.31, "mm", "arm A"), ("pocket depths", 3.05, "mm", "arm B")]


def test_a_dose_list_is_no_result():
    for sent in (
        "Groups A, B and C received 0.25, 0.50 and 1.00 mg/kg of the study drug, respectively.",
        "The infusion rates were 0.5 and 1.5 mL/h in the low- and high-rate groups, respectively.",
    ):
        assert _read(sent) == [], sent


def test_each_group_named_with_its_own_group_word():
    sent = (
        "Median time to first flatus in group 1 and group 2 was 31.5 and 44.0 hours, respectively."
    )
    assert [(v, a) for _, _, v, a in _read(sent)] == [(31.5, "arm 1"), (44.0, "arm 2")]


def test_a_value_after_the_closed_list_takes_its_own_group():
    sent = (
        "The mean rise in ferritin in the weekly and daily groups was 21.4 and 18.9 µg/L, "
        "respectively, larger than in the placebo group, whose mean rise was 6.2 µg/L."
    )
    assert [(v, a) for _, _, v, a in _read(sent)] == [
        (21.4, "weekly"),
        (18.9, "daily"),
        (6.2, "placebo"),
    ]

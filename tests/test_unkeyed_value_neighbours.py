"""A value takes the group printed next to it, not a group named further
away: counts of people listed with their rates, and a pair of values set
against each other before the group they are stated for (respiratory care,
obstetric and rehabilitation house styles written for these tests)."""

import re

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms=()):
    spans = [(m.start(), m.end()) for a in arms for m in re.finditer(re.escape(a), sent)]
    return [
        (m.outcome.name, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, list(arms), spans)
    ]


def test_each_rate_is_the_group_its_count_names():
    sent = (
        "Within two days of weaning, 12 placebo infants (30%) and 7 surfactant infants "
        "(18%) needed CPAP."
    )
    got = _read(sent, ["placebo", "surfactant"])
    assert [(v, a) for _, v, a in got] == [(30.0, "placebo"), (18.0, "surfactant")]


def test_a_rate_whose_count_names_no_known_group_takes_none():
    sent = (
        "At six weeks, 31 control women (44%) and 19 trial women (27%) were "
        "breastfeeding exclusively."
    )
    got = _read(sent, ["control"])
    assert [(v, a) for _, v, a in got] == [(44.0, "control"), (27.0, None)]


def test_a_pair_before_the_group_is_that_groups_first():
    sent = (
        "Compared with the usual care group, the median time to walking was shorter "
        "(4.1 days vs 6.3 days) in the early mobilisation group."
    )
    got = _read(sent, ["usual care", "early mobilisation"])
    assert [(v, a) for _, v, a in got] == [(4.1, "early mobilisation"), (6.3, None)]


def test_a_pair_before_the_comparator_names_neither():
    sent = "Pneumonia was less frequent (9% vs 21%; P = 0.02) than in the standard care arm."
    got = _read(sent, ["standard care"])
    assert all(a is None for _, _, a in got)


def test_counts_of_all_the_people_keep_the_group_named_after_them():
    sent = (
        "Twelve of the children (40%) in arm 1 and 9 out of 31 children (29%) in arm 2 "
        "slept through the night."
    )
    got = _read(sent)
    assert [(v, a) for _, v, a in got] == [(40.0, "arm 1"), (29.0, "arm 2")]

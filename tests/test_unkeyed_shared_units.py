"""A unit the vocabulary does not know, printed after each value of a list
(sports medicine, audiology and pharmacy house styles written for these tests):
it joins the values as a known unit does, so the later value keeps the measure's
name and takes its own group; the value keeps no unit."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms=()):
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.outcome.unit, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, list(arms))
    ]


def test_a_unit_glued_to_each_spread():
    sent = (
        "Pinch force reached 86.5 ± 7.1N in the orthosis group and 71.9 ± 8.4N "
        "in the usual-care group."
    )
    assert _read(sent) == [
        ("Pinch force", "mean", 86.5, None, "orthosis"),
        ("Pinch force", "mean", 71.9, None, "usual-care"),
    ]


def test_a_unit_of_several_words_after_each_value():
    sent = (
        "Tinnitus episodes were fewer with the two devices (2.4 ± 1.1 and 2.9 ± 1.6 "
        "episodes per day, respectively, compared with 4.8 ± 2.0 episodes per day in "
        "the sham group)."
    )
    got = _read(sent)
    assert ("Tinnitus episodes", "mean", 4.8, None, "sham") in got
    assert [g[2] for g in got] == [2.4, 2.9, 4.8]


def test_a_newton_unit_between_a_labelled_pair():
    sent = "Peak torque was 182 ± 21Nm with the brace and 165 ± 25Nm without it (p = 0.04)."
    got = _read(sent)
    assert [(g[0], g[2]) for g in got] == [("Peak torque", 182.0), ("Peak torque", 165.0)]


def test_a_value_compared_with_a_closed_list_needs_its_own_group():
    # the comparison is of another condition, not a group: not the list's measure
    sent = (
        "Remission rates with the booster were 71.4 and 68.2%, respectively, "
        "compared to 52.0 and 49.5% without it, respectively."
    )
    assert [(n, v) for n, _, v, _, _ in _read(sent) if v in (52.0, 49.5)] == []

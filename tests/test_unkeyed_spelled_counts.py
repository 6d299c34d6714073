"""Counts spelled out in words ("Twelve of 40 patients (30%) in the X group",
"in nine of 31 (29%)"): the events and total of a group's rate, and the
subject's verb reaches past them to name the result (obstetric and
dermatology house styles written for these tests)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence
from litkg.extractor.mentions import counts


def _read(sent: str):
    return [
        (m.outcome.name, m.outcome.value, m.outcome.events, m.outcome.total, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, [])
    ]


def test_spelled_counts_are_counts():
    got = [(m.events, m.total) for m in counts("Eleven of 36 women and forty-two out of 90 men")]
    assert got == [(11, 36), (42, 90)]


def test_a_word_count_is_no_count_of_a_larger_number():
    # "one of the 40" is no n/N count; "ten of 8" is no count at all
    assert counts("one of the 40 women, ten of 8 sites") == []


def test_subject_then_spelled_counts_per_group():
    assert _read(
        "Preterm birth occurred in nine of 31 women (29%) in the progesterone group and "
        "in fourteen of 30 women (47%) in the placebo group."
    ) == [
        ("Preterm birth", 29.0, 9, 31, "progesterone"),
        ("Preterm birth", 47.0, 14, 30, "placebo"),
    ]


def test_spelled_counts_before_the_predicate():
    assert _read(
        "Twelve of 40 patients (30%) in the cryotherapy group and seven of 41 (17%) in the "
        "imiquimod group had complete clearance."
    ) == [
        ("had complete clearance", 30.0, 12, 40, "cryotherapy"),
        ("had complete clearance", 17.0, 7, 41, "imiquimod"),
    ]

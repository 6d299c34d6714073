"""Conditions of a trial named as its groups are ("in the fasting condition",
"under the sham condition", "under placebo"): cues of the sentence reader like
"in the X group" (experimental-psychology and crossover house styles written
for these tests); a condition of the patients ("in stable condition") or a
plural that names every condition names no group."""

from sentence_helpers import read_sentence

from litkg.extractor.components.arm_resolver import ArmName, ArmResolver
from litkg.extractor.mentions import arm_cues


def _read(sent: str, resolver: ArmResolver | None = None):
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.arm_label)
        for m in read_sentence(sent, resolver)
    ]


def test_values_after_in_the_condition():
    assert _read(
        "Median sleep onset latency was 14 min in the melatonin condition and 27 min "
        "in the sham condition."
    ) == [
        ("sleep onset latency", "median", 14.0, "melatonin"),
        ("sleep onset latency", "median", 27.0, "sham"),
    ]


def test_values_after_under_the_condition():
    assert _read(
        "Mean tapping accuracy was 81.2 ± 6.3 under the caffeine condition and 74.5 ± 7.1 "
        "under the decaffeinated condition (P = 0.02)."
    ) == [
        ("tapping accuracy", "mean", 81.2, "caffeine"),
        ("tapping accuracy", "mean", 74.5, "decaffeinated"),
    ]


def test_a_condition_opening_the_sentence():
    got = _read("Under the fasting condition, the mean glucose level was 4.6 ± 0.4 mmol/L.")
    assert got == [("glucose level", "mean", 4.6, "fasting")]


def test_under_an_arm_named_by_the_resolver():
    res = ArmResolver(
        [ArmName("Nicotine patch", "intervention"), ArmName("Placebo patch", "control")]
    )
    got = _read(
        "Mean craving scores were 3.1 ± 1.0 under nicotine and 4.4 ± 1.2 under placebo.", res
    )
    assert [(v, a) for _, _, v, a in got] == [(3.1, "nicotine"), (4.4, "placebo")]


def test_conditions_that_name_no_group():
    for sent in (
        "Patients in stable condition had a mean heart rate of 72 ± 9 bpm.",
        "Under these conditions the mean heart rate was 72 ± 9 bpm.",
        "Heart rate was similar in all conditions (mean 72 ± 9 bpm).",
    ):
        assert not [c.label for c in arm_cues(sent)], sent
        assert all(a is None for *_, a in _read(sent)), sent

"""Sentence results whose words before the value are no measure's name, and the
cues that name the group of each value (issue 10). The sentences are written
for these tests, in several house styles."""

from __future__ import annotations

import pytest

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms: tuple[str, ...] = ()) -> list[tuple[str | None, float, str | None]]:
    return [
        (m.outcome.name, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, arms)
    ]


@pytest.mark.parametrize(
    "sent",
    [
        # a clause's connective or a preposition opening the words before the value
        "Whereby the share of 12.5% lost records is small, most of them (70%) belong to one ward.",
        "With a cut-off of 45% right answers, 40 of 52 trainees (76.9%) passed in the video arm.",
        "When the cost of a visit was raised by 25%, the programme stayed the cheaper option.",
        "Reaction times varied little, with a median value of 410 ms (range, 380-450 ms).",
        # a pronoun standing for a measure named elsewhere
        "Weight loss was 4.1 ± 1.2 kg in the diet arm and in the exercise arm it was 2.2 ± 1.0 kg.",
        # the trial's flow of participants, not its outcome
        "Forty-four of the 50 volunteers (88%) completed the 8-week programme.",
        "In all, 212 (91.4%) patients completed the study, and 20 (8.6%) were withdrawn.",
        "Nineteen children (23%) in the reading group were lost to follow-up.",
        "At the end of the run-in, 31 (12.2%) of the recruits had dropped out.",
        # a predicate that only says a value was seen or compared
        "Serum ferritin in the iron arm (38.5%) was not significantly different from the placebo arm.",
    ],
)
def test_no_fragment_is_a_measures_name(sent: str) -> None:
    names = [name for name, _v, _a in _read(sent)]
    bad = (
        "Whereby", "With ", "When ", "with a", " it", "completed", "withdrawn", "lost to",
        "dropped out", "was not", "were not",
    )  # fmt: skip
    assert not [n for n in names if n and any(b in n for b in bad)], names


def test_the_measure_named_after_a_fragment_is_kept() -> None:
    got = _read(
        "At six weeks the gait speed gain in group A was 0.21 ± 0.05 m/s and in group B it "
        "was 0.09 ± 0.04 m/s."
    )
    assert got[0] == ("gait speed gain", 0.21, "group A")
    # "m/s and in group B it was": the unit and a conjunction are no name either
    assert all(name == "gait speed gain" for name, _v, _a in got), got


def test_spreads_after_sd_are_no_values() -> None:
    got = _read(
        "After the course (the mean score in the yoga group fell from 21.4 to 9.8, with "
        "the SD from 6.10 to 4.35) anxiety was lower (P < 0.001)."
    )
    values = [v for _n, v, _a in got]
    assert 6.1 not in values and 4.35 not in values


def test_spreads_after_sd_are_no_rates_or_times() -> None:
    got = _read(
        "Knowledge scores were higher in the app arm at follow-up (71.3%, SD 14.0 vs 50.2%, "
        "SD 19.5; P<.001)."
    )
    assert 14.0 not in [v for _n, v, _a in got] and ("knowledge scores", 71.3, "app") in [
        (n.lower() if n else n, v, a) for n, v, a in got
    ]
    got = _read("Mean time to relapse was 210 days (sd 88.4 days) for the clinic group.")
    assert got == [("time to relapse", 210.0, "clinic")]


@pytest.mark.parametrize(
    "sent",
    [
        "Older volunteers had a lower peak flow (312 ± 41 versus 365 ± 38 L/min, p = 0.01).",
        "In the 2 h and 6 h groups the counts were 3.1 ± 0.4 and 3.3 ± 0.6, respectively.",
        "Those in the coaching group had higher quit rates (OR, 1.84; CI, 1.10-3.07).",
    ],
)
def test_people_or_groups_are_no_measures_name(sent: str) -> None:
    names = [name for name, _v, _a in _read(sent)]
    assert not [n for n in names if n and n.lower().endswith(("volunteers", "groups", "group"))]


def test_what_was_measured_of_people_keeps_its_name() -> None:
    got = _read("Mean duration of ventilation among the surgical patients was 36.2 ± 12.3 minutes.")
    assert [name for name, _v, _a in got] == ["duration of ventilation among the surgical patients"]


def test_a_share_of_people_is_a_measure() -> None:
    got = _read("The proportion vaccinated children was 71.2% in the reminder arm.")
    assert [name for name, _v, _a in got] == ["proportion vaccinated children"]

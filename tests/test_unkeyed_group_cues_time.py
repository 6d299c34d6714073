"""Which group a sentence value is stated for: the group after "compared to", and a
time point counted from an event, which is no value and takes no group's cue
(issue 10). The sentences are written for these tests."""

from __future__ import annotations

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms: tuple[str, ...] = ()) -> list[tuple[str | None, float, str | None]]:
    return [
        (m.outcome.name, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, arms)
    ]


def test_compared_to_the_x_group_names_the_value_after_it() -> None:
    got = _read(
        "Itching scores were lower in the menthol group (2.3 ± 0.7) compared to the "
        "vehicle group (3.6 ± 1.1) (p = 0.004)."
    )
    assert got == [("Itching scores", 2.3, "menthol"), ("Itching scores", 3.6, "vehicle")]


def test_a_time_counted_from_an_event_takes_no_group() -> None:
    # "90 min after the block" is when the score was taken: the cue after it is the
    # score's group, and the measure's name is not guessed from "where it"
    got = _read(
        "Sedation differed only 90 min after the block, where it was deeper in the "
        "clonidine group (3.4 ± 0.6) compared to the saline group (2.1 ± 0.5)."
    )
    assert all(label != "clonidine" or value == 3.4 for _n, value, label in got)
    assert not [v for _n, v, _a in got if v == 90.0]
    got = _read(
        "The score recorded 90 min after the block was higher in the clonidine group "
        "(3.4 ± 0.6) than in the saline group (2.1 ± 0.5)."
    )
    assert [(v, a) for _n, v, a in got] == [(3.4, "clonidine"), (2.1, "saline")]


def test_a_time_point_in_minutes_is_no_value() -> None:
    got = _read(
        "The lactate/pyruvate ratio at 90 minutes was raised with ghrelin infusion (ghrelin "
        "(7.4 ± 1.9) vs. saline (4.2 ± 1.1); P = 0.03) but not at 30 minutes.",
        ("ghrelin", "saline"),
    )
    assert got == [
        ("lactate/pyruvate ratio", 7.4, "ghrelin"),
        ("lactate/pyruvate ratio", 4.2, "saline"),
    ]


def test_a_cue_opening_the_next_parenthesis_labels_that_value() -> None:
    got = _read(
        "The lactate/pyruvate ratio at 90 minutes was raised by the infusion (ghrelin "
        "(7.4 ± 1.9) vs. placebo (4.2 ± 1.1); P = 0.03)."
    )
    assert ("lactate/pyruvate ratio", 4.2, "placebo") in got
    assert all(label != "placebo" for _n, value, label in got if value == 7.4)

"""A time point opening a sentence is the time point of each of its values
(sentences written for these tests)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _times(sent: str, arms: list[str]) -> list[tuple[float, float | None]]:
    return [
        (m.outcome.value, m.outcome.timepoint_months)
        for m in unkeyed_from_sentence(sent, None, arms)
    ]


def test_the_opening_time_point_reaches_the_second_arm() -> None:
    sent = (
        "After 6 months, the mean Oswestry disability index was 21.4 ± 6.2 points in the "
        "surgery group and 30.8 ± 7.5 points in the physiotherapy group (p = 0.002)."
    )
    assert _times(sent, ["surgery", "physiotherapy"]) == [(21.4, 6.0), (30.8, 6.0)]


def test_a_later_time_point_is_its_own() -> None:
    sent = (
        "At 3 months, mean pain was 3.1 ± 1.2 in the surgery group; at 12 months, "
        "mean pain was 2.2 ± 1.0 in the surgery group."
    )
    assert _times(sent, ["surgery", "physiotherapy"]) == [(3.1, 3.0), (2.2, 12.0)]


def test_a_time_point_inside_the_sentence_is_not_carried_to_every_value() -> None:
    sent = (
        "Mean pain was 4.0 ± 1.1 in the surgery group at 3 months, after a long, slow and "
        "uneven recovery of the whole cohort, while mean pain was 4.6 ± 1.3 in the physiotherapy group."
    )
    assert _times(sent, ["surgery", "physiotherapy"]) == [(4.0, 3.0), (4.6, None)]

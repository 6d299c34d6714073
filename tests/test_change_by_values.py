"""Changes stated with 'by' for each arm, and the span of the change after its
verb (sentences written for these tests)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms: list[str]) -> list[tuple]:
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.outcome.timepoint_months)
        for m in unkeyed_from_sentence(sent, None, arms)
    ]


def test_each_arms_change_by_a_percentage() -> None:
    sent = "Body fat fell by 2.4% in the exercise group and by 0.6% in the control group."
    assert [s for _, s, _, _ in _read(sent, ["exercise", "control"])] == [
        "difference",
        "difference",
    ]


def test_a_change_from_baseline_to_a_time_after_its_verb() -> None:
    sent = (
        "Mean trough FEV1 increased from baseline to week 12 by 110 mL with tiotropium "
        "and by 20 mL with placebo."
    )
    got = _read(sent, ["tiotropium", "placebo"])
    assert [(n, v, t) for n, _, v, t in got] == [
        ("trough FEV1", 110.0, 2.8),
        ("trough FEV1", 20.0, 2.8),
    ]


def test_a_value_without_by_after_a_change_is_not_made_a_change() -> None:
    sent = "Body fat fell by 2.4% in the exercise group and 35% in the control group."
    assert [s for _, s, _, _ in _read(sent, ["exercise", "control"])] == ["difference", "rate"]

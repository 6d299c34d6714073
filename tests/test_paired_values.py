"""Two values of one measure set against each other in a parenthesis share the
unit printed after the second and the time point of either (sentences written
for these tests)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms: list[str]) -> list[tuple]:
    return [
        (m.outcome.name, m.outcome.value, m.outcome.unit, m.outcome.timepoint_months, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, arms)
    ]


def test_the_unit_after_a_pair_is_both_values() -> None:
    sent = "Resting heart rate was lower with ivabradine than with placebo (64 ± 8 vs. 71 ± 9 bpm, P < 0.01)."
    assert [u for _, _, u, _, _ in _read(sent, ["ivabradine", "placebo"])] == ["bpm", "bpm"]


def test_a_pair_shares_the_time_point_of_its_subject() -> None:
    sent = (
        "Serum phosphate at month 6 was lower in the sevelamer group than in the calcium "
        "acetate group (4.9 ± 1.1 versus 5.6 ± 1.3 mg/dL; P = 0.02)."
    )
    assert _read(sent, ["sevelamer", "calcium acetate"]) == [
        ("Serum phosphate", 4.9, "mg/dL", 6.0, "sevelamer"),
        ("Serum phosphate", 5.6, "mg/dL", 6.0, "calcium acetate"),
    ]


def test_a_change_from_one_value_to_another_is_no_pair() -> None:
    sent = "Mean serum phosphate fell from 6.1 to 4.9 mg/dL in the sevelamer group."
    got = _read(sent, ["sevelamer", "calcium acetate"])
    assert [t for *_, t, _ in got] == [0.0, None]

"""A measure in percent whose mean or median the sentence names is that
statistic, not a rate of people (sentences written for these tests)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _stats(sent: str, arms: list[str]) -> list[tuple[str | None, str, float]]:
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value)
        for m in unkeyed_from_sentence(sent, None, arms)
    ]


def test_mean_glycated_haemoglobin_in_percent() -> None:
    sent = "Mean glycated haemoglobin was 6.9% with metformin and 7.6% with diet alone."
    assert _stats(sent, ["metformin", "diet alone"]) == [
        ("glycated haemoglobin", "mean", 6.9),
        ("glycated haemoglobin", "mean", 7.6),
    ]


def test_median_ejection_fraction_in_percent() -> None:
    sent = "The median ejection fraction was 41% in the sacubitril group and 38% in the enalapril group."
    assert [s for _, s, _ in _stats(sent, ["sacubitril", "enalapril"])] == ["median", "median"]


def test_a_share_of_people_stays_a_rate() -> None:
    sent = "Remission occurred in 41% in the sacubitril group and 38% in the enalapril group."
    assert {s for _, s, _ in _stats(sent, ["sacubitril", "enalapril"])} == {"rate"}


def test_a_share_after_a_mean_in_the_same_sentence_stays_a_rate() -> None:
    sent = (
        "While the mean serum ferritin was similar in both groups, the percentage of ferritin "
        "values above 300 was lower with iron sucrose (8%) than with ferric gluconate (21%)."
    )
    assert {s for _, s, _ in _stats(sent, ["iron sucrose", "ferric gluconate"])} <= {"rate"}


def test_a_change_in_percent_is_not_a_mean() -> None:
    sent = "At week 8, mean tubular counts were 31% and 35% lower in the losartan and amlodipine groups, respectively."
    assert "mean" not in {s for _, s, _ in _stats(sent, ["losartan", "amlodipine"])}
    sent = "Mean ferritin saturation at week 8 rose by 12% in the iron group and by 3% in the placebo group."
    assert "mean" not in {s for _, s, _ in _stats(sent, ["iron", "placebo"])}

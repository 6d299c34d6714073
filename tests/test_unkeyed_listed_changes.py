"""A list of changes ("fell by 0.6% and 0.2% in the A and B groups,
respectively"): every value of the list is the change the first one is, not
a rate (diabetes and lipid-clinic house styles written for these tests)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str):
    return [
        (m.outcome.statistic, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, [])
    ]


def test_a_listed_change_is_a_change():
    got = _read(
        "Glycated haemoglobin decreased by 0.6% and 0.2% in the sitagliptin and placebo "
        "groups, respectively."
    )
    assert [s for s, _, _ in got] == ["difference", "difference"]
    assert [v for _, v, _ in got] == [0.6, 0.2]


def test_three_listed_changes():
    got = _read(
        "LDL cholesterol fell by 18%, 24% and 3% in the low-dose, high-dose and placebo "
        "groups, respectively."
    )
    assert [s for s, _, _ in got] == ["difference"] * 3


def test_a_rate_after_a_change_stays_a_rate():
    got = _read(
        "Glycated haemoglobin decreased by 0.6% in the sitagliptin group, and 41% of its "
        "patients reached the target."
    )
    assert [s for s, _, _ in got] == ["difference", "rate"]

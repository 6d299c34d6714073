"""Arms named only by their dose ("the 20-mg group", "2 mg/kg") are found where
a sentence or a table names that dose: the dose is the one word that tells
them apart, though it is a number and a unit."""

from litkg.extractor.components.arm_resolver import ArmName, ArmResolver, ValueSpan


def _two_doses() -> ArmResolver:
    return ArmResolver([ArmName("20-mg group", "intervention"), ArmName("40-mg group", "control")])


def _spans(sent: str, *values: str) -> list[ValueSpan]:
    out = []
    for v in values:
        i = sent.index(v)
        out.append(ValueSpan(i, i + len(v), "score"))
    return out


def test_each_dose_names_its_arm():
    r = _two_doses()
    sent = "Mean weight loss was 3.1 kg in the 40-mg group and 1.9 kg in the 20-mg group."
    assert r.attribute(sent, _spans(sent, "3.1", "1.9")) == ["control", "intervention"]


def test_doses_listed_with_one_unit():
    r = _two_doses()
    sent = "Remission was reached by 41% and 57% of the 20- and 40-mg groups, respectively."
    assert r.attribute(sent, _spans(sent, "41%", "57%")) == ["intervention", "control"]
    sent = "Scores fell to 12.5 and 10.1 with 20 or 40 mg daily, respectively."
    assert [m.role for m in r.mentions(sent)] == ["intervention", "control"]


def test_a_patient_group_given_a_dose():
    r = ArmResolver(
        [
            ArmName("Placebo", "control"),
            ArmName("Drug X 1 mg/kg", "intervention"),
            ArmName("Drug X 3 mg/kg", "intervention"),
        ]
    )
    sent = "Patients given 3 mg/kg had a median change of -4.0 points."
    assert [sent[m.start : m.end] for m in r.mentions(sent)] == ["3 mg/kg"]
    assert r.index_of("3 mg/kg (n = 44)") == 2
    assert r.index_of("Drug X, 1 mg/kg") == 1


def test_a_shared_dose_or_another_unit_names_no_arm():
    r = ArmResolver(
        [
            ArmName("Insulin 10 IU + metformin 500 mg", "intervention"),
            ArmName("Insulin 20 IU + metformin 500 mg", "control"),
        ]
    )
    assert r.mentions("All patients took metformin 500 mg twice daily.") == []
    # a concentration is no dose: "10 mg/dL" is not the "10 mg" arm
    r2 = ArmResolver([ArmName("10 mg", "intervention"), ArmName("20 mg", "control")])
    assert r2.mentions("Serum levels were 10 and 20 mg/dL at week 4.") == []

"""Groups named by their dose ("the 10 mg group", "the 0.5 mg/kg arm"): the
dose is part of the group's label, not a value of the result (dose-finding and
paediatric house styles written for these tests)."""

from sentence_helpers import read_sentence

from litkg.extractor.components.arm_resolver import ArmName, ArmResolver

_ARMS = ArmResolver(
    [
        ArmName("Drug Z 2.5 mg", "intervention"),
        ArmName("Drug Z 7.5 mg", "intervention"),
        ArmName("Placebo", "control"),
    ]
)


def _read(sent: str, resolver: ArmResolver = _ARMS):
    return [
        (m.outcome.name, m.outcome.value, m.arm_label, resolver.role_of(m.arm_label))
        for m in read_sentence(sent, resolver)
    ]


def test_rates_of_groups_named_by_their_dose():
    assert _read(
        "Sustained response was seen in 38% of the 2.5 mg group, 52% of the 7.5 mg group "
        "and 17% of the placebo group."
    ) == [
        ("Sustained response", 38.0, "2.5 mg", "intervention"),
        ("Sustained response", 52.0, "7.5 mg", "intervention"),
        ("Sustained response", 17.0, "placebo", "control"),
    ]


def test_a_dose_per_kilogram_in_the_label():
    res = ArmResolver(
        [ArmName("Iron 0.5 mg/kg", "intervention"), ArmName("No supplement", "control")]
    )
    got = _read(
        "Mean haemoglobin at 6 months was 11.8 g/dL in the 0.5 mg/kg arm and 11.1 g/dL "
        "in the no-supplement arm.",
        res,
    )
    assert [(v, label) for _, v, label, _ in got] == [(11.8, "0.5 mg/kg"), (11.1, "no-supplement")]
    assert 0.5 not in [v for _, v, _, _ in got]


def test_the_dose_is_no_value():
    got = _read("The median time to relief in the 7.5 mg group was 42 min.")
    assert [(v, role) for _, v, _, role in got] == [(42.0, "intervention")]

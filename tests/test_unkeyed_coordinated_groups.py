"""A value stated for two groups a plural group word names together ("in the
ketamine and placebo groups combined") is neither group's; with
"respectively" the groups take the values in order (orthopaedic and
anaesthesia house styles written for these tests)."""

from sentence_helpers import read_sentence

from litkg.extractor.components.arm_resolver import ArmName, ArmResolver

_ARMS = ArmResolver([ArmName("Tranexamic acid", "intervention"), ArmName("Saline", "control")])


def _read(sent: str):
    return [(m.outcome.value, m.arm_label) for m in read_sentence(sent, _ARMS)]


def test_a_value_of_two_groups_together_is_neither_groups():
    for sent in (
        "Mean drain output was 412 ± 96 mL in the tranexamic acid and saline groups combined.",
        "Mean drain output was 412 ± 96 mL in tranexamic acid and saline arms alike.",
    ):
        assert _read(sent) == [(412.0, None)], sent


def test_respectively_gives_each_group_its_value():
    got = _read(
        "Mean drain output was 288 ± 80 mL and 530 ± 110 mL in the tranexamic acid and "
        "saline groups, respectively."
    )
    assert got == [(288.0, "tranexamic acid"), (530.0, "saline")]


def test_each_group_with_its_own_value():
    got = _read(
        "Mean drain output was 288 ± 80 mL with tranexamic acid and 530 ± 110 mL with saline."
    )
    assert got == [(288.0, "tranexamic acid"), (530.0, "saline")]


def test_two_values_listed_right_before_the_pair():
    got = _read(
        "Mean drain output was 288 mL and 530 mL in the tranexamic acid and saline groups (P < 0.001)."
    )
    assert [(v, _ARMS.role_of(label)) for v, label in got] == [
        (288.0, "intervention"),
        (530.0, "control"),
    ]


def test_two_values_alone_in_the_parenthesis_after_the_pair():
    got = _read(
        "Wound infection was rarer in the tranexamic acid and saline groups (3.1% vs 6.8%) "
        "than in the historical series (11.0%)."
    )
    assert [(v, _ARMS.role_of(label)) for v, label in got][:2] == [
        (3.1, "intervention"),
        (6.8, "control"),
    ]


def test_values_listed_before_one_group_are_all_that_groups():
    got = _read(
        "Mean drain output at 12 and 24 h was 150 mL and 210 mL with tranexamic acid and "
        "260 mL and 390 mL with saline."
    )
    assert [(v, _ARMS.role_of(label)) for v, label in got] == [
        (150.0, "intervention"),
        (210.0, "intervention"),
        (260.0, "control"),
        (390.0, "control"),
    ]


def test_one_value_stated_for_both_named_groups_is_each_groups():
    got = _read(
        "Adherence, assessed by returned vials, was 94% for both the tranexamic acid and "
        "the saline groups."
    )
    assert sorted((v, _ARMS.role_of(label)) for v, label in got) == [
        (94.0, "control"),
        (94.0, "intervention"),
    ]

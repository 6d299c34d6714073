"""The second group's value of a comparison, named after the value by the people
who received something ("31 (47%) of those given placebo", "in 35% of patients
receiving sham"): each value goes to its group when that name is one of the
paper's arms, and to no group otherwise (nutrition, physiotherapy and vaccine
house styles written for these tests)."""

from sentence_helpers import read_sentence

from litkg.extractor.components.arm_resolver import ArmName, ArmResolver


def _arms(a: str, b: str) -> ArmResolver:
    return ArmResolver([ArmName(a, "intervention"), ArmName(b, "control")])


def _read(sent: str, resolver: ArmResolver) -> list[tuple]:
    return [
        (m.outcome.name, m.outcome.value, m.arm_label, resolver.role_of(m.arm_label))
        for m in read_sentence(sent, resolver)
    ]


def test_count_then_share_of_those_given():
    got = _read(
        "Of the infants given fortified porridge, 17 (26%) were underweight at six months, "
        "compared with 31 (47%) of those given plain porridge.",
        _arms("fortified porridge", "plain porridge"),
    )
    assert [(n, v, role) for n, v, _, role in got] == [
        ("were underweight at six months", 26.0, "intervention"),
        ("were underweight at six months", 47.0, "control"),
    ]


def test_and_in_patients_receiving():
    got = _read(
        "Knee swelling was present in 14% of the cryotherapy group and in 35% of patients "
        "receiving sham therapy.",
        _arms("cryotherapy", "sham therapy"),
    )
    assert [(n, v, role) for n, v, _, role in got] == [
        ("Knee swelling", 14.0, "intervention"),
        ("Knee swelling", 35.0, "control"),
    ]


def test_versus_those_on():
    got = _read(
        "Seroconversion was seen in 41 (82%) of those on the adjuvanted vaccine versus "
        "29 (58%) of those on the plain vaccine.",
        _arms("adjuvanted vaccine", "plain vaccine"),
    )
    assert [(v, role) for _, v, _, role in got] == [(82.0, "intervention"), (58.0, "control")]


def test_people_given_no_arm_of_the_paper_keep_no_group():
    got = _read(
        "Of the infants given fortified porridge, 17 (26%) were underweight at six months, "
        "compared with 31 (47%) of those given cow's milk.",
        _arms("fortified porridge", "plain porridge"),
    )
    assert (26.0, "intervention") in [(v, role) for _, v, _, role in got]
    assert all(arm is None for _, v, arm, _ in got if v == 47.0)


def test_a_new_clause_keeps_its_own_name():
    got = _read(
        "Residual swelling was recorded in 14% of the cryotherapy group; fever was noted "
        "in 35% of patients receiving sham therapy.",
        _arms("cryotherapy", "sham therapy"),
    )
    names = {v: n for n, v, _, _ in got}
    assert names == {14.0: "Residual swelling", 35.0: "fever"}


def test_count_in_parenthesis_before_those_assigned():
    got = _read(
        "The rate of wound infection was 12% (5/41) in children dressed with honey and "
        "29% (12/42) in those assigned to povidone-iodine.",
        _arms("honey", "povidone-iodine"),
    )
    assert [(v, role) for _, v, _, role in got] == [(12.0, "intervention"), (29.0, "control")]


def test_respectively_list_is_not_given_to_the_first_named():
    resolver = ArmResolver(
        [
            ArmName("saline", "control"),
            ArmName("zinc 10 mg", "intervention"),
            ArmName("zinc 20 mg", "intervention"),
        ]
    )
    got = read_sentence(
        "Diarrhoea lasted over 5 days in 30% of the saline group, compared with 21% and 15% "
        "of children receiving zinc 10 mg and 20 mg, respectively.",
        resolver,
    )
    assert all(m.arm_label is None for m in got if m.outcome.value == 15.0)

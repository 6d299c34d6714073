"""Values stated for an arm the paper names by an abbreviation or its drug: the
arm resolver's names as cues of the sentence reader (exercise-trial, dental and
anaesthesia house styles written for these tests)."""

from sentence_helpers import read_sentence

from litkg.extractor.components.arm_resolver import ArmName, ArmResolver
from litkg.extractor.mentions import arm_name_cues, arm_of_values, sentence_mentions

_ARMS = ArmResolver(
    [
        ArmName("Exercise group", "intervention", aliases=("exercise group (XG)",)),
        ArmName("Waitlist group", "control", aliases=("waitlist group (WL)",)),
    ]
)


def _read(sent: str, resolver: ArmResolver = _ARMS):
    return [
        (m.outcome.name, m.outcome.value, m.arm_label, resolver.role_of(m.arm_label))
        for m in read_sentence(sent, resolver)
    ]


def test_abbreviated_arms_after_in_the():
    assert _read(
        "Mean blood loss was 212 ± 40 mL in the XG and 305 ± 52 mL in the WL (P < 0.01)."
    ) == [
        ("blood loss", 212.0, "XG", "intervention"),
        ("blood loss", 305.0, "WL", "control"),
    ]


def test_abbreviated_arms_labelling_their_values():
    got = _read(
        "Grip strength was similar in the two arms (XG = 31.2 ± 4.0 kg; WL = 30.8 ± 4.4 kg)."
    )
    assert [(v, role) for _, v, _, role in got] == [(31.2, "intervention"), (30.8, "control")]


def test_arm_named_by_its_drug_after_a_preposition():
    res = ArmResolver(
        [
            ArmName("Group M", "intervention", aliases=("magnesium",)),
            ArmName("Group S", "control", aliases=("saline",)),
        ]
    )
    got = _read(
        "Shivering scores were lower with magnesium (1.2 ± 0.4) than with saline (2.3 ± 0.6).", res
    )
    assert [(v, role) for _, v, _, role in got] == [(1.2, "intervention"), (2.3, "control")]


def test_a_drug_name_inside_the_measure_names_no_arm():
    res = ArmResolver(
        [
            ArmName("Group M", "intervention", aliases=("magnesium",)),
            ArmName("Group S", "control", aliases=("saline",)),
        ]
    )
    sent = "Mean serum magnesium concentration was 2.9 ± 0.3 mg/dL at the end of surgery."
    assert arm_name_cues(sent, [(m.start, m.end) for m in res.mentions(sent)]) == []
    assert all(label is None for *_, label, _role in _read(sent, res))


def test_a_comparator_opening_the_sentence_is_no_cue():
    sent = "Compared with the WL, attendance rose by 18%."
    assert arm_name_cues(sent, [(m.start, m.end) for m in _ARMS.mentions(sent)]) == []


def _arms_of(sent: str) -> list[str | None]:
    vals = [m for m in sentence_mentions(sent) if m.kind == "value"]
    got = arm_of_values(sent, vals)
    return [got.get(i) for i in range(len(vals))]


def test_values_set_against_each_other_under_one_named_group():
    # the first is the named group's, the second the other group's, which is not named
    assert _arms_of("Retention was higher in the yoga group (71% vs. 52%, P = 0.03).") == [
        "yoga",
        None,
    ]


def test_values_set_against_each_other_after_the_comparator():
    assert _arms_of("Retention was higher than in controls; 71% vs. 52% stayed to week 12.") == [
        None,
        None,
    ]


def test_one_group_before_and_after():
    assert _arms_of(
        "In the yoga group, cortisol fell (14.2 nmol/L at baseline vs. 11.8 nmol/L after the course)."
    ) == ["yoga", "yoga"]


def test_arm_named_by_its_treated_people():
    res = ArmResolver(
        [
            ArmName("Active treatment group", "intervention", aliases=("zinc",)),
            ArmName("Control group", "control"),
        ]
    )
    sent = "Diarrhoea resolved within 3 days in 41 of 60 of the zinc-treated children (68%)."
    cues = arm_name_cues(sent, [(m.start, m.end) for m in res.mentions(sent)])
    assert [c.label for c in cues] == ["zinc"]


def test_arm_named_after_those_taking():
    res = ArmResolver(
        [
            ArmName("Group M", "intervention", aliases=("magnesium",)),
            ArmName("Group S", "control", aliases=("saline",)),
        ]
    )
    sent = "Shivering was rarer among those taking magnesium (12%) than among those taking saline (31%)."
    cues = arm_name_cues(sent, [(m.start, m.end) for m in res.mentions(sent)])
    assert [c.label for c in cues] == ["magnesium", "saline"]


def test_the_comparator_of_a_ratio_is_no_cue():
    res = ArmResolver(
        [
            ArmName("Active treatment group", "intervention", aliases=("zinc",)),
            ArmName("Control group", "control", aliases=("placebo",)),
        ]
    )
    sent = "Recovery by day 3 was likelier in zinc-treated children relative to placebo-treated children (OR 1.8)."
    cues = arm_name_cues(sent, [(m.start, m.end) for m in res.mentions(sent)])
    assert [c.label for c in cues] == ["zinc"]


def test_a_named_label_runs_on_over_its_arms_words():
    res = ArmResolver(
        [ArmName("Vaccine + CPA", "intervention"), ArmName("Vaccine alone", "control")]
    )
    got = _read(
        "Injection site reactions were the commonest events (71% in the vaccine/CPA and 74% "
        "in the vaccine alone).",
        res,
    )
    assert [(v, role) for _, v, _, role in got] == [(71.0, "intervention"), (74.0, "control")]


def test_people_who_received_an_arms_treatment():
    res = ArmResolver([ArmName("Cefazolin", "intervention"), ArmName("Vancomycin", "control")])
    got = _read(
        "Surgical site infection developed in 4 of 75 (5.3%) patients who received cefazolin "
        "compared to 9 of 77 (11.7%) patients who received vancomycin.",
        res,
    )
    assert [(v, role) for _, v, _, role in got] == [(5.3, "intervention"), (11.7, "control")]


def test_those_that_were_given_an_arms_treatment():
    res = ArmResolver([ArmName("Cefazolin", "intervention"), ArmName("Vancomycin", "control")])
    got = _read(
        "Diarrhoea occurred in 6 of 75 (8.0%) of those that were given cefazolin and "
        "2 of 77 (2.6%) of those that were given vancomycin.",
        res,
    )
    assert [(v, role) for _, v, _, role in got] == [(8.0, "intervention"), (2.6, "control")]

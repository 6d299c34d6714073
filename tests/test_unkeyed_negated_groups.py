"""A group the sentence negates ("but not in the placebo group") is given no
value, and its words are no measure's name (physiotherapy, smoking-cessation,
telehealth and music-therapy house styles written for these tests)."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _read(sent: str, arms=()):
    return [
        (m.outcome.name, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent, None, list(arms))
    ]


def test_a_negated_group_after_a_value_takes_none():
    sent = "Quit rates were 18% in the counselling group, not in the usual care group (9%)."
    got = _read(sent)
    assert ("Quit rates", 18.0, "counselling") in got
    assert all(a != "usual care" for _, _, a in got)
    assert all(n != "not" for n, _, _ in got)


def test_a_negated_group_ends_the_earlier_groups_clause():
    sent = (
        "The loss was significant for the exercise arm (mean 4.2 kg) but not for the "
        "diet arm (mean 1.1 kg)."
    )
    got = _read(sent)
    assert got[0][1:] == (4.2, "exercise")
    assert all(not (v == 1.1 and a) for _, v, a in got)
    assert all(not (n or "").lower().startswith("not") for n, _, _ in got)


def test_negated_people_in_an_arm_are_no_name():
    sent = (
        "Adherence improved among those in the SMS arm and not among those in the "
        "standard arm (72% vs 60%)."
    )
    got = _read(sent)
    assert all(a != "standard" for _, _, a in got)
    assert all(not (n or "").lower().startswith("not") for n, _, _ in got)


def test_not_before_the_group_is_no_part_of_its_label():
    sent = (
        "Anxiety scores improved in the music group, and not the control group (mean 32.1 vs 40.2)."
    )
    got = _read(sent)
    assert all(not (a or "").lower().startswith("not") for _, _, a in got)

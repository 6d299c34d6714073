"""Lists of arms after an allocation verb in three more house styles: the
preposition repeated before each arm ("to X, to Y, or to Z"), one group noun
shared by bare words ("to a treatment, placebo, or control group"), and the
groups counted and then named by what they received ("into two groups that
received either X or Y"), with "either" also right after the verb. And what
must stay no arms: the treatments of a within-subject design, doses of one
drug, times and sites."""

from litkg.extractor.components.arm_resolver import assign_roles
from litkg.extractor.components.arms import allocation


def _labels(sent: str) -> list[str] | None:
    got = allocation(sent)
    return None if got is None else [label for label, _n in got.arms]


# ------------------------------------------------------------- the preposition repeated


def test_the_preposition_repeated_before_each_arm():
    assert _labels(
        "Eligible adults were randomly assigned to receive oral drug Q, to placebo, or to usual care."
    ) == ["oral drug Q", "placebo", "usual care"]
    assert _labels("The wards were randomised to the hand-rub campaign or to the poster.") == [
        "hand-rub campaign",
        "poster",
    ]
    assert _labels("Mothers were allocated to receive zinc syrup or to receive a sugar syrup.") == [
        "zinc syrup",
        "sugar syrup",
    ]


def test_sizes_stay_with_their_arms_when_the_preposition_repeats():
    got = allocation(
        "In total, 96 smokers were randomised to the text-message arm (n = 49) or to the "
        "booklet arm (n = 47)."
    )
    assert got is not None and got.arms == (("text-message arm", 49), ("booklet arm", 47))


def test_a_verb_after_the_repeated_preposition_is_no_arm():
    # "to stay on" begins a clause, not an arm's name: the list is one item long
    assert (
        _labels("Older adults were randomised to a balance class or to stay on the waiting list.")
        is None
    )
    assert _labels("Older adults were randomised to a balance class or to a waiting list.") == [
        "balance class",
        "waiting list",
    ]


def test_a_size_per_part_of_an_arm_is_not_the_arm_size():
    got = allocation(
        "Pupils were randomised to the quiz (n = 12 per school) or to the lecture (n = 12 per school)."
    )
    assert got is not None and all(n == 0 for _label, n in got.arms)


# ------------------------------------------------------------- one shared group noun


def test_one_group_noun_shared_by_bare_words():
    assert _labels("Volunteers were assigned to a treatment, placebo, or control group.") == [
        "treatment group",
        "placebo group",
        "control group",
    ]
    assert _labels("The clinics were allocated to the treatment or control arm.") == [
        "treatment arm",
        "control arm",
    ]


def test_a_generic_name_beside_a_control_names_one_arm():
    labels = _labels("Children were randomised to the treatment group or the sham group.")
    assert labels == ["treatment group", "sham group"]
    assert assign_roles(labels) == ["intervention", "control"]
    labels = _labels("Runners were randomly assigned to a treatment, placebo, or control group.")
    assert assign_roles(labels) == ["intervention", "control", "control"]


def test_a_generic_name_without_a_control_names_nothing():
    # "half" is no arm, and "treatment group" beside it cannot be told apart
    assert (
        _labels("We allocated half of the clinics to the treatment group and half to the other.")
        is None
    )
    # a bare generic word with no group noun after it
    assert _labels("Patients were randomised to treatment or to placebo.") is None


def test_a_noun_phrase_with_its_own_article_shares_no_noun():
    assert (
        _labels(
            "Dogs were assigned into the two arms of the study, a laser-therapy group and a sham group."
        )
        is None
    )


# ------------------------------------------------------------- counted groups, either/or


def test_counted_groups_named_by_what_they_received():
    assert _labels(
        "The athletes were divided into two groups that received either beetroot juice or "
        "blackcurrant cordial."
    ) == ["beetroot juice", "blackcurrant cordial"]
    assert _labels(
        "Forty-five rats were split into three groups, which received either tap water, "
        "green tea or a salt solution."
    ) == ["tap water", "green tea", "salt solution"]


def test_counted_groups_must_match_the_list():
    # three groups announced, two named: no list of arms
    assert (
        _labels(
            "Students were divided into three groups that received either chewing gum or mints."
        )
        is None
    )


def test_either_right_after_the_verb():
    assert _labels("Infants were randomized either to cup feeding or to bottle feeding.") == [
        "cup feeding",
        "bottle feeding",
    ]
    assert _labels("Clinics were randomly allocated either to the audit or to the newsletter.") == [
        "audit",
        "newsletter",
    ]


# ------------------------------------------------------------- lists that are no arms


def test_a_within_subject_design_gives_no_parallel_arms():
    assert (
        _labels("Each volunteer received both menthol gel and a neutral gel in random order.")
        is None
    )
    assert (
        _labels(
            "Participants were randomized to receive both the high-fibre bar and the control bar "
            "in a counterbalanced order."
        )
        is None
    )
    assert (
        _labels(
            "Volunteers were randomised to receive the lavender oil and the almond oil in a random "
            "order, a week apart."
        )
        is None
    )


def test_the_treatments_of_one_person_on_separate_days_are_no_arms():
    assert (
        _labels(
            "Each runner was randomized to receive beetroot juice and a nitrate-free juice on "
            "two separate test days."
        )
        is None
    )
    # the order in which everyone gets both
    assert (
        _labels("Runners were randomly assigned to receive the juice or the cordial first.") is None
    )


def test_doses_of_one_drug_are_no_arms():
    # three arms (placebo and two doses): the list names two of them at most
    assert (
        _labels("Women were randomly assigned to receive placebo or drug R 5 or 10 mg daily.")
        is None
    )
    assert _labels("Adults were randomised to receive 2 mg, 4 mg or 8 mg of drug K.") is None


def test_times_and_sites_are_no_arms():
    assert _labels("Participants were randomised at 4, 8 and 12 weeks.") is None
    assert _labels("Patients were randomized at clinics in Lyon, Porto and Gdansk.") is None
    # a clock time after its hour is no arm counted by the hour
    assert _labels("Adults were randomized to take drug P at 9 am or at 9 pm.") is None
    got = allocation("Thirty adults were randomized to the AM arm and 30 to the PM arm.")
    assert got is not None and got.arms == (("AM arm", 30), ("PM arm", 30))


def test_a_coordination_with_both_after_the_verb_is_no_list():
    assert (
        _labels(
            "Subjects viewed randomised dot patterns and used them both to judge speed and to "
            "predict direction."
        )
        is None
    )


def test_a_verb_after_the_group_ends_the_list():
    # a result about the allocated groups, whose last "item" runs into its verb
    assert (
        _labels(
            "Workers allocated to the stretching group or to the walking group reported less pain."
        )
        is None
    )

"""Arms allocated in prose: what a sentence's counts name, and what they do not.

The sentences are written here in house styles of their own (checked by
hand), not copied from any paper of the development set or the corpus.
"""

from __future__ import annotations

from litkg.extractor.components.arms import allocation, arms_with_n, not_an_arm


def test_sex_and_age_make_up_is_no_allocation() -> None:
    assert (
        allocation("Data of 58 pupils (31 girls and 27 boys) were analysed at follow-up.") is None
    )
    assert allocation("Forty volunteers (22 men, 18 women) were enrolled from two clinics.") is None
    assert allocation("We included 36 children: 20 male and 16 female.") is None


def test_flow_counts_are_no_arms() -> None:
    assert (
        allocation(
            "Of 240 patients screened for eligibility, 181 were randomized and 170 were analysed."
        )
        is None
    )
    assert allocation("In total 96 were approached, 64 were enrolled.") is None


def test_a_count_inside_a_name_or_before_a_unit_is_no_arm_size() -> None:
    # marker names with numbers ("IL 6, IL 10"): the comma ends the count
    assert allocation("Serum samples were analysed for IL 6, IL 10, TNF 12 and CRP levels.") is None
    assert (
        allocation(
            "120 nurses and 85 physicians were randomly sampled to log their steps every 10 "
            "minutes at work."
        )
        is None
    )


def test_thousands_keep_their_comma() -> None:
    a = allocation(
        "Overall, 1,204 were randomised to the text-message arm and 1,198 to usual care."
    )
    assert a is not None and a.arms == (("text-message arm", 1204), ("usual care", 1198))


def test_arm_label_starts_after_the_allocation_verb() -> None:
    got = [(a.label, a.n) for a in arms_with_n(
        "Ninety women were randomly split into sham group (n = 45) and acupuncture group (n = 45)."
    )]  # fmt: skip
    assert got == [("sham group", 45), ("acupuncture group", 45)]


def test_not_an_arm_labels() -> None:
    assert not_an_arm("females") and not_an_arm("were randomized") and not_an_arm("subjects")
    assert not_an_arm("minutes at work") and not_an_arm("screened for eligibility")
    assert not not_an_arm("usual care") and not not_an_arm("exercise group")


def _arms(sent: str) -> tuple[tuple[str, int], ...] | None:
    a = allocation(sent)
    return a.arms if a else None


def test_groups_listed_after_their_number() -> None:
    assert _arms(
        "Volunteers were split at random into three groups: cold water, warm water and no "
        "immersion (NI)."
    ) == (("cold water", 0), ("warm water", 0), ("no immersion (NI)", 0))
    # the list must hold as many groups as the sentence says
    assert _arms("Wards were randomly divided into three groups: early and late visiting.") is None
    # "the A group, the B group and the C and D group": the last name holds an "and"
    assert _arms(
        "Teeth were allocated into three groups, namely the varnish group, the sealant group "
        "and the laser and gel group."
    ) == (("varnish group", 0), ("sealant group", 0), ("laser and gel group", 0))
    # a combination of two other arms has no word of its own: its mentions would
    # name those arms, so the list gives none
    assert (
        _arms(
            "Teeth were allocated into three groups, namely the varnish group, the sealant "
            "group and the varnish and sealant group."
        )
        is None
    )


def test_numbered_list_of_groups() -> None:
    assert _arms(
        "Sixty ewes were randomly assigned to three groups: (1) hay only; (2) hay plus "
        "concentrate; (3) pasture for six weeks."
    ) == (("hay only", 0), ("hay plus concentrate", 0), ("pasture", 0))
    # "hay" has no word of its own beside "hay plus concentrate": no arms
    assert (
        _arms("Ewes were randomly assigned to two groups: (a) hay; (b) hay plus concentrate.")
        is None
    )
    assert _arms(
        "Runners were randomly allocated to three groups: 1) cryotherapy, 2) massage, and "
        "3) passive rest."
    ) == (("cryotherapy", 0), ("massage", 0), ("passive rest", 0))


def test_either_or_after_the_allocation_verb() -> None:
    assert _arms(
        "Each ward was randomised to either the checklist arm or the usual teaching arm."
    ) == (("checklist arm", 0), ("usual teaching arm", 0))
    assert _arms(
        "Students were randomly assigned to receive a printed leaflet or a video for two weeks."
    ) == (("printed leaflet", 0), ("video", 0))
    # the group noun of the last item names the others too
    assert _arms("Mothers were randomised to the peer-support or the control group.") == (
        ("peer-support group", 0),
        ("control group", 0),
    )
    # sizes printed with the items
    assert _arms(
        "Infants were randomly assigned to receive formula X (n = 41; 20 girls) or formula Y "
        "(n = 39; 18 girls)."
    ) == (("formula X", 41), ("formula Y", 39))


def test_lists_that_name_no_arms() -> None:
    # doses or durations, not named arms
    assert _arms("Patients were randomised to receive the drug for 6 or 12 months.") is None
    # one list item only
    assert _arms("Clinics were randomly assigned to one of two study groups.") is None
    # arms without words of their own: "with" / "without"
    assert _arms("Pupils were randomised to a game with or a game without rewards.") is None
    # a stratified allocation names strata, not arms
    assert _arms("Randomisation was stratified into group 1 and group 2 by age.") is None


def test_designators_outside_parentheses() -> None:
    assert _arms("Patients were randomly allocated to group I or group II before induction.") == (
        ("Group I", 0),
        ("Group II", 0),
    )
    assert _arms("Eyes were divided into two equal groups, A and B, by coin toss.") == (
        ("Group A", 0),
        ("Group B", 0),
    )
    # a short description after a designator stays in its label
    assert _arms(
        "Dogs were randomly assigned to Group 1 (saline), Group 2 (ketamine) or Group 3 (no drug)."
    ) == (("Group 1 (saline)", 0), ("Group 2 (ketamine)", 0), ("Group 3 (no drug)", 0))
    # designators with their sizes need no verb
    assert _arms("Group X: 51 enrolled, 49 completed; Group Y: 50 enrolled, 47 completed.") == (
        ("Group X", 51),
        ("Group Y", 50),
    )
    # designators in a results sentence allocate nothing
    assert _arms("Pain scores were lower in group I than in group II at 6 h.") is None


def test_a_study_made_of_groups() -> None:
    assert _arms(
        "The trial comprised a walking group (3 km/day), a cycling group and a stretching group."
    ) == (("walking group", 0), ("cycling group", 0), ("stretching group", 0))


def test_lists_after_a_verb_that_allocates_no_people() -> None:
    # the second "item" is the subject of the next clause
    assert _arms("Pupils were randomised into two groups and attendance was logged daily.") is None
    assert (
        _arms("Patients were randomly assigned to the study drug and asked to keep a diary.")
        is None
    )
    # what is divided is no one allocated
    assert _arms("Scores were divided into motor and verbal subscales.") is None
    # "according to A or B" is no allocation
    assert _arms("Patients were randomly sampled, according to clinic size or region.") is None
    # a noun "randomization" allocates nothing by itself
    assert _arms("Randomization used odd numbers to cast and even numbers to splint.") is None
    # an "and" after "either" stands inside an arm's name
    assert _arms(
        "Adults were randomly assigned to either salt and pepper seasoning or herb seasoning."
    ) == (("salt and pepper seasoning", 0), ("herb seasoning", 0))


def test_a_label_ending_in_a_time_unit_is_no_arm() -> None:
    assert not_an_arm("gestational weeks") and not_an_arm("y of age")
    assert (
        allocation(
            "Mothers were enrolled at 16 y of age or older and 22 gestational weeks at most."
        )
        is None
    )


def test_a_phrase_after_the_last_of_bare_names_is_shared() -> None:
    # "IA or SC of 2% lidocaine": the drug is both arms', its words name neither
    assert _arms("Patients were randomly assigned to IA or SC injection of 2% lidocaine.") == (
        ("IA", 0),
        ("SC injection", 0),
    )


def test_a_duration_ends_an_arm_name() -> None:
    assert _arms(
        "Participants were randomised to consume cherry juice or a placebo drink 2 h before each ride."
    ) == (("cherry juice", 0), ("placebo drink", 0))


def test_a_classification_is_no_allocation() -> None:
    assert not_an_arm("identified as anaemic") and not_an_arm("as having asthma")
    assert (
        allocation("Of those enrolled, 30 were classified as frail and 41 as robust at baseline.")
        is None
    )


def test_groups_announced_then_named() -> None:
    from litkg.extractor.components.arm_lists import announced_groups, groups_named_after

    assert announced_groups("Horses were then randomised into one of three equal groups.") == 3
    assert announced_groups("Data of the three groups were compared by ANOVA.") is None
    assert groups_named_after(
        "The saline group (Group S), the lidocaine group (Group L) and the magnesium group "
        "(Group M).",
        3,
    ) == [("saline group (Group S)", 0), ("lidocaine group (Group L)", 0), ("magnesium group (Group M)", 0)]  # fmt: skip
    assert groups_named_after("Group 1 wore the brace and group 2 wore none.", 2) == [
        ("Group 1", 0),
        ("Group 2", 0),
    ]
    # the count must match the announcement
    assert groups_named_after("Group 1 wore the brace and group 2 wore none.", 3) is None


def test_other_names_of_the_arms_from_another_allocation() -> None:
    from litkg.extractor.components.arms import Allocation
    from litkg.extractor.components.factories import _other_names

    ref = ["high-flow oxygen", "low-flow oxygen"]
    other = Allocation((("low flow (LF)", 0), ("high flow (HF)", 0)), False, 0, 10)
    unrelated = Allocation((("morning", 20), ("evening", 21)), False, 0, 10)
    assert _other_names(ref, [(other, 0, 10), (unrelated, 0, 10)]) == [
        ["high flow (HF)"],
        ["low flow (LF)"],
    ]


def test_an_arm_called_only_drug_treatment_is_named_by_the_drug() -> None:
    from litkg.extractor.components.factories import _name_the_drug_arm

    aliases: list[list[str]] = [[], []]
    _name_the_drug_arm(["active treatment group", "control group"], ["intervention", "control"],
                       aliases, "abatacept")  # fmt: skip
    assert aliases == [["abatacept"], []]
    # an arm with a name of its own keeps it alone
    aliases = [[], []]
    _name_the_drug_arm(["exercise group", "control group"], ["intervention", "control"],
                       aliases, "abatacept")  # fmt: skip
    assert aliases == [[], []]
    # two treated arms: which got the drug is not said
    aliases = [[], [], []]
    _name_the_drug_arm(["drug group", "active group", "control group"],
                       ["intervention", "intervention", "control"], aliases, "abatacept")  # fmt: skip
    assert aliases == [[], [], []]


def test_conditions_of_a_crossover_design() -> None:
    assert _arms(
        "The order of the caffeine and decaf test sessions was counterbalanced across riders."
    ) == (("caffeine", 0), ("decaf", 0))
    assert _arms("Each volunteer received nicotine in one session and saline in the other.") == (
        ("nicotine", 0),
        ("saline", 0),
    )
    # an order of measures, not of conditions
    assert _arms("The order of the memory and attention tasks was fixed.") is None


def test_announced_groups_named_by_one_sequence_of_designators() -> None:
    from litkg.extractor.components.arm_lists import designator_sequence

    sents = [
        "Pain at 1 h was 3.1 in group 1, 2.2 in group 2 and 4.0 in group 3.",
        "Nausea was rarer in Group 2.",
    ]
    assert designator_sequence(sents, 3) == [("Group 1", 0), ("Group 2", 0), ("Group 3", 0)]
    # an incomplete or a longer sequence is not the announced one
    assert designator_sequence(sents, 2) is None
    assert designator_sequence([*sents, "Group 4 was a pilot."], 3) is None
    assert designator_sequence(["Arm I and arm II did not differ."], 2) == [
        ("Group I", 0),
        ("Group II", 0),
    ]


def test_groups_lettered_in_a_list() -> None:
    assert _arms(
        "Sixty extracted teeth were randomly divided into three groups: (A) no treatment, (B) "
        "fluoride varnish & (C) fluoride and sealant."
    ) == (("Group A (no treatment)", 0), ("Group B (fluoride varnish)", 0), ("Group C (fluoride and sealant)", 0))  # fmt: skip


def test_membership_sentence_counts_the_arms():
    """'N were in the X group' allocates like 'N were assigned to X', and a
    'study group' is an arm (the study itself is not)."""
    from litkg.extractor.components.arms import allocation

    a = allocation(
        "Of the 48 adults, 25 were in the tai chi group and 23 were in the waitlist group."
    )
    assert a is not None and a.arms == (("tai chi group", 25), ("waitlist group", 23))
    b = allocation(
        "Thirty children were in the sprint arm, whereas 28 children were in the rest arm."
    )
    assert b is not None and b.arms == (("sprint arm", 30), ("rest arm", 28))
    c = allocation(
        "Among those enrolled, 17 patients were in the study group and 19 in the control group."
    )
    assert c is not None and c.arms == (("study group", 17), ("control group", 19))
    # no arm without a group word, and the study as a whole is no arm
    assert allocation("Scores were in the normal range in 40 patients and 38 controls.") is None
    assert allocation("In all, 90 were enrolled in the study and 70 in the trial.") is None
    # events in a group are no allocation
    assert (
        allocation(
            "Vomiting occurred in 14 patients in the study group and 9 in the control group."
        )
        is None
    )

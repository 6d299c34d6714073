"""Arms a paper announces ("randomly assigned to two groups") and then names
only as the group given each treatment. Sentences written here, in house
styles of their own, not copied from any paper."""

from __future__ import annotations

from litkg.extractor.components.arm_lists import receiving_groups
from litkg.extractor.components.arms import paren_groups


def test_groups_named_as_the_subjects_of_what_they_received() -> None:
    sents = [
        "Volunteers were randomised to one of two groups.",
        "The lavender group inhaled the oil; the sham group received an odourless spray.",
        "Volunteers in the lavender group were given 2 drops before sleep.",
    ]
    # "inhaled" is no receiving verb: only one group is named so
    assert receiving_groups(sents, 2) is None
    sents[1] = "The lavender group received the oil, while the sham group received a spray."
    assert receiving_groups(sents, 2) == [("lavender group", 0), ("sham group", 0)]
    # the count must be the announced one
    assert receiving_groups(sents, 3) is None


def test_designated_and_quoted_group_names() -> None:
    sents = [
        "Children in group LD were given 5 mg of the syrup.",
        "Also, children in group high dose (HD) received 10 mg.",
    ]
    assert receiving_groups(sents, 2) == [("group LD", 0), ("group high dose (HD)", 0)]
    sents = [
        "‘Early’ group participants received the booklet at discharge.",
        "‘Late’ group participants received it at six weeks.",
    ]
    assert receiving_groups(sents, 2) == [("Early group", 0), ("Late group", 0)]


def test_one_group_under_two_forms_of_its_name_is_one_group() -> None:
    sents = [
        "The experiment group received tai chi classes.",
        "The experimental group received them twice weekly; the control group received leaflets.",
    ]
    assert receiving_groups(sents, 2) == [("experiment group", 0), ("control group", 0)]


def test_groups_named_by_order_take_the_name_of_what_they_received() -> None:
    sents = [
        "Mothers in the first group received oral iron 60 mg daily and those in the second "
        "group received folate."
    ]
    assert receiving_groups(sents, 2) == [("iron", 0), ("folate", 0)]  # the route and dose go
    sents = [
        "Patients in the first group received intravenous lidocaine 1 mg/kg and patients in "
        "the second group received saline."
    ]
    assert receiving_groups(sents, 2) == [("lidocaine", 0), ("saline", 0)]


def test_what_every_group_received_names_no_group() -> None:
    sents = [
        "Both groups received standard care.",
        "Each group received a diary.",
        "The other group received nothing further.",
        "The HS group as case group received the infusion.",
    ]
    assert receiving_groups(sents, 2) is None


def test_a_designator_with_a_dose_in_parentheses() -> None:
    got = paren_groups(
        "Patients were randomized to drug X 10 mg (X10 group), drug X 20 mg (X20 group) or "
        "placebo (P group)."
    )
    assert got is not None and [lab for lab, _n in got.arms] == [
        "X10 group",
        "X20 group",
        "P group",
    ]

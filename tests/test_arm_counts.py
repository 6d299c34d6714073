"""Arms counted beside their names with no allocation verb ("Sixteen
volunteers in Arm K and 17 in Arm M ..."), and designators with digits or
subscripts ("Group TX 4 (n = 22)", "(Group S1, n = 25)", "group D₁")."""

from __future__ import annotations

from litkg.extractor.components.arm_counts import counted_groups
from litkg.extractor.components.arm_words import label_tokens
from litkg.extractor.components.arms import allocation, paren_groups


def test_counts_beside_designators_without_a_verb_size_the_arms() -> None:
    assert counted_groups(
        "Sixteen volunteers in Arm K and 17 in Arm M completed the protocol."
    ) == [
        ("Arm K", 16),
        ("Arm M", 17),
    ]
    got = allocation(
        "At the close of follow-up there were 41 participants in the yoga arm and 39 participants in the stretching arm."
    )
    assert got is not None and got.arms == (("yoga arm", 41), ("stretching arm", 39))


def test_counts_of_what_happened_are_no_arm_sizes() -> None:
    for sent in (
        "Headache occurred in 12 patients in group A and 15 in group B.",
        "Twelve patients in group A and 15 in group B reported headache.",
        "Nine patients (30%) in group A and 11 (37%) in group B were readmitted.",
        "There were 14 men and 12 women in group A and 10 men and 15 women in group B.",
        "Three patients in group A and four in group B were readmitted.",
    ):
        assert counted_groups(sent) is None, sent
        assert allocation(sent) is None or not allocation(sent).arms[0][0].startswith("group"), sent


def test_designators_with_numbers_and_their_sizes() -> None:
    got = allocation(
        "Group TX 4 (n = 22): tranexamic acid 4 mg/kg, Group TX 8 (n = 21): tranexamic acid "
        "8 mg/kg, Group TX 12 (n = 22): tranexamic acid 12 mg/kg."
    )
    assert got is not None
    assert got.arms == (("Group TX 4", 22), ("Group TX 8", 21), ("Group TX 12", 22))


def test_parenthesised_designators_with_digits() -> None:
    got = paren_groups(
        "Patients were randomized to receive saline (Group S1, n = 25) or ketamine "
        "(Group K2, n = 24)."
    )
    assert got is not None and got.arms == (("Group S1", 25), ("Group K2", 24))


def test_a_subscript_is_part_of_a_designator() -> None:
    assert label_tokens("group D₁ (n = 12)") == ["group", "D₁"]
    got = counted_groups("Thirty rats in group D₁ and 30 rats in group D₂ were studied.")
    assert got == [("group D₁", 30), ("group D₂", 30)]


def test_sizes_printed_before_the_group_names() -> None:
    got = counted_groups("Twelve wards took part (n = 7 audit group, n = 5 usual practice group).")
    assert got == [("audit group", 7), ("usual practice group", 5)]


def test_named_strata_counted_beside_their_names_are_no_arms() -> None:
    for sent in (
        "We examined 31 patients in the older group and 28 in the younger group.",
        "Ratings were collected (n = 14 male group, n = 11 female group).",
        "Of those enrolled, 22 patients in the responder group and 19 in the non-responder "
        "group were followed up.",
    ):
        assert counted_groups(sent) is None, sent


def test_a_size_before_the_next_groups_name_is_no_subset_of_this_one() -> None:
    from litkg.extractor.components.arms import arm_subset_sizes

    sent = "Twelve wards took part (n = 7 audit group, n = 5 usual practice group)."
    a, c = sent.index("audit group"), sent.index("usual practice group")
    ments = [(a, a + len("audit group"), "intervention"), (c, c + 20, "control")]
    assert arm_subset_sizes(sent, ments, {"intervention": 7, "control": 5}) == []
    # a size after the name, closing its parenthesis, still sizes a subset of it
    sent = "Pain fell in the audit group (n = 4) more than elsewhere."
    a = sent.index("audit group")
    ments = [(a, a + len("audit group"), "intervention")]
    assert arm_subset_sizes(sent, ments, {"intervention": 7, "control": 5}) == [("intervention", 4)]


def test_counts_a_relative_clause_or_the_flow_qualifies_are_no_arm_sizes() -> None:
    for sent in (
        "There were 6 pupils in the tutoring arm and 38 in the self-study arm who refused "
        "the second test.",
        "Seven patients in group A and 9 in group B declined the follow-up visit.",
    ):
        assert counted_groups(sent) is None, sent

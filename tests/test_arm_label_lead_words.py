"""An arm's name is what the arm received, not the words that allocate it: the
verb, "either" and an article before the name ("to receive either a zinc syrup
(n = 40)"), the verb of the next clause after it ("assigned to the active group
received honey"); and a clause or a count is no name ("15 infants in whom the
2.5-mm tube was used", "the role of either the leader or the follower")."""

from litkg.extractor.components.arm_lists import named_groups
from litkg.extractor.components.arms import allocation


def _labels(sent: str) -> list[str] | None:
    got = allocation(sent)
    return None if got is None else [label for label, _n in got.arms]


def test_the_verb_either_and_the_article_are_no_part_of_a_sized_name():
    assert _labels(
        "Children were randomly allocated to receive either a zinc syrup (n = 40) or a placebo "
        "syrup (n = 41)."
    ) == ["zinc syrup", "placebo syrup"]
    assert _labels(
        "Volunteers were randomised to either a standing desk (n = 22) or to a seated desk (n = 21)."
    ) == ["standing desk", "seated desk"]
    assert _labels(
        "Eighty mothers were divided into 2 groups: a massage group (n = 40) and a routine care "
        "group (n = 40)."
    ) == ["massage group", "routine care group"]


def test_either_and_the_article_are_no_part_of_a_counted_name():
    got = allocation(
        "Of these, 36 were randomised to receive either a probiotic and 35 to a placebo."
    )
    assert got is not None and got.arms == (("probiotic", 36), ("placebo", 35))


def test_a_counted_name_ends_before_the_verb_of_its_clause():
    got = allocation(
        "Nine patients assigned to the active group received honey, and 8 patients were assigned "
        "to the sham group."
    )
    assert got is not None and got.arms == (("active group", 9), ("sham group", 8))


def test_a_clause_with_a_decimal_number_is_no_name():
    assert _labels(
        "This was a randomized trial of 30 infants who were divided into two groups: Group I, "
        "with 15 infants in whom the 2.5-mm tube was used, and Group II, with 15 infants in whom "
        "the 3.5-mm tube was used."
    ) == ["Group I", "Group II"]


def test_a_list_after_a_mid_phrase_either_names_no_arms():
    sent = "Participants were randomized into the position of either the leader or the follower."
    assert named_groups(sent) is None and allocation(sent) is None
    sent = (
        "Each child was randomly assigned to receive the vaccine either with a jet injector or a "
        "standard needle at the first visit."
    )
    assert named_groups(sent) is None and allocation(sent) is None


def test_a_bare_count_keeps_the_treatment_its_clause_names():
    # (passes before too: the clause's verb ends only a name allocated to, not a bare count)
    assert _labels(
        "Forty volunteers were divided into 2 groups, namely, the active group with 20 volunteers "
        "who underwent laser therapy, and the comparison group with 20 volunteers who underwent "
        "splinting."
    ) == ["volunteers who underwent laser therapy", "volunteers who underwent splinting"]

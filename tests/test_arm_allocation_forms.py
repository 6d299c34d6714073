"""Allocation sentences in two more house styles: the count printed with its
share before who was counted ("84 (51.2%) children were randomised to ..."),
and designators in parentheses with an article ("(the HD group)")."""

from litkg.extractor.components.arms import allocation


def test_a_count_with_its_share():
    got = allocation(
        "Eighty (50.6%) women were allocated to the exercise group and 78 to the usual care group."
    )
    assert got is not None and got.arms == (("exercise group", 80), ("usual care group", 78))
    got = allocation(
        "In all, 64 (49.2%) pupils were randomised to the app arm and 66 (50.8%) to the leaflet arm."
    )
    assert got is not None and got.arms == (("app arm", 64), ("leaflet arm", 66))


def test_designators_with_an_article():
    got = allocation(
        "Patients were randomly assigned to receive tranexamic acid 10 mg/kg (the T10 group) "
        "or 15 mg/kg (the T15 group)."
    )
    assert got is not None and [label for label, _n in got.arms] == ["T10 group", "T15 group"]


def test_the_last_word_of_a_spelled_out_hundred_is_no_count():
    got = allocation(
        "One hundred and twelve (52.6%) pupils were randomised to the app arm, and 101 to the "
        "leaflet arm."
    )
    assert got is None or all(n != 12 for _label, n in got.arms)

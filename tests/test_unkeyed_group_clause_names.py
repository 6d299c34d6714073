"""The words before a value that say which groups had it are a clause, not the
measure's name ("Groups 1 and 2 had mean ...", "Arms A, B and C were ..."):
sentences written for these tests."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _names(sent: str):
    return [m.outcome.name for m in unkeyed_from_sentence(sent, None, [])]


def test_several_groups_before_had_are_no_name():
    for sent in (
        "Groups 1 and 2 had mean flexion angles of 112.4 and 98.7 degrees, respectively.",
        "Arms A, B and C had mean scores of 4.1 ± 0.3, 4.6 ± 0.4 and 5.2 ± 0.2.",
    ):
        assert not any(n and n.lower().startswith(("groups", "arms")) for n in _names(sent)), sent


def test_one_group_before_a_measure_still_names_nothing_but_the_measure():
    sent = (
        "Mean flexion angle was 112.4 ± 8.1 degrees in group 1 and 98.7 ± 9.0 degrees in group 2."
    )
    assert _names(sent) == ["flexion angle", "flexion angle"]

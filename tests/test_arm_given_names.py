"""Letter-named arms take the name of what the Methods say each was given,
where the paper also calls a group by it: "Group A participants received oral
melatonin 3 mg ..." and "in the melatonin group" name one arm."""

from __future__ import annotations

from litkg.extractor.components.arm_resolver import given_names

_GIVEN = (
    "Group A participants received oral melatonin 3 mg at bedtime, while group B participants "
    "received lavender oil capsules at bedtime."
)


def test_each_letter_arm_takes_the_name_of_what_it_was_given() -> None:
    texts = [_GIVEN, "Waking was rarer in the melatonin group than in the lavender oil group."]
    assert given_names(texts, [["Group A"], ["Group B"]]) == [["melatonin"], ["lavender oil"]]
    texts = [
        "The children of arm 1 were given 20 mg of zinc sulphate; arm 2 was given a dummy syrup.",
        "Stool frequency fell faster in the zinc sulphate arm than in the dummy syrup arm.",
    ]
    assert given_names(texts, [["arm 1"], ["arm 2"]]) == [["zinc sulphate"], ["dummy syrup"]]


def test_a_treatment_the_paper_calls_no_group_by_is_no_name() -> None:
    texts = [_GIVEN, "Waking was rarer with melatonin than with lavender oil."]
    assert given_names(texts, [["Group A"], ["Group B"]]) == [[], []]


def test_names_are_taken_only_where_every_arm_has_one() -> None:
    texts = [
        "Group A participants received oral melatonin 3 mg at bedtime.",
        "Group B participants kept their usual routine.",
        "Waking was rarer in the melatonin group.",
    ]
    assert given_names(texts, [["Group A"], ["Group B"]]) == [[], []]


def test_a_treatment_both_arms_were_given_names_neither() -> None:
    texts = [
        "Group A received ondansetron plus dexamethasone and group B received ondansetron alone.",
        "Nausea was rarer in the ondansetron group.",
    ]
    assert given_names(texts, [["Group A"], ["Group B"]]) == [[], []]


def test_results_named_by_the_treatments_go_to_the_letter_arms() -> None:
    from litkg.extractor.ingest.text import parse_text
    from litkg.extractor.pipeline import extract_record

    text = (
        "# Bedtime melatonin for insomnia in shift workers: a randomised trial\n\n## Methods\n\n"
        "Seventy nurses were randomly allocated to group A or group B. " + _GIVEN + "\n\n"
        "## Results\n\n"
        "The proportion waking before dawn was 12% in the melatonin group and 30% in the "
        "lavender oil group.\n"
    )
    rec = extract_record(parse_text(text, doc_id="g")).to_record()
    roles = {a["label"]: a["role"] for a in rec["arms"]}
    assert roles == {"Group A": "intervention", "Group B": "control"}
    values = {o["value"]: o["arm"] for o in rec["outcomes"]}
    assert values == {12.0: "intervention", 30.0: "control"}

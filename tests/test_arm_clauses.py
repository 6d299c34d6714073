"""Arms a Methods section names clause by clause by their order: "one group
was treated with X, and another group with Y", "the first and second groups
received X and Y, respectively". A treatment verb must give each its name;
the sequence must be complete."""

from __future__ import annotations

from litkg.extractor.components.arm_clauses import ordinal_groups


def test_one_group_and_another_group_name_two_arms() -> None:
    sents = [
        "Dogs recovering from surgery were split at random: one group was treated with warm "
        "compresses, and another group with cold packs."
    ]
    assert ordinal_groups(sents, None) == (["warm compresses", "cold packs"], 0)


def test_the_other_group_closes_an_announced_pair() -> None:
    sents = [
        "The mice were allocated to two groups.",
        "One group received chow enriched with inulin for 8 weeks, while the other group "
        "received standard chow.",
    ]
    assert ordinal_groups(sents, 2) == (["chow enriched", "standard chow"], 1)


def test_ordinals_over_several_sentences() -> None:
    sents = [
        "The first arm practised tai chi twice a week.",
        "The second arm was given printed leaflets on falls.",
        "The third arm underwent balance training at home.",
    ]
    assert ordinal_groups(sents, 3) == (["tai chi", "printed leaflets", "balance training"], 0)


def test_respectively_pairs_the_ordinals_with_the_list() -> None:
    sents = [
        "The first and second groups were given 5 mg and 10 mg melatonin, respectively, and "
        "the third group received a sugar pill."
    ]
    assert ordinal_groups(sents, 3) == (["5 mg melatonin", "10 mg melatonin", "sugar pill"], 0)


def test_groups_sorted_by_a_trait_are_not_arms() -> None:
    sents = [
        "One group with a disease duration over 5 years and the other group with a shorter "
        "duration were compared."
    ]
    assert ordinal_groups(sents, None) is None
    assert ordinal_groups(sents, 2) is None


def test_an_incomplete_sequence_names_nothing() -> None:
    sents = [
        "The first group received lidocaine spray.",
        "The second group received saline spray.",
        "The third group was observed without any spray.",
    ]
    assert ordinal_groups(sents, 3) is None
    # two ordinals without "another" or "the other", and no number announced
    assert ordinal_groups(sents[:2], None) is None
    assert ordinal_groups(sents[:2], 2) == (["lidocaine spray", "saline spray"], 0)


def test_labels_must_tell_the_arms_apart() -> None:
    sents = ["One group received the cream, and the other group received the cream as well."]
    assert ordinal_groups(sents, None) is None


def test_ordinal_arms_name_the_arms_of_a_paper() -> None:
    from litkg.extractor.ingest.text import parse_text
    from litkg.extractor.pipeline import extract_record

    text = (
        "# Honey versus sucralfate dressings for radiation dermatitis\n\n## Methods\n\n"
        "Sixty women were randomly divided into two groups. The first group was treated with "
        "manuka honey dressings, and the other group with sucralfate cream.\n\n"
        "## Results\n\n"
        "Moist desquamation occurred in 20% of the manuka honey group and 43% of the "
        "sucralfate group.\n"
    )
    rec = extract_record(parse_text(text, doc_id="o")).to_record()
    labels = [a["label"] for a in rec["arms"] if a["role"] in ("intervention", "control")]
    assert labels == ["manuka honey dressings", "sucralfate cream"]

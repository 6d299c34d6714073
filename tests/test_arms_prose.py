"""Arms allocated in prose: what a sentence's counts name, and what they do not.

The sentences are written here in house styles of their own (checked by
hand), not copied from any paper of the development set or the corpus.
"""

from __future__ import annotations

from litkg.extractor.components.arms import allocation, arms_with_n, not_an_arm


def test_sex_and_age_make_up_is_no_allocation() -> None:
    assert allocation("Data of 58 pupils (31 girls and 27 boys) were analysed at follow-up.") is None
    assert allocation("Forty volunteers (22 men, 18 women) were enrolled from two clinics.") is None
    assert allocation("We included 36 children: 20 male and 16 female.") is None


def test_flow_counts_are_no_arms() -> None:
    assert (
        allocation(
            "Of 240 patients screened for eligibility, 181 were randomized and 170 were "
            "analysed."
        )
        is None
    )
    assert allocation("In total 96 were approached, 64 were enrolled.") is None


def test_a_count_inside_a_name_or_before_a_unit_is_no_arm_size() -> None:
    # marker names with numbers ("IL 6, IL 10"): the comma ends the count
    assert (
        allocation("Serum samples were analysed for IL 6, IL 10, TNF 12 and CRP levels.") is None
    )
    assert (
        allocation(
            "120 nurses and 85 physicians were randomly sampled to log their steps every 10 "
            "minutes at work."
        )
        is None
    )


def test_thousands_keep_their_comma() -> None:
    a = allocation("Overall, 1,204 were randomised to the text-message arm and 1,198 to usual care.")
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

"""Subgroups named in prose: which counted or named subsets are subgroups, and
which only size or restate the study population or an arm.

The sentences are written here in house styles of their own (checked by hand),
not copied from any paper of the development set or the corpus.
"""

from __future__ import annotations

from litkg.extractor.components.arms import subgroup_subjects, subgroups


def _subs(sent: str) -> list[tuple[str, int | None]]:
    return [(a.label, a.n) for a in subgroups(sent)]


def _subjects(sent: str) -> list[str]:
    return [a.label for a in subgroup_subjects(sent)]


def test_a_counted_subset_without_the_article_is_a_subgroup() -> None:
    assert _subs(
        "By the data cut-off, of 18 participants who had a resection of lung lesions, "
        "15 (83%) were alive."
    ) == [("had a resection of lung lesions", 18)]
    assert _subs(
        "The pooled odds ratio among the 62 women who began the study tablets was 0.7."
    ) == [("began the study tablets", 62)]
    assert _subs("Among 44 adults with renal impairment, trough levels rose by 12%.") == [
        ("renal impairment", 44)
    ]


def test_a_total_or_the_enrolled_population_is_no_subset() -> None:
    # "of" inside "a total of" opens no subset
    assert _subs("A total of 90 adults with asthma, all of them smokers, took part.") == []
    assert _subs("Of the 140 participants who were randomised, 131 completed the diary.") == []
    assert _subs("Among the 52 children who completed follow-up, 40 (77%) improved.") == []


def test_a_subject_that_only_counts_or_qualifies_the_population_is_no_subgroup() -> None:
    assert _subjects("Among 312 eligible participants, 156 were allocated to each arm.") == []
    assert _subjects("The power for the planned 120 patients, at a 5% alpha, was 80%.") == []
    assert _subjects("Median survival was 4.2 months in unselected patients, as expected.") == []
    assert _subjects("For evaluable patients, the response rate was 31%.") == []


def test_a_subject_named_by_a_stage_or_its_own_words_stays() -> None:
    assert _subjects("Among stage 2 patients, the 2-year survival was 70%.") == ["stage 2"]
    assert _subjects("For treatment-naive patients, the response rate was 44%.") == [
        "treatment-naive"
    ]
    # a time point inside a 'who' clause is not a count of the population
    assert _subjects(
        "The median time to relapse was 6.1 months for patients who achieved CR within 3 cycles."
    ) == ["who achieved CR within 3 cycles"]

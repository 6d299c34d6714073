"""Arms and their sizes, from sentences and table headers (values checked by hand)."""

from __future__ import annotations

from litkg.extractor.components.arms import (
    arms_from_table_header,
    arms_with_n,
    role_for_label,
    study_population_sizes,
    subgroup_size,
    subgroup_subjects,
    subgroups,
)
from litkg.extractor.document import Table


def test_header_with_sizes_gives_roles_and_n() -> None:
    t = Table(
        rows=[["Characteristic", "Total (N = 120)", "Nivolumab (n=80)", "Placebo (n=40)", "P"]]
    )
    arms = arms_from_table_header(t)
    assert {(a.role, a.n) for a in arms.values()} == {
        ("overall", 120),
        ("intervention", 80),
        ("control", 40),
    }
    assert arms[3].label == "Placebo"


def test_two_active_arms_first_is_intervention() -> None:
    t = Table(rows=[["", "Moxidectin (N=978)", "Ivermectin (N=494)"]])
    arms = arms_from_table_header(t)
    assert (arms[1].role, arms[2].role) == ("intervention", "control")
    assert arms[2].rule == "arms.table.order"


def test_analysed_population_prefers_included_over_enrolled() -> None:
    sent = "Of 150 patients screened, 112 patients were enrolled and 104 patients were included in the analysis."
    sizes = sorted(study_population_sizes(sent), key=lambda x: x[1])
    assert sizes[0][:2] == (104, 0)
    assert (112, 2) in [s[:2] for s in sizes]


def test_number_words_and_all_enrolled() -> None:
    assert study_population_sizes("All twelve enrolled patients completed induction.")[0][0] == 12


def test_randomised_arms_with_n_in_parentheses() -> None:
    arms = arms_with_n(
        "Participants were randomly assigned to dexamethasone (n = 2104) or usual care (n = 4321)."
    )
    assert [(a.label, a.role, a.n) for a in arms] == [
        ("dexamethasone", "intervention", 2104),
        ("usual care", "control", 4321),
    ]


def test_subgroups_named_with_their_size() -> None:
    (a,) = subgroups("Of the 38 patients with FLT3 mutations, 20 relapsed.")
    assert (a.role, a.n, a.label) == ("subgroup", 38, "FLT3 mutations")


def test_subgroup_subject_and_its_size_elsewhere() -> None:
    (a,) = subgroup_subjects(
        "Median DFS was 9.1 months for patients who achieved MRD negativity, and 4.0 months otherwise."
    )
    assert a.label == "who achieved MRD negativity"
    assert (
        subgroup_size(a.label, ["Overall, 17 of 40 patients achieved MRD negativity by day 29."])
        == 17
    )


def test_roles_from_labels() -> None:
    assert role_for_label("All patients") == "overall"
    assert role_for_label("Standard of care") == "control"
    assert role_for_label("Venetoclax + azacitidine") == "intervention"


def test_a_wait_list_is_a_control_in_every_spelling() -> None:
    # a wait-list arm gets the treatment later: for the comparison it is the control
    for label in ("Wait-list control", "Waitlist (n = 31)", "waiting list group", "Wait listed"):
        assert role_for_label(label) == "control", label
    # 'delayed' alone also names treatment arms ('immediate vs delayed start')
    assert role_for_label("Delayed start (n = 40)") == "intervention"


def test_the_resolver_reads_the_same_control_words_and_its_comparators() -> None:
    from litkg.extractor.components.arm_resolver import CONTROL_CUES as RESOLVER

    for label in ("placebo", "wait-list", "usual care", "sham tDCS", "historical controls"):
        assert RESOLVER.search(label), label
    # comparators the resolver reads on the side of a comparison, not as an arm's role
    assert RESOLVER.search("chemotherapy alone")
    assert role_for_label("Chemotherapy alone") == "intervention"


def test_two_arms_counted_in_prose() -> None:
    from litkg.extractor.components.arms import arms_received

    arms = arms_received(
        "Overall, 978 received moxidectin and 494 ivermectin, of which 947 and 480 were analysed."
    )
    assert [(a.label, a.role, a.n) for a in arms] == [
        ("moxidectin", "intervention", 978),
        ("ivermectin", "control", 494),
    ]
    arms = arms_received(
        "In total, 120 patients were randomly assigned to the placebo and 118 to nivolumab."
    )
    assert [(a.label, a.role, a.n) for a in arms] == [
        ("placebo", "control", 120),
        ("nivolumab", "intervention", 118),
    ]


def test_subgroups_that_are_the_subject_or_comparator_of_a_result() -> None:
    sent = (
        "Patients with FLT3-mutated disease (n not given) had a 3-year OS of 40% compared to 55% "
        "in those who had wild-type FLT3."
    )
    labels = [a.label for a in subgroup_subjects(sent)]
    assert labels == ["with FLT3-mutated disease", "who had wild-type FLT3"]
    assert all(a.role == "subgroup" and a.n is None for a in subgroup_subjects(sent))


def test_a_subject_clause_does_not_run_across_a_comma() -> None:
    sent = "Among the patients who received TKI before transplant, patients who received a later TKI had improved OS (HR 0.39)."
    assert [a.label for a in subgroup_subjects(sent)] == ["who received a later TKI"]


def test_single_group_recruited_and_all_received() -> None:
    s = "Of 41 callers screened by telephone, 30 eligible adults (73%) were recruited to the pilot."
    assert [(n, r) for n, r, _s, _e in study_population_sizes(s)] == [(30, 2)]
    got = study_population_sizes("All 30 adults received eight coaching calls.")
    assert [(n, r) for n, r, _s, _e in got] == [(30, 4)]


def test_an_ethnic_breakdown_of_the_sample_gives_no_arms() -> None:
    from litkg.extractor.components.arms import allocation

    s = "Enrolled were 41 Hispanics, 33 non-Hispanic whites and 12 Asian Americans (self-reported)."
    assert allocation(s) is None
    s = "The cohort included 52 Caucasians and 47 African-Americans."
    assert allocation(s) is None
    # two arms counted by what they received still are
    got = allocation("Of these, 44 were randomized to yoga and 42 to stretching.")
    assert got is not None and [n for _l, n in got.arms] == [44, 42]

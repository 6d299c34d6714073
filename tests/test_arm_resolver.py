"""Arm resolution: which arm a header or a sentence names, and the arms' roles.

Sentences and tables are written here in house styles of their own (checked
by hand), not copied from any paper of the development set.
"""

from __future__ import annotations

from litkg.extractor.components.arm_resolver import (
    ArmName,
    ArmResolver,
    ValueSpan,
    assign_roles,
    title_sides,
)
from litkg.extractor.components.arms import allocation, header_arms, header_rows
from litkg.extractor.document import Table


def _spans(sent: str, values: list[str], key: str = "ep") -> list[ValueSpan]:
    out, pos = [], 0
    for v in values:
        i = sent.index(v, pos)
        out.append(ValueSpan(i, i + len(v), key))
        pos = i + len(v)
    return out


def _two_arms() -> ArmResolver:
    return ArmResolver(
        [
            ArmName("Arm 1 (CPB)", "intervention", 61, ("carboplatin paclitaxel bevacizumab",)),
            ArmName("Arm 2 (CP)", "control", 60, ("carboplatin paclitaxel",)),
        ]
    )


# ----------------------------------------------------------------- roles


def test_title_names_the_experimental_arm_first() -> None:
    title = "Weekly docetaxel versus three-weekly docetaxel in older patients: the WEEK trial"
    assert title_sides(title) == ("Weekly docetaxel", "three-weekly docetaxel")
    assert assign_roles(["Three-weekly schedule", "Weekly schedule"], title) == [
        "control",
        "intervention",
    ]


def test_with_or_without_names_the_add_on_arm() -> None:
    title = "Radiotherapy with or without temozolomide for elderly glioma"
    assert assign_roles(["RT only", "RT + temozolomide"], title) == ["control", "intervention"]


def test_regimen_extending_the_other_is_experimental() -> None:
    assert assign_roles(["CP group", "CPB group"]) == ["control", "intervention"]
    assert assign_roles(["Cisplatin plus etoposide plus X", "Cisplatin plus etoposide"]) == [
        "intervention",
        "control",
    ]


def test_control_cues_and_negated_labels() -> None:
    assert assign_roles(["Watchful waiting", "Best supportive care"]) == [
        "intervention",
        "control",
    ]
    assert assign_roles(["KRAS wild-type", "non-KRAS wild-type"]) == ["intervention", "control"]
    # letters alone say nothing: the first printed is the experimental arm
    assert assign_roles(["Cohort A", "Cohort B"]) == ["intervention", "control"]


# ----------------------------------------------------------------- role_of


def test_headers_resolve_by_words_letters_and_numbers() -> None:
    r = _two_arms()
    assert r.role_of("CPB (N = 61)") == "intervention"
    assert r.role_of("Arm 2") == "control"
    assert r.role_of("Patients given carboplatin and paclitaxel with bevacizumab") == "intervention"
    assert r.role_of("All patients (N = 121)") == "overall"
    assert r.role_of("P value") is None


def test_an_arm_without_words_of_its_own() -> None:
    r = ArmResolver([ArmName("EGFR mutant", "intervention"), ArmName("non-EGFR mutant", "control")])
    assert r.role_of("EGFR mutant (n = 12)") == "intervention"
    assert r.role_of("non-EGFR mutant (n = 30)") == "control"


# ----------------------------------------------------------------- attribute


def test_value_takes_the_arm_named_after_it() -> None:
    r = _two_arms()
    s = "Responses were seen in 61% of patients given CPB and in 42% of those given CP (P = .01)."
    assert r.attribute(s, _spans(s, ["61%", "42%"])) == ["intervention", "control"]


def test_coordinated_arms_take_the_values_in_order() -> None:
    r = _two_arms()
    s = "Median time to progression was 7.1 and 5.2 months for arms 1 and 2, respectively."
    assert r.attribute(s, _spans(s, ["7.1", "5.2"])) == ["intervention", "control"]
    s = "Median survival reached 14 and 11 months in the CP and CPB arms."
    assert r.attribute(s, _spans(s, ["14", "11"])) == ["control", "intervention"]


def test_clause_opening_arm_and_unnamed_values() -> None:
    r = _two_arms()
    s = "In arm 2, 12 patients (21%) had a partial response."
    assert r.attribute(s, _spans(s, ["21%"])) == ["control"]
    s = "The median follow-up was 31 months."
    assert r.attribute(s, _spans(s, ["31"])) == [None]
    s = "Median follow-up was 20 months in the overall study population."
    assert r.attribute(s, _spans(s, ["20"])) == ["overall"]


def test_lists_of_several_measures_per_arm() -> None:
    r = _two_arms()
    s = "One-year OS and PFS were 70% and 52% with CPB, and 61% and 40% with CP."
    spans = _spans(s, ["70%", "52%", "61%", "40%"])
    spans = [ValueSpan(v.start, v.end, k) for v, k in zip(spans, "ABAB", strict=True)]
    got = r.attribute(s, spans)
    assert got == ["intervention", "intervention", "control", "control"]


# ----------------------------------------------------------------- headers and prose


def test_stacked_header_with_spans_and_grade_bands() -> None:
    t = Table(
        rows=[
            ["Event", "Arm 1", "", "Arm 2", "", "P"],
            ["Event", "(CPB) N = 61", "", "(CP) N = 60", "", ""],
            ["Event", "All grades", "Grade 3-4", "All grades", "Grade 3-4", ""],
            ["Fatigue", "30 (49)", "4 (7)", "25 (42)", "1 (2)", "0.4"],
        ]
    )
    assert header_rows(t) == 3
    cols = header_arms(t)
    assert cols[1] == ("Arm 1 (CPB)", 61)
    assert cols[2] == ("Arm 1 (CPB)", 61)
    assert cols[3] == ("Arm 2 (CP)", 60)
    assert 5 not in cols


def test_allocation_sentences() -> None:
    a = allocation(
        "Of 212 participants, 106 were allocated to usual care and 106 to the exercise programme."
    )
    assert a is not None and a.arms == (("usual care", 106), ("exercise programme", 106))
    a = allocation(
        "The per-protocol analysis included 180 women (92 in the short-course group and 88 "
        "in the long-course group)."
    )
    assert a is not None and a.analysed
    assert a.arms == (("short-course group", 92), ("long-course group", 88))
    # counts of events per arm are not arm sizes
    assert (
        allocation("In all, 75 deaths occurred (40 in the CP group and 35 in the CPB group).")
        is None
    )


# ----------------------------------------------------------------- subsets split by arm


def _subset_sizes(sent: str) -> list[tuple[str, int]]:
    from litkg.extractor.components.arms import arm_subset_sizes

    r = _two_arms()
    ments = [(m.start, m.end, m.role) for m in r.mentions(sent)]
    return arm_subset_sizes(sent, ments, {"intervention": 61, "control": 60})


def test_subset_sizes_printed_per_arm() -> None:
    assert _subset_sizes(
        "Among women with a BRCA mutation, PFS reached 9.0 months for the CPB arm (n = 14) "
        "and 6.1 months for the CP arm (n = 12)."
    ) == [("intervention", 14), ("control", 12)]
    assert _subset_sizes(
        "Of patients who had surgery, wound infection was seen in 4 (13%) of 30 patients in "
        "the CPB arm and 2 (8%) of 26 in the CP arm."
    ) == [("intervention", 30), ("control", 26)]
    assert _subset_sizes(
        "Twenty patients were PD-L1 positive (11 in arm 1 and 9 in arm 2), and their median "
        "PFS was longer."
    ) == [("intervention", 11), ("control", 9)]


def test_event_counts_and_analysis_sets_are_not_subsets() -> None:
    # deaths per arm are events
    assert _subset_sizes("Eleven deaths occurred (6 in arm 1 and 5 in arm 2).") == []
    # a bare count of patients doing something is an event count too
    assert _subset_sizes("Dose delays were needed by 7 patients in arm 1 and 3 in arm 2.") == []
    # within a tenth of the arm's size: the arm's safety population, not a subset
    assert _subset_sizes("Toxicity was assessed in the CPB arm (n = 58) and CP arm (n = 57).") == []


def test_allocation_guards() -> None:
    # a flow chart names one arm twice
    assert allocation("Allocated to group therapy (n=120) Received group therapy (n=118)") is None
    # reasons for ineligibility are not arms
    assert allocation("Reasons included: age over 80 (n=2), prior surgery (n=3).") is None
    # the sizes of who was treated
    a = allocation("In all, 310 received drug Y and 152 received placebo.")
    assert a is not None and a.treated and [n for _l, n in a.arms] == [310, 152]
    # a calendar year is no arm size
    assert (
        allocation("We enrolled patients from 2012 to 2015 and 60 were assigned to each group.")
        is None
    )


def test_pdf_caption_row_above_the_header() -> None:
    t = Table(
        rows=[
            ["Table 2 | Outcomes by group, n (%)", "", ""],
            ["Outcome", "Walking group (n=150)", "Usual care (n=148)"],
            ["Quit at 6 months", "30 (20)", "21 (14)"],
        ]
    )
    assert set(header_arms(t).values()) == {("Walking group", 150), ("Usual care", 148)}


def test_one_arm_sentence_and_leading_follow_up_clause() -> None:
    r = _two_arms()
    # a sentence about one arm, named before its values
    s = "The CP arm had 4 complete and 9 partial responses, and a response rate of 38%."
    assert r.attribute(s, _spans(s, ["38%"])) == ["control"]
    # a comma ends the follow-up clause: the arm named after it is not its arm
    s = "After a median follow-up of 26 months, 40 (66%) patients in the CPB arm had progressed."
    assert r.attribute(s, _spans(s, ["26 months"], "FOLLOWUP")) == [None]


def test_subset_size_printed_without_brackets() -> None:
    assert _subset_sizes(
        "Among women over 70 the rate was 12% (CPB n = 15) vs 9% (CP n = 14)."
    ) == [
        ("intervention", 15),
        ("control", 14),
    ]


def test_subset_of_one_arm_alone_in_parentheses() -> None:
    # a count of a subset, then the part of it in one arm
    assert _subset_sizes(
        "Of 50 women asked to keep a food diary, 41 returned it (22 in the CPB arm)."
    ) == [("intervention", 22)]
    # a breakdown that goes on to the other arm is not one arm alone
    assert _subset_sizes("Scans were read for 45 patients (21 in arm 1 and 24 in arm 2).") != [
        ("intervention", 21)
    ]
    # those who left are no subset analysed
    assert (
        _subset_sizes("Six women who moved away (4 in the CPB arm) were removed from the analysis.")
        == []
    )


def test_subset_sizes_listed_after_each_arm() -> None:
    assert _subset_sizes(
        "The biopsy analysis was limited to those with two samples (CPB group 33, CP group 29)."
    ) == [("intervention", 33), ("control", 29)]
    # outside parentheses a number after the arm is not its size
    assert _subset_sizes("In the CPB group 12 reported pain.") == []


def test_one_arm_sized_in_a_sentence_about_the_analysed_population() -> None:
    from litkg.extractor.components.arms import analysed_arm_sizes

    r = _two_arms()
    s = "In all, 118 children formed the per-protocol set, with 61 assigned to the CPB arm."
    ments = [(m.start, m.end, m.role) for m in r.mentions(s)]
    assert analysed_arm_sizes(s, ments) == [("intervention", 61)]
    # without an analysis population the count is an allocation, read elsewhere
    s = "We randomly assigned 120 children, 61 assigned to the CPB arm."
    assert analysed_arm_sizes(s, [(m.start, m.end, m.role) for m in r.mentions(s)]) == []


def test_allocation_by_designators_in_parentheses() -> None:
    # designators without sizes name the arms; the size stays unknown (0)
    a = allocation(
        "Sixty adults were randomly split to receive oral ondansetron (group O) or "
        "intravenous metoclopramide (group M)."
    )
    assert a is not None and a.arms == (("group O", 0), ("group M", 0))
    # with their sizes no allocation verb is needed
    a = allocation(
        "Households were provided with filters at enrolment (Arm 1; n = 52) or one year "
        "later (Arm 2; n = 49)."
    )
    assert a is not None and a.arms == (("Arm 1", 52), ("Arm 2", 49))
    # one designator, or two without sizes and no allocation, are no arms
    assert allocation("Scores rose in the morning session (group O) only.") is None
    assert allocation("Plasma levels (group O) exceeded those of (group M).") is None


def test_allocation_item_ends_where_the_arm_was_run() -> None:
    a = allocation(
        "We randomised 52 participants to the reading club and 47 to usual lessons in three "
        "consecutive school terms."
    )
    assert a is not None and a.arms == (("reading club", 52), ("usual lessons", 47))


def test_title_side_starts_after_what_the_title_does() -> None:
    assert title_sides(
        "Comparison of the dry needling versus stretching in office workers with neck pain"
    ) == ("dry needling", "stretching")
    assert title_sides("Effect of yoga versus walking on sleep quality") == ("yoga", "walking")


def test_a_word_after_a_one_letter_prefix() -> None:
    r = ArmResolver([ArmName("t-Stent™", "intervention"), ArmName("Classic mesh", "control")])
    s = "Migration occurred in 2 (6%) of the t-Stent™ group and 5 (15%) of the Classic mesh group."
    assert r.attribute(s, _spans(s, ["6%", "15%"])) == ["intervention", "control"]
    assert r.role_of("t-Stent™ (n = 33)") == "intervention"


def _sham_and_laser() -> ArmResolver:
    return ArmResolver(
        [
            ArmName("laser group", "intervention", 40, ("laser",)),
            ArmName("sham group", "control", 40, ("sham",)),
        ]
    )


def test_one_arms_values_at_several_landmarks_go_to_the_arm_named_after_them():
    """'a%, b%, and c% in the laser group': one arm's rates at three landmarks
    (each landmark its own measure), the Oxford comma no clause break."""
    r = _sham_and_laser()
    s = (
        "Healing at 4, 8, and 12 weeks reached 31.0%, 52.5%, and 70.0% in the laser group "
        "and 20.0%, 35.0%, and 47.5% in the sham group."
    )
    vals = ["31.0%", "52.5%", "70.0%", "20.0%", "35.0%", "47.5%"]
    spans = [ValueSpan(x.start, x.end, f"healing/{k % 3}") for k, x in enumerate(_spans(s, vals))]
    assert r.attribute(s, spans) == ["intervention"] * 3 + ["control"] * 3
    # values of one measure (one landmark) before an arm still do not all go to it
    assert r.attribute(s, _spans(s, vals, "healing")) == [None, None, "intervention"] + [
        None,
        None,
        "control",
    ]


def test_a_value_opening_the_next_conjunct_takes_the_arm_after_it():
    """'... 9.1 months for the laser group and 6.3 months for the sham group':
    the arm closing the first conjunct is not the second value's, even when an
    earlier mention (a parenthesis of sizes) took the first value."""
    r = _sham_and_laser()
    s = (
        "Of 80 patients (sham, 40; laser, 40), the median time to healing was 9.1 weeks "
        "(95% confidence interval, 7.0 to 11.2 weeks) for the laser group and 6.3 weeks "
        "(95% CI, 5.1-7.5) for the sham group."
    )
    assert r.attribute(s, _spans(s, ["9.1", "6.3"])) == ["intervention", "control"]


def test_the_other_arm_of_a_two_arm_trial_takes_the_partner_designator_printed():
    from litkg.extractor.components.arm_resolver import complement_designators

    texts = [
        "Women were randomly assigned to letrozole 2.5 mg daily with metformin 850 mg twice "
        "daily for 12 weeks (arm 1) or letrozole with placebo tablets (arm 2)."
    ]
    names = [["letrozole plus metformin"], ["letrozole plus placebo", "arm 2"]]
    assert complement_designators(texts, names) == [["arm 1"], []]
    # not where both (or neither) are known by a designator, nor beyond two arms
    assert complement_designators(texts, [["x", "arm 1"], ["y", "arm 2"]]) == [[], []]
    assert complement_designators(texts, [["x"], ["y"]]) == [[], []]
    assert complement_designators(texts, [["x"], ["y", "arm 2"], ["z"]]) == [[], [], []]
    # nor where the partner designator is not printed
    assert complement_designators(["placebo tablets (arm 2)"], names) == [[], []]


def test_a_name_after_an_en_dash_is_part_of_another_word() -> None:
    # "pre–ketorolac" (the historical series before the drug) is not the ketorolac arm
    r = ArmResolver([ArmName("ketorolac group", "intervention"), ArmName("usual care", "control")])
    s = "Opioid use was higher in the pre–ketorolac group (61% pre–ketorolac vs. 34% ketorolac)."
    assert [(s[m.start : m.end], m.role) for m in r.mentions(s)] == [("ketorolac", "intervention")]
    s = "Opioid use was 34% in the ketorolac group."
    assert [m.role for m in r.mentions(s)] == ["intervention"]


def test_a_value_set_against_the_named_arms_is_not_that_arms() -> None:
    r = ArmResolver([ArmName("mesh repair", "intervention"), ArmName("suture repair", "control")])
    s = "Recurrence was lower after mesh repair (4% versus 11%, P = 0.03)."
    assert r.attribute(s, _spans(s, ["4%", "11%"])) == ["intervention", None]
    s = "Recurrence after mesh repair was 4%, compared with 11% in the suture repair group."
    assert r.attribute(s, _spans(s, ["4%", "11%"])) == ["intervention", "control"]
    s = "In the mesh repair group, recurrence was 4% and reoperation 2%."
    assert r.attribute(s, _spans(s, ["4%", "2%"])) == ["intervention", "intervention"]


def test_a_parenthesised_pair_after_a_comparison_follows_its_sides() -> None:
    r = ArmResolver([ArmName("mesh repair", "intervention"), ArmName("suture repair", "control")])
    s = "Pain at 1 week was lower after suture repair than after mesh repair (2.1 vs 3.4, P = 0.04)."
    assert r.attribute(s, _spans(s, ["2.1", "3.4"])) == ["control", "intervention"]
    # one side named only: the other value stays unattributed
    s = "Pain at 1 week was lower after suture repair (2.1 vs 3.4, P = 0.04)."
    assert r.attribute(s, _spans(s, ["2.1", "3.4"])) == ["control", None]

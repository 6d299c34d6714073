"""An arm's other names, paired with it in parentheses ("the melatonin group
(M group)", "group M (melatonin)", "[vitamin group, VG]"), and 'study group'
as one arm's name beside 'control group'. Sentences written here, in house
styles of their own, not copied from any paper."""

from __future__ import annotations

from litkg.extractor.components.arm_resolver import (
    ArmName,
    ArmResolver,
    ValueSpan,
    paired_names,
)


def _spans(sent: str, values: list[str]) -> list[ValueSpan]:
    out, pos = [], 0
    for v in values:
        i = sent.index(v, pos)
        out.append(ValueSpan(i, i + len(v), "ep"))
        pos = i + len(v)
    return out


def test_a_letter_arm_takes_the_drug_name_the_paper_pairs_with_it() -> None:
    names = [["M"], ["S"]]
    texts = [
        "Children were allocated to the melatonin group (M group) or to the sucrose group (S group).",
    ]
    assert paired_names(texts, names) == [["melatonin group"], ["sucrose group"]]
    # the reverse order of the pair reads the same
    texts = ["Group M (melatonin) took 3 mg at night, group S (sucrose) a matching syrup."]
    assert paired_names(texts, [["group M"], ["group S"]]) == [["melatonin"], ["sucrose"]]
    # and a name before the designator it is given
    texts = ["Patients received nebulised melatonin (group M) or nebulised sucrose (group S)."]
    assert paired_names(texts, [["group M"], ["group S"]]) == [
        ["nebulised melatonin"],
        ["nebulised sucrose"],
    ]


def test_a_drug_named_arm_takes_the_code_of_its_group() -> None:
    names = [["vitamin", "Vit"], ["controls"]]
    texts = [
        "Forty women took the vitamin [vitamin group, VG]; 38 served as controls [control group, CG]."
    ]
    assert paired_names(texts, names) == [["VG"], ["CG"]]


def test_pairs_that_name_no_group_give_nothing() -> None:
    names = [["group M"], ["group S"]]
    texts = [
        "The M group (Table 2) and the S group (n = 40) were alike.",
        "Group M (women) slept longer; melatonin (three doses) was well tolerated.",
        "The melatonin arm (group S) is a name the other arm already has: group M (sucrose).",
    ]
    # "sucrose" would be group M's plain name, but group S has none: not taken
    assert paired_names(texts, names) == [[], ["melatonin arm"]]


def test_a_name_given_to_two_arms_is_no_name() -> None:
    names = [["group M"], ["group S"]]
    texts = [
        "The syrup group (group M) slept longer.",
        "The syrup group (group S) woke earlier.",
    ]
    assert paired_names(texts, names) == [[], []]


def test_the_resolver_names_the_letter_arm_by_its_paired_name() -> None:
    r = ArmResolver(
        [
            ArmName("M", "intervention", aliases=("melatonin group",)),
            ArmName("S", "control", aliases=("sucrose group",)),
        ]
    )
    sent = "Sleep onset came at 21 min in the melatonin group and 34 min in the sucrose group."
    assert r.attribute(sent, _spans(sent, ["21", "34"])) == ["intervention", "control"]


def test_study_group_beside_control_group_is_one_arm() -> None:
    r = ArmResolver([ArmName("Study group", "intervention"), ArmName("Control group", "control")])
    sent = "Wound healing took 9.1 days in the study group and 12.4 days in the control group."
    assert r.attribute(sent, _spans(sent, ["9.1", "12.4"])) == ["intervention", "control"]
    # both study groups together are not one arm
    sent = "Wound healing took 9.1 days in both study groups."
    assert r.attribute(sent, _spans(sent, ["9.1"])) == ["both"]
    # an arm known by a letter takes "study group" from the paper's pairing
    texts = [
        "Forty were randomised to the control group (group A) and 38 to the study group (group B)."
    ]
    assert paired_names(texts, [["Group A"], ["Group B"]]) == [["control group"], ["study group"]]


def test_a_clause_in_parentheses_names_no_arm() -> None:
    names = [["walking group"], ["cycling group"]]
    texts = [
        "Stride length grew in the walking group (difference not significant at week 6).",
        "Gait was filmed under the same lighting (as the cycling group) in both rooms.",
    ]
    assert paired_names(texts, names) == [[], []]


def test_a_plain_name_before_a_code_is_taken_only_as_a_treatment() -> None:
    names = [["group Z"], ["group P"]]
    # what was measured, printed before the group it was measured in
    texts = ["Nurses charted the wound exudate scores (group Z) every morning."]
    assert paired_names(texts, names) == [[], []]
    texts = ["Children were given oral zinc (group Z) or a lookalike tablet (group P)."]
    assert paired_names(texts, names) == [["oral zinc"], ["lookalike tablet"]]


def test_the_known_side_has_no_word_the_arm_is_not_called_by() -> None:
    names = [["exercise"], ["usual care"]]
    texts = ["Home-based supervised exercise (HX arm) ran for 12 weeks."]
    assert paired_names(texts, names) == [[], []]
    texts = ["The exercise group (HX arm) met twice a week."]
    assert paired_names(texts, names) == [["HX arm"], []]


def test_a_table_row_label_is_no_arm_name() -> None:
    names = [["group A"], ["group B"]]
    texts = ["Raters saw either a congruent-cue group (group A) or a mixed-cue group (group B)."]
    assert paired_names(texts, names) == [["congruent-cue group"], ["mixed-cue group"]]
    # the conditions label the rows of a table whose columns are groups A and B
    rows = ["Congruent cue", "Mixed cue", "Overall"]
    assert paired_names(texts, names, rows) == [[], []]


def test_a_paired_control_name_gives_the_roles() -> None:
    from litkg.extractor.ingest.text import parse_text
    from litkg.extractor.pipeline import extract_record

    text = (
        "# Chair yoga for knee pain: a randomised trial\n\n## Methods\n\n"
        "Sixty adults were randomly assigned to group A (n = 30) or group B (n = 30). "
        "Thirty were allocated to the usual care group (group A) and thirty to the chair yoga "
        "group (group B).\n\n## Results\n\n"
        "Pain fell by 2.1 points in the chair yoga group and 0.4 points in the usual care group.\n"
    )
    rec = extract_record(parse_text(text, doc_id="y"))
    assert {(a.label, a.role) for a in rec.arms if a.role in ("intervention", "control")} == {
        ("group A", "control"),
        ("group B", "intervention"),
    }


def test_a_two_letter_code_like_eg_is_a_code_not_for_example() -> None:
    names = [["Experimental group"], ["Comparison group"]]
    texts = ["Ninety nurses joined the Experimental Group (EG) and 88 the Comparison Group (CG)."]
    assert paired_names(texts, names) == [["EG"], ["CG"]]
    # "(eg, ...)" in lower case is still "for example"
    texts = ["Snacks were offered in the Experimental Group (eg, fruit) at noon."]
    assert paired_names(texts, names) == [[], []]


def test_a_plain_name_is_taken_only_where_every_arm_has_one() -> None:
    names = [["group 1"], ["group 2"]]
    texts = ["Two walkers in group 1 (nordic poles) fell; none did in group 2."]
    # the other arm's treatment is unknown: a sentence setting the two against
    # each other could not tell its values from group 1's
    assert paired_names(texts, names) == [[], []]
    texts.append("Group 2 (treadmill walking) trained indoors.")
    assert paired_names(texts, names) == [["nordic poles"], ["treadmill walking"]]
    # a code or a group's name is taken for one arm alone
    texts = ["Two walkers in group 1 (NP group) fell; none did in group 2."]
    assert paired_names(texts, names) == [["NP group"], []]


def test_a_role_word_in_parentheses_is_no_name() -> None:
    names = [["group 1"], ["group 2"]]
    texts = ["Weight fell more in group 1 (test) than in group 2 (control)."]
    assert paired_names(texts, names) == [[], []]

"""Arms named by their role only ("the study group", "the control group") take
the name of what the Methods say each received, where the paper also calls a
group or patients by it: "The study group received 0.5 mg/kg midazolam and the
control group received saline" and "patients receiving midazolam" name one arm."""

from __future__ import annotations

from litkg.extractor.components.arm_resolver import ArmName, received_names

_ROLE_ARMS = [ArmName("study group", "intervention"), ArmName("control group", "control")]


def test_role_named_arms_take_the_names_of_what_they_received() -> None:
    texts = [
        "The study group received 0.5 mg/kg intravenous midazolam and the control group "
        "received saline before the enema.",
        "Sedation scores were higher among children receiving midazolam than among those "
        "given saline.",
    ]
    assert received_names(texts, _ROLE_ARMS) == [["midazolam"], ["saline"]]
    texts = [
        "Participants of the intervention arm were given a 12-week yoga programme, while the "
        "control arm was given leaflets on back care.",
        "Pain fell further in the yoga programme arm than in the leaflets arm.",
    ]
    arms = [ArmName("intervention arm", "intervention"), ArmName("control arm", "control")]
    assert received_names(texts, arms) == [["yoga programme"], ["leaflets"]]


def test_a_group_named_before_what_was_injected_in_it() -> None:
    texts = [
        "In the study group, lidocaine 2% was injected before the puncture. In the control "
        "group, normal saline was injected at the same site.",
        "Of the women given normal saline, 14 reported pain; of those given lidocaine, 3 did.",
    ]
    assert received_names(texts, _ROLE_ARMS) == [["lidocaine"], ["normal saline"]]


def test_a_treatment_the_paper_calls_nobody_by_is_no_name_unless_a_trial_drug() -> None:
    texts = [
        "Subjects in the control group received betamethasone cream, and subjects in the study "
        "group received aloe vera gel.",
        "Healing was complete by day 14 in 80% versus 62%.",
    ]
    assert received_names(texts, _ROLE_ARMS) == [[], []]
    drugs = ["aloe vera", "betamethasone"]
    assert received_names(texts, _ROLE_ARMS, drugs) == [["aloe vera"], ["betamethasone"]]


def test_names_are_taken_only_where_every_arm_has_one() -> None:
    texts = [
        "The study group received oral melatonin at bedtime; the control group received no "
        "treatment.",
        "Sleep latency was shorter in the melatonin group.",
    ]
    assert received_names(texts, _ROLE_ARMS) == [[], []]


def test_a_treatment_both_arms_received_names_neither() -> None:
    texts = [
        "The study group received fentanyl plus ketamine, and the control group received fentanyl.",
        "Patients receiving fentanyl plus ketamine needed less rescue analgesia than those "
        "receiving fentanyl alone.",
    ]
    got = received_names(texts, _ROLE_ARMS)
    assert "fentanyl" not in got[1]
    assert got == [[], []]


def test_arms_named_otherwise_are_left_as_they_are() -> None:
    texts = ["The ketamine group received 0.5 mg/kg ketamine and the placebo group saline."]
    arms = [ArmName("ketamine group", "intervention"), ArmName("placebo group", "control")]
    assert received_names(texts, arms) == [[], []]


def test_results_named_by_the_treatments_go_to_the_role_named_arms() -> None:
    from litkg.extractor.ingest.text import parse_text
    from litkg.extractor.pipeline import extract_record

    text = (
        "# Nebulised therapy for acute asthma in children: a randomised trial\n\n## Methods\n\n"
        "Sixty children were randomly allocated to a study group or a control group. "
        "The children in the study group received nebulised magnesium sulphate, while the "
        "children in the control group received nebulised saline.\n\n"
        "## Results\n\n"
        "The mean asthma score at one hour was 4.2 in the magnesium sulphate group and 6.8 in "
        "the saline group.\n"
    )
    rec = extract_record(parse_text(text, doc_id="r")).to_record()
    roles = {a["label"]: a["role"] for a in rec["arms"]}
    assert roles == {"study group": "intervention", "control group": "control"}
    values = {o["value"]: o["arm"] for o in rec["outcomes"]}
    assert values == {4.2: "intervention", 6.8: "control"}


def test_the_start_of_a_name_is_no_name_where_the_paper_prints_it_whole() -> None:
    texts = [
        "The control group received normal saline through the same cannula.",
        "Shivering was rarer with clonidine than in those given normal saline.",
    ]
    arms = [ArmName("clonidine group", "intervention"), ArmName("control group", "control")]
    assert received_names(texts, arms) == [[], ["normal saline"]]
    texts[1] = "Shivering was rarer in those given normal fluids."
    assert received_names(texts, arms) == [[], []]


def test_a_word_of_an_arm_s_longer_name_is_not_the_group_receiving() -> None:
    texts = [
        "In group C, antibiotics were given postoperatively only when infection was suspected.",
        "Wound infection was seen in 2 patients given antibiotics postoperatively.",
    ]
    arms = [
        ArmName("Group A", "intervention"),
        ArmName("Group C", "control", None, ("Group C (no antibiotics at all)",)),
    ]
    assert received_names(texts, arms) == [[], []]

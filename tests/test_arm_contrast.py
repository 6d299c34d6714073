"""Arms no allocation list names, which the results set against each other
("the ginger group ... the placebo group"): only the same names contrasted in
two sentences or more, in a trial that allocates, and never strata of the
sample (age, sex, response)."""

from __future__ import annotations

from litkg.extractor.components.arm_contrast import contrasted_groups

_SPLIT = "Participants were divided at random into two groups."


def test_names_set_against_each_other_twice_are_the_arms() -> None:
    sents = [
        _SPLIT,
        "Mean pain at 24 h was 2.1 in the ginger group and 3.4 in the placebo group.",
        "Vomiting was rarer in the ginger group than in the placebo group (P = 0.02).",
    ]
    assert contrasted_groups(sents) == (["ginger group", "placebo group"], 1)


def test_the_x_and_y_groups_is_a_contrast_too() -> None:
    sents = [
        "Recovery did not differ between the cooled and warmed groups at day 3.",
        "Shivering lasted longer in the cooled group than in the warmed group.",
    ]
    assert contrasted_groups(sents, randomized=True, given=["cooled or warmed fluids"]) == (
        ["cooled group", "warmed group"],
        0,
    )


def test_one_contrast_is_not_enough() -> None:
    sents = [_SPLIT, "Mean pain was 2.1 in the ginger group and 3.4 in the placebo group."]
    assert contrasted_groups(sents) is None
    # the same sentence printed twice (abstract and results) is one contrast
    assert contrasted_groups([*sents, sents[1]]) is None


def test_a_paper_that_allocates_nobody_gives_no_arms() -> None:
    sents = [
        "Mean pain was 2.1 in the ginger group and 3.4 in the placebo group.",
        "Vomiting was rarer in the ginger group than in the placebo group.",
    ]
    assert contrasted_groups(sents) is None
    assert contrasted_groups(["Patients were not randomised to groups.", *sents]) is None


def test_strata_of_the_sample_are_no_arms() -> None:
    for a, b in (("older", "younger"), ("responder", "non-responder"), ("male", "female")):
        sents = [
            _SPLIT,
            f"Scores fell more in the {a} group than in the {b} group.",
            f"Sleep was longer in the {a} group and shorter in the {b} group.",
        ]
        assert contrasted_groups(sents) is None, a


def test_a_trait_the_trial_did_not_give_is_no_arm() -> None:
    sents = [
        "Each volunteer was randomly assigned to the order of the two sessions.",
        "Recall was poorer in the HX-high group than in the HX-low group.",
        "Errors were more frequent in the HX-high group and rarer in the HX-low group.",
    ]
    assert contrasted_groups(sents, randomized=True) is None
    # named where the groups are given their treatment, the same names are arms
    given = "Volunteers were randomly assigned to HX-high or HX-low doses."
    got = contrasted_groups([given, *sents[1:]], randomized=True)
    assert got == (["HX-high group", "HX-low group"], 1)


def test_generic_names_stand_only_against_a_control() -> None:
    sents = [
        _SPLIT,
        "Uptake was 40% in the treatment group and 22% in the study group.",
        "Costs were higher in the treatment group than in the study group.",
    ]
    assert contrasted_groups(sents) is None
    sents = [s.replace("study group", "control group") for s in sents]
    assert contrasted_groups(sents) == (["treatment group", "control group"], 1)


def test_the_announced_number_of_groups_must_match() -> None:
    sents = [
        _SPLIT,
        "Mean pain was 2.1 in the ginger group and 3.4 in the placebo group.",
        "Vomiting was rarer in the ginger group than in the placebo group.",
    ]
    assert contrasted_groups(sents, k=3) is None
    assert contrasted_groups(sents, k=2) is not None


def test_contrasted_arms_take_their_values_in_a_paper() -> None:
    from litkg.extractor.ingest.text import parse_text
    from litkg.extractor.pipeline import extract_record

    text = (
        "# Ginger capsules for nausea after day surgery: a randomised trial\n\n## Methods\n\n"
        "Eighty adults were divided at random into two groups before surgery.\n\n"
        "## Results\n\n"
        "Nausea at 6 hours was reported by 18% in the ginger group and 41% in the placebo "
        "group (P = 0.01).\n"
        "Rescue antiemetics were needed less often in the ginger group than in the placebo "
        "group.\n"
    )
    rec = extract_record(parse_text(text, doc_id="c")).to_record()
    roles = {a["label"]: a["role"] for a in rec["arms"]}
    assert roles == {"ginger group": "intervention", "placebo group": "control"}
    by_value = {o["value"]: o.get("arm") for o in rec["outcomes"]}
    assert by_value.get(18) == "intervention" and by_value.get(41) == "control"


def test_strata_contrasted_in_a_paper_leave_it_without_arms() -> None:
    from litkg.extractor.ingest.text import parse_text
    from litkg.extractor.pipeline import extract_record

    text = (
        "# Ginger capsules for nausea after day surgery: a randomised trial\n\n## Methods\n\n"
        "Eighty adults were divided at random into two groups before surgery.\n\n"
        "## Results\n\n"
        "Nausea at 6 hours was reported by 18% in the older group and 41% in the younger "
        "group (P = 0.01).\n"
        "Rescue antiemetics were needed less often in the older group than in the younger "
        "group.\n"
    )
    rec = extract_record(parse_text(text, doc_id="s")).to_record()
    assert not [a for a in rec["arms"] if "group" in a["label"]]


def test_groups_a_sentence_stratifies_are_not_given_anything() -> None:
    sents = [
        "Thirty volunteers in a randomised crossover were stratified as scoring low (LQ) or "
        "high (HQ) on the anxiety scale.",
        "Recall was poorer in the HQ group than in the LQ group.",
        "Errors were more frequent in the HQ group and rarer in the LQ group.",
    ]
    assert contrasted_groups(sents, randomized=True) is None


def test_a_wait_list_named_only_in_the_results_is_the_control_side() -> None:
    # the Methods name what the treated group was given, not the wait-list: a
    # control's name needs no allocation sentence of its own
    sents = [
        _SPLIT,
        "Anxiety at week 8 was lower in the yoga group than in the wait-list group.",
        "Sleep quality improved more in the yoga group than in the wait-list group (P = 0.01).",
    ]
    assert contrasted_groups(sents, given=["weekly yoga classes"]) == (
        ["yoga group", "wait-list group"],
        1,
    )

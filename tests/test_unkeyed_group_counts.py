"""Counts of people per group in result sentences (anaesthesia, urology and
obstetrics house styles written for these tests), and group designators."""

from litkg.extractor.components.unkeyed_outcomes import unkeyed_from_sentence


def _counts(sent: str):
    return [
        (m.outcome.name, m.outcome.statistic, m.outcome.value, m.arm_label)
        for m in unkeyed_from_sentence(sent)
        if m.rule.endswith("group_count")
    ]


def test_count_before_each_group_then_the_predicate():
    assert _counts(
        "Two patients in group D and 6 patients in group M had postoperative shivering."
    ) == [
        ("postoperative shivering", "count", 2.0, "group D"),
        ("postoperative shivering", "count", 6.0, "group M"),
    ]


def test_two_counts_then_two_groups():
    assert _counts("7 and 15 patients in the LA and GA groups reported headache.") == [
        ("headache", "count", 7.0, "LA"),
        ("headache", "count", 15.0, "GA"),
    ]


def test_none_in_one_group_is_a_zero_count():
    assert _counts(
        "Pruritus was not seen in any patient in group D but in 5 patients in group M."
    ) == [
        ("Pruritus", "count", 0.0, "group D"),
        ("Pruritus", "count", 5.0, "group M"),
    ]


def test_counts_in_words_and_in_parentheses_after_the_group():
    assert _counts(
        "Bacteriuria was less frequent in the silicone group (2 cases) than in the latex group (seven cases)."
    ) == [("Bacteriuria", "count", 2.0, "silicone"), ("Bacteriuria", "count", 7.0, "latex")]
    assert _counts(
        "Five cases of candiduria were observed in the latex group compared to only one case in the silicone group."
    ) == [("candiduria", "count", 5.0, "latex"), ("candiduria", "count", 1.0, "silicone")]


def test_the_number_of_is_not_part_of_the_name():
    got = _counts(
        "The number of catheter blockages was two cases in the silicone group and eleven cases in the latex group (P = 0.02)."
    )
    assert [(n, v) for n, _, v, _ in got] == [
        ("catheter blockages", 2.0),
        ("catheter blockages", 11.0),
    ]
    assert all(
        m.outcome.p == 0.02
        for m in unkeyed_from_sentence(
            "The number of catheter blockages was two cases in the silicone group and eleven cases in the latex group (P = 0.02)."
        )
    )


def test_who_took_part_is_no_result():
    assert (
        _counts(
            "Fifteen patients in the yoga group and 14 in the control group completed the trial."
        )
        == []
    )
    assert _counts("Nine patients in group A and 7 in group B withdrew consent.") == []
    assert (
        _counts("Four women in the tea group and 6 women in the water group were excluded.") == []
    )


def test_a_count_with_nothing_counted_is_no_result():
    assert _counts("There were 12 patients in group A and 13 patients in group B.") == []
    assert _counts("The VAS was 3 in group A and 5 in group B.") == []


def test_a_rate_per_group_named_by_a_letter_designator():
    got = unkeyed_from_sentence(
        "Three patients (17.6%) in Group I and two patients (9.0%) in Group II experienced moderate pain."
    )
    assert [(m.outcome.statistic, m.outcome.value, m.arm_label) for m in got] == [
        ("rate", 17.6, "Group I"),
        ("rate", 9.0, "Group II"),
    ]


def test_a_mean_per_group_named_by_any_capital_letter():
    got = unkeyed_from_sentence(
        "The time to extubation was 8.2 ± 2.4 min in group D and 11.6 ± 3.1 min in group M."
    )
    assert [(m.outcome.value, m.arm_label) for m in got] == [(8.2, "group D"), (11.6, "group M")]


def test_a_between_group_p_is_no_group():
    from litkg.extractor.mentions import arm_cues

    assert [c.label for c in arm_cues("The between-group P = 0.03 for pain.")] == []
    assert [c.label for c in arm_cues("in group SD and group B+D")] == ["group B+D"]


def test_missing_data_is_no_result():
    assert (
        _counts(
            "Two patients in the OaD group and two patients in the PRN group had missing values."
        )
        == []
    )


def test_counts_attach_only_to_the_trials_arms(tmp_path):
    from litkg.extractor.ingest import load_document
    from litkg.extractor.pipeline import extract_record

    f = tmp_path / "trial.md"
    f.write_text(
        "# Dexmedetomidine versus midazolam for sedation in cataract surgery: a randomised trial\n\n"
        "## Methods\n\nEighty adults were randomly allocated to dexmedetomidine (group D, n = 40) "
        "or midazolam (group M, n = 40).\n\n## Results\n\n"
        "Two patients in group D and 6 patients in group M had postoperative shivering (P = 0.04).\n"
        "Three patients in the younger group and 5 in the older group had blurred vision.\n"
    )
    rec = extract_record(load_document(f)).to_record()
    counts = [
        (o["name"], o["value"], o["arm"], o["p"])
        for o in rec["outcomes"]
        if o["statistic"] == "count"
    ]
    assert counts == [
        ("postoperative shivering", 2.0, "intervention", 0.04),
        ("postoperative shivering", 6.0, "control", 0.04),
    ]  # the younger and older groups are no arms of the trial

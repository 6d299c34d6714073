"""Result-table shapes whose per-arm values were lost, written here in
psychology, sports-medicine and sleep-research styles: the letter "M" beside
"SD" (or "M (SD)" in one label) under each arm, bare "Pre" / "Post" and
"6-Week" rows under a measure, and time-point rows whose words name the
treatment ("Post intervention") read as a group's rows."""

from table_helpers import read

from litkg.extractor.components.unkeyed_names import read_timepoint
from litkg.extractor.tables.labels import TIME_LABEL, statistic


def _values(got):
    return [
        (o.name, label, o.value, o.dispersion and o.dispersion.kind, o.timepoint)
        for _r, o, label in got
    ]


def test_letter_m_and_sd_columns_under_each_condition():
    got = read(
        [
            ["Measure", "Mindfulness", "", "Waitlist", "", "t", "p"],
            ["", "M", "SD", "M", "SD", "", ""],
            ["Rumination score", "31.2", "6.4", "36.9", "7.1", "2.91", ".004"],
            ["Sleep latency (min)", "22.5", "9.8", "24.0", "10.2", "0.51", ".61"],
        ],
        "Table 2. Outcomes after the eight-week course",
        header_rows=2,
    )
    assert _values(got) == [
        ("Rumination score", "Mindfulness", 31.2, "sd", None),
        ("Rumination score", "Waitlist", 36.9, "sd", None),
        ("Sleep latency (min)", "Mindfulness", 22.5, "sd", None),
        ("Sleep latency (min)", "Waitlist", 24.0, "sd", None),
    ]
    assert all(o.statistic == "mean" for _r, o, _l in got)


def test_letter_m_beside_another_letter_is_no_mean():
    # "M | F" under a sex heading: the male count, never a mean
    got = read(
        [
            ["", "Yoga", "", "Stretching", ""],
            ["", "M", "F", "M", "F"],
            ["Completed the programme", "12", "15", "10", "14"],
        ],
        "Table 3. Completion by sex after 12 weeks",
        header_rows=2,
    )
    assert all(o.statistic != "mean" for _r, o, _l in got)


def test_m_sd_in_one_label_and_mdn():
    assert statistic("M (SD)") == "mean (sd)"
    assert statistic("M ± SE") == "mean (se)"
    assert statistic("Mdn") == "median"
    assert statistic("M") is None  # alone, the letter may be the male sex


def test_pre_post_and_hyphenated_week_rows_under_a_measure():
    got = read(
        [
            ["", "Usual care", "", "Coaching", ""],
            ["", "n", "M (SD)", "n", "M (SD)"],
            ["Self-efficacy", "", "", "", ""],
            ["Pre", "40", "21.3 (4.2)", "42", "20.8 (4.6)"],
            ["Post", "38", "22.0 (4.0)", "41", "25.1 (3.9)"],
            ["6-Week", "35", "21.7 (4.4)", "39", "24.6 (4.1)"],
        ],
        "Table 4. Observed self-efficacy means by group",
        header_rows=2,
    )
    vals = _values(got)
    # the baseline ("Pre") is no result; "Post" and "6-Week" are, named by the measure
    assert ("Self-efficacy", "Coaching", 25.1, "sd", "Post") in vals
    assert ("Self-efficacy", "Usual care", 21.7, "sd", "6-Week") in vals
    assert not any(v[2] in (21.3, 20.8) for v in vals)
    assert not any(v[0] in ("Pre", "Post", "6-Week") for v in vals)


def test_hyphenated_time_points():
    assert TIME_LABEL.match("6-Week") and TIME_LABEL.match("12-month follow-up")
    assert not TIME_LABEL.match("6-minute walk test")
    assert read_timepoint("6-Week")[1] == 1.4
    assert read_timepoint("12-month follow-up")[1] == 12.0


def test_time_rows_naming_the_treatment_are_no_group_rows():
    # "Post intervention" names the arm 'Circuit intervention' by its word, yet is a time point
    got = read(
        [
            ["Variable", "N", "Circuit", "Walking", "p"],
            ["Knee extension (Nm)", "", "", "", ""],
            ["Baseline", "60", "88.1 ± 12.0", "87.5 ± 13.1", "0.81"],
            ["Post intervention", "55", "97.4 ± 11.2", "89.0 ± 12.7", "0.01"],
        ],
        "Table 2. Strength before and after 10 weeks of training",
        is_arm=lambda label: "intervention" in label.lower() or label in ("Circuit", "Walking"),
    )
    assert _values(got) == [
        ("Knee extension (Nm)", "Circuit", 97.4, "unknown", "Post intervention"),
        ("Knee extension (Nm)", "Walking", 89.0, "unknown", "Post intervention"),
    ]


def test_group_abbreviations_the_notes_define_are_the_arms():
    got = read(
        [
            ["Score", "First assessment", "", "Second assessment", "", "Between assessments", ""],
            ["Score", "M", "SD", "M", "SD", "t(df)", "P"],
            ["Spelling", "", "", "", "", "", ""],
            ["IG", "41.2", "6.3", "47.9", "5.8", "3.10 (14)", ".008"],
            ["WG", "40.7", "7.0", "42.1", "6.6", "0.92 (13)", ".37"],
        ],
        "Table 2. Spelling scores of the groups at both assessments",
        header_rows=2,
        footnotes=[
            "IG = Intervention group, WG = Waiting-list group, M = mean, SD = standard deviation"
        ],
    )
    assert _values(got) == [
        ("Spelling", "Intervention group", 41.2, "sd", "First assessment"),
        ("Spelling", "Intervention group", 47.9, "sd", "Second assessment"),
        ("Spelling", "Waiting-list group", 40.7, "sd", "First assessment"),
        ("Spelling", "Waiting-list group", 42.1, "sd", "Second assessment"),
    ]


def test_an_abbreviation_the_notes_do_not_define_as_a_group_is_no_arm():
    got = read(
        [
            ["Score", "First assessment", "", "Second assessment", ""],
            ["Score", "M", "SD", "M", "SD"],
            ["EEG", "41.2", "6.3", "47.9", "5.8"],
            ["EMG", "40.7", "7.0", "42.1", "6.6"],
        ],
        "Table 2. Signal amplitudes at both assessments",
        header_rows=2,
        footnotes=["EEG = electroencephalography, EMG = electromyography"],
    )
    assert all(label is None for _r, _o, label in got)


def test_glossary_reads_both_forms():
    from litkg.extractor.tables.labels import glossary

    got = glossary(
        "Scores in the relaxation training group (RTG) and the usual care (UC) arm. SD: standard deviation"
    )
    assert got == {
        "RTG": "relaxation training group",
        "UC": "usual care",
        "SD": "standard deviation",
    }


def test_differences_at_baseline_are_no_results():
    got = read(
        [
            ["", "Exercise", "", "Control", "", "U", "p"],
            ["", "M", "SD", "M", "SD", "", ""],
            ["Body mass index", "30.9", "6.1", "31.4", "5.9", "765.5", ".74"],
        ],
        "Table 1. Descriptive statistics at baseline and differences between the exercise and control groups",
        header_rows=2,
    )
    assert got == []


def test_one_groups_table_before_and_after_named_by_its_stub_heading():
    got = read(
        [
            [
                "Waitlist group/measures",
                "Before treatment",
                "",
                "After treatment",
                "",
                "Statistical test",
            ],
            ["Waitlist group/measures", "Mean", "SD", "Mean", "SD", "Statistical test"],
            ["Fasting glucose", "101.3", "12.2", "99.8", "11.9", "t = 0.91, P = 0.37"],
        ],
        "Table 3. Glucose before and after the programme",
        header_rows=2,
    )
    assert _values(got) == [
        ("Fasting glucose", "Waitlist group", 101.3, "sd", "Before treatment"),
        ("Fasting glucose", "Waitlist group", 99.8, "sd", "After treatment"),
    ]
    assert all(o.statistic == "mean" for _r, o, _l in got)  # the SD cells are no means


def test_a_stub_heading_naming_no_group_gives_the_cohorts_values():
    got = read(
        [
            ["Measures", "Before treatment", "", "After treatment", ""],
            ["Measures", "Mean", "SD", "Mean", "SD"],
            ["Fasting glucose", "101.3", "12.2", "99.8", "11.9"],
        ],
        "Table 3. Glucose before and after the programme",
        header_rows=2,
    )
    assert [(o.value, label) for _r, o, label in got] == [(101.3, None), (99.8, None)]


def test_one_block_of_rows_per_group_under_time_columns():
    got = read(
        [
            ["Group/measure", "Baseline", "Week 6", "Week 12"],
            ["Group/measure", "Mean ± SD", "Mean ± SD", "Mean ± SD"],
            ["Melatonin group (n = 24)", "", "", ""],
            ["Sleep quality index", "", "", ""],
            ["Global score", "11.2 ± 3.1", "8.4 ± 2.9", "7.9 ± 2.6"],
            ["Sham group (n = 23)", "", "", ""],
            ["Sleep quality index", "", "", ""],
            ["Global score", "11.0 ± 3.3", "10.1 ± 3.0", "10.4 ± 3.2"],
        ],
        "Table 2. Sleep quality over the 12 weeks",
        header_rows=2,
    )
    assert _values(got) == [
        ("Sleep quality index, Global score", "Melatonin group", 8.4, "sd", "Week 6"),
        ("Sleep quality index, Global score", "Melatonin group", 7.9, "sd", "Week 12"),
        ("Sleep quality index, Global score", "Sham group", 10.1, "sd", "Week 6"),
        ("Sleep quality index, Global score", "Sham group", 10.4, "sd", "Week 12"),
    ]  # the baselines (11.2, 11.0) are no group's result

"""Result-table forms outside the endpoint keys: one group measured before and
after, comparison columns named in words, the number analysed printed in the
cell, the outcome named over the arms, time points as rows under a time
heading. Written in psychiatry, cardiac rehabilitation, nutrition,
orthopaedic and paediatric house styles."""

from table_helpers import read

from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import extract_record
from litkg.extractor.tables.values import parse_value


def _facts(got):
    return [(o.name, label, o.statistic, o.value, o.timepoint_months) for _, o, label in got]


def test_one_group_before_and_after_with_its_change():
    got = read(
        [
            ["Scale", "Pre-treatment mean (SD)", "Eight weeks mean (SD)", "Eight weeks − pre-treatment (95% CI)", "P"],
            ["HAM-D total", "22.4 (4.1)", "13.0 (5.2)", "−9.4 (−11.0 −7.8)", "<0.001"],
            ["Sleep quality index", "11.2 (3.0)", "11.2 (2.8)", "0.0 (−0.9 0.9)", "0.97"],
        ],
        "Table 2 Depression and sleep before and after the programme",
    )  # fmt: skip
    assert _facts(got) == [
        ("HAM-D total", None, "mean", 22.4, 0.0),
        ("HAM-D total", None, "mean", 13.0, 1.8),
        ("HAM-D total", None, "difference", -9.4, 1.8),
        ("Sleep quality index", None, "mean", 11.2, 0.0),  # the same value at both times: both kept
        ("Sleep quality index", None, "mean", 11.2, 1.8),
        ("Sleep quality index", None, "difference", 0.0, 1.8),
    ]
    change = got[2][1]
    assert change.ci == (-11.0, -7.8)  # both bounds negative, printed without a separator
    assert change.p == 0.001 and change.timepoint == "Eight weeks"
    assert got[0][1].dispersion.value == 4.1 and got[1][1].dispersion.value == 5.2


def test_one_group_counts_at_two_time_points():
    got = read(
        [
            ["Behaviour", "Baseline n (%)", "Three months n (%)", "p"],
            ["Fruit intake", "", "", ""],
            ["≥ 3 portions/day", "8(20.0)", "17(42.5)", "0.01"],
        ],
        "Table 3 Meeting dietary targets at entry and follow up",
    )
    assert _facts(got) == [
        ("Fruit intake ≥ 3 portions/day", None, "rate", 20.0, 0.0),
        ("Fruit intake ≥ 3 portions/day", None, "rate", 42.5, 3.0),
    ]


def test_a_column_labelled_mean_sd_is_not_the_spread_of_the_column_before():
    got = read(
        [
            ["", "Admission mean (SD)", "Discharge mean (SD)"],
            ["Six-minute walk distance, m", "312 (88)", "405 (92)"],
        ],
        "Table 2 Functional capacity over the rehabilitation stay",
    )
    assert [(o.value, o.dispersion.value) for _, o, _ in got] == [(312.0, 88.0), (405.0, 92.0)]
    assert got[0][1].name == "Six-minute walk distance, m"  # a name, not a time point


def test_ratio_and_difference_columns_named_in_words():
    got = read(
        [
            ["Outcome", "Splint (n=60)", "Physiotherapy (n=58)", "Adjusted odds ratio* (95% CI) by site", "P value"],
            ["Return to work", "41 (68)", "30 (52)", "1.98 (0.93 to 4.21)", "0.08"],
        ],
        "Table 3 Outcomes at 12 weeks",
    )  # fmt: skip
    ratio = [o for _, o, label in got if label is None]
    assert [(o.statistic, o.value, o.ci, o.comparator) for o in ratio] == [
        ("or", 1.98, (0.93, 4.21), "control")
    ]
    assert [label for _, _, label in got if label] == ["Splint", "Physiotherapy"]


def test_a_mean_row_under_a_ratio_column_is_a_difference_only_where_the_table_says_so():
    rows = [
        ["Neonatal outcome", "Iron (n=210)", "Placebo (n=205)", "Risk ratio† (95% CI)"],
        ["Preterm birth", "18/208 (9)", "25/203 (12)", "0.70 (0.40 to 1.24)"],
        ["Mean (SD) birth length (cm)", "n=205, 49.8 (2.3)", "n=201, 49.5 (2.6)", "0.30 (−0.18 to 0.78)"],
    ]  # fmt: skip
    said = read(
        rows,
        "Table 4 Neonatal outcomes",
        footnotes=["†Risk ratios and mean differences (iron − placebo)."],
    )
    unsaid = read(rows, "Table 4 Neonatal outcomes", footnotes=["†Adjusted for parity."])
    assert [(o.statistic, o.value) for _, o, lab in said if lab is None] == [
        ("rr", 0.70),
        ("difference", 0.30),
    ]
    assert [(o.statistic, o.value) for _, o, lab in unsaid if lab is None] == [("rr", 0.70)]
    length = [o for _, o, lab in said if o.name.endswith("(cm)") and lab]
    assert [(o.statistic, o.value, o.n) for o in length] == [
        ("mean", 49.8, 205),
        ("mean", 49.5, 201),
    ]


def test_a_negative_value_in_a_ratio_column_is_no_ratio():
    got = read(
        [
            ["", "Drug A", "Drug B", "HR (95% CI)"],
            ["Readmission", "12 (10.0)", "19 (15.8)", "−0.4 (−0.9 to 0.1)"],
        ],
        "Table 2 Outcomes",
    )
    assert [o.statistic for _, o, _ in got] == ["rate", "rate"]


def test_the_number_analysed_printed_before_the_estimate():
    v = parse_value("n=87, 14.2 (3.9)")
    assert (v.kind, v.value, v.disp, v.analysed) == ("estimate", 14.2, 3.9, 87)
    v = parse_value("64; 9 (6–15)")
    assert (v.kind, v.value, v.low, v.high, v.analysed) == ("estimate", 9.0, 6.0, 15.0, 64)
    assert parse_value("1,250").kind == "text"  # a thousands separator, not a count
    assert parse_value("12, 15").kind == "text"  # two numbers, no estimate
    assert parse_value("40, 12 (30)").analysed is None  # "12 (30)" is a count and its percentage


def test_the_outcome_named_over_the_arms_with_time_points_as_rows():
    got = read(
        [
            ["Assessment", "Anxiety score (GAD-7)", "", "Difference (95% CI)"],
            ["", "Waiting list", "Online CBT", ""],
            ["Baseline", "98, 12.1 (3.3)", "97, 12.4 (3.1)", "—"],
            ["Post-treatment", "90, 10.9 (3.8)", "88, 7.2 (4.0)", "−3.5 (−4.6 to −2.4)"],
            ["Six month follow-up", "81, 10.1 (4.2)", "80, 7.9 (4.4)", "−2.1 (−3.4 to −0.8)"],
        ],
        "Table 3 Anxiety during the trial. Values are n, mean (SD)",
        header_rows=2,
        is_arm=lambda label: label.endswith(("Waiting list", "Online CBT")),
    )
    assert _facts(got) == [
        ("Anxiety score (GAD-7)", "Waiting list", "mean", 10.9, None),
        ("Anxiety score (GAD-7)", "Online CBT", "mean", 7.2, None),
        ("Anxiety score (GAD-7)", None, "difference", -3.5, None),
        ("Anxiety score (GAD-7)", "Waiting list", "mean", 10.1, 6.0),
        ("Anxiety score (GAD-7)", "Online CBT", "mean", 7.9, 6.0),
        ("Anxiety score (GAD-7)", None, "difference", -2.1, 6.0),
    ]  # the baseline row is not a result of the arms
    assert got[0][1].timepoint == "Post-treatment" and got[0][1].n == 90


def test_time_points_as_numbered_rows_under_a_time_heading():
    got = read(
        [
            ["Visit", "Brace", "Cast", "Ratio* (95% CI)"],
            ["No, mean (SD) pain on walking (0-10)", "", "", ""],
            ["Months after fracture:", "", "", ""],
            ["3", "60, 3.1 (1.9)", "58, 4.0 (2.2)", ""],
            ["12", "55, 1.2 (1.1)", "54, 1.4 (1.3)", ""],
            ["No of physiotherapy visits", "61, 6 (4-9)", "59, 4 (2-6)", ""],
        ],
        "Table 2 Pain and use of care",
        footnotes=["Values are medians (interquartile range) for visits."],
        is_arm=lambda label: label in ("Brace", "Cast"),
    )
    assert _facts(got) == [
        ("pain on walking (0-10)", "Brace", "mean", 3.1, 3.0),
        ("pain on walking (0-10)", "Cast", "mean", 4.0, 3.0),
        ("pain on walking (0-10)", "Brace", "mean", 1.2, 12.0),
        ("pain on walking (0-10)", "Cast", "mean", 1.4, 12.0),
        (
            "No of physiotherapy visits",
            "Brace",
            "median",
            6.0,
            None,
        ),  # a count of care, not the sample
        ("No of physiotherapy visits", "Cast", "median", 4.0, None),
    ]
    assert got[0][1].timepoint == "3 Months after fracture"


def test_a_compliance_table_reports_results():
    got = read(
        [
            ["", "Exercise group", "Usual care group"],
            ["Sessions attended, median (IQR)", "9 (6-11)", "2 (0-4)"],
        ],
        "Table 2 Adherence to the programmes",
    )
    assert [(o.statistic, o.value) for _, o, _ in got] == [("median", 9.0), ("median", 2.0)]


def test_rows_that_are_the_sample_or_a_category_stay_out():
    got = read(
        [
            ["", "Exercise group", "Usual care group"],
            ["No. of children", "40", "41"],
            ["No reflux", "31 (77.5)", "22 (53.7)"],
            ["Number of infants who vomited", "4 (10.0)", "12 (29.3)"],
        ],
        "Table 3 Outcomes at discharge",
    )
    assert [(o.name, o.value) for _, o, _ in got] == [
        ("Number of infants who vomited", 10.0),
        ("Number of infants who vomited", 29.3),
    ]


def test_grade_rows_under_a_grading_scale_heading_are_its_categories():
    got = read(
        [
            ["", "Short-course radiotherapy (n=120)", "Chemoradiotherapy (n=118)"],
            ["Pathological response, Dworak regression grade", "", ""],
            ["Grade 4", "12/110 (11)", "21/109 (19)"],
            ["Grade 3", "30/110 (27)", "33/109 (30)"],
            ["Anastomotic leak", "", ""],
            ["Grade 3", "6 (5)", "4 (3)"],
        ],
        "Table 3 Surgical and pathological outcomes",
    )
    scale = "Pathological response, Dworak regression grade"
    assert [(o.name, o.value) for _, o, _ in got] == [
        (f"{scale} Grade 4", 11.0),
        (f"{scale} Grade 4", 19.0),
        (f"{scale} Grade 3", 27.0),
        (f"{scale} Grade 3", 30.0),
    ]  # a complication's grade rows are adverse-event bands, not results


def test_gestational_age_is_a_result_not_the_sample():
    got = read(
        [
            ["", "Progesterone (n=300)", "Placebo (n=298)"],
            ["Gestational age at birth, weeks, mean (SD)", "37.9 (2.4)", "37.2 (3.0)"],
            ["Maternal age, years, mean (SD)", "29.1 (5.2)", "28.8 (5.6)"],
        ],
        "Table 2 Pregnancy outcomes",
    )
    assert [o.value for _, o, _ in got] == [37.9, 37.2]


def test_a_difference_with_a_misprinted_interval_keeps_the_estimate_only():
    got = read(
        [
            ["", "Before mean (SD)", "After mean (SD)", "After − before (95% CI)"],
            ["Grip strength, kg", "24.1 (6.0)", "26.9 (5.8)", "2.8 (01 5.5)"],
        ],
        "Table 2 Strength after the training block",
    )
    change = [o for _, o, _ in got if o.statistic == "difference"]
    assert [(o.value, o.ci) for o in change] == [(2.8, None)]


def test_each_arms_change_column_is_that_arms_change():
    got = read(
        [
            ["", "Yoga (n=40)", "", "", "Stretching (n=41)", "", "", "Between-group difference (95% CI)"],
            ["", "Baseline", "Week 12", "Change", "Baseline", "Week 12", "Change", ""],
            ["Disability score, mean (SD)", "11.2 (4.0)", "6.1 (4.3)", "-5.1 (4.2)", "11.0 (3.8)", "8.0 (4.6)", "-3.0 (4.1)", "-2.1 (-3.9 to -0.3)"],
        ],
        "Table 2 Back function",
        header_rows=2,
        is_arm=lambda label: label.startswith(("Yoga", "Stretching")),
    )  # fmt: skip
    assert _facts(got) == [
        ("Disability score", "Yoga", "mean", 11.2, 0.0),
        ("Disability score", "Yoga", "mean", 6.1, 2.8),
        ("Disability score, change", "Yoga", "mean", -5.1, 2.8),
        ("Disability score", "Stretching", "mean", 11.0, 0.0),
        ("Disability score", "Stretching", "mean", 8.0, 2.8),
        ("Disability score, change", "Stretching", "mean", -3.0, 2.8),
        ("Disability score", None, "difference", -2.1, 2.8),
    ]
    assert got[2][1].dispersion.value == 4.2 and got[-1][1].ci == (-3.9, -0.3)


PILOT = """# Breathing exercises for asthma in schoolchildren: a single-group pilot

# Methods

Thirty children practised the exercises daily for twelve weeks.

# Results

Table 2. Asthma control and lung function before and after the programme

| Measure | Baseline mean (SD) | Twelve weeks mean (SD) | Twelve weeks - baseline (95% CI) | p |
|---|---|---|---|---|
| Asthma control score | 15.2 (3.1) | 19.8 (2.9) | 4.6 (3.1 6.1) | <0.001 |
| FEV1, % predicted | 88.0 (9.5) | 88.0 (8.7) | 0.0 (-2.2 2.2) | 0.99 |
| Night waking, nights/week | 2.4 (1.1) | 0.9 (0.8) | -1.5 (-1.9 -1.1) | <0.001 |
"""


def test_a_pilot_table_gives_every_time_point_with_its_evidence(tmp_path):
    f = tmp_path / "breathing_pilot.txt"
    f.write_text(PILOT, encoding="utf-8")
    doc = load_document(f)
    rec = extract_record(doc).to_record()
    outcomes = [o for o in rec["outcomes"] if o["endpoint"] is None]
    got = {(o["name"], o["statistic"], o["value"], o["timepoint_months"]) for o in outcomes}
    assert {
        ("FEV1, % predicted", "mean", 88.0, 0.0),  # the same value at both times: both kept
        ("FEV1, % predicted", "mean", 88.0, 2.8),
        ("Night waking, nights/week", "difference", -1.5, 2.8),
    } <= got
    night = next(o for o in outcomes if o["value"] == -1.5)
    assert night["ci"] == [-1.9, -1.1] and night["p"] == 0.001
    text = " ".join(doc.text.split())
    for o in outcomes:
        assert o["evidence"] and " ".join(o["evidence"].split()) in text  # verbatim, its row


def test_which_header_words_name_a_comparison():
    from litkg.extractor.tables.comparison import comparison_statistic as stat

    named = {
        "aOR (95% CI)": "or",
        "Adjusted HR": "hr",
        "Crude RR, 95% CI": "rr",
        "Incidence rate ratio†": "rr",
        "Odds ratio (95% CI), adjusted for site": "or",
        "Risk difference, % (95% CI)": "difference",
        "Post − pre (95% CI)": "difference",
    }
    assert {label: stat(None, (label,)) for label in named} == named
    for label in ("HR group", "High risk (HR)", "Group or arm", "Exchange transfusion", "Oral"):
        assert stat(None, (label,)) is None, label


def test_a_bare_count_under_a_counts_and_percentages_label_is_no_rate():
    got = read(
        [
            ["", "Laparoscopic (n=212)", "Open (n=208)"],
            ["Conversion to open surgery", "19/212 (9)", "—"],
            ["Incisional hernia", "7", "2"],
        ],
        "Table 3 Operative outcomes. Data are n/N (%) or n",
    )
    assert [(o.name, o.statistic, o.value) for _, o, _ in got] == [
        ("Conversion to open surgery", "rate", 9.0)
    ]  # "7" is how many, not 7%


TRIAL = """# Ginger for chemotherapy nausea: a randomised trial

# Results

Table 2. Efficacy outcomes

| Outcome | Ginger (n=60) | Placebo (n=58) | p |
|---|---|---|---|
| Overall survival | | | |
| Median (95% CI), months | 14.1 (11.0 to 17.2) | 13.0 (10.2 to 15.8) | 0.61 |
| Nausea-free days, mean (SD) | 3.4 (1.2) | 2.6 (1.4) | 0.01 |
"""


def test_a_keyed_endpoint_named_by_its_section_is_not_also_an_unkeyed_outcome(tmp_path):
    f = tmp_path / "ginger_trial.txt"
    f.write_text(TRIAL, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    unkeyed = {(o["name"], o["value"]) for o in rec["outcomes"] if o["endpoint"] is None}
    assert ("Nausea-free days", 3.4) in unkeyed
    assert not {v for _, v in unkeyed} & {14.1, 13.0}  # the survival medians are OS, keyed

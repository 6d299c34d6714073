"""Per-arm values of result tables go to the arm they were printed for, or to
none: arms whose roles cannot tell them apart keep their labels, columns of
an analysis set are no arm, the spread and p of a comparison are not the
comparison, a time point is the column's own, not its group heading's.
Written in dermatology, veterinary, nutrition and sleep-medicine house styles."""

from table_helpers import read

from litkg.extractor.components.unkeyed_outcomes import UnkeyedMatch
from litkg.extractor.components.unkeyed_roles import analysis_sets, is_analysis_set, table_arms
from litkg.extractor.ingest import load_document
from litkg.extractor.pipeline import extract_record
from litkg.extractor.records import Outcome


def test_arms_sharing_one_role_keep_their_labels():
    roles = {"Cream A": "intervention", "Cream B": "intervention", "Vehicle": "control"}
    got = table_arms(["Cream A", "Cream B", "Vehicle", "Cream A"], roles.get, lambda _l: None)
    assert got == {"Cream A": "Cream A", "Cream B": "Cream B", "Vehicle": "control"}


def test_two_labels_of_one_arm_keep_its_role():
    roles = {"Laser (n = 30)": "intervention", "Laser": "intervention", "Sham": "control"}
    index = {"Laser (n = 30)": 0, "Laser": 0, "Sham": 1}
    got = table_arms(list(roles), roles.get, index.get)
    assert got == {"Laser (n = 30)": "intervention", "Laser": "intervention", "Sham": "control"}


def test_which_labels_are_analysis_sets():
    assert is_analysis_set("Imputed (LOCF)") and is_analysis_set("Observed cases")
    assert is_analysis_set("Per-protocol") and is_analysis_set("Completers")
    assert not is_analysis_set("Observation group") and not is_analysis_set("Imiquimod")


def _hit(label, value, name="Wheal size, mm"):
    return (1, UnkeyedMatch(Outcome(None, "mean", value, None, name=name), 0, 0, "t", label))


def test_analysis_set_columns_of_one_cohort_are_the_cohorts_values():
    hits = [_hit("Observed", 4.2), _hit("Imputed (NRI)", 4.6)]
    got = [(m.arm_label, m.outcome.name) for _r, m in analysis_sets(hits, one_cohort=True)]
    assert got == [
        ("overall", "Wheal size, mm (observed)"),
        ("overall", "Wheal size, mm (imputed, NRI)"),
    ]
    assert analysis_sets(hits, one_cohort=False) == []  # whose arm: unsaid
    mixed = [_hit("Antihistamine", 3.9), _hit("Imputed", 4.6)]
    assert [m.arm_label for _r, m in analysis_sets(mixed, one_cohort=True)] == ["Antihistamine"]


def test_the_spread_and_p_of_a_difference_are_not_the_difference():
    got = read(
        [
            ["Measure", "Usual diet", "Usual diet", "Low-salt diet", "Low-salt diet",
             "Estimated difference", "SE of difference", "P value of difference"],
            ["", "Start", "End", "Start", "End", "", "", ""],
            ["Heart rate (bpm)", "71.2", "70.4", "72.0", "66.1", "-5.1", "1.9", "0.008"],
            ["Body weight (kg)", "80.3", "80.1", "79.8", "78.2", "-1.4", "0.6", "0.02"],
        ],
        "Table 3. Effect of the diet on haemodynamics",
        footnotes=["Values are means."],
        header_rows=2,
    )  # fmt: skip
    diffs = [(o.name, o.value, o.p) for _r, o, _l in got if o.statistic == "difference"]
    assert diffs == [("Heart rate (bpm)", -5.1, 0.008), ("Body weight (kg)", -1.4, 0.02)]


def test_the_time_point_is_the_columns_not_its_group_headings():
    heading = "Month 0 pooled doses (n=80)"
    got = read(
        [
            ["", heading, heading, heading],
            ["", "Baseline", "Month 6", "Month 12"],
            ["Itch score, mean (SD)", "6.1 (2.0)", "3.2 (1.9)", "2.8 (1.7)"],
        ],
        "Table 2. Itch scores during open-label treatment",
        header_rows=2,
    )
    assert [(o.value, o.timepoint, o.timepoint_months) for _r, o, _l in got] == [
        (6.1, "Baseline", 0.0),
        (3.2, "Month 6", 6.0),
        (2.8, "Month 12", 12.0),
    ]


KENNEL = """\
Kennel trial of two feeding regimens

# Methods

Forty dogs were followed for eight weeks; half received the HF ration and half the
LF ration.

# Results

Table 2. Body composition of the HF and LF dogs

| Variable | Group | Week 0 | Week 4 | Week 8 |
|---|---|---|---|---|
| Body fat (%), mean ± SD | HF | 31.2 ± 4.0 | 30.1 ± 3.8 | 28.7 ± 3.5 |
| | LF | 30.8 ± 4.4 | 29.9 ± 4.1 | 29.5 ± 4.0 |
| Lean mass (kg), mean ± SD | HF | 18.4 ± 2.2 | 18.9 ± 2.1 | 19.6 ± 2.3 |
| | LF | 18.1 ± 2.5 | 18.2 ± 2.4 | 18.3 ± 2.4 |
"""


def test_arms_printed_as_rows_with_no_role_keep_their_labels(tmp_path):
    f = tmp_path / "kennel.txt"
    f.write_text(KENNEL, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    got = {
        (o["name"], o["value"]): o["arm"]
        for o in rec["outcomes"]
        if o["endpoint"] is None and o["statistic"] == "mean"
    }
    assert got[("Body fat (%)", 28.7)] == "HF" and got[("Body fat (%)", 29.5)] == "LF"
    assert got[("Lean mass (kg)", 18.3)] == "LF"
    assert "intervention" not in got.values()  # neither row says which arm is the treated one


def test_test_statistic_rows_under_group_rows_are_no_group():
    got = read(
        [
            ["Group", "Dogs", "Healed, n (%)", "Wound infection, n (%)"],
            ["Honey dressing group", "30", "24 (80.0)", "2 (6.7)"],
            ["Saline dressing group", "30", "15 (50.0)", "7 (23.3)"],
            ["χ²", "", "5.93", "3.27"],
            ["P", "", "0.015", "0.071"],
        ],
        "Table 3. Wound outcomes at day 21",
    )
    labels = {label for _r, _o, label in got}
    assert labels == {"Honey dressing group", "Saline dressing group"}
    assert all(o.value not in (5.93, 3.27, 0.015, 0.071) for _r, o, _l in got)


def test_a_column_of_times_is_no_group_column():
    got = read(
        [
            ["Group", "Treatment", "Time", "Weight (kg)", "Girth (cm)"],
            ["Twice-weekly group", "Before treatment", "", "27.1±2.0", "61.2±3.3"],
            ["", "After treatment", "8 weeks", "25.9±1.8", "58.0±3.1"],
            ["Weekly group", "Before treatment", "", "26.8±2.4", "60.9±3.5"],
            ["", "After treatment", "8 weeks", "26.2±2.2", "59.7±3.0"],
        ],
        "Table 2. Weight and girth in the two groups (mean ± SD)",
    )
    assert all("group" not in (o.name or "").lower() for _r, o, _l in got)  # an arm is no outcome


def test_a_measure_in_its_unit_with_a_bracket_is_no_share():
    got = read(
        [
            ["", "Nasal CPAP (n = 40)", "Oral appliance (n = 41)"],
            ["Systolic pressure (mmHg)", "128 (12)", "131 (14)"],
            ["Sleepiness relapse", "6 (15)", "9 (22)"],
        ],
        "Table 2. Outcomes at six months",
    )
    assert [(o.name, o.statistic, o.value, o.events) for _r, o, _l in got] == [
        ("Sleepiness relapse", "rate", 15.0, 6),
        ("Sleepiness relapse", "rate", 22.0, 9),
    ]


def test_an_eligible_count_before_a_pass_rate_is_the_denominator():
    got = read(
        [
            ["Care standard", "Clinic A", "Clinic B"],
            ["", "Eligible (pass rate)", "Eligible (pass rate)"],
            ["Foot examination", "120 (64)", "98 (71)"],
        ],
        "Table 4. Quality indicators after one year",
        header_rows=2,
    )
    assert [(o.value, o.events, o.total) for _r, o, _l in got] == [
        (64.0, None, 120),
        (71.0, None, 98),
    ]


def test_a_difference_column_under_each_arm_is_that_arms_change():
    got = read(
        [
            ["Domain", "Yoga (n=40)", "Yoga (n=40)", "Walking (n=38)", "Walking (n=38)"],
            ["", "Baseline, mean (SD)", "Mean difference (95% CI)",
             "Baseline, mean (SD)", "Mean difference (95% CI)"],
            ["Fatigue score", "5.1 (1.2)", "-1.2 (-1.6, -0.8)", "5.0 (1.3)", "-0.4 (-0.8, 0.0)"],
        ],
        "Table 2. Within-group change in fatigue after 12 weeks",
        header_rows=2,
    )  # fmt: skip
    diffs = [
        (label, o.name, o.value, o.comparator)
        for _r, o, label in got
        if o.statistic == "difference"
    ]
    assert diffs == [
        ("Yoga", "Fatigue score, change", -1.2, None),
        ("Walking", "Fatigue score, change", -0.4, None),
    ]


CROSSOVER = """\
Two infusions in one group of volunteers

# Methods

Twelve volunteers received both infusions in random order, a week apart.

# Results

Table 2. Variables measured during the first infusion

| Variable | Baseline | Dextran infusion | P value |
|---|---|---|---|
| Heart rate (beats/min), mean ± SD | 64 ± 8 | 71 ± 9 | 0.03 |

Table 3. Variables measured during the second infusion

| Variable | Baseline | Albumin infusion | P value |
|---|---|---|---|
| Heart rate (beats/min), mean ± SD | 65 ± 7 | 69 ± 8 | 0.20 |
"""


def test_two_treatments_in_two_tables_are_two_arms(tmp_path):
    f = tmp_path / "crossover.txt"
    f.write_text(CROSSOVER, encoding="utf-8")
    rec = extract_record(load_document(f)).to_record()
    arms = {o["value"]: o["arm"] for o in rec["outcomes"] if o["endpoint"] is None}
    assert arms[71.0] == "Dextran infusion" and arms[69.0] == "Albumin infusion"

"""Characteristics tables that measure the patients again at the trial's end
("Baseline and endpoint characteristics"): the endpoint's values are results,
the baseline's are not, and each period's values take that period's p-value.
Written in nephrology and sleep-medicine house styles."""

from litkg.extractor.components.unkeyed_tables import is_result_table, unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table

ROWS = [
    ["", "Baseline", "", "", "Week 16", "", ""],
    ["Characteristic", "Calcitriol", "Control", "P", "Calcitriol", "Control", "P"],
    ["Patients (n)", "41", "40", "", "37", "38", ""],
    ["Age, years, mean ± SD", "58.2 ± 9.1", "57.6 ± 8.8", "0.77", "58.5 ± 9.0", "57.9 ± 8.7", "0.78"],
    ["iPTH, pg/mL, mean ± SD", "412 ± 96", "405 ± 101", "0.75", "288 ± 84", "398 ± 97", "<0.001"],
    ["Phosphate, mg/dL, mean ± SD", "5.1 ± 1.0", "5.0 ± 1.1", "0.66", "5.3 ± 1.2", "5.1 ± 1.0", "0.42"],
]  # fmt: skip


def _model(caption, rows=ROWS):
    return read_table(Table(rows=rows, caption=caption, header_rows=2))


def test_baseline_and_endpoint_characteristics_give_the_endpoint_values():
    got = [
        (r, label, o.name, o.value, o.timepoint, o.p)
        for r, o, label in unkeyed_from_table(
            _model("Table 2. Baseline and endpoint characteristics of the patients")
        )
    ]
    assert got == [
        (4, "Calcitriol", "iPTH, pg/mL", 288.0, "Week 16", 0.001),
        (4, "Control", "iPTH, pg/mL", 398.0, "Week 16", 0.001),
        (5, "Calcitriol", "Phosphate, mg/dL", 5.3, "Week 16", 0.42),
        (5, "Control", "Phosphate, mg/dL", 5.1, "Week 16", 0.42),
    ]  # not the baseline's values, nor the sample's size and age


def test_characteristics_captions_without_an_endpoint_stay_baseline_tables():
    for caption in (
        "Table 1. Characteristics of the patients",
        "Table 1. Patient characteristics at randomisation",
        "Table 1. Demographic characteristics at baseline and follow-up",
        "Table 3. Characteristics of the carers (post-intervention)",
        "Table 3. Characteristics at the end of treatment",
    ):
        assert not is_result_table(_model(caption)), caption
    # the caption names both times, the columns print one
    one_time = [["", "Calcitriol", "Control"], ["iPTH, pg/mL, mean ± SD", "412 ± 96", "405 ± 101"]]
    caption = "Table 1. Baseline characteristics of the patients who completed follow-up"
    table = Table(rows=one_time, caption=caption, header_rows=1)
    assert not is_result_table(read_table(table))
    for caption in (
        "Table 2. Clinical characteristics at baseline and at follow-up",
        "Table 3. Characteristics at baseline and at the end of treatment",
    ):
        assert is_result_table(_model(caption)), caption


def test_one_p_column_per_period_gives_each_period_its_own_p():
    rows = [
        ["", "Week 1", "", "", "Week 8", "", ""],
        ["", "Melatonin", "Placebo", "p", "Melatonin", "Placebo", "p"],
        ["Sleep onset latency, min (mean ± SD)", "31 ± 9", "33 ± 10", "0.52", "19 ± 7", "30 ± 9", "0.002"],
    ]  # fmt: skip
    got = [
        (label, o.value, o.timepoint, o.p)
        for _r, o, label in unkeyed_from_table(_model("Table 2. Sleep outcomes", rows))
    ]
    assert ("Melatonin", 31.0, "Week 1", 0.52) in got
    assert ("Placebo", 30.0, "Week 8", 0.002) in got

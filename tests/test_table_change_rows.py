"""A row printing the measure's change under the measure's heading, its
statistic after the words ("Change from baseline, mean ± SD", "Change; mean
(SD)"), written here in a pulmonology house style: the heading's change, not a
measure named "Change from baseline"."""

from litkg.extractor.components.unkeyed_tables import unkeyed_from_table
from litkg.extractor.document import Table
from litkg.extractor.tables import read_table


def test_a_change_row_with_its_statistic_after_the_words_is_the_headings_change():
    t = Table(
        rows=[
            ["Measure", "Inhaler A (n = 41)", "Placebo (n = 40)"],
            ["FEV1, L", "", ""],
            ["Month 3", "", ""],
            ["Mean ± SD", "2.31 ± 0.44", "2.15 ± 0.47"],
            ["Change from baseline, mean ± SD", "0.20 ± 0.15", "0.01 ± 0.14"],
            ["FVC, L", "", ""],
            ["Change; mean (SD)", "0.31 (0.20)", "0.05 (0.18)"],
        ],
        caption="Table 2. Lung function after three months",
        header_rows=1,
    )
    got = [
        (label, o.name, o.value, o.timepoint) for _, o, label in unkeyed_from_table(read_table(t))
    ]
    assert ("Inhaler A", "FEV1, L, change", 0.20, "Month 3") in got
    assert ("Placebo", "FEV1, L, change", 0.01, "Month 3") in got
    assert ("Inhaler A", "FVC, L, change", 0.31, None) in got
    assert not any(name.lower().startswith("change") for _, name, *_ in got)

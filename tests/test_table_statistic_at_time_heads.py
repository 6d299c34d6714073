"""A column head printing its statistic before the time it is taken at ("Mean
(SD) at 6 months", "No. (%) of participants at week 12") over rows of arms: the
column is that time point, its cells that statistic, not an arm named "Mean
(SD) at 6 months". A head whose words before "at" are no statistic ("Pain at
rest") stays as printed. The table is written in an ophthalmology house style."""

from table_helpers import read

from litkg.extractor.tables.model import _stat_at_time

_ARMS = ("Atropine 0.01%", "Placebo drops")


def test_statistic_at_a_time_over_arm_rows_is_read_at_that_time():
    got = read(
        [
            ["Treatment", "Mean (SD) at baseline", "Mean (SD) at 12 months", "P"],
            ["Atropine 0.01%", "-2.10 (0.40)", "-2.35 (0.45)", "0.02"],
            ["Placebo drops", "-2.05 (0.42)", "-2.71 (0.50)", "0.30"],
        ],
        "Table 2. Spherical equivalent refraction (D) by treatment",
        is_arm=lambda label: label in _ARMS,
    )
    values = {(label, o.statistic, o.value, o.timepoint_months) for _r, o, label in got}
    assert ("Atropine 0.01%", "mean", -2.35, 12.0) in values
    assert ("Placebo drops", "mean", -2.71, 12.0) in values
    assert not any("Mean (SD)" in (label or "") for label, *_x in values)


def test_only_a_statistic_before_at_and_a_time_after_it_split():
    assert _stat_at_time("No. (%) of participants at week 12") == ("n (%)", "week 12")
    assert _stat_at_time("Pain at rest") is None
    assert _stat_at_time("Mean at risk") is None

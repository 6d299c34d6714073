"""A percentage printed with its interval under a heading that calls the
intervals 'CIs' (plural) is a rate with its CI, as under '95% CI'. Written in a
vaccine-trial house style."""

from table_helpers import read


def _facts(rows, caption):
    return [(label, o.name, o.statistic, o.value, o.ci) for _r, o, label in read(rows, caption)]


def test_rate_with_its_interval_under_plural_cis():
    got = _facts(
        [
            ["Response, % (95% CIs)", "Adjuvanted vaccine", "Standard vaccine"],
            ["Seroconversion", "82% (76–87%)", "64% (57–70%)"],
        ],
        "Table 3. Seroconversion rates at day 28",
    )  # fmt: skip
    assert got == [
        ("Adjuvanted vaccine", "Seroconversion", "rate", 82.0, (76.0, 87.0)),
        ("Standard vaccine", "Seroconversion", "rate", 64.0, (57.0, 70.0)),
    ]


def test_a_median_of_percentages_with_its_range_is_still_no_rate():
    got = _facts(
        [
            ["", "Adjuvanted vaccine, median (range)", "Standard vaccine, median (range)"],
            ["Body fat, %", "28% (22–35%)", "27% (21–36%)"],
        ],
        "Table 2. Body composition at day 28",
    )  # fmt: skip
    assert all(s != "rate" for _l, _n, s, _v, _c in got)

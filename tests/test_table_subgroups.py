"""Subgroups a table reports results for, split by arm (tables written here)."""

from __future__ import annotations

from litkg.extractor.components.table_subgroups import (
    restricted_population,
    sizes_subgroups,
    table_subgroups,
)
from litkg.extractor.document import Table


def _got(t: Table) -> set[tuple[str, str, int]]:
    return {(s.label, s.arm, s.n) for s in table_subgroups(t)}


def test_population_heading_over_repeated_arms() -> None:
    t = Table(
        rows=[
            ["", "Whole cohort", "", "Over 65 years", ""],
            ["", "Drug", "Placebo", "Drug", "Placebo"],
            ["Number of patients", "200", "198", "61", "57"],
            ["Nausea", "20 (10%)", "9 (5%)", "8 (13%)", "2 (4%)"],
        ]
    )
    # the whole cohort is no subgroup; the older patients are, one entry per arm
    assert _got(t) == {
        ("Over 65 years, Drug", "Drug", 61),
        ("Over 65 years, Placebo", "Placebo", 57),
    }
    assert not sizes_subgroups(t)


def test_rows_of_sizes_name_subsamples() -> None:
    t = Table(
        rows=[
            ["Measure", "Drug", "Placebo", "Difference (95% CI)"],
            ["Sleep diary subsample:", "n=40", "n=38", ""],
            ["Hours slept", "6·9 (1·1)", "6·4 (1·2)", "0·5 (0·1 to 0·9)"],
            ["Actigraphy subsample", "(n = 22)", "(n = 25)", ""],
            ["Minutes awake", "41 (12)", "52 (15)", "−11 (−19 to −3)"],
        ]
    )
    assert _got(t) == {
        ("Sleep diary subsample, Drug", "Drug", 40),
        ("Sleep diary subsample, Placebo", "Placebo", 38),
        ("Actigraphy subsample, Drug", "Drug", 22),
        ("Actigraphy subsample, Placebo", "Placebo", 25),
    }
    # the first size row sits where a header row would: the header sizes are the subsample's
    assert sizes_subgroups(t)


def test_corner_narrowing_the_population() -> None:
    t = Table(
        rows=[
            ["Neonatal outcomes (live births only)", "Drug (n=180)", "Placebo (n=176)", "OR"],
            ["Birth weight <2500 g", "12/180 (7)", "15/176 (9)", "0.77 (0.35 to 1.70)"],
        ],
        caption="Table 4. Neonatal outcomes",
    )
    assert restricted_population(t) == "live births"
    assert _got(t) == {("live births, Drug", "Drug", 180), ("live births, Placebo", "Placebo", 176)}
    assert sizes_subgroups(t)


def test_plain_arm_headers_are_no_subgroups() -> None:
    t = Table(
        rows=[
            ["Outcome", "Drug (n=200)", "Placebo (n=198)", "P"],
            ["Response", "80 (40%)", "50 (25%)", "0.002"],
            ["Patients with data", "n=190", "", ""],
        ],
        caption="Table 2. Outcomes",
    )
    assert _got(t) == set()
    assert not sizes_subgroups(t)

"""Issue 14 item 10 (plot): rows by study citation, a legend, a colour per study
that filters do not change, dated and undated rates apart, units on every
axis, and an editorial's quoted results (the discussed study's) left out.
On the records of test_cli_attribution, plus an undated rate and a median."""

from __future__ import annotations

import pytest
from test_cli_attribution import COMMENT, TRIAL, _o
from test_compare import build_store

from litkg.kg.compare import Filters, compare, matching_studies
from litkg.kg.plot import _axis_label, plot, plot_rows, study_colours
from litkg.kg.store import open_store

COHORT = {
    "document": "fungal_cohort",
    "study": {
        "title": "Azole prophylaxis in practice",
        "year": 2024,
        "doi": "10.5555/fun.3",
        "journal": "Journal of Fungal Infection",
        "first_author": "Haddad",
        "article_type": "cohort-study",
    },  # fmt: skip
    "arms": [{"label": "all patients", "role": "overall", "n": 200}],
    "outcomes": [
        _o("OS", 79, "overall"),  # no timepoint given
        _o("OS", 30.5, "overall", statistic="median", unit="months"),
        _o("OS", 0.7, "overall", statistic="hr", unit=None),
    ],
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgpl") / "store", (TRIAL, COMMENT, COHORT))


def test_rows_panels_and_editorial_left_out(store_path):
    with open_store(store_path, read_only=True) as s:
        rows = plot_rows(compare(s, Filters(endpoint="OS")))
    assert [lbl for lbl, _, _ in rows["rate"]] == [
        "Varga 2022, Mycoses Rep - drug P, 6 mo",
        "Varga 2022, Mycoses Rep - drug Q, 6 mo",
    ]  # the editorial's quoted 88% (Osei 2023) is not drawn again
    assert [lbl for lbl, _, _ in rows["rate_undated"]] == [
        "Haddad 2024, J Fungal Infect - all patients"
    ]
    assert [lbl for lbl, _, _ in rows["ratio"]] == [
        "Haddad 2024, J Fungal Infect - all patients HR"
    ]
    assert _axis_label("rate", rows["rate"]) == "patients (%)"
    assert _axis_label("median", rows["median"]) == "median (months)"
    assert _axis_label("ratio", rows["ratio"]).startswith("HR (log scale")


def test_a_study_keeps_its_colour_whatever_is_plotted(store_path):
    with open_store(store_path, read_only=True) as s:
        every = study_colours(matching_studies(s, Filters()))
    assert len(set(every.values())) == len(every) == 3
    # colours come from all the store's studies, not from the ones a filter keeps
    assert study_colours(list(every)) == every


def test_plot_has_a_legend_of_studies(store_path, tmp_path):
    with open_store(store_path, read_only=True) as s:
        files = plot(s, "OS", tmp_path / "os")
    svg = files[1].read_text(encoding="utf-8")
    assert 'id="legend_1"' in svg

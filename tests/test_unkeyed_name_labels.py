"""A table row's name must name a measure: a statistic's label left in the stub
("Mean ± SD", "Median (IQR)") names none, so the row gives no outcome name."""

from __future__ import annotations

import pytest

from litkg.extractor.components.unkeyed_names import clean_name


@pytest.mark.parametrize(
    "label", ["Mean ± SD", "Median", "Mean", "median (IQR)", "Mean (SD), months", "n (%)"]
)
def test_a_statistic_label_names_no_outcome(label: str) -> None:
    assert clean_name(label) is None


@pytest.mark.parametrize(
    "name", ["Mean arterial pressure", "Median nerve latency", "Number of falls", "Rate of reflux"]
)
def test_a_measure_that_begins_like_a_statistic_keeps_its_name(name: str) -> None:
    assert clean_name(name) == name

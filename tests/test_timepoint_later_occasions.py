"""`read_timepoint`: 'before'/'pre' a later occasion of the trial (a numbered
session, an event of the procedure) keeps its label but gets no months; the
occasions before the trial's start stay at month 0."""

from __future__ import annotations

import pytest

from litkg.extractor.components.unkeyed_names import read_timepoint


@pytest.mark.parametrize(
    "label",
    [
        "Pre ECT4",
        "Before dose 3",
        "Pre-session 12",
        "Before induction of anaesthesia",
        "Before removal of the drain",
    ],
)
def test_later_occasion_has_no_months(label: str) -> None:
    assert read_timepoint(label) == (label, None)


@pytest.mark.parametrize(
    "label",
    [
        "Pre",
        "Before",
        "Pre-test",
        "Pretreatment",
        "Before treatment",
        "Pre-infusion",
        "Before start of therapy",
        "Before the beginning of the programme",
        "Pre 1",
        "Baseline",
    ],
)
def test_start_of_trial_is_month_zero(label: str) -> None:
    assert read_timepoint(label) == (label, 0.0)

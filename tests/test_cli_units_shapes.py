"""Issue 14 item 4: every dose unit the extractor can emit conforms to the
shapes (the grammar is read from ontology/vocab/units.json here, so a unit
added there without the shapes following fails this test)."""

from __future__ import annotations

from litkg.extractor.components.doses import normalise_unit
from litkg.extractor.vocab import load_vocab
from litkg.kg.build import RunInfo, paper_graph
from litkg.kg.records_io import record_from_dict
from litkg.kg.validate import validate_graph

FROZEN = RunInfo.at("2026-01-01T00:00:00+00:00")


def _emitted_units() -> set[str]:
    units = load_vocab("units")
    out = set()
    for mass in units["mass"]:
        for body in (None, *units["per_body"]):
            for time in (None, *units["per_time"]):
                for daily in (False, True):
                    out.add(normalise_unit(mass, body, time, daily)[1])
    return out


def _graph(units: list[str], outcome_units: list[str]):
    rec = {
        "document": "units_check",
        "study": {"title": "Dose units", "year": 2024, "doi": "10.5555/units.1"},
        "interventions": [
            {"drug": "drug z", "dose": i + 1, "unit": u} for i, u in enumerate(units)
        ],
        "outcomes": [
            {"endpoint": "OS", "statistic": "median", "value": i + 1, "unit": u, "arm": None}
            for i, u in enumerate(outcome_units)
        ],
    }
    return paper_graph(
        record_from_dict(rec), {"doc_id": "units_check", "sha256": "ab" * 32}, FROZEN
    )[1]


def test_every_emitted_dose_unit_conforms():
    # "AUC": carboplatin's target exposure ("AUC 5"), parse_doses' one unit outside the vocabulary
    units = sorted(_emitted_units() | {"AUC"})
    assert {"ng/kg/min", "ug/kg", "mg/m2/day", "Gy", "IU/kg"} <= set(units)
    report = validate_graph(_graph(units, ["months", "mg/dL", "points"]))
    assert report.conforms, report.text()


def test_a_unit_outside_the_grammar_is_still_a_violation():
    report = validate_graph(_graph(["mg per furlong"], ["two\nlines"]))
    assert not report.conforms
    assert len(report.violations) == 2


def _timepoint_graph(months: float):
    rec = {
        "document": "timepoint_check",
        "study": {"title": "Timepoints", "year": 2024, "doi": "10.5555/tp.1"},
        "outcomes": [
            {
                "endpoint": None,
                "name": "resting heart rate",
                "statistic": "mean",
                "value": 71.5,
                "unit": "bpm",
                "timepoint": "at baseline",
                "timepoint_months": months,
                "arm": "intervention",
            }
        ],
    }
    return paper_graph(
        record_from_dict(rec), {"doc_id": "timepoint_check", "sha256": "cd" * 32}, FROZEN
    )[1]


def test_a_baseline_value_at_month_0_conforms_and_a_negative_timepoint_does_not():
    assert validate_graph(_timepoint_graph(0)).conforms
    report = validate_graph(_timepoint_graph(-3))
    assert not report.conforms
    assert "never negative" in report.text()

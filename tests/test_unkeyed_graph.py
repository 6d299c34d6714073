"""Outcomes outside the endpoint keys in the graph: measurements like the
keyed ones, linked to their arms and evidence, found by `compare --outcome`
under their printed name or its abbreviation (records written here)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_compare import FROZEN, _ev, build_store

from litkg.cli import cli
from litkg.kg.build import outcome_key, paper_graph
from litkg.kg.compare import Filters, compare, resolve_outcome
from litkg.kg.records_io import record_from_dict
from litkg.kg.store import open_store

QUOTE = "Systolic blood pressure (SBP) fell to 128.4 mmHg (SD 9.1) with walking groups"
RECORD_W = {
    "document": "walk_w",
    "study": {"title": "Walking groups for older adults with hypertension", "year": 2021,
              "design": ["randomized"]},
    "arms": [
        {"label": "walking groups", "role": "intervention", "n": 150},
        {"label": "leaflet", "role": "control", "n": 150},
    ],
    "outcomes": [
        {"endpoint": None, "name": "Systolic blood pressure (SBP)", "statistic": "mean",
         "value": 128.4, "unit": "mmHg", "dispersion": {"kind": "sd", "value": 9.1},
         "ci": None, "p": 0.002, "events": None, "total": None, "n": 150,
         "timepoint": "at six months", "timepoint_months": 6, "arm": "walking groups",
         "comparator": None, "primary": True, "evidence": QUOTE, "provenance": _ev(QUOTE, 3)},
        {"endpoint": None, "name": "Systolic blood pressure (SBP)", "statistic": "mean",
         "value": 136.9, "unit": "mmHg", "dispersion": None, "ci": None, "p": 0.002,
         "timepoint_months": 6, "arm": "leaflet", "primary": True,
         "evidence": QUOTE, "provenance": _ev(QUOTE, 3)},
    ],
}  # fmt: skip


def test_outcome_key_from_the_printed_name():
    assert outcome_key("Systolic blood pressure (SBP)") == "SYSTOLIC_BLOOD_PRESSURE"
    assert outcome_key("HbA1c, %") == "HBA1C"
    assert outcome_key("(–)") == ""


def test_unkeyed_outcomes_become_measurements_of_a_labelled_endpoint():
    rec = record_from_dict(RECORD_W)
    _, g = paper_graph(rec, {"doc_id": "walk_w", "sha256": "w" * 64}, FROZEN)
    q = """PREFIX lkg: <https://w3id.org/litkg/ns#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?v ?label ?arm WHERE { ?m a lkg:OutcomeMeasurement ; lkg:value ?v ;
      lkg:endpoint ?e ; lkg:arm ?a ; lkg:evidence ?ev . ?e rdfs:label ?label .
      ?a rdfs:label ?arm }"""
    rows = sorted((float(r.v), str(r.label), str(r.arm)) for r in g.query(q))
    assert rows == [
        (128.4, "Systolic blood pressure (SBP)", "walking groups"),
        (136.9, "Systolic blood pressure (SBP)", "leaflet"),
    ]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgw") / "store", (RECORD_W,))


@pytest.mark.parametrize(
    "name", ["systolic blood pressure", "SBP", "Systolic Blood Pressure (SBP)"]
)
def test_compare_outcome_by_name_or_abbreviation(store_path, name):
    s = open_store(store_path, read_only=True)
    try:
        key = resolve_outcome(s, name)
        assert key == "SYSTOLIC_BLOOD_PRESSURE"
        c = compare(s, Filters(key))
        values = sorted(o.value for e in c.studies for o in e.outcomes)
        assert values == [128.4, 136.9]
    finally:
        s.close()


def test_cli_compare_outcome(store_path):
    r = CliRunner().invoke(
        cli, ["compare", "--outcome", "sbp", "--format", "json", "--store", str(store_path)]
    )
    assert r.exit_code == 0, r.output
    assert "128.4" in r.output and "136.9" in r.output
    json.loads(r.output)
    bad = CliRunner().invoke(cli, ["compare", "--outcome", "ferritin", "--store", str(store_path)])
    assert bad.exit_code == 1 and "ferritin" in bad.output


def test_the_graph_of_unkeyed_outcomes_validates(tmp_path):
    from litkg.kg.validate import validate_file

    rec = record_from_dict(RECORD_W)
    _, g = paper_graph(rec, {"doc_id": "walk_w", "sha256": "a" * 64}, FROZEN)
    path = tmp_path / "w.ttl"
    g.serialize(path, format="turtle")
    report = validate_file(str(path))
    assert report.conforms, report

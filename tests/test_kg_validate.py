"""SHACL shapes catch broken graphs; good graphs (and the gold records) conform."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef
from rdflib import namespace as rdfns
from test_kg_fixtures import FROZEN, built_a, built_b, gold_items

from litkg.kg.build import dec, paper_graph
from litkg.kg.link import shared_graph, union_of
from litkg.kg.validate import validate_file, validate_graph
from litkg.ontology.namespace import LKG


@pytest.fixture()
def good() -> Graph:
    rec, m = built_a()
    _, g = paper_graph(rec, m, FROZEN)
    return g


def _one(g: Graph, cls: URIRef) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def test_good_graph_conforms(good: Graph) -> None:
    report = validate_graph(good)
    assert report.conforms, report.text()
    assert report.violations == []


def test_papers_with_shared_graph_conform() -> None:
    graphs = [paper_graph(*built_a(), FROZEN)[1], paper_graph(*built_b(), FROZEN)[1]]
    union = union_of(graphs)
    union += shared_graph(union)
    report = validate_graph(union)
    assert report.conforms, report.text()


def test_measurement_without_value(good: Graph) -> None:
    m = _one(good, LKG.OutcomeMeasurement)
    good.remove((m, LKG.value, None))
    report = validate_graph(good)
    assert not report.conforms
    (v,) = report.violations
    assert (v.focus, v.path) == (m, LKG.value)
    assert "value" in v.message


def test_p_value_above_one(good: Graph) -> None:
    m = _one(good, LKG.OutcomeMeasurement)
    good.set((m, LKG.pValue, dec(1.5)))
    report = validate_graph(good)
    assert [(v.focus, v.path) for v in report.violations] == [(m, LKG.pValue)]
    assert "between 0 and 1" in report.violations[0].message


def test_arm_without_study(good: Graph) -> None:
    arm = _one(good, LKG.Arm)
    good.remove((arm, LKG.study, None))
    report = validate_graph(good)
    assert [(v.focus, v.path) for v in report.violations] == [(arm, LKG.study)]


@pytest.mark.parametrize(
    ("cls", "pred", "value", "path"),
    [
        (LKG.OutcomeMeasurement, LKG.ciLower, dec(200), LKG.ciLower),
        (LKG.OutcomeMeasurement, LKG.value, Literal("high"), LKG.value),
        (LKG.OutcomeMeasurement, LKG.endpoint, URIRef("https://example.org/NotAnEndpoint"),
         LKG.endpoint),
        (LKG.AdverseEventObservation, LKG.grade, Literal("6"), LKG.grade),
        (LKG.AdverseEventObservation, LKG.percent, dec(120), LKG.percent),
        (LKG.Arm, LKG.n, Literal(-3, datatype=rdfns.XSD.integer), LKG.n),
    ],
)  # fmt: skip
def test_other_broken_values(good: Graph, cls, pred, value, path) -> None:
    # a node that has the property already (the CI check needs an upper bound)
    node = next(n for n in sorted(good.subjects(RDF.type, cls)) if (n, pred, None) in good)
    good.set((node, pred, value))
    report = validate_graph(good)
    assert not report.conforms
    assert (node, path) in {(v.focus, v.path) for v in report.violations}


def test_rate_out_of_range(good: Graph) -> None:
    m = next(
        o for o in good.subjects(RDF.type, LKG.OutcomeMeasurement)
        if str(good.value(o, LKG.unit)) == "%"
    )  # fmt: skip
    good.set((m, LKG.value, dec(181.6)))
    report = validate_graph(good)
    assert [v.focus for v in report.violations] == [m]
    assert "between 0 and 100" in report.violations[0].message


def test_report_text_names_focus_path_and_message(good: Graph) -> None:
    m = _one(good, LKG.OutcomeMeasurement)
    good.remove((m, LKG.value, None))
    text = validate_graph(good).text()
    assert "lkg:value" in text and "#outcome-" in text and "1 violation(s)" in text


def test_gold_records_conform() -> None:
    graphs = [paper_graph(rec, m, FROZEN)[1] for rec, m in gold_items()]
    for g in graphs:
        report = validate_graph(g)
        assert report.conforms, report.text()
    union = union_of(graphs)
    union += shared_graph(union)
    assert validate_graph(union).conforms


def test_cli_validate_file(tmp_path: Path, good: Graph) -> None:
    from litkg.cli import cli

    ok = tmp_path / "ok.ttl"
    good.serialize(ok, format="turtle")
    res = CliRunner().invoke(cli, ["validate", str(ok)])
    assert res.exit_code == 0, res.output
    assert "conforms" in res.output
    m = _one(good, LKG.OutcomeMeasurement)
    good.set((m, LKG.pValue, dec(2)))
    bad = tmp_path / "bad.ttl"
    good.serialize(bad, format="turtle")
    res = CliRunner().invoke(cli, ["validate", str(bad)])
    assert res.exit_code == 1
    assert "lkg:pValue" in res.output and "between 0 and 1" in res.output
    assert not validate_file(bad).conforms

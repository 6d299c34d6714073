"""Records -> RDF: stable IRIs, determinism, provenance, evidence, links to concepts."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, BNode, Literal, URIRef
from rdflib import namespace as rdfns
from rdflib.compare import isomorphic
from rdflib.namespace import PROV
from test_kg_fixtures import FROZEN, TEXT_A, built_a, built_b, gold_items, record_a

from litkg.kg import iris
from litkg.kg.build import RunInfo, dec, grade_bounds, litkg_version, paper_graph, paper_key
from litkg.kg.records_io import record_from_dict
from litkg.ontology.namespace import (
    CITO,
    LKG,
    OA,
    ae_iri,
    drug_iri,
    endpoint_iri,
    phase_iri,
    role_iri,
    statistic_iri,
)

PAPER_A = URIRef("https://doi.org/10.1234/example.2024.001")


def test_paper_iri_is_the_doi_lower_cased() -> None:
    rec, m = built_a()
    iri, g = paper_graph(rec, m, FROZEN)
    assert iri == PAPER_A
    assert (iri, RDF.type, LKG.Paper) in g


def test_paper_without_doi_is_named_by_content_hash() -> None:
    rec, m = built_b()
    iri, _ = paper_graph(rec, m, FROZEN)
    key = paper_key(rec)
    assert key is not None  # the record has a title: title + year + first author
    assert str(iri) == f"https://w3id.org/litkg/paper/sha256-{key}"


def test_same_paper_from_two_inputs_is_one_paper_without_doi() -> None:
    rec, m = built_b()
    iri1, _ = paper_graph(rec, m, FROZEN)
    iri2, _ = paper_graph(rec, {**m, "sha256": "0" * 64, "source_format": "pdf"}, FROZEN)
    assert iri1 == iri2


def test_paper_without_doi_or_title_is_named_by_text_hash() -> None:
    rec, m = built_b()
    rec = replace(rec, study=replace(rec.study, title=None))
    iri, _ = paper_graph(rec, m, FROZEN)
    assert str(iri) == f"https://w3id.org/litkg/paper/sha256-{m['sha256']}"


def test_same_input_gives_the_same_graph() -> None:
    rec, m = built_a()
    _, g1 = paper_graph(rec, m, FROZEN)
    _, g2 = paper_graph(record_from_dict(record_a(), text=TEXT_A), dict(m), FROZEN)
    assert isomorphic(g1, g2)
    assert set(g1) == set(g2)  # no blank nodes: identical, not only isomorphic


def test_no_blank_nodes() -> None:
    rec, m = built_a()
    _, g = paper_graph(rec, m, FROZEN)
    assert not any(isinstance(t, BNode) for triple in g for t in triple)


def test_run_time_only_changes_provenance() -> None:
    rec, m = built_a()
    _, g1 = paper_graph(rec, m, FROZEN)
    _, g2 = paper_graph(rec, m, RunInfo.at("2030-01-01T00:00:00+00:00"))
    diff = set(g1) ^ set(g2)
    assert {p for _, p, _ in diff} == {PROV.startedAtTime}


def test_provenance_records_versions_time_and_input() -> None:
    rec, m = built_a()
    iri, g = paper_graph(rec, m, FROZEN)
    run = URIRef(f"{iri}#extraction")
    assert (run, RDF.type, LKG.ExtractionRun) in g
    assert g.value(run, PROV.startedAtTime) == Literal(
        "2026-01-02T03:04:05+00:00", datatype=rdfns.XSD.dateTime
    )
    assert str(g.value(run, LKG.litkgVersion)) == litkg_version() != "unknown"
    assert str(g.value(run, LKG.vocabularyVersion)) == "0.1.0"
    src = g.value(run, PROV.used)
    assert str(g.value(src, LKG.sha256)) == m["sha256"]
    assert str(g.value(src, LKG.sourcePath)) == m["source"]
    assert g.value(URIRef(f"{iri}#study"), PROV.wasGeneratedBy) == run


def test_study_links_to_trial_phase_design() -> None:
    rec, m = built_a()
    iri, g = paper_graph(rec, m, FROZEN)
    study = g.value(iri, LKG.reports)
    assert g.value(study, LKG.registration) == URIRef(
        "https://clinicaltrials.gov/study/NCT01234567"
    )
    assert g.value(study, LKG.phase) == phase_iri("2")
    assert len(list(g.objects(study, LKG.design))) == 3


def test_outcome_links_directly_to_study_drug_endpoint_and_timepoint() -> None:
    rec, m = built_a()
    iri, g = paper_graph(rec, m, FROZEN)
    study = g.value(iri, LKG.reports)
    rows = [
        o
        for o in g.subjects(RDF.type, LKG.OutcomeMeasurement)
        if g.value(o, LKG.statistic) == statistic_iri("rate")
    ]
    (o,) = rows
    assert g.value(o, LKG.endpoint) == endpoint_iri("OS")
    assert g.value(o, LKG.study) == study
    assert g.value(o, LKG.studyDrug) == drug_iri("drug x")
    assert g.value(o, LKG.timepointMonths) == Literal("12", datatype=rdfns.XSD.decimal)
    assert str(g.value(o, LKG.value)) == "81.6"
    assert (str(g.value(o, LKG.ciLower)), str(g.value(o, LKG.ciUpper))) == ("64.7", "100")
    arm = g.value(o, LKG.arm)
    assert g.value(arm, LKG.role) == role_iri("intervention")


def test_evidence_quote_and_span() -> None:
    rec, m = built_a()
    iri, g = paper_graph(rec, m, FROZEN)
    n_pos = n_quote_only = 0
    for fact in g.subjects(RDF.type, LKG.OutcomeMeasurement):
        ev = g.value(fact, LKG.evidence)
        assert g.value(ev, OA.hasSource) == g.value(iri, LKG.source)
        sels = set(g.objects(ev, OA.hasSelector))
        types = {g.value(s, RDF.type) for s in sels}
        assert OA.TextQuoteSelector in types
        if OA.TextPositionSelector in types:
            n_pos += 1
            (pos,) = [s for s in sels if g.value(s, RDF.type) == OA.TextPositionSelector]
            (quote,) = [s for s in sels if g.value(s, RDF.type) == OA.TextQuoteSelector]
            start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))
            assert TEXT_A[start:end] == str(g.value(quote, OA.exact))
        else:
            n_quote_only += 1
    assert (n_pos, n_quote_only) == (2, 1)


def test_adverse_event_concept_and_grades() -> None:
    rec, m = built_a()
    _, g = paper_graph(rec, m, FROZEN)
    (ae,) = list(g.subjects(RDF.type, LKG.AdverseEventObservation))
    assert g.value(ae, LKG.adverseEvent) == ae_iri("neutropenia")
    assert (int(g.value(ae, LKG.gradeMin)), int(g.value(ae, LKG.gradeMax))) == (4, 4)
    assert int(g.value(ae, LKG.patientCount)) == 8


def test_references_cite_works() -> None:
    rec, m = built_a()
    iri, g = paper_graph(rec, m, FROZEN)
    cited = set(g.objects(iri, CITO.cites))
    assert URIRef("https://doi.org/10.1056/nejmoa1609783") in cited
    assert len(cited) == 3
    ref1 = URIRef(f"{iri}#ref-1")
    assert str(g.value(ref1, LKG.firstAuthor)) == "Gökbuget"


@pytest.mark.parametrize(
    ("printed", "iri", "registry"),
    [
        ("NCT02807883", "https://clinicaltrials.gov/study/NCT02807883", "nct"),
        ("NCT 02807883", "https://clinicaltrials.gov/study/NCT02807883", "nct"),
        ("jRCTs041210154", "https://jrct.niph.go.jp/latest-detail/jRCTs041210154", "jrct"),
        ("ISRCTN12345678", "https://www.isrctn.com/ISRCTN12345678", "isrctn"),
        (
            "2015-001234-56",
            "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2015-001234-56",
            "eudract",
        ),
        ("ChiCTR2000031234", "https://w3id.org/litkg/trial/ChiCTR2000031234", "chictr"),
        ("UMIN000012345", "https://w3id.org/litkg/trial/UMIN000012345", "other"),
    ],
)
def test_registration_iris(printed: str, iri: str, registry: str) -> None:
    reg = iris.registration(printed)
    assert (str(reg.iri), reg.registry) == (iri, registry)
    back = iris.registration_from_iri(str(reg.iri))
    assert back is not None and back.id == reg.id


def test_doi_normalisation() -> None:
    assert iris.norm_doi("https://doi.org/10.3324/HAEMATOL.2026.300873") == (
        "10.3324/haematol.2026.300873"
    )
    assert iris.norm_doi("not a doi") is None


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-1e6, max_value=1e6))
def test_decimal_literals_are_canonical(x: Decimal) -> None:
    lit = dec(x)
    assert Decimal(str(lit)) == x
    assert dec(str(lit)) == lit
    assert "E" not in str(lit)


def test_grade_bounds() -> None:
    assert grade_bounds("3-4") == (3, 4)
    assert grade_bounds(">=3") == (3, 5)
    assert grade_bounds("≥3") == (3, 5)
    assert grade_bounds("5") == (5, 5)
    assert grade_bounds("severe") is None


def test_gold_records_build() -> None:
    for rec, m in gold_items():
        iri, g = paper_graph(rec, m, FROZEN)
        assert len(g) > 100
        n_outcomes = len(list(g.subjects(RDF.type, LKG.OutcomeMeasurement)))
        assert n_outcomes == len({(o.endpoint, o.statistic, o.value, o.unit, o.timepoint_months,
                                   o.arm, o.ci, o.p, o.provenance.quote if o.provenance else None)
                                  for o in rec.outcomes})  # fmt: skip


def test_records_round_trip_through_the_internal_json() -> None:
    for rec, _ in (built_a(), built_b()):
        assert record_from_dict(rec.to_json()) == rec

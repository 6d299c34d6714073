"""IRIs minted from text (DOIs above all) are valid RFC 3987 IRIs: SICI-style
DOIs with angle brackets, DOIs with spaces or braces serialize without
rdflib's "does not look like a valid URI" warning, load into Oxigraph, and
give their DOI back."""

from __future__ import annotations

import logging

import pytest
from rdflib import Dataset, URIRef
from rdflib.term import _is_valid_uri
from test_kg_fixtures import FROZEN, record_a

from litkg.kg import iris
from litkg.kg.build import paper_graph
from litkg.kg.records_io import record_from_dict
from litkg.kg.store import graph_to_ntriples, open_store, recompute_shared, replace_paper_graph

SICI = "10.1002/(sici)1097-0142(20000301)88:5<1175::aid-cncr30>3.0.co;2-n"
ODD = [
    SICI,
    "10.1645/0022-3395(2000)086[0001:tpinoh]2.0.co;2",
    '10.9999/x"y{z}|w\\v^u`t',
    "10.9999/already%20encoded#frag?q",
    "10.9999/ünïcode-ok",
]


@pytest.mark.parametrize("doi", ODD)
def test_doi_iris_are_valid_and_give_the_doi_back(doi: str) -> None:
    iri = iris.doi_iri(doi)
    tail = str(iri)[len("https://doi.org/") :]
    assert _is_valid_uri(str(iri)), iri
    assert not set(tail) & set('<>"{}|\\^` []#?')
    assert iris.doi_of_iri(iri) == doi


def test_sici_doi_is_encoded_as_rfc3987_wants() -> None:
    assert str(iris.doi_iri(SICI)) == (
        "https://doi.org/10.1002/(sici)1097-0142(20000301)88:5%3C1175::aid-cncr30%3E3.0.co;2-n"
    )
    assert iris.doi_of_iri("https://example.org/10.1/x") is None


def test_other_registry_ids_are_encoded_in_one_segment() -> None:
    reg = iris.registration("CTRI/2019/01/017 <x>")
    assert _is_valid_uri(str(reg.iri))
    assert str(reg.iri).endswith("CTRI%2F2019%2F01%2F017%3Cx%3E")
    back = iris.registration_from_iri(str(reg.iri))
    assert back is not None and back.id == reg.id


def test_paper_and_references_with_sici_dois_store_without_warnings(
    tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    data = record_a()
    data["study"]["doi"] = "10.1002/(SICI)1097-0142(19990101)85:1<1::AID-CNCR1>3.0.CO;2-1"
    data["references"][1]["doi"] = SICI
    data["references"][2]["doi"] = ODD[1]
    rec = record_from_dict(data)
    meta = {"doc_id": "paper_a", "source": "a.txt", "source_format": "text",
            "sha256": "ab" * 32, "n_pages": 1}  # fmt: skip
    caplog.set_level(logging.WARNING)
    iri, g = paper_graph(rec, meta, FROZEN)
    with open_store(tmp_path / "store") as kg:
        replace_paper_graph(kg, iri, graph_to_ntriples(g), source_sha256=["ab" * 32])
        recompute_shared(kg)
        kg.dump(tmp_path / "g.trig", "trig")  # type: ignore[attr-defined]
    ds = Dataset()
    ds.parse(tmp_path / "g.trig", format="trig")
    ds.serialize(format="trig")
    assert not [r for r in caplog.records if "valid URI" in r.getMessage()]
    names = {str(t) for q in ds.quads() for t in q if isinstance(t, URIRef)}
    assert all(_is_valid_uri(n) for n in names)
    assert str(iris.doi_iri(SICI)) in names
    assert iris.doi_of_iri(iri) == iris.norm_doi(data["study"]["doi"])

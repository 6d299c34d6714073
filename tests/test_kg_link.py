"""Cross-paper links: shared trials, merged cited works, citations resolved to corpus papers."""

from __future__ import annotations

import pytest
from rdflib import RDF, URIRef
from rdflib.namespace import OWL, SKOS
from test_kg_fixtures import FROZEN, built_a, built_b, gold_items

from litkg.kg import iris
from litkg.kg.build import paper_graph
from litkg.kg.link import compute_links, union_of
from litkg.ontology.namespace import CITO, LKG, ae_iri, drug_iri

TRIAL = URIRef("https://clinicaltrials.gov/study/NCT01234567")


def _links(with_biblio: bool = True):
    a_iri, a = paper_graph(*built_a(), FROZEN)
    b_iri, b = paper_graph(*built_b(with_biblio), FROZEN)
    g, links = compute_links(union_of([a, b]))
    return a_iri, b_iri, g, links


def test_papers_reporting_one_trial_share_its_node() -> None:
    a_iri, b_iri, g, links = _links()
    assert (TRIAL, RDF.type, LKG.Trial) in g
    assert str(g.value(TRIAL, LKG.registryId)) == "NCT01234567"
    assert links.shared_trials == {str(TRIAL): sorted([str(a_iri), str(b_iri)])}


def test_same_work_cited_with_and_without_diacritics_is_one_node() -> None:
    _, _, g, links = _links()
    gok = iris.work_iri(iris.bib_key("Gökbuget", 2012, "Blood", "120", "1868") or "")
    assert gok == iris.work_iri(iris.bib_key("Gokbuget", 2012, "Blood", "120", "1868") or "")
    assert str(gok) in links.shared_works
    assert (gok, RDF.type, LKG.CitedWork) in g


def test_doi_and_abbreviation_variants_are_joined_with_same_as() -> None:
    _, _, g, links = _links()
    doi_work = URIRef("https://doi.org/10.1056/nejmoa1609783")
    bib_work = iris.work_iri(
        iris.bib_key("Kantarjian", 2017, "New England Journal of Medicine", "376", "836") or ""
    )
    assert (bib_work, OWL.sameAs, doi_work) in g
    assert (str(bib_work), str(doi_work)) in links.same_as


def test_reference_resolves_to_the_corpus_paper() -> None:
    a_iri, b_iri, g, links = _links()
    work = iris.work_iri(iris.bib_key("Doe", 2022, "Example J Haematol", "10", "100") or "")
    assert (work, LKG.resolvesTo, b_iri) in g
    assert (a_iri, CITO.cites, b_iri) in g
    assert links.resolved == [(str(a_iri), str(work), str(b_iri))]


def test_no_resolution_without_the_papers_own_bibliographic_data() -> None:
    _, _, g, links = _links(with_biblio=False)
    assert links.resolved == []


def test_concepts_are_described_once() -> None:
    _, _, g, _ = _links()
    x = drug_iri("drug x")
    assert (x, RDF.type, LKG.DrugConcept) in g
    assert str(g.value(x, SKOS.prefLabel)) == "drug x"
    assert (ae_iri("neutropenia"), RDF.type, LKG.AdverseEventTerm) in g


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Biol Blood Marrow Transplant", "Biology of Blood and Marrow Transplantation", True),
        ("Biol Blood Marrow Transpl", "Biol Blood Marrow Transplant", True),
        ("N Engl J Med", "New England Journal of Medicine", True),
        ("Br J Haematol", "British Journal of Haematology", True),
        ("Hematol Oncol Clin North Am", "Hematology/Oncology Clinics of North America", True),
        ("JAMA", "J Am Med Assoc", True),
        ("BMJ Open", "British Medical Journal Open", True),
        ("Blood", "Blood Adv", False),
        ("Leukemia", "Lancet", False),
    ],
)
def test_journal_names(a: str, b: str, same: bool) -> None:
    assert iris.journal_compatible(a, b) is same


def test_gold_corpus_links() -> None:
    items = gold_items()
    graphs = [paper_graph(rec, m, FROZEN)[1] for rec, m in items]
    _, links = compute_links(union_of(graphs))
    # Works cited by several seed papers (e.g. the original report of the
    # NCT02807883 trial, Gaballa 2022, cited by its follow-up and two others).
    gaballa = iris.work_iri(iris.bib_key("Gaballa", 2022, "Blood", "139", "1908") or "")
    assert len(links.shared_works[str(gaballa)]) == 3
    stein = iris.work_iri(
        iris.bib_key("Stein", 2019, "Biol Blood Marrow Transplant", "25", "1498") or ""
    )
    assert len(links.shared_works[str(stein)]) == 2
    assert len(links.shared_works) >= 5


def test_gold_citations_resolve_when_the_paper_knows_its_own_pages() -> None:
    # The 2019 abstract (003) is Stein et al., Biol Blood Marrow Transplant
    # 2019, pages 1498-1504 (its text prints authors and pages, the record has
    # no field for them); with them in doc_meta, two seeds' citations resolve.
    items = gold_items()
    graphs = []
    for rec, m in items:
        if rec.study.title and rec.study.title.startswith("Blinatumomab for Acute Lymphoblastic"):
            m = {**m, "first_author": "Stein", "first_page": "1498"}
        graphs.append(paper_graph(rec, m, FROZEN)[1])
    g, links = compute_links(union_of(graphs))
    citing = sorted({c for c, _, _ in links.resolved})
    assert len(citing) == 2 and len({t for _, _, t in links.resolved}) == 1

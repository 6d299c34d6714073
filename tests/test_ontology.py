"""The ontology files and the Python namespace agree, and cover the record's vocabularies."""

from __future__ import annotations

import pytest
from rdflib import RDF, SKOS, URIRef
from rdflib.namespace import OWL

from litkg.ontology import namespace as ns
from litkg.ontology.namespace import LKG

ENDPOINTS = [
    "OS",
    "PFS",
    "EFS",
    "RFS",
    "DFS",
    "GRFS",
    "CIR",
    "NRM",
    "AGVHD_1_2",
    "AGVHD_2_4",
    "AGVHD_3_4",
    "CGVHD",
    "CGVHD_SEVERE",
    "CR",
    "MRD_NEG",
    "COMPLETION",
    "ORR",
    "PR",
    "DCR",
    "PCR",
    "TTP",
    "DOR",
    "ALIVE",
    "FOLLOWUP",
]
STATISTICS = ["rate", "median", "hr", "sdhr", "or"]
PHASES = ["1", "1/2", "2", "3", "4"]
DESIGNS = [
    "randomized",
    "non-randomized",
    "single-arm",
    "controlled",
    "uncontrolled",
    "matched-control",
    "prospective",
    "retrospective",
    "single-center",
    "multicenter",
    "open-label",
    "blinded",
    "exploratory-analysis",
    "follow-up-report",
]
ROLES = ["intervention", "control", "overall", "subgroup"]
ARTICLE_TYPES = ["trial-report", "cohort-study", "abstract", "editorial", "review"]


@pytest.fixture(scope="module")
def onto():
    return ns.ontology_graph()


def _declared_terms(g) -> set[str]:
    base = str(LKG._NS)
    return {str(s)[len(base) :] for s in g.subjects(RDF.type, None) if str(s).startswith(base)}


def test_namespace_and_turtle_declare_the_same_terms(onto) -> None:
    in_class = set(LKG.__annotations__)
    in_ttl = _declared_terms(onto)
    assert in_class - in_ttl == set(), "in namespace.py but not declared in litkg.ttl"
    assert in_ttl - in_class == set(), "declared in litkg.ttl but missing from namespace.py"


def test_namespace_fails_on_unknown_term() -> None:
    with pytest.raises(AttributeError):
        _ = LKG.notATerm  # noqa: B018


def test_every_term_used_in_the_turtle_is_declared(onto) -> None:
    base = str(LKG._NS)
    used = {str(t) for triple in onto for t in triple if isinstance(t, URIRef)}
    undeclared = {u for u in used if u.startswith(base)} - {base + t for t in _declared_terms(onto)}
    assert undeclared == set()


def test_terms_are_typed_owl(onto) -> None:
    allowed = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme}
    for term in LKG.__annotations__:
        types = set(onto.objects(LKG[term], RDF.type))
        assert types & allowed, term


@pytest.mark.parametrize(
    ("keys", "mint", "cls"),
    [
        (ENDPOINTS, ns.endpoint_iri, LKG.Endpoint),
        (STATISTICS, ns.statistic_iri, LKG.Statistic),
        (PHASES, ns.phase_iri, LKG.TrialPhase),
        (DESIGNS, ns.design_iri, LKG.StudyDesign),
        (ROLES, ns.role_iri, LKG.ArmRole),
        (ARTICLE_TYPES, ns.article_type_iri, LKG.ArticleType),
    ],
)
def test_record_vocabularies_are_concepts(onto, keys, mint, cls) -> None:
    for key in keys:
        iri = mint(key)
        assert (iri, RDF.type, cls) in onto, key
        assert onto.value(iri, SKOS.prefLabel) is not None, key
        assert str(onto.value(iri, LKG.code)) == key
        assert onto.value(iri, SKOS.inScheme) is not None


def test_mappings_point_at_checked_codes_only(onto) -> None:
    # The external codes the ontology maps to; each was checked against a
    # published source. A new mapping must be added here deliberately.
    verified = {
        "http://purl.obolibrary.org/obo/NCIT_C125201",
        "http://purl.obolibrary.org/obo/NCIT_C28234",
        "http://purl.obolibrary.org/obo/NCIT_C4870",
        "http://purl.obolibrary.org/obo/NCIT_C44256",
        "http://purl.obolibrary.org/obo/NCIT_C28007",
        "http://purl.obolibrary.org/obo/NCIT_C93150",
        "http://purl.obolibrary.org/obo/NCIT_C16932",
        "http://purl.obolibrary.org/obo/STATO_0000182",
        "http://purl.obolibrary.org/obo/NCIT_C15600",
        "http://purl.obolibrary.org/obo/NCIT_C15693",
        "http://purl.obolibrary.org/obo/NCIT_C15601",
        "http://purl.obolibrary.org/obo/NCIT_C15694",
        "http://purl.obolibrary.org/obo/NCIT_C15602",
        "http://purl.obolibrary.org/obo/NCIT_C15603",
        "https://schema.org/RandomizedTrial",
        "https://schema.org/SingleCenterTrial",
        "https://schema.org/MultiCenterTrial",
        "https://schema.org/OpenTrial",
        "https://schema.org/SingleBlindedTrial",
        "https://schema.org/DoubleBlindedTrial",
        "https://schema.org/TripleBlindedTrial",
        "http://purl.org/spar/fabio/JournalArticle",
        "http://purl.org/spar/fabio/Abstract",
        "http://purl.org/spar/fabio/Editorial",
        "http://purl.org/spar/fabio/ReviewArticle",
    }
    props = [SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch]
    mapped = {str(o) for p in props for o in onto.objects(None, p)}
    assert mapped <= verified, mapped - verified


def test_minted_concept_iris_are_stable() -> None:
    assert ns.ae_iri("Mucositis oral") == ns.ae_iri("  mucositis   oral ")
    assert str(ns.ae_iri("mucositis oral")).endswith("/ae/mucositis_oral")
    assert str(ns.ae_iri("any adverse event")).endswith("/ae/any_adverse_event")
    assert str(ns.drug_iri("Anti-thymocyte globulin")).endswith("/drug/anti-thymocyte_globulin")
    assert str(ns.phase_iri("1/2")).endswith("/phase/1-2")


def test_vocabulary_version() -> None:
    assert ns.vocabulary_version() == "0.1.0"


def test_shapes_parse() -> None:
    g = ns.shapes_graph()
    assert len(g) > 50

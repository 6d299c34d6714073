"""The litkg vocabulary as Python names, and the ontology files as graphs.

`LKG` is an rdflib `DefinedNamespace` with `_fail = True`: a misspelled term
raises at once. `tests/test_ontology.py` checks that the class and
`ontology/litkg.ttl` declare exactly the same terms, so the two cannot drift.

Concepts (endpoints, statistics, phases, ...) live in their own namespaces
under https://w3id.org/litkg/concept/; the helpers here build their IRIs from
the keys the study record uses ("OS", "rate", "1/2", "single-arm").
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, DefinedNamespace

BASE = "https://w3id.org/litkg/"
CONCEPT = Namespace(BASE + "concept/")
ENDPOINT = Namespace(BASE + "concept/endpoint/")
STATISTIC = Namespace(BASE + "concept/statistic/")
PHASE = Namespace(BASE + "concept/phase/")
DESIGN = Namespace(BASE + "concept/design/")
ROLE = Namespace(BASE + "concept/role/")
ARTICLE_TYPE = Namespace(BASE + "concept/article-type/")
ROUTE = Namespace(BASE + "concept/route/")
REGISTRY = Namespace(BASE + "concept/registry/")
AE = Namespace(BASE + "concept/ae/")
DRUG = Namespace(BASE + "concept/drug/")
GRAPH = Namespace(BASE + "graph/")
REVIEW_STATUS = Namespace(BASE + "concept/review-status/")
ID = Namespace(BASE + "id/")

FABIO = Namespace("http://purl.org/spar/fabio/")
CITO = Namespace("http://purl.org/spar/cito/")
PRISM = Namespace("http://prismstandard.org/namespaces/basic/2.0/")
OA = Namespace("http://www.w3.org/ns/oa#")
OBO = Namespace("http://purl.obolibrary.org/obo/")

#: The named graph holding what papers share (trials, cited works, concepts, links).
SHARED_GRAPH = GRAPH["shared"]

#: The named graph of the reviewers' verdicts, re-applied after every build (kg/curation).
CURATION_GRAPH = GRAPH["curation"]

ONTOLOGY_IRI = URIRef(BASE + "ns")


class LKG(DefinedNamespace):
    """Terms of https://w3id.org/litkg/ns# (declared in ontology/litkg.ttl)."""

    _fail = True
    _NS = Namespace(BASE + "ns#")

    # classes
    Paper: URIRef
    CitedWork: URIRef
    Reference: URIRef
    Trial: URIRef
    StudyReport: URIRef
    Arm: URIRef
    Intervention: URIRef
    OutcomeMeasurement: URIRef
    AdverseEventObservation: URIRef
    Evidence: URIRef
    ExtractionRun: URIRef
    SourceDocument: URIRef
    Endpoint: URIRef
    Statistic: URIRef
    TrialPhase: URIRef
    StudyDesign: URIRef
    ArmRole: URIRef
    ArticleType: URIRef
    Route: URIRef
    Registry: URIRef
    AdverseEventTerm: URIRef
    DrugConcept: URIRef
    ReviewStatus: URIRef
    ReviewedFact: URIRef
    Correction: URIRef
    Review: URIRef
    # concept schemes
    EndpointScheme: URIRef
    StatisticScheme: URIRef
    PhaseScheme: URIRef
    DesignScheme: URIRef
    ArmRoleScheme: URIRef
    ArticleTypeScheme: URIRef
    RouteScheme: URIRef
    RegistryScheme: URIRef
    AdverseEventScheme: URIRef
    DrugScheme: URIRef
    ReviewStatusScheme: URIRef
    # object properties
    reports: URIRef
    registration: URIRef
    registry: URIRef
    articleType: URIRef
    phase: URIRef
    population: URIRef
    design: URIRef
    study: URIRef
    arm: URIRef
    role: URIRef
    drug: URIRef
    studyDrug: URIRef
    compareSummary: URIRef
    route: URIRef
    endpoint: URIRef
    statistic: URIRef
    adverseEvent: URIRef
    evidence: URIRef
    reference: URIRef
    citedWork: URIRef
    resolvesTo: URIRef
    source: URIRef
    reviewStatus: URIRef
    factNode: URIRef
    correction: URIRef
    # datatype properties
    value: URIRef
    unit: URIRef
    timepointMonths: URIRef
    ciLower: URIRef
    ciUpper: URIRef
    pValue: URIRef
    armLabel: URIRef
    n: URIRef
    grade: URIRef
    gradeMin: URIRef
    gradeMax: URIRef
    patientCount: URIRef
    percent: URIRef
    doseValue: URIRef
    doseUnit: URIRef
    days: URIRef
    cycles: URIRef
    registryId: URIRef
    referenceIndex: URIRef
    firstAuthor: URIRef
    workKey: URIRef
    documentId: URIRef
    page: URIRef
    fromOcr: URIRef
    extractionRule: URIRef
    litkgVersion: URIRef
    vocabularyVersion: URIRef
    sha256: URIRef
    fileSha256: URIRef
    sourcePath: URIRef
    sourceFormat: URIRef
    factId: URIRef
    verdict: URIRef
    field: URIRef
    oldValue: URIRef
    newValue: URIRef
    needsReReview: URIRef
    pageCount: URIRef
    code: URIRef


def _read(name: str) -> str:
    return (files("litkg.ontology") / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(data=_read("litkg.ttl"), format="turtle")


def ontology_graph() -> Graph:
    """A fresh copy of the litkg ontology (ontology/litkg.ttl) as a graph."""
    g = Graph()
    for t in _ontology():
        g.add(t)
    bind_prefixes(g)
    return g


def shapes_graph() -> Graph:
    """The SHACL shapes (ontology/shapes.ttl) as a graph."""
    return Graph().parse(data=_read("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def vocabulary_version() -> str:
    """The ontology's owl:versionInfo."""
    v = _ontology().value(ONTOLOGY_IRI, OWL.versionInfo)
    return str(v) if v is not None else "unknown"


def slug(text: str) -> str:
    """A stable IRI path segment for a term: trimmed, lower case, single spaces as
    underscores, percent-encoded (so "mucositis oral" -> "mucositis_oral")."""
    norm = " ".join(text.strip().lower().split())
    return quote(norm.replace(" ", "_"), safe="-_.~")


def endpoint_iri(key: str) -> URIRef:
    """Endpoint concept for a record key such as "OS" or "AGVHD_3_4"."""
    return ENDPOINT[key.strip().upper()]


def statistic_iri(key: str) -> URIRef:
    """Statistic concept for "rate", "median", "hr", "sdhr", "or"."""
    return STATISTIC[key.strip().lower()]


def phase_iri(key: str) -> URIRef:
    """Phase concept for "1", "1/2", "2", "2/3", "3", "4"."""
    return PHASE[key.strip().replace("/", "-")]


def design_iri(key: str) -> URIRef:
    """Design-feature concept for a record design word ("single-arm")."""
    return DESIGN[slug(key).replace("_", "-")]


def role_iri(key: str) -> URIRef:
    """Arm-role concept for "intervention", "control", "overall", "subgroup"."""
    return ROLE[key.strip().lower()]


def article_type_iri(key: str) -> URIRef:
    """Article-type concept for "trial-report", "editorial", ..."""
    return ARTICLE_TYPE[key.strip().lower()]


def route_iri(key: str) -> URIRef:
    """Route concept for "iv", "sc", "po"."""
    return ROUTE[key.strip().lower()]


def ae_iri(term: str) -> URIRef:
    """Adverse-event concept minted from the canonical (CTCAE, lower-case) term."""
    return AE[slug(term)]


def drug_iri(name: str) -> URIRef:
    """Drug concept minted from the generic name."""
    return DRUG[slug(name)]


PREFIXES: dict[str, Namespace] = {
    "lkg": LKG._NS,
    "ep": ENDPOINT,
    "stat": STATISTIC,
    "phase": PHASE,
    "design": DESIGN,
    "role": ROLE,
    "atype": ARTICLE_TYPE,
    "route": ROUTE,
    "reg": REGISTRY,
    "ae": AE,
    "drug": DRUG,
    "fabio": FABIO,
    "cito": CITO,
    "prism": PRISM,
    "oa": OA,
    "obo": OBO,
}


def bind_prefixes(g: Graph) -> Graph:
    """Bind litkg's prefixes (and the reused vocabularies') on a graph."""
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True)
    g.bind("schema", Namespace("https://schema.org/"), override=True, replace=True)
    g.bind("prov", Namespace("http://www.w3.org/ns/prov#"), override=True)
    g.bind("skos", Namespace("http://www.w3.org/2004/02/skos/core#"), override=True)
    g.bind("dcterms", Namespace("http://purl.org/dc/terms/"), override=True)
    return g

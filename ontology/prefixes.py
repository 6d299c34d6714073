"""litkg's prefixes as plain strings, for code that writes SPARQL without
building rdflib terms (`litkg query` starts without importing rdflib).
`ontology/namespace.py` holds the same namespaces as rdflib objects;
tests/test_ontology.py keeps the two equal."""

from __future__ import annotations

BASE = "https://w3id.org/litkg/"

#: prefix -> namespace IRI, in the order `namespace.PREFIXES` binds them
PREFIX_IRIS: dict[str, str] = {
    "lkg": BASE + "ns#",
    "ep": BASE + "concept/endpoint/",
    "stat": BASE + "concept/statistic/",
    "phase": BASE + "concept/phase/",
    "design": BASE + "concept/design/",
    "role": BASE + "concept/role/",
    "atype": BASE + "concept/article-type/",
    "route": BASE + "concept/route/",
    "reg": BASE + "concept/registry/",
    "ae": BASE + "concept/ae/",
    "drug": BASE + "concept/drug/",
    "fabio": "http://purl.org/spar/fabio/",
    "cito": "http://purl.org/spar/cito/",
    "prism": "http://prismstandard.org/namespaces/basic/2.0/",
    "oa": "http://www.w3.org/ns/oa#",
    "obo": "http://purl.obolibrary.org/obo/",
}

#: the reused W3C and DCMI vocabularies litkg's own queries may name
STANDARD_IRIS: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
}

#: PREFIX lines for the queries litkg writes itself.
SPARQL_PREFIXES = "".join(
    f"PREFIX {p}: <{ns}>\n" for p, ns in {**PREFIX_IRIS, **STANDARD_IRIS}.items()
)

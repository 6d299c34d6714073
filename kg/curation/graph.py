"""The verdicts in RDF: the curation named graph and the PROV-O export.

`sync_graph(store, curation)` writes <https://w3id.org/litkg/graph/curation>
(see the Review section of ontology/litkg.ttl): every fact node's
lkg:reviewStatus, one lkg:ReviewedFact per reviewed fact with its
corrections, orphans marked lkg:needsReReview. The build calls it after
every build; `litkg review` after each verdict, for that paper only, when no
build holds the store. The paper graphs are never touched.

`prov_graph(curation)` is the PROV-O account of the curation file: one
lkg:Review (prov:Activity) per verdict.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from litkg.kg.curation.facts import Fact, facts_of_papers
from litkg.kg.queries import sparql_term
from litkg.ontology.namespace import BASE, CURATION_GRAPH, LKG, REVIEW_STATUS, bind_prefixes

FACT = BASE + "fact/"
REVIEWER = BASE + "reviewer/"
VERDICT = BASE + "verdict/"

#: Classes of the nodes that are facts (study fields hang on the study report).
FACT_CLASSES = ("Arm", "Intervention", "OutcomeMeasurement", "AdverseEventObservation", "Reference")


def status_iri(status: str) -> URIRef:
    """The review-status concept: extracted, confirmed, corrected, rejected, added."""
    return REVIEW_STATUS[status]


def fact_iri(fid: str) -> URIRef:
    """<https://w3id.org/litkg/fact/f-...>: a reviewed fact by its stable id."""
    return URIRef(FACT + fid)


def reviewer_iri(name: str) -> URIRef:
    """<https://w3id.org/litkg/reviewer/NAME>: the agent a verdict is associated with."""
    return URIRef(REVIEWER + quote(name.strip(), safe=""))


def _value(v: Any) -> Literal:
    if isinstance(v, bool) or v is None or isinstance(v, list | dict):
        return Literal(json.dumps(v))
    if isinstance(v, int):
        return Literal(v, datatype=XSD.integer)
    if isinstance(v, float):
        return Literal(repr(v), datatype=XSD.decimal)
    return Literal(str(v))


def reviewed_triples(facts: Iterable[Fact], orphans: Iterable[Any]) -> Graph:
    """The curation graph's triples for reviewed facts and orphaned verdicts
    (the extracted status of the other nodes is added in the store)."""
    g = bind_prefixes(Graph())
    for f in facts:
        if f.review_status == "extracted":
            continue
        r = fact_iri(f.id)
        status = status_iri(f.review_status)
        g.add((r, RDF.type, LKG.ReviewedFact))
        g.add((r, LKG.factId, Literal(f.id)))
        g.add((r, LKG.reviewStatus, status))
        g.add((r, DCTERMS.isPartOf, URIRef(f.paper)))
        if f.node:
            g.add((r, LKG.factNode, URIRef(f.node)))
            if f.kind != "study":
                g.add((URIRef(f.node), LKG.reviewStatus, status))
        if f.kind == "study":
            g.add((r, LKG.field, Literal(next(iter(f.fields)))))
        for k, old in sorted(f.corrections.items()):
            c = URIRef(f"{r}/correction/{quote(k, safe='')}")
            g.add((r, LKG.correction, c))
            g.add((c, RDF.type, LKG.Correction))
            g.add((c, LKG.field, Literal(k)))
            g.add((c, LKG.oldValue, _value(old)))
            g.add((c, LKG.newValue, _value(f.fields.get(k))))
    for v in orphans:
        r = fact_iri(v.fact_id)
        g.add((r, RDF.type, LKG.ReviewedFact))
        g.add((r, LKG.factId, Literal(v.fact_id)))
        g.add((r, LKG.needsReReview, Literal(True)))
        if v.paper:
            g.add((r, DCTERMS.isPartOf, URIRef(v.paper)))
    return g


def _extracted_update(papers: list[str] | None) -> str:
    """SPARQL Update: lkg:reviewStatus extracted for each fact node (of the
    given paper graphs, or of all) that the curation graph gives no status."""
    cls = " ".join(f"<{LKG[c]}>" for c in FACT_CLASSES)
    scope = f"VALUES ?g {{ {' '.join(sparql_term(URIRef(p)) for p in papers)} }}" if papers else ""
    return (
        f"INSERT {{ GRAPH <{CURATION_GRAPH}> {{ ?n <{LKG.reviewStatus}> <{status_iri('extracted')}> }} }}"
        f" WHERE {{ {scope} VALUES ?c {{ {cls} }} GRAPH ?g {{ ?n a ?c }}"
        f" FILTER NOT EXISTS {{ GRAPH <{CURATION_GRAPH}> {{ ?n <{LKG.reviewStatus}> ?s }} }} }}"
    )


def _drop_papers_update(papers: list[str]) -> str:
    """SPARQL Update: remove what the curation graph says about these papers."""
    vals = " ".join(sparql_term(URIRef(p)) for p in papers)
    g = f"<{CURATION_GRAPH}>"
    return (
        f"DELETE {{ GRAPH {g} {{ ?c ?cp ?co }} }} WHERE {{ VALUES ?p {{ {vals} }}"
        f" GRAPH {g} {{ ?r <{DCTERMS.isPartOf}> ?p ; <{LKG.correction}> ?c . ?c ?cp ?co }} }} ;\n"
        f"DELETE {{ GRAPH {g} {{ ?r ?rp ?ro }} }} WHERE {{ VALUES ?p {{ {vals} }}"
        f" GRAPH {g} {{ ?r <{DCTERMS.isPartOf}> ?p . ?r ?rp ?ro }} }} ;\n"
        f"DELETE {{ GRAPH {g} {{ ?n <{LKG.reviewStatus}> ?s }} }} WHERE {{ VALUES ?p {{ {vals} }}"
        f" GRAPH ?p {{ ?n a ?c }} GRAPH {g} {{ ?n <{LKG.reviewStatus}> ?s }} }}"
    )


def sync_graph(store: Any, curation: Any, papers: Iterable[str] | None = None) -> int:
    """Write the verdicts into the curation graph of a writable store: the
    whole graph, or (with `papers`) only what concerns those paper IRIs.
    Returns the number of reviewed facts written."""
    from litkg.kg.curation.facts import all_papers

    present = set(all_papers(store))
    verdicts = curation.verdicts()
    touched = {v.paper for v in verdicts if v.paper}
    scope = sorted(set(papers) & present) if papers is not None else None
    wanted = sorted(touched & (set(scope) if scope is not None else present))
    facts = curation.apply(facts_of_papers(store, wanted)) if wanted else []
    orphans = [
        v for v in curation.orphans(store, facts) if scope is None or v.paper in (papers or ())
    ]
    g = reviewed_triples(facts, orphans)
    if scope is None:
        store.replace_graph(CURATION_GRAPH, g)
        store.update(_extracted_update(None))
    else:
        if papers:
            store.update(_drop_papers_update(sorted(set(papers or ()))))
        if len(g):
            from litkg.kg.store import graph_to_ntriples

            store.update(
                f"INSERT DATA {{ GRAPH <{CURATION_GRAPH}> {{\n{graph_to_ntriples(g)}\n}} }}"
            )
        if scope:
            store.update(_extracted_update(scope))
    return sum(1 for f in facts if f.review_status != "extracted")


def try_sync(location: str, curation: Any, papers: Iterable[str] | None = None) -> str | None:
    """`sync_graph` on the store at `location` (a folder or URL), opened for
    writing; when a build holds it, nothing is written (that build re-applies
    every verdict when it ends) and the reason is returned, else None."""
    from litkg.kg.store import StoreError, open_store

    try:
        with open_store(location, timeout=None) as w:
            sync_graph(w, curation, papers)
    except StoreError as e:
        return str(e)
    return None


def sync_for_build(store: Any, out: Any) -> int:
    """After a build: re-apply the verdicts of the curation file beside `out`
    (nothing to do, and no curation graph, when there is none)."""
    from litkg.kg.curation.verdicts import Curation

    c = Curation.open(out)
    return sync_graph(store, c)


# --- PROV-O ---------------------------------------------------------------------


def prov_graph(curation: Any) -> Graph:
    """The curation as PROV-O: each verdict an lkg:Review (prov:Activity),
    prov:wasAssociatedWith its reviewer (prov:Person), prov:endedAtTime,
    prov:used the fact (lkg:ReviewedFact, with its id, paper and node), and
    prov:generated the corrected value (an lkg:Correction) or the added fact."""
    g = bind_prefixes(Graph())
    for v in curation.verdicts():
        act = URIRef(VERDICT + v.id)
        fact = fact_iri(v.fact_id)
        who = reviewer_iri(v.reviewer)
        g.add((act, RDF.type, PROV.Activity))
        g.add((act, RDF.type, LKG.Review))
        g.add((act, LKG.verdict, Literal(v.verdict)))
        g.add((act, PROV.wasAssociatedWith, who))
        g.add(
            (act, PROV.endedAtTime, Literal(v.time.replace("Z", "+00:00"), datatype=XSD.dateTime))
        )
        g.add((who, RDF.type, PROV.Person))
        g.add((who, RDFS.label, Literal(v.reviewer)))
        if v.comment:
            g.add((act, RDFS.comment, Literal(v.comment)))
        g.add((fact, RDF.type, LKG.ReviewedFact))
        g.add((fact, RDF.type, PROV.Entity))
        g.add((fact, LKG.factId, Literal(v.fact_id)))
        if v.paper:
            g.add((fact, DCTERMS.isPartOf, URIRef(v.paper)))
        node = (v.fact or {}).get("node")
        if node:
            g.add((fact, LKG.factNode, URIRef(node)))
        if v.verdict == "add":
            g.add((act, PROV.generated, fact))
            g.add((fact, PROV.wasGeneratedBy, act))
            for k, val in sorted(((v.fact or {}).get("fields") or {}).items()):
                c = URIRef(f"{act}/field/{quote(k, safe='')}")
                g.add((fact, LKG.correction, c))
                g.add((c, RDF.type, LKG.Correction))
                g.add((c, LKG.field, Literal(k)))
                g.add((c, LKG.newValue, _value(val)))
            continue
        g.add((act, PROV.used, fact))
        if v.verdict == "correct":
            c = URIRef(f"{act}/value")
            g.add((act, PROV.generated, c))
            g.add((c, RDF.type, LKG.Correction))
            g.add((c, RDF.type, PROV.Entity))
            g.add((c, PROV.wasGeneratedBy, act))
            g.add((c, PROV.wasDerivedFrom, fact))
            g.add((c, LKG.field, Literal(v.field or "")))
            g.add((c, LKG.oldValue, _value(v.old)))
            g.add((c, LKG.newValue, _value(v.new)))
    return g


def export_prov(curation: Any, path: Any, fmt: str = "turtle") -> str:
    """Write the PROV-O account of the curation (Turtle by default, atomically);
    returns a one-line summary."""
    from litkg.extractor.batch import atomic_path

    g = prov_graph(curation)
    with atomic_path(path) as tmp:
        g.serialize(destination=str(tmp), format=fmt)
    return f"wrote the curation's provenance to {path}: {len(curation.verdicts())} verdicts, {len(g)} triples"


__all__ = [
    "export_prov", "fact_iri", "prov_graph", "reviewer_iri", "status_iri", "sync_graph", "try_sync",
]  # fmt: skip

"""`litkg viz -o graph.html`: a self-contained interactive page of the graph.

The page works offline: the data (JSON), style and script (a small force
layout on a canvas, `kg/assets/viz.js`, no library) are inlined; nothing is
loaded from the network. Nodes are the graph's papers, study reports, arms,
interventions, outcome measurements, adverse-event observations, registered
trials, cited works and the drug / adverse-event / endpoint concepts they use,
coloured by type with a legend; a search box, a filter by paper and by entity
type; clicking a node shows its facts and the evidence quotes (with pages)
they were read from.

For tests and scripted checks the page keeps a hidden `#test-hook` element up
to date (`data-nodes`, `data-drawn`, `data-edges`, `data-search`,
`data-errors`, `data-ready`) and copies console errors into `#console-errors`;
opening it with `#search=TERM` runs that search on load.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from rdflib import RDF, URIRef
from rdflib.term import Node

from litkg.kg.compare import key_label
from litkg.kg.queries import fmt_num, local_name, number, select
from litkg.kg.store import KGStore
from litkg.kg.validate import short
from litkg.ontology.namespace import LKG, ONTOLOGY_IRI, SHARED_GRAPH

#: Entity types shown, their display names and colours (the legend's order).
TYPES: dict[str, tuple[str, str]] = {
    str(LKG.Paper): ("Paper", "#1f77b4"),
    str(LKG.StudyReport): ("Study", "#17becf"),
    str(LKG.Arm): ("Arm", "#2ca02c"),
    str(LKG.Intervention): ("Intervention", "#9467bd"),
    str(LKG.OutcomeMeasurement): ("Outcome", "#ff7f0e"),
    str(LKG.AdverseEventObservation): ("Adverse event", "#d62728"),
    str(LKG.Trial): ("Trial", "#8c564b"),
    str(LKG.CitedWork): ("Cited work", "#7f7f7f"),
    str(LKG.DrugConcept): ("Drug", "#e377c2"),
    str(LKG.AdverseEventTerm): ("AE term", "#bcbd22"),
    str(LKG.Endpoint): ("Endpoint", "#aec7e8"),
}

#: Predicates that are plumbing, not facts to show.
HIDDEN = {str(RDF.type), str(LKG.evidence), str(LKG.source), str(LKG.reference)}
HIDDEN |= {
    "http://www.w3.org/ns/prov#wasGeneratedBy",
    "http://www.w3.org/2004/02/skos/core#inScheme",
}

Q_NODES = """SELECT DISTINCT ?g ?s ?t WHERE {
  GRAPH ?g { ?s a ?t }
  FILTER (?t IN (lkg:Paper, lkg:StudyReport, lkg:Arm, lkg:Intervention, lkg:OutcomeMeasurement,
                 lkg:AdverseEventObservation, lkg:Trial, lkg:CitedWork, lkg:DrugConcept,
                 lkg:AdverseEventTerm, lkg:Endpoint))
}"""

Q_TRIPLES = """SELECT DISTINCT ?s ?p ?o WHERE {
  ?s a ?t ; ?p ?o .
  FILTER (?t IN (lkg:Paper, lkg:StudyReport, lkg:Arm, lkg:Intervention, lkg:OutcomeMeasurement,
                 lkg:AdverseEventObservation, lkg:Trial, lkg:CitedWork))
}"""

Q_CONCEPT_LABELS = """SELECT ?s ?label WHERE {
  ?s skos:prefLabel ?label .
  FILTER (?t IN (lkg:DrugConcept, lkg:AdverseEventTerm, lkg:Endpoint))
  ?s a ?t .
}"""

Q_EVIDENCE = """SELECT ?s ?quote ?page WHERE {
  ?s lkg:evidence ?ev . ?ev oa:hasSelector ?sel . ?sel oa:exact ?quote .
  OPTIONAL { ?ev lkg:page ?page }
}"""


@dataclass
class VizNode:
    """A node of the page: IRI, label, type, papers it belongs to, facts, evidence."""

    id: str
    type: str
    label: str = ""
    papers: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)


#: Readable names of predicates whose local name is not one.
FACT_NAMES = {
    "timepointMonths": "timepoint (months)", "ciLower": "95% CI lower", "ciUpper": "95% CI upper",
    "pValue": "p", "doseValue": "dose", "doseUnit": "dose unit", "armLabel": "arm as printed",
    "patientCount": "patients (n)", "percent": "patients (%)", "hasPublicationYear": "year",
    "publicationName": "journal", "documentId": "document", "firstAuthor": "first author",
    "registryId": "registry id", "gradeMin": "grade from", "gradeMax": "grade to",
    "adverseEvent": "term", "studyDrug": "study drug", "prefLabel": "name", "altLabel": "also called",
    "startingPage": "first page", "articleType": "article type", "n": "patients (n)",
    "label": "label", "doi": "DOI", "sameAs": "same as", "resolvesTo": "resolves to",
}  # fmt: skip


def _pred_name(p: str) -> str:
    """A predicate's readable name ("timepointMonths" -> "timepoint (months)")."""
    local = p.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]
    if local in FACT_NAMES:
        return FACT_NAMES[local]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()


def _fact_value(o: Node) -> str:
    """A fact's value as text: a concept by its name ("single-arm", not
    "design:single-arm"), a literal by its lexical form."""
    if isinstance(o, URIRef):
        return local_name(o) or short(o)
    return str(o)


def _group_facts(facts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One line per fact name, its values joined ("design: open-label, single-arm")."""
    by: dict[str, list[str]] = {}
    for k, v in facts:
        if v not in by.setdefault(k, []):
            by[k].append(v)
    return [(k, ", ".join(sorted(vs))) for k, vs in sorted(by.items())]


def _label(
    node: VizNode,
    props: dict[str, list[Node]],
    citation: str = "",
    arm_labels: dict[str, str] | None = None,
) -> str:
    """A node's label; facts of a study name it by citation ("OS 12 mo: 81.6% ·
    drug X · Stein 2019, Biol Blood Marrow Transplant")."""

    def one(p: URIRef) -> str | None:
        v = props.get(str(p))
        return str(v[0]) if v else None

    def arm() -> str | None:
        a = props.get(str(LKG.arm))
        if a and arm_labels and str(a[0]) in arm_labels:
            return arm_labels[str(a[0])]
        return None

    def of_study(text: str, *extra: str | None) -> str:
        return " · ".join(x for x in (text, *extra, citation) if x)

    t = node.type
    if t == "Paper":
        return "paper · " + citation if citation else (one(LKG.documentId) or node.id)
    if t == "Study":
        return citation or local_name(URIRef(node.id)) or node.id
    if t == "Arm":
        return of_study(one(URIRef("http://www.w3.org/2000/01/rdf-schema#label")) or "arm")
    if t == "Outcome":
        ep = (local_name(props.get(str(LKG.endpoint), [None])[0]) or "?").replace(" ", "_")
        stat = local_name(props.get(str(LKG.statistic), [None])[0]) or ""
        tp = number(props.get(str(LKG.timepointMonths), [None])[0])
        key = key_label((ep, stat, float(tp) if tp is not None else None))
        val = fmt_num(number(props.get(str(LKG.value), [None])[0]))
        unit = one(LKG.unit) or ""
        unit = unit if unit == "%" else f" {unit}" if unit else ""
        return of_study(f"{key}: {val}{unit}", arm() or "arm not stated")
    if t == "Adverse event":
        term = local_name(props.get(str(LKG.adverseEvent), [None])[0]) or "?"
        g = one(LKG.grade)
        count = one(LKG.patientCount)
        pct = one(LKG.percent)
        s = term + (f" g{g}" if g else "")
        if count or pct:
            s += (
                ": " + (count or "") + (f" ({pct}%)" if count and pct else f"{pct}%" if pct else "")
            )
        return of_study(s, arm())
    if t == "Intervention":
        drug = local_name(props.get(str(LKG.drug), [None])[0]) or "?"
        dose = one(LKG.doseValue)
        return of_study(drug + (f" {dose} {one(LKG.doseUnit) or ''}".rstrip() if dose else ""))
    if t == "Cited work":
        parts = [one(LKG.firstAuthor), (one(URIRef("http://purl.org/spar/fabio/hasPublicationYear")) or "")[:4],
                 one(URIRef("http://prismstandard.org/namespaces/basic/2.0/publicationName"))]  # fmt: skip
        return " ".join(p for p in parts if p) or node.id
    for p in (URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
              URIRef("http://purl.org/dc/terms/title")):  # fmt: skip
        if one(p):
            return str(one(p))
    return local_name(URIRef(node.id)) or node.id


#: Types the page opens without (shown from the legend): cited works and the
#: shared concepts, which tie every study to every other one.
INITIALLY_HIDDEN = ("Cited work", "AE term", "Endpoint")


def graph_data(store: KGStore, title: str = "litkg knowledge graph") -> dict[str, Any]:
    """The page's data: nodes, edges (index pairs with the predicate), types, papers."""
    nodes: dict[str, VizNode] = {}
    for r in select(store, Q_NODES):
        sid, t, g = str(r["s"]), TYPES[str(r["t"])][0], r["g"]
        node = nodes.setdefault(sid, VizNode(sid, t))
        if g not in (SHARED_GRAPH, ONTOLOGY_IRI) and str(g) not in node.papers:
            node.papers.append(str(g))
    props: dict[str, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    edges: set[tuple[str, str, str]] = set()
    used_concepts: set[str] = set()
    for r in select(store, Q_TRIPLES):
        s, p, o = str(r["s"]), str(r["p"]), r["o"]
        if s not in nodes:
            continue
        props[s][p].append(o)
        if p in HIDDEN:
            continue
        if isinstance(o, URIRef) and str(o) in nodes:
            if p == str(LKG.studyDrug):
                continue  # a shortcut of study -> intervention -> drug: not drawn twice
            edges.add((s, str(o), short(URIRef(p))))
            if nodes[str(o)].type in ("Drug", "AE term", "Endpoint"):
                used_concepts.add(str(o))
        else:
            nodes[s].facts.append((_pred_name(p), _fact_value(o)))
    # concept nodes only when something shown points at them
    for sid in [k for k, v in nodes.items() if v.type in ("Drug", "AE term", "Endpoint")]:
        if sid not in used_concepts:
            del nodes[sid]
    labels = {str(r["s"]): str(r["label"]) for r in select(store, Q_CONCEPT_LABELS)}
    for r in select(store, Q_EVIDENCE):
        s = str(r["s"])
        if s in nodes:
            page = number(r.get("page"))
            nodes[s].evidence.append({"quote": str(r["quote"]), "page": page})
    from litkg.kg.papers import paper_refs

    refs = paper_refs(store)
    rdfs_label = "http://www.w3.org/2000/01/rdf-schema#label"
    arm_labels = {
        n.id: str(props[n.id][rdfs_label][0])
        for n in nodes.values()
        if n.type == "Arm" and props.get(n.id, {}).get(rdfs_label)
    }
    for node in nodes.values():
        cit = refs[node.papers[0]].label if node.papers and node.papers[0] in refs else ""
        if node.type == "Paper" and node.id in refs:
            cit = refs[node.id].label
        node.label = labels.get(node.id) or _label(node, props.get(node.id, {}), cit, arm_labels)
        node.facts = _group_facts(node.facts)
        node.evidence.sort(key=lambda e: (e["page"] or 0, e["quote"]))
    # papers of shared nodes: none (they are shown when linked to a shown node)
    order = sorted(nodes.values(), key=lambda n: (list(TYPES.values()).index(
        next(v for v in TYPES.values() if v[0] == n.type)), n.label, n.id))  # fmt: skip
    index = {n.id: i for i, n in enumerate(order)}
    paper_labels = sorted(
        (
            {"id": n.id, "label": refs[n.id].label if n.id in refs else n.label}
            for n in order
            if n.type == "Paper"
        ),
        key=lambda p: p["label"],
    )
    return {
        "title": title,
        "types": {name: colour for name, colour in TYPES.values()},
        "nodes": [
            {
                "id": n.id,
                "label": n.label,
                "type": n.type,
                "papers": n.papers,
                "facts": n.facts,
                "evidence": n.evidence,
            }  # fmt: skip
            for n in order
        ],
        "edges": sorted([index[s], index[o], p] for s, o, p in edges),
        "papers": paper_labels,
        "hidden": [t for t in INITIALLY_HIDDEN if any(n.type == t for n in order)],
    }


def _asset(name: str) -> str:
    return (files("litkg.kg") / "assets" / name).read_text(encoding="utf-8")


def render_html(data: dict[str, Any]) -> str:
    """The self-contained page for `graph_data` output."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # inside <script>: no "</" may close the element early, no U+2028/9 surprises
    payload = (
        payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    page = _asset("viz.html")
    page = page.replace("__TITLE__", html.escape(str(data.get("title", "litkg"))))
    page = page.replace("__CSS__", _asset("viz.css"))
    js = _asset("viz.js")
    # the data goes in last so that nothing in it can look like a placeholder
    return page.replace("__JS__", js).replace("__DATA__", payload)


def write(
    store: KGStore, path: str | os.PathLike[str], title: str = "litkg knowledge graph"
) -> str:
    """Write the page; returns a one-line summary."""
    from litkg.extractor.batch import atomic_path

    data = graph_data(store, title)
    page = render_html(data)
    with atomic_path(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return f"wrote {path}: {len(data['nodes'])} nodes, {len(data['edges'])} edges"

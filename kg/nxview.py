"""A networkx view of the RDF graph, derived from it (never kept by hand).

Nodes are the IRIs (and blank nodes) of the graph; each triple whose object
is an IRI becomes a directed edge labelled with its predicate; literal-valued
triples become node attributes (several values joined by " | "). Every node
gets a `label` (rdfs:label / skos:prefLabel / dcterms:title / its local name)
and a `type` (the compact name of its rdf:type, several joined by " | ").
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from litkg.kg.validate import short

LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel, DCTERMS.title)


def _key(term: Node) -> str:
    return str(term) if isinstance(term, URIRef) else f"_:{term}"


def _local(term: Node) -> str:
    s = str(term)
    for sep in ("#", "/"):
        if sep in s.rstrip(sep):
            s = s.rstrip(sep).rsplit(sep, 1)[-1]
    return s


def _attr_name(pred: URIRef) -> str:
    return short(pred).replace(":", "_").strip("<>")


def to_networkx(graph: Graph, include_types: bool = False) -> nx.MultiDiGraph:
    """A `MultiDiGraph` of `graph` (see the module docstring). rdf:type triples
    are node attributes unless `include_types` also makes them edges."""
    g = nx.MultiDiGraph()
    attrs: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    labels: dict[str, str] = {}
    for s, p, o in sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        sk = _key(s)
        g.add_node(sk)
        if isinstance(o, Literal):
            if p in LABEL_PREDICATES and sk not in labels:
                labels[sk] = str(o)
            attrs[sk][_attr_name(p)].append(str(o))
            continue
        if p == RDF.type:
            attrs[sk]["type"].append(short(o))
            if not include_types:
                continue
        ok = _key(o)
        g.add_node(ok)
        g.add_edge(sk, ok, key=short(p), predicate=short(p), iri=str(p))
    for node in g.nodes:
        data = g.nodes[node]
        for name, values in attrs.get(node, {}).items():
            data[name] = " | ".join(sorted(set(values)))
        data["label"] = labels.get(node) or _local(node)
        data.setdefault("type", "")
        data["blank"] = node.startswith("_:")
    return g


def write(graph: Graph, path: str, fmt: str) -> nx.MultiDiGraph:
    """Write the networkx view of `graph` as GraphML or GEXF."""
    view = to_networkx(graph)
    if fmt == "graphml":
        nx.write_graphml(view, path)
    elif fmt == "gexf":
        nx.write_gexf(view, path)
    else:
        raise ValueError(f"unknown networkx format {fmt!r} (graphml, gexf)")
    return view

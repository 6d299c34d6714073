"""Study summaries: what `compare` shows of a study, stored with its paper.

On a large store every fact `compare` reads is an index lookup of its own
(~20 us on a 10,000-paper Oxigraph store: a study's design, arms,
interventions, outcomes and their evidence are ~100 of them), so reading 120
studies query by query took ~140 ms. Instead, when a paper graph is stored
(`store.replace_paper_graph`), each of its studies gets one triple
`<study> lkg:compareSummary "<JSON>"` in the same graph, written in the same
transaction: the study as the query-by-query read path (`compare.read_entries`)
gives it, read from a store holding only that paper graph, with every outcome
(the filters are applied when the summary is read) and the fields that name
the paper. `compare` then reads one literal per study.

The summary is derived, never a source: it is made from the graph written
with it, so the two agree; a study without one (a store written before
summaries, a graph loaded by other means) or whose summary is of another
version is read query by query, as before; `rebuild_summaries` writes them
for a store's paper graphs on demand.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from litkg.kg.compare import (
    Q_STUDIES_G,
    ArmInfo,
    Filters,
    InterventionInfo,
    OutcomeInfo,
    StudyEntry,
    by_graphs,
    read_entries,
    selected_graphs,
)
from litkg.kg.queries import select_plain, sparql_term
from litkg.kg.store import DERIVED_PREDICATE, KGStore, MemoryStore

#: the predicate of a study's summary (the store's derived triples, left out of exports)
SUMMARY = DERIVED_PREDICATE
#: the summary's layout; a summary of another version is not read
VERSION = 1
_XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"

Q_SUMMARIES = """SELECT ?study ?g ?json WHERE {{
  {block}
  GRAPH ?g {{ ?study lkg:compareSummary ?json }}
}}"""

Q_NOT_DECIMAL = """SELECT ?m WHERE {
  ?m lkg:timepointMonths ?tp . FILTER(datatype(?tp) != xsd:decimal)
}"""


@dataclass
class Summary:
    """A study's summary as read: the study without its outcomes, each
    outcome as (endpoint IRI, decimal timepoint or None, its JSON text: what
    the filters match, and the outcome decoded only when kept), and what
    names its paper (`papers.paper_meta`; None when the paper is not one)."""

    entry: StudyEntry
    outcomes: list[tuple[str, str | None, str]]
    paper_meta: dict[str, str] | None

    def restricted(self, f: Filters) -> StudyEntry:
        """The study with the outcomes the filters keep (those of the filtered
        endpoint at the filtered timepoint, as the outcome query binds them)."""
        b = f.bindings()
        ep = str(b["f_endpoint"]) if "f_endpoint" in b else None
        tp = str(b["f_timepoint"]) if "f_timepoint" in b else None
        e = self.entry
        e.outcomes = [
            _outcome(text)
            for k_ep, k_tp, text in self.outcomes
            if (ep is None or k_ep == ep) and (tp is None or k_tp == tp)
        ]
        return e


def _outcome(text: str) -> OutcomeInfo:
    o = json.loads(text)
    if o.get("ci") is not None:
        o["ci"] = tuple(o["ci"])
    return OutcomeInfo(**o)


def summary_json(
    entry: StudyEntry, keys: dict[str, tuple[str, str | None]], meta: dict[str, str] | None
) -> str:
    """The JSON text of a study's summary (`keys`: each outcome's endpoint IRI
    and decimal timepoint)."""
    d = asdict(entry)
    for k in ("label", "comparisons", "study_facts"):
        d.pop(k, None)
    outcomes = [
        [*keys.get(o["iri"] or "", ("", None)), json.dumps(o, ensure_ascii=False, sort_keys=True)]
        for o in d.pop("outcomes")
    ]
    doc = {"v": VERSION, "study": d, "outcomes": outcomes, "paper": meta}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def parse_summary(text: str) -> Summary | None:
    """A summary read back (None when it is of another version or malformed);
    its outcomes are decoded by `Summary.restricted`."""
    try:
        doc = json.loads(text)
        if doc.get("v") != VERSION:
            return None
        d = dict(doc["study"])
        d["arms"] = [ArmInfo(**a) for a in d.get("arms", ())]
        d["interventions"] = [InterventionInfo(**i) for i in d.get("interventions", ())]
        outs = [(str(ep), None if tp is None else str(tp), str(o)) for ep, tp, o in doc["outcomes"]]
        return Summary(StudyEntry(**d), outs, doc.get("paper"))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def read_summaries(
    store: KGStore, graphs: dict[str, set[str]], ids: list[str], chunk: int = 500
) -> tuple[list[Summary], list[str]]:
    """The summaries of the studies `ids` (each read from the one paper graph
    reporting it, `graphs`), and the studies without a usable one (to be read
    query by query), in the order of `ids`."""
    pairs = [(sid, next(iter(graphs[sid]))) for sid in ids if len(graphs.get(sid, ())) == 1]
    texts: dict[str, list[str]] = {}
    for i in range(0, len(pairs), chunk):
        data = " ".join(
            f"({sparql_term(_iri(s))} {sparql_term(_iri(g))})" for s, g in pairs[i : i + chunk]
        )
        block = f"VALUES (?study ?g) {{ {data} }}"
        for r in select_plain(store, Q_SUMMARIES.format(block=block)):
            texts.setdefault(r["study"], []).append(r["json"])
    found: list[Summary] = []
    missing: list[str] = []
    for sid in ids:
        got = texts.get(sid, [])
        s = parse_summary(got[0]) if len(got) == 1 else None
        if s is None or s.entry.study != sid:
            missing.append(sid)
        else:
            found.append(s)
    return found, missing


def _iri(s: str) -> Any:
    from rdflib import URIRef

    return URIRef(s)


def summaries_of(store: KGStore) -> dict[str, str]:
    """study IRI -> its summary JSON, for every study of a store holding one
    paper graph (the read path of `compare` on it, unfiltered)."""
    graphs = selected_graphs(store, Filters())
    first: dict[str, dict[str, str]] = {}
    for r in by_graphs(store, Q_STUDIES_G, graphs):
        first.setdefault(r["study"], r)
    raw: dict[str, tuple[str, str | None]] = {}
    entries = read_entries(store, Filters(), first, graphs, raw)
    not_decimal = {r["m"] for r in select_plain(store, Q_NOT_DECIMAL)}
    from litkg.kg.papers import paper_meta

    meta = paper_meta(store, [e.paper for e in entries])
    out = {}
    for e in entries:
        keys = {
            o.iri: (raw[o.iri][0], None if o.iri in not_decimal else raw[o.iri][1])
            for o in e.outcomes
            if o.iri in raw
        }
        out[e.study] = summary_json(e, keys, meta.get(e.paper))
    return out


def strip_summaries(nt: str) -> str:
    """N-Triples text without summary triples."""
    if SUMMARY not in nt:
        return nt
    tag = f"<{SUMMARY}>"
    return "".join(line for line in nt.splitlines(keepends=True) if tag not in line)


def summary_ntriples(name: str, nt: str) -> str:
    """The summary triples of the studies of a paper graph (its N-Triples
    text, stored under `name`); empty when it reports no study."""
    import pyoxigraph as ox

    from litkg.kg.link import nt_term

    mem = MemoryStore()
    try:
        mem.ox.load(nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
        found = summaries_of(mem)
    finally:
        mem.close()
    from rdflib import Literal

    return "".join(
        f"<{study}> <{SUMMARY}> {nt_term(Literal(text))} .\n"
        for study, text in sorted(found.items())
    )


def with_summaries(name: str, nt: str) -> str:
    """A paper graph's N-Triples with its studies' summaries (made afresh:
    summaries already in it are dropped first)."""
    nt = strip_summaries(nt)
    extra = summary_ntriples(name, nt)
    if not extra:
        return nt
    return nt + ("" if not nt or nt.endswith("\n") else "\n") + extra


def rebuild_summaries(store: KGStore, only_missing: bool = False) -> int:
    """Write the summaries of the studies of every paper graph of a writable
    store (all of them, or with `only_missing` those of graphs holding none);
    returns how many paper graphs were rewritten. Each graph's summaries are
    replaced in one update."""
    from litkg.kg.store import graph_to_ntriples, paper_graph_names

    have = set()
    if only_missing:
        rows = select_plain(
            store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s lkg:compareSummary ?j } }"
        )
        have = {r["g"] for r in rows}
    n = 0
    for g in paper_graph_names(store):
        if str(g) in have:
            continue
        nt = strip_summaries(_ntriples(store, g) or graph_to_ntriples(store.get_graph(g)))
        extra = summary_ntriples(str(g), nt)
        store.update(
            f"DELETE WHERE {{ GRAPH <{g}> {{ ?s <{SUMMARY}> ?o }} }}"
            + (f" ;\nINSERT DATA {{ GRAPH <{g}> {{\n{extra}\n}} }}" if extra else "")
        )
        n += 1
    return n


def _ntriples(store: KGStore, g: Any) -> str | None:
    """A graph's N-Triples straight from an embedded store (None elsewhere)."""
    oxs = getattr(store, "ox", None)
    if oxs is None:
        return None
    import pyoxigraph as ox

    return oxs.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(g))).decode()

"""Every fact of a paper as the graph holds it, each with its stable id.

A fact is one study field (title, DOI, journal, year, article type, phase,
population, each design feature, each registered trial), arm, intervention,
outcome measurement, adverse-event observation or reference. `list_facts`
reads them from the graph (one query per kind, the papers bound by a VALUES
block) and names each by `fact_id` over its paper, kind, evidence (page and
character span, quote) and field key (a study field's name; a node's content
digest), so the ids are the same on every rebuild from the same inputs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import URIRef

from litkg.kg.curation.ids import fact_id, node_key, node_kind
from litkg.kg.queries import local_name, number, select, sparql_term, text

#: Display order of the kinds.
KIND_ORDER = ("study", "arm", "intervention", "outcome", "adverse_event", "reference")

#: Study fields, in display order: (field, node it hangs on, predicate); lists marked.
STUDY_FIELDS = (
    ("title", "paper", "dcterms:title"),
    ("doi", "paper", "prism:doi"),
    ("journal", "paper", "prism:publicationName"),
    ("year", "paper", "fabio:hasPublicationYear"),
    ("article_type", "paper", "lkg:articleType"),
    ("phase", "study", "lkg:phase"),
    ("population", "study", "lkg:population"),
    ("design", "study", "lkg:design"),
    ("registration", "study", "lkg:registration"),
)
LIST_FIELDS = {"design", "registration"}

#: Fields of each kind of node, in display order: field -> (predicate, how it reads).
NODE_FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "arm": {"label": ("rdfs:label", "text"), "role": ("lkg:role", "name"), "n": ("lkg:n", "int")},
    "intervention": {
        "drug": ("lkg:drug", "name"),
        "dose": ("lkg:doseValue", "num"),
        "unit": ("lkg:doseUnit", "text"),
        "route": ("lkg:route", "name"),
        "days": ("lkg:days", "text"),
        "cycles": ("lkg:cycles", "int"),
    },
    "outcome": {
        "endpoint": ("lkg:endpoint", "name"),
        "statistic": ("lkg:statistic", "name"),
        "value": ("lkg:value", "num"),
        "unit": ("lkg:unit", "text"),
        "timepoint_months": ("lkg:timepointMonths", "num"),
        "ci_lower": ("lkg:ciLower", "num"),
        "ci_upper": ("lkg:ciUpper", "num"),
        "p": ("lkg:pValue", "num"),
        "arm": ("lkg:armLabel", "text"),
    },
    "adverse_event": {
        "term": ("lkg:adverseEvent", "name"),
        "grade": ("lkg:grade", "text"),
        "n": ("lkg:patientCount", "int"),
        "percent": ("lkg:percent", "num"),
        "arm": ("lkg:armLabel", "text"),
    },
    "reference": {
        "index": ("lkg:referenceIndex", "int"),
        "first_author": ("lkg:firstAuthor", "text"),
        "year": ("fabio:hasPublicationYear", "year"),
        "journal": ("prism:publicationName", "text"),
        "volume": ("prism:volume", "text"),
        "first_page": ("prism:startingPage", "text"),
        "doi": ("prism:doi", "text"),
        "title": ("dcterms:title", "text"),
    },
}

NODE_CLASS = {
    "arm": "lkg:Arm",
    "intervention": "lkg:Intervention",
    "outcome": "lkg:OutcomeMeasurement",
    "adverse_event": "lkg:AdverseEventObservation",
    "reference": "lkg:Reference",
}

Q_PAPERS = """SELECT ?paper ?study ?doc WHERE {
  %s
  ?paper a lkg:Paper .
  OPTIONAL { ?paper lkg:reports ?study }
  OPTIONAL { ?paper lkg:documentId ?doc }
}"""

Q_EVIDENCE = """SELECT ?node ?quote ?start ?end ?page ?rule WHERE {
  %s
  ?node lkg:evidence ?ev . ?ev oa:hasSelector ?sel . ?sel oa:exact ?quote .
  OPTIONAL { ?ev oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end }
  OPTIONAL { ?ev lkg:page ?page }
  OPTIONAL { ?ev lkg:extractionRule ?rule }
}"""


@dataclass
class Fact:
    """One fact of a paper: its stable `id`, kind, fields and evidence.

    `evidence` holds `quote`, `page`, `char_start`, `char_end`, `document` and
    `rule` (None when unknown). `node` is the fact's node in the graph (the
    study report for a study field, None for a fact a reviewer added).
    `review_status` is one of STATUSES (litkg.kg.curation.verdicts) once
    verdicts are applied; `corrections` maps a field to its value as
    extracted, for each field a reviewer corrected.
    """

    id: str
    kind: str
    paper: str
    fields: dict[str, Any]
    evidence: dict[str, Any] = field(default_factory=dict)
    node: str | None = None
    review_status: str = "extracted"
    corrections: dict[str, Any] = field(default_factory=dict)

    @property
    def field_key(self) -> str | None:
        """What tells this fact apart from others read from the same evidence."""
        if self.kind == "study":
            return study_field_key(self.fields)
        return node_key(self.node) if self.node else None

    def to_dict(self) -> dict[str, Any]:
        """The fact as JSON-ready data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        """A fact from `to_dict` output (unknown keys ignored)."""
        names = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in names})


def study_field_key(fields: dict[str, Any]) -> str:
    """The field key of a study fact: "phase"; "design:single-arm" for an item of a list."""
    (name, value), *_ = fields.items()
    return f"{name}:{value}" if name in LIST_FIELDS else name


def location_of(evidence: dict[str, Any]) -> dict[str, Any]:
    """The location part of an evidence dict (page and character span)."""
    return {k: evidence.get(k) for k in ("page", "char_start", "char_end")}


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ " + " ".join(sparql_term(URIRef(i)) for i in iris) + " }"


def _read(term: Any, how: str) -> Any:
    if term is None:
        return None
    if how == "name":
        return local_name(term)
    if how == "text":
        return text(term)
    if how == "year":
        y = text(term) or ""
        return int(y[:4]) if y[:4].isdigit() else None
    n = number(term)
    return int(n) if how == "int" and n is not None else n


def _evidence(store: Any, nodes: list[str], chunk: int = 400) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in range(0, len(nodes), chunk):
        for r in select(store, Q_EVIDENCE % _values("node", nodes[i : i + chunk])):
            start, end = number(r.get("start")), number(r.get("end"))
            page = number(r.get("page"))
            ev = {
                "quote": str(r["quote"]),
                "page": int(page) if page is not None else None,
                "char_start": int(start) if start is not None else None,
                "char_end": int(end) if end is not None else None,
                "rule": text(r.get("rule")),
            }
            if ev not in out[str(r["node"])]:
                out[str(r["node"])].append(ev)
    for evs in out.values():
        evs.sort(key=_ev_order)
    return out


def _ev_order(ev: dict[str, Any]) -> tuple[Any, ...]:
    s, e = ev.get("char_start"), ev.get("char_end")
    return (s is None, s or 0, e or 0, ev.get("quote") or "", ev.get("rule") or "")


def _fold(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def _study_evidence(name: str, value: Any, evs: list[dict[str, Any]]) -> dict[str, Any]:
    """The evidence of one study field among the study's: the first whose
    rule names the field (and, for a design feature, the feature; for a
    registration, one quoting its id)."""
    for ev in evs:
        parts = (ev.get("rule") or "").split(".")
        if parts[0] != name:
            continue
        if name == "design" and (len(parts) < 2 or parts[1] != value):
            continue
        if name == "registration" and _fold(str(value)) not in _fold(ev["quote"]):
            continue
        return ev
    return {}


def _study_value(name: str, term: Any) -> Any:
    if name == "year":
        return _read(term, "year")
    if name in ("article_type", "design"):
        return local_name(term)
    if name == "phase":
        p = local_name(term)
        return p.replace("-", "/") if p else None
    if name == "registration":
        from litkg.kg.iris import registration_from_iri

        reg = registration_from_iri(str(term))
        return reg.id if reg else str(term)
    return text(term)


def _make(kind: str, paper: str, fields: dict, ev: dict, doc: str | None, node: str | None) -> Fact:
    evidence = {
        "quote": ev.get("quote"),
        "page": ev.get("page"),
        "char_start": ev.get("char_start"),
        "char_end": ev.get("char_end"),
        "document": doc,
        "rule": ev.get("rule"),
    }
    f = Fact("", kind, paper, fields, evidence, node)
    f.id = fact_id(paper, kind, location_of(evidence), evidence["quote"], f.field_key)
    return f


def facts_of_papers(store: Any, papers: Iterable[str], chunk: int = 100) -> list[Fact]:
    """Every fact of the given papers (IRIs), in paper, kind and field order."""
    uniq = sorted({str(p) for p in papers})
    facts: list[Fact] = []
    for i in range(0, len(uniq), chunk):
        facts += _facts_chunk(store, uniq[i : i + chunk])
    return facts


def _facts_chunk(store: Any, papers: list[str]) -> list[Fact]:
    info = {str(r["paper"]): r for r in select(store, Q_PAPERS % _values("paper", papers))}
    study_of = {p: str(r["study"]) for p, r in info.items() if r.get("study") is not None}
    doc_of = {p: text(r.get("doc")) for p, r in info.items()}
    paper_of_study = {s: p for p, s in study_of.items()}
    out: list[Fact] = []
    # nodes of each kind, with their fields
    nodes: dict[str, tuple[str, str, dict[str, Any]]] = {}  # node -> (kind, paper, fields)
    for kind, fields in NODE_FIELDS.items():
        opts = " ".join(f"OPTIONAL {{ ?node {p} ?{k} }}" for k, (p, _) in fields.items())
        if kind == "reference":
            head = f"{_values('paper', papers)} ?paper lkg:reference ?node ."
        else:
            head = f"{_values('study', study_of.values())} ?node a {NODE_CLASS[kind]} ; lkg:study ?study ."
        for r in select(store, f"SELECT * WHERE {{ {head} {opts} }}"):
            node = str(r["node"])
            if node in nodes or node_kind(node) is None:
                continue
            paper = str(r["paper"]) if kind == "reference" else paper_of_study[str(r["study"])]
            nodes[node] = (kind, paper, {k: _read(r.get(k), how) for k, (_, how) in fields.items()})
    # study fields (one query per field: a cross product of optional lists would explode)
    study_vals: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for name, on, pred in STUDY_FIELDS:
        if on == "paper":
            q = f"SELECT ?paper ?v WHERE {{ {_values('paper', papers)} ?paper {pred} ?v }}"
        else:
            q = f"SELECT ?study ?v WHERE {{ {_values('study', study_of.values())} ?study {pred} ?v }}"
        for r in select(store, q):
            paper = str(r["paper"]) if on == "paper" else paper_of_study[str(r["study"])]
            value = _study_value(name, r["v"])
            if value is not None and (name, value) not in study_vals[paper]:
                study_vals[paper].append((name, value))
    evs = _evidence(store, sorted(nodes) + sorted(study_of.values()))
    order = {n: i for i, (n, *_) in enumerate(STUDY_FIELDS)}
    for paper in papers:
        study = study_of.get(paper)
        vals = sorted(study_vals.get(paper, []), key=lambda nv: (order[nv[0]], str(nv[1])))
        for name, value in vals:
            ev = _study_evidence(name, value, evs.get(study or "", []))
            out.append(_make("study", paper, {name: value}, ev, doc_of.get(paper), study))
    for node in sorted(nodes, key=lambda n: (nodes[n][1], KIND_ORDER.index(nodes[n][0]), n)):
        kind, paper, fields = nodes[node]
        ev = (evs.get(node) or [{}])[0]
        out.append(_make(kind, paper, fields, ev, doc_of.get(paper), node))
    out.sort(key=lambda f: (f.paper, KIND_ORDER.index(f.kind)))
    return _unique(out)


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per id (two nodes can only share an id if their content digests collide)."""
    seen: set[str] = set()
    out = []
    for f in facts:
        if f.id not in seen:
            seen.add(f.id)
            out.append(f)
    return out


def list_facts(store: Any, paper: str) -> list[Fact]:
    """Every fact of one paper (its DOI, document id or IRI), each with its
    stable id, kind, fields and evidence; `PaperNotFound` (litkg.kg.show) for
    an unknown paper. Verdicts are not applied: see `Curation.apply`."""
    from litkg.kg.show import find_paper

    return facts_of_papers(store, [str(find_paper(store, paper))])


def all_papers(store: Any) -> list[str]:
    """IRIs of every paper of the store."""
    return sorted(
        str(r["paper"])
        for r in select(store, "SELECT DISTINCT ?paper WHERE { ?paper a lkg:Paper }")
    )


Q_NODE_COUNT = """SELECT ?paper (COUNT(DISTINCT ?node) AS ?n) WHERE {
  %s
  ?paper lkg:reports ?study . ?node a %s ; lkg:study ?study .
} GROUP BY ?paper"""


def fact_counts(store: Any, papers: Iterable[str], chunk: int = 500) -> dict[str, int]:
    """How many facts each paper has, as `facts_of_papers` lists them, counted
    in the store (aggregate queries, no ids computed): for status overviews of
    papers no verdict concerns."""
    uniq = sorted({str(p) for p in papers})
    counts: dict[str, int] = dict.fromkeys(uniq, 0)
    for i in range(0, len(uniq), chunk):
        vals = _values("paper", uniq[i : i + chunk])
        queries = [Q_NODE_COUNT % (vals, NODE_CLASS[k]) for k in NODE_FIELDS if k != "reference"]
        queries.append(
            f"SELECT ?paper (COUNT(DISTINCT ?node) AS ?n) WHERE {{ {vals} ?paper lkg:reference ?node }} GROUP BY ?paper"
        )
        for _, on, pred in STUDY_FIELDS:
            head = "?paper" if on == "paper" else "?paper lkg:reports ?s . ?s"
            queries.append(
                f"SELECT ?paper (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {vals} {head} {pred} ?v }} GROUP BY ?paper"
            )
        for q in queries:
            for r in select(store, q):
                counts[str(r["paper"])] += int(number(r["n"]) or 0)
    return counts

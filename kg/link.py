"""Cross-paper linking: the shared graph, recomputed from all paper graphs.

Paper graphs only point at shared nodes (a trial by its registry IRI, a cited
work by its DOI or key IRI, a drug or adverse-event concept by its minted
IRI). `shared_graph` describes those nodes once and adds the links no single
paper can know:

- registered trials: `lkg:Trial` nodes with registry and identifier; papers
  reporting the same trial point at the same node;
- cited works: typed and described once; works that are the same work under
  two IRIs (one reference printed the DOI, another did not; abbreviations
  differ) are joined with `owl:sameAs`; a work that is a corpus paper gets
  `lkg:resolvesTo` that paper, and the citing paper `cito:cites` it directly;
- concepts: drug and adverse-event concepts (labels, and synonyms / codes from
  `ontology/vocab/*.json` when those files exist).

Works from a `KGStore` or from an rdflib Graph holding paper graphs.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any, TextIO
from urllib.parse import unquote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS
from rdflib.term import Node

from litkg.kg import iris
from litkg.ontology.namespace import (
    AE,
    CITO,
    DRUG,
    FABIO,
    LKG,
    OBO,
    PRISM,
    REGISTRY,
    bind_prefixes,
)

Q_PAPERS = """
PREFIX lkg: <https://w3id.org/litkg/ns#>
PREFIX prism: <http://prismstandard.org/namespaces/basic/2.0/>
PREFIX fabio: <http://purl.org/spar/fabio/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?paper ?doi ?journal ?year ?author ?volume ?page ?title ?doc WHERE {
  ?paper a lkg:Paper .
  OPTIONAL { ?paper prism:doi ?doi }
  OPTIONAL { ?paper prism:publicationName ?journal }
  OPTIONAL { ?paper fabio:hasPublicationYear ?year }
  OPTIONAL { ?paper lkg:firstAuthor ?author }
  OPTIONAL { ?paper prism:volume ?volume }
  OPTIONAL { ?paper prism:startingPage ?page }
  OPTIONAL { ?paper dcterms:title ?title }
  OPTIONAL { ?paper lkg:documentId ?doc }
}"""

Q_REFERENCES = """
PREFIX lkg: <https://w3id.org/litkg/ns#>
PREFIX prism: <http://prismstandard.org/namespaces/basic/2.0/>
PREFIX fabio: <http://purl.org/spar/fabio/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?paper ?ref ?index ?work ?doi ?journal ?year ?author ?volume ?page ?title WHERE {
  ?paper lkg:reference ?ref .
  ?ref lkg:citedWork ?work .
  OPTIONAL { ?ref lkg:referenceIndex ?index }
  OPTIONAL { ?ref prism:doi ?doi }
  OPTIONAL { ?ref prism:publicationName ?journal }
  OPTIONAL { ?ref fabio:hasPublicationYear ?year }
  OPTIONAL { ?ref lkg:firstAuthor ?author }
  OPTIONAL { ?ref prism:volume ?volume }
  OPTIONAL { ?ref prism:startingPage ?page }
  OPTIONAL { ?ref dcterms:title ?title }
}"""

Q_TRIALS = """
PREFIX lkg: <https://w3id.org/litkg/ns#>
SELECT ?paper ?trial WHERE { ?paper lkg:reports ?study . ?study lkg:registration ?trial }"""

Q_DRUGS = """
PREFIX lkg: <https://w3id.org/litkg/ns#>
SELECT DISTINCT ?c WHERE { ?x lkg:drug ?c }"""

Q_AES = """
PREFIX lkg: <https://w3id.org/litkg/ns#>
SELECT DISTINCT ?c WHERE { ?x lkg:adverseEvent ?c }"""


def _select(source: Any, sparql: str) -> Iterator[dict[str, str]]:
    """SELECT rows from a KGStore (streamed, as plain values: never a whole
    corpus's references as rdflib terms) or an rdflib Graph / Dataset (union
    of graphs); each value is the term's text (`str` of the rdflib term)."""
    if isinstance(source, Graph):
        for row in source.query(sparql):
            yield {k: str(v) for k, v in row.asdict().items() if v is not None}
        return
    yield from source.select_values(sparql)[1]


def _s(row: Mapping[str, Node], key: str) -> str | None:
    v = row.get(key)
    return None if v is None else str(v)


def _year(row: Mapping[str, Node]) -> int | None:
    y = _s(row, "year")
    try:
        return int(y[:4]) if y else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Bib:
    """What is known of a work to match it: DOI and/or author, year, journal, volume, page."""

    doi: str | None
    author: str
    year: int | None
    journal: str | None
    volume: str
    page: str
    title: str = ""

    @classmethod
    def of(cls, row: Mapping[str, Node]) -> Bib:
        return cls(
            doi=iris.norm_doi(_s(row, "doi")),
            author=iris.fold(_s(row, "author") or ""),
            year=_year(row),
            journal=_s(row, "journal"),
            volume=iris.norm_volume(_s(row, "volume")),
            page=iris.norm_page(_s(row, "page")),
            title=iris.fold(_s(row, "title") or ""),
        )

    def agrees(self, other: Bib) -> bool:
        """No contradiction between two descriptions of a work: the same first
        author and year wherever both give one. A reference whose DOI is a
        paper's but whose author or year is not (the page footer with the
        citing paper's own DOI swallowed by the last entry) is another work."""
        if self.author and other.author and self.author != other.author:
            return False
        return not (self.year and other.year and self.year != other.year)

    def same_work(self, other: Bib, require_author: bool = True) -> bool:
        """Same DOI (and no contradicting author or year); or, without a DOI on
        both sides, the same first author (when required) and year and one of:
        the same first page with a compatible journal and equal volume when both
        have one, or the same title."""
        if self.doi and other.doi:
            return self.doi == other.doi and self.agrees(other)
        if not self.year or self.year != other.year:
            return False
        if require_author or (self.author and other.author):
            if not self.author or self.author != other.author:
                return False
        elif not (self.journal and other.journal):
            return False  # no author on one side: the journal must confirm
        if self.title and other.title and self.title == other.title:
            return True
        if not self.page or self.page != other.page:
            return False
        if self.volume and other.volume and self.volume != other.volume:
            return False
        return iris.journal_compatible(self.journal, other.journal)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Links:
    """The cross-paper links found (what `shared_graph` writes, as plain data)."""

    shared_trials: dict[str, list[str]] = field(default_factory=dict)
    shared_works: dict[str, list[str]] = field(default_factory=dict)
    same_as: list[tuple[str, str]] = field(default_factory=list)
    resolved: list[tuple[str, str, str]] = field(default_factory=list)  # citing, work, paper

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return {
            "shared_trials": self.shared_trials,
            "works_cited_by_several_papers": len(self.shared_works),
            "shared_works": self.shared_works,
            "same_work_links": [list(p) for p in self.same_as],
            "citations_resolved_to_corpus_papers": [list(t) for t in self.resolved],
        }


def _vocab(name: str) -> dict[str, Any]:
    try:
        path = files("litkg.ontology") / "vocab" / name
        if not path.is_file():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, ModuleNotFoundError):
        return {}


def _concept_entries(doc: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    """The term -> entry mapping of a vocabulary file, whatever its shape: a
    mapping under one of `keys`, a list of {"term": ..., "synonyms": [...]}
    entries under one of `keys`, or a top-level mapping."""
    for k in keys:
        v = doc.get(k)
        if isinstance(v, Mapping):
            return dict(v)
        if isinstance(v, list):
            return {
                str(e["term"]).strip().lower(): e
                for e in v
                if isinstance(e, Mapping) and isinstance(e.get("term"), str)
            }
    return {k: v for k, v in doc.items() if not k.startswith("_") and isinstance(v, list | dict)}


def _label_of(iri: str, ns: str) -> str:
    return unquote(iri[len(ns) :]).replace("_", " ")


def _add_concept(g: Any, iri: URIRef, cls: URIRef, scheme: URIRef, label: str, entry: Any) -> None:
    g.add((iri, RDF.type, cls))
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, SKOS.inScheme, scheme))
    g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
    synonyms: list[str] = []
    codes: dict[str, Any] = {}
    if isinstance(entry, list):
        synonyms = [s for s in entry if isinstance(s, str)]
    elif isinstance(entry, Mapping):
        for k in ("synonyms", "terms", "aliases"):
            if isinstance(entry.get(k), list):
                synonyms += [s for s in entry[k] if isinstance(s, str)]
        codes = {k.lower(): v for k, v in entry.items() if isinstance(v, str)}
    for s in sorted(set(synonyms)):
        if s.strip() and s.strip().lower() != label:
            g.add((iri, SKOS.altLabel, Literal(s.strip(), lang="en")))
    # Codes given by the vocabulary file (its authors vouch for them).
    ncit = re.search(r"C\d+", str(codes.get("ncit") or codes.get("ncit_code") or "").upper())
    if ncit:
        g.add((iri, SKOS.exactMatch, OBO["NCIT_" + ncit.group(0)]))
    meddra = str(codes.get("meddra") or codes.get("meddra_code") or "")
    if meddra.isdigit():
        g.add((iri, SKOS.notation, Literal("MedDRA:" + meddra)))


def compute_links(source: Any) -> tuple[Graph, Links]:
    """The shared graph and the links it holds, from a store or an rdflib graph."""
    g = bind_prefixes(Graph())
    links = emit_shared(source, g)
    return g, links


def write_shared(source: Any, out: TextIO) -> tuple[int, Links]:
    """Write the shared graph as N-Triples lines to `out`, triple by triple
    (the graph is never held whole: its size grows with the corpus's cited
    works); returns the number of lines written (a triple found twice is
    written twice) and the links."""
    sink = _NTriplesWriter(out)
    links = emit_shared(source, sink)
    return sink.count, links


class _NTriplesWriter:
    """A sink of `emit_shared` writing each triple as an N-Triples line."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def add(self, t: tuple[Node, Node, Node]) -> None:
        self.out.write(f"{nt_term(t[0])} {nt_term(t[1])} {nt_term(t[2])} .\n")
        self.count += 1


def nt_term(term: Node) -> str:
    """An IRI or literal in N-Triples syntax."""
    if isinstance(term, Literal):
        lex = (
            str(term).replace("\\", "\\\\").replace('"', '\\"')
            .replace("\n", "\\n").replace("\r", "\\r")
        )  # fmt: skip
        if term.language:
            return f'"{lex}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != str(XSD.string):
            return f'"{lex}"^^<{term.datatype}>'
        return f'"{lex}"'
    if isinstance(term, URIRef):
        return f"<{term}>"
    raise TypeError(f"the shared graph holds IRIs and literals only, not {term!r}")


def emit_shared(source: Any, g: Any) -> Links:
    """Compute the shared graph from a store or an rdflib graph, handing each
    triple to `g.add` as it is found (`g` an rdflib Graph, or any sink with
    that method); returns the links."""
    links = Links()

    # --- trials
    trial_papers: dict[str, set[str]] = defaultdict(set)
    for row in _select(source, Q_TRIALS):
        trial_papers[str(row["trial"])].add(str(row["paper"]))
    for trial, papers in sorted(trial_papers.items()):
        reg = iris.registration_from_iri(trial)
        t = URIRef(trial)
        g.add((t, RDF.type, LKG.Trial))
        if reg:
            g.add((t, LKG.registryId, Literal(reg.id)))
            g.add((t, LKG.registry, REGISTRY[reg.registry]))
            g.add((t, RDFS.label, Literal(reg.id)))
        if len(papers) > 1:
            links.shared_trials[trial] = sorted(papers)

    # --- corpus papers
    papers = {str(r["paper"]): Bib.of(r) for r in _select(source, Q_PAPERS)}
    # blocking: a citation can only be a paper of the same year and first page, or DOI
    paper_index: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    paper_by_doi: dict[str, list[str]] = defaultdict(list)
    for p, pb in papers.items():
        if pb.year and pb.page:
            paper_index[(pb.year, pb.page)].append(p)
        if pb.year and pb.title:
            paper_index[(pb.year, "title:" + pb.title)].append(p)
        if pb.doi:
            paper_by_doi[pb.doi].append(p)

    # --- cited works: each work described from its first reference in
    # (work, reference) order, read row by row
    first: dict[str, tuple[str, dict[str, str]]] = {}
    work_citers: dict[str, set[str]] = defaultdict(set)
    for row in _select(source, Q_REFERENCES):
        w = row["work"]
        work_citers[w].add(row["paper"])
        seen = first.get(w)
        if seen is None or row["ref"] < seen[0]:
            first[w] = (row["ref"], row)
    work_bib: dict[str, Bib] = {}
    for w in sorted(first):
        row = first.pop(w)[1]
        b = Bib.of(row)
        if w not in work_bib:
            work_bib[w] = b
            wn = URIRef(w)
            g.add((wn, RDF.type, LKG.CitedWork))
            key = iris.work_key(
                b.doi,
                iris.bib_key(
                    _s(row, "author"),
                    b.year,
                    b.journal,
                    _s(row, "volume"),
                    _s(row, "page"),
                    _s(row, "title"),
                ),
            )
            if key:
                g.add((wn, LKG.workKey, Literal(key)))
            if w in papers:
                continue  # a corpus paper describes itself; a reference's spelling is not its own
            for pred, k in (
                (LKG.firstAuthor, "author"),
                (PRISM.publicationName, "journal"),
                (PRISM.volume, "volume"),
                (PRISM.startingPage, "page"),
                (PRISM.doi, "doi"),
            ):
                if _s(row, k):
                    g.add((wn, pred, Literal(_s(row, k))))
            if b.year:
                g.add((wn, FABIO.hasPublicationYear, Literal(f"{b.year:04d}", datatype=XSD.gYear)))

    # same work under several IRIs: compare within (author, year) blocks
    uf = _UnionFind()
    blocks: dict[tuple[str, int | None], list[str]] = defaultdict(list)
    for w, b in work_bib.items():
        uf.find(w)
        if b.author and b.year:
            blocks[(b.author, b.year)].append(w)
    for members in blocks.values():
        for i, a in enumerate(members):
            for b2 in members[i + 1 :]:
                if work_bib[a].same_work(work_bib[b2]):
                    uf.union(a, b2)
    clusters: dict[str, list[str]] = defaultdict(list)
    for w in work_bib:
        clusters[uf.find(w)].append(w)
    for members in clusters.values():
        members.sort(key=lambda w: (not w.startswith("https://doi.org/"), w))
        canon = members[0]
        for other in members[1:]:
            g.add((URIRef(other), OWL.sameAs, URIRef(canon)))
            links.same_as.append((other, canon))
        citers = set().union(*(work_citers[m] for m in members))
        if len(citers) > 1:
            links.shared_works[canon] = sorted(citers)

        # resolve to a corpus paper
        target = None
        for m in members:
            if m in papers and work_bib[m].agrees(papers[m]):
                target = m
                break
        if target is None:
            candidates = sorted(
                {
                    p
                    for m in members
                    for p in paper_index.get((work_bib[m].year, work_bib[m].page), ())
                }
                | {
                    p
                    for m in members
                    for p in paper_index.get((work_bib[m].year, "title:" + work_bib[m].title), ())
                    if work_bib[m].title
                }
                | {
                    p
                    for m in members
                    if work_bib[m].doi
                    for p in paper_by_doi.get(work_bib[m].doi, ())
                }
            )
            for p in candidates:
                if any(work_bib[m].same_work(papers[p], require_author=False) for m in members):
                    target = p
                    break
        if target is None:
            continue
        for m in members:
            # also when the work is the paper under its own IRI: readers follow
            # lkg:resolvesTo only, so a DOI that is not the reference's own
            # (cited under the paper's IRI, see Bib.agrees) resolves to nothing
            g.add((URIRef(m), LKG.resolvesTo, URIRef(target)))
        for citer in sorted(citers):
            if citer != target:
                g.add((URIRef(citer), CITO.cites, URIRef(target)))
                links.resolved.append((citer, canon, target))

    add_concepts(g, source)
    return links


def shared_graph(source: Any) -> Graph:
    """The shared graph (trials, cited works, concepts, cross-paper links),
    recomputed from all paper graphs of a store (or an rdflib graph of them)."""
    return compute_links(source)[0]


def union_of(graphs: Iterable[Graph]) -> Graph:
    """One rdflib Graph holding the triples of several paper graphs."""
    out = Graph()
    for g in graphs:
        for t in g:
            out.add(t)
    return out


def render_links(links: Links, labels: Mapping[str, str], fmt: str = "table") -> str:
    """`litkg links`: shared trials, works cited by several papers and citations
    resolved to corpus papers, papers named by citation (`labels`: IRI -> label).
    JSON gives each paper as IRI plus label, like every command."""

    def paper(iri: str) -> dict[str, str]:
        return {"iri": iri, "label": labels.get(iri, iri)}

    if fmt == "json":
        return json.dumps(
            {
                "shared_trials": {
                    t: [paper(p) for p in ps] for t, ps in links.shared_trials.items()
                },
                "works_cited_by_several_papers": len(links.shared_works),
                "shared_works": {w: [paper(p) for p in ps] for w, ps in links.shared_works.items()},
                "same_work_links": [list(p) for p in links.same_as],
                "citations_resolved_to_corpus_papers": [
                    {"citing": paper(c), "work": w, "cited": paper(t)} for c, w, t in links.resolved
                ],
            },
            indent=1,
            ensure_ascii=False,
        )
    from litkg.kg.textgrid import render_rows, to_csv, to_markdown

    rows = [
        ["shared trial", t, labels.get(p, p)] for t, ps in links.shared_trials.items() for p in ps
    ]
    rows += [
        ["shared cited work", w, labels.get(p, p)]
        for w, ps in links.shared_works.items()
        for p in ps
    ]
    rows += [
        ["citation resolved", labels.get(t, t), labels.get(c, c)] for c, _, t in links.resolved
    ]
    header = ["link", "trial / work / cited paper", "paper"]
    if fmt == "csv":
        return to_csv(header, rows).rstrip("\n")
    if fmt == "markdown":
        return to_markdown(header, rows)
    if fmt == "table":
        return render_rows(header, rows, max_width=60) if rows else "no cross-paper links"
    raise ValueError(f"unknown format {fmt!r}; one of table, csv, json, markdown")


def add_concepts(g: Graph, source: Any) -> None:
    """Add to `g` a SKOS concept for every drug and adverse-event term the
    papers of `source` (a KGStore or an rdflib graph) use, with its vocabulary
    entry's labels and codes."""
    add_concept_terms(
        g,
        (row["c"] for row in _select(source, Q_DRUGS)),
        (row["c"] for row in _select(source, Q_AES)),
    )


def add_concept_terms(g: Graph, drugs: Iterable[str], aes: Iterable[str]) -> None:
    """Add to `g` a SKOS concept for each drug and adverse-event term IRI given
    (IRIs outside litkg's drug and adverse-event namespaces are left out)."""
    drug_vocab = _concept_entries(_vocab("drugs.json"), "drugs")
    for iri in drugs:
        if iri.startswith(str(DRUG)):
            label = _label_of(iri, str(DRUG))
            _add_concept(
                g, URIRef(iri), LKG.DrugConcept, LKG.DrugScheme, label, drug_vocab.get(label)
            )
    ae_vocab = _concept_entries(_vocab("adverse_events.json"), "adverse_events", "terms")
    for iri in aes:
        if iri.startswith(str(AE)):
            label = _label_of(iri, str(AE))
            _add_concept(
                g,
                URIRef(iri),
                LKG.AdverseEventTerm,
                LKG.AdverseEventScheme,
                label,
                ae_vocab.get(label),
            )

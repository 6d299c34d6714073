"""The shared graph of a store computed in bounded memory (the end of a build).

`link.emit_shared` keeps the whole corpus's cited works, their citing papers
and the corpus papers in Python dicts, and asks the store for every reference
of the corpus in one query (whose OPTIONAL joins Oxigraph evaluates in
memory): its peak grows with the corpus (bench/speed.py: 103 MiB at 500
papers, 205 MiB at 2,000; 2.4 GB at the end of the 4,366-paper PMC build).

Here the same computation reads the store graph by graph (one graph per
query) into a temporary SQLite database on disk, and works from
there: the first reference of each cited work in (work, reference) order,
the same-work clusters within each (first author, year) block, their citing
papers and the corpus paper they resolve to, and the drug and adverse-event
concepts the papers use (a DISTINCT over the union of graphs would hold them
all in Oxigraph's memory). What stays in memory is one block of works,
SQLite's page cache and the store's read caches, released every
REOPEN_EVERY graphs, whatever the corpus size. The triples
are those of `link.emit_shared` (tests/test_shared_streamed.py); the links
summary (`litkg links`) still comes from `link.compute_links`.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import OWL

from litkg.kg import iris
from litkg.kg.link import (
    Bib,
    _NTriplesWriter,
    _s,
    _select,
    _UnionFind,
    add_concept_terms,
)
from litkg.ontology.namespace import CITO, FABIO, LKG, PRISM, REGISTRY

_PREFIXES = """PREFIX lkg: <https://w3id.org/litkg/ns#>
PREFIX prism: <http://prismstandard.org/namespaces/basic/2.0/>
PREFIX fabio: <http://purl.org/spar/fabio/>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

Q_TRIALS_G = (
    _PREFIXES
    + """SELECT ?trial WHERE {
  GRAPH <%s> { ?paper lkg:reports ?study . ?study lkg:registration ?trial } }"""
)

Q_PAPERS_G = (
    _PREFIXES
    + """SELECT ?paper ?doi ?journal ?year ?author ?volume ?page ?title WHERE {
  GRAPH <%s> {
  ?paper a lkg:Paper .
  OPTIONAL { ?paper prism:doi ?doi }
  OPTIONAL { ?paper prism:publicationName ?journal }
  OPTIONAL { ?paper fabio:hasPublicationYear ?year }
  OPTIONAL { ?paper lkg:firstAuthor ?author }
  OPTIONAL { ?paper prism:volume ?volume }
  OPTIONAL { ?paper prism:startingPage ?page }
  OPTIONAL { ?paper dcterms:title ?title }
} }"""
)

Q_REFERENCES_G = (
    _PREFIXES
    + """SELECT ?paper ?ref ?work ?doi ?journal ?year ?author ?volume ?page ?title WHERE {
  GRAPH <%s> {
  ?paper lkg:reference ?ref .
  ?ref lkg:citedWork ?work .
  OPTIONAL { ?ref prism:doi ?doi }
  OPTIONAL { ?ref prism:publicationName ?journal }
  OPTIONAL { ?ref fabio:hasPublicationYear ?year }
  OPTIONAL { ?ref lkg:firstAuthor ?author }
  OPTIONAL { ?ref prism:volume ?volume }
  OPTIONAL { ?ref prism:startingPage ?page }
  OPTIONAL { ?ref dcterms:title ?title }
} }"""
)

Q_CONCEPTS_G = (
    _PREFIXES
    + """SELECT DISTINCT ?p ?c WHERE {
  GRAPH <%s> { ?x ?p ?c . VALUES ?p { lkg:drug lkg:adverseEvent } } }"""
)

#: graphs read between two reopenings of an embedded store (OxigraphStore.reopen)
REOPEN_EVERY = 100

_SCHEMA = """
CREATE TABLE trials (trial TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE papers (iri TEXT PRIMARY KEY, bib TEXT) WITHOUT ROWID;
CREATE TABLE refs (work TEXT, ref TEXT, paper TEXT, row TEXT);
CREATE TABLE works (work TEXT PRIMARY KEY, author TEXT, year INTEGER, bib TEXT) WITHOUT ROWID;
CREATE TABLE concepts (kind TEXT, iri TEXT, PRIMARY KEY (kind, iri)) WITHOUT ROWID;
"""
_BIB_FIELDS = ("doi", "author", "year", "journal", "volume", "page", "title")


def _bib_json(b: Bib) -> str:
    return json.dumps([getattr(b, k) for k in _BIB_FIELDS])


def _bib(text: str) -> Bib:
    return Bib(*json.loads(text))


def write_shared_streamed(store: Any, out: TextIO, scratch: str | None = None) -> int:
    """Write the shared graph of a store (`link.emit_shared`'s triples) as
    N-Triples lines to `out`; returns the lines written. `scratch`: the
    folder of the temporary database (the system's temporary folder)."""
    sink = _NTriplesWriter(out)
    with tempfile.TemporaryDirectory(prefix="litkg-shared-", dir=scratch) as tmp:
        db = sqlite3.connect(str(Path(tmp) / "shared.sqlite"))
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("PRAGMA cache_size=-8192")  # KiB: the page cache stays small
            db.execute("PRAGMA temp_store=FILE")
            db.executescript(_SCHEMA)
            _read(store, db)
            if hasattr(store, "reopen"):
                store.reopen()  # what reading cached is released before the database's work
            _emit(db, sink)
        finally:
            db.close()
    return sink.count


def _read(store: Any, db: sqlite3.Connection) -> None:
    """The store's trials, corpus papers, references and the drug and
    adverse-event concepts they use into the database, one graph per query
    (the graph a constant: bound by VALUES, Oxigraph evaluates the OPTIONAL
    patterns over every graph, once per query)."""
    reopen = getattr(store, "reopen", None)
    names = store.graph_names()
    for i, g in enumerate(names):
        if reopen is not None and i % REOPEN_EVERY == 0:
            reopen()  # an embedded store's read caches grow with what it read (and listed)
        values = str(g)
        db.executemany(
            "INSERT OR IGNORE INTO concepts VALUES (?, ?)",
            ((r["p"], r["c"]) for r in _select(store, Q_CONCEPTS_G % values)),
        )
        db.executemany(
            "INSERT OR IGNORE INTO trials VALUES (?)",
            ((r["trial"],) for r in _select(store, Q_TRIALS_G % values)),
        )
        # a paper described by several rows is described by its last (link.emit_shared)
        db.executemany(
            "INSERT OR REPLACE INTO papers VALUES (?, ?)",
            ((r["paper"], _bib_json(Bib.of(r))) for r in _select(store, Q_PAPERS_G % values)),
        )
        db.executemany(
            "INSERT INTO refs VALUES (?, ?, ?, ?)",
            (
                (r["work"], r["ref"], r["paper"], json.dumps(r))
                for r in _select(store, Q_REFERENCES_G % values)
            ),
        )
    db.execute("CREATE INDEX refs_work ON refs (work, ref)")
    db.commit()


def _emit(db: sqlite3.Connection, g: Any) -> None:
    # --- trials
    for (trial,) in db.execute("SELECT trial FROM trials ORDER BY trial"):
        reg = iris.registration_from_iri(trial)
        t = URIRef(trial)
        g.add((t, RDF.type, LKG.Trial))
        if reg:
            g.add((t, LKG.registryId, Literal(reg.id)))
            g.add((t, LKG.registry, REGISTRY[reg.registry]))
            g.add((t, RDFS.label, Literal(reg.id)))

    # --- corpus papers: looked up by IRI, (year, first page), (year, title), DOI
    papers = _Papers(db)

    # --- cited works: each described from its first reference in (work, reference) order
    last = None
    rows = db.execute("SELECT work, row FROM refs ORDER BY work, ref, rowid")
    out = db.cursor()
    for w, text in rows:
        if w == last:
            continue
        last = w
        row = json.loads(text)
        b = Bib.of(row)
        out.execute(
            "INSERT INTO works VALUES (?, ?, ?, ?)",
            (w, b.author, b.year if b.author and b.year else None, _bib_json(b)),
        )
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
        if papers.get(w) is not None:
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
    db.execute("CREATE INDEX works_block ON works (author, year, work)")
    db.commit()

    # same work under several IRIs: within (author, year) blocks, one block at a time
    for members in _blocks(db):
        uf = _UnionFind()
        bibs = dict(members)
        ws = [w for w, _ in members]
        for w in ws:
            uf.find(w)
        for i, a in enumerate(ws):
            for b2 in ws[i + 1 :]:
                if bibs[a].same_work(bibs[b2]):
                    uf.union(a, b2)
        clusters: dict[str, list[str]] = {}
        for w in ws:
            clusters.setdefault(uf.find(w), []).append(w)
        for cluster in clusters.values():
            _cluster(db, papers, g, cluster, bibs)

    add_concept_terms(g, _concepts(db, LKG.drug), _concepts(db, LKG.adverseEvent))


def _concepts(db: sqlite3.Connection, predicate: URIRef) -> Iterator[str]:
    rows = db.execute("SELECT iri FROM concepts WHERE kind = ? ORDER BY iri", (str(predicate),))
    return (iri for (iri,) in rows)


def _blocks(db: sqlite3.Connection) -> Iterator[list[tuple[str, Bib]]]:
    """The cited works in (first author, year) blocks, one list at a time; a
    work without both is a block of its own."""
    block: list[tuple[str, Bib]] = []
    key = None
    for w, author, year, bib in db.execute(
        "SELECT work, author, year, bib FROM works ORDER BY year IS NULL, author, year, work"
    ):
        if year is None:
            if block:
                yield block
                block = []
            yield [(w, _bib(bib))]
            continue
        if (author, year) != key and block:
            yield block
            block = []
        key = (author, year)
        block.append((w, _bib(bib)))
    if block:
        yield block


def _cluster(
    db: sqlite3.Connection, papers: _Papers, g: Any, members: list[str], bibs: dict[str, Bib]
) -> None:
    """The triples of one cluster of works that are one work (link.emit_shared)."""
    members.sort(key=lambda w: (not w.startswith("https://doi.org/"), w))
    canon = members[0]
    for other in members[1:]:
        g.add((URIRef(other), OWL.sameAs, URIRef(canon)))
    target = None
    for m in members:
        p = papers.get(m)
        if p is not None and bibs[m].agrees(p):
            target = m
            break
    if target is None:
        candidates: set[str] = set()
        for m in members:
            b = bibs[m]
            candidates |= papers.at(b.year, b.page)
            if b.title:
                candidates |= papers.at(b.year, "title:" + b.title)
            if b.doi:
                candidates |= papers.with_doi(b.doi)
        for p in sorted(candidates):
            pb = papers.get(p)
            assert pb is not None
            if any(bibs[m].same_work(pb, require_author=False) for m in members):
                target = p
                break
    if target is None:
        return
    for m in members:
        g.add((URIRef(m), LKG.resolvesTo, URIRef(target)))
    marks = ",".join("?" * len(members))
    citers = sorted(
        {p for (p,) in db.execute(f"SELECT paper FROM refs WHERE work IN ({marks})", members)}
    )
    for citer in citers:
        if citer != target:
            g.add((URIRef(citer), CITO.cites, URIRef(target)))


class _Papers:
    """The corpus papers of the database, looked up as link.emit_shared does."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        db.execute("CREATE TABLE paper_keys (year INTEGER, key TEXT, iri TEXT)")
        db.execute("CREATE TABLE paper_dois (doi TEXT, iri TEXT)")
        cur = db.cursor()
        for iri, text in db.execute("SELECT iri, bib FROM papers"):
            pb = _bib(text)
            if pb.year and pb.page:
                cur.execute("INSERT INTO paper_keys VALUES (?, ?, ?)", (pb.year, pb.page, iri))
            if pb.year and pb.title:
                cur.execute(
                    "INSERT INTO paper_keys VALUES (?, ?, ?)", (pb.year, "title:" + pb.title, iri)
                )
            if pb.doi:
                cur.execute("INSERT INTO paper_dois VALUES (?, ?)", (pb.doi, iri))
        db.execute("CREATE INDEX paper_keys_i ON paper_keys (year, key)")
        db.execute("CREATE INDEX paper_dois_i ON paper_dois (doi)")
        db.commit()

    def get(self, iri: str) -> Bib | None:
        row = self.db.execute("SELECT bib FROM papers WHERE iri = ?", (iri,)).fetchone()
        return _bib(row[0]) if row else None

    def at(self, year: int | None, key: str) -> set[str]:
        if not year or not key:
            return set()
        rows = self.db.execute("SELECT iri FROM paper_keys WHERE year = ? AND key = ?", (year, key))
        return {r[0] for r in rows}

    def with_doi(self, doi: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT iri FROM paper_dois WHERE doi = ?", (doi,))}

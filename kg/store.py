"""Where graphs live: embedded Oxigraph on disk, or any SPARQL 1.1 endpoint.

`open_store(location)` gives a `KGStore`:

- a path -> `OxigraphStore` (pyoxigraph, RocksDB on disk). Layout:
  `<path>/db` is the live database the build writes; when a writer closes it
  publishes a consistent copy under `<path>/snapshots/<stamp>` (a RocksDB
  checkpoint: hard links, cheap) and names it in `<path>/LATEST`. Readers
  (`read_only=True`) open the latest snapshot, never the live database, so
  reading works while a build writes (RocksDB gives no guarantee for a
  read-only open of a database another process is writing).
- an http(s) URL -> `RemoteStore`: SPARQL 1.1 Query and Update protocols and
  the Graph Store HTTP Protocol (PUT/DELETE per named graph) over urllib.
  `http://host:port` means Oxigraph's layout (`/query`, `/update`, `/store`);
  pass the three URLs to `RemoteStore` for other servers.

Each paper is one named graph (named by the paper's IRI); the shared graph
and the ontology have graphs of their own. Queries see the union of all
graphs as their default graph.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import queue
import re
import shutil
import threading
import time
import urllib.parse
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

if TYPE_CHECKING:  # rdflib is imported where terms are made: `litkg query` never needs it
    from rdflib import Dataset, Graph, URIRef
    from rdflib.term import Node

DEFAULT_STORE = "out/store"
#: N-Triples lines loaded per transaction by `replace_graph_from_file`
LOAD_LINES = 10_000
#: parts of LOAD_LINES loaded between two reopenings of the store
REOPEN_PARTS = 5
#: Seconds any one query may run unless the caller says otherwise (None: no limit).
DEFAULT_QUERY_TIMEOUT = 60.0
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: The predicate of the store's own derived triples (a study's `compare`
#: summary, kg/compare_summary.py): an index for the store, not a fact, so
#: exports leave it out (a store they are loaded into writes its own).
DERIVED_PREDICATE = "https://w3id.org/litkg/ns#compareSummary"

Row = dict[str, "Node"]
QueryResult = "list[Row] | bool | Graph"

#: Export formats: name -> (rdflib format, pyoxigraph format, holds named graphs)
FORMATS: dict[str, tuple[str, ox.RdfFormat, bool]] = {
    "turtle": ("turtle", ox.RdfFormat.TURTLE, False),
    "ntriples": ("nt", ox.RdfFormat.N_TRIPLES, False),
    "nquads": ("nquads", ox.RdfFormat.N_QUADS, True),
    "trig": ("trig", ox.RdfFormat.TRIG, True),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD, True),
}


class StoreError(Exception):
    """A store that cannot be opened, read or written; the message says which and why."""


class QueryTimeout(StoreError):
    """A query that ran past its time limit."""


def release_freed_memory() -> None:
    """Return the heap memory freed so far to the system (glibc's
    `malloc_trim`; elsewhere nothing). A closed RocksDB database frees its
    caches into malloc's arenas, which keep them: without this, the resident
    memory of a reader that reopens the store every few hundred graphs still
    grows with the corpus (bench/speed.py, memory: end of build)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


# --- bounded, interruptible, streamed query evaluation ------------------------

_END = object()
#: rows handed from the query thread to the reader at a time
_CHUNK = 256


class _Raised:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class _Cancelled(Exception):
    pass


_running = 0
_running_lock = threading.Lock()


def running_queries() -> int:
    """How many query evaluations are running in this process, counting those
    whose caller gave up (a timed-out query runs on until pyoxigraph hands its
    next row back, which for an aggregate is when it is done)."""
    return _running


def _count_running(step: int) -> None:
    global _running
    with _running_lock:
        _running += step


def bounded(
    produce: Callable[[Callable[[Any], None]], None],
    timeout: float | None,
    what: str = "query",
    maxsize: int = 512,
) -> Iterator[Any]:
    """Run `produce(emit)` in a helper thread and yield what it emits, at most
    `timeout` seconds in all (QueryTimeout after that). The caller's thread
    only waits, so Ctrl-C stops it at once (pyoxigraph evaluates without the
    GIL); a bounded queue keeps rows streaming rather than piling up, and a
    consumer that stops early cancels the producer at its next row."""
    q: queue.Queue[Any] = queue.Queue(maxsize=maxsize)
    cancel = threading.Event()

    def emit(item: Any) -> None:
        while True:
            if cancel.is_set():
                raise _Cancelled
            try:
                q.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def run() -> None:
        try:
            produce(emit)
            emit(_END)
        except _Cancelled:
            pass
        except BaseException as e:  # handed to the consumer
            with contextlib.suppress(_Cancelled):
                emit(_Raised(e))
        finally:
            _count_running(-1)

    _count_running(+1)
    threading.Thread(target=run, daemon=True, name="litkg-query").start()
    deadline = time.monotonic() + timeout if timeout else None
    try:
        while True:
            wait = 0.25 if deadline is None else min(0.25, deadline - time.monotonic())
            if wait <= 0:
                raise QueryTimeout(
                    f"the {what} did not finish within {timeout:g} s "
                    "(--timeout SECONDS to allow longer, 0 for no limit)"
                )
            try:
                item = q.get(timeout=wait)
            except queue.Empty:
                continue
            if item is _END:
                return
            if isinstance(item, _Raised):
                raise item.exc
            yield item
    finally:
        cancel.set()


_STRIP_FOR_SERVICE = re.compile(
    r'''"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>|#[^\n]*'''
)


def check_federation(sparql: str, allowed: bool) -> None:
    """Refuse a query that would make the store contact another endpoint
    (SPARQL 1.1 Federated Query `SERVICE`), unless federation is `allowed`."""
    if allowed:
        return
    body = _STRIP_FOR_SERVICE.sub(" ", sparql)
    if re.search(r"(?i)(?<![\w:?$])SERVICE\b(?!:)", body):
        raise QueryError(
            "the query asks another endpoint (SERVICE): litkg reads only the --store "
            "you named; pass --allow-federation to let the query contact other endpoints"
        )


# --- term conversion ---------------------------------------------------------


def to_rdflib(term: Any) -> Node | None:
    """A pyoxigraph term as an rdflib term."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def to_ox(term: Node) -> Any:
    """An rdflib term as a pyoxigraph term."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


class QueryError(StoreError):
    """A query that cannot be run as asked: a named query that does not exist, or
    a value that cannot be bound as one RDF term (a bad IRI, a blank node)."""


_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def sparql_term(term: Node) -> str:
    """An IRI or literal written as a SPARQL term, escaped so that it stays one
    term whatever it holds (an IRI with characters IRIs cannot hold is refused)."""
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        if _BAD_IRI.search(str(term)):
            raise QueryError(f"not a valid IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        lex = (
            str(term).replace("\\", "\\\\").replace('"', '\\"')
            .replace("\n", "\\n").replace("\r", "\\r")
        )  # fmt: skip
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
                raise QueryError(f"not a language tag: {term.language!r}")
            return f'"{lex}"@{term.language}'
        if term.datatype:
            return f'"{lex}"^^{sparql_term(URIRef(term.datatype))}'
        return f'"{lex}"'
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals")


def values_block(bindings: Mapping[str, Node]) -> str:
    """`VALUES (?a ?b) { (term term) }` binding each variable to one term."""
    if not bindings:
        return ""
    names = " ".join("?" + k.lstrip("?$") for k in bindings)
    return f"VALUES ({names}) {{ ({' '.join(sparql_term(v) for v in bindings.values())}) }}"


def bind(sparql: str, bindings: Mapping[str, Node] | None) -> str:
    """The query with its variables bound by an inline VALUES block at the start
    of its (outermost) WHERE group: terms written by `sparql_term`, so a value
    can never become query syntax. Unlike a pre-binding applied after the
    query plan (pyoxigraph `substitutions`: 15 s for a 1,000-paper graph) or a
    trailing VALUES clause (joined after FILTERs ran), stores join it first:
    the same query takes 18 ms, and a FILTER on a bound variable filters."""
    if not bindings:
        return sparql
    m = re.search(r"\bWHERE\s*\{", sparql, re.I)
    if m is None:
        m = re.search(r"\{", sparql)
        if m is None:
            raise QueryError("no WHERE group to bind variables in")
    return sparql[: m.end()] + "\n  " + values_block(bindings) + "\n" + sparql[m.end() :]


def _nt_term(term: Node) -> str:
    return term.n3()


def graph_to_ntriples(graph: Graph) -> str:
    """N-Triples text of a graph (also valid inside SPARQL INSERT DATA)."""
    return graph.serialize(format="nt")


# --- the interface -----------------------------------------------------------


class KGStore(ABC):
    """A quad store holding one named graph per paper plus the shared graph."""

    location: str
    read_only: bool = False
    #: seconds any one query may run (None: no limit)
    timeout: float | None = DEFAULT_QUERY_TIMEOUT
    #: whether queries may contact other endpoints (SERVICE)
    allow_federation: bool = False

    def select(
        self, sparql: str, bindings: Mapping[str, Node] | None = None
    ) -> tuple[list[str], Iterator[Row]]:
        """A SELECT's variable names and its rows as an iterator (streamed where
        the store can); other query forms raise QueryError."""
        res = self.query(sparql, bindings)
        if not isinstance(res, list):
            raise QueryError("not a SELECT query")
        names: list[str] = []
        for row in res:
            names += [k for k in row if k not in names]
        return names, iter(res)

    def select_values(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, kind: str = "lexical"
    ) -> tuple[list[str], Iterator[dict[str, Any]]]:
        """A SELECT's variable names and its rows as plain values, not rdflib
        terms (kg/values.py): `lexical` gives each IRI's text and each
        literal's lexical form, `json` typed numbers and booleans too;
        unbound variables are absent."""
        from litkg.kg.values import CONVERTERS

        convert = CONVERTERS[kind][1]
        names, rows = self.select(sparql, bindings)
        return names, ({k: convert(v) for k, v in r.items()} for r in rows)

    @abstractmethod
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all graphs: rows (dicts of rdflib
        terms) for SELECT, a bool for ASK, a Graph for CONSTRUCT/DESCRIBE.
        `bindings` pre-binds variables (name -> rdflib term); as in SPARQL-dev
        SEP-0007, a bound variable of a SELECT must be in its projection."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL update (atomically)."""

    @abstractmethod
    def replace_graph(self, name: URIRef, graph: Graph | str) -> None:
        """Replace the named graph `name` by `graph` (an rdflib Graph, or its
        N-Triples text as `graph_to_ntriples` gives it) atomically."""

    def replace_graph_from_file(self, name: URIRef, path: str | os.PathLike[str]) -> None:
        """Replace the named graph `name` by the N-Triples file at `path` (a
        graph too large to hold in memory; read whole here, in parts where
        the store can)."""
        self.replace_graph(name, Path(path).read_text(encoding="utf-8"))

    @abstractmethod
    def remove_graph(self, name: URIRef) -> None:
        """Remove a named graph and its triples."""

    @abstractmethod
    def graph_names(self) -> list[URIRef]:
        """Names of the graphs the store holds."""

    @abstractmethod
    def get_graph(self, name: URIRef) -> Graph:
        """A copy of one named graph."""

    def dataset(self) -> Dataset:
        """A copy of the whole store as an rdflib Dataset (small stores), without
        the derived triples."""
        from rdflib import Dataset

        ds = Dataset()
        for name in self.graph_names():
            target = ds.graph(name)
            for t in self._facts(name):
                target.add(t)
        return ds

    def union_graph(self) -> Graph:
        """All triples of all graphs as one rdflib Graph (small stores), without
        the derived triples."""
        from rdflib import Graph

        g = Graph()
        for name in self.graph_names():
            for t in self._facts(name):
                g.add(t)
        return g

    def _facts(self, name: URIRef) -> Iterator[Any]:
        """One named graph's triples but the derived ones (`DERIVED_PREDICATE`)."""
        return (t for t in self.get_graph(name) if str(t[1]) != DERIVED_PREDICATE)

    def close(self) -> None:  # noqa: B027 - optional hook, a no-op for remote stores
        """Release the store (a writer publishes a snapshot for readers)."""

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- embedded Oxigraph -------------------------------------------------------


class OxigraphStore(KGStore):
    """pyoxigraph on disk; see the module docstring for the snapshot layout."""

    KEEP_SNAPSHOTS = 3

    def __init__(
        self,
        path: str | os.PathLike[str],
        read_only: bool = False,
        timeout: float | None = DEFAULT_QUERY_TIMEOUT,
        allow_federation: bool = False,
    ) -> None:
        self.timeout = timeout
        self.allow_federation = allow_federation
        self.root = Path(path)
        self.location = str(self.root)
        self.read_only = read_only
        self._dirty = False
        if read_only:
            target = self._latest_snapshot() or self.root / "db"
            if not target.is_dir():
                raise StoreError(f"{self.root}: no store here (run `litkg build` first)")
            try:
                self.ox = ox.Store.read_only(str(target))
            except OSError as e:
                raise StoreError(f"{self.root}: cannot open read-only ({e})") from e
            self.snapshot = target
        else:
            self.root.mkdir(parents=True, exist_ok=True)
            try:
                self.ox = ox.Store(str(self.root / "db"))
            except OSError as e:
                raise StoreError(
                    f"{self.root}: cannot open for writing ({e}); is another build running?"
                ) from e
            self.snapshot = None
            if self._latest_snapshot() is None:
                self.publish()

    # snapshots
    def _latest_snapshot(self) -> Path | None:
        latest = self.root / "LATEST"
        if not latest.is_file():
            return None
        p = self.root / "snapshots" / latest.read_text().strip()
        return p if p.is_dir() else None

    def publish(self) -> Path:
        """Write a consistent snapshot of the live database for readers."""
        snaps = self.root / "snapshots"
        snaps.mkdir(exist_ok=True)
        stamp = f"{time.time_ns():020d}"
        tmp = snaps / f".tmp-{stamp}"
        self.ox.flush()
        self.ox.backup(str(tmp))
        os.replace(tmp, snaps / stamp)
        pointer = self.root / f".LATEST-{stamp}"
        pointer.write_text(stamp)
        os.replace(pointer, self.root / "LATEST")
        self._prune(snaps, stamp)
        self._dirty = False
        return snaps / stamp

    def _prune(self, snaps: Path, keep: str) -> None:
        old = sorted(p for p in snaps.iterdir() if p.is_dir() and not p.name.startswith("."))
        for p in old[: -self.KEEP_SNAPSHOTS]:
            if p.name != keep and time.time() - p.stat().st_mtime > 60:
                shutil.rmtree(p, ignore_errors=True)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only")

    # reads
    def _evaluate(self, sparql: str) -> Any:
        check_federation(sparql, self.allow_federation)
        try:
            return self.ox.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {e}") from e

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        sparql = bind(sparql, bindings)

        def produce(emit: Callable[[Any], None]) -> None:
            res = self._evaluate(sparql)
            if isinstance(res, ox.QueryBoolean):
                emit(bool(res))
            elif isinstance(res, ox.QuerySolutions):
                names = [v.value for v in res.variables]
                emit([{n: to_rdflib(sol[n]) for n in names if sol[n] is not None} for sol in res])
            else:
                from rdflib import Graph

                g = Graph()
                for t in res:
                    g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
                emit(g)

        return next(bounded(produce, self.timeout))

    def select(
        self, sparql: str, bindings: Mapping[str, Node] | None = None
    ) -> tuple[list[str], Iterator[Row]]:
        return self._select(sparql, bindings, to_rdflib)

    def select_values(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, kind: str = "lexical"
    ) -> tuple[list[str], Iterator[dict[str, Any]]]:
        from litkg.kg.values import CONVERTERS

        return self._select(sparql, bindings, CONVERTERS[kind][0])

    def _select(
        self, sparql: str, bindings: Mapping[str, Node] | None, convert: Callable[[Any], Any]
    ) -> tuple[list[str], Iterator[dict[str, Any]]]:
        """Rows streamed from the store in chunks (one queue hand-over per
        chunk, not per row), each value `convert`ed from a pyoxigraph term."""
        sparql = bind(sparql, bindings)

        def produce(emit: Callable[[Any], None]) -> None:
            res = self._evaluate(sparql)
            if not isinstance(res, ox.QuerySolutions):
                raise QueryError("not a SELECT query")
            sol = None
            try:
                names = [v.value for v in res.variables]
                emit(names)
                chunk: list[dict[str, Any]] = []
                for sol in res:
                    row = {}
                    for n in names:
                        v = sol[n]
                        if v is not None:
                            row[n] = convert(v)
                    chunk.append(row)
                    if len(chunk) >= _CHUNK:
                        emit(chunk)
                        chunk = []
                if chunk:
                    emit(chunk)
            finally:
                del res, sol  # pyoxigraph's solutions are dropped in the thread they belong to

        chunks = bounded(produce, self.timeout, maxsize=4)
        names = next(chunks)
        return names, (row for chunk in chunks for row in chunk)

    def graph_names(self) -> list[URIRef]:
        from rdflib import URIRef

        return sorted(
            URIRef(g.value) for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode)
        )

    def get_graph(self, name: URIRef) -> Graph:
        from rdflib import Graph

        g = Graph()
        for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name))):
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return g

    def count(self) -> int:
        """Number of quads."""
        return len(self.ox)

    # writes
    def update(self, sparql: str) -> None:
        self._check_writable()
        try:
            self.ox.update(sparql)
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {e}") from e
        self._dirty = True

    def replace_graph(self, name: URIRef, graph: Graph | str) -> None:
        self._check_writable()
        nt = graph if isinstance(graph, str) else graph_to_ntriples(graph)
        self.ox.update(
            f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{nt}\n}} }}"
        )
        self._dirty = True

    def remove_graph(self, name: URIRef) -> None:
        self._check_writable()
        self.ox.update(f"DROP SILENT GRAPH <{name}>")
        self._dirty = True

    def replace_graph_from_file(self, name: URIRef, path: str | os.PathLike[str]) -> None:
        """The graph emptied, then loaded in parts of `LOAD_LINES` lines, one
        transaction each, so that the writer's memory stays that of one part
        (a failure part-way leaves a partial graph: the build recomputes the
        shared graph at its end every time)."""
        self._check_writable()
        graph = ox.NamedNode(str(name))
        self.ox.update(f"DROP SILENT GRAPH <{name}>")
        self._dirty = True
        with open(path, encoding="utf-8") as fh:
            for i in itertools.count(1):
                part = "".join(itertools.islice(fh, LOAD_LINES))
                if not part:
                    break
                self.ox.load(part, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
                self.ox.flush()  # the part leaves memory for disk before the next
                if i % REOPEN_PARTS == 0:
                    self.reopen()  # and the caches of writing it too

    def bulk_load_nquads(self, data: bytes | str | os.PathLike[str]) -> None:
        """Load N-Quads fast (benchmarks, restores); no transaction."""
        self._check_writable()
        if isinstance(data, bytes | str) and not (isinstance(data, str) and os.path.exists(data)):
            self.ox.bulk_load(
                data.encode() if isinstance(data, str) else data, format=ox.RdfFormat.N_QUADS
            )
        else:
            self.ox.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        self._dirty = True

    def dump(self, path: str | os.PathLike[str], fmt: str) -> None:
        """Write the store in one of FORMATS (graph formats get the union of all
        graphs), streamed, without the derived triples (`DERIVED_PREDICATE`)."""
        _, oxfmt, quads = FORMATS[fmt]
        if quads:
            derived = ox.NamedNode(DERIVED_PREDICATE)
            ox.serialize(
                (q for q in self.ox if q.predicate != derived),
                str(path),
                oxfmt,
                prefixes=_prefix_map(),
            )
            return
        triples = self.ox.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o "
            f"FILTER(?p != <{DERIVED_PREDICATE}>) }} }}",
            use_default_graph_as_union=True,
        )
        ox.serialize(triples, str(path), oxfmt, prefixes=_prefix_map())

    def reopen(self) -> None:
        """Flush the live database and open it afresh (a writer only): RocksDB's
        native memory otherwise grows with every transaction of a long build
        (bench/store_memory.py: 436 MiB after 1,000 papers, against ~50 MiB at
        any size when reopened every 500)."""
        if self.read_only or getattr(self, "ox", None) is None:
            return
        self.ox.flush()
        self.ox = None  # type: ignore[assignment]
        release_freed_memory()
        self.ox = ox.Store(str(self.root / "db"))

    def close(self) -> None:
        if getattr(self, "ox", None) is None:
            return
        if not self.read_only and self._dirty:
            self.publish()
        self.ox = None  # type: ignore[assignment]


class MemoryStore(OxigraphStore):
    """An Oxigraph store in memory (nothing on disk, no snapshots): a few
    graphs read with the same queries as a store on disk."""

    def __init__(self) -> None:
        self.timeout = None
        self.allow_federation = False
        self.root = Path(".")
        self.location = ":memory:"
        self.read_only = False
        self._dirty = False
        self.snapshot = None
        self.ox = ox.Store()

    def publish(self) -> Path:
        raise StoreError("an in-memory store has no snapshots")

    def reopen(self) -> None:
        return None

    def close(self) -> None:
        self.ox = None  # type: ignore[assignment]


def _prefix_map() -> dict[str, str]:
    from litkg.ontology.namespace import PREFIXES

    out = {k: str(v) for k, v in PREFIXES.items()}
    out.update(
        {
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "prov": "http://www.w3.org/ns/prov#",
            "dcterms": "http://purl.org/dc/terms/",
            "schema": "https://schema.org/",
        }
    )
    return out


# --- remote SPARQL endpoint --------------------------------------------------


class RemoteStore(KGStore):
    """Any SPARQL 1.1 endpoint with Update and the Graph Store Protocol.

    Queries ask for the union of named graphs as default graph (the
    `union-default-graph` parameter, understood by Oxigraph; configure other
    servers to do the same).
    """

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        gsp_url: str | None = None,
        read_only: bool = False,
        timeout: float | None = DEFAULT_QUERY_TIMEOUT,
        allow_federation: bool = False,
    ) -> None:
        self.allow_federation = allow_federation
        self.query_url = query_url
        self.update_url = update_url
        self.gsp_url = gsp_url
        self.location = query_url
        self.read_only = read_only
        self.timeout = timeout

    @classmethod
    def from_base(cls, base: str, read_only: bool = False, **options: Any) -> RemoteStore:
        """Oxigraph's layout under a base URL: /query, /update, /store."""
        b = base.rstrip("/")
        for suffix in ("/query", "/sparql"):
            if b.endswith(suffix):
                b = b[: -len(suffix)]
        return cls(f"{b}/query", f"{b}/update", f"{b}/store", read_only=read_only, **options)

    def _request(
        self,
        url: str,
        method: str = "GET",
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> bytes:
        with self._open(url, method, data, headers) as resp:
            return self._read(resp, method, url)

    def _read(self, resp: Any, method: str, url: str, size: int = -1) -> bytes:
        """Read from a response (all of it, or with `size` what has arrived, at
        most `size` bytes), its errors as StoreErrors naming the URL."""
        with self._errors(method, url):
            return resp.read() if size < 0 else resp.read1(size)

    @contextlib.contextmanager
    def _open(
        self,
        url: str,
        method: str = "GET",
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Iterator[Any]:
        """The HTTP response to a request, to be read as it arrives."""
        import urllib.request  # with its http and ssl modules: remote stores only

        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        with self._errors(method, url):
            resp = urllib.request.urlopen(req, timeout=self.timeout)  # noqa: S310
        with resp:
            yield resp

    @contextlib.contextmanager
    def _errors(self, method: str, url: str) -> Iterator[None]:
        import socket
        import urllib.error

        try:
            yield
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace")[:500]
            raise StoreError(f"{method} {url}: HTTP {e.code}: {body}") from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError | socket.timeout):
                raise self._timed_out(method, url) from e
            raise StoreError(
                f"{method} {url}: {e.reason} (is the SPARQL server running? check --store)"
            ) from e
        except TimeoutError as e:
            raise self._timed_out(method, url) from e
        except OSError as e:
            raise StoreError(f"{method} {url}: {e}") from e

    def _timed_out(self, method: str, url: str) -> QueryTimeout:
        return QueryTimeout(
            f"{method} {url}: no answer within {self.timeout:g} s "
            "(is the server overloaded? --timeout SECONDS to wait longer)"
        )

    def _check_writable(self) -> None:
        if self.read_only or not self.update_url:
            raise StoreError(f"{self.location}: not writable (read-only or no update URL)")

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        sparql = bind(sparql, bindings)
        check_federation(sparql, self.allow_federation)
        form = _query_form(sparql)
        accept = (
            "application/n-triples"
            if form in ("CONSTRUCT", "DESCRIBE")
            else "application/sparql-results+json"
        )
        sep = "&" if "?" in self.query_url else "?"
        body = self._request(
            f"{self.query_url}{sep}union-default-graph",
            "POST",
            sparql.encode("utf-8"),
            {"Content-Type": "application/sparql-query", "Accept": accept},
        )
        if form in ("CONSTRUCT", "DESCRIBE"):
            from rdflib import Graph

            return Graph().parse(data=body.decode("utf-8"), format="nt")
        doc = json.loads(body)
        if "boolean" in doc:
            return bool(doc["boolean"])
        return [
            {k: _json_term(v) for k, v in b.items()}
            for b in doc.get("results", {}).get("bindings", [])
        ]

    def select(
        self, sparql: str, bindings: Mapping[str, Node] | None = None
    ) -> tuple[list[str], Iterator[Row]]:
        """Rows parsed from the SPARQL JSON results as they arrive (not after
        the whole answer was read), within `timeout` seconds in all."""
        sparql = bind(sparql, bindings)
        check_federation(sparql, self.allow_federation)
        if _query_form(sparql) != "SELECT":
            raise QueryError("not a SELECT query")
        sep = "&" if "?" in self.query_url else "?"
        url = f"{self.query_url}{sep}union-default-graph"
        headers = {
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        }

        def produce(emit: Callable[[Any], None]) -> None:
            with self._open(url, "POST", sparql.encode("utf-8"), headers) as resp:
                chunks = iter(lambda: self._read(resp, "POST", url, 1 << 16), b"")
                for item in stream_select_json(chunks):
                    emit(item)

        # the time limit of the whole answer names the server, as the request's own does
        rows = bounded(produce, self.timeout, what=f"query to {self.query_url}")
        return next(rows), rows

    def update(self, sparql: str) -> None:
        self._check_writable()
        assert self.update_url
        self._request(
            self.update_url,
            "POST",
            sparql.encode("utf-8"),
            {"Content-Type": "application/sparql-update"},
        )

    def _gsp(self, name: URIRef) -> str:
        if not self.gsp_url:
            raise StoreError(f"{self.location}: no Graph Store Protocol URL")
        return f"{self.gsp_url}?graph={urllib.parse.quote(str(name), safe='')}"

    def replace_graph(self, name: URIRef, graph: Graph | str) -> None:
        self._check_writable()
        nt = graph if isinstance(graph, str) else graph_to_ntriples(graph)
        if self.gsp_url:
            self._request(
                self._gsp(name),
                "PUT",
                nt.encode("utf-8"),
                {"Content-Type": "application/n-triples"},
            )
        else:
            self.update(
                f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{nt}\n}} }}"
            )

    def remove_graph(self, name: URIRef) -> None:
        self._check_writable()
        if self.gsp_url:
            try:
                self._request(self._gsp(name), "DELETE")
            except StoreError as e:
                if "HTTP 404" not in str(e):
                    raise
        else:
            self.update(f"DROP SILENT GRAPH <{name}>")

    def graph_names(self) -> list[URIRef]:
        from rdflib import URIRef

        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(rows, list)
        return sorted(URIRef(str(r["g"])) for r in rows if isinstance(r.get("g"), URIRef))

    def get_graph(self, name: URIRef) -> Graph:
        from rdflib import Graph

        if self.gsp_url:
            try:
                body = self._request(
                    self._gsp(name), "GET", headers={"Accept": "application/n-triples"}
                )
            except StoreError as e:
                if "HTTP 404" in str(e):
                    return Graph()
                raise
            return Graph().parse(data=body.decode("utf-8"), format="nt")
        res = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
        assert isinstance(res, Graph)
        return res

    def dump(self, path: str | os.PathLike[str], fmt: str) -> None:
        """Write the store's content in one of FORMATS, without the derived
        triples: named-graph formats from the server's whole dataset (Graph Store
        Protocol GET, parsed and written as a stream: literals keep their lexical
        form, as in an embedded store's dump), else via rdflib."""
        import urllib.error
        import urllib.request

        rdflib_fmt, oxfmt, quads = FORMATS[fmt]
        if quads and self.gsp_url:
            req = urllib.request.Request(self.gsp_url, headers={"Accept": oxfmt.media_type})
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310
                    derived = ox.NamedNode(DERIVED_PREDICATE)
                    ox.serialize(
                        (q for q in ox.parse(resp, oxfmt) if q.predicate != derived),
                        str(path),
                        oxfmt,
                        prefixes=_prefix_map(),
                    )
                return
            except urllib.error.HTTPError as e:
                if e.code not in (400, 404, 405, 406, 415):
                    raise StoreError(f"GET {self.gsp_url}: HTTP {e.code}") from e
            except urllib.error.URLError as e:
                raise StoreError(f"GET {self.gsp_url}: {e.reason}") from e
            except SyntaxError as e:
                raise StoreError(f"GET {self.gsp_url}: the dataset does not parse: {e}") from e
            # this server does not serve its whole dataset: one graph at a time
        data = self.dataset() if quads else self.union_graph()
        data.serialize(destination=str(path), format=rdflib_fmt)


class _JsonReader:
    """Reads JSON values one at a time from a stream of byte chunks."""

    _decoder = json.JSONDecoder()

    def __init__(self, chunks: Iterable[bytes]) -> None:
        import codecs

        self.chunks = iter(chunks)
        self.utf8 = codecs.getincrementaldecoder("utf-8")()
        self.buf = ""
        self.pos = 0
        self.eof = False

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = next(self.chunks, None)
        self.buf = self.buf[self.pos :] + self.utf8.decode(chunk or b"", final=chunk is None)
        self.pos = 0
        self.eof = chunk is None
        return True

    def peek(self) -> str:
        """The next character that is not white space."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                raise QueryError("the SPARQL results ended early")

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise QueryError(f"not SPARQL JSON results (expected {char!r})")
        self.pos += 1

    def skip(self, char: str) -> bool:
        if self.peek() == char:
            self.pos += 1
            return True
        return False

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                v, end = self._decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                if self._more():
                    continue
                raise QueryError(f"not SPARQL JSON results: {e}") from e
            if end == len(self.buf) and not isinstance(v, dict | list | str) and self._more():
                continue  # a number or literal may go on in the next chunk
            self.pos = end
            return v


def stream_select_json(chunks: Iterable[bytes]) -> Iterator[Any]:
    """The SPARQL 1.1 JSON results of a SELECT read as they arrive: first the
    variable names, then one row (a dict of rdflib terms) per binding. Rows
    that come before the head (allowed, though servers send it first) wait
    for it."""
    r = _JsonReader(chunks)
    names: list[str] | None = None
    early: list[Row] = []
    r.expect("{")
    while not r.skip("}"):
        key = r.value()
        r.expect(":")
        if key == "head":
            head = r.value()
            names = [str(v) for v in (head or {}).get("vars", [])]
            yield names
            yield from early
            early = []
        elif key == "results":
            r.expect("{")
            while not r.skip("}"):
                inner = r.value()
                r.expect(":")
                if inner != "bindings":
                    r.value()
                else:
                    r.expect("[")
                    while not r.skip("]"):
                        b = r.value()
                        row = {k: _json_term(v) for k, v in b.items()}
                        if names is None:
                            early.append(row)
                        else:
                            yield row
                        r.skip(",")
                r.skip(",")
        elif key == "boolean":
            raise QueryError("not a SELECT query")
        else:
            r.value()
        r.skip(",")
    if names is None:  # no head at all: the names the rows use
        found: list[str] = []
        for row in early:
            found += [k for k in row if k not in found]
        yield found
        yield from early


def _json_term(v: Mapping[str, str]) -> Node:
    from rdflib import BNode, Literal, URIRef

    t = v.get("type")
    if t == "uri":
        return URIRef(v["value"])
    if t == "bnode":
        return BNode(v["value"])
    if v.get("xml:lang"):
        return Literal(v["value"], lang=v["xml:lang"])
    if v.get("datatype") and v["datatype"] != _XSD_STRING:
        return Literal(v["value"], datatype=URIRef(v["datatype"]))
    return Literal(v["value"])


def _query_form(sparql: str) -> str:
    body = re.sub(r"#[^\n]*", "", sparql)
    body = re.sub(r"(?is)\b(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", " ", body)
    m = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body)
    return m.group(1).upper() if m else "SELECT"


# --- the library API the build and the CLI call ------------------------------


def is_url(location: str) -> bool:
    """Whether a --store value names a remote endpoint."""
    return location.startswith(("http://", "https://"))


def open_store(
    location: str | os.PathLike[str] = DEFAULT_STORE,
    read_only: bool = False,
    *,
    timeout: float | None = DEFAULT_QUERY_TIMEOUT,
    allow_federation: bool = False,
) -> KGStore:
    """Open a store: a directory (embedded Oxigraph) or an http(s) SPARQL endpoint.
    `timeout`: seconds any one query (or HTTP request) may take, None for no
    limit; `allow_federation`: let queries contact other endpoints (SERVICE)."""
    loc = str(location)
    opts: dict[str, Any] = {"timeout": timeout or None, "allow_federation": allow_federation}
    if is_url(loc):
        return RemoteStore.from_base(loc, read_only=read_only, **opts)
    return OxigraphStore(loc, read_only=read_only, **opts)


def paper_graph_names(store: KGStore) -> list[URIRef]:
    """Names of the paper graphs (every graph but the shared one and the ontology)."""
    from rdflib import URIRef

    from litkg.ontology.namespace import LKG, ONTOLOGY_IRI, SHARED_GRAPH

    rows = store.query(
        "SELECT DISTINCT ?g ?paper WHERE { GRAPH ?g { ?p a ?paper } }", {"paper": LKG.Paper}
    )
    assert isinstance(rows, list)
    return sorted(URIRef(str(r["g"])) for r in rows if r["g"] not in (SHARED_GRAPH, ONTOLOGY_IRI))


def replace_paper_graph(
    store: KGStore,
    paper_graph_iri: URIRef,
    graph: Graph | str,
    source_sha256: Iterable[str] | None = None,
) -> None:
    """Store a paper's graph under its name, replacing what an earlier extraction
    of the same paper wrote. A graph of the same source document under another
    name (the paper was first stored by content hash, now by DOI) is removed too.

    `graph` may be N-Triples text (built in a worker process); then
    `source_sha256` names the source documents' hashes."""
    from rdflib import Literal, URIRef

    from litkg.ontology.namespace import LKG, ONTOLOGY_IRI, SHARED_GRAPH

    if source_sha256 is not None:
        sha = set(source_sha256)
    elif not isinstance(graph, str):
        sha = {str(o) for o in graph.objects(None, LKG.sha256)}
    else:
        raise ValueError("N-Triples text needs source_sha256")
    for s in sha:
        # the document a paper's facts were read from, not one of its other
        # manifestations (those name the paper's other input files)
        rows = store.query(
            "SELECT DISTINCT ?g ?p ?sha ?source WHERE { GRAPH ?g { ?paper ?source ?src . ?src ?p ?sha } }",
            {"p": LKG.sha256, "sha": Literal(s), "source": LKG.source},
        )
        assert isinstance(rows, list)
        for r in rows:
            g = URIRef(str(r["g"]))
            if g != paper_graph_iri and g not in (SHARED_GRAPH, ONTOLOGY_IRI):
                store.remove_graph(g)
    store.replace_graph(paper_graph_iri, _with_summaries(paper_graph_iri, graph))


def _with_summaries(name: URIRef, graph: Graph | str) -> str:
    """The paper graph's N-Triples with its studies' `compare` summaries
    (kg/compare_summary.py), written with it so that the two agree; without
    them when they cannot be made (compare then reads the graph query by query)."""
    from litkg.kg.compare_summary import strip_summaries, with_summaries

    nt = graph if isinstance(graph, str) else graph_to_ntriples(graph)
    try:
        return with_summaries(str(name), nt)
    except Exception:  # noqa: BLE001 - a summary is an optimisation, never a failure
        return strip_summaries(nt)


def remove_paper(store: KGStore, paper_iri: URIRef) -> None:
    """Remove a paper's graph (recompute the shared graph afterwards)."""
    store.remove_graph(paper_iri)


def recompute_shared(store: KGStore) -> int:
    """Recompute the shared graph from all paper graphs, store it, and store the
    ontology in its own graph; returns the number of triples written (one
    found twice counts twice). The shared graph is computed in bounded memory
    (kg/shared_stream.py: the store read a few graphs at a time into a
    temporary database) and goes through an N-Triples file, never held whole."""
    import tempfile

    from litkg.kg.shared_stream import write_shared_streamed
    from litkg.ontology.namespace import ONTOLOGY_IRI, SHARED_GRAPH, ontology_graph

    with tempfile.TemporaryDirectory(prefix="litkg-shared-") as tmp:
        path = Path(tmp) / "shared.nt"
        with open(path, "w", encoding="utf-8") as fh:
            n = write_shared_streamed(store, fh, scratch=tmp)
        if hasattr(store, "reopen"):
            store.reopen()  # the caches of reading every paper graph released
        store.replace_graph(ONTOLOGY_IRI, ontology_graph())
        store.replace_graph_from_file(SHARED_GRAPH, path)
    return n


def query(store: KGStore, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
    """Run a SPARQL query on a store (see `KGStore.query`)."""
    return store.query(sparql, bindings)


def dump(store: KGStore, path: str | os.PathLike[str], fmt: str) -> None:
    """Export the store: turtle, ntriples (union of graphs), nquads, trig, jsonld (named graphs)."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    store.dump(path, fmt)  # type: ignore[attr-defined]


def load_graphs(store: KGStore, graphs: Iterable[tuple[URIRef, Graph]]) -> int:
    """Store several paper graphs; returns how many."""
    n = 0
    for name, g in graphs:
        replace_paper_graph(store, name, g)
        n += 1
    return n


def format_result(result: QueryResult, fmt: str = "tsv") -> str:
    """A query result as text: TSV (header, then N-Triples terms) or JSON; a
    CONSTRUCT result as Turtle."""
    if isinstance(result, bool):
        return json.dumps(result) if fmt == "json" else str(result).lower()
    if not isinstance(result, list):
        from litkg.ontology.namespace import bind_prefixes

        return bind_prefixes(result).serialize(format="turtle")
    names: list[str] = []
    for row in result:
        names += [k for k in row if k not in names]
    if fmt == "json":
        return json.dumps([{k: str(v) for k, v in row.items()} for row in result], indent=1)
    lines = ["\t".join("?" + n for n in names)]
    lines += ["\t".join(row[n].n3() if n in row else "" for n in names) for row in result]
    return "\n".join(lines)

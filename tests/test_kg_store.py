"""Stores: embedded Oxigraph (per-paper graphs, snapshots for readers) and a real
SPARQL server (`oxigraph serve`) through the remote store."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import free_port
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from test_kg_fixtures import FROZEN, built_a, built_b

from litkg.kg import store as st
from litkg.kg.build import dec, paper_graph
from litkg.ontology.namespace import LKG, ONTOLOGY_IRI, SHARED_GRAPH

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

# rdflib's own parsers and serializers use its deprecated Dataset API
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _count(s: st.KGStore, graph: URIRef | None = None) -> int:
    q = (
        COUNT
        if graph is None
        else f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    )
    rows = s.query(q)
    assert isinstance(rows, list)
    return int(rows[0]["n"])


def _fill(s: st.KGStore) -> tuple[URIRef, Graph, URIRef, Graph]:
    a_iri, a = paper_graph(*built_a(), FROZEN)
    b_iri, b = paper_graph(*built_b(), FROZEN)
    st.replace_paper_graph(s, a_iri, a)
    st.replace_paper_graph(s, b_iri, b)
    st.recompute_shared(s)
    return a_iri, a, b_iri, b


def _stored(s: st.KGStore, iri: URIRef) -> Graph:
    """A stored paper graph without its studies' compare summaries (derived
    triples the store adds, kg/compare_summary.py), which it must hold."""
    g = s.get_graph(iri)
    summaries = list(g.triples((None, LKG.compareSummary, None)))
    assert summaries, "a stored paper graph has its studies' summaries"
    for t in summaries:
        g.remove(t)
    return g


def _check_store_contract(s: st.KGStore) -> None:
    a_iri, a, b_iri, b = _fill(s)
    assert set(s.graph_names()) == {a_iri, b_iri, SHARED_GRAPH, ONTOLOGY_IRI}
    assert st.paper_graph_names(s) == sorted([a_iri, b_iri])
    assert isomorphic(_stored(s, a_iri), a)

    # re-extracting paper A replaces its triples and nothing else
    before_b = set(s.get_graph(b_iri))
    a2 = Graph()
    for t in a:
        a2.add(t)
    outcome = next(a2.subjects(LKG.endpoint, None))
    a2.set((outcome, LKG.value, dec(1)))
    st.replace_paper_graph(s, a_iri, a2)
    assert isomorphic(_stored(s, a_iri), a2)
    assert set(s.get_graph(b_iri)) == before_b

    # a query over the union of graphs, with a pre-bound variable
    rows = s.query(
        "PREFIX lkg: <https://w3id.org/litkg/ns#> "
        "SELECT ?paper ?trial WHERE { ?paper lkg:reports/lkg:registration ?trial }",
        {"trial": URIRef("https://clinicaltrials.gov/study/NCT01234567")},
    )
    assert isinstance(rows, list)
    assert sorted(r["paper"] for r in rows) == sorted([a_iri, b_iri])
    assert s.query("ASK { ?t a <https://w3id.org/litkg/ns#Trial> }") is True
    cons = s.query(
        "CONSTRUCT { ?t ?p ?o } WHERE { ?t a <https://w3id.org/litkg/ns#Trial> ; ?p ?o }"
    )
    assert isinstance(cons, Graph) and len(cons) >= 3

    # removing a paper removes only its graph
    st.remove_paper(s, b_iri)
    assert b_iri not in s.graph_names()
    assert a_iri in s.graph_names()
    assert st.recompute_shared(s) > 0


def test_oxigraph_store_contract(tmp_path: Path) -> None:
    with st.open_store(tmp_path / "store") as s:
        _check_store_contract(s)


def test_paper_first_stored_by_hash_then_by_doi_is_one_paper(tmp_path: Path) -> None:
    rec, m = built_a()
    with st.open_store(tmp_path / "store") as s:
        from dataclasses import replace

        no_doi = replace(rec, study=replace(rec.study, doi=None))
        old_iri, old = paper_graph(no_doi, m, FROZEN)
        st.replace_paper_graph(s, old_iri, old)
        new_iri, new = paper_graph(rec, m, FROZEN)
        st.replace_paper_graph(s, new_iri, new)
        assert s.graph_names() == [new_iri]


def test_readers_see_the_last_published_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with st.open_store(path) as s:
        _fill(s)
    with st.open_store(path, read_only=True) as r:
        n = _count(r)
        assert n > 0
        with pytest.raises(st.StoreError):
            r.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert (path / "LATEST").is_file()


def test_read_only_open_works_while_a_build_writes(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with st.open_store(path) as s:
        _fill(s)
    writer = textwrap.dedent(
        f"""
        import sys, itertools
        from litkg.kg.store import open_store
        s = open_store({str(path)!r})
        print("ready", flush=True)
        for i in itertools.count():
            s.update(f"INSERT DATA {{{{ GRAPH <urn:g{{i % 50}}> {{{{ <urn:s{{i}}> <urn:p> {{i}} }}}} }}}}")
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", writer], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(0.3)  # the writer holds the database and writes
        for _ in range(3):
            with st.open_store(path, read_only=True) as r:
                assert _count(r) > 0
                assert len(st.paper_graph_names(r)) == 2
            time.sleep(0.1)
        with pytest.raises(st.StoreError, match="another build"):
            st.open_store(path)  # a second writer is refused, with a clear message
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_read_only_on_missing_store(tmp_path: Path) -> None:
    with pytest.raises(st.StoreError, match="no store here"):
        st.open_store(tmp_path / "nothing", read_only=True)


@pytest.mark.parametrize(
    ("fmt", "rdflib_fmt", "quads"),
    [
        ("turtle", "turtle", False),
        ("ntriples", "nt", False),
        ("trig", "trig", True),
        ("nquads", "nquads", True),
        ("jsonld", "json-ld", True),
    ],
)
def test_dump_formats(tmp_path: Path, fmt: str, rdflib_fmt: str, quads: bool) -> None:
    with st.open_store(tmp_path / "store") as s:
        _fill(s)
        out = tmp_path / f"dump.{fmt}"
        st.dump(s, out, fmt)
        union = s.union_graph()
        derived = _derived_count(s)
        assert derived == 2, "each stored study has its compare summary"
        if quads:
            ds = Dataset()
            ds.parse(out, format=rdflib_fmt)
            names = {g.identifier for g in ds.graphs() if len(g)}
            assert set(s.graph_names()) <= names
            assert not any(ds.quads((None, LKG.compareSummary, None, None)))
            assert sum(len(g) for g in ds.graphs()) == s.count() - derived  # type: ignore[attr-defined]
        else:
            g = Graph().parse(out, format=rdflib_fmt)
            assert not any(g.triples((None, LKG.compareSummary, None)))
            assert len(g) == len(union)


def _derived_count(s: st.KGStore) -> int:
    """How many of the store's triples are its own derived ones (the studies'
    compare summaries), which an export leaves out."""
    rows = s.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{st.DERIVED_PREDICATE}> ?o }} }}"
    )
    assert isinstance(rows, list)
    return int(rows[0]["n"])


def test_the_derived_predicate_is_the_summaries() -> None:
    from litkg.kg.compare_summary import SUMMARY

    assert st.DERIVED_PREDICATE == SUMMARY == str(LKG.compareSummary)


def test_query_result_formatting(tmp_path: Path) -> None:
    with st.open_store(tmp_path / "store") as s:
        _fill(s)
        rows = s.query("SELECT ?t WHERE { ?t a <https://w3id.org/litkg/ns#Trial> }")
        text = st.format_result(rows)
        assert text.splitlines() == ["?t", "<https://clinicaltrials.gov/study/NCT01234567>"]


# --- a real SPARQL server ----------------------------------------------------


def test_remote_store_contract(oxigraph_server: str) -> None:
    s = st.open_store(oxigraph_server)
    assert isinstance(s, st.RemoteStore)
    _check_store_contract(s)


def test_remote_dump_and_read_only(oxigraph_server: str, tmp_path: Path) -> None:
    s = st.open_store(oxigraph_server)
    _fill(s)
    out = tmp_path / "dump.trig"
    st.dump(s, out, "trig")
    ds = Dataset()
    ds.parse(out, format="trig")
    assert not any(ds.quads((None, LKG.compareSummary, None, None)))
    stored = sum(len(s.get_graph(n)) for n in s.graph_names())
    assert sum(len(g) for g in ds.graphs()) == stored - _derived_count(s) > 0
    r = st.open_store(oxigraph_server, read_only=True)
    assert _count(r) > 0
    with pytest.raises(st.StoreError):
        r.remove_graph(SHARED_GRAPH)


def test_remote_errors_are_clear() -> None:
    s = st.RemoteStore.from_base(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(st.StoreError, match="/query"):
        s.query("ASK {}")


def test_build_into_stores_papers_and_the_shared_graph(tmp_path: Path) -> None:
    from litkg.kg.build import build_into

    with st.open_store(tmp_path / "store") as s:
        iris_ = build_into(s, [built_a(), built_b()], FROZEN, publish_every=1)
        assert st.paper_graph_names(s) == sorted(iris_)
        assert SHARED_GRAPH in s.graph_names()
    with st.open_store(tmp_path / "store", read_only=True) as r:
        assert st.paper_graph_names(r) == sorted(iris_)


def test_a_reopened_writer_keeps_its_graphs_and_goes_on(tmp_path) -> None:
    """The build reopens its store every few hundred papers (flat memory)."""
    from rdflib import Graph, Literal, URIRef

    from litkg.kg.store import OxigraphStore

    s = OxigraphStore(tmp_path / "store")
    g = Graph()
    g.add((URIRef("http://x/a"), URIRef("http://x/p"), Literal("1")))
    s.replace_graph(URIRef("http://x/g1"), g)
    s.reopen()
    s.replace_graph(URIRef("http://x/g2"), g)
    assert s.graph_names() == [URIRef("http://x/g1"), URIRef("http://x/g2")]
    s.close()
    with OxigraphStore(tmp_path / "store", read_only=True) as r:
        assert len(r.graph_names()) == 2

"""The shared graph written to the store through an N-Triples file, part by
part (flat memory at any corpus size), is the graph the in-memory rdflib
computation gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from test_kg_fixtures import FROZEN, built_a, built_b, gold_items

from litkg.kg import shared_stream
from litkg.kg import store as st
from litkg.kg.build import paper_graph
from litkg.kg.link import compute_links, nt_term
from litkg.ontology.namespace import SHARED_GRAPH


def _triples(store: st.KGStore) -> set[tuple[str, str, str]]:
    return {(s.n3(), p.n3(), o.n3()) for s, p, o in store.get_graph(SHARED_GRAPH)}


def _corpus(path: Path, items: list) -> st.OxigraphStore:
    store = st.OxigraphStore(path)
    for record, meta in items:
        iri, g = paper_graph(record, meta, FROZEN)
        st.replace_paper_graph(store, iri, g)
    return store


@pytest.mark.parametrize("gold", [False, True])
def test_streamed_shared_graph_is_the_in_memory_one(
    tmp_path: Path, gold: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [built_a(), built_b()]
    if gold:
        items += gold_items()  # skips without ../shared
    store = _corpus(tmp_path / "store", items)
    before, _ = compute_links(store)  # the computation as it was: one rdflib graph
    store.replace_graph(SHARED_GRAPH, before)
    expected = _triples(store)
    assert len(expected) > 20
    store.remove_graph(SHARED_GRAPH)

    # several parts, and reopenings while reading and loading, even on a small corpus
    monkeypatch.setattr(st, "LOAD_LINES", 7)
    monkeypatch.setattr(st, "REOPEN_PARTS", 2)
    monkeypatch.setattr(shared_stream, "REOPEN_EVERY", 1)
    written = st.recompute_shared(store)
    assert _triples(store) == expected
    assert written >= len(expected)
    again = st.recompute_shared(store)  # replaced, not added to
    assert again == written and _triples(store) == expected
    store.close()


@pytest.mark.parametrize(
    "term",
    [
        Literal('O"Brien'),
        Literal("back\\slash"),
        Literal("two\nlines\r"),
        Literal("ünïcødé ≥ 3"),
        Literal("x", lang="en"),
        Literal("2019", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")),
        URIRef("https://doi.org/10.1002/(sici)1097-0142%3C1%3E"),
    ],
)
def test_ntriples_terms_read_back_as_written(term) -> None:
    s = ox.Store()
    line = f"<https://x/s> <https://x/p> {nt_term(term)} .\n"
    s.load(line, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://x/g"))
    (quad,) = list(s)
    assert st.to_rdflib(quad.object) == term


def test_a_work_cited_twice_is_described_by_its_first_reference() -> None:
    """Two papers cite one work under two spellings of its author: the work
    takes the spelling of the reference whose IRI sorts first, whatever the
    order the store gives the rows in."""
    from rdflib import Graph

    from litkg.kg.link import union_of
    from litkg.ontology.namespace import LKG

    graphs = [paper_graph(*x, FROZEN)[1] for x in (built_a(), built_b())]
    refs = {}
    for g in graphs:
        for ref, work in g.subject_objects(LKG.citedWork):
            refs.setdefault(work, []).append((str(ref), str(g.value(ref, LKG.firstAuthor))))
    (work, cited) = next((w, r) for w, r in refs.items() if len(r) == 2)
    assert len({a for _, a in cited}) == 2  # Gökbuget and Gokbuget
    want = min(cited)[1]
    for order in (graphs, graphs[::-1]):
        shared, _ = compute_links(union_of(order))
        assert isinstance(shared, Graph)
        assert [str(a) for a in shared.objects(work, LKG.firstAuthor)] == [want]


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / "shared").is_dir(), reason="no ../shared"
)
def test_streamed_shared_graph_on_a_citing_corpus(tmp_path: Path) -> None:
    """The bounded-memory computation (kg/shared_stream.py, read graph by
    graph through a temporary database) gives the in-memory one's triples on
    a corpus whose papers cite common works, one work under two IRIs (with
    and without its DOI) and corpus papers."""
    items = [built_a(), built_b(), *gold_items()]
    store = _corpus(tmp_path / "store", items)
    expected_graph, links = compute_links(store)
    assert links.same_as and links.resolved  # the corpus has the cases
    store.replace_graph(SHARED_GRAPH, expected_graph)
    expected = _triples(store)
    from litkg.kg import shared_stream

    shared_stream.REOPEN_EVERY, old = 2, shared_stream.REOPEN_EVERY  # reopened on the way
    try:
        st.recompute_shared(store)
    finally:
        shared_stream.REOPEN_EVERY = old
    assert _triples(store) == expected
    store.close()

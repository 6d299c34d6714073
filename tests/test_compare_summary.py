"""`compare` read from the studies' summaries (kg/compare_summary.py) gives
what the query-by-query read path gives, on every filter and page; studies
without a summary are read the old way; summaries are rebuilt on demand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rdflib import URIRef
from test_compare import build_store

from litkg.kg.compare import Filters, compare, render, to_json
from litkg.kg.compare_summary import SUMMARY, rebuild_summaries
from litkg.kg.store import OxigraphStore, replace_paper_graph

BENCH = Path(__file__).resolve().parent.parent / "bench"
GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "gold"

FILTERS = [
    Filters(),
    Filters(endpoint="OS"),
    Filters(endpoint="OS", timepoint=12),
    Filters(timepoint=24),
    Filters(endpoint="CIR", timepoint=12),
    Filters(drug="blinatumomab"),
    Filters(drug="benchdrug01"),
    Filters(endpoint="OS", timepoint=12, drug="benchdrug00"),
    Filters(design="randomized"),
    Filters(design="single-arm"),
]


def _drop_summaries(store: OxigraphStore) -> None:
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s <{SUMMARY}> ?o }} }}")


def _count_summaries(store: OxigraphStore) -> int:
    rows = store.query(f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s <{SUMMARY}> ?o }} }}")
    assert isinstance(rows, list)
    return len(rows)


def _answers(store: OxigraphStore) -> list[object]:
    out: list[object] = []
    for f in FILTERS:
        c = compare(store, f)
        out += [f, c.total, to_json(c), render(c, "table", width=200), render(c, "csv")]
        for limit, offset in ((2, 0), (3, 2), (None, 1)):
            p = compare(store, f, limit=limit, offset=offset)
            out += [(limit, offset), p.total, to_json(p)]
    return out


def _synthetic(path: Path, n: int) -> OxigraphStore:
    """n papers replicated from the gold records (bench/graph_scale.py: fresh
    IRIs, trial ids, and the study drug rotated), stored as the build does."""
    sys.path.insert(0, str(BENCH))
    from graph_scale import gold_graphs, templates

    tpls = templates(gold_graphs(GOLD))
    store = OxigraphStore(path)
    for i in range(n):
        doi = f"10.5555/litkg.test.{i}"
        nt = (
            tpls[i % len(tpls)]
            .replace("@@DOI@@", doi)
            .replace("@@T@@", f"{90000000 + i:08d}"[-6:] + f"{i % 100:02d}")
            .replace("@@DRUG@@", f"benchdrug{(i // len(tpls)) % 3:02d}")
        )
        replace_paper_graph(store, URIRef(f"https://doi.org/{doi}"), nt, source_sha256=[doi])
    return store


def _check(store: OxigraphStore) -> None:
    assert _count_summaries(store) > 0
    new = _answers(store)
    _drop_summaries(store)
    assert _count_summaries(store) == 0
    old = _answers(store)
    assert new == old
    assert rebuild_summaries(store) > 0
    assert _answers(store) == old
    # some studies with, some without a summary: the same answers
    rows = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s <{SUMMARY}> ?o }} }}")
    assert isinstance(rows, list)
    for r in rows[::2]:
        store.update(f"DELETE WHERE {{ GRAPH <{r['g']}> {{ ?s <{SUMMARY}> ?o }} }}")
    assert _answers(store) == old
    assert rebuild_summaries(store, only_missing=True) == len(rows[::2])
    assert _answers(store) == old


def test_summaries_give_the_query_by_query_answers(tmp_path: Path) -> None:
    path = build_store(tmp_path / "store")
    store = OxigraphStore(path)
    try:
        _check(store)
    finally:
        store.close()


@pytest.mark.skipif(not GOLD.is_dir(), reason="needs ../shared/eval/gold")
def test_summaries_on_a_synthetic_corpus(tmp_path: Path) -> None:
    store = _synthetic(tmp_path / "syn", 40)
    try:
        assert compare(store, Filters("OS", 12, "benchdrug01")).studies
        _check(store)
    finally:
        store.close()


def test_a_stale_summary_is_replaced_with_its_graph(tmp_path: Path) -> None:
    """Storing a paper graph again (whatever it holds, its old summary too)
    leaves one summary per study, made from the graph as now stored."""
    path = build_store(tmp_path / "store")
    store = OxigraphStore(path)
    try:
        g = next(iter(store.graph_names()))
        rows = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s <{SUMMARY}> ?o }} }}")
        assert isinstance(rows, list)
        g = URIRef(str(rows[0]["g"]))
        before = _answers(store)
        graph = store.get_graph(g)
        replace_paper_graph(store, g, graph)
        assert _count_summaries(store) == len(rows)
        assert _answers(store) == before
    finally:
        store.close()

"""`litkg build --store http://...`: a build into a real SPARQL server (`oxigraph serve`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from litkg.kg import store as st
from litkg.kg.corpus_build import build_corpus
from litkg.kg.manifest import load_manifest
from litkg.ontology.namespace import CURATION_GRAPH, ONTOLOGY_IRI, SHARED_GRAPH

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1700000000"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture()
def server(oxigraph_server: str) -> str:
    return oxigraph_server


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture()
def papers(tmp_path: Path) -> Path:
    src = tmp_path / "papers"
    src.mkdir()
    for name in ("003_02ee03e209aed3a2.txt", "004_eed059982c442256.txt"):
        shutil.copy(ROOT / "corpus" / "text" / name, src / name)
    shutil.copy(ROOT / "tests" / "fixtures" / "markdown_trial.md", src / "markdown_trial.md")
    return src


def _trig_quads(path: Path) -> set:
    ds = Dataset()
    ds.parse(path, format="trig")
    return {
        (s, p, o, getattr(c, "identifier", c)) for s, p, o, c in ds.quads((None, None, None, None))
    }


def _store_quads(s: st.KGStore) -> set:
    """The store's quads but its own derived ones (the compare summaries,
    which an export leaves out)."""
    return {
        (*t, name)
        for name in s.graph_names()
        for t in s.get_graph(name)
        if str(t[1]) != st.DERIVED_PREDICATE
    }


def test_build_into_a_remote_store(server: str, papers: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build_corpus([papers], out, store=server)
    assert len(first.extracted) == 3 and not first.failures
    assert not (out / "store").exists()  # nothing embedded: the graphs are on the server

    manifest = load_manifest(out)
    remote = st.open_store(server, read_only=True)
    names = set(remote.graph_names())
    papers_iris = {URIRef(e["paper"]) for e in manifest.values()}
    assert len(papers_iris) == 3
    assert names == papers_iris | {SHARED_GRAPH, ONTOLOGY_IRI, CURATION_GRAPH}
    assert set(st.paper_graph_names(remote)) == papers_iris
    assert len(remote.get_graph(SHARED_GRAPH)) > 0
    # the dump is the server's content
    assert _trig_quads(out / "graph.trig") == _store_quads(remote)

    again = build_corpus([papers], out, store=server)
    assert (len(again.extracted), len(again.unchanged)) == (0, 3)

    md = papers / "markdown_trial.md"
    md.write_text(md.read_text().replace("30.4 months", "31.9 months"))
    changed = build_corpus([papers], out, store=server)
    assert changed.extracted == [str(md)] and len(changed.unchanged) == 2
    values = {str(o) for *_, o, _ in _store_quads(remote)}
    assert "31.9" in values and "30.4" not in values

    (papers / "004_eed059982c442256.txt").unlink()
    removed = build_corpus([papers], out, store=server, prune=True)
    assert len(removed.removed) == 1
    assert len(st.paper_graph_names(remote)) == 2


def test_remote_build_equals_an_embedded_build(server: str, papers: Path, tmp_path: Path) -> None:
    build_corpus([papers], tmp_path / "local")
    build_corpus([papers], tmp_path / "remote", store=server)
    assert _trig_quads(tmp_path / "remote" / "graph.trig") == _trig_quads(
        tmp_path / "local" / "graph.trig"
    )


def test_a_remote_store_that_is_gone_rebuilds_what_it_lost(
    server: str, papers: Path, tmp_path: Path
) -> None:
    """The manifest says done, but the server lost a paper graph: it is extracted again."""
    out = tmp_path / "out"
    build_corpus([papers], out, store=server)
    s = st.open_store(server)
    victim = st.paper_graph_names(s)[0]
    s.remove_graph(victim)
    again = build_corpus([papers], out, store=server)
    assert len(again.extracted) == 1 and len(again.unchanged) == 2
    assert victim in s.graph_names()

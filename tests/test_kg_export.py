"""Exports: the networkx view is derived from the RDF graph; CLI export and query."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal
from test_kg_fixtures import FROZEN, built_a, built_b

from litkg.kg import store as st
from litkg.kg.build import paper_graph
from litkg.kg.nxview import to_networkx


def _graph() -> Graph:
    return paper_graph(*built_a(), FROZEN)[1]


def test_networkx_view_mirrors_the_rdf() -> None:
    g = _graph()
    view = to_networkx(g)
    iri_edges = [t for t in g if not isinstance(t[2], Literal) and t[1] != RDF.type]
    assert view.number_of_edges() == len(iri_edges)
    paper = "https://doi.org/10.1234/example.2024.001"
    assert "lkg:Paper" in view.nodes[paper]["type"]
    assert view.nodes[paper]["label"].startswith("Drug X maintenance")
    assert any(d["predicate"] == "lkg:reports" for _, _, d in view.out_edges(paper, data=True))


def _store(tmp_path: Path) -> str:
    path = tmp_path / "store"
    with st.open_store(path) as s:
        for rec, m in (built_a(), built_b()):
            iri, g = paper_graph(rec, m, FROZEN)
            st.replace_paper_graph(s, iri, g)
        st.recompute_shared(s)
    return str(path)


def test_cli_export_graphml_and_gexf(tmp_path: Path) -> None:
    from litkg.cli import cli

    store = _store(tmp_path)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"kg.{fmt}"
        res = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--store", store])
        assert res.exit_code == 0, res.output
        view = reader(out)
        assert view.number_of_nodes() > 50


def test_cli_export_rdf_and_query(tmp_path: Path) -> None:
    from litkg.cli import cli

    store = _store(tmp_path)
    out = tmp_path / "kg.ttl"
    res = CliRunner().invoke(
        cli, ["export", "--format", "turtle", "-o", str(out), "--store", store]
    )
    assert res.exit_code == 0, res.output
    assert len(Graph().parse(out)) > 300
    res = CliRunner().invoke(
        cli,
        ["query", "--store", store,
         "SELECT ?t WHERE { ?t a <https://w3id.org/litkg/ns#Trial> }"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "NCT01234567" in res.output
    res = CliRunner().invoke(cli, ["validate", "--store", store])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(cli, ["links", "--store", store])
    assert res.exit_code == 0 and "NCT01234567" in res.output


def test_cli_reports_a_missing_store_cleanly(tmp_path: Path) -> None:
    from litkg.cli import cli

    res = CliRunner().invoke(cli, ["validate", "--store", str(tmp_path / "none")])
    assert res.exit_code == 1
    assert "no store here" in res.output and "Traceback" not in res.output
    store = _store(tmp_path)
    res = CliRunner().invoke(cli, ["query", "--store", store, "SELEC nonsense"])
    assert res.exit_code == 1 and "syntax" in res.output.lower()

"""`litkg serve`'s `/sparql`: a SPARQL 1.1 Protocol endpoint over a tiny build
(two corpus papers) that rdflib's SPARQLStore can query, answering the same
rows as `litkg query`; read only, with the command line's timeout and
no-outbound-request rule."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from serve_support import running, shared_build
from starlette.testclient import TestClient
from waiting import wait_until

from litkg.cli import cli
from litkg.kg.serve.app import create_app
from litkg.kg.serve.security import Guard
from litkg.kg.serve.sparql import negotiate
from litkg.kg.serve.stores import LiveStore

#: Typed values, an OPTIONAL left unbound on some rows, a litkg prefix with no PREFIX line.
Q_OUTCOMES = """SELECT ?m ?value ?unit ?p WHERE {
  ?m a lkg:OutcomeMeasurement ; lkg:value ?value .
  OPTIONAL { ?m lkg:unit ?unit } OPTIONAL { ?m lkg:pValue ?p }
} ORDER BY ?m"""
Q_TITLES = "SELECT ?paper ?title ?year WHERE { ?paper a lkg:Paper ; dcterms:title ?title . OPTIONAL { ?paper fabio:hasPublicationYear ?year } }"


@pytest.fixture(scope="module")
def out():
    return shared_build()


@pytest.fixture(scope="module")
def client(out):
    app = create_app(LiveStore(str(out / "store"), 60.0, False), Guard("127.0.0.1"))
    return TestClient(app, base_url="http://127.0.0.1:8000")


def cli_rows(out, query: str) -> list[tuple[str, ...]]:
    """The rows `litkg query --format csv` prints (plain values, '' when unbound)."""
    res = CliRunner().invoke(
        cli, ["query", query, "--format", "csv", "--store", str(out / "store")]
    )
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.output)))
    return sorted(tuple(r) for r in rows[1:])


def store_rows(result) -> list[tuple[str, ...]]:
    return sorted(tuple("" if v is None else str(v) for v in row) for row in result)


@pytest.mark.parametrize("method", ["GET", "POST_FORM"])
def test_sparqlstore_gets_the_rows_litkg_query_gives(out, method):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    with running(out / "store") as url:
        for query in (Q_OUTCOMES, Q_TITLES):
            store = SPARQLStore(url + "/sparql", method=method)
            got = store_rows(store.query(query))
            want = cli_rows(out, query)
            assert got == want
            assert len(want) >= 2  # the query found something to compare
        # typed literals come back typed, IRIs as IRIs
        rows = list(SPARQLStore(url + "/sparql").query(Q_OUTCOMES))
        assert all(isinstance(r[0], URIRef) for r in rows)
        assert any(isinstance(r[1], Literal) and r[1].datatype is not None for r in rows)


def test_accept_selects_the_result_format(client):
    q = {"query": Q_TITLES}
    r = client.get("/sparql", params=q)
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    doc = r.json()
    assert doc["head"]["vars"] == ["paper", "title", "year"]
    assert len(doc["results"]["bindings"]) == 2

    r = client.get("/sparql", params=q, headers={"Accept": "application/sparql-results+xml"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(ET.fromstring(r.content).findall(f"{ns}results/{ns}result")) == 2

    r = client.get("/sparql", params=q, headers={"Accept": "text/csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["paper", "title", "year"] and len(rows) == 3

    r = client.get("/sparql", params=q, headers={"Accept": "text/tab-separated-values"})
    lines = r.text.strip("\n").split("\n")
    assert lines[0] == "?paper\t?title\t?year"
    assert all(line.startswith("<http") for line in lines[1:])  # terms in Turtle syntax

    # q-values: the preferred acceptable type wins
    r = client.get(
        "/sparql", params=q, headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml"}
    )
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    r = client.get("/sparql", params=q, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_ask_construct_and_describe(client):
    r = client.get("/sparql", params={"query": "ASK { ?p a lkg:Paper }"})
    assert r.json() == {"head": {}, "boolean": True}
    r = client.get(
        "/sparql", params={"query": "ASK { ?p a lkg:Paper }"}, headers={"Accept": "text/csv"}
    )
    assert r.status_code == 406

    construct = "CONSTRUCT { ?p dcterms:title ?t } WHERE { ?p a lkg:Paper ; dcterms:title ?t }"
    r = client.get("/sparql", params={"query": construct})
    assert r.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=r.text, format="turtle")) == 2
    r = client.get(
        "/sparql", params={"query": construct}, headers={"Accept": "application/n-triples"}
    )
    assert r.headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=r.text, format="nt")) == 2


def test_post_form_and_direct_body(client):
    r = client.post("/sparql", data={"query": Q_TITLES})
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 2
    r = client.post(
        "/sparql", content=Q_TITLES.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 2
    r = client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    assert client.get("/sparql").status_code == 400  # no query
    assert client.get("/sparql", params={"query": "SELECT WHERE {"}).status_code == 400


def test_updates_are_refused_and_nothing_changes(client, out):
    drop = "DROP ALL"
    insert = "INSERT DATA { <http://x.org/a> <http://x.org/b> <http://x.org/c> }"
    for r in (
        client.post("/sparql", data={"update": drop}),
        client.post(
            "/sparql",
            content=insert.encode(),
            headers={"Content-Type": "application/sparql-update"},
        ),
        client.post("/sparql", data={"query": insert}),
        client.get("/sparql", params={"query": drop}),
        client.get("/sparql", params={"update": drop}),
    ):
        assert r.status_code in (400, 403), r.text
        assert "read only" in r.text or "refused" in r.text
    r = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?p a lkg:Paper }"})
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "2"


def test_service_is_refused_without_federation(client):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    r = client.get("/sparql", params={"query": q})
    assert r.status_code == 400
    assert "SERVICE" in r.text and "--allow-federation" in r.text


def test_query_timeout_is_the_command_lines(out):
    app = create_app(LiveStore(str(out / "store"), 1e-9, False), Guard("127.0.0.1"))
    r = TestClient(app, base_url="http://127.0.0.1:8000").get("/sparql", params={"query": Q_TITLES})
    assert r.status_code == 503
    assert "did not finish" in r.text


def test_dataset_parameters_are_refused(client):
    r = client.get("/sparql", params={"query": Q_TITLES, "default-graph-uri": "http://x.org/g"})
    assert r.status_code == 400


@pytest.mark.parametrize(
    ("accept", "want"),
    [
        ("", "a"),
        ("*/*", "a"),
        ("b", "b"),
        ("b;q=0.2, c", "c"),
        ("c;q=0.2, b;q=0.2", "c"),  # equal q: the earlier item
        ("x/*", None),
        ("a;q=0", None),
    ],
)
def test_negotiate(accept, want):
    assert negotiate(accept, ("a", "b", "c")) == want


def test_json_head_lists_variables_even_without_rows(client):
    r = client.get("/sparql", params={"query": "SELECT ?x ?y WHERE { ?x lkg:noSuchProperty ?y }"})
    assert json.loads(r.text) == {"head": {"vars": ["x", "y"]}, "results": {"bindings": []}}


def test_an_oversized_query_is_refused_unread(client):
    big = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (1 << 20)
    r = client.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


def test_a_browser_gets_a_query_form_and_clients_an_error(client):
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'id="sparql-form"' in page.text
    assert client.get("/assets/sparql.js").status_code == 200
    assert (
        client.get("/sparql", headers={"Accept": "application/sparql-results+json"}).status_code
        == 400
    )


def test_queries_past_the_running_limit_are_refused_until_one_ends(client, monkeypatch):
    """A query still evaluating (as a timed-out one does) holds its place: past
    MAX_RUNNING the endpoint answers 503 at once instead of starting another."""
    import threading

    from litkg.kg.serve import sparql as sparql_mod
    from litkg.kg.store import bounded, running_queries

    monkeypatch.setattr(sparql_mod, "MAX_RUNNING", running_queries() + 1)
    release = threading.Event()
    ended = threading.Event()

    def produce(emit):
        release.wait(10)
        ended.set()

    rows = bounded(produce, None)  # its producer starts when the rows are first read
    holder = threading.Thread(target=lambda: list(rows), daemon=True)
    holder.start()
    assert wait_until(lambda: running_queries() >= sparql_mod.MAX_RUNNING)
    busy = client.get("/sparql", params={"query": Q_TITLES})
    assert busy.status_code == 503
    assert "busy" in busy.text and busy.headers.get("retry-after") == "5"
    release.set()
    holder.join(5)
    assert ended.is_set()
    assert wait_until(lambda: running_queries() < sparql_mod.MAX_RUNNING)
    assert client.get("/sparql", params={"query": Q_TITLES}).status_code == 200

"""Named queries (`litkg query --list`, `litkg query NAME --param k=v`), parameters
bound as RDF terms, parser errors; `litkg cites` and `litkg show` on the graph of
the records in test_compare."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import XSD, Literal, URIRef
from test_compare import build_store

from litkg.cli import cli
from litkg.kg import queries as q
from litkg.kg.cites import citation_network
from litkg.kg.cites import render as render_cites
from litkg.kg.show import PaperNotFound, find_paper, show
from litkg.kg.show import render as render_show
from litkg.kg.store import StoreError, open_store
from litkg.ontology.namespace import DRUG, ENDPOINT


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgq") / "store")


@pytest.fixture()
def store(store_path):
    s = open_store(store_path, read_only=True)
    yield s
    s.close()


def run(*args: str):
    return CliRunner().invoke(cli, ["query", *args])


def test_every_shipped_query_has_a_description_and_parses(store):
    named = q.named_queries()
    assert {"outcomes", "outcomes_at", "papers", "studies_by_drug", "adverse_events",
            "shared_trials", "most_cited", "evidence"} <= set(named)  # fmt: skip
    for nq in named.values():
        assert nq.description, nq.name
        assert isinstance(store.query(nq.sparql), list), nq.name


def test_list_shows_descriptions_and_parameters():
    r = run("--list")
    assert r.exit_code == 0
    assert "outcomes_at\n    The comparison query" in r.output
    assert "--param drug=<drug>" in r.output


def test_parameters_become_typed_terms():
    nq = q.get_named("outcomes_at")
    b = nq.bindings({"endpoint": "os", "timepoint": "12.0", "drug": "Drug X"})
    assert b == {
        "endpoint": ENDPOINT["OS"],
        "timepoint": Literal("12", datatype=XSD.decimal),
        "drug": DRUG["drug_x"],
    }
    assert q.parse_term("<https://example.org/x>") == URIRef("https://example.org/x")
    assert q.parse_term('"5"^^xsd:integer') == Literal("5", datatype=XSD.integer)
    assert q.parse_term("ep:OS") == ENDPOINT["OS"]
    assert q.parse_term("3") == Literal(3)
    # a value that looks like SPARQL stays one literal: it is never query text
    evil = 'x" } ; DROP ALL ; #'
    assert q.parse_term(evil) == Literal(evil)
    with pytest.raises(q.QueryError, match="no parameter 'dose'"):
        nq.bindings({"dose": "1"})
    with pytest.raises(q.QueryError, match="not a valid decimal"):
        nq.bindings({"timepoint": "one year"})


def test_named_query_with_parameters(store):
    rows = q.run_query(
        store, "outcomes_at", {"endpoint": "OS", "timepoint": "12", "drug": "drug x"}
    )
    assert [(str(r["doc"]), str(r["value"]), str(r["arm"])) for r in rows] == [
        ("trial_a", "60", "control"),
        ("trial_a", "81.6", "intervention"),
    ]
    rows = q.run_query(store, "studies_by_drug", {"drug": "drug y"})
    assert [str(r["doc"]) for r in rows] == ["trial_b"]
    # unbound parameters: every value
    assert len(q.run_query(store, "outcomes")) == 5
    assert len(q.run_query(store, "outcomes", {"endpoint": "PFS"})) == 1
    evil = q.run_query(store, "studies_by_drug", {"drug": 'x" } ; DROP ALL ; #'})
    assert evil == []


def test_query_cli_named_text_file_and_formats(store_path, tmp_path):
    r = run("outcomes_at", "-p", "endpoint=OS", "-p", "timepoint=12", "-p", "drug=drug y",
            "--store", str(store_path), "--format", "csv")  # fmt: skip
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("paper,doc,endpoint,timepoint,drug")
    ns = "https://w3id.org/litkg/concept/"
    assert lines[1].split(",")[1:6] == [
        "trial_b", ns + "endpoint/OS", "12", ns + "drug/drug_y", ns + "statistic/rate"
    ]  # fmt: skip
    text = "PREFIX lkg: <https://w3id.org/litkg/ns#> SELECT DISTINCT ?doc WHERE { ?p lkg:documentId ?doc } ORDER BY ?doc"
    r = run(text, "--store", str(store_path), "--format", "json")
    docs = [d["doc"] for d in json.loads(r.output)]
    assert docs == sorted(set(docs)) and "trial_a" in docs
    f = tmp_path / "docs.rq"
    f.write_text(text)
    assert run(str(f), "--store", str(store_path), "--format", "json").output == r.output
    assert run("@" + str(f), "--store", str(store_path), "--format", "json").output == r.output
    # plain values by default: a header of variable names, then lexical forms
    r = run(text, "--store", str(store_path))
    assert r.output.splitlines()[:2] == ["doc", "comment_c"]
    # a bound variable from the command line, typed from its written form
    r = run("PREFIX lkg: <https://w3id.org/litkg/ns#> SELECT ?doc ?n WHERE { ?a lkg:n ?n ; lkg:study ?s . ?p lkg:reports ?s ; lkg:documentId ?doc }",
            "-p", "n=100", "--store", str(store_path), "--format", "csv")  # fmt: skip
    assert r.output.splitlines() == ["doc,n", "trial_b,100"]


def test_malformed_query_is_a_clean_error(store_path, store):
    r = run("SELECT ?x WHERE { ?x ?p }", "--store", str(store_path))
    assert r.exit_code != 0
    assert "SPARQL syntax error" in r.output and "Traceback" not in r.output
    with pytest.raises(StoreError, match="syntax"):
        q.run_query(store, "SELECT * WHERE {")
    r = run("no_such_query", "--store", str(store_path))
    assert r.exit_code != 0 and "no named query 'no_such_query'" in r.output
    r = run("outcomes", "-p", "endpoint", "--store", str(store_path))
    assert r.exit_code != 0 and "key=value" in r.output


# --- cites and show ----------------------------------------------------------


def test_citation_network(store):
    net = citation_network(store)
    top = net.works[0]
    assert (top.label, top.count) == ("Smith 2010 Blood 115:100", 3)
    assert top.citers == [
        "A comment on maintenance (2025)", "Jones 2025, Example J", "Okafor 2024, Example J Haematol"
    ]  # fmt: skip
    assert ("Okafor 2024, Example J Haematol", "Jones 2025, Example J") in net.internal
    jones = next(w for w in net.works if w.label.startswith("Jones"))
    assert jones.resolves_to == "Jones 2025, Example J"
    data = json.loads(render_cites(net, "json"))
    assert data["corpus_citations"] == [
        {
            "citing": {"iri": "https://doi.org/10.1234/a.2024.1", "label": "Okafor 2024, Example J Haematol"},
            "cited": {"iri": "https://doi.org/10.1234/b.2025.2", "label": "Jones 2025, Example J"},
        }
    ]  # fmt: skip
    assert "Smith 2010 Blood 115:100" in render_cites(net, "table")


@pytest.mark.parametrize(
    "ref",
    ["10.1234/a.2024.1", "https://doi.org/10.1234/A.2024.1", "trial_a", "doi:10.1234/a.2024.1"],
)
def test_show_finds_a_paper_by_doi_document_or_iri(store, ref):
    assert find_paper(store, ref) == URIRef("https://doi.org/10.1234/a.2024.1")


def test_show_every_fact_with_its_evidence(store, store_path):
    v = show(store, "trial_a")
    assert v.study is not None and v.study.registrations == ["NCT01234567"]
    assert v.same_trial[0]["document"] == "trial_b"
    assert [r.resolves_to for r in v.references] == [None, "Jones 2025, Example J"]
    out = render_show(v)
    assert "  - OS 12 mo, drug X: 81.6% (95% CI 64.7-100)\n" in out
    assert "  - OS 12 mo, drug X vs historical controls: p=0.03" in out
    assert '      "The 1-year OS was 81.6% (95% CI 64.7-100%)" (p. 3)' in out
    assert '      "grade 4 neutropenia occurred in 8 (20%) patients" (p. 5)' in out
    assert '      "drug X 28 ug/day on days 1-28 for 4 cycles" (p. 2)' in out
    assert "same trial also reported by: Jones 2025, Example J" in out
    assert show(store, "trial_b").cited_by == ["Okafor 2024, Example J Haematol"]
    with pytest.raises(PaperNotFound):
        find_paper(store, "10.9999/none")
    r = CliRunner().invoke(cli, ["show", "trial_b", "--store", str(store_path), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output)["study"]["document"] == "trial_b"
    r = CliRunner().invoke(cli, ["show", "nothing", "--store", str(store_path)])
    assert r.exit_code != 0 and "no paper" in r.output
    r = CliRunner().invoke(cli, ["cites", "--store", str(store_path), "--format", "csv"])
    assert r.exit_code == 0 and r.output.splitlines()[1].startswith("3,Smith 2010")


def test_bound_values_stay_terms(store):
    evil = 'x" } ; DROP ALL ; # \\ \n'
    assert q.sparql_term(Literal(evil)) == '"x\\" } ; DROP ALL ; # \\\\ \\n"'
    rows = q.select(store, "SELECT ?v WHERE { }", {"v": Literal(evil)})
    assert rows == [{"v": Literal(evil)}]
    assert q.sparql_term(Literal("12", datatype=XSD.decimal)) == (
        '"12"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    )
    with pytest.raises(q.QueryError, match="not a valid IRI"):
        q.sparql_term(URIRef("https://x.org/a> } DROP ALL ; <b"))
    bound = q.bind("SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a", {"b": URIRef("https://x.org/p")})
    assert (
        bound == "SELECT ?a WHERE {\n  VALUES (?b) { (<https://x.org/p>) }\n ?a ?b ?c } ORDER BY ?a"
    )

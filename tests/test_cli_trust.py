"""Issue 14, a command line a reviewer can trust: plain query values, one JSON
convention, export formats from the file suffix, help with defaults and
examples, refused updates, verbosity. On the graph of the records in
test_compare (content known by construction)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from test_compare import build_store

from litkg.cli import cli


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgt") / "store")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# --- item 11: small things ----------------------------------------------------


def test_bare_litkg_prints_help_and_succeeds():
    r = run()
    assert r.exit_code == 0
    assert "Usage: " in r.output and "compare" in r.output


def test_negative_top_is_refused(store_path):
    r = run("cites", "--top", "-1", "--store", str(store_path))
    assert r.exit_code == 2 and "--top" in r.output


def test_every_command_help_shows_defaults_and_an_example():
    for name, cmd in cli.commands.items():
        r = run(name, "--help")
        assert r.exit_code == 0, name
        assert "Example:" in r.output, f"{name} --help has no example"
        assert f"litkg {name}" in r.output.split("Example:", 1)[1], name
        for p in cmd.params:
            if getattr(p, "default", None) not in (None, False, ()) and not getattr(
                p, "hidden", False
            ):
                assert "[default:" in r.output, f"{name} --help hides the default of {p.name}"


def test_an_update_passed_to_query_is_refused_by_name(store_path):
    for update in (
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX x: <urn:x#>\n# a comment\nDELETE WHERE { ?s ?p ?o }",
        "drop all",
    ):
        r = run("query", "--store", str(store_path), update)
        assert r.exit_code == 1, update
        assert "updates" in r.output and "refused" in r.output, r.output
        assert "CONSTRUCT" not in r.output


def test_quiet_and_verbose(store_path, tmp_path):
    out = tmp_path / "g.ttl"
    r = run("-q", "export", "--store", str(store_path), "-o", str(out))
    assert r.exit_code == 0 and r.stderr == "" and out.stat().st_size > 0
    r = run("export", "--store", str(store_path), "-o", str(out))
    assert "wrote turtle" in r.stderr
    md = tmp_path / "a.md"
    md.write_text("TITLE: A trial\n\nWe treated 10 patients.\n", encoding="utf-8")
    r = run("-v", "ingest", "--no-text", str(md))
    assert r.exit_code == 0 and f"ingest [1/1] {md}" in r.stderr


# --- item 8: export -----------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "check"),
    [
        (".ttl", lambda p: len(Graph().parse(p, format="turtle")) > 100),
        (".nt", lambda p: len(Graph().parse(p, format="nt")) > 100),
        (".trig", lambda p: len(Dataset().parse(p, format="trig")) > 0),
        (".jsonld", lambda p: isinstance(json.loads(p.read_text()), list | dict)),
    ],
)
def test_export_takes_the_format_from_the_suffix(store_path, tmp_path, suffix, check):
    out = tmp_path / f"g{suffix}"
    r = run("export", "--store", str(store_path), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert check(out)
    if suffix == ".ttl":
        assert "GRAPH" not in out.read_text() and "{" not in out.read_text().split("\n", 40)[-1][:1]


def test_export_unknown_suffix_asks_for_a_format(store_path, tmp_path):
    r = run("export", "--store", str(store_path), "-o", str(tmp_path / "g.txt"))
    assert r.exit_code == 2 and "--format" in r.output and ".ttl" in r.output


def test_export_to_standard_output(store_path):
    r = run("export", "--store", str(store_path), "--format", "ntriples", "-o", "-")
    assert r.exit_code == 0
    g = Graph().parse(data=r.stdout, format="nt")
    assert len(g) > 100


# --- item 7: query output -------------------------------------------------------

Q_COUNT = (
    "SELECT ?doc (COUNT(?r) AS ?refs) ?missing WHERE { ?p lkg:documentId ?doc ; "
    "lkg:reference ?r } GROUP BY ?doc ?missing ORDER BY ?doc"
)


def test_query_prints_plain_values_by_default(store_path):
    r = run("query", "--store", str(store_path), Q_COUNT)
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == [
        "doc\trefs\tmissing",
        "comment_c\t1\t",
        "trial_a\t2\t",
        "trial_b\t1\t",
    ]


def test_query_json_is_typed_with_nulls_and_sparql_json_is_w3c(store_path):
    r = run("query", "--store", str(store_path), Q_COUNT, "--format", "json")
    rows = json.loads(r.output)
    assert rows[1] == {"doc": "trial_a", "refs": 2, "missing": None}
    r = run("query", "--store", str(store_path), Q_COUNT, "--format", "sparql-json")
    doc = json.loads(r.output)
    assert doc["head"]["vars"] == ["doc", "refs", "missing"]
    b = doc["results"]["bindings"][1]
    assert b["doc"] == {"type": "literal", "value": "trial_a"}
    assert b["refs"]["datatype"].endswith("#integer") and "missing" not in b


def test_query_csv_has_no_angle_brackets_and_a_header_without_rows(store_path):
    q = "SELECT ?p ?doc WHERE { ?p a lkg:Paper ; lkg:documentId ?doc } ORDER BY ?doc"
    r = run("query", "--store", str(store_path), q, "--format", "csv")
    rows = list(csv.reader(io.StringIO(r.output)))
    assert rows[0] == ["p", "doc"]
    assert rows[2] == ["https://doi.org/10.1234/a.2024.1", "trial_a"]
    assert "<" not in r.output and ">" not in r.output
    empty = "SELECT ?a ?b WHERE { ?a lkg:noSuchProperty ?b }"
    for fmt, want in (("csv", "a,b"), ("tsv", "a\tb")):
        r = run("query", "--store", str(store_path), empty, "--format", fmt)
        assert r.exit_code == 0 and r.output.strip() == want
    r = run("query", "--store", str(store_path), empty, "--format", "table")
    assert r.output.splitlines()[0].split() == ["a", "|", "b"]


# --- item 6: studies named by citation; item 7: `paper` alike in every JSON -----


def test_citation_is_author_year_and_iso4_journal():
    from litkg.kg.papers import PaperRef, citation, short_journal, unique_labels

    assert (
        citation("Stein", 2019, "Biology of Blood and Marrow Transplantation")
        == "Stein 2019, Biol Blood Marrow Transplant"
    )
    assert short_journal("The New England Journal of Medicine") == "N Engl J Med"
    assert short_journal("Journal of Clinical Oncology") == "J Clin Oncol"
    assert short_journal("Haematologica") == "Haematologica"  # one word: kept
    assert short_journal("Am J Prev Med") == "Am J Prev Med"  # already short
    assert citation(None, 2025, "Blood Cancer Journal") == "Blood Cancer J 2025"
    assert citation("Okafor, Ngozi", 2021, None) == "Okafor 2021"
    refs = {
        "urn:a": PaperRef("urn:a", "Lee 2020, Blood", document="lee_a"),
        "urn:b": PaperRef("urn:b", "Lee 2020, Blood", document="lee_b"),
    }
    assert sorted(r.label for r in unique_labels(refs).values()) == [
        "Lee 2020, Blood [lee_a]",
        "Lee 2020, Blood [lee_b]",
    ]


A_IRI, A_LABEL = "https://doi.org/10.1234/a.2024.1", "Okafor 2024, Example J Haematol"


def test_compare_and_adverse_events_columns_are_citations(store_path):
    r = run("compare", "--store", str(store_path), "--endpoint", "OS", "--format", "markdown")
    assert (
        r.output.splitlines()[0] == "|  | Okafor 2024, Example J Haematol | Jones 2025, Example J |"
    )
    r = run("adverse-events", "--store", str(store_path), "--format", "markdown")
    assert "Okafor 2024, Example J Haematol" in r.output.splitlines()[0]
    assert "trial_a" not in r.output.splitlines()[0]
    r = run("adverse-events", "--store", str(store_path), "--format", "csv")
    row = next(csv.DictReader(io.StringIO(r.output)))
    assert (row["paper"], row["citation"]) == (A_IRI, A_LABEL)


def test_paper_is_iri_plus_label_in_every_json(store_path):
    s = ["--store", str(store_path), "--format", "json"]
    want = {"iri": A_IRI, "label": A_LABEL}

    def has(obj: dict) -> bool:
        return {k: obj.get(k) for k in want} == want

    compared = json.loads(run("compare", *s).output)
    assert any(has(x["paper"]) for x in compared)
    aes = json.loads(run("adverse-events", *s).output)
    assert all(set(x["paper"]) >= {"iri", "label"} for x in aes) and any(
        has(x["paper"]) for x in aes
    )
    shown = json.loads(run("show", "trial_a", *s).output)
    assert has(shown["paper"]) and has(shown["study"]["paper"])
    b = json.loads(run("show", "trial_b", *s).output)
    assert b["cited_by"] == [want]
    cites = json.loads(run("cites", *s).output)
    assert cites["corpus_citations"][0]["citing"] == want
    assert want in cites["most_cited"][0]["citers"]
    links = json.loads(run("links", *s).output)
    assert want in next(iter(links["shared_trials"].values()))
    assert links["citations_resolved_to_corpus_papers"][0]["citing"] == want


def test_links_has_formats_and_labels(store_path):
    r = run("links", "--store", str(store_path))
    assert r.exit_code == 0 and "shared trial" in r.output and A_LABEL in r.output
    r = run("links", "--store", str(store_path), "--format", "csv")
    assert r.output.splitlines()[0] == "link,trial / work / cited paper,paper"

"""`litkg review`, `litkg review-status`, and verdicts seen downstream (issue 15)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import PROV

from litkg.cli import cli
from litkg.kg.corpus_build import build_corpus
from litkg.kg.curation import Curation, list_facts
from litkg.kg.store import open_store
from litkg.ontology.namespace import LKG

CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text"
DOC = "000_17d089a830d3140c"
ID = re.compile(r"^f-[0-9a-f]{16}$")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One seed paper built once; each test keeps its verdicts in its own file."""
    tmp = tmp_path_factory.mktemp("curation-cli")
    src = tmp / "papers"
    src.mkdir()
    shutil.copy(CORPUS_TEXT / f"{DOC}.txt", src)
    build_corpus([src], tmp / "out", isolate=False, dump=False)
    return str(tmp / "out" / "store")


@pytest.fixture(autouse=True)
def own_curation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "curation.jsonl"
    monkeypatch.setenv("LITKG_CURATION", str(path))
    monkeypatch.setenv("LITKG_REVIEWER", "rev-a")
    return path


def run(*args: str, ok: bool = True) -> str:
    res = CliRunner().invoke(cli, list(args))
    if ok:
        assert res.exit_code == 0, res.output
    return res.output


def _show(store: str, *extra: str) -> dict:
    return json.loads(run("show", DOC, "--format", "json", "--store", store, *extra))


def test_every_fact_in_show_json_carries_its_stable_id(store: str) -> None:
    d = _show(store)
    e = d["study"]
    groups = {
        "study": e["study_facts"],
        "arm": e["arms"],
        "intervention": e["interventions"],
        "outcome": e["outcomes"],
        "adverse_event": d["adverse_events"],
        "reference": d["references"],
    }
    with open_store(store, read_only=True) as s:
        by_id = {f.id: f for f in list_facts(s, DOC)}
    for kind, items in groups.items():
        assert items, kind
        for x in items:
            assert ID.match(x["id"]), (kind, x)
            assert by_id[x["id"]].kind == kind
            assert x["review_status"] == "extracted"
    assert {x["field"] for x in e["study_facts"]} >= {"title", "phase", "design", "registration"}


def _pick(store: str) -> dict:
    """An outcome to confirm, one to correct, one to reject and an AE to correct,
    each with a value nothing else in the paper has."""
    d = _show(store)
    outs = d["study"]["outcomes"]
    values = [o["value"] for o in outs]
    unique = [o for o in outs if values.count(o["value"]) == 1]
    return {"confirm": unique[0], "correct": unique[1], "reject": unique[2],
            "ae": d["adverse_events"][0]}  # fmt: skip


def test_review_then_show_compare_adverse_events_and_meta_analysis_use_it(store: str) -> None:
    p = _pick(store)
    run("review", p["confirm"]["id"], "--confirm", "--store", store)
    out = run("review", p["correct"]["id"], "--set", "value=12.34", "--comment", "Table 2",
              "--store", store)  # fmt: skip
    assert f"value: {p['correct']['value']!r} -> 12.34" in out
    run("review", p["reject"]["id"], "--reject", "--reviewer", "rev-b", "--store", store)
    run("review", p["ae"]["id"], "--set", "n=99", "--store", store)
    run("review", "--add", "outcome", "--paper", DOC, "--quote", "1-year OS", "--page", "1",
        "--set", "endpoint=OS", "--set", "statistic=rate", "--set", "value=43.21",
        "--set", "unit=%", "--set", "timepoint_months=36", "--set", "arm=Controls",
        "--store", store)  # fmt: skip

    d = _show(store)
    outs = {o["id"]: o for o in d["study"]["outcomes"]}
    assert outs[p["confirm"]["id"]]["review_status"] == "confirmed"
    assert outs[p["correct"]["id"]]["value"] == 12.34
    assert outs[p["correct"]["id"]]["review_status"] == "corrected"
    assert p["reject"]["id"] not in outs
    added = [o for o in outs.values() if o["review_status"] == "added"]
    assert [(o["value"], o["timepoint_months"], o["arm"]) for o in added] == [
        (43.21, 36, "Controls")
    ]
    ae = next(a for a in d["adverse_events"] if a["id"] == p["ae"]["id"])
    assert ae["n"] == 99 and ae["review_status"] == "corrected"
    text = run("show", DOC, "--store", store)
    assert re.search(r"^  - .*: 12\.34.* \(corrected\)$", text, re.M), text
    assert re.search(r"^  - OS 36 mo, Controls: 43\.21% \(added\)$", text, re.M), text

    cmp = json.loads(run("compare", "--format", "json", "--store", store))
    values = [o["value"] for o in cmp[0]["outcomes"]]
    assert 12.34 in values and 43.21 in values
    assert p["reject"]["value"] not in values and p["correct"]["value"] not in values
    aes = json.loads(run("adverse-events", "--format", "json", "--store", store))
    assert [a["n"] for a in aes if a["id"] == p["ae"]["id"]] == [99]

    rows = list(csv.DictReader(io.StringIO(
        run("export", "--format", "meta-analysis", "-o", "-", "--store", store))))  # fmt: skip
    got = {r["value"] for r in rows}
    assert "12.34" in got and "43.21" in got
    assert str(p["reject"]["value"]) not in got and str(p["correct"]["value"]) not in got

    # --reviewed-only: the confirmed, corrected and added facts only
    reviewed = json.loads(run("compare", "--format", "json", "--reviewed-only", "--store", store))
    assert sorted(o["value"] for o in reviewed[0]["outcomes"]) == sorted(
        [p["confirm"]["value"], 12.34, 43.21]
    )
    assert reviewed[0]["arms"] == [] and reviewed[0]["title"]  # still named
    aes = json.loads(run("adverse-events", "--format", "json", "--reviewed-only", "--store", store))
    assert [a["id"] for a in aes] == [p["ae"]["id"]]
    rows = list(csv.DictReader(io.StringIO(run(
        "export", "--format", "meta-analysis", "-o", "-", "--reviewed-only", "--store", store))))  # fmt: skip
    assert sorted(float(r["value"]) for r in rows) == sorted([p["confirm"]["value"], 12.34, 43.21])
    d = _show(store, "--reviewed-only")
    assert d["references"] == [] and len(d["study"]["outcomes"]) == 3

    status = json.loads(run("review-status", "--format", "json", "--store", store))
    (row,) = status["papers"]
    assert (row["confirmed"], row["corrected"], row["rejected"], row["added"]) == (1, 2, 1, 1)
    assert row["reviewed"] == 5 and row["orphaned"] == 0
    assert row["paper"]["label"].startswith("Miatech 2026")


def test_the_graph_carries_each_facts_review_status(store: str) -> None:
    p = _pick(store)
    run("review", p["confirm"]["id"], "--confirm", "--store", store)
    run("review", p["reject"]["id"], "--reject", "--store", store)
    q = ("SELECT ?m ?s WHERE { GRAPH <https://w3id.org/litkg/graph/curation> "
         "{ ?m lkg:reviewStatus ?s } ?m a lkg:OutcomeMeasurement }")  # fmt: skip
    rows = json.loads(run("query", q, "--format", "json", "--store", store))
    status = {r["m"]: r["s"].rsplit("/", 1)[-1] for r in rows}
    d = _show(store)
    assert len(status) == len(d["study"]["outcomes"]) + 1  # the rejected one is still in the graph
    assert status[p["confirm"]["iri"]] == "confirmed"
    assert status[p["reject"]["iri"]] == "rejected"
    assert set(status.values()) == {"confirmed", "rejected", "extracted"}


def test_review_status_lists_orphaned_verdicts(store: str, own_curation: Path) -> None:
    with open_store(store, read_only=True) as s:
        paper = list_facts(s, DOC)[0].paper
    gone = {"kind": "outcome", "paper": paper, "fields": {"endpoint": "OS", "value": 61},
            "evidence": {"quote": "a sentence the paper no longer has", "page": 2}}  # fmt: skip
    Curation(own_curation).record("f-0123456789abcdef", "confirm", fact=gone, paper=paper)
    out = run("review-status", "--store", store)
    assert re.search(r"Miatech 2026, Haematologica \| \d+ +\| 0 +\| .*\| 1 *$", out, re.M), out
    assert "f-0123456789abcdef confirm by rev-a" in out and "re-review" in out
    # a verdict on it now is refused (the fact is gone), and the old one stays
    res = CliRunner().invoke(cli, ["review", "f-0123456789abcdef", "--reject", "--store", store])
    assert res.exit_code == 1 and "no fact with id f-0123456789abcdef" in res.output
    assert len(Curation(own_curation).verdicts()) == 1


def test_prov_export_of_the_curation(store: str, tmp_path: Path) -> None:
    p = _pick(store)
    run("review", p["correct"]["id"], "--set", "value=1.5", "--store", store)
    run("review", p["confirm"]["id"], "--confirm", "--store", store)
    ttl = tmp_path / "curation.ttl"
    run("review", "--export", str(ttl), "--store", store)
    g = Graph().parse(ttl)
    acts = sorted(g.subjects(PROV.used, None))
    assert len(acts) == 2
    for a in acts:
        assert (a, PROV.wasAssociatedWith, URIRef("https://w3id.org/litkg/reviewer/rev-a")) in g
        assert g.value(a, PROV.endedAtTime) is not None
    (corr,) = [o for a in acts for o in g.objects(a, PROV.generated)]
    assert float(g.value(corr, LKG.newValue)) == 1.5 and str(g.value(corr, LKG.field)) == "value"
    same = tmp_path / "same.ttl"
    run("export", "--format", "curation", "-o", str(same), "--store", store)
    assert len(Graph().parse(same)) == len(g)


def test_review_errors_are_one_clear_line(store: str, own_curation: Path) -> None:
    fid = _show(store)["study"]["outcomes"][0]["id"]
    cases = [
        (["review", "f-00000000000000ff", "--confirm"], "no fact with id f-00000000000000ff"),
        (["review", "row-12", "--confirm"], "is not a fact id"),
        (["review", fid, "--set", "colour=red"], "has no field 'colour'"),
        (["review", fid, "--set", "value=high"], "'high' is not a number"),
        (["review", "--add", "outcome", "--set", "value=3"], "--add needs --paper"),
        (["review", "--add", "outcome", "--paper", DOC, "--set", "value=3"], "--quote"),
        (["review", "--add", "outcome", "--paper", "nope", "--quote", "x", "--set", "value=3"],
         "no paper with DOI"),
        (["review", fid], "give one of --confirm"),
        (["export", "--format", "turtle", "--reviewed-only", "-o", "-"], "meta-analysis"),
    ]  # fmt: skip
    for args, message in cases:
        res = CliRunner().invoke(cli, [*args, "--store", store])
        assert res.exit_code in (1, 2), (args, res.output)
        assert message in res.output, (args, res.output)
        assert "Traceback" not in res.output
    assert not own_curation.exists()
    own_curation.write_text('{"fact_id": "f-1", "verdict": "confirm"}\nnot json\n')
    res = CliRunner().invoke(cli, ["review-status", "--store", store])
    assert res.exit_code == 1 and "line 1" in res.output and "Traceback" not in res.output

"""Review data model (issue 15): stable fact ids, the curation file, verdicts applied."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from litkg.kg.corpus_build import build_corpus
from litkg.kg.curation import Curation, CurationError, Fact, fact_id, list_facts
from litkg.kg.curation.facts import all_papers, facts_of_papers
from litkg.kg.queries import select
from litkg.kg.store import open_store

CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text"
SEEDS = ["000_17d089a830d3140c.txt", "004_eed059982c442256.txt"]


def _inputs(tmp: Path) -> Path:
    src = tmp / "papers"
    src.mkdir()
    for name in SEEDS:
        shutil.copy(CORPUS_TEXT / name, src / name)
    return src


def _facts(out: Path) -> list[Fact]:
    with open_store(out / "store", read_only=True) as s:
        return facts_of_papers(s, all_papers(s))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two seed papers built once: (inputs, out)."""
    tmp = tmp_path_factory.mktemp("curation")
    src = _inputs(tmp)
    report = build_corpus([src], tmp / "out", isolate=False, dump=False)
    assert len(report.extracted) == 2 and not report.failures
    return src, tmp / "out"


# --- fact ids ------------------------------------------------------------------


def test_fact_id_depends_on_each_part_and_nothing_else() -> None:
    base = ("https://doi.org/10.1/x", "outcome", {"page": 2, "char_start": 10, "char_end": 40})
    a = fact_id(*base, "OS was 80%", "outcome-1")
    assert a == fact_id(*base, "OS was 80%", "outcome-1")
    assert a.startswith("f-") and len(a) == 18 and int(a[2:], 16) >= 0
    # the location's key order does not matter; a string location is a section
    loc = {"char_end": 40, "page": 2, "char_start": 10}
    assert a == fact_id(base[0], "outcome", loc, "OS was 80%", "outcome-1")
    others = {
        fact_id("https://doi.org/10.1/y", *base[1:], "OS was 80%", "outcome-1"),
        fact_id(base[0], "adverse_event", base[2], "OS was 80%", "outcome-1"),
        fact_id(base[0], "outcome", {**base[2], "page": 3}, "OS was 80%", "outcome-1"),
        fact_id(*base, "OS was 81%", "outcome-1"),
        fact_id(*base, "OS was 80%", "outcome-2"),
        fact_id(base[0], "outcome", "Results", "OS was 80%", "outcome-1"),
    }
    assert a not in others and len(others) == 6
    with pytest.raises(ValueError, match="kind"):
        fact_id(base[0], "row", base[2], "q")


def test_every_fact_has_a_unique_id_that_a_second_build_gives_again(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    src, out = built
    first = _facts(out)
    kinds = {f.kind for f in first}
    assert kinds == {"study", "arm", "intervention", "outcome", "adverse_event", "reference"}
    assert len({f.id for f in first}) == len(first)
    # facts read from one table header (the arms) still get distinct ids
    arms = [f for f in first if f.kind == "arm" and f.paper.endswith("300873")]
    assert len(arms) == 3 and len({f.evidence["quote"] for f in arms}) == 1
    # every fact with evidence carries its location and document
    ev = [f for f in first if f.evidence["quote"]]
    assert all(f.evidence["document"] for f in ev)
    assert any(f.evidence["char_start"] is not None and f.evidence["page"] for f in ev)
    again = build_corpus([src], tmp_path / "out2", isolate=False, dump=False)
    assert len(again.extracted) == 2
    assert [(f.id, f.kind, f.fields) for f in _facts(tmp_path / "out2")] == [
        (f.id, f.kind, f.fields) for f in first
    ]


def test_list_facts_takes_a_document_id_and_gives_each_study_field(built) -> None:
    _, out = built
    with open_store(out / "store", read_only=True) as s:
        facts = list_facts(s, "000_17d089a830d3140c")
    study = {next(iter(f.fields)): f for f in facts if f.kind == "study"}
    assert study["phase"].fields == {"phase": "2"}
    assert study["phase"].evidence["quote"] == "phase 2"
    assert study["registration"].evidence["quote"] == "NCT02807883"
    designs = [f.fields["design"] for f in facts if f.kind == "study" and "design" in f.fields]
    assert "single-arm" in designs and len(designs) == len(set(designs))


# --- the curation file -----------------------------------------------------------


def _fact(kind: str = "outcome", value: float = 80, node: str = "p#outcome-1") -> Fact:
    fields = {"endpoint": "OS", "statistic": "rate", "value": value, "unit": "%"}
    ev = {"quote": "OS was 80%", "page": 1, "char_start": 5, "char_end": 15}
    f = Fact("", kind, "https://doi.org/10.1/x", fields, ev, node)
    f.id = fact_id(f.paper, kind, ev, ev["quote"], f.field_key)
    return f


def test_verdicts_record_who_when_old_new_and_comment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LITKG_REVIEWER", "ada")
    monkeypatch.delenv("LITKG_CURATION", raising=False)
    c = Curation.open(tmp_path / "out" / "store")
    assert c.path == tmp_path / "out" / "curation.jsonl"
    f = _fact()
    v = c.record(f.id, "correct", field="value", old=80, new=81.5, comment="table 2", fact=f)
    assert (v.reviewer, v.field, v.old, v.new, v.comment) == ("ada", "value", 80, 81.5, "table 2")
    assert v.time.endswith("Z") and v.time[:4].isdigit() and v.paper == f.paper
    w = c.record(f.id, "confirm", reviewer="bob")
    assert w.reviewer == "bob"
    lines = c.path.read_text().splitlines()
    assert [json.loads(x)["verdict"] for x in lines] == ["correct", "confirm"]
    # a second handle on the same file sees both (nothing cached across handles)
    assert [x.verdict for x in Curation.open(tmp_path / "out").verdicts(f.paper)] == [
        "correct",
        "confirm",
    ]


def test_apply_gives_each_status_and_the_last_word_wins(tmp_path: Path) -> None:
    c = Curation(tmp_path / "c.jsonl")
    conf, corr, rej, untouched = (_fact(node=f"p#outcome-{i}") for i in range(4))
    c.record(conf.id, "confirm", fact=conf)
    c.record(corr.id, "correct", field="value", old=80, new=70, fact=corr)
    c.record(corr.id, "correct", field="value", old=70, new=75, fact=corr)
    c.record(rej.id, "confirm", fact=rej)
    c.record(rej.id, "reject", fact=rej)
    added = c.record(
        None,
        "add",
        fact={"kind": "adverse_event", "paper": conf.paper,
              "fields": {"term": "neutropenia", "grade": "3", "n": 4},
              "evidence": {"quote": "grade 3 neutropenia in 4", "page": 2}},
    )  # fmt: skip
    out = {f.id: f for f in c.apply([conf, corr, rej, untouched])}
    assert out[conf.id].review_status == "confirmed"
    assert out[corr.id].review_status == "corrected"
    assert out[corr.id].fields["value"] == 75 and out[corr.id].corrections == {"value": 80}
    assert out[rej.id].review_status == "rejected"
    assert out[untouched.id].review_status == "extracted"
    assert out[added.fact_id].review_status == "added"
    assert out[added.fact_id].fields["term"] == "neutropenia"
    assert out[added.fact_id].evidence["rule"] == "reviewer"
    # a second fact added from the same quote is another fact
    other = c.record(None, "add", fact={**added.fact, "fields": {"term": "anaemia", "grade": "3"}})
    assert other.fact_id != added.fact_id
    # the facts given are not changed in place
    assert corr.fields["value"] == 80 and corr.review_status == "extracted"


def test_bad_verdicts_are_refused(tmp_path: Path) -> None:
    c = Curation(tmp_path / "c.jsonl")
    with pytest.raises(CurationError, match="unknown verdict"):
        c.record("f-1", "approve")
    with pytest.raises(CurationError, match="field"):
        c.record("f-1", "correct", new=3)
    with pytest.raises(CurationError, match="quote"):
        c.record(None, "add", fact={"kind": "outcome", "paper": "p", "fields": {"value": 1}})
    with pytest.raises(CurationError, match="kind"):
        c.record(None, "add", fact={"kind": "row", "paper": "p", "fields": {"v": 1}})
    assert not c.path.exists()


def test_a_half_written_last_line_is_skipped_a_broken_one_named(tmp_path: Path) -> None:
    c = Curation(tmp_path / "c.jsonl")
    c.record("f-1", "confirm", paper="p")
    with c.path.open("a") as f:
        f.write('{"fact_id": "f-2", "verd')
    assert [v.fact_id for v in Curation(c.path).verdicts()] == ["f-1"]
    c.path.write_text(c.path.read_text() + "\n")
    with pytest.raises(CurationError, match="line 2"):
        Curation(c.path).verdicts()


# --- against a store: rebuilds and orphans ----------------------------------------------


def test_verdicts_survive_a_rebuild_and_vanished_facts_become_orphans(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    out = tmp_path / "out"
    build_corpus([src], out, isolate=False, dump=False)
    c = Curation.open(out)
    with open_store(out / "store", read_only=True) as s:
        facts = list_facts(s, "004_eed059982c442256")
    outs = [f for f in facts if f.kind == "outcome"]
    victim = next(
        f
        for f in outs
        if f.evidence["quote"] and f.evidence["quote"] in (src / SEEDS[1]).read_text()
    )
    keep = next(f for f in outs if f.evidence["quote"] != victim.evidence["quote"])
    c.record(victim.id, "confirm", fact=victim)
    c.record(keep.id, "correct", field="value", old=keep.fields["value"], new=1, fact=keep)
    build_corpus([src], out, isolate=False, dump=False, force=True)
    with open_store(out / "store", read_only=True) as s:
        applied = {f.id: f for f in c.apply(list_facts(s, "004_eed059982c442256"))}
        assert applied[victim.id].review_status == "confirmed"
        assert (
            applied[keep.id].review_status == "corrected" and applied[keep.id].fields["value"] == 1
        )
        assert c.orphans(s) == []
        # the build re-applied the verdicts into the curation graph
        q = "SELECT ?s WHERE { GRAPH <https://w3id.org/litkg/graph/curation> { ?n lkg:reviewStatus ?s } }"
        got = {str(r["s"]).rsplit("/", 1)[-1] for r in select(s, q, {"n": URIRef(keep.node)})}
        assert got == {"corrected"}
    # the paper changes: the confirmed fact's sentence is reworded
    path = src / SEEDS[1]
    text = path.read_text()
    path.write_text(
        text.replace(victim.evidence["quote"], victim.evidence["quote"].replace(" ", "  ", 1))
    )
    build_corpus([src], out, isolate=False, dump=False)
    with open_store(out / "store", read_only=True) as s:
        orphans = c.orphans(s)
        assert [v.fact_id for v in orphans] == [victim.id]
        assert orphans[0].fact["fields"] == victim.fields  # what was reviewed is still known
        rows = {r["paper"]["iri"]: r for r in c.status(s)}
    row = rows[victim.paper]
    assert row["orphaned"] == 1 and row["corrected"] == 1 and row["confirmed"] == 0
    assert len(c.verdicts()) == 2  # kept, never dropped


def test_fact_counts_agree_with_the_facts_listed(built) -> None:
    from collections import Counter

    from litkg.kg.curation.facts import fact_counts

    _, out = built
    with open_store(out / "store", read_only=True) as s:
        papers = all_papers(s)
        listed = Counter(f.paper for f in facts_of_papers(s, papers))
        assert fact_counts(s, papers) == dict(listed) and len(listed) == 2

"""`litkg compare` and `litkg adverse-events` on a small graph whose content is
known by construction (three records written here), plus the gold corpus when
../shared is present. The record fixtures are shared with the other report
tests (`from test_compare import ...`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.kg.adverse import adverse_events, reaches
from litkg.kg.adverse import render as render_ae
from litkg.kg.build import RunInfo, paper_graph
from litkg.kg.compare import Filters, compare, key_label, render
from litkg.kg.records_io import record_from_dict
from litkg.kg.store import open_store, recompute_shared, replace_paper_graph

FROZEN = RunInfo.at("2026-01-01T00:00:00+00:00")


def _ev(quote: str, page: int) -> dict:
    return {"quote": quote, "char_start": 0, "char_end": len(quote), "page": page}


RECORD_A = {
    "document": "trial_a",
    "study": {
        "title": "Drug X maintenance after transplant: a phase 2 trial",
        "doi": "10.1234/a.2024.1",
        "journal": "Example Journal of Haematology",
        "first_author": "Okafor",
        "year": 2024,
        "article_type": "trial-report",
        "registrations": ["NCT01234567"],
        "phase": "2",
        "design": ["prospective", "single-arm"],
    },
    "arms": [
        {"label": "drug X", "role": "intervention", "n": 40},
        {"label": "historical controls", "role": "control", "n": 80},
    ],
    "interventions": [
        {
            "drug": "drug x",
            "dose": 28,
            "unit": "ug/day",
            "route": "iv",
            "days": "1-28",
            "cycles": 4,
            "provenance": _ev("drug X 28 ug/day on days 1-28 for 4 cycles", 2),
        },
    ],  # fmt: skip
    "outcomes": [
        {
            "endpoint": "OS",
            "statistic": "rate",
            "value": 81.6,
            "unit": "%",
            "timepoint_months": 12,
            "arm": "intervention",
            "ci": [64.7, 100],
            "p": 0.03,
            "provenance": _ev("The 1-year OS was 81.6% (95% CI 64.7-100%)", 3),
        },
        {
            "endpoint": "OS",
            "statistic": "rate",
            "value": 60,
            "unit": "%",
            "timepoint_months": 12,
            "arm": "control",
            "ci": None,
            "p": None,
            "provenance": _ev("versus 60% in historical controls", 3),
        },
        {
            "endpoint": "CIR",
            "statistic": "rate",
            "value": 20,
            "unit": "%",
            "timepoint_months": 24,
            "arm": "intervention",
            "ci": [10, 30],
            "p": None,
            "provenance": _ev("The 2-year CIR was 20% (95% CI 10-30%)", 4),
        },
    ],  # fmt: skip
    "adverse_events": [
        {
            "term": "neutropenia",
            "grade": "4",
            "n": 8,
            "percent": 20,
            "arm": "intervention",
            "provenance": _ev("grade 4 neutropenia occurred in 8 (20%) patients", 5),
        },
        {
            "term": "cytokine release syndrome",
            "grade": "1-2",
            "n": 10,
            "percent": 25,
            "arm": "intervention",
            "provenance": _ev("CRS grade 1-2 in 10 (25%)", 5),
        },
        {
            "term": "infection",
            "grade": ">=3",
            "n": 5,
            "percent": None,
            "arm": "intervention",
            "provenance": _ev("grade >=3 infections in 5 patients", 5),
        },
    ],  # fmt: skip
    "references": [
        {
            "index": 1,
            "first_author": "Smith",
            "year": 2010,
            "journal": "Blood",
            "volume": "115",
            "first_page": "100",
            "doi": None,
        },
        {
            "index": 2,
            "first_author": "Jones",
            "year": 2025,
            "journal": "Example J",
            "volume": "3",
            "first_page": "7",
            "doi": "10.1234/b.2025.2",
        },
    ],  # fmt: skip
}

RECORD_B = {
    "document": "trial_b",
    "study": {
        "title": "Drug Y versus standard care: a randomized phase 3 trial",
        "doi": "10.1234/b.2025.2",
        "journal": "Example J",
        "first_author": "Jones",
        "year": 2025,
        "article_type": "trial-report",
        "registrations": ["NCT01234567"],
        "phase": "3",
        "design": ["randomized", "multicenter"],
    },
    "arms": [{"label": "drug Y", "role": "intervention", "n": 100}],
    "interventions": [{"drug": "drug y", "dose": 10, "unit": "mg/day", "route": "po"}],
    "outcomes": [
        {
            "endpoint": "OS",
            "statistic": "rate",
            "value": 70,
            "unit": "%",
            "timepoint_months": 12,
            "arm": "intervention",
            "provenance": _ev("1-year OS 70%", 2),
        },
        {
            "endpoint": "PFS",
            "statistic": "median",
            "value": 14.2,
            "unit": "months",
            "timepoint_months": None,
            "arm": "intervention",
            "provenance": _ev("median PFS 14.2 months", 2),
        },
    ],  # fmt: skip
    "adverse_events": [
        {
            "term": "neutropenia",
            "grade": "3-4",
            "n": 30,
            "percent": 30,
            "arm": "intervention",
            "provenance": _ev("grade 3-4 neutropenia in 30 (30%)", 3),
        },
    ],  # fmt: skip
    "references": [
        {
            "index": 1,
            "first_author": "Smith",
            "year": 2010,
            "journal": "Blood",
            "volume": "115",
            "first_page": "100",
            "doi": None,
        },
    ],  # fmt: skip
}

RECORD_C = {
    "document": "comment_c",
    "study": {"title": "A comment on maintenance", "year": 2025, "article_type": "editorial"},
    "references": [
        {
            "index": 1,
            "first_author": "Smith",
            "year": 2010,
            "journal": "Blood",
            "volume": "115",
            "first_page": "100",
            "doi": None,
        },
    ],  # fmt: skip
}

RECORDS = (RECORD_A, RECORD_B, RECORD_C)


def build_store(path: Path, records: tuple[dict, ...] = RECORDS):
    """An embedded store holding the records' paper graphs and the shared graph."""
    store = open_store(path)
    for d in records:
        rec = record_from_dict(d)
        _, g = paper_graph(rec, {"doc_id": d["document"], "sha256": d["document"] * 4}, FROZEN)
        replace_paper_graph(store, _, g)
    recompute_shared(store)
    store.close()
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("kg") / "store")


@pytest.fixture()
def store(store_path):
    s = open_store(store_path, read_only=True)
    yield s
    s.close()


# --- compare -----------------------------------------------------------------


def test_compare_reads_every_study_with_its_design_arms_and_outcomes(store):
    c = compare(store)
    assert [e.document for e in c.studies] == ["trial_a", "comment_c", "trial_b"]
    a = c.studies[0]
    assert (a.doi, a.year, a.phase, a.article_type) == (
        "10.1234/a.2024.1",
        2024,
        "2",
        "trial-report",
    )
    assert a.design == ["prospective", "single-arm"]
    assert a.registrations == ["NCT01234567"]
    assert [(x.label, x.role, x.n) for x in a.arms] == [
        ("drug X", "intervention", 40),
        ("historical controls", "control", 80),
    ]
    assert [i.text() for i in a.interventions] == ["drug x 28 ug/day iv d1-28 x4 cycles"]
    os12 = [o for o in a.outcomes if o.key == ("OS", "rate", 12.0)]
    assert [(o.arm, o.value, o.ci, o.p, o.page) for o in os12] == [
        ("drug X", 81.6, (64.7, 100), None, 3),
        ("historical controls", 60, None, None, 3),
    ]
    # the p printed with one arm's rate compares the two arms: it is the comparison's
    assert [(x.key, x.arms, x.p) for x in a.comparisons] == [
        (("OS", "rate", 12.0), ["drug X", "historical controls"], 0.03)
    ]
    assert os12[0].evidence == "The 1-year OS was 81.6% (95% CI 64.7-100%)"
    # the editorial reports nothing but its bibliographic data: blanks, not guesses
    cmt = c.studies[1]
    assert (cmt.phase, cmt.design, cmt.registrations, cmt.arms, cmt.outcomes) == (
        None, [], [], [], []
    )  # fmt: skip


@pytest.mark.parametrize(
    ("filters", "docs"),
    [
        (Filters(endpoint="OS"), ["trial_a", "trial_b"]),
        (Filters(endpoint="pfs"), ["trial_b"]),
        (Filters(endpoint="CIR", timepoint=24), ["trial_a"]),
        (Filters(endpoint="CIR", timepoint=12), []),
        (Filters(drug="Drug Y"), ["trial_b"]),
        (Filters(design="single-arm"), ["trial_a"]),
        (Filters(endpoint="OS", timepoint=12.0, drug="drug x", design="single-arm"), ["trial_a"]),
    ],
)
def test_compare_filters(store, filters, docs):
    assert [e.document for e in compare(store, filters).studies] == docs


def test_compare_filter_on_endpoint_keeps_only_that_endpoint(store):
    c = compare(store, Filters(endpoint="OS", timepoint=12))
    assert c.outcome_keys() == [("OS", "rate", 12.0)]
    assert key_label(("OS", "rate", 12.0)) == "OS 12 mo"
    assert key_label(("PFS", "median", None)) == "PFS median"


def test_compare_formats(store):
    c = compare(store, Filters(endpoint="OS"))
    table = render(c, "table", width=120)
    assert "Okafor 2024, Example J" in table and "Jones 2025, Example J" in table
    assert "drug X: 81.6% (95% CI" in table and "p=0.03 (drug X vs historical" in table
    md = render(c, "markdown")
    assert md.splitlines()[0] == "|  | Okafor 2024, Example J Haematol | Jones 2025, Example J |"
    assert (
        "| OS 12 mo | drug X: 81.6% (95% CI 64.7-100)<br>historical controls: 60%"
        "<br>p=0.03 (drug X vs historical controls) | drug Y: 70% |" in md
    )
    rows = list(csv.DictReader(io.StringIO(render(c, "csv"))))
    assert [(r["document"], r["arm"], r["n"], r["OS 12 mo"]) for r in rows] == [
        ("trial_a", "drug X", "40", "81.6% (95% CI 64.7-100)"),
        ("trial_a", "historical controls", "80", "60%"),
        ("trial_a", "drug X vs historical controls", "", "p=0.03"),
        ("trial_b", "drug Y", "100", "70%"),
    ]
    # a column the paper does not report is blank
    assert rows[3]["phase"] == "3" and rows[3]["population"] == ""
    data = json.loads(render(c, "json"))
    assert data[0]["outcomes"][0]["evidence"] == "The 1-year OS was 81.6% (95% CI 64.7-100%)"
    assert render(compare(store, Filters(endpoint="GRFS")), "table") == "no study matches"


def test_compare_cli(store_path):
    r = CliRunner().invoke(
        cli, ["compare", "--store", str(store_path), "--endpoint", "OS", "--timepoint", "12",
              "--drug", "drug x", "--format", "csv"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    row = next(csv.reader(io.StringIO(r.output.splitlines()[1])))
    assert row[:4] == [
        "https://doi.org/10.1234/a.2024.1", "Okafor 2024, Example J Haematol", "10.1234/a.2024.1",
        "trial_a",
    ]  # fmt: skip
    missing = CliRunner().invoke(cli, ["compare", "--store", str(store_path) + "-none"])
    assert missing.exit_code != 0 and "no store" in missing.output


# --- adverse events ----------------------------------------------------------


def test_grade_threshold_counts_ranges_by_their_upper_bound():
    assert reaches(4, 3) and reaches(5, 3) and not reaches(2, 3) and not reaches(None, 3)
    assert reaches(None, None)


def test_adverse_events_by_grade(store):
    every = adverse_events(store)
    assert [(a.term, a.grade, a.paper_label, a.n, a.percent) for a in every] == [
        ("cytokine release syndrome", "1-2", "Okafor 2024, Example J Haematol", 10, 25),
        ("infection", ">=3", "Okafor 2024, Example J Haematol", 5, None),
        ("neutropenia", "3-4", "Jones 2025, Example J", 30, 30),
        ("neutropenia", "4", "Okafor 2024, Example J Haematol", 8, 20),
    ]
    grade3 = adverse_events(store, min_grade=3)
    assert [(a.term, a.grade) for a in grade3] == [
        ("infection", ">=3"), ("neutropenia", "3-4"), ("neutropenia", "4")
    ]  # fmt: skip
    assert [a.grade for a in adverse_events(store, min_grade=4)] == [">=3", "3-4", "4"]
    assert adverse_events(store, min_grade=5) == [a for a in every if a.grade == ">=3"]
    assert [a.paper for a in adverse_events(store, term="neutropenia", filters=Filters(drug="drug y"))] == ["https://doi.org/10.1234/b.2025.2"]  # fmt: skip
    a = grade3[-1]
    assert (a.arm, a.arm_n, a.evidence, a.page) == (
        "drug X", 40, "grade 4 neutropenia occurred in 8 (20%) patients", 5
    )  # fmt: skip
    table = render_ae(grade3, "table")
    assert "drug X (n=40): 8 (20%)" in table and "drug Y (n=100): 30 (30%)" in table


def test_adverse_events_cli(store_path):
    r = CliRunner().invoke(
        cli, ["adverse-events", "--store", str(store_path), "--min-grade", "3", "--format", "csv"]
    )
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [(x["term"], x["grade"], x["n"]) for x in rows] == [
        ("infection", ">=3", "5"), ("neutropenia", "3-4", "30"), ("neutropenia", "4", "8")
    ]  # fmt: skip


# --- the gold corpus ---------------------------------------------------------


def test_compare_on_gold_records(tmp_path):
    from conftest import SHARED

    gold = SHARED / "eval" / "gold"
    if not gold.is_dir():
        pytest.skip(f"{gold} is absent")
    records = tuple(json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold.glob("*.json")))
    with open_store(build_store(tmp_path / "gold", records), read_only=True) as s:
        c = compare(s, Filters(endpoint="OS", timepoint=12))
        for e in c.studies:
            d = next(r for r in records if r["document"] == e.document)
            expected = sorted(
                o["value"] for o in d["outcomes"]
                if o["endpoint"] == "OS" and o.get("timepoint_months") == 12
            )  # fmt: skip
            assert sorted(o.value for o in e.outcomes) == expected
        assert len(c.studies) == sum(
            any(o["endpoint"] == "OS" and o.get("timepoint_months") == 12 for o in r["outcomes"])
            for r in records
        )

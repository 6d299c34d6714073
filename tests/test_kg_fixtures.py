"""Small study records for the graph tests (imported by the other test_kg_* modules),
and a check that they are what the other tests assume."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from litkg.kg.build import RunInfo
from litkg.kg.records_io import record_from_dict

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gold"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FROZEN = RunInfo.at("2026-01-02T03:04:05+00:00")

TEXT_A = (
    "Drug X maintenance after transplant: a phase 2 trial. ClinicalTrials.gov NCT01234567. "
    "The 1-year OS was 81.6% (95% CI 64.7-100%). Median PFS was 10.2 months. "
    "Grade 4 neutropenia occurred in 8 (20%) patients."
)


def record_a() -> dict[str, Any]:
    """A trial report with a DOI, a registration, two arms and references."""
    return {
        "document": "paper_a",
        "study": {
            "title": "Drug X maintenance after transplant: a phase 2 trial",
            "doi": "10.1234/Example.2024.001",
            "journal": "Example Journal of Haematology",
            "year": 2024,
            "article_type": "trial-report",
            "registrations": ["NCT01234567"],
            "phase": "2",
            "design": ["prospective", "single-arm", "multicenter"],
        },
        "arms": [
            {"label": "drug X", "role": "intervention", "n": 40},
            {"label": "historical controls", "role": "control", "n": 80},
        ],
        "interventions": [
            {"drug": "drug x", "dose": 28, "unit": "ug/day", "route": "iv", "days": "1-28",
             "cycles": 4},
        ],
        "outcomes": [
            {"endpoint": "OS", "statistic": "rate", "value": 81.6, "unit": "%",
             "timepoint_months": 12, "arm": "intervention", "ci": [64.7, 100], "p": None,
             "evidence": "The 1-year OS was 81.6% (95% CI 64.7-100%)."},
            {"endpoint": "PFS", "statistic": "median", "value": 10.2, "unit": "months",
             "timepoint_months": None, "arm": "intervention", "ci": None, "p": None,
             "evidence": "Median PFS was 10.2 months."},
            {"endpoint": "OS", "statistic": "hr", "value": 0.5, "unit": None,
             "timepoint_months": None, "arm": "intervention", "ci": [0.3, 0.8], "p": 0.01,
             "evidence": "not in the text"},
        ],
        "adverse_events": [
            {"term": "neutropenia", "grade": "4", "n": 8, "percent": 20, "arm": "intervention",
             "evidence": "Grade 4   neutropenia occurred in 8 (20%) patients."},
        ],
        "references": [
            {"index": 1, "first_author": "Gökbuget", "year": 2012, "journal": "Blood",
             "volume": "120", "first_page": "1868", "doi": None},
            {"index": 2, "first_author": "Kantarjian", "year": 2017,
             "journal": "N Engl J Med", "volume": "376", "first_page": "836",
             "doi": "10.1056/NEJMoa1609783"},
            {"index": 3, "first_author": "Doe", "year": 2022, "journal": "Example J Haematol",
             "volume": "10", "first_page": "100", "doi": None},
        ],
    }  # fmt: skip


def record_b() -> dict[str, Any]:
    """An abstract without DOI reporting the same trial; cited by A (ref 3)."""
    return {
        "document": "paper_b",
        "study": {
            "title": "Drug X: first results",
            "doi": None,
            "journal": "Example Journal of Haematology",
            "year": 2022,
            "article_type": "abstract",
            "registrations": ["NCT 01234567"],
            "phase": "1/2",
            "design": ["open-label"],
        },
        "arms": [{"label": "all patients", "role": "intervention", "n": 12}],
        "interventions": [{"drug": "Drug X", "dose": 9, "unit": "ug/day", "route": "iv"}],
        "outcomes": [
            {"endpoint": "CR", "statistic": "rate", "value": 45, "unit": "%", "arm": "intervention",
             "evidence": "Forty-five percent achieved CR."},
        ],
        "adverse_events": [],
        "references": [
            {"index": 1, "first_author": "Gokbuget", "year": 2012,
             "journal": "Blood", "volume": "120", "first_page": "1868"},
            {"index": 2, "first_author": "Kantarjian", "year": 2017,
             "journal": "New England Journal of Medicine", "volume": "376", "first_page": "836"},
        ],
    }  # fmt: skip


META_B_BIBLIO = {"first_author": "Doe", "volume": "10", "first_page": "100"}


def meta(doc: str, text: str, **extra: Any) -> dict[str, Any]:
    """doc_meta for paper_graph."""
    return {
        "doc_id": doc,
        "source": f"corpus/text/{doc}.txt",
        "source_format": "text",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "n_pages": 1,
        **extra,
    }


def built_a() -> tuple[Any, Any]:
    """(record, doc_meta) of paper A, evidence anchored in TEXT_A."""
    return record_from_dict(record_a(), text=TEXT_A), meta("paper_a", TEXT_A)


def built_b(with_biblio: bool = True) -> tuple[Any, Any]:
    """(record, doc_meta) of paper B; with its own first author/volume/page by default."""
    extra = META_B_BIBLIO if with_biblio else {}
    return record_from_dict(record_b()), meta("paper_b", "text of paper b", **extra)


def gold_items() -> list[tuple[Any, dict[str, Any]]]:
    """(record, doc_meta) of each gold record, evidence anchored in the seed text;
    skips the test when ../shared is absent."""
    files = sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []
    if not files:
        pytest.skip(f"{GOLD} is absent")
    out = []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        seed = SEEDS / f"{d['document']}.txt"
        text = seed.read_text(encoding="utf-8") if seed.is_file() else ""
        m = meta(d["document"], text or json.dumps(d))
        m["source"] = str(seed)
        out.append((record_from_dict(d, text=text or None), m))
    return out


def test_fixture_evidence_is_anchored_where_the_text_has_it() -> None:
    rec, _ = built_a()
    os_rate, pfs, hr = rec.outcomes
    assert os_rate.provenance.char_start == TEXT_A.index("The 1-year OS")
    assert TEXT_A[pfs.provenance.char_start : pfs.provenance.char_end] == pfs.provenance.quote
    assert hr.provenance.char_start == -1  # quote not in the text: no span
    ae = rec.adverse_events[0]  # white space differs from the text
    assert TEXT_A[ae.provenance.char_start : ae.provenance.char_end].startswith("Grade 4 neutro")

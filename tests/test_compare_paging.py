"""`compare --limit/--offset`: pages of the studies in their display order,
each page's studies read in full, the whole count reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_compare import build_store

from litkg.cli import cli
from litkg.kg.compare import Filters, compare, to_json
from litkg.kg.store import open_store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("kg") / "store")


@pytest.fixture()
def store(store_path):
    s = open_store(store_path, read_only=True)
    yield s
    s.close()


def _docs(c) -> list[str]:
    return [e.document for e in c.studies]


def test_pages_follow_the_display_order(store) -> None:
    assert _docs(compare(store)) == ["trial_a", "comment_c", "trial_b"]
    assert _docs(compare(store, limit=2)) == ["trial_a", "comment_c"]
    assert _docs(compare(store, limit=2, offset=2)) == ["trial_b"]
    assert _docs(compare(store, offset=1)) == ["comment_c", "trial_b"]
    assert _docs(compare(store, limit=5, offset=3)) == []
    assert compare(store, limit=1).total == 3


def test_a_page_holds_its_studies_in_full(store) -> None:
    whole = {d["document"]: d for d in to_json(compare(store))}
    page = to_json(compare(store, limit=1, offset=2))
    assert [d["document"] for d in page] == ["trial_b"]
    assert page[0] == whole["trial_b"]


def test_paging_applies_after_the_filters(store) -> None:
    c = compare(store, Filters(endpoint="OS"), limit=1, offset=1)
    assert _docs(c) == ["trial_b"] and c.total == 2


def test_cli_limit_offset(store_path) -> None:
    r = CliRunner().invoke(
        cli, ["compare", "--store", str(store_path), "--format", "json", "--limit", "1",
              "--offset", "1"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert [d["document"] for d in json.loads(r.stdout)] == ["comment_c"]
    assert "studies 2-2 of 3; --offset 2 for the next" in r.stderr
    bad = CliRunner().invoke(cli, ["compare", "--store", str(store_path), "--limit", "0"])
    assert bad.exit_code == 2


def test_copies_of_a_paper_come_in_the_order_of_their_iris(tmp_path: Path) -> None:
    """Papers of one year and document id (copies of one paper) sort by their
    IRI, whatever order the store returns their rows in, on every page."""
    from litkg.kg.store import OxigraphStore

    lkg = "https://w3id.org/litkg/ns#"
    year = "<http://purl.org/spar/fabio/hasPublicationYear>"
    gyear = "<http://www.w3.org/2001/XMLSchema#gYear>"
    s = OxigraphStore(tmp_path / "store")
    names = ["p3", "p0", "p4", "p1", "p2"]
    for name in names:
        p = f"https://example.org/{name}"
        s.replace_graph(
            p,  # type: ignore[arg-type]
            f'<{p}> <{lkg}documentId> "same_doc" .\n<{p}> {year} "2020"^^{gyear} .\n'
            f"<{p}> <{lkg}reports> <{p}#study> .\n"
            f"<{p}#study> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{lkg}StudyReport> .",
        )
    s.publish()
    s.close()
    with open_store(tmp_path / "store", read_only=True) as r:
        whole = [e.paper.rsplit("/", 1)[-1] for e in compare(r).studies]
        paged = [e.paper.rsplit("/", 1)[-1] for e in compare(r, limit=2, offset=1).studies]
    assert whole == sorted(names)
    assert paged == ["p1", "p2"]

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

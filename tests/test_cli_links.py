"""Issue 14 item 3: a reference links to a corpus paper by DOI only when the DOI
is the reference's own, else by first author + year + (page or title); the
graph then tells the same journal as the record. Records written here in a
house style of their own (a public-health trial and two cohort studies)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_compare import build_store

from litkg.cli import cli
from litkg.kg.compare import compare
from litkg.kg.link import compute_links
from litkg.kg.show import show
from litkg.kg.store import open_store


def _ref(index, author, year, journal, volume=None, page=None, doi=None, title=None):
    return {"index": index, "first_author": author, "year": year, "journal": journal,
            "volume": volume, "first_page": page, "doi": doi, "title": title}  # fmt: skip


WALK = {
    "document": "walking_trial",
    "study": {
        "title": "Telephone coaching for walking after bowel surgery",
        "year": 2013,
        "doi": "10.5555/wlk.2013.77",
        "journal": "Public Health Trials",
        "first_author": "Ngata",
        "article_type": "trial-report",
    },  # fmt: skip
    "references": [
        _ref(1, "Lee", 2011, "Prev Sci", "12", "40", title="Walking programmes in primary care"),
        # the last entry ran into the page footer, which prints this paper's own DOI
        _ref(2, "Ortiz", 2013, "Am J Health Promot", "27", "81", doi="10.5555/wlk.2013.77"),
        # a DOI spilled from the next entry: another corpus paper's, but not this work's
        _ref(3, "Brandt", 2009, "Health Educ Res", "24", "5", doi="10.5555/coh.2011.3"),
        # no DOI and no pages: author, year and title identify the cohort paper
        _ref(4, "Ikeda", 2011, "Epidemiology Reports", title="Step counts in a rural cohort"),
        # same author and year, another title and no pages: not that paper
        _ref(5, "Ikeda", 2011, "Epidemiology Reports", title="Sleep in a rural cohort"),
    ],
}
COHORT = {
    "document": "step_cohort",
    "study": {
        "title": "Step counts in a rural cohort",
        "year": 2011,
        "doi": "10.5555/coh.2011.3",
        "journal": "Epidemiology Reports",
        "first_author": "Ikeda",
        "article_type": "cohort-study",
    },  # fmt: skip
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgl") / "store", (WALK, COHORT))


@pytest.fixture()
def store(store_path):
    s = open_store(store_path, read_only=True)
    yield s
    s.close()


def test_own_doi_in_the_last_reference_does_not_merge_the_work_into_the_paper(store):
    journals = {e.document: e.journal for e in compare(store).studies}
    assert journals["walking_trial"] == "Public Health Trials"
    v = show(store, "walking_trial")
    assert v.study is not None and v.study.journal == "Public Health Trials"
    ortiz = next(r for r in v.references if r.index == 2)
    assert ortiz.resolves_to is None and ortiz.doi is None
    assert v.cited_by == []  # the paper does not cite itself


def test_a_spilled_doi_of_another_paper_does_not_resolve(store):
    resolved = {(work, paper) for _, work, paper in compute_links(store)[1].resolved}
    v = show(store, "walking_trial")
    brandt = next(r for r in v.references if r.index == 3)
    assert brandt.resolves_to is None
    assert show(store, "step_cohort").study.journal == "Epidemiology Reports"
    assert all(w != "https://doi.org/10.5555/coh.2011.3" for w, _ in resolved)


def test_author_year_and_title_resolve_a_reference_without_doi_or_pages(store):
    v = show(store, "walking_trial")
    by_index = {r.index: r.resolves_to for r in v.references}
    assert by_index[4] == "Ikeda 2011, Epidemiol Rep"
    assert by_index[5] is None and by_index[1] is None


def test_show_and_compare_agree_with_the_record_on_the_cli(store_path):
    r = CliRunner().invoke(cli, ["show", "walking_trial", "--store", str(store_path)])
    assert r.exit_code == 0
    assert "journal: Public Health Trials" in r.output and "Am J Health Promot\n" not in r.output

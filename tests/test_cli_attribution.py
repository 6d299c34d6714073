"""Issue 14 item 9: whom a result belongs to. A between-group p-value is the
comparison's, not each arm's; a follow-up median carries no p; an editorial's
quoted results are the discussed study's; a result without an arm says so.
Records written here (a two-arm antifungal trial and a commentary on it)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from test_compare import _ev, build_store

from litkg.cli import cli
from litkg.kg.compare import compare, render


def _o(endpoint, value, arm, p=None, tp=None, statistic="rate", unit="%"):
    return {"endpoint": endpoint, "statistic": statistic, "value": value, "unit": unit,
            "timepoint_months": tp, "arm": arm, "p": p,
            "provenance": _ev(f"{endpoint} {value} {arm}", 4)}  # fmt: skip


TRIAL = {
    "document": "fungal_trial",
    "study": {
        "title": "Prophylaxis with drug P or drug Q",
        "year": 2022,
        "doi": "10.5555/fun.1",
        "journal": "Mycoses Reports",
        "first_author": "Varga",
        "article_type": "trial-report",
    },  # fmt: skip
    "arms": [
        {"label": "drug P", "role": "intervention", "n": 50},
        {"label": "drug Q", "role": "control", "n": 48},
    ],
    "outcomes": [
        _o("OS", 88, "intervention", p=0.41, tp=6),
        _o("OS", 84, "control", p=0.41, tp=6),
        _o("FOLLOWUP", 18.5, "intervention", p=0.02, statistic="median", unit="months"),
        _o("NRM", 4, None, tp=6),
    ],
}
COMMENT = {
    "document": "fungal_comment",
    "study": {
        "title": "Which azole after transplant?",
        "year": 2023,
        "doi": "10.5555/fun.2",
        "journal": "Mycoses Reports",
        "first_author": "Osei",
        "article_type": "editorial",
    },  # fmt: skip
    "outcomes": [_o("OS", 88, "intervention", tp=6)],
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kga") / "store", (TRIAL, COMMENT))


@pytest.fixture()
def comparison(store_path):
    from litkg.kg.store import open_store

    with open_store(store_path, read_only=True) as s:
        yield compare(s)


def _study(c, doc):
    return next(e for e in c.studies if e.document == doc)


def test_a_shared_p_belongs_to_the_comparison(comparison):
    e = _study(comparison, "fungal_trial")
    os6 = [o for o in e.outcomes if o.endpoint == "OS"]
    assert [(o.arm, o.p) for o in os6] == [("drug P", None), ("drug Q", None)]
    assert [(c.key, c.arms, c.p) for c in e.comparisons] == [
        (("OS", "rate", 6.0), ["drug P", "drug Q"], 0.41)
    ]
    md = render(comparison, "markdown")
    assert "drug P: 88%<br>drug Q: 84%<br>p=0.41 (drug P vs drug Q)" in md
    assert "88% p=0.41" not in md


def test_follow_up_medians_carry_no_p(comparison):
    fu = [o for o in _study(comparison, "fungal_trial").outcomes if o.endpoint == "FOLLOWUP"]
    assert [(o.value, o.p) for o in fu] == [(18.5, None)]


def test_a_result_without_an_arm_says_so(comparison):
    nrm = [o for o in _study(comparison, "fungal_trial").outcomes if o.endpoint == "NRM"]
    assert [(o.arm, o.attribution) for o in nrm] == [(None, "arm not stated")]
    assert "arm not stated: 4%" in render(comparison, "markdown")


def test_an_editorials_quoted_result_is_the_discussed_studys(comparison):
    e = _study(comparison, "fungal_comment")
    assert [(o.arm, o.attribution) for o in e.outcomes] == [(None, "discussed study")]
    assert "discussed study: 88%" in render(comparison, "markdown")


def test_json_and_csv_carry_the_comparison(store_path):
    r = CliRunner().invoke(cli, ["compare", "--store", str(store_path), "--format", "json"])
    trial = next(s for s in json.loads(r.output) if s["document"] == "fungal_trial")
    assert trial["comparisons"][0]["p"] == 0.41
    assert all(o["p"] is None for o in trial["outcomes"])
    r = CliRunner().invoke(cli, ["compare", "--store", str(store_path), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.output)))
    cmp = next(x for x in rows if x["role"] == "comparison")
    assert (cmp["arm"], cmp["OS 6 mo"]) == ("drug P vs drug Q", "p=0.41")

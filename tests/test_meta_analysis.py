"""`litkg export --format meta-analysis`: the long CSV (rows, effect sizes derived
only from printed numbers, shared-trial flags, latest follow-up)."""

from __future__ import annotations

import csv
import io
import math

import pytest
from click.testing import CliRunner
from test_compare import build_store

from litkg.cli import cli
from litkg.kg.compare import OutcomeInfo, compare
from litkg.kg.meta_analysis import COLUMNS, Z95, effect_size, rows, to_csv
from litkg.kg.store import open_store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgm") / "store")


@pytest.fixture(scope="module")
def table(store_path):
    with open_store(store_path, read_only=True) as s:
        return rows(compare(s))


def test_one_row_per_study_arm_endpoint_timepoint(table):
    got = [(r["study_id"], r["arm"], r["endpoint"], r["statistic"], r["timepoint_months"])
           for r in table]  # fmt: skip
    assert got == [
        ("trial_a", "drug X", "OS", "rate", "12"),
        ("trial_a", "historical controls", "OS", "rate", "12"),
        ("trial_a", "drug X", "CIR", "rate", "24"),
        ("trial_b", "drug Y", "OS", "rate", "12"),
        ("trial_b", "drug Y", "PFS", "median", ""),
    ]
    a = table[0]
    assert (a["value"], a["ci_lower"], a["ci_upper"], a["p_value"], a["ni"], a["xi"]) == (
        "81.6",
        "64.7",
        "100",
        "",
        "40",
        "",
    )  # fmt: skip  (the p compares the two arms: not this arm's, see kg/compare.py)
    assert (a["evidence"], a["page"]) == ("The 1-year OS was 81.6% (95% CI 64.7-100%)", "3")
    assert table[1]["ni"] == "80" and table[1]["arm_role"] == "control"


def test_same_trial_flagged_and_latest_follow_up_marked(table):
    # trial_a (2024) and trial_b (2025) both report NCT01234567
    for r in table:
        assert (r["trial_id"], r["n_reports"], r["shared_trial"]) == ("NCT01234567", "2", "1")
        assert r["latest_followup"] == ("1" if r["study_id"] == "trial_b" else "0")


def test_effect_sizes_only_from_printed_numbers(table):
    a = table[0]  # 81.6% (64.7-100)
    assert a["measure"] == "PR" and float(a["yi"]) == pytest.approx(0.816)
    assert float(a["sei"]) == pytest.approx((1.0 - 0.647) / (2 * Z95), rel=1e-5)
    assert a["vi_source"] == "ci"
    ctl = table[1]  # 60% of 80, no CI: binomial variance
    assert float(ctl["sei"]) == pytest.approx(math.sqrt(0.6 * 0.4 / 80), rel=1e-5)
    assert ctl["vi_source"] == "binomial"
    pfs = table[4]  # a median without CI: no variance
    assert (pfs["measure"], pfs["yi"], pfs["sei"], pfs["vi"]) == ("MED", "14.2", "", "")
    hr = effect_size(OutcomeInfo("OS", "hr", 0.5, ci=(0.25, 1.0)), None)
    assert hr["measure"] == "logHR" and hr["yi"] == pytest.approx(math.log(0.5))
    assert hr["sei"] == pytest.approx(math.log(4) / (2 * Z95))
    by_p = effect_size(OutcomeInfo("OS", "hr", 0.54, p=0.005), None)
    assert by_p["vi_source"] == "p" and by_p["sei"] == pytest.approx(
        abs(math.log(0.54)) / 2.807, rel=1e-3
    )
    none = effect_size(OutcomeInfo("OS", "rate", 50, unit="%"), None)
    assert (none["yi"], none["sei"], none["vi_source"]) == (0.5, None, "")


def test_csv_header_and_cli(store_path, tmp_path):
    with open_store(store_path, read_only=True) as s:
        text = to_csv(compare(s))
    assert text.splitlines()[0].split(",") == COLUMNS
    out = tmp_path / "ma.csv"
    r = CliRunner().invoke(
        cli, ["export", "--format", "meta-analysis", "-o", str(out), "--store", str(store_path)]
    )
    assert r.exit_code == 0, r.output
    assert "5 rows from 3 studies (1 trials reported by several papers)" in r.output
    assert list(csv.DictReader(io.StringIO(out.read_text()))) == list(
        csv.DictReader(io.StringIO(text))
    )

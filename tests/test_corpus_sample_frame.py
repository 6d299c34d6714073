"""The results frame of `bench/corpus_sample.py`: chosen from the markup alone."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "corpus_sample", REPO / "bench" / "corpus_sample.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reports_results(bench):
    return bench.reports_results


def _article(kind: str, body: str, abstract: str = "") -> bytes:
    return (
        f'<article article-type="{kind}"><front><abstract>{abstract}</abstract></front>'
        f"<body>{body}</body></article>"
    ).encode()


def test_a_trial_report_with_a_results_section_is_in_the_frame(reports_results):
    body = "<sec><title>Methods</title></sec><sec><title>3. Results</title><p>x</p></sec>"
    assert reports_results(_article("research-article", body))


def test_a_typed_results_section_counts_whatever_its_title(reports_results):
    body = '<sec sec-type="results"><title>What we saw</title></sec>'
    assert reports_results(_article("research-article", body))


def test_a_numbered_label_before_the_title_is_allowed(reports_results):
    body = "<sec><label>4</label><title>Findings</title></sec>"
    assert reports_results(_article("other", body))


def test_a_protocol_or_correction_is_not_in_the_frame(reports_results):
    body = "<sec><title>Results</title><p>Recruitment is ongoing.</p></sec>"
    assert not reports_results(_article("protocol", body))
    assert not reports_results(_article("correction", body))


def test_results_only_in_the_structured_abstract_do_not_count(reports_results):
    body = "<sec><title>Methods/Design</title></sec><sec><title>Discussion</title></sec>"
    abstract = "<sec><title>Results</title><p>None yet.</p></sec>"
    assert not reports_results(_article("research-article", body, abstract))


def test_an_article_without_a_body_is_not_in_the_frame(reports_results):
    xml = (
        b'<article article-type="research-article"><front><title>Results</title></front></article>'
    )
    assert not reports_results(xml)


def _o(arm, value=1.0, statistic="mean", name="Pain score", comparator=None):
    return {"name": name, "arm": arm, "value": value, "statistic": statistic,
            "comparator": comparator, "timepoint": None, "timepoint_months": None}  # fmt: skip


def test_a_comparison_between_arms_is_no_arms_own_value(bench):
    assert bench.per_arm(_o("control"))
    assert not bench.per_arm(_o("intervention", statistic="difference", comparator="control"))
    assert not bench.per_arm(_o("intervention", statistic="or"))
    assert not bench.per_arm(_o("overall")) and not bench.per_arm(_o("control", value=None))


def test_two_arms_values_are_of_one_outcome(bench):
    assert bench.two_arms([_o("control"), _o("intervention", value=2.0)])
    assert not bench.two_arms([_o("control"), _o("intervention", name="Sleep hours")])
    assert not bench.two_arms(
        [_o("control"), _o("intervention", statistic="difference", comparator="control")]
    )

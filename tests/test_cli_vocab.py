"""Issue 14 item 5: filter values resolve through the vocabularies' names,
synonyms and abbreviations (case- and spelling-insensitive) and the graph's
own concepts; an unknown value is an error naming the closest entries;
`litkg vocab` lists what exists. On the graph of test_compare's records."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_compare import build_store

from litkg.cli import cli
from litkg.kg.vocab import UnknownValue, fold, resolve


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgv") / "store")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize(
    ("kind", "value", "key"),
    [
        ("drugs", "Blincyto", "blinatumomab"),
        ("drugs", "BLINATUMOMAB", "blinatumomab"),
        ("designs", "randomised", "randomized"),
        ("designs", "Single Arm", "single-arm"),
        ("terms", "CRS", "cytokine release syndrome"),
        ("terms", "Neutropaenia", "neutropenia"),
        ("endpoints", "overall survival", "OS"),
        ("endpoints", "os", "OS"),
    ],
)
def test_values_resolve_through_names_synonyms_and_abbreviations(kind, value, key):
    assert resolve(kind, value) == key


def test_fold_ignores_case_punctuation_and_british_spelling():
    assert fold("Randomised") == fold("randomized")
    assert fold("single arm") == fold("single-arm")
    assert fold("Haematological") == fold("hematological")


def test_unknown_value_suggests_the_closest_entry():
    with pytest.raises(UnknownValue) as e:
        resolve("endpoints", "OSS")
    assert str(e.value).startswith("unknown endpoint 'OSS' (did you mean OS")


def test_a_value_only_the_graph_knows_resolves(store_path):
    r = run("compare", "--drug", "Drug X", "--store", str(store_path), "--format", "json")
    assert r.exit_code == 0, r.output
    assert [s["document"] for s in json.loads(r.output)] == ["trial_a"]


def test_cli_filters_resolve_and_unknown_values_exit_1(store_path):
    s = ["--store", str(store_path), "--format", "json"]
    r = run("compare", "--design", "randomised", *s)
    assert [x["document"] for x in json.loads(r.output)] == ["trial_b"]
    r = run("adverse-events", "--term", "CRS", *s)
    assert {x["term"] for x in json.loads(r.output)} == {"cytokine release syndrome"}
    r = run("compare", "--endpoint", "overall survival", *s)
    assert {o["endpoint"] for x in json.loads(r.output) for o in x["outcomes"]} == {"OS"}
    r = run("compare", "--endpoint", "OSS", "--store", str(store_path))
    assert r.exit_code == 1
    assert "unknown endpoint 'OSS' (did you mean OS" in r.output
    r = run("adverse-events", "--drug", "no such drug at all", "--store", str(store_path))
    assert r.exit_code == 1 and "unknown drug" in r.output


def test_vocab_lists_each_kind(store_path):
    r = run("vocab")
    assert r.exit_code == 0 and "endpoints" in r.output and "units" in r.output
    r = run("vocab", "endpoints", "--format", "json")
    os_ = next(e for e in json.loads(r.output) if e["key"] == "OS")
    assert os_["label"] == "overall survival"
    r = run("vocab", "drugs")
    assert "Blincyto" in r.output
    r = run("vocab", "drugs", "--store", str(store_path), "--format", "json")
    assert next(e for e in json.loads(r.output) if e["key"] == "drug x")["in_graph"] is True
    r = run("vocab", "units")
    assert "mcg" in r.output


def test_named_query_parameters_resolve_through_the_vocabularies(store_path):
    r = run("query", "outcomes", "-p", "endpoint=overall survival", "--store", str(store_path),
            "--format", "json")  # fmt: skip
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and {x["endpoint"].rsplit("/", 1)[-1] for x in rows} == {"OS"}

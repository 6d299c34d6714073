"""Start-up: commands import only what they use (`litkg query` never imports
rdflib), and the plain-value rows they read instead of rdflib terms are the
same values the rdflib rows hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode
from test_compare import build_store

from litkg.kg.queries import json_value
from litkg.kg.store import OxigraphStore, open_store
from litkg.ontology import namespace, prefixes


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_store(tmp_path_factory.mktemp("startup") / "store")
    s = OxigraphStore(path)
    # terms of every kind a row can hold: language-tagged, typed, blank nodes
    s.update(
        "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/x> "
        '<https://example.org/p> "chat"@fr, "true"^^<http://www.w3.org/2001/XMLSchema#boolean>, '
        '"1.50"^^<http://www.w3.org/2001/XMLSchema#decimal>, "1e3"^^<http://www.w3.org/2001/XMLSchema#double>, '
        '"x7"^^<http://www.w3.org/2001/XMLSchema#integer>, _:b1 . } }'
    )
    s.close()
    return path


def _modules_after(argv: list[str]) -> set[str]:
    """The modules a fresh interpreter holds after running `litkg ARGV`."""
    code = (
        "import sys\n"
        "from litkg.cli import main\n"
        f"sys.argv = ['litkg', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json"])
def test_query_imports_no_rdflib(store_path: Path, fmt: str) -> None:
    mods = _modules_after(
        ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(store_path)]
        + ["--format", fmt]
    )
    assert "pyoxigraph" in mods
    heavy = {"rdflib", "pyshacl", "spacy", "numpy", "matplotlib", "urllib.request"}
    assert not heavy & mods


def test_help_imports_no_store_or_graph_library() -> None:
    mods = _modules_after(["--help"])
    assert not {"rdflib", "pyoxigraph", "spacy", "importlib.metadata"} & mods


def test_plain_prefixes_are_the_namespaces() -> None:
    assert {p: str(ns) for p, ns in namespace.PREFIXES.items()} == prefixes.PREFIX_IRIS
    assert prefixes.BASE == namespace.BASE


def test_plain_values_are_the_rdflib_terms_values(store_path: Path) -> None:
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    with open_store(store_path, read_only=True) as s:
        _, rows = s.select(q)
        terms = list(rows)
        _, rows = s.select_values(q)
        lexical = list(rows)
        _, rows = s.select_values(q, kind="json")
        js = list(rows)
    assert len(terms) == len(lexical) == len(js) > 100
    for t, lex, j in zip(terms, lexical, js, strict=True):
        assert lex.keys() == t.keys() == j.keys()
        if any(isinstance(v, BNode) for v in t.values()):
            continue  # a blank node's label is the store's, the same on each read or not
        assert lex == {k: str(v) for k, v in t.items()}
        assert j == {k: json_value(v) for k, v in t.items()}
    odd = {str(t["o"]): j["o"] for t, j in zip(terms, js, strict=True) if t["s"].endswith("/x")}
    assert odd["chat"] == "chat"
    assert odd["true"] is True
    assert odd["1.5"] == 1.5
    assert odd["1000.0"] == 1000.0
    assert odd["x7"] == "x7"  # an ill-typed integer stays text


LEXICAL = [
    ("007", "integer"), ("-0", "integer"), ("+5", "nonNegativeInteger"), ("1", "boolean"),
    ("0", "boolean"), ("1e3", "double"), ("0.5", "double"), ("1.0E20", "double"), ("1", "float"),
    ("1.50", "decimal"), ("-01.0", "decimal"), ("10", "decimal"), ("0.0001", "decimal"),
    ("2019", "gYear"), ("2026-01-01T00:00:00Z", "dateTime"),
    ("2026-01-01T10:00:00.500+02:00", "dateTime"), ("2026-01-01Z", "date"),
    ("P1D", "duration"), ("x7", "integer"), ("", "string"), ("http://a/b c", "anyURI"),
]  # fmt: skip


@pytest.mark.parametrize(("lex", "dt"), LEXICAL)
def test_plain_text_of_a_literal_is_rdflibs(lex: str, dt: str) -> None:
    """Whatever form the store keeps a literal in, its plain value is the text
    the rdflib term of the same row gives (the output of `litkg query` did
    not change when its rows stopped being rdflib terms)."""
    import pyoxigraph as ox

    from litkg.kg.store import to_rdflib
    from litkg.kg.values import ox_json, ox_lexical

    s = ox.Store()
    lit = ox.Literal(lex, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#" + dt))
    s.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), lit))
    stored = next(iter(s)).object
    assert ox_lexical(stored) == str(to_rdflib(stored))
    assert ox_json(stored) == json_value(to_rdflib(stored))


def test_worker_warm_up_leaves_the_collector_on_and_the_pipeline_frozen() -> None:
    """A worker builds its pipeline with the collector off (start-up) and
    must leave it on: extraction makes cyclic garbage."""
    code = (
        "import gc\n"
        "from litkg.extractor.parallel import _warm\n"
        "_warm()\n"
        "from litkg.extractor.pipeline import build_nlp\n"
        "assert build_nlp.cache_info().currsize == 1\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 100_000)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.split() == ["True", "True"]

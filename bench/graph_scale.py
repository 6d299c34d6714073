"""How the graph scales: the gold corpus replicated to 1,000 and 10,000 papers.

Usage: python bench/graph_scale.py [--gold DIR] [--sizes 1000 10000] [--rdflib-max 10000]

1. The five gold study records (stand-ins for extracted records) are built into
   paper graphs; printed: triples per paper, SHACL violations, cross-paper links.
2. Each paper graph is replicated with fresh IRIs and DOIs, fresh trial ids,
   and its study drug rotated over 50 synthetic drugs (so "drug X" is studied
   by 2% of the papers, as in a real literature graph); written as N-Quads
   (one named graph per paper) and bulk-loaded into an on-disk Oxigraph store.
3. A cross-paper comparison query, "1-year OS (rate) of every study with drug
   X", is timed in two shapes:
   - direct: through the shortcuts the graph carries on each outcome
     measurement (lkg:studyDrug, lkg:endpoint, lkg:statistic,
     lkg:timepointMonths literal, lkg:study): one subject, 6 patterns;
   - naive: the 7-pattern join paper -> study -> intervention -> drug and
     study -> measurement -> endpoint / statistic / timepoint (FILTER).
   Both on Oxigraph and, up to --rdflib-max papers (or until rdflib needs more
   than a minute), on rdflib in memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from litkg.kg.build import RunInfo, paper_graph
from litkg.kg.link import compute_links, union_of
from litkg.kg.records_io import record_from_dict
from litkg.kg.store import OxigraphStore
from litkg.kg.validate import validate_graph

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
RUN = RunInfo.at("2026-01-01T00:00:00+00:00")
N_DRUGS = 50
DRUG = "benchdrug07"

PREFIX = """PREFIX lkg: <https://w3id.org/litkg/ns#>
PREFIX ep: <https://w3id.org/litkg/concept/endpoint/>
PREFIX stat: <https://w3id.org/litkg/concept/statistic/>
PREFIX drug: <https://w3id.org/litkg/concept/drug/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

Q_DIRECT = (
    PREFIX
    + """SELECT ?study ?value ?arm WHERE {
  ?m lkg:studyDrug drug:%s ;
     lkg:endpoint ep:OS ;
     lkg:timepointMonths "12"^^xsd:decimal ;
     lkg:statistic stat:rate ;
     lkg:value ?value ;
     lkg:study ?study .
  OPTIONAL { ?m lkg:armLabel ?arm }
}"""
)

Q_NAIVE = (
    PREFIX
    + """SELECT ?study ?value ?arm WHERE {
  ?paper lkg:reports ?study .
  ?i lkg:study ?study .
  ?i lkg:drug drug:%s .
  ?m lkg:study ?study .
  ?m lkg:endpoint ep:OS .
  ?m lkg:statistic stat:rate .
  ?m lkg:timepointMonths ?t .
  ?m lkg:value ?value .
  OPTIONAL { ?m lkg:armLabel ?arm }
  FILTER (?t = 12)
}"""
)


def gold_graphs(gold: Path) -> list[tuple[str, Graph, dict]]:
    """(paper IRI, graph, record dict) of each gold record."""
    out = []
    for f in sorted(gold.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        seed = SHARED / "seeds" / f"{d['document']}.txt"
        text = seed.read_text(encoding="utf-8") if seed.is_file() else None
        rec = record_from_dict(d, text=text)
        meta = {
            "doc_id": d["document"],
            "source": str(seed),
            "source_format": "text",
            "sha256": hashlib.sha256((text or f.read_text()).encode("utf-8")).hexdigest(),
            "n_pages": 1,
        }
        iri, g = paper_graph(rec, meta, RUN)
        out.append((str(iri), g, d))
    return out


def report_gold(items: list[tuple[str, Graph, dict]]) -> None:
    print("== gold records as paper graphs")
    for iri, g, d in items:
        rep = validate_graph(g)
        print(
            f"  {d['document']}: {len(g)} triples, {len(rep.violations)} SHACL violations  ({iri})"
        )
    union = union_of(g for _, g, _ in items)
    shared, links = compute_links(union)
    union += shared
    rep = validate_graph(union)
    print(
        f"  shared graph: {len(shared)} triples; corpus + shared: {len(rep.violations)} violations"
    )
    print("  links:", json.dumps(links.summary(), indent=1, ensure_ascii=False))


def templates(items: list[tuple[str, Graph, dict]]) -> list[str]:
    """N-Triples of each gold paper with placeholders for the paper IRI, trial ids, drug."""
    out = []
    for iri, g, d in items:
        nt = g.serialize(format="nt")
        nt = nt.replace(iri, "https://doi.org/@@DOI@@")
        doi = d["study"].get("doi")
        if doi:
            nt = nt.replace(f'"{doi}"', '"@@DOI@@"')
        for reg in d["study"].get("registrations") or ():
            nt = nt.replace(reg, reg[:5] + "@@T@@")
        nt = nt.replace("concept/drug/blinatumomab>", "concept/drug/@@DRUG@@>")
        out.append(nt)
    return out


def replicate(tpls: list[str], n: int, path: Path) -> int:
    """Write n papers as N-Quads (each in its own named graph); returns the quad count."""
    quads = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            doi = f"10.5555/litkg.bench.{i}"
            nt = (
                tpls[i % len(tpls)]
                .replace("@@DOI@@", doi)
                .replace("@@T@@", f"{90000000 + i:08d}"[-6:] + f"{i % 100:02d}")
                .replace("@@DRUG@@", f"benchdrug{(i // len(tpls)) % N_DRUGS:02d}")
            )
            graph = f"<https://doi.org/{doi}>"
            for line in nt.splitlines():
                if line.endswith(" ."):
                    f.write(line[:-2] + " " + graph + " .\n")
                    quads += 1
    return quads


def timed(fn, repeat: int = 15) -> tuple[float, int]:
    """Median wall time in ms over `repeat` runs (after one warm-up), and the row count."""
    rows = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), len(rows)


def bench_oxigraph(nq: Path, n: int, tmp: Path) -> dict[str, float]:
    store = OxigraphStore(tmp / f"ox-{n}")
    t0 = time.perf_counter()
    store.bulk_load_nquads(nq)
    load = time.perf_counter() - t0
    store.ox.optimize()
    res = {"load_s": load, "quads": store.count()}
    for name, q in (("direct", Q_DIRECT), ("naive", Q_NAIVE)):
        text = q % DRUG
        res[f"{name}_ms"], res[f"{name}_rows"] = timed(lambda text=text: list(store.query(text)))
    t0 = time.perf_counter()
    shared, _ = compute_links(store)
    res["shared_s"] = time.perf_counter() - t0
    res["shared_triples"] = len(shared)
    store.close()
    return res


def bench_rdflib(nq: Path, n: int) -> dict[str, float]:
    g = Graph()
    t0 = time.perf_counter()
    # the union of the paper graphs: an N-Quads line minus its graph is N-Triples
    with open(nq, encoding="utf-8") as f:
        data = "".join(line.rsplit(" <https://doi.org/", 1)[0] + " .\n" for line in f)
    g.parse(data=data, format="nt")
    load = time.perf_counter() - t0
    res = {"load_s": load, "triples": len(g)}
    for name, q in (("direct", Q_DIRECT), ("naive", Q_NAIVE)):
        text = q % DRUG
        t0 = time.perf_counter()
        rows = list(g.query(text))
        first = (time.perf_counter() - t0) * 1000
        if first > 60_000:
            res[f"{name}_ms"], res[f"{name}_rows"] = first, len(rows)
            continue
        res[f"{name}_ms"], res[f"{name}_rows"] = timed(
            lambda text=text: list(g.query(text)), repeat=3 if first > 2000 else 7
        )
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "gold")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--rdflib-max", type=int, default=10000)
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        print(f"{args.gold}: no gold records", file=sys.stderr)
        return 1
    items = gold_graphs(args.gold)
    report_gold(items)
    tpls = templates(items)
    rdflib_ok = True
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for n in args.sizes:
            nq = tmp / f"corpus-{n}.nq"
            t0 = time.perf_counter()
            quads = replicate(tpls, n, nq)
            gen = time.perf_counter() - t0
            print(
                f"\n== {n} papers: {quads} quads ({quads / n:.0f} per paper), generated in {gen:.1f} s"
            )
            ox_res = bench_oxigraph(nq, n, tmp)
            print(
                f"  oxigraph: bulk load {ox_res['load_s']:.1f} s; "
                f"direct query {ox_res['direct_ms']:.1f} ms ({ox_res['direct_rows']} rows); "
                f"naive 7-pattern join {ox_res['naive_ms']:.1f} ms ({ox_res['naive_rows']} rows); "
                f"shared graph recomputed in {ox_res['shared_s']:.1f} s "
                f"({ox_res['shared_triples']} triples)"
            )
            if rdflib_ok and n <= args.rdflib_max:
                rl = bench_rdflib(nq, n)
                print(
                    f"  rdflib:   load {rl['load_s']:.1f} s; direct {rl['direct_ms']:.1f} ms "
                    f"({rl['direct_rows']} rows); naive {rl['naive_ms']:.1f} ms "
                    f"({rl['naive_rows']} rows)"
                )
                print(
                    f"  rdflib / oxigraph: direct x{rl['direct_ms'] / ox_res['direct_ms']:.0f}, "
                    f"naive x{rl['naive_ms'] / ox_res['naive_ms']:.0f}"
                )
                if max(rl["direct_ms"], rl["naive_ms"]) > 60_000:
                    rdflib_ok = False
                    print("  rdflib needed more than a minute: larger sizes skipped")
            nq.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

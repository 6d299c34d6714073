"""How fast the reports read a large graph: `compare` and a named query on a
corpus replicated to 1,000 and 10,000 papers.

Usage: python bench/query_speed.py [--gold DIR] [--sizes 1000 10000] [--repeat 7]

The five gold study records are built into paper graphs and replicated with
fresh IRIs, DOIs and trial ids, the study drug rotated over 50 synthetic drugs
(so one drug is studied by 2% of the papers) -- the replication of
bench/graph_scale.py, reused by import -- and bulk-loaded into an on-disk
Oxigraph store (no shared graph: the reports do not need it). Timed (median
wall time over --repeat runs after one warm-up, store opened read-only as the
CLI does):

- compare, the typical question: --endpoint OS --timepoint 12 --drug X
- compare --drug X (every endpoint of the drug's studies)
- compare --endpoint OS (every study reporting OS: the whole corpus)
- the named query `outcomes_at` (endpoint, timepoint, drug bound as terms)
- adverse-events --min-grade 3 --drug X
- the meta-analysis rows for --drug X
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from graph_scale import DRUG, SHARED, gold_graphs, replicate, templates  # noqa: E402

from litkg.kg.adverse import adverse_events  # noqa: E402
from litkg.kg.compare import Filters, compare  # noqa: E402
from litkg.kg.meta_analysis import rows as ma_rows  # noqa: E402
from litkg.kg.queries import run_query  # noqa: E402
from litkg.kg.store import OxigraphStore, open_store  # noqa: E402


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time in ms over `repeat` runs after a warm-up, and the last result."""
    res = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), res


def size_of(res: object) -> str:
    """A short description of a result's size."""
    if hasattr(res, "studies"):
        c = res
        return f"{len(c.studies)} studies, {sum(len(e.outcomes) for e in c.studies)} outcomes"
    return f"{len(res)} rows"  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "gold")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        print(f"{args.gold}: no gold records", file=sys.stderr)
        return 1
    tpls = templates(gold_graphs(args.gold))
    drug = DRUG
    cases: list[tuple[str, Callable[[object], object]]] = [
        ("compare --endpoint OS --timepoint 12 --drug X",
         lambda s: compare(s, Filters("OS", 12, drug))),
        ("compare --drug X", lambda s: compare(s, Filters(drug=drug))),
        ("named query outcomes_at (OS, 12, X)",
         lambda s: run_query(s, "outcomes_at", {"endpoint": "OS", "timepoint": "12", "drug": drug})),
        ("adverse-events --min-grade 3 --drug X",
         lambda s: adverse_events(s, 3, filters=Filters(drug=drug))),
        ("meta-analysis rows --drug X", lambda s: ma_rows(compare(s, Filters(drug=drug)))),
        ("compare --endpoint OS (whole corpus)", lambda s: compare(s, Filters("OS"))),
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for n in args.sizes:
            nq = tmp / f"corpus-{n}.nq"
            quads = replicate(tpls, n, nq)
            store = OxigraphStore(tmp / f"ox-{n}")
            t0 = time.perf_counter()
            store.bulk_load_nquads(nq)
            store.ox.optimize()
            load = time.perf_counter() - t0
            store.close()
            nq.unlink()
            print(f"\n== {n} papers, {quads} quads (bulk load {load:.1f} s); drug X = {drug}")
            with open_store(tmp / f"ox-{n}", read_only=True) as s:
                for name, fn in cases:
                    ms, res = timed(lambda fn=fn, s=s: fn(s), args.repeat)
                    print(f"  {name:<42} {ms:8.1f} ms  ({size_of(res)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What the review page shows, as JSON-ready data: the studies by citation,
the `compare` table, and one paper's facts beside its text.

Each is read with the functions the command line uses (kg/papers.py,
kg/compare.py, kg/show.py, kg/vocab.py), so the page and `litkg compare` /
`litkg show` agree.
"""

from __future__ import annotations

from typing import Any

from litkg.kg.compare import Filters, compare, grid
from litkg.kg.papers import paper_refs
from litkg.kg.queries import select
from litkg.kg.store import KGStore
from litkg.kg.vocab import graph_keys, resolve_in

#: compare filter -> the vocabulary kind its value resolves through.
FILTER_KINDS = {"endpoint": "endpoints", "drug": "drugs", "design": "designs"}


def studies(store: KGStore) -> list[dict[str, Any]]:
    """The corpus papers, each with its citation label, sorted by label."""
    refs = paper_refs(store)
    return sorted((r.json() | {"year": r.year} for r in refs.values()), key=lambda d: d["label"])


def filter_choices(store: KGStore) -> dict[str, list[Any]]:
    """The values the compare filters can take in this graph."""
    tps = select(store, "SELECT DISTINCT ?tp WHERE { ?m lkg:timepointMonths ?tp }")
    timepoints = sorted({float(str(r["tp"])) for r in tps})
    return {
        "endpoint": graph_keys(store, "endpoints"),
        "drug": graph_keys(store, "drugs"),
        "design": graph_keys(store, "designs"),
        "timepoint": [int(t) if t.is_integer() else t for t in timepoints],
    }


def compare_table(
    store: KGStore,
    values: dict[str, str | None],
    curation: Any = None,
    reviewed_only: bool = False,
) -> dict[str, Any]:
    """`litkg compare`'s side-by-side table for the filters given (resolved through
    the vocabularies as the command line resolves them; `UnknownValue` for a
    value that names nothing, `ValueError` for a timepoint that is not a number),
    reviewers' verdicts applied (kg/curation); `reviewed_only` keeps confirmed,
    corrected and added facts only."""
    v = {k: resolve_in(store, kind, values.get(k)) for k, kind in FILTER_KINDS.items()}
    tp_text = (values.get("timepoint") or "").strip()
    tp = float(tp_text) if tp_text else None
    f = Filters(v["endpoint"], tp, v["drug"], v["design"])
    c = compare(store, f, curation=curation, reviewed_only=reviewed_only)
    header, rows = grid(c)
    return {
        "filters": {**v, "timepoint": tp, "reviewed_only": reviewed_only},
        "header": header,
        "rows": rows,
        "papers": [e.paper_json() for e in c.studies],
    }

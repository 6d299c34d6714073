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


def compare_table(store: KGStore, values: dict[str, str | None]) -> dict[str, Any]:
    """`litkg compare`'s side-by-side table for the filters given (resolved through
    the vocabularies as the command line resolves them; `UnknownValue` for a
    value that names nothing, `ValueError` for a timepoint that is not a number)."""
    v = {k: resolve_in(store, kind, values.get(k)) for k, kind in FILTER_KINDS.items()}
    tp_text = (values.get("timepoint") or "").strip()
    tp = float(tp_text) if tp_text else None
    c = compare(store, Filters(v["endpoint"], tp, v["drug"], v["design"]))
    header, rows = grid(c)
    return {
        "filters": {**v, "timepoint": tp},
        "header": header,
        "rows": rows,
        "papers": [e.paper_json() for e in c.studies],
    }


def paper_facts(store: KGStore, paper: str) -> list[dict[str, Any]]:
    """The paper's facts as the page lists them: kind, a one-line summary, the
    fields a reviewer may correct, and the evidence (quote, page, char span)."""
    from litkg.kg.compare import key_label
    from litkg.kg.show import show

    v = show(store, paper)
    facts: list[dict[str, Any]] = []

    def add(kind: str, summary: str, fields: dict[str, Any], quote: str | None, page: Any):
        facts.append(
            {
                "id": None,
                "kind": kind,
                "summary": summary,
                "fields": fields,
                "evidence": {"quote": quote, "page": page, "char_start": None, "char_end": None},
                "status": "extracted",
            }
        )

    e = v.study
    if e:
        for a in e.arms:
            add("arm", f"{a.label} [{a.role or '?'}]" + (f", n={a.n}" if a.n is not None else ""),
                {"label": a.label, "role": a.role, "n": a.n}, a.evidence, a.page)  # fmt: skip
        for i in e.interventions:
            add("intervention", i.text(), {"drug": i.drug, "dose": i.dose, "unit": i.unit},
                i.evidence, i.page)  # fmt: skip
        for o in e.outcomes:
            who = o.arm or o.attribution or "arm not stated"
            add("outcome", f"{key_label(o.key)}, {who}: {o.value_text()}",
                {"value": o.value, "unit": o.unit, "timepoint_months": o.timepoint_months,
                 "p": o.p, "arm": o.arm}, o.evidence, o.page)  # fmt: skip
    for ae in v.adverse_events:
        grade = f" grade {ae.grade}" if ae.grade else ""
        add("adverse_event", f"{ae.term}{grade}, {ae.arm or 'arm not stated'}: {ae.count_text()}",
            {"term": ae.term, "grade": ae.grade, "n": ae.n, "percent": ae.percent},
            ae.evidence, ae.page)  # fmt: skip
    for r in v.references:
        add("reference", f"{r.index}. {r.text}", {"doi": r.doi}, r.evidence, r.page)
    return facts

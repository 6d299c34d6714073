"""`litkg review-status`: per paper, how many facts there are and how many are reviewed."""

from __future__ import annotations

from collections import Counter
from typing import Any

from litkg.kg.curation.facts import all_papers, fact_counts, facts_of_papers
from litkg.kg.queries import dumps
from litkg.kg.textgrid import render_rows

COLUMNS = ("facts", "reviewed", "confirmed", "corrected", "rejected", "added", "orphaned")


def review_status(store: Any, curation: Any) -> list[dict[str, Any]]:
    """The rows of `status_report` (see there)."""
    return status_report(store, curation)[0]


def status_report(store: Any, curation: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    """One row per paper of the store (and per paper left with orphaned
    verdicts only): the paper (IRI and citation label), its facts, how many
    of them are reviewed (confirmed, corrected, rejected or added) and its
    orphaned verdicts (verdicts whose fact no longer appears), by label; and
    the orphaned verdicts."""
    from litkg.kg.papers import paper_refs

    papers = all_papers(store)
    # ids are computed only for the papers some verdict concerns; the others' facts are counted
    touched = {v.paper for v in curation.verdicts()} & set(papers)
    facts = facts_of_papers(store, touched) if touched else []
    applied = curation.apply(facts)
    orphans = curation.orphans(store, facts)
    untouched = fact_counts(store, set(papers) - touched)
    labels = {iri: r.label for iri, r in paper_refs(store, papers).items()}
    rows: dict[str, dict[str, Any]] = {}

    def row(paper: str) -> dict[str, Any]:
        if paper not in rows:
            rows[paper] = {"paper": {"iri": paper, "label": labels.get(paper) or paper}}
            rows[paper].update(dict.fromkeys(COLUMNS, 0))
        return rows[paper]

    for p in papers:
        row(p)["facts"] = untouched.get(p, 0)
    counts = Counter((f.paper, f.review_status) for f in applied)
    for (p, st), n in counts.items():
        r = row(p)
        if st != "added":
            r["facts"] += n
        if st != "extracted":
            r[st] += n
            r["reviewed"] += n
    for v in orphans:
        row(v.paper or "(unknown paper)")["orphaned"] += 1
    out = sorted(rows.values(), key=lambda r: (r["paper"]["label"].lower(), r["paper"]["iri"]))
    return out, orphans


def render(rows: list[dict[str, Any]], fmt: str = "table", orphans: list[Any] | None = None) -> str:
    """The status as a table (with the orphaned verdicts listed after it) or JSON."""
    if fmt == "json":
        return dumps({"papers": rows, "orphans": [v.to_dict() for v in orphans or []]})
    header = ["paper", *COLUMNS]
    body = [[r["paper"]["label"], *(str(r[c]) for c in COLUMNS)] for r in rows]
    out = render_rows(header, body) if body else "no paper in the store"
    if orphans:
        lines = ["", f"Orphaned verdicts ({len(orphans)}), facts no longer extracted: re-review"]
        for v in orphans:
            what = _fact_text(v.fact)
            lines.append(f"  {v.fact_id} {v.verdict} by {v.reviewer} at {v.time}: {what}")
        out += "\n".join(lines)
    return out


def _fact_text(fact: dict[str, Any] | None) -> str:
    if not fact:
        return "(fact not recorded)"
    fields = ", ".join(f"{k}={v}" for k, v in (fact.get("fields") or {}).items() if v is not None)
    quote = (fact.get("evidence") or {}).get("quote")
    return f"{fact.get('kind')} {fields}" + (f' "{quote[:80]}"' if quote else "")

"""The review page's verdicts, recorded and read through the curation API
(`litkg.kg.curation`: stable fact ids, the curation file beside the store,
verdicts applied, orphans), the same one `litkg review` uses.

This module only translates: a paper's facts with their review status for
the page, and a verdict posted by the page into `Curation.record`, checked
against the store (the fact exists; a correction names one of its fields; an
added fact's evidence is verbatim in the document at the span selected),
then brings the store's curation graph up to date for that paper, as `litkg
review` does.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from litkg.kg.compare import key_label
from litkg.kg.curation import Curation, CurationError, Fact, FactState, list_facts
from litkg.kg.queries import fmt_num
from litkg.kg.serve.documents import PaperText
from litkg.kg.store import KGStore

_SYNC_LOCK = threading.Lock()


def sync_graph_for(location: str, curation: Curation, paper: str) -> str | None:
    """Bring the store's curation graph (each fact's lkg:reviewStatus) up to date
    for one paper, as `litkg review` does; None when done, else why not (a
    build holds the store: it re-applies every verdict when it ends)."""
    from litkg.kg.curation.graph import sync_graph
    from litkg.kg.store import StoreError, open_store

    with _SYNC_LOCK:
        try:
            with open_store(location, timeout=None) as w:
                sync_graph(w, curation, {paper})
        except StoreError as e:
            return f"the graph's review status is updated by the next build ({e})"
    return None


class VerdictError(ValueError):
    """A verdict the page sent that cannot be recorded: HTTP status and why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def summary(kind: str, fields: dict[str, Any]) -> str:
    """A fact in one line, as `litkg show` prints it."""
    g = {k: v for k, v in fields.items() if v is not None and v != ""}

    def num(k: str) -> str:
        v = g.get(k)
        return fmt_num(v) if isinstance(v, int | float) else str(v)

    if kind == "study" and len(g) == 1:
        (k, v), *_ = g.items()
        return f"{k.replace('_', ' ')}: {v}"
    if kind == "arm" and "label" in g:
        out = f"{g['label']} [{g.get('role') or '?'}]"
        return out + (f", n={num('n')}" if "n" in g else "")
    if kind == "intervention" and "drug" in g:
        parts = [str(g["drug"])]
        if "dose" in g:
            parts.append(f"{num('dose')} {g.get('unit') or ''}".strip())
        parts += [str(g[k]) for k in ("route",) if k in g]
        parts += [f"d{g['days']}"] if "days" in g else []
        parts += [f"x{num('cycles')}"] if "cycles" in g else []
        return " ".join(parts)
    if kind == "outcome" and "endpoint" in g and "value" in g:
        tp = g.get("timepoint_months")
        key = key_label((str(g["endpoint"]), str(g.get("statistic") or "rate"), tp))
        value = num("value") + (
            "%" if g.get("unit") == "%" else f" {g['unit']}" if "unit" in g else ""
        )
        if "ci_lower" in g and "ci_upper" in g:
            value += f" (95% CI {num('ci_lower')}-{num('ci_upper')})"
        if "p" in g:
            value += f" p={num('p')}"
        return f"{key}, {g.get('arm') or 'arm not stated'}: {value}"
    if kind == "adverse_event" and "term" in g:
        grade = f" grade {g['grade']}" if "grade" in g else ""
        count = num("n") if "n" in g else ""
        if "percent" in g:
            count = f"{count} ({num('percent')}%)" if count else f"{num('percent')}%"
        return f"{g['term']}{grade}, {g.get('arm') or 'arm not stated'}: {count or 'reported'}"
    if kind == "reference":
        head = f"{num('index')}. " if "index" in g else ""
        rest = [str(g[k]) for k in ("first_author", "year", "journal", "doi") if k in g]
        return head + (" ".join(rest) or str(g.get("title", "")))
    return ", ".join(f"{k}={v}" for k, v in g.items())


def fact_json(f: Fact, state: FactState | None) -> dict[str, Any]:
    """A fact (verdicts applied) as the page shows it, with its latest verdict."""
    latest = state.verdicts[-1].to_dict() if state and state.verdicts else None
    if latest:
        latest["at"] = latest.get("time")
    return {
        "id": f.id,
        "kind": f.kind,
        "summary": summary(f.kind, f.fields),
        "fields": f.fields,
        "evidence": f.evidence,
        "status": f.review_status,
        "corrections": f.corrections,
        "verdict": latest,
    }


def paper_review(store: KGStore, curation: Curation, paper: str) -> dict[str, Any]:
    """The paper's facts with their review status (added ones included), and the
    verdicts on it whose facts are gone (orphans, to re-review)."""
    facts = list_facts(store, paper)
    states = curation.states(paper)
    applied = curation.apply(facts)
    orphans = [v for v in curation.orphans(store, facts) if v.paper == paper]
    return {
        "facts": [fact_json(f, states.get(f.id)) for f in applied],
        "orphans": [orphan_json(v.to_dict()) for v in orphans],
    }


def orphan_json(v: dict[str, Any]) -> dict[str, Any]:
    """An orphaned verdict with the fact as it was when reviewed."""
    fact = v.get("fact") or {}
    return v | {
        "summary": summary(fact.get("kind", ""), fact.get("fields") or {}) if fact else "",
        "quote": (fact.get("evidence") or {}).get("quote"),
    }


def review_status(store: KGStore, curation: Curation) -> dict[str, Any]:
    """For each paper some verdict concerns: its facts and how many are
    reviewed; and every orphaned verdict. Only those papers' facts are read
    (a corpus of thousands of papers mostly unreviewed costs no more than the
    papers reviewed); the papers nobody reviewed are left out."""
    from collections import Counter

    from litkg.kg.curation import facts_of_papers
    from litkg.kg.curation.facts import all_papers

    verdicts = curation.verdicts()
    if not verdicts:
        return {"papers": [], "orphans": []}
    touched = {v.paper for v in verdicts if v.paper} & set(all_papers(store))
    facts = curation.apply(facts_of_papers(store, touched))
    orphans = curation.orphans(store, facts)
    extracted = Counter(f.paper for f in facts if f.review_status != "added")
    reviewed = Counter(f.paper for f in facts if f.review_status != "extracted")
    return {
        "papers": [
            {"paper": p, "facts": extracted[p], "reviewed": reviewed[p]} for p in sorted(touched)
        ],
        "orphans": [orphan_json(v.to_dict()) for v in orphans],
    }


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def typed(value: Any, like: Any = None) -> Any:
    """A value typed from the page: a number when it reads as one (and the
    value it replaces, if any, is a number or absent), else the text; "" is None."""
    if not isinstance(value, str):
        return value
    v = value.strip()
    if v == "":
        return None
    if _NUMBER.fullmatch(v) and (like is None or isinstance(like, int | float)):
        return int(v) if re.fullmatch(r"[+-]?\d+", v) else float(v)
    return v


def record(
    store: KGStore, curation: Curation, text: PaperText, body: dict[str, Any]
) -> dict[str, Any]:
    """Record one verdict the page posted (VerdictError when it cannot be)."""
    kind = body.get("verdict")
    reviewer = str(body.get("reviewer") or "").strip()
    paper = str(body.get("paper") or "")
    comment = str(body.get("comment") or "").strip() or None
    if kind not in ("confirm", "correct", "reject", "add"):
        raise VerdictError(400, "verdict is one of confirm, correct, reject, add")
    if not reviewer:
        raise VerdictError(400, "name the reviewer: every verdict records who made it")
    if not paper:
        raise VerdictError(400, "name the paper (IRI) the fact belongs to")
    from litkg.kg.show import PaperNotFound, find_paper

    try:
        paper = str(find_paper(store, paper))
    except PaperNotFound as e:
        raise VerdictError(404, str(e)) from e
    try:
        if kind == "add":
            fact = added_fact(paper, body.get("fact"), text)
            v = curation.record(None, "add", reviewer=reviewer, comment=comment, fact=fact)
            return v.to_dict()
        fid = str(body.get("fact_id") or "")
        current = {f.id: f for f in curation.apply(list_facts(store, paper))}.get(fid)
        if current is None:
            raise VerdictError(
                404, f"no fact {fid!r} in this paper now (was it rebuilt? reload the page)"
            )
        if kind == "correct":
            name = str(body.get("field") or "")
            if name not in current.fields:
                raise VerdictError(
                    400, f"{current.kind} facts have the fields {', '.join(current.fields)}"
                )
            old = current.fields[name]
            v = curation.record(
                fid, "correct", reviewer=reviewer, field=name, old=old,
                new=typed(body.get("new"), old), comment=comment, fact=current,
            )  # fmt: skip
        else:
            v = curation.record(fid, kind, reviewer=reviewer, comment=comment, fact=current)
    except CurationError as e:
        raise VerdictError(400, str(e)) from e
    return v.to_dict()


def added_fact(paper: str, fact: Any, text: PaperText) -> dict[str, Any]:
    """The fact a reviewer added, its evidence checked verbatim against the
    document text at the selected span (and its page taken from the document)."""
    if not isinstance(fact, dict) or not isinstance(fact.get("fields"), dict):
        raise VerdictError(400, "an added fact has a kind, fields and evidence")
    ev = fact.get("evidence") or {}
    quote, start, end = ev.get("quote"), ev.get("char_start"), ev.get("char_end")
    if not text.text:
        raise VerdictError(409, "the paper's text is not available, so no evidence can be selected")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text.text)):
        raise VerdictError(400, "the evidence needs the character span of the selected text")
    if text.text[start:end] != quote:
        raise VerdictError(400, "the evidence quote is not the document's text at that span")
    page = next((p["number"] for p in text.pages if p["char_start"] <= start < p["char_end"]), None)
    fields = {str(k).strip(): typed(v) for k, v in fact["fields"].items() if str(k).strip()}
    return {
        "kind": fact.get("kind"),
        "paper": paper,
        "fields": fields,
        "evidence": {
            "quote": quote,
            "char_start": start,
            "char_end": end,
            "page": page,
            "rule": "reviewer",
        },  # fmt: skip
    }

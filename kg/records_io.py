"""Study records as JSON dicts (RECORD.md, or `StudyRecord.to_json()`) <-> `StudyRecord`.

`record_from_dict` accepts both the flat RECORD.md form (facts carry an
`evidence` quote) and the internal `to_json()` form (facts carry a
`provenance` dict). When the document text is given, an evidence quote without
a span is located in it (exactly, else with white space normalised), so the
graph can anchor the fact with a character span too. Unknown keys are ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from litkg.extractor.records import (
    AdverseEvent,
    Arm,
    Dispersion,
    Intervention,
    Outcome,
    Provenance,
    Reference,
    Study,
    StudyRecord,
)

#: Span value meaning "the quote is known but not where it is".
NO_SPAN = -1


def _dispersion(v: Any) -> Dispersion | None:
    """A record's `dispersion` dict ({"kind": "sd", "value": 1.2} or a [lo, hi] pair)."""
    if not isinstance(v, Mapping) or not v.get("kind"):
        return None
    val = v.get("value")
    if isinstance(val, list | tuple) and len(val) == 2:
        lo, hi = _num(val[0]), _num(val[1])
        return Dispersion(str(v["kind"]), (lo, hi)) if lo is not None and hi is not None else None
    x = _num(val)
    return Dispersion(str(v["kind"]), x) if x is not None else None


def _num(v: Any) -> float | None:
    if v is None or v == "":
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _int(v: Any) -> int | None:
    f = _num(v)
    return int(f) if f is not None and float(f).is_integer() else None


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """The character span of `quote` in `text`: exact first, then ignoring
    differences in white space. None when not found."""
    if not quote or not text:
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def _provenance(
    fact: Mapping[str, Any], doc_id: str, text: str | None, page_at: Any = None
) -> Provenance | None:
    p = fact.get("provenance")
    if isinstance(p, Mapping) and p.get("quote") is not None:
        return Provenance(
            doc_id=str(p.get("doc_id") or doc_id),
            char_start=int(p.get("char_start", NO_SPAN)),
            char_end=int(p.get("char_end", NO_SPAN)),
            quote=str(p["quote"]),
            rule=str(p.get("rule") or "record"),
            page=_int(p.get("page")),
        )
    quote = fact.get("evidence")
    if not isinstance(quote, str) or not quote.strip():
        return None
    span = locate(quote, text) if text else None
    start, end = span if span else (NO_SPAN, NO_SPAN)
    page = page_at(start) if (page_at and span) else None
    return Provenance(
        doc_id=doc_id, char_start=start, char_end=end, quote=quote, rule="record", page=page
    )


def record_from_dict(
    d: Mapping[str, Any], text: str | None = None, page_at: Any = None
) -> StudyRecord:
    """Build a `StudyRecord` from a RECORD.md dict (or a `to_json()` dict).

    `text` (the document's text) lets evidence quotes be anchored to a span;
    `page_at` (e.g. `Document.page_at`) maps a character offset to a page.
    """
    doc_id = str(d.get("document") or "")
    s = d.get("study") or {}
    study = Study(
        title=_str(s.get("title")),
        doi=(_str(s.get("doi")) or "").lower() or None,
        journal=_str(s.get("journal")),
        year=_int(s.get("year")),
        article_type=_str(s.get("article_type")),
        registrations=tuple(str(r).strip() for r in s.get("registrations") or () if r),
        phase=_str(s.get("phase")),
        design=tuple(str(x).strip() for x in s.get("design") or () if x),
        population=dict(s.get("population") or {}),
        first_author=_str(s.get("first_author")),
        volume=_str(s.get("volume")),
        first_page=_str(s.get("first_page")),
    )

    def prov(fact: Mapping[str, Any]) -> Provenance | None:
        return _provenance(fact, doc_id, text, page_at)

    arms = tuple(
        Arm(
            label=str(a.get("label") or a.get("role") or ""),
            role=str(a.get("role") or ""),
            n=_int(a.get("n")),
            provenance=prov(a),
        )
        for a in d.get("arms") or ()
    )
    interventions = tuple(
        Intervention(
            drug=str(i.get("drug") or "").strip(),
            dose=_num(i.get("dose")),
            unit=_str(i.get("unit")),
            route=_str(i.get("route")),
            days=_str(i.get("days")),
            cycles=_int(i.get("cycles")),
            provenance=prov(i),
        )
        for i in d.get("interventions") or ()
        if i.get("drug")
    )

    def outcome(o: Mapping[str, Any]) -> Outcome:
        ci = o.get("ci")
        ci_t = (
            (float(ci[0]), float(ci[1]))
            if isinstance(ci, list | tuple) and len(ci) == 2 and None not in ci
            else None
        )
        return Outcome(
            endpoint=_str(o.get("endpoint")),
            statistic=str(o.get("statistic") or ""),
            value=float(o["value"]),
            unit=_str(o.get("unit")),
            timepoint_months=_num(o.get("timepoint_months")),
            arm=_str(o.get("arm")),
            ci=ci_t,
            p=_num(o.get("p")),
            provenance=prov(o),
            name=_str(o.get("name")),
            dispersion=_dispersion(o.get("dispersion")),
            events=_int(o.get("events")),
            total=_int(o.get("total")),
            n=_int(o.get("n")),
            timepoint=_str(o.get("timepoint")),
            comparator=_str(o.get("comparator")),
            primary=bool(o.get("primary")),
        )

    read = [
        outcome(o)
        for o in list(d.get("outcomes") or ()) + list(d.get("other_outcomes") or ())
        if _num(o.get("value")) is not None
    ]
    n_keyed = len([o for o in d.get("outcomes") or () if _num(o.get("value")) is not None])
    # the record form lists unkeyed results among `outcomes` with endpoint null
    outcomes = tuple(o for o in read[:n_keyed] if o.endpoint)
    other = tuple(o for o in read[:n_keyed] if not o.endpoint) + tuple(read[n_keyed:])
    aes = tuple(
        AdverseEvent(
            term=str(e.get("term") or "").strip(),
            grade=_str(e.get("grade")),
            n=_int(e.get("n")),
            percent=_num(e.get("percent")),
            arm=_str(e.get("arm")),
            provenance=prov(e),
        )
        for e in d.get("adverse_events") or ()
        if e.get("term")
    )
    refs = tuple(
        Reference(
            index=int(r["index"]),
            first_author=_str(r.get("first_author")),
            year=_int(r.get("year")),
            journal=_str(r.get("journal")),
            volume=_str(r.get("volume")),
            first_page=_str(r.get("first_page")),
            doi=(_str(r.get("doi")) or "").lower() or None,
            title=_str(r.get("title")),
            pmid=_str(r.get("pmid")),
            provenance=prov(r),
        )
        for r in d.get("references") or ()
        if _int(r.get("index")) is not None
    )
    return StudyRecord(
        document=doc_id,
        study=study,
        arms=arms,
        interventions=interventions,
        outcomes=outcomes,
        adverse_events=aes,
        references=refs,
        other_outcomes=other,
    )


def load_record(path: str | Path, text: str | None = None) -> StudyRecord:
    """Read one record JSON file (RECORD.md form or `to_json()` form)."""
    with open(path, encoding="utf-8") as f:
        return record_from_dict(json.load(f), text=text)


def record_to_dict(record: StudyRecord) -> dict[str, Any]:
    """The internal JSON form (`StudyRecord.to_json()`), provenance included."""
    return record.to_json()

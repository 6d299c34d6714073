"""What `litkg review` does beyond recording: find a fact by id, read a
`--set FIELD=VALUE` value, build a fact a reviewer adds, say what a fact is."""

from __future__ import annotations

import json
import re
from typing import Any

from litkg.kg.curation.facts import NODE_FIELDS, STUDY_FIELDS, Fact, all_papers, facts_of_papers

ID_PATTERN = re.compile(r"^f-[0-9a-f]{16}$")


class UnknownFact(LookupError):
    """No fact of the store has that id."""


def find_fact(store: Any, fid: str, curation: Any = None, paper: str | None = None) -> Fact:
    """The fact with id `fid`: looked up in `paper` (an IRI) when given, then in
    the papers earlier verdicts on it name, then paper by paper in the store."""
    fid = fid.strip()
    if not ID_PATTERN.match(fid):
        raise UnknownFact(
            f"{fid!r} is not a fact id (f- and 16 hex digits); "
            "`litkg show PAPER --format json` gives each fact's id"
        )
    tried: set[str] = set()
    first = [paper] if paper else []
    if curation is not None:
        first += [v.paper for v in curation.verdicts() if v.fact_id == fid and v.paper]
    papers = all_papers(store)
    order = list(dict.fromkeys([p for p in first if p in papers] + papers))
    for i in range(0, len(order), 50):
        chunk = [p for p in order[i : i + 50] if p not in tried]
        tried.update(chunk)
        for f in facts_of_papers(store, chunk):
            if f.id == fid:
                return f
    if curation is not None:
        for s_id, s in curation.states().items():
            if s_id == fid and s.added is not None:
                return s.added
    raise UnknownFact(
        f"no fact with id {fid} in {store.location}; "
        "`litkg show PAPER --format json` gives each fact's id, "
        "`litkg review-status` lists verdicts whose fact is gone"
    )


def field_kinds(kind: str) -> dict[str, str]:
    """The fields of a kind of fact and how each reads (text, num, int, name, year)."""
    if kind == "study":
        return {name: ("year" if name == "year" else "text") for name, _, _ in STUDY_FIELDS}
    return {k: how for k, (_, how) in NODE_FIELDS[kind].items()}


def parse_value(text: str, how: str | None = None, old: Any = None) -> Any:
    """A `--set` value: empty or `null` clears the field; a number where the
    field holds numbers (`how` num / int / year, or an old value that is a
    number); text otherwise. ValueError for a word where a number belongs."""
    t = text.strip()
    if t == "" or t.lower() == "null":
        return None
    numeric = how in ("num", "int", "year") or (
        how is None and isinstance(old, int | float) and not isinstance(old, bool)
    )
    if not numeric:
        return t
    try:
        v = json.loads(t.replace(",", "."))
    except json.JSONDecodeError:
        v = None
    if not isinstance(v, int | float) or isinstance(v, bool):
        raise ValueError(f"{text!r} is not a number")
    if how in ("int", "year") and v != int(v):
        raise ValueError(f"{text!r} is not a whole number")
    return int(v) if how in ("int", "year") or v == int(v) and "." not in t else v


def parse_sets(
    fact_kind: str, sets: list[str], current: dict[str, Any] | None = None
) -> dict[str, Any]:
    """`FIELD=VALUE` pairs read against the fields of a kind of fact (a study
    fact: its own field only). ValueError naming the fields for an unknown one."""
    kinds = field_kinds(fact_kind)
    allowed = list(current) if fact_kind == "study" and current else list(kinds)
    out: dict[str, Any] = {}
    for s in sets:
        name, sep, value = s.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ValueError(f"--set takes FIELD=VALUE, not {s!r}")
        if name not in allowed:
            raise ValueError(
                f"the {fact_kind} fact has no field {name!r}; its fields: {', '.join(allowed)}"
            )
        old = (current or {}).get(name)
        try:
            out[name] = parse_value(value, kinds.get(name), old)
        except ValueError as e:
            raise ValueError(f"--set {name}: {e}") from e
    return out


def added_fact(
    store: Any, kind: str, paper: str, quote: str, page: int | None, fields: dict[str, Any]
) -> dict[str, Any]:
    """The fact dict `Curation.record(..., "add", fact=...)` takes, for a fact
    of `kind` in `paper` (DOI, document id or IRI) read from `quote`."""
    from litkg.kg.queries import select, text
    from litkg.kg.show import find_paper

    iri = str(find_paper(store, paper))
    rows = select(store, f"SELECT ?doc WHERE {{ <{iri}> lkg:documentId ?doc }}")
    doc = text(rows[0].get("doc")) if rows else None
    if not fields:
        raise ValueError("an added fact needs its fields: --set FIELD=VALUE")
    if not quote or not quote.strip():
        raise ValueError("an added fact needs its evidence: --quote TEXT, verbatim from the paper")
    evidence = {"quote": quote, "page": page, "char_start": None, "char_end": None,
                "document": doc, "rule": "reviewer"}  # fmt: skip
    return {"kind": kind, "paper": iri, "fields": fields, "evidence": evidence}


def describe(f: Fact | dict[str, Any]) -> str:
    """A fact in one line: kind, fields, page."""
    d = f.to_dict() if isinstance(f, Fact) else f
    fields = ", ".join(f"{k}={v}" for k, v in (d.get("fields") or {}).items() if v is not None)
    page = (d.get("evidence") or {}).get("page")
    return f"{d.get('kind')} {fields}" + (f" (p. {page})" if page else "")

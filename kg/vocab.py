"""Filter values resolved through the vocabularies, and `litkg vocab`.

A reader types what the papers print: `--drug Blincyto`, `--design
randomised`, `--term CRS`, `--endpoint "overall survival"`. Each kind's
entries come from `ontology/vocab/*.json` (key, label, synonyms,
abbreviations) and from the concepts the graph holds (a drug or term the
vocabulary lacks but a paper named). A value resolves when its folded form
(case, accents, punctuation and British/American spellings ignored) equals
the folded form of an entry's key or of one of its names. A value that
resolves to nothing is an `UnknownValue` naming the closest entries.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from litkg.extractor.vocab import load_vocab

#: What `litkg vocab KIND` lists, and the kind names used in messages.
KINDS = {
    "endpoints": "endpoint",
    "terms": "adverse-event term",
    "designs": "design",
    "drugs": "drug",
    "units": "unit",
}

#: British spellings folded onto the American ones (before punctuation goes).
_SPELLING = [
    (re.compile(r"is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
    (re.compile(r"our\b"), "or"),
    (re.compile(r"tre\b"), "ter"),
]


def fold(text: str) -> str:
    """The comparison form of a name: lower case, no accents, British spellings
    as American, letters and digits only ("Randomised" -> "randomized",
    "single arm" == "single-arm", "Grade ≥3" -> "grade3")."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("µ", "u").replace("μ", "u")
    for pat, rep in _SPELLING:
        s = pat.sub(rep, s)
    return re.sub(r"[^0-9a-z]", "", s)


@dataclass
class Entry:
    """One vocabulary entry: the key filters and the graph use, a label, other names."""

    key: str
    label: str = ""
    names: list[str] = field(default_factory=list)
    in_graph: bool = False

    def all_names(self) -> list[str]:
        """Key, label and names, without repeats."""
        return list(dict.fromkeys(n for n in (self.key, self.label, *self.names) if n))


class UnknownValue(ValueError):
    """A filter value that names no entry of its vocabulary nor of the graph."""

    def __init__(self, kind: str, value: str, suggestions: list[str]) -> None:
        self.kind, self.value, self.suggestions = kind, value, suggestions
        hint = f" (did you mean {' or '.join(suggestions)}?)" if suggestions else ""
        plural = next((k for k, v in KINDS.items() if v == kind), kind + "s")
        super().__init__(f"unknown {kind} {value!r}{hint}; `litkg vocab {plural}` lists them")


def _strings(xs: Any) -> list[str]:
    return [x for x in xs if isinstance(x, str)] if isinstance(xs, list) else []


def _endpoints() -> list[Entry]:
    doc = load_vocab("endpoints")
    return [
        Entry(k, str(v.get("label") or ""), _strings(v.get("terms")) + _strings(v.get("abbreviations")))
        for k, v in doc.get("endpoints", {}).items()
    ]  # fmt: skip


def _terms() -> list[Entry]:
    doc = load_vocab("adverse_events")
    items = [doc["generic"]] if isinstance(doc.get("generic"), dict) else []
    items += [t for t in doc.get("terms", []) if isinstance(t, dict)]
    return [
        Entry(str(t["term"]), "", _strings(t.get("synonyms")) + _strings(t.get("abbreviations")))
        for t in items
        if isinstance(t.get("term"), str)
    ]


def _designs() -> list[Entry]:
    doc = load_vocab("designs")
    return [Entry(k, "", _strings(v.get("synonyms"))) for k, v in doc.get("terms", {}).items()]


def _drugs() -> list[Entry]:
    doc = load_vocab("drugs")
    out = {k: Entry(k, "", _strings(v)) for k, v in doc.get("drugs", {}).items()}
    for abbr, generic in doc.get("abbreviations", {}).items():
        if isinstance(generic, str):
            out.setdefault(generic, Entry(generic)).names.append(abbr)
    return list(out.values())


def _units() -> list[Entry]:
    doc = load_vocab("units")
    out: dict[str, Entry] = {}
    for spelling, (canon, factor) in doc.get("mass", {}).items():
        e = out.setdefault(canon, Entry(canon))
        if spelling != canon and factor == 1:
            e.names.append(spelling)
    for group, label in (("per_body", "per body"), ("per_time", "per time")):
        for spelling, canon in doc.get(group, {}).items():
            e = out.setdefault(f"/{canon}", Entry(f"/{canon}", label))
            if spelling != canon:
                e.names.append(spelling)
    return list(out.values())


_LOADERS = {
    "endpoints": _endpoints,
    "terms": _terms,
    "designs": _designs,
    "drugs": _drugs,
    "units": _units,
}


def entries(kind: str, graph_keys: Iterable[str] = ()) -> list[Entry]:
    """The entries of a vocabulary, with the graph's keys the vocabulary lacks
    added (and every entry the graph uses marked `in_graph`)."""
    if kind not in _LOADERS:
        raise ValueError(f"unknown vocabulary {kind!r}; one of {', '.join(KINDS)}")
    out = {fold(e.key): e for e in _LOADERS[kind]()}
    for k in graph_keys:
        e = out.setdefault(fold(k), Entry(k))
        e.in_graph = True
    return list(out.values())


def resolve(kind: str, value: str, graph_keys: Iterable[str] = ()) -> str:
    """The key `value` names in the vocabulary `kind` or among the graph's keys
    (see the module docstring); UnknownValue otherwise."""
    es = entries(kind, graph_keys)
    want = fold(value)
    if want:
        # the key first, then the other names (an abbreviation may be shared)
        for e in es:
            if fold(e.key) == want:
                return e.key
        for e in sorted(es, key=lambda e: not e.in_graph):
            if any(fold(n) == want for n in e.all_names()):
                return e.key
    names = {fold(n): e.key for e in es for n in e.all_names()}
    close = difflib.get_close_matches(want, list(names), n=6, cutoff=0.6)
    suggestions = list(dict.fromkeys(names[c] for c in close))[:3]
    raise UnknownValue(KINDS[kind], value, suggestions)


def listing(kind: str, graph_keys: Iterable[str] = ()) -> list[dict[str, Any]]:
    """`litkg vocab KIND` rows: key, label, other names, whether the graph uses it."""
    return [
        {
            "key": e.key,
            "label": e.label,
            "names": [n for n in e.all_names() if n not in (e.key, e.label)],
            "in_graph": e.in_graph,
        }
        for e in sorted(entries(kind, graph_keys), key=lambda e: e.key.lower())
    ]


#: The graph property whose concept IRIs hold each kind's keys.
_GRAPH_PROPERTY = {
    "endpoints": "lkg:endpoint",
    "terms": "lkg:adverseEvent",
    "designs": "lkg:design",
    "drugs": "lkg:drug",
}


def graph_keys(store: Any, kind: str) -> list[str]:
    """The keys of the concepts of a kind the graph's facts use (an endpoint IRI
    ends in its key; drug and term IRIs in their name, spaces as underscores)."""
    from urllib.parse import unquote

    from litkg.kg.queries import select

    prop = _GRAPH_PROPERTY.get(kind)
    if prop is None:
        return []
    rows = select(store, f"SELECT DISTINCT ?c WHERE {{ ?x {prop} ?c }}")
    out = []
    for r in rows:
        seg = unquote(re.split(r"[/#]", str(r["c"]).rstrip("/"))[-1])
        out.append(seg if kind == "endpoints" else seg.replace("_", " "))
    return sorted(out)


def resolve_in(store: Any, kind: str, value: str | None) -> str | None:
    """`resolve` against the vocabulary and the store's concepts (None stays None)."""
    if value is None or not value.strip():
        return None
    return resolve(kind, value, graph_keys(store, kind))

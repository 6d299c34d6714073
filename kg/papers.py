"""How a corpus paper is named to a reader: its citation.

"Stein 2019, Biol Blood Marrow Transplant": first author, year and the
journal's ISO 4 short form (title words abbreviated by
`ontology/vocab/journal_words.json`; a one-word title stays whole). Without
an author the journal leads ("Haematologica 2025"); without either, the
title's first words, else the document id. Two papers with the same citation
are told apart by their document id. Every machine-readable output carries
the paper as `paper_json`: its IRI, this label, DOI and document id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rdflib import URIRef

from litkg.extractor.vocab import load_vocab
from litkg.kg.queries import select_plain, sparql_term, text
from litkg.kg.store import KGStore

Q_PAPERS = """SELECT ?paper ?doi ?doc ?author ?year ?journal ?title WHERE {
  {values}
  ?paper a lkg:Paper .
  OPTIONAL { ?paper prism:doi ?doi }
  OPTIONAL { ?paper lkg:documentId ?doc }
  OPTIONAL { ?paper lkg:firstAuthor ?author }
  OPTIONAL { ?paper fabio:hasPublicationYear ?year }
  OPTIONAL { ?paper prism:publicationName ?journal }
  OPTIONAL { ?paper dcterms:title ?title }
}"""


@lru_cache(maxsize=1)
def _journal_words() -> tuple[frozenset[str], dict[str, str], list[tuple[str, str]]]:
    doc = load_vocab("journal_words")
    words = {k: v for k, v in doc.get("words", {}).items() if not k.endswith("-")}
    stems = sorted(
        ((k[:-1], v) for k, v in doc.get("words", {}).items() if k.endswith("-")),
        key=lambda kv: -len(kv[0]),
    )
    return frozenset(doc.get("drop", [])), words, stems


def short_journal(name: str | None) -> str:
    """The ISO 4 short form of a journal title ("Journal of Clinical Oncology" ->
    "J Clin Oncol"); a title of one word, or already abbreviated, is kept."""
    if not name:
        return ""
    tokens = re.findall(r"[^\s.,:;()]+", name)
    if len(tokens) < 2:
        return name.strip()
    drop, words, stems = _journal_words()
    out = []
    for t in tokens:
        low = t.lower()
        if low in drop:
            continue
        if low in words:
            out.append(words[low])
            continue
        stem = next((v for s, v in stems if low.startswith(s)), None)
        out.append(stem if stem else t)
    return " ".join(out) or name.strip()


def _surname(author: str) -> str:
    """ "Stein AS" / "Stein, Anthony" / "Anthony S. Stein" -> "Stein" (as far as
    the printed form tells: initials after the surname, or a comma)."""
    a = author.strip()
    if "," in a:
        return a.split(",", 1)[0].strip()
    parts = a.split()
    if len(parts) > 1 and re.fullmatch(r"[A-Z]{1,3}\.?", parts[-1]):
        return " ".join(parts[:-1])
    if len(parts) > 1 and all(re.fullmatch(r"[A-Z]\.?-?[A-Z]?\.?", p) for p in parts[:-1]):
        return parts[-1]
    return a


def citation(
    author: str | None,
    year: int | str | None,
    journal: str | None,
    title: str | None = None,
    document: str | None = None,
) -> str:
    """A reader's name for a paper (see the module docstring)."""
    y = str(year)[:4] if year else ""
    j = short_journal(journal)
    if author:
        head = " ".join(p for p in (_surname(author), y) if p)
        return f"{head}, {j}" if j else head
    if j:
        return " ".join(p for p in (j, y) if p)
    if title:
        words = title.split()
        short = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
        return f"{short} ({y})" if y else short
    base = document or "paper"
    return f"{base} ({y})" if y else base


@dataclass(frozen=True)
class PaperRef:
    """A corpus paper as outputs name it: IRI, citation label, DOI, document id, year."""

    iri: str
    label: str
    doi: str | None = None
    document: str | None = None
    year: int | None = None

    def json(self) -> dict[str, Any]:
        """The paper in every command's JSON: IRI plus label (and DOI, document id)."""
        return {"iri": self.iri, "label": self.label, "doi": self.doi, "document": self.document}


def unique_labels(refs: dict[str, PaperRef]) -> dict[str, PaperRef]:
    """The refs with a citation shared by several papers told apart by document id."""
    seen: dict[str, list[str]] = {}
    for iri, r in refs.items():
        seen.setdefault(r.label, []).append(iri)
    out = dict(refs)
    for label, iris in seen.items():
        if len(iris) > 1:
            for iri in iris:
                r = refs[iri]
                tag = r.document or r.doi or iri.rsplit("/", 1)[-1]
                out[iri] = PaperRef(r.iri, f"{label} [{tag}]", r.doi, r.document, r.year)
    return out


def paper_refs(store: KGStore, papers: Iterable[str] | None = None) -> dict[str, PaperRef]:
    """The corpus papers of the store (all, or the given IRIs) with their citation
    labels, told apart within that set when two share one."""
    return refs_from_meta(paper_meta(store, papers))


def paper_meta(store: KGStore, papers: Iterable[str] | None = None) -> dict[str, dict[str, str]]:
    """What names each corpus paper of the store (all, or the given IRIs):
    IRI -> its first DOI, document id, first author, year, journal and title
    found ("doi", "doc", "author", "year", "journal", "title")."""
    if papers is None:
        rows = select_plain(store, Q_PAPERS.replace("{values}", ""))
    else:
        uniq, rows = sorted(set(papers)), []
        for i in range(0, len(uniq), 500):
            block = (
                "VALUES ?paper { "
                + " ".join(sparql_term(URIRef(p)) for p in uniq[i : i + 500])
                + " }"
            )
            rows += select_plain(store, Q_PAPERS.replace("{values}", block))
    found: dict[str, dict[str, str]] = {}
    for r in rows:
        d = found.setdefault(str(r["paper"]), {})
        for k in ("doi", "doc", "author", "year", "journal", "title"):
            v = text(r.get(k))
            if v is not None and k not in d:
                d[k] = v
    return found


def refs_from_meta(found: dict[str, dict[str, str]]) -> dict[str, PaperRef]:
    """The papers of `paper_meta` with their citation labels, told apart
    within that set when two share one."""
    refs = {}
    for iri, d in found.items():
        y = d.get("year", "")[:4]
        year = int(y) if y.isdigit() else None
        label = citation(d.get("author"), year, d.get("journal"), d.get("title"), d.get("doc"))
        refs[iri] = PaperRef(iri, label, d.get("doi"), d.get("doc"), year)
    return unique_labels(refs)


def paper_json(refs: dict[str, PaperRef], iri: str) -> dict[str, Any]:
    """`PaperRef.json` of a paper (IRI only, as label too, when the store lacks it)."""
    r = refs.get(iri)
    return r.json() if r else {"iri": iri, "label": iri, "doi": None, "document": None}

"""Several input files that are one paper (the same DOI, or without one the
same title, first author and year: the same paper IRI).

The paper keeps one graph. Its facts and their provenance come from the
richest of its files, and every other file is recorded as another
manifestation of the paper (`fabio:hasManifestation`, a `lkg:SourceDocument`
with its file name, format, page count and hashes).

"Richer" is defined as: JATS XML (marked-up sections, tables and
references) over PDF (pages, so that evidence has its page) over plain
text; between two files of one format, the one with more pages; then the
path that sorts first, so that the choice never depends on the order in
which workers finish.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rdflib import URIRef

from litkg.kg.build import manifestation_graph
from litkg.kg.store import KGStore, graph_to_ntriples
from litkg.ontology.namespace import FABIO, LKG

#: Source formats from the richest down.
FORMAT_RANK = {"jats": 3, "pdf": 2, "text": 1}

_SUFFIX_FORMAT = {".xml": "jats", ".nxml": "jats", ".pdf": "pdf"}


def entry_format(key: str, entry: Mapping[str, Any]) -> str:
    """A manifest entry's source format (from its file suffix for entries
    written before the format was recorded)."""
    fmt = entry.get("source_format") or (entry.get("source") or {}).get("source_format")
    return str(fmt or _SUFFIX_FORMAT.get(Path(key).suffix.lower(), "text"))


def preference(key: str, entry: Mapping[str, Any]) -> tuple[int, int, str]:
    """Sort key: the richest file of a paper sorts first."""
    return (-FORMAT_RANK.get(entry_format(key, entry), 0), -int(entry.get("pages") or 0), key)


def is_primary(entry: Mapping[str, Any]) -> bool:
    """Whether a manifest entry's file is the one its paper's facts come from
    (entries of earlier builds, which had no other kind, are)."""
    return bool(entry.get("primary", True))


def members(files: Mapping[str, Mapping[str, Any]], paper: str) -> dict[str, Mapping[str, Any]]:
    """The manifest entries (by path) of every file of `paper`."""
    return {k: e for k, e in files.items() if e.get("paper") == paper}


def source_meta(key: str, entry: Mapping[str, Any]) -> dict[str, Any]:
    """The `doc_meta` of a file's manifestation node, from its manifest entry."""
    meta = dict(entry.get("source") or {})
    meta.setdefault("source", Path(key).name)
    meta.setdefault("file_sha256", entry.get("file_sha256"))
    meta.setdefault("source_format", entry_format(key, entry))
    meta.setdefault("n_pages", entry.get("pages"))
    meta.setdefault("doc_id", entry.get("doc_id"))
    return meta


def others_ntriples(paper: str, others: Mapping[str, Mapping[str, Any]]) -> str:
    """N-Triples of the manifestations of `others` (path -> manifest entry)."""
    g = manifestation_graph(URIRef(paper), (source_meta(k, e) for k, e in sorted(others.items())))
    return graph_to_ntriples(g) if len(g) else ""


def refresh_manifestations(
    kg: KGStore, paper: str, others: Mapping[str, Mapping[str, Any]]
) -> None:
    """Replace, in the stored graph of `paper`, the manifestations other than
    its `lkg:source` by those of `others` (one update)."""
    p = f"<{paper}>"
    has, source = f"<{FABIO.hasManifestation}>", f"<{LKG.source}>"
    sparql = (
        f"DELETE {{ GRAPH {p} {{ {p} {has} ?m . ?m ?x ?y }} }} "
        f"WHERE {{ GRAPH {p} {{ {p} {has} ?m . FILTER NOT EXISTS {{ {p} {source} ?m }} "
        f"?m ?x ?y }} }}"
    )
    nt = others_ntriples(paper, others)
    if nt:
        sparql += f" ;\nINSERT DATA {{ GRAPH {p} {{\n{nt}\n}} }}"
    kg.update(sparql)


def describe(paths: list[str], kept: str) -> str:
    """The summary line for one paper given as several inputs."""
    names = sorted(paths)
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"{len(names)} inputs are one paper: {listed}; kept facts from {kept}"

"""Exports of a store: RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD) and the
networkx view (GraphML, GEXF)."""

from __future__ import annotations

import os

from litkg.kg import nxview
from litkg.kg.store import FORMATS, KGStore, StoreError, dump

NX_FORMATS = ("graphml", "gexf")
ALL_FORMATS = (*FORMATS, *NX_FORMATS)


def export(store: KGStore, path: str | os.PathLike[str], fmt: str) -> str:
    """Write the store's content to `path` in `fmt`; returns a one-line summary."""
    fmt = fmt.lower()
    if fmt in FORMATS:
        dump(store, path, fmt)
        return f"wrote {fmt} to {path}"
    if fmt in NX_FORMATS:
        view = nxview.write(store.union_graph(), str(path), fmt)
        return (
            f"wrote {fmt} to {path}: {view.number_of_nodes()} nodes, {view.number_of_edges()} edges"
        )
    raise StoreError(f"unknown export format {fmt!r}; one of {', '.join(ALL_FORMATS)}")

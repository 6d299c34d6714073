"""Exports of a store: RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD) and the
networkx view (GraphML, GEXF)."""

from __future__ import annotations

import os

from litkg.extractor.batch import atomic_path
from litkg.kg import nxview
from litkg.kg.store import FORMATS, KGStore, StoreError, dump

NX_FORMATS = ("graphml", "gexf")
ALL_FORMATS = (*FORMATS, *NX_FORMATS)


def export(store: KGStore, path: str | os.PathLike[str], fmt: str) -> str:
    """Write the store's content to `path` in `fmt` (atomically: a failure leaves
    the old file); returns a one-line summary."""
    fmt = fmt.lower()
    if fmt in FORMATS:
        with atomic_path(path) as tmp:
            dump(store, tmp, fmt)
        return f"wrote {fmt} to {path}"
    if fmt in NX_FORMATS:
        graph = store.union_graph()
        with atomic_path(path) as tmp:
            view = nxview.write(graph, str(tmp), fmt)
        return (
            f"wrote {fmt} to {path}: {view.number_of_nodes()} nodes, {view.number_of_edges()} edges"
        )
    raise StoreError(f"unknown export format {fmt!r}; one of {', '.join(ALL_FORMATS)}")

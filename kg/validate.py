"""SHACL validation of litkg graphs (ontology/shapes.ttl) with pyshacl.

The data graph is validated together with the ontology (ontology/litkg.ttl),
which declares the concept classes the shapes refer to. Violations come back
as `Violation` records (focus node, path, value, message) that print readably.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from litkg.ontology.namespace import PREFIXES, ontology_graph, shapes_graph

_SHORT = {str(ns): p for p, ns in PREFIXES.items()}


def short(term: Node | None) -> str:
    """A compact rendering of an IRI (prefix:name when a litkg prefix fits)."""
    if term is None:
        return "-"
    s = str(term)
    if isinstance(term, URIRef):
        for ns, p in sorted(_SHORT.items(), key=lambda kv: -len(kv[0])):
            if s.startswith(ns):
                return f"{p}:{s[len(ns) :]}"
        return f"<{s}>"
    return repr(s) if len(s) < 80 else repr(s[:77] + "...")


@dataclass(frozen=True)
class Violation:
    """One SHACL result."""

    focus: Node
    path: Node | None
    value: Node | None
    message: str
    severity: str
    shape: Node | None

    def __str__(self) -> str:
        parts = [f"{self.severity}: {short(self.focus)}"]
        if self.path is not None:
            parts.append(f"path {short(self.path)}")
        if self.value is not None:
            parts.append(f"value {short(self.value)}")
        return "  ".join(parts) + f"\n    {self.message}"


@dataclass(frozen=True)
class Report:
    """The outcome of a validation."""

    conforms: bool
    violations: list[Violation]
    n_triples: int

    def text(self) -> str:
        """A readable report: one block per violation and a summary line."""
        lines = [str(v) for v in self.violations]
        status = "conforms" if self.conforms else f"{len(self.violations)} violation(s)"
        lines.append(f"{self.n_triples} triples: {status}")
        return "\n".join(lines)


def _as_graph(data: Graph) -> Graph:
    if isinstance(data, Dataset):
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return data


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return shapes_graph()


def validate_graph(data: Graph) -> Report:
    """Validate a graph (or the union of a Dataset) against the litkg shapes."""
    g = _as_graph(data)
    n = len(g)
    # The ontology declares the concept classes the shapes check (sh:class);
    # validate a copy of the data with it mixed in.
    mixed = Graph()
    for t in g:
        mixed.add(t)
    for t in ontology_graph():
        mixed.add(t)
    conforms, results, _ = shacl_validate(
        mixed,
        shacl_graph=_shapes(),
        inference="none",
        inplace=True,  # `mixed` is our own copy: no second one
        abort_on_first=False,
        allow_warnings=True,
        advanced=True,
    )
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        sev = results.value(r, SH.resultSeverity)
        violations.append(
            Violation(
                focus=results.value(r, SH.focusNode),
                path=results.value(r, SH.resultPath),
                value=results.value(r, SH.value),
                message=str(results.value(r, SH.resultMessage) or "constraint not met"),
                severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
                shape=results.value(r, SH.sourceShape),
            )
        )
    violations.sort(key=lambda v: (str(v.focus), str(v.path), v.message))
    errors = [v for v in violations if v.severity == "Violation"]
    return Report(conforms=bool(conforms) and not errors, violations=violations, n_triples=n)


def validate_file(path: str | os.PathLike[str]) -> Report:
    """Validate an RDF file (format guessed from the extension; TriG/N-Quads
    files are validated as the union of their graphs)."""
    p = Path(path)
    ext = p.suffix.lower().lstrip(".")
    fmt = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld",
           "json": "json-ld", "rdf": "xml", "xml": "xml"}.get(ext, "turtle")  # fmt: skip
    if fmt in ("nquads", "trig", "json-ld"):
        ds = Dataset()
        ds.parse(str(p), format=fmt)
        return validate_graph(ds)
    return validate_graph(Graph().parse(str(p), format=fmt))


def validate_store(store: object) -> Report:
    """Validate everything a store holds (the union of its graphs)."""
    return validate_graph(store.union_graph())  # type: ignore[attr-defined]

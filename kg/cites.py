"""`litkg cites`: the citation network of the corpus.

- most-cited works: each cited work (works that are the same under two IRIs,
  joined by owl:sameAs in the shared graph, count once, under the canonical
  IRI) with the number of corpus papers citing it, and the corpus paper it
  resolves to when it is one;
- who cites whom inside the corpus: the references the linker resolved to
  corpus papers (`lkg:resolvesTo`; a DOI that is not the reference's own
  resolves to nothing).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from litkg.kg.queries import dumps, select, text
from litkg.kg.store import KGStore
from litkg.kg.textgrid import render_rows, to_csv, to_markdown

FORMATS = ("table", "csv", "json", "markdown")

Q_CITED = """SELECT ?paper ?work ?canon ?author ?year ?journal ?volume ?pageno ?doi ?resolves WHERE {
  ?paper lkg:reference ?ref .
  ?ref lkg:citedWork ?work .
  OPTIONAL { ?work owl:sameAs ?canon }
  OPTIONAL { ?ref lkg:firstAuthor ?author }
  OPTIONAL { ?ref fabio:hasPublicationYear ?year }
  OPTIONAL { ?ref prism:publicationName ?journal }
  OPTIONAL { ?ref prism:volume ?volume }
  OPTIONAL { ?ref prism:startingPage ?pageno }
  OPTIONAL { ?ref prism:doi ?doi }
  OPTIONAL { ?work lkg:resolvesTo ?resolves }
}"""

Q_PAPERS = """SELECT ?paper ?doc ?doi ?year WHERE {
  ?paper a lkg:Paper .
  OPTIONAL { ?paper lkg:documentId ?doc }
  OPTIONAL { ?paper prism:doi ?doi }
  OPTIONAL { ?paper fabio:hasPublicationYear ?year }
}"""

Q_INTERNAL = """SELECT DISTINCT ?citing ?cited WHERE {
  ?citing a lkg:Paper ; lkg:reference/lkg:citedWork/lkg:resolvesTo ?cited .
  ?cited a lkg:Paper .
  FILTER (?citing != ?cited)
}"""


@dataclass
class Work:
    """A cited work and the corpus papers citing it."""

    iri: str
    label: str
    doi: str | None = None
    resolves_to: str | None = None
    citers: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Number of corpus papers citing the work."""
        return len(self.citers)


@dataclass
class Network:
    """Most-cited works and the citations between corpus papers."""

    works: list[Work]
    internal: list[tuple[str, str]]
    papers: dict[str, str]
    iris: dict[str, str] = field(default_factory=dict)  # label -> paper IRI

    def paper(self, label: str) -> dict[str, str]:
        """A paper named by its label, as JSON: IRI plus label."""
        return {"iri": self.iris.get(label, label), "label": label}


def _label(r: dict) -> str:
    parts = [text(r.get("author")) or "?", (text(r.get("year")) or "")[:4]]
    if r.get("journal") is not None:
        parts.append(str(r["journal"]))
    vol, page = text(r.get("volume")), text(r.get("pageno"))
    if vol or page:
        parts.append(f"{vol or ''}:{page or ''}")
    return " ".join(p for p in parts if p)


def citation_network(store: KGStore) -> Network:
    """Read the citation network from the store."""
    from litkg.kg.papers import paper_refs

    refs = paper_refs(store)
    names = {iri: r.label for iri, r in refs.items()}
    works: dict[str, Work] = {}
    citers: dict[str, set[str]] = defaultdict(set)
    for r in select(store, Q_CITED):
        iri = str(r.get("canon") or r["work"])
        w = works.get(iri)
        if w is None:
            w = works[iri] = Work(iri, _label(r), text(r.get("doi")))
        if w.doi is None and r.get("doi") is not None:
            w.doi = str(r["doi"])
        if r.get("resolves") is not None:
            w.resolves_to = names.get(str(r["resolves"]), str(r["resolves"]))
        citers[iri].add(names.get(str(r["paper"]), str(r["paper"])))
    for iri, w in works.items():
        w.citers = sorted(citers[iri])
    ranked = sorted(works.values(), key=lambda w: (-w.count, w.label))
    internal = sorted(
        {
            (
                names.get(str(r["citing"]), str(r["citing"])),
                names.get(str(r["cited"]), str(r["cited"])),
            )
            for r in select(store, Q_INTERNAL)
        }
    )
    return Network(ranked, internal, names, {v: k for k, v in names.items()})


def render(net: Network, fmt: str = "table", top: int | None = 20) -> str:
    """Most-cited works (the `top` ones; None for all) and the in-corpus citations."""
    works = net.works[:top] if top else net.works
    if fmt == "json":
        return dumps(
            {
                "most_cited": [
                    asdict(w)
                    | {
                        "count": w.count,
                        "citers": [net.paper(c) for c in w.citers],
                        "resolves_to": net.paper(w.resolves_to) if w.resolves_to else None,
                    }
                    for w in works
                ],
                "corpus_citations": [
                    {"citing": net.paper(a), "cited": net.paper(b)} for a, b in net.internal
                ],
            }
        )
    header = ["cited by", "work", "doi", "corpus paper", "citing papers"]
    rows = [
        [str(w.count), w.label, w.doi or "", w.resolves_to or "", "\n".join(w.citers)]
        for w in works
    ]
    if fmt == "csv":
        return to_csv(header, [[*r[:4], "; ".join(r[4].split("\n"))] for r in rows]).rstrip("\n")
    cites = [[a, b] for a, b in net.internal]
    if fmt == "markdown":
        return (
            "## Most-cited works\n\n"
            + to_markdown(header, rows)
            + "\n\n## Citations between corpus papers\n\n"
            + (to_markdown(["citing paper", "cites corpus paper"], cites) if cites else "none")
        )
    if fmt == "table":
        return (
            f"Most-cited works ({len(works)} of {len(net.works)}):\n"
            + render_rows(header, rows, max_width=40)
            + "\n\nCitations between corpus papers:\n"
            + (render_rows(["citing paper", "cites corpus paper"], cites) if cites else "none")
        )
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")

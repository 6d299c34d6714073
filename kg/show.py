"""`litkg show PAPER`: everything the graph holds about one paper.

PAPER is a DOI (with or without https://doi.org/), a document id (the input
file's name without extension) or the paper's IRI. Shown: the bibliographic
data, the study (phase, design, registered trials and the other corpus papers
reporting them), arms, interventions, outcomes, adverse events and references
(with the corpus paper a reference resolves to), the corpus papers citing it,
and the extraction run; every fact with its evidence quote and page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import Literal, URIRef

from litkg.kg import iris
from litkg.kg.adverse import AERow, adverse_events
from litkg.kg.compare import Filters, StudyEntry, compare, key_label
from litkg.kg.queries import dumps, fmt_num, local_name, number, select, text
from litkg.kg.store import KGStore

Q_BY_DOI = "SELECT ?paper ?doi WHERE { ?paper a lkg:Paper ; prism:doi ?doi }"
Q_BY_DOC = "SELECT ?paper ?doc WHERE { ?paper a lkg:Paper ; lkg:documentId ?doc }"
Q_IS_PAPER = "SELECT ?paper WHERE { ?paper a lkg:Paper }"

Q_STUDY_EVIDENCE = """SELECT ?paper ?quote ?page ?rule WHERE {
  ?paper lkg:reports ?study . ?study lkg:evidence ?ev .
  ?ev oa:hasSelector ?sel . ?sel oa:exact ?quote .
  OPTIONAL { ?ev lkg:page ?page } OPTIONAL { ?ev lkg:extractionRule ?rule }
}"""

Q_TRIAL_PAPERS = """SELECT ?paper ?trial ?other ?doc WHERE {
  ?paper lkg:reports/lkg:registration ?trial .
  ?other lkg:reports/lkg:registration ?trial .
  OPTIONAL { ?other lkg:documentId ?doc }
  FILTER (?other != ?paper)
}"""

Q_REFERENCES = """SELECT ?paper ?ref ?index ?author ?year ?journal ?volume ?pageno ?doi ?title
       ?resolves ?doc ?quote ?page WHERE {
  ?paper lkg:reference ?ref .
  OPTIONAL { ?ref lkg:referenceIndex ?index }
  OPTIONAL { ?ref lkg:firstAuthor ?author }
  OPTIONAL { ?ref fabio:hasPublicationYear ?year }
  OPTIONAL { ?ref prism:publicationName ?journal }
  OPTIONAL { ?ref prism:volume ?volume }
  OPTIONAL { ?ref prism:startingPage ?pageno }
  OPTIONAL { ?ref prism:doi ?doi }
  OPTIONAL { ?ref dcterms:title ?title }
  OPTIONAL { ?ref lkg:citedWork ?work .
             ?work lkg:resolvesTo ?resolves .
             OPTIONAL { ?resolves lkg:documentId ?doc } }
  OPTIONAL { ?ref lkg:evidence ?ev . ?ev oa:hasSelector ?sel . ?sel oa:exact ?quote .
             OPTIONAL { ?ev lkg:page ?page } }
}"""

Q_CITED_BY = """SELECT ?paper ?citing ?doc WHERE {
  ?citing a lkg:Paper ; lkg:reference/lkg:citedWork/lkg:resolvesTo ?paper .
  OPTIONAL { ?citing lkg:documentId ?doc }
  FILTER (?citing != ?paper)
}"""

Q_RUN = """SELECT ?paper ?started ?version ?vocab ?path ?format ?sha ?pages WHERE {
  ?paper lkg:source ?src .
  OPTIONAL { ?src lkg:sourcePath ?path } OPTIONAL { ?src lkg:sourceFormat ?format }
  OPTIONAL { ?src lkg:sha256 ?sha } OPTIONAL { ?src lkg:pageCount ?pages }
  OPTIONAL { ?run prov:used ?src .
             OPTIONAL { ?run prov:startedAtTime ?started }
             OPTIONAL { ?run lkg:litkgVersion ?version }
             OPTIONAL { ?run lkg:vocabularyVersion ?vocab } }
}"""


class PaperNotFound(LookupError):
    """No corpus paper has that DOI, document id or IRI."""


def find_paper(store: KGStore, ref: str) -> URIRef:
    """The IRI of the paper a DOI, document id or IRI names."""
    ref = ref.strip()
    doi = iris.norm_doi(ref)
    if doi:
        rows = select(store, Q_BY_DOI, {"doi": Literal(doi)})
        if rows:
            return URIRef(str(rows[0]["paper"]))
    if ref.startswith(("http://", "https://")):
        rows = select(store, Q_IS_PAPER, {"paper": URIRef(ref)})
        if rows:
            return URIRef(ref)
    rows = select(store, Q_BY_DOC, {"doc": Literal(ref)})
    if rows:
        return URIRef(str(rows[0]["paper"]))
    raise PaperNotFound(f"no paper with DOI, document id or IRI {ref!r} in {store.location}")


@dataclass
class Reference:
    """One entry of the paper's reference list."""

    index: int | None
    text: str
    doi: str | None = None
    resolves_to: str | None = None
    evidence: str | None = None
    page: int | None = None
    resolves_to_iri: str | None = None
    iri: str | None = None
    id: str | None = None  # the fact id (kg/curation)
    review_status: str | None = None


@dataclass
class PaperView:
    """Everything `show` prints about one paper."""

    paper: str
    study: StudyEntry | None
    label: str = ""
    study_evidence: list[dict[str, Any]] = field(default_factory=list)
    same_trial: list[dict[str, str]] = field(default_factory=list)
    adverse_events: list[AERow] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    cited_by: list[str] = field(default_factory=list)
    run: dict[str, Any] = field(default_factory=dict)
    papers: dict[str, str] = field(default_factory=dict)  # label -> IRI, for JSON

    def paper_json(self, label: str) -> dict[str, str]:
        """A paper this view names, as JSON: IRI plus label."""
        return {"iri": self.papers.get(label, label), "label": label}


def show(store: KGStore, ref: str, curation: Any = None, reviewed_only: bool = False) -> PaperView:
    """Gather what the graph holds about the paper `ref` names, each fact with
    its id (kg/curation); with a `curation`, reviewers' verdicts applied
    (`reviewed_only`: confirmed, corrected and added facts only)."""
    from litkg.kg.curation.apply import apply_to_view
    from litkg.kg.papers import paper_refs

    paper = find_paper(store, ref)
    b = {"paper": paper}
    studies = compare(store, Filters(paper=str(paper)), curation, reviewed_only).studies
    refs = paper_refs(store)
    names = {iri: r.label for iri, r in refs.items()}
    view = PaperView(str(paper), studies[0] if studies else None, names.get(str(paper), ""))
    view.papers = {label: iri for iri, label in names.items()}
    view.study_evidence = sorted(
        (
            {"quote": str(r["quote"]), "page": number(r.get("page")), "rule": text(r.get("rule"))}
            for r in select(store, Q_STUDY_EVIDENCE, b)
        ),
        key=lambda d: (d["page"] or 0, d["quote"]),
    )
    view.same_trial = sorted(
        (
            {
                "trial": str(r["trial"]),
                "paper": str(r["other"]),
                "label": names.get(str(r["other"]), str(r["other"])),
                "document": text(r.get("doc")) or "",
            }
            for r in select(store, Q_TRIAL_PAPERS, b)
        ),
        key=lambda d: (d["trial"], d["paper"]),
    )
    view.adverse_events = adverse_events(
        store, filters=Filters(paper=str(paper)), curation=curation, reviewed_only=reviewed_only
    )
    refs: dict[str, Reference] = {}
    for r in select(store, Q_REFERENCES, b):
        key = str(r["ref"])
        if key in refs:
            continue
        idx = number(r.get("index"))
        parts = [
            text(r.get("author")),
            (text(r.get("year")) or "")[:4] or None,
            text(r.get("journal")),
            ":".join(x for x in (text(r.get("volume")), text(r.get("pageno"))) if x) or None,
        ]
        resolved = r.get("resolves")
        refs[key] = Reference(
            index=int(idx) if idx is not None else None,
            text=" ".join(p for p in parts if p) or (text(r.get("title")) or ""),
            doi=text(r.get("doi")),
            resolves_to=names.get(str(resolved), str(resolved)) if resolved is not None else None,
            resolves_to_iri=str(resolved) if resolved is not None else None,
            evidence=text(r.get("quote")),
            page=int(number(r["page"])) if r.get("page") is not None else None,  # type: ignore[arg-type]
            iri=key,
        )
    view.references = sorted(refs.values(), key=lambda x: (x.index is None, x.index or 0))
    apply_to_view(store, curation, view, reviewed_only)
    view.cited_by = sorted(
        {names.get(str(r["citing"]), str(r["citing"])) for r in select(store, Q_CITED_BY, b)}
    )
    runs = select(store, Q_RUN, b)
    if runs:
        r = runs[0]
        view.run = {
            k: (text(r.get(v)) if v != "pages" else number(r.get(v)))
            for k, v in (
                ("started", "started"),
                ("litkg_version", "version"),
                ("vocabulary_version", "vocab"),
                ("source", "path"),
                ("source_format", "format"),
                ("sha256", "sha"),
                ("pages", "pages"),
            )  # fmt: skip
            if r.get(v) is not None
        }
    return view


def _status(fact: Any) -> str:
    """ " (confirmed)" after a reviewed fact (kg/curation); nothing for an extracted one."""
    st = getattr(fact, "review_status", None)
    return f" ({st})" if st and st != "extracted" else ""


def _ev(quote: str | None, page: int | float | None, indent: str = "      ") -> list[str]:
    if not quote:
        return []
    where = f" (p. {int(page)})" if page is not None else ""
    return [f'{indent}"{quote}"{where}']


def render_text(v: PaperView) -> str:
    """The paper as indented text, each fact followed by its evidence."""
    e = v.study
    out = [f"Paper {v.label} <{v.paper}>" if v.label else f"Paper {v.paper}"]
    if e:
        for label, value in (
            ("title", e.title), ("doi", e.doi), ("document", e.document), ("journal", e.journal),
            ("year", e.year), ("article type", e.article_type),
        ):  # fmt: skip
            if value:
                out.append(f"  {label}: {value}")
        out.append("Study")
        if e.phase:
            out.append(f"  phase: {e.phase}")
        if e.design:
            out.append(f"  design: {', '.join(e.design)}")
        for reg in e.registrations:
            out.append(f"  registered trial: {reg}")
        for d in v.same_trial:
            out.append(f"  same trial also reported by: {d['label']}")
        for ev in v.study_evidence:
            out += _ev(ev["quote"], ev["page"], "    ")
        out.append(f"Arms ({len(e.arms)})")
        for a in e.arms:
            n = f", n={a.n}" if a.n is not None else ""
            out.append(f"  - {a.label} [{a.role or '?'}]{n}{_status(a)}")
            out += _ev(a.evidence, a.page)
        out.append(f"Interventions ({len(e.interventions)})")
        for i in e.interventions:
            out.append(f"  - {i.text()}{_status(i)}")
            out += _ev(i.evidence, i.page)
        out.append(f"Outcomes ({len(e.outcomes)})")
        for o in e.outcomes:
            who = o.arm or o.attribution or "arm not stated"
            out.append(f"  - {key_label(o.key)}, {who}: {o.value_text()}{_status(o)}")
            out += _ev(o.evidence, o.page)
        for c in e.comparisons:
            out.append(f"  - {key_label(c.key)}, {' vs '.join(c.arms)}: p={fmt_num(c.p)}")
    out.append(f"Adverse events ({len(v.adverse_events)})")
    for a in v.adverse_events:
        grade = f" grade {a.grade}" if a.grade else ""
        out.append(
            f"  - {a.term}{grade}, {a.arm or 'arm not stated'}: {a.count_text()}{_status(a)}"
        )
        out += _ev(a.evidence, a.page)
    out.append(f"References ({len(v.references)})")
    for r in v.references:
        extra = f" doi:{r.doi}" if r.doi else ""
        res = f"  -> corpus paper {r.resolves_to}" if r.resolves_to else ""
        out.append(f"  {r.index}. {r.text}{extra}{res}{_status(r)}")
    if v.cited_by:
        out.append("Cited by corpus papers: " + ", ".join(v.cited_by))
    if v.run:
        out.append("Extraction: " + ", ".join(f"{k} {val}" for k, val in v.run.items()))
    return "\n".join(out)


def render(v: PaperView, fmt: str = "text") -> str:
    """The paper view as text or JSON."""
    if fmt == "json":
        d = asdict(v)
        d["paper"] = {"iri": v.paper, "label": v.label or v.paper}
        for k in ("label", "papers"):
            d.pop(k)
        if d["study"]:
            d["study"]["paper"] = d["paper"]
            d["study"].pop("label", None)
        for t in d["same_trial"]:
            t["paper"] = {"iri": t["paper"], "label": t.pop("label")}
        for r in d["references"]:
            iri = r.pop("resolves_to_iri")
            r["resolves_to"] = {"iri": iri, "label": r["resolves_to"]} if iri else None
        d["cited_by"] = [v.paper_json(c) for c in v.cited_by]
        return dumps(d)
    if fmt == "text":
        return render_text(v)
    raise ValueError(f"unknown format {fmt!r}; one of text, json")


def outcome_label(o: Any) -> str:
    """The endpoint / statistic / timepoint label of an outcome (for callers)."""
    return key_label(o.key)


__all__ = ["PaperNotFound", "PaperView", "find_paper", "local_name", "render", "show"]

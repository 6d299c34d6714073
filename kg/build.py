"""Study records -> RDF: the one place a paper's graph is made.

`paper_graph(record, doc_meta, run)` returns the paper's IRI and its graph.
Everything in the graph belongs to that paper (its study report, arms,
interventions, outcome measurements, adverse-event observations, references,
evidence and the provenance of the run), so storing it as the paper's named
graph lets a re-extraction replace exactly those triples. What papers share
(trial nodes, cited works, concept nodes and the links between papers) is made
by `litkg.kg.link.shared_graph` from all paper graphs.

IRIs are deterministic: the same record, document metadata and run give an
isomorphic (in fact identical) graph, without blank nodes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from litkg.extractor.records import Provenance, StudyRecord
from litkg.kg import iris
from litkg.ontology.namespace import (
    BASE,
    CITO,
    FABIO,
    LKG,
    OA,
    PRISM,
    ae_iri,
    article_type_iri,
    bind_prefixes,
    design_iri,
    drug_iri,
    endpoint_iri,
    phase_iri,
    role_iri,
    route_iri,
    statistic_iri,
    vocabulary_version,
)

SOFTWARE = URIRef(BASE + "software/litkg")

#: FaBiO class a paper gets for its article type (mirrors the skos mappings
#: of the article-type concepts in litkg.ttl; tests keep the two in step).
FABIO_CLASS: dict[str, URIRef] = {
    "trial-report": FABIO.JournalArticle,
    "cohort-study": FABIO.JournalArticle,
    "abstract": FABIO.Abstract,
    "editorial": FABIO.Editorial,
    "review": FABIO.ReviewArticle,
}

ROUTES = {"iv", "sc", "po"}


def litkg_version() -> str:
    """The installed litkg version (importlib.metadata), or "unknown"."""
    try:
        return version("litkg")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


@dataclass(frozen=True)
class RunInfo:
    """What the provenance of a build run records. Freeze `started_at` in tests."""

    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    litkg_version: str = field(default_factory=litkg_version)
    vocabulary_version: str = field(default_factory=vocabulary_version)

    @classmethod
    def at(cls, when: datetime | str) -> RunInfo:
        """A run at a fixed time (an aware datetime or an ISO 8601 string)."""
        if isinstance(when, str):
            when = datetime.fromisoformat(when)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return cls(started_at=when)


# --- literals ----------------------------------------------------------------


def dec(x: float | int | str | Decimal) -> Literal:
    """An xsd:decimal literal in one canonical lexical form ("12", "3.3", "0.0001")."""
    d = Decimal(str(x))
    text = format(d.normalize(), "f")
    if text in ("-0", ""):
        text = "0"
    return Literal(text, datatype=XSD.decimal, normalize=False)


def datetime_literal(when: datetime) -> Literal:
    """An xsd:dateTime in UTC to whole seconds (stores keep it as written, up to
    the "Z" / "+00:00" spelling of UTC, which rdflib reads back as one)."""
    utc = when.astimezone(UTC).replace(microsecond=0)
    return Literal(utc.isoformat(), datatype=XSD.dateTime)


def integer(x: int) -> Literal:
    """An xsd:integer literal."""
    return Literal(int(x), datatype=XSD.integer)


def string(x: str) -> Literal:
    """A plain (xsd:string) literal."""
    return Literal(x)


def grade_bounds(grade: str | None) -> tuple[int, int] | None:
    """Lowest and highest CTCAE grade of "3", "3-4", ">=3", "≥3"; None otherwise."""
    if not grade:
        return None
    g = grade.strip().replace("≥", ">=").replace(" ", "")
    if g.isdigit():
        return int(g), int(g)
    if g.startswith(">=") and g[2:].isdigit():
        return int(g[2:]), 5
    parts = g.split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return int(parts[0]), int(parts[1])
    return None


# --- the builder -------------------------------------------------------------


def population_text(population: Mapping[str, Any] | None) -> str | None:
    """One readable description of a study's population ("B-cell ALL; children,
    adolescents; relapsed and refractory") from the record's parts."""
    if not population:
        return None
    parts = []
    for key in ("disease", "age_group", "status"):
        v = population.get(key)
        if isinstance(v, list | tuple):
            v = ", ".join(str(x) for x in v)
        if v and str(v) not in parts:
            parts.append(str(v))
    return "; ".join(parts) or None


def paper_key(record: StudyRecord) -> str | None:
    """A content key for a paper without a DOI: a hash of its folded title,
    year and first author, so that the same paper read from text and from PDF
    (whose extracted texts differ slightly) is one paper. None without a title."""
    s = record.study
    if not s.title:
        return None
    parts = [iris.fold(s.title), str(s.year or ""), iris.fold(s.first_author or "")]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


class _PaperBuilder:
    def __init__(self, record: StudyRecord, meta: Mapping[str, Any], run: RunInfo) -> None:
        self.record = record
        self.meta = meta
        self.run = run
        sha = str(meta.get("sha256") or "")
        self.paper = iris.paper_iri(record.study.doi, paper_key(record) or sha)
        self.study = URIRef(f"{self.paper}#study")
        self.activity = URIRef(f"{self.paper}#extraction")
        self.source = iris.local_iri(self.paper, "source", sha)
        self.g = bind_prefixes(Graph())
        self.drugs = sorted({drug_iri(i.drug) for i in record.interventions if i.drug})

    def add(self, s: URIRef, p: URIRef, o: Any) -> None:
        if o is not None:
            self.g.add((s, p, o))

    def build(self) -> Graph:
        self._paper()
        self._study()
        self._provenance()
        arms = self._arms()
        self._interventions()
        for o in self.record.outcomes:
            self._outcome(o, arms)
        known = {str(endpoint_iri(k)) for k in _known_endpoints()}
        for o in self.record.other_outcomes:
            if o.endpoint and str(endpoint_iri(o.endpoint)) in known:
                self._outcome(o, arms)
            elif o.endpoint is None and o.name and outcome_key(o.name):
                self._unkeyed_outcome(o, arms)
        for e in self.record.adverse_events:
            self._adverse_event(e, arms)
        for r in self.record.references:
            self._reference(r)
        return self.g

    def _paper(self) -> None:
        s, p, st = self.record.study, self.paper, self.meta
        self.add(p, RDF.type, LKG.Paper)
        if s.article_type:
            self.add(p, LKG.articleType, article_type_iri(s.article_type))
            if s.article_type in FABIO_CLASS:
                self.add(p, RDF.type, FABIO_CLASS[s.article_type])
        if s.title:
            self.add(p, DCTERMS.title, string(s.title))
        doi = iris.norm_doi(s.doi)
        if doi:
            self.add(p, PRISM.doi, string(doi))
        if s.journal:
            self.add(p, PRISM.publicationName, string(s.journal))
        if s.year:
            self.add(p, FABIO.hasPublicationYear, Literal(f"{s.year:04d}", datatype=XSD.gYear))
        if self.record.document:
            self.add(p, LKG.documentId, string(self.record.document))
        # The paper's own bibliographic data, when the caller knows it (JATS
        # front matter, a citation line): lets references resolve to it.
        first_author = st.get("first_author") or s.first_author
        volume = st.get("volume") or s.volume
        first_page = st.get("first_page") or s.first_page
        if first_author:
            self.add(p, LKG.firstAuthor, string(str(first_author)))
        if volume:
            self.add(p, PRISM.volume, string(str(volume)))
        if first_page:
            self.add(p, PRISM.startingPage, string(str(first_page)))
        self.add(p, LKG.reports, self.study)
        self.add(p, LKG.source, self.source)

    def _study(self) -> None:
        s, st = self.record.study, self.study
        self.add(st, RDF.type, LKG.StudyReport)
        if s.title:
            self.add(st, RDFS.label, string(s.title))
        if s.phase:
            self.add(st, LKG.phase, phase_iri(s.phase))
        for d in s.design:
            self.add(st, LKG.design, design_iri(d))
        population = population_text(s.population)
        if population:
            self.add(st, LKG.population, string(population))
        for r in s.registrations:
            self.add(st, LKG.registration, iris.registration(r).iri)
        self.add(st, PROV.wasGeneratedBy, self.activity)
        for prov in s.provenance:
            self.add(st, LKG.evidence, self._evidence(prov))

    def _provenance(self) -> None:
        a, src, m = self.activity, self.source, self.meta
        self.add(a, RDF.type, LKG.ExtractionRun)
        self.add(a, PROV.startedAtTime, datetime_literal(self.run.started_at))
        self.add(a, LKG.litkgVersion, string(self.run.litkg_version))
        self.add(a, LKG.vocabularyVersion, string(self.run.vocabulary_version))
        self.add(a, PROV.wasAssociatedWith, SOFTWARE)
        self.add(a, PROV.used, src)
        self.add(SOFTWARE, RDF.type, PROV.SoftwareAgent)
        self.add(SOFTWARE, RDFS.label, string("litkg"))
        add_source_document(
            self.g, self.paper, src, {**m, "doc_id": m.get("doc_id") or self.record.document}
        )

    def _evidence(self, prov: Provenance) -> URIRef:
        ev = iris.local_iri(self.paper, "evidence", prov.quote, prov.char_start, prov.char_end)
        self.add(ev, RDF.type, LKG.Evidence)
        self.add(ev, RDF.type, OA.SpecificResource)
        self.add(ev, OA.hasSource, self.source)
        quote = URIRef(f"{ev}-quote")
        self.add(ev, OA.hasSelector, quote)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, string(prov.quote))
        if prov.char_start >= 0 and prov.char_end >= prov.char_start:
            pos = URIRef(f"{ev}-position")
            self.add(ev, OA.hasSelector, pos)
            self.add(pos, RDF.type, OA.TextPositionSelector)
            # xsd:integer, not the xsd:nonNegativeInteger Web Annotation suggests:
            # stores such as Oxigraph canonicalise integer subtypes to xsd:integer,
            # and a graph must read back as it was written. (Shapes check >= 0.)
            self.add(pos, OA.start, integer(prov.char_start))
            self.add(pos, OA.end, integer(prov.char_end))
        if prov.page:
            self.add(ev, LKG.page, integer(prov.page))
        if prov.rule:
            self.add(ev, LKG.extractionRule, string(prov.rule))
        if prov.ocr:
            self.add(ev, LKG.fromOcr, Literal(True))
        return ev

    def _arms(self) -> dict[str, URIRef]:
        """Add the arms; return how an outcome's `arm` names them (label or role)."""
        by_label: dict[str, URIRef] = {}
        by_role: dict[str, list[URIRef]] = {}
        for a in self.record.arms:
            arm = iris.local_iri(self.paper, "arm", a.role, a.label)
            self.add(arm, RDF.type, LKG.Arm)
            self.add(arm, LKG.study, self.study)
            if a.role:
                self.add(arm, LKG.role, role_iri(a.role))
            if a.label:
                self.add(arm, RDFS.label, string(a.label))
            if a.n is not None:
                self.add(arm, LKG.n, integer(a.n))
            if a.provenance:
                self.add(arm, LKG.evidence, self._evidence(a.provenance))
            by_label.setdefault(a.label.strip().lower(), arm)
            by_role.setdefault(a.role.strip().lower(), []).append(arm)
        names = dict(by_label)
        for role, arms in by_role.items():
            if len(set(arms)) == 1:
                names.setdefault(role, arms[0])
        return names

    def _interventions(self) -> None:
        for i in self.record.interventions:
            node = iris.local_iri(
                self.paper, "intervention", i.drug, i.dose, i.unit, i.route, i.days, i.cycles
            )
            self.add(node, RDF.type, LKG.Intervention)
            self.add(node, LKG.study, self.study)
            self.add(node, LKG.drug, drug_iri(i.drug))
            if i.dose is not None:
                self.add(node, LKG.doseValue, dec(i.dose))
            if i.unit:
                self.add(node, LKG.doseUnit, string(i.unit))
            if i.route and i.route.lower() in ROUTES:
                self.add(node, LKG.route, route_iri(i.route))
            if i.days:
                self.add(node, LKG.days, string(i.days))
            if i.cycles is not None:
                self.add(node, LKG.cycles, integer(i.cycles))
            if i.provenance:
                self.add(node, LKG.evidence, self._evidence(i.provenance))

    def _fact_common(self, node: URIRef, arm: str | None, arms: Mapping[str, URIRef]) -> None:
        self.add(node, LKG.study, self.study)
        if arm:
            self.add(node, LKG.armLabel, string(arm))
            target = arms.get(arm.strip().lower())
            if target is not None:
                self.add(node, LKG.arm, target)
        for d in self.drugs:
            self.add(node, LKG.studyDrug, d)

    def _outcome(self, o: Any, arms: Mapping[str, URIRef]) -> None:
        quote = o.provenance.quote if o.provenance else None
        node = iris.local_iri(
            self.paper, "outcome", o.endpoint, o.statistic, o.value, o.unit,
            o.timepoint_months, o.arm, o.ci, o.p, quote,
        )  # fmt: skip
        self.add(node, RDF.type, LKG.OutcomeMeasurement)
        self.add(node, LKG.endpoint, endpoint_iri(o.endpoint))
        self.add(node, LKG.statistic, statistic_iri(o.statistic))
        self.add(node, LKG.value, dec(o.value))
        if o.unit:
            self.add(node, LKG.unit, string(o.unit))
        if o.timepoint_months is not None:
            self.add(node, LKG.timepointMonths, dec(o.timepoint_months))
        if o.ci:
            self.add(node, LKG.ciLower, dec(o.ci[0]))
            self.add(node, LKG.ciUpper, dec(o.ci[1]))
        if o.p is not None:
            self.add(node, LKG.pValue, dec(o.p))
        self._fact_common(node, o.arm, arms)
        if o.provenance:
            self.add(node, LKG.evidence, self._evidence(o.provenance))

    def _unkeyed_outcome(self, o: Any, arms: Mapping[str, URIRef]) -> None:
        """A result outside the endpoint keys: a measurement like the keyed
        ones, of an endpoint concept minted from its printed name (labelled
        with it), so that compare, show, exports and plots treat it alike."""
        key = outcome_key(o.name)
        concept = endpoint_iri(key)
        self.add(concept, RDF.type, LKG.Endpoint)
        self.add(concept, RDFS.label, string(o.name.strip()))
        self._outcome(replace(o, endpoint=key), arms)

    def _adverse_event(self, e: Any, arms: Mapping[str, URIRef]) -> None:
        quote = e.provenance.quote if e.provenance else None
        node = iris.local_iri(
            self.paper, "ae", e.term.lower(), e.grade, e.n, e.percent, e.arm, quote
        )
        self.add(node, RDF.type, LKG.AdverseEventObservation)
        self.add(node, LKG.adverseEvent, ae_iri(e.term))
        if e.grade:
            self.add(node, LKG.grade, string(e.grade.strip()))
            bounds = grade_bounds(e.grade)
            if bounds:
                self.add(node, LKG.gradeMin, integer(bounds[0]))
                self.add(node, LKG.gradeMax, integer(bounds[1]))
        if e.n is not None:
            self.add(node, LKG.patientCount, integer(e.n))
        if e.percent is not None:
            self.add(node, LKG.percent, dec(e.percent))
        self._fact_common(node, e.arm, arms)
        if e.provenance:
            self.add(node, LKG.evidence, self._evidence(e.provenance))

    def _reference(self, r: Any) -> None:
        ref = URIRef(f"{self.paper}#ref-{r.index}")
        self.add(self.paper, LKG.reference, ref)
        self.add(ref, RDF.type, LKG.Reference)
        self.add(ref, LKG.referenceIndex, integer(r.index))
        if r.first_author:
            self.add(ref, LKG.firstAuthor, string(r.first_author))
        if r.year:
            self.add(ref, FABIO.hasPublicationYear, Literal(f"{r.year:04d}", datatype=XSD.gYear))
        if r.journal:
            self.add(ref, PRISM.publicationName, string(r.journal))
        if r.volume:
            self.add(ref, PRISM.volume, string(r.volume))
        if r.first_page:
            self.add(ref, PRISM.startingPage, string(r.first_page))
        doi = iris.norm_doi(r.doi)
        if doi and doi == iris.norm_doi(self.record.study.doi):
            doi = None  # the paper's own DOI (a page footer run into the entry): not the work's
        if doi:
            self.add(ref, PRISM.doi, string(doi))
        if r.title:
            self.add(ref, DCTERMS.title, string(r.title))
        key = iris.work_key(
            doi,
            iris.bib_key(r.first_author, r.year, r.journal, r.volume, r.first_page, r.title),
        )
        if key:
            work = iris.work_iri(key)
            self.add(ref, LKG.citedWork, work)
            self.add(self.paper, CITO.cites, work)
        if r.provenance:
            self.add(ref, LKG.evidence, self._evidence(r.provenance))


@lru_cache(maxsize=1)
def outcome_key(name: str) -> str:
    """The endpoint key of an outcome outside the key list: its printed name
    without parentheses, upper case, words joined by "_" ("Systolic blood
    pressure (SBP)" -> "SYSTOLIC_BLOOD_PRESSURE"); "" for a name with no word."""
    bare = re.sub(r"\([^)]*\)", " ", name)
    return "_".join(w.upper() for w in re.findall(r"[A-Za-z0-9]+", bare))[:80]


def add_source_document(g: Graph, paper: URIRef, node: URIRef, meta: Mapping[str, Any]) -> None:
    """One input file of `paper` (`doc_meta`: `sha256` of its text, `file_sha256`
    of its bytes, `source` file name, `source_format`, `n_pages`, `doc_id`) as a
    `lkg:SourceDocument` that is a `fabio:hasManifestation` of the paper."""
    g.add((node, RDF.type, LKG.SourceDocument))
    g.add((paper, FABIO.hasManifestation, node))
    for key, prop in (("sha256", LKG.sha256), ("file_sha256", LKG.fileSha256)):
        if meta.get(key):
            g.add((node, prop, string(str(meta[key]).lower())))
    if meta.get("source"):
        g.add((node, LKG.sourcePath, string(str(meta["source"]))))
    if meta.get("source_format"):
        g.add((node, LKG.sourceFormat, string(str(meta["source_format"]))))
    if meta.get("n_pages"):
        g.add((node, LKG.pageCount, integer(int(meta["n_pages"]))))
    if meta.get("doc_id"):
        g.add((node, LKG.documentId, string(str(meta["doc_id"]))))


def manifestation_iri(paper: URIRef, meta: Mapping[str, Any]) -> URIRef:
    """The node of an input file of `paper` other than the one its facts come
    from (that one is `<paper>#source-<text hash>`)."""
    return iris.local_iri(paper, "source", meta.get("sha256"), meta.get("file_sha256"), "other")


def manifestation_graph(paper: URIRef, metas: Iterable[Mapping[str, Any]]) -> Graph:
    """The other input files of `paper` (each a `doc_meta`) as its manifestations."""
    g = Graph()
    for m in metas:
        add_source_document(g, paper, manifestation_iri(paper, m), m)
    return g


def _known_endpoints() -> frozenset[str]:
    from litkg.ontology.namespace import ENDPOINT, ontology_graph

    g = ontology_graph()
    return frozenset(str(s)[len(str(ENDPOINT)) :] for s in g.subjects(RDF.type, LKG.Endpoint))


def paper_graph(
    record: StudyRecord, doc_meta: Mapping[str, Any], run: RunInfo | None = None
) -> tuple[URIRef, Graph]:
    """Build one paper's graph from its study record.

    `doc_meta` describes the input: `doc_id`, `source` (path), `source_format`,
    `sha256` (of the document text; identifies the paper when it has no DOI),
    `n_pages`; optionally the paper's own `first_author`, `volume` and
    `first_page` (lets other papers' references resolve to it).
    Returns the paper's IRI (also the name of its graph in the store) and the graph.
    """
    b = _PaperBuilder(record, doc_meta, run or RunInfo())
    g = b.build()
    return b.paper, g


def doc_meta_of(document: Any) -> dict[str, Any]:
    """`doc_meta` for `paper_graph` from an ingested `Document` (its metadata's
    first author, volume and first page are passed on when present)."""
    meta: dict[str, Any] = {
        "doc_id": document.doc_id,
        "source": str(document.source),
        "source_format": document.source_format,
        "sha256": document.sha256,
        "n_pages": document.n_pages,
    }
    md = getattr(document, "metadata", {}) or {}
    for key, alts in {
        "first_author": ("first_author", "firstAuthor"),
        "volume": ("volume",),
        "first_page": ("first_page", "fpage"),
    }.items():
        for a in alts:
            if md.get(a):
                meta[key] = md[a]
                break
    return meta


def build_into(
    store: Any,
    items: Iterable[tuple[StudyRecord, Mapping[str, Any]]],
    run: RunInfo | None = None,
    publish_every: int = 0,
) -> list[URIRef]:
    """Build and store the graph of each (record, doc_meta), replacing earlier
    extractions of the same papers, then recompute the shared graph once.

    `store` is a `litkg.kg.store.KGStore`. With `publish_every=N` an embedded
    store publishes a snapshot every N papers, so readers see progress during
    a long build. Returns the paper IRIs in input order.
    """
    from litkg.kg.store import recompute_shared, replace_paper_graph

    run = run or RunInfo()
    done: list[URIRef] = []
    for record, meta in items:
        iri, g = paper_graph(record, meta, run)
        replace_paper_graph(store, iri, g)
        done.append(iri)
        if publish_every and len(done) % publish_every == 0 and hasattr(store, "publish"):
            store.publish()
    recompute_shared(store)
    return done

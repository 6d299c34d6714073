"""`litkg compare`: studies side by side, read from the graph.

For each study report (optionally filtered by endpoint, timepoint, drug and
design feature): the paper, its design (phase, design features, registry ids,
arms with their n), its interventions (drug, dose, route, days, cycles) and its
outcome measurements per endpoint, statistic and timepoint, per arm, with 95%
CI and p-value and the evidence each was read from.

Only what the graph holds is shown: a field the paper does not report is
blank.

Filters are bound as RDF terms (pre-bound variables), never pasted into the
query text. The studies are selected first, inside the paper graphs (a
filter's constants lead, so the store starts from them), and each further
query reads only those studies' paper graphs (see "reading inside the paper
graphs"), so a selective filter keeps the work proportional to the matching
studies, not to the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from litkg.kg.build import dec
from litkg.kg.queries import (
    dumps,
    evidence_of,
    fmt_num,
    local_name,
    number,
    select_plain,
    sparql_term,
    text,
    values_block,
)
from litkg.kg.store import KGStore
from litkg.kg.textgrid import render_grid, to_csv, to_markdown
from litkg.ontology.namespace import design_iri, drug_iri, endpoint_iri

FORMATS = ("table", "csv", "json", "markdown")

#: Display order of endpoints and statistics (others follow alphabetically).
ENDPOINT_ORDER = [
    "OS", "PFS", "EFS", "RFS", "DFS", "GRFS", "CIR", "NRM", "AGVHD_1_2", "AGVHD_2_4",
    "AGVHD_3_4", "CGVHD", "CGVHD_SEVERE", "CR", "MRD_NEG", "ORR", "PR", "DCR", "PCR", "TTP", "DOR", "COMPLETION",
    "ALIVE", "FOLLOWUP",
]  # fmt: skip
STATISTIC_ORDER = ["rate", "median", "hr", "sdhr", "or"]


@dataclass(frozen=True)
class Filters:
    """What `compare` (and the exports built on it) keeps; None keeps everything."""

    endpoint: str | None = None
    timepoint: float | None = None
    drug: str | None = None
    design: str | None = None
    paper: str | None = None

    def bindings(self) -> dict[str, Node]:
        """The filter values as RDF terms, by the variable they bind."""
        b: dict[str, Node] = {}
        if self.endpoint:
            b["f_endpoint"] = endpoint_iri(self.endpoint)
        if self.timepoint is not None:
            b["f_timepoint"] = dec(self.timepoint)
        if self.drug:
            b["f_drug"] = drug_iri(self.drug.strip().lower())
        if self.design:
            b["f_design"] = design_iri(self.design)
        if self.paper:
            b["f_paper"] = URIRef(self.paper)
        return b


def study_block(f: Filters) -> tuple[str, str, dict[str, Node]]:
    """A sub-select of the matching studies (its filter values bound in it by an
    inline VALUES block), the projection of its filter variables, and the
    bindings left for the outer query (none). A study matches when it has an intervention
    with the drug, the design feature, and an outcome measurement with the
    endpoint at the timepoint, and is reported by the given paper (each only
    when asked)."""
    b = f.bindings()
    pats = _filter_patterns(b, constants_first=False)
    fv = " ".join("?" + k for k in b)
    # the filter values are bound inside the sub-select, where the selective
    # patterns are, so the store starts from them
    block = f"{{ SELECT DISTINCT ?study {fv} WHERE {{ {values_block(b)} {' '.join(pats)} }} }}"
    return block, fv, {}


Q_STUDIES = """SELECT ?study ?paper ?doi ?doc ?title ?year ?journal ?atype ?phase ?population {fv} WHERE {{
  {block}
  ?paper lkg:reports ?study .
  OPTIONAL {{ ?paper prism:doi ?doi }}
  OPTIONAL {{ ?paper lkg:documentId ?doc }}
  OPTIONAL {{ ?paper dcterms:title ?title }}
  OPTIONAL {{ ?paper fabio:hasPublicationYear ?year }}
  OPTIONAL {{ ?paper prism:publicationName ?journal }}
  OPTIONAL {{ ?paper lkg:articleType ?atype }}
  OPTIONAL {{ ?study lkg:phase ?phase }}
  OPTIONAL {{ ?study lkg:population ?population }}
}}"""

#: What a page of studies is ordered by (see `_row_order`): on a large store
#: half the work of Q_STUDIES, which then reads only the page's studies
Q_STUDY_ORDER = """SELECT ?study ?paper ?doi ?doc ?year {fv} WHERE {{
  {block}
  ?paper lkg:reports ?study .
  OPTIONAL {{ ?paper prism:doi ?doi }}
  OPTIONAL {{ ?paper lkg:documentId ?doc }}
  OPTIONAL {{ ?paper fabio:hasPublicationYear ?year }}
}}"""

Q_DESIGNS = """SELECT ?study ?design {fv} WHERE {{ {block} ?study lkg:design ?design . }}"""

Q_REGISTRATIONS = """SELECT ?study ?trial ?regid {fv} WHERE {{
  {block}
  ?study lkg:registration ?trial .
  OPTIONAL {{ ?trial lkg:registryId ?regid }}
}}"""

Q_ARMS = """SELECT ?study ?arm ?label ?role ?n {fv} WHERE {{
  {block}
  ?arm a lkg:Arm ; lkg:study ?study .
  OPTIONAL {{ ?arm rdfs:label ?label }}
  OPTIONAL {{ ?arm lkg:role ?role }}
  OPTIONAL {{ ?arm lkg:n ?n }}
}}"""

Q_INTERVENTIONS = """SELECT ?study ?i ?drug ?dose ?unit ?route ?days ?cycles {fv} WHERE {{
  {block}
  ?i a lkg:Intervention ; lkg:study ?study ; lkg:drug ?drug .
  OPTIONAL {{ ?i lkg:doseValue ?dose }}
  OPTIONAL {{ ?i lkg:doseUnit ?unit }}
  OPTIONAL {{ ?i lkg:route ?route }}
  OPTIONAL {{ ?i lkg:days ?days }}
  OPTIONAL {{ ?i lkg:cycles ?cycles }}
}}"""

Q_OUTCOMES = """SELECT ?study ?m ?endpoint ?statistic ?value ?unit ?tp ?lo ?hi ?p ?armLabel ?arm {fv} WHERE {{
  {block}
  ?m a lkg:OutcomeMeasurement ; lkg:study ?study ; lkg:endpoint ?endpoint ;
     lkg:statistic ?statistic ; lkg:value ?value .
  {outcome_filter}
  OPTIONAL {{ ?m lkg:unit ?unit }}
  OPTIONAL {{ ?m lkg:timepointMonths ?tp }}
  OPTIONAL {{ ?m lkg:ciLower ?lo }}
  OPTIONAL {{ ?m lkg:ciUpper ?hi }}
  OPTIONAL {{ ?m lkg:pValue ?p }}
  OPTIONAL {{ ?m lkg:armLabel ?armLabel }}
  OPTIONAL {{ ?m lkg:arm ?arm }}
}}"""


# --- reading inside the paper graphs ---------------------------------------------
#
# Every fact of a paper is in the paper's named graph (kg/store.py
# `replace_graph`), so the queries of `compare` find a study's arms,
# interventions and outcomes by their type inside the paper graphs of the
# selected studies, bound by a VALUES block of graph names: a range of one
# graph's index (a few entries) instead of every arm, intervention or
# outcome of the store joined with the studies (bench/speed.py: the filtered
# compare on 10,000 papers 214 -> ~80 CPU-ms). Rows of facts of other
# studies of the same graph are dropped by the caller. Constant patterns
# come first: the store evaluates them in the order written (the filter with
# `lkg:study` first took 27 ms, with it last 7 ms).

Q_SELECT = """SELECT DISTINCT ?study ?g WHERE {{
  {values}
  GRAPH ?g {{ {pats} ?_fp lkg:reports ?study . }}
}}"""

Q_STUDIES_G = """SELECT ?study ?paper ?doi ?doc ?title ?year ?journal ?atype ?phase ?population WHERE {{
  {block}
  GRAPH ?g {{ ?paper lkg:reports ?study }}
  OPTIONAL {{ ?paper prism:doi ?doi }}
  OPTIONAL {{ ?paper lkg:documentId ?doc }}
  OPTIONAL {{ ?paper dcterms:title ?title }}
  OPTIONAL {{ ?paper fabio:hasPublicationYear ?year }}
  OPTIONAL {{ ?paper prism:publicationName ?journal }}
  OPTIONAL {{ ?paper lkg:articleType ?atype }}
  OPTIONAL {{ ?study lkg:phase ?phase }}
  OPTIONAL {{ ?study lkg:population ?population }}
}}"""

#: the selection with what a page of studies is ordered by (see `_row_order`):
#: the whole store's studies in one query, then only the page's are read
Q_SELECT_ORDER = """SELECT DISTINCT ?study ?g ?paper ?doi ?doc ?year WHERE {{
  {values}
  GRAPH ?g {{ {pats} ?paper lkg:reports ?study . }}
  OPTIONAL {{ ?paper prism:doi ?doi }}
  OPTIONAL {{ ?paper lkg:documentId ?doc }}
  OPTIONAL {{ ?paper fabio:hasPublicationYear ?year }}
}}"""

Q_ARMS_G = """SELECT ?study ?arm ?label ?role ?n WHERE {{
  {block}
  GRAPH ?g {{ ?arm a lkg:Arm }}
  ?arm lkg:study ?study .
  OPTIONAL {{ ?arm rdfs:label ?label }}
  OPTIONAL {{ ?arm lkg:role ?role }}
  OPTIONAL {{ ?arm lkg:n ?n }}
}}"""

Q_INTERVENTIONS_G = """SELECT ?study ?i ?drug ?dose ?unit ?route ?days ?cycles WHERE {{
  {block}
  GRAPH ?g {{ ?i a lkg:Intervention }}
  ?i lkg:study ?study ; lkg:drug ?drug .
  OPTIONAL {{ ?i lkg:doseValue ?dose }}
  OPTIONAL {{ ?i lkg:doseUnit ?unit }}
  OPTIONAL {{ ?i lkg:route ?route }}
  OPTIONAL {{ ?i lkg:days ?days }}
  OPTIONAL {{ ?i lkg:cycles ?cycles }}
}}"""

Q_OUTCOMES_G = """SELECT ?study ?m ?endpoint ?statistic ?value ?unit ?tp ?lo ?hi ?p ?armLabel ?arm WHERE {{
  {block}
  GRAPH ?g {{ {first} }}
  {outcome_filter}
  ?m a lkg:OutcomeMeasurement ; lkg:study ?study ; lkg:endpoint ?endpoint ;
     lkg:statistic ?statistic ; lkg:value ?value .
  OPTIONAL {{ ?m lkg:unit ?unit }}
  OPTIONAL {{ ?m lkg:timepointMonths ?tp }}
  OPTIONAL {{ ?m lkg:ciLower ?lo }}
  OPTIONAL {{ ?m lkg:ciUpper ?hi }}
  OPTIONAL {{ ?m lkg:pValue ?p }}
  OPTIONAL {{ ?m lkg:armLabel ?armLabel }}
  OPTIONAL {{ ?m lkg:arm ?arm }}
}}"""


def _graph_patterns(f: Filters) -> tuple[str, dict[str, Node]]:
    """The patterns of `study_block` as they are written inside one paper
    graph (constants first), and the filter bindings."""
    b = f.bindings()
    return " ".join(_filter_patterns(b, constants_first=True)), b


def _filter_patterns(b: dict[str, Node], constants_first: bool) -> list[str]:
    """The triple patterns a study must match for the filters bound in `b`.
    Oxigraph joins patterns in the order written: inside one paper graph the
    measurement's endpoint and timepoint come before its study."""
    pats: list[str] = []
    if "f_drug" in b:
        pats.append("?_fi lkg:drug ?f_drug ; lkg:study ?study .")
    if "f_design" in b:
        pats.append("?study lkg:design ?f_design .")
    if "f_paper" in b:
        pats.append("?f_paper lkg:reports ?study .")
    if "f_endpoint" in b or "f_timepoint" in b:
        preds = [
            f"lkg:{pred} ?{var}"
            for var, pred in (("f_endpoint", "endpoint"), ("f_timepoint", "timepointMonths"))
            if var in b
        ]
        preds = [*preds, "lkg:study ?study"] if constants_first else ["lkg:study ?study", *preds]
        pats.append("?_fm " + " ; ".join(preds) + " .")
    if not pats:
        pats.append("?study a lkg:StudyReport .")
    return pats


def selected_graphs(
    store: KGStore, f: Filters, order: dict[str, dict[str, str]] | None = None
) -> dict[str, set[str]]:
    """The studies the filters select, each with the paper graphs reporting
    it; with `order`, each study's first row of `Q_SELECT_ORDER` is put in it."""
    pats, b = _graph_patterns(f)
    template = Q_SELECT if order is None else Q_SELECT_ORDER
    out: dict[str, set[str]] = defaultdict(set)
    for r in select_plain(store, template.format(values=values_block(b), pats=pats)):
        out[r["study"]].add(r["g"])
        if order is not None:
            order.setdefault(r["study"], r)
    return dict(out)


def by_graphs(
    store: KGStore,
    template: str,
    graphs: dict[str, set[str]],
    outer: dict[str, Node] | None = None,
    chunk: int = 500,
    **extra: str,
) -> list[dict[str, str]]:
    """Run a template over the paper graphs of the given studies (study ->
    graphs), bound by a VALUES block of graph names (in chunks; `outer` binds
    further variables in the same rows); rows of other studies are dropped."""
    names = " ".join("?" + k for k in ["g", *(outer or {})])
    tail = " ".join(sparql_term(v) for v in (outer or {}).values())
    gs = sorted({g for s in graphs.values() for g in s})
    rows: list[dict[str, str]] = []
    for i in range(0, len(gs), chunk):
        data = " ".join(f"({sparql_term(URIRef(g))} {tail})" for g in gs[i : i + chunk])
        block = f"VALUES ({names}) {{ {data} }}"
        rows += select_plain(store, template.format(block=block, **extra))
    return [r for r in rows if r.get("study") in graphs]


# --- the data ----------------------------------------------------------------


@dataclass
class ArmInfo:
    """An arm of a study: label, role and number analysed."""

    label: str
    role: str | None = None
    n: int | None = None
    iri: str | None = None
    evidence: str | None = None
    page: int | None = None
    id: str | None = None  # the fact id (kg/curation), when verdicts were applied
    review_status: str | None = None


@dataclass
class InterventionInfo:
    """One intervention: drug at a dose, route and schedule, with its evidence."""

    drug: str
    dose: float | int | None = None
    unit: str | None = None
    route: str | None = None
    days: str | None = None
    cycles: int | None = None
    evidence: str | None = None
    page: int | None = None
    iri: str | None = None
    id: str | None = None  # the fact id (kg/curation), when verdicts were applied
    review_status: str | None = None

    def text(self) -> str:
        """ "blinatumomab 28 ug/day iv d1-28 x2" (only the parts reported)."""
        parts = [self.drug]
        if self.dose is not None:
            parts.append(f"{fmt_num(self.dose)} {self.unit or ''}".strip())
        if self.route:
            parts.append(self.route)
        if self.days:
            parts.append(f"d{self.days}")
        if self.cycles is not None:
            parts.append(f"x{self.cycles} cycles" if self.cycles != 1 else "x1 cycle")
        return " ".join(parts)


@dataclass
class OutcomeInfo:
    """One outcome measurement, with the arm it belongs to and its evidence."""

    endpoint: str
    statistic: str
    value: float | int
    unit: str | None = None
    timepoint_months: float | int | None = None
    ci: tuple[float | int, float | int] | None = None
    p: float | int | None = None
    arm: str | None = None
    arm_role: str | None = None
    arm_n: int | None = None
    evidence: str | None = None
    page: int | None = None
    iri: str | None = None
    #: who the result belongs to when not one of the study's arms: "comparison"
    #: (a between-group p moved to the study's comparisons), "discussed study"
    #: (an editorial quoting another paper), "arm not stated"
    attribution: str | None = None
    id: str | None = None  # the fact id (kg/curation), when verdicts were applied
    review_status: str | None = None

    @property
    def key(self) -> tuple[str, str, float | None]:
        """(endpoint, statistic, timepoint): what a comparison column is about."""
        tp = None if self.timepoint_months is None else float(self.timepoint_months)
        return (self.endpoint, self.statistic, tp)

    def value_text(self) -> str:
        """ "81.6% (95% CI 64.7-100) p=0.03"; the parts the paper reports."""
        v = fmt_num(self.value)
        if self.unit == "%":
            s = f"{v}%"
        elif self.unit:
            s = f"{v} {self.unit}"
        elif self.statistic in ("hr", "sdhr", "or"):
            s = f"{self.statistic.upper()} {v}"
        else:
            s = v
        if self.ci:
            s += f" (95% CI {fmt_num(self.ci[0])}-{fmt_num(self.ci[1])})"
        if self.p is not None:
            s += f" p={fmt_num(self.p)}"
        return s


def key_label(key: tuple[str, str, float | None]) -> str:
    """A column label for an outcome key: "OS 12 mo", "OS median", "CIR SDHR 24 mo"."""
    ep, stat, tp = key
    parts = [ep]
    if stat != "rate" or tp is None:
        parts.append(stat.upper() if stat in ("hr", "sdhr", "or") else stat)
    if tp is not None:
        parts.append(f"{fmt_num(tp)} mo")
    return " ".join(parts)


def key_order(key: tuple[str, str, float | None]) -> tuple[Any, ...]:
    """Sort key: endpoints in clinical order, then statistic, then timepoint."""
    ep, stat, tp = key
    e = ENDPOINT_ORDER.index(ep) if ep in ENDPOINT_ORDER else len(ENDPOINT_ORDER)
    s = STATISTIC_ORDER.index(stat) if stat in STATISTIC_ORDER else len(STATISTIC_ORDER)
    return (e, ep, s, stat, tp is None, tp or 0.0)


@dataclass
class ComparisonP:
    """A between-group p-value: it belongs to the comparison of the arms, not to each."""

    endpoint: str
    statistic: str
    timepoint_months: float | int | None
    arms: list[str]
    p: float | int

    @property
    def key(self) -> tuple[str, str, float | None]:
        """The outcome key compared."""
        tp = None if self.timepoint_months is None else float(self.timepoint_months)
        return (self.endpoint, self.statistic, tp)


@dataclass
class StudyEntry:
    """What the graph holds about one study report, for comparison."""

    study: str
    paper: str
    doi: str | None = None
    document: str | None = None
    title: str | None = None
    year: int | None = None
    journal: str | None = None
    article_type: str | None = None
    phase: str | None = None
    design: list[str] = field(default_factory=list)
    registrations: list[str] = field(default_factory=list)
    population: str | None = None
    arms: list[ArmInfo] = field(default_factory=list)
    interventions: list[InterventionInfo] = field(default_factory=list)
    outcomes: list[OutcomeInfo] = field(default_factory=list)
    comparisons: list[ComparisonP] = field(default_factory=list)
    label: str = ""
    #: the study's own facts (title, phase, each design feature...) with their
    #: ids and review status, when verdicts were applied (kg/curation)
    study_facts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """A column heading a reader knows: the citation ("Stein 2019, Biol Blood
        Marrow Transplant", see kg/papers.py); document id and year without one."""
        if self.label:
            return self.label
        base = self.document or self.doi or self.paper.rsplit("/", 1)[-1]
        return f"{base} ({self.year})" if self.year else base

    def paper_json(self) -> dict[str, Any]:
        """The paper as every command's JSON gives it: IRI plus label (DOI, document id)."""
        return {"iri": self.paper, "label": self.name, "doi": self.doi, "document": self.document}


@dataclass
class Comparison:
    """The studies compared and the outcome keys (columns) they report."""

    filters: Filters
    studies: list[StudyEntry]
    #: how many studies the filters select (`studies` may be one page of them)
    total: int | None = None
    #: where the page starts among them
    offset: int = 0

    def outcome_keys(self) -> list[tuple[str, str, float | None]]:
        """The outcome keys reported by any study, in display order."""
        return sorted({o.key for s in self.studies for o in s.outcomes}, key=key_order)


# --- reading the graph -------------------------------------------------------


def by_studies(
    store: KGStore,
    template: str,
    studies: list[str],
    outer: dict[str, Node] | None = None,
    chunk: int = 500,
    **extra: str,
) -> list[dict[str, Node]]:
    """Run a template for the given study IRIs, bound by a VALUES block (in
    chunks) in place of the study sub-select, so the store looks the studies
    up instead of joining every arm, intervention or outcome of the graph.
    `outer` binds further variables in the same rows (one VALUES block: with
    two, a store may start from the other one, e.g. every OS outcome)."""
    extra_vars = list(outer or {})
    tail = " ".join(sparql_term(v) for v in (outer or {}).values())
    names = " ".join("?" + k for k in ["study", *extra_vars])
    rows: list[dict[str, str]] = []
    for i in range(0, len(studies), chunk):
        data = " ".join(
            f"({sparql_term(URIRef(s))} {tail})" for s in studies[i : i + chunk]
        )  # fmt: skip
        block = f"VALUES ({names}) {{ {data} }}"
        rows += select_plain(store, template.format(block=block, fv="", **extra))
    return rows


def matching_studies(store: KGStore, f: Filters) -> list[str]:
    """IRIs of the studies the filters select."""
    block, _, b = study_block(f)
    rows = select_plain(store, f"SELECT ?study WHERE {{ {block} }}", b)
    return sorted({r["study"] for r in rows})


def _q(
    store: KGStore,
    template: str,
    f: Filters,
    outer: dict[str, Node] | None = None,
    **extra: str,
) -> list[dict[str, Node]]:
    """Run a template joined with the study sub-select; `outer` binds variables
    of the outer query too (by a VALUES block at its start: a store then starts
    from them rather than from every outcome: 250 ms -> 8 ms on 1,000 papers)."""
    block, fv, b = study_block(f)
    return select_plain(store, template.format(block=block, fv=fv, **extra), {**b, **(outer or {})})


def _phase(term: Node | None) -> str | None:
    p = local_name(term)
    return p.replace("-", "/") if p else None


def _page(term: Node | None) -> int | None:
    n = number(term)
    return int(n) if n is not None else None


def _study_order(e: StudyEntry) -> tuple[int, str, str]:
    # the paper last: studies of one year and document id (copies of a paper)
    # in one order whatever order the store's rows came in
    return (e.year or 0, e.document or e.doi or e.paper, e.paper)


def _year(text_: str | None) -> int | None:
    return int(text_[:4]) if text_ and text_[:4].isdigit() else None


def _row_order(r: dict[str, str]) -> tuple[int, str, str]:
    """`_study_order` of the entry a study row makes, without making it."""
    return (_year(r.get("year")) or 0, r.get("doc") or r.get("doi") or r["paper"], r["paper"])


def _entry(r: dict[str, str]) -> StudyEntry:
    return StudyEntry(
        study=r["study"],
        paper=r["paper"],
        doi=r.get("doi"),
        document=r.get("doc"),
        title=r.get("title"),
        year=_year(r.get("year")),
        journal=r.get("journal"),
        article_type=local_name(r.get("atype")),
        phase=_phase(r.get("phase")),
        population=r.get("population"),
    )


def read_entries(
    store: KGStore,
    f: Filters,
    first: dict[str, dict[str, str]],
    graphs: dict[str, set[str]],
    raw: dict[str, tuple[str, str | None]] | None = None,
) -> list[StudyEntry]:
    """The studies of `first` (study -> its row of `Q_STUDIES_G`) read from
    the store query by query (designs, registrations, arms, interventions,
    the outcomes the filters keep, evidence), in no particular order: the
    read path of a store without study summaries (kg/compare_summary.py),
    and how a summary is made. With `raw`, each outcome IRI is put in it
    with its endpoint IRI and timepoint (decimal lexical form, or None), which
    the filters match on."""
    entries = {sid: _entry(r) for sid, r in first.items()}
    ids = sorted(entries)
    graphs = {sid: graphs[sid] for sid in ids}
    designs: dict[str, set[str]] = defaultdict(set)
    for r in by_studies(store, Q_DESIGNS, ids):
        designs[str(r["study"])].add(local_name(r["design"]) or "")
    regs: dict[str, set[str]] = defaultdict(set)
    for r in by_studies(store, Q_REGISTRATIONS, ids):
        rid = text(r.get("regid"))
        if rid is None:
            from litkg.kg.iris import registration_from_iri

            reg = registration_from_iri(str(r["trial"]))
            rid = reg.id if reg else str(r["trial"])
        regs[str(r["study"])].add(rid)
    arms: dict[str, dict[str, ArmInfo]] = defaultdict(dict)
    for r in by_graphs(store, Q_ARMS_G, graphs):
        n = number(r.get("n"))
        arms[str(r["study"])].setdefault(
            str(r["arm"]),
            ArmInfo(
                label=text(r.get("label")) or local_name(r.get("role")) or "",
                role=local_name(r.get("role")),
                n=int(n) if n is not None else None,
                iri=str(r["arm"]),
            ),
        )
    ints: dict[str, dict[str, InterventionInfo]] = defaultdict(dict)
    for r in by_graphs(store, Q_INTERVENTIONS_G, graphs):
        cyc = number(r.get("cycles"))
        ints[str(r["study"])].setdefault(
            str(r["i"]),
            InterventionInfo(
                drug=local_name(r["drug"]) or "",
                dose=number(r.get("dose")),
                unit=text(r.get("unit")),
                route=local_name(r.get("route")),
                days=text(r.get("days")),
                cycles=int(cyc) if cyc is not None else None,
                iri=str(r["i"]),
            ),
        )
    # the outcomes' first pattern, in the graph: the filtered endpoint or
    # timepoint when there is one (a few of a graph's outcomes), else the type
    ofilter = []
    if f.endpoint:
        ofilter.append("?m lkg:endpoint ?f_endpoint .")
    if f.timepoint is not None:
        ofilter.append("?m lkg:timepointMonths ?f_timepoint .")
    in_graph = ofilter.pop(0) if ofilter else "?m a lkg:OutcomeMeasurement ."
    outs: dict[str, dict[str, OutcomeInfo]] = defaultdict(dict)
    fb = f.bindings()
    outer = {k: fb[k] for k in ("f_endpoint", "f_timepoint") if k in fb}
    for r in by_graphs(
        store, Q_OUTCOMES_G, graphs, outer, first=in_graph, outcome_filter=" ".join(ofilter)
    ):
        sid, mid = str(r["study"]), str(r["m"])
        if mid in outs[sid]:
            continue
        arm = arms[sid].get(str(r["arm"])) if r.get("arm") is not None else None
        lo, hi = number(r.get("lo")), number(r.get("hi"))
        value = number(r["value"])
        outs[sid][mid] = OutcomeInfo(
            endpoint=local_name(r["endpoint"]).replace(" ", "_"),  # type: ignore[union-attr]
            statistic=local_name(r["statistic"]) or "",
            value=value if value is not None else float("nan"),
            unit=text(r.get("unit")),
            timepoint_months=number(r.get("tp")),
            ci=(lo, hi) if lo is not None and hi is not None else None,
            p=number(r.get("p")),
            arm=arm.label if arm else text(r.get("armLabel")),
            arm_role=arm.role if arm else None,
            arm_n=arm.n if arm else None,
            iri=mid,
        )
        if raw is not None:
            raw[mid] = (str(r["endpoint"]), r.get("tp"))
    facts: list[ArmInfo | InterventionInfo | OutcomeInfo] = []
    facts += [a for d in arms.values() for a in d.values()]
    facts += [i for d in ints.values() for i in d.values()]
    facts += [o for d in outs.values() for o in d.values()]
    iri_of = {
        id(x): k for d in (*arms.values(), *ints.values(), *outs.values()) for k, x in d.items()
    }
    ev = evidence_of(store, list(iri_of.values()))
    for x in facts:
        found = ev.get(iri_of[id(x)])
        if found:
            x.evidence, x.page = found
    studies = []
    for sid, e in entries.items():
        e.design = sorted(designs.get(sid, ()))
        e.registrations = sorted(regs.get(sid, ()))
        e.arms = sorted(arms.get(sid, {}).values(), key=_arm_order)
        e.interventions = sorted(
            ints.get(sid, {}).values(),
            key=lambda i: (i.drug, i.unit or "", i.dose if i.dose is not None else -1),
        )
        e.outcomes = sorted(
            outs.get(sid, {}).values(),
            key=lambda o: (key_order(o.key), o.arm or "", o.value),
        )
        studies.append(e)
    return studies


def compare(
    store: KGStore,
    filters: Filters | None = None,
    curation: Any = None,
    reviewed_only: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> Comparison:
    """Read the compared studies from a store (see the module docstring).
    With a `curation` (litkg.kg.curation.Curation), reviewers' verdicts are
    applied: corrected values, rejected facts dropped, added facts shown;
    `reviewed_only` keeps confirmed, corrected and added facts only.

    `limit`/`offset` page through the studies in their display order (year,
    then document): only the page's studies are read beyond their one line of
    the study query, so the first page of a large corpus comes fast. Citation
    labels are then told apart within the page."""
    from litkg.kg.compare_summary import read_summaries

    f = filters or Filters()
    if limit is None and not offset:
        graphs = selected_graphs(store, f)
        ids = sorted(graphs)
    else:
        order: dict[str, dict[str, str]] = {}
        graphs = selected_graphs(store, f, order=order)
        ids = sorted(order, key=lambda sid: _row_order(order[sid]))
        ids = ids[offset : None if limit is None else offset + limit]
    # every selected study has a row of Q_STUDIES_G: the selection asks the
    # same of it (a paper of its graph reports it)
    total = len(graphs)
    found, missing = read_summaries(store, graphs, ids)
    studies = [s.restricted(f) for s in found]
    if missing:
        first: dict[str, dict[str, str]] = {}
        for r in by_graphs(store, Q_STUDIES_G, {sid: graphs[sid] for sid in missing}):
            first.setdefault(r["study"], r)  # a study's first row describes it
        studies += read_entries(store, f, first, graphs)
    studies.sort(key=_study_order)
    _label_studies(store, studies, {s.entry.paper: s.paper_meta for s in found})
    if curation is not None:
        from litkg.kg.curation.apply import apply_to_studies

        studies = apply_to_studies(store, curation, studies, f, reviewed_only)
    for e in studies:
        attribute_results(e)
    return Comparison(f, studies, total=total, offset=offset)


def _label_studies(
    store: KGStore, studies: list[StudyEntry], known: dict[str, dict[str, str]] | None = None
) -> None:
    """Give each study its paper's citation label (kg/papers.py); `known`:
    what names some of the papers (`paper_meta`), read from their summaries."""
    from litkg.kg.papers import paper_meta, refs_from_meta

    known = known or {}
    meta = {k: v for k, v in known.items() if v is not None}  # None: not a corpus paper
    rest = [e.paper for e in studies if e.paper not in known]
    if rest:
        meta.update(paper_meta(store, rest))
    refs = refs_from_meta(meta)
    for e in studies:
        if e.paper in refs:
            e.label = refs[e.paper].label


ROLE_ORDER = ["intervention", "control", "overall", "subgroup"]

#: Article types that discuss other papers' results rather than report their own.
DISCUSSING = {"editorial", "comment", "commentary", "letter", "review", "perspective"}

#: Endpoints that describe the observation, not a result: no p-value belongs to them.
NO_P = {"FOLLOWUP"}


def attribute_results(e: StudyEntry) -> None:
    """Say whom each result belongs to (issue 14): a p-value shared by the arms
    of one comparison (same endpoint, statistic and timepoint) moves to
    `e.comparisons`; follow-up medians carry no p; a result naming an arm
    the study does not have is the discussed study's in an editorial, else
    "arm not stated" (never credited to an arm by default)."""
    arm_labels = {a.label for a in e.arms}
    discussing = (e.article_type or "").replace(" ", "-") in DISCUSSING
    for o in e.outcomes:
        if o.endpoint in NO_P:
            o.p = None
        if o.arm is not None and o.arm not in arm_labels and o.arm.lower() in ROLE_ORDER:
            o.arm = None  # a role name the study has no arm for
        if o.arm is None:
            o.attribution = "discussed study" if discussing else "arm not stated"
    by_key: dict[tuple[str, str, float | None], list[OutcomeInfo]] = defaultdict(list)
    for o in e.outcomes:
        if o.arm is not None:
            by_key[o.key].append(o)
    for key, outs in by_key.items():
        arms = list(dict.fromkeys(o.arm for o in outs if o.arm))
        ps = {o.p for o in outs if o.p is not None}
        if len(arms) < 2 or len(ps) != 1:
            continue
        p = ps.pop()
        for o in outs:
            o.p = None
        e.comparisons.append(ComparisonP(key[0], key[1], key[2], arms, p))


def _arm_order(a: ArmInfo) -> tuple[int, str]:
    return (ROLE_ORDER.index(a.role) if a.role in ROLE_ORDER else len(ROLE_ORDER), a.label)


# --- rendering ---------------------------------------------------------------

STUDY_ROWS = ["DOI", "Title", "Journal", "Article type", "Phase", "Design", "Registry",
              "Population", "Arms (n)", "Interventions"]  # fmt: skip


def _study_cells(e: StudyEntry) -> list[str]:
    arms = "\n".join(
        f"{a.label}" + (f" [{a.role}]" if a.role and a.role != a.label else "")
        + (f": n={a.n}" if a.n is not None else "")
        for a in e.arms
    )  # fmt: skip
    return [
        e.doi or "",
        e.title or "",
        e.journal or "",
        e.article_type or "",
        e.phase or "",
        ", ".join(e.design),
        ", ".join(e.registrations),
        e.population or "",
        arms,
        "\n".join(i.text() for i in e.interventions),
    ]


def _outcome_cell(e: StudyEntry, key: tuple[str, str, float | None], with_arm: bool) -> str:
    lines = []
    for o in e.outcomes:
        if o.key != key:
            continue
        t = o.value_text()
        who = o.arm or o.attribution
        lines.append(f"{who}: {t}" if with_arm and who else t)
    lines += [f"p={fmt_num(c.p)} ({' vs '.join(c.arms)})" for c in e.comparisons if c.key == key]
    return "\n".join(dict.fromkeys(lines))


def grid(c: Comparison) -> tuple[list[str], list[list[str]]]:
    """Side-by-side cells: a label column, then one column per study."""
    header = ["", *(e.name for e in c.studies)]
    cols = [_study_cells(e) for e in c.studies]
    rows = [[label, *(col[i] for col in cols)] for i, label in enumerate(STUDY_ROWS)]
    for key in c.outcome_keys():
        rows.append([key_label(key), *(_outcome_cell(e, key, True) for e in c.studies)])
    return header, rows


def long_rows(c: Comparison) -> tuple[list[str], list[list[str]]]:
    """One row per study and arm (CSV): study columns, arm, n, then one column per
    outcome key. Outcomes whose arm the study does not list get a row of their own."""
    keys = c.outcome_keys()
    header = ["paper", "citation", "doi", "document", "title", "year", "journal", "article_type", "phase",
              "design", "registrations", "population", "interventions", "arm", "role", "n",
              *(key_label(k) for k in keys)]  # fmt: skip
    rows = []
    for e in c.studies:
        base = [e.paper, e.name, e.doi or "", e.document or "", e.title or "", str(e.year or ""),
                e.journal or "", e.article_type or "", e.phase or "", "; ".join(e.design),
                "; ".join(e.registrations), e.population or "",
                "; ".join(i.text() for i in e.interventions)]  # fmt: skip
        arm_rows: dict[str, list[str]] = {}
        for a in e.arms:
            arm_rows[a.label] = [a.label, a.role or "", "" if a.n is None else str(a.n)]
        for o in e.outcomes:
            label = o.arm or o.attribution or ""
            arm_rows.setdefault(label, [label, o.arm_role or "", ""])
        if not arm_rows:
            arm_rows[""] = ["", "", ""]
        for label, arm_cells in arm_rows.items():
            cells = []
            for k in keys:
                vals = [
                    o.value_text()
                    for o in e.outcomes
                    if o.key == k and (o.arm or o.attribution or "") == label
                ]
                cells.append(" / ".join(dict.fromkeys(vals)))
            rows.append([*base, *arm_cells, *cells])
        # between-group p-values: one row per compared set of arms
        compared: dict[str, dict[tuple[str, str, float | None], str]] = defaultdict(dict)
        for cp in e.comparisons:
            compared[" vs ".join(cp.arms)][cp.key] = f"p={fmt_num(cp.p)}"
        for label, ps in compared.items():
            rows.append([*base, label, "comparison", "", *(ps.get(k, "") for k in keys)])
    return header, rows


def to_json(c: Comparison) -> list[dict[str, Any]]:
    """The comparison as JSON-ready dicts (one per study, arms, interventions and
    outcomes nested; every outcome with its evidence quote and page)."""
    out = []
    for e in c.studies:
        d = asdict(e)
        d["paper"] = e.paper_json()
        d.pop("label", None)
        out.append(d)
    return out


def render(c: Comparison, fmt: str = "table", width: int | None = None) -> str:
    """The comparison as table (side by side, for a terminal), csv, json or markdown."""
    if fmt == "json":
        return dumps(to_json(c))
    if fmt == "csv":
        return to_csv(*long_rows(c)).rstrip("\n")
    if not c.studies:
        return "no study matches"
    header, rows = grid(c)
    if fmt == "markdown":
        return to_markdown(header, rows)
    if fmt == "table":
        return render_grid(header, rows, total_width=width)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def studies_of(c: Comparison) -> Iterable[StudyEntry]:
    """The compared studies (for callers that only iterate)."""
    return iter(c.studies)


def resolve_outcome(store: Any, value: str) -> str:
    """The endpoint key of `--outcome VALUE`: an endpoint of the graph named
    by its printed name or an abbreviation of it ("systolic blood pressure",
    "SBP"), case and punctuation ignored; else the endpoint vocabulary's
    resolution (`UnknownValue` when nothing matches)."""
    from litkg.kg.queries import select
    from litkg.kg.vocab import fold, graph_keys, resolve

    keys = graph_keys(store, "endpoints")
    want = fold(value)
    for k in keys:
        if fold(k) == want:
            return k
    rows = select(
        store, "SELECT DISTINCT ?c ?label WHERE { ?m lkg:endpoint ?c . ?c rdfs:label ?label }"
    )
    for r in sorted(rows, key=lambda r: str(r["c"])):
        label = str(r["label"])
        bare = re.sub(r"\([^)]*\)", " ", label)
        names = [label, bare, *re.findall(r"\(([^)]+)\)", label)]
        words = re.findall(r"[A-Za-z0-9]+", bare)
        if len(words) > 1:
            names.append("".join(w[0] for w in words))
        if want and any(fold(n) == want for n in names):
            return str(r["c"]).rstrip("/").rsplit("/", 1)[-1]
    return resolve("endpoints", value, keys)

"""`litkg adverse-events`: adverse events by term and grade across studies.

Each adverse-event observation of the graph gives its term, grade as reported,
n and % of patients, and the arm (and its size) it was reported for.
`min_grade=3` keeps the observations whose grade reaches 3: "3", "4", "3-4",
">=3" and "2-4" do (the graph carries each grade's range as lkg:gradeMin /
lkg:gradeMax; the filter is on the upper bound), "1-2" and an unknown grade
do not. The term and study filters are bound as RDF terms in required
triple patterns; the grade threshold is applied to the rows read (a pre-bound
variable used only in a FILTER does not filter on every store: a remote
store binds it by a trailing VALUES clause, after the filter ran).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from rdflib.term import Node

from litkg.kg.compare import Q_ARMS, Filters, by_studies, matching_studies
from litkg.kg.queries import dumps, evidence_of, fmt_num, local_name, number, text
from litkg.kg.store import KGStore
from litkg.kg.textgrid import render_rows, to_csv, to_markdown
from litkg.ontology.namespace import ae_iri

FORMATS = ("table", "csv", "json", "markdown")

Q_AES = """SELECT ?study ?o ?term ?grade ?gmin ?gmax ?n ?pct ?armLabel ?arm {fv} WHERE {{
  {block}
  ?o a lkg:AdverseEventObservation ; lkg:study ?study ; lkg:adverseEvent ?term .
  {ae_filter}
  OPTIONAL {{ ?o lkg:grade ?grade }}
  OPTIONAL {{ ?o lkg:gradeMin ?gmin }}
  OPTIONAL {{ ?o lkg:gradeMax ?gmax }}
  OPTIONAL {{ ?o lkg:patientCount ?n }}
  OPTIONAL {{ ?o lkg:percent ?pct }}
  OPTIONAL {{ ?o lkg:armLabel ?armLabel }}
  OPTIONAL {{ ?o lkg:arm ?arm }}
}}"""

Q_PAPERS = """SELECT ?study ?paper ?doc ?doi ?year WHERE {{
  {block}
  ?paper lkg:reports ?study .
  OPTIONAL {{ ?paper lkg:documentId ?doc }}
  OPTIONAL {{ ?paper prism:doi ?doi }}
  OPTIONAL {{ ?paper fabio:hasPublicationYear ?year }}
}}"""


@dataclass
class AERow:
    """One adverse-event observation of one study arm."""

    term: str
    grade: str | None
    study: str
    paper: str
    paper_label: str = ""
    arm: str | None = None
    arm_role: str | None = None
    arm_n: int | None = None
    n: int | None = None
    percent: float | int | None = None
    grade_min: int | None = None
    grade_max: int | None = None
    evidence: str | None = None
    page: int | None = None
    iri: str | None = None
    id: str | None = None  # the fact id (kg/curation), when verdicts were applied
    review_status: str | None = None

    def count_text(self) -> str:
        """ "8 (20%)", "8", "20%" or "" as reported."""
        if self.n is not None and self.percent is not None:
            return f"{self.n} ({fmt_num(self.percent)}%)"
        if self.n is not None:
            return str(self.n)
        return f"{fmt_num(self.percent)}%" if self.percent is not None else "reported"


def reaches(grade_max: int | None, min_grade: int | None) -> bool:
    """Whether a grade whose upper bound is `grade_max` reaches `min_grade`."""
    return min_grade is None or (grade_max is not None and grade_max >= min_grade)


def adverse_events(
    store: KGStore,
    min_grade: int | None = None,
    term: str | None = None,
    filters: Filters | None = None,
    curation: Any = None,
    reviewed_only: bool = False,
) -> list[AERow]:
    """The adverse-event observations (optionally of one term, reaching a grade,
    of the studies `filters` selects), sorted by term, grade, study and arm.
    With a `curation` (litkg.kg.curation.Curation) reviewers' verdicts are
    applied (corrected values, rejected observations dropped, added ones
    shown); `reviewed_only` keeps confirmed, corrected and added ones only."""
    studies = matching_studies(store, filters or Filters())
    b: dict = {}
    pats = []
    if term:
        b["f_term"] = ae_iri(term)
        pats.append("?o lkg:adverseEvent ?f_term .")
    if min_grade is not None:
        pats.append("?o lkg:gradeMax ?gmax .")
    from litkg.kg.papers import paper_refs

    paper_of = {str(r["study"]): str(r["paper"]) for r in by_studies(store, Q_PAPERS, studies)}
    refs = paper_refs(store, paper_of.values())
    arms: dict[str, dict[str, Node]] = {
        str(r["arm"]): r for r in by_studies(store, Q_ARMS, studies)
    }
    out: dict[str, AERow] = {}
    for r in by_studies(store, Q_AES, studies, b, ae_filter=" ".join(pats)):
        arm = arms.get(str(r["arm"]), {}) if r.get("arm") is not None else {}
        oid = str(r["o"])
        if oid in out:
            continue
        n, arm_n = number(r.get("n")), number(arm.get("n"))
        gmin, gmax = number(r.get("gmin")), number(r.get("gmax"))
        if not reaches(int(gmax) if gmax is not None else None, min_grade):
            continue
        out[oid] = AERow(
            term=local_name(r["term"]) or "",
            grade=text(r.get("grade")),
            study=str(r["study"]),
            paper=paper_of.get(str(r["study"]), str(r["study"])),
            paper_label=refs[p].label if (p := paper_of.get(str(r["study"]))) in refs else "",
            arm=text(arm.get("label")) or text(r.get("armLabel")),
            arm_role=local_name(arm.get("role")),
            arm_n=int(arm_n) if arm_n is not None else None,
            n=int(n) if n is not None else None,
            percent=number(r.get("pct")),
            grade_min=int(gmin) if gmin is not None else None,
            grade_max=int(gmax) if gmax is not None else None,
            iri=oid,
        )
    ev = evidence_of(store, list(out))
    for oid, row in out.items():
        if oid in ev:
            row.evidence, row.page = ev[oid]
    rows = list(out.values())
    if curation is not None:
        from litkg.kg.curation.apply import apply_to_aes

        rows = apply_to_aes(store, curation, rows, paper_of, refs, min_grade, term, reviewed_only)
    return sorted(
        rows,
        key=lambda a: (
            a.term != "any adverse event",
            a.term,
            a.grade_min if a.grade_min is not None else 99,
            a.grade or "",
            a.paper_label,
            a.paper,
            a.arm or "",
        ),
    )


def _arm_text(a: AERow) -> str:
    s = a.arm or ""
    return f"{s} (n={a.arm_n})" if a.arm_n is not None else s


def pivot(rows: list[AERow]) -> tuple[list[str], list[list[str]]]:
    """Rows per (term, grade), one column per study: "arm (n=N): n (%)" lines."""
    studies = sorted({r.paper_label or r.paper for r in rows})
    cells: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    order: list[tuple[str, str]] = []
    for r in rows:
        k = (r.term, r.grade or "")
        if k not in cells:
            order.append(k)
        line = r.count_text()
        if r.arm:
            line = f"{_arm_text(r)}: {line}"
        cells[k][r.paper_label or r.paper].append(line)
    header = ["term", "grade", *studies]
    body = [[t, g, *("\n".join(cells[(t, g)].get(s, [])) for s in studies)] for t, g in order]
    return header, body


def long_table(rows: list[AERow]) -> tuple[list[str], list[list[str]]]:
    """One row per observation (CSV)."""
    header = ["term", "grade", "grade_min", "grade_max", "paper", "citation", "arm", "role",
              "arm_n", "n", "percent", "page", "evidence"]  # fmt: skip
    body = [
        [
            r.term,
            r.grade or "",
            "" if r.grade_min is None else str(r.grade_min),
            "" if r.grade_max is None else str(r.grade_max),
            r.paper,
            r.paper_label,
            r.arm or "",
            r.arm_role or "",
            "" if r.arm_n is None else str(r.arm_n),
            "" if r.n is None else str(r.n),
            fmt_num(r.percent),
            "" if r.page is None else str(r.page),
            r.evidence or "",
        ]  # fmt: skip
        for r in rows
    ]
    return header, body


def to_json(r: AERow) -> dict[str, Any]:
    """One observation as JSON: the paper as IRI plus label, like every command."""
    d = asdict(r)
    d["paper"] = {"iri": r.paper, "label": r.paper_label or r.paper}
    d.pop("paper_label")
    return d


def render(rows: list[AERow], fmt: str = "table") -> str:
    """Adverse events as table / markdown (pivoted by study), csv (long) or json."""
    if fmt == "json":
        return dumps([to_json(r) for r in rows])
    if fmt == "csv":
        return to_csv(*long_table(rows)).rstrip("\n")
    if not rows:
        return "no adverse event matches"
    header, body = pivot(rows)
    if fmt == "markdown":
        return to_markdown(header, body)
    if fmt == "table":
        return render_rows(header, body, max_width=36)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def summary(rows: list[AERow]) -> dict[str, Any]:
    """Counts per term (observations and studies), JSON-ready."""
    by_term: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        by_term[r.term].add(r.study)
    return {t: len(s) for t, s in sorted(by_term.items())}

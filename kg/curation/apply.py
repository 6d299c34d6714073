"""Verdicts applied to what `compare`, `adverse-events`, `show` and the
meta-analysis export read from the graph.

Each item read (arm, intervention, outcome, adverse-event row, study field)
is matched to its fact by its node IRI (a study field by its name and value);
a rejected fact is dropped, a corrected one takes its corrected values, a
fact a reviewer added is shown like an extracted one, and every item gets its
fact `id` and `review_status`. With `reviewed_only`, only confirmed,
corrected and added facts are kept (a study's bibliographic data, which
names it, always stays).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from litkg.kg.curation.facts import Fact, facts_of_papers
from litkg.kg.curation.verdicts import REVIEWED

#: Study fields that name the study: kept with --reviewed-only.
NAMING_FIELDS = {"title", "doi", "journal", "year", "article_type"}


def reviewed_facts(
    store: Any, curation: Any, papers: Iterable[str], reviewed_only: bool
) -> list[Fact] | None:
    """The facts of the papers with verdicts applied; None when no verdict
    concerns them and nothing needs dropping (the common case: no queries)."""
    papers = set(papers)
    touched = {v.paper for v in curation.verdicts()} & papers
    if not touched and not reviewed_only:
        return None
    return curation.apply(facts_of_papers(store, touched)) if touched else []


def _keep(status: str, reviewed_only: bool) -> bool:
    if status == "rejected":
        return False
    return not reviewed_only or status in REVIEWED


def _evidence(f: Fact) -> tuple[str | None, int | None]:
    return f.evidence.get("quote"), f.evidence.get("page")


def _mark(item: Any, f: Fact | None) -> None:
    item.id = f.id if f else None
    item.review_status = f.review_status if f else "extracted"


def _set(item: Any, f: Fact, names: Iterable[str]) -> None:
    for k in names:
        if k in f.corrections:
            setattr(item, k, f.fields.get(k))


def _matches(o: Any, filters: Any) -> bool:
    if filters is None:
        return True
    if filters.endpoint and o.endpoint != filters.endpoint:
        return False
    tp = o.timepoint_months
    return filters.timepoint is None or (tp is not None and float(tp) == float(filters.timepoint))


def _reviewed(
    items: list[Any], by_node: dict[Any, Any], fields: tuple[str, ...], reviewed_only: bool
) -> list[Any]:
    """The items kept under the verdicts (rejected ones dropped, unreviewed ones
    too when `reviewed_only`), each with its corrected `fields` and its status."""
    kept = []
    for item in items:
        f = by_node.get(item.iri)
        if f is None or _keep(f.review_status, reviewed_only):
            if f is not None:
                _set(item, f, fields)
            _mark(item, f)
            if f is not None or not reviewed_only:
                kept.append(item)
    return kept


def apply_to_studies(
    store: Any, curation: Any, studies: list[Any], filters: Any = None, reviewed_only: bool = False
) -> list[Any]:
    """The compared studies (`StudyEntry`, kg/compare.py) with the verdicts applied."""
    from litkg.kg.compare import ArmInfo, InterventionInfo, OutcomeInfo

    facts = reviewed_facts(store, curation, [e.paper for e in studies], reviewed_only)
    if facts is None:
        return studies
    by_node = {f.node: f for f in facts if f.node and f.kind != "study"}
    studies_out = []
    for e in studies:
        mine = [f for f in facts if f.paper == e.paper]
        if not mine and not reviewed_only:
            studies_out.append(e)
            continue
        _apply_study_fields(e, [f for f in mine if f.kind == "study"], reviewed_only)
        arms = _reviewed(e.arms, by_node, ("label", "role", "n"), reviewed_only)
        ints = _reviewed(
            e.interventions, by_node, ("drug", "dose", "unit", "route", "days", "cycles"),
            reviewed_only,
        )  # fmt: skip
        outs = []
        for o in e.outcomes:
            f = by_node.get(o.iri)
            if f is None or _keep(f.review_status, reviewed_only):
                if f is not None:
                    _set(
                        o,
                        f,
                        ("endpoint", "statistic", "value", "unit", "timepoint_months", "p", "arm"),
                    )
                    if "ci_lower" in f.corrections or "ci_upper" in f.corrections:
                        lo, hi = f.fields.get("ci_lower"), f.fields.get("ci_upper")
                        o.ci = (lo, hi) if lo is not None and hi is not None else None
                _mark(o, f)
                if (f is not None or not reviewed_only) and _matches(o, filters):
                    outs.append(o)
        for f in mine:
            if f.review_status != "added":
                continue
            d, (quote, page) = f.fields, _evidence(f)
            if f.kind == "arm":
                arms.append(ArmInfo(label=d.get("label") or d.get("role") or "", role=d.get("role"),
                                    n=d.get("n"), evidence=quote, page=page))  # fmt: skip
            elif f.kind == "intervention":
                ints.append(InterventionInfo(
                    drug=d.get("drug") or "", dose=d.get("dose"), unit=d.get("unit"),
                    route=d.get("route"), days=d.get("days"), cycles=d.get("cycles"),
                    evidence=quote, page=page,
                ))  # fmt: skip
            elif f.kind == "outcome" and d.get("endpoint") and d.get("value") is not None:
                lo, hi = d.get("ci_lower"), d.get("ci_upper")
                if lo is None and isinstance(d.get("ci"), list | tuple) and len(d["ci"]) == 2:
                    lo, hi = d["ci"]
                arm = next((a for a in e.arms if d.get("arm") and a.label == d.get("arm")), None)
                o = OutcomeInfo(
                    endpoint=str(d["endpoint"]), statistic=d.get("statistic") or "rate",
                    value=d["value"], unit=d.get("unit"), timepoint_months=d.get("timepoint_months"),
                    ci=(lo, hi) if lo is not None and hi is not None else None, p=d.get("p"),
                    arm=d.get("arm"), arm_role=arm.role if arm else None, arm_n=arm.n if arm else None,
                    evidence=quote, page=page,
                )  # fmt: skip
                if _matches(o, filters):
                    outs.append(o)
            else:
                continue
            _mark((arms if f.kind == "arm" else ints if f.kind == "intervention" else outs)[-1], f)
        e.arms, e.interventions, e.outcomes = arms, ints, outs
        if reviewed_only and not (arms or ints or outs or _reviewed_study_facts(e)):
            continue
        studies_out.append(e)
    return studies_out


def _reviewed_study_facts(e: Any) -> bool:
    return any(d["field"] not in NAMING_FIELDS for d in e.study_facts)


def _apply_study_fields(e: Any, facts: list[Fact], reviewed_only: bool) -> None:
    """Study fields: corrected, rejected (blanked) or added; the facts listed in
    `e.study_facts` with their ids and statuses."""
    listed = []
    for f in facts:
        (name, value), *_ = f.fields.items()
        keep = _keep(f.review_status, reviewed_only) or (
            name in NAMING_FIELDS and f.review_status != "rejected"
        )
        attr = "registrations" if name == "registration" else name
        if name in ("design", "registration"):
            items = list(getattr(e, attr))
            old = f.corrections.get(name, value)
            if old in items:
                items.remove(old)
            if keep:
                items.append(value)
            setattr(e, attr, sorted(set(items)))
        elif hasattr(e, attr):
            if keep:
                setattr(e, attr, value)
            elif name not in NAMING_FIELDS or f.review_status == "rejected":
                setattr(e, attr, None)
        if keep:
            quote, page = _evidence(f)
            listed.append({"id": f.id, "field": name, "value": value,
                           "review_status": f.review_status, "evidence": quote, "page": page})  # fmt: skip
    e.study_facts = listed


def apply_to_aes(
    store: Any,
    curation: Any,
    rows: list[Any],
    paper_of: dict[str, str],
    refs: dict[str, Any],
    min_grade: int | None = None,
    term: str | None = None,
    reviewed_only: bool = False,
) -> list[Any]:
    """Adverse-event rows (`AERow`, kg/adverse.py) with the verdicts applied;
    `paper_of` maps the selected studies to their papers."""
    from litkg.kg.adverse import AERow, reaches
    from litkg.kg.build import grade_bounds
    from litkg.kg.queries import local_name
    from litkg.ontology.namespace import ae_iri

    facts = reviewed_facts(store, curation, paper_of.values(), reviewed_only)
    if facts is None:
        return rows
    by_node = {f.node: f for f in facts if f.node}
    want = local_name(ae_iri(term)) if term else None
    out = []

    def fits(r: Any) -> bool:
        if want and local_name(ae_iri(r.term)) != want:
            return False
        return reaches(r.grade_max, min_grade)

    for r in rows:
        f = by_node.get(r.iri)
        if f is None and reviewed_only:
            continue
        if f is not None:
            if not _keep(f.review_status, reviewed_only):
                continue
            _set(r, f, ("term", "grade", "n", "percent", "arm"))
            if "grade" in f.corrections:
                b = grade_bounds(r.grade)
                r.grade_min, r.grade_max = b if b else (None, None)
        _mark(r, f)
        if fits(r):
            out.append(r)
    study_of = {p: s for s, p in paper_of.items()}
    for f in facts:
        if f.review_status != "added" or f.kind != "adverse_event" or f.paper not in study_of:
            continue
        d, (quote, page) = f.fields, _evidence(f)
        if not d.get("term"):
            continue
        b = grade_bounds(d.get("grade"))
        r = AERow(
            term=local_name(ae_iri(str(d["term"]))) or str(d["term"]), grade=d.get("grade"),
            study=study_of[f.paper], paper=f.paper,
            paper_label=refs[f.paper].label if f.paper in refs else "",
            arm=d.get("arm"), n=d.get("n"), percent=d.get("percent"),
            grade_min=b[0] if b else None, grade_max=b[1] if b else None,
            evidence=quote, page=page,
        )  # fmt: skip
        _mark(r, f)
        if fits(r):
            out.append(r)
    return out


def apply_to_view(store: Any, curation: Any, view: Any, reviewed_only: bool = False) -> None:
    """`litkg show`'s view of one paper (kg/show.py): every fact gets its id
    (and status), references take their verdicts; compare and adverse_events
    applied the verdicts to the rest."""
    from litkg.kg.show import Reference

    facts = facts_of_papers(store, [view.paper])
    if curation is not None:
        facts = curation.apply(facts)
    by_node = {f.node: f for f in facts if f.node and f.kind != "study"}
    e = view.study
    if e is not None:
        for item in (*e.arms, *e.interventions, *e.outcomes):
            if item.id is None:
                _mark(item, by_node.get(item.iri))
        if not e.study_facts:
            _apply_study_fields(e, [f for f in facts if f.kind == "study"], reviewed_only)
    for r in view.adverse_events:
        if r.id is None:
            _mark(r, by_node.get(r.iri))
    refs = []
    for r in view.references:
        f = by_node.get(r.iri)
        if f is not None and not _keep(f.review_status, reviewed_only):
            continue
        if f is None and reviewed_only:
            continue
        if f is not None and f.corrections:
            r.index, r.doi = f.fields.get("index"), f.fields.get("doi")
            r.text = reference_text(f.fields)
        _mark(r, f)
        refs.append(r)
    for f in facts:
        if f.review_status == "added" and f.kind == "reference":
            quote, page = _evidence(f)
            idx = f.fields.get("index")
            r = Reference(
                index=int(idx) if isinstance(idx, int | float) else None,
                text=reference_text(f.fields) or (quote or ""),
                doi=f.fields.get("doi"),
                evidence=quote,
                page=page,
            )
            _mark(r, f)
            refs.append(r)
    view.references = sorted(refs, key=lambda x: (x.index is None, x.index or 0))


def reference_text(d: dict[str, Any]) -> str:
    """A reference's short text from its fields: author, year, journal, volume:page."""
    year = str(d.get("year") or "")[:4] or None
    vp = ":".join(str(x) for x in (d.get("volume"), d.get("first_page")) if x) or None
    parts = [d.get("first_author"), year, d.get("journal"), vp]
    return " ".join(str(p) for p in parts if p) or str(d.get("title") or "")

"""Study records: frozen dataclasses for what extraction finds, with provenance.

`StudyRecord.to_record()` gives the flat per-paper view defined by the
evaluation's RECORD.md; `to_json()` gives the richer internal form, where every
fact keeps its provenance and what the record has no field for.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Provenance:
    """Where a fact was read: document, page, character span, quote, and rule."""

    doc_id: str
    char_start: int
    char_end: int
    quote: str
    rule: str
    page: int | None = None
    ocr: bool = False  # the quoted text was read by OCR from a scanned page


@dataclass(frozen=True)
class Study:
    title: str | None = None
    doi: str | None = None
    journal: str | None = None
    year: int | None = None
    article_type: str | None = None
    registrations: tuple[str, ...] = ()
    phase: str | None = None
    design: tuple[str, ...] = ()
    population: dict[str, Any] = field(default_factory=dict)
    # the paper's own first author, volume and first page (how others cite it)
    first_author: str | None = None
    volume: str | None = None
    first_page: str | None = None
    provenance: tuple[Provenance, ...] = ()


@dataclass(frozen=True)
class Arm:
    label: str
    role: str  # intervention | control | overall | subgroup
    n: int | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Intervention:
    drug: str
    dose: float | None = None
    unit: str | None = None
    route: str | None = None
    days: str | None = None
    cycles: int | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Dispersion:
    """The spread printed with a point estimate: `sd`/`se` carry one number,
    `iqr`/`range`/`ci` a (low, high) pair. A bare "X ± Y" whose kind the paper
    does not say is `unknown`."""

    kind: str  # sd | se | unknown | iqr | range | ci
    value: float | tuple[float, float]

    def to_record(self) -> dict[str, Any]:
        v = self.value
        return {"kind": self.kind, "value": list(v) if isinstance(v, tuple) else v}


@dataclass(frozen=True)
class Outcome:
    """One result. `endpoint` is a RECORD.md key, or None for a result outside
    the key list, which then carries the outcome's `name` as printed."""

    endpoint: str | None
    statistic: str  # rate | median | hr | sdhr | mean | count | difference | or | rr
    value: float
    unit: str | None = None
    timepoint_months: float | None = None
    arm: str | None = None
    ci: tuple[float, float] | None = None
    p: float | None = None
    provenance: Provenance | None = None
    name: str | None = None  # the outcome as printed ("systolic blood pressure")
    dispersion: Dispersion | None = None
    events: int | None = None  # n of n/N
    total: int | None = None  # N of n/N
    n: int | None = None  # number analysed
    timepoint: str | None = None  # as printed ("at 12 weeks")
    comparator: str | None = None  # for a comparison: the other side
    primary: bool = False  # the paper's stated primary outcome

    def to_record(self) -> dict[str, Any]:
        """This outcome in the RECORD.md shape (unkeyed fields only when unkeyed)."""
        out: dict[str, Any] = {
            "endpoint": self.endpoint,
            "statistic": self.statistic,
            "value": self.value,
            "unit": self.unit,
            "timepoint_months": self.timepoint_months,
            "arm": self.arm,
            "ci": list(self.ci) if self.ci else None,
            "p": self.p,
        }
        if self.endpoint is None:
            out = {
                "endpoint": None,
                "name": self.name,
                **{k: v for k, v in out.items() if k != "endpoint"},
            }
            out.update(
                dispersion=self.dispersion.to_record() if self.dispersion else None,
                events=self.events,
                total=self.total,
                n=self.n,
                timepoint=self.timepoint,
                comparator=self.comparator,
                primary=self.primary,
            )
        out["evidence"] = self.provenance.quote if self.provenance else None
        return out


@dataclass(frozen=True)
class AdverseEvent:
    term: str
    grade: str | None = None
    n: int | None = None
    percent: float | None = None
    arm: str | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Reference:
    index: int
    first_author: str | None = None
    year: int | None = None
    journal: str | None = None
    volume: str | None = None
    first_page: str | None = None
    doi: str | None = None
    title: str | None = None
    pmid: str | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class StudyRecord:
    document: str
    study: Study
    arms: tuple[Arm, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    adverse_events: tuple[AdverseEvent, ...] = ()
    references: tuple[Reference, ...] = ()
    # results outside the record's keys: `endpoint` None (printed in the record
    # with their `name`), or a key with a statistic the record has no place for
    other_outcomes: tuple[Outcome, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The RECORD.md shape: flat, scored fields plus `evidence` quotes."""
        s = self.study
        return {
            "document": self.document,
            "study": {
                "title": s.title,
                "doi": s.doi,
                "journal": s.journal,
                "year": s.year,
                "article_type": s.article_type,
                "registrations": list(s.registrations),
                "phase": s.phase,
                "design": list(s.design),
            },
            "arms": [{"label": a.label, "role": a.role, "n": a.n} for a in self.arms],
            "interventions": [
                {
                    "drug": i.drug,
                    "dose": i.dose,
                    "unit": i.unit,
                    "route": i.route,
                    "days": i.days,
                    "cycles": i.cycles,
                }
                for i in self.interventions
            ],
            "outcomes": [o.to_record() for o in self.outcomes]
            + [o.to_record() for o in self.other_outcomes if o.endpoint is None],
            "adverse_events": [
                {
                    "term": e.term,
                    "grade": e.grade,
                    "n": e.n,
                    "percent": e.percent,
                    "arm": e.arm,
                    "evidence": e.provenance.quote if e.provenance else None,
                }
                for e in self.adverse_events
            ],
            "references": [
                {
                    "index": r.index,
                    "first_author": r.first_author,
                    "year": r.year,
                    "journal": r.journal,
                    "volume": r.volume,
                    "first_page": r.first_page,
                    "doi": r.doi,
                }
                for r in self.references
            ],
        }

    def to_json(self) -> dict[str, Any]:
        """The internal form: every dataclass field, provenance included."""
        return _jsonable(asdict(self))


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    return obj

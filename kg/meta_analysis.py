"""`litkg export --format meta-analysis`: a long CSV for meta-analysis software.

One row per study x arm x endpoint x statistic x timepoint as the graph holds
it (a value printed twice with different rounding gives two rows). Columns:

| column | meaning |
|---|---|
| `study_id` | document id (else DOI, else paper IRI): the study label in R / RevMan |
| `paper`, `doi`, `year` | the paper's IRI, DOI and publication year |
| `trial_id` | registry ids of the trial (papers sharing any registration share it; `;`-joined) |
| `n_reports` | how many exported papers report that trial (1 for an unregistered study) |
| `shared_trial` | 1 when another paper reports the same trial: do not pool both |
| `latest_followup` | 1 for the trial's latest report (latest year; then longest landmark; then a follow-up report), 0 for earlier ones; 1 for an unregistered study |
| `arm`, `arm_role` | the arm (label) and its role (intervention, control, overall, subgroup) |
| `endpoint`, `statistic`, `timepoint_months`, `unit` | what was measured (keys of the study record) |
| `value`, `ci_lower`, `ci_upper`, `p_value` | as printed (95% CI; a p printed as "<0.001" is 0.001) |
| `ni` | patients analysed in the arm, as printed (metafor `ni` / `n1i`, `n2i`) |
| `xi` | events in the arm where printed (metafor `xi` / `ai`, `ci`); blank otherwise |
| `measure` | `PR` (proportion), `logHR`, `logSHR`, `logOR` or `MED` (median) |
| `yi`, `sei`, `vi` | effect size and its standard error / sampling variance: PR = value/100; ratios on the log scale; medians as printed |
| `vi_source` | how `sei` was obtained: `ci` (width of the 95% CI / 3.92, log scale for ratios), `binomial` (p(1-p)/ni for a proportion with printed n), `p` (a ratio's p-value: se = abs(yi) / z(1-p/2)), or blank when not derivable |
| `evidence`, `page` | the quoted sentence the value was read from, and its page |

Nothing is imputed: `xi` stays blank when no count is printed, `yi`/`sei`
stay blank when they cannot be computed from printed numbers.

In R (metafor):

    d <- read.csv("ma.csv")
    os <- subset(d, endpoint == "OS" & statistic == "rate" & timepoint_months == 12 &
                    latest_followup == 1 & arm_role == "intervention")
    rma(yi = yi, vi = vi, data = os, slab = study_id)          # pooled 1-year OS
    # with printed event counts: escalc(measure = "PR", xi = xi, ni = ni, data = os)
    # two-arm 2x2 (ai/n1i/ci/n2i): reshape intervention and control rows by study_id

RevMan: a "Generic inverse variance" outcome takes `study_id`, `yi` (for
ratios: log[Hazard Ratio]) and `sei`.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections import defaultdict
from statistics import NormalDist
from typing import Any

from litkg.kg.compare import Comparison, Filters, OutcomeInfo, StudyEntry, compare
from litkg.kg.store import KGStore

Z95 = NormalDist().inv_cdf(0.975)

COLUMNS = [
    "study_id", "paper", "doi", "year", "trial_id", "n_reports", "shared_trial",
    "latest_followup", "arm", "arm_role", "endpoint", "statistic", "timepoint_months", "unit",
    "value", "ci_lower", "ci_upper", "p_value", "ni", "xi", "measure", "yi", "sei", "vi",
    "vi_source", "evidence", "page",
]  # fmt: skip

RATIO_MEASURES = {"hr": "logHR", "sdhr": "logSHR", "or": "logOR"}


def effect_size(o: OutcomeInfo, ni: int | None) -> dict[str, Any]:
    """measure, yi, sei, vi and vi_source of one outcome (see the module docstring)."""
    out: dict[str, Any] = {"measure": "", "yi": None, "sei": None, "vi": None, "vi_source": ""}
    v = float(o.value)
    ci = (float(o.ci[0]), float(o.ci[1])) if o.ci else None
    if o.statistic == "rate" and o.unit == "%":
        p = v / 100
        out.update(measure="PR", yi=p)
        if ci and ci[1] > ci[0]:
            out.update(sei=(ci[1] - ci[0]) / 100 / (2 * Z95), vi_source="ci")
        elif ni and 0 <= p <= 1:
            out.update(sei=math.sqrt(p * (1 - p) / ni), vi_source="binomial")
    elif o.statistic in RATIO_MEASURES and v > 0:
        yi = math.log(v)
        out.update(measure=RATIO_MEASURES[o.statistic], yi=yi)
        if ci and ci[0] > 0 and ci[1] > ci[0]:
            out.update(sei=(math.log(ci[1]) - math.log(ci[0])) / (2 * Z95), vi_source="ci")
        elif o.p is not None and 0 < float(o.p) < 1 and yi != 0:
            z = NormalDist().inv_cdf(1 - float(o.p) / 2)
            out.update(sei=abs(yi) / z, vi_source="p")
    elif o.statistic == "median":
        out.update(measure="MED", yi=v)
        if ci and ci[1] > ci[0]:
            out.update(sei=(ci[1] - ci[0]) / (2 * Z95), vi_source="ci")
    if out["sei"] is not None:
        out["vi"] = out["sei"] ** 2
    return out


def _trial_groups(studies: list[StudyEntry]) -> dict[str, list[StudyEntry]]:
    """Studies grouped by shared registration (transitively); key: the ids joined."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in studies:
        for r in e.registrations:
            parent[find("reg:" + r)] = find("study:" + e.study)
    groups: dict[str, list[StudyEntry]] = defaultdict(list)
    for e in studies:
        if e.registrations:
            groups[find("study:" + e.study)].append(e)
    out = {}
    for members in groups.values():
        ids = sorted({r for m in members for r in m.registrations})
        out["; ".join(ids)] = members
    return out


def _latest(members: list[StudyEntry]) -> StudyEntry:
    def key(e: StudyEntry) -> tuple[Any, ...]:
        tps = [float(o.timepoint_months) for o in e.outcomes if o.timepoint_months is not None]
        return (e.year or 0, max(tps, default=0.0), "follow-up-report" in e.design, e.study)

    return max(members, key=key)


def _num(x: float | int | None, digits: int = 6) -> str:
    if x is None:
        return ""
    if isinstance(x, float):
        return f"{x:.{digits}g}" if not x.is_integer() else str(int(x))
    return str(x)


def rows(c: Comparison) -> list[dict[str, str]]:
    """The CSV rows (dicts of COLUMNS -> text) of a comparison."""
    trial_of: dict[str, tuple[str, int, bool]] = {}
    for tid, members in _trial_groups(c.studies).items():
        latest = _latest(members)
        for m in members:
            trial_of[m.study] = (tid, len(members), m is latest)
    out = []
    for e in c.studies:
        tid, n_reports, latest = trial_of.get(e.study, ("", 1, True))
        arm_n = {a.label: a.n for a in e.arms}
        for o in e.outcomes:
            ni = o.arm_n if o.arm_n is not None else arm_n.get(o.arm or "")
            es = effect_size(o, ni)
            out.append(
                {
                    "study_id": e.document or e.doi or e.paper,
                    "paper": e.paper,
                    "doi": e.doi or "",
                    "year": _num(e.year),
                    "trial_id": tid,
                    "n_reports": str(n_reports),
                    "shared_trial": "1" if n_reports > 1 else "0",
                    "latest_followup": "1" if latest else "0",
                    "arm": o.arm or "",
                    "arm_role": o.arm_role or "",
                    "endpoint": o.endpoint,
                    "statistic": o.statistic,
                    "timepoint_months": _num(o.timepoint_months),
                    "unit": o.unit or "",
                    "value": _num(o.value),
                    "ci_lower": _num(o.ci[0]) if o.ci else "",
                    "ci_upper": _num(o.ci[1]) if o.ci else "",
                    "p_value": _num(o.p),
                    "ni": _num(ni),
                    "xi": "",
                    "measure": es["measure"],
                    "yi": _num(es["yi"]),
                    "sei": _num(es["sei"]),
                    "vi": _num(es["vi"]),
                    "vi_source": es["vi_source"],
                    "evidence": " ".join((o.evidence or "").split()),
                    "page": _num(o.page),
                }
            )
    return out


def to_csv(c: Comparison) -> str:
    """The long CSV text."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows(c))
    return buf.getvalue()


def export(
    store: KGStore,
    path: str | os.PathLike[str],
    fmt: str = "meta-analysis",
    filters: Filters | None = None,
    curation: Any = None,
    reviewed_only: bool = False,
) -> str:
    """Write the meta-analysis CSV of the store's studies (optionally filtered;
    with a `curation`, reviewers' corrections applied and rejected facts left
    out; `reviewed_only`: confirmed, corrected and added facts only); returns
    a one-line summary. Called like `litkg.kg.export.export`."""
    if fmt != "meta-analysis":
        raise ValueError(f"unknown format {fmt!r} (meta-analysis)")
    from litkg.extractor.batch import atomic_path

    c = compare(store, filters, curation, reviewed_only)
    data = rows(c)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(data)
    shared = len({r["trial_id"] for r in data if r["shared_trial"] == "1"})
    return (
        f"wrote meta-analysis CSV to {path}: {len(data)} rows from {len(c.studies)} studies"
        f" ({shared} trials reported by several papers)"
    )

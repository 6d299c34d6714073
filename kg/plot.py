"""`litkg plot --endpoint OS -o plot`: a forest-style dot plot of one endpoint.

One row per study x arm x timepoint x statistic reporting the endpoint: the
value as a dot, its 95% CI as a line when printed (no line when the paper gives
none: nothing is imputed), labelled with the study, arm and timepoint. Rates,
medians and ratios are drawn in separate panels (their scales differ; ratios
on a log axis with a line at 1); rates at a timepoint apart from rates the
paper gives without one. Rows are labelled by study citation, each study keeps
one colour (from its IRI) named in a legend, every axis says its unit, and an
editorial's quoted results are left out (they are the discussed study's).
Written as PNG and SVG with matplotlib's Agg backend (no display needed).
"""

from __future__ import annotations

import os
from pathlib import Path

from litkg.kg.compare import (
    Comparison,
    Filters,
    OutcomeInfo,
    StudyEntry,
    compare,
    matching_studies,
)
from litkg.kg.queries import fmt_num
from litkg.kg.store import KGStore

PANELS = (
    ("rate", "rate at a timepoint"),
    ("rate_undated", "rate, no timepoint given"),
    ("median", "median"),
    ("ratio", "ratio"),
)

#: Colours by study: a study keeps its colour whatever else is plotted.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39",
           "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363")  # fmt: skip


def study_colours(all_studies: list[str]) -> dict[str, str]:
    """A colour per study of the store, by its place among all the store's
    studies (sorted IRIs): the same in every plot of the store, whatever the
    filters keep, and distinct for up to 20 studies."""
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sorted(all_studies))}


def _panel(o: OutcomeInfo) -> str:
    if o.statistic == "rate":
        return "rate" if o.timepoint_months is not None else "rate_undated"
    if o.statistic == "median":
        return "median"
    return "ratio"


def own_result(o: OutcomeInfo) -> bool:
    """Whether a result is the study's own (not one an editorial quotes from
    the study it discusses, which would be drawn twice, or as another's)."""
    return o.attribution != "discussed study"


def plot_rows(c: Comparison) -> dict[str, list[tuple[str, OutcomeInfo, StudyEntry]]]:
    """(label, outcome, study) per panel, in study and timepoint order; rows are
    labelled by the study's citation, arm and timepoint."""
    out: dict[str, list[tuple[str, OutcomeInfo, StudyEntry]]] = {p: [] for p, _ in PANELS}
    for e in c.studies:
        for o in sorted(e.outcomes, key=lambda o: (o.timepoint_months or 0, o.arm or "")):
            if not own_result(o):
                continue
            when = f", {fmt_num(o.timepoint_months)} mo" if o.timepoint_months is not None else ""
            stat = "" if o.statistic in ("rate", "median") else f" {o.statistic.upper()}"
            label = f"{e.name} - {o.arm or o.attribution or 'arm not stated'}{when}{stat}"
            out[_panel(o)].append((label, o, e))
    return out


def _axis_label(p: str, items: list[tuple[str, OutcomeInfo, StudyEntry]]) -> str:
    """The x-axis label with its unit: "%", the medians' time unit, the ratio kinds."""
    if p in ("rate", "rate_undated"):
        return "patients (%)"
    if p == "median":
        units = sorted({o.unit for _, o, _ in items if o.unit})
        return "median (" + (", ".join(units) if units else "unit not stated") + ")"
    kinds = sorted({o.statistic.upper() for _, o, _ in items})
    return " / ".join(kinds) + " (log scale; < 1 favours the first arm)"


def plot(
    store: KGStore,
    endpoint: str,
    output: str | os.PathLike[str],
    filters: Filters | None = None,
) -> list[Path]:
    """Draw the endpoint's values with 95% CIs per study and arm; write
    `<output>.png` and `<output>.svg` (a suffix on `output` is replaced).
    Returns the files written; ValueError when no study reports the endpoint."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    f = filters or Filters()
    c = compare(store, Filters(endpoint, f.timepoint, f.drug, f.design, f.paper))
    colours = study_colours(matching_studies(store, Filters()))

    def study_colour(iri: str) -> str:
        return colours.get(iri, PALETTE[0])

    rows = plot_rows(c)
    panels = [(p, title) for p, title in PANELS if rows[p]]
    if not panels:
        raise ValueError(f"no study reports endpoint {endpoint!r}")
    heights = [max(1.2, 0.32 * len(rows[p]) + 0.9) for p, _ in panels]
    label_len = max(len(lbl) for p, _ in panels for lbl, _, _ in rows[p])
    shown = [e for e in c.studies if any(e is x for p, _ in panels for _, _, x in rows[p])]
    legend_h = 0.3 + 0.22 * len(shown)
    fig, axes = plt.subplots(
        len(panels), 1, figsize=(6 + 0.065 * label_len, sum(heights) + 0.6 + legend_h),
        gridspec_kw={"height_ratios": heights}, squeeze=False,
    )  # fmt: skip
    for ax, (p, title) in zip(axes[:, 0], panels, strict=True):
        items = rows[p]
        ys = list(range(len(items)))[::-1]
        for y, (_, o, e) in zip(ys, items, strict=True):
            colour = study_colour(e.study)
            if o.ci:
                ax.plot([o.ci[0], o.ci[1]], [y, y], color=colour, lw=1.6, solid_capstyle="butt")
                ax.plot([o.ci[0], o.ci[1]], [y, y], "|", color=colour, ms=7)
            marker = "D" if o.statistic in ("hr", "sdhr", "or") else "o"
            ax.plot([o.value], [y], marker, color=colour, ms=6)
            text = fmt_num(o.value) + (f" ({fmt_num(o.ci[0])}-{fmt_num(o.ci[1])})" if o.ci else "")
            ax.annotate(text, (o.value, y), xytext=(4, 5), textcoords="offset points", fontsize=7)
        ax.set_yticks(ys)
        ax.set_yticklabels([lbl for lbl, _, _ in items], fontsize=8)
        ax.set_ylim(-0.8, len(items) - 0.2)
        ax.set_title(f"{endpoint.upper()}: {title}", fontsize=9, loc="left")
        ax.set_xlabel(_axis_label(p, items), fontsize=8)
        ax.grid(axis="x", alpha=0.3)
        if p == "ratio":
            from matplotlib.ticker import FormatStrFormatter

            ax.set_xscale("log")
            ax.axvline(1, color="#555", lw=0.8, ls="--")
            ax.xaxis.set_major_formatter(FormatStrFormatter("%g"))
            ax.xaxis.set_minor_formatter(FormatStrFormatter("%g"))
            ax.tick_params(axis="x", which="minor", labelsize=6)
        elif p == "median":
            ax.set_xlim(left=0, right=max(o.value for _, o, _ in items) * 1.25)
        elif p in ("rate", "rate_undated"):
            ax.set_xlim(0, 118)
            ax.set_xticks([0, 20, 40, 60, 80, 100])
    handles = [Line2D([], [], marker="o", ls="", color=study_colour(e.study), label=e.name)
               for e in shown]  # fmt: skip
    fig.legend(handles=handles, loc="lower center", ncol=1, fontsize=8, frameon=False,
               title="study", title_fontsize=8)  # fmt: skip
    fig.suptitle(f"{endpoint.upper()} across studies (95% CI where printed)", fontsize=10)
    fig.tight_layout(rect=(0, legend_h / (sum(heights) + 0.6 + legend_h), 1, 1))
    base = Path(output)
    if base.suffix.lower() in (".png", ".svg"):
        base = base.with_suffix("")
    base.parent.mkdir(parents=True, exist_ok=True)
    from litkg.extractor.batch import atomic_path

    written = []
    try:
        for ext in ("png", "svg"):
            path = base.with_name(base.name + "." + ext)
            with atomic_path(path) as tmp:
                fig.savefig(
                    tmp, format=ext, dpi=150 if ext == "png" else None, metadata=_metadata(ext)
                )
            written.append(path)
    finally:
        plt.close(fig)
    return written


def _metadata(ext: str) -> dict[str, str | None]:
    # reproducible files: no creation date (SVG) / software-only PNG metadata
    return {"Date": None} if ext == "svg" else {"Software": "litkg"}

"""`litkg plot --endpoint OS -o plot`: a forest-style dot plot of one endpoint.

One row per study x arm x timepoint x statistic reporting the endpoint: the
value as a dot, its 95% CI as a line when printed (no line when the paper gives
none: nothing is imputed), labelled with the study, arm and timepoint. Rates,
medians and ratios are drawn in separate panels (their scales differ; ratios
on a log axis with a line at 1). Written as PNG and SVG with matplotlib's Agg
backend (no display needed).
"""

from __future__ import annotations

import os
from pathlib import Path

from litkg.kg.compare import Comparison, Filters, OutcomeInfo, StudyEntry, compare
from litkg.kg.queries import fmt_num
from litkg.kg.store import KGStore

PANELS = (("rate", "rate (%)"), ("median", "median"), ("ratio", "ratio (log scale)"))


def _panel(o: OutcomeInfo) -> str:
    if o.statistic == "rate":
        return "rate"
    if o.statistic == "median":
        return "median"
    return "ratio"


def plot_rows(c: Comparison) -> dict[str, list[tuple[str, OutcomeInfo, StudyEntry]]]:
    """(label, outcome, study) per panel, in study and timepoint order."""
    out: dict[str, list[tuple[str, OutcomeInfo, StudyEntry]]] = {p: [] for p, _ in PANELS}
    for e in c.studies:
        for o in sorted(e.outcomes, key=lambda o: (o.timepoint_months or 0, o.arm or "")):
            when = f", {fmt_num(o.timepoint_months)} mo" if o.timepoint_months is not None else ""
            stat = "" if o.statistic in ("rate", "median") else f" {o.statistic.upper()}"
            label = f"{e.name} - {o.arm or o.attribution or 'arm not stated'}{when}{stat}"
            out[_panel(o)].append((label, o, e))
    return out


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

    f = filters or Filters()
    c = compare(store, Filters(endpoint, f.timepoint, f.drug, f.design, f.paper))
    rows = plot_rows(c)
    panels = [(p, title) for p, title in PANELS if rows[p]]
    if not panels:
        raise ValueError(f"no study reports endpoint {endpoint!r}")
    heights = [max(1.2, 0.32 * len(rows[p]) + 0.8) for p, _ in panels]
    label_len = max(len(lbl) for p, _ in panels for lbl, _, _ in rows[p])
    fig, axes = plt.subplots(
        len(panels), 1, figsize=(6 + 0.065 * label_len, sum(heights) + 0.6),
        gridspec_kw={"height_ratios": heights}, squeeze=False,
    )  # fmt: skip
    studies = sorted({e.study for e in c.studies})
    colours = plt.get_cmap("tab10")
    for ax, (p, title) in zip(axes[:, 0], panels, strict=True):
        items = rows[p]
        ys = list(range(len(items)))[::-1]
        for y, (_, o, e) in zip(ys, items, strict=True):
            colour = colours(studies.index(e.study) % 10)
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
        ax.grid(axis="x", alpha=0.3)
        if p == "ratio":
            from matplotlib.ticker import FormatStrFormatter

            ax.set_xscale("log")
            ax.axvline(1, color="#555", lw=0.8, ls="--")
            ax.xaxis.set_major_formatter(FormatStrFormatter("%g"))
            ax.xaxis.set_minor_formatter(FormatStrFormatter("%g"))
            ax.tick_params(axis="x", which="minor", labelsize=6)
        elif p == "rate":
            ax.set_xlim(0, 118)
            ax.set_xticks([0, 20, 40, 60, 80, 100])
    fig.suptitle(f"{endpoint.upper()} across studies (95% CI where printed)", fontsize=10)
    fig.tight_layout()
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

"""Train litkg effect's ranker and classifier on the Evidence Inference
TRAIN split only.

    python -m litkg.extractor.effect.train [--data ../shared/pmc-rct]

The ranker (`ranker.json`) weighs the retrieval features so that the units
overlapping an annotator's evidence quote come first (a softmax over each
prompt's units). The classifier (`model.json`) learns from the annotators'
quotes with their labels and from the unit the ranker puts first for each
prompt with the prompt's majority label (so it also sees evidence as litkg
finds it). Both start from fixed weights and train full-batch: the same data
give the same files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from litkg.extractor.effect.answer import MODEL_PATH, Paper
from litkg.extractor.effect.cues import arm_stems, features, read, read_table_row
from litkg.extractor.effect.dataset import Prompt, load, normalise_label, overlaps
from litkg.extractor.effect.model import LABELS, Model, train
from litkg.extractor.effect.retrieve import (
    DEFAULT_WEIGHTS,
    FEATURES,
    RANKER_PATH,
    make_query,
    unit_features,
)
from litkg.extractor.ingest import load_document


def fit_ranker(
    items: list[tuple[np.ndarray, np.ndarray]], *, epochs: int = 400, l2: float = 0.01
) -> np.ndarray:
    """Weights maximising the softmax share of each prompt's positive units."""
    w = np.array([DEFAULT_WEIGHTS.get(f, 0.0) for f in FEATURES])
    m, v = np.zeros_like(w), np.zeros_like(w)
    items = [(x, y) for x, y in items if y.sum() > 0]
    for t in range(1, epochs + 1):
        g = np.zeros_like(w)
        for x, y in items:
            z = x @ w
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            g += x.T @ (p - y / y.sum())
        g = g / len(items) + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def _papers(data: Path, prompts: list[Prompt]) -> dict[str, Paper]:
    out: dict[str, Paper] = {}
    for p in prompts:
        path = data / "labelled" / f"PMC{p.pmcid}.nxml"
        if p.pmcid not in out and path.exists():
            out[p.pmcid] = Paper.of(load_document(path))
    return out


def fit(data: Path) -> tuple[np.ndarray, Model]:
    """The ranker's weights and the classifier, from the train split."""
    prompts = load(data / "evidence-inference", "train")
    return fit_prompts(prompts, _papers(data, prompts))


def fit_prompts(prompts: list[Prompt], papers: dict[str, Paper]) -> tuple[np.ndarray, Model]:
    """The ranker's weights and the classifier, from these prompts and papers."""
    queries = {}
    items = []
    for p in prompts:
        paper = papers.get(p.pmcid)
        if not paper or not paper.units:
            continue
        q = make_query(p.outcome, p.intervention, p.comparator, paper.abbrs)
        x = unit_features(paper.units, q, paper.abbrs)
        y = np.array([any(overlaps(u.text, qt) for qt in p.quotes) for u in paper.units], float)
        queries[p.prompt_id] = (q, x)
        items.append((x, y))
    w = fit_ranker(items)
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    for p in prompts:
        paper = papers.get(p.pmcid)
        abbrs = paper.abbrs if paper else {}
        i_s, c_s = arm_stems(p.intervention, p.comparator, abbrs)
        q = make_query(p.outcome, p.intervention, p.comparator, abbrs)
        o_s = set(q.outcome)
        for a in p.answers:
            if a.get("Valid Label") == "True" and a.get("Annotations", "").strip():
                xs.append(features(read(a["Annotations"], i_s, c_s, o_s)))
                ys.append(LABELS.index(normalise_label(a["Label"])))
        if p.prompt_id in queries and p.gold:
            s = queries[p.prompt_id][1] @ w
            best = paper.units[int(np.argmax(s))]
            reading = read(best.text, i_s, c_s, o_s)
            if best.is_table:
                read_table_row(reading, best.header, best.cells, i_s, c_s)
            xs.append(features(reading))
            ys.append(LABELS.index(p.gold))
    return w, train(xs, ys, min_count=2, l2=3.0, epochs=300)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/pmc-rct"))
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--ranker", type=Path, default=RANKER_PATH)
    args = ap.parse_args(argv)
    if not (args.data / "evidence-inference" / "prompts.csv").exists():
        print(f"{args.data}: no evidence-inference/prompts.csv there", file=sys.stderr)
        return 2
    w, model = fit(args.data)
    ranker = {f: round(float(x), 4) for f, x in zip(FEATURES, w, strict=True)}
    args.ranker.write_text(json.dumps(ranker, indent=1) + "\n", encoding="utf-8")
    model.save(args.model)
    print(f"{args.ranker}, {args.model}: {len(model.vocab)} features", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

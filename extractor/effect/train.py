"""Train litkg effect's ranker and classifier on the Evidence Inference
TRAIN split only.

    python -m litkg.extractor.effect.train [--data ../shared/pmc-rct] [--cv 5]

The ranker (`ranker.json`) weighs the retrieval features so that the units
overlapping an annotator's evidence quote come first (a softmax over each
prompt's units). The classifier (`model.json`) learns from the annotators'
quotes with their labels and from the units the ranker puts first for each
prompt with the prompt's majority label (so it also sees evidence as litkg
finds it). Both start from fixed weights and train full-batch: the same data
give the same files. `--cv K` instead reports K-fold cross-validation inside
the train split (folds by article), writing nothing."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from litkg.extractor.effect.answer import (
    MODEL_PATH,
    Answer,
    Paper,
    answer_ranked,
    evidence_features,
)
from litkg.extractor.effect.dataset import Prompt, load, normalise_label, overlaps
from litkg.extractor.effect.model import LABELS, Model, train
from litkg.extractor.effect.retrieve import (
    DEFAULT_WEIGHTS,
    FEATURES,
    RANKER_PATH,
    Query,
    make_query,
    unit_features,
)
from litkg.extractor.ingest import load_document

# How many of the ranker's first units each training prompt contributes.
TRAIN_TOP = 2


@dataclass
class Item:
    """One training prompt with its paper's units' retrieval features."""

    prompt: Prompt
    paper: Paper
    query: Query
    x: np.ndarray  # (units, FEATURES)
    y: np.ndarray  # 1 where the unit overlaps an annotator's quote


def fit_ranker(items: list[Item], *, epochs: int = 400, l2: float = 0.01) -> np.ndarray:
    """Weights maximising the softmax share of each prompt's positive units
    (all prompts' units stacked, one softmax per prompt)."""
    w = np.array([DEFAULT_WEIGHTS.get(f, 0.0) for f in FEATURES])
    items = [it for it in items if it.y.sum() > 0]
    if not items:
        return w
    x = np.vstack([it.x for it in items])
    sizes = np.array([len(it.y) for it in items])
    heads = np.r_[0, np.cumsum(sizes)[:-1]]
    seg = np.repeat(np.arange(len(items)), sizes)
    target = np.concatenate([it.y / it.y.sum() for it in items])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, epochs + 1):
        z = x @ w
        z -= np.maximum.reduceat(z, heads)[seg]
        p = np.exp(z)
        p /= np.add.reduceat(p, heads)[seg]
        g = x.T @ (p - target) / len(items) + l2 * w
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


def prepare(prompts: list[Prompt], papers: dict[str, Paper]) -> list[Item]:
    """The prompts whose paper has units, with their retrieval features."""
    items = []
    for p in prompts:
        paper = papers.get(p.pmcid)
        if not paper or not paper.units or not p.gold:
            continue
        q = make_query(p.outcome, p.intervention, p.comparator, paper.abbrs)
        x = unit_features(paper.units, q, paper.abbrs)
        y = np.array([any(overlaps(u.text, qt) for qt in p.quotes) for u in paper.units], float)
        items.append(Item(p, paper, q, x, y))
    return items


def fit_items(items: list[Item]) -> tuple[np.ndarray, Model]:
    """The ranker's weights and the classifier, from these prompts."""
    w = fit_ranker(items)
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    for it in items:
        p, paper = it.prompt, it.paper
        for a in p.answers:
            if a.get("Valid Label") == "True" and a.get("Annotations", "").strip():
                feats = evidence_features(paper, p.intervention, p.comparator, p.outcome, quote=a)
                xs.append(feats)
                ys.append(LABELS.index(normalise_label(a["Label"])))
        s = it.x @ w
        for j in np.argsort(-s, kind="stable")[:TRAIN_TOP]:
            u = paper.units[int(j)]
            xs.append(evidence_features(paper, p.intervention, p.comparator, p.outcome, unit=u))
            ys.append(LABELS.index(p.gold))
    return w, train(xs, ys, min_count=2, l2=100.0, epochs=300)


def fold_of(pmcid: str, k: int) -> int:
    """The article's fold: a hash of its id, so folds do not depend on order."""
    return int(hashlib.md5(pmcid.encode()).hexdigest(), 16) % k


def cross_validate(items: list[Item], k: int) -> list[tuple[Prompt, Answer]]:
    """Each prompt answered by the model fitted on the other folds' articles."""
    out = []
    for f in range(k):
        w, model = fit_items([it for it in items if fold_of(it.prompt.pmcid, k) != f])
        for it in items:
            if fold_of(it.prompt.pmcid, k) == f:
                p = it.prompt
                terms = (p.intervention, p.comparator, p.outcome)
                out.append((p, answer_ranked(it.paper, terms, it.x, it.x @ w, model)))
    return out


def fit(data: Path) -> tuple[np.ndarray, Model]:
    """The ranker's weights and the classifier, from the train split."""
    prompts = load(data / "evidence-inference", "train")
    return fit_items(prepare(prompts, _papers(data, prompts)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/pmc-rct"))
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--ranker", type=Path, default=RANKER_PATH)
    ap.add_argument("--cv", type=int, default=0, help="report K-fold CV on train, write nothing")
    args = ap.parse_args(argv)
    if not (args.data / "evidence-inference" / "prompts.csv").exists():
        print(f"{args.data}: no evidence-inference/prompts.csv there", file=sys.stderr)
        return 2
    if args.cv:
        from litkg.extractor.effect.scoring import report

        prompts = load(args.data / "evidence-inference", "train")
        results = cross_validate(prepare(prompts, _papers(args.data, prompts)), args.cv)
        print(f"{args.cv}-fold cross-validation inside the train split")
        print(report(results))
        return 0
    w, model = fit(args.data)
    ranker = {f: round(float(x), 4) for f, x in zip(FEATURES, w, strict=True)}
    args.ranker.write_text(json.dumps(ranker, indent=1) + "\n", encoding="utf-8")
    model.save(args.model)
    print(f"{args.ranker}, {args.model}: {len(model.vocab)} features", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

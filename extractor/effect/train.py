"""Train the effect classifier on the Evidence Inference TRAIN split only.

    python -m litkg.extractor.effect.train [--data ../shared/pmc-rct] [-o model.json]

Examples are the annotators' evidence quotes with their labels, and the
sentence or table row litkg's retrieval picks for each training prompt with
the prompt's majority label (so the classifier also sees evidence as litkg
finds it). Training starts from zero weights and runs full-batch: the same
data give the same model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from litkg.extractor.effect.answer import MODEL_PATH, Paper
from litkg.extractor.effect.cues import arm_stems, features, read
from litkg.extractor.effect.dataset import load, normalise_label
from litkg.extractor.effect.model import LABELS, Model, train
from litkg.extractor.effect.retrieve import make_query, rank
from litkg.extractor.ingest import load_document


def training_examples(data: Path) -> tuple[list[dict[str, float]], list[int]]:
    """Features and label indices of the training split's examples."""
    prompts = load(data / "evidence-inference", "train")
    papers: dict[str, Paper | None] = {}
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    for p in prompts:
        if p.pmcid not in papers:
            path = data / "labelled" / f"PMC{p.pmcid}.nxml"
            papers[p.pmcid] = Paper.of(load_document(path)) if path.exists() else None
        paper = papers[p.pmcid]
        abbrs = paper.abbrs if paper else {}
        i_s, c_s = arm_stems(p.intervention, p.comparator, abbrs)
        query = make_query(p.outcome, p.intervention, p.comparator, abbrs)
        o_s = set(query.outcome)
        for a in p.answers:
            if a.get("Valid Label") == "True" and a.get("Annotations", "").strip():
                xs.append(features(read(a["Annotations"], i_s, c_s, o_s)))
                ys.append(LABELS.index(normalise_label(a["Label"])))
        if paper and paper.units and p.gold:
            best = rank(paper.units, query, abbrs)[0].unit
            xs.append(features(read(best.text, i_s, c_s, o_s)))
            ys.append(LABELS.index(p.gold))
    return xs, ys


def fit(data: Path) -> Model:
    xs, ys = training_examples(data)
    return train(xs, ys, min_count=2, l2=3.0, epochs=300)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/pmc-rct"))
    ap.add_argument("-o", "--output", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    if not (args.data / "evidence-inference" / "prompts.csv").exists():
        print(f"{args.data}: no evidence-inference/prompts.csv there", file=sys.stderr)
        return 2
    model = fit(args.data)
    model.save(args.output)
    print(f"{args.output}: {len(model.vocab)} features", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""litkg effect on the Evidence Inference prompts: macro-F1, accuracy,
per-class precision/recall, coverage, and how often litkg's evidence
overlaps an annotator's quote.

    .venv/bin/python bench/evidence_inference.py --split validation [--examples 10 --seed 0]

Gold label per prompt = the annotators' majority. Unanswered prompts count
as wrong for macro-F1 and accuracy. Develop on `train`, report on
`validation`."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from litkg.extractor.document import IngestError
from litkg.extractor.effect.answer import Answer, Paper, answer
from litkg.extractor.effect.dataset import Prompt, load, overlaps
from litkg.extractor.effect.model import LABELS
from litkg.extractor.ingest import load_document


def scores(gold: list[str], pred: list[str | None]) -> dict[str, object]:
    """Per-class precision/recall/F1, macro-F1, accuracy, coverage."""
    per = {}
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per[lab] = (pr, rc, f1, tp + fn)
    n = len(gold)
    return {
        "per_class": per,
        "macro_f1": sum(v[2] for v in per.values()) / len(per),
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / n if n else 0.0,
        "coverage": sum(p is not None for p in pred) / n if n else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["train", "validation"], default="validation")
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "pmc-rct"
    )
    ap.add_argument("--examples", type=int, default=0, help="print N random answers")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    folder = args.data / "evidence-inference"
    if not (folder / "prompts.csv").exists():
        print(f"{folder}: not found (the shared Evidence Inference folder)", file=sys.stderr)
        return 2
    prompts = load(folder, args.split)
    papers: dict[str, Paper | None] = {}
    results: list[tuple[Prompt, Answer | None]] = []
    t0 = time.perf_counter()
    for p in prompts:
        if p.pmcid not in papers:
            try:
                doc = load_document(args.data / "labelled" / f"PMC{p.pmcid}.nxml")
                papers[p.pmcid] = Paper.of(doc)
            except IngestError as e:
                print(f"unreadable: {e}", file=sys.stderr)
                papers[p.pmcid] = None
        paper = papers[p.pmcid]
        a = answer(paper, p.intervention, p.comparator, p.outcome) if paper else None
        results.append((p, a))
    elapsed = time.perf_counter() - t0
    gold = [p.gold or "" for p, _ in results]
    pred = [a.label if a else None for _, a in results]
    s = scores(gold, pred)
    answered = [(p, a) for p, a in results if a and a.label]
    hit = sum(any(overlaps(a.evidence, q) for q in p.quotes) for p, a in answered)
    print(f"split {args.split}: {len(prompts)} prompts, {len(papers)} papers, {elapsed:.0f} s")
    print(f"{'class':<28}{'precision':>10}{'recall':>8}{'F1':>7}{'gold n':>8}")
    for lab, (pr, rc, f1, n) in s["per_class"].items():  # type: ignore[union-attr]
        print(f"{lab:<28}{pr:>10.3f}{rc:>8.3f}{f1:>7.3f}{n:>8}")
    print(
        f"macro-F1 {s['macro_f1']:.3f}  accuracy {s['accuracy']:.3f}  coverage {s['coverage']:.3f}"
    )
    print(f"evidence overlaps an annotator's quote: {hit / max(len(answered), 1):.3f}")
    if args.examples:
        rng = random.Random(args.seed)
        for p, a in rng.sample(results, min(args.examples, len(results))):
            mark = "RIGHT" if a and a.label == p.gold else "WRONG"
            print(f"\n[{mark}] prompt {p.prompt_id} PMC{p.pmcid}: {p.outcome!r}, "
                  f"{p.intervention!r} vs {p.comparator!r}")  # fmt: skip
            print(f"  gold: {p.gold}; litkg: {a.label if a else None}")
            if a and a.label:
                print(f"  evidence ({a.part}): {a.evidence[:400]}")
                print(f"  numbers: {a.numbers}")
                print("  cues: " + "; ".join(f"{k} {w:+.2f}" for k, w in a.reasons[:4]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

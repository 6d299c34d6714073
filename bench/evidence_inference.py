"""litkg effect on the Evidence Inference prompts: macro-F1, accuracy,
per-class precision/recall, coverage, and how often litkg's evidence
overlaps an annotator's quote.

    .venv/bin/python bench/evidence_inference.py --split validation [--examples 10 --seed 0]

Gold label per prompt = the annotators' majority. Unanswered prompts count
as wrong for macro-F1 and accuracy. Develop on `train`, report on
`validation`. Each paper is extracted as `litkg effect` does, so that an
answer is cross-checked against the paper's extracted outcomes (`--records
DIR` reads saved records instead; `--no-graph` skips them)."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from litkg.extractor.document import IngestError
from litkg.extractor.effect.answer import Answer, Paper, answer
from litkg.extractor.effect.dataset import Prompt, load
from litkg.extractor.effect.scoring import report
from litkg.extractor.ingest import load_document
from litkg.kg.records_io import load_record


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["train", "validation"], default="validation")
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "pmc-rct"
    )
    ap.add_argument("--examples", type=int, default=0, help="print N random answers")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--records",
        type=Path,
        help="a folder of the papers' records (litkg extract --format record -o DIR, or a "
        "build's out/records): read instead of extracting each paper",
    )
    ap.add_argument(
        "--no-graph",
        action="store_true",
        help="do not extract the papers' records (no cross-check against their outcomes)",
    )
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
                saved = args.records / f"PMC{p.pmcid}.json" if args.records else None
                if args.no_graph:
                    papers[p.pmcid] = Paper.of(doc)
                elif saved and saved.exists():
                    papers[p.pmcid] = Paper.of(doc, load_record(saved, doc.text))
                else:
                    papers[p.pmcid] = Paper.extracted(doc)
            except IngestError as e:
                print(f"unreadable: {e}", file=sys.stderr)
                papers[p.pmcid] = None
        paper = papers[p.pmcid]
        a = answer(paper, p.intervention, p.comparator, p.outcome) if paper else None
        results.append((p, a))
    elapsed = time.perf_counter() - t0
    print(f"split {args.split}: {len(prompts)} prompts, {len(papers)} papers, {elapsed:.0f} s")
    print(report(results))
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
                if a.graph:
                    g = a.graph
                    print(f"  graph: {g['outcome']!r} {g['statistic']} intervention "
                          f"{g['intervention value']:g} vs comparator {g['comparator value']:g}, "
                          f"p {g['p']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

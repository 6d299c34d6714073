"""Scores of effect answers against the annotators' majority labels:
per-class precision/recall/F1, macro-F1, accuracy, coverage and evidence
overlap (for `bench/evidence_inference.py` and the trainer's `--cv`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from litkg.extractor.effect.dataset import Prompt, overlaps
from litkg.extractor.effect.model import LABELS


def scores(gold: Sequence[str], pred: Sequence[str | None]) -> dict[str, Any]:
    """Per-class precision/recall/F1, macro-F1, accuracy, coverage
    (unanswered prompts count as wrong)."""
    per = {}
    pairs = list(zip(gold, pred, strict=True))
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in pairs)
        fp = sum(g != lab and p == lab for g, p in pairs)
        fn = sum(g == lab and p != lab for g, p in pairs)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per[lab] = (pr, rc, f1, tp + fn)
    n = len(pairs)
    return {
        "per_class": per,
        "macro_f1": sum(v[2] for v in per.values()) / len(per),
        "accuracy": sum(g == p for g, p in pairs) / n if n else 0.0,
        "coverage": sum(p is not None for p in pred) / n if n else 0.0,
    }


def report(results: Sequence[tuple[Prompt, Any]]) -> str:
    """The score table of (prompt, answer or None) pairs, as printed."""
    gold = [p.gold or "" for p, _ in results]
    pred = [a.label if a else None for _, a in results]
    s = scores(gold, pred)
    answered = [(p, a) for p, a in results if a and a.label]
    hit = sum(any(overlaps(a.evidence, q) for q in p.quotes) for p, a in answered)
    lines = [f"{'class':<28}{'precision':>10}{'recall':>8}{'F1':>7}{'gold n':>8}"]
    for lab, (pr, rc, f1, n) in s["per_class"].items():
        lines.append(f"{lab:<28}{pr:>10.3f}{rc:>8.3f}{f1:>7.3f}{n:>8}")
    lines.append(
        f"macro-F1 {s['macro_f1']:.3f}  accuracy {s['accuracy']:.3f}  coverage {s['coverage']:.3f}"
    )
    lines.append(f"evidence overlaps an annotator's quote: {hit / max(len(answered), 1):.3f}")
    return "\n".join(lines)

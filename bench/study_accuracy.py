"""Study-field and intervention accuracy of the study/intervention components on the seeds.

usage: python bench/study_accuracy.py [TEXT_DIR] [GOLD_DIR] [--verbose]

Builds `Document`s straight from the seed texts (no reader), runs
`extract_study` and `extract_interventions`, and compares them with the gold
records the way `eval/score.py` does: per-field accuracy (title: token overlap
>= 0.9; doi/journal/year/article_type/phase exact after folding),
registrations/design set F1, interventions set F1 on (drug, dose, unit).
Prints one block per seed and the overall figures.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from scoring import compact, fold  # bench/ is on sys.path when run as a script

from litkg.extractor.components.interventions import extract_interventions
from litkg.extractor.components.study import extract_study
from litkg.extractor.components.textutil import split_sentences
from litkg.extractor.document import Document

REPO = Path(__file__).resolve().parents[1]
SCALARS = ["title", "doi", "journal", "year", "article_type", "phase"]
SETS = ["registrations", "design"]


def title_same(g: object, p: object) -> bool:
    """Token overlap >= 0.9 of the larger token set."""
    gt = set(re.findall(r"[a-z0-9]+", fold(g)))
    pt = set(re.findall(r"[a-z0-9]+", fold(p)))
    if not gt:
        return not pt
    return len(gt & pt) / max(len(gt), len(pt)) >= 0.9


def scalar_ok(field: str, g: object, p: object) -> bool:
    """score.py's comparison of one scalar study field."""
    if field == "title":
        return title_same(g, p)
    if field == "doi":
        return fold(g).removeprefix("https://doi.org/") == fold(p).removeprefix("https://doi.org/")
    if field == "journal":
        return compact(g) == compact(p)
    return fold(g) == fold(p)


def num(x: object) -> float | None:
    """A float, or None."""
    try:
        return None if x is None else float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


class Tally:
    """tp / predicted / gold counts with P, R, F1."""

    def __init__(self) -> None:
        self.tp = self.pred = self.gold = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def f1(self) -> float:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)
        return 2 * p * r / (p + r) if p + r else 0.0


def multiset_tp(gold: list[tuple], pred: list[tuple]) -> int:
    """Greedy one-to-one matches of equal keys."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p == g:
                used.add(i)
                tp += 1
                break
    return tp


def main(argv: list[str]) -> int:
    """Run the bench and print per-seed and overall figures."""
    args = [a for a in argv if not a.startswith("--")]
    verbose = "--verbose" in argv
    text_dir = Path(args[0]) if args else REPO / "corpus" / "text"
    gold_dir = Path(args[1]) if len(args) > 1 else REPO.parent / "shared" / "eval" / "gold"
    acc = {f: [0, 0] for f in SCALARS}
    sets = {f: Tally() for f in SETS}
    inter = Tally()
    t0 = time.perf_counter()
    for path in sorted(text_dir.glob("*.txt")):
        gpath = gold_dir / f"{path.stem}.json"
        if not gpath.exists():
            continue
        gold = json.loads(gpath.read_text())
        doc = Document(
            doc_id=path.stem, source=str(path), source_format="text", text=path.read_text()
        )
        sents = split_sentences(doc.text)
        study = extract_study(doc, sents)
        ivs = extract_interventions(doc, sents, article_type=study.article_type, title=study.title)
        gs = gold.get("study") or {}
        print(f"== {path.stem}")
        for f in SCALARS:
            p = getattr(study, f)
            ok = scalar_ok(f, gs.get(f), p)
            acc[f][0] += ok
            acc[f][1] += 1
            if verbose or not ok:
                print(
                    f"  {'ok ' if ok else 'BAD'} {f:<13} {p!r}"
                    + ("" if ok else f"  gold={gs.get(f)!r}")
                )
        for f in SETS:
            g = {compact(x) for x in gs.get(f) or []}
            p = {compact(x) for x in getattr(study, f)}
            t = Tally()
            t.add(len(g & p), len(p), len(g))
            sets[f].add(len(g & p), len(p), len(g))
            if verbose or g != p:
                print(
                    f"  F1 {t.f1():.2f} {f:<10} {sorted(getattr(study, f))}  gold={sorted(gs.get(f) or [])}"
                )
        gk = [
            (fold(i.get("drug")), num(i.get("dose")), compact(i.get("unit")))
            for i in gold.get("interventions") or []
        ]
        pk = [(fold(i.drug), num(i.dose), compact(i.unit)) for i in ivs]
        tp = multiset_tp(gk, pk)
        inter.add(tp, len(pk), len(gk))
        t = Tally()
        t.add(tp, len(pk), len(gk))
        if verbose or tp != len(gk) or tp != len(pk):
            print(f"  F1 {t.f1():.2f} interventions {pk}  gold={gk}")
        else:
            print(f"  interventions F1 1.00 ({len(pk)})")
    elapsed = time.perf_counter() - t0
    print("== overall")
    cats = {}
    for f in SCALARS:
        ok, n = acc[f]
        cats[f"study.{f}"] = ok / n if n else 0.0
        print(f"  study.{f:<14} acc {ok / n if n else 0:.3f} ({ok}/{n})")
    for f in SETS:
        cats[f"study.{f}"] = sets[f].f1()
        print(
            f"  study.{f:<14} F1  {sets[f].f1():.3f} (tp {sets[f].tp}, pred {sets[f].pred}, gold {sets[f].gold})"
        )
    cats["interventions"] = inter.f1()
    print(
        f"  interventions        F1  {inter.f1():.3f} (tp {inter.tp}, pred {inter.pred}, gold {inter.gold})"
    )
    print(
        f"  study mean {sum(v for k, v in cats.items() if k.startswith('study')) / (len(cats) - 1):.3f}"
    )
    print(f"  min category {min(cats.values()):.3f}; {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

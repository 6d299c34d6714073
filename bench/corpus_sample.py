"""How many papers of a random sample of the corpus give results, and which kinds.

usage: python bench/corpus_sample.py SOURCE [--n 100] [--seed 0] [--frame all|results]
                                    [--save DIR] [--show N]

SOURCE is `../shared/pmc-rct/all-articles.tar.xz` (read with `tarfile`) or a
folder of the unpacked articles. The sample is
`random.Random(seed).sample(sorted(names), n)` over the articles' file names
(the base names, so a folder and the archive give the same sample).

`--frame results` samples instead from the articles that, by their JATS markup
alone, report results: an `article-type` other than a protocol, correction,
retraction, conference abstract, editorial or letter, and a body section typed
`results` or titled "Results"/"Findings". A protocol or a corrigendum has no
outcome to extract; this frame says how litkg does on the papers that have
some, and it is chosen without looking at what litkg extracts. Each paper
is extracted and the share printed of papers with

- any outcome (keyed or not),
- per-arm values: an outcome with a value for one arm (not `overall`, and
  not a between-arm comparison: a difference, ratio or any entry with a
  comparator is the two arms' contrast, not one arm's value),
- values for two arms: an outcome (one name and time point) with values for
  at least two different arms,
- a comparison: an HR, OR, RR or difference with its CI or p,

then the count of outcomes per statistic, and the papers without any per-arm
value (with their title), to read. `--show N` prints N randomly chosen
per-arm values with their evidence, for a precision spot-check. Develop on
other seeds than the one you report.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

SUFFIXES = (".nxml", ".xml")
COMPARISONS = {"hr", "or", "rr", "sdhr", "difference"}
NO_RESULTS_TYPES = {
    "abstract",
    "correction",
    "editorial",
    "letter",
    "meeting-report",
    "protocol",
    "retraction",
}
_ARTICLE_TYPE = re.compile(rb'<article\b[^>]*\barticle-type="([^"]+)"')
_RESULTS_SECTION = re.compile(
    rb'<sec\b[^>]*\bsec-type="[^"]*results|<sec\b[^>]*>\s*(?:<label>[^<]*</label>\s*)?'
    rb"<title>\s*(?:[0-9.]+\s*)?(?:results?|findings)\b",
    re.IGNORECASE,
)


def reports_results(xml: bytes) -> bool:
    """Whether an article's JATS markup says it reports results (see `--frame`)."""
    kind = _ARTICLE_TYPE.search(xml)
    if kind is not None and kind.group(1).decode().lower() in NO_RESULTS_TYPES:
        return False
    body = xml.find(b"<body")
    return body >= 0 and _RESULTS_SECTION.search(xml, body) is not None


def sample_paths(
    source: Path, n: int, seed: int, tmp: Path, frame: str = "all"
) -> tuple[list[Path], int]:
    """The sampled articles as files (extracted from the archive into `tmp`), and
    the size of the frame they were drawn from."""
    if source.is_dir():
        files = {p.name: p for p in source.rglob("*") if p.suffix.lower() in SUFFIXES}
        if frame == "results":
            files = {k: p for k, p in files.items() if reports_results(p.read_bytes())}
        names = random.Random(seed).sample(sorted(files), min(n, len(files)))
        return [files[name] for name in names], len(files)
    with tarfile.open(source) as tar:
        members = {
            Path(m.name).name: m
            for m in tar.getmembers()
            if m.isfile() and Path(m.name).suffix.lower() in SUFFIXES
        }
        if frame == "results":
            members = {
                k: m
                for k, m in members.items()
                if (data := tar.extractfile(m)) is not None and reports_results(data.read())
            }
        names = random.Random(seed).sample(sorted(members), min(n, len(members)))
        wanted = {members[name].name: name for name in names}
        for member in tar:
            if member.name in wanted:
                data = tar.extractfile(member)
                if data is not None:
                    (tmp / wanted[member.name]).write_bytes(data.read())
    return [tmp / name for name in names], len(members)


def per_arm(outcome: dict) -> bool:
    """An outcome value given for one arm of the trial (a comparison between
    arms is none: its `arm` is only the side of the contrast)."""
    return (
        outcome.get("arm") not in (None, "overall")
        and outcome.get("value") is not None
        and outcome.get("statistic") not in COMPARISONS
        and not outcome.get("comparator")
    )


def two_arms(outcomes: list[dict]) -> bool:
    """Whether one outcome (name or endpoint, time point) has values for two arms."""
    arms: dict[tuple, set[str]] = {}
    for o in outcomes:
        if per_arm(o):
            key = (
                o.get("endpoint") or o.get("name"),
                o.get("timepoint"),
                o.get("timepoint_months"),
            )
            arms.setdefault(key, set()).add(o["arm"])
    return any(len(a) >= 2 for a in arms.values())


def comparison(outcome: dict) -> bool:
    """A between-arm comparison with its CI or p."""
    return outcome.get("statistic") in COMPARISONS and (
        outcome.get("ci") is not None or outcome.get("p") is not None
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("source", type=Path, help="the corpus .tar.xz or a folder of articles")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--frame",
        choices=("all", "results"),
        default="all",
        help="sample all articles, or those whose markup says they report results",
    )
    ap.add_argument("--save", type=Path, help="write each record as DIR/<document>.json")
    ap.add_argument("--show", type=int, default=0, help="print N random per-arm values")
    args = ap.parse_args(argv)

    from litkg.extractor.ingest import load_document
    from litkg.extractor.pipeline import extract_record

    if not args.source.exists():
        print(f"{args.source}: no such file or folder", file=sys.stderr)
        return 2
    records: dict[str, dict] = {}
    failed: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        paths, frame_size = sample_paths(args.source, args.n, args.seed, Path(tmp), args.frame)
        for path in paths:
            try:
                rec = extract_record(load_document(path)).to_record()
            except Exception as exc:  # a bench reports every paper, whatever fails
                failed.append(f"{path.name}: {type(exc).__name__}: {exc}")
                continue
            records[path.stem] = json.loads(json.dumps(rec))
    seconds = time.monotonic() - started
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for stem, rec in records.items():
            (args.save / f"{stem}.json").write_text(json.dumps(rec, indent=1, ensure_ascii=False))

    total = len(records) + len(failed)
    any_ = [s for s, r in records.items() if r["outcomes"]]
    arm = [s for s, r in records.items() if any(per_arm(o) for o in r["outcomes"])]
    both = [s for s, r in records.items() if two_arms(r["outcomes"])]
    comp = [s for s, r in records.items() if any(comparison(o) for o in r["outcomes"])]
    stats: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for rec in records.values():
        for o in rec["outcomes"]:
            stats[str(o.get("statistic"))] += 1
            kinds["keyed" if o.get("endpoint") else "unkeyed"] += 1
    print(
        f"sample: {total} articles (seed {args.seed}) of {frame_size} "
        f"(frame: {args.frame}), {seconds:.0f} s"
    )
    print(f"  with any outcome      {len(any_):4d}  ({len(any_) / max(total, 1):.0%})")
    print(f"  with per-arm values   {len(arm):4d}  ({len(arm) / max(total, 1):.0%})")
    print(f"  with two arms' values {len(both):4d}  ({len(both) / max(total, 1):.0%})")
    print(f"  with a comparison     {len(comp):4d}  ({len(comp) / max(total, 1):.0%})")
    print(f"  outcomes: {sum(kinds.values())} ({kinds['keyed']} keyed, {kinds['unkeyed']} unkeyed)")
    print("  per statistic: " + ", ".join(f"{k} {v}" for k, v in stats.most_common()))
    print("papers without a per-arm value:")
    for stem, rec in sorted(records.items()):
        if stem not in arm:
            title = (rec.get("study") or {}).get("title") or ""
            print(f"  {stem}  ({len(rec['outcomes'])} outcomes)  {title[:90]}")
    for line in failed:
        print(f"  FAILED {line}")
    if args.show:
        values = [(s, o) for s, r in sorted(records.items()) for o in r["outcomes"] if per_arm(o)]
        rng = random.Random(args.seed)
        for stem, o in rng.sample(values, min(args.show, len(values))):
            disp = o.get("dispersion")
            print(
                f"\n{stem} [{o.get('endpoint') or o.get('name')}] arm={o['arm']} "
                f"{o['statistic']}={o['value']} {o.get('unit') or ''} disp={disp} "
                f"ev/tot={o.get('events')}/{o.get('total')} p={o.get('p')} "
                f"tp={o.get('timepoint')}\n    {o.get('evidence')}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

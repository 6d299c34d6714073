"""Fuzz the PDF reader: mutants of six PDFs, each read under a time limit.

    .venv/bin/python bench/fuzz_pdfs.py [--n 150] [--seed 12] [--timeout 60] [--extract]

Takes three PDFs of `corpus/pdf/` and three of `../shared/real-pdfs/`, makes
`--n` mutants (a fixed seed: the same mutants every run) by flipping random
bytes, deleting a random chunk or duplicating one, and reads each in a
supervised worker (`litkg.extractor.workers`) with `--timeout` seconds and
2 GB of memory. Prints how many were read, refused with a clean error, raised
a traceback (a bug), hung (over the limit) or crashed their worker, and names
every mutant of the last three kinds.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def sources() -> list[Path]:
    """The six PDFs: three of the corpus, three real published ones (if present)."""
    corpus = sorted((REPO / "corpus" / "pdf").glob("*.pdf"))[:3]
    real = sorted((SHARED / "real-pdfs").glob("*.pdf"))[:3]
    if len(real) < 3:
        print(f"note: {SHARED / 'real-pdfs'} has {len(real)} PDFs; using corpus PDFs instead")
        real = sorted((REPO / "corpus" / "pdf").glob("*.pdf"))[3 : 6 - len(real)] + real
    return corpus + real


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One mutant of `data` and what was done to it."""
    kind = rng.choice(("flip", "delete", "duplicate"))
    n = len(data)
    if kind == "flip":
        buf = bytearray(data)
        k = rng.randint(1, 64)
        for _ in range(k):
            buf[rng.randrange(n)] ^= rng.randint(1, 255)
        return bytes(buf), f"flip {k} bytes"
    start = rng.randrange(n)
    size = rng.randint(1, max(1, n // 10))
    chunk = data[start : start + size]
    if kind == "delete":
        return data[:start] + data[start + size :], f"delete {len(chunk)} bytes at {start}"
    at = rng.randrange(n)
    return data[:at] + chunk + data[at:], f"duplicate {len(chunk)} bytes of {start} at {at}"


def read(path: str, extract: bool = False) -> tuple[str, str, str]:
    """Read (and with `extract`, extract) one file:
    (path, "ok" | "clean" | "traceback", detail)."""
    from litkg.extractor.document import IngestError
    from litkg.extractor.ingest import load_document

    try:
        doc = load_document(path)
        if extract:
            from litkg.extractor.pipeline import extract_record

            extract_record(doc)
    except IngestError as e:
        return path, "clean", e.reason
    except Exception:
        return path, "traceback", traceback.format_exc(limit=-3)
    return path, "ok", f"{doc.n_pages} pages, {len(doc.text)} chars"


def read_only(path: str) -> tuple[str, str, str]:
    return read(path)


def read_and_extract(path: str) -> tuple[str, str, str]:
    return read(path, extract=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--extract", action="store_true", help="extract records too, not only read")
    args = ap.parse_args()

    from litkg.extractor.batch import Failure
    from litkg.extractor.workers import Limits, WorkerPool

    src = sources()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="litkg-fuzz-"))
    what: dict[str, str] = {}
    for i in range(args.n):
        base = src[i % len(src)]
        data, how = mutate(base.read_bytes(), rng)
        path = tmp / f"{i:03d}_{base.stem[:40]}.pdf"
        path.write_bytes(data)
        what[str(path)] = f"{base.name}: {how}"

    task = read_and_extract if args.extract else read_only
    pool = WorkerPool(args.jobs, task, Limits(memory=2 * 1024**3, timeout=args.timeout))
    counts: Counter[str] = Counter()
    bad: list[str] = []
    t0 = time.perf_counter()
    for res in pool.run(list(what)):
        if isinstance(res, Failure):
            kind = "hang" if res.stage == "timeout" else "crash"
            counts[kind] += 1
            bad.append(f"{kind}: {Path(res.path).name} ({what[res.path]}): {res.message}")
            continue
        path, kind, detail = res
        counts[kind] += 1
        if kind == "traceback":
            bad.append(f"traceback: {Path(path).name} ({what[path]}):\n{detail}")
    seconds = time.perf_counter() - t0
    print(
        f"{args.n} mutants of {len(src)} PDFs (seed {args.seed}, {args.timeout:g} s each) "
        f"in {seconds:.0f} s: {counts['ok']} read, {counts['clean']} clean errors, "
        f"{counts['traceback']} tracebacks, {counts['hang']} hangs, {counts['crash']} crashes"
    )
    for line in bad:
        print("  " + line)
    if bad:
        print(f"mutants kept in {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

"""The build writer's native memory: Oxigraph (RocksDB) stores of N synthetic
paper graphs written as `litkg build` writes them (one DROP + INSERT DATA
transaction per paper, ~445 quads each), with and without reopening the
store every `--reopen` papers (what the build does, see OxigraphStore.reopen).

    .venv/bin/python bench/store_memory.py [--n 4000] [--reopen 500]

Prints the resident memory every 1,000 papers for both ways.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile


def rss_mib() -> int:
    from pathlib import Path

    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return -1


def run(n: int, reopen: int) -> None:
    import pyoxigraph as ox

    folder = tempfile.mkdtemp(prefix="litkg-store-mem-")
    store = ox.Store(folder + "/db")
    for i in range(n):
        g = f"https://doi.org/10.1/p{i}"
        nt = "\n".join(
            f'<{g}#s{j}> <https://w3id.org/litkg/ns#p{j % 20}> "value {i} {j}: a quoted '
            f'sentence of evidence as long as most are" .'
            for j in range(445)
        )
        store.update(f"DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{\n{nt}\n}} }}")
        if reopen and (i + 1) % reopen == 0:
            store.flush()
            del store
            store = ox.Store(folder + "/db")
        if (i + 1) % 1000 == 0:
            print(f"  {i + 1:6d} papers: {rss_mib()} MiB", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--reopen", type=int, default=500)
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        run(args.n, args.child)
        return
    for reopen in (0, args.reopen):
        print("never reopened:" if not reopen else f"reopened every {reopen} papers:")
        cmd = [sys.executable, __file__, "--n", str(args.n), "--child", str(reopen)]
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()

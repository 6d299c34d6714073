#!/usr/bin/env python3
"""`litkg serve`: the time from opening a paper to its facts shown, in a real browser.

usage: python bench/serve_paper.py [FILE] [--runs 3] [--screenshot DIR]

FILE (default: the largest file of ../shared/eval/dev/nxml) is built into a
fresh store in a temporary folder; the server runs on a free loopback port
and Debian's headless Chromium (/usr/bin/chromium, through Playwright) opens
the paper's page. Printed per run: from navigation to the facts listed and
highlighted in the text (the page sets `#facts[data-ready]`), and the
paper's JSON request alone. The first open reads the document again (the
server keeps the last few it read); later opens do not. `--screenshot DIR`
saves the page after the last run. A benchmark: nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
DEV = REPO.parent / "shared" / "eval" / "dev" / "nxml"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--screenshot", type=Path)
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright
    from serve_support import build, running

    src = a.file or max(DEV.glob("*.nxml"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        (inputs / src.name).write_bytes(src.read_bytes())
        t = time.perf_counter()
        build(inputs, Path(tmp) / "out")
        print(f"{src.name}: {src.stat().st_size:,} bytes, built in {time.perf_counter() - t:.1f} s")
        with running(Path(tmp) / "out" / "store") as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url + "/")
            iri = page.request.get(url + "/api/studies").json()[0]["iri"]
            target = url + "/#/paper?iri=" + urllib.parse.quote(iri, safe="")
            shown, api = [], []
            for run in range(a.runs):
                page.goto(url + "/")
                page.wait_for_selector("table.studies")
                t = time.perf_counter()
                page.goto(target)
                page.wait_for_selector("#facts[data-ready]")
                shown.append(time.perf_counter() - t)
                t = time.perf_counter()
                data = page.request.get(url + "/api/paper?iri=" + urllib.parse.quote(iri)).json()
                api.append(time.perf_counter() - t)
                marks = page.locator("#doc-text mark").count()
                print(
                    f"run {run + 1}: facts shown after {shown[-1] * 1000:.0f} ms "
                    f"(paper JSON alone {api[-1] * 1000:.0f} ms; {len(data['facts'])} facts, "
                    f"{len(data['document']['text'] or ''):,} characters, {marks} highlights)"
                )
            print(
                f"first open {shown[0] * 1000:.0f} ms, later opens median "
                f"{statistics.median(shown[1:] or shown) * 1000:.0f} ms"
            )
            if a.screenshot:
                a.screenshot.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(a.screenshot / "serve-paper.png"))
                print(f"screenshot: {a.screenshot / 'serve-paper.png'}")
            browser.close()


if __name__ == "__main__":
    main()

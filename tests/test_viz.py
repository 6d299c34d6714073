"""`litkg viz`: the page's data, that it is self-contained, and that it runs in a
real headless Chromium (skipped when the `chromium` binary is absent)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_compare import build_store

from litkg.cli import cli
from litkg.kg.store import open_store
from litkg.kg.viz import graph_data, render_html

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--enable-logging=stderr", "--v=0"]  # fmt: skip


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgv") / "store")


@pytest.fixture(scope="module")
def data(store_path):
    with open_store(store_path, read_only=True) as s:
        return graph_data(s)


@pytest.fixture(scope="module")
def page(store_path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("viz") / "graph.html"
    r = CliRunner().invoke(cli, ["viz", "-o", str(out), "--store", str(store_path)])
    assert r.exit_code == 0, r.output
    return out


def test_nodes_by_type_are_those_of_the_records(data):
    counts = Counter(n["type"] for n in data["nodes"])
    assert counts == {
        "Paper": 3, "Study": 3, "Arm": 3, "Intervention": 2, "Outcome": 5,
        "Adverse event": 4, "Trial": 1, "Cited work": 1, "Drug": 2, "AE term": 3,
        "Endpoint": 3,
    }  # fmt: skip
    # trial_a cites trial_b by its DOI: that work is the paper's own node, drawn once
    assert [p["label"] for p in data["papers"]] == [
        "A comment on maintenance (2025)", "Jones 2025, Example J", "Okafor 2024, Example J Haematol"
    ]  # fmt: skip
    # an outcome names its arm and its study
    os_a = next(
        n for n in data["nodes"]
        if n["label"] == "OS 12 mo: 81.6% · drug X · Okafor 2024, Example J Haematol"
    )  # fmt: skip
    assert os_a["evidence"] == [{"quote": "The 1-year OS was 81.6% (95% CI 64.7-100%)", "page": 3}]
    assert ["95% CI lower", "64.7"] in [list(f) for f in os_a["facts"]]
    # studies are labelled by citation; facts are readable, one line per property
    study_a = next(
        n for n in data["nodes"] if n["type"] == "Study" and n["label"].startswith("Okafor")
    )
    assert study_a["label"] == "Okafor 2024, Example J Haematol"
    assert ["design", "prospective, single-arm"] in [list(f) for f in study_a["facts"]]
    # cited works and shared concepts are collapsed until asked for
    assert data["hidden"] == ["Cited work", "AE term", "Endpoint"]
    assert os_a["papers"] == ["https://doi.org/10.1234/a.2024.1"]
    n = len(data["nodes"])
    assert all(0 <= a < n and 0 <= b < n for a, b, _ in data["edges"])


def test_page_is_self_contained(page, data):
    text = page.read_text(encoding="utf-8")
    assert "<script src" not in text and "<link" not in text and "@import" not in text
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", text)
    assert "__DATA__" not in text and "__JS__" not in text
    # data that could close the script element is escaped
    tricky = dict(data, title="</script><b>x</b>")
    tricky["nodes"] = [dict(data["nodes"][0], label="</script><script>alert(1)</script>")]
    out = render_html(tricky)
    assert out.count("</script>") == 2 and html.escape("</script><b>x</b>") in out


def _chromium(url: str, tmp_path: Path) -> tuple[str, str]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    proc = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=5000", "--dump-dom", url],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def _hook(dom: str) -> dict[str, str]:
    m = re.search(r'<div id="test-hook"([^>]*)>', dom)
    assert m, dom[:2000]
    return {k: html.unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', m.group(1))}


def test_page_runs_in_headless_chromium(page, data, tmp_path):
    dom, log = _chromium(page.as_uri() + "#search=neutropenia", tmp_path)
    hook = _hook(dom)
    assert hook["ready"] == "1"
    assert hook["errors"] == "0", re.search(r'id="console-errors"[^>]*>([^<]*)', dom)
    assert not re.search(r"CONSOLE.*(Uncaught|Error)", log), log[-2000:]
    assert int(hook["nodes"]) == len(data["nodes"])
    shown = [i for i, n in enumerate(data["nodes"]) if n["type"] not in data["hidden"]]
    assert int(hook["drawn"]) == len(shown)
    assert int(hook["edges"]) == sum(1 for a, b, _ in data["edges"] if a in shown and b in shown)
    found = json.loads(hook["search"])
    labels = sorted(found["labels"])
    assert found["count"] == 3 and labels == [
        "neutropenia",
        "neutropenia g3-4: 30 (30%) · drug Y · Jones 2025, Example J",
        "neutropenia g4: 8 (20%) · drug X · Okafor 2024, Example J Haematol",
    ]
    # the first match is selected and its facts and evidence are shown
    assert hook["selected"].startswith("https://")
    assert "Evidence" in dom or hook["selected"].endswith("neutropenia")


def test_hook_reports_script_errors(tmp_path, data):
    broken = render_html(data).replace("layout();", "layout(); undefinedFunction();", 1)
    f = tmp_path / "broken.html"
    f.write_text(broken, encoding="utf-8")
    dom, _ = _chromium(f.as_uri(), tmp_path)
    hook = _hook(dom)
    assert hook["errors"] == "1" and "ready" not in hook

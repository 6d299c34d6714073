"""`litkg build --executor dask`: extraction on a Dask cluster, one writer.

Skipped when the optional `dask[distributed]` extra is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

from litkg.extractor.batch import Failure
from litkg.extractor.parallel import Extracted, extract_many
from litkg.kg.corpus_build import build_corpus
from litkg.kg.manifest import load_manifest

distributed = pytest.importorskip(
    "distributed", reason="dask[distributed] is not installed (pip install 'litkg[dask]')"
)

EPOCH = "1700000000"

# Four small trial reports of our own (not from the corpus).
PAPERS = {
    "alpha.md": """# Oral drug A versus placebo in adults with condition X: a randomised phase 2 trial

Jane Roe, John Doe

*Journal of Made-up Trials* 2021;3(2):10-19. doi: 10.5555/jmt.2021.0001

## Methods

In this randomised, double-blind trial (ClinicalTrials.gov identifier: NCT01000001),
adults were randomly assigned to drug A (n = 60) or placebo (n = 58).
Patients received drug A 20 mg orally once daily for up to 6 cycles.

## Results

The 1-year response rate was 41.7% with drug A and 20.7% with placebo (P = 0.01).
Grade 3 nausea occurred in 4 (7%) patients receiving drug A.
""",
    "beta.md": """# Infusion B after transplantation: a single-arm phase 1 study

Ana Silva, Li Wang

*Journal of Made-up Trials* 2022;4(1):1-8. doi: 10.5555/jmt.2022.0002

## Methods

In this open-label, single-arm, phase 1 study (NCT01000002), 24 patients received
infusion B 15 ug/m2/day as a continuous intravenous infusion on days 1-28 of each cycle,
for a maximum of four cycles.

## Results

Complete remission was achieved by 15 of 24 patients (62.5%). Median follow-up was 14.2 months.
""",
    "gamma.txt": """Tablet C compared with tablet D for condition Y: a randomised non-inferiority trial

Maria Rossi, Peter Smith

Journal of Made-up Trials 2020; 2: 33-41. doi:10.5555/jmt.2020.0003

Methods
We randomly assigned 200 adults to tablet C 400 mg twice daily (n = 101) or tablet D
1 g daily (n = 99) (ClinicalTrials.gov NCT01000003).

Results
Overall survival at 2 years was 77% with tablet C and 75% with tablet D (HR 0.93; 95% CI
0.61-1.42). Grade 3 or higher rash occurred in 9 (9%) and 3 (3%) patients.
""",
    "delta.txt": """Maintenance with E after chemotherapy: results of a phase 3 trial

Karl Berg

Journal of Made-up Trials 2019; 1: 5-12. doi:10.5555/jmt.2019.0004

Methods
Patients (n = 312) were randomised to E 2 mg/kg every 3 weeks or observation
(NCT01000004).

Results
Median progression-free survival was 11.3 months with E and 7.9 months with observation
(HR 0.66; 95% CI 0.51-0.85; P = 0.001).
""",
}


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture()
def papers(tmp_path: Path) -> Path:
    src = tmp_path / "papers"
    src.mkdir()
    for name, text in PAPERS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


@pytest.fixture()
def cluster():
    """Two single-threaded workers in this process (no worker start-up cost)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as c:
        yield c


def _quads(out: Path) -> set:
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    return {
        (s, p, o, getattr(c, "identifier", c)) for s, p, o, c in ds.quads((None, None, None, None))
    }


def test_dask_extraction_gives_the_same_records_as_local(papers: Path, cluster) -> None:
    paths = sorted(str(p) for p in papers.iterdir()) + [str(papers / "missing.txt")]
    local = {r.path: r for r in extract_many(paths, jobs=1)}
    remote = {
        r.path: r for r in extract_many(paths, executor="dask", scheduler=cluster.scheduler_address)
    }
    assert set(remote) == set(paths)
    assert isinstance(remote[str(papers / "missing.txt")], Failure)
    for p in paths[:-1]:
        assert isinstance(remote[p], Extracted), remote[p]
        assert remote[p].record.to_json() == local[p].record.to_json()  # type: ignore[union-attr]
        assert remote[p].file_sha256 == local[p].file_sha256  # type: ignore[union-attr]


def test_build_on_a_dask_cluster_equals_a_local_build(
    papers: Path, cluster, tmp_path: Path
) -> None:
    ref = build_corpus([papers], tmp_path / "ref")
    assert len(ref.extracted) == 4 and not ref.failures

    out = tmp_path / "out"
    rep = build_corpus([papers], out, executor="dask", scheduler=cluster.scheduler_address)
    assert len(rep.extracted) == 4 and not rep.failures
    assert _quads(out) == _quads(tmp_path / "ref")

    # incremental as ever: only the changed paper goes to the cluster
    (papers / "delta.txt").write_text(
        PAPERS["delta.txt"].replace("11.3 months", "12.4 months"), encoding="utf-8"
    )
    again = build_corpus([papers], out, executor="dask", scheduler=cluster.scheduler_address)
    assert again.extracted == [str(papers / "delta.txt")] and len(again.unchanged) == 3
    assert "12.4" in {str(o) for _, _, o, _ in _quads(out)}


def test_cli_build_with_a_local_dask_cluster(papers: Path, tmp_path: Path) -> None:
    """No --scheduler: a LocalCluster of --jobs worker processes is started and stopped."""
    out = tmp_path / "out"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    cmd = [sys.executable, "-m", "litkg.cli", "build", str(papers), "-o", str(out)]
    done = subprocess.run(
        [*cmd, "--executor", "dask", "--jobs", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "4 extracted, 0 unchanged" in done.stderr
    assert len(load_manifest(out)) == 4
    assert (out / "graph.trig").is_file()


def test_cli_scheduler_needs_the_dask_executor(papers: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from litkg.cli import cli

    res = CliRunner().invoke(
        cli, ["build", str(papers), "-o", str(tmp_path / "o"), "--scheduler", "tcp://x:1"]
    )
    assert res.exit_code == 2 and "--executor dask" in res.output

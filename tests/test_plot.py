"""`litkg plot`: PNG and SVG of an endpoint's values with 95% CIs per study and arm."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from test_compare import build_store

from litkg.cli import cli
from litkg.kg.compare import Filters, compare
from litkg.kg.plot import plot, plot_rows
from litkg.kg.store import open_store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kgp") / "store")


def test_rows_per_study_arm_and_timepoint(store_path):
    with open_store(store_path, read_only=True) as s:
        rows = plot_rows(compare(s, Filters(endpoint="OS")))
    assert [label for label, _, _ in rows["rate"]] == [
        "Okafor 2024, Example J Haematol - drug X, 12 mo",
        "Okafor 2024, Example J Haematol - historical controls, 12 mo",
        "Jones 2025, Example J - drug Y, 12 mo",
    ]
    assert rows["median"] == [] and rows["ratio"] == []


def test_png_and_svg_written(store_path, tmp_path):
    with open_store(store_path, read_only=True) as s:
        files = plot(s, "OS", tmp_path / "out" / "os.png")
        with pytest.raises(ValueError, match="no study reports endpoint 'GRFS'"):
            plot(s, "GRFS", tmp_path / "none")
    assert [f.name for f in files] == ["os.png", "os.svg"]
    assert files[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = files[1].read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    # the labels and the CI annotation are in the drawing (text kept as paths: count glyph uses)
    assert len(re.findall(r"<use ", svg)) > 50


def test_plot_cli(store_path, tmp_path):
    out = tmp_path / "plot"
    r = CliRunner().invoke(
        cli, ["plot", "--endpoint", "PFS", "-o", str(out), "--store", str(store_path)]
    )
    assert r.exit_code == 0, r.output
    assert (tmp_path / "plot.png").is_file() and (tmp_path / "plot.svg").is_file()
    r = CliRunner().invoke(
        cli, ["plot", "--endpoint", "NRM", "-o", str(out), "--store", str(store_path)]
    )
    assert r.exit_code != 0 and "no study reports" in r.output

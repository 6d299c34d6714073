"""The command line: help everywhere, clear errors naming the file, batch behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["--version"])
    assert res.exit_code == 0 and res.output.startswith("litkg, version ")


def test_every_command_has_help(runner: CliRunner) -> None:
    assert cli.commands, "no commands registered"
    for name, cmd in cli.commands.items():
        res = runner.invoke(cli, [name, "--help"])
        assert res.exit_code == 0, name
        assert cmd.help and cmd.help.strip(), f"{name} has no help text"
        assert "Usage: " in res.output


def test_missing_file_is_named_and_fails(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(cli, ["extract", str(tmp_path / "nope.pdf")])
    assert res.exit_code == 1
    assert "nope.pdf" in res.output and "no such file" in res.output


def test_folder_without_papers(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    res = runner.invoke(cli, ["ingest", str(tmp_path)])
    assert res.exit_code == 1
    assert "no supported file" in res.output


def test_batch_goes_on_and_reports_failures(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"")
    out = tmp_path / "records"
    res = runner.invoke(
        cli, ["extract", str(bad), str(FIXTURES / "markdown_trial.md"), "-o", str(out)]
    )
    assert res.exit_code == 0
    assert "1 done, 1 failed" in res.output and "scan.pdf" in res.output and "empty" in res.output
    rec = json.loads((out / "markdown_trial.json").read_text())
    assert rec["document"] == "markdown_trial" and rec["study"]["doi"] == "10.5555/jho.2023.0417"
    assert not (out / "scan.json").exists()


def test_extract_prints_one_json_object_per_line(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "second_trial.md"
    other.write_text((FIXTURES / "markdown_trial.md").read_text(), encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(FIXTURES / "markdown_trial.md"), str(other)])
    assert res.exit_code == 0
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert [x["document"] for x in lines] == ["markdown_trial", "second_trial"]


def test_json_format_carries_provenance(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["extract", "--format", "json", str(FIXTURES / "markdown_trial.md")])
    rec = json.loads(res.stdout.splitlines()[0])
    prov = rec["outcomes"][0]["provenance"]
    assert {"doc_id", "page", "char_start", "char_end", "quote", "rule"} <= set(prov)


def test_ingest_shows_tables(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["ingest", "--no-text", str(FIXTURES / "markdown_trial.md")])
    assert res.exit_code == 0
    assert "1 tables" in res.output and "3 rows x 5 cols" in res.output

"""The `litkg` command line: a click group whose commands call library functions."""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("litkg"), prog_name="litkg")
def cli() -> None:
    """litkg: turn clinical-trial papers into a knowledge graph you can query."""


# --------------------------------------------------------------------- graph

_STORE = click.option(
    "--store",
    default="out/store",
    show_default=True,
    help="Store directory (embedded Oxigraph) or http(s) URL of a SPARQL endpoint.",
)


def _open_store(location: str):
    """Open a store read-only; a store error becomes a clean CLI error."""
    from litkg.kg.store import StoreError, open_store

    try:
        return open_store(location, read_only=True)
    except StoreError as e:
        raise click.ClickException(str(e)) from e


@cli.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@_STORE
def validate(file: str | None, store: str) -> None:
    """Check the graph (in --store, or an RDF FILE) against the SHACL shapes."""
    from litkg.kg.validate import validate_file, validate_store

    if file:
        report = validate_file(file)
    else:
        with _open_store(store) as s:
            report = validate_store(s)
    click.echo(report.text())
    sys.exit(0 if report.conforms else 1)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(
        ["turtle", "ntriples", "nquads", "trig", "jsonld", "graphml", "gexf", "meta-analysis"]
    ),
    default="trig",
    show_default=True,
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@_STORE
def export(fmt: str, output: str, store: str) -> None:
    """Export the graph as RDF, or its networkx view as GraphML / GEXF, or a
    meta-analysis CSV (one row per study x arm x endpoint x timepoint)."""
    from litkg.kg.export import export as run_export

    if fmt == "meta-analysis":
        from litkg.kg.meta_analysis import export as run_export  # noqa: F811
    with _open_store(store) as s:
        click.echo(run_export(s, output, fmt), err=True)


@cli.command()
@click.argument("sparql", required=False)
@click.option("--format", "fmt", type=click.Choice(["tsv", "json", "csv", "table"]), default="tsv")
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query variable (as an RDF term; repeatable).")  # fmt: skip
@_STORE
def query(sparql: str | None, fmt: str, list_: bool, params: tuple[str, ...], store: str) -> None:
    """Run SPARQL (text, @FILE, a .rq file, or the NAME of a shipped query) over
    the union of all graphs."""
    from litkg.kg.queries import QueryError, format_query_result, list_text, run_query
    from litkg.kg.store import StoreError

    if list_ or not sparql:
        click.echo(list_text())
        return
    with _open_store(store) as s:
        try:
            click.echo(format_query_result(run_query(s, sparql, parse_params(params)), fmt))
        except (StoreError, QueryError, OSError) as e:
            raise click.ClickException(str(e)) from e


def parse_params(params: tuple[str, ...]) -> dict[str, str]:
    """--param KEY=VALUE options as a dict (a malformed one is a usage error)."""
    from litkg.kg.queries import QueryError
    from litkg.kg.queries import parse_params as parse

    try:
        return parse(params)
    except QueryError as e:
        raise click.BadParameter(str(e), param_hint="--param") from e


_REPORT_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]),
    default="table", show_default=True,
)  # fmt: skip


@cli.command()
@click.option("--endpoint", help="Only this endpoint (OS, PFS, CIR, NRM, ...).")
@click.option("--timepoint", type=float, help="Only this landmark, in months (12 = 1 year).")
@click.option("--drug", help="Only studies assigning this drug (generic name).")
@click.option("--design", help="Only studies with this design feature (single-arm, randomized...).")
@_REPORT_FORMAT
@_STORE
def compare(endpoint, timepoint, drug, design, fmt: str, store: str) -> None:
    """Studies side by side: design, arms, interventions, outcomes with CI and p."""
    from litkg.kg.compare import Filters, render
    from litkg.kg.compare import compare as run

    with _open_store(store) as s:
        click.echo(render(run(s, Filters(endpoint, timepoint, drug, design)), fmt))


@cli.command()
@click.option("--top", default=20, show_default=True, help="How many most-cited works (0: all).")
@_REPORT_FORMAT
@_STORE
def cites(top: int, fmt: str, store: str) -> None:
    """The citation network: most-cited works, who cites whom inside the corpus."""
    from litkg.kg.cites import citation_network, render

    with _open_store(store) as s:
        click.echo(render(citation_network(s), fmt, top or None))


@cli.command()
@click.argument("paper")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_STORE
def show(paper: str, fmt: str, store: str) -> None:
    """Everything the graph holds about PAPER (DOI, document id or IRI), with evidence."""
    from litkg.kg.show import PaperNotFound, render
    from litkg.kg.show import show as run

    with _open_store(store) as s:
        try:
            click.echo(render(run(s, paper), fmt))
        except PaperNotFound as e:
            raise click.ClickException(str(e)) from e


@cli.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (self-contained, works offline).")  # fmt: skip
@click.option("--title", default="litkg knowledge graph", show_default=True)
@_STORE
def viz(output: str, title: str, store: str) -> None:
    """An interactive HTML view of the graph: search, filters, facts and evidence."""
    from litkg.kg.viz import write

    with _open_store(store) as s:
        click.echo(write(s, output, title), err=True)


@cli.command()
@click.option("--endpoint", required=True, help="The endpoint to plot (OS, PFS, CIR, NRM, ...).")
@click.option("--timepoint", type=float, help="Only this landmark, in months.")
@click.option("--drug", help="Only studies assigning this drug.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Output path without suffix: writes OUTPUT.png and OUTPUT.svg.")  # fmt: skip
@_STORE
def plot(endpoint: str, timepoint, drug, output: str, store: str) -> None:
    """A forest-style dot plot of an endpoint with 95% CIs per study and arm."""
    from litkg.kg.compare import Filters
    from litkg.kg.plot import plot as run

    with _open_store(store) as s:
        try:
            files = run(s, endpoint, output, Filters(timepoint=timepoint, drug=drug))
        except ValueError as e:
            raise click.ClickException(str(e)) from e
    click.echo("wrote " + ", ".join(str(f) for f in files), err=True)


@cli.command("adverse-events")
@click.option("--min-grade", type=click.IntRange(1, 5),
              help="Only events whose grade reaches this (3-4 and >=3 reach 3).")  # fmt: skip
@click.option("--term", help="Only this adverse-event term (CTCAE, lower case).")
@click.option("--drug", help="Only studies assigning this drug.")
@_REPORT_FORMAT
@_STORE
def adverse_events(min_grade, term, drug, fmt: str, store: str) -> None:
    """Adverse events by term and grade across studies (n and % per arm)."""
    from litkg.kg.adverse import adverse_events as run
    from litkg.kg.adverse import render
    from litkg.kg.compare import Filters

    with _open_store(store) as s:
        click.echo(render(run(s, min_grade, term, Filters(drug=drug)), fmt))


@cli.command()
@_STORE
def links(store: str) -> None:
    """List the cross-paper links: shared trials, shared cited works, resolved citations."""
    import json

    from litkg.kg.link import compute_links

    with _open_store(store) as s:
        click.echo(json.dumps(compute_links(s)[1].summary(), indent=1, ensure_ascii=False))


# ---------------------------------------------------------------- extraction


def _progress(files, label: str):
    """A progress bar on stderr for batches (hidden when stderr is not a terminal)."""
    files = list(files)
    if len(files) < 2 or not sys.stderr.isatty():
        yield from files
        return
    with click.progressbar(
        files, label=label, file=sys.stderr, show_pos=True, show_eta=True
    ) as bar:
        yield from bar


def _finish(report, *, quiet: bool = False) -> None:
    if report.failures or not quiet:
        click.echo(report.summary(), err=True)
    if report.failures and not report.done:
        sys.exit(1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="text",
    show_default=True,
    help="json: the whole Document (pages, tables, metadata, text); text: a summary and the text.",
)
@click.option("--no-text", is_flag=True, help="With --format json, leave the full text out.")
def ingest(inputs: tuple[Path, ...], fmt: str, no_text: bool) -> None:
    """Show what litkg reads from PDF, JATS XML or text INPUTS (files or folders)."""
    from litkg.extractor.batch import BatchReport, dumps, run_batch

    report = BatchReport()
    for _path, doc, _ in run_batch(
        inputs, lambda d: None, report, lambda f: _progress(f, "ingest")
    ):
        if fmt == "json":
            click.echo(dumps(doc.to_dict(with_text=not no_text)))
        else:
            click.echo(
                f"== {doc.doc_id} ({doc.source_format}, {doc.n_pages} pages, {len(doc.text)} chars, "
                f"{len(doc.tables)} tables, {len(doc.references)} marked-up references)"
            )
            for t in doc.tables:
                click.echo(
                    f"   table p.{t.page}: {t.n_rows} rows x {t.n_cols} cols  {t.caption or ''}"
                )
            if not no_text:
                click.echo(doc.text)
    _finish(report, quiet=True)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["record", "json"]),
    default="record",
    show_default=True,
    help="record: the flat study record; json: the full form with provenance for every fact.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DIR/<document>.json per input instead of printing one JSON object per line.",
)
def extract(inputs: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Extract study records from INPUTS (PDF, JATS XML, text; files or folders)."""
    from litkg.extractor.batch import BatchReport, dumps, run_batch, write_atomic
    from litkg.extractor.pipeline import extract_record

    report = BatchReport()
    for _path, doc, rec in run_batch(
        inputs, extract_record, report, lambda f: _progress(f, "extract")
    ):
        data = rec.to_record() if fmt == "record" else rec.to_json()
        if output is not None:
            write_atomic(output / f"{doc.doc_id}.json", dumps(data, pretty=True) + "\n")
        else:
            click.echo(dumps(data))
    _finish(report, quiet=output is None)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Output folder: store/, records/, graph.trig, manifest.json, errors.json.",
)
@click.option(
    "--store",
    default=None,
    help="Graph store: a folder (embedded Oxigraph) or an http(s) SPARQL endpoint. [default: OUT/store]",
)
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes for extraction (with --executor dask and no --scheduler: "
    "the local cluster's workers).",
)
@click.option(
    "--executor",
    type=click.Choice(["process", "dask"]),
    default="process",
    show_default=True,
    help="Where extraction runs: local worker processes, or a Dask cluster "
    "(needs pip install 'litkg[dask]').",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:PORT",
    help="With --executor dask: the address of a running Dask scheduler "
    "[default: start a LocalCluster of --jobs workers].",
)
@click.option("--force", is_flag=True, help="Re-extract every file, changed or not.")
@click.option("--no-dump", is_flag=True, help="Do not write OUT/graph.trig.")
def build(
    inputs: tuple[Path, ...],
    out: Path,
    store: str | None,
    jobs: int,
    executor: str,
    scheduler: str | None,
    force: bool,
    no_dump: bool,
) -> None:
    """Extract every paper in INPUTS (files or folders) into the knowledge graph.

    Incremental: unchanged files are skipped, changed ones replace their
    paper's graph, removed ones are dropped; an interrupted build resumes
    where it stopped when run again.

    Distributed: `--executor dask` fans extraction out over a Dask cluster
    (`--scheduler tcp://HOST:PORT`, whose workers have litkg installed and
    see INPUTS under the same paths; without it a local cluster of --jobs
    workers). Results come back to this process, the only writer of the store.
    """
    from litkg.kg.corpus_build import build_corpus

    def progress(results, total):
        if total < 2 or not sys.stderr.isatty():
            yield from results
            return
        from tqdm import tqdm

        yield from tqdm(results, total=total, desc="extract", unit="paper", file=sys.stderr)

    if scheduler and executor != "dask":
        raise click.BadParameter("needs --executor dask", param_hint="--scheduler")
    from litkg.extractor.parallel import DaskError

    try:
        report = build_corpus(inputs, out, store=store, jobs=jobs, force=force,
                              executor=executor, scheduler=scheduler,  # type: ignore[arg-type]
                              progress=progress, dump=not no_dump)  # fmt: skip
    except DaskError as e:
        raise click.ClickException(str(e)) from e
    click.echo(report.summary(), err=True)
    if report.interrupted:
        sys.exit(130)
    if report.failures and not (report.extracted or report.unchanged):
        sys.exit(1)


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()

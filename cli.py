"""The `litkg` command line: a click group whose commands call library functions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from litkg.cli_errors import CleanErrors


@click.group(
    cls=CleanErrors,
    context_settings={"help_option_names": ["-h", "--help"], "show_default": True},
    invoke_without_command=True,
)
@click.version_option(package_name="litkg", prog_name="litkg")  # read only for --version
@click.option(
    "-v",
    "--verbose",
    count=True,
    show_default=False,
    help="Say more on standard error (one line per file).",
)
@click.option("-q", "--quiet", is_flag=True, help="Say nothing on standard error but errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """litkg: turn clinical-trial papers into a knowledge graph you can query.

    \b
    Example:
      litkg build corpus/ -o out && litkg compare --endpoint OS --store out/store
    """
    import logging

    ctx.obj = {"verbosity": -1 if quiet else verbose}
    level = (
        logging.ERROR
        if quiet
        else logging.DEBUG
        if verbose > 1
        else logging.INFO
        if verbose
        else logging.WARNING
    )
    logging.basicConfig(level=level, format="litkg: %(message)s", stream=sys.stderr)
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def verbosity() -> int:
    """-1 with --quiet, 0 by default, the number of -v otherwise."""
    ctx = click.get_current_context(silent=True)
    while ctx is not None and not isinstance(ctx.obj, dict):
        ctx = ctx.parent
    return int(ctx.obj.get("verbosity", 0)) if ctx is not None else 0


def note(message: str, level: int = 0) -> None:
    """A message on standard error, shown unless its level exceeds the verbosity."""
    if verbosity() >= level:
        click.echo(message, err=True)


# --------------------------------------------------------------------- graph


def _remember(ctx: click.Context, param: click.Parameter, value: object) -> object:
    ctx.meta[f"litkg.{param.name}"] = value
    return value


_TIMEOUT = click.option(
    "--timeout",
    type=click.FloatRange(0),
    default=60.0,
    show_default=True,
    expose_value=False,
    callback=_remember,
    help="Seconds any one query may run (0: no limit).",
)


def _STORE(f):  # noqa: N802 - used as the decorator `@_STORE`
    """--store, and --timeout for the queries run on it (read by `_open_store`)."""
    return click.option(
        "--store",
        default="out/store",
        show_default=True,
        help="Store directory (embedded Oxigraph) or http(s) URL of a SPARQL endpoint.",
    )(_TIMEOUT(f))


def _open_store(location: str, allow_federation: bool = False):
    """Open a store read-only; a store error becomes a clean CLI error."""
    from litkg.kg.store import StoreError, open_store

    timeout = click.get_current_context().meta.get("litkg.timeout", 60.0)
    try:
        return open_store(
            location, read_only=True, timeout=timeout or None, allow_federation=allow_federation
        )
    except StoreError as e:
        raise click.ClickException(str(e)) from e


def _resolved(store, **values: str | None) -> dict[str, str | None]:
    """Filter values resolved through the vocabularies and the graph (see
    kg/vocab.py): `--drug Blincyto` -> blinatumomab; an unknown one exits 1
    naming the closest entries."""
    from litkg.kg.vocab import UnknownValue, resolve_in

    kinds = {"endpoint": "endpoints", "drug": "drugs", "design": "designs", "term": "terms"}
    try:
        return {k: resolve_in(store, kinds[k], v) for k, v in values.items()}
    except UnknownValue as e:
        raise click.ClickException(str(e)) from e


def _curation(store: str):
    """The curation file beside the store (kg/curation); a broken one is a clean error."""
    from litkg.kg.curation import Curation, CurationError

    c = Curation.open(store)
    try:
        c.verdicts()
    except (CurationError, OSError) as e:
        raise click.ClickException(str(e)) from e
    return c


_REVIEWED_ONLY = click.option(
    "--reviewed-only", is_flag=True,
    help="Only facts a reviewer confirmed, corrected or added (litkg review).",
)  # fmt: skip


@cli.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@_STORE
def validate(file: str | None, store: str) -> None:
    """Check the graph (in --store, or an RDF FILE) against the SHACL shapes.

    \b
    Example:
      litkg validate --store out/store
      litkg validate out/graph.trig
    """
    from litkg.kg.validate import validate_file, validate_store

    if file:
        report = validate_file(file)
    else:
        with _open_store(store) as s:
            report = validate_store(s)
    click.echo(report.text())
    sys.exit(0 if report.conforms else 1)


#: Export formats by file suffix (used when --format is not given).
EXPORT_SUFFIXES = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig",
    ".jsonld": "jsonld", ".json": "jsonld", ".graphml": "graphml", ".gexf": "gexf",
    ".csv": "meta-analysis",
}  # fmt: skip
EXPORT_FORMATS = [
    "turtle",
    "ntriples",
    "nquads",
    "trig",
    "jsonld",
    "graphml",
    "gexf",
    "meta-analysis",
    "curation",
]


def export_format(fmt: str | None, output: str) -> str:
    """The export format: --format, else the output file's suffix (a usage error
    when neither says, e.g. for `-o -` or `-o graph.txt`)."""
    if fmt:
        return fmt
    if output == "-":
        return "trig"
    suffix = Path(output).suffix.lower() if output != "-" else ""
    if suffix in EXPORT_SUFFIXES:
        return EXPORT_SUFFIXES[suffix]
    known = ", ".join(f"{k} ({v})" for k, v in EXPORT_SUFFIXES.items())
    what = "standard output" if output == "-" else f"suffix {suffix or '(none)'!r}"
    raise click.UsageError(
        f"--format is needed for {what}; or name the file by its format: {known}"
    )


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default=None,
              help="The format [default: from the output file's suffix: .ttl turtle, .nt "
              "ntriples, .nq nquads, .trig trig, .jsonld jsonld, .graphml, .gexf, .csv "
              "meta-analysis; trig for -].")  # fmt: skip
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="The file to write; - for standard output.")  # fmt: skip
@_REVIEWED_ONLY
@_STORE
def export(fmt: str | None, output: str, reviewed_only: bool, store: str) -> None:
    """Export the graph as RDF, or its networkx view as GraphML / GEXF, or a
    meta-analysis CSV (one row per study x arm x endpoint x timepoint, with
    reviewers' corrections; rejected facts left out), or the curation's
    provenance (`--format curation`: PROV-O Turtle of every verdict).

    \b
    Example:
      litkg export -o graph.ttl            # Turtle, from the suffix
      litkg export --format nquads -o - | gzip > graph.nq.gz
      litkg export --format meta-analysis --reviewed-only -o ma.csv
    """
    import functools
    import tempfile

    from litkg.kg.export import export as run_export

    fmt = export_format(fmt, output)
    if reviewed_only and fmt != "meta-analysis":
        raise click.UsageError("--reviewed-only goes with --format meta-analysis")
    if fmt == "meta-analysis":
        from litkg.kg.meta_analysis import export as ma_export

        run_export = functools.partial(  # noqa: F811
            ma_export, curation=_curation(store), reviewed_only=reviewed_only
        )
    if fmt == "curation":
        from litkg.kg.curation.graph import export_prov

        def run_export(_s, path, _fmt):  # noqa: F811
            return export_prov(_curation(store), path)

    with _open_store(store) as s:
        if output != "-":
            note(run_export(s, output, fmt))
            return
        with tempfile.TemporaryDirectory(prefix="litkg-export-") as tmp:
            path = Path(tmp) / "export"
            run_export(s, path, fmt)
            with path.open("rb") as f:
                sys.stdout.flush()
                out = sys.stdout.buffer
                while chunk := f.read(1 << 20):
                    out.write(chunk)
                out.flush()


@cli.command()
@click.argument("sparql", required=False)
@click.option("--format", "fmt", default="tsv",
              type=click.Choice(["tsv", "csv", "json", "sparql-json", "table"]),
              help="tsv / csv: plain values with a header; table: aligned, IRIs shortened; "
              "json: one object per row (numbers typed, unbound null); "
              "sparql-json: the W3C SPARQL results JSON.")  # fmt: skip
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query variable (as an RDF term; repeatable).")  # fmt: skip
@click.option("--allow-federation", is_flag=True,
              help="Let SERVICE clauses contact other SPARQL endpoints (off: only --store).")  # fmt: skip
@_STORE
def query(
    sparql: str | None,
    fmt: str,
    list_: bool,
    params: tuple[str, ...],
    allow_federation: bool,
    store: str,
) -> None:
    """Run SPARQL (text, @FILE, a .rq file, or the NAME of a shipped query) over
    the union of all graphs. Only reads: updates are refused. The litkg
    prefixes (lkg:, prism:, fabio:, ...) need no PREFIX lines.

    \b
    Example:
      litkg query 'SELECT ?doc ?title WHERE { ?p lkg:documentId ?doc ; dcterms:title ?title }'
      litkg query outcomes_at -p endpoint=OS -p timepoint=12 --format csv
    """
    from litkg.kg.queries import (
        QueryError,
        list_text,
        prepare_query,
        stream_query,
    )
    from litkg.kg.store import StoreError

    if list_ or not sparql:
        click.echo(list_text())
        return
    try:
        text, bindings = prepare_query(sparql, parse_params(params))
    except (QueryError, OSError) as e:
        raise click.ClickException(str(e)) from e
    with _open_store(store, allow_federation) as s:
        try:
            for chunk in stream_query(s, text, bindings, fmt):
                click.echo(chunk)
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
@click.option("--outcome", help="Only this outcome, by its printed name or abbreviation "
              "(any outcome, e.g. 'systolic blood pressure', 'SBP').")  # fmt: skip
@click.option("--timepoint", type=float, help="Only this landmark, in months (12 = 1 year).")
@click.option("--drug", help="Only studies assigning this drug (generic name).")
@click.option("--design", help="Only studies with this design feature (single-arm, randomized...).")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Show at most this many studies (one page; the first comes fast on a large store).",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    help="Skip this many studies first (with --limit: the next pages).",
)
@_REPORT_FORMAT
@_REVIEWED_ONLY
@_STORE
def compare(endpoint, outcome, timepoint, drug, design, limit, offset, fmt: str,
            reviewed_only: bool, store: str) -> None:  # fmt: skip
    """Studies side by side: design, arms, interventions, outcomes with CI and p.

    \b
    Example:
      litkg compare --endpoint OS --timepoint 12 --drug Blincyto
      litkg compare --design randomised --format csv > studies.csv
      litkg compare --limit 20 --offset 20       # the second page of 20 studies
    """
    from litkg.kg.compare import Filters, render
    from litkg.kg.compare import compare as run

    if endpoint and outcome:
        raise click.UsageError("give --endpoint or --outcome, not both")
    with _open_store(store) as s:
        v = _resolved(s, endpoint=endpoint, drug=drug, design=design)
        if outcome:
            from litkg.kg.compare import resolve_outcome
            from litkg.kg.vocab import UnknownValue

            try:
                v["endpoint"] = resolve_outcome(s, outcome)
            except UnknownValue as e:
                raise click.ClickException(str(e)) from e
        filters = Filters(v["endpoint"], timepoint, v["drug"], v["design"])
        result = run(s, filters, _curation(store), reviewed_only, limit=limit, offset=offset)
        click.echo(render(result, fmt))
        if (limit is not None or offset) and result.total is not None:
            shown = len(result.studies)
            first = f"{offset + 1}-{offset + shown}" if shown else "none"
            more = offset + shown < result.total
            note(
                f"studies {first} of {result.total}"
                + (f"; --offset {offset + shown} for the next" if more else "")
            )


@cli.command()
@click.option("--top", default=20, type=click.IntRange(min=0),
              help="How many most-cited works (0: all).")  # fmt: skip
@_REPORT_FORMAT
@_STORE
def cites(top: int, fmt: str, store: str) -> None:
    """The citation network: most-cited works, who cites whom inside the corpus.

    \b
    Example:
      litkg cites --top 10 --format markdown
    """
    from litkg.kg.cites import citation_network, render

    with _open_store(store) as s:
        click.echo(render(citation_network(s), fmt, top or None))


@cli.command()
@click.argument("paper")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_REVIEWED_ONLY
@_STORE
def show(paper: str, fmt: str, reviewed_only: bool, store: str) -> None:
    """Everything the graph holds about PAPER (DOI, document id or IRI), with
    evidence; each fact with its id (for `litkg review`) and reviewers'
    verdicts applied (corrected values, rejected facts left out).

    \b
    Example:
      litkg show 10.1182/blood.2019000001
      litkg show 003_02ee03e209aed3a2 --format json
    """
    from litkg.kg.show import PaperNotFound, render
    from litkg.kg.show import show as run

    with _open_store(store) as s:
        try:
            click.echo(render(run(s, paper, _curation(store), reviewed_only), fmt))
        except PaperNotFound as e:
            raise click.ClickException(str(e)) from e


@cli.command()
@click.argument("fact_id", required=False, metavar="FACT-ID")
@click.option("--confirm", "verdict", flag_value="confirm", help="The fact is right.")
@click.option("--reject", "verdict", flag_value="reject", help="The fact is wrong: drop it.")
@click.option("--set", "sets", multiple=True, metavar="FIELD=VALUE",
              help="Correct a field (repeatable; empty VALUE clears it). With --add: the "
              "added fact's fields.")  # fmt: skip
@click.option("--add", "add_kind", metavar="KIND",
              type=click.Choice(["study", "arm", "intervention", "outcome", "adverse_event",
                                 "reference"]),
              help="Add a fact extraction missed (no FACT-ID): its kind; with --paper, "
              "--quote, --page and --set FIELD=VALUE.")  # fmt: skip
@click.option("--paper", help="The paper (DOI, document id or IRI): of an added fact; "
              "else where to look for FACT-ID first.")  # fmt: skip
@click.option("--quote", help="An added fact's evidence, verbatim from the paper.")
@click.option("--page", type=click.IntRange(min=1), help="The page the quote is on.")
@click.option("--comment", help="Why (kept with the verdict).")
@click.option("--reviewer", help="Who reviews [default: $LITKG_REVIEWER, else the OS user].")
@click.option("--export", "export_to", type=click.Path(dir_okay=False),
              help="Write every verdict as PROV-O Turtle to this file (no FACT-ID).")  # fmt: skip
@_STORE
def review(fact_id, verdict, sets, add_kind, paper, quote, page, comment, reviewer, export_to,
           store: str) -> None:  # fmt: skip
    """Record a verdict on the fact FACT-ID (its id in `litkg show PAPER --format
    json`): confirm it, correct fields, reject it, or add a fact extraction
    missed. Verdicts go to the curation file beside the store
    (out/curation.jsonl), never into the store, and are re-applied after every
    build; show, compare, adverse-events and the meta-analysis export use them.

    \b
    Example:
      litkg review f-3f2a9c1e0b7d4a55 --confirm
      litkg review f-3f2a9c1e0b7d4a55 --set value=81.6 --comment "Table 2"
      litkg review f-3f2a9c1e0b7d4a55 --reject --comment "a subgroup, not the arm"
      litkg review --add outcome --paper 10.1182/blood.2019000001 --page 4 \\
          --quote "1-year OS was 72%" --set endpoint=OS --set statistic=rate \\
          --set value=72 --set unit=% --set timepoint_months=12 --set arm=Blinatumomab
      litkg review --export curation.ttl
    """
    from litkg.kg.curation import CurationError
    from litkg.kg.curation.review import UnknownFact, added_fact, describe, find_fact, parse_sets
    from litkg.kg.show import PaperNotFound, find_paper

    c = _curation(store)
    if export_to:
        if fact_id or verdict or sets or add_kind:
            raise click.UsageError("--export takes no FACT-ID, verdict or --set")
        from litkg.kg.curation.graph import export_prov

        note(export_prov(c, export_to))
        return
    chosen = [x for x in (verdict, "set" if sets and not add_kind else None, add_kind) if x]
    if len(chosen) != 1:
        raise click.UsageError("give one of --confirm, --reject, --set FIELD=VALUE or --add KIND")
    if add_kind and fact_id:
        raise click.UsageError("--add records a new fact: give no FACT-ID")
    if not add_kind and not fact_id:
        raise click.UsageError("which fact? give its FACT-ID (litkg show PAPER --format json)")
    done = []
    with _open_store(store) as s:
        try:
            if add_kind:
                fields = parse_sets(add_kind, list(sets))
                if not paper:
                    raise click.UsageError("--add needs --paper")
                fact = added_fact(s, add_kind, paper, quote or "", page, fields)
                done.append(c.record(None, "add", fact=fact, reviewer=reviewer, comment=comment))
            else:
                hint = str(find_paper(s, paper)) if paper else None
                f = find_fact(s, fact_id, c, hint)
                if verdict:
                    done.append(c.record(f.id, verdict, reviewer=reviewer, comment=comment, fact=f))
                else:
                    current = c.apply([f], added=False)[0].fields
                    for name, new in parse_sets(f.kind, list(sets), current).items():
                        done.append(c.record(f.id, "correct", field=name, old=current.get(name),
                                             new=new, reviewer=reviewer, comment=comment,
                                             fact=f))  # fmt: skip
        except (UnknownFact, PaperNotFound, CurationError, ValueError) as e:
            raise click.ClickException(str(e)) from e
        papers = {v.paper for v in done if v.paper}
    for v in done:
        what = describe(v.fact or {})
        change = f" {v.field}: {v.old!r} -> {v.new!r}" if v.verdict == "correct" else ""
        click.echo(f"{v.verdict} {v.fact_id} by {v.reviewer}{change} [{what}]")
    note(f"recorded in {c.path}")
    _sync_curation_graph(store, c, papers)


def _sync_curation_graph(store: str, curation, papers: set[str]) -> None:
    """Bring the store's curation graph up to date for these papers, unless a
    build holds the store (the build re-applies every verdict when it ends)."""
    from litkg.kg.curation.graph import try_sync

    busy = try_sync(store, curation, papers)
    if busy:
        note(f"the graph's review status is updated by the next build ({busy})")


@cli.command("review-status")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)  # fmt: skip
@_STORE
def review_status(fmt: str, store: str) -> None:
    """Per paper (by citation): how many facts, how many reviewed (confirmed,
    corrected, rejected, added), and verdicts whose fact no longer appears
    (the paper or the extractor changed), which are listed for re-review.

    \b
    Example:
      litkg review-status
      litkg review-status --format json
    """
    from litkg.kg.curation.status import render
    from litkg.kg.curation.status import review_status as run

    c = _curation(store)
    with _open_store(store) as s:
        click.echo(render(run(s, c), fmt, c.orphans(s)))


@cli.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (self-contained, works offline).")  # fmt: skip
@click.option("--title", default="litkg knowledge graph", show_default=True)
@_STORE
def viz(output: str, title: str, store: str) -> None:
    """An interactive HTML view of the graph: search, filters, facts and evidence.

    \b
    Example:
      litkg viz -o graph.html --store out/store
    """
    from litkg.kg.viz import write

    with _open_store(store) as s:
        note(write(s, output, title))


@cli.command()
@click.option("--endpoint", required=True, help="The endpoint to plot (OS, PFS, CIR, NRM, ...).")
@click.option("--timepoint", type=float, help="Only this landmark, in months.")
@click.option("--drug", help="Only studies assigning this drug.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Output path without suffix: writes OUTPUT.png and OUTPUT.svg.")  # fmt: skip
@_STORE
def plot(endpoint: str, timepoint, drug, output: str, store: str) -> None:
    """A forest-style dot plot of an endpoint with 95% CIs per study and arm.

    \b
    Example:
      litkg plot --endpoint OS --timepoint 12 -o os12   # os12.png, os12.svg
    """
    from litkg.kg.compare import Filters
    from litkg.kg.plot import plot as run

    with _open_store(store) as s:
        v = _resolved(s, endpoint=endpoint, drug=drug)
        try:
            files = run(
                s, v["endpoint"] or endpoint, output, Filters(timepoint=timepoint, drug=v["drug"])
            )
        except ValueError as e:
            raise click.ClickException(str(e)) from e
    note("wrote " + ", ".join(str(f) for f in files))


@cli.command("adverse-events")
@click.option("--min-grade", type=click.IntRange(1, 5),
              help="Only events whose grade reaches this (3-4 and >=3 reach 3).")  # fmt: skip
@click.option("--term", help="Only this adverse-event term (CTCAE, lower case).")
@click.option("--drug", help="Only studies assigning this drug.")
@_REPORT_FORMAT
@_REVIEWED_ONLY
@_STORE
def adverse_events(min_grade, term, drug, fmt: str, reviewed_only: bool, store: str) -> None:
    """Adverse events by term and grade across studies (n and % per arm).

    \b
    Example:
      litkg adverse-events --min-grade 3 --term CRS
    """
    from litkg.kg.adverse import adverse_events as run
    from litkg.kg.adverse import render
    from litkg.kg.compare import Filters

    with _open_store(store) as s:
        v = _resolved(s, term=term, drug=drug)
        rows = run(
            s, min_grade, v["term"], Filters(drug=v["drug"]), _curation(store), reviewed_only
        )
        click.echo(render(rows, fmt))


@cli.command()
@_REPORT_FORMAT
@_STORE
def links(fmt: str, store: str) -> None:
    """List the cross-paper links: shared trials, shared cited works, resolved citations.

    \b
    Example:
      litkg links --format json
    """
    from litkg.kg.link import compute_links, render_links
    from litkg.kg.papers import paper_refs

    with _open_store(store) as s:
        from litkg.kg.cites import citation_network

        labels = {w.iri: w.label for w in citation_network(s).works}
        labels |= {iri: r.label for iri, r in paper_refs(s).items()}
        click.echo(render_links(compute_links(s)[1], labels, fmt))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. On any address but a loopback one (127.0.0.1, ::1, "
              "localhost) the server is read only unless --token is given.")  # fmt: skip
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")  # fmt: skip
@click.option("--token", envvar="LITKG_SERVE_TOKEN", default=None, show_default=False,
              help="Recording verdicts needs this token (the page asks for it once); "
              "also read from LITKG_SERVE_TOKEN.")  # fmt: skip
@click.option("--allow-federation", is_flag=True,
              help="Let SPARQL SERVICE clauses contact other endpoints (off: only --store).")  # fmt: skip
@_STORE
def serve(host: str, port: int, token: str | None, allow_federation: bool, store: str) -> None:
    """Serve the graph: a read-only SPARQL 1.1 endpoint at /sparql and, at /, the
    studies by citation, the compare table and each paper's facts beside its
    text, where a reviewer confirms, corrects, rejects or adds facts.

    Listens on 127.0.0.1 by default. On another address, verdicts can be
    recorded only with the --token given here; without one the server starts
    read only. Changes are POST requests that must come from the page itself
    (same origin, with the session's CSRF token); the SPARQL endpoint never
    writes. Queries keep --timeout and, unless --allow-federation, refuse
    SERVICE.

    \b
    Example:
      litkg serve --store out/store
      litkg serve --host 0.0.0.0 --port 8080 --token "$(openssl rand -hex 16)"
    """
    from litkg.kg.serve import ServeError
    from litkg.kg.serve import serve as run

    timeout = click.get_current_context().meta.get("litkg.timeout", 60.0)
    try:
        run(store, host, port, token, timeout or None, allow_federation, note)
    except ServeError as e:
        raise click.ClickException(str(e)) from e


@cli.command()
@click.argument(
    "kind", required=False, type=click.Choice(["endpoints", "terms", "designs", "drugs", "units"])
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--store", default=None,
              help="Also list the concepts this store's papers use (marked *). [default: none]")  # fmt: skip
@_TIMEOUT
def vocab(kind: str | None, fmt: str, store: str | None) -> None:
    """What filters accept: the endpoints, adverse-event terms, designs, drugs
    and units of the vocabularies, each with the names and abbreviations that
    resolve to it (case, accents and British spellings do not matter).

    \b
    Example:
      litkg vocab endpoints
      litkg vocab drugs --store out/store --format json
    """
    import json

    from litkg.kg.textgrid import render_rows
    from litkg.kg.vocab import KINDS, graph_keys, listing

    def rows_of(k: str) -> list[dict]:
        if store is None:
            return listing(k)
        with _open_store(store) as s:
            return listing(k, graph_keys(s, k))

    if kind is None:
        counts = {k: len(rows_of(k)) for k in KINDS}
        if fmt == "json":
            click.echo(json.dumps(counts, indent=1))
        else:
            click.echo("\n".join(f"{k:10} {n:4}  litkg vocab {k}" for k, n in counts.items()))
        return
    rows = rows_of(kind)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    body = [
        [("* " if r["in_graph"] else "") + r["key"], r["label"], ", ".join(r["names"])]
        for r in rows
    ]
    click.echo(render_rows(["key", "label", "also accepted"], body, max_width=70))


# ---------------------------------------------------------------- extraction


def _progress(files, label: str):
    """A progress bar on stderr for batches on a terminal; one line per file when
    stderr is not a terminal (CI, nohup) or with -v; nothing with -q."""
    files = list(files)
    if verbosity() < 0:
        yield from files
        return
    if not sys.stderr.isatty() or verbosity() > 0:
        for i, f in enumerate(files, 1):
            click.echo(f"{label} [{i}/{len(files)}] {f}", err=True)
            yield f
        return
    if len(files) < 2:
        yield from files
        return
    with click.progressbar(
        files, label=label, file=sys.stderr, show_pos=True, show_eta=True
    ) as bar:
        yield from bar


def _progress_results(results, total: int, label: str):
    """Like `_progress`, over results as they complete (a `Failure` or a value
    with a `path`): a bar on a terminal, a line per file otherwise or with -v."""
    if verbosity() < 0:
        yield from results
        return
    if sys.stderr.isatty() and not verbosity():
        if total < 2:
            yield from results
            return
        with click.progressbar(
            length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True
        ) as bar:
            for res in results:
                bar.update(1)
                yield res
        return
    for i, res in enumerate(results, 1):
        click.echo(f"{label} [{i}/{total}] {_outcome_line(res)}", err=True)
        yield res


_LIMITS_HELP = (
    "Memory one worker may use for a file (512M, 4G; none: no limit of litkg's own; "
    "never above the limit litkg itself runs under)."
)


def _LIMITS(f):  # noqa: N802 - used as the decorator `@_LIMITS`
    """--max-memory and --timeout-per-file (read by `_limits`)."""
    f = click.option("--timeout-per-file", type=click.FloatRange(0), default=300.0,
                     show_default=True,
                     help="Seconds one file may take to read and extract (0: no limit).")(f)  # fmt: skip
    return click.option("--max-memory", default="2G", show_default=True, metavar="SIZE",
                        help=_LIMITS_HELP)(f)  # fmt: skip


def _limits(max_memory: str, timeout_per_file: float):
    """The per-file limits of --max-memory and --timeout-per-file."""
    from litkg.extractor.workers import Limits, parse_size

    try:
        return Limits(parse_size(max_memory), timeout_per_file or None)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--max-memory") from e


def _finish(report, *, quiet: bool = False) -> None:
    if report.failures or not (quiet or verbosity() < 0):
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
    """Show what litkg reads from PDF, JATS XML or text INPUTS (files or folders).

    \b
    Example:
      litkg ingest paper.pdf --no-text
    """
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
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (records are still printed in input order).")  # fmt: skip
@_LIMITS
def extract(
    inputs: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    jobs: int,
    max_memory: str,
    timeout_per_file: float,
) -> None:
    """Extract study records from INPUTS (PDF, JATS XML, text; files or folders).

    Each file is read in a supervised worker process: one that crashes,
    exhausts --max-memory or outlasts --timeout-per-file is named with the
    reason, and the other files go on.

    \b
    Example:
      litkg extract papers/ -o records/
    """
    from litkg.extractor.batch import BatchReport, dumps, extract_files, write_atomic

    if output is not None:
        output.mkdir(parents=True, exist_ok=True)  # an unwritable -o fails before any work
    report = BatchReport()
    done = extract_files(
        inputs,
        report,
        jobs=jobs,
        limits=_limits(max_memory, timeout_per_file),
        progress=lambda results, total: _progress_results(results, total, "extract"),
    )
    for res in done:
        rec = res.record
        data = rec.to_record() if fmt == "record" else rec.to_json()
        if output is not None:
            doc_id = res.doc_meta.get("doc_id") or rec.document
            write_atomic(output / f"{doc_id}.json", dumps(data, pretty=True) + "\n")
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
@click.option("--retry-failed", is_flag=True,
              help="Retry files that failed before although they did not change.")  # fmt: skip
@_LIMITS
@click.option("--prune", is_flag=True,
              help="Remove the stored papers whose files are not among INPUTS "
              "[default: keep them; a build only adds and updates].")  # fmt: skip
@_TIMEOUT
@click.option("--no-dump", is_flag=True, help="Do not write OUT/graph.trig.")
@click.option("--no-validate", is_flag=True,
              help="Do not check the paper graphs written in this run with the SHACL shapes "
              "[default: check them, in the workers, and report violations].")  # fmt: skip
def build(
    inputs: tuple[Path, ...],
    out: Path,
    store: str | None,
    jobs: int,
    executor: str,
    scheduler: str | None,
    force: bool,
    retry_failed: bool,
    max_memory: str,
    timeout_per_file: float,
    prune: bool,
    no_dump: bool,
    no_validate: bool,
) -> None:
    """Extract every paper in INPUTS (files or folders) into the knowledge graph.

    Incremental and add-only: unchanged files are skipped, changed ones
    replace their paper's graph, papers already stored whose files are not
    among INPUTS are kept (--prune removes them, naming each); an
    interrupted build resumes where it stopped when run again.

    Distributed: `--executor dask` fans extraction out over a Dask cluster
    (`--scheduler tcp://HOST:PORT`, whose workers have litkg installed and
    see INPUTS under the same paths; without it a local cluster of --jobs
    workers). Results come back to this process, the only writer of the store.

    \b
    Example:
      litkg build corpus/ -o out --jobs 2
    """
    from litkg.kg.corpus_build import build_corpus

    def progress(results, total):
        yield from _progress_results(results, total, "build")

    if scheduler and executor != "dask":
        raise click.BadParameter("needs --executor dask", param_hint="--scheduler")
    if out.exists() and not out.is_dir():
        raise click.BadParameter(f"{out} is not a folder: name a folder for the build's outputs",
                                 param_hint="-o/--out")  # fmt: skip
    timeout = click.get_current_context().meta.get("litkg.timeout", 60.0)
    from litkg.extractor.parallel import DaskError

    limits = _limits(max_memory, timeout_per_file)
    try:
        report = build_corpus(inputs, out, store=store, jobs=jobs, force=force,
                              executor=executor, scheduler=scheduler,  # type: ignore[arg-type]
                              progress=progress, dump=not no_dump, limits=limits,
                              retry_failed=retry_failed, prune=prune,
                              validate=not no_validate, timeout=timeout or None)  # fmt: skip
    except DaskError as e:
        raise click.ClickException(str(e)) from e
    if verbosity() >= 0 or report.failures or report.violations:
        click.echo(report.summary(), err=True)
    if report.interrupted:
        sys.exit(130)
    if report.failures and not (report.extracted or report.unchanged):
        sys.exit(1)


def _outcome_line(res) -> str:
    """One result of `build` or `extract` as a log line: the file and what
    became of it."""
    from litkg.extractor.batch import Failure

    if isinstance(res, Failure):
        return f"{res.path}: failed [{res.stage}] {res.message}"
    done = getattr(res, "extracted", res)  # build's results hold the extraction
    record = done.record
    # outcomes outside the record's keys are results too; counting keyed ones
    # alone printed "0 outcomes" for most papers outside the seeds' field
    n_outcomes = len(record.outcomes) + len(record.other_outcomes)
    found = f"{n_outcomes} outcomes, {len(record.adverse_events)} adverse events"
    triples = getattr(res, "n_triples", None)
    return f"{done.path}: " + (f"{triples} triples ({found})" if triples is not None else found)


# -------------------------------------------------------------------- effect


@cli.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--papers",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Batch form: the folder of the prompts' papers (PMC<PMCID>.nxml, ...).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Batch form: PREDICTIONS.csv to write (PromptID,Label,Evidence).",
)
@click.option("--intervention", help="Single form: the intervention, as free text.")
@click.option("--comparator", help="Single form: the comparator, as free text.")
@click.option("--outcome", help="Single form: the outcome, as free text.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def effect(source: Path, papers, output, intervention, comparator, outcome, fmt: str) -> None:
    """Direction of effect: significantly increased / decreased / no significant
    difference of the intervention arm against the comparator on an outcome.

    \b
    Example:
      litkg effect PMC123.nxml --intervention aspirin --comparator placebo --outcome stroke
      litkg effect prompts.csv --papers papers/ -o predictions.csv
    """
    if papers is not None or output is not None:
        if papers is None or output is None:
            raise click.UsageError("the batch form needs both --papers DIR and -o PREDICTIONS.csv")
        _effect_batch(source, papers, output)
        return
    if not (intervention and comparator and outcome):
        raise click.UsageError(
            "give --intervention, --comparator and --outcome (or PROMPTS.csv --papers DIR -o FILE)"
        )
    import json

    from litkg.extractor.document import IngestError
    from litkg.extractor.effect.answer import Paper, answer
    from litkg.extractor.ingest import load_document

    try:
        paper = Paper.extracted(load_document(source))
    except IngestError as e:
        raise click.ClickException(str(e)) from e
    a = answer(paper, intervention, comparator, outcome)
    if fmt == "json":
        click.echo(json.dumps(a.to_dict(), indent=1, ensure_ascii=False))
    else:
        click.echo(a.explain())


def _effect_batch(prompts: Path, papers: Path, output: Path) -> None:
    from litkg.extractor.effect.batch import PromptsError, run

    def progress(items, total):
        from tqdm import tqdm

        yield from tqdm(items, total=total, desc="effect", unit="paper", file=sys.stderr,
                        disable=not sys.stderr.isatty())  # fmt: skip

    try:
        n, unreadable = run(prompts, papers, output, progress)
    except PromptsError as e:
        raise click.ClickException(str(e)) from e
    for msg in unreadable:
        click.echo(f"could not read {msg}", err=True)
    click.echo(f"{output}: {n} prompts, {len(unreadable)} papers unreadable", err=True)


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()

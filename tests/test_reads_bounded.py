"""Read commands that cannot hang, leak or half-write: no SERVICE requests
unless asked, a query time limit, Ctrl-C stops a query at once, rows
streamed, and outputs written atomically."""

from __future__ import annotations

import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_compare import build_store
from waiting import wait_until

from litkg.cli import cli
from litkg.kg.queries import stream_query
from litkg.kg.store import OxigraphStore, open_store

#: a query whose result has (number of quads)^3 rows: never finishes on any store
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("bounded") / "store")


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's names
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[]}}')

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def listener():
    """An HTTP server on 127.0.0.1 that records every request it gets."""
    _Counting.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Counting.hits
    server.shutdown()


@pytest.mark.parametrize("silent", ["", "SILENT "])
def test_service_is_refused_without_allow_federation(store_path: Path, listener, silent) -> None:
    url, hits = listener
    q = f"SELECT * WHERE {{ SERVICE {silent}<{url}/sparql> {{ ?s ?p ?o }} }}"
    res = CliRunner().invoke(cli, ["query", q, "--store", str(store_path)])
    assert res.exit_code == 1
    assert "--allow-federation" in res.output and "Traceback" not in res.output
    assert hits == []


def test_service_words_inside_strings_iris_and_prefixed_names_are_not_federation(
    store_path: Path,
) -> None:
    q = (
        "PREFIX ex: <http://example.org/SERVICE/>\n"
        'SELECT ?s WHERE { ?s ?p ?o FILTER(?o != "SERVICE <http://x>" && ?p != ex:SERVICE) } '
        "LIMIT 1  # SERVICE in a comment"
    )
    res = CliRunner().invoke(cli, ["query", q, "--store", str(store_path)])
    assert res.exit_code == 0, res.output


def test_service_with_allow_federation_reaches_the_endpoint(store_path: Path, listener) -> None:
    url, hits = listener
    q = f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}"
    res = CliRunner().invoke(cli, ["query", q, "--store", str(store_path), "--allow-federation"])
    assert res.exit_code == 0, res.output
    assert hits, "pyoxigraph made no request although federation was allowed"


def test_a_query_over_its_time_limit_stops_with_one_line(store_path: Path) -> None:
    t0 = time.monotonic()
    res = CliRunner().invoke(
        cli, ["query", CARTESIAN, "--store", str(store_path), "--timeout", "1"]
    )
    assert time.monotonic() - t0 < 10
    assert res.exit_code == 1
    assert "within 1 s" in res.output and "--timeout" in res.output


def test_every_store_command_takes_timeout() -> None:
    for name, command in cli.commands.items():
        if any(p.name == "store" for p in command.params) and name != "build":
            assert any(p.name == "timeout" for p in command.params), name


def _signal_state(pid: int) -> str:
    """The kernel's view of a process's signals (which are blocked, ignored, caught)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return "(no /proc status)"
    keep = ("State", "Threads", "SigBlk", "SigIgn", "SigCgt")
    return "; ".join(line.replace("\t", " ") for line in lines if line.startswith(keep))


def _as_in_the_foreground() -> None:
    """Ctrl-C as a terminal delivers it: a job started in the background of a
    non-interactive shell (as CI may start the suite) inherits SIGINT ignored,
    and Python then keeps it ignored, as a user's `litkg query ... &` wants."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_a_running_query_at_once(store_path: Path) -> None:
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "litkg.cli", "query", CARTESIAN, "--store", str(store_path),
         "--timeout", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        preexec_fn=_as_in_the_foreground,
    )  # fmt: skip
    time.sleep(4)  # started, imported, and deep in the query
    assert proc.poll() is None
    state = _signal_state(proc.pid)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)  # faulthandler prints every thread's stack
        _, err = proc.communicate(timeout=20)
        pytest.fail(f"SIGINT ignored for 20 s; before it: {state}\n{err[-6000:]}")
    assert time.monotonic() - t0 < 3, state
    assert proc.returncode != 0


def test_rows_stream_before_the_query_finishes(store_path: Path) -> None:
    """A result of billions of rows: the first lines come at once, and
    stopping early stops the query."""
    with open_store(store_path, read_only=True, timeout=20) as s:
        assert isinstance(s, OxigraphStore)
        t0 = time.monotonic()
        chunks = stream_query(s, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", {}, "tsv")
        header = next(chunks)
        first = next(chunks)
        chunks.close()
        assert time.monotonic() - t0 < 5
    assert header == "a\tb\tc\td\te\tf\tg\th\ti"
    assert first.count("\n") == 499


def _write_then_fail(path, *args, **kwargs) -> None:
    """A writer that gets half-way through its file and finds the disk full."""
    with open(path, "w") as fh:
        fh.write("<half of a file")
    raise OSError(28, "No space left on device", str(path))


def _rows_then_fail(self, rows) -> None:
    self.writerow(next(iter(rows)))
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize(
    "fmt", ["trig", "turtle", "ntriples", "nquads", "jsonld", "graphml", "gexf", "meta-analysis"]
)
def test_a_failed_export_leaves_the_old_file(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import csv

    import networkx

    target = tmp_path / "graph.out"
    target.write_text("the good export of yesterday\n")
    monkeypatch.setattr(OxigraphStore, "dump", lambda self, path, fmt: _write_then_fail(path))
    monkeypatch.setattr(networkx, "write_graphml", lambda g, path, **k: _write_then_fail(path))
    monkeypatch.setattr(networkx, "write_gexf", lambda g, path, **k: _write_then_fail(path))
    monkeypatch.setattr(csv.DictWriter, "writerows", _rows_then_fail)
    res = CliRunner().invoke(
        cli, ["export", "--format", fmt, "-o", str(target), "--store", str(store_path)]
    )
    assert res.exit_code == 1
    assert "Traceback" not in res.output and "disk is full" in res.output, res.output
    assert target.read_text() == "the good export of yesterday\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.out"]


def test_a_failed_viz_and_plot_leave_the_old_files(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matplotlib.figure import Figure

    page = tmp_path / "graph.html"
    page.write_text("old page")
    monkeypatch.setattr(Path, "write_text", lambda self, *a, **k: _write_then_fail(self))
    res = CliRunner().invoke(cli, ["viz", "-o", str(page), "--store", str(store_path)])
    assert res.exit_code == 1 and "disk is full" in res.output, res.output
    monkeypatch.undo()
    assert page.read_text() == "old page"

    (tmp_path / "os.png").write_bytes(b"old png")
    monkeypatch.setattr(Figure, "savefig", lambda self, path, **k: _write_then_fail(path))
    res = CliRunner().invoke(
        cli, ["plot", "--endpoint", "OS", "-o", str(tmp_path / "os"), "--store", str(store_path)]
    )
    assert res.exit_code == 1 and "disk is full" in res.output, res.output
    assert (tmp_path / "os.png").read_bytes() == b"old png"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "os.png"]


def test_a_timed_out_query_counts_as_running_until_it_ends() -> None:
    """The caller stops waiting at the deadline; the evaluation it left behind
    is still counted (what `litkg serve` limits) until it really returns."""
    from litkg.kg.store import QueryTimeout, bounded, running_queries

    before = running_queries()
    release = threading.Event()

    def produce(emit):
        release.wait(10)

    with pytest.raises(QueryTimeout):
        list(bounded(produce, 0.05))
    assert running_queries() == before + 1
    release.set()
    assert wait_until(lambda: running_queries() == before)

"""Every failure a user can act on ends in one clear line naming the file,
URL or option, a non-zero exit code, and no traceback."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import free_port
from test_compare import build_store

from litkg.cli import cli
from litkg.kg.store import OxigraphStore

CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text"
ONE_PAPER = sorted(CORPUS_TEXT.glob("*.txt"))[0]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("errors") / "store")


def _clean(res: Result, *words: str) -> None:
    """Exit code 1, one `Error:` line saying each of `words`, no traceback."""
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    lines = [ln for ln in res.output.splitlines() if ln.startswith("Error:")]
    assert len(lines) == 1, res.output
    for w in words:
        assert w in lines[0], res.output


def _file_sub(tmp_path: Path) -> Path:
    f = tmp_path / "file"
    f.write_text("x")
    return f / "sub"


@pytest.mark.parametrize("target", ["/proc/x", "/dev/full", "FILE/sub"])
@pytest.mark.parametrize("command", ["export", "viz"])
def test_unwritable_output_of_export_and_viz(
    store_path: Path, tmp_path: Path, command: str, target: str
) -> None:
    out = str(_file_sub(tmp_path)) if target == "FILE/sub" else target
    fmt = ["--format", "trig"] if command == "export" else []
    res = CliRunner().invoke(cli, [command, *fmt, "-o", out, "--store", str(store_path)])
    _clean(res, out.rsplit("/", 1)[0] if target == "FILE/sub" else out)


def test_export_to_dev_null_discards_and_succeeds(store_path: Path) -> None:
    res = CliRunner().invoke(
        cli, ["export", "--format", "nquads", "-o", "/dev/null", "--store", str(store_path)]
    )
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("target", ["/proc/x", "/dev/null", "FILE/sub"])
def test_unwritable_output_of_extract_and_build(tmp_path: Path, target: str) -> None:
    out = str(_file_sub(tmp_path)) if target == "FILE/sub" else target
    for command in ("extract", "build"):
        res = CliRunner().invoke(cli, [command, str(ONE_PAPER), "-o", out])
        assert res.exit_code != 0, (command, res.output)
        assert "Traceback" not in res.output, (command, res.output)
        assert res.exception is None or isinstance(res.exception, SystemExit), (command, res)


def test_a_second_build_into_a_locked_out_dir(tmp_path: Path) -> None:
    out = tmp_path / "out"
    writer = OxigraphStore(out / "store")
    try:
        res = CliRunner().invoke(cli, ["build", str(ONE_PAPER), "-o", str(out)])
    finally:
        writer.close()
    _clean(res, "another build")


READ_COMMANDS = [
    ["compare"],
    ["show", "x"],
    ["export", "-o", "EXPORT.trig"],
    ["cites"],
    ["links"],
    ["adverse-events"],
    ["viz", "-o", "VIZ"],
    ["validate"],
    ["plot", "--endpoint", "OS", "-o", "PLOT"],
    ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
]


def _args(cmd: list[str], tmp_path: Path) -> list[str]:
    return [str(tmp_path / a.lower()) if a[:3].isupper() else a for a in cmd]


@pytest.mark.parametrize("cmd", READ_COMMANDS, ids=lambda c: c[0])
def test_a_remote_store_that_is_down(cmd: list[str], tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    res = CliRunner().invoke(cli, [*_args(cmd, tmp_path), "--store", url])
    _clean(res, url)


def test_build_into_a_remote_store_that_is_down(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    res = CliRunner().invoke(cli, ["build", str(ONE_PAPER), "-o", str(tmp_path), "--store", url])
    _clean(res, url)


@pytest.fixture()
def mute_server():
    """A server that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    conns: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                conns.append(sock.accept()[0])
            except OSError:
                continue

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    stop.set()
    for c in conns:
        c.close()
    sock.close()


@pytest.mark.parametrize("cmd", [["query", "ASK {}"], ["compare"]], ids=lambda c: c[0])
def test_a_server_that_never_answers_is_named(cmd: list[str], mute_server: str) -> None:
    res = CliRunner().invoke(cli, [*cmd, "--store", mute_server, "--timeout", "1"])
    _clean(res, mute_server, "--timeout")


def test_an_endpoint_name_with_a_quote(store_path: Path) -> None:
    res = CliRunner().invoke(cli, ["compare", "--endpoint", 'O"S', "--store", str(store_path)])
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    if res.exit_code:
        _clean(res, "O")


def test_a_full_disk_mid_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from litkg.kg import corpus_build

    def full(path, text):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(corpus_build, "write_atomic", full)
    res = CliRunner().invoke(cli, ["build", str(ONE_PAPER), "-o", str(tmp_path / "out")])
    _clean(res, "disk is full")

"""Shared fixtures: where the repository and the shared evaluation material are."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


def shared_dir(name: str) -> Path:
    """A folder of ../shared, or skip the test when it is absent."""
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


def free_port() -> int:
    """A TCP port nothing listens on, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def oxigraph_server(tmp_path: Path):
    """A real SPARQL 1.1 server: `oxigraph serve` on a free 127.0.0.1 port over a
    temporary directory; stopped after the test. Skips when the binary is absent."""
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).is_file():
        pytest.skip("the `oxigraph` server binary is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 15
    while True:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.skip(f"oxigraph serve did not start: {proc.stderr.read()[:300]!r}")
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)

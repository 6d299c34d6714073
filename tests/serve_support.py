"""What the tests of `litkg serve` share: a tiny build from two corpus papers,
and the real server (uvicorn) running in a thread on a free loopback port."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from litkg.cli import cli

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "text"
#: Two short corpus papers: a single-arm study (outcomes, AEs, references)
#: and an editorial discussing another paper's results.
PAPERS = ("003_02ee03e209aed3a2.txt", "004_eed059982c442256.txt")


def build(inputs: Path, out: Path, *options: str) -> None:
    """`litkg build INPUTS -o OUT [OPTIONS]`, failing the test on a non-zero exit."""
    args = ["-q", "build", str(inputs), "-o", str(out), "--jobs", "1", *options]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output


def tiny_build(root: Path) -> Path:
    """A build folder (`root/out`) made from copies of PAPERS under `root/in`."""
    inputs = root / "in"
    inputs.mkdir(parents=True)
    for name in PAPERS:
        shutil.copy(CORPUS / name, inputs / name)
    build(inputs, root / "out")
    return root / "out"


@functools.cache
def shared_build() -> Path:
    """One tiny build for every test module that only reads it (built once per
    test process, removed at exit)."""
    root = Path(tempfile.mkdtemp(prefix="litkg-serve-"))
    atexit.register(shutil.rmtree, root, True)
    return tiny_build(root)


@contextmanager
def running(
    store: Path, host: str = "127.0.0.1", token: str | None = None, timeout: float = 60.0
) -> Iterator[str]:
    """The real server over `store` in a thread; yields its base URL."""
    import uvicorn

    from litkg.kg.serve import bind_socket
    from litkg.kg.serve.app import create_app
    from litkg.kg.serve.security import Guard
    from litkg.kg.serve.stores import LiveStore

    live = LiveStore(str(store), timeout, False)
    sock = bind_socket(host, 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(live, Guard(host, token)), log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        live.close()

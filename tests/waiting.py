"""Waiting in tests for something another thread does, without a fixed sleep."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], bool], timeout: float = 2.0, step: float = 0.01) -> bool:
    """Poll `condition` until it holds or `timeout` seconds pass; return its last value.

    The caller still asserts what it waited for, so a condition that never
    holds fails the test with the caller's own message."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(step)

"""Errors a user can act on, as one line instead of a traceback.

`CleanErrors` is the click group class of `litkg`: an exception of a known
kind (a store that cannot be reached or opened, a file that cannot be
written, a full disk, a query over its time limit) leaving a command becomes
`litkg: error: <what> (<what to do>)` and exit code 1. Anything else is a
bug and keeps its traceback.
"""

from __future__ import annotations

import errno
from typing import Any

import click

_HINTS = {
    errno.ENOSPC: "the disk is full: free some space and run the command again",
    errno.EDQUOT: "the disk quota is used up: free some space and run the command again",
    errno.EACCES: "no permission: choose another path or fix its permissions",
    errno.EPERM: "not permitted: choose another path",
    errno.EROFS: "a read-only file system: choose another path",
    errno.ENOTDIR: "a part of the path is a file, not a folder: choose another path",
    errno.EISDIR: "that is a folder: name a file",
    errno.ENOENT: "no such file or folder: check the path",
}


def message(exc: BaseException) -> str | None:
    """The one line for `exc`, or None when it is not a user-facing error."""
    from litkg.extractor.workers import WorkerError
    from litkg.kg.store import StoreError

    if isinstance(exc, StoreError | WorkerError):
        return str(exc)
    if isinstance(exc, OSError):
        what = exc.filename or ""
        if exc.filename2:
            what += f" -> {exc.filename2}"
        reason = exc.strerror or str(exc) or type(exc).__name__
        hint = _HINTS.get(exc.errno or -1)
        line = f"{what}: {reason}" if what else reason
        return f"{line} ({hint})" if hint else line
    if isinstance(exc, MemoryError):
        return "out of memory (try a smaller input or a machine with more memory)"
    return None


class CleanErrors(click.Group):
    """A click group whose commands end a known error in one clear line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as e:  # only known kinds are turned into a line
            line = message(e)
            if line is None:
                raise
            raise click.ClickException(line) from e

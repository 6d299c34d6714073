"""Ingestion: any supported input file -> `Document`.

Readers are registered by file suffix in `READERS` (KGX-style plain registry);
`load_document` picks one and turns every failure into an `IngestError`
naming the file.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from litkg.extractor.document import Document, IngestError

Reader = Callable[[Path], Document]


def _pdf(path: Path) -> Document:
    from litkg.extractor.ingest.pdf import read_pdf

    return read_pdf(path)


def _text(path: Path) -> Document:
    from litkg.extractor.ingest.text import read_text

    return read_text(path)


def _jats(path: Path) -> Document:
    from litkg.extractor.ingest.jats import read_jats

    return read_jats(path)


READERS: dict[str, Reader] = {
    ".pdf": _pdf,
    ".txt": _text,
    ".text": _text,
    ".md": _text,
    ".markdown": _text,
    ".xml": _jats,
    ".nxml": _jats,
}


# Files in a folder that describe it rather than being papers of it.
_NOT_PAPERS = re.compile(
    r"(?i)^(?:readme|license|licence|changelog|contributing|notice)(?:\.\w+)?$"
)


def doc_id_for(path: Path) -> str:
    """The document id: the file name without its extension."""
    return path.name[: -len("".join(path.suffixes[-1:]))] if path.suffix else path.name


def load_document(path: str | Path) -> Document:
    """Read one file into a `Document`, or raise `IngestError` naming it."""
    path = Path(path)
    if not path.exists():
        raise IngestError(str(path), "no such file", "check the path")
    if path.is_dir():
        raise IngestError(str(path), "is a directory", "pass the files, or a folder to `build`")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise IngestError(
            str(path),
            f"unsupported file type {path.suffix or '(none)'!r}",
            f"supported: {supported}",
        )
    try:
        return reader(path)
    except (IngestError, MemoryError):
        raise  # out of memory is the worker's limit, not a fault of the file
    except Exception as exc:  # a reader's unexpected failure still names the file
        if isinstance(exc, OSError) and exc.errno == errno.ENOMEM:
            raise MemoryError(str(exc)) from exc
        if isinstance(exc, PermissionError):
            raise IngestError(str(path), "permission denied") from exc
        raise IngestError(str(path), f"could not be read: {type(exc).__name__}: {exc}") from exc


def expand_inputs(
    paths: Iterable[str | Path], skipped: list[Path] | None = None
) -> tuple[list[Path], list[IngestError]]:
    """Files to read from files and folders (recursively, supported suffixes only).

    Returns the files and one error per path that is missing or per folder
    without a single supported file. The files of a folder that are not
    papers litkg reads (other suffixes, READMEs; hidden ones aside) are
    appended to `skipped` when given.
    """
    files: list[Path] = []
    errors: list[IngestError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_symlink() and not p.exists():
            errors.append(_dangling(p))
            continue
        if p.is_dir():
            errors.extend(
                _dangling(f)
                for f in sorted(p.rglob("*"))
                if f.is_symlink()
                and not f.exists()
                and f.suffix.lower() in READERS
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in READERS
                and not _NOT_PAPERS.match(f.name)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if skipped is not None:
                chosen = set(found)
                skipped.extend(
                    f
                    for f in sorted(p.rglob("*"))
                    if f.is_file()
                    and f not in chosen
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            if not found:
                errors.append(
                    IngestError(
                        str(p),
                        "folder holds no supported file",
                        f"supported: {', '.join(sorted(READERS))}",
                    )
                )
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            errors.append(IngestError(str(p), "no such file", "check the path"))
    return files, errors


def _dangling(link: Path) -> IngestError:
    return IngestError(
        str(link),
        f"dangling symbolic link (its target {os.readlink(link)} does not exist)",
        "fix or remove the link",
    )


def iter_documents(paths: Iterable[Path]) -> Iterator[Document | IngestError]:
    """Load each path in turn, yielding a Document or the error for that file."""
    for p in paths:
        try:
            yield load_document(p)
        except IngestError as exc:
            yield exc

"""Read letter files: expand folders into letters, read text or PDF files, hash their bytes.

Every limit is a parameter with a default here, so one hostile file cannot stall a batch.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from iroparse.errors import InputError

#: File name suffixes a folder is searched for (case-insensitive).
LETTER_SUFFIXES = (".txt", ".pdf")
#: Largest text file read, in bytes (a letter is a few kilobytes).
MAX_TEXT_BYTES = 5_000_000
#: Largest PDF read, in bytes, and most pages read from it.
MAX_PDF_BYTES = 20_000_000
MAX_PDF_PAGES = 50


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Each path as given, folders replaced by their letter files (recursive, in sorted path
    order). A missing path is yielded as is: reading it produces the error row, so no input
    is lost.

    Folders are walked one directory at a time, so a folder of 100,000 letters never becomes a
    list of 100,000 paths in memory (a process pool's workers, forked from this process, would
    each carry a copy).
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                (entry.name, entry.is_dir(follow_symlinks=False))
                for entry in entries
                if entry.is_dir(follow_symlinks=False)
                or (entry.is_file() and os.path.splitext(entry.name)[1].lower() in LETTER_SUFFIXES)
            )
    except OSError:
        return
    for name, is_dir in names:
        if is_dir:
            yield from _walk(folder / name)
        else:
            yield folder / name


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of ``path``, or :class:`InputError` saying why they cannot be read."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError("is a folder with no .txt or .pdf letters", source=str(path))
        if size > limit:
            raise InputError(
                f"file is {size:,} bytes, over the {limit:,}-byte limit for a letter",
                source=str(path),
                code="too-large",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or folder", source=str(path), code="not-found") from None
    except PermissionError:
        raise InputError("permission denied", source=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror or error})", source=str(path)) from None


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data`` (the key resumable outputs skip written inputs by)."""
    return hashlib.sha256(data).hexdigest()


def is_pdf(path: Path, data: bytes | None = None) -> bool:
    """True for a ``.pdf`` name or PDF magic bytes."""
    return path.suffix.lower() == ".pdf" or (data is not None and data[:5] == b"%PDF-")


def read_letter(
    path: Path, *, max_pdf_pages: int = MAX_PDF_PAGES, max_pdf_bytes: int = MAX_PDF_BYTES
) -> str | bytes:
    """The letter text of ``path``: bytes for a text file, extracted text for a PDF."""
    if is_pdf(path):
        from iroparse._io.pdf import extract_text

        return extract_text(path, max_pages=max_pdf_pages, max_bytes=max_pdf_bytes)
    return read_bytes(path)

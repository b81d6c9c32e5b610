"""Parse many letters: one :class:`~iroparse.model.ParseResult` per input, in input order.

With ``jobs=1`` letters are parsed in this process. With ``jobs > 1`` a :mod:`pebble` process
pool does the work: a worker that crashes or runs past ``timeout`` seconds costs its input an
error row (``worker-crashed``, ``timeout``) and is replaced, never the batch. At most
``jobs * WINDOW`` inputs are in flight, so memory does not grow with the number of files.

Every input is read under byte and page caps (:class:`Limits`), so one hostile file cannot
stall a batch: a text file over ``max_text_bytes`` is a ``too-large`` error row, a PDF over
``max_pdf_bytes`` a ``pdf-too-large`` one (neither is read, nor hashed), and only the first
``max_pdf_pages`` pages of a PDF are read.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, TimeoutError
from pathlib import Path

import attrs

from iroparse._io.files import (
    MAX_PDF_BYTES,
    MAX_PDF_PAGES,
    MAX_TEXT_BYTES,
    expand,
    is_pdf,
    read_bytes,
    read_letter,
    sha256,
)
from iroparse.errors import InputError, IroParseError
from iroparse.model import ParseResult

__all__ = ["DEFAULT_TIMEOUT", "WINDOW", "Limits", "parse_many", "parse_path", "parse_path_to_row"]

#: Seconds one input may take in a worker before it becomes a ``timeout`` error row.
DEFAULT_TIMEOUT = 60.0
#: Chunks in flight per worker.
WINDOW = 4
#: Inputs per chunk sent to a worker.
CHUNK = 8

Skip = Callable[[str, str], bool]
"""``skip(source, sha256)``: true leaves an input out of the batch."""
Task = Callable[[str, bool, "Limits"], ParseResult]
"""What a worker runs for one input (:func:`parse_path`)."""

_CHUNK = 1 << 20


@attrs.frozen
class Limits:
    """Caps on what is read from one input (defaults from :mod:`iroparse._io.files`)."""

    max_text_bytes: int = MAX_TEXT_BYTES
    """Largest text file read, in bytes; a larger one is a ``too-large`` error row."""
    max_pdf_bytes: int = MAX_PDF_BYTES
    """Largest PDF read, in bytes; a larger one is a ``pdf-too-large`` error row."""
    max_pdf_pages: int = MAX_PDF_PAGES
    """Pages read from a PDF; later pages are ignored."""

    @classmethod
    def from_options(cls, max_pages: int | None, max_bytes: int | None) -> Limits:
        """The limits of the CLI's ``--max-pages`` and ``--max-bytes`` (``None``: the default);
        a value under 1 is a usage error."""
        limits = cls()
        if max_pages is not None:
            if max_pages < 1:
                raise IroParseError("--max-pages must be at least 1", code="usage")
            limits = attrs.evolve(limits, max_pdf_pages=max_pages)
        if max_bytes is not None:
            if max_bytes < 1:
                raise IroParseError("--max-bytes must be at least 1", code="usage")
            limits = attrs.evolve(limits, max_text_bytes=max_bytes, max_pdf_bytes=max_bytes)
        return limits


DEFAULT_LIMITS = Limits()


def _file_digest(path: Path, limit: int) -> str | None:
    """SHA-256 of the file's bytes read in chunks, or ``None`` when it is missing, unreadable
    or over ``limit`` bytes (such an input is an error row, which resume never skips)."""
    try:
        if not path.is_file() or path.stat().st_size > limit:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def _digest(source: str, limits: Limits) -> str | None:
    path = Path(source)
    return _file_digest(path, limits.max_pdf_bytes if is_pdf(path) else limits.max_text_bytes)


def parse_path(path: str, strict: bool = False, limits: Limits = DEFAULT_LIMITS) -> ParseResult:
    """Parse one file into a :class:`ParseResult`; every failure becomes an error result."""
    from iroparse.parser import default_parser

    parse = default_parser().parse
    digest: str | None = None
    try:
        file = Path(path)
        if is_pdf(file):
            if not file.exists():
                raise InputError("no such file or folder", source=path, code="not-found")
            digest = _file_digest(file, limits.max_pdf_bytes)
            data: str | bytes = read_letter(
                file, max_pdf_pages=limits.max_pdf_pages, max_pdf_bytes=limits.max_pdf_bytes
            )
        else:
            data = read_bytes(file, limit=limits.max_text_bytes)
            digest = sha256(data)
        decision = parse(data, strict=strict, source=path)
        return ParseResult(path, decision, sha256=digest)
    except IroParseError as error:
        return ParseResult(path, error_code=error.code, error_message=error.message, sha256=digest)
    except Exception as error:  # a parser bug must cost one row, not the batch
        message = f"internal error ({type(error).__name__}: {error}); please report it"
        return ParseResult(path, error_code="internal-error", error_message=message, sha256=digest)


def parse_path_to_row(
    path: str, strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> ParseResult:
    """:func:`parse_path`, the decision rendered to its output row (``row_text``) in the worker:
    a finished row crosses the process boundary in one string, cheaper than a
    :class:`~iroparse.model.Decision` to unpickle and render in the main process, so
    ``--jobs N`` scales."""
    from iroparse.outputs.rows import json_text, row_of

    result = parse_path(path, strict, limits)
    if result.decision is None:
        return result
    return attrs.evolve(result, decision=None, row_text=json_text(row_of(result)))


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    strict: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    skip: Skip | None = None,
    limits: Limits = DEFAULT_LIMITS,
    task: Task = parse_path,
) -> Iterator[ParseResult]:
    """Yield one result per input (folders expanded to their ``.txt``/``.pdf`` letters).

    Results come in input order, each with its ``source``; failures are error results, never
    exceptions. ``skip(source, sha256)`` returning true leaves an input out (resumable outputs
    pass the keys they already hold). ``limits`` caps what is read per file. ``task`` is what
    runs for one input (default :func:`parse_path`; with ``jobs > 1`` it must be a module-level
    function). See the module docstring for ``jobs`` and ``timeout``.
    """
    sources: Iterator[str] = (str(p) for p in expand(paths))
    if skip is not None:
        check = skip
        sources = (s for s in sources if not _skipped(s, check, limits))
    if jobs <= 1:
        for source in sources:
            yield task(source, strict, limits)
        return
    yield from _pooled(sources, jobs, strict, timeout, limits, task)


def _skipped(source: str, skip: Skip, limits: Limits) -> bool:
    digest = _digest(source, limits)
    return digest is not None and skip(source, digest)


def run_chunk(task: Task, sources: list[str], strict: bool, limits: Limits) -> list[ParseResult]:
    """What a worker runs: ``task`` for each of a few inputs (one message each way per chunk,
    not per letter, so the pool's overhead does not eat the second core)."""
    return [task(source, strict, limits) for source in sources]


def _chunks(sources: Iterator[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for source in sources:
        chunk.append(source)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pooled(
    sources: Iterator[str], jobs: int, strict: bool, timeout: float, limits: Limits, task: Task
) -> Iterator[ParseResult]:
    """Chunks of :data:`CHUNK` inputs to a process pool, at most ``jobs * WINDOW`` chunks in
    flight. A chunk that runs past ``timeout`` or whose worker dies is run again one input at
    a time, so only the input at fault gets the ``timeout`` or ``worker-crashed`` row (a
    letter that takes ``timeout`` seconds alone is stopped at ``timeout``, as without chunks)."""
    from pebble import ProcessPool

    pool = ProcessPool(max_workers=jobs)
    try:
        pending: deque[tuple[list[str], Future[list[ParseResult]]]] = deque()
        chunks = _chunks(sources, CHUNK)
        exhausted = False
        while True:
            while not exhausted and len(pending) < jobs * WINDOW:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                args = (task, chunk, strict, limits)
                pending.append((chunk, pool.schedule(run_chunk, args, timeout=timeout)))
            if not pending:
                break
            chunk, future = pending.popleft()
            results = _collect(future, chunk, timeout)
            if results is None:  # run again one by one: only the input at fault fails
                singles = [
                    (
                        [source],
                        pool.schedule(run_chunk, (task, [source], strict, limits), timeout=timeout),
                    )
                    for source in chunk
                ]
                results = [r for one, f in singles for r in _collect(f, one, timeout) or ()]
            for result in results:
                if result.sha256 is None and result.error_code in ("timeout", "worker-crashed"):
                    result = attrs.evolve(result, sha256=_digest(result.source, limits))
                yield result
    except BaseException:
        # Ctrl-C, or the consumer stopped early: do not wait for the queued work.
        pool.stop()  # type: ignore[no-untyped-call]
        pool.join()
        raise
    pool.close()  # type: ignore[no-untyped-call]
    pool.join()


def _collect(
    future: Future[list[ParseResult]], chunk: list[str], timeout: float
) -> list[ParseResult] | None:
    """The results of a chunk; for a single input that failed in its worker, its error row;
    ``None`` when a chunk of several failed (to be run again one by one)."""
    from pebble import ProcessExpired

    try:
        return future.result()
    except TimeoutError:
        code, message = "timeout", f"parsing took longer than {timeout:g} s and was stopped"
    except ProcessExpired as error:
        code = "worker-crashed"
        message = f"the worker process died (exit code {error.exitcode})"
    except Exception as error:
        code, message = "internal-error", f"{type(error).__name__}: {error}"
    if len(chunk) > 1:
        return None
    return [_failure(chunk[0], code, message)]


def _failure(source: str, code: str, message: str) -> ParseResult:
    return ParseResult(source, error_code=code, error_message=message)

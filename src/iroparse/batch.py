"""Parse many letters: one :class:`~iroparse.model.ParseResult` per input, in input order.

With ``jobs=1`` letters are parsed in this process. With ``jobs > 1`` a :mod:`pebble` process
pool does the work: a worker that crashes or runs past ``timeout`` seconds costs its input an
error row (``worker-crashed``, ``timeout``) and is replaced, never the batch. At most
``jobs * WINDOW`` inputs are in flight, so memory does not grow with the number of files.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, TimeoutError
from pathlib import Path

from iroparse._files import expand, is_pdf, read_bytes, read_letter, sha256
from iroparse.errors import IroParseError
from iroparse.model import ParseResult

__all__ = ["DEFAULT_TIMEOUT", "parse_many", "parse_path"]

#: Seconds one input may take in a worker before it becomes a ``timeout`` error row.
DEFAULT_TIMEOUT = 60.0
#: Inputs in flight per worker.
WINDOW = 8

Skip = Callable[[str, str], bool]


def parse_path(path: str, strict: bool = False) -> ParseResult:
    """Parse one file into a :class:`ParseResult`; every failure becomes an error result."""
    from iroparse import parse

    digest: str | None = None
    try:
        file = Path(path)
        if is_pdf(file):
            digest = sha256(read_bytes(file, limit=1 << 62))
            data: str | bytes = read_letter(file)
        else:
            data = read_bytes(file)
            digest = sha256(data)
        decision = parse(data, strict=strict, source=path)
        return ParseResult(path, decision, sha256=digest)
    except IroParseError as error:
        return ParseResult(path, error_code=error.code, error_message=error.message, sha256=digest)
    except Exception as error:  # a parser bug must cost one row, not the batch
        message = f"internal error ({type(error).__name__}: {error}); please report it"
        return ParseResult(path, error_code="internal-error", error_message=message, sha256=digest)


def _digest(path: str) -> str | None:
    try:
        return sha256(read_bytes(Path(path), limit=1 << 62))
    except IroParseError:
        return None


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    strict: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    skip: Skip | None = None,
) -> Iterator[ParseResult]:
    """Yield one result per input (folders expanded to their ``.txt``/``.pdf`` letters).

    ``skip(source, sha256)`` returning true leaves an input out (resumable outputs pass the
    keys they already hold). See the module docstring for ``jobs`` and ``timeout``.
    """
    sources = (str(p) for p in expand(str(p) for p in paths))
    if skip is not None:
        sources = (s for s in sources if not _skipped(s, skip))
    if jobs <= 1:
        for source in sources:
            yield parse_path(source, strict)
        return
    yield from _pooled(sources, jobs, strict, timeout)


def _skipped(source: str, skip: Skip) -> bool:
    digest = _digest(source)
    return digest is not None and skip(source, digest)


def _pooled(
    sources: Iterable[str], jobs: int, strict: bool, timeout: float
) -> Iterator[ParseResult]:
    from pebble import ProcessExpired, ProcessPool

    with ProcessPool(max_workers=jobs) as pool:
        pending: deque[tuple[str, Future[ParseResult]]] = deque()
        iterator = iter(sources)
        exhausted = False
        while True:
            while not exhausted and len(pending) < jobs * WINDOW:
                source = next(iterator, None)
                if source is None:
                    exhausted = True
                    break
                pending.append(
                    (source, pool.schedule(parse_path, (source, strict), timeout=timeout))
                )
            if not pending:
                return
            source, future = pending.popleft()
            try:
                yield future.result()
            except TimeoutError:
                yield ParseResult(
                    source,
                    error_code="timeout",
                    error_message=f"parsing took longer than {timeout:g} s and was stopped",
                    sha256=_digest(source),
                )
            except ProcessExpired as error:
                yield ParseResult(
                    source,
                    error_code="worker-crashed",
                    error_message=f"the worker process died (exit code {error.exitcode})",
                    sha256=_digest(source),
                )
            except Exception as error:
                yield ParseResult(
                    source,
                    error_code="internal-error",
                    error_message=f"{type(error).__name__}: {error}",
                    sha256=_digest(source),
                )

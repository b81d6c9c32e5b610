"""The format table: every output format, its file extensions, how it is written to a stream
and to a file. The CLI reads its ``--format`` choices and the extensions of ``--out`` here."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from attrs import frozen

from iroparse.errors import IroParseError
from iroparse.model import ParseResult
from iroparse.outputs.base import Sink, SinkFactory, SinkFileWriter, Stream, Writer
from iroparse.outputs.csv_rows import CsvSink
from iroparse.outputs.json_array import JsonArraySink
from iroparse.outputs.jsonl import JsonlSink, JsonlWriter
from iroparse.outputs.lock import OutputLock
from iroparse.outputs.parquet import ParquetWriter
from iroparse.outputs.rows import Counts, row_of
from iroparse.outputs.sqlite import SqliteWriter
from iroparse.outputs.table import TableSink

__all__ = ["FILE_FORMATS", "FORMATS", "STREAM_FORMATS", "Format", "open_writer", "write_stream"]

Opener = Callable[[Path, bool], Writer]
"""Opens a format's file: ``(path, resume) -> Writer``."""


@frozen
class Format:
    """One output format."""

    name: str
    description: str
    extensions: tuple[str, ...] = ()
    """File extensions (lower case) that select it for ``--out``; none: streams only."""
    sink: SinkFactory | None = None
    """How it is written to a stream (standard output); ``None``: files only."""
    opener: Opener | None = None
    """How its file is opened; ``None``: the file is its stream format written to a file."""
    resumable: bool = False
    """Whether a re-run keeps the file's rows and parses only what is missing."""

    def open(self, path: Path, resume: bool) -> Writer:
        """Open ``path`` for writing in this format."""
        if self.opener is not None:
            return self.opener(path, resume)
        assert self.sink is not None
        return SinkFileWriter(path, self.name, self.sink)


FORMATS: tuple[Format, ...] = (
    Format(
        "jsonl",
        "one row per line, appended",
        (".jsonl", ".ndjson"),
        JsonlSink,
        lambda p, resume: JsonlWriter(p, resume=resume),
        resumable=True,
    ),
    Format("json", "one JSON array of rows, streamed", (".json",), JsonArraySink),
    Format("csv", "flat, one line per letter (the column table)", (".csv",), CsvSink),
    Format("table", "a fixed-width summary for a terminal", (), TableSink),
    Format(
        "sqlite",
        "related tables with foreign keys and indexes",
        (".sqlite", ".sqlite3", ".db"),
        opener=lambda p, resume: SqliteWriter(p, resume=resume),
        resumable=True,
    ),
    Format(
        "parquet",
        "typed nested columns (needs pyarrow), written at close",
        (".parquet",),
        opener=lambda p, resume: ParquetWriter(p),
    ),
)
"""Every output format, in the order the docs and ``--help`` list them."""

FILE_FORMATS: dict[str, str] = {ext: f.name for f in FORMATS for ext in f.extensions}
"""Output file extensions (lower case) and the format each one selects."""

STREAM_FORMATS: tuple[str, ...] = tuple(f.name for f in FORMATS if f.sink is not None)
"""The formats :func:`write_stream` writes to a text stream."""

_BY_NAME = {f.name: f for f in FORMATS}


@contextlib.contextmanager
def _whole() -> Iterator[None]:
    """Hold Ctrl-C back while one row is written and counted, so that the count handed on
    with an interruption is exactly the rows written (POSIX, main thread; elsewhere a no-op)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def write_stream(
    results: Iterable[ParseResult], stream: Stream, fmt: str, *, sink: Sink | None = None
) -> Counts:
    """Write one row per result to ``stream`` in ``fmt`` (one of :data:`STREAM_FORMATS`) as the
    results arrive, flushing after each, and return the counts.

    ``json`` is one array with a row per line, so memory does not grow with the number of
    inputs; ``table`` is a fixed-width summary (source, layout, outcome, review date, CPT
    codes, checked criteria, number of diagnostics or the error) for a terminal. The stream is
    not closed. An unknown ``fmt`` raises :class:`~iroparse.IroParseError` with code
    ``usage``. ``sink``, when given, is the ``fmt`` sink already made for ``stream`` (the
    command line's table drawn on the progress bar's console). An interruption (Ctrl-C) goes
    on up with the rows written whole so far in its ``rows_written`` attribute.
    """
    sink_factory = _BY_NAME[fmt].sink if fmt in _BY_NAME else None
    if sink_factory is None:
        raise IroParseError(
            f"unknown output format {fmt!r}: choose one of {', '.join(STREAM_FORMATS)}",
            code="usage",
        )
    sink = sink if sink is not None else sink_factory(stream)
    written = failed = 0
    try:
        for result in results:
            with _whole():
                sink.write(row_of(result))
                written += 1
            failed += not result.ok
    except KeyboardInterrupt as stop:
        stop.rows_written = written  # type: ignore[attr-defined]
        raise
    finally:
        sink.finish()
    return Counts(written, failed)


def open_writer(path: str | os.PathLike[str], *, resume: bool = True) -> Writer:
    """Open a batch output file, the format chosen by the extension of ``path`` (see
    :data:`FILE_FORMATS`).

    With ``resume`` (the default) a ``.jsonl`` or ``.sqlite`` file keeps its rows and
    :attr:`Writer.done` lists the inputs to skip; with ``resume=False`` it is emptied first.
    ``.json``, ``.csv`` and ``.parquet`` files are always rewritten. An unknown extension
    raises :class:`~iroparse.IroParseError` with code ``usage``; ``.parquet`` without pyarrow
    raises one with code ``parquet-support-missing``.
    """
    target = Path(path)
    fmt = FILE_FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise IroParseError(
            f"cannot tell the output format of {str(target)!r} from its extension: "
            f"use one of {', '.join(FILE_FORMATS)}",
            code="usage",
        )
    lock = OutputLock(target)
    lock.acquire()
    try:
        writer = _BY_NAME[fmt].open(target, resume)
    except BaseException:
        lock.release()
        raise
    writer.lock = lock
    return writer

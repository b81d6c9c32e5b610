"""What every output shares: the :class:`Sink` a stream format writes through and the
:class:`Writer` a file format is opened as."""

from __future__ import annotations

import abc
import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Protocol, TextIO

from iroparse.errors import IroParseError
from iroparse.model import ParseResult
from iroparse.outputs.lock import OutputLock
from iroparse.outputs.rows import Counts, Row, row_of

__all__ = [
    "Sink",
    "SinkFactory",
    "SinkFileWriter",
    "Stream",
    "Writer",
    "open_text",
    "partial_path",
]

Stream = TextIO | IO[str]


class Sink(Protocol):
    """Writes rows of one format to a text stream it does not own."""

    def write(self, row: Row) -> None:
        """Write one row and flush the stream."""

    def finish(self) -> None:
        """Write what closes the output (the ``]`` of a JSON array) and flush."""


SinkFactory = Callable[[Stream], Sink]
"""Makes the :class:`Sink` of a format over a stream (the format's class, usually)."""


class Writer(abc.ABC):
    """A batch output file, opened by :func:`iroparse.outputs.open_writer`; use it as a
    context manager. Not thread-safe: call :meth:`write` from one thread at a time."""

    format_name: str = ""
    """The format written: ``jsonl``, ``json``, ``csv``, ``parquet`` or ``sqlite``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        """The output file."""
        self.done: frozenset[tuple[str, str]] = frozenset()
        """The ``(source, sha256)`` keys of the inputs that had parsed rows in the file when it
        was opened (resumable formats only; error rows are left out so they are retried)."""
        self.written = 0
        """Rows written since the file was opened."""
        self.failed = 0
        """Error rows among them."""
        self.partial: Path | None = None
        """Where a format that is rewritten on every run writes until it is complete
        (``NAME.partial``, renamed over ``NAME`` at close); ``None`` for formats written in
        place (``.jsonl``, ``.sqlite``), whose rows survive an interrupted run."""
        self.lock: OutputLock | None = None
        """The output's lock, taken by :func:`~iroparse.outputs.open_writer`."""
        self._closed = False

    @property
    def counts(self) -> Counts:
        """The rows written since the file was opened, and how many were error rows."""
        return Counts(self.written, self.failed)

    def write(self, result: ParseResult) -> None:
        """Write the row of one input; when this returns, the row survives the process being
        interrupted or killed (for resumable formats; the others are complete at close)."""
        if self._closed:
            raise ValueError(f"{self.path}: write to a closed writer")
        try:
            self._write_result(result)
        except OSError as e:  # a full disk, a file system gone read-only
            raise IroParseError(
                f"cannot write to {self.partial or self.path}: {e.strerror}", code="output-error"
            ) from e
        self.written += 1
        self.failed += not result.ok

    def close(self) -> None:
        """Finish the file (close a JSON array, write the Parquet footer, ...) and, for a
        format written to :attr:`partial`, put it in place of the output. Idempotent."""
        self._end(self._close)

    def abort(self) -> None:
        """End an interrupted run: rows written in place are kept; a :attr:`partial` file is
        left as it is, never renamed over the output. Idempotent."""
        self._end(self._abort)

    def _end(self, how: Callable[[], None]) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            how()
        except OSError as e:
            raise IroParseError(
                f"cannot finish {self.partial or self.path}: {e.strerror}", code="output-error"
            ) from e
        finally:
            if self.lock is not None:
                self.lock.release()

    def _abort(self) -> None:
        """What :meth:`abort` does: by default the same as closing."""
        self._close()

    def _write_result(self, result: ParseResult) -> None:
        """Write one input's row (a format that writes JSON text overrides this to take a
        worker's finished row as it is)."""
        self._write_row(result, row_of(result))

    @abc.abstractmethod
    def _write_row(self, result: ParseResult, row: Row) -> None: ...

    @abc.abstractmethod
    def _close(self) -> None: ...

    def __enter__(self) -> Writer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.format_name} {str(self.path)!r}>"


def open_text(path: Path, mode: str) -> IO[str]:
    """Open an output file as UTF-8 text, an :class:`~iroparse.IroParseError` when it fails."""
    try:
        return open(path, mode, encoding="utf-8", newline="")
    except OSError as e:
        raise IroParseError(f"cannot open {path}: {e.strerror}", code="output-error") from e


class SinkFileWriter(Writer):
    """A stream format (``.json``, ``.csv``) written through its :class:`Sink` to a file the
    writer owns, rewritten from scratch on every run: into ``NAME.partial``, renamed over
    ``NAME`` when complete, so a killed or interrupted run never leaves a file that looks
    complete and is not."""

    def __init__(self, path: Path, format_name: str, sink: SinkFactory) -> None:
        super().__init__(path)
        self.format_name = format_name
        self._partial = self.partial = partial_path(path)
        self._file = open_text(self._partial, "w")
        self._sink = sink(self._file)

    def _write_row(self, result: ParseResult, row: Row) -> None:
        self._sink.write(row)

    def _close(self) -> None:
        try:
            self._sink.finish()
        finally:
            self._file.close()
        os.replace(self._partial, self.path)

    def _abort(self) -> None:
        self._file.close()


def partial_path(path: Path) -> Path:
    """Where a rewritten output is written until complete: ``NAME.partial`` beside it."""
    return path.with_name(path.name + ".partial")

"""``jsonl``: one row a line, appended; resumable. Also :func:`iter_jsonl` to read it back.

Durability: each row is written with one call and flushed, so it is in the operating system
before :meth:`~iroparse.outputs.Writer.write` returns; the file is ``fsync``-ed at most once a
second and at close. A file cut by a killed writer is repaired on resume: an incomplete last
line is dropped, a complete one without its newline is kept.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from iroparse.errors import IroParseError
from iroparse.model import ParseResult
from iroparse.outputs.base import Stream, Writer, open_text
from iroparse.outputs.rows import Row, json_text, row_text

__all__ = ["JsonlSink", "JsonlWriter", "iter_jsonl"]

_FSYNC_INTERVAL = 1.0  # seconds between fsyncs (rows are flushed every time)


class JsonlSink:
    """Writes one row a line to a stream."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream

    def write(self, row: Row) -> None:
        """Write one row as a line and flush."""
        self.stream.write(json_text(row) + "\n")
        self.stream.flush()

    def finish(self) -> None:
        """Flush (JSONL has nothing to close)."""
        self.stream.flush()


def _row_key(obj: Any, latest: dict[str, tuple[Any, bool]]) -> None:
    if isinstance(obj, dict) and isinstance(obj.get("source"), str):
        latest[obj["source"]] = (obj.get("sha256"), "error" not in obj)


def _done_keys(latest: dict[str, tuple[Any, bool]]) -> frozenset[tuple[str, str]]:
    return frozenset(
        (source, sha) for source, (sha, ok) in latest.items() if ok and isinstance(sha, str)
    )


class JsonlWriter(Writer):
    """``.jsonl``: append-only, one row a line; resumable."""

    format_name = "jsonl"

    def __init__(self, path: Path, *, resume: bool) -> None:
        super().__init__(path)
        if resume and path.is_file():  # not a device or a pipe: there is nothing to resume
            self.done = self._repair_and_scan(path)
            self._file = open_text(path, "a")
        else:
            self._file = open_text(path, "w")
        self._last_sync = time.monotonic()

    @staticmethod
    def _repair_and_scan(path: Path) -> frozenset[tuple[str, str]]:
        """Read the rows already in ``path`` and cut an incomplete last line (left by a killed
        writer) so appended rows start on a line of their own."""
        latest: dict[str, tuple[Any, bool]] = {}
        good_end = 0
        tail = b""
        try:
            with open(path, "rb") as f:
                for number, line in enumerate(f, start=1):
                    if not line.endswith(b"\n"):
                        tail = line
                        break
                    good_end += len(line)
                    if not line.strip():
                        continue
                    try:
                        _row_key(json.loads(line), latest)
                    except ValueError:
                        raise IroParseError(
                            f"{path}:{number}: not a JSON line; this file cannot be resumed "
                            "(repair or remove it, or write to a new file)",
                            code="output-corrupt",
                        ) from None
            with open(path, "rb+") as f:
                try:
                    obj = json.loads(tail) if tail.strip() else None
                except ValueError:
                    obj = None  # a row cut short by a kill: drop it
                if isinstance(obj, dict):  # a complete last row without its newline
                    _row_key(obj, latest)
                    f.seek(0, os.SEEK_END)
                    f.write(b"\n")
                else:
                    f.truncate(good_end)
        except OSError as e:
            raise IroParseError(f"cannot read {path}: {e.strerror}", code="output-error") from e
        return _done_keys(latest)

    def _write_result(self, result: ParseResult) -> None:
        self._write_line(row_text(result))

    def _write_row(self, result: ParseResult, row: Row) -> None:
        self._write_line(json_text(row))

    def _write_line(self, text: str) -> None:
        # One write call per line, then flush: the line is in the OS before write() returns.
        self._file.write(text + "\n")
        self._file.flush()
        now = time.monotonic()
        if now - self._last_sync >= _FSYNC_INTERVAL:
            os.fsync(self._file.fileno())
            self._last_sync = now

    def _close(self) -> None:
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
        finally:
            self._file.close()


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[Row]:
    """Yield the rows of a JSONL output, the last row per source only, in file order of those
    last rows; a line cut short by a killed writer is skipped."""
    latest: dict[str, Row] = {}
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                if line.endswith(b"\n"):
                    raise IroParseError(f"{path}: not a JSON line", code="output-corrupt") from None
                continue  # a last line cut short by a killed writer
            latest.pop(row["source"], None)
            latest[row["source"]] = row
    yield from latest.values()

"""Batch outputs: one row per input, written to a file chosen by its extension or to a stream.

Every input of a batch yields exactly one row (DESIGN section 5): the JSON record of its
:class:`~iroparse.model.Decision` with ``source`` and ``sha256`` set, or an error row
``{"source": ..., "sha256": ..., "error": {"code": ..., "message": ...}}`` (:func:`row_of`).

Files (:func:`open_writer`) are written by extension:

=================  =============================================================  =========
extension          content                                                        resumable
=================  =============================================================  =========
``.jsonl``         one row per line, appended                                     yes
``.sqlite``        the tables of :data:`SQLITE_SCHEMA` (stdlib :mod:`sqlite3`)    yes
``.json``          one JSON array of rows, streamed                               no
``.csv``           flat, one line per letter, the columns of :data:`CSV_COLUMNS`  no
``.parquet``       nested columns (needs :mod:`pyarrow`), written at close        no
=================  =============================================================  =========

Resume: a resumable file keeps its rows when it is opened again and :attr:`Writer.done` holds
the ``(source, sha256)`` keys of the letters already parsed there, so a batch runner skips
them and a re-run writes only what is missing. Error rows are never in ``done``: a re-run
retries them. A later row for the same ``source`` supersedes the earlier one (SQLite replaces
it; JSONL appends and readers take the last row per source). The other formats are rewritten
from scratch on every run and their ``done`` is empty.

Durability: a row whose :meth:`Writer.write` returned has been handed to the operating system
(JSONL: written and flushed; SQLite: committed, WAL journal), so an interrupted run (Ctrl-C,
``kill -9``) loses nothing that was reported written. Files are also ``fsync``-ed at most
once a second and at close (SQLite ``synchronous=NORMAL``), so an OS crash or power loss
can lose at most the last moments of a run, never the consistency of the file.
"""

from __future__ import annotations

import abc
import csv
import datetime
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NamedTuple, TextIO

import attrs

from iroparse.catalogue import CRITERIA_CODES
from iroparse.convert import to_dict
from iroparse.errors import IroParseError
from iroparse.model import FieldSpans, ParseResult

__all__ = [
    "CSV_COLUMNS",
    "FILE_FORMATS",
    "SQLITE_SCHEMA",
    "STREAM_FORMATS",
    "Counts",
    "Writer",
    "criteria_codes",
    "csv_columns",
    "iter_jsonl",
    "open_writer",
    "row_of",
    "write_stream",
]

Row = dict[str, Any]

_LEADING_COLUMNS: tuple[str, ...] = (
    "source",
    "sha256",
    "layout",
    "outcome",
    "review_date",
    "case_number",
    "services",
    "cpt_codes",
    "reviewer_qualifications",
    "information_provided",
    "patient_age",
    "patient_sex",
)
_TRAILING_COLUMNS: tuple[str, ...] = (
    "criteria_other",
    "diagnostics",
    "error_code",
    "error_message",
)


def criteria_codes() -> tuple[str, ...]:
    """The criterion codes of the flat outputs' ``criterion_<code>`` columns: the built-in
    catalogue's, then those plugins registered (:func:`iroparse.plugins.registry`), each once."""
    from iroparse.plugins import registry

    return tuple(dict.fromkeys([*CRITERIA_CODES, *(e.code for e in registry().criteria)]))


def csv_columns(codes: Sequence[str] | None = None) -> tuple[str, ...]:
    """The columns of the flat outputs (CSV, the Dask frame), in order, with one
    ``criterion_<code>`` column per criterion code (default: :func:`criteria_codes`, so a
    criterion a plugin registered has its column)."""
    codes = criteria_codes() if codes is None else codes
    return (*_LEADING_COLUMNS, *(f"criterion_{code}" for code in codes), *_TRAILING_COLUMNS)


CSV_COLUMNS: tuple[str, ...] = csv_columns(CRITERIA_CODES)
"""The columns of CSV output with the built-in criteria only, in order (a registered plugin
criterion adds its column: see :func:`csv_columns`). ``criterion_<code>`` is ``true`` when a
checked item with that code is in the letter; list values are joined with `` | `` (texts) or
``;`` (codes)."""

FILE_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}
"""Output file extensions (lower case) and the format each one selects."""

STREAM_FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "table")
"""The formats :func:`write_stream` writes to a text stream."""

SQLITE_SCHEMA = """\
-- One row per input: the record's scalar fields, or the error of an input that failed.
-- A later write for the same source replaces the earlier row (and its child rows).
CREATE TABLE IF NOT EXISTS decisions (
    id               INTEGER PRIMARY KEY,
    source           TEXT NOT NULL,
    sha256           TEXT,              -- hash of the input's bytes (NULL: unreadable)
    layout           TEXT,              -- NULL on error rows
    outcome          TEXT,              -- upheld | overturned | partially_overturned | unknown
    review_date      TEXT,              -- ISO YYYY-MM-DD
    case_number      TEXT,
    clinical_history TEXT,
    analysis         TEXT,
    patient_age      INTEGER,
    patient_sex      TEXT,              -- male | female
    error_code       TEXT,              -- NULL when the input parsed
    error_message    TEXT,
    record_json      TEXT NOT NULL,     -- the full row, as in JSONL output
    UNIQUE (source, sha256)
);
CREATE TABLE IF NOT EXISTS services (
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,       -- 0-based, letter order
    text        TEXT NOT NULL,
    cpt_codes   TEXT NOT NULL,          -- ';'-joined, '' when none
    PRIMARY KEY (decision_id, position)
);
CREATE TABLE IF NOT EXISTS criteria (
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,       -- 0-based, letter order
    code        TEXT NOT NULL,          -- a criterion code, or 'other'
    label       TEXT NOT NULL,
    checked     INTEGER NOT NULL,       -- 0 or 1
    description TEXT,
    PRIMARY KEY (decision_id, position)
);
CREATE TABLE IF NOT EXISTS diagnostics (
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,       -- 0-based
    severity    TEXT NOT NULL,          -- info | warning | error
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    line        INTEGER,
    PRIMARY KEY (decision_id, position)
);
CREATE INDEX IF NOT EXISTS criteria_code ON criteria (code, checked);
CREATE INDEX IF NOT EXISTS diagnostics_code ON diagnostics (code);
"""
"""The SQL that creates the tables of ``.sqlite`` output (``PRAGMA user_version`` is 1)."""

_SQLITE_USER_VERSION = 1
_FSYNC_INTERVAL = 1.0  # seconds between fsyncs of a JSONL file (rows are flushed every time)
_PARQUET_ROW_GROUP = 1000


class Counts(NamedTuple):
    """How many rows a writer wrote, and how many of them were error rows."""

    written: int
    failed: int


def row_of(result: ParseResult) -> Row:
    """Return the output row of one batch input.

    A parsed input gives its record (:func:`iroparse.to_dict`) with ``source`` set to the
    input's and a ``sha256`` key after it; an input that failed gives
    ``{"source": ..., "sha256": ..., "error": {"code": ..., "message": ...}}``.
    """
    if result.decision is None:
        return {
            "source": result.source,
            "sha256": result.sha256,
            "error": {
                "code": result.error_code or "parse-error",
                "message": result.error_message or "",
            },
        }
    row: Row = {}
    for key, value in to_dict(result.decision).items():
        if key == "source":
            row["source"] = result.source
            row["sha256"] = result.sha256
        else:
            row[key] = value
    return row


def _json_text(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False)


# --- flat rows (CSV, table) -------------------------------------------------------------


def _texts(values: Iterable[Any]) -> str:
    return " | ".join(str(v) for v in values)


def _row_cpt_codes(row: Row) -> list[str]:
    codes = (c for s in row.get("services") or () for c in s.get("cpt_codes") or ())
    return list(dict.fromkeys(codes))


def _checked_codes(row: Row) -> list[str]:
    return [c["code"] for c in row.get("criteria") or () if c.get("checked")]


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv_row_of(row: Row, codes: Sequence[str] = CRITERIA_CODES) -> list[str]:
    """The :func:`csv_columns` values of a row, for the criterion ``codes``."""
    error = row.get("error")
    if error is not None:
        blank = [""] * (len(_LEADING_COLUMNS) + len(codes))
        cells = [row["source"], row["sha256"], *blank, error.get("code"), error.get("message")]
        return [_csv_cell(v) for v in cells]
    checked = set(_checked_codes(row))
    patient = row.get("patient") or {}
    values: list[Any] = [
        row["source"],
        row["sha256"],
        row.get("layout"),
        row.get("outcome"),
        row.get("review_date"),
        row.get("case_number"),
        _texts(s["text"] for s in row.get("services") or ()),
        ";".join(_row_cpt_codes(row)),
        _texts(row.get("reviewer_qualifications") or ()),
        _texts(row.get("information_provided") or ()),
        patient.get("age"),
        patient.get("sex"),
        *(code in checked for code in codes),
        _texts(
            c["label"] for c in row.get("criteria") or () if c["code"] == "other" and c["checked"]
        ),
        ";".join(d["code"] for d in row.get("diagnostics") or ()),
        None,
        None,
    ]
    return [_csv_cell(v) for v in values]


# A fixed-width table that fits a 100-column terminal (97 characters a line).
_TABLE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("letter", 23),
    ("layout", 10),
    ("outcome", 20),
    ("date", 10),
    ("cpt", 11),
    ("criteria", 15),
    ("diag", 4),
)


def _fit(text: str, width: int, *, keep_end: bool = False) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut with ``~``."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text.ljust(width)
    if keep_end:
        return "~" + text[len(text) - width + 1 :]
    return text[: width - 1] + "~"


def _table_header() -> str:
    titles = " ".join(title.ljust(width) for title, width in _TABLE_COLUMNS).rstrip()
    rule = " ".join("-" * width for _, width in _TABLE_COLUMNS)
    return f"{titles}\n{rule}\n"


def _table_line(row: Row) -> str:
    source_width = _TABLE_COLUMNS[0][1]
    # the file name: a table is read by a person, and a batch's letters share their folder
    source = _fit(Path(str(row.get("source"))).name, source_width, keep_end=True)
    error = row.get("error")
    if error is not None:
        rest = sum(w + 1 for _, w in _TABLE_COLUMNS[1:]) - 1
        text = f"ERROR {error.get('code')}: {error.get('message')}"
        return f"{source} {_fit(text, rest)}".rstrip() + "\n"
    cells = [
        source,
        str(row.get("layout") or ""),
        str(row.get("outcome") or ""),
        str(row.get("review_date") or ""),
        ",".join(_row_cpt_codes(row)),
        ",".join(_checked_codes(row)),
        str(len(row.get("diagnostics") or ())),
    ]
    fitted = [
        cell if i == 0 else _fit(cell, width)
        for i, (cell, (_, width)) in enumerate(zip(cells, _TABLE_COLUMNS, strict=True))
    ]
    return " ".join(fitted).rstrip() + "\n"


# --- streams ------------------------------------------------------------------------------


class _StreamSink:
    """Writes rows in one of :data:`STREAM_FORMATS` to a text stream it does not own."""

    def __init__(self, stream: TextIO | IO[str], fmt: str) -> None:
        if fmt not in STREAM_FORMATS:
            raise IroParseError(
                f"unknown output format {fmt!r}: choose one of {', '.join(STREAM_FORMATS)}",
                code="usage",
            )
        self.stream = stream
        self.fmt = fmt
        self.count = 0
        self._csv = csv.writer(stream, lineterminator="\n") if fmt == "csv" else None
        self._codes = criteria_codes()
        if fmt == "csv" and self._csv is not None:
            self._csv.writerow(csv_columns(self._codes))
        elif fmt == "table":
            stream.write(_table_header())

    def write(self, row: Row) -> None:
        """Write one row and flush the stream."""
        if self.fmt == "jsonl":
            self.stream.write(_json_text(row) + "\n")
        elif self.fmt == "json":
            self.stream.write(("[\n" if self.count == 0 else ",\n") + _json_text(row))
        elif self._csv is not None:
            self._csv.writerow(_csv_row_of(row, self._codes))
        else:
            self.stream.write(_table_line(row))
        self.count += 1
        self.stream.flush()

    def finish(self) -> None:
        """Write what closes the output (the ``]`` of a JSON array)."""
        if self.fmt == "json":
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def write_stream(results: Iterable[ParseResult], stream: TextIO | IO[str], fmt: str) -> Counts:
    """Write one row per result to ``stream`` in ``fmt`` (one of :data:`STREAM_FORMATS`) as the
    results arrive, flushing after each, and return the counts.

    ``json`` is one array with a row per line, so memory does not grow with the number of
    inputs; ``table`` is a fixed-width summary (source, layout, outcome, review date, CPT
    codes, checked criteria, number of diagnostics or the error) for a terminal. The stream is
    not closed. An unknown ``fmt`` raises :class:`~iroparse.IroParseError` with code
    ``usage``.
    """
    sink = _StreamSink(stream, fmt)
    failed = 0
    try:
        for result in results:
            sink.write(row_of(result))
            failed += not result.ok
    finally:
        sink.finish()
    return Counts(sink.count, failed)


# --- file writers -------------------------------------------------------------------------


class Writer(abc.ABC):
    """A batch output file, opened by :func:`open_writer`; use it as a context manager.

    Not thread-safe: call :meth:`write` from one thread at a time.
    """

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
        self._write_row(result, row_of(result))
        self.written += 1
        self.failed += not result.ok

    def close(self) -> None:
        """Finish the file (close a JSON array, write the Parquet footer, ...). Idempotent."""
        if not self._closed:
            self._closed = True
            self._close()

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
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.format_name} {str(self.path)!r}>"


def _open_text(path: Path, mode: str) -> IO[str]:
    try:
        return open(path, mode, encoding="utf-8", newline="")
    except OSError as e:
        raise IroParseError(f"cannot open {path}: {e.strerror}", code="output-error") from e


class _StreamFileWriter(Writer):
    """``.json`` and ``.csv``: a :class:`_StreamSink` over a file the writer owns."""

    def __init__(self, path: Path, fmt: str) -> None:
        super().__init__(path)
        self.format_name = fmt
        self._file = _open_text(path, "w")
        self._sink = _StreamSink(self._file, fmt)

    def _write_row(self, result: ParseResult, row: Row) -> None:
        self._sink.write(row)

    def _close(self) -> None:
        try:
            self._sink.finish()
        finally:
            self._file.close()


def _done_keys(latest: dict[str, tuple[Any, bool]]) -> frozenset[tuple[str, str]]:
    return frozenset(
        (source, sha) for source, (sha, ok) in latest.items() if ok and isinstance(sha, str)
    )


class _JsonlWriter(Writer):
    """``.jsonl``: append-only, one row a line; resumable."""

    format_name = "jsonl"

    def __init__(self, path: Path, *, resume: bool) -> None:
        super().__init__(path)
        if resume and path.exists():
            self.done = self._repair_and_scan(path)
            self._file = _open_text(path, "a")
        else:
            self._file = _open_text(path, "w")
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
                        obj = json.loads(line)
                    except ValueError:
                        raise IroParseError(
                            f"{path}:{number}: not a JSON line; this file cannot be resumed "
                            "(repair or remove it, or write to a new file)",
                            code="output-corrupt",
                        ) from None
                    if isinstance(obj, dict) and isinstance(obj.get("source"), str):
                        latest[obj["source"]] = (obj.get("sha256"), "error" not in obj)
            with open(path, "rb+") as f:
                try:
                    obj = json.loads(tail) if tail.strip() else None
                except ValueError:
                    obj = None  # a row cut short by a kill: drop it
                if isinstance(obj, dict):  # a complete last row without its newline
                    if isinstance(obj.get("source"), str):
                        latest[obj["source"]] = (obj.get("sha256"), "error" not in obj)
                    f.seek(0, os.SEEK_END)
                    f.write(b"\n")
                else:
                    f.truncate(good_end)
        except OSError as e:
            raise IroParseError(f"cannot read {path}: {e.strerror}", code="output-error") from e
        return _done_keys(latest)

    def _write_row(self, result: ParseResult, row: Row) -> None:
        # One write call per line, then flush: the line is in the OS before write() returns.
        self._file.write(_json_text(row) + "\n")
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


class _SqliteWriter(Writer):
    """``.sqlite``: the tables of :data:`SQLITE_SCHEMA`, one transaction per input; resumable."""

    format_name = "sqlite"

    def __init__(self, path: Path, *, resume: bool) -> None:
        super().__init__(path)
        try:
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise IroParseError(f"cannot open {path}: {e}", code="output-error") from e
        try:
            self._setup(resume)
        except BaseException:
            self._db.close()
            raise

    def _setup(self, resume: bool) -> None:
        db = self._db
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, _SQLITE_USER_VERSION):
                raise IroParseError(
                    f"{self.path}: written by another version of iroparse "
                    f"(user_version {version}); write to a new file",
                    code="output-error",
                )
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            db.executescript(
                f"BEGIN IMMEDIATE;\n{SQLITE_SCHEMA}"
                f"PRAGMA user_version = {_SQLITE_USER_VERSION};\nCOMMIT;"
            )
            if not resume:
                db.execute("BEGIN IMMEDIATE")
                for table in ("diagnostics", "criteria", "services", "decisions"):
                    db.execute(f"DELETE FROM {table}")
                db.execute("COMMIT")
            self.done = frozenset(
                (source, sha)
                for source, sha in db.execute(
                    "SELECT source, sha256 FROM decisions"
                    " WHERE error_code IS NULL AND sha256 IS NOT NULL"
                )
            )
        except sqlite3.DatabaseError as e:
            if db.in_transaction:
                db.rollback()
            raise IroParseError(
                f"{self.path}: not an iroparse SQLite output ({e})", code="output-error"
            ) from e

    def _write_row(self, result: ParseResult, row: Row) -> None:
        db = self._db
        error = row.get("error")
        patient = row.get("patient") or {}
        db.execute("BEGIN IMMEDIATE")
        try:
            # A later row for a source replaces the earlier one (an error, an older version).
            old = db.execute(
                "SELECT id FROM decisions WHERE source = ?", (row["source"],)
            ).fetchall()
            for table in ("services", "criteria", "diagnostics"):
                db.executemany(f"DELETE FROM {table} WHERE decision_id = ?", old)
            db.executemany("DELETE FROM decisions WHERE id = ?", old)
            cursor = db.execute(
                "INSERT INTO decisions (source, sha256, layout, outcome, review_date,"
                " case_number, clinical_history, analysis, patient_age, patient_sex,"
                " error_code, error_message, record_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row["source"],
                    row["sha256"],
                    row.get("layout"),
                    row.get("outcome"),
                    row.get("review_date"),
                    row.get("case_number"),
                    row.get("clinical_history"),
                    row.get("analysis"),
                    patient.get("age"),
                    patient.get("sex"),
                    error["code"] if error else None,
                    error["message"] if error else None,
                    _json_text(row),
                ),
            )
            key = cursor.lastrowid
            db.executemany(
                "INSERT INTO services VALUES (?, ?, ?, ?)",
                [
                    (key, i, s["text"], ";".join(s.get("cpt_codes") or ()))
                    for i, s in enumerate(row.get("services") or ())
                ],
            )
            db.executemany(
                "INSERT INTO criteria VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (key, i, c["code"], c["label"], int(bool(c["checked"])), c.get("description"))
                    for i, c in enumerate(row.get("criteria") or ())
                ],
            )
            db.executemany(
                "INSERT INTO diagnostics VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (key, i, d["severity"], d["code"], d["message"], d.get("line"))
                    for i, d in enumerate(row.get("diagnostics") or ())
                ],
            )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.rollback()
            raise

    def _close(self) -> None:
        self._db.close()


def _parquet_modules() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise IroParseError(
            "writing .parquet needs pyarrow: pip install 'iroparse[parquet]'",
            code="parquet-support-missing",
        ) from e
    return pa, pq


def _parquet_schema(pa: Any) -> Any:
    """The Arrow schema of Parquet output: the record's keys as nested columns, plus the error
    columns. Record columns are null on error rows."""
    string, int64 = pa.string(), pa.int64()
    span = pa.list_(int64)
    spans = pa.struct(
        [(a.name, span) for a in attrs.fields(FieldSpans)]
        + [("reviewer_qualifications", pa.list_(span)), ("information_provided", pa.list_(span))]
    )
    return pa.schema(
        [
            ("source", string),
            ("sha256", string),
            ("schema_version", pa.int32()),
            ("layout", string),
            ("outcome", string),
            ("review_date", pa.date32()),
            ("case_number", string),
            (
                "services",
                pa.list_(
                    pa.struct(
                        [
                            ("text", string),
                            ("cpt_codes", pa.list_(string)),
                            ("start", int64),
                            ("end", int64),
                        ]
                    )
                ),
            ),
            ("reviewer_qualifications", pa.list_(string)),
            ("information_provided", pa.list_(string)),
            ("clinical_history", string),
            ("analysis", string),
            (
                "criteria",
                pa.list_(
                    pa.struct(
                        [
                            ("code", string),
                            ("label", string),
                            ("checked", pa.bool_()),
                            ("description", string),
                            ("start", int64),
                            ("end", int64),
                        ]
                    )
                ),
            ),
            ("patient", pa.struct([("age", pa.int32()), ("sex", string)])),
            (
                "sections",
                pa.list_(
                    pa.struct(
                        [
                            ("kind", string),
                            ("heading", string),
                            ("text", string),
                            ("start", int64),
                            ("end", int64),
                        ]
                    )
                ),
            ),
            (
                "diagnostics",
                pa.list_(
                    pa.struct(
                        [
                            ("severity", string),
                            ("code", string),
                            ("message", string),
                            ("line", pa.int32()),
                            ("start", int64),
                            ("end", int64),
                        ]
                    )
                ),
            ),
            ("spans", spans),
            ("error_code", string),
            ("error_message", string),
        ]
    )


def _parquet_row(row: Row) -> Row:
    error = row.get("error")
    if error is not None:
        return {
            "source": row["source"],
            "sha256": row["sha256"],
            "error_code": error.get("code"),
            "error_message": error.get("message"),
        }
    out = dict(row)
    date = row.get("review_date")
    out["review_date"] = datetime.date.fromisoformat(date) if date else None
    return out


class _ParquetWriter(Writer):
    """``.parquet``: rows buffered into row groups, the file completed at close."""

    format_name = "parquet"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._pa, pq = _parquet_modules()
        self._schema = _parquet_schema(self._pa)
        # Written next to the target and renamed at close, so a killed run leaves any earlier
        # file intact rather than a file without its footer.
        self._partial = path.with_name(path.name + ".partial")
        try:
            self._writer = pq.ParquetWriter(self._partial, self._schema)
        except OSError as e:
            raise IroParseError(f"cannot open {path}: {e}", code="output-error") from e
        self._buffer: list[Row] = []

    def _flush(self) -> None:
        if self._buffer:
            table = self._pa.Table.from_pylist(self._buffer, schema=self._schema)
            self._writer.write_table(table, row_group_size=_PARQUET_ROW_GROUP)
            self._buffer = []

    def _write_row(self, result: ParseResult, row: Row) -> None:
        self._buffer.append(_parquet_row(row))
        if len(self._buffer) >= _PARQUET_ROW_GROUP:
            self._flush()

    def _close(self) -> None:
        try:
            self._flush()
        finally:
            self._writer.close()
        os.replace(self._partial, self.path)


_OPENERS: dict[str, Callable[[Path, bool], Writer]] = {
    "jsonl": lambda p, resume: _JsonlWriter(p, resume=resume),
    "sqlite": lambda p, resume: _SqliteWriter(p, resume=resume),
    "json": lambda p, resume: _StreamFileWriter(p, "json"),
    "csv": lambda p, resume: _StreamFileWriter(p, "csv"),
    "parquet": lambda p, resume: _ParquetWriter(p),
}


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
    return _OPENERS[fmt](target, resume)


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

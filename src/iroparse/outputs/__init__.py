"""Batch outputs: one row per input, written to a file chosen by its extension or to a stream.

Every input of a batch yields exactly one row (DESIGN section 5): the JSON record of its
:class:`~iroparse.model.Decision` with ``source`` and ``sha256`` set, or an error row
``{"source": ..., "sha256": ..., "error": {"code": ..., "message": ...}}`` (:func:`row_of`).

One module per format, behind one table (:data:`FORMATS`, in :mod:`.formats`):

============  ===================================================================  =========
format        module                                                               resumable
============  ===================================================================  =========
``jsonl``     :mod:`.jsonl`: one row per line, appended                            yes
``json``      :mod:`.json_array`: one JSON array, streamed                         no
``csv``       :mod:`.csv_rows`: the flat columns of :mod:`iroparse.columns`        no
``table``     :mod:`.table`: a fixed-width summary (streams only)                  no
``sqlite``    :mod:`.sqlite`: related tables (:mod:`.sqlite_tables`)               yes
``parquet``   :mod:`.parquet`: typed nested columns, written at close              no
============  ===================================================================  =========

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

from typing import Any

from iroparse.columns import CSV_COLUMNS, criteria_codes, csv_columns
from iroparse.outputs.base import Writer
from iroparse.outputs.formats import (
    FILE_FORMATS,
    FORMATS,
    STREAM_FORMATS,
    Format,
    open_writer,
    write_stream,
)
from iroparse.outputs.jsonl import iter_jsonl
from iroparse.outputs.rows import Counts, Row, row_of
from iroparse.outputs.sqlite import sqlite_schema

__all__ = [
    "CSV_COLUMNS",
    "FILE_FORMATS",
    "FORMATS",
    "SQLITE_SCHEMA",
    "STREAM_FORMATS",
    "Counts",
    "Format",
    "Row",
    "Writer",
    "criteria_codes",
    "csv_columns",
    "iter_jsonl",
    "open_writer",
    "row_of",
    "sqlite_schema",
    "write_stream",
]


def __getattr__(name: str) -> Any:
    """``SQLITE_SCHEMA``: the SQL of the tables of ``.sqlite`` output (built on first use)."""
    if name == "SQLITE_SCHEMA":
        return sqlite_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

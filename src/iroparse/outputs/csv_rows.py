"""``csv``: one line per letter, the flat columns of :mod:`iroparse.columns`."""

from __future__ import annotations

import csv
from typing import Any

from iroparse.columns import ERROR_COLUMNS, flat_columns, flat_values
from iroparse.outputs.base import Stream
from iroparse.outputs.rows import Row

__all__ = ["CsvSink", "csv_cell"]


def csv_cell(value: Any) -> str:
    """A cell as CSV text: empty for null, ``true``/``false`` for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class CsvSink:
    """Writes the header (with a column per registered criterion), then one line per row."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        self._columns = flat_columns()
        self._csv = csv.writer(stream, lineterminator="\n")
        self._csv.writerow([*(c.name for c in self._columns), *ERROR_COLUMNS])

    def write(self, row: Row) -> None:
        """Write one row's cells and flush."""
        self._csv.writerow([csv_cell(v) for v in flat_values(row, self._columns)])
        self.stream.flush()

    def finish(self) -> None:
        """Flush (CSV has nothing to close)."""
        self.stream.flush()

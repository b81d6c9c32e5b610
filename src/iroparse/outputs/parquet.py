"""``parquet``: typed, nested columns (needs :mod:`pyarrow`), completed at close.

The Arrow schema is the record's shape (:func:`iroparse.shape.record_shape`) written as Arrow
types: dates are ``date32``, services, criteria, sections and diagnostics ``list<struct>``,
spans ``list<int64>``; error rows have the record columns null and ``error_code`` /
``error_message`` set. Rows are buffered into row groups and written to ``NAME.partial``,
renamed over the target at close, so a killed run never leaves a file without its footer.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

from iroparse.errors import IroParseError
from iroparse.model import Decision, ParseResult
from iroparse.outputs.base import Writer, partial_path
from iroparse.outputs.rows import Row
from iroparse.shape import ArrayOf, Node, ObjectOf, Scalar, record_shape

__all__ = ["ParquetWriter", "arrow_row", "arrow_schema", "parquet_modules"]

_ROW_GROUP = 1000
_ARROW_SCALARS = {
    "string": "string",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool_",
    "date": "date32",
}


def parquet_modules() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, or an error saying which extra to install."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise IroParseError(
            "writing .parquet needs pyarrow: pip install 'iroparse[parquet]'",
            code="parquet-support-missing",
        ) from e
    return pa, pq


def _arrow_type(pa: Any, node: Node) -> Any:
    if isinstance(node, Scalar):
        return getattr(pa, _ARROW_SCALARS[node.kind])()
    if isinstance(node, ArrayOf):
        return pa.list_(_arrow_type(pa, node.item))
    return pa.struct([(p.name, _arrow_type(pa, p.node)) for p in node.properties])


def arrow_schema(pa: Any, cls: type[Decision] = Decision) -> Any:
    """The Arrow schema of Parquet output for records of ``cls``: ``source`` and ``sha256``,
    the record's keys, then the error columns."""
    string = pa.string()
    record = [(p.name, _arrow_type(pa, p.node)) for p in record_shape(cls).properties]
    return pa.schema(
        [
            ("source", string),
            ("sha256", string),
            *(f for f in record if f[0] != "source"),
            ("error_code", string),
            ("error_message", string),
        ]
    )


def _arrow_value(value: Any, node: Node) -> Any:
    if value is None:
        return None
    if isinstance(node, Scalar):
        return datetime.date.fromisoformat(value) if node.kind == "date" else value
    if isinstance(node, ArrayOf):
        return value if node.pair else [_arrow_value(v, node.item) for v in value]
    return {p.name: _arrow_value(value.get(p.name), p.node) for p in node.properties}


def arrow_row(row: Row, cls: type[Decision] = Decision) -> Row:
    """An output row as Arrow takes it: ISO dates as :class:`datetime.date`, an error row as
    its error columns."""
    error = row.get("error")
    if error is not None:
        return {
            "source": row["source"],
            "sha256": row["sha256"],
            "error_code": error.get("code"),
            "error_message": error.get("message"),
        }
    shape: ObjectOf = record_shape(cls)
    out = {p.name: _arrow_value(row.get(p.name), p.node) for p in shape.properties}
    out["source"], out["sha256"] = row["source"], row.get("sha256")
    return out


class ParquetWriter(Writer):
    """``.parquet``: rows buffered into row groups, the file completed at close. The schema is
    that of the first parsed row's decision class (a subclass that adds fields adds columns)."""

    format_name = "parquet"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._pa, self._pq = parquet_modules()
        self._partial = self.partial = partial_path(path)
        self._cls: type[Decision] | None = None
        self._writer: Any = None
        self._buffer: list[Row] = []
        try:  # fail at open, not at the first row group, when the folder is not writable
            self._partial.touch()
        except OSError as e:
            raise IroParseError(f"cannot open {path}: {e.strerror}", code="output-error") from e

    def _flush(self) -> None:
        cls = self._cls or Decision
        schema = arrow_schema(self._pa, cls)
        if self._writer is None:
            self._writer = self._pq.ParquetWriter(self._partial, schema)
        if self._buffer:
            rows = [arrow_row(row, cls) for row in self._buffer]
            table = self._pa.Table.from_pylist(rows, schema=schema)
            self._writer.write_table(table, row_group_size=_ROW_GROUP)
            self._buffer = []

    def _write_row(self, result: ParseResult, row: Row) -> None:
        if self._cls is None and result.decision is not None:
            self._cls = type(result.decision)
        self._buffer.append(row)
        if len(self._buffer) >= _ROW_GROUP:
            self._flush()

    def _close(self) -> None:
        try:
            self._flush()
        finally:
            if self._writer is not None:
                self._writer.close()
        os.replace(self._partial, self.path)

    def _abort(self) -> None:
        if self._writer is not None:  # the rows so far stay in NAME.partial, not renamed
            self._writer.close()

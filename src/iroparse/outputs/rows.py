"""Output rows: one per batch input, the record of its decision or an error row."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from iroparse.convert import to_dict
from iroparse.model import ParseResult

__all__ = ["Counts", "Row", "json_text", "row_of", "row_text"]

Row = dict[str, Any]


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
    if result.row_text is not None:
        row: Row = json.loads(result.row_text)
        return row
    if result.decision is None:
        return {
            "source": result.source,
            "sha256": result.sha256,
            "error": {
                "code": result.error_code or "parse-error",
                "message": result.error_message or "",
            },
        }
    row = {}
    for key, value in to_dict(result.decision).items():
        if key == "source":
            row["source"] = result.source
            row["sha256"] = result.sha256
        else:
            row[key] = value
    return row


def row_text(result: ParseResult) -> str:
    """The output row of one batch input as one line of JSON (no newline)."""
    return result.row_text if result.row_text is not None else json_text(row_of(result))


def json_text(row: Row) -> str:
    """One row as a line of JSON (no newline), non-ASCII kept as is."""
    return json.dumps(row, ensure_ascii=False)

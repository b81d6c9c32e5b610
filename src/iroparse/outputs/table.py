"""``table``: a fixed-width summary for a person at a terminal, one line per letter."""

from __future__ import annotations

from pathlib import Path

from iroparse.columns import checked_codes, row_cpt_codes
from iroparse.outputs.base import Stream
from iroparse.outputs.rows import Row

__all__ = ["TableSink"]

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


def _header() -> str:
    titles = " ".join(title.ljust(width) for title, width in _TABLE_COLUMNS).rstrip()
    rule = " ".join("-" * width for _, width in _TABLE_COLUMNS)
    return f"{titles}\n{rule}\n"


def table_line(row: Row) -> str:
    """One row of the table: file name, layout, outcome, date, CPT codes, checked criteria and
    the number of diagnostics, or the error."""
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
        ",".join(row_cpt_codes(row)),
        ",".join(checked_codes(row)),
        str(len(row.get("diagnostics") or ())),
    ]
    fitted = [
        cell if i == 0 else _fit(cell, width)
        for i, (cell, (_, width)) in enumerate(zip(cells, _TABLE_COLUMNS, strict=True))
    ]
    return " ".join(fitted).rstrip() + "\n"


class TableSink:
    """Writes the table's header, then one line per row."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        stream.write(_header())

    def write(self, row: Row) -> None:
        """Write one row's line and flush."""
        self.stream.write(table_line(row))
        self.stream.flush()

    def finish(self) -> None:
        """Flush (the table has nothing to close)."""
        self.stream.flush()

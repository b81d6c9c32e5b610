"""``table``: a summary for a person at a terminal, one row per letter, drawn by rich.

The table fits the console's width: the fixed columns (layout, outcome, date, diagnostics)
keep their width and the others (the letter's path, its CPT codes, the checked criteria) share
the rest. A cell too long for its column wraps onto the next line rather than being cut, so a
path keeps its folder and a criterion code stays whole. Rows are printed as they come (a batch
of thousands streams), each as a table of one row with the same column widths as the header.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iroparse.columns import checked_codes, row_cpt_codes
from iroparse.outputs.base import Stream
from iroparse.outputs.rows import Row

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

__all__ = ["TableSink", "table_console"]

#: (title, width) of the columns that keep their width; ``None``: shares the rest.
_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("letter", None),
    ("layout", 12),
    ("outcome", 20),
    ("date", 10),
    ("cpt", None),
    ("criteria", None),
    ("diag", 4),
)
#: How the columns without a width share what is left: the letter's path, the codes, the
#: criteria.
_SHARES = {"letter": 5, "cpt": 2, "criteria": 3}
#: The narrowest a shared column gets, however narrow the console.
_MIN_SHARED = 6
#: The width of a table written to a file or a pipe (no terminal to fit).
FILE_WIDTH = 120


def table_console(stream: Stream) -> Console:
    """A rich console writing to ``stream``: the terminal's width and colours on a terminal,
    :data:`FILE_WIDTH` columns and plain text elsewhere."""
    from rich.console import Console

    isatty = getattr(stream, "isatty", None)
    terminal = bool(isatty and isatty())
    return Console(
        file=stream,
        width=None if terminal else FILE_WIDTH,
        highlight=False,
        soft_wrap=False,
        color_system="auto" if terminal else None,
    )


def _widths(total: int) -> dict[str, int]:
    """Each column's width for a console ``total`` characters wide (each column is followed
    by one blank)."""
    fixed = sum(width for _, width in _COLUMNS if width is not None)
    left = max(total - fixed - len(_COLUMNS), _MIN_SHARED * len(_SHARES))
    shares = sum(_SHARES.values())
    widths = {name: max(_MIN_SHARED, left * share // shares) for name, share in _SHARES.items()}
    return {title: width if width is not None else widths[title] for title, width in _COLUMNS}


def _cells(row: Row) -> list[str]:
    return [
        str(row.get("source")),
        str(row.get("layout") or ""),
        str(row.get("outcome") or ""),
        str(row.get("review_date") or ""),
        ", ".join(row_cpt_codes(row)),
        ", ".join(checked_codes(row)),
        str(len(row.get("diagnostics") or ())),
    ]


class TableSink:
    """Writes the table's header, then each row as it comes."""

    def __init__(self, stream: Stream, console: Console | None = None) -> None:
        """Draw on ``console`` when given (the progress bar's, so that rows print above the
        bar), else on a console of its own writing to ``stream``."""
        self.console = console if console is not None else table_console(stream)
        self.widths = _widths(self.console.width)
        self.console.print(self._table(header=True))

    def _table(self, header: bool = False) -> Table:
        from rich.table import Table

        table = Table(
            box=None, show_header=header, header_style="bold", padding=(0, 1, 0, 0), expand=False
        )
        for title, _ in _COLUMNS:
            table.add_column(
                title,
                width=self.widths[title],
                no_wrap=False,
                overflow="fold",
                justify="right" if title == "diag" else "left",
            )
        return table

    def write(self, row: Row) -> None:
        """Print one row: the letter's values, or its error across the other columns."""
        from rich.table import Table
        from rich.text import Text

        error = row.get("error")
        if error is None:
            table = self._table()
            table.add_row(*_cells(row))
        else:
            table = Table(box=None, show_header=False, padding=(0, 1, 0, 0))
            table.add_column(width=self.widths["letter"], overflow="fold")
            rest = sum(self.widths.values()) + len(self.widths) - self.widths["letter"] - 2
            table.add_column(width=rest, overflow="fold")
            message = Text(f"ERROR {error.get('code')}: {error.get('message')}", style="red")
            table.add_row(str(row.get("source")), message)
        self.console.print(table)
        self.console.file.flush()

    def finish(self) -> None:
        """Flush (the table has nothing to close)."""
        self.console.file.flush()

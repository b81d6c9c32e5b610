"""The words of a table's column headings, and the test of a header row built on them.

A services table's columns (``Code    Service Requested    Units``) and a records table's
(``Date    Document    Source``) are named in :mod:`iroparse.tables.wording`; a header row
has two of them at least, its other cells columns no reader needs (``Laterality``). The
sidebar's cut (:mod:`iroparse._pipeline.sidebar`) and the left letterhead column's
(:mod:`iroparse._pipeline.left_column`) both ask it: a table's columns are no letterhead's.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse.tables.wording import RECORDS_TABLE_COLUMNS, SERVICE_TABLE_COLUMNS

__all__ = ["COLUMN_WORD", "UNKNOWN_HEADING", "header_row"]

#: A column heading a table reader knows: a services or a records table's.
COLUMN_WORD = regex.compile(
    "(?i)(?:"
    + "|".join(f"(?:{pattern})" for _, pattern in SERVICE_TABLE_COLUMNS)
    + f"|{RECORDS_TABLE_COLUMNS})\\s*:?"
)
#: A column heading no reader knows: a capitalised word or two (``Laterality``).
UNKNOWN_HEADING = regex.compile(r"\p{Lu}[\p{L}/.#()-]{1,15}(?: [\p{L}/.#()-]{1,15})?")
#: Column headings a header row has at least.
MIN_HEADINGS = 2


def header_row(cells: Sequence[str]) -> bool:
    """Whether ``cells`` (a line's cells, in order) are a table's header row: two column
    headings a reader knows or more, every other cell a capitalised word or two."""
    known = sum(COLUMN_WORD.fullmatch(text) is not None for text in cells)
    return known >= MIN_HEADINGS and all(
        COLUMN_WORD.fullmatch(text) or UNKNOWN_HEADING.fullmatch(text) for text in cells
    )

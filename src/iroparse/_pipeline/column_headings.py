"""The words of a table's column headings, and the test of a header row built on them.

A services table's columns (``Code    Service Requested    Units``) and a records table's
(``Date    Document    Source``) are named in :mod:`iroparse.tables.wording`; a header row
has two of them at least, its other cells columns no reader needs (``Laterality``); a
decision or a quantity is a table's cell (:data:`TABLE_CELL`). The
sidebar's cut (:mod:`iroparse._pipeline.sidebar`) and the left letterhead column's
(:mod:`iroparse._pipeline.left_column`) both ask it: a table's columns are no letterhead's.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse.tables.wording import OUTCOME_WORDS, RECORDS_TABLE_COLUMNS, SERVICE_TABLE_COLUMNS

__all__ = ["COLUMN_WORD", "TABLE_CELL", "UNKNOWN_HEADING", "header_row"]

#: A column heading a table reader knows: a services or a records table's.
COLUMN_WORD = regex.compile(
    "(?i)(?:"
    + "|".join(f"(?:{pattern})" for _, pattern in SERVICE_TABLE_COLUMNS)
    + f"|{RECORDS_TABLE_COLUMNS})\\s*:?"
)
#: A column heading no reader knows: a capitalised word or two (``Laterality``).
UNKNOWN_HEADING = regex.compile(r"\p{Lu}[\p{L}/.#()-]{1,15}(?: [\p{L}/.#()-]{1,15})?")
#: A services table's decision cell or its column's heading, or a service's quantity (``x 12
#: sessions``, ``3 days``, ``#120``, ``2x/week x 6 weeks``): a table's own last column, never
#: a sidebar, however alike the two look (text at one column down several lines).
TABLE_CELL = regex.compile(
    "(?i)"
    + "|".join(
        [f"(?:{words})" for _, words in OUTCOME_WORDS]
        + [f"(?:{words})" for kind, words in SERVICE_TABLE_COLUMNS if kind == "outcome"]
        + [
            r"(?:[x×]\s*)?\d{1,3}\s*(?:units?|visits?|sessions?|treatments?|days?|weeks?"
            r"|months?|hours?)|[x×]\s*\d{1,3}(?:\s+\p{L}+){0,2}|\#\s?\d{1,4}"
            r"|\d{1,2}\s*[x×]\s*(?:/|per\s+)?(?:week|wk)(?:\s*[x×]\s*\d{1,2}\s*(?:weeks?|wks?))?"
        ]
    )
)
#: Column headings a header row has at least.
MIN_HEADINGS = 2


def header_row(cells: Sequence[str]) -> bool:
    """Whether ``cells`` (a line's cells, in order) are a table's header row: two column
    headings a reader knows or more, every other cell a capitalised word or two."""
    known = sum(COLUMN_WORD.fullmatch(text) is not None for text in cells)
    return known >= MIN_HEADINGS and all(
        COLUMN_WORD.fullmatch(text) or UNKNOWN_HEADING.fullmatch(text) for text in cells
    )

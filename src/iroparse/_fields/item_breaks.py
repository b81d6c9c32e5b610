"""Where a list's line starts an item of its own, or goes on with the one above, by what the
two lines are: rows of one table (their cells in the same columns), labelled items
(``Specialty:    ...`` / ``Board certification:    ...``), a specialty's name the wrapper
cut (``... American Board of Orthopaedic`` / ``Surgery``). Read by
:mod:`iroparse._fields.lists`."""

from __future__ import annotations

import regex

from iroparse._fields.specialties import DEFAULT_SPECIALTIES
from iroparse._pipeline.label_rows import CELL

__all__ = ["LABELLED", "ends_with_specialty", "rows_alike", "specialty_across"]

#: A table's row has at least this many cells.
ROW_CELLS = 3


def rows_alike(above: str, line: str) -> bool:
    """Whether two lines are rows of one table: three cells or more each, starting in the same
    columns (``Request for ...    07/16/2018    Enrollee`` / ``Adverse ...    05/29/2018
    Health plan``)."""
    if "  " not in above or "  " not in line:
        return False
    starts = [[m.start() for m in CELL.finditer(text)] for text in (above, line)]
    return (
        len(starts[0]) >= ROW_CELLS
        and len(starts[0]) == len(starts[1])
        and all(abs(a - b) <= 1 for a, b in zip(*starts, strict=True))
    )


#: A line that opens with a label, its colon and a gap: ``Board certification:     ...``.
LABELLED = regex.compile(r"\p{Lu}[\p{L} ]{1,30}:\s{2,}\S")


def specialty_across(text: str, nxt: str) -> bool:
    """Whether a specialty's name runs from the end of ``text`` onto ``nxt`` (``... American
    Board of Orthopaedic`` / ``Surgery ...``): the wrapper cut the name."""
    words = text.rsplit(None, 1)
    if not words or not words[-1][:1].isupper() or not nxt[:1].isupper():
        return False  # a name's words are capitalised on both sides of the cut
    tail = text[-SPECIALTY_REACH:]
    return any(
        start < len(tail) < stop
        for _, start, stop in DEFAULT_SPECIALTIES.find(f"{tail} {nxt[:SPECIALTY_REACH]}")
    )


#: A specialty's name is looked for this many characters either side of a line's end.
SPECIALTY_REACH = 48


def ends_with_specialty(text: str) -> bool:
    """Whether ``text`` ends with a whole specialty's name (``... in Radiation Oncology``)."""
    end = len(text.rstrip(" .,;"))
    return any(stop == end for _, _, stop in DEFAULT_SPECIALTIES.find(text))

"""Where a list's line starts an item of its own, or goes on with the one above, by what the
two lines are: rows of one table (their cells in the same columns), labelled items
(``Specialty:    ...`` / ``Board certification:    ...``), a specialty's name the wrapper
cut (``... American Board of Orthopaedic`` / ``Surgery``). Read by
:mod:`iroparse._fields.lists`."""

from __future__ import annotations

import regex

from iroparse._fields.specialties import DEFAULT_SPECIALTIES
from iroparse._pipeline.label_rows import CELL, TABLE_ROW_CELLS

__all__ = ["LABELLED", "date_left_open", "ends_with_specialty", "rows_alike", "specialty_across"]


def rows_alike(above: str, line: str) -> bool:
    """Whether two lines are rows of one table: three cells or more each, starting in the same
    columns (``Request for ...    07/16/2018    Enrollee`` / ``Adverse ...    05/29/2018
    Health plan``)."""
    if "  " not in above or "  " not in line or not (line[:1].isupper() or line[:1].isdigit()):
        return False  # (a cell's words wrapped go on in lower case: ``follow-up notes``)
    cells = [[(m.start(), m.group()) for m in CELL.finditer(text)] for text in (above, line)]
    return (
        len(cells[0]) >= TABLE_ROW_CELLS
        and len(cells[0]) == len(cells[1])
        and all(abs(a[0] - b[0]) <= 1 for a, b in zip(*cells, strict=True))
        # (no cell above left open: ``Otolaryngology consultation and``, ``02/07/2018 -``)
        and not any(_OPEN_CELL.search(text) for _, text in cells[0])
    )


#: A cell that a row's next line goes on with: its last word a joining one, or a comma or a
#: dash after it.
_OPEN_CELL = regex.compile(r"(?i)(?:[,\-–]|\b(?:and|or|of|the|to|for|with|in|on|by))$")


def date_left_open(row: str) -> bool:
    """Whether ``row``'s first cell is a date its next line goes on with (``04/30/2019,``,
    ``01/07/2019 -``, ``06/2020 to``)."""
    first = CELL.match(row.lstrip())
    return first is not None and _OPEN_DATE.fullmatch(first.group()) is not None


#: A date cell left open: a comma, a dash or a range's word after its date.
_OPEN_DATE = regex.compile(r"[\d/.-]{4,10}\s*(?:[,\-–]|to|through|thru)")


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

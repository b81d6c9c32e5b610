"""A table row whose cell wrapped onto the lines below it, read cell by cell::

    Notice of assignment of IRO, Division of Workers'    07/01/2016
    Compensation

is ``Notice of assignment of IRO, Division of Workers' Compensation 07/01/2016``, as a reader
reads the row, not the lines in turn. Only a row of two cells or more whose wrapped words
stand under its widest cell, a cell other than its last, is read so (a dated record wrapped
under its text, ``05/23/16:  Notice ...`` / ``    plan and goals``, reads the same line by
line, and one wrapped back under its date stays in line order).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse._pipeline.tokens import Token

__all__ = ["cells_joined", "wraps_a_cell"]

#: A cell: words parted by single blanks; two blanks or more part two cells.
_CELL = regex.compile(r"\S+(?: \S+)*")
#: A wrapped cell's words start this many columns from its cell's start at most.
ALIGN = 1


def cells_joined(group: Sequence[Token]) -> str | None:
    """The row's text read cell by cell (see the module docstring), or ``None`` when the
    group's lines are no such row."""
    if len(group) < 2:
        return None
    first = group[0]
    heads = [(first.column + m.start(), m.group()) for m in _CELL.finditer(first.text)]
    if len(heads) < 2:
        return None
    widest = max(range(len(heads)), key=lambda n: len(heads[n][1]))
    parts = [[text] for _, text in heads]
    for token in group[1:]:
        for m in _CELL.finditer(token.text):
            at = token.column + m.start()
            under = [n for n, (column, _) in enumerate(heads) if abs(column - at) <= ALIGN]
            if (
                not under
                or under[0] != widest
                or (widest + 1 < len(heads) and token.column + m.end() >= heads[widest + 1][0])
            ):
                return None
            parts[widest].append(m.group())
    if widest == len(heads) - 1:
        return None  # the last cell wrapped: line by line reads the same
    return " ".join(" ".join(part) for part in parts)


def wraps_a_cell(row: Token, token: Token) -> bool:
    """Whether ``token``'s words all stand under ``row``'s widest cell, a cell other than its
    last (``Notice of assignment ... Workers'    07/01/2016`` / ``Compensation``): the cell
    wrapped, and the line goes on with the row, capital or not."""
    heads = [(row.column + m.start(), m.group()) for m in _CELL.finditer(row.text)]
    if len(heads) < 2:
        return False
    widest = max(range(len(heads)), key=lambda n: len(heads[n][1]))
    if widest == len(heads) - 1:
        return False
    # (within the cell: a row whose first cell runs up to the next is a row of its own)
    next_cell = heads[widest + 1][0]
    return all(
        abs(heads[widest][0] - (token.column + m.start())) <= ALIGN
        and token.column + m.end() < next_cell
        for m in _CELL.finditer(token.text)
    )

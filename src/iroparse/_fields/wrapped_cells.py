"""A table row whose cell wrapped onto the lines below it, read cell by cell::

    Notice of assignment of IRO, Division of Workers'    07/01/2016
    Compensation

is ``Notice of assignment of IRO, Division of Workers' Compensation 07/01/2016``, as a reader
reads the row, not the lines in turn. The cells that may wrap are a row's widest cell, when
it is not the last (a last cell that wraps reads the same line by line), a cell that
leaves a date range open (``01/05/2016 -`` / ``02/16/2016``), and one that ends in a joining
word (``Texas Department of`` / ``Insurance``). A dated record wrapped back
under its date (``05/23/16:  Notice ...`` / ``   of IRO``) stays in line order, and a line
that runs past its cell into the next is a row of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse._pipeline.tokens import Token

__all__ = ["cells_joined", "wraps_a_cell"]

#: A wrapped cell's words start this many columns from its cell's start at most: two, for
#: a drawn table's hanging indent (``| Prior authorization denial and appeal`` /
#: ``|   denial``).
ALIGN = 2
#: A date range left open at a cell's end: its end wrapped onto the next line.
_OPEN_RANGE = regex.compile(r"\d\s*(?:[-–]|to|through|thru)$")

#: A table's columns stand at least this many blanks apart.
TABLE_GAP = 3
#: A cell left open by a joining word at its end: ``Texas Department of`` / ``Insurance``.
_OPEN_CELL = regex.compile(r"(?i)\s(?:of|and|the|for|&)$")
#: A word cut by a line-end hyphen.
_CUT_WORD = regex.compile(r"\p{L}-$")

_Cells = list[tuple[int, str]]

#: A cell: words parted by single blanks, or by two after a comma (a scan's spacing,
#: ``follow-up notes,  Dr. Okafor,  08/30/2006 and``: one cell, no table's row) or after a
#: sentence's full stop (a typist's: ``... limited to spinal surgery.  Licensed``).
_CELL = regex.compile(r"\S+(?:(?: |(?<=,)  |(?<=\p{Ll}\.)  (?=\p{Lu}))\S+)*")


def _cells(token: Token) -> _Cells:
    """The token's cells, each with the column it starts at."""
    return [(token.column + m.start(), m.group()) for m in _CELL.finditer(token.text)]


def _wrapping(heads: _Cells) -> list[int]:
    """The cells of a row whose words may wrap onto the next lines (see the module
    docstring)."""
    widest = max(range(len(heads)), key=lambda n: len(heads[n][1]))
    cells = [widest] if widest < len(heads) - 1 else []
    return cells + [
        n
        for n, (at, text) in enumerate(heads)
        if n != widest
        and (
            _OPEN_RANGE.search(text)
            # (a table's gap after it, three blanks at least: two after ``of`` are a scan's
            # spacing inside a sentence, ``notes of  07/2009 ...``)
            or (
                _OPEN_CELL.search(text)
                and n + 1 < len(heads)
                and heads[n + 1][0] - (at + len(text)) >= TABLE_GAP
            )
        )
    ]


def _cell_under(
    heads: _Cells, at: int, end: int, last: bool = False, closed: frozenset[int] = frozenset()
) -> int | None:
    """The wrapping cell a piece from column ``at`` to ``end`` stands under, or ``None``;
    with ``last``, the row's last cell wraps too (beside a wrapping cell's piece: ``...
    denial with      Carrier UR`` / ``peer review report      agent``); a date range in
    ``closed`` got its end on a line above and wraps no more."""
    cells = range(len(heads)) if last else [n for n in _wrapping(heads) if n not in closed]
    for n in cells:
        if abs(heads[n][0] - at) <= ALIGN and (n + 1 == len(heads) or end < heads[n + 1][0]):
            return n
    return None


def cells_joined(group: Sequence[Token]) -> str | None:
    """The row's text read cell by cell (see the module docstring), or ``None`` when the
    group's lines are no such row."""
    if len(group) < 2 or _CUT_WORD.search(group[0].text):
        # (a word cut at the line's end goes on at the next line's start: read line by line,
        # ``... experience  in occupational rehabili-`` / ``tation``)
        return None
    heads = _cells(group[0])
    if len(heads) < 2:
        return None
    parts = [[text] for _, text in heads]
    for token in group[1:]:
        pieces = _cells(token)
        # (the last cell's piece counts beside another cell's: alone it reads the same
        # line by line)
        last = len(pieces) > 1
        for at, text in pieces:
            n = _cell_under(heads, at, at + len(text), last)
            if n is None:
                return None
            parts[n].append(text)
    return " ".join(" ".join(part) for part in parts)


def wraps_a_cell(group: Sequence[Token], token: Token) -> bool:
    """Whether ``token``'s words all stand under cells of the row ``group`` opens that wrap
    (``Notice of assignment ... Workers'    07/01/2016`` / ``Compensation``), or the line's
    one cell stands under the row's last: the line goes on with the row, capital or not. A
    date range left open wraps once: under its end (``08/2016 -`` / ``11/2016``) the next
    line's date is the next row's."""
    heads = _cells(group[0])
    pieces = _cells(token)
    if len(heads) < 2 or not pieces:
        return False
    # the row's last cell wrapped (``n.d.    Health plan policy, ...`` / ``Repair``)
    if len(pieces) == 1 and abs(heads[-1][0] - pieces[0][0]) <= ALIGN:
        return True
    ranges = {n for n, (_, text) in enumerate(heads) if _OPEN_RANGE.search(text)}
    closed = frozenset(
        n
        for line in group[1:]
        for at, text in _cells(line)
        if (n := _cell_under(heads, at, at + len(text))) is not None and n in ranges
    )
    # (beside the end of a date range left open, a piece in lower case goes on with any cell,
    # the last too: ``12/04/2018 -    ...    discharge`` / ``02/01/2019    summary``)
    ending = any(
        (n := _cell_under(heads, at, at + len(text), closed=closed)) is not None and n in ranges
        for at, text in pieces
    )
    return all(
        _cell_under(heads, at, at + len(text), ending and text[:1].islower(), closed) is not None
        for at, text in pieces
    )

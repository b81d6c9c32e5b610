"""A checklist printed in two columns, which a text extractor merges line by line::

    □ ACOEM-American College of Occupational &       □ ODG-Official Disability Guidelines &
      Environmental Medicine UM Knowledgebase          Treatment Guidelines
    □ AHCPR-Agency for Healthcare Research &         □ Pressley Reed, the Medical Disability

Each merged line is cut where the right column starts (the column of the marks that stand
after a wide gap, on two lines or more), and the section's lines are given to the checklist
reader column by column: the left column's items, then the right column's, each with its
wrapped lines. A form lists its items in the catalogue's order, so the reading whose known
items come closer to that order wins: column by column (the common form), or row by row
(``[ ] ACOEM ...   [ ] AHCPR ...`` / ``[ ] DWC ...   [ ] European ...``) when that order is
clearly closer (:data:`ROW_ORDER_MARGIN`). The section's text
keeps the lines as written. Runs on checklist sections first, before their misread boxes are
read (:mod:`iroparse._pipeline.column_marks`: a box in the right column is read once its item
starts a line) and before a layout is chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from iroparse._pipeline.sections import RawSection
from iroparse._pipeline.sidebar import LABEL_INDENT
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.catalogue import LEADING_MARK

__all__ = ["MIN_RIGHT_COLUMN", "two_columns"]

#: A gap between the columns: three blanks or more.
_GAP = regex.compile(r" {3,}(?=\S)")
#: A cell after a gap of two blanks or more (a right column's wrapped line).
_CELL = regex.compile(r" {2,}(?=\S)")
#: The right column starts at least this far right.
MIN_RIGHT_COLUMN = 30
#: Its marks stand at one column, give or take this many.
_SLACK = 2
#: Lines with a mark in the right column, at least; or lines with a cell there (a layout
#: that leaves unchecked items unmarked: ``X   ODG-...`` over ``    PRESSLEY REED, ...``).
_MIN_RIGHT_MARKS = 2
_MIN_RIGHT_CELLS = 3
#: Read row by row only when that puts the items out of the catalogue's order this many
#: times less often than column by column does.
ROW_ORDER_MARGIN = 2
#: Lines with a cell at one column far right, at least, where no right-hand item is marked.
_MIN_UNMARKED_CELLS = 4
#: Lines that start with their mark, at least (a checklist of leading marks).
_MIN_LEFT_MARKS = 2


def two_columns(
    sections: Sequence[RawSection], kinds: Sequence[str], position: Callable[[str], int | None]
) -> list[RawSection]:
    """``sections`` with their checklists (of ``kinds``) in two columns read column by column
    or row by row (see the module); ``position`` is a label's place in the catalogue's order
    (``None`` for an unknown item). Other sections are left as they are."""
    return [_columns_read(s, position) if s.kind in kinds else s for s in sections]


def _right_column(body: Sequence[Token]) -> int | None:
    """The column the right-hand marks stand at: a checklist whose lines start with their
    marks (two at least), with a mark after a wide gap far right, and cells at that column
    (or at its labels' indent) on three lines or more, or marks on two."""
    texts = [t for t in body if t.kind is TokenKind.TEXT]
    if sum(LEADING_MARK.match(t.text) is not None for t in texts) < _MIN_LEFT_MARKS:
        return None
    found: list[int] = []
    for token in texts:
        for gap in _GAP.finditer(token.text):
            at = token.column + gap.end()
            if at >= MIN_RIGHT_COLUMN and LEADING_MARK.match(token.text, gap.end()):
                found.append(at)
                break
    if not found:
        return _unmarked_right_column(texts)
    column = min(found)
    cells = sum(
        any(
            -_SLACK <= token.column + gap.end() - column <= LABEL_INDENT
            for gap in _GAP.finditer(token.text)
        )
        for token in texts
    )
    marks = sum(abs(at - column) <= _SLACK for at in found)
    return column if marks >= _MIN_RIGHT_MARKS or cells >= _MIN_RIGHT_CELLS else None


def _unmarked_right_column(texts: Sequence[Token]) -> int | None:
    """The column a right-hand column of items left unmarked starts at (``✓ ODG Treatment
    Guidelines      ACOEM Practice Guidelines`` / ``  AHRQ      Milliman/MCG``): cells after
    a wide gap far right at one column, give or take :data:`_SLACK`, on
    :data:`_MIN_UNMARKED_CELLS` lines or more."""
    starts = [
        token.column + gap.end()
        for token in texts
        for gap in _GAP.finditer(token.text)
        if token.column + gap.end() >= MIN_RIGHT_COLUMN
    ]
    if not starts:
        return None
    column = min(starts)
    return (
        column if sum(abs(at - column) <= _SLACK for at in starts) >= _MIN_UNMARKED_CELLS else None
    )


def _cut(token: Token, column: int) -> tuple[Token | None, Token | None]:
    """``token`` cut where the right column starts: its left part and its right part."""
    if token.column >= column - _SLACK:
        return None, token
    cut = next(
        (m.end() for m in _CELL.finditer(token.text) if token.column + m.end() >= column - _SLACK),
        None,
    )
    if cut is None:
        return token, None
    left_text = token.text[:cut].rstrip()
    left = attrs.evolve(token, text=left_text, end=token.start + len(left_text))
    right = attrs.evolve(
        token, text=token.text[cut:], start=token.start + cut, column=token.column + cut
    )
    return left, right


def _rows(parts: Sequence[tuple[Token | None, Token | None]]) -> list[list[int]]:
    """The indices of ``parts`` grouped into rows: a line with a mark in either column and
    the lines under it without one (the items' wrapped lines)."""
    rows: list[list[int]] = []
    for k, (left, right) in enumerate(parts):
        marked = any(p is not None and LEADING_MARK.match(p.text) for p in (left, right))
        if marked or not rows:
            rows.append([])
        rows[-1].append(k)
    return rows


def _inversions(labels: Sequence[Token], position: Callable[[str], int | None]) -> int:
    """How many pairs of known items stand out of the catalogue's order."""
    found = (LEADING_MARK.match(t.text) for t in labels)
    places = [p for p in (position(m.string[m.end() - 1 :]) for m in found if m) if p is not None]
    return sum(a > b for k, a in enumerate(places) for b in places[k + 1 :])


def _columns_read(section: RawSection, position: Callable[[str], int | None]) -> RawSection:
    body = section.body
    column = _right_column(body)
    if column is None:
        return section
    cuts = {k: _cut(t, column) for k, t in enumerate(body) if t.kind is TokenKind.TEXT}
    with_right = [k for k, (_, right) in cuts.items() if right is not None]
    first, last = with_right[0], with_right[-1]
    # the left column may run on below the right one, up to a blank line
    while last + 1 < len(body) and body[last + 1].kind is not TokenKind.BLANK:
        last += 1
    parts = [
        cuts.get(k, (body[k], None))
        for k in range(first, last + 1)
        if body[k].kind is not TokenKind.BLANK
    ]
    rows = _rows(parts)
    by_column = [p[0] for p in parts] + [p[1] for p in parts]
    by_row = [parts[k][side] for row in rows for side in (0, 1) for k in row]
    heads = [p for p in by_column if p is not None and LEADING_MARK.match(p.text)]
    row_heads = [p for p in by_row if p is not None and LEADING_MARK.match(p.text)]
    # (column by column is how a printed list of two columns reads; row by row only where
    # the catalogue's order says so clearly: a form's own order is no catalogue's, ``■ ODG``
    # first)
    rows_out, columns_out = _inversions(row_heads, position), _inversions(heads, position)
    chosen = by_row if ROW_ORDER_MARGIN * rows_out < columns_out else by_column
    read = tuple(t for t in chosen if t is not None)
    new_body = (*body[:first], *read, *body[last + 1 :])
    return attrs.evolve(section, body=new_body, shown=section.shown or section.body)

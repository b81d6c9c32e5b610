"""Outcome boxes written in a row: ``Upheld ____    Overturned ____    Partially Overturned
__X__`` or ``[ ] Upheld   [X] Overturned   [ ] Partially Overturned``, one line holding every
box. A layout reads one item per line, so the row is cut into its cells (at gaps of two blanks
or more) when each cell names a different outcome; the section's text keeps the row as
written. Part of the checklist stage, run with :func:`iroparse._pipeline.column_marks.
readable_marks` before a layout is chosen.
"""

from __future__ import annotations

import attrs
import regex

from iroparse._pipeline.sections import RawSection
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.catalogue import OUTCOMES, words

__all__ = ["cells_as_lines"]

#: The gap between two cells of a row.
_CELL = regex.compile(r"\S+(?: \S+)*")
#: Each outcome's words, as its checklist entry signs them.
_OUTCOME = [(entry.code, regex.compile(entry.signature)) for entry in OUTCOMES]
#: A cell names at most this many characters (a label, its aside and its box).
MAX_CELL = 80


def cells_as_lines(section: RawSection) -> RawSection:
    """``section`` with each row of outcome cells read as one line per cell."""
    body: list[Token] = []
    changed = False
    for token in section.body:
        cells = _outcome_cells(token) if token.kind is TokenKind.TEXT else None
        if cells is None:
            body.append(token)
            continue
        changed = True
        body += [
            attrs.evolve(
                token,
                text=text,
                start=token.start + offset,
                end=token.start + offset + len(text),
                column=token.column + offset,
            )
            for offset, text in cells
        ]
    if not changed:
        return section
    return attrs.evolve(section, body=tuple(body), shown=section.shown or section.body)


def _outcome_cells(token: Token) -> list[tuple[int, str]] | None:
    """The cells of a row naming two outcomes or more, one each, with their offsets; or
    ``None`` when the line is no such row."""
    cells = [(m.start(), m.group()) for m in _CELL.finditer(token.text)]
    if len(cells) < 2 or any(len(text) > MAX_CELL for _, text in cells):
        return None
    named = [_outcome_of(text) for _, text in cells]
    if None in named or len(set(named)) != len(named):
        return None
    return cells


def _outcome_of(cell: str) -> str | None:
    """The outcome a cell names first, or ``None``."""
    said = words(cell)
    found = [(m.start(), code) for code, p in _OUTCOME for m in [p.search(said)] if m]
    return min(found)[1] if found else None

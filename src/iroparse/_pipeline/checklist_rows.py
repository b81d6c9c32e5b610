"""Outcome boxes written in a row: ``Upheld ____    Overturned ____    Partially Overturned
__X__`` or ``[ ] Upheld   [X] Overturned   [ ] Partially Overturned``, one line holding every
box. A layout reads one item per line, so the row is cut into its cells (at gaps of two blanks
or more) when each cell names a different outcome; the section's text keeps the row as
written. Part of the checklist stage, run with :func:`iroparse._pipeline.column_marks.
readable_marks` before a layout is chosen.
"""

from __future__ import annotations

from collections.abc import Collection

import attrs
import regex

from iroparse._pipeline.label_rows import CELL
from iroparse._pipeline.sections import RawSection
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.catalogue import OUTCOMES, words
from iroparse.layout import checked_alone

__all__ = ["cells_as_lines"]

#: Each outcome's words, as its checklist entry signs them.
_OUTCOME = [(entry.code, regex.compile(entry.signature)) for entry in OUTCOMES]
#: A cell names at most this many characters (a label, its aside and its box).
MAX_CELL = 80


def cells_as_lines(section: RawSection, ticks: Collection[str]) -> RawSection:
    """``section`` with each row of outcome cells read as one line per cell; a mark alone on
    a line below the row (a drawn grid's ``X`` under ``Overturned``) is written after the
    cell it stands under, as the trailing-X layout marks an item, its own line read blank.
    A mark is one the registered layouts read as ticked (``ticks``, see
    :func:`~iroparse.layout.checked_alone`)."""
    body: list[Token] = []
    tokens = list(section.body)
    changed = False
    dropped: set[int] = set()
    for n, token in enumerate(tokens):
        if n in dropped:
            # the mark's line is read blank, kept for its place in the section
            body.append(attrs.evolve(token, kind=TokenKind.BLANK, text=""))
            continue
        cells = _outcome_cells(token, ticks) if token.kind is TokenKind.TEXT else None
        if cells is None:
            body.append(token)
            continue
        changed = True
        below = _mark_below(tokens, n, token, cells, dropped, ticks)
        if below is not None:
            dropped.add(below[0])
        body += [
            attrs.evolve(
                token,
                text=f"{text}   X" if below is not None and below[1] == k else text,
                start=token.start + offset,
                end=token.start + offset + len(text),
                column=token.column + offset,
            )
            for k, (offset, text) in enumerate(cells)
        ]
    if not changed:
        return section
    return attrs.evolve(section, body=tuple(body), shown=section.shown or section.body)


#: A grid's mark is looked for this many lines below its row (its asides and rules between).
MARK_REACH = 4


def _mark_below(
    tokens: list[Token],
    n: int,
    row: Token,
    cells: list[tuple[int, str]],
    taken: set[int],
    ticks: Collection[str],
) -> tuple[int, int] | None:
    """``(index of the mark's token, index of the cell it stands under)`` for a mark alone
    on a line within :data:`MARK_REACH` lines below the row ``tokens[n]`` and not ``taken``
    by a row above, or ``None``."""
    starts = [row.column + offset for offset, _ in cells]
    for k in range(n + 1, min(len(tokens), n + 1 + MARK_REACH)):
        token = tokens[k]
        if token.kind is TokenKind.HEADING:
            return None
        if k in taken or token.kind is not TokenKind.TEXT:
            continue
        boxes = [(token.column + m.start(), m.group()) for m in _BOX.finditer(token.text)]
        if len(boxes) == len(cells) and not _BOX.sub("", token.text).strip():
            # a row of boxes, one under each cell: ``[   ]    [ X ]    [   ]``
            ticked = [at for at, text in boxes if checked_alone(ticks, text)]
            if len(ticked) != 1:
                return None
            mark = ticked[0]
        elif checked_alone(ticks, token.text):
            mark = token.column
        else:
            continue  # (a mark another row took: the row of asides under the labels)
        under = [c for c, start in enumerate(starts) if start <= mark]
        return (k, under[-1]) if under else None
    return None


#: A box alone in a cell, ticked or empty: ``[ X ]``, ``[   ]``, ``( )``, ``☐``.
_BOX = regex.compile(r"\[\s*\S?\s*\]|\(\s*\S?\s*\)|[☐☒☑■□✓✔]")


def _outcome_cells(token: Token, ticks: Collection[str]) -> list[tuple[int, str]] | None:
    """The cells of a row naming two outcomes or more, one each, with their offsets; or
    ``None`` when the line is no such row. The lead-in may open the row, a cell of its own
    (``should be:   [ ] Upheld   [X] Overturned ...``); a mark in the row's last cell, of
    its own, is the last label's (a drawn grid's ``| Partially Overturned |  X  |``; a mark
    between two labels may be either's: ``Upheld (Agree)      X   Overturned (Disagree)``
    is a leading mark's row)."""
    cells = [(m.start(), m.group()) for m in CELL.finditer(token.text)]
    lead = cells[:1] if cells and cells[0][1].endswith(":") else []
    if lead and _outcome_of(lead[0][1]) is not None:
        lead = []
    labelled = cells[len(lead) :]
    if len(labelled) > 2 and checked_alone(ticks, labelled[-1][1]):
        (start, _), (offset, mark) = labelled[-2:]
        labelled[-2:] = [(start, token.text[start : offset + len(mark)])]
    if len(labelled) < 2 or any(len(text) > MAX_CELL for _, text in labelled):
        return None
    named = [_outcome_of(text) for _, text in labelled]
    if None in named or len(set(named)) != len(named):
        return None
    return lead + labelled


def _outcome_of(cell: str) -> str | None:
    """The outcome a cell names first, or ``None``."""
    said = words(cell)
    found = [(m.start(), code) for code, p in _OUTCOME for m in [p.search(said)] if m]
    return min(found)[1] if found else None

"""A row's answer under a checklist's YES/NO column header, written as the word of the column
it stands under (``Yes``, ``No``: how the ``yesno`` layout marks items); see
:mod:`iroparse._pipeline.column_marks`, which finds the header.

The row's answer is a mark after its label (``Upheld (Agree)      X``), one blank after a
label that runs up to the columns, a box under each column with one ticked (after the label,
``...   [   ]   [ X ]``, or before it, ``(   )  ( X )   ACOEM ...``), or a mark before the
label (``X     Upheld``).
"""

from __future__ import annotations

from collections.abc import Collection

import attrs
import regex

from iroparse._pipeline.tokens import Token
from iroparse.layout import checked_alone

#: A box of a Yes/No pair written on each row: an underscore blank, brackets, parentheses or
#: a glyph (``___``, ``_X_``, ``X_``, ``[ ]``, ``( )``, ``○``, ``●``).
PAIR_BOX = (
    r"(?:_{1,5}\s?[Xx✓✔]?\s?_{0,5}|[Xx✓✔]_{1,5}|\[\s*[Xx✓✔]?\s*\]|\(\s*[Xx✓✔•●]?\s*\)|[○●◉◯☐☒■□])"
)
#: A box under each of a YES/NO header's columns at a row's end (``[   ]   [ X ]``).
BOX_PAIR = regex.compile(rf"(?<=\S\s{{2,}})(?P<first>{PAIR_BOX})\s+(?P<second>{PAIR_BOX})\s*$")
#: A row's mark, after its label and a gap (or alone on the line).
ROW_MARK = regex.compile(r"(?:^|\s{2,})(?P<mark>[xX✓✔✗☒■●*])\s*$")
#: A box under each of a YES/NO header's columns before a row's label (``(   )  ( X )
#: ACOEM ...``).
LEADING_BOX_PAIR = regex.compile(rf"^(?P<first>{PAIR_BOX})\s+(?P<second>{PAIR_BOX})\s{{2,}}(?=\S)")
#: A row's mark one blank after a long label that runs up to the answers' columns
#: (``European Guidelines for Management of Chronic Low Back Pain X``), or a capital ``X``
#: right after the label's last word in lower case (``... in AccordanceX``): read only where
#: the mark stands under a column's word (:data:`UNDER_COLUMN`).
TOUCHING_MARK = regex.compile(
    r"(?:(?<=[^\s|]) (?P<mark>[xX✓✔✗☒■●*])|(?<=\p{Ll}{3})(?P<mark>X))\s*$"
)
#: How far from the middle of a column's word a mark one blank after its label may stand.
UNDER_COLUMN = 2
#: A row's mark before its label, under columns left of the labels (``X     Upheld``).
LEADING_ROW_MARK = regex.compile(r"^(?P<mark>[xX✓✔✗☒■●*])\s{4,}(?=\S)")


def answered_row(token: Token, columns: tuple[int, int], ticks: Collection[str]) -> Token | None:
    """``token``, a row under a YES/NO header (``columns``: their middles), with its answer
    written as the word of the column it stands under, or ``None`` when it has none: a mark
    after its label (``Upheld (Agree)      X``), a box under each column, one ticked (``...
    [   ]   [ X ]``, or before the label: ``(   )  ( X )   ACOEM ...``), or a mark before
    its label (``X     Upheld``; the word takes the mark's place, the label keeps its
    offsets)."""
    mark = ROW_MARK.search(token.text) or _touching_mark(token, columns)
    if mark is not None:
        return _answered(token, mark, columns)
    pair = BOX_PAIR.search(token.text)
    word = _ticked_word(token, pair, columns, ticks) if pair is not None else None
    if pair is not None and word is not None:
        return attrs.evolve(token, text=token.text[: pair.start()] + word)
    before = LEADING_BOX_PAIR.match(token.text) or LEADING_ROW_MARK.match(token.text)
    if before is None:
        return None
    if "first" in before.groupdict():
        word = _ticked_word(token, before, columns, ticks)
    else:
        word = _column_word(token, before, columns)
    if word is None:
        return None
    return attrs.evolve(token, text=word.ljust(before.end()) + token.text[before.end() :])


def _ticked_word(
    token: Token, pair: regex.Match[str], columns: tuple[int, int], ticks: Collection[str]
) -> str | None:
    """``Yes`` or ``No``: the column of the one box of ``pair`` ticked, or ``None`` when not
    exactly one is."""
    ticked = [g for g in ("first", "second") if checked_alone(ticks, pair[g])]
    if len(ticked) != 1:
        return None
    at = token.column + (pair.start(ticked[0]) + pair.end(ticked[0])) // 2
    yes, no = columns
    return "Yes" if abs(at - yes) <= abs(at - no) else "No"


def _touching_mark(token: Token, columns: tuple[int, int]) -> regex.Match[str] | None:
    """The mark one blank after the label of ``token`` (:data:`TOUCHING_MARK`) when it stands
    under one of the ``columns`` (their middles), else ``None``."""
    mark = TOUCHING_MARK.search(token.text)
    if mark is None:
        return None
    at = token.column + mark.start("mark")
    return mark if min(abs(at - c) for c in columns) <= UNDER_COLUMN else None


def _answered(token: Token, mark: regex.Match[str], columns: tuple[int, int]) -> Token:
    """``token`` with its mark written as the word of the column nearer to it (a blank before
    the word when the mark touched the label)."""
    label = token.text[: mark.start("mark")]
    gap = "" if label[-1:].isspace() or not label else " "
    text = label + gap + _column_word(token, mark, columns)
    return attrs.evolve(token, text=text)


def _column_word(token: Token, mark: regex.Match[str], columns: tuple[int, int]) -> str:
    """``Yes`` or ``No``: the word of the column (``columns``: their middles) nearer to the
    mark of ``token``."""
    at = token.column + mark.start("mark")
    yes, no = columns
    return "Yes" if abs(at - yes) <= abs(at - no) else "No"

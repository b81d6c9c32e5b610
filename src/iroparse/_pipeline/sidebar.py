"""Text in a column of its own merged into the letter's lines: a letterhead printed down the
right margin of the first page, which a text extractor puts on the same lines as the body
(``DATE OF REVIEW: 01/03/2009        1234 Main Street``). Part of the noise stage
(:mod:`iroparse._pipeline.noise`); the tokenizer cuts what :func:`sidebar_cuts` finds off its
lines and reports it as ``sidebar`` noise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

#: The kind given to text in a column of its own beside the letter's lines (a sidebar).
SIDEBAR = "sidebar"
#: A sidebar's text starts at this column or further right, after this many blanks.
SIDEBAR_COLUMN = 50
SIDEBAR_GAP = 6
#: At least this many lines within :data:`SIDEBAR_WINDOW` lines carry text starting at the
#: same column (give or take one) for it to be a column of its own.
SIDEBAR_LINES = 3
SIDEBAR_WINDOW = 12
_GAP = regex.compile(rf"\s{{{SIDEBAR_GAP},}}(?=\S)")


def sidebar_cuts(lines: Sequence[str], is_mark: Callable[[str], bool]) -> dict[int, int]:
    """Where a letterhead printed down the right margin was merged into the letter's lines:
    line index -> the offset its sidebar text starts at. A right-hand text counts when several
    nearby lines carry text at the same column and none of it is a checkbox mark (``is_mark``)
    or a short answer: a column of ``X`` or ``Yes`` marks is the checklist's own."""
    starts: dict[int, int] = {}
    for i, line in enumerate(lines):
        if len(line) <= SIDEBAR_COLUMN:
            continue
        column = next((m.end() for m in _GAP.finditer(line) if m.end() >= SIDEBAR_COLUMN), None)
        if column is None:
            continue
        right = line[column:].strip()
        if len(right) < 4 or is_mark(right) or not any(c.isalpha() for c in right):
            continue
        starts[i] = column
    cuts: dict[int, int] = {}
    for i, column in starts.items():
        near = [
            j
            for j in range(i - SIDEBAR_WINDOW, i + SIDEBAR_WINDOW + 1)
            if abs(starts.get(j, -9) - column) <= 1
        ]
        if len(near) >= SIDEBAR_LINES:
            cuts[i] = column
    return cuts

"""Stage 3: a letterhead printed as a column left of the letter's body (officers, address,
licence) that the PDF's text puts on the body's lines::

    Board of Directors            IRO Case Number:    SPR-12-0305-4
    Ana L. Cardenas, R.N.         TDI Complaint No.:  HP-12-004871
      President
    Victor M. Ybarra, M.D.        Description of the Service or Services in Dispute

The body stands at one column (the *body column*); the letterhead's lines end left of it,
beside the body's lines or alone. :func:`left_column_cuts` finds the lines where that column
stands and how much of each is the letterhead's, so the tokenizer reads the body alone.

A records table by date or a label/value box has a left column too; what tells a letterhead
apart is the body's headings in the right column, lines of the left column alone, and left
parts that are no labels (``Date of Review:``), marks (``[X]``) or dates, and no table's
header row beside them (``Source     Document     Date(s)``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import regex

from iroparse._pipeline.column_headings import header_row

__all__ = ["left_column_cuts"]

#: The body column stands at least this far right (a letterhead column is that wide).
MIN_BODY_COLUMN = 16
#: ... and at most this far: the letterhead is the page's narrower column.
MAX_BODY_COLUMN = 45
#: The body's text beside the letterhead is this many times as long as the letterhead's.
LONGER = 1.5
#: Lines where the letterhead's text stands beside the body's, at least.
MIN_BESIDE = 4
#: Lines of the letterhead's text alone (the body's column blank there), at least.
MIN_ALONE = 2
#: A left part is no letterhead's when it is a label, a date or a number or signs alone (an
#: empty box, a glyph), or a ticked mark (told by the registered layouts).
_NOT_LETTERHEAD = regex.compile(r".*:|\d{1,2}/\d{1,2}/\d{2,4}\b.*|[\d\W]{1,12}")
#: The gap between a row's cells.
_CELL_GAP = regex.compile(r"\s{2,}|\t")


def _body_column(lines: Sequence[str]) -> int | None:
    """The column most of the text right of a wide gap, or indented far, starts at; ``None``
    when fewer than :data:`MIN_BESIDE` lines have text left of such a gap (string searches
    only)."""
    starts: Counter[int] = Counter()
    gaps = 0
    for line in lines:
        body = line.rstrip()
        indent = len(body) - len(body.lstrip())
        if indent >= MIN_BODY_COLUMN:
            starts[indent] += 1
            continue
        gap = body.find("  ", indent)
        if gap < 0 or gap > MAX_BODY_COLUMN:
            continue
        end = len(body) - len(body[gap:].lstrip())
        if MIN_BODY_COLUMN <= end <= MAX_BODY_COLUMN:
            starts[end] += 1
            gaps += 1
    if gaps < MIN_BESIDE:
        return None
    column, _ = starts.most_common(1)[0]
    return column


def left_column_cuts(
    lines: Sequence[str], is_heading: Callable[[str], bool], is_tick: Callable[[str], bool]
) -> dict[int, int]:
    """Line index -> the body column, for the lines whose text left of the body column is a
    letterhead's (see the module docstring); ``is_heading`` tells a line that opens one of
    the letter's sections, ``is_tick`` a ticked mark alone. Empty when the letter has no such
    column."""
    column = _body_column(lines)
    if column is None:
        return {}
    beside: list[int] = []
    alone: list[int] = []
    for i, line in enumerate(lines):
        left, right = line[:column].rstrip(), line[column:].strip()
        if not left.strip() or (right and len(left) > column - 2):
            continue
        (beside if right else alone).append(i)
    candidates = sorted(beside + alone)
    block = _largest_block(candidates)
    beside = [i for i in beside if i in block]
    if len(beside) < MIN_BESIDE:
        return {}
    first, last = beside[0], beside[-1]
    # (the letterhead's first lines may stand above the body's: ``SABINAL PEER REVIEW``)
    alone = [
        i for i in alone if first <= i <= last or (i in block and not is_heading(lines[i].strip()))
    ]
    lefts = [lines[i][:column].strip() for i in beside + alone]
    rights = [lines[i][column:].strip() for i in beside]
    if (
        column > MAX_BODY_COLUMN
        # the body's lines are the longer: a sidebar right of the body is the other way
        or sum(map(len, rights)) / len(rights) < LONGER * sum(map(len, lefts)) / len(lefts)
        or len(alone) < MIN_ALONE
        or sum(bool(_NOT_LETTERHEAD.fullmatch(text)) or is_tick(text) for text in lefts)
        > len(lefts) // 4
        or not any(is_heading(lines[i][column:].strip()) for i in beside)
        or _full_width(lines, column, first, last)
        # a table's header row beside: its first column (``Source``), not a letterhead
        or any(header_row(_CELL_GAP.split(lines[i].strip())) for i in beside)
    ):
        return {}
    cuts = dict.fromkeys(sorted(beside + alone), column)
    for run in _runs([i for i in candidates if i not in cuts]):
        # the letterhead's later lines, further down its column (``Member, Texas`` /
        # ``Association of     INFORMATION PROVIDED ...`` / ``www.brazosvalleymr.com``),
        # the body's lines above and below them at the body column
        texts = [lines[i][:column].strip() for i in run]
        if (
            len(run) >= MIN_ALONE
            and not any(_NOT_LETTERHEAD.fullmatch(text) or is_tick(text) for text in texts)
            and _body_around(lines, run, column)
        ):
            cuts |= dict.fromkeys(run, column)
    return cuts


#: Lines of a letterhead column stand at most this many lines apart (blank lines between).
MAX_STEP = 3


def _runs(indices: Sequence[int]) -> list[list[int]]:
    """``indices`` (sorted) in runs whose members stand at most :data:`MAX_STEP` apart."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i - runs[-1][-1] <= MAX_STEP:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _largest_block(indices: Sequence[int]) -> set[int]:
    """The longest run of ``indices`` (sorted): the column, not lines elsewhere that happen to
    have text at its place."""
    runs = _runs(indices)
    if not runs:
        return set()
    best: list[int] = max(runs, key=len)
    return set(best)


def _body_around(lines: Sequence[str], run: Sequence[int], column: int) -> bool:
    """Whether the nearest lines with text above and below ``run`` (outside it) start at the
    body's ``column``: the run stands beside the body, not in a page written full width."""
    inside = set(run)
    above = next((k for k in range(run[0] - 1, -1, -1) if lines[k].strip()), None)
    below = next((k for k in range(run[-1] + 1, len(lines)) if lines[k].strip()), None)
    return all(
        k is not None and k not in inside and len(lines[k]) - len(lines[k].lstrip()) == column
        for k in (above, below)
    )


def _full_width(lines: Sequence[str], column: int, first: int, last: int) -> bool:
    """Whether a line between ``first`` and ``last`` runs across the body column without a
    gap: a letter in one column (or a table), not a letterhead beside the body."""
    for line in lines[first : last + 1]:
        if len(line.rstrip()) <= column or not line[:column].strip():
            continue
        if not line[column - 2 : column].isspace():
            return True
    return False

"""The letter's outcome from rows that decide each service, under the outcome heading, when
no box decides the letter as a whole.

Two shapes: a line per service ending in its outcome (``31255   Total ethmoidectomy ......
Overturned (Disagree)``), and a grid whose header names the outcomes as columns, each
service's mark standing under one (``Item  Service   Upheld (Agree)   Overturned
(Disagree)`` / ``1   Right total knee arthroplasty   ...   X``). Every row upheld or every
row overturned decides the letter so; rows that differ make it partially overturned.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.model import Outcome

__all__ = ["service_rows_outcome"]

#: A row is at most this long (a longer line is prose, and is not searched: a row's pattern
#: on a 10 KB line would cost time growing with its square).
MAX_ROW = 240
#: A service's line ending in its outcome, past dot leaders, a gap or a colon.
_ROW_VERDICT = regex.compile(
    r"(?i)^(?P<service>.*?\p{L}.*?)(?:\s*\.{3,}\s*|\s{2,}|\s*:\s+)"
    r"(?P<verdict>upheld|overturned)(?:\s*\([^)]{0,40}\))?\s*$"
)
#: A word of an outcome label, in a service's text: the line is a box's label, no row.
_LABEL_WORD = regex.compile(r"(?i)\b(?:upheld|overturned|agree|disagree|partially)\b")
#: A grid's header: a column heading, then the two outcomes as columns.
_GRID_HEADER = regex.compile(
    r"(?i)\S.*?\s{2,}(?P<first>upheld|overturned)\b.*?\s{2,}(?P<second>upheld|overturned)\b"
)
#: A row's mark in the grid, past a gap.
_GRID_MARK = regex.compile(r"(?<=\S\s{2,}|^\s*)[Xx✓✔☒■]\s*$")


def service_rows_outcome(body: Sequence[Token]) -> tuple[Outcome, int, int] | None:
    """The outcome the rows of ``body`` (an outcome section's tokens) give, with the offsets
    of the first row (a grid's header) and the last, or ``None`` when fewer than two rows (or
    a grid's one) decide a service."""
    texts = [t for t in body if t.kind is TokenKind.TEXT]
    found = _grid(texts) or _lines(texts)
    if found is None:
        return None
    verdicts, first, last = found
    value = Outcome.PARTIALLY_OVERTURNED if len(set(verdicts)) > 1 else Outcome(verdicts[0])
    return value, first.start, last.end


def _lines(texts: Sequence[Token]) -> tuple[list[str], Token, Token] | None:
    rows = [
        (t, match)
        for t in texts
        if len(t.text) <= MAX_ROW
        and (match := _ROW_VERDICT.match(t.text)) is not None
        and not _LABEL_WORD.search(match["service"])
    ]
    if len(rows) < 2:
        return None
    return [m["verdict"].lower() for _, m in rows], rows[0][0], rows[-1][0]


def _grid(texts: Sequence[Token]) -> tuple[list[str], Token, Token] | None:
    for k, header in enumerate(texts):
        columns = _GRID_HEADER.match(header.text) if len(header.text) <= MAX_ROW else None
        if columns is None or columns["first"].lower() == columns["second"].lower():
            continue
        at = {
            columns[g].lower(): header.column + (columns.start(g) + columns.end(g)) // 2
            for g in ("first", "second")
        }
        verdicts: list[str] = []
        rows: list[Token] = []
        for row in texts[k + 1 :]:
            mark = _GRID_MARK.search(row.text)
            if mark is None:
                break
            where = row.column + mark.start()
            verdicts.append(min(at, key=lambda v: abs(at[v] - where)))
            rows.append(row)
        if rows:
            return verdicts, header, rows[-1]  # (the header names the outcomes)
    return None

"""Stage 3: text of another column cut off the lines it was merged into, before the lines are
tokenized: a letterhead left of the body
(:func:`~iroparse._pipeline.left_column.left_column_cuts`) and a label's second line in a
label/value box (:func:`~iroparse._pipeline.label_rows.hanging_labels`) are blanked left of
the body's column; then a sidebar, a stamp or a page number right of the body
(:func:`~iroparse._pipeline.sidebar.column_cuts`) is cut off the line's end. What is cut
becomes noise tokens, with the offsets it had.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import regex

from iroparse._pipeline.column_words import STAMP_LINES, STAMP_REACH
from iroparse._pipeline.furniture import FurnitureTable
from iroparse._pipeline.label_rows import hanging_labels
from iroparse._pipeline.left_column import left_column_cuts
from iroparse._pipeline.sidebar import SIDEBAR, column_cuts
from iroparse._pipeline.tokens import Token, _Line, _Replaced, noise_token
from iroparse.layout import checked_alone
from iroparse.tables.misread_marks import EMPTY_BOX_LETTERS

__all__ = ["LABEL", "cut_columns"]

#: The noise kind of a wrapped label's second line, cut off its value.
LABEL = "label"
#: A scan's speck at a line's start, a gap after it, before the text (``|   and a chronic
#: cough``); never a bullet (``·``, ``-``) nor a table's side (a bar later on the line).
_LEFT_SPECK = regex.compile(r"[ \t]*[.~'`´,:;|]{1,2}[ \t]{3,}(?=[^\s|](?:[^|]*)$)")
#: Its noise kind, as the furniture table names a speck alone on its line.
STRAY_MARK = "stray-mark"
#: The noise kind of a stamp's lines cut off the text.
STAMP = "stamp"


#: A part in the left margin before the body's text, a gap between (``JUL 2 2 2014   He
#: completed``): a stamp's line when it is a stamp's shape, or beside one (within
#: :data:`~iroparse._pipeline.column_words.STAMP_REACH` lines, followed from line to line
#: :data:`~iroparse._pipeline.column_words.STAMP_LINES` times at most, as on the right).
_LEFT_PART = regex.compile(r"[ \t]*(?P<left>\S(?:.{0,22}\S)?)[ \t]{3,}(?=\S)")
#: The stamp's part starts at most this far from the line's start (the page's left edge).
MARGIN = 2


def left_stamps(lines: list[str], furniture: FurnitureTable) -> dict[int, int]:
    """Line index -> where the body's text starts, for the lines where a stamp printed in
    the left margin ran into the text (``JUL 2 2 2014   He completed ...`` / ``DWC-MDR
    course of ...`` / ``AUSTIN, TX     steroid ...``): a part of a stamp's shape, and the
    capitals before the same column on the lines near it."""
    parts = {
        i: found
        for i, line in enumerate(lines)
        if "   " in line and (found := _LEFT_PART.match(line)) is not None
    }
    cuts = {
        i: found.end()
        for i, found in parts.items()
        if found.start("left") <= MARGIN
        and furniture.noise_kind(found["left"]) == "stamp"
        and _body_at(lines, i, found.end())
    }
    for _ in range(STAMP_LINES if cuts else 0):
        more = {
            j: parts[j].end()
            for i, at in cuts.items()
            for j in range(i - STAMP_REACH, i + STAMP_REACH + 1)
            if j in parts and j not in cuts and parts[j].end() == at and parts[j]["left"].isupper()
        }
        if not more:
            break
        cuts |= more
    return cuts


def _body_at(lines: list[str], i: int, column: int) -> bool:
    """Whether a line near line ``i`` (:data:`STAMP_REACH` lines, then a few more) holds the
    body's text from ``column`` on, indented so: the text a stamp's part stands left of."""
    for j in range(max(0, i - 2 * STAMP_REACH), min(len(lines), i + 2 * STAMP_REACH + 1)):
        body = lines[j].lstrip()
        if j != i and body and len(lines[j]) - len(body) == column:
            return True
    return False


def left_specks(lines: list[str]) -> dict[int, int]:
    """Line index -> where the text starts, for the lines opening with a scan's speck; not
    in a column of marks, where lines near it open with an empty box read as a letter at the
    same place (``0    Upheld (Agree)`` / ``~    Partially Overturned``: ``~`` is a tick)."""
    specks = {
        i: found.end()
        for i, line in enumerate(lines)
        if line[:1] in " \t.~'`´,:;|" and (found := _LEFT_SPECK.match(line)) is not None
    }
    return {
        i: at
        for i, at in specks.items()
        if not any(
            (box := _EMPTY_BOX.match(lines[j])) is not None and box.end() == at
            for j in range(max(0, i - MARK_REACH), min(len(lines), i + MARK_REACH + 1))
        )
    }


#: An empty box read as a letter at a line's start, a gap after it (``0    Upheld``).
_EMPTY_BOX = regex.compile(rf"[ \t]*[{EMPTY_BOX_LETTERS}][ \t]{{3,}}(?=\S)")
#: Lines around a speck where a column of marks shows.
MARK_REACH = 3


#: A few words between two wide gaps inside a line of text: a stamp the scan laid over it
#: (``... in the posterior    RECEIVED    recess, grade 2 ...``).
_MIDDLE = regex.compile(r"(?<=\S)[ \t]{4,}(?P<part>\S(?:[^\t]{0,22}?\S)?)[ \t]{4,}(?=\S)")


def middle_stamps(lines: list[str], furniture: FurnitureTable) -> dict[int, tuple[int, int]]:
    """Line index -> where a stamp laid over the middle of the line starts and ends: a part
    of a stamp's shape between wide gaps, text on both sides."""
    found: dict[int, tuple[int, int]] = {}
    for i, line in enumerate(lines):
        stripped = line.strip()
        if "  " not in stripped:
            continue
        # a few words between wide gaps; or a mail room's stamp word, two blanks each side
        # (``sleep and  RECEIVED  irritability``)
        parts = _MIDDLE.finditer(line) if "    " in stripped else iter(())
        stamp = next((p for p in parts if furniture.noise_kind(p["part"]) == "stamp"), None)
        if stamp is None:
            word = _STAMP_WORD.search(line)
            stamp = (
                word if word is not None and furniture.noise_kind(word["part"]) == "stamp" else None
            )
        if stamp is not None:
            found[i] = stamp.span("part")
    return found


#: A mail room's stamp word between gaps of two blanks or more, text on both sides (never a
#: word a sentence may set in capitals, ``CONFIDENTIAL``, ``FINAL``).
_STAMP_WORD = regex.compile(r"(?<=\S)[ \t]{2,}(?P<part>RECEIVED|FILED|SCANNED)[ \t]{2,}(?=\S)")


def cut_columns(
    lines: list[_Line],
    any_mark: regex.Pattern[str],
    ticks: Collection[str],
    is_heading: Callable[[str], bool],
    furniture: FurnitureTable,
    page_breaks: frozenset[int] = frozenset(),
) -> list[Token]:
    """Cut other columns' text off ``lines`` (changed in place); return it as noise tokens.
    ``any_mark`` finds a checkbox mark of a registered layout in a line, ``ticks`` is what a
    ticked one holds (:func:`~iroparse.layout.checked_alone` reads a mark alone with it),
    ``is_heading`` tells a line that opens a section; ``page_breaks`` are the lines that
    start a page (a table goes on past them)."""

    def is_mark(text: str) -> bool:
        return any_mark.search(text) is not None

    def is_tick(text: str) -> bool:
        return checked_alone(ticks, text)

    removed: list[Token] = []
    texts = [line.text for line in lines]
    left_cuts = {i: (SIDEBAR, at) for i, at in left_column_cuts(texts, is_heading, is_tick).items()}
    left_cuts |= {i: (LABEL, at) for i, at in hanging_labels(texts).items()}
    left_cuts |= {i: (STRAY_MARK, at) for i, at in left_specks(texts).items()}
    left_cuts |= {i: (STAMP, at) for i, at in left_stamps(texts, furniture).items()}
    for i, (kind, column) in left_cuts.items():
        # blanked, so that the body keeps its offsets and columns
        left = _Line(lines[i].text[:column], lines[i].start)
        removed.append(noise_token(_Replaced(lines, i, left), i, kind))
        lines[i] = _Line(" " * column + lines[i].text[column:], lines[i].start)
    for i, (begin, end) in middle_stamps([line.text for line in lines], furniture).items():
        stamp = _Line(lines[i].text[begin:end], lines[i].start + begin)
        removed.append(noise_token(_Replaced(lines, i, stamp), i, STAMP))
        text = lines[i].text
        lines[i] = _Line(text[:begin] + " " * (end - begin) + text[end:], lines[i].start)
    cuts = column_cuts([line.text for line in lines], is_mark, furniture, page_breaks)
    for i, (kind, cut) in sorted(cuts.items()):
        removed.append(noise_token(lines, i, kind, begin=cut))
        lines[i] = _Line(lines[i].text[:cut], lines[i].start)
    return removed

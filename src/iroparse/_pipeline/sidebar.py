"""Text in a column of its own merged into the letter's lines: a letterhead printed down the
right margin of the first page, which a text extractor puts on the same lines as the body
(``DATE OF REVIEW: 01/03/2009        1234 Main Street``), or a stamp, footer or page number
that shares its baseline with one checklist item (``PARAMETERS   X            ARX``). Part of
the noise stage (:mod:`iroparse._pipeline.noise`); the tokenizer cuts what
:func:`sidebar_cuts` and :func:`~iroparse._pipeline.column_words.other_column_cuts` find off
their lines and reports it as noise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import takewhile

import regex

from iroparse._pipeline.column_headings import (
    COLUMN_WORD,
    TABLE_CELL,
    UNKNOWN_HEADING,
    header_row,
)
from iroparse._pipeline.column_words import CENTRED, OTHER_COLUMN, other_column_cuts
from iroparse._pipeline.furniture import FurnitureTable, cell_starts_at
from iroparse._pipeline.noise import DATE_LINE
from iroparse.catalogue import LEADING_MARK
from iroparse.tables.misread_marks import (
    BOX_CROSS,
    BOX_LEFT,
    BOX_RIGHT,
    EMPTY_BOX_LETTERS,
    UNDERSCORE_BOX,
)

#: The kind given to text in a column of its own beside the letter's lines (a sidebar).
SIDEBAR = "sidebar"
#: A sidebar's text starts at this column or further right, after this many blanks.
SIDEBAR_COLUMN = 50
SIDEBAR_GAP = 6
#: At least this many lines within :data:`SIDEBAR_WINDOW` lines with text carry text starting
#: at the same column (give or take one) for it to be a column of its own.
SIDEBAR_LINES = 3
SIDEBAR_WINDOW = 12
#: A checklist item's label stands at most this far right of its mark.
LABEL_INDENT = 4
#: A sidebar's line is at most this long (an address, a telephone number, a name).
SIDEBAR_TEXT = 40
_GAP = regex.compile(rf"\s{{{SIDEBAR_GAP},}}(?=\S)")


#: A line whose text left of a right-hand column is parted into cells by this many wide gaps
#: is a table's row, and that column the table's last (``Service   22633   1   Upheld``).
TABLE_ROW_GAPS = 2
#: The gap between two cells of a table's row (``J9271       Pembrolizumab ...``): two blanks
#: or a tab between words; found one by one, so ``findall`` counts a row's gaps.
_CELL_GAP = regex.compile(r"\S(?: {2,}|\t)(?=\S)")
#: A checkbox in a cell of its own past a gap, as text recognition misreads it (``D``, ``0``,
#: ``o``, ``IZI``, ``IXI``, ``[Xl``) or drawn with underscores (``___``, ``_X_``), its label in
#: capitals after it: a checklist's second column, from :data:`MIN_BOX_COLUMN` on.
_BOX_CELL = regex.compile(
    rf"(?<=\S {{2,}})(?P<box>[{EMPTY_BOX_LETTERS}]|[{BOX_LEFT}][{BOX_CROSS}]?[{BOX_RIGHT}]"
    rf"|{UNDERSCORE_BOX})\s+\p{{Lu}}"
)
MIN_BOX_COLUMN = 30


#: A value after a label's colon is at most this long (a date, a case number, a review type).
VALUE_TEXT = 30
#: A table's row is cut where the sidebar's cut lines stand within this many lines of text
#: above it and below it, at its last cell's column (so are prose lines beside a sidebar
#: whose gap is narrow: ``... has  Oscar V. Zapalac, D.C.``).
ROW_REACH = 6
#: At most this many passes over the rows (each pass may cut rows the next one needs).
ROW_PASSES = 3


def sidebar_cuts(
    lines: Sequence[str],
    is_mark: Callable[[str], bool],
    page_breaks: frozenset[int] = frozenset(),
) -> dict[int, int]:
    """Where a letterhead printed down the right margin was merged into the letter's lines:
    line index -> the offset its sidebar text starts at. A right-hand text counts when several
    nearby lines carry text at the same column and none of it is a checkbox mark (``is_mark``)
    or a short answer: a column of ``X`` or ``Yes`` marks is the checklist's own."""
    starts: dict[int, int] = {}
    centers: dict[int, float] = {}
    numbers: dict[int, int] = {}
    marked: dict[int, int] = {}  # a checklist's second column: its marks' column
    for i, line in enumerate(lines):
        if len(line) <= SIDEBAR_COLUMN:
            continue
        box = _BOX_CELL.search(line, MIN_BOX_COLUMN)
        if box is not None:
            # a second column's misread box and its label (``D   EUROPEAN GUIDELINES ...``,
            # ``IZI MILLIMAN ...``): its wrapped lines are the checklist's
            marked[i] = box.start("box")
            continue
        # the rightmost column: a table's columns may stand left of the sidebar
        column = max(
            (m.end() for m in _GAP.finditer(line) if m.end() >= SIDEBAR_COLUMN), default=None
        )
        if column is None:
            continue
        right = line[column:].strip()
        if len(right) >= 4 and not any(c.isalpha() for c in right):
            numbers[i] = column  # a stamp's time or number: cut only beside a cut sidebar
        if LEADING_MARK.match(right) and is_mark(right):
            marked[i] = column  # a checklist item's mark and its label
        if len(right) < 4 or is_mark(right) or not any(c.isalpha() for c in right):
            continue
        if TABLE_CELL.fullmatch(right):
            continue  # a services table's decision or quantity (``Upheld``, ``x 12 sessions``)
        left = line[:column].strip()
        if left.endswith(":") and _CELL_GAP.search(left) and len(right) <= VALUE_TEXT:
            # a box's label in a column of its own, and its value: ``... PLLC      DATE OF
            # REVIEW:      Sep/18/2012`` (a heading at the margin takes no sidebar as value)
            continue
        if not any(c.isdigit() for c in right) and _heads_a_column_of_numbers(lines, i, column):
            continue  # a table's column heading (``Date``) above its dates
        if _under_a_table_header(lines, i, column, page_breaks):
            continue  # a services table's last column (``Requested`` / ``1 session``)
        if len(_CELL_GAP.findall(line[:column].strip())) >= TABLE_ROW_GAPS or (
            _CELL_GAP.search(right) and len(_CELL_GAP.findall(line.strip())) >= TABLE_ROW_GAPS
        ):
            # a table's row: its last cells (``22633   1   Upheld``) are the table's, as are
            # a field's label and value beside another field (``Date of Review:   Feb 18``);
            # unless the sidebar's lines stand at that column above and below it (below)
            continue
        starts[i] = column
        centers[i] = column + len(right) / 2
    # the window counts lines with text: a double-spaced letter puts blank lines between
    # the sidebar's lines as between its own
    if not starts:
        return {}
    texts = [k for k, line in enumerate(lines) if line.strip()]
    position = {i: n for n, i in enumerate(texts)}
    cuts: dict[int, int] = {}
    for i, column in starts.items():
        at = position[i]
        near = [
            j
            for j in texts[max(0, at - SIDEBAR_WINDOW) : at + SIDEBAR_WINDOW + 1]
            if abs(starts.get(j, -9) - column) <= 1
        ]
        # or a stamp centred on its lines (``RECEIVED`` / ``JUN 22 2020`` / ``TEXAS DEPT OF
        # INSURANCE``), line after line
        centred = [
            j
            for j in texts[max(0, at - SIDEBAR_LINES + 1) : at + SIDEBAR_LINES]
            if j in centers and abs(centers[j] - centers[i]) <= CENTRED
        ]
        # a checklist's second column, its items' wrapped lines under their labels
        # (``□ ODG-Official Disability Guidelines &`` / ``  Treatment Guidelines``)
        window = texts[max(0, at - SIDEBAR_WINDOW) : at + SIDEBAR_WINDOW + 1]
        if any(0 <= column - marked.get(j, -99) <= LABEL_INDENT for j in window):
            continue
        if len(near) >= SIDEBAR_LINES or len(centred) >= SIDEBAR_LINES:
            cuts[i] = column
    # a summary box's rows with the letterhead's lines merged onto their ends (``DATE OF
    # REVIEW   IRO CASE #   Lufkin, Texas 75901``, ``Retrospective     T 936-555-0117``, its
    # gap narrower than a sidebar's): a cell at the column of cut lines above and below it;
    # again while rows are cut, as a row's cut may be what the row above it needed below it
    # (the sidebar's lines a long line pushed right first: a row's evidence below it)
    _pushed_right(lines, starts, cuts, position, texts)
    for _ in range(ROW_PASSES):
        if not cuts or not _cut_rows(lines, texts, position, cuts, is_mark):
            break
    for i, column in numbers.items():
        at = position[i]
        if any(abs(cuts.get(j, -9) - column) <= 1 for j in texts[max(0, at - 2) : at + 3]):
            cuts[i] = column  # ``13:44:07 -05'00'`` under a digital signature's lines
    _pushed_right(lines, starts, cuts, position, texts)
    return cuts


def _cut_rows(
    lines: Sequence[str],
    texts: list[int],
    position: dict[int, int],
    cuts: dict[int, int],
    is_mark: Callable[[str], bool] = lambda text: False,
) -> bool:
    """Cut the table rows and box rows (``texts``: the lines with text, ``position``: their
    places among them) whose last cell stands at the column of the sidebar's cut lines above
    and below it (see :func:`sidebar_cuts`); whether any was cut."""
    added = False
    for i in [k for k in texts if k not in cuts]:
        at = position[i]
        sides = (texts[max(0, at - ROW_REACH) : at], texts[at + 1 : at + ROW_REACH + 1])
        above = {cuts[j] for j in sides[0] if j in cuts}
        # (right of a table's columns, the sidebar may start beside its first row: cut lines
        # below it then)
        below = {cuts[j] for j in sides[1] if j in cuts} - above
        column = next(
            (
                k
                for c in [*above, *below]
                # (a sidebar's line set a column left: ``Physical Medicine`` / ``& Rehab...``)
                for k in (c, c - 1)
                if cell_starts_at(lines[i], k)
                and len(lines[i][c:].strip()) <= SIDEBAR_TEXT
                # (a sidebar's lines indented by a column or two: ``Office hours`` /
                # ``  Mon-Fri 8:00-5:00``)
                and (
                    (c in above and _column_goes_on(lines, cuts, i, sides, c))
                    or _right_of_a_table(lines, i, k, c in above)
                    # (the sidebar pushed right beside a box's rows: cut lines above them at
                    # its own column, and two below at the row's)
                    or (bool(above) and sum(cuts.get(j) == c for j in sides[1]) >= 2)
                    # (or beside a checklist's marked row, the sidebar's first line: ``GUIDELINES
                    # ☐ Yes  ☒ No      ATASCOSA REVIEW PARTNERS``, cut lines below it)
                    or (is_mark(lines[i][:c]) and sum(cuts.get(j) == c for j in sides[1]) >= 2)
                )
            ),
            None,
        )
        # (never a table's header row, nor a cell under one of its headings: ``Service    CPT
        # Units    Decision`` below a sidebar that ended above the table)
        if column is not None and not _under_a_known_heading(lines, i, column):
            cuts[i] = column
            added = True
    return added


def _column_goes_on(
    lines: Sequence[str],
    cuts: dict[int, int],
    row: int,
    sides: tuple[list[int], list[int]],
    column: int,
) -> bool:
    """Whether the sidebar cut at ``column`` goes on past a table's row (line ``row``): cut
    lines at that column (give or take two) below the row (``sides``: the lines with text
    above it and below it), or, where the sidebar ends beside the row, two above it and no
    line below reaching that column in the row's block (``| Reduction mammaplasty | 19318 |
    Noreen Castellanos, RN``, the table's next row short of it): a table's last column goes
    on under its cell."""
    if any(abs(cuts.get(j, -9) - column) <= 2 for j in sides[1]):
        return True
    if sum(abs(cuts.get(j, -9) - column) <= 2 for j in sides[0]) < 2:
        return False
    block = takewhile(lambda j: bool(lines[j].strip()), range(row + 1, len(lines)))
    return all(len(lines[j].rstrip()) < column for j in block)


#: Lines between a page's break and blank lines around its furniture (a footer, a header).
PAGE_SEAM = 4
#: A table's header stands at most this many lines above its rows (a records table runs to
#: a dozen rows and more, their cells wrapped).
TABLE_REACH = 40
_TABLE_CELL = regex.compile(r"\S+(?: \S+)*")
#: A heading in capitals ended by its colon (``PATIENT CLINICAL HISTORY SUMMARY:``).
_HEADING_LINE = regex.compile(r"[^\p{Ll}]*\p{Lu}[^\p{Ll}]*:")


def _header_rows(
    lines: Sequence[str],
    i: int,
    cells_of: Callable[[str], list[tuple[int, str]]],
    page_breaks: frozenset[int] = frozenset(),
) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """Each table header row's line and cells (``cells_of`` the line) at line ``i`` or above it in
    the same block of lines, nearest first: two column words or more (``Code    Service
    Requested``, ``Date    Document    Source``), the rest columns no reader needs
    (``Laterality``). A drawn table's rule under its header is one blank line; a page's break
    and its furniture (``page_breaks``) are none: the table goes on on the next page, its
    header not repeated."""
    for h in range(i, max(-1, i - TABLE_REACH), -1):
        gap = not lines[h].strip() and (h == 0 or not lines[h - 1].strip())
        if gap and not any(abs(b - h) <= PAGE_SEAM for b in page_breaks):
            return
        cells = cells_of(lines[h])
        if header_row([text for _, text in cells]):
            yield h, cells
        elif _HEADING_LINE.fullmatch(lines[h].strip()):
            return  # a section's heading: the table, if any, is another section's


def _cells(pattern: regex.Pattern[str], text: str) -> list[tuple[int, str]]:
    """The cells ``pattern`` finds in ``text``, each with its offset."""
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


def _under_a_table_header(
    lines: Sequence[str], i: int, column: int, page_breaks: frozenset[int] = frozenset()
) -> bool:
    """Whether text at ``column`` of line ``i`` is in a table's column: a header row above it
    (:func:`_header_rows`) has a cell there."""
    rows = _header_rows(lines, i, lambda text: _cells(_TABLE_CELL, text), page_breaks)
    return any(any(abs(start - column) <= CENTRED for start, _ in cells) for _, cells in rows)


def _under_a_known_heading(lines: Sequence[str], i: int, column: int) -> bool:
    """Whether text at ``column`` of line ``i`` stands under a column heading a table reader
    knows (``CPT``, ``Units``), in a header row above it or on it; a word no reader knows
    there (``URAC Accredited``) may be a sidebar's, merged onto the header's line."""
    rows = _header_rows(lines, i, lambda text: _cells(_TABLE_CELL, text))
    return any(
        abs(start - column) <= CENTRED and COLUMN_WORD.fullmatch(text) is not None
        for _, cells in rows
        for start, text in cells
    )


#: A table's cell, drawn between bars or not (``| Code   | Description |``).
_DRAWN_CELL = regex.compile(r"[^\s|+]+(?: [^\s|+]+)*")


def _right_of_a_table(lines: Sequence[str], i: int, column: int, under_cut: bool) -> bool:
    """Whether text at ``column`` of line ``i`` stands right of a table's columns: the
    nearest header row above it (:func:`_header_rows`, drawn or not, read left of
    ``column``) ends well left of ``column`` and has no column heading there (a letterhead's
    ``5 p.m. Central,`` beside the header and its rows is none of the table's). Where the
    sidebar's cut lines stand right above (``under_cut``), a word there that no table reader
    knows (``Correspondence``) is the sidebar's too."""
    rows = _header_rows(lines, i, lambda text: _cells(_DRAWN_CELL, text[:column]))
    header = next(rows, None)
    if header is None:
        return False
    h, cells = header
    beyond = lines[h][column:].strip()
    ends = cells[-1][0] + len(cells[-1][1])
    return ends + SIDEBAR_GAP <= column and not (
        COLUMN_WORD.fullmatch(beyond) or (not under_cut and UNKNOWN_HEADING.fullmatch(beyond))
    )


def _heads_a_column_of_numbers(lines: Sequence[str], i: int, column: int) -> bool:
    """Whether the next line with text has a cell of numbers (dates, codes) starting at
    ``column``: then line ``i``'s text there is that table column's heading."""
    below = next((lines[k] for k in range(i + 1, len(lines)) if lines[k].strip()), "")
    cell = below[column : column + 1].strip() and below[column:].strip()
    return (
        bool(cell)
        and not any(c.isalpha() for c in cell)
        and below[column - 1 : column] == " "
        # (a telephone number under its label is a letterhead's: ``TELEPHONE`` / ``325.555.0162``)
        and _PHONE.fullmatch(cell) is None
    )


#: A telephone number alone in a cell.
_PHONE = regex.compile(r"\(?\d{3}\)?[\s.-]?\d{3}[.-]\d{4}")


def _pushed_right(
    lines: Sequence[str],
    starts: dict[int, int],
    cuts: dict[int, int],
    position: dict[int, int],
    texts: Sequence[int],
) -> None:
    """Add to ``cuts`` the sidebar text that a long line of the letter pushed right of the
    sidebar's column (``... HEALTH CARE PROVIDER        Fax (512) 555-0143``): short text
    after a wide gap, starting past the column of a sidebar cut nearby."""
    for i, column in starts.items():
        if i in cuts:
            continue
        at = position[i]
        near = [
            cuts[j]
            for j in texts[max(0, at - SIDEBAR_WINDOW) : at + SIDEBAR_WINDOW + 1]
            if j in cuts
        ]
        if len(lines[i][column:].strip()) <= SIDEBAR_TEXT and any(c <= column for c in near):
            cuts[i] = column


def column_cuts(
    lines: Sequence[str],
    is_mark: Callable[[str], bool],
    furniture: FurnitureTable,
    page_breaks: frozenset[int] = frozenset(),
) -> dict[int, tuple[str, int]]:
    """Text of another column merged into the letter's lines (a sidebar, see
    :func:`sidebar_cuts`; a few words beside one line, see :func:`other_column_cuts`): line
    index -> (noise kind, the offset it starts at)."""
    cuts = {i: (OTHER_COLUMN, at) for i, at in other_column_cuts(lines, is_mark, furniture).items()}
    cuts.update(
        (i, (SIDEBAR, at))
        for i, at in sidebar_cuts(lines, is_mark, page_breaks).items()
        # (a running header whose page stands at the sidebar's column goes whole:
        # ``CPR 06-0713-04          Page 2``; a date alone, right-aligned under the
        # letterhead, is the letter's own: ``                 October 3, 2018``)
        if furniture.noise_kind(lines[i].strip()) not in _WHOLE_LINE_FURNITURE
        and not (lines[i][:at].isspace() and DATE_LINE.fullmatch(lines[i].strip()))
    )
    return cuts


#: Furniture whose line goes whole, though its end stand at a sidebar's column.
_WHOLE_LINE_FURNITURE = frozenset({"running-header", "page-number", "fax-header"})

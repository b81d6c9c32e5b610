"""A summary box written as a row of labels over a row of values:

```text
  Case Number:            Date of Review:        Decision:           Review Type:
  CIMR-2023-04417         04/19/2023             Overturned          Health Plan – Prior Auth
```

Each label is read with the value in its column below, as if the letter wrote ``Case Number:
CIMR-2023-04417``. This module finds such a pair of rows; the tokenizer turns the labels the
heading catalogue knows into headings with their values.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from attrs import frozen

from iroparse._pipeline.furniture import under_a_cell
from iroparse._pipeline.headings import HeadingMatcher
from iroparse._pipeline.tokens import Token, TokenKind, _Line
from iroparse._pipeline.wrapped import VALUE_KINDS
from iroparse.catalogue import squash

#: A label set apart from its one value by a wide gap (the value has no gap of its own).
GAP_LABEL = regex.compile(r"[ \t]*(\S.{0,40}?\S)[ \t]{3,}(?=\S)(?!.*\S[ \t]{3,}\S)")
#: The gap between two fields written side by side on one line.
SIDE_BY_SIDE = regex.compile(r"(?<=\S)[ \t]{4,}(?=\S)")
#: A cell of a row: words parted by single blanks; two blanks or a tab part two cells.
CELL = regex.compile(r"\S+(?: \S+)*")
#: A table's row has at least this many cells (a label and its value are two).
TABLE_ROW_CELLS = 3
#: A cell stands under a column when it starts at most this many columns from its heading.
ALIGN = 2
#: A row of labels has at least this many.
MIN_LABELS = 2
_DIGIT = regex.compile(r"\d")


@frozen
class LabelCell:
    """A label and the value below it: offsets within their lines (the value's ``None``
    when the column is empty below the label)."""

    label: tuple[int, int]
    value: tuple[int, int] | None


def label_row(text: str, below: str, colons: bool = True) -> list[LabelCell] | None:
    """The labels of ``text`` with their values in ``below``, when ``text`` is a row of
    labels (cells all ending with a colon unless not ``colons``, no digit) and every cell of
    ``below`` stands under one of them; else ``None``."""
    if (colons and ":" not in text) or _DIGIT.search(text) is not None:
        return None
    labels = [(m.start(), m.end()) for m in CELL.finditer(text)]
    if len(labels) < MIN_LABELS or (colons and not all(text[e - 1] == ":" for _, e in labels)):
        return None
    cells = [(m.start(), m.end()) for m in CELL.finditer(below)]
    under = columns_under([s for s, _ in labels], [s for s, _ in cells])
    if under is None or len(under) < MIN_LABELS:
        return None
    values = dict(zip(under, cells, strict=True))
    return [LabelCell(label, values.get(n)) for n, label in enumerate(labels)]


def columns_under(heads: Sequence[int], starts: Sequence[int]) -> list[int] | None:
    """For each cell starting at one of ``starts``, the index of the column heading in
    ``heads`` (their starting columns) it stands under (see :data:`ALIGN`); ``None`` when a
    cell stands under no heading, or two under one."""
    found: list[int] = []
    for at in starts:
        column = next((n for n, head in enumerate(heads) if abs(head - at) <= ALIGN), None)
        if column is None or column in found:
            return None
        found.append(column)
    return found


def row_tokens(
    lines: Sequence[_Line],
    noise: Sequence[str | None],
    i: int,
    matcher: HeadingMatcher,
    page_break: bool,
) -> list[Token] | None:
    """The tokens of a row of labels (line ``i``) over a row of values: the labels
    ``matcher`` knows become headings, each followed by its value; the others, with their
    values, stay text of the section before (they come first). ``None`` when line ``i`` is no
    such row. Labels without colons (``IRO CASE #      DATE NOTICE SENT TO ALL PARTIES``)
    make such a row only when two of them at least are headings of values (a date, a case
    number)."""
    n = i + 1
    text = lines[i].text
    colons = ":" in text
    stripped = text.strip()
    # a drawn box's rule between the rows, blank once normalized (``+-----+-----+``)
    ruled = n + 1 < len(lines) and not lines[n].text.strip() and noise[n + 1] is None
    n += ruled
    if n >= len(lines) or noise[n] is not None or ("  " not in stripped and "\t" not in stripped):
        return None  # one cell (cells are parted by two blanks or a tab): no row of labels
    cells = label_row(text, lines[n].text, colons)
    if cells is None:
        return None
    known = [(c, matcher.full(squash(text[slice(*c.label)]))) for c in cells]
    if not any(alias is not None for _, alias in known):
        return None
    if (not colons or ruled) and sum(a is not None and a.kind in VALUE_KINDS for _, a in known) < 2:
        return None  # a table's column headings (``Service   CPT   Units   Decision``)
    tokens: list[Token] = []
    for cell, alias in sorted(known, key=lambda pair: pair[1] is not None):
        parts = [(TokenKind.HEADING if alias else TokenKind.TEXT, i, cell.label)]
        parts += [(TokenKind.TEXT, n, cell.value)] if cell.value is not None else []
        for kind, m, (begin, end) in parts:
            tokens.append(
                Token(
                    kind,
                    lines[m].text[begin:end],
                    lines[m].start + begin,
                    lines[m].start + end,
                    m,
                    m,
                    alias=alias if kind is TokenKind.HEADING else None,
                    page_break=page_break and m == i,
                    column=begin,
                )
            )
    return tokens


#: A line of a label/value box: the label (its colon, if any) and the value past a gap.
_BOX_LINE = regex.compile(r"(?P<indent>[ \t]*)(?P<label>\S[^:]{0,40}?(?P<colon>:)?)[ \t]{2,}(?=\S)")
#: A box's other lines are looked for this many lines around a wrapped label.
BOX_REACH = 6
#: A box's values stand at least this far right (past a label; not past a bullet).
MIN_VALUE_COLUMN = 12
#: A box's values stand at most this far right of its labels' column: a label holds 40
#: characters at most, and the gap after the longest is a few blanks; a column farther right
#: is another column's (a sidebar's ``Fax 512-555-0199`` beside a heading wrapped over lines).
MAX_VALUE_COLUMN = 50
#: A label's words: letters (``Reviewer``, ``reviewed``), at least three to a word.
_LABEL_WORDS = regex.compile(r"\p{L}{3,}(?:[ ]\p{L}[\p{L}'’]*)*")
#: The second line of a wrapped label has at most this many words.
MAX_LABEL_TAIL = 3


def hanging_labels(lines: Sequence[str]) -> dict[int, int]:
    """The second lines of labels wrapped in a label/value box's label column, line index ->
    the value column (the label's words stand left of it)::

        Reviewer                Board certified in Internal Medicine and Cardiovascular
        Qualifications:         Disease; Fellow of the American College of Cardiology;

    The label's first line has no colon, its second (a few capitalised words) ends with
    one, both values start at one column, and another line of the box within
    :data:`BOX_REACH` lines has a label with its colon at that column too. Or, in a margin
    of headings without colons, the second line is a word or two in lower case
    (``Information`` / ``reviewed``) and another margin heading sets its text there too."""
    found: dict[int, int] = {}
    # (a substring test first: most lines have no gap after their first words)
    shapes = [_BOX_LINE.match(line) if "  " in line.lstrip() else None for line in lines]
    for i in range(1, len(lines)):
        above, here = shapes[i - 1], shapes[i]
        if above is None or here is None or above["colon"]:
            continue
        column = here.end()
        if (
            column < MIN_VALUE_COLUMN
            or column - len(here["indent"]) > MAX_VALUE_COLUMN
            # (a table's row has more cells than a label and its value)
            or len(CELL.findall(lines[i - 1])) >= TABLE_ROW_CELLS
            or not _LABEL_WORDS.fullmatch(above["label"])
            or not above["label"][:1].isupper()  # (a label, not a column's ``undated``)
            or here["label"].rstrip(":") == above["label"]
            or not _LABEL_WORDS.fullmatch(here["label"].rstrip(":"))
            or above.end() != column
            or above["indent"] != here["indent"]
            or len(here["label"].split()) > MAX_LABEL_TAIL
        ):
            continue
        if here["colon"] and here["label"][:1].isupper():
            mark = ":"  # the label's last words and its colon (``Qualifications:``)
        elif not here["colon"] and here["label"][:1].islower():
            mark = ""  # a margin heading's last word (``Information`` / ``reviewed``)
        else:
            continue
        near = [*shapes[max(0, i - BOX_REACH) : i - 1], *shapes[i + 1 : i + BOX_REACH + 1]]
        if any(m is not None and m.end() == column and (m["colon"] or "") == mark for m in near):
            found[i] = column
    return found


#: A label in a page's margin starts at most this many blanks in.
MARGIN = 2


def margin_label(lines: Sequence[_Line], i: int, column: int) -> bool:
    """Whether line ``i`` opens with a label in the page's margin whose value starts at
    ``column``, as a designed letter sets its headings beside their text: the next line goes
    on at that column (``Reviewer profile       Board certified in ...`` / ``       Child and
    Adolescent ...``), beside nothing or beside the label's last word in lower case
    (``Information    ◆ Expedited ...`` / ``reviewed       ◆ Health plan ...``); a table's
    rows are each a line of their own."""
    text = lines[i].text
    if len(text) - len(text.lstrip()) > MARGIN:
        return False
    below = lines[i + 1].text if i + 1 < len(lines) else ""
    label = below[:column].strip()
    # the text goes on at its column, beside nothing or beside the label's last word
    return bool(below[column : column + 1].strip()) and (not label or label[:1].islower())


#: A table's cell's words wrapped under its row stand at least this far in: no heading's
#: margin.
CELL_INDENT = 8


def under_a_row(lines: Sequence[_Line], i: int) -> bool:
    """Whether line ``i`` is a table's cell wrapped under the row above it, far in (``IRO`` /
    ``Decision`` under a drawn table's header): a heading's words there are the cell's."""
    text = lines[i].text
    if i == 0 or len(text) - len(text.lstrip()) < CELL_INDENT:
        return False
    above = lines[i - 1].text
    return len(CELL.findall(above)) >= TABLE_ROW_CELLS and under_a_cell(above, text)


#: A heading whole, two blanks, its section's first words on the line (``Review Outcome  Upon
#: independent review ...``, ``Description of the Service or Services in Dispute  Right total
#: knee arthroplasty``): the words before the line's first gap of two blanks.
_TWO_BLANK_LABEL = regex.compile(r"[ \t]*(\p{Lu}.{0,120}?\S) {2}(?=\S)")
#: ... at least this many (one word before two blanks is a sentence's as often as not).
MIN_TWO_BLANK_WORDS = 2


def two_blank_label(matcher: HeadingMatcher, line: str) -> regex.Match[str] | None:
    """The match of ``line``'s label (group 1) when a whole heading of the catalogue stands
    before its first gap of two blanks and no colon parts it; else ``None``."""
    # (substring tests first: most lines have no two blanks inside them)
    found = _TWO_BLANK_LABEL.match(line) if "  " in line.strip() and ":" not in line else None
    if found is None or len(found[1].split()) < MIN_TWO_BLANK_WORDS:
        return None
    alias = matcher.full(squash(found[1]))
    return found if alias is not None and alias.kind != "title" else None


def label_before_gap(
    matcher: HeadingMatcher, line: str, wide: bool
) -> tuple[regex.Match[str] | None, bool]:
    """The label of ``line`` (group 1) before a wide gap (:data:`GAP_LABEL`, looked for when
    ``wide``: ``Background      The patient ...``), else a whole heading's before two blanks
    (:func:`two_blank_label`); and whether it is the latter."""
    found = GAP_LABEL.match(line) if wide else None
    if found is not None:
        return found, False
    two = two_blank_label(matcher, line)
    return two, two is not None

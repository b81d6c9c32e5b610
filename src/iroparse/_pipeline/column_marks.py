"""Checklist marks no layout reads as they are written, rewritten for the checklist reader
(the section's text keeps them as written).

Boxes that text recognition misread (``IX]``, ``IZI``, ``D`` for ``☐``, ``><``) are read by
:mod:`iroparse._pipeline.misread_boxes`, which this stage runs last.

Checklists drawn as a table with a ``YES`` and a ``NO`` column: one mark per row, under
the column that answers it.

```text
                                                    YES     NO
Upheld (Agree)                                       X
Overturned (Disagree)                                        X
```

No layout can read such a row alone: its ``X`` means *checked* under ``YES`` and *unchecked*
under ``NO``. This stage, run on a checklist section before a layout is chosen, reads the
column header, writes each row's mark as the word of the column it stands under (``Yes``,
``No``: how the ``yesno`` layout marks items) and drops the header line as noise. A section
without such a header is left as it is.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import attrs
import regex

from iroparse._pipeline.checklist_rows import cells_as_lines
from iroparse._pipeline.column_rows import PAIR_BOX, answered_row
from iroparse._pipeline.misread_boxes import boxes_read, checks_read
from iroparse._pipeline.noise import COLUMN_HEADER
from iroparse._pipeline.sections import RawSection
from iroparse._pipeline.tokens import TokenKind
from iroparse.layout import checked_alone
from iroparse.tables.wording import CHOSEN_ANSWERS, NOT_CHOSEN_ANSWERS, YES_NO_COLUMNS

#: The column header: ``YES   NO`` (or ``NO   YES``, ``Y   N``), alone on its line or after
#: the labels' column heading (``Source      Yes   No``; ``Source of criteria or clinical
#: basis      Yes   No``) or the name of the service the checklist is for (``Service 1 -
#: Speech-language therapy (92507)      Yes   No``).
HEADER = regex.compile(
    rf"(?i)(?:\p{{L}}[\p{{L}}/&]*(?: [\p{{L}}/&]+){{0,6}}:?\s{{2,}}"
    rf"|(?-i:Service|SERVICE)\s+\d{{1,2}}\b[^\n]{{0,70}}?\s{{2,}})?(?:{YES_NO_COLUMNS})"
)
#: One column answered by a letter, its heading after the labels' (``Guideline or clinical
#: basis      Used (Y/N)``), and a row's letter after its label and a gap (``... Y``).
LETTER_HEADER = regex.compile(
    r"(?i)(?:\p{L}[\p{L}/&]*(?: [\p{L}/&]+){0,6}\s{2,})?(?:used|applied)?\s*\(\s*y\s*/\s*n\s*\)"
)
LETTER_ANSWER = regex.compile(r"(?<=\S\s{2,})(?P<mark>[YNyn])\s*$")
#: A row answered by a word after its label and a gap: chosen (``Selected``) or not (``—``).
WORD_ANSWER = regex.compile(
    rf"(?i)(?<=\S\s{{2,}})(?:(?P<chosen>{CHOSEN_ANSWERS})|{NOT_CHOSEN_ANSWERS})\s*$"
)
#: A checklist's column header: a heading for its items and one for its answers' column
#: (``Source      Applied``, ``Guideline      Used``).
_COLUMN_HEADING = regex.compile(
    r"(?i)(?:source|guidelines?|criteria|criterion|item|screening\s+criteria)\s{2,}"
    rf"(?:{CHOSEN_ANSWERS})"
)
#: A row answered by a Yes/No pair after its label, each word with its box after it
#: (``Upheld (Agree) ......   Yes ___    No _X_``) or before it (``○ Yes   ● No``).
PAIRED_ANSWER = regex.compile(
    # (from a gap's first blank only, the gap taken whole: a run of blanks costs one try)
    # (or one blank after dot leaders: ``ACOEM UM Knowledgebase ...... ☐ Yes  ☒ No``)
    rf"(?<=\S)(?:\s{{2,}}+|(?<=\.\.\.)\s)(?:(?i:yes)\s*(?P<yes>{PAIR_BOX})\s+(?i:no)\s*(?P<no>{PAIR_BOX})"
    rf"|(?P<yes>{PAIR_BOX})\s*(?i:yes)\s+(?P<no>{PAIR_BOX})\s*(?i:no))\s*$"
)


def readable_marks(
    sections: Sequence[RawSection], kinds: Sequence[str], ticks: Collection[str]
) -> list[RawSection]:
    """``sections`` with the marks of their checklists (of ``kinds``) written so a layout
    reads them: a row of outcome boxes as one line per box
    (:func:`~iroparse._pipeline.checklist_rows.cells_as_lines`), a YES/NO column's answers
    as words, misread boxes as ``[X]`` and ``[ ]`` (or ``☒`` and ``☐``); a section with none
    of these is left as it is. ``ticks`` is what the registered layouts' ticked marks hold
    (:attr:`~iroparse.plugins.Registry.ticks`): a grid's mark is one of them."""
    return [
        boxes_read(
            checks_read(
                _rewritten(
                    _word_answers(
                        _paired_answers(
                            cells_as_lines(s, ticks) if s.kind == "review_outcome" else s, ticks
                        )
                    ),
                    ticks,
                )
            )
        )
        if s.kind in kinds
        else s
        for s in sections
    ]


def _paired_answers(section: RawSection, ticks: Collection[str]) -> RawSection:
    """``section`` with its rows answered by a Yes/No pair (:data:`PAIRED_ANSWER`) answered
    ``Yes`` or ``No`` after the label, by the one box of the pair that is ticked (that holds
    one of ``ticks``, see :func:`~iroparse.layout.checked_alone`)."""
    body = list(section.body)
    changed = False
    for k, token in enumerate(body):
        pair = PAIRED_ANSWER.search(token.text) if token.kind is TokenKind.TEXT else None
        if pair is None:
            continue
        yes, no = (checked_alone(ticks, pair[g]) for g in ("yes", "no"))
        if yes != no:
            word = "Yes" if yes else "No"
            body[k] = attrs.evolve(token, text=f"{token.text[: pair.start()]}   {word}")
            changed = True
    if not changed:
        return section
    return attrs.evolve(section, body=tuple(body), shown=section.shown or section.body)


def _word_answers(section: RawSection) -> RawSection:
    """``section`` with its rows answered by words (:data:`WORD_ANSWER`) answered ``Yes`` or
    ``No``, when two rows at least are so answered and one of them is chosen and one not
    (``Upheld (Agree)      —`` / ``Partially Overturned ...      Selected``)."""
    # (a column header with an answer's word for its heading, ``Source      Applied``, is no
    # row: it stays the column header, on each page it is written again)
    headers = [
        t.kind is TokenKind.TEXT and _COLUMN_HEADING.fullmatch(t.text.strip()) is not None
        for t in section.body
    ]
    answers = [
        WORD_ANSWER.search(t.text) if t.kind is TokenKind.TEXT and not h else None
        for t, h in zip(section.body, headers, strict=True)
    ]
    chosen = [a is not None and a.group("chosen") is not None for a in answers]
    if sum(a is not None for a in answers) < 2 or not any(chosen) or all(chosen):
        if not any(headers):
            return section
        answers = [None] * len(answers)  # (the header noise, the rows as they stand)
    body = tuple(
        attrs.evolve(token, kind=TokenKind.NOISE, noise=COLUMN_HEADER)
        if header
        else token
        if answer is None
        else attrs.evolve(token, text=token.text[: answer.start()] + ("Yes" if yes else "No"))
        for token, answer, yes, header in zip(section.body, answers, chosen, headers, strict=True)
    )
    return attrs.evolve(section, body=body, shown=section.shown or section.body)


def _rewritten(section: RawSection, ticks: Collection[str]) -> RawSection:
    """``section`` with its rows' marks written as words for the reader; its text (``shown``)
    keeps the marks as written, without the header line. A box under each column is ticked
    when it holds one of ``ticks``."""
    body = list(section.body)
    shown = list(section.body)
    columns: tuple[int, int] | None = None
    letters = False  # under a column answered with a letter: ``Used (Y/N)`` / ``... Y``
    for k, token in enumerate(body):
        if token.kind is not TokenKind.TEXT:
            continue
        if LETTER_HEADER.fullmatch(token.text.strip()):
            letters = True
            body[k] = shown[k] = attrs.evolve(token, kind=TokenKind.NOISE, noise=COLUMN_HEADER)
            continue
        answer = LETTER_ANSWER.search(token.text) if letters else None
        if answer is not None:
            word = "Yes" if answer.group("mark").upper() == "Y" else "No"
            body[k] = attrs.evolve(token, text=token.text[: answer.start("mark")] + word)
            continue
        header = HEADER.fullmatch(token.text.strip())
        if header is not None:
            indent = token.column + len(token.text) - len(token.text.lstrip())
            columns = (
                indent + _middle(header, "first"),
                indent + _middle(header, "second"),
            )
            body[k] = shown[k] = attrs.evolve(token, kind=TokenKind.NOISE, noise=COLUMN_HEADER)
            continue
        if columns is not None:
            body[k] = answered_row(token, columns, ticks) or token
    if columns is None and not letters:
        return section
    return attrs.evolve(section, body=tuple(body), shown=tuple(shown))


def _middle(header: regex.Match[str], group: str) -> int:
    """The middle column of a header word."""
    return (header.start(group) + header.end(group)) // 2

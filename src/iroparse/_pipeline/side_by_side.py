"""Stage 3: a line holding two fields side by side, a wide gap between them.

``Date of Notice: 10/09/2014      IRO Reference #: 2014-77831`` is read as two headings, each
with its value; a summary box's two columns of label and value
(``Cenizo Case No. ...... CCR-2310-1187      Date of Review ...... 10/24/2023``) as the
left pair's text and the right heading; an organisation's name beside a value heading is a
page's header (noise); a letterhead's line left of a summary box's field is cut off as the
letterhead's. :func:`side_by_side` is the tokenizer's test for such a line, tried before the
line is read as one heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import regex

from iroparse._pipeline.furniture import FurnitureTable
from iroparse._pipeline.label_rows import SIDE_BY_SIDE
from iroparse._pipeline.letterhead import LETTERHEAD
from iroparse._pipeline.noise_lines import NoiseFinder
from iroparse._pipeline.noise_prose import LEADERS
from iroparse._pipeline.tokens import Token, TokenKind, _Line, _Replaced, _trimmed, noise_token
from iroparse._pipeline.wrapped import REPEATED_HEADING, VALUE_KINDS, HeadingJoiner

__all__ = ["HeadingReader", "side_by_side"]

#: A label and its value, parted by a colon or dot leaders (``Cenizo Case No. ...... CCR-1``,
#: ``TDI No.: 2310-58340``): the left of two pairs in a row of a summary box.
_LABELLED = regex.compile(rf"[^\W\d][^:]{{0,40}}(?::|{LEADERS.pattern})\s*\S")


class HeadingReader(Protocol):
    """The tokenizer's reading of a heading at line ``i`` (its ``_heading``): the tokens
    appended, the lines taken returned (0: no heading)."""

    def __call__(
        self,
        lines: Sequence[_Line],
        noise: Sequence[str | None],
        i: int,
        tokens: list[Token],
        page_break: bool,
    ) -> int: ...


def side_by_side(
    lines: Sequence[_Line],
    noise: Sequence[str | None],
    i: int,
    tokens: list[Token],
    page_break: bool,
    heading: HeadingReader,
    finder: NoiseFinder,
    joiner: HeadingJoiner,
    furniture: FurnitureTable,
) -> int:
    """Read line ``i`` as two fields side by side (see the module docstring), appending its
    tokens to ``tokens``; return 1, or 0 (and append nothing) when the line is no such row.
    ``heading`` reads one heading, ``finder`` tells a value heading, ``joiner`` a heading
    already read, ``furniture`` a page's furniture."""
    text = lines[i].text
    if "    " not in text and "\t" not in text:
        return 0  # no gap wide enough (a substring test: the gap pattern costs 10x more)
    readers = (heading, finder, joiner, furniture)

    def rest(part: _Line) -> int:
        """Read ``part`` of the line as a row of its own (a third field or more beside
        it: ``Patient: ...   IRO Case #: ...   Date of Review: ...``), else as one
        heading."""
        line = _Replaced(lines, i, part)
        return side_by_side(line, noise, i, tokens, page_break, *readers) or heading(
            line, noise, i, tokens, page_break
        )

    for gap in SIDE_BY_SIDE.finditer(text):
        left, right = text[: gap.start()], text[gap.end() :]
        if (
            joiner.repeats_value_heading(right, tokens) and furniture.furniture_line(left.strip())
        ) or (
            # or the other way round: ``IRO Case # 16-0319     Coastal Prairie IRO -
            # Notice of Decision (continued)``
            joiner.repeats_value_heading(left.strip(), tokens)
            and furniture.noise_kind(right.strip()) is not None
        ):
            # a page's header: ``Maximus Federal Services, Inc.      IRO Case #: M-15-22``
            tokens.append(noise_token(lines, i, REPEATED_HEADING, page_break=page_break))
            return 1
        # (the right heading's value may be left blank beside a left one's: ``Date of
        # Review:  2023-05-02      IRO Case #:``)
        if not finder.value_heading(right) and not (
            finder.value_heading_alone(right) and finder.value_heading(left)
        ):
            continue
        before = len(tokens)
        kept = _Line(right, lines[i].start + gap.end())
        if finder.value_heading_alone(left):
            # two headings: ``Date of Notice: 10/09/2014      IRO Reference #: 2014-77831``
            if (
                heading(
                    _Replaced(lines, i, _Line(left, lines[i].start)), noise, i, tokens, page_break
                )
                == 1
                and rest(kept) == 1
            ):
                return 1
        elif all(
            t.alias is not None and t.alias.kind in VALUE_KINDS
            for t in tokens
            if t.kind is TokenKind.HEADING
        ):
            # the letterhead left of a summary box's fields, above the letter's other
            # headings: ``8800 Business Park Drive      IRO Case #:      PH13-10-0382``
            left_line = _Replaced(lines, i, _Line(left, lines[i].start))
            tokens.append(noise_token(left_line, i, LETTERHEAD))
            if rest(kept) == 1:
                return 1
        elif _LABELLED.match(left.strip()):
            # a pair the catalogue does not know left of a heading: the left pair is text
            body, start, end = _trimmed(_Line(left, lines[i].start))
            column = start - lines[i].start
            tokens.append(
                Token(TokenKind.TEXT, body, start, end, i, i, page_break=page_break, column=column)
            )
            if rest(kept) == 1:
                return 1
        else:
            continue
        del tokens[before:]
        return 0
    return 0

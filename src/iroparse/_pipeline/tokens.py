"""Tokens: what the tokenizer (:mod:`iroparse._pipeline.tokenize`) makes of each line, and the
lines it reads them from."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import overload

from attrs import frozen

from iroparse.catalogue import HeadingAlias

__all__ = [
    "Token",
    "TokenKind",
    "heading_and_value",
    "heading_before",
    "noise_token",
    "split_lines",
]


class TokenKind(enum.Enum):
    """What a token is."""

    HEADING = "heading"
    TEXT = "text"
    BLANK = "blank"
    NOISE = "noise"


@frozen
class Token:
    """One logical line. ``start``/``end`` are offsets into the normalized text; ``line`` and
    ``last_line`` are 0-based line numbers; ``page_break`` says a new page starts here;
    ``column`` is where the text starts on its line (after its indentation, or after a
    heading standing before it there)."""

    kind: TokenKind
    text: str
    start: int
    end: int
    line: int
    last_line: int
    alias: HeadingAlias | None = None
    noise: str | None = None
    page_break: bool = False
    column: int = 0


@frozen
class _Line:
    text: str
    start: int


class _Replaced(Sequence[_Line]):
    """``lines`` with line ``index`` read as ``line`` (a heading without its number)."""

    def __init__(self, lines: Sequence[_Line], index: int, line: _Line):
        self._lines, self._index, self._line = lines, index, line

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, position: int) -> _Line: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[_Line]: ...
    def __getitem__(self, position: int | slice) -> _Line | Sequence[_Line]:
        if isinstance(position, slice):
            return [self[k] for k in range(*position.indices(len(self)))]
        return self._line if position == self._index else self._lines[position]


def split_lines(text: str) -> list[_Line]:
    """Split normalized text into lines with their start offsets."""
    lines: list[_Line] = []
    start = 0
    for piece in text.split("\n"):
        lines.append(_Line(piece, start))
        start += len(piece) + 1
    return lines


def _trimmed(line: _Line, begin: int = 0) -> tuple[str, int, int]:
    """The line's text from ``begin`` without surrounding whitespace, and its offsets."""
    raw = line.text[begin:]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    start = line.start + begin + lead
    return body, start, start + len(body)


def blank_token(line: _Line, number: int, page_break: bool) -> Token:
    """The token of blank line ``number``."""
    end = line.start + len(line.text)
    return Token(TokenKind.BLANK, "", line.start, end, number, number, page_break=page_break)


def heading_token(line: _Line, number: int, alias: HeadingAlias, page_break: bool) -> Token:
    """The token of line ``number`` as a whole heading of ``alias``."""
    body, start, end = _trimmed(line)
    return Token(
        TokenKind.HEADING, body, start, end, number, number, alias=alias, page_break=page_break
    )


def noise_token(
    lines: Sequence[_Line],
    number: int,
    kind: str | None,
    *,
    begin: int = 0,
    page_break: bool = False,
) -> Token:
    """A noise token of ``kind`` for line ``number`` (from offset ``begin`` of its text)."""
    body, start, end = _trimmed(lines[number], begin)
    return Token(
        TokenKind.NOISE, body, start, end, number, number, noise=kind, page_break=page_break
    )


def heading_and_value(
    line: _Line, number: int, split: int, heading: Token, tokens: list[Token]
) -> None:
    """Append ``heading`` and, as a text token, what its last ``line`` (line ``number``) says
    after offset ``split``: a value or the section's first words. The heading's own
    punctuation is not the value's (``IRO CASE NO.: 123``), nor are dot leaders after it
    (``IRO Case No. ........... 123``)."""
    tokens.append(heading)
    begin = split
    while line.text[begin : begin + 1] in (".", ":", "…", " ", "\t"):
        begin += 1
    body, start, end = _trimmed(line, begin)
    if body:
        column = start - line.start
        tokens.append(Token(TokenKind.TEXT, body, start, end, number, number, column=column))


def heading_before(
    line: _Line,
    number: int,
    split: int,
    alias: HeadingAlias,
    page_break: bool,
    tokens: list[Token],
) -> None:
    """Append the heading of ``alias`` that ``line`` (line ``number``) writes before offset
    ``split``, then what the line says after it (:func:`heading_and_value`)."""
    head = line.text[:split]
    body = head.strip()
    start = line.start + len(head) - len(head.lstrip())
    heading = Token(
        TokenKind.HEADING,
        body,
        start,
        start + len(body),
        number,
        number,
        alias=alias,
        page_break=page_break,
    )
    heading_and_value(line, number, split, heading, tokens)


def merged(tokens: list[Token], sidebar: list[Token]) -> list[Token]:
    """``tokens`` with the ``sidebar``'s noise tokens put in by offset, the order of
    ``tokens`` kept (a row of labels puts each label's value right after it, before the next
    label on the line above)."""
    pending = sorted(sidebar, key=lambda token: token.start)
    out: list[Token] = []
    k = 0
    for token in tokens:
        while k < len(pending) and pending[k].start < token.start:
            out.append(pending[k])
            k += 1
        out.append(token)
    return out + pending[k:]

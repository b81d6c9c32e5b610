"""Stage 3: a heading in capitals wrapped over two lines, neither line a catalogue wording::

    DECISION OF THE INDEPENDENT          RECORDS AND DOCUMENTS
    REVIEWER                             RECEIVED FOR REVIEW

The first line is known by its key words (:meth:`~iroparse._pipeline.headings.HeadingMatcher.
by_words`), and its second is a few more words in capitals right under it: the two are one
heading, of the kind the joined words tell (the second line alone would open a section of its
own, ``REVIEWER``, or stay in the text, ``RECEIVED FOR REVIEW``). The same holds upward: a
line of capitals right above a heading, a blank line above it, is the heading's first line
(``SUMMARY OF THE ENROLLEE'S`` / ``CLINICAL HISTORY``).
"""

from __future__ import annotations

from collections.abc import Sequence

from iroparse._pipeline.headings import HeadingMatcher
from iroparse._pipeline.tokens import Token, TokenKind, _Line, _trimmed
from iroparse.catalogue import HeadingAlias, squash

__all__ = ["capitals_above", "capitals_below"]

#: A heading's line in capitals holds at most this many words ...
MAX_WORDS = 6
#: ... and at most this many characters.
MAX_CHARACTERS = 48


def _capitals(text: str) -> bool:
    """A few words in capitals, no digits, no sentence's end, no colon but a last one: a
    heading's line."""
    stripped = text.strip().rstrip(":")
    return (
        bool(stripped)
        and stripped.upper() == stripped
        and stripped.lower() != stripped
        and len(stripped) <= MAX_CHARACTERS
        and len(stripped.split()) <= MAX_WORDS
        and not any(c.isdigit() for c in stripped)
        and stripped[-1] not in ".;!?"
        and ":" not in stripped
    )


def capitals_below(
    matcher: HeadingMatcher,
    lines: Sequence[_Line],
    noise: Sequence[str | None],
    i: int,
    page_break: bool,
) -> Token | None:
    """The heading of lines ``i`` and ``i + 1`` when line ``i``, in capitals, is a heading by
    its key words and the next line is a few more words in capitals that go on with it, the
    two telling a heading by their joined words; else ``None``."""
    if i + 1 >= len(lines) or noise[i + 1] is not None:
        return None
    first, second = lines[i].text, lines[i + 1].text
    if not (_capitals(first) and _capitals(second)) or first.rstrip().endswith(":"):
        return None
    return _joined(matcher, lines[i], lines[i + 1], i, page_break)


def capitals_above(
    matcher: HeadingMatcher,
    lines: Sequence[_Line],
    tokens: list[Token],
    i: int,
    alias: HeadingAlias,
) -> Token | None:
    """The heading of lines ``i - 1`` and ``i`` when line ``i`` is a heading of ``alias``'s
    kind and the line above it, read as text after a blank line, is a few words in capitals
    whose joined words tell the same kind (``SUMMARY OF THE ENROLLEE'S`` / ``CLINICAL
    HISTORY``); the text token of that line is taken off ``tokens``. Else ``None``."""
    if len(tokens) < 2 or i < 2:
        return None
    above, before = tokens[-1], tokens[-2]
    if not (
        above.kind is TokenKind.TEXT
        and above.line == above.last_line == i - 1
        and before.kind is TokenKind.BLANK
        and _capitals(lines[i - 1].text)
        and _capitals(lines[i].text)
    ):
        return None
    heading = _joined(matcher, lines[i - 1], lines[i], i - 1, above.page_break)
    if heading is None or heading.alias is None or heading.alias.kind != alias.kind:
        return None
    del tokens[-1]
    return heading


def _joined(
    matcher: HeadingMatcher, first: _Line, second: _Line, number: int, page_break: bool
) -> Token | None:
    """One heading token of two lines (``number`` the first's), when their joined words are a
    heading by the catalogue or by their key words; else ``None``."""
    head, start, _ = _trimmed(first)
    tail, _, end = _trimmed(second)
    text = f"{head} {tail}"
    alias = matcher.full(squash(text)) or matcher.by_words(text)
    if alias is None:
        return None
    return Token(
        TokenKind.HEADING,
        text,
        start,
        end,
        number,
        number + 1,
        alias=alias,
        page_break=page_break,
    )

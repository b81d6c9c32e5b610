"""Part of stage 3 (tokenize): a heading the letter has once, written again, is a page's
running header (``IRO Case Number: 1234`` atop page 2, the title repeated with its date), not a
second section. Runs over the tokens once the lines are read."""

from __future__ import annotations

import attrs

from iroparse._pipeline.noise import DATE_LINE
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse._pipeline.wrapped import REPEATED_HEADING, VALUE_KINDS

#: Heading kinds a letter has once: written again, they are a page's running header.
_ONCE_KINDS = VALUE_KINDS | {"title"}
#: Heading kinds that do not open the letter's body: a letterhead may print its date and case
#: number before the title.
_BEFORE_BODY = _ONCE_KINDS | {"other"}


#: A running header's reference line is short: the case number and a word or three.
_REFERENCE_WORDS = 4


def case_references(tokens: list[Token]) -> list[Token]:
    """A short line that repeats the letter's case number (``Case 16-09-4471``) next to a
    page's furniture, past blanks, is that page's running header too: noise. The case number
    is the value read with the letter's case-number heading; it must carry a digit."""
    value = _case_value(tokens)
    if value is None:
        return tokens
    content = [k for k, t in enumerate(tokens) if t.kind is not TokenKind.BLANK]
    out = list(tokens)
    for n, k in enumerate(content):
        token = tokens[k]
        if (
            token.kind is not TokenKind.TEXT
            or len(token.text.split()) > _REFERENCE_WORDS
            or value not in token.text.split()
        ):
            continue
        beside = [tokens[content[m]] for m in (n - 1, n + 1) if 0 <= m < len(content)]
        if any(t.kind is TokenKind.NOISE for t in beside) and not any(
            t.kind is TokenKind.HEADING and t.alias is not None and t.alias.kind == "case_number"
            for t in beside
        ):
            out[k] = attrs.evolve(token, kind=TokenKind.NOISE, noise=REPEATED_HEADING)
    return out


def _case_value(tokens: list[Token]) -> str | None:
    """The value of the letter's first case-number heading, when it is one word with a
    digit."""
    for k, token in enumerate(tokens):
        if token.kind is TokenKind.HEADING and token.alias and token.alias.kind == "case_number":
            value = next((t for t in tokens[k + 1 :] if t.kind is not TokenKind.BLANK), None)
            if (
                value is not None
                and value.kind is TokenKind.TEXT
                and len(value.text.split()) == 1
                and any(c.isdigit() for c in value.text)
            ):
                return value.text
            return None
    return None


def repeated_value_headings(tokens: list[Token]) -> list[Token]:
    """A value heading written again later (``IRO Case Number: 1234`` on page 2) is a running
    header, not a second section: it and its value become noise. Same kind and rank: ``DATE
    NOTICE SENT`` after ``DATE OF REVIEW`` is a section of its own. So is the letter's title
    written again, or after the letter's sections began (``Notice of Decision`` atop page 2),
    with a date on the line after it (``March 3, 2011``): a letter has one title, first."""
    seen: set[tuple[str, int]] = set()
    out: list[Token] = []
    header_line: int | None = None
    title_again = False
    body_started = False  # a heading of the letter's body was read: the title is behind
    # a value heading with no value right before another of its kind titles a group of them
    # (``Section 1 - Review Dates`` / ``Date of review:  01/19/2023``): no value seen
    empty: tuple[str, int] | None = None
    for token in tokens:
        alias = token.alias
        if token.kind is TokenKind.HEADING and alias is not None:
            body_started = body_started or alias.kind not in _BEFORE_BODY
            if empty is not None and empty[0] == alias.kind:
                seen.discard(empty)
        if token.kind is TokenKind.TEXT:
            empty = None
        if token.kind is TokenKind.HEADING and alias is not None and alias.kind in _ONCE_KINDS:
            # one title whatever its alias's rank; a value heading per rank
            key = (alias.kind, alias.rank if alias.kind in VALUE_KINDS else 0)
            empty = key if alias.kind in VALUE_KINDS else None
            if key in seen or (alias.kind == "title" and body_started):
                header_line = token.last_line
                title_again = alias.kind == "title"
                token = attrs.evolve(
                    token, kind=TokenKind.NOISE, alias=None, noise=REPEATED_HEADING
                )
            seen.add(key)
        elif (
            token.kind is TokenKind.TEXT
            and header_line is not None
            and (
                token.line == header_line
                or (
                    title_again
                    and token.line == header_line + 1
                    and DATE_LINE.fullmatch(token.text)
                )
            )
        ):
            header_line = token.line
            token = attrs.evolve(token, kind=TokenKind.NOISE, noise=REPEATED_HEADING)
        else:
            header_line = None
        out.append(token)
    return out

"""Stage 3: a sentence written as a section's heading (``The reviewer's qualifications are
as follows:``, ``Records furnished to the reviewer were:``, ``A brief history of the case
follows.``), as older letters typed on a typewriter head every section.

Such a sentence is a heading only where it stands as one: a paragraph of its own (a blank
line or furniture above it, its text below), ending in its colon (or in ``follows.``), short
enough to be a heading. Its subject's words tell the section
(:data:`~iroparse.tables.heading_words.SENTENCE_SUBJECT_WORDS`, then the key words every
heading is known by). A section opens once: the same kind of sentence after its section has
opened introduces a list inside it (``The patient's history is as follows:`` in the history),
so it stays text.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse._pipeline.key_word_headings import FOLLOWS_NARRATIVE, NARRATIVE_KINDS, open_heading
from iroparse._pipeline.tokens import Token, TokenKind, _Line, _trimmed
from iroparse._pipeline.worded_headings import kind_by_key_words
from iroparse.catalogue import HeadingAlias, words
from iroparse.tables.heading_words import (
    SENTENCE_HEADING,
    SENTENCE_SUBJECT_WORDS,
    STATUTORY_PHRASES,
)

__all__ = ["MAX_SENTENCE_HEADING_WORDS", "sentence_heading", "wrapped_sentence_heading"]

#: A sentence heading has at most this many words (``The physician who reviewed this case is
#: described as follows:`` has 11; a sentence wrapped over two lines, up to 20).
MAX_SENTENCE_HEADING_WORDS = 20
#: What stands above a paragraph of its own: a blank line, or furniture between paragraphs.
_PARAGRAPH_BREAKS = frozenset({TokenKind.BLANK, TokenKind.NOISE})
_SENTENCE = regex.compile(SENTENCE_HEADING)
_THE_FOLLOWING = regex.compile(r"(?i)\bthe\s+following(?:\s+[\w()]+){0,2}\s*:$")
_SUBJECTS = tuple((kind, regex.compile(pattern)) for kind, pattern in SENTENCE_SUBJECT_WORDS)
_STATUTORY = tuple((kind, regex.compile(pattern)) for kind, pattern in STATUTORY_PHRASES)
_FOLLOWING_FIRST = regex.compile(r"(?i)the\s+following\s")


def wrapped_sentence_heading(
    lines: Sequence[_Line], i: int, tokens: Sequence[Token], page_break: bool
) -> Token | None:
    """The heading token of a sentence written as a heading and wrapped onto the next line
    (``The services that the HMO declined to authorize, and that are the subject of`` /
    ``this review, are:``), or ``None``."""
    if i + 1 >= len(lines) or lines[i].text.rstrip().endswith(":"):
        return None
    second = lines[i + 1].text.strip()
    if not second.endswith(":") or not second[:1].islower():
        return None
    joined = f"{lines[i].text.strip()} {second}"
    alias = _sentence_alias(joined, lines, i + 1, tokens)
    if alias is None:
        return None
    start, end = _trimmed(lines[i])[1], _trimmed(lines[i + 1])[2]
    return Token(
        TokenKind.HEADING, joined, start, end, i, i + 1, alias=alias, page_break=page_break
    )


def sentence_heading(
    lines: Sequence[_Line], i: int, tokens: Sequence[Token]
) -> HeadingAlias | None:
    """The heading line ``i`` is when it is a sentence written as one (see the module
    docstring), or ``None``."""
    return _sentence_alias(lines[i].text.strip(), lines, i, tokens)


def _sentence_alias(
    text: str, lines: Sequence[_Line], last: int, tokens: Sequence[Token]
) -> HeadingAlias | None:
    """The heading the sentence ``text`` (ending on line ``last``) is, ``tokens`` before it;
    else ``None``."""
    if (
        not text[:1].isupper()
        or len(text.split()) > MAX_SENTENCE_HEADING_WORDS
        or (tokens and tokens[-1].kind not in _PARAGRAPH_BREAKS)
        or _next_text(lines, last) is None
    ):
        return None
    shaped = _SENTENCE.fullmatch(text)
    if shaped is None:
        return None
    statutory = False
    if shaped.group("whole") is not None:  # a sentence of the letter's own
        kind = _statute_kind(shaped.group("whole"))
        statutory = kind is not None
    else:
        subject = words(shaped.group("subject"))
        kind = next((k for k, p in _SUBJECTS if p.search(subject)), None)
        kind = kind or kind_by_key_words(subject)
        if kind is None:  # (``The reviewer used the following guidelines:``, whole)
            kind = _statute_kind(text.rstrip().rstrip(":"))
            statutory = kind is not None
    if kind is None and (_THE_FOLLOWING.search(text) or _FOLLOWING_FIRST.match(text)):
        # the thing named after ``the following``: ``The health plan denied the following
        # service:``
        kind = kind_by_key_words(words(text))
    if kind is None or kind == "other" or kind in _opened(tokens):
        return None
    opened = open_heading(tokens)
    open_kind = opened.alias.kind if opened is not None and opened.alias is not None else None
    # (a sentence naming its section in the statute's words opens it even so: ``The reviewer
    # used the following guidelines:``)
    if open_kind in NARRATIVE_KINDS and (
        kind not in FOLLOWS_NARRATIVE or (_THE_FOLLOWING.search(text) and not statutory)
    ):
        # inside the history or the analysis, a sentence introduces its own list (``The ODG
        # criteria for fusion require all of the following:``); only a section that follows
        # a narrative one opens there (``Upon independent review, the reviewer's
        # determination is:``)
        return None
    return HeadingAlias(kind, text, rank=1)


def _statute_kind(sentence: str) -> str | None:
    """The section ``sentence`` names in the statute's own words
    (:data:`~iroparse.tables.heading_words.STATUTORY_PHRASES`), or ``None``."""
    said = words(sentence)
    return next((kind for kind, pattern in _STATUTORY if pattern.search(said)), None)


def _next_text(lines: Sequence[_Line], i: int) -> str | None:
    """The next line after ``i`` with text, or ``None`` at the letter's end (read line by
    line: a slice of the letter's lines would copy the rest of them for every line asked)."""
    return next((lines[k].text for k in range(i + 1, len(lines)) if lines[k].text.strip()), None)


def _opened(tokens: Sequence[Token]) -> set[str]:
    """The kinds of the sections opened so far."""
    return {t.alias.kind for t in tokens if t.kind is TokenKind.HEADING and t.alias is not None}

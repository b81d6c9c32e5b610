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

from iroparse._pipeline.headings import kind_by_key_words
from iroparse._pipeline.tokens import Token, TokenKind, _Line
from iroparse.catalogue import HeadingAlias, words
from iroparse.tables.heading_words import SENTENCE_HEADING, SENTENCE_SUBJECT_WORDS

__all__ = ["MAX_SENTENCE_HEADING_WORDS", "sentence_heading"]

#: A sentence heading has at most this many words (``The physician who reviewed this case is
#: described as follows:`` has 11).
MAX_SENTENCE_HEADING_WORDS = 14
#: What stands above a paragraph of its own: a blank line, or furniture between paragraphs.
_PARAGRAPH_BREAKS = frozenset({TokenKind.BLANK, TokenKind.NOISE})
_SENTENCE = regex.compile(SENTENCE_HEADING)
_SUBJECTS = tuple((kind, regex.compile(pattern)) for kind, pattern in SENTENCE_SUBJECT_WORDS)


def sentence_heading(
    lines: Sequence[_Line], i: int, tokens: Sequence[Token]
) -> HeadingAlias | None:
    """The heading line ``i`` is when it is a sentence written as one (see the module
    docstring), or ``None``."""
    text = lines[i].text.strip()
    if (
        not text[:1].isupper()
        or len(text.split()) > MAX_SENTENCE_HEADING_WORDS
        or (tokens and tokens[-1].kind not in _PARAGRAPH_BREAKS)
        or _next_text(lines, i) is None
    ):
        return None
    shaped = _SENTENCE.fullmatch(text)
    if shaped is None:
        return None
    subject = words(shaped.group("subject"))
    kind = next((k for k, p in _SUBJECTS if p.search(subject)), None) or kind_by_key_words(subject)
    if kind is None or kind == "other" or kind in _opened(tokens):
        return None
    return HeadingAlias(kind, text, rank=1)


def _next_text(lines: Sequence[_Line], i: int) -> str | None:
    """The next line after ``i`` with text, or ``None`` at the letter's end."""
    return next((line.text for line in lines[i + 1 :] if line.text.strip()), None)


def _opened(tokens: Sequence[Token]) -> set[str]:
    """The kinds of the sections opened so far."""
    return {t.alias.kind for t in tokens if t.kind is TokenKind.HEADING and t.alias is not None}

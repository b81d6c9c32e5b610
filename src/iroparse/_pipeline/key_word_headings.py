"""Stage 3: a heading known only by its key words (``CREDENTIALS OF REVIEWING PHYSICIAN``,
``REASONING``), read where it stands (:meth:`~iroparse._pipeline.headings.HeadingMatcher.
by_words` tells its kind from its words alone).

Such a heading is trusted less than a catalogue heading: inside the clinical history or the
analysis, words like ``Clinical Guidelines:`` or ``Treatment History`` label a paragraph, so
there a key-word heading of another kind opens its section only after text of the section,
and written in capitals or alone on its line after a blank one (``Standards Used:``); right
under a heading it is that section's first label.
Elsewhere it needs a blank line above it (or capitals), as a heading has.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice, pairwise

import regex

from iroparse._pipeline.headings import HeadingMatcher
from iroparse._pipeline.noise_prose import JOINING_WORDS
from iroparse._pipeline.tokens import Token, TokenKind, _Line
from iroparse._pipeline.wrapped import VALUE_KINDS, follows_heading
from iroparse.catalogue import CLOSING, HeadingAlias, words
from iroparse.tables.heading_words import TITLE_WORDS

__all__ = ["key_word_heading", "open_heading"]

_TITLE = regex.compile(TITLE_WORDS)
#: A list item lettered in lower case (``a.  Request ...``, ``b)  Notes ...``), or bulleted
#: with an ``o`` (``o  IRO request ...``).
_LETTERED_ITEM = regex.compile(r"[a-z][.)]\s|o\s")

#: How a plain heading in sentence case opens: a question's word or a pronoun (``Who
#: reviewed this case``, ``Our decision``, ``The question``), never a list's item
#: (``Adverse determination letters``).
_PLAIN_OPENER = regex.compile(r"(?i)\s*(?:what|who|why|how|our|your|the|about|questions?)\b")
#: A line's first letter.
_LETTER = regex.compile(r"\p{L}")
#: The sections whose paragraphs carry labels of their own.
NARRATIVE_KINDS = frozenset({"analysis", "clinical_history"})
#: The sections that follow a narrative one in letters (``Standards Used:`` after the
#: analysis): only they may open in Title Case inside it; a ``Conclusion:`` or a ``Treatment
#: History:`` there labels its paragraph.
FOLLOWS_NARRATIVE = frozenset(
    {"analysis", "criteria", "reviewer_qualifications", "review_outcome", "information_provided"}
)


def key_word_heading(
    matcher: HeadingMatcher,
    text: str,
    lines: Sequence[_Line],
    i: int,
    tokens: Sequence[Token],
) -> HeadingAlias | None:
    """The heading ``text`` (line ``i``, or the words before its colon) is by its key words,
    where it may stand (see the module docstring); else ``None``."""
    # (a part of its line: the words before a colon or a wide gap, a label)
    labelled = text.strip() != lines[i].text.strip()
    above = lines[i - 1].text.strip() if i > 0 else ""
    # a few words in sentence case alone between a blank line and their text are a designed
    # letter's plain heading (``Who reviewed this case`` / ``A physician board ...``); right
    # under a heading, its section's first line (``RECORDS REVIEWED`` / / ``Table of ...``)
    # (or, with a blank line under it too, any few words: ``Documents we looked at`` / /
    # ``•  Office notes ...``; the text's first letter, past a bullet or a date, a capital)
    below = next((t.text for t in lines[i + 1 : i + 3] if t.text.strip()), "")
    first_letter = _LETTER.search(below)
    plain = (
        not labelled
        and not above
        and (_PLAIN_OPENER.match(text) is not None or _blank_below(lines, i))
        and first_letter is not None
        and first_letter.group().isupper()
        and not follows_heading(tokens)
    )
    line = lines[i].text.strip()
    colon = line.startswith(text.strip()) and line[len(text.strip()) :].lstrip()[:1] == ":"
    alias = matcher.by_words(text, labelled=labelled or plain, colon=colon, plain=plain)
    if alias is None:
        return None
    capitals = text.upper() == text
    if above and not capitals and not above.endswith(":"):
        return None  # a line of a paragraph or a list, written in Title Case
    if above and (above[-1] in ",&" or above.split()[-1].lower() in JOINING_WORDS):
        return None  # the rest of a line cut after ``WITH`` (``ACCEPTED MEDICAL STANDARDS``)
    below = lines[i + 1].text.lstrip() if i + 1 < len(lines) else ""
    # a label its value's lines go on beside, or its text after its colon goes on below
    beside = labelled and (":" not in lines[i].text or bool(lines[i].text.split(":", 1)[1].strip()))
    if below[:1].islower() and not _LETTERED_ITEM.match(below) and not beside:
        # a sentence going on: ``... FOR EACH`` / ``of the treating doctors`` (not a list's
        # first item, ``a.  Request for review ...``)
        return None
    opened = open_heading(tokens)
    if opened is None and _TITLE.search(words(text)):
        return None  # the letter's title, above its sections
    kind = opened.alias.kind if opened is not None and opened.alias is not None else None
    if kind == alias.kind and kind != "other":
        return None  # ``Discussion:`` in the analysis: a label of its text (the letter's
        # close runs one such heading after another: ``Independence``, ``Appeal Rights``)
    if kind in NARRATIVE_KINDS:
        text_since = any(
            t.kind is TokenKind.TEXT for t in tokens[tokens.index(opened) + 1 :] if opened
        )
        alone = not lines[i].text.split(":", 1)[-1].strip() or ":" not in lines[i].text
        # (or a designed letter's plain heading of the letter's close: ``What happens next``)
        closing = plain and alias.kind == "other"
        after_it = (alias.kind in FOLLOWS_NARRATIVE or closing) and alone and not above
        # (or labelling the narrative's last paragraph, before the letter's closing one:
        # ``Treatment Guidelines:  The reviewer relied on ...`` / ``This decision ... is
        # deemed ...``)
        last = alias.kind in FOLLOWS_NARRATIVE and not above and _before_closing(lines, i)
        if not (text_since and (capitals or after_it or last)):
            return None
    return alias


def open_heading(tokens: Sequence[Token]) -> Token | None:
    """The heading of the section open at the end of ``tokens``: a value heading (a page's
    running ``Case Number: ...``) opens none of the narrative's."""
    return next(
        (
            t
            for t in reversed(tokens)
            if t.kind is TokenKind.HEADING
            and t.alias is not None
            and t.alias.kind not in VALUE_KINDS
        ),
        None,
    )


def _blank_below(lines: Sequence[_Line], i: int) -> bool:
    """Whether a blank line follows line ``i``, in a letter written single-spaced: two of the
    next :data:`SPACING_LINES` lines with text stand next to each other (in a double-spaced
    letter every line of a list stands between blank lines, ``Adverse determination
    letters``)."""
    if i + 1 >= len(lines) or lines[i + 1].text.strip():
        return False
    below = islice((k for k in range(i + 2, len(lines)) if lines[k].text.strip()), SPACING_LINES)
    return any(b - a == 1 for a, b in pairwise(below))


#: How many lines with text under a plain heading tell whether the letter is single-spaced.
SPACING_LINES = 4


def _before_closing(lines: Sequence[_Line], i: int) -> bool:
    """Whether the paragraph line ``i`` opens is followed by the letter's end or a paragraph
    that closes the letter (:data:`~iroparse.catalogue.CLOSING`)."""
    j = i + 1
    while j < len(lines) and lines[j].text.strip():
        j += 1
    following = next((line.text.strip() for line in lines[j:] if line.text.strip()), None)
    return following is None or CLOSING.match(following) is not None

"""Stage 3: a heading told by what stands beside or under it.

A heading's line may carry its checklist's column header (``Screening Criteria / Clinical
Basis Used      Yes     No``): :func:`heading_over_answers` reads the heading before it.

``Basis for the Decision`` heads the analysis in most letters (its catalogue kind), but the
screening criteria in letters that put the criteria checklist right under it::

    Basis for the decision
    ( ) ACOEM-America College of Occupational & Environmental Medicine
    (X) MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE ...

:func:`criteria_by_content` gives such a heading the criteria's kind when its first line of
text is a checklist item: a mark, then a criterion of the catalogue, or two criteria's lines
one after the other (a sentence naming one,
``ACOEM Guidelines, 2nd Edition, state ...``, is the analysis's; so is the text under
``RATIONALE/BASIS FOR DECISION``). Such a heading alone on its line after the analysis's
own heading (``Reviewer's Analysis`` ... ``Basis for the Decision``) heads the criteria too:
the analysis is written, and what follows names what it rests on. The other way round,
``CLINICAL BASIS FOR DETERMINATION`` (the criteria's words) heads the analysis in a letter
with no analysis heading before it, where prose follows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from iroparse._pipeline.headings import HeadingMatcher
from iroparse._pipeline.tokens import Token, TokenKind, _Line, heading_before
from iroparse.catalogue import CRITERIA, HeadingAlias, squash, words
from iroparse.tables.wording import YES_NO_COLUMNS

__all__ = ["ENDS_WITH_ANSWERS", "criteria_by_content", "heading_over_answers"]

#: A heading's line that ends with a checklist's column header of answers (``Screening
#: criteria used:      YES     NO``): a heading, whose value is the header, though its ``NO``
#: looks like a mark; or a single column's header over each row's ``Yes`` or ``No``
#: (``SCREENING CRITERIA / CLINICAL BASIS USED        USED?``, ``Applied (Y/N)``).
ENDS_WITH_ANSWERS = regex.compile(
    rf"(?i)\s{{2,}}(?:{YES_NO_COLUMNS}"
    r"|(?:used|applied|relied\s+upon)\??(?:\s*\(?\s*(?:yes\s*/\s*no|y\s*/\s*n)\s*\)?)?"
    r"|yes\s*/\s*no|y\s*/\s*n)\s*$"
)

#: The words of a heading that heads the analysis or the criteria, as its text decides.
EITHER = regex.compile(r"^BASIS\s+FOR\b")
#: A criterion's label opening a line, after a mark read as a word (``X``) if any.
_CRITERION = regex.compile(
    "(?:X )?(?:" + "|".join(f"(?:{entry.signature})" for entry in CRITERIA) + ")"
)
#: The criterion's line is looked for this many lines below the heading (blank lines between).
REACH = 3
#: The words of the criteria's heading that head the analysis in letters with no analysis
#: heading, prose under them (``CLINICAL BASIS FOR DETERMINATION`` / ``Manipulation under
#: anesthesia of the lumbar spine has not been evaluated ...``).
CLINICAL_BASIS = regex.compile(r"^CLINICAL\s+BASIS\s+FOR\s+(?:THE\s+)?(?:DECISION|DETERMINATION)$")
#: A line of prose is at least this long.
MIN_PROSE = 50


def criteria_by_content(
    tokens: list[Token], at: int, lines: Sequence[_Line], any_mark: regex.Pattern[str]
) -> None:
    """Give the analysis heading at ``tokens[at]`` (if it is one, of :data:`EITHER`'s words)
    the criteria's kind when a criterion's line follows its last line in ``lines``, marked
    (``any_mark`` finds a mark of a registered layout in it) or followed by another, or when
    it stands alone on its line after the analysis's own heading."""
    token = tokens[at] if at < len(tokens) else None
    if token is None or token.kind is not TokenKind.HEADING or token.alias is None:
        return
    alias = token.alias
    if alias.kind == "criteria" and CLINICAL_BASIS.search(words(token.text)):
        _analysis_by_content(tokens, at, lines, any_mark)
        return
    if alias.kind != "analysis" or not EITHER.search(words(token.text)):
        return
    opened = next((t.alias for t in reversed(tokens[:at]) if t.kind is TokenKind.HEADING), None)
    alone = at == len(tokens) - 1  # no value on the heading's line
    if alone and opened is not None and opened.kind == "analysis" and opened.text != alias.text:
        # after the analysis under another heading, ``Basis for the Decision`` alone on its
        # line heads the guidelines the reviewer relied on, not more analysis
        tokens[at] = attrs.evolve(token, alias=HeadingAlias("criteria", alias.text, alias.rank))
        return
    below = lines[token.last_line + 1 : token.last_line + 1 + 2 * REACH]
    first, second = [*(line.text for line in below if line.text.strip()), "", ""][:2]
    # a marked item, or two items (a layout that marks the checked ones only)
    if _CRITERION.match(words(first)) and (
        any_mark.search(first) or _CRITERION.match(words(second))
    ):
        tokens[at] = attrs.evolve(token, alias=HeadingAlias("criteria", alias.text, alias.rank))


def _analysis_by_content(
    tokens: list[Token], at: int, lines: Sequence[_Line], any_mark: regex.Pattern[str]
) -> None:
    """Give the criteria heading ``CLINICAL BASIS FOR DETERMINATION`` at ``tokens[at]`` the
    analysis's kind when no analysis has opened before it and prose follows it: a sentence's
    line, no mark nor criterion's label."""
    token = tokens[at]
    if any(t.alias is not None and t.alias.kind == "analysis" for t in tokens[:at]):
        return
    below = lines[token.last_line + 1 : token.last_line + 1 + 2 * REACH]
    first = next((line.text.strip() for line in below if line.text.strip()), "")
    prose = len(first) >= MIN_PROSE and first[:1].isupper() and " " in first
    if prose and not any_mark.search(first) and not _CRITERION.match(words(first)):
        assert token.alias is not None
        tokens[at] = attrs.evolve(token, alias=HeadingAlias("analysis", token.alias.text, 1))


def heading_over_answers(
    matcher: HeadingMatcher,
    line: _Line,
    i: int,
    tokens: list[Token],
    page_break: bool,
) -> int:
    """Append a whole heading and, as its value, the column header of its checklist's
    answers written beside it on ``line`` (line ``i``: ``Screening Criteria / Clinical Basis
    Used      Yes     No``, :data:`ENDS_WITH_ANSWERS`); return 1, or 0 when the line ends in
    no such header or the words before it are no whole heading."""
    answers = ENDS_WITH_ANSWERS.search(line.text)
    if answers is None:
        return 0
    split = answers.start()
    alias = matcher.full(squash(line.text[:split]))
    if alias is None:
        return 0
    heading_before(line, i, split, alias, page_break, tokens)
    return 1

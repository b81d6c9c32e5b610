"""Headings written over several lines: joined into one heading token, with the page
furniture a page break left between their lines stepped over, an aside that wraps onto the next
line, and a last line that goes on with the section's first words.

:class:`HeadingJoiner` is called by :class:`iroparse._pipeline.tokenize.Tokenizer` when a line
could be the first part of a catalogue heading (:meth:`HeadingMatcher.partial`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

import regex

from iroparse._pipeline.furniture import DEFAULT_FURNITURE, FurnitureTable
from iroparse._pipeline.headings import (
    MIN_WORDING_KEY,
    HeadingHit,
    HeadingMatcher,
    looks_like_heading,
    squash_with_index,
)
from iroparse._pipeline.tokens import (
    Token,
    TokenKind,
    _Line,
    _trimmed,
    heading_and_value,
    noise_token,
)
from iroparse.catalogue import SECTION_KINDS, HeadingAlias, squash

#: At most this many further lines are joined to a heading's first line.
MAX_HEADING_LINES = 4
#: At most this many blank and furniture lines are stepped over inside a wrapped heading.
MAX_FURNITURE_LINES = 8
#: At most this many blank lines (and no furniture) between two lines of one heading.
MAX_BLANKS_INSIDE = 2
#: How many lines a page break inside a heading may span: its furniture lines with the blank
#: lines a double-spaced letter puts between them.
MAX_FURNITURE_SPAN = MAX_FURNITURE_LINES * (MAX_BLANKS_INSIDE + 1)
#: Kinds whose value may follow the heading on its line without a colon.
VALUE_KINDS = frozenset({"review_date", "case_number"})
#: How many lines of text (a page's furniture among them) above a line
#: :func:`continues_sentence` looks for the sentence it ends.
CONTINUATION_REACH = 8
#: An aside opened after a heading's words and not closed on its line: ``(including``.
OPEN_ASIDE = regex.compile(r"\s*\([^()]{0,60}$")
#: The line that closes it, ending the heading: ``Pertinent History):``.
CLOSE_ASIDE = regex.compile(r"\s*[^()]{1,60}\)\s*:?\s*")
#: The noise kind of a value heading written again as a running header.
REPEATED_HEADING = "running-header"


class HeadingJoiner:
    """Joins headings wrapped over lines (see the module docstring)."""

    def __init__(self, matcher: HeadingMatcher, furniture: FurnitureTable = DEFAULT_FURNITURE):
        """``matcher`` finds catalogue headings in squashed text; ``furniture`` tells a page's
        header between a heading's lines."""
        self.matcher = matcher
        self.furniture = furniture

    def aside(
        self,
        lines: Sequence[_Line],
        noise: Sequence[str | None],
        i: int,
        split: int,
        alias: HeadingAlias,
        tokens: list[Token],
        page_break: bool,
    ) -> int:
        """A heading whose aside wraps onto the next line: ``Patient Clinical History Summary
        (including`` / ``Pertinent History):``, perhaps with the section's first words after
        it; a page's furniture may stand between the two lines. Append the heading (and those
        words) and return how many lines it took, or return 0."""
        first = lines[i].text
        n, repeated = self.next_content_line(lines, i, noise, tokens)
        if not OPEN_ASIDE.match(first, split) or n is None:
            return 0
        nxt = lines[n].text
        close = CLOSE_ASIDE.match(nxt)
        if close is None or (nxt[close.end() :].strip() and not nxt[close.end() - 1].isspace()):
            return 0
        cut = close.end()
        head = nxt[:cut].rstrip()
        start, end = _trimmed(lines[i])[1], lines[n].start + len(head)
        text = " ".join(f"{first.strip()} {head.strip()}".split())
        heading = Token(
            TokenKind.HEADING, text, start, end, i, n, alias=alias, page_break=page_break
        )
        tokens += [
            noise_token(lines, m, noise[m] or REPEATED_HEADING)
            for m in range(i + 1, n)
            if noise[m] or m in repeated
        ]
        heading_and_value(lines[n], n, cut, heading, tokens)
        return n - i + 1

    def then_text(
        self,
        lines: Sequence[_Line],
        i: int,
        j: int,
        key: str,
        texts: list[str],
        tokens: list[Token],
        page_break: bool,
    ) -> bool:
        """A wrapped heading whose last line ``j`` goes on with the section's content
        (``Used to Support the Decision: Pregabalin is ...``): append the heading and the
        content as two tokens and return True, or return False."""
        nxt = lines[j].text
        hit = self.matcher.prefix(key + squash(nxt))
        if (hit is None or hit.consumed <= len(key)) and ":" in nxt:
            # the last line may carry a typo when a colon closes the heading (``Reivew: ...``)
            whole = key + squash(nxt.split(":", 1)[0])
            alias = self.matcher.full(whole)
            hit = HeadingHit(alias, len(whole)) if alias is not None else None
        if hit is None or hit.consumed <= len(key):
            return False
        index = squash_with_index(nxt)[1]
        split = index[hit.consumed - len(key) - 1] + 1
        rest = nxt[split:]
        if not rest.strip() or rest[:1].isalnum():
            return False  # the heading's last word runs on into another word
        if nxt.upper() == nxt and _CAPITAL_WORDS.fullmatch(rest.strip()):
            split = len(nxt.rstrip())  # the heading's own words, in its capitals: ``FOR REVIEW``
        heading = Token(
            TokenKind.HEADING,
            " ".join([*texts, nxt[:split].strip()]),
            _trimmed(lines[i])[1],
            lines[j].start + split,
            i,
            j,
            alias=hit.alias,
            page_break=page_break,
        )
        heading_and_value(lines[j], j, split, heading, tokens)
        return True

    def next_content_line(
        self, lines: Sequence[_Line], i: int, noise: Sequence[str | None], tokens: Sequence[Token]
    ) -> tuple[int | None, tuple[int, ...]]:
        """The next line after ``i`` with text (:func:`next_text_line`), past a running header
        that repeats a value heading already read (``IRO Case Number: xxxx`` at a page's top);
        and the lines of such headers stepped over."""
        repeated: list[int] = []
        n = next_text_line(lines, i, noise)
        while n is not None and self.repeats_value_heading(lines[n].text, tokens):
            repeated.append(n)
            n = next_text_line(lines, n, noise)
        return n, tuple(repeated)

    def repeats_value_heading(self, text: str, tokens: Sequence[Token]) -> bool:
        """Whether ``text`` starts with a value heading of a kind and rank already read."""
        key = squash(text)
        if not self.matcher.could_start(key):
            return False
        alias = self.matcher.full(key)
        if alias is None:
            hit = self.matcher.start(key)
            alias = hit.alias if hit is not None else None
        if alias is None or alias.kind not in VALUE_KINDS:
            return False
        return any(
            t.alias is not None and (t.alias.kind, t.alias.rank) == (alias.kind, alias.rank)
            for t in tokens
            if t.kind is TokenKind.HEADING
        )

    def join(
        self,
        lines: Sequence[_Line],
        noise: Sequence[str | None],
        i: int,
        key: str,
        tokens: list[Token],
        page_break: bool,
    ) -> int:
        """Join a heading wrapped over up to :data:`MAX_HEADING_LINES` lines. Page furniture
        between its lines (a page break inside the heading) is stepped over and kept as noise
        tokens after the heading."""
        texts = [lines[i].text.strip()]
        furniture: list[int] = []
        kinds = list(noise[i : i + (MAX_HEADING_LINES + 2) * (MAX_FURNITURE_SPAN + 1)])

        def furniture_kind(m: int) -> str | None:
            # a value heading seen before (``IRO Case Number: 1234`` on page 2) is a running
            # header here too: the page broke inside this heading
            if kinds[m - i] is None and self.repeats_value_heading(lines[m].text, tokens):
                kinds[m - i] = REPEATED_HEADING
            # an organisation's name (``Independent Resolutions Inc.``) between a heading's
            # lines is a page's header even without a page number: the heading goes on after it
            text = lines[m].text.strip()
            if kinds[m - i] is None and text and self.furniture.furniture_line(text):
                own = squash(text)
                # unless it goes on with this heading's words (``DESCRIPTION OF THE`` /
                # ``SERVICE OR SERVICES IN`` / ``DISPUTE:``)
                goes_on = self.matcher.partial(key + own) or self.matcher.full(key + own)
                if not goes_on and (
                    not self.matcher.could_start(own) or not self.matcher.partial(own)
                ):
                    kinds[m - i] = REPEATED_HEADING
            return kinds[m - i]

        def completes(m: int) -> bool:
            # a line taken for a running header (``DECISION:`` at the foot of two pages, or
            # right after a page's furniture) is this heading's own last line when it
            # completes the heading
            return (
                m < len(lines)
                and noise[m] == "running-header"
                and self.matcher.full(key + squash(lines[m].text)) is not None
            )

        j = i + 1
        while j < len(lines) and len(texts) <= MAX_HEADING_LINES:
            last = completes(j)
            k = j
            while (
                not last
                and k < len(lines)
                and k < j + MAX_FURNITURE_SPAN
                and (not lines[k].text.strip() or furniture_kind(k) is not None)
            ):
                k += 1
                last = completes(k)
            if k > j:
                furniture_between = any(kinds[m - i] is not None for m in range(j, k))
                # a double-spaced letter puts a blank line between a heading's lines too; the
                # joined words must still go on being the heading (checked below)
                if k >= len(lines) or (not furniture_between and k - j > MAX_BLANKS_INSIDE):
                    return 0
                furniture.extend(m for m in range(j, k) if kinds[m - i] is not None)
                j = k
            nxt = lines[j].text
            if noise[j] is not None and not last:
                return 0
            if not looks_like_heading(nxt) and len(key) < MIN_WORDING_KEY:
                return 0
            joined = key + squash(nxt)
            if (
                self.matcher.full(joined) is None
                and not self.matcher.partial(joined)
                and self.then_text(lines, i, j, key, texts, tokens, page_break)
            ):
                return j - i + 1
            texts.append(nxt.strip())
            key = joined
            alias = self.matcher.full(key)
            if alias is not None and self._goes_on(lines, noise, j, key):
                j += 1  # (the heading known already, its next line still its words)
                continue
            if alias is not None:
                start = _trimmed(lines[i])[1]
                end = _trimmed(lines[j])[2]
                tokens.append(
                    Token(
                        TokenKind.HEADING,
                        " ".join(texts),
                        start,
                        end,
                        i,
                        j,
                        alias=alias,
                        page_break=page_break,
                    )
                )
                tokens += [noise_token(lines, m, kinds[m - i]) for m in furniture]
                return j - i + 1
            if not self.matcher.partial(key):
                return 0
            j += 1
        return 0

    def _goes_on(
        self, lines: Sequence[_Line], noise: Sequence[str | None], j: int, key: str
    ) -> bool:
        """Whether line ``j + 1`` goes on with the heading ``key`` that line ``j`` completed, the
        longer heading a heading whole (``... CLINICAL BASIS`` / ``USED TO MAKE THE DECISION:``)."""
        nxt = lines[j + 1].text if j + 1 < len(lines) and noise[j + 1] is None else ""
        return (
            looks_like_heading(nxt)
            and _WORD.search(nxt) is not None  # (words, not a column's header: ``Y    N``)
            and self.matcher.full(key + squash(nxt)) is not None
        )


#: A word of three letters or more.
_WORD = regex.compile(r"\p{L}{3,}")

#: A few more words in capitals after a wrapped heading's known words, on its last line in
#: capitals (``RECORDS AND DOCUMENTS`` / ``RECEIVED FOR REVIEW``): the heading's own.
_CAPITAL_WORDS = regex.compile(r"\p{Lu}[\p{Lu}'’&/-]*(?: \p{Lu}[\p{Lu}'’&/-]*){0,3}")

#: Kinds whose section holds text of its own, where a label of the same kind is a sub-heading
#: of that text (``Opinion: ...`` / ``Rationale: ...`` inside the analysis).
_TEXT_KINDS_WITHOUT_VALUE = frozenset(SECTION_KINDS) - VALUE_KINDS - {"title", "other"}


def labels_open_section(tokens: Sequence[Token], new: int) -> bool:
    """Whether the heading appended at ``tokens[new]`` names the kind of the section it sits
    in under another wording: ``Rationale: ...`` inside an ``ANALYSIS AND EXPLANATION ...``
    section is a label of its text, not a second analysis, unless it ranks above the open
    heading. (A heading written again word for word is a repeat, which the sections stage
    reports.)"""
    opened = next((t for t in reversed(tokens[:new]) if t.kind is TokenKind.HEADING), None)
    heading = tokens[new] if new < len(tokens) else None
    if opened is None or heading is None or opened.alias is None or heading.alias is None:
        return False
    kind = heading.alias.kind
    # (one ranking above the open one is a section: the criteria's catalogue heading after
    # a paragraph ``Treatment Guidelines:`` labels, a heading known by its key words alone)
    return (
        kind == opened.alias.kind
        and kind in _TEXT_KINDS_WITHOUT_VALUE
        and heading.alias.text != opened.alias.text
        and heading.alias.rank >= opened.alias.rank
    )


def continues_sentence(lines: Sequence[_Line], noise: Sequence[str | None], i: int) -> bool:
    """Whether line ``i`` starts with a word in lower case and the line of text above it
    (past blanks and a page's furniture) stops mid-sentence: the rest of a wrapped
    sentence (``... decision to deny the`` / ``requested service.``), never a heading,
    whatever its words."""
    words = lines[i].text.split(None, 1)
    if not words or not words[0].islower() or lines[i].text.rstrip().endswith(":"):
        # ``lRO Case #`` (a misread ``IRO``) is no word in lower case; a colon ends a heading
        return False
    # (blank lines are not counted: a letter may double every one of them)
    written = (k for k in range(i - 1, -1, -1) if lines[k].text.strip())
    above = next(
        (lines[k].text.rstrip() for k in islice(written, CONTINUATION_REACH) if noise[k] is None),
        "",
    )
    # mid-sentence: a word or a comma ends the line above (not a box's ``)`` or a date)
    return bool(above) and (above[-1].isalpha() or above[-1] == ",")


def next_text_line(
    lines: Sequence[_Line], i: int, noise: Sequence[str | None] | None = None
) -> int | None:
    """The next line after ``i`` with text, past at most :data:`MAX_BLANKS_INSIDE` blank lines
    (a double-spaced letter's) or, given the lines' ``noise``, up to
    :data:`MAX_FURNITURE_SPAN` blank and furniture lines (a page break); or ``None``."""
    reach = MAX_FURNITURE_SPAN if noise is not None else MAX_BLANKS_INSIDE
    for n in range(i + 1, min(len(lines), i + 2 + reach)):
        if lines[n].text.strip() and (noise is None or noise[n] is None):
            return n
    return None


def opens_aside(line: str, hit: HeadingHit) -> bool:
    """Whether an aside opens after the heading and is not closed on ``line``."""
    split = squash_with_index(line)[1][hit.consumed - 1] + 1
    return OPEN_ASIDE.match(line, split) is not None


def awaits_value(
    matcher: HeadingMatcher, lines: Sequence[_Line], noise: Sequence[str | None], i: int
) -> bool:
    """Whether line ``i`` is the value a heading before it still waits for (``DATE OF
    REVIEW:`` / page furniture / ``01/01/2000``), furniture between them skipped."""
    for j in range(i - 1, max(-1, i - 1 - 3 * MAX_FURNITURE_LINES), -1):
        text = lines[j].text.strip()
        if not text or noise[j] is not None:
            continue
        alias = matcher.full(squash(text))
        return alias is not None and alias.kind in VALUE_KINDS
    return False


#: A parenthesised aside after a heading's words, before its colon or the line's end.
ASIDE = regex.compile(r"\s*\([^()]{1,80}\)(?=\s*(?::|$))")
#: An aside at the start of a line, closing the heading of the line before (words, not a
#: list's number: ``(1) Office notes`` is an item).
WHOLE_ASIDE = regex.compile(r"\s*\((?=[^()]*\p{L}{3})[^()]{1,80}\)\s*:?")


def follows_heading(tokens: Sequence[Token]) -> bool:
    """Whether the last line read, past blanks and noise, is a heading (an all lower-case
    ``notice of independent review decision`` above ``date of review: 01/09/2017``)."""
    last = next(
        (t for t in reversed(tokens) if t.kind not in (TokenKind.BLANK, TokenKind.NOISE)), None
    )
    return last is not None and last.kind is TokenKind.HEADING


#: An aside that ends a line, with or without a colon after it.
TRAILING_ASIDE = regex.compile(r"\s*\([^()]{1,120}\)\s*:?\s*$")

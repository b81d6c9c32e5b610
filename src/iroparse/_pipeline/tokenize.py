"""Stage 3: turn normalized text into tokens, one per logical line.

A token is a heading (possibly joined from a heading wrapped over several lines), a line of
text, a blank line or a noise line, with its offsets in the normalized text and its line number.
A value written on a heading's own line (``DATE OF REVIEW: 04/18/2014``) becomes a text token of
its own right after the heading. Checklist items wrapped over lines are joined later, by
:mod:`iroparse._pipeline.checklist`, because where an item ends depends on the layout's marks.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from iroparse._pipeline.headings import (
    MAX_HEADING_LINE,
    HeadingMatcher,
    looks_like_heading,
    squash_with_index,
)
from iroparse._pipeline.noise import (
    BY_POSITION,
    boundary_lines,
    interrupting_lines,
    letterhead_repeats,
    pattern_noise,
    running_lines,
)
from iroparse._pipeline.normalize import Normalized
from iroparse._pipeline.tokens import Token, TokenKind, _Line, _Replaced, _trimmed, split_lines
from iroparse.catalogue import HeadingAlias, squash
from iroparse.layout import ANY_MARK

#: At most this many further lines are joined to a heading's first line.
MAX_HEADING_LINES = 4
#: At most this many blank and furniture lines are stepped over inside a wrapped heading.
MAX_FURNITURE_LINES = 8
#: Kinds whose value may follow the heading on its line without a colon.
VALUE_KINDS = frozenset({"review_date", "case_number"})


#: A heading's number or letter: ``1.``, ``2)``, ``(3)``, ``A.``, ``IV.``.
ENUMERATOR = regex.compile(r"\s*(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|[A-Z][.)]|[IVX]{1,4}\.)\s+")
#: A parenthesised aside after a heading's words, before its colon or the line's end.
ASIDE = regex.compile(r"\s*\([^()]{1,80}\)(?=\s*(?::|$))")
#: An aside opened after a heading's words and not closed on its line: ``(including``.
OPEN_ASIDE = regex.compile(r"\s*\([^()]{0,60}$")
#: The line that closes it, ending the heading: ``Pertinent History):``.
CLOSE_ASIDE = regex.compile(r"\s*[^()]{1,60}\)\s*:?\s*")
#: A line not written like a heading (sentence case) starts one only when this much of its
#: wording (squashed characters) matches the catalogue: ``Description of the qualifications``.
MIN_WORDING_KEY = 18


class Tokenizer:
    """Turns :class:`~iroparse._normalize.Normalized` text into :class:`Token` objects."""

    def __init__(self, matcher: HeadingMatcher, any_mark: regex.Pattern[str] = ANY_MARK):
        """``any_mark`` finds a checkbox mark of any registered layout (the registry's
        :attr:`~iroparse.plugins.Registry.any_mark`); a line that starts with one is no
        heading. The default knows the built-in layouts only."""
        self.matcher = matcher
        self.any_mark = any_mark

    def tokenize(self, normalized: Normalized) -> list[Token]:
        """Tokenize the whole text."""
        lines = split_lines(normalized.text)
        noise = [pattern_noise(line.text.strip()) if line.text.strip() else None for line in lines]
        for i in running_lines([line.text for line in lines], normalized.page_breaks, noise):
            noise[i] = noise[i] or "running-header"
        for i in letterhead_repeats([line.text for line in lines], noise):
            noise[i] = "running-header"
        for i in boundary_lines([line.text for line in lines], normalized.page_breaks, noise):
            text = lines[i].text
            if not self._heading_words(text) and not self.any_mark.search(text):
                noise[i] = "running-header"
        for i in interrupting_lines([line.text for line in lines], noise):
            # a title-case heading wrapped after prose looks the same: ``A Description of
            # the Qualifications`` / ``for Each Physician ...``; the catalogue tells them apart
            if not self._heading_words(lines[i].text):
                noise[i] = BY_POSITION
        tokens: list[Token] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            page_break = i in normalized.page_breaks
            stripped = line.text.strip()
            if not stripped:
                tokens.append(
                    Token(
                        TokenKind.BLANK,
                        "",
                        line.start,
                        line.start + len(line.text),
                        i,
                        i,
                        page_break=page_break,
                    )
                )
                i += 1
                continue
            if noise[i] is not None:
                body, start, end = _trimmed(line)
                tokens.append(
                    Token(
                        TokenKind.NOISE,
                        body,
                        start,
                        end,
                        i,
                        i,
                        noise=noise[i],
                        page_break=page_break,
                    )
                )
                i += 1
                continue
            consumed = self._heading(lines, noise, i, tokens, page_break)
            if consumed:
                i += consumed
                continue
            body, start, end = _trimmed(line)
            tokens.append(Token(TokenKind.TEXT, body, start, end, i, i, page_break=page_break))
            i += 1
        return _repeated_value_headings(tokens)

    def _heading_words(self, text: str) -> bool:
        """Whether ``text`` is a heading, starts with one, or is the start of one wrapped."""
        numbered = ENUMERATOR.match(text)
        key = squash(text[numbered.end() :] if numbered else text)
        matcher = self.matcher
        return bool(
            matcher.could_start(key)
            and (matcher.full(key) or matcher.start(key) or matcher.partial(key))
        )

    def _heading(
        self,
        lines: Sequence[_Line],
        noise: Sequence[str | None],
        i: int,
        tokens: list[Token],
        page_break: bool,
    ) -> int:
        """Append the heading starting at line ``i`` (and its inline value) to ``tokens``;
        return how many lines it took, or 0 when line ``i`` starts no heading."""
        first = lines[i].text
        if len(first.strip()) > MAX_HEADING_LINE or self.any_mark.match(first):
            return 0
        key = squash(first)
        if not self.matcher.could_start(key):
            numbered = ENUMERATOR.match(first)
            if numbered is None or not self.matcher.could_start(squash(first[numbered.end() :])):
                return 0
            # ``1.  DATE OF REVIEW:``: the heading is read without its number
            shifted = _Line(first[numbered.end() :], lines[i].start + numbered.end())
            return self._heading(_Replaced(lines, i, shifted), noise, i, tokens, page_break)
        heading_like = looks_like_heading(first)
        alias = self.matcher.exact(key) if not heading_like else self.matcher.full(key)
        if alias is not None:
            # a short alias may be the first line of a longer one wrapped over lines
            # (``Analysis And Explanation Of The Decision`` / ``Including Clinical Basis...``)
            longer = self.matcher.partial(key) and (
                self._wrapped_heading(lines, noise, i, key, tokens, page_break)
            )
            if longer:
                return longer
            body, start, end = _trimmed(lines[i])
            tokens.append(
                Token(TokenKind.HEADING, body, start, end, i, i, alias=alias, page_break=page_break)
            )
            return 1
        if heading_like or ":" in first:
            # a sentence-case heading with its value (``Date of review: 2016-02-09``) must
            # match exactly; typos are forgiven only on lines written like headings
            fuzzy = heading_like or looks_like_heading(first.split(":", 1)[0])
            hit = self.matcher.start(key) if fuzzy else self.matcher.prefix(key)
            if hit is not None and heading_like and first.rstrip().endswith(":"):
                # a heading with words of its own after the known ones: ``... SUMMARY
                # (INCLUDING PERTINENT HISTORY):``
                body, start, end = _trimmed(lines[i])
                tokens.append(
                    Token(
                        TokenKind.HEADING,
                        body,
                        start,
                        end,
                        i,
                        i,
                        alias=hit.alias,
                        page_break=page_break,
                    )
                )
                return 1
            if hit is not None:
                split = squash_with_index(first)[1][hit.consumed - 1] + 1
                wrapped_aside = self._wrapped_aside(lines, i, split, hit.alias, page_break)
                if wrapped_aside is not None:
                    tokens.append(wrapped_aside)
                    return wrapped_aside.last_line - i + 1
                aside = ASIDE.match(first, split)
                if aside is not None:  # ``Summary (including pertinent history):``
                    split = aside.end()
                rest = first[split:]
                separated = (
                    aside is not None
                    or rest.lstrip()[:1] == ":"
                    or rest[:2].isspace()
                    or rest[:1] == "\t"
                )
                if hit.alias.kind in VALUE_KINDS or separated:
                    head = first[:split].strip()
                    start = lines[i].start + (len(first) - len(first.lstrip()))
                    heading = Token(
                        TokenKind.HEADING,
                        head,
                        start,
                        start + len(head),
                        i,
                        i,
                        alias=hit.alias,
                        page_break=page_break,
                    )
                    _heading_and_value(lines[i], i, split, heading, tokens)
                    return 1
        if not self.matcher.partial(key):
            return 0
        if not heading_like and len(key) < MIN_WORDING_KEY:
            return 0  # a short line in sentence case: too little wording to tell
        return self._wrapped_heading(lines, noise, i, key, tokens, page_break)

    def _wrapped_aside(
        self, lines: Sequence[_Line], i: int, split: int, alias: HeadingAlias, page_break: bool
    ) -> Token | None:
        """A heading whose aside wraps onto the next line: ``Patient Clinical History Summary
        (including`` / ``Pertinent History):``; the heading token, or ``None``."""
        first = lines[i].text
        if not OPEN_ASIDE.match(first, split) or i + 1 >= len(lines):
            return None
        if not CLOSE_ASIDE.fullmatch(lines[i + 1].text):
            return None
        start, end = _trimmed(lines[i])[1], _trimmed(lines[i + 1])[2]
        text = " ".join(f"{first.strip()} {lines[i + 1].text.strip()}".split())
        return Token(
            TokenKind.HEADING, text, start, end, i, i + 1, alias=alias, page_break=page_break
        )

    def _heading_then_text(
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
        if hit is None or hit.consumed <= len(key):
            return False
        index = squash_with_index(nxt)[1]
        split = index[hit.consumed - len(key) - 1] + 1
        rest = nxt[split:]
        if not rest.strip() or rest[:1].isalnum():
            return False  # the heading's last word runs on into another word
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
        _heading_and_value(lines[j], j, split, heading, tokens)
        return True

    def _wrapped_heading(
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
        j = i + 1
        while j < len(lines) and len(texts) <= MAX_HEADING_LINES:
            # a repeated line taken for a running header (``DECISION:`` at the foot of two
            # pages) is this heading's own last line when it completes the heading
            completes = noise[j] == "running-header" and (
                self.matcher.full(key + squash(lines[j].text)) is not None
            )
            k = j
            while (
                not completes
                and k < len(lines)
                and k < j + MAX_FURNITURE_LINES
                and (not lines[k].text.strip() or noise[k] is not None)
            ):
                k += 1
            if k > j:
                if not any(noise[m] is not None for m in range(j, k)) or k >= len(lines):
                    return 0
                furniture.extend(m for m in range(j, k) if noise[m] is not None)
                j = k
            nxt = lines[j].text
            if noise[j] is not None and not completes:
                return 0
            if not looks_like_heading(nxt) and len(key) < MIN_WORDING_KEY:
                return 0
            joined = key + squash(nxt)
            if (
                self.matcher.full(joined) is None
                and not self.matcher.partial(joined)
                and self._heading_then_text(lines, i, j, key, texts, tokens, page_break)
            ):
                return j - i + 1
            texts.append(nxt.strip())
            key = joined
            alias = self.matcher.full(key)
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
                for m in furniture:
                    body, fstart, fend = _trimmed(lines[m])
                    tokens.append(Token(TokenKind.NOISE, body, fstart, fend, m, m, noise=noise[m]))
                return j - i + 1
            if not self.matcher.partial(key):
                return 0
            j += 1
        return 0


def _repeated_value_headings(tokens: list[Token]) -> list[Token]:
    """A value heading written again later (``IRO Case Number: 1234`` on page 2) is a running
    header, not a second section: it and its value become noise. Same kind and rank: ``DATE
    NOTICE SENT`` after ``DATE OF REVIEW`` is a section of its own."""
    seen: set[tuple[str, int]] = set()
    out: list[Token] = []
    header_line: int | None = None
    for token in tokens:
        alias = token.alias
        if token.kind is TokenKind.HEADING and alias is not None and alias.kind in VALUE_KINDS:
            key = (alias.kind, alias.rank)
            if key in seen:
                header_line = token.last_line
                token = attrs.evolve(token, kind=TokenKind.NOISE, alias=None, noise=_REPEATED)
            seen.add(key)
        elif token.kind is TokenKind.TEXT and token.line == header_line:
            token = attrs.evolve(token, kind=TokenKind.NOISE, noise=_REPEATED)
        else:
            header_line = None
        out.append(token)
    return out


_REPEATED = "running-header"


def _heading_and_value(
    line: _Line, number: int, split: int, heading: Token, tokens: list[Token]
) -> None:
    """Append ``heading`` and, as a text token, what its last ``line`` (line ``number``) says
    after offset ``split``: a value or the section's first words. The heading's own
    punctuation is not the value's (``IRO CASE NO.: 123``)."""
    tokens.append(heading)
    rest = line.text[split:]
    begin = split + (len(rest) - len(rest.lstrip()))
    while line.text[begin : begin + 1] in (".", ":"):
        begin += 1
    body, start, end = _trimmed(line, begin)
    if body:
        tokens.append(Token(TokenKind.TEXT, body, start, end, number, number))

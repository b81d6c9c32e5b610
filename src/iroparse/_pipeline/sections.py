"""Stage 4: group tokens into ordered sections and build each section's clean text.

Every heading token opens a section that runs to the next heading; text before the first
heading is the ``title`` section. A section's text leaves out noise lines, joins the lines of
a paragraph with spaces, separates paragraphs with a blank line, and joins the two halves of a
paragraph that a page break (with its page furniture) cut in the middle of a sentence, or that
a double-spaced letter's blank line cut before a line going on in lower case.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

import regex
from attrs import evolve, frozen

from iroparse._pipeline.hyphens import Vocabulary, glued, soft_hyphen
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse._pipeline.wrapped import VALUE_KINDS
from iroparse.catalogue import CLOSING, OUTCOME_LEAD_IN, HeadingAlias
from iroparse.tables.headings import MERGED_READINGS, SECOND_READINGS

#: A line ending in one of these characters ends its paragraph at a page break.
SENTENCE_END = ".!?:;"


@frozen
class RawSection:
    """A section before field extraction: its kind, the heading token (``None`` for the text
    before the first heading) and the tokens of its body."""

    kind: str
    heading: Token | None
    body: tuple[Token, ...]
    shown: tuple[Token, ...] | None = None
    """The body as the letter writes it, when a stage rewrote lines of :attr:`body` for the
    checklist reader (:mod:`iroparse._pipeline.column_marks`); the section's text is built
    from it."""

    @property
    def text_body(self) -> tuple[Token, ...]:
        """The tokens the section's text is built from: :attr:`shown`, else :attr:`body`."""
        return self.body if self.shown is None else self.shown

    @property
    def alias(self) -> HeadingAlias | None:
        """The catalogue alias that recognised the heading."""
        return self.heading.alias if self.heading else None

    @property
    def lines(self) -> tuple[Token, ...]:
        """The body's text tokens (no blanks, no noise)."""
        return tuple(t for t in self.body if t.kind is TokenKind.TEXT)

    @property
    def start(self) -> int:
        """Offset where the section starts (its heading, else its first body token)."""
        first = self.heading or (self.body[0] if self.body else None)
        return first.start if first else 0

    @property
    def end(self) -> int:
        """Offset where the section's last non-blank token ends, as read or as shown."""
        # a running header carried over from before the first heading ends before it starts
        ends = [t.end for t in (*self.body, *(self.shown or ())) if t.kind is not TokenKind.BLANK]
        if self.heading is not None:
            ends.append(self.heading.end)
        return max(ends, default=self.start)


#: The sections such a paragraph ends.
CLOSED_BY_PARAGRAPH = frozenset(
    {"analysis", "clinical_history", "reviewer_qualifications", "information_provided"}
)
#: A heading repeated on the next page to say its section goes on: ``ANALYSIS (continued)``.
CONTINUED = regex.compile(r"(?i)\(\s*(?:continued|cont['’]?d?\.?)\s*\)\s*:?\s*$")
#: The noise kind of such a heading: its section goes on past it.
CONTINUED_HEADING = "continued-heading"


#: A closing paragraph's opening is read over this many lines (its words may wrap).
OPENING_LINES = 3


def _opening(tokens: Sequence[Token], n: int) -> str:
    """The text of the paragraph opening at ``tokens[n]``, over :data:`OPENING_LINES` lines
    at most (``The reviewer has signed a certification statement stating that no known`` /
    ``conflicts of interest exist ...``)."""
    lines = [tokens[n].text.strip()]
    for token in tokens[n + 1 : n + OPENING_LINES]:
        if token.kind is not TokenKind.TEXT:
            break
        lines.append(token.text.strip())
    return " ".join(lines)


def split_sections(tokens: Sequence[Token]) -> list[RawSection]:
    """Group ``tokens`` into sections, in letter order. Noise before the first heading (a
    running header) opens no ``title`` section: it goes with the first heading's section. A
    heading that says its section is continued (:data:`CONTINUED`) while that section is open
    opens none: it is noise inside the section. A paragraph that closes the letter
    (:data:`CLOSING`: ``This decision by the IRO is deemed ...``) ends a statutory section
    without a heading: it opens an ``other`` section."""
    sections: list[RawSection] = []
    heading: Token | None = None
    body: list[Token] = []
    closing = False  # the open section is a closing paragraph's, without a heading
    paragraph_start = True
    for n, token in enumerate(tokens):
        starts = paragraph_start
        paragraph_start = token.kind is TokenKind.BLANK or (
            paragraph_start and token.kind is TokenKind.NOISE
        )
        if (
            starts
            and token.kind is TokenKind.TEXT
            and heading is not None
            and heading.alias is not None
            and heading.alias.kind in CLOSED_BY_PARAGRAPH
            and CLOSING.match(_opening(tokens, n))
        ):
            sections.append(_section(heading, body))
            heading, body, closing = None, [token], True
            continue
        if (
            token.kind is TokenKind.HEADING
            and heading is not None
            and token.alias is not None
            and heading.alias is not None
            and token.alias.kind == heading.alias.kind
            and CONTINUED.search(token.text)
        ):
            body.append(evolve(token, kind=TokenKind.NOISE, noise=CONTINUED_HEADING, alias=None))
            continue
        if token.kind is TokenKind.HEADING:
            if heading is not None or any(t.kind is TokenKind.TEXT for t in body):
                sections.append(_section(heading, body, closing))
                body = []
            heading, body = token, [t for t in body if t.kind is TokenKind.NOISE]
            closing = False
        else:
            body.append(token)
    if heading is not None or any(t.kind is not TokenKind.BLANK for t in body):
        sections.append(_section(heading, body, closing))
    return _parted(_parted(_second_readings(sections), _lead_in_cut), _merged_cut)


def _parted(
    sections: list[RawSection], cut_of: Callable[[RawSection], tuple[int, str] | None]
) -> list[RawSection]:
    """``sections`` with each one ``cut_of`` finds a cut in (the body's index and the kind
    of the section after it) parted there into two sections, the second without a heading."""
    read: list[RawSection] = []
    for section in sections:
        cut = cut_of(section)
        if cut is None:
            read.append(section)
            continue
        at, kind = cut
        read += [
            evolve(section, body=section.body[:at]),
            RawSection(kind, None, section.body[at:]),
        ]
    return read


def _paragraph_from(body: Sequence[Token], first: int) -> int | None:
    """The index of the first paragraph's first line at ``first`` or after it: a line of
    text after a blank one."""
    return next(
        (
            n
            for n in range(max(first, 1), len(body))
            if body[n].kind is TokenKind.TEXT and body[n - 1].kind is TokenKind.BLANK
        ),
        None,
    )


def _merged_cut(section: RawSection) -> tuple[int, str] | None:
    """Where a heading of two sections (:data:`~iroparse.tables.headings.MERGED_READINGS`:
    ``Review outcome and explanation of the decision``) parts them: its second section opens
    at the first paragraph after the last line naming an outcome."""
    alias = section.heading.alias if section.heading is not None else None
    second = MERGED_READINGS.get(alias.text) if alias is not None else None
    if second is None:
        return None
    named = [n for n, t in enumerate(section.body) if _NAMES_OUTCOME.search(t.text)]
    at = _paragraph_from(section.body, named[-1] + 1) if named else None
    return None if at is None else (at, second)


#: A line naming an outcome: ``Upheld``, ``Overturned``.
_NAMES_OUTCOME = regex.compile(r"(?i)\b(?:upheld|overturned)\b")


#: The sections the outcome's lead-in may stand in, opening the outcome's own.
_LEAD_IN_HOSTS = VALUE_KINDS | {
    "services_in_dispute",
    "reviewer_qualifications",
    "information_provided",
}


def _lead_in_cut(section: RawSection) -> tuple[int, str] | None:
    """Where the outcome's lead-in (``Upon independent review, the reviewer finds that the
    previous adverse determination should be:``) opens a REVIEW OUTCOME section of its own:
    inside a value's section (a summary's ``Review date:`` row opened one, the outcome's
    boxes below it) or a list's (a letter that heads its sections with sentences writes
    the lead-in alone, under the qualifications), at a paragraph's start. The boxes are the
    outcome's."""
    if section.kind not in _LEAD_IN_HOSTS:
        return None
    body = section.body
    at = next(
        (
            n
            for n in range(1, len(body))
            if body[n].kind is TokenKind.TEXT
            and body[n - 1].kind is TokenKind.BLANK
            and OUTCOME_LEAD_IN.match(body[n].text)
        ),
        None,
    )
    return None if at is None else (at, "review_outcome")


def _second_readings(sections: list[RawSection]) -> list[RawSection]:
    """``sections`` with a wording of two meanings (:data:`~iroparse.tables.headings.
    SECOND_READINGS`) read in its second where a section of its first kind came before."""
    seen: set[str] = set()
    read: list[RawSection] = []
    for section in sections:
        alias = section.heading.alias if section.heading is not None else None
        second = SECOND_READINGS.get(alias.text) if alias is not None else None
        if second is not None and section.kind in seen:
            section = evolve(section, kind=second)
        seen.add(section.kind)
        read.append(section)
    return read


def _section(heading: Token | None, body: list[Token], closing: bool = False) -> RawSection:
    kind = heading.alias.kind if heading and heading.alias else "other" if closing else "title"
    return RawSection(kind, heading, tuple(body))


def paragraphs(body: Sequence[Token]) -> list[list[Token]]:
    """The text tokens of ``body`` grouped into paragraphs (see the module docstring)."""
    groups: list[list[Token]] = []
    current: list[Token] = []
    gap = False
    page_cut = False
    for token in body:
        if token.kind is TokenKind.TEXT:
            if current and gap:
                unfinished = current[-1].text[-1:] not in SENTENCE_END
                # a page break, or a double-spaced letter's blank line inside a sentence (the
                # next line goes on in lower case), does not end the paragraph
                cut_sentence = unfinished and (page_cut or token.text[:1].islower())
                if not cut_sentence:
                    groups.append(current)
                    current = []
            current.append(token)
            gap = page_cut = False
        else:
            gap = True
            if token.kind is TokenKind.NOISE or token.page_break:
                page_cut = True
    if current:
        groups.append(current)
    return groups


def join_lines(tokens: Sequence[Token], vocabulary: Vocabulary | None = None) -> str:
    """Join the lines of one paragraph with single spaces, or none where they are
    :func:`~iroparse._pipeline.hyphens.glued`; the hyphen goes where it splits one word (see
    :func:`~iroparse._pipeline.hyphens.soft_hyphen`, which ``vocabulary`` serves)."""
    out = ""
    for token in tokens:
        text = " ".join(token.text.split())
        if not out:
            out = text
        elif glued(out, text):
            out = (out[:-1] if soft_hyphen(out, text, vocabulary) else out) + text
        else:
            out = f"{out} {text}"
    return out


_WORD = regex.compile(r"\S+")


@frozen
class Joined:
    """Clean text built from tokens, with a map from its offsets back to normalized offsets
    (one entry per word: where it starts in :attr:`text` and in the normalized text)."""

    text: str
    starts: tuple[int, ...] = ()
    sources: tuple[int, ...] = ()

    def source(self, offset: int) -> int:
        """The normalized-text offset of :attr:`text`'s ``offset``."""
        if not self.starts:
            return 0
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.sources[i] + max(0, offset - self.starts[i])


def section_text(body: Sequence[Token], vocabulary: Vocabulary | None = None) -> Joined:
    """The clean text of a section body: paragraphs separated by a blank line, the words of
    a paragraph separated by single spaces (see :func:`join_lines`); given the letter's
    ``vocabulary``, a word split at a line's end loses the typesetter's hyphen
    (:func:`~iroparse._pipeline.hyphens.soft_hyphen`)."""
    parts: list[str] = []
    starts: list[int] = []
    sources: list[int] = []
    length = 0
    for group in paragraphs(body):
        if parts:
            parts.append("\n\n")
            length += 2
        first = True
        for token in group:
            text = token.text
            joins = bool(parts) and glued(parts[-1], text.lstrip())
            if joins and soft_hyphen(parts[-1], text.lstrip(), vocabulary):
                parts[-1] = parts[-1][:-1]  # ``injec-`` / ``tions``: one word, no hyphen
                length -= 1
            if "  " not in text and "\t" not in text:  # fast path: the line maps as a whole
                if not first and not joins:
                    parts.append(" ")
                    length += 1
                starts.append(length)
                sources.append(token.start)
                parts.append(text)
                length += len(text)
                first = False
                continue
            for match in _WORD.finditer(text):
                word = match.group()
                joins = joins and match.start() == 0
                if not first and not joins:
                    parts.append(" ")
                    length += 1
                starts.append(length)
                sources.append(token.start + match.start())
                parts.append(word)
                length += len(word)
                first = False
    return Joined("".join(parts), tuple(starts), tuple(sources))

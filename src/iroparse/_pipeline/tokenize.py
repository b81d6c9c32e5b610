"""Stage 3: turn normalized text into tokens, one per logical line.

A token is a heading (possibly joined from a heading wrapped over several lines), a line of
text, a blank line or a noise line, with its offsets in the normalized text and its line number.
A value written on a heading's own line (``DATE OF REVIEW: 04/18/2014``) becomes a text token of
its own right after the heading. Checklist items wrapped over lines are joined later, by
:mod:`iroparse._pipeline.checklist`, because where an item ends depends on the layout's marks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import regex

from iroparse._builtin.layouts import BUILTIN_TICKS
from iroparse._pipeline.capitals_headings import capitals_above, capitals_below
from iroparse._pipeline.furniture import DEFAULT_FURNITURE, FurnitureTable
from iroparse._pipeline.heading_content import (
    ENDS_WITH_ANSWERS,
    criteria_by_content,
    heading_over_answers,
)
from iroparse._pipeline.headings import (
    MAX_HEADING_LINE,
    MIN_WORDING_KEY,
    HeadingHit,
    HeadingMatcher,
    looks_like_heading,
    run_in,
    sentence_after,
    squash_with_index,
    wider_gap,
)
from iroparse._pipeline.key_word_headings import key_word_heading
from iroparse._pipeline.label_rows import label_before_gap, margin_label, row_tokens, under_a_row
from iroparse._pipeline.margin_headings import margin_headings
from iroparse._pipeline.noise_lines import ENUMERATOR, NoiseFinder, no_criterion
from iroparse._pipeline.noise_prose import LEADERS
from iroparse._pipeline.normalize import Normalized
from iroparse._pipeline.other_columns import cut_columns
from iroparse._pipeline.repeated import case_references, repeated_value_headings
from iroparse._pipeline.sentence_headings import sentence_heading, wrapped_sentence_heading
from iroparse._pipeline.side_by_side import side_by_side
from iroparse._pipeline.tokens import (
    Token,
    TokenKind,
    _Line,
    _Replaced,
    _trimmed,
    blank_token,
    heading_and_value,
    heading_before,
    heading_token,
    merged,
    noise_token,
    split_lines,
)
from iroparse._pipeline.wrapped import (
    ASIDE,
    REPEATED_HEADING,
    TRAILING_ASIDE,
    VALUE_KINDS,
    WHOLE_ASIDE,
    HeadingJoiner,
    continues_sentence,
    follows_heading,
    labels_open_section,
    opens_aside,
)
from iroparse.catalogue import HeadingAlias, squash
from iroparse.layout import ANY_MARK


class Tokenizer:
    """Turns :class:`~iroparse._normalize.Normalized` text into :class:`Token` objects."""

    def __init__(
        self,
        matcher: HeadingMatcher,
        any_mark: regex.Pattern[str] = ANY_MARK,
        furniture: FurnitureTable = DEFAULT_FURNITURE,
        ticks: Collection[str] = BUILTIN_TICKS,
        criterion: Callable[[str], bool] = no_criterion,
    ):
        """``any_mark`` finds a checkbox mark of any registered layout (the registry's
        :attr:`~iroparse.plugins.Registry.any_mark`); a line that starts with one is no
        heading. ``furniture`` holds the page-furniture tables (the registry's
        :attr:`~iroparse.plugins.Registry.furniture`); ``ticks`` what a ticked mark holds (the
        registry's :attr:`~iroparse.plugins.Registry.ticks`). The defaults know the built-ins
        only. ``criterion`` tells a checklist item's label printed without its mark
        (``Milliman Care Guidelines``), which is no page furniture; the default knows none."""
        self.matcher = matcher
        self.any_mark = any_mark
        self.furniture = furniture
        self.ticks = ticks
        self.joiner = HeadingJoiner(matcher, furniture)
        self.noise = NoiseFinder(matcher, any_mark, furniture, criterion)

    def tokenize(self, normalized: Normalized) -> list[Token]:
        """Tokenize the whole text."""
        lines = split_lines(normalized.text)
        margin, text_column = margin_headings(
            lines,
            self._margin_heading,
            normalized.page_breaks,
            lambda label: self.matcher.partial(squash(label)),
        )
        sidebar = margin + cut_columns(
            lines,
            self.any_mark,
            self.ticks,
            self.noise.heading_words,
            self.furniture,
            normalized.page_breaks,
        )
        noise = self.noise.find(lines, normalized.page_breaks)
        tokens: list[Token] = []
        readers = (self._heading, self.noise, self.joiner, self.furniture)  # for side_by_side
        i = 0
        while i < len(lines):
            line = lines[i]
            page_break = i in normalized.page_breaks
            stripped = line.text.strip()
            if not stripped:
                tokens.append(blank_token(line, i, page_break))
                i += 1
                continue
            if noise[i] is not None:
                tokens.append(noise_token(lines, i, noise[i], page_break=page_break))
                i += 1
                continue
            # a row of labels over a row of values (see :func:`row_tokens`)
            rows = row_tokens(lines, noise, i, self.matcher, page_break)
            tokens += rows or ()
            before = len(tokens)
            consumed = (
                (max(t.last_line for t in rows) - i + 1 if rows else 0)
                or side_by_side(lines, noise, i, tokens, page_break, *readers)
                or self._heading(lines, noise, i, tokens, page_break)
            )
            if consumed and self._key_words_in_text(line, text_column, tokens[before:]):
                del tokens[before:]
                consumed = 0
            if consumed:
                i += consumed
                continue
            body, start, end = _trimmed(line)
            column = start - line.start
            tokens.append(
                Token(TokenKind.TEXT, body, start, end, i, i, page_break=page_break, column=column)
            )
            i += 1
        if sidebar:
            tokens = merged(tokens, sidebar)
        return case_references(repeated_value_headings(tokens))

    def _key_words_in_text(
        self, line: _Line, text_column: int | None, added: Sequence[Token]
    ) -> bool:
        """Whether ``added`` holds a heading known by its key words alone on a line at the text
        column beside headings in the margin (there the headings are the margin's): the
        wrapped end of a checklist's item (``GUIDELINES``), no section of its own; a heading of
        the catalogue there stays one (a checklist's column header, ``Screening criteria /
        clinical basis      Used``)."""
        if text_column is None or len(line.text) - len(line.text.lstrip()) < text_column:
            return False
        return any(
            t.kind is TokenKind.HEADING and self.matcher.full(squash(t.text)) is None for t in added
        )

    def _margin_heading(self, label: str) -> HeadingAlias | None:
        """The heading a label in the page's margin is, by its words whole or its key words
        (see :func:`~iroparse._pipeline.margin_headings.margin_headings`)."""
        return self.matcher.full(squash(label)) or self.matcher.by_words(label, labelled=True)

    def _heading(
        self,
        lines: Sequence[_Line],
        noise: Sequence[str | None],
        i: int,
        tokens: list[Token],
        page_break: bool,
    ) -> int:
        """Append the heading starting at line ``i`` (and its inline value) to ``tokens``;
        return how many lines it took, or 0 when line ``i`` starts no heading. A numbered
        heading (``1.  DATE OF REVIEW:``, ``II. QUALIFICATIONS OF THE REVIEWER:``) is read
        without its number when the whole line is no heading."""
        if under_a_row(lines, i):
            return 0
        before = len(tokens)
        consumed = self._unnumbered_heading(lines, noise, i, tokens, page_break)
        criteria_by_content(
            tokens, before, lines, self.any_mark
        )  # ``Basis for the decision`` / ``( ) ACOEM``
        if consumed and labels_open_section(tokens, before):
            del tokens[before:]  # ``Rationale:`` inside the analysis: a label of its text
            return 0
        if consumed:
            return consumed
        first = lines[i].text
        numbered = ENUMERATOR.match(first)
        at = numbered.end() if numbered else len(first)
        if numbered is None or not (
            self.matcher.could_start(squash(first[at:])) or self.matcher.by_words(first[at:])
        ):  # (``Section 5 - Medical Records Received for Review``: known by its words)
            return 0
        shifted = _Line(first[at:], lines[i].start + at)
        return self._heading(_Replaced(lines, i, shifted), noise, i, tokens, page_break)

    def _unnumbered_heading(
        self,
        lines: Sequence[_Line],
        noise: Sequence[str | None],
        i: int,
        tokens: list[Token],
        page_break: bool,
    ) -> int:
        """:meth:`_heading` for the whole line, its number (if any) taken as words."""
        first = lines[i].text
        marked = self.any_mark.match(first) and not ENDS_WITH_ANSWERS.search(first)
        if len(first.strip()) > MAX_HEADING_LINE or marked:
            return 0
        wrapped = wrapped_sentence_heading(lines, i, tokens, page_break)
        if wrapped is not None:
            tokens.append(wrapped)  # ``The services ... the subject of`` / ``this review, are:``
            return 2
        key = squash(first)
        # the label before a colon, or a wide gap (``Background      The patient ...``)
        gapped = "   " in first or "\t" in first  # (cheap tests first)
        wide = ":" not in first and gapped
        # (the heading may end in its colon: ``Screening Criteria ... Used:      Yes     No``)
        if gapped and heading_over_answers(self.matcher, lines[i], i, tokens, page_break):
            return 1  # ``Criteria Used     Yes  No``
        gap_label, two_blank = label_before_gap(self.matcher, first, wide)
        label_text = gap_label[1] if gap_label else first.split(":", 1)[0]
        worded = key_word_heading(self.matcher, label_text, lines, i, tokens) or (
            sentence_heading(lines, i, tokens) if gap_label is None else None
        )
        if not (worded or self.matcher.could_start(key)) or (
            continues_sentence(lines, noise, i) and not follows_heading(tokens)
        ):
            return 0  # the rest of a wrapped sentence; a heading's line ends no sentence
        heading_like = looks_like_heading(first)
        # typos are forgiven on a line in sentence case only when it is a heading, whole, and
        # long (``Patient clincial history summary``) or short (``Reveiw outcome``)
        stripped = first.strip()
        fuzzy_whole = heading_like or (
            stripped[:1].isupper()
            and stripped[-1:] not in ".,;"
            and (len(key) >= MIN_WORDING_KEY or len(stripped.split()) <= 3)
        )
        alias = self.matcher.full(key) if fuzzy_whole else self.matcher.exact(key)
        if alias is None and heading_like and stripped.find(":") == len(stripped) - 1:
            # a long heading with words left out, ended by its colon (the first line of a
            # heading wrapped over lines has none): ``DESCRIPTION OF THE QUALIFICATIONS FOR
            # EACH PHYSICIAN WHO REVIEWED THE DECISION:``
            alias = self.matcher.abridged(stripped)
        if alias is None and ":" not in stripped[:-1] and gap_label is None:
            alias = worded
        aside = TRAILING_ASIDE.search(first) if alias is None else None
        if aside is not None:  # ``Patient clinical history summary (including pertinent history)``
            bare = squash(first[: aside.start()])  # (a short one exactly: ``Standards used``)
            long_enough = heading_like or len(bare) >= MIN_WORDING_KEY
            alias = self.matcher.full(bare) if long_enough else self.matcher.exact(bare)
        if alias is not None:
            # a short alias may be the first line of a longer one wrapped over lines
            # (``Analysis And Explanation Of The Decision`` / ``Including Clinical Basis...``)
            longer = self.matcher.partial(key) and (
                self.joiner.join(lines, noise, i, key, tokens, page_break)
            )
            if longer:
                return longer
            n, repeated = self.joiner.next_content_line(lines, i, noise, tokens)
            aside = WHOLE_ASIDE.match(lines[n].text) if n is not None else None
            rest = lines[n].text[aside.end() :] if n is not None and aside is not None else ""
            if n is not None and aside is not None and (not rest.strip() or rest[:1].isspace()):
                # the aside on the next line: ``Patient Clinical History Summary`` /
                # ``(including Pertinent History):``, perhaps with the section's first words
                head = lines[n].text[: aside.end()].rstrip()
                start, end = _trimmed(lines[i])[1], lines[n].start + len(head)
                heading = Token(
                    TokenKind.HEADING,
                    f"{first.strip()} {head.strip()}",
                    start,
                    end,
                    i,
                    n,
                    alias=alias,
                    page_break=page_break,
                )
                heading_and_value(lines[n], n, aside.end(), heading, tokens)
                # a page's furniture between the heading and its aside
                tokens += [
                    noise_token(lines, m, noise[m] or REPEATED_HEADING)
                    for m in range(i + 1, n)
                    if noise[m] is not None or m in repeated
                ]
                return n - i + 1
            # a heading in capitals wrapped over two lines, known by its key words
            wrapped = (
                capitals_below(self.matcher, lines, noise, i, page_break)
                if alias is worded
                else None
            )
            if wrapped is not None:
                tokens.append(wrapped)  # ``DECISION OF THE INDEPENDENT`` / ``REVIEWER``
                return 2
            above = capitals_above(self.matcher, lines, tokens, i, alias)
            tokens.append(above or heading_token(lines[i], i, alias, page_break))
            return 1
        # a paragraph's first line may open with a whole heading and go on with a sentence:
        # ``Patient clincial history summary This is a 57-year-old ...``
        blank_above = i == 0 or not lines[i - 1].text.strip()
        new_paragraph = not heading_like and ":" not in first and blank_above
        # (dot leaders part a label from its value as a colon does: ``Date of review .... 11/03``;
        # so does a wide gap: ``Date of review     May 14``, a section's only in the margin; and
        # two blanks after a whole heading: ``Review Outcome  Upon independent review ...``)
        gap_alias = worded or (self.matcher.full(squash(label_text)) if gap_label else None)
        labelled = gap_label is not None and (
            two_blank
            or (
                gap_alias is not None
                and (gap_alias.kind in VALUE_KINDS or margin_label(lines, i, gap_label.end()))
            )
        )
        if heading_like or ":" in first or new_paragraph or LEADERS.search(first) or labelled:
            # a sentence-case heading with its value (``Date of review: 2016-02-09``) must
            # match exactly; typos are forgiven only on lines written like headings
            before = label_text
            fuzzy = (
                heading_like
                or new_paragraph
                or looks_like_heading(before)
                # or all the words before the colon are a heading, typos and all
                or (":" in first and self.matcher.full(squash(before)) is not None)
            )
            hit = self.matcher.start(key) if fuzzy else self.matcher.prefix(key)
            label = len(squash(before))
            labels = worded if ":" in first else gap_alias if labelled else None
            if labels is not None and (hit is None or hit.consumed < label):
                # ``Reasoning: The ...``; ``REVIEWER'S SPECIALTY: ...``, not ``REVIEWER``
                hit = HeadingHit(labels, label)
            if (
                hit is not None
                and new_paragraph
                and not (labelled or LEADERS.search(first))
                and not sentence_after(first, hit)
                and not opens_aside(first, hit)
            ):
                hit = None  # perhaps a heading wrapped over lines: see below
            if (
                hit is not None
                and first.rstrip().endswith(":")
                and (heading_like or (blank_above and 2 * hit.consumed >= len(key)))
            ):
                # a heading with words of its own after the known ones: ``... SUMMARY
                # (INCLUDING PERTINENT HISTORY):``; ``Qualifications of the physician who
                # reviewed the decision:`` after a blank line, the known words the most
                tokens.append(heading_token(lines[i], i, hit.alias, page_break))
                return 1
            split = squash_with_index(first)[1][hit.consumed - 1] + 1 if hit else 0
            if hit is not None and first[split - 1 : split + 1].isalnum():
                hit = None  # the heading's words end inside a word: ``IRO NO|TICE OF ...``
            if hit is not None:
                if first[split : split + 1] == ")" and "(" in first[:split]:
                    split += 1  # the heading's own bracket: ``REQUESTED SERVICE(S):``
                wrapped_aside = self.joiner.aside(
                    lines, noise, i, split, hit.alias, tokens, page_break
                )
                if wrapped_aside:
                    return wrapped_aside
                aside = ASIDE.match(first, split)
                if aside is not None:  # ``Summary (including pertinent history):``
                    split = aside.end()
                rest = first[split:]
                separated = (
                    new_paragraph
                    or aside is not None
                    or rest.lstrip()[:1] == ":"
                    or wider_gap(first[:split], rest)
                    or rest[:1] == "\t"
                    or run_in(first, split)  # ``Clinical History. The claimant ...``
                )
                # (a value goes on in no lower-case word: ``Review Date and IRO Reference``
                # is a heading of its own)
                if separated or (hit.alias.kind in VALUE_KINDS and not rest.lstrip()[:1].islower()):
                    heading_before(lines[i], i, split, hit.alias, page_break, tokens)
                    return 1
        # (a short line in sentence case: too little wording to tell)
        if self.matcher.partial(key) and (heading_like or len(key) >= MIN_WORDING_KEY):
            consumed = self.joiner.join(lines, noise, i, key, tokens, page_break)
            if consumed:
                return consumed
        # neither line alone a heading: ``HEALTH CARE SERVICE`` / ``BEING APPEALED``
        two = capitals_below(self.matcher, lines, noise, i, page_break) if blank_above else None
        if two is not None and key_word_heading(self.matcher, two.text, lines, i, tokens):
            tokens.append(two)
            return 2
        return 0

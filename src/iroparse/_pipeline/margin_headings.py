"""Stage 3: headings set in a column of their own left of the text, wrapped over lines::

      Service(s) in     Left shoulder arthroscopy with subacromial decompression and
      dispute           distal clavicle excision (CPT 29824, 29826), outpatient

          Services in │ (1) Revision L5-S1 laminotomy with discectomy and
              dispute │     transforaminal lumbar interbody fusion ...

The letter's text stands at one column (the *text column*); each heading's words stand
left of it, on the lines of its section's first words, a word or two to a line, aligned left
or right, perhaps parted from the text by a drawn rule (``│``). Read line by line, the
heading's first line (``Service(s) in``) is no heading and its last (``dispute``) opens a
sentence. :func:`margin_headings` joins each label's lines, and when the joined words are a
heading it makes them one heading token and blanks them (and the rule) off the lines, so the
tokenizer reads the text alone; a label that is no heading (``DWC number``) is left as it
stands.

The margin is found, not assumed: the text column is the column that both the labels' text
and the lines without a label start at, each on :data:`MIN_LINES` lines at least, and the
labels of :data:`MIN_HEADINGS` headings at least must stand there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

import regex

from iroparse._pipeline.noise_prose import JOINING_WORDS
from iroparse._pipeline.tokens import Token, TokenKind, _Line
from iroparse._pipeline.wrapped import VALUE_KINDS
from iroparse.catalogue import HeadingAlias

__all__ = ["margin_headings"]

#: The text column stands at least this far right (a label's width and a gap) ...
MIN_TEXT_COLUMN = 12
#: ... and at most this far.
MAX_TEXT_COLUMN = 40
#: Lines with a label at the text column, and lines of text alone there, at least.
MIN_LINES = 3
#: Labels that are headings at the text column, at least, before any is read so.
MIN_HEADINGS = 2
#: A label's line holds at most this many words.
MAX_LABEL_WORDS = 5
#: A drawn rule between the labels and the text.
RULES = "│┃|"
#: Tells the heading a label's words are, or ``None``.
_HeadingOf = Callable[[str], HeadingAlias | None]
#: Tells whether a label's words are the first part of a longer heading.
_Begins = Callable[[str], bool]
#: What stands between a label and the text, or fills a margin without a label.
_BLANK_OR_RULE = " \t" + RULES
#: A label's words: letters, with the brackets, apostrophes, slashes and stops of a
#: heading (``Service(s) in``, ``Reviewer's``, ``IRO case no.``), a colon at the end.
_LABEL = regex.compile(rf"\p{{L}}[\p{{L}}()'’/&.,-]*(?: \S+){{0,{MAX_LABEL_WORDS - 1}}}:?")


def _label_words(part: str) -> str | None:
    """``part`` (a line's text left of the text column, rule and blanks taken off) when it is
    a label's line: a few words, the first of letters; else ``None``."""
    label = part.strip().rstrip(RULES).strip()
    if not label or _LABEL.fullmatch(label) is None:
        return None
    return label


def _parts(text: str, column: int) -> tuple[str, bool] | None:
    """Line ``text`` cut at ``column``: its label (``""`` for none) and whether text starts at
    the column (not past it: a hanging line); ``None`` when the line does not fit the margin
    (a word crosses the column, or the label is no label's words)."""
    left, right = text[:column], text[column:]
    # (text indented past the column is a list's hanging line, beside a label or not)
    if right.strip() and not (left[-2:].isspace() or left.rstrip()[-1:] in RULES):
        return None  # a word crosses the column, or one blank parts it: prose, not a margin
    at_column = bool(right[:1].strip())
    if not left.strip(_BLANK_OR_RULE):
        return "", at_column
    label = _label_words(left)
    return None if label is None else (label, at_column)


#: A line's text past a label and a gap or a rule: the text column it sets.
#: (the rule tried first: ``Review Date  |  June 5`` sets the column past the rule, not at it)
_PAST_LABEL = regex.compile(r"[ \t]{0,30}\S[^\t]{0,38}?\S(?:[ \t]*[│┃|][ \t]*|[ \t]{2,})(?=\S)")


def _text_column(lines: Sequence[str]) -> int | None:
    """The column the labels' text and the unlabelled lines share (see the module
    docstring), or ``None``."""
    labelled: Counter[int] = Counter()
    alone: Counter[int] = Counter()
    for text in lines:
        body = text.rstrip()
        indent = len(body) - len(body.lstrip(_BLANK_OR_RULE))
        if MIN_TEXT_COLUMN <= indent <= MAX_TEXT_COLUMN and body.strip(_BLANK_OR_RULE):
            alone[indent] += 1
            continue
        past = _PAST_LABEL.match(body) if "  " in body or RULES[0] in body else None
        if past is not None and MIN_TEXT_COLUMN <= past.end() <= MAX_TEXT_COLUMN:
            labelled[past.end()] += 1
    shared = [c for c in labelled if labelled[c] >= MIN_LINES and alone[c] >= MIN_LINES]
    return max(shared, key=lambda c: labelled[c] + alone[c], default=None)


def _goes_on(label: str, heading_of: _HeadingOf, more: str, begins: _Begins) -> bool:
    """Whether ``more`` (the next line's label) goes on with ``label`` rather than starting a
    label of its own: it opens in lower case, ``label`` ends in a joining word or a comma,
    together they begin a longer heading (``begins``: ``ANALYSIS AND EXPLANATION OF THE
    DECISION INCLUDE CLINICAL`` / ``BASIS, FINDINGS,``), or together they are a heading that
    one of them alone is not, or of the kind the first alone is (``Reviewer`` /
    ``Qualifications``, not ``Review Date`` / ``Case Number``); a label ended by its colon
    goes on in none, and one without goes on in the next line's colon."""
    if label.endswith(":") or more.endswith(":"):
        return not label.endswith(":")  # the colon ends a label: ``Reviewer`` / ``Qualifications:``
    if not more[:1].isupper() or label.split()[-1].lower() in JOINING_WORDS or label[-1] == ",":
        return True
    if begins(f"{label} {more}"):
        return True
    joined = heading_of(f"{label} {more}")
    alone = (heading_of(label), heading_of(more))
    if joined is None:
        # (each a heading of one kind, a section's text after it: one heading wrapped, its
        # words no wording whole, ``Qualifications of Each Physician or Provider`` / ``Who
        # Reviewed the Decision``; two value headings are two fields, ``Date of notice`` /
        # ``Review date``)
        first, second = alone
        return (
            first is not None
            and second is not None
            and first.kind == second.kind
            and first.kind not in VALUE_KINDS
        )
    # (the first alone a heading of the joined words' kind: ``Information`` / ``Provided
    # for``, ``QUALIFICATIONS OF THE PHYSICIAN WHO REVIEWED`` / ``THE DECISION``)
    return None in alone or (alone[0] is not None and alone[0].kind == joined.kind)


def _blocks(
    parts: Sequence[tuple[str, bool] | None], heading_of: _HeadingOf, begins: _Begins
) -> list[tuple[int, int, str, HeadingAlias]]:
    """The labels that are headings: (first line, last line, joined words, heading); a
    label's lines follow one another, its first beside text starting at the column."""
    blocks = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part is None or not part[0] or not part[1]:
            i += 1
            continue
        label, k = part[0], i
        pieces = [label]
        while k + 1 < len(parts) and (more := parts[k + 1]) is not None and more[0]:
            if not _goes_on(label, heading_of, more[0], begins):
                break
            label, k = f"{label} {more[0]}", k + 1
            pieces.append(more[0])
        alias = heading_of(label)
        # a long heading in the house's own words goes on past the words a heading is
        # known by (``Analysis and Explanation`` / ``of the Decision, With`` / ``Clinical
        # Basis, Findings`` / ``and Conclusions``): the heading its first lines are
        for n in range(len(pieces) - 1, 0, -1):
            if alias is not None:
                break
            alias = heading_of(" ".join(pieces[:n]))
        if alias is not None:
            blocks.append((i, k, label, alias))
        i = k + 1
    return blocks


def margin_headings(
    lines: list[_Line],
    heading_of: _HeadingOf,
    page_breaks: Collection[int],
    begins: _Begins = lambda label: False,
) -> tuple[list[Token], int | None]:
    """Read the headings in the margin of ``lines`` as heading tokens, blanked off the lines
    (changed in place, offsets and columns kept), with the rule between margin and text;
    ``heading_of`` tells the heading a label's joined words are, or ``None``, and ``begins``
    whether they are the first part of a longer heading. Returns the heading tokens and the
    text column (``None`` when the letter has no such margin): there the headings are all in
    the margin, and a line at the text column is the text's (``GUIDELINES``, a checklist
    item's wrapped word, is no heading)."""
    texts = [line.text for line in lines]
    column = _text_column(texts)
    if column is None:
        return [], None
    parts = [_parts(text, column) for text in texts]
    blocks = _blocks(parts, heading_of, begins)
    if len(blocks) < MIN_HEADINGS:
        return [], None
    tokens = []
    headings: set[int] = set()
    for first, last, label, alias in blocks:
        begin = len(texts[first]) - len(texts[first].lstrip())
        end = len(texts[last][:column].rstrip(_BLANK_OR_RULE))
        tokens.append(
            Token(
                TokenKind.HEADING,
                label,
                lines[first].start + begin,
                lines[last].start + end,
                first,
                last,
                alias=alias,
                page_break=first in page_breaks,
                column=begin,
            )
        )
        headings.update(range(first, last + 1))
    ruled = Counter(len(left) for t in texts if (left := t[:column].rstrip())[-1:] in RULES)
    rule = max(ruled, key=ruled.__getitem__, default=0)
    for n, text in enumerate(texts):
        if n in headings:
            lines[n] = _Line(" " * min(column, len(text)) + text[column:], lines[n].start)
        elif ruled[rule] >= MIN_LINES and text[rule - 1 : rule] in tuple(RULES):
            # the drawn rule beside a label that is no heading, or beside nothing
            lines[n] = _Line(text[: rule - 1] + " " + text[rule:], lines[n].start)
    return tokens, column

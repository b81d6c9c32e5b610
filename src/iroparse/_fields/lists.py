"""Split a listing section (services, qualifications, records provided) into items.

* Numbered (``1.``, ``2)``, ``(3)``, ``a.``) or bulleted (``-``, ``•``, ``*``) lines start
  items; when a block uses markers, unmarked lines continue the item before them.
* Plain lines are one item each, unless the line continues a sentence wrapped over lines: it
  starts in lower case, the line before ends with a comma or a joining word, or the line
  before was broken by a wrapper (the next line's first word would not have fitted on it), or
  leaves a parenthesis open or a date after its month (``... through November`` /
  ``20, 2016``). A line whose first word is capitalized (``Letter``, not ``CT``) after a
  line ending in a word in lower case starts an item, however long the line before.
* A blank line ends an item, unless a page break (and its furniture) falls there: then the
  rules above decide, as if the lines were adjacent; or unless the next line plainly goes on
  with the sentence (it starts in lower case, or the line before ends with a comma or a
  joining word), as in a double-spaced letter.
* A line that holds a heading before the item is measured from the line's start, so a wrapped
  first item on the heading's line is one item.
* A list whose only item says there is nothing (``None``, ``N/A``) is empty.
* A records list written as run-on paragraphs is read part by part
  (:func:`iroparse._fields.run_on.run_on_parts`).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from attrs import evolve, frozen

from iroparse._fields.dated_items import dated_alike, undated_alike
from iroparse._fields.dates import MONTHS
from iroparse._fields.item_breaks import (
    CODE_LINE,
    LABELLED,
    capitalized,
    cut_sentence,
    date_left_open,
    ends_with_specialty,
    last_word,
    lone_number,
    no_room,
    numbers_inline,
    opening,
    range_end_wrapped,
    rows_alike,
    running_text,
    sentence_goes_on,
    specialty_across,
    wrapped_at,
)
from iroparse._fields.wrapped_cells import cells_joined, wraps_a_cell
from iroparse._pipeline.hyphens import Vocabulary
from iroparse._pipeline.noise_prose import DATE_BEFORE
from iroparse._pipeline.sections import join_lines
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.catalogue import BULLETS, CLOSING, DASHES

#: A list marker at the start of a line: bullets and numbering, Roman numbers too (``xiv.``);
#: a number's 1 read as ``l`` by text recognition (``l0.``, ``ll.``); a bullet read as a full
#: stop (``. Notes``); a ticked box as a bullet (``[✓] Board certified ...``); a table's cell
#: numbering its row, a wide gap after it (``1    Request for review ...    05/28/2015``); an
#: outline's number under a decimal-numbered heading, a gap after it (``5.1  Notes``); a
#: scan's blank before a number's point (``1 . Request for review``).
MARKER = regex.compile(
    rf"^(?:[{DASHES}]{{1,2}}|[{BULLETS}]|o(?=\s+\S)|\.(?=\s+\S)|\[[✓✔]\]|\(?\d{{1,3}} ?[.)]"
    r"|\d{1,3}(?=\s{2,}\S)|\d{1,2}\.\d{1,2}\.?(?=\s{2,}\S)"  # (an outline's ``5.1  Notes``)
    r"|\(?l[\dl]{1,2}[.)]|\(?[a-zA-Z][.)]|\(\d{1,3}\)|\(?(?:[ivx]{2,5}|[IVX]{2,5})[.)])\s+"
)
#: A list's bullet alone on its line, its item on the next (a raw text extraction).
MARK_ALONE = regex.compile(rf"\s*(?:[{DASHES}]{{1,2}}|[{BULLETS}])\s*")
#: Words after which a line cannot end a list item: a sentence's joining words, a date's
#: (``dated`` / ``10/04/2017``), and more.
ITEM_JOINING_WORDS = (
    DATE_BEFORE
    | {"during", "into", "under", "regarding", "per", "via", "vs", "versus", "whose"}
    | {"than", "over", "about"}  # ``more than`` / ``20 years``
    | {"american", "national", "international"}  # open a name: ``the American`` / ``Board``
)
#: The whole text of a list that lists nothing.
_NOTHING = regex.compile(
    r"(?i)\W*(?:none|n/?a|not\s+applicable|nothing|none\s+(?:provided|submitted|received)"
    r"|no\s+(?:records|information|documents)\s+(?:were\s+)?(?:provided|submitted|received))\W*"
)
#: A line of at most this many words under a line as long as the letter's is its rest.
LEFTOVER_WORDS = 2
#: ... when that line starts at most this far in (an item on its heading's line starts further).
LEFTOVER_INDENT = 8
_TRAILING_JOIN = ",;&/-–("
#: A bracketed word in lower case opening a line, or a service's code in brackets (``(CPT
#: 72141)``): an aside the line before asks for.
_ASIDE_GOES_ON = regex.compile(r"\((?:\p{Ll}{2,}|(?i:CPT|HCPCS)\b)")
#: A date's day and year at a line's start, its month ending the line before.
_DAY_AND_YEAR = regex.compile(r"\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b")
#: A word no English word starts so: ``l`` and a consonant, a scan's ``I`` (``lnfliximab``).
_L_FOR_I = regex.compile(r"l[b-df-hj-kmnp-tv-xz]")


@frozen
class ListEntry:
    """One list item, without its marker, and its offsets in the normalized text."""

    text: str
    start: int
    end: int


def _joined(previous: str, nxt: str) -> bool:
    """The next line goes on with the sentence whatever lies between: it starts in lower
    case (not a scan's ``l`` for a capital ``I``: ``lnfliximab``), the line before ends with
    a comma or a joining word, or it leaves a parenthesis open (``... extremities (95886 x``
    / ``2)``)."""
    if (nxt[:1].islower() and not _L_FOR_I.match(nxt)) or _left_open(previous):
        return True
    if _ASIDE_GOES_ON.match(nxt):
        return True  # an aside: ``... dated 04/11/2022`` / ``(staging), ...``
    # a date wrapped after its month: ``... through November`` / ``20, 2016``
    return bool(_DAY_AND_YEAR.match(nxt)) and last_word(previous).rstrip(".") in MONTHS


def _left_open(text: str) -> bool:
    """``text`` stops where its sentence must go on: after a comma or a joining word, or
    with a parenthesis open."""
    return (
        text[-1:] in _TRAILING_JOIN
        or text.count("(") > text.count(")")
        or last_word(text) in ITEM_JOINING_WORDS
    )


def _one_per_line(body: Sequence[Token]) -> bool:
    """The block's lines after its first (two at least) all start in upper case and none
    ends where a sentence goes on (a comma, a joining word): a list written one item per
    line, so its first item, on a heading's line and as long as the letter's lines with the
    heading before it, was not wrapped either (``REVIEW: Request for review by an independent
    review organization`` / ``Peer review report dated 11/03/2009`` are two items)."""
    rest = [t.text for t in body if t.kind is TokenKind.TEXT][1:]
    return len(rest) >= 2 and all(text[:1].isupper() and not _left_open(text) for text in rest)


def _continues(previous: Token, nxt: str, width: int, item: str, one_per_line: bool) -> bool:
    """The next line goes on with the item of the line before, adjacent to it; ``item`` is
    the item's first line; ``one_per_line`` tells a block written one item per line
    (:func:`_one_per_line`)."""
    if undated_alike(nxt, item) or (nxt[:1] in "xX" and dated_alike(nxt, item)):
        return False  # ``n/a  Employer's report``, ``xx/xx/xx:  ...`` under dated records
    if LABELLED.match(nxt) and LABELLED.match(item):
        return False  # labelled items, each its label's (``Specialty:    General ...`` /
        # ``Board certification:    American Board of Surgery``)
    if rows_alike(previous.text, nxt) or (
        previous.text != item and rows_alike(item, nxt, went_on=True)
    ):
        return False  # a table's next row, its cells in the same columns (as the row's first
        # line's, past its cells' wrapped words: ``Radiology  03/02/2015  Lumbar MRI with and``
        # / ``without contrast`` / ``Licensed psychologist  11/30/2015  Behavioral ...``)
    if _joined(previous.text, nxt) or specialty_across(previous.text, nxt):
        return True
    # (a date range left open on the item's first line closed on a line below it: ``[08/2020
    # -`` / ``12/2020]  Individual psychotherapy ...`` / ``[01/14/2021]  Designated ...``)
    open_date = date_left_open(item) and previous.text == item
    if opening(nxt) == opening(item) or (dated_alike(nxt, item) and not open_date):
        # items written alike: ``Board Certified in ...`` twice, or each dated (not the rest
        # of a date cell left open: ``04/30/2019,`` / ``05/16/2019``)
        return False
    if ";" in nxt and ";" in item and previous.text[-1:].isalpha():
        # a run of records parted by semicolons, wrapped inside a record (``...; InterQual``
        # / ``Behavioral Health ..., Residential`` / ``Treatment Center subset; ...``)
        return True
    end = previous.column + len(previous.text)  # a heading may stand before it on its line
    words = nxt.split()
    first_word = words[0] if words else ""
    lower_after_comma = len(words) > 1 and first_word.endswith(",") and words[1][:1].islower()
    # a word or two left over by the wrapper (``... Certification in Pain`` / ``Medicine``):
    # no item is so short after a line as long as the letter's
    leftover = (
        len(words) <= LEFTOVER_WORDS
        and ":" not in nxt
        and not MARKER.match(nxt)
        # not the first item, on its heading's line: that line is long for the heading's sake
        and previous.column <= LEFTOVER_INDENT
    )
    if leftover and previous.text[-1:].isalpha() and wrapped_at(end, width):
        return True
    if len(words) == 1 and nxt.endswith(".") and previous.text[-1:].isalpha():
        # a lone word that ends the sentence (``... Division of Rehabilitation`` /
        # ``Psychology.``): no item is one word and a period
        return True
    if lower_after_comma and previous.text[-1:].isalpha() and wrapped_at(end, width):
        # a phrase cut at the width that goes on in lower case after its next word (``...
        # certification in Pain`` / ``Medicine, in practice since 2001``): an item does not
        # open so (``Member, American Academy of ...`` does)
        return True
    if (
        not one_per_line
        and previous.text[-1:].isalpha()
        and not running_text(previous.text)  # a sentence's rules follow
        and wrapped_at(end, width)
        and no_room(end, nxt, width)
        and not ends_with_specialty(previous.text)
    ):
        # a title the wrapper cut, its next word too long for the line (``... with a
        # Certificate of Added`` / ``Qualification in Transplant Hepatology``), in a list
        # not written one title per line
        return True
    # an item that ends with a date or a number (``... dated 09/20/2008``) is complete, and
    # titles (``Board Certified in ...``) are one per line: only a cut sentence goes on
    # (a paragraph's later line may be mostly capitals: ``... Assurance and Practice``)
    in_paragraph = previous.text != item and running_text(item)
    if not (cut_sentence(previous.text) or (in_paragraph and previous.text[-1:].isalpha())):
        return False
    if nxt.endswith("."):
        return True  # the sentence ends on the next line
    # (inside a paragraph that opened with a sentence's subject, ``The case was reviewed by
    # ...``, a capital is a name's: ``... an unrestricted`` / ``Texas license``)
    prose = in_paragraph and _PARAGRAPH_SENTENCE.match(item) is not None
    if (
        capitalized(nxt.split(None, 1)[0])
        and previous.text.rsplit(None, 1)[-1][:1].islower()
        and not prose
    ):
        # a capitalized word after a word in lower case starts an item (``... an independent
        # review organization`` / ``Letter of medical necessity ...``): a wrapped phrase goes
        # on so only after a capital (``... certification in Pain`` / ``Medicine ...``), or
        # with an acronym (``... and post-discography`` / ``CT``)
        return False
    if end > width:
        return False  # a line longer than the wrapper's was not wrapped here
    if ends_with_specialty(previous.text) and _NEW_CLAUSE.match(nxt):
        # a qualification that ends with a whole specialty (``... in Radiation Oncology``),
        # then a line that opens its own (``Active clinical practice ...``): two items; a cut
        # name goes on (``... in Pain`` / ``Medicine``)
        return False
    if previous.column > 0 and one_per_line and nxt[:1].isupper():
        return False  # the first item, on the heading's line, of a one-per-line list
    # as long as the letter's lines, or the next line's first word would not have fitted
    return wrapped_at(end, width) or no_room(end, nxt, width)


#: A line that opens a clause of its own: a capitalized word, then words in lower case.
_NEW_CLAUSE = regex.compile(r"\p{Lu}\p{Ll}+\s+\p{Ll}")


#: A sentence that goes on with the subject of a paragraph's sentences (``The reviewer
#: evaluates ...``, ``He has ...``), not an item of a list.
_PARAGRAPH_SENTENCE = regex.compile(
    r"(?:The|This|These|That|He|She|His|Her|They|It|In|As)\s+\p{Ll}"
)


def _paragraph_goes_on(item: Sequence[Token], nxt: str, width: int) -> bool:
    """A paragraph of sentences wrapped at the width (at least two lines, or one that the
    next line's first word would not have fitted on; the last as long as the letter's lines)
    goes on with a sentence like its own (``... for 16 years.`` / ``The reviewer evaluates
    children ...``): one entry, as a prose paragraph is. A list of one sentence per line has
    lines of their own lengths, which leave room for the next line's first word; nor does its
    next sentence stop at the line's end after a word, wrapped as a paragraph's is (``This
    case was reviewed by ... who is on the`` / ``TWCC Approved Doctor List ...``)."""
    last = item[-1]
    end = last.column + len(last.text)
    return (
        (len(item) >= 2 or no_room(end, nxt, width) or cut_sentence(nxt))
        and running_text(" ".join(t.text for t in item))
        and wrapped_at(end, width)
        and _PARAGRAPH_SENTENCE.match(nxt) is not None
    )


#: How many columns a scan's ragged margin may move a line's start: no hanging indent.
RAGGED = 1


def _hangs(
    item: Sequence[Token], token: Token, width: int, before: Sequence[Sequence[Token]] = ()
) -> bool:
    """A line indented further than its item's first line, right under it, hangs from it
    (``... Pain Medicine by the American`` / ``    Board of Anesthesiology``); not under a
    line that ends in a colon, which opens sub-items; and only where the line above was
    wrapped (as long as the letter's lines, or too long for the next line's first word, or
    left open), or the line goes on in lower case, or an item ``before`` it in the list hung
    its second line at the same column (the list's own hanging indent): a short title above
    a title indented by a scan's uneven margin (``Board Certified in Anesthesiology`` /
    ``   Subspecialty Certified in Pain Medicine``) is an item of its own."""
    last = item[-1]
    end = last.column + len(last.text)
    return (
        # (one column in is a scan's ragged margin, not a hanging indent, unless the line goes
        # on in lower case)
        token.column > item[0].column + (0 if token.text[:1].islower() else RAGGED)
        and not last.text.rstrip().endswith(":")
        and (
            wrapped_at(end, width)
            or no_room(end, token.text, width)
            or token.text[:1].islower()
            or _left_open(last.text)
            # a word or two left over (``... Certificate in Pain`` / ``   Medicine``)
            or len(token.text.split()) <= LEFTOVER_WORDS
            # (the earlier items last: the cheap tests first)
            or any(len(b) > 1 and b[1].column == token.column > b[0].column for b in before)
        )
    )


def split_items(
    body: Sequence[Token], width: int, vocabulary: Vocabulary | None = None
) -> list[ListEntry]:
    """Split a section body into list items (see the module docstring). ``width`` is the
    letter's line width, the longest line a wrapper would leave; ``vocabulary`` (the
    letter's words) tells a word split by a line-end hyphen from a compound."""
    groups: list[list[Token]] = []
    marked_block = any(
        t.kind is TokenKind.TEXT
        and ((MARKER.match(t.text) and not CODE_LINE.match(t.text)) or MARK_ALONE.fullmatch(t.text))
        for t in body
    ) and not lone_number(
        [
            m.group() if (m := MARKER.match(t.text)) else None
            for t in body
            if t.kind is TokenKind.TEXT
        ]
    )
    one_per_line = _one_per_line(body)
    gap = True
    page_cut = False
    marked = False  # the line before was a bullet alone: this line starts its item
    for token in body:
        page_cut = page_cut or token.page_break or token.kind is TokenKind.NOISE
        if token.kind is TokenKind.BLANK:
            gap = True
            continue
        if token.kind is not TokenKind.TEXT:
            continue
        if MARK_ALONE.fullmatch(token.text):
            marked = True  # a raw extraction's bullet on a line of its own (``•`` / ``Request``)
            continue
        if marked:
            groups.append([token])
            gap = page_cut = marked = False
            continue
        # blank lines around a page break and its furniture are no gap: the item may go on
        starts = (gap and not page_cut) or not groups
        if (
            starts
            and groups
            and (not marked_block or MARKER.match(token.text) is None)
            and (
                _joined(groups[-1][-1].text, token.text)
                or sentence_goes_on(groups[-1][-1].text, token.text)
            )
        ):
            starts = False  # a double-spaced sentence: ``... certification in`` / / ``Pain``
        if groups and CODE_LINE.match(token.text):
            starts = False  # ``- CPT code(s) 95886, 95911`` under the service it belongs to
        elif groups and range_end_wrapped(groups[-1][-1].text, token.text):
            starts = False  # ``..., 08/2006`` / ``- 12/2006``
        elif groups and token.text.lstrip()[:1].isupper() and CLOSING.match(token.text.lstrip()):
            # the reviewer's independence after the list, without a blank line (in lower case,
            # the rest of a sentence: ``... and who has`` / ``no known conflict of interest``)
            starts = True
        elif not starts:
            if marked_block:
                # a bullet starts an item; so does a label over the bullets below it
                # (``Records Received from the Health Plan:``, or set left of the bullets:
                # ``Submitted by the requestor`` / ``    >  Office notes ...``)
                starts = (
                    MARKER.match(token.text) is not None
                    or token.text.rstrip().endswith(":")
                    or token.column + RAGGED < groups[-1][0].column
                )
            else:
                starts = not (
                    wraps_a_cell(groups[-1], token)
                    or _hangs(groups[-1], token, width, groups[:-1])
                    or _paragraph_goes_on(groups[-1], token.text, width)
                    or _continues(
                        groups[-1][-1], token.text, width, groups[-1][0].text, one_per_line
                    )
                )
        if starts:
            groups.append([token])
        else:
            groups[-1].append(token)
        gap = page_cut = False
    entries = []
    for group in groups:
        first = group[0]
        marker = MARKER.match(first.text)
        skip = marker.end() if marker else 0
        lines = [evolve(first, text=first.text[skip:], column=first.column + skip), *group[1:]]
        text = cells_joined(lines) or join_lines(lines, vocabulary)
        if marker is not None and numbers_inline(marker.group(), text):
            # the items numbered inside one sentence: ``(1) Septoplasty, ...; (2) bilateral
            # ...``; its first number is the sentence's own
            skip, text = 0, cells_joined(group) or join_lines(group, vocabulary)
        if text:
            entries.append(ListEntry(text, first.start + skip, group[-1].end))
    if len(entries) == 1 and _NOTHING.fullmatch(entries[0].text):
        return []
    return entries

"""The review date: the DATE OF REVIEW section's date (or the notice date's, standing in for
it); without the section, a review-date label in the letter's top lines, a sentence saying
when the review was done, or the date the letter is dated with, each said in a diagnostic."""

from __future__ import annotations

import regex

from iroparse import diagnostics as diag
from iroparse._fields.case_number import letter_top
from iroparse._fields.dates import REDACTED, find_date, read_through_ocr, reviewed_on
from iroparse._fields.letter import Letter, Read
from iroparse._pipeline.noise import DATE_LINE
from iroparse._pipeline.tokens import TokenKind
from iroparse.model import Diagnostic

__all__ = ["review_date"]


def review_date(letter: Letter) -> Read:
    """The review date (or the notice date standing in for it)."""
    section = letter.sections.get("review_date")
    if section is None:
        # an older letter has no DATE OF REVIEW but is dated at its top (``June 9, 2003``,
        # ``DATE:  August 28, 2002``): the day the notice went out, which the newer letters'
        # DATE NOTICE SENT gives too. Seven letters written by hand by two writers who never
        # saw the parser expected that date; it is read with a diagnostic, never silently.
        return _labelled_date(letter) or _date_said(letter) or _letter_date(letter)
    notes: list[Diagnostic] = []
    lines = section.lines
    if section.alias and section.alias.rank > 0:
        notes.append(diag.make("date-from-notice", "the review date is the notice date"))
    for token in lines[:2]:
        found = find_date(token.text)
        if found is not None:
            value, start, end = found
            span = letter.span(token.start + start, token.start + end)
            printed = token.text[start:end]
            if read_through_ocr(printed):
                notes.append(diag.make("digits-from-ocr", f"read {printed!r} as {value}"))
            return Read(value, {"review_date": span}, tuple(notes))
    labelled = _labelled_date(letter)  # the heading's value in a box's cell beside it
    if labelled is not None:
        return labelled
    if not lines or REDACTED.fullmatch(lines[0].text):
        notes.append(diag.make("redacted", "the review date is blank or redacted"))
    else:
        notes.append(
            diag.make(
                "date-unreadable", f"no date in {lines[0].text[:60]!r}", line=lines[0].line + 1
            )
        )
    return Read(None, {}, tuple(notes))


#: The letter's own date at its top: a date alone on its line, or after ``Date:``.
_LETTER_DATE = regex.compile(
    # (or right of the letterhead's name in capitals, past a wide gap: ``WELFARE MEDICAL
    # REVIEW, PLLC          March 4, 2024``; never a label's date, ``DATE OF INJURY  ...``)
    r"(?i)(?:(?!.*\bdate\b)(?-i:\p{Lu}[\p{Lu}\s,.&'-]{2,60})\s{3,})?"
    rf"(?:date\s*:\s*)?(?:{DATE_LINE.pattern.removeprefix('(?i)')}"
    # (a scan's day or year with ``l`` for ``1``: ``March l8, 2005``, ``August 3, l999``;
    # :func:`find_date` reads the digits, or finds no date)
    r"|[a-z]{3,9}\.?\s+[\dlIO]{1,2},?\s+[\dlIO]{4})"
)


#: A review date labelled inside a line of the letter's top, beside another label (``Rio
#: Hondo IRO Case ID: RH-25-00871      Review Date: 09/09/2025``) or in a box's row.
_REVIEW_DATE_LABEL = regex.compile(
    # (a colon, or a box's cell gap: ``Date of Review          09/14/2016``)
    # (the label's words a blank or two apart: ``Medical Review      DATE:`` is two cells)
    # (a scan's letter doubled: ``DATE OF REVIEEW:``)
    r"(?i)\b(?:date {1,2}of {1,2}(?:the {1,2})?re+vi+e+w|re+vi+e+w {1,2}date)(?:\s*:\s*|\s{3,})"
)


def _labelled_date(letter: Letter) -> Read | None:
    """The date after a review-date label inside a line above the letter's first statutory
    section (in a summary box beside the addressees too), or ``None``."""
    header = letter_top(letter)
    for label in _REVIEW_DATE_LABEL.finditer(header):
        line_end = header.find("\n", label.end())
        found = find_date(header[label.end() : line_end if line_end >= 0 else len(header)])
        if found is not None and found[1] == 0:
            start = label.end()
            return Read(found[0], {"review_date": letter.span(start, start + found[2])})
    return None


def _date_said(letter: Letter) -> Read | None:
    """The date a sentence above the letter's first statutory section says the review was
    done on (``The review was completed on November 20, 1998.``), or ``None``."""
    found = reviewed_on(letter_top(letter))
    if found is None:
        return None
    note = diag.make("date-from-letter", "no review date heading; a sentence dates the review")
    return Read(found[0], {"review_date": letter.span(found[1], found[2])}, (note,))


def _letter_date(letter: Letter) -> Read:
    """The date the letter is dated with, above its first statutory section (the letterhead,
    the addressees, a ``Re:`` block), with a ``date-from-letter`` diagnostic; null when it
    has none. A fax cover sheet's date (``FACSIMILE TRANSMITTAL SHEET`` ... ``DATE:
    05/14/04``) is the day it was faxed, not the letter's: its page is passed over, to a page
    break or a fax machine's banner."""
    cover = False
    for section in letter.every_section:
        if section.kind not in ("title", "other"):
            break
        for token in section.body:
            text = token.text.strip()
            # (the cover's page ends at a page break, or at a fax machine's banner)
            turned = token.page_break or token.noise == "fax-header"
            cover = (cover and not turned) or _FAX_COVER.search(text) is not None
            if token.kind is TokenKind.TEXT and not cover and _LETTER_DATE.fullmatch(text):
                found = find_date(text)
                if found is not None:
                    value, start, end = found
                    span = letter.span(token.start + start, token.start + end)
                    note = diag.make(
                        "date-from-letter",
                        f"no review date heading; the letter is dated {text!r}",
                        line=token.line + 1,
                    )
                    return Read(value, {"review_date": span}, (note,))
    return Read(None)


#: The title of a fax's cover sheet: ``FACSIMILE TRANSMITTAL SHEET``, ``Fax Cover Sheet``.
_FAX_COVER = regex.compile(
    r"(?i)\b(?:fax|facsimile)\s+(?:cover(?:\s+sheet)?|transmittal(?:\s+sheet)?"
    r"|transmission\s+sheet)\b"
)

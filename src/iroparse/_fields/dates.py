"""Read the review date: ``Aug/10/2009``, ``08/10/2009``, ``August 10, 2009``, ``2009-08-10``,
``10 August 2009``, ``Aug. 10, 2009``, ``8-10-09`` and similar.

The vocabulary (month names) is a table apart from the patterns, like dateutil's
``parserinfo``; US order (month before day) is assumed for numeric dates, as Texas letters use.
"""

from __future__ import annotations

import datetime

import regex

from iroparse.catalogue import DASHES, MONTH_HEADS, digits_read

#: Month names and abbreviations (lower case, without the dot) to month numbers.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb", "febr"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month_name>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_SEP = rf"\s*[/{DASHES}.]\s*"

#: Date patterns, tried in order; each names ``year``, ``day`` and ``month`` or ``month_name``.
DATE_PATTERNS: tuple[regex.Pattern[str], ...] = tuple(
    regex.compile(p)
    for p in (
        # 2009-08-10, 2009/08/10
        rf"\b(?P<year>\d{{4}})[{DASHES}/](?P<month>\d{{1,2}})[{DASHES}/](?P<day>\d{{1,2}})\b",
        rf"\b(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}}){_SEP}{_YEAR}\b",
        rf"\b{_MONTH}{_SEP}{_DAY}{_SEP}{_YEAR}\b",
        rf"\b{_DAY}{_SEP}{_MONTH}{_SEP}{_YEAR}\b",  # 10-Aug-2009
        # August 10, 2009 / August 10 , 2009 / December 11,1997 (a typist's comma, no space)
        rf"\b{_MONTH}\s+{_DAY}\s*(?:,?\s+|,){_YEAR}\b",
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",  # 10 August 2009 / 3rd of March, 2011
    )
)

#: A value made only of redaction characters (``xx/xx/xxxx``, ``****``, ``___``).
REDACTED = regex.compile(rf"[\sxX*#_{DASHES}/.:]*[xX*#_][\sxX*#_{DASHES}/.:]*")


def find_date(text: str) -> tuple[datetime.date, int, int] | None:
    """The first date in ``text`` with its offsets, or ``None``.

    >>> find_date("DATE: Aug/10/2009")[0]
    datetime.date(2009, 8, 10)
    """
    found = _find(text)
    if found is not None:
        return found
    # a scan's digits read as letters, and letters as digits in a month's name:
    # ``O3/14/2007``, ``1O/O2/O6``, ``March 2l, 2O11``, ``Ju1y 1l, 2O16`` (one for one: the
    # offsets stay)
    read = _OCR_MONTH.sub(_month_letters, text)
    read = _MONTH_WORD.sub(_month_joined, read)
    read = digits_read(_OCR_NUMERIC, read)
    return _find(read) if read != text else None


def read_through_ocr(text: str) -> bool:
    """Whether the date :func:`find_date` found as ``text`` was read with a scan's letters
    for digits (``1O/O2/O6``): said in a diagnostic, not silently.

    >>> read_through_ocr("1O/O2/O6"), read_through_ocr("10/02/06")
    (True, False)
    """
    return _find(text) is None


def _find(text: str) -> tuple[datetime.date, int, int] | None:
    """:func:`find_date` of ``text`` as written."""
    # the earliest date, whatever its shape (``Sep 14, 2017   Date Received: 08/28/2017``);
    # at one offset, the shape tried first
    found: tuple[datetime.date, int, int] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if found is not None and match.start() >= found[1]:
                break
            value = _to_date(match.groupdict())
            if value is not None:
                found = (value, match.start(), match.end())
                break
    return found


#: Right after a month's name, in any case (``NOVEMBER l7, 2006``).
_AFTER_MONTH = rf"\b(?i:(?:{MONTH_HEADS})[a-z]{{0,6}})\.?\s{{1,3}}"
#: A numeric date with letters text recognition puts for digits (three digits at least), or
#: a day and a year after its month's name (``March l8, 2005``, ``April 7, 2Ol4``).
_OCR_NUMERIC = regex.compile(
    r"(?<!\w)(?=(?:[^\d\s]*\d){3})[\dOoIl]{1,4}(?:[/\-.][\dOoIl]{1,4}){2}(?!\w)"
    rf"|(?<={_AFTER_MONTH})(?=[OoIl]?\d)[\dOoIl]{{2}}(?=,?\s+[\dOoIl]{{4}}\b)"
    # (a day of one digit read as a letter: ``July l, 2011``)
    rf"|(?<={_AFTER_MONTH})[Il](?=,?\s+[\dOoIl]{{4}}\b)"
    rf"|(?<={_AFTER_MONTH}[\dOoIl]{{1,2}},?\s+)"
    r"(?=[OoIl]*\d)(?=(?:[OoIl]*\d){2})[\dOoIl]{4}\b"
)
#: A word of letters and the digits text recognition puts for ``l`` and ``o`` (``Ju1y``).
_OCR_MONTH = regex.compile(r"\b(?=[A-Za-z]*[01])[A-Za-z][A-Za-z01]{2,8}\b")
_DIGIT_LETTERS = str.maketrans("10", "lo")


def _month_letters(match: regex.Match[str]) -> str:
    """The word of ``match`` with ``1`` and ``0`` read as ``l`` and ``o`` when that makes it
    a month's name, else as it is."""
    word = match.group()
    read = word.translate(_DIGIT_LETTERS)
    return read if read.lower() in MONTHS else word


#: A word that starts like a month's name (``Novernber``), perhaps broken by a blank
#: (``Febru ary``).
_MONTH_WORD = regex.compile(rf"\b(?i:{MONTH_HEADS})[A-Za-z]{{0,8}}(?: [a-z]{{1,6}})?\b")


def _month_joined(match: regex.Match[str]) -> str:
    """The word of ``match`` with a scan's ``rn`` read as ``m``, or the blank that broke it
    left out, when that makes it a month's name (``Novernber`` and ``Febru ary`` are
    ``November`` and ``February``), blanks after it so that every offset stays; else as it
    is."""
    word = match.group()
    head, _, tail = word.partition(" ")
    # the broken word joined first, then the first word alone (``Novernber to``)
    for candidate, span in ((head + tail, word), (head, head)):
        read = candidate.replace("rn", "m")
        if read != span and read.lower() in MONTHS:
            return read.ljust(len(span)) + word[len(span) :]
    return word


def _to_date(groups: dict[str, str | None]) -> datetime.date | None:
    name = groups.get("month_name")
    if name is not None:
        month: int | None = MONTHS.get(name.lower())
    else:
        month = int(groups["month"] or 0)
    if not month:
        return None
    year = int(groups["year"] or 0)
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return datetime.date(year, month, int(groups["day"] or 0))
    except ValueError:
        return None


#: A sentence that says when the review was done, in a letter with no review date heading:
#: ``The review was completed on November 20, 1998.``, ``The case was reviewed on April 3,
#: 2003.``
_REVIEWED_ON = regex.compile(
    r"(?i)\b(?:review|case)\s+was\s+(?:(?:completed|performed|conducted|done)\s+on"
    r"|reviewed\s+on)\s+"
)


def reviewed_on(text: str) -> tuple[datetime.date, int, int] | None:
    """The date a sentence of ``text`` says the review was done on, with its offsets."""
    for said in _REVIEWED_ON.finditer(text):
        found = find_date(text[said.end() : said.end() + 40])
        if found is not None and found[1] == 0:
            return found[0], said.end(), said.end() + found[2]
    return None

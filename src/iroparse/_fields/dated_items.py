"""Records listed by date: whether a list's next line opens a record of its own as the item
before did, with a date of the same shape (``06/05/2024`` under ``06/03/2024``; a redacted
``xx/xx/xx``, a scan's ``04/l7/2008`` or a range's start, ``10/05/15 to 01/22/16``, counts
as its date) or with the words a list by date writes for an unknown one (``n/a``, ``n.d.``,
``undated``, ``no date``)."""

from __future__ import annotations

import regex

__all__ = ["dated_alike", "undated_alike"]

_DIGIT = regex.compile(r"\d")
#: A date, its digits or some of them redacted (``xx/xx/xx``, ``03/xx/2016``) or read by a
#: scan as letters (``04/l7/2008``).
_DATE_LIKE = regex.compile(r"[xX\dlIO]{1,4}(?:/[xX\dlIO]{1,4}){1,2}")
#: What stands for a digit in such a date.
_NOT_DIGITS = str.maketrans("xXlIO", "00000")
#: What a list by date writes for a record's unknown date, at the line's start.
_NO_DATE = regex.compile(r"(?i)(?:n/?a|n\.d\.|undated|no\s+date)(?![\w/])[:,]?")
#: A range's end, and the punctuation after a date (``03/02/2023-03/05/2023``, ``05/23/16:``).
#: A date's shape: ``00/00/0000``, ``00/0000``, ``00/00/00``.
_DATE_SHAPE = regex.compile(r"0{1,4}(?:/0{1,4}){1,2}")
_RANGE_END = regex.compile(r"(?<=\d)[-–]\d.*|[:,;.]+$")


def _shape(word: str) -> str:
    """The shape of a line's first word: its digits (redacted ones too) as ``0``, a
    range's end, a trailing colon and brackets around it left out."""
    word = _RANGE_END.sub("", word.strip("[]()"))  # (a date in brackets: ``[03/30/2021]``)
    if _DATE_LIKE.fullmatch(word) and (_DIGIT.search(word) or "x" in word.lower()):
        word = word.translate(_NOT_DIGITS)
    return _DIGIT.sub("0", word)


def dated_alike(text: str, item: str) -> bool:
    """Both start with a number of the same shape: a date (``06/05/2024`` under
    ``06/03/2024``) opens each item of a list written by date; or ``text`` starts with a
    date under an item of unknown date."""
    first, opening = text.split(None, 1)[:1], item.split(None, 1)[:1]
    if not (first and opening):
        return False
    shape, before = _shape(first[0]), _shape(opening[0])
    # (any two dates are alike: ``01/2019`` under ``04/16/2019``; under a record of unknown
    # date, any date opens the next: ``no date ...`` / ``10/05``)
    return "0" in shape and (
        shape == before
        or (_DATE_SHAPE.fullmatch(shape) is not None and _DATE_SHAPE.fullmatch(before) is not None)
        or _NO_DATE.match(item) is not None
    )


def undated_alike(text: str, item: str) -> bool:
    """``text`` opens with ``n/a``, ``n.d.``, ``undated`` or ``no date`` (a list by date's
    unknown date) under an item opening with a date or such words: a record of its own."""
    opening = item.split(None, 1)[:1]
    return (
        _NO_DATE.match(text) is not None
        and bool(opening)
        and ("0" in _shape(opening[0]) or _NO_DATE.match(item) is not None)
    )

"""Records listed by date: whether a list's next line opens a record of its own as the item
before did, with a date of the same shape (``06/05/2024`` under ``06/03/2024``) or with the
words a list by date writes for an unknown one (``n/a``, ``n.d.``, ``undated``)."""

from __future__ import annotations

import regex

__all__ = ["dated_alike", "undated_alike"]

_DIGIT = regex.compile(r"\d")


def dated_alike(text: str, item: str) -> bool:
    """Both start with a number of the same shape: a date (``06/05/2024`` under
    ``06/03/2024``) opens each item of a list written by date."""
    first, opening = text.split(None, 1)[:1], item.split(None, 1)[:1]
    # (a range's end left out: ``03/02/2023-03/05/2023`` opens as ``03/05/2023`` does)
    return (
        bool(first and opening)
        and _DIGIT.search(first[0]) is not None
        and _DIGIT.sub("0", _RANGE_END.sub("", first[0]))
        == _DIGIT.sub("0", _RANGE_END.sub("", opening[0]))
    )


def undated_alike(text: str, item: str) -> bool:
    """``text`` opens with ``n/a`` or ``n.d.`` (a list by date's unknown date) under an item
    opening with a date or such words: a record of its own."""
    first, opening = text.split(None, 1)[:1], item.split(None, 1)[:1]
    return bool(first and opening and _NO_DATE.fullmatch(first[0])) and bool(
        _DIGIT.search(opening[0]) or _NO_DATE.fullmatch(opening[0])
    )


#: What a list by date writes for a record's unknown date.
_NO_DATE = regex.compile(r"(?i)n/?a|n\.d\.|undated")
_RANGE_END = regex.compile(r"(?<=\d)[-–]\d.*")

"""Where a list's line starts an item of its own, or goes on with the one above, by what the
two lines are: rows of one table (their cells in the same columns), labelled items
(``Specialty:    ...`` / ``Board certification:    ...``), a specialty's name the wrapper
cut (``... American Board of Orthopaedic`` / ``Surgery``). Read by
:mod:`iroparse._fields.lists`."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse._fields.specialties import DEFAULT_SPECIALTIES
from iroparse._pipeline.label_rows import CELL, TABLE_ROW_CELLS
from iroparse.catalogue import DASHES

__all__ = [
    "CODE_LINE",
    "LABELLED",
    "WRAPPED_SHARE",
    "capitalized",
    "cut_sentence",
    "date_left_open",
    "ends_with_specialty",
    "last_word",
    "lone_number",
    "no_room",
    "numbers_inline",
    "opening",
    "range_end_wrapped",
    "rows_alike",
    "running_text",
    "sentence_goes_on",
    "specialty_across",
    "wrapped_at",
]


def rows_alike(above: str, line: str, went_on: bool = False) -> bool:
    """Whether two lines are rows of one table: three cells or more each, starting in the same
    columns (``Request for ...    07/16/2018    Enrollee`` / ``Adverse ...    05/29/2018
    Health plan``); ``went_on``: the lines below ``above`` went on with its open cells
    already, so those no longer keep ``line`` in its row."""
    if "  " not in above or "  " not in line or not (line[:1].isupper() or line[:1].isdigit()):
        return False  # (a cell's words wrapped go on in lower case: ``follow-up notes``)
    cells = [[(m.start(), m.group()) for m in CELL.finditer(text)] for text in (above, line)]
    return (
        len(cells[0]) >= TABLE_ROW_CELLS
        and len(cells[0]) == len(cells[1])
        and all(abs(a[0] - b[0]) <= 1 for a, b in zip(*cells, strict=True))
        # (no cell above left open: ``Otolaryngology consultation and``, ``02/07/2018 -``)
        and (went_on or not any(_OPEN_CELL.search(text) for _, text in cells[0]))
    )


#: A cell that a row's next line goes on with: its last word a joining one, or a comma or a
#: dash after it.
_OPEN_CELL = regex.compile(r"(?i)(?:[,\-–]|\b(?:and|or|of|the|to|for|with|in|on|by))$")


def date_left_open(row: str) -> bool:
    """Whether ``row``'s first cell is a date its next line goes on with (``04/30/2019,``,
    ``01/07/2019 -``, ``06/2020 to``)."""
    first = CELL.match(row.lstrip())
    return first is not None and _OPEN_DATE.fullmatch(first.group()) is not None


#: A date cell left open: a comma, a dash or a range's word after its date.
_OPEN_DATE = regex.compile(r"[\d/.-]{4,10}\s*(?:[,\-–]|to|through|thru)")


#: A line that opens with a label, its colon and a gap: ``Board certification:     ...``.
LABELLED = regex.compile(r"\p{Lu}[\p{L} ]{1,30}:\s{2,}\S")


def specialty_across(text: str, nxt: str) -> bool:
    """Whether a specialty's name runs from the end of ``text`` onto ``nxt`` (``... American
    Board of Orthopaedic`` / ``Surgery ...``): the wrapper cut the name."""
    words = text.rsplit(None, 1)
    if not words or not words[-1][:1].isupper() or not nxt[:1].isupper():
        return False  # a name's words are capitalised on both sides of the cut
    tail = text[-SPECIALTY_REACH:]
    return any(
        start < len(tail) < stop
        for _, start, stop in DEFAULT_SPECIALTIES.find(f"{tail} {nxt[:SPECIALTY_REACH]}")
    )


#: A specialty's name is looked for this many characters either side of a line's end.
SPECIALTY_REACH = 48


def ends_with_specialty(text: str) -> bool:
    """Whether ``text`` ends with a whole specialty's name (``... in Radiation Oncology``)."""
    end = len(text.rstrip(" .,;"))
    return any(stop == end for _, _, stop in DEFAULT_SPECIALTIES.find(text))


#: A date range's end at a line's start, its dash first (``- 12/2006``) ...
_RANGE_END = regex.compile(r"[-–]\s*(?:\d{1,2}/){1,2}\d{2,4}\b")
#: ... under a line that ends with the range's start.
_ENDS_WITH_DATE = regex.compile(r"\b(?:\d{1,2}/){1,2}\d{2,4}$")
#: The first of a list's numbers: ``(1)``, ``1.``, ``1)``.
_FIRST_NUMBER = regex.compile(r"\(?1[.)]\s+")


def numbers_inline(marker: str, text: str) -> bool:
    """Whether ``text``, an item numbered ``marker`` (the list's first number), goes on to
    number the next ones in its own words, after a semicolon or a comma (``(1) Septoplasty,
    CPT 30520; (2) ...``): one sentence, no list. (Numbers run on without punctuation are a
    list run together, ``(1) TDI notice 10/28/08 (2) Carrier ...``, which the fields split.)"""
    if not _FIRST_NUMBER.fullmatch(marker):
        return False
    second = regex.escape(marker.strip().replace("1", "2"))
    return regex.search(rf"[;,]\s+(?:and\s+)?{second}\s", text) is not None


def range_end_wrapped(above: str, line: str) -> bool:
    """Whether ``line`` opens with a date range's end, its dash first (``- 12/2006``), under
    ``above`` ending with the range's start (``..., 08/2006``): the range wrapped before its
    dash, no item (nor bullet) of its own."""
    return _RANGE_END.match(line) is not None and _ENDS_WITH_DATE.search(above) is not None


#: A procedure code in a code line, with its modifiers and units: ``95886``, ``E0784-NU``,
#: ``(64483 x 2)``.
_LISTED_CODE = (
    rf"\(?(?:\d{{4}}[0-9FTU]|[A-Z]\d{{4}})(?:[{DASHES}](?:[A-Z]{{2}}|\d{{2}}|[A-Z]\d))*"
    r"(?:\s*[x×]\s*\d{1,3}(?:\s*units?)?)?\)?"
)
#: A line that only gives the codes of the item above it: ``- CPT code(s) 95886, 95911``,
#: ``CPT 64483``; never a service of its own (``• 97155 Adaptive behavior treatment ...``).
CODE_LINE = regex.compile(
    rf"(?i)^[{DASHES}•*]?\s*(?:(?:CPT|HCPCS)(?:\s*/\s*HCPCS)?(?:\s*codes?)?|codes?)?"
    r"(?:\s*\(s\))?\s*[:#]?\s*"
    rf"{_LISTED_CODE}(?:\s*(?:[,;/&]|and|or)\s*{_LISTED_CODE})*\s*[.;]?$"
)


#: A word: letters, then letters, digits, apostrophes or hyphens.
_WORD = regex.compile(r"[^\W\d_][\w'’-]*")


def last_word(text: str) -> str:
    """The last word of ``text``, in lower case (empty for a blank text)."""
    return text.rsplit(None, 1)[-1].lower() if text.split() else ""


def capitalized(word: str) -> bool:
    """``Letter``, not ``CT`` nor ``letter``: a capital, then letters in lower case."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def opening(text: str) -> list[str]:
    """The first two words of ``text``, in lower case: how an item opens."""
    return text.lower().split()[:2]


def running_text(text: str) -> bool:
    """Running text: several words, most in lower case."""
    words = _WORD.findall(text)
    return len(words) >= 5 and sum(w[0].islower() for w in words) >= 0.5 * len(words)


def cut_sentence(previous: str) -> bool:
    """A line of running text that stops after a word, not at a sentence's end, a date or a
    number: what the wrapper rules below ask of the line before."""
    return previous[-1:].isalpha() and running_text(previous)


def sentence_goes_on(previous: str, nxt: str) -> bool:
    """A sentence cut after a word that ends on the next line."""
    return nxt.endswith(".") and cut_sentence(previous)


#: The number of a list's numbered marker (``(3)``, ``12.``).
_MARKER_NUMBER = regex.compile(r"\d+")


def lone_number(markers: Sequence[str | None]) -> bool:
    """Whether the one line of a list's text lines that starts like a numbered item (each
    line's list marker, ``(3)``, ``-``, or ``None``) is a sentence's number wrapped to a line's
    start instead (``... with a three`` / ``(3) day inpatient stay``): no other line has a
    bullet or a number, and it is no first number, under a line of text."""
    marked = [k for k, marker in enumerate(markers) if marker is not None]
    if len(marked) != 1 or marked[0] == 0:
        return False
    number = _MARKER_NUMBER.search(markers[marked[0]] or "")
    return number is not None and number.group() != "1"


#: A line at least this share of the letter's width that does not end a sentence was wrapped:
#: the next line goes on with its item (``... certification in Pain`` / ``Medicine and ...``).
WRAPPED_SHARE = 0.85


def no_room(end: int, nxt: str, width: int) -> bool:
    """The first word of ``nxt`` would not have fitted after a line ending at column
    ``end``: the wrapper broke that line there."""
    words = nxt.split(None, 1)
    return end + 1 + len(words[0] if words else "") > width


def wrapped_at(end: int, width: int) -> bool:
    """A line ending at column ``end`` is about as long as the letter's lines (``width``)."""
    return WRAPPED_SHARE * width <= end <= width

"""Extraction noise, continued: an organisation's name standing where a page broke.

A page's header is often only the IRO's name. Where the text extractor marked no page break,
such a line is told by where it stands (:mod:`iroparse._pipeline.noise` holds the rules that
need a page boundary or prose around a line): written word for word more than once, between
two checklist lines in capitals, or without a marker between two marked list items. Each
function takes the parser's :class:`~iroparse._pipeline.furniture.FurnitureTable`, so what
plugins register counts; :class:`~iroparse._pipeline.noise_lines.NoiseFinder` calls them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise

import regex

from iroparse._pipeline.furniture import (
    DEFAULT_FURNITURE,
    FurnitureTable,
    title_like,
)
from iroparse._pipeline.noise import MIN_RUNNING_LINE
from iroparse._pipeline.noise_prose import list_item_start

__all__ = [
    "MAX_REPEATED_LINE",
    "bates_sequences",
    "names_among_capitals",
    "names_between_items",
    "repeated_names",
]

#: A title-like line with furniture words written word for word twice or more is furniture up
#: to this length (a lone one only up to ``MAX_FURNITURE_LINE``): a line that repeats is a
#: page's, whatever its length, and 100 characters keeps prose lines out.
MAX_REPEATED_LINE = 100


def repeated_names(
    lines: Sequence[str], noise: Sequence[str | None], furniture: FurnitureTable = DEFAULT_FURNITURE
) -> set[int]:
    """Indices of a short, title-like line with an organisation's or a title's words (see
    the furniture words) written word for word two times or more, wherever it is: a running
    header whose page breaks the text extractor did not mark. Repeated, such a line may be
    longer than a lone one (:data:`MAX_REPEATED_LINE`): ``Hill Country Utilization
    Consultants – Confidential Peer Review Document`` on every page."""
    stripped = [line.strip() for line in lines]
    counts = Counter(
        s
        for s, kind in zip(stripped, noise, strict=True)
        if kind is None and MIN_RUNNING_LINE <= len(s) <= MAX_REPEATED_LINE
    )
    names = {
        s for s, n in counts.items() if n >= 2 and title_like(s) and furniture.names_furniture(s)
    }
    return {i for i, s in enumerate(stripped) if s in names and noise[i] is None}


#: The longest mark written in a column of its own at a line's end (``Yes``, ``[X]``).
_MAX_MARK_COLUMN = 5
#: What stands between a label and its mark column: blanks or a leader.
_LEADER = " .…_"
_LEADER_CHARS = frozenset(_LEADER)


def _capitals(text: str) -> bool:
    """Written in capitals: every cased letter upper case (and a few characters at least),
    a mark in a column of its own at the end left out (``INTERQUAL CRITERIA        No``,
    ``INTERQUAL CRITERIA ........ No``)."""
    if text.isupper():
        return len(text) >= 3
    head, _, mark = text.rpartition(" ")
    if len(mark) > _MAX_MARK_COLUMN or head[-1:] not in _LEADER_CHARS:
        return False
    label = head.rstrip(_LEADER)
    return len(label) >= 3 and label.isupper()


def names_among_capitals(
    lines: Sequence[str],
    noise: Sequence[str | None],
    furniture: FurnitureTable = DEFAULT_FURNITURE,
    is_mark: Callable[[str], bool] = lambda line: False,
) -> set[int]:
    """Indices of an organisation's name between two lines written in capitals (a
    checklist's items): a page's header where the page broke inside the checklist, even
    without a page number. In mixed case (``Professional Associates``) anywhere there. In
    capitals (``CENTEX IRO``) only where the checklist shows: next to a line carrying a
    checkbox mark (``is_mark``; ``[ ] ACOEM ... UM`` / ``CENTEX IRO`` / ``KNOWLEDGEBASE``),
    or inside an item's parenthesis, which the line before opens and the line after closes
    (``... (PROVIDE A`` / ``CENTEX IRO`` / ``DESCRIPTION)``). Elsewhere a name in capitals
    may be a list's own words (``HOME HEALTH SERVICES``), and a line with a gap in it an
    unmarked item with words of another column beside it (``INTERQUAL   CONFIDENTIAL``)."""
    stripped = [line.strip() for line in lines]
    content = [i for i, s in enumerate(stripped) if s and noise[i] is None]
    found: set[int] = set()
    for k in range(1, len(content) - 1):
        i = content[k]
        text, before, after = stripped[i], stripped[content[k - 1]], stripped[content[k + 1]]
        if not furniture.furniture_line(text) or not (_capitals(before) and _capitals(after)):
            continue
        # in capitals: one run of words (an item has a gap before its mark), in a checklist
        name_in_checklist = "  " not in text and (
            (_parenthesis_open(before) and _closes_parenthesis(after))
            or ((is_mark(before) or is_mark(after)) and not is_mark(text))
        )
        if not _capitals(text) or name_in_checklist:
            found.add(i)
    return found


def _parenthesis_open(text: str) -> bool:
    """``text`` leaves a parenthesis open."""
    return text.count("(") > text.count(")")


def _closes_parenthesis(text: str) -> bool:
    """``text`` closes a parenthesis opened before it (``DESCRIPTION)``)."""
    close = text.find(")")
    return close >= 0 and "(" not in text[:close]


def names_between_items(
    lines: Sequence[str], noise: Sequence[str | None], furniture: FurnitureTable = DEFAULT_FURNITURE
) -> set[int]:
    """Indices of an organisation's name or a running title (a furniture line) between two
    list items: a page's header where the page broke inside a list, even without a page
    number. Between items that have a marker, the name has none (``§ Pharmacy records`` /
    ``Independent Resolutions Inc.`` / ``§ Peer review report ...``); between plain items,
    written one per line, the name stands out in capitals (``Operative report dated ...`` /
    ``CENTEX IRO`` / ``Request for review ...``), with no blank line on either side and no
    comma or colon before it (``Sincerely,`` / ``CENTEX IRO`` signs a letter)."""
    stripped = [line.strip() for line in lines]
    content = [i for i, s in enumerate(stripped) if s and noise[i] is None]
    item = [list_item_start(stripped[i]) for i in content]
    found: set[int] = set()
    for k in range(1, len(content) - 1):
        i = content[k]
        text, before, after = stripped[i], stripped[content[k - 1]], stripped[content[k + 1]]
        if item[k] or not furniture.furniture_line(text):
            continue
        if (item[k - 1] and item[k + 1]) or (
            content[k - 1] == i - 1
            and content[k + 1] == i + 1
            and _capitals(text)
            and _plain_item(before)
            and _plain_item(after)
            and before[-1] not in ",:"
        ):
            found.add(i)
    return found


def _plain_item(text: str) -> bool:
    """A list item written without a marker, in mixed case: it starts with a capital and has
    letters in lower case."""
    return text[:1].isupper() and any(c.islower() for c in text)


#: A logo's word is short: an IRO's initials (``dmr``, ``SMR``).
MAX_LOGO_WORD = 6
_FIRST_CELL = regex.compile(r"\s*(\S+)\s*[|•·]")


def logo_words(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of a logo's word alone on a line (``dmr``) when the letter's running header
    opens with it (``dmr | IRO Notice | DM-11-0386``): the header's own name, not text."""
    names = {
        m.group(1)
        for line, kind in zip(lines, noise, strict=True)
        if kind == "running-header" and (m := _FIRST_CELL.match(line)) is not None
    }
    if not names:
        return set()
    return {
        i
        for i, line in enumerate(lines)
        if noise[i] is None and len(line.strip()) <= MAX_LOGO_WORD and line.strip() in names
    }


#: A Bates number's shape: a reference in capitals and a zero-padded number after its last
#: dash (``LSR-14-0817-0001``, ``BX-10-2236-004``, ``TDI 2018-11873-0001``); a case number
#: can have the same shape, so the sequence decides (:func:`bates_sequences`); or the number
#: alone (``000341``).
_BATES = regex.compile(r"(\p{Lu}{2,}[\w -]*?-)?(0\d{2,7})")


def bates_sequences(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of lines that are one reference with a zero-padded number rising from one to
    the next, twice or more: a Bates number stamped on each page where the text extractor
    marked no page break. A case number written twice keeps its number, and stays."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        found = _BATES.fullmatch(line.strip()) if noise[i] is None else None
        if found is not None:
            seen.setdefault(found.group(1) or "", []).append((i, int(found.group(2))))
    return {
        i
        for hits in seen.values()
        if len(hits) >= 2 and all(a[1] < b[1] for a, b in pairwise(hits))
        for i, _ in hits
    }

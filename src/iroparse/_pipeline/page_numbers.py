"""Stage 2: the lines that number a letter's pages, and how many pages they count.

A page's number alone (``2``, ``- 2 -``), a footer that counts the pages (``... Page 1 of 3``,
``Page 1 of 2      Erath Review Group``) or frames the page in dashes (``- 1 -      CHR22-0307
/ Claimant xxxxx``), and a repeated footer whose number counts up from copy to copy: the page
boundaries the rules of :mod:`iroparse._pipeline.noise` measure from.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex

from iroparse.catalogue import DASHES

__all__ = [
    "MIN_PAGE_LINES",
    "PAGE_AMONG_CELLS",
    "RUNNING_PAGE",
    "counting_pages",
    "numbers_page",
    "pages_numbered",
]

#: A running line's own page number at its end, past a wide gap or after its name (``PBMR
#: 1/2``, ``RRR-IRO Notice v4.2 (01/2024)       1``), or a Bates number's sequence: the line
#: is the same on every page but for it.
RUNNING_PAGE = regex.compile(
    r"(?<=\S(?:\s{3,}|\s(?=\d{1,3}\s*[/|])))\d{1,3}(?:\s*[/|]\s*\d{1,3})?$"
    # a page counted without its word, after a separator: ``Quitaque Medical Review  -
    # Confidential  -  3 of 3``, ``TBR-24-0107  |  2``
    r"|(?<=\S\s+[|\-‐‑‒–—−·•]\s+)\d{1,3}(?:\s+(?i:of)\s+\d{1,3})?$"
    # a Bates number's last digits: ``TDI-IRO 2020-004417`` / ``... 2020-004418``
    r"|(?<=\p{Lu}{2,}[\w-]*\s+\d{4}-)\d{4,8}$"
)


#: A page and its count as one cell of a running line, between bullets or bars
#: (``Waller Creek Independent Review  ·  WCR-20-0908-033  ·  page 2 of 3  ·  Form IRD-2``):
#: the line is the same on every page but for it.
PAGE_AMONG_CELLS = regex.compile(
    r"(?i)(?<=\s[·•|]\s+)page\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?(?=\s+[·•|]\s)"
)


#: A footer's count of pages, at the line's end or past a gap or a bar (``... Page 1 of 3``,
#: ``Page 1 of 2      Erath Review Group — Confidential``).
_PAGE_COUNT = regex.compile(r"(?i)\bpage\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}(?:\s*$|\s{2,}|\s+[|·•])")


#: A page's number between dashes, a cell of its line (``- 1 -      CHR22-0307 / ...``).
_FRAMED_PAGE = regex.compile(rf"(?:^\s*|(?<=\s\s))[{DASHES}]\s*\d{{1,3}}\s*[{DASHES}](?=\s\s|\s*$)")

#: A page's number in a line that numbers its page: after ``Page``, else the line's first.
_PAGE_NUMBER = regex.compile(r"(?i)\bpage\s*(\d{1,3})")
_FIRST_NUMBER = regex.compile(r"\d{1,3}")


def pages_numbered(lines: Sequence[str], noise: Sequence[str | None]) -> int:
    """How many pages the page numbers count: the distinct numbers of the lines that number
    their page (a page numbered twice, ``1`` at its foot and ``Page 2`` atop the next, is
    one page, not two); a number a scan garbled counts as its line. A letter whose pages
    carry Bates numbers has at least as many pages as those."""
    numbers = set()
    for line, kind in zip(lines, noise, strict=True):
        if numbers_page(line, kind):
            # (``PAGE 02/04`` after a fax's date and time: the page's, not the date's)
            paged = _PAGE_NUMBER.search(line)
            first = _FIRST_NUMBER.search(line) if paged is None else None
            number = paged.group(1) if paged else first.group() if first else line.strip()
            # (``PAGE 02/04`` on a fax's banner and ``Page 2 of 4`` at the foot: one page)
            numbers.add(str(int(number)) if number.isdigit() else number)
    return max(len(numbers), sum(kind == "bates-number" for kind in noise))


def numbers_page(line: str, kind: str | None) -> bool:
    """Whether ``line`` (of noise ``kind``) numbers its page: a page's number, alone or in a
    footer that counts the pages (``Galveston Bay Review · Confidential    Page 1 of 3``) or
    frames it in dashes (``- 1 -      CHR22-0307 / Claimant xxxxx``)."""
    return kind == "page-number" or bool(
        kind and (_PAGE_COUNT.search(line) or _FRAMED_PAGE.search(line))
    )


#: A page has at least this many lines: copies of a footer stand so far apart.
MIN_PAGE_LINES = 15


def counting_pages(lines: Sequence[str], read: Sequence[str], repeated: set[str]) -> set[int]:
    """Indices of the copies of a repeated line whose page number (``#`` in ``read``) counts
    up from copy to copy (``Sisterdale Independent Review | SIR-0610-044 | 1``, ``... | 2``):
    a footer that numbers its pages, wherever the pages break. The copies stand a page apart
    at least (:data:`MIN_PAGE_LINES`): rows of a table with a count column do not."""
    numbers: dict[str, list[tuple[int, str]]] = {}
    for i, text in enumerate(read):
        if text in repeated and text.endswith("#"):
            page = RUNNING_PAGE.search(lines[i].rstrip())
            first = regex.match(r"\d+", page.group()) if page is not None else None
            numbers.setdefault(text, []).append((i, first.group() if first else ""))
    found: set[int] = set()
    for copies in numbers.values():
        pages = [int(n) if n.isdigit() else -1 for _, n in copies]
        apart = all(j - i >= MIN_PAGE_LINES for (i, _), (j, _) in itertools.pairwise(copies))
        if apart and all(0 < a < b <= a + 2 for a, b in itertools.pairwise(pages)):
            found.update(i for i, _ in copies)
    return found

"""Stage 2: a page's header at a page's top that no repetition at page edges finds: the first
page's copy of the running header, over the letter's title (the later copies stand at page
edges and are found by :func:`iroparse._pipeline.noise.running_lines`), and a header written
once, under the first page's footer, in a letter of two pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from iroparse._pipeline.noise import LETTERHEAD_LINES, MIN_RUNNING_LINE, RUNNING_HEADER

__all__ = ["first_page_copies", "labelled_page_tops", "second_sheet_heads"]


def first_page_copies(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of lines at the letter's top (its first :data:`LETTERHEAD_LINES` non-blank
    lines) that later pages repeat word for word as their running header, each copy found
    (``Patient: [redacted]  |  BPIR Case: BPIR-2022-3318``): the first page's copy of it, over
    the letter's title rather than at a page's edge. Only a line of two labelled values or
    more: a value alone there (the case number under its heading, the letter's date) is the
    letter's own, which the pages' header repeats."""
    stripped = [line.strip() for line in lines]
    running = Counter(s for s, kind in zip(stripped, noise, strict=True) if kind == RUNNING_HEADER)
    content = [i for i, s in enumerate(stripped) if s]
    return {
        i
        for i in content[:LETTERHEAD_LINES]
        if noise[i] is None
        and running[stripped[i]] >= 2
        and len(stripped[i]) >= MIN_RUNNING_LINE
        and stripped[i].count(":") >= 2
    }


#: The furniture that ends a page: a line of it right above a line opens the next page.
PAGE_EDGES = frozenset({"page-number", RUNNING_HEADER, "fax-header", "bates-number"})
#: How many lines from the letter's top give the values a page's header repeats.
TOP_LINES = 40


#: What parts a page header's cells: ``RE: Claimant xxxxxxxx  --  Sarita Case No.
#: SMA-21-03318  --  DOR 03/22/2021``.
_HEADER_CELLS = regex.compile(r"\s{2,}[-‐–—|•·]{1,2}\s{2,}|\s\|\s")
#: A page's header of two cells, parted by a wide gap, with no labels: the house's name, then
#: the case's number with a word or two (``Elmaton Review Partners        File ERP-21-04-118``,
#: ``Pumpville Health Review  -  PHR-2006-4419``).
_NAME_AND_NUMBER = regex.compile(
    r"\p{Lu}[\p{L}&.,' ]{2,60}?(?:[ \t]{3,}|[ \t]{2,}[-–—|•·][ \t]{2,}|[ \t][|•·][ \t])"
    r"(?:\p{L}[\p{L}.#]{0,12}[ \t]){0,2}(?P<value>\S{5,40})"
)


def labelled_page_tops(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of lines right under a page's edge (a page number or a footer, past blank
    lines and a rule) that repeat a value with digits from the letter's top: two labelled
    values or more (``Enrollee: xxxxxxxx      Hueco Tanks Case Number: HTRA-19-0716-24``),
    three cells parted by dashes or bars (``RE: Claimant xxxxxxxx  --  Sarita Case No.
    SMA-21-03318  --  DOR 03/22/2021``) or a name and a number (``Elmaton Review Partners
    File ERP-21-04-118``); or a short line right over a page's number (``Re:  Our File No.
    MHR-98-0041`` / ``Page 2``). The next page's header, written once in a letter of two
    pages, so no repetition tells it."""
    stripped = [line.strip() for line in lines]
    found: set[int] = set()
    for i, text in enumerate(stripped):
        if noise[i] is not None or i < TOP_LINES // 2:
            continue
        # (a short line right over its page's number: ``Re:  Our File No. MHR-98-0041`` /
        # ``Page 2``)
        # (not a sentence's last words, in lower case: ``and new L5-Sl injections.``)
        over_page = (
            i + 1 < len(lines)
            and noise[i + 1] == "page-number"
            and len(text.split()) <= 8
            and not text[:1].islower()
        )
        labelled = text.count(":") >= 2 or len(_HEADER_CELLS.split(text)) >= 3 or over_page
        named = _NAME_AND_NUMBER.fullmatch(text) if not labelled else None
        if not labelled and named is None:
            continue
        above = next(
            (j for j in range(i - 1, max(-1, i - 5), -1) if stripped[j] and noise[j] != "rule"),
            None,
        )
        at_edge = above is not None and noise[above] in PAGE_EDGES
        if not (over_page or at_edge or _cuts_a_sentence(stripped, noise, i)):
            continue
        top = "\n".join(stripped[: min(i, TOP_LINES)])
        values = [named["value"]] if named else text.split()
        # (over a page's number, a case's number: letters with its digits, no record's date
        # nor a spine's level, ``L5-S1``)
        values = [
            v
            for v in values
            if not over_page or (any(c.isalpha() for c in v) and sum(map(str.isdigit, v)) >= 3)
        ]
        if any(len(v) >= 5 and any(c.isdigit() for c in v) and v in top for v in values):
            found.add(i)
    return found


def _cuts_a_sentence(stripped: Sequence[str], noise: Sequence[str | None], i: int) -> bool:
    """Whether line ``i`` stands inside a sentence, blank lines (and rules) around it: the
    text above stops after a word in lower case, the text below goes on in lower case (``...
    in the left`` / / ``LME Case 0917-2231  /  Claimant: ...`` / ``____`` / / ``lateral
    recess ...``): a page's header where no page break is marked."""
    above = next((k for k in range(i - 1, -1, -1) if stripped[k]), None)
    below = next(
        (k for k in range(i + 1, len(stripped)) if stripped[k] and noise[k] != "rule"), None
    )
    return (
        above is not None
        and below is not None
        and above < i - 1
        and stripped[above][-1:].islower()
        and stripped[below][:1].islower()
    )


#: A second sheet's heading holds the page's number, alone or in a running header's line
#: (``TWCC - M2-99-O318-O1      Page 1 of 2`` / ``August 3, l999``).
SHEET_MARKS = frozenset({"page-number", RUNNING_HEADER})
#: A second sheet's heading stacks at most this many lines: the addressee, the date, the page.
SHEET_HEAD_LINES = 4
#: A line of it written in the letter's top as a part of a line is at least this long.
MIN_SHEET_HEAD_PART = 8


#: A label's colon and the blanks around it, and runs of blanks: a sheet's heading writes a
#: label of the top without its colon and its column's gap (``TDI File No.:      98-0412``
#: comes back as ``TDI File No. 98-0412``).
_LABEL_GAP = regex.compile(r"\s*:\s+|\s+")


def _written_in(text: str, top: str) -> bool:
    """Whether ``text`` is a line of ``top`` (lines joined by newlines), or a part of one as
    long as :data:`MIN_SHEET_HEAD_PART` at least, a label's colon and gaps aside."""
    if f"\n{text}\n" in f"\n{top}\n" or (len(text) >= MIN_SHEET_HEAD_PART and text in top):
        return True
    folded = _LABEL_GAP.sub(" ", text)
    tops = (_LABEL_GAP.sub(" ", line) for line in top.split("\n"))
    return len(folded) >= MIN_SHEET_HEAD_PART and any(folded in line for line in tops)


def second_sheet_heads(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of the lines of an older letter's second-sheet heading: a block of a few lines
    set apart by blank lines, one of them the page's number (or a running header), each other
    one furniture already or a line of the letter's top written again, whole or a part of one
    (``Ms. xxxxxxxxx`` / ``April 24, 2000`` / ``Page 2``: the addressee and the date)."""
    stripped = [line.strip() for line in lines]
    found: set[int] = set()
    for i, kind in enumerate(noise):
        if kind not in SHEET_MARKS or i < TOP_LINES // 2:
            continue
        first = i
        while first > 0 and stripped[first - 1] and i - first < SHEET_HEAD_LINES:
            first -= 1
        last = i
        while last + 1 < len(lines) and stripped[last + 1] and last - first < SHEET_HEAD_LINES:
            last += 1
        block = range(first, last + 1)
        apart = (first == 0 or not stripped[first - 1]) and (
            last + 1 == len(lines) or not stripped[last + 1]
        )
        if not apart or len(block) < 2:
            continue
        # (each line written in the letter's top above the block, whole or as a part of one
        # of its lines: ``PBMRO File # 3-0619`` in ``RE:  MDR Tracking # ...  PBMRO File #
        # 3-0619``)
        top = "\n".join(stripped[: min(first, TOP_LINES)])
        if all(noise[j] or _written_in(stripped[j], top) for j in block):
            found.update(j for j in block if noise[j] is None)
    return found

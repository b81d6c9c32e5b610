"""Extraction noise: lines a PDF's text carries that are not part of the letter's content.

Noise is recognised by the tables of :mod:`iroparse._pipeline.furniture` (shapes that are
furniture anywhere; words of an organisation's name or a running title) and by where a line
stands: repeated next to page boundaries, right at a boundary, between lines in capitals, or
cutting a sentence of prose in two. Each function here takes the parser's
:class:`~iroparse._pipeline.furniture.FurnitureTable`, so what plugins register counts. The
tokenizer marks such lines
as noise, the sections leave them out of their text, and a ``noise-removed`` diagnostic
reports each one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

import regex

from iroparse._pipeline.furniture import (
    CONTINUED_WORD,
    DEFAULT_FURNITURE,
    SENTENCE_END,
    FurnitureTable,
    title_like,
)
from iroparse._pipeline.noise_prose import JOINING_WORDS, MIN_PROSE_LINE
from iroparse._pipeline.page_numbers import (
    PAGE_AMONG_CELLS,
    RUNNING_PAGE,
    counting_pages,
    numbers_page,
    pages_numbered,
)
from iroparse.tables.wording import RECORDS_TABLE_COLUMNS

#: A line at page edges this many times is a running line even when one more copy of it
#: stands elsewhere (``Caprock Medical Review`` in the signature block).
RUNNING_ALL_BUT_ONE = 3
#: A repeated line must be at least this long to be taken for a running header or footer.
MIN_RUNNING_LINE = 8
#: How many non-blank lines away from a page boundary a running header or footer may sit.
BOUNDARY_REACH = 2
#: How many furniture lines a search outward from a page boundary steps over (a fax stamp,
#: a page number, a repeated header): a bound, so a letter of page numbers stays linear.
BOUNDARY_SKIPS = 6


#: The noise kind of a table's column header row (``DOCUMENT      DATE``).
COLUMN_HEADER = "column-header"
#: The noise kind of a page's running header or footer.
RUNNING_HEADER = "running-header"
#: A column header row: a few words in capitals, cells parted by wide gaps (``DOCUMENT
#: DATE(S)``, ``SERVICE    CODE    UNITS``).
_HEADER_CELL = r"[\p{Lu}\d()/#&.'-]+(?: [\p{Lu}\d()/#&.'-]+)?"
_HEADER_ROW = regex.compile(rf"{_HEADER_CELL}(?:\s{{2,}}{_HEADER_CELL}){{0,5}}")


#: A records table's column heading (see :data:`RECORDS_TABLE_COLUMNS`).
_RECORDS_COLUMN = regex.compile(rf"(?i)(?:{RECORDS_TABLE_COLUMNS})")
_CELL_GAP = regex.compile(r"\s{2,}|\t")


def table_headers(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of a table's column header rows: words in capitals right above the rule that
    underlines the table's columns (``DOCUMENT      DATE`` / ``--------   ----``), or a row of
    a records table's column headings anywhere (``Document      Date``); the rows below are
    the table's content, the header is not."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        header = line.strip()
        if not header or noise[i] is not None:
            continue
        # a table's columns underlined one by one (``-----   ----``), not a heading's one rule
        # nor its words underlined one by one (``REVIEW OUTCOME`` / ``______ _______``)
        underlined = (
            i + 1 < len(lines)
            and noise[i + 1] == "rule"
            and len(_CELL_GAP.split(lines[i + 1].strip())) > 1
        )
        if underlined and _HEADER_ROW.fullmatch(header):
            found.add(i)
            continue
        cells = _CELL_GAP.split(header) if "  " in header or "\t" in header else ()
        if len(cells) >= 2 and all(_RECORDS_COLUMN.fullmatch(c) for c in cells):
            found.add(i)
    return found


#: Noise stamped once on each page, at its edge, as a page number is.
_PAGE_STAMPS = frozenset({"bates-number", "fax-header"})


def running_lines(
    lines: Sequence[str], page_breaks: frozenset[int], noise: Sequence[str | None]
) -> set[int]:
    """Indices of lines that repeat next to page boundaries: running headers and footers.

    Page boundaries are the document's start and end, form feeds (``page_breaks``) and lines
    already known as page numbers. A line counts when its text occurs at least twice, each time
    with nothing but page furniture (page numbers, other repeated lines; at most
    :data:`BOUNDARY_REACH` + :data:`BOUNDARY_SKIPS` lines) between it and a boundary: a heading's
    last line that recurs near page numbers (``DECISION:``) is content, not a running header.
    """
    stripped = [line.strip() for line in lines]
    long_enough = [len(s) >= MIN_RUNNING_LINE for s in stripped]
    # only a line ending in a digit can end in a page number (a test ten times cheaper)
    stripped = [RUNNING_PAGE.sub("#", s) if s[-1:].isdigit() else s for s in stripped]
    # (or counted among its cells: ``Waller Creek ...  ·  page 2 of 3  ·  Form IRD-2``)
    stripped = [PAGE_AMONG_CELLS.sub("page #", s) if "age" in s else s for s in stripped]
    counts = Counter(s for s, long in zip(stripped, long_enough, strict=True) if long)
    repeated = {s for s, n in counts.items() if n >= 2}
    if not repeated:
        return set()
    content = [i for i, s in enumerate(stripped) if s]
    boundaries: list[float] = [-1.0, float(len(content))]
    breaks = sorted(page_breaks)
    next_break = 0
    cuts: set[int] = set()
    # a footer that counts the pages (``Packsaddle Independent Review, Inc.     Pg 1/2``)
    found = counting_pages(lines, stripped, repeated)
    for position, i in enumerate(content):
        # (a Bates number is stamped once on each page, as a page number is; a fax machine's
        # banner heads each page it sent)
        if numbers_page(lines[i], noise[i]) or noise[i] in _PAGE_STAMPS or i in found:
            boundaries.append(float(position))
        while next_break < len(breaks) and breaks[next_break] <= i:
            boundaries.append(position - 0.5)
            cuts.add(position)
            next_break += 1
    boundaries.sort()
    by_text: dict[str, list[int]] = {}
    cutting: dict[str, list[int]] = {}  # copies elsewhere, each cutting a sentence in two
    for position, i in enumerate(content):
        if stripped[i] in repeated:
            # the lines between may be the header's other lines (a page number, a name,
            # a case number above a date): furniture, stepped over as boundary_lines does
            lo = bisect_left(boundaries, position - BOUNDARY_REACH - BOUNDARY_SKIPS)
            hi = bisect_right(boundaries, position + BOUNDARY_REACH + BOUNDARY_SKIPS)
            near = any(
                _at_edge(position, b, content, stripped, noise, repeated) for b in boundaries[lo:hi]
            )
            if near:
                by_text.setdefault(stripped[i], []).append(i)
            elif _cuts_sentence(position, content, stripped, noise):
                cutting.setdefault(stripped[i], []).append(i)
    # A running line is on (nearly) every page; a line that recurs on two pages of five is
    # content that happens to repeat.
    pages = max(len(cuts) + 1, pages_numbered(lines, noise))
    needed = max(2, pages - 1)
    for text, hits in by_text.items():
        # every copy at a page's edge or cutting a sentence where a page broke without a
        # footer; or, on three pages and more, all but one (the letterhead or the signature
        # that the running line repeats: it stays)
        hits = hits + cutting.get(text, [])
        if (
            len(hits) >= needed
            and len(hits) >= min(counts[text], RUNNING_ALL_BUT_ONE)
            and (len(hits) >= counts[text] - 1)
        ):
            found.update(hits)
    # no page's edge known (no form feed, no page number): a line that cuts a sentence in two
    # and recurs set apart by blank lines elsewhere is a running header all the same
    for text, hits in cutting.items():
        if text in by_text:
            continue
        others = [i for i in content if stripped[i] == text and i not in hits]
        if others and all(_set_apart(lines, i) for i in others):
            found.update(hits + others)
    return found


def _set_apart(lines: Sequence[str], i: int) -> bool:
    """Whether line ``i`` has a blank line (or the text's edge) above and below it."""
    return all(not (0 <= j < len(lines)) or not lines[j].strip() for j in (i - 1, i + 1))


def _cuts_sentence(
    position: int, content: Sequence[int], stripped: Sequence[str], noise: Sequence[str | None]
) -> bool:
    """Whether the line at content ``position`` stands inside a sentence of prose: the text
    line before it (past noise) is prose that does not end its sentence, the one after goes
    on in lower case."""
    before = next(
        (stripped[content[k]] for k in range(position - 1, -1, -1) if noise[content[k]] is None),
        "",
    )
    after = next(
        (
            stripped[content[k]]
            for k in range(position + 1, len(content))
            if noise[content[k]] is None
        ),
        "",
    )
    return len(before) >= MIN_PROSE_LINE and before[-1] not in SENTENCE_END and after[:1].islower()


def _at_edge(
    position: int,
    boundary: float,
    content: Sequence[int],
    stripped: Sequence[str],
    noise: Sequence[str | None],
    repeated: set[str],
) -> bool:
    """True when only furniture lies between content ``position`` and ``boundary``."""
    low, high = sorted((float(position), boundary))
    return all(
        noise[content[k]] is not None or stripped[content[k]] in repeated
        for k in range(int(low) + 1, int(high) + (0 if high == int(high) else 1))
        if k != position
    )


#: The letterhead: this many non-blank lines at the top of the letter.
LETTERHEAD_LINES = 8
#: A line repeating the letterhead is furniture only this far down (non-blank lines).
LETTERHEAD_REACH = 15


def letterhead_repeats(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of lines further down that repeat a line of the letterhead word for word (the
    organisation's name as a page 2 header): a page header written once cannot be found by
    repetition at page boundaries, but it copies the first page's top."""
    stripped = [line.strip() for line in lines]
    content = [i for i, s in enumerate(stripped) if s]
    head = {
        stripped[i]
        for i in content[:LETTERHEAD_LINES]
        if len(stripped[i]) >= MIN_RUNNING_LINE and title_like(stripped[i])
    }
    return {i for i in content[LETTERHEAD_REACH:] if noise[i] is None and stripped[i] in head}


#: A line drawn with one character of underscores, dashes or equals signs; underscores may
#: break where the words above them do (``___ _____ __ ___``: a scan of each word underlined).
_UNDERLINE = regex.compile(r"_+(?: _+)*|-{3,}|={3,}")


def underlines(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of short rules right under a line with words and as long as it, give or take
    one (``RATIONALE`` / ``_________``): a heading's underline, which a checkbox drawn with
    underscores cannot be (it stands before a label, not under one)."""
    found: set[int] = set()
    for i in range(1, len(lines)):
        text = lines[i].strip()
        if noise[i] is None and _UNDERLINE.fullmatch(text):
            above = lines[i - 1].strip()
            # (a broken underline follows its words, not their length: a scan's gaps vary, and
            # a heading wrapped over two lines is underlined as one)
            broken = text.count(" ") >= 2
            if (
                len(text) >= 3
                and any(c.isalpha() for c in above)
                and (abs(len(above) - len(text)) <= 1 or broken)
            ):
                found.add(i)
    return found


#: A line that is a date and nothing else: ``March 3, 2011``, ``03/03/2011``, ``Mar/03/2011``,
#: ``December 11,1997``.
DATE_LINE = regex.compile(
    r"(?i)(?:[a-z]{3,9}\.?\s+\d{1,2}(?:,?\s+|,)\d{4}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[a-z]{3}/\d{1,2}/\d{4})"
)


def _date_goes_on(
    stripped: Sequence[str],
    content: Sequence[int],
    k: int,
    noise: Sequence[str | None],
    found: set[int],
) -> bool:
    """Whether the date on line ``content[k]`` ends an item wrapped over a page break
    (``... through`` / ``Page 2 of 2`` / ``07/08/2007``): the furniture ends at it (the line
    after it is content) and the content line before the furniture ends with a word of a
    date range. Only the range's words: a heading wrapped over the break ends with ``AND``
    or ``TO`` above the running header's own date; and a date with furniture after it is
    the header's (``March 3, 2011`` / ``Page 2 of 2``)."""
    after = content[k + 1] if k + 1 < len(content) else None
    if after is None or noise[after] is not None or after in found:
        return False
    prior = next(
        (stripped[i] for i in reversed(content[:k]) if noise[i] is None and i not in found), ""
    )
    return bool(prior) and prior.rsplit(None, 1)[-1].lower() in _DATE_RANGE


def boundary_lines(
    lines: Sequence[str],
    page_breaks: frozenset[int],
    noise: Sequence[str | None],
    furniture: FurnitureTable = DEFAULT_FURNITURE,
) -> set[int]:
    """Indices of short, title-like lines with an organisation's or a title's words (see
    the furniture words) right next to a page boundary (a page-number line or a form
    feed), with only furniture between: a running header or footer that occurs once."""
    stripped = [line.strip() for line in lines]
    content = [i for i, s in enumerate(stripped) if s]
    found: set[int] = set()
    for k, i in enumerate(content):
        at_break = i in page_breaks
        numbered = numbers_page(lines[i], noise[i])
        if not numbered and not at_break:
            continue
        for step in (-1, 1):
            j = k + step if numbered or step == -1 else k
            reach, skips = BOUNDARY_REACH, BOUNDARY_SKIPS
            while 0 <= j < len(content) and skips:
                line = content[j]
                text = stripped[line]
                if noise[line] is not None or line in found:
                    j += step
                    skips -= 1
                    continue
                beyond = content[j + step] if 0 <= j + step < len(content) else None
                # a running header's date: next to the header's other lines, and not the end
                # of a sentence or list item wrapped onto its own line (``... through`` /
                # ``11/24/2009``)
                above = stripped[content[j - 1]].rsplit(None, 1)[-1].lower() if j else ""
                dated = (
                    (
                        DATE_LINE.fullmatch(text) is not None
                        and above not in _GOES_ON
                        # (not the letter's own date at its top, under a fax banner's page count:
                        # no text of the letter above it)
                        and any(noise[c] is None and c not in found for c in content[:j])
                        and not _date_goes_on(stripped, content, j, noise, found)
                    )
                    and (
                        reach < BOUNDARY_REACH
                        or (
                            beyond is not None
                            and (
                                noise[beyond] is not None
                                or beyond in found
                                or furniture.furniture_line(stripped[beyond])
                            )
                        )
                    )
                )
                # (or the case's reference alone: ``PC08-1142`` / ``Page 2``)
                named = furniture.furniture_line(text) or (
                    not dated and _REFERENCE.fullmatch(text) is not None
                )
                if not dated and (not reach or not named):
                    break
                found.add(line)
                if not reach:
                    break  # a date after the header's last line ends it
                reach -= 0 if dated else 1
                j += step
    return found


#: A case's reference alone on its line: one word of capitals and digits, a dash or a slash
#: in it (``PC08-1142``, ``M5-03-2291-01``), perhaps after ``Ref.`` (``Ref. BRS-26-0113/01``);
#: a capital letter in it, so never a date (``07/2011``, an item's date on its own line).
_REFERENCE = regex.compile(
    r"(?:(?i:ref(?:erence)?|file|doc(?:ument)?)\.?:?\s+)?(?=\S*\d)(?=\S*[A-Z])(?=\S*[-/])"
    r"[A-Z0-9][A-Z0-9/-]{4,24}"
)

#: Words after which a date on the next line goes on the same sentence (``... from`` /
#: ``03/01/2010``): the joining words and a date range's.
_GOES_ON = JOINING_WORDS | {"through", "thru", "until", "till", "dated", "since", "between"}
#: Words after which a date goes on the same item even past a page's furniture.
_DATE_RANGE = frozenset({"through", "thru", "until", "till", "dated", "since", "between", "from"})


#: The noise kind of a page's note that the text goes on (a table entry of
#: :mod:`iroparse._pipeline.furniture`).
CONTINUED = "continued"
_CONTINUED_MARK = regex.compile(rf"\s*\(\s*{CONTINUED_WORD}\s*\)\s*:?\s*$")


def continued_heading_lines(
    lines: Sequence[str], noise: Sequence[str | None], is_heading: Callable[[str], bool]
) -> set[int]:
    """Indices of the first lines of a heading repeated on a new page to say its section goes
    on, wrapped so that only its last line says ``(continued)``: the lines right above such
    a line (no blank between, at most two) that with it, the note left out, are a heading
    (``is_heading``)."""
    found: set[int] = set()
    for i, kind in enumerate(noise):
        if kind != CONTINUED:
            continue
        words = _CONTINUED_MARK.sub("", lines[i]).strip()
        above: list[int] = []
        for j in range(i - 1, max(-1, i - 3), -1):
            if not lines[j].strip() or noise[j] is not None:
                break
            above.insert(0, j)
            if is_heading(" ".join([*(lines[k].strip() for k in above), words])):
                found.update(above)
                break
    return found

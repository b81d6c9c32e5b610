"""A few words of another column on one line of the letter: a stamp, a footer or a page
number that shares its baseline with a line of the letter (``PARAMETERS   X            ARX``,
``INFORMATION PROVIDED ...      RECEIVED JUL 0 7 2009``), and a stamp's other lines right
of the text. :func:`other_column_cuts` finds where they start; the sidebar stage
(:func:`iroparse._pipeline.sidebar.column_cuts`) reports them with the sidebars it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from iroparse._pipeline.furniture import (
    MAX_FURNITURE_LINE,
    SENTENCE_END,
    FurnitureTable,
    cell_starts_at,
    title_like,
)
from iroparse._pipeline.noise_prose import list_item_start
from iroparse.catalogue import MONTH_HEADS

__all__ = ["OTHER_COLUMN", "other_column_cuts"]

#: The kind given to a few words far right of a checklist item, in another column.
OTHER_COLUMN = "other-column"
#: Such words stand after at least this many blanks, and are at most this long.
OTHER_COLUMN_GAP = 10
OTHER_COLUMN_TEXT = 24
_LAST_GAP = regex.compile(rf"\s{{{OTHER_COLUMN_GAP},}}(?=\S[^\t]*$)")
#: A wide gap, as a string.
_WIDE = " " * OTHER_COLUMN_GAP
#: The line's last gap of three blanks or more, past its other cells.
_FINAL_NARROW_GAP = regex.compile(r"(?<=\S)\s{3,}(?=\S(?:(?!\s{3})[^\t])*$)")
#: The last gap of three blanks or more: before a stamp, whose shape tells it.
_NARROW_GAP = regex.compile(r"(?<=\S)\s{3,}(?=\S[^\t]*$)")
#: A stamp's lines are centred on one column, or start at one, within this many columns.
CENTRED = 3


def other_column_cuts(
    lines: Sequence[str], is_mark: Callable[[str], bool], furniture: FurnitureTable
) -> dict[int, int]:
    """Where a few words of another column share a line of the letter: line index -> the
    offset they start at. They stand right of a wide gap, are short and are no checkbox mark
    (``is_mark``: in a layout that puts its marks far right, the mark is the line's last
    word and stays); and either the line left of the gap carries a mark (a checklist item),
    or they are a page number and the line left of them is no page furniture itself, a name
    or a short title (then the whole line is a running header, and goes as one)."""
    cuts: dict[int, int] = {}
    beside_pages: dict[str, list[int]] = {}  # the text left of each page number cut off
    for i, line in enumerate(lines):
        tabbed = "\t" in line  # (substring tests first: most lines have no such gap)
        gap = _LAST_GAP.search(line) if tabbed or _WIDE in line else None
        if gap is None:
            # a stamp's shape needs no wide gap: ``... primary care   SEP 0 3 2014``
            narrow = _NARROW_GAP.search(line) if tabbed or "   " in line.strip() else None
            right = line[narrow.end() :].strip() if narrow is not None else ""
            # (or a scan's speck: ``... from fixation that     .``)
            if narrow is not None and (
                _stamp_beside(right, furniture) or furniture.noise_kind(right) == "stray-mark"
            ):
                cuts[i] = narrow.end()
                continue
            # (or past the line's last gap, a speck or initials: ``[ X ]    Overturned
            # (Disagree)      ~JK``)
            last = _FINAL_NARROW_GAP.search(line) if narrow is not None else None
            if (
                last is not None
                and furniture.noise_kind(line[last.end() :].strip()) == "stray-mark"
            ):
                cuts[i] = last.end()
                continue
            # (or past a table row's cells: ``... Carrier URA       ELECTRONIC COPY``)
            past = _stamp_past_cells(line, narrow.end(), furniture) if narrow is not None else None
            if past is not None:
                cuts[i] = past
            continue
        past = _stamp_past_cells(line, gap.end(), furniture)
        if past is not None:
            cuts[i] = past  # a stamp beside a table's row: ``... denial      RECEIVED``
            continue
        right, left = line[gap.end() :].strip(), line[: gap.start()].strip()
        last = _FINAL_NARROW_GAP.search(line, gap.start())
        if last is not None and furniture.noise_kind(line[last.end() :].strip()) == "stray-mark":
            cuts[i] = last.end()  # initials after a far-right mark: ``... (Agree)     X    ~JK``
            continue
        if _footer_beside_text(line, left, right, furniture):
            # ``Patient Clinical History Summary      Westridge IRO - ... - Page 1``
            cuts[i] = gap.end()
            beside_pages.setdefault(left, []).append(i)
            continue
        if len(right) > OTHER_COLUMN_TEXT or is_mark(right) or not left:
            continue
        if (
            # (a mark alone left of the gap is its label's box: ``X        Upheld (Agree)``)
            (is_mark(left) and len(left) > MAX_MARK_ALONE)
            # (a label's value is no Bates number however it looks: ``IRO CASE NO.:
            # GMR081104``)
            or (_stamp_beside(right, furniture) and not _labels_a_value(left, right, furniture))
            or (
                furniture.noise_kind(right) == "page-number"
                and furniture.noise_kind(left) is None
                # a fax machine's banner ends with its page (``Jul 14 2021 02:32PM  CTX REVIEW
                # PARTNERS  5125550193    p.1``, digits misread or not), as a footer with its
                # own date does (``Printed on 06/11/2018 at 3:47 PM      Page 1 of 3``): the
                # whole line goes as one
                and not furniture.fax_banner(line.strip())
                and not (
                    any(c.isdigit() for c in left)
                    and furniture.noise_kind(line.strip())
                    # (a list's bulleted item is no footer's: ``•  Prescription ... dated
                    # 03/08/2010      Page 1 of 3``)
                    and not list_item_start(left)
                )
                and not furniture.furniture_line(left)
                and not _title_beside_page_number(left)
                and not _in_a_column(lines, i, gap.end())
            )
        ):
            cuts[i] = gap.end()
            if furniture.noise_kind(right) == "page-number" and furniture.noise_kind(line.strip()):
                beside_pages.setdefault(left, []).append(i)
    # the same words beside the page number (or a footer naming its page) on two pages are
    # the footer's own first half (``BBMR Notice of Decision        Page 2 of 3``, ``Jermyn
    # Medical Evaluations      JME-0706-119      page 1``): the whole line goes as one
    for found in beside_pages.values():
        for i in found if len(found) > 1 else ():
            del cuts[i]
    # a stamp's lines found lead to its further ones (``RECEIVED`` / ``FEB 1 4 2019`` /
    # / ``DWC / MDR``), a stamp's few lines at most; so does a stamp alone on its line far
    # right (``RECEIVED`` over ``... This    FEB 07 2008``), no cut of its own
    standing = {
        i: len(line) - len(line.lstrip())
        for i, line in enumerate(lines)
        if len(line) - len(line.lstrip()) >= STAMP_INDENT
        and furniture.noise_kind(line.strip()) == "stamp"
    }
    for _ in range(STAMP_LINES):
        more = _rest_of_stamps(lines, cuts, is_mark, furniture, standing)
        if not more.keys() - cuts.keys():
            break
        cuts |= more
    return cuts


#: A running header or footer's page at its end: ``... Notice of Decision - Page 1``.
_PAGE_AT_END = regex.compile(r"(?i)\b(?:page|pg\.?)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$")


#: A date or a time of day (``12/ 4/08``, ``3:17PM``).
_DATE_OR_TIME = regex.compile(r"\d{1,2}:\d{2}|\b[\dlO]{1,2}/\s?\d{1,2}/\d{2}")


def _footer_beside_text(line: str, left: str, right: str, furniture: FurnitureTable) -> bool:
    """Whether ``right``, past a wide gap, is a whole running footer that names its page
    (``Westridge IRO - Notice of Decision - Page 1``), printed on the baseline of a line of
    the letter's text ``left`` (no furniture itself, nor the whole ``line``): the footer
    goes, the text stays."""
    # (the cheap tests first: every line with a wide gap is asked)
    return (
        bool(left)
        and len(right) > OTHER_COLUMN_TEXT
        and _PAGE_AT_END.search(right) is not None
        # (a fax machine's banner starts with its date and time: ``Received: l2/ 4/08
        # 3:17PM;    713 555 0134 -> TDI-HWCN;    Page 4``)
        and _DATE_OR_TIME.search(left) is None
        and furniture.noise_kind(right) == "running-header"
        and furniture.noise_kind(left) is None
        and not furniture.furniture_line(left)
        and not furniture.fax_banner(line.strip())
    )


#: A stamp alone on its line stands at least this far right (a page's right half).
STAMP_INDENT = 40
#: A mark alone on its line's left is at most this long (``X``, ``[X]``, ``( X )``).
MAX_MARK_ALONE = 5
#: A stamp's other lines (``CLAIMS DEPT.``, ``DWC-MDR`` under ``RECEIVED`` / ``JUN 0 3 2014``)
#: are at most this long (``MEDICAL DISPUTE RESOLUTION``), and within this many lines of a
#: line cut for the stamp.
STAMP_WORDS = 32
STAMP_REACH = 2
#: A stamp has at most this many lines beyond those of a stamp's own shape (``RECEIVED`` /
#: ``JAN 20 2026`` / ``CROSSTEX CASUALTY CO.`` / ``WC CLAIMS - DALLAS``).
STAMP_LINES = 4


def _two_blanks(line: str) -> tuple[int, int] | None:
    """Where the last gap of two blanks on ``line`` starts and ends (before its last words),
    or ``None``."""
    body = line.rstrip()
    k = body.rfind("  ")
    if k <= 0 or not body[:k].strip():
        return None
    return len(body[:k].rstrip()), k + 2


#: A stamp's words in Title Case (``Utilization Mgmt.``, ``Claims - Mail Rm``).
_TITLED = regex.compile(r"\p{Lu}[\p{L}.'’]*(?:\s+(?:[-–/&]|\p{Lu}[\p{L}.'’]*))*")
#: A stamp's field to fill in (``BY:______``, ``By: ________``): no checkbox drawn with
#: underscores.
_FIELD_TO_FILL = regex.compile(r"\p{Lu}\p{L}{1,11}[:.]?\s*_{3,}")


#: A stamp's rule: a line for a signature or a date under its words.
_STAMP_RULE = regex.compile(r"[_=-]{3,}")
#: A stamp's date: ``APR 22 2010``, ``AUG 2 4 2012``, ``SEP. 3, 2014`` (a scan's ``l`` and ``O``
#: for digits too).
_STAMP_DATE = regex.compile(
    rf"(?:{MONTH_HEADS.upper()})[A-Z]{{0,6}}\.?\s+[\dlO]{{1,2}}(?:\s?[\dlO])?,?\s+[\dlO]{{4}}"
)


def _rest_of_stamps(
    lines: Sequence[str],
    found_cuts: dict[int, int],
    is_mark: Callable[[str], bool],
    furniture: FurnitureTable,
    standing: dict[int, int],
) -> dict[int, int]:
    """The lines of a stamp that have no stamp's shape of their own (``CLAIMS DEPT.``): a
    few words in capitals right of a wide gap, centred (give or take :data:`CENTRED`) on the
    column of a stamp's line cut within :data:`STAMP_REACH` lines, or of a stamp
    ``standing`` alone on its line far right (line index -> its indent); or in Title Case
    (``Utilization Mgmt.``) beside a line of a stamp's own shape."""
    rest: dict[int, int] = {}
    cuts = standing | found_cuts
    # only the lines near a stamp's cut line are tried
    near = {j for i in cuts for j in range(i - STAMP_REACH, i + STAMP_REACH + 1)}
    # (a stamp's line standing alone is noise by its shape, whole: no cut)
    for i in sorted(k for k in near if 0 <= k < len(lines) and k not in cuts):
        line = lines[i]
        # (a gap of three blanks will do, or two: the stamp's centre tells it)
        gap = _FINAL_NARROW_GAP.search(line) or _LAST_GAP.search(line)
        found = (gap.start(), gap.end()) if gap is not None else _two_blanks(line)
        if found is None:
            continue
        # (or alone on its line, far right: ``RECEIVED`` / ``FEB 1 4 2019`` / / ``DWC / MDR``)
        at, alone = found[1], not line[: found[0]].strip()
        right = line[at:].rstrip()
        if (
            len(right) > STAMP_WORDS
            # (or the stamp's rule under its lines: ``___________``)
            or not (
                right.isupper()
                or _TITLED.fullmatch(right)
                or _STAMP_RULE.fullmatch(right)
                or _FIELD_TO_FILL.fullmatch(right)
            )
            or (
                is_mark(right.strip())
                and not _FIELD_TO_FILL.fullmatch(right.strip())
                and not _STAMP_RULE.fullmatch(right)
            )
        ):
            continue
        centre = at + len(right) / 2
        # (beside a stamp's own line only, no page number's; a rule goes with any stamp line)
        titled = not right.isupper() and _STAMP_RULE.fullmatch(right) is None
        for j in range(max(0, i - STAMP_REACH), min(len(lines), i + STAMP_REACH + 1)):
            if j in cuts:
                stamp = lines[j][cuts[j] :].rstrip()
                if titled and furniture.noise_kind(stamp.strip()) != "stamp":
                    continue
                # (a line alone need only share the stamp's columns)
                overlaps = alone and at < cuts[j] + len(stamp) and cuts[j] < at + len(right)
                # (centred on the stamp's line, or starting near where it starts: a stamp
                # pressed by hand is not square, ``RECEIVED AUG 2 4 2012`` / `` TDI / HWCN``)
                centred = abs(cuts[j] + len(stamp) / 2 - centre) <= CENTRED
                # (a stamp's date, however far its hand-pressed line slid: ``RECEIVED`` /
                # ``APR 22 2010`` eight columns right)
                dated = _STAMP_DATE.fullmatch(right) is not None and (
                    furniture.noise_kind(stamp.strip()) == "stamp"
                )
                if centred or abs(cuts[j] - at) <= CENTRED or overlaps or dated:
                    rest[i] = at
                    break
    return rest


def _stamp_past_cells(line: str, start: int, furniture: FurnitureTable) -> int | None:
    """Where a stamp starts past the last gap of three blanks or more after offset ``start``
    of ``line`` (past a table row's other cells: ``... Carrier URA       ELECTRONIC COPY``),
    or ``None`` when the text there is no stamp."""
    last = _FINAL_NARROW_GAP.search(line, start)
    if last is None or not _stamp_beside(line[last.end() :].strip(), furniture):
        return None
    return last.end()


def _stamp_beside(right: str, furniture: FurnitureTable) -> bool:
    """A mail room's stamp or a Bates number beside a line of the letter (``INFORMATION
    PROVIDED ...      RECEIVED JUL 0 7 2009``): in capitals or with a digit, as stamps are
    (a table's ``Date Received`` column is neither)."""
    return (right.isupper() or any(c.isdigit() for c in right)) and furniture.noise_kind(right) in (
        "stamp",
        "bates-number",
    )


def _labels_a_value(left: str, right: str, furniture: FurnitureTable) -> bool:
    """Whether ``left`` is a field's label ended by its colon and ``right``, past the gap, the
    shape of a Bates number: then it is the label's value."""
    return left.endswith(":") and furniture.noise_kind(right) == "bates-number"


#: A table's column: other lines this near carry a cell starting at the same offset.
_COLUMN_REACH = 3


def _in_a_column(lines: Sequence[str], i: int, at: int) -> bool:
    """Whether the text at offset ``at`` of line ``i`` is a cell of a table's column (a
    ``Units`` column: ``Units`` / ``200`` / ``90``; ``Years in practice   17`` under
    ``Additional certification   Transplant Hepatology``): a line within
    :data:`_COLUMN_REACH` has another cell starting there too (after two blanks), one offset
    either way. A page number stands alone, or beside its own copies (a footer's ``Page 2``
    beside each of a page's checklist items)."""
    cell = lines[i][at:].strip()
    for j in range(max(0, i - _COLUMN_REACH), min(len(lines), i + _COLUMN_REACH + 1)):
        if j == i:
            continue
        for k in (at - 1, at, at + 1):
            if cell_starts_at(lines[j], k) and lines[j][k:].strip() != cell:
                return True
    return False


#: A case number or another reference: digits joined by a dash or a slash (``PWIR-10-3390``),
#: or a case number redacted (``PCR Case xxxxx``).
_REFERENCE = regex.compile(
    r"\b\w*\d\w*[-/][\w-]*\d|(?i:\bcase\b)\W{0,3}(?:[xX*#]{3,}|\[redacted\])"
)
#: A form's number or version in a footer: ``Form TX-NOD-2``, ``v5.0``, ``(Rev. 06/2018)``.
_FORM_ID = regex.compile(r"\b(?:Form|Rev\.?|v)\s?[\w.-]*\d")


#: One word in capitals or with a digit: an IRO's initials or a form's number (``LMRG``,
#: ``CRG-0514-3306``) left of a page number.
_ONE_NAME = regex.compile(r"(?=\S*[\p{Lu}\d]{2})[\p{Lu}\d][\p{Lu}\d&./-]+")


def _title_beside_page_number(left: str) -> bool:
    """A short title-like text with a reference left of a page number (``PWIR-10-3390 Notice
    of Decision``), or an IRO's initials alone (``LMRG``): the running header's own first
    half, not a line of the letter that shares a baseline (``INTERQUAL CRITERIA``, a
    checklist item, is title-like too)."""
    if _ONE_NAME.fullmatch(left):
        return True
    return (
        len(left) <= MAX_FURNITURE_LINE
        and left[-1] not in SENTENCE_END
        and title_like(left)
        and (_REFERENCE.search(left) is not None or _FORM_ID.search(left) is not None)
    )

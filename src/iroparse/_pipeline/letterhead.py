"""Extraction noise, continued: the letterhead at the top of the first page.

A letter opens with its IRO's letterhead: the name, perhaps split over two lines, a line that
says what the IRO is, the address, telephone and web lines, the certificate number, printed
in one block or beside the title in a column of their own::

    LONE STAR INDEPENDENT          NOTICE OF INDEPENDENT REVIEW DECISION
    REVIEW, LLC
    5001 Spring Valley Rd, Ste 400E, Dallas, TX 75244       TDI Certificate No. IRO 5389

It is page furniture, as a running header is: a reader wants none of it in a section's text.
The block is read from the letter's first line down, past blank lines and lines already
known as noise, and ends at the first line that has a cell of another kind: a heading (the
letter's title included), a date, a label with its value (``RE:``, ``Date:``), a sentence;
two blank lines in a row end it too. Each cell of a line (cells part at two blanks or more, a
bar or a bullet) must be one of :data:`LETTERHEAD_CELLS`, an organisation's name (the
furniture words of :class:`~iroparse._pipeline.furniture.FurnitureTable`) or a short title;
the block counts when it has two lines or more (one line alone is a title: ``INDEPENDENT
REVIEW DECISION``) and a cell names an organisation, or a short title stands with an
address, a telephone or a web address (``ANGELINA MEDICAL REVIEW`` over its address line).
The IRO's name stays readable: :func:`iroparse._fields.letter_values.iro_name` reads noise
lines too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from iroparse._pipeline.furniture import SENTENCE_END, FurnitureTable, title_like

__all__ = ["LETTERHEAD", "LETTERHEAD_CELLS", "letterhead_lines"]

#: The noise kind of a letterhead's line.
LETTERHEAD = "letterhead"

#: The kinds of a letterhead's cells besides an organisation's name, as ``(name, pattern)``
#: rows matched against a whole cell.
LETTERHEAD_CELLS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # ``P.O. Box 151806``, ``Post Office Box 30211``, ``Suite 210``
    ("box", regex.compile(r"(?i)(?:p\.?\s*o\.?\s*box|post\s+office\s+box|suite|ste\.?)\s.{1,60}")),
    # ``5001 Spring Valley Rd, Ste 400E``, ``611 W. Main St.``
    ("street", regex.compile(r"\d{1,6}\s+(?:[NSEW]\.?\s+)?\p{Lu}[\w.'-]*(?:[ ,]+[\w.#'-]+){0,8}")),
    # ``Fredericksburg, TX 78624``, ``Amarillo, Texas  79120``
    ("city", regex.compile(r"[\p{L} .'-]{2,40},?\s+(?:TX|Texas)\.?,?\s+7\d{4}(?:-\d{4})?")),
    # ``(830) 555-0152``, ``P 254.555.0148``, ``Fax: 512-555-0143``, ``Fx 512-555-0143``
    (
        "telephone",
        regex.compile(
            r"(?i)(?:(?:ph|phone|tel|telephone|fax|fx|facsimile|toll[- ]free|[pf])\.?:?\s*)?"
            r"(?:1[\s.-])?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?:\s*(?:ext\.?|x)\s*\d{1,5})?"
        ),
    ),
    # ``www.bpiro-tx.com``, ``reviews@pecosmrg.com``, ``bpiro-tx.com``
    (
        "web",
        regex.compile(
            r"(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+\.(?:com|org|net)"
        ),
    ),
    # ``TDI Certificate No. IRO 5389``, ``URAC Accredited IRO Since 2009``, ``Texas IRO
    # License No. 5502``
    (
        "credential",
        regex.compile(
            r"(?i)(?=.*\b(?:certificat\w*|certified|licen[cs]e\w*|accredit\w*|urac|tdi)\b)"
            r"[\w .#:,'&()-]{2,60}"
        ),
    ),
)
#: A word of a letter's title, never of a letterhead.
_TITLE_WORDS = regex.compile(r"(?i)\b(?:notice|decision|determination)\b")
#: A short title-like cell without digits: the name's second line (``REVIEW, LLC``,
#: ``MEDICAL REVIEW``) or what the IRO is (``An Independent Review Organization``).
_NAME_PART = regex.compile(r"[\p{L}&.,'’() -]{2,60}")
#: Between a letterhead's cells: two blanks or more, or a bar or a bullet.
_CELL_GAP = regex.compile(r"\s*[|•·*]\s*|\s{2,}")
#: Cells that place the IRO (a name without furniture words beside them is its name).
_CONTACT_CELLS = frozenset({"box", "street", "city", "telephone", "web"})
#: Noise kinds of lines a letterhead may carry (``Independent Review Organization ·
#: Houston, Texas`` is a running header's shape).
_CONTACT_NOISE = frozenset({"contact-line", "link", "running-header"})
#: A letterhead's cell is at most this long.
MAX_CELL = 80
#: The block starts within this many lines of the letter's top.
MAX_START = 4
#: A letterhead has at most this many lines (blank lines not counted).
MAX_LINES = 10


def _cell_kind(cell: str, furniture: FurnitureTable) -> str | None:
    """What a letterhead's cell is (``organisation``, a row of :data:`LETTERHEAD_CELLS`, or
    ``name-part``), ``title`` for the letter's title, or ``None`` when it is neither."""
    if len(cell) > MAX_CELL:
        return None  # a letterhead's cell is short: a long one is a sentence
    if _TITLE_WORDS.search(cell):
        return "title"  # ``IRO NOTICE OF DECISION – WC NON-NETWORK``: the letter's own title
    if furniture.names_furniture(cell) and title_like(cell) and cell[-1] not in SENTENCE_END:
        return "organisation"
    for name, pattern in LETTERHEAD_CELLS:
        if pattern.fullmatch(cell):
            return name
    words = cell.split()
    if _NAME_PART.fullmatch(cell) and len(words) <= 6 and title_like(cell):
        return None if cell.endswith(":") else "name-part"
    return None


def letterhead_lines(
    lines: Sequence[str],
    noise: Sequence[str | None],
    furniture: FurnitureTable,
    heading_kind: Callable[[str], str | None],
    is_mark: Callable[[str], bool],
) -> list[int]:
    """Indices of the letterhead's lines at the top of the letter (see the module), or none
    when its top has no organisation's name. ``heading_kind`` tells a heading's kind (or
    ``None``): a line with a heading ends the block (a summary box's label, the letter's
    title alone), but for the title beside the letterhead's name; so does a line with a
    checkbox's mark (``is_mark``)."""
    found: list[int] = []
    kinds_seen: set[str | None] = set()
    seen = blanks = known = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            blanks += 1
            continue
        if noise[i] is not None:
            if noise[i] in _CONTACT_NOISE:
                kinds_seen.add("street")  # an address line the furniture table knows
                known += 1
            continue
        if found and blanks >= 2:
            break  # the block has ended: an addressee's lines may follow
        blanks = 0
        seen += 1
        if (not found and seen > MAX_START) or len(found) >= MAX_LINES or is_mark(stripped):
            break
        cells = [cell for cell in _CELL_GAP.split(stripped) if cell]
        # a cell that is a heading ends the block (``DATE OF REVIEW`` over its value beside
        # the letterhead), but for the letter's title beside the letterhead's name
        headings = [heading_kind(c) for c in cells]
        kinds = [
            "title" if h == "title" else None if h else _cell_kind(c, furniture)
            for c, h in zip(cells, headings, strict=True)
        ]
        if None in kinds or set(kinds) == {"title"}:
            break
        kinds_seen.update(kinds)
        found.append(i)
    named = "organisation" in kinds_seen or (
        "name-part" in kinds_seen and bool(kinds_seen & _CONTACT_CELLS)
    )
    # one line alone is a title (``INDEPENDENT REVIEW DECISION``), not a letterhead
    return found if named and len(found) + known >= 2 else []

"""Stage 3, a rule of :mod:`~iroparse._pipeline.noise`: a short line that cuts a sentence of
prose in two (a page's header, footer or stamp that occurs once) is furniture by its position.
Also what the other rules ask of a line: whether it starts a list's item.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse._pipeline.furniture import (
    ABBREVIATED_NAME,
    DEFAULT_FURNITURE,
    MAX_FURNITURE_LINE,
    SENTENCE_END,
    FurnitureTable,
    title_like,
    under_a_cell,
)
from iroparse.catalogue import BULLETS, DASHES, GLYPHS

__all__ = [
    "BY_POSITION",
    "JOINING_WORDS",
    "LEADERS",
    "MIN_PROSE_LINE",
    "interrupting_lines",
    "list_item_start",
]

#: The kind given to a line judged furniture by its position alone.
BY_POSITION = "by-position"
#: The line before it must be prose at least this long.
MIN_PROSE_LINE = 40
#: In a letter set narrow (its lines no longer than a furniture line may be), a line at least
#: this share of its width is prose.
NARROW_SHARE = 0.8
#: Words a line of prose can end with but a header or stamp does not.
JOINING_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}
    | {"with", "without", "including", "that", "which", "who"}
)
#: Words after which a line's end leaves a date to come: ``... appeal decision dated`` /
#: ``10/04/2017``.
DATE_BEFORE = JOINING_WORDS | {"dated", "through", "thru", "until", "since", "between"}
_WORD = regex.compile(r"[^\W\d_][\w'’-]*")


def _prose(text: str) -> bool:
    """A line of running text: several words, mostly lower case."""
    words: list[str] = _WORD.findall(text)
    return len(words) >= 5 and sum(w[0].islower() for w in words) >= 0.6 * len(words)


_ENUMERATED = regex.compile(r"\d{1,2}\s*[.)\]]")
#: A sentence that ends inside a line (a word's last three letters in lower case, so not
#: ``Inc.`` or ``Dr.``): prose, which a header or a stamp is not.
_INNER_SENTENCE_END = regex.compile(r"[a-z]{3}[.!?]\s+[A-Z]")
#: A list item's bullet (``o Peer review report`` is an item, not a sentence going on), or a
#: checklist item's box (``¨ Interqual Criteria``: a Wingdings box read as a lower-case
#: letter; ``.  Request for IRO``: a bullet read as a full stop).
_BULLETED = regex.compile(rf"(?:[{DASHES}{BULLETS}{GLYPHS}]|o|\.)\s")
#: A list item lettered in lower case: ``c. Plastic surgery ...``, ``(b) Notes ...``.
_LETTERED = regex.compile(r"\(?[a-z][.)]\s")
#: A line opening with a date, as a records list by date writes each item.
_DATED = regex.compile(r"\d{1,2}/\d{1,2}/\d{2,4}\b")
#: A date after a comma, ending a line (``Rehabilitation Associates, 04/14/06``).
_COMMA_DATE = regex.compile(r",\s*\d{1,2}/\d{1,2}/\d{2,4}$")
#: A gap between a form's cells inside a line.
_FORM_GAP = regex.compile(r"\S {4,}\S")
#: Dot leaders: a line of a form or a checklist (``InterQual Criteria ...... No``, ``Date of
#: review . . . . .  August 30``), not prose.
LEADERS = regex.compile(r"\.{4,}|…{2,}|(?:\. ){3,}\.")


def dated_among_dated(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` opens with a date, as the line of text before it does: a record of
    a list by date (``05/17/16:  Request for IRO (LHL009)``), however like a name it reads."""
    if not _DATED.match(texts[i].lstrip()):
        return False
    before = next((t for t in reversed(texts[:i]) if t.strip()), "")
    return _DATED.match(before.lstrip()) is not None


def list_item_start(text: str) -> bool:
    """``text`` (stripped) starts with a list's number or bullet."""
    return bool(_ENUMERATED.match(text) or _BULLETED.match(text))


def _goes_on_with_a_number(before: str, after: str) -> bool:
    """A sentence of prose cut before a number (``... right L5 (cpt`` / ``64483).``), not a
    list's next item (``2) MRI ...``)."""
    return after[:1].isdigit() and not _ENUMERATED.match(after) and _prose(before)


#: A comma and a word in lower case: a sentence's clause, never a header's or a stamp's.
_CLAUSE = regex.compile(r",\s+\p{Ll}{2,}")


#: A wide gap between two cells of a line.
_WIDE_GAP = regex.compile(r"\s{3,}")
#: A bullet or a bar between two cells of a header (``Injured Employee: H. O. B.   ·
#: Packsaddle Case No. PIR-1705-2046   ·   DOI 09/09/2016``).
_CELL_MARK = regex.compile(r"\s+[·•|]\s+")


#: Words that open a noun phrase, which the next line goes on with.
_ARTICLES = frozenset({"the", "a", "an", "this", "these", "that", "those", "his", "her", "their"})
#: ... and prepositions a title's name follows (``The Texas Guidelines for`` / ``Chiropractic
#: Quality Assurance and Practice Parameters and the ACOEM``).
_BEFORE_A_NAME = _ARTICLES | {"for", "of", "by", "from", "with"}
#: Two words in lower case in a row: a sentence's, not a title's.
_TWO_LOWER = regex.compile(r"\b\p{Ll}{3,}\s+\p{Ll}{3,}\b")


def _set_wide(text: str) -> int:
    """The length ``text`` counts as: its longest cell's when bullets or bars part its cells;
    its own with its gap closed up when it has one wide gap (two cells); else its own."""
    if _CELL_MARK.search(text):
        return max(len(cell) for cell in _CELL_MARK.split(text))
    gaps = _WIDE_GAP.findall(text)
    return len(text) - len(gaps[0]) + 1 if len(gaps) == 1 else len(text)


def interrupting_lines(
    lines: Sequence[str], noise: Sequence[str | None], furniture: FurnitureTable = DEFAULT_FURNITURE
) -> set[int]:
    """Indices of short, title-like lines that cut a sentence of prose in two: the prose line
    before does not end its sentence, the line after goes on in lower case (or with a number),
    and the line itself neither continues the sentence (it does not start in lower case or end
    with a joining word or comma) nor ends one. That is where a page break put a header, footer
    or stamp that occurs once."""
    found: set[int] = set()
    stripped = [line.strip() for line in lines]
    content = [i for i, s in enumerate(stripped) if s and noise[i] is None]
    # in a letter set narrow, a line as long as its prose lines is one of them, however few
    # its words (``January 2022. A multiparametric MRI on 02/25/2022`` at 50 columns)
    widths = sorted(len(stripped[i]) for i in content)
    narrow = widths[int(len(widths) * 0.9)] if widths else 0
    prose_wide = NARROW_SHARE * narrow if narrow <= MAX_FURNITURE_LINE else None
    for k in range(1, len(content) - 1):
        i = content[k]
        text = stripped[i]
        # (a short line set wide counts short: ``RE: IRO Case No. CHR10-0388 <gap> 04/07/2010``,
        # a header's cells parted by bullets; a table's row of gaps has more cells)
        wide = _set_wide(text)
        if (
            (prose_wide is not None and wide >= prose_wide)
            or wide > MAX_FURNITURE_LINE
            or (text[-1] in SENTENCE_END + ",-" and not ABBREVIATED_NAME.search(text))
        ):
            continue
        before, after = stripped[content[k - 1]], stripped[content[k + 1]]
        if text[:1].islower() or text.rsplit(None, 1)[-1].lower() in JOINING_WORDS:
            continue
        # (the cheap half of each case below first: most lines are neither)
        if not (
            (len(before) >= MIN_PROSE_LINE and before[-1] not in SENTENCE_END)
            or after.count(" ") >= 4
        ):
            continue
        if list_item_start(text):
            continue  # a list's item (``2. Fluoroscopic guidance, CPT 77003``): content
        if before.rsplit(None, 1)[-1].lower() in _BEFORE_A_NAME and _TWO_LOWER.search(text):
            continue  # the noun phrase an article asks for, a sentence's words in it (``...
            # The`` / ``American Diabetes Association Standards of Care likewise recommend``)
        if _DATED.match(text) and (_DATED.match(before) or _DATED.match(after)):
            continue  # a list's item by date, among others (``07/19/2016   Texas ...``)
        if _DATED.fullmatch(text) and before.rsplit(None, 1)[-1].lower() in DATE_BEFORE:
            continue  # the date the line before asks for (``... appeal decision dated``)
        if _COMMA_DATE.search(text) and not _DATED.search(before):
            continue  # a record's wrapped end with its date, which the line before lacks
            # (``... treatment plan, [redacted]`` / ``Rehabilitation Associates, 04/14/06``)
        if _INNER_SENTENCE_END.search(text) or _CLAUSE.search(text):
            # one sentence ends inside it (``Cyclobenzaprine. An MRI``), or a clause goes on
            # after a comma (``... Pulmonary Disease, holds``): prose
            continue
        if content[k - 1] == i - 1 and under_a_cell(lines[i - 1], lines[i]):
            continue  # a table cell's words wrapped under it (``...  Rehabilitation`` / ``Center``)
        # the cheap tests first: most lines are neither case
        cuts_sentence = (
            len(before) >= MIN_PROSE_LINE
            and before[-1] not in SENTENCE_END
            and not LEADERS.search(before)
            # a form's row (``Interqual Criteria          No``), not a line of prose
            and _FORM_GAP.search(before) is None
            and (
                # (a list's next item lettered in lower case is none: ``c. Plastic ...``)
                (after[:1].islower() and not _BULLETED.match(after) and not _LETTERED.match(after))
                or _goes_on_with_a_number(before, after)
            )
            and any(c.islower() for c in before)
        )
        # an organisation's name between two lines of prose, even between sentences
        between_prose = (
            not cuts_sentence
            and after.count(" ") >= 4
            and furniture.names_furniture(text)
            and _prose(after)
            and (_prose(before) or (before.endswith(".") and any(c.islower() for c in before)))
        )
        if (cuts_sentence or between_prose) and title_like(text):
            found.add(i)
    return found

"""The tables that tell page furniture, and the tests built on them.

Page furniture is what a page carries around the letter: running headers and footers, page
numbers, fax stamps, links. Two tables tell it, and a plugin extends both through the hooks
``iroparse_noise_patterns`` and ``iroparse_furniture_words`` (see :mod:`iroparse.hookspecs`):

- :data:`NOISE_PATTERNS`: shapes that are furniture wherever a line has them, even once;
- :data:`FURNITURE_WORDS`: words of an organisation's name or a running title. A short,
  title-like line whose words weigh 2 is furniture *where it stands* (at a page boundary,
  repeated, or cutting a sentence in two); :mod:`iroparse._pipeline.noise` judges where.

:class:`FurnitureTable` holds both tables; the parser builds one from the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

import regex
from attrs import field, frozen

from iroparse._pipeline.furniture_shapes import CONTINUED_WORD, NOISE_PATTERNS
from iroparse.catalogue import DASHES, digits_read

__all__ = [
    "ABBREVIATED_NAME",
    "CONTINUED_WORD",
    "DEFAULT_FURNITURE",
    "FURNITURE_WORDS",
    "MAX_FURNITURE_LINE",
    "NOISE_PATTERNS",
    "SENTENCE_END",
    "FurnitureTable",
    "cell_starts_at",
    "title_like",
    "under_a_cell",
]

#: Words of an organisation's name (weight 2) or a document's running title (weight 1): a
#: short line whose words weigh 2 or more next to a page boundary is a running header or footer
#: even when it occurs once (``Professional Associates``, ``Independent Review Decision``; not
#: ``SUPPORT THE DECISION``, a heading's last line).
FURNITURE_WORDS: dict[str, int] = {
    **dict.fromkeys(
        ("LLC", "INC", "CORP", "IRO", "IROS", "SERVICES", "ORGANIZATION", "INSTITUTE"), 2
    ),
    **dict.fromkeys(("ASSOCIATES", "GROUP", "CONFIDENTIAL", "COMPANY", "CO", "LTD", "PA"), 2),
    **dict.fromkeys(("PLLC",), 2),
    **dict.fromkeys(("RESOLUTIONS", "SOLUTIONS"), 2),
    **dict.fromkeys(("REVIEW", "DECISION", "INDEPENDENT"), 1),
}
#: How many lines :meth:`FurnitureTable.noise_kind` remembers before it starts afresh.
MEMO_LINES = 1 << 13
#: A line judged furniture is at most this long (headers, footers and stamps are short).
MAX_FURNITURE_LINE = 70
#: A line ending in one of these characters ends its sentence.
SENTENCE_END = ".!?:;"
#: A name ending in an abbreviation's period: ``Independent Resolutions Inc.``.
ABBREVIATED_NAME = regex.compile(r"\b(?i:inc|corp|ltd|co|llc|pllc|p\.a)\.$")
_WORD = regex.compile(r"[^\W\d_][\w'’-]*")
_LETTERS = regex.compile(r"[A-Za-z]+")
#: A list item's number at a line's start: ``5.``, ``12)``, ``(3)``.
_LIST_NUMBER = regex.compile(r"\(?\d{1,2}[.)]\s")


def title_like(text: str) -> bool:
    """Most words capitalized (a name, a title, a stamp), as furniture is written."""
    words: list[str] = _WORD.findall(text)
    if not words:
        return True  # digits and punctuation only
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def cell_starts_at(line: str, k: int) -> bool:
    """Whether a cell of ``line`` (a table's row) starts at offset ``k``: text there, after
    two blanks."""
    return 1 < k < len(line) and line[k - 2 : k] == "  " and not line[k].isspace()


def under_a_cell(above: str, line: str) -> bool:
    """``line`` is a table's, as ``above`` is, which is no furniture however short: it starts
    where a cell of ``above`` does, past a gap (a cell's words wrapped under it:
    ``12/20/2010    Request for ... Rehabilitation`` / ``Center``), or its cells after the
    first (two at least) all start where cells of ``above`` do (the next row: ``Medication
    Quantity   Refills`` / ``Gabapentin 600 mg     #90        2``)."""
    if cell_starts_at(above, len(line) - len(line.lstrip())):
        return True
    starts = [m.end() for m in _CELL_START.finditer(line.rstrip())]
    return len(starts) >= 2 and all(
        any(cell_starts_at(above, k) for k in (at - 1, at, at + 1)) for at in starts
    )


#: Where a cell after the first starts: past two blanks or more.
_CELL_START = regex.compile(r"(?<=\S) {2,}(?=\S)")


#: Letters a scan reads for digits: next to a digit or a time's colon (``lO:O7``), between
#: a date's slashes (``O7/ll/2OO7``), or ``l`` alone (never a word).
_OCR_DIGITS = regex.compile(
    r"[lIO]+(?=\d|:[\dlIO])|(?<=\d|\d:)[lIO]+|(?<=[/:])[lIO]{1,2}(?=[/:])|(?<!\p{L})l(?!\p{L})"
)
#: ``Page`` as a scan reads it with a ``q`` for its ``g``.
_OCR_PAGE = regex.compile(r"\b(?:P|p)aqe\b|\bPAQE\b")
#: A line's last cell past a wide gap: one short word (a Bates number, a form's code) ...
_LAST_CELL = regex.compile(r"(?P<head>\S.{2,}?)\s{3,}(?P<cell>\S{3,24})")
#: ... after a footer of one of these kinds.
_PAGE_KINDS = ("page-number", "running-header")
#: A line ending in its page's number past a wide gap.
_PAGE_TAIL = regex.compile(
    r"(?P<head>\S.{2,}?)\s{3,}(?i:page|pg\.?|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?"
)
#: A line of two cells parted by a wide gap.
_TWO_CELLS = regex.compile(r"(?P<head>\S.{2,}?)\s{3,}(?P<cell>\S.{2,60})")
#: A line between two dashes or pairs of dashes (a footer's frame: ``-- continued on next
#: page --``), or rows of spaced dashes (``- - - - -  Page 2 of 3  - - - - -``), its text
#: captured.
_BETWEEN_DASHES = regex.compile(
    rf"(?:[{DASHES}]{{1,2}}|(?:[{DASHES}] ){{2,40}}[{DASHES}])\s+(\S.{{3,}}?\S)"
    rf"\s+(?:[{DASHES}]{{1,2}}|[{DASHES}](?: [{DASHES}]){{2,40}})"
)

_T = TypeVar("_T")


def _remembered(memo: dict[str, _T], line: str, compute: Callable[[str], _T]) -> _T:
    """``compute(line)``, remembered in ``memo``, which starts afresh when it holds
    :data:`MEMO_LINES` lines."""
    if line in memo:
        return memo[line]
    if len(memo) >= MEMO_LINES:
        memo.clear()
    found = memo[line] = compute(line)
    return found


def _words_table(words: Mapping[str, int]) -> Mapping[str, int]:
    return {word.upper(): weight for word, weight in words.items()}


@frozen
class FurnitureTable:
    """The furniture patterns and words one parser uses: the built-in tables plus what plugins
    registered."""

    patterns: tuple[tuple[str, regex.Pattern[str]], ...] = NOISE_PATTERNS
    """``(kind, pattern)`` pairs, tried in order against a whole stripped line."""
    words: Mapping[str, int] = field(default=FURNITURE_WORDS, converter=_words_table)
    """Words (upper case) and their weights, 1 or 2."""

    _memo: dict[str, str | None] = field(factory=dict, init=False, eq=False, repr=False)
    """:meth:`noise_kind` of the lines seen, cleared when it holds :data:`MEMO_LINES`."""
    _furniture_memo: dict[str, bool] = field(factory=dict, init=False, eq=False, repr=False)
    """:meth:`furniture_line` of the lines seen: several noise rules ask it of the same line."""

    def noise_kind(self, stripped: str) -> str | None:
        """The kind of noise ``stripped`` (a line without surrounding blanks) is, or ``None``.
        Remembered per line: a batch's letters repeat their furniture and headings."""
        return _remembered(self._memo, stripped, self._noise_kind)

    def _noise_kind(self, stripped: str) -> str | None:
        kind = self._shape(stripped)
        framed = _BETWEEN_DASHES.fullmatch(stripped) if kind is None else None
        if framed is not None:
            # a footer centred between dashes: ``- Neches Review | NHRP-22-1108 | Page 1 of 3 -``
            kind = self._shape(framed.group(1))
        if kind is None and (_OCR_DIGITS.search(stripped) or _OCR_PAGE.search(stripped)):
            # a scan's letters for digits (``Page l of 3``, ``PAGE O2/04``, ``AUG l 6 2017``),
            # and its ``q`` for the ``g`` of ``Page`` (``Paqe 2 of 3``)
            kind = self._shape(digits_read(_OCR_DIGITS, _OCR_PAGE.sub("Page", stripped)))
        if kind is None and "   " in stripped:
            kind = self._gapped_kind(stripped)
        return kind

    def _gapped_kind(self, stripped: str) -> str | None:
        """The kind of furniture a line with a wide gap is by its cells, or ``None``."""
        last = _LAST_CELL.fullmatch(stripped)
        head = self._shape(last["head"]) if last is not None else None
        if head in _PAGE_KINDS:
            # a footer's last cell past a wide gap, a Bates number or a form's code:
            # ``Lavaca Review Partners | Confidential | Page 1 of 3         LRP13-0211-0001``
            return head
        paged = _PAGE_TAIL.fullmatch(stripped)
        if paged is not None and self._shape(paged["head"]) is not None:
            # furniture of any shape with the page's number past a wide gap: ``Gulf Coast
            # ... LLC  *  2100 West Loop South ...  *  Fax 713-555-0167        Page 1 of 3``
            return "running-header"
        two = _TWO_CELLS.fullmatch(stripped)
        if (
            two is not None
            and self._shape(two["head"]) in (*_PAGE_KINDS, "continued")
            and self.furniture_line(two["cell"])
        ):
            # a page's header and the house's name past a wide gap: ``NOTICE OF INDEPENDENT
            # REVIEW DECISION (continued)          Pinewood Medical Review, Inc.``
            return "running-header"
        return None

    def fax_banner(self, stripped: str) -> bool:
        """Whether ``stripped`` is a fax machine's banner, read with a scan's letters for
        digits as digits too (``Mar 28 2O22 1O:32AM ...``)."""
        if self.noise_kind(stripped) == "fax-header":
            return True
        as_digits = digits_read(_OCR_DIGITS, stripped)
        return as_digits != stripped and self._shape(as_digits) == "fax-header"

    def _shape(self, text: str) -> str | None:
        """The kind of the first pattern ``text`` matches whole, or ``None``."""
        return next((kind for kind, p in self.patterns if p.fullmatch(text)), None)

    def names_furniture(self, text: str) -> bool:
        """Two words or more that weigh 2 together: an organisation's name or a running title,
        not a value such as a case number (``IRO-0000-0000`` is one word)."""
        words: list[str] = _LETTERS.findall(text)
        weights = self.words
        return len(words) >= 2 and sum(weights.get(w.upper(), 0) for w in words) >= 2

    def furniture_line(self, text: str) -> bool:
        """A short, title-like line with an organisation's or a title's words (remembered per
        line, as :meth:`noise_kind` is)."""
        return _remembered(self._furniture_memo, text, self._furniture_line)

    def _furniture_line(self, text: str) -> bool:
        return (
            len(text) <= MAX_FURNITURE_LINE
            # a list's numbered item is the list's: ``5. Request for IRO, 08/05/10``
            and _LIST_NUMBER.match(text) is None
            and (text[-1] not in SENTENCE_END or ABBREVIATED_NAME.search(text) is not None)
            and title_like(text)
            and self.names_furniture(text)
        )


#: The built-in tables alone (what a parser without plugins uses).
DEFAULT_FURNITURE = FurnitureTable()

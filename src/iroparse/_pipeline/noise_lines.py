"""Stage 3, first step: which lines are noise (page furniture and extraction artefacts).

A line is noise by its shape (the furniture table's patterns, :mod:`~iroparse._pipeline.furniture`)
or by where it stands (the rules of :mod:`~iroparse._pipeline.noise`: next to a page break,
repeated, between checklist items, cutting a sentence in two). A rule's verdict is vetoed where
the heading catalogue claims the line: a heading's line, a line that ends a heading wrapped over
the lines before (past a page's furniture), or a line right before a heading. The tokenizer
(:mod:`~iroparse._pipeline.tokenize`) then gives every line its token.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from iroparse._pipeline.furniture import FurnitureTable
from iroparse._pipeline.headings import HeadingMatcher
from iroparse._pipeline.letterhead import LETTERHEAD, letterhead_lines
from iroparse._pipeline.noise import (
    COLUMN_HEADER,
    CONTINUED,
    DATE_LINE,
    RUNNING_HEADER,
    boundary_lines,
    continued_heading_lines,
    letterhead_repeats,
    running_lines,
    table_headers,
    underlines,
)
from iroparse._pipeline.noise_names import (
    bates_sequences,
    logo_words,
    names_among_capitals,
    names_between_items,
    repeated_names,
)
from iroparse._pipeline.noise_prose import BY_POSITION, dated_among_dated, interrupting_lines
from iroparse._pipeline.other_columns import STRAY_MARK
from iroparse._pipeline.page_tops import (
    first_page_copies,
    labelled_page_tops,
    second_sheet_heads,
)
from iroparse._pipeline.signatures import SIGNATURE, signature_blocks
from iroparse._pipeline.tokens import _Line
from iroparse._pipeline.wrapped import (
    MAX_HEADING_LINES,
    VALUE_KINDS,
    awaits_value,
    next_text_line,
)
from iroparse.catalogue import DASHES, squash

#: A heading's number or letter: ``1.``, ``2)``, ``(3)``, ``A.``, ``(B)``, ``c)``, ``IV.``,
#: ``(ii)``, ``SECTION 1 —``, ``1 ·``; or an older letter's ``Re:`` before the heading of its case
#: number (``RE:   IRO Case No. 2001-0418``).
ENUMERATOR = regex.compile(
    # (a Roman number's I read as ``l`` by text recognition: ``Vl.``, ``Vlll.``, ``lll.``)
    r"\s*(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|\(?[A-Za-z][.)]|\(?[IVXl][IVXl]{0,3}[.)]|\(?[ivx]{1,4}[.)]"
    # (a number in brackets, zero-padded: ``[01] DATE OF REVIEW``)
    r"|\[\d{1,2}\]"
    r"|(?i:re)\s*:"
    # a designed letter's block number, two digits and a wide gap: ``01  SERVICES IN DISPUTE``;
    # or one and a wider gap: ``1   Service in Dispute``
    r"|(?:0[1-9]|1\d)(?=\s{2,}\p{Lu})|[1-9](?=\s{3,}\p{Lu})"
    # a decimal part number and a wide gap: ``2.0  SERVICE(S) IN DISPUTE``
    r"|\d{1,2}\.0(?=\s{2,}\p{Lu})"
    # a number and a dot, a bar or a slash set between blanks: ``1 · Services in Dispute``,
    # ``1 │ Service in Dispute``, ``01  /  Services in dispute``
    r"|\d{1,2}\s[·•│┃|]|\d{1,2}\s+/(?=\s)"
    # a numbered part: ``SECTION 1 —``, ``Part II:``, ``Item 3.``
    rf"|(?i:section|part|item)\s+(?:\d{{1,2}}|[IVX]{{1,4}}|[A-Z])\s*[{DASHES}:.)]?)\s+"
)


def without_number(text: str) -> str:
    """``text`` without a heading's number or letter before it (``8.  Analysis ...``)."""
    numbered = ENUMERATOR.match(text)
    return text[numbered.end() :] if numbered else text


def stamp_dates(lines: Sequence[str], noise: Sequence[str | None]) -> list[int]:
    """Indices of dates alone on the line right under a mail room's stamp: the stamp's own
    date (``RECEIVED`` / ``JUN 17 2011``)."""
    return [
        i + 1
        for i, kind in enumerate(noise[:-1])
        if kind == "stamp"
        and noise[i + 1] is None
        and DATE_LINE.fullmatch(lines[i + 1].strip()) is not None
    ]


#: A mail room's office alone on a line, written as a stamp prints it: ``TDI-HWCN``,
#: ``TDI DWC``.
_STAMP_OFFICE = regex.compile(
    r"\p{Lu}{2,5}(?:[- ]| ?/ ?)\p{Lu}{2,5}"
    # or the office's name: ``Texas Dept. of Insurance``, ``Claims Dept.``, ``Mail Room``
    r"|(?i:(?:texas\s+)?(?:dept\.?|department)\s+of\s+insurance|(?:claims|mail)\s+(?:dept\.?|room))"
)


def stamp_offices(lines: Sequence[str], noise: Sequence[str | None]) -> list[int]:
    """Indices of a stamp's office alone on the line above or below the stamp, a blank line
    between at most (``RECEIVED`` / ``SEP 2 6 2022`` / ``TDI-HWCN``; ``DWC / MDR``), or any
    words in capitals centred right under it (``TWCC MEDICAL REVIEW DIV.``)."""
    return [
        i
        for i, kind in enumerate(noise)
        if kind is None
        and (
            (
                _STAMP_OFFICE.fullmatch(lines[i].strip()) is not None
                and "stamp" in (_nearest(lines, noise, i, -1), _nearest(lines, noise, i, 1))
            )
            or _centred_under_stamp(lines, noise, i)
        )
    ]


#: A stamp's further line is at most this long ...
STAMP_LINE = 40
#: ... and centred on the stamp's line above it, give or take this many columns.
STAMP_CENTRE = 3


def _centred_under_stamp(lines: Sequence[str], noise: Sequence[str | None], i: int) -> bool:
    """Whether line ``i`` is a few words in capitals centred under a stamp's line right above
    it (``RECEIVED`` / ``MAR 2 4 2004`` / ``TWCC MEDICAL REVIEW DIV.``)."""
    text = lines[i].strip()
    if i == 0 or noise[i - 1] != "stamp" or not text.isupper() or len(text) > STAMP_LINE:
        return False
    above = lines[i - 1]
    centre = (len(above) - len(above.lstrip()) + len(above.rstrip())) / 2
    here = (len(lines[i]) - len(lines[i].lstrip()) + len(lines[i].rstrip())) / 2
    return abs(centre - here) <= STAMP_CENTRE and len(lines[i]) - len(lines[i].lstrip()) > 0


def _nearest(lines: Sequence[str], noise: Sequence[str | None], i: int, step: int) -> str | None:
    """The noise kind of the first line with text from line ``i`` on in direction ``step``,
    one blank line skipped at most."""
    for j in (i + step, i + 2 * step):
        if 0 <= j < len(lines) and lines[j].strip():
            return noise[j]
    return None


def no_criterion(text: str) -> bool:
    """A parser without a criteria catalogue knows no checklist item: always ``False``."""
    return False


class NoiseFinder:
    """Finds the noise lines of a letter (see the module docstring)."""

    def __init__(
        self,
        matcher: HeadingMatcher,
        any_mark: regex.Pattern[str],
        furniture: FurnitureTable,
        criterion: Callable[[str], bool] = no_criterion,
    ):
        """``matcher`` is the heading catalogue's, ``any_mark`` finds a checkbox mark of any
        registered layout (a checklist item is no furniture), ``furniture`` holds the
        furniture tables and ``criterion`` tells a checklist item's label without its mark."""
        self.matcher = matcher
        self.any_mark = any_mark
        self.furniture = furniture
        self.criterion = criterion

    def find(self, lines: Sequence[_Line], page_breaks: frozenset[int]) -> list[str | None]:
        """For each line, its noise kind, or ``None`` when it is content (or blank)."""
        furniture = self.furniture
        texts = [line.text for line in lines]
        noise = [furniture.noise_kind(text.strip()) if text.strip() else None for text in texts]
        for i, kind in enumerate(noise):
            if kind == "contact-line" and self.value_heading(texts[i]):
                # a value heading with the letterhead's address merged after its value
                # (``DATE NOTICE SENT TO ALL PARTIES: 11/07/2011 Austin, TX 78759``)
                noise[i] = None
            elif kind == "bates-number" and self._under_case_heading(texts, i):
                noise[i] = None  # ``IRO Case Number`` / ``TPS-0741``: the heading's value
        for i in underlines(texts, noise):
            noise[i] = "rule"
        for i in stamp_dates(texts, noise):
            noise[i] = "stamp"
        for i in stamp_offices(texts, noise):
            noise[i] = "stamp"
        for i in bates_sequences(texts, noise):
            noise[i] = "bates-number"
        for i in table_headers(texts, noise):
            noise[i] = COLUMN_HEADER
        for i in running_lines(texts, page_breaks, noise):
            noise[i] = noise[i] or "running-header"
        for i in letterhead_repeats(texts, noise):
            noise[i] = "running-header"
        for i in logo_words(texts, noise):
            noise[i] = "running-header"
        for i in signature_blocks(texts, noise):
            noise[i] = SIGNATURE
        found = (
            boundary_lines(texts, page_breaks, noise, furniture)
            | repeated_names(texts, noise, furniture)
            | names_among_capitals(texts, noise, furniture, self._is_mark)
            | names_between_items(texts, noise, furniture)
        )
        for i in sorted(found):
            text = lines[i].text
            if (
                self.heading_words(text)
                or self._is_mark(text)
                or dated_among_dated(texts, i)
                or self.criterion(text.strip())
            ):
                continue  # (a checklist's item without its mark: ``Milliman Care Guidelines``)
            if not furniture.furniture_line(text.strip()) and awaits_value(
                self.matcher, lines, noise, i
            ):
                continue  # a date that is a value, not a running header's date
            noise[i] = "running-header"
        for i in continued_heading_lines(
            texts, noise, lambda s: bool(self.matcher.full(squash(s)))
        ):
            noise[i] = CONTINUED
        for i in interrupting_lines(texts, noise, furniture):
            # a title-case heading wrapped after prose looks the same: ``A Description of
            # the Qualifications`` / ``for Each Physician ...``; the catalogue tells them apart,
            # also for a heading's last line (``Support the Decision: Opinion: ...``); and a
            # checklist's item is no stamp (``[ ]   MlLLIMAN CARE GUIDELINES``)
            # (a value heading with its value inside a sentence is a page's running header:
            # ``RE: IRO Case No. CHR10-0388      04/07/2010``; no heading of a section)
            if not self.value_heading(lines[i].text) and (
                self.heading_words(lines[i].text)
                or self._is_mark(lines[i].text)
                or self.criterion(lines[i].text.strip())
                or self._ends_heading(lines, i, noise)
            ):
                continue
            # the line before, past furniture (a link between a heading and its text)
            before = next(
                (k for k in range(i - 1, -1, -1) if lines[k].text.strip() and noise[k] is None),
                None,
            )
            if before is not None and self._ends_heading(lines, before, noise):
                continue  # the line before is a heading, not a sentence a stamp could cut
            after = next_text_line(lines, i, noise)
            if after is not None and self._opens_heading(lines[after].text):
                continue  # the line after is a heading (``review outcome:``), not prose
            noise[i] = BY_POSITION
        # last: the rules above read the letterhead as the page's first lines, which tell a
        # running header from the letter's own date under it
        for i in letterhead_lines(texts, noise, furniture, self._heading_kind, self._is_mark):
            noise[i] = LETTERHEAD
        tops = first_page_copies(texts, noise) | labelled_page_tops(texts, noise)
        for i in tops | second_sheet_heads(texts, noise):
            noise[i] = RUNNING_HEADER
        for i in marks_among_furniture(texts, noise):
            noise[i] = STRAY_MARK
        return noise

    def _ends_heading(self, lines: Sequence[_Line], i: int, noise: Sequence[str | None]) -> bool:
        """Whether line ``i`` is a heading's last line: a heading of its own, or the end of one
        wrapped over the lines before (past blank lines, the lines ``noise`` names and a
        running header that repeats a value heading, ``IRO Case Number: 92-7204``: a page's
        furniture where the page broke inside the heading)."""
        texts = [lines[i].text.strip()]
        if self.matcher.full(squash(texts[0])):
            return True
        for j in range(i - 1, max(-1, i - 1 - 3 * MAX_HEADING_LINES), -1):
            if len(texts) > MAX_HEADING_LINES:
                break
            if not lines[j].text.strip() or noise[j] is not None:
                continue
            if self.value_heading(lines[j].text):
                continue
            texts.insert(0, lines[j].text.strip())
            # a numbered heading's first line (``8.  Analysis and explanation ...``) is read
            # without its number, as :meth:`_heading` reads it
            key = squash(" ".join([without_number(texts[0]), *texts[1:]]))
            if not self.matcher.could_start(key):
                continue
            if self.matcher.full(key):
                return True
            hit = self.matcher.start(key)
            # the heading must end on line ``i``, not before it
            if hit is not None and hit.consumed > len(key) - len(squash(texts[-1])):
                return True
        return False

    def _under_case_heading(self, texts: Sequence[str], i: int) -> bool:
        """Whether the line above line ``i`` (past blank lines) is a case number's heading
        alone, its value on the next line."""
        above = next((texts[k].strip() for k in range(i - 1, -1, -1) if texts[k].strip()), "")
        alias = self.matcher.full(squash(above.rstrip(":"))) if above else None
        return alias is not None and alias.kind == "case_number"

    def _is_mark(self, text: str) -> bool:
        """Whether ``text`` carries a checkbox mark of any registered layout."""
        return self.any_mark.search(text) is not None

    def value_heading(self, text: str) -> bool:
        """Whether ``text`` starts with a heading whose value stands on its line (a case
        number, a date; its number, if any, left out): never a line of a heading wrapped over
        several."""
        hit = self.matcher.start(squash(without_number(text)))
        return hit is not None and hit.alias.kind in VALUE_KINDS

    def value_heading_alone(self, text: str) -> bool:
        """A value heading with its value (``Case Number: 1234``) or without (``Case
        Number:``, its value left blank before the next field on the line)."""
        if self.value_heading(text):
            return True
        alias = self.matcher.full(squash(without_number(text)))
        return alias is not None and alias.kind in VALUE_KINDS

    def _opens_heading(self, text: str) -> bool:
        """Whether ``text``, the line after a line that may be a stamp, is a heading rather
        than the sentence going on: a line in lower case is one only when it is a heading
        whole or has a colon (``review outcome:``), as ``requested service is not medically
        necessary`` starts with a heading's words (``REQUESTED SERVICE(S)``) but is prose."""
        if text.lstrip()[:1].islower() and ":" not in text:
            return self.matcher.full(squash(text)) is not None
        return self.heading_words(text)

    def _heading_kind(self, text: str) -> str | None:
        """The kind of the heading ``text`` is or starts with (``heading`` when it is the
        start of one wrapped), or ``None``."""
        key = squash(without_number(text))
        alias = self.matcher.full(key)
        if alias is not None:
            return alias.kind
        hit = self.matcher.start(key)  # ``NOTICE OF ... DECISION - WORKERS' COMPENSATION``
        if hit is not None:
            return hit.alias.kind
        return "heading" if self.heading_words(text) else None

    def heading_words(self, text: str) -> bool:
        """Whether ``text`` is a heading, starts with one, or is the start of one wrapped."""
        key = squash(without_number(text))
        matcher = self.matcher
        if not matcher.could_start(key):
            return False
        if matcher.full(key) or matcher.partial(key):
            return True
        hit = matcher.start(key)
        # the title with more after it is a running header's (``Notice of Decision | TX-1234``)
        return hit is not None and hit.alias.kind != "title"


#: A checkbox's mark alone on its line: an ``X``, a tick.
_LONE_MARK = regex.compile(r"[ \t]*[xX✓✔√][ \t]*")


def marks_among_furniture(texts: Sequence[str], noise: Sequence[str | None]) -> list[int]:
    """Lines that are a checkbox's mark alone with page furniture on both sides (past blank
    lines): the outcome's ``X`` an extractor set in the block of the page's end, between
    ``Page 1 of 3`` and the next page's header, inside a paragraph."""

    def furniture_at(k: int, step: int) -> bool:
        while 0 <= k < len(texts) and not texts[k].strip():
            k += step
        return 0 <= k < len(texts) and noise[k] is not None

    return [
        i
        for i, text in enumerate(texts)
        if noise[i] is None
        and _LONE_MARK.fullmatch(text)
        and furniture_at(i - 1, -1)
        and furniture_at(i + 1, 1)
    ]

"""A services section written as a table: a header row names the columns, one row per service.

```text
   Service                                   CPT      Units    Decision
   Electromyography, lower extremities       95861    1        Overturned
   Nerve conduction studies                  95904    6        Upheld
```

The header row is no service. Cells are parted by two blanks or more (or a tab); a header's
cells are all words of :data:`~iroparse.tables.wording.SERVICE_TABLE_COLUMNS`, one of them the
service's own column. Each row then gives the service's text (its own cell: the codes, units
and decision have columns of their own; fifteen letters written by hand for the tests expected
that cell, two earlier ones the whole row), its codes (a code column's bare codes need no
``CPT`` before them), its units (a units column's number), its category (the service's own
cell) and the whole row's words for the per-service outcome. A line with fewer cells, each
under one of the header's columns, goes on with the row above (a service's words wrapped
under its cell), and so does a line whose service words go on with the row above's (one
service billed under two codes); any other line ends the table. A section without such a
header is read as a list.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from attrs import frozen

from iroparse import diagnostics as diag
from iroparse._fields.codes import bare_codes
from iroparse._fields.letter import Letter, Read
from iroparse._fields.service_outcomes import service_outcomes
from iroparse._fields.service_values import (
    code_category,
    service_values,
    unknown_categories,
)
from iroparse._pipeline.hyphens import Vocabulary, glued, soft_hyphen
from iroparse._pipeline.label_rows import CELL, columns_under
from iroparse._pipeline.noise_prose import JOINING_WORDS
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.model import Code, Outcome, Service, ServiceSpans, Span
from iroparse.tables.wording import SERVICE_TABLE_COLUMNS

__all__ = ["Cell", "TableRow", "service_table", "table_services"]

_COLUMNS = tuple(
    (kind, regex.compile(rf"(?i)(?:{pattern})\s*:?")) for kind, pattern in SERVICE_TABLE_COLUMNS
)


@frozen
class Cell:
    """One cell of a row: its text and offsets in the normalized text."""

    text: str
    start: int
    end: int


@frozen
class TableRow:
    """One service's row: its cells by column kind (``text``, ``code``, ``units``,
    ``outcome``) and the whole row."""

    cells: dict[str, Cell]
    whole: Cell

    def codes(self) -> list[tuple[str, str, int, int]]:
        """The row's code cell's codes, or, in a table without a code column, the codes
        written in the service's own cell (``Cold therapy unit (E0218)``): ``(code, system,
        start, end)``, offsets in the normalized text."""
        cell = self.cells.get("code")
        found: Sequence[tuple[str, str, int, int]]
        if cell is not None:
            found = bare_codes(cell.text)
        else:
            cell = self.cells["text"]
            found = service_values(cell.text).codes
        return [
            (code, system, cell.start + start, cell.start + end)
            for code, system, start, end in found
        ]

    def units(self) -> Cell | None:
        """The units cell when it holds a number."""
        cell = self.cells.get("units")
        return cell if cell is not None and cell.text.isdigit() else None


#: A table's cell: words a blank apart, or an amount its currency sign padded off
#: (``$  924.00`` in a fee dispute's ``Billed`` column).
_CELL = regex.compile(rf"\$\s*\d[\d,.]*|{CELL.pattern}")


def _cells(token: Token) -> list[Cell]:
    return [
        Cell(m.group(), token.start + m.start(), token.start + m.end())
        for m in _CELL.finditer(token.text)
    ]


def _columns(token: Token) -> list[int]:
    """Where each cell of ``token`` starts on its line."""
    return [token.column + m.start() for m in _CELL.finditer(token.text)]


def _joined(first: Cell, more: Cell, vocabulary: Vocabulary | None) -> Cell:
    """A cell and its wrapped rest below it, as one; a word split by a line-end hyphen
    (``adjust-`` / ``ment``) is joined as the sections' text joins it."""
    if glued(first.text, more.text):
        kept = first.text[:-1] if soft_hyphen(first.text, more.text, vocabulary) else first.text
        return Cell(f"{kept}{more.text}", first.start, more.end)
    return Cell(f"{first.text} {more.text}", first.start, more.end)


#: A first column headed ``Item`` that numbers the rows when a column of the service's own
#: words follows it (``Item   HCPCS   Description``); alone, ``Item`` heads the words.
_ROW_NUMBER = regex.compile(r"(?i)items?\s*(?:#|no\.?)?")
#: A services table has at most this many columns (a longer row is no header).
MAX_COLUMNS = 12
#: A header's cell that names no column the readers know (``Amount Billed``, ``Refills``,
#: ``Date of``, its second line below): at most three short words, no digit, the first
#: capitalized.
_OTHER_COLUMN = regex.compile(r"\p{Lu}[\p{L}/.#'()-]{0,14}(?: [\p{L}/.#'()-]{1,15}){0,2}")


def _header(cells: Sequence[Cell]) -> list[str] | None:
    """The column kinds a header row names, or ``None`` when the row is no header. Cells of
    columns no reader needs (``Amount``, ``Refills``) are named ``column-N``; the known ones
    (the service's own among them) must be more."""
    if len(cells) > MAX_COLUMNS:
        return None
    kinds: list[str] = []
    for n, cell in enumerate(cells):
        kind = next((k for k, p in _COLUMNS if p.fullmatch(cell.text)), None)
        if n == 0 and cell.text == "#":
            kind = "row"  # ``#`` first numbers the rows (after the words, it counts units)
        if kind is None and _OTHER_COLUMN.fullmatch(cell.text):
            kind = f"column-{n}"
        if (
            kind == "text"
            and "text" in kinds
            and _ROW_NUMBER.fullmatch(cells[kinds.index("text")].text)
        ):
            kinds[kinds.index("text")] = "row"  # ``Item`` over the rows' numbers, then ``Service``
        if kind is not None and kind != "text" and kind in kinds:
            kind = f"column-{n}"  # a second column of a kind (``Units   Requested``): unread
        if kind is None or kind in kinds:
            return None
        kinds.append(kind)
    if "text" not in kinds and "setting" in kinds:
        # the level of care is the service where no column names it otherwise (``Level of
        # care      Days requested      Determination``)
        kinds[kinds.index("setting")] = "text"
    known = sum(not kind.startswith("column-") for kind in kinds)
    return kinds if known >= 2 and known > len(kinds) - known and "text" in kinds else None


def _header_goes_on(row: Sequence[Cell], columns: Sequence[int], starts: Sequence[int]) -> bool:
    """A line right under the header whose cells all stand under its columns and hold no
    digit: the header's words wrapped (``Date of   CPT`` / ``Service   Code``)."""
    return columns_under(starts, columns) is not None and not any(
        c.isdigit() for cell in row for c in cell.text
    )


def _within(starts: Sequence[int], positions: Sequence[int]) -> list[int] | None:
    """The header's column each cell stands within (from its heading's start to the next
    heading's), the first cell at the first column; ``None`` when two share one."""
    found = [max((k for k, at in enumerate(starts) if at <= p + 1), default=-1) for p in positions]
    if not found or found[0] != 0 or len(set(found)) < len(found):
        return None
    return found


def _starts_a_row(kinds: Sequence[str], cells: Sequence[Cell]) -> bool:
    """Whether cells under the columns ``kinds`` (some left empty) start a row: the service's
    own cell and a code, or a mark under a verdict's column (a service's wrapped words and a
    wrapped date cell go on with the row above)."""
    named = dict(zip(kinds, cells, strict=True))
    if "text" not in named:
        return False
    code = named.get("code")
    return (code is not None and bool(bare_codes(code.text))) or bool(
        {"upheld", "overturned"} & named.keys()
    )


def service_table(
    body: Sequence[Token], vocabulary: Vocabulary | None = None
) -> list[TableRow] | None:
    """The rows of the services table in a section's ``body``, or ``None`` when the section
    has no table header (see the module). ``vocabulary`` (the letter's words) tells a word
    split at a cell's line end from a compound."""
    lines = [t for t in body if t.kind is TokenKind.TEXT]
    for k, token in enumerate(lines):
        kinds = _header(_cells(token))
        if kinds is None:
            continue
        starts = _columns(token)
        rows: list[TableRow] = []
        for row in lines[k + 1 :]:
            cells = _cells(row)
            if _header(cells) == kinds:
                continue  # the header again, on the table's next page
            if not rows and _header_goes_on(cells, _columns(row), starts):
                continue
            spans = _within(starts, _columns(row)) if len(cells) < len(kinds) else None
            full = len(cells) == len(kinds)
            spanned = list(kinds) if full else [kinds[c] for c in spans or ()]
            if (full or spans) and rows and _goes_on(rows[-1], spanned, cells):
                rows[-1] = _grown(rows[-1], spanned, cells, row, vocabulary)
                continue
            if full:
                whole = Cell(row.text, row.start, row.end)
                rows.append(TableRow(dict(zip(kinds, cells, strict=True)), whole))
                continue
            if spans is not None and _starts_a_row(spanned, cells):
                # a row with empty cells (a verdict's column left unmarked, no units), a mark
                # centred under its column's heading
                whole = Cell(row.text, row.start, row.end)
                named = {kinds[c]: cell for c, cell in zip(spans, cells, strict=True)}
                rows.append(TableRow(named, whole))
                continue
            under = columns_under(starts, _columns(row)) if len(cells) < len(kinds) else None
            # a line whose every cell stands under a column of the header (a service's words
            # wrapped under its own cell: ``L4-5, single interspace``) goes on with the row
            if under is None or not rows:
                break
            # the rest of the row above, wrapped under its columns
            rows[-1] = _grown(rows[-1], [kinds[c] for c in under], cells, row, vocabulary)
        return rows or None
    return None


def _grown(
    above: TableRow,
    kinds: Sequence[str],
    cells: Sequence[Cell],
    row: Token,
    vocabulary: Vocabulary | None,
) -> TableRow:
    """The row ``above`` with the next line's ``cells`` (under the columns ``kinds``) joined
    to its own, cell by cell."""
    grown = dict(above.cells)
    for kind, cell in zip(kinds, cells, strict=True):
        grown[kind] = _joined(grown[kind], cell, vocabulary) if kind in grown else cell
    return TableRow(grown, Cell(f"{above.whole.text} {row.text}", above.whole.start, row.end))


def _goes_on(above: TableRow, kinds: Sequence[str], cells: Sequence[Cell]) -> bool:
    """Whether a line of ``cells`` (under the columns ``kinds``) goes on with the row
    ``above`` though it has a code of its own: the service's words wrap into it, the row
    above's ending in a joining word or this line's starting in lower case (``... medial
    branch blocks, L4-5 and`` / ``L5-S1``, ``... ablation, L4-5`` / ``and L5-S1``: one
    service billed under two codes)."""
    text = dict(zip(kinds, cells, strict=True)).get("text")
    before = above.cells.get("text")
    if text is None or before is None or not before.text.split():
        return False
    last = before.text.split()[-1].lower()
    return last in JOINING_WORDS or text.text[:1].islower()


def _marked_verdict(letter: Letter, row: TableRow) -> tuple[Outcome, Span | None] | None:
    """The verdict a mark under the ``Upheld`` or ``Overturned`` column gives ``row``."""
    for kind, verdict in (("upheld", Outcome.UPHELD), ("overturned", Outcome.OVERTURNED)):
        cell = row.cells.get(kind)
        if cell is not None and cell.text.strip():
            return verdict, letter.span(cell.start, cell.end)
    return None


def table_services(letter: Letter, rows: Sequence[TableRow], outcome: Read) -> Read:
    """The services of a table's ``rows``: each row's own cell as the text, its code and
    units cells, and the per-service outcome read from the whole row (a decision column's
    ``Overturned``) as :func:`~iroparse._fields.service_outcomes.service_outcomes` reads a
    list's items; ``outcome`` is the letter's outcome (its reader's result)."""
    codes = [row.codes() for row in rows]
    decided, notes = service_outcomes(
        letter,
        [row.whole.text for row in rows],
        [[c[0] for c in found] for found in codes],
        outcome.value,
        outcome.spans.get("outcome"),
    )
    marked = [_marked_verdict(letter, row) for row in rows]
    decided = [m or d for m, d in zip(marked, decided, strict=True)]
    services = []
    for row, found, decision in zip(rows, codes, decided, strict=True):
        text = row.cells["text"]
        words = service_values(text.text)
        units = row.units()
        # the code column decides the category, else the service's own words
        by_code = code_category(found)
        category: str | None
        category_span: Span | None
        if by_code is not None:
            category, category_span = by_code[0], letter.span(*by_code[1])
        else:
            category, category_span = words.category, None
            if words.category_at is not None:
                words_at = text.text[slice(*words.category_at)]
                category_span = letter.locate(words_at, text.start, text.end)
        services.append(
            Service(
                " ".join(text.text.split()),
                tuple(code for code, _, _, _ in found),
                letter.span(text.start, text.end),
                tuple(Code(code, system, letter.span(s, e)) for code, system, s, e in found),
                int(units.text) if units is not None else words.units,
                category,
                decision[0] if decision else None,
                ServiceSpans(
                    letter.span(units.start, units.end) if units is not None else None,
                    category_span,
                    decision[1] if decision else None,
                ),
            )
        )
    notes += unknown_categories(services)
    notes += [
        diag.make("digits-from-ocr", f"read the code {printed!r} as {code!r}", span=span)
        for row, found in zip(rows, codes, strict=True)
        for printed, code, span in _scanned(letter, row, found)
    ]
    return Read(tuple(services), {}, tuple(notes))


def _scanned(
    letter: Letter, row: TableRow, found: Sequence[tuple[str, str, int, int]]
) -> list[tuple[str, str, Span]]:
    """The codes of ``row``'s code cell that a scan printed with letters for digits: the
    code as printed, as read, and its span."""
    cell = row.cells.get("code")
    if cell is None:
        return []
    printed = [(cell.text[s - cell.start : e - cell.start], code, s, e) for code, _, s, e in found]
    return [(text, code, letter.span(s, e)) for text, code, s, e in printed if text != code]

"""Stage 1, part of normalization: a table drawn with characters loses its rules and walls.

A table drawn with characters (``+----+``, ``| a | b |``, or box-drawing ``┌──┐``) has its
rules blanked and its walls written as blanks, one character for one, so every offset into the
text stays; :func:`tables_undrawn` is what :func:`~iroparse._pipeline.normalize.normalize`
calls.
"""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["tables_undrawn"]


def tables_undrawn(text: str) -> str:
    """``text`` with its drawn tables' rules and walls blanked, one character for one."""
    if not any(c in text for c in _DRAWN_SIGNS):
        return text
    if "+-" in text:
        text = _inset_boxes_undrawn(text)
    if "|" in text or "+-" in text:  # (a scan may have misread every bar)
        text = _walls_read(text)
    if "|" in text:
        text = _inner_bars_undrawn(text)
    return _DRAWN_LINE.sub(_undrawn, text)


#: A drawn table's characters, light, heavy, double or rounded: its walls, the corners and
#: joints a line may open or close with, and a rule's strokes.
_WALL_CHARS = "|│┃║"
_OPENING = "+┌└├┏┗┣╔╚╠╭╰"
_CLOSING = "+┐┘┤┓┛┫╗╝╣╮╯"
_RULE_STROKES = "-=─━═+┼┬┴╋┳┻╬╦╩"
#: A line of a table drawn with characters: a rule (``+------+------+``) or a row between
#: cell walls (``| IRO Case No. | Date of Review |``), its first and last characters drawn.
_DRAWN_LINE = re.compile(
    # (or a ribbon's left border alone: ``┃ Rio Hondo IRO Case ID: ...``)
    rf"(?m)^[ \t]*(?:[{_WALL_CHARS}{_OPENING}][^\n]*[{_WALL_CHARS}{_CLOSING}]|[│┃║][^\n]*)[ \t]*$"
    # (or the table's part of a line with a sidebar's words right of it, past a wide gap:
    # ``| Reduction mammaplasty | 19318 |    Quality Director``; wider than a box a scan
    # read as bars, ``|Z|    Medical Judgement``)
    rf"|^[ \t]*[|{_OPENING}][^\n]{{8,}}?[|{_CLOSING}]"
    rf"(?=[ \t]{{3,}}[^{_WALL_CHARS}{_CLOSING}\n]+$)"
)
_DRAWN_RULE = re.compile(
    rf"[ \t]*(?:[{_OPENING}][{_RULE_STROKES}{_CLOSING} \t]*|\|[-=:+| \t]*-[-=:+| \t]*)"
)
_WALLS = str.maketrans(dict.fromkeys(_WALL_CHARS, " "))
#: A character a drawn table cannot lack (a wall, or a rule's corner): a text without any is
#: spared the table rules.
_DRAWN_SIGNS = _WALL_CHARS + "+"


def _undrawn(line: re.Match[str]) -> str:
    """A drawn table's line as blanks (its rule) or as its cells with blanks for walls: the
    same length, so every offset stays."""
    text = line.group()
    return " " * len(text) if _DRAWN_RULE.fullmatch(text) else text.translate(_WALLS)


#: A box's top or bottom drawn right of other text: ``LOST PINES ...     +----------+``.
_INSET_RULE = re.compile(r"(?m)^(?P<left>.*?\S.*?[ \t]{2,}|[ \t]+)\+-[-=]*\+[ \t]*$")


def _inset_boxes_undrawn(text: str) -> str:
    """``text`` with each box drawn right of other text (a stamp's frame beside the
    letterhead) undrawn: its rules and the walls at their corners' columns as blanks, the
    same length, so every offset stays; a box not closed below is left as it is."""
    lines = text.split("\n")
    rules = [(n, m.end("left"), len(lines[n].rstrip()) - 1) for n, m in _inset_rows(lines)]
    for (top, left, right), (bottom, left2, right2) in pairwise(rules):
        if (left, right) != (left2, right2):
            continue
        walls = [_walls_at(line, left, right) for line in lines[top + 1 : bottom]]
        if not all(walls):
            continue
        for n in (top, bottom):
            lines[n] = lines[n][:left] + " " * (right + 1 - left) + lines[n][right + 1 :]
        for n, found in zip(range(top + 1, bottom), walls, strict=True):
            line, (at, to) = lines[n], found or (left, right)
            lines[n] = f"{line[:at]} {line[at + 1 : to]} {line[to + 1 :]}"
    return "\n".join(lines)


def _walls_at(line: str, left: int, right: int) -> tuple[int, int] | None:
    """The columns of a box's two walls on ``line``, each where the rules' corners stand or a
    column off (an extractor's rounding), or ``None`` when the line has no such walls."""
    found = [
        next((c for c in (at, at - 1, at + 1) if 0 <= c < len(line) and line[c] in "|│"), None)
        for at in (left, right)
    ]
    return (found[0], found[1]) if found[0] is not None and found[1] is not None else None


#: What a scan reads a table's wall as: ``I``, ``l`` or ``1``, blanks or the line's ends
#: around it.
_WALL_MISREAD = frozenset("Il1")


#: A drawn table's rule between rows: ``+----+-------+``.
_RULE_ROW = re.compile(r"[ \t]*\+(?:[-=]+\+){2,}[ \t]*")


def _walls(line: str) -> list[int]:
    """The columns of ``line``'s walls: its bars, or a drawn rule's corners."""
    if "|" in line:
        return [c for c, ch in enumerate(line) if ch == "|"]
    if "+" in line and _RULE_ROW.fullmatch(line):
        return [c for c, ch in enumerate(line) if ch == "+"]
    return []


def _walls_read(text: str) -> str:
    """``text`` with the walls of a drawn table that a scan read as letters (``I 09/22/2021
    I DWC notice ... I``) written as bars, where the row above or below has its bars in
    those columns: one character for one, so every offset stays."""
    lines = text.split("\n")
    # (a drawn rule's corners stand where the walls do: ``+----+-----+``)
    walls = [_walls(line) for line in lines]
    # the rows of a drawn table lean on one another: a row read right gives its bars to the
    # row next to it (``l ... l ... |`` over ``I ... I ... I`` over ``| ... | ... |``)
    pending = [
        n
        for n, line in enumerate(lines)
        if len(body := line.strip()) >= 3
        and (body[0] in _WALL_MISREAD or body[-1] in _WALL_MISREAD)
    ]
    read_any, changed = False, True
    while changed and pending:
        changed = False
        for n in list(pending):
            read = _row_walls(lines[n], walls, n)
            if read is not None:
                lines[n] = read
                walls[n] = [c for c, ch in enumerate(read) if ch == "|"]
                pending.remove(n)
                read_any = changed = True
    return "\n".join(lines) if read_any else text


def _row_walls(line: str, walls: list[list[int]], n: int) -> str | None:
    """Row ``n`` (``line``) with its misread walls written as bars, in the columns of the bars
    of the row above or below; ``None`` when neither gives it a bar at both ends."""
    for m in (n - 1, n + 1):
        columns = walls[m] if 0 <= m < len(walls) else []
        if len(columns) < 2 or columns[0] != len(line) - len(line.lstrip()):
            continue
        chars = list(line)
        for c in columns:
            if (
                c < len(line)
                and line[c] in _WALL_MISREAD
                and not line[c - 1 : c].strip()
                and not line[c + 1 : c + 2].strip()
            ):
                chars[c] = "|"
        read = "".join(chars)
        if read.lstrip()[:1] == "|" and read.rstrip()[-1:] == "|":
            return read
    return None


#: A table's rule between inner bars only, no outer walls: ``-----+--------+----``,
#: ``=====|=====``.
_INNER_RULE = re.compile(r"[ \t]*[-=]{3,}(?:[+|][-=]{3,})+[ \t]*")
#: A table's cell wall between two cells, a bar with blanks around it (or after the last
#: cell, an empty one's: ``08/2019     | status reports (DWC-73)        |``).
_INNER_BAR = re.compile(r"(?<=\S) +\|(?: +(?=\S)| *$)")
#: A bar standing alone between blanks (or at the line's end): a wall of the table's row.
_BAR_ALONE = re.compile(r"(?:(?<=\s)|^)\|(?=\s|$)")


def _inner_bars_undrawn(text: str) -> str:
    """``text`` with each table drawn with inner bars only (``Date | Document | Source`` over
    ``-----+-----+-----``, its rows ``09/03/2019 | Notice of IRO assignment | DWC``) undrawn:
    its rule as blanks, its bars as blanks (one for one, so every offset stays). The rows are
    the lines with a bar between cells right above and below the rule, two rows at least."""
    lines = text.split("\n")
    changed = False
    for n, line in enumerate(lines):
        if ("-" not in line and "=" not in line) or not _INNER_RULE.fullmatch(line):
            continue
        rows = [n - 1] if n and _INNER_BAR.search(lines[n - 1]) else []
        below = n + 1
        while below < len(lines) and _INNER_BAR.search(lines[below]):
            rows.append(below)
            below += 1
        if len(rows) < 2:
            continue
        lines[n] = " " * len(line)
        for k in rows:
            lines[k] = _BAR_ALONE.sub(" ", lines[k])
        changed = True
    return "\n".join(lines) if changed else text


def _inset_rows(lines: list[str]) -> list[tuple[int, re.Match[str]]]:
    """The lines that are an inset box's rule, with their match."""
    return [(n, m) for n, line in enumerate(lines) if (m := _INSET_RULE.match(line))]

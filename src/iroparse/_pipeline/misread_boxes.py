"""Checklist boxes and marks that text recognition misread, rewritten so a layout reads them
(the section's text keeps them as written; the offsets stay the same).

Before a label: ``IX]``, ``|X|``, ``I ]``, ``| |``, ``[ J``, ``[Xj``, ``[)(]``, ``[><]``,
``[v]`` (a check mark), ``IZI`` for ``[X]`` and ``[ ]``; ``(X}``, ``( }``, ``(x1`` for ``(X)``
and ``( )``; ``D``, ``0``, ``O`` and ``LJ`` for ``☐`` beside ``IZI``; ``><`` for a leading
``X``, and ``O`` or ``0`` for the blank before an unchecked item among leading ``X`` marks;
``v'``, ``V``, ``®`` for a check mark or a chosen radio button. After a label: ``[Xl`` for
``[X]``, ``0`` for an empty box, ``V`` or ``><`` for a trailing ``X``. The characters a scan
reads a box as are one vocabulary, :mod:`iroparse.tables.misread_marks`;
:mod:`iroparse._pipeline.column_marks` runs these readers with its YES/NO columns.
"""

from __future__ import annotations

import attrs
import regex

from iroparse._pipeline.column_rows import ROW_MARK
from iroparse._pipeline.sections import RawSection
from iroparse._pipeline.tokens import TokenKind
from iroparse.catalogue import GLYPHS
from iroparse.tables.misread_marks import (
    BOX_CROSS,
    BOX_LEFT,
    BOX_RIGHT,
    EMPTY_BOX_LETTERS,
    MISREAD_SIDE,
)

__all__ = ["OCR_BOX", "OCR_TRAILING", "boxes_read", "checks_read"]

#: A bracketed box as text recognition reads it, at a line's start, before its label: ``[``
#: or ``]`` read as ``I``, ``l``, ``1`` or ``|`` (``IX]``, ``|X|``; ``[`` as ``L`` too, before
#: a bracket: ``L ]``), ``]`` as ``J`` (``[ J``, ``[Xl``), with at least one side still a
#: bracket or a bar, or both sides misread around the mark (``IXI``) or around nothing
#: (``I I``); and ``☒`` read as ``IZI`` or ``181``, ``[8]``, ``[gJ`` (the box's sides and its
#: cross).
OCR_BOX = regex.compile(
    # (an empty box's inside may be an underscore: ``[_]``)
    rf"^(?P<indent>\s*)(?=[\[|]|[{MISREAD_SIDE}L]\s*[Xx]?\s*[\]|]"
    rf"|[{MISREAD_SIDE}][{BOX_CROSS}8][{MISREAD_SIDE}]|[{MISREAD_SIDE}] [{MISREAD_SIDE}]\s)"
    rf"(?P<box>[{BOX_LEFT}L]\s*(?:(?P<x>[{BOX_CROSS}vV8g]|\)\(|><)|_{{1,2}})?\s*[{BOX_RIGHT}Jj])"
    r"(?=\s)"
    # or the cross read as the box's two sides: ``><``; or drawn so between underscores
    # (``_)(_``)
    r"|^(?P<indent>\s*)(?P<box>(?P<x>><))(?=\s)"
    r"|^(?P<indent>\s*)(?P<box>_(?P<x>\)\(|><)_)(?=\s)"
)
#: A box in parentheses as text recognition reads it: a side read as a brace (``(X}``,
#: ``( }``, ``{X)``), the closing side as ``1``, ``l`` or ``|`` after a cross (``(x1``), or
#: the opening side of an empty box as ``C`` (``C )``).
OCR_PAREN = regex.compile(
    r"^(?P<indent>\s*)(?P<box>(?=\{|\([^)]{0,3}[}1lI|]|C\s{1,2}\))"
    r"[({C]\s*(?:(?P<x>[Xx])\s*[)}1lI|]|[)}]))(?=\s)"
)
#: ``☐`` as text recognition reads it: a ``D`` (or ``0``, ``O``, ``o``; or ``LJ``, ``L_J``, ``U``:
#: the box's bottom corners; ``Cl``, its sides) alone before a label, in a checklist whose
#: checked boxes came out as ``IZI``.
OCR_EMPTY_GLYPH = regex.compile(
    rf"^(?P<indent>\s*)(?P<box>[{EMPTY_BOX_LETTERS}]|L_?J|U|C[l1I])(?=\s+\S)"
)
#: A glyph box as printed before its label: in a checklist of :data:`MIN_GLYPH_BOXES` of them
#: at least, a box drawn otherwise (``O``, ``0``, ``[X]``) is one a scan misread.
_GLYPH_START = regex.compile(rf"\s*[{GLYPHS}]\s")
MIN_GLYPH_BOXES = 3
#: A bracketed box as written, before its label ...
_BRACKET_BOX = regex.compile(r"\s*\[\s*[Xx]?\s*\](?=\s)")
#: ... or with its closing bracket read as a parenthesis (``[X)``, ``[ )``) ...
_HALF_BRACKET_BOX = regex.compile(r"\s*\[\s*[Xx]?\s*\)(?=\s)")
#: ... at least this many in a checklist, where a box with a parenthesis for a bracket
#: (``(X)``, ``[X)``, ``( ]``) is a bracket box a scan misread.
MIN_BRACKETED = 3
_MIXED_BOX = regex.compile(
    r"^(?P<indent>\s*)(?P<box>(?:\(\s*(?P<x>[Xx])?\s*[)\]]|\[\s*(?P<x>[Xx])?\s*\)))(?=\s)"
)
#: A leading ``X`` before its label (``X  MEDICAL JUDGEMENT, ...``).
LEADING_X = regex.compile(r"\s*[Xx]\s{2,}\S")
#: An empty box read as ``O`` or ``0`` before a label, in a checklist of leading ``X`` marks
#: (``O  INTERQUAL CRITERIA``): there an unchecked item has no mark, so it is written blank.
OCR_EMPTY_LETTER = regex.compile(r"^(?P<indent>\s*)(?P<box>[0O])(?=\s{2,}\p{Lu})")
#: A box after its label as text recognition reads it, past a gap or dot leaders at the
#: line's end: a bracketed box with a side misread (``[Xl``, ``IX]``; ``☒`` read as ``IZI``),
#: or an empty box read as ``0``, ``O``, ``o``, ``D`` or ``[ l``. Read only in a checklist with a
#: misread checked box and two such empty ones.
OCR_TRAILING = regex.compile(
    r"(?<=\S\s{2,}|\.\s{1,8})(?P<box>(?P<x>[Xx])"
    rf"|[{BOX_LEFT}]\s*(?P<x>[{BOX_CROSS}])\s*[{BOX_RIGHT}Jj]|[{EMPTY_BOX_LETTERS}]"
    # (an empty bracket box, a side misread: ``[ l``, ``I ]``)
    rf"|\[\s+[{MISREAD_SIDE}Jj]|[{MISREAD_SIDE}]\s+\])\s*$"
)
#: A check mark or a chosen radio button as text recognition reads it, before its label:
#: ``v'``, ``V``, ``./``, ``\/`` or ``~`` for ``✓``, ``®`` or ``@`` for ``◉``; read among two empty
#: boxes at least (:data:`OCR_EMPTY_GLYPH`: ``O   Upheld (Agree)`` / ``®   Overturned
#: (Disagree)``).
OCR_CHECK = regex.compile(r"^(?P<indent>\s*)(?P<box>v'|V|\./|\\/|~|®|@)(?=\s{2,}\S)")
#: What a chosen radio button ``◉`` is read as (of :data:`OCR_CHECK`'s marks).
_RADIO_READ = ("®", "@")
#: ``✓`` read as ``V`` or ``v'``, an ``X`` as ``><`` or ``)(``, after its label (past a gap
#: or dots), in a checklist whose unchecked items carry no mark: written as the trailing
#: ``X`` layout marks them.
OCR_TRAILING_CHECK = regex.compile(r"(?<=\S\s{2,}|\.\s{1,8})(?P<box>V|v'|><|\)\()\s*$")
#: Of those, an ``X`` read as two strokes (``><``, ``)(``).
_CROSSES = ("><", ")(")
#: A check mark as printed before its label.
_CHECK_GLYPH = regex.compile(r"\s*[✓✔]\s")
#: What a box's cross may be as a layout reads it (none, or ``X``).
_READ_CROSS = (None, "X", "x")


def boxes_read(section: RawSection) -> RawSection:
    """``section`` with its misread boxes written as ``[X]`` and ``[ ]`` (glyph boxes as
    ``☒`` and ``☐``)."""
    body = list(section.body)
    changed = False
    boxes = [
        (OCR_BOX.match(t.text) or OCR_PAREN.match(t.text)) if t.kind is TokenKind.TEXT else None
        for t in body
    ]
    texts = [t.text for t in body if t.kind is TokenKind.TEXT]
    # ``☒`` read as ``IZI``, or as ``IXI`` or ``[Xl`` among ``D`` boxes (``☐`` read as a
    # letter)
    glyphs = (
        any(box is not None and box.group("x") in ("Z", "8") for box in boxes)
        or (
            any(box is not None and _misread_cross(box) for box in boxes)
            and sum(OCR_EMPTY_GLYPH.match(text) is not None for text in texts) >= 2
        )
        # or a box misread among glyph boxes as printed (``O`` or ``[X]`` among ``☐``)
        or sum(_GLYPH_START.match(text) is not None for text in texts) >= MIN_GLYPH_BOXES
    )
    letters = any(LEADING_X.match(text) for text in texts) and (
        sum(OCR_EMPTY_LETTER.match(text) is not None for text in texts) >= 2
    )
    trailing = [OCR_TRAILING.search(t.text) if t.kind is TokenKind.TEXT else None for t in body]
    if any(m is not None and m.group("x") and len(m.group("box")) > 1 for m in trailing) and (
        sum(m is not None and not m.group("x") for m in trailing) >= 2
    ):
        # ``[Xl`` and ``0`` after their labels: written as the trailing ``X`` layout marks
        # them, the cross alone and the empty box blank (the offsets stay the same)
        for k, (token, mark) in enumerate(zip(body, trailing, strict=True)):
            if mark is not None:
                width = mark.end("box") - mark.start("box")
                box_text = ("X" if mark.group("x") else "").rjust(width)
                text = f"{token.text[: mark.start('box')]}{box_text}{token.text[mark.end('box') :]}"
                body[k] = attrs.evolve(token, text=text)
                changed = True
    # brackets read as parentheses on a line or two among bracketed boxes: ``(X)``, ``[X)``;
    # or a closing bracket read as a parenthesis in every box (``[ )``, ``[X)``)
    bracketed = any(
        sum(box.match(text) is not None for text in texts) >= MIN_BRACKETED
        for box in (_BRACKET_BOX, _HALF_BRACKET_BOX)
    )
    for k, (token, box) in enumerate(zip(body, boxes, strict=True)):
        if box is None and bracketed and token.kind is TokenKind.TEXT:
            box = _MIXED_BOX.match(token.text)
        if box is None and glyphs and token.kind is TokenKind.TEXT:
            box = OCR_EMPTY_GLYPH.match(token.text)
        elif box is None and letters and token.kind is TokenKind.TEXT:
            box = OCR_EMPTY_LETTER.match(token.text)
        cross = box.groupdict().get("x") if box is not None else None
        if box is None or (
            box.group("box")[0] == "["
            and box.group("box")[-1] == "]"
            and cross in _READ_CROSS
            # (among glyph boxes a bracketed one is a glyph too: one layout reads them all)
            and not glyphs
        ):
            continue
        # its two sides as brackets, its inside as written (a glyph's box as the glyph, a
        # misread cross as ``X``): the offsets stay the same
        start, end = box.start("box"), box.end("box")
        inside = token.text[start + 1 : end - 1]
        if box.re is OCR_PAREN:
            box_text = f"[{inside}]" if bracketed else f"({inside})"
        elif box.group("box") == "><":  # a bare cross, no box around it
            box_text = "X "
        elif box.group("box")[0] == "_":  # a cross between underscores: ``_)(_``
            box_text = "_X_ "
        elif letters and not glyphs and end - start == 1:  # ``O`` before a leading X's label
            box_text = " "
        elif cross in ("Z", "8") or end - start == 1 or glyphs:  # a glyph box: ``☒``, ``☐``
            box_text = ("☒" if end - start > 1 and cross else "☐").ljust(end - start)
        else:
            for drawn in (")(", "><"):  # a cross drawn by hand: ``[)(]``, ``[><]``
                inside = inside.replace(drawn, "X ")
            box_text = f"[{inside.replace('v', 'X').replace('V', 'X')}]"
        text = f"{token.text[:start]}{box_text}{token.text[end:]}"
        body[k] = attrs.evolve(token, text=text)
        changed = True
    if not changed:
        return section
    return attrs.evolve(section, body=tuple(body), shown=section.shown or section.body)


def checks_read(section: RawSection) -> RawSection:
    """``section`` with the check marks text recognition misread (:data:`OCR_CHECK`,
    :data:`OCR_TRAILING_CHECK`) written as ``☒`` and ``☐`` before the labels (as ``X`` where
    no box is drawn for the unchecked ones), or as ``X`` after them; the offsets stay the
    same."""
    texts = [t.text if t.kind is TokenKind.TEXT else "" for t in section.body]
    leading = [OCR_CHECK.match(text) for text in texts]
    empty = [OCR_EMPTY_GLYPH.match(text) for text in texts]
    trailing = [OCR_TRAILING_CHECK.search(text) for text in texts]
    real = any(ROW_MARK.search(text) for text in texts)
    boxes: list[tuple[regex.Match[str] | None, str]] = []
    if any(leading) and sum(m is not None for m in empty) >= 2:
        boxes = [
            (m, "☒") if m is not None else (e, "☐") for m, e in zip(leading, empty, strict=True)
        ]
    elif any(m is not None and (m["box"] in _CROSSES or not real) for m in trailing):
        # (beside ``X`` marks read right, only a cross read as ``><`` is one too)
        boxes = [
            (m if m is None or m["box"] in _CROSSES or not real else None, "X") for m in trailing
        ]
    elif any(m is not None and m.group("box") not in _RADIO_READ for m in leading) and not any(
        empty
    ):
        # with the unchecked items unmarked (``\/     Medical Judgement ...`` /
        # ``       Mercy Center ...``): written as the leading ``X`` layout marks them. A
        # chosen radio button read as ``®`` or ``@`` counts only among empty buttons (the
        # branch above): alone it may be any symbol a line starts with, a check mark may not
        # (``@  Fax`` in a letterhead's list is no item of a checklist); beside check marks
        # read right (``✓   ODG ...``), written as they are
        tick = "✓" if any(_CHECK_GLYPH.match(text) for text in texts) else "X"
        boxes = [(m, tick) for m in leading]
    if not boxes:
        return section
    body = list(section.body)
    for k, (box, mark) in enumerate(boxes):
        if box is not None:
            start, end = box.span("box")
            text = texts[k]
            body[k] = attrs.evolve(
                body[k], text=text[:start] + mark.ljust(end - start) + text[end:]
            )
    return attrs.evolve(section, body=tuple(body), shown=section.shown or section.body)


def _misread_cross(box: regex.Match[str]) -> bool:
    """A checked box with a side misread (``IXI``, ``[Xl``), not ``[X]`` as written."""
    drawn = box.group("box")
    return bool(box.group("x")) and (drawn[0] != "[" or drawn[-1] != "]")

"""The mark shapes of the built-in layouts, as data.

Each built-in layout class takes its :attr:`~iroparse.layout.Layout.mark_shape` and
:attr:`~iroparse.layout.Layout.mark_chars` from :data:`SHAPES`. The table lives apart from
the classes so that :mod:`iroparse.layout` can build its deprecated
:data:`~iroparse.layout.ANY_MARK` from it without importing the classes (which import it).
The parser itself uses :attr:`iroparse.plugins.Registry.any_mark`, the union of every
*registered* layout's shape, plugins' included.
"""

from __future__ import annotations

from attrs import frozen

from iroparse.catalogue import GLYPHS

__all__ = [
    "BRACKET_BOX",
    "GLYPH_BOX",
    "PAREN_BOX",
    "SHAPES",
    "TICKS",
    "UNDERLINE_BOX",
    "YES_NO_TICK",
    "MarkShape",
    "before_or_after",
]


@frozen
class MarkShape:
    """How one layout's marks look: ``shape``, a regular expression (``regex`` syntax) that
    :meth:`~regex.Pattern.search` finds in every line carrying a mark of the layout, and
    ``chars``, characters at least one of which every such line contains ("" for none)."""

    shape: str
    chars: str


#: A box's content when ticked (or empty): an X, a check mark, or a star, square, dot or
#: cross a word processor puts in a ticked box (``[*]``, ``[■]``, ``(●)``, ``[✗]``, ``[×]``;
#: a chosen radio button, ``(•)``, ``(◉)``).
_TICK = "xX✓✔√*■●•◉✗✘×"
#: What a ticked box holds, upper-cased: the ``checked_marks`` of the box layouts.
TICKS = frozenset("X✓✔√*■●•◉✗✘×")
#: A bracketed box's answer instead of a tick: ``[Y]`` ticked, ``[N]`` not; and an ``X`` a
#: scan read as ``K`` (``[K]``).
YES_NO_TICK = "YyNnK"
#: ``[ X ]``, ``[x]``, ``[  ]``, ``[]``; ``[Y]`` and ``[N]``.
BRACKET_BOX = rf"\[\s*[{_TICK}{YES_NO_TICK}]?\s*\]"
#: ``( X )``, ``(x)``, ``(   )``, ``()``.
PAREN_BOX = rf"\(\s*[{_TICK}]?\s*\)"
#: ``_X_``, ``__X__``, ``___``: a tick on a line to fill in, or the empty line; a scan may
#: print the tick at the line's start (``X__``).
UNDERLINE_BOX = rf"_{{1,5}} ?[{_TICK}] ?_{{1,5}}|[{_TICK}]_{{2,5}}|_{{3,8}}"
#: One checkbox glyph (``☒``, ``☐``, a Wingdings code point, ...).
GLYPH_BOX = f"[{GLYPHS}]"
#: An X alone in a column before the label: two spaces or a tab after it, or one space
#: before a capital or a parenthesis (``X Overturned``).
_LEADING_X = r"^\s*[xX]{1,2}(?:\s{2,}|\t|\s(?=[\p{Lu}(]))"
#: A Yes or No answer: after the label (``ODG ...   Yes``), or before it and spaced from it.
_YES_NO = r"(?i:yes|no)"


def before_or_after(box: str) -> str:
    """The shape of a ``box`` written before the label or after it (a column of boxes)."""
    return rf"^\s*{box}|{box}\s*$"


SHAPES: dict[str, MarkShape] = {
    "bracket": MarkShape(before_or_after(BRACKET_BOX), "["),
    "trailing-x": MarkShape(r"(?<=\S)\s+[xX]\s*$|^\s*[xX]\s*$", "xX"),
    "leading-x": MarkShape(_LEADING_X, "xX"),
    "paren": MarkShape(before_or_after(PAREN_BOX), "("),
    "glyph": MarkShape(before_or_after(GLYPH_BOX), GLYPHS),
    "underline": MarkShape(before_or_after(UNDERLINE_BOX), "_"),
    # no boxes: the outcome is unmarked, so the layout is scored on every letter
    "inline": MarkShape(_LEADING_X, ""),
    "yesno": MarkShape(rf"(?<!\S){_YES_NO}\s*$|^\s*{_YES_NO}(?=\s{{2}}|\t)", "YyNn"),
}
"""Every built-in layout's mark shape, by layout name."""

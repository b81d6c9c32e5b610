"""The built-in letter layouts, one class each, registered through
:func:`~iroparse.hookspecs.iroparse_register_layouts` like any plugin's.

=============  ===========================================================================
layout         marks
=============  ===========================================================================
bracket        ``[ X ] Upheld (Agree)``, ``[  ] Overturned (Disagree)``, ``[x]``, ``[]``, ``[Y]``
trailing-x     ``Upheld (Agree)   X``; unchecked items carry no mark
leading-x      ``X   Overturned (Disagree)``; unchecked items indented, no mark
paren          ``( X ) Overturned (Disagree)``, ``(   ) Upheld (Agree)``
glyph          ``☒ Upheld (Agree)``, ``☐ Overturned (Disagree)``, and Wingdings code points
underline      ``_X_ Upheld (Agree)``, ``__X__``, ``___ Overturned (Disagree)``
inline         ``...should be: Overturned (Disagree)``; only checked criteria, behind an ``X``
yesno          ``Upheld (Agree) ...   Yes``, ``Overturned (Disagree) ...   No``; or ``Yes  label``
=============  ===========================================================================

What each layout's marks look like (its ``mark_shape`` and ``mark_chars``) is the table
:data:`iroparse._builtin.marks.SHAPES`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

import attrs
import regex

from iroparse._builtin.marks import BRACKET_BOX, GLYPH_BOX, PAREN_BOX, SHAPES, TICKS, UNDERLINE_BOX
from iroparse.catalogue import CHECKED_GLYPHS, OUTCOMES, SHOULD_BE, words
from iroparse.hookspecs import hookimpl
from iroparse.layout import Checklist, Layout, Mark, RegexLayout, tick_union

if TYPE_CHECKING:
    from iroparse.model import Decision


def _box_before_or_after(box: str) -> regex.Pattern[str]:
    """A :class:`RegexLayout` pattern for a ``box`` (a regular expression) written before
    the label, or after it as PDFs that draw a column of boxes extract them."""
    return regex.compile(
        rf"^\s*(?:(?P<mark>{box})\s*(?P<label>.*?)|(?P<label>.*?\S)\s+(?P<mark>{box}))\s*$"
    )


class _BoxLayout(RegexLayout):
    """A layout whose items start with a box: rendered ``{checked_box} label`` or
    ``{unchecked_box} label``; the subclasses are data."""

    checked_box: ClassVar[str] = "[ X ]"
    """The box of a checked item, as :meth:`format_item` writes it."""
    unchecked_box: ClassVar[str] = "[  ]"
    """The box of an unchecked item."""

    def format_item(self, label: str, checked: bool) -> str:
        """``BOX label``, the box checked or not."""
        return f"{self.checked_box if checked else self.unchecked_box} {label}"


class BracketLayout(_BoxLayout):
    """``[ X ] Upheld (Agree)``: a bracketed box before each label."""

    name = "bracket"
    description = "A bracketed box before each item: [ X ] checked, [  ] unchecked."
    pattern = _box_before_or_after(BRACKET_BOX)
    checked_marks = TICKS | {"Y", "K"}  # ``[Y]`` answers yes, ``[N]`` no; ``[K]``: a scan's X
    mark_shape, mark_chars = SHAPES[name].shape, SHAPES[name].chars
    checked_box, unchecked_box = "[ X ]", "[  ]"


class TrailingXLayout(RegexLayout):
    """``Upheld (Agree)   X``: an X in a column after the checked labels only."""

    name = "trailing-x"
    description = "An X after the checked items' labels; unchecked items carry no mark."
    position = "after"
    sparse = True
    pattern = regex.compile(r"^\s*(?P<label>.*?)(?:(?<=\S)\s+|^\s*)(?P<mark>[xX])\s*$")
    mark_shape, mark_chars = SHAPES[name].shape, SHAPES[name].chars

    def format_item(self, label: str, checked: bool) -> str:
        """``label   X`` or ``label``."""
        return f"{label}   X" if checked else label


class LeadingXLayout(RegexLayout):
    """``X   Overturned (Disagree)``: an X before the checked labels, the others indented."""

    name = "leading-x"
    description = "An X before the checked items' labels; unchecked items indented, no mark."
    sparse = True
    # (an X typed twice over is one mark: ``XX    Overturned (Disagree)``)
    checked_marks = frozenset({"X", "XX"})
    pattern = regex.compile(
        r"^\s*(?P<mark>[xX]{1,2})(?:\s{2,}|\t+|\s(?=[\p{Lu}(]))(?P<label>\S.*?)\s*$"
    )
    mark_shape, mark_chars = SHAPES[name].shape, SHAPES[name].chars

    def format_item(self, label: str, checked: bool) -> str:
        """``X   label`` or ``    label``."""
        return f"X   {label}" if checked else f"    {label}"


class ParenLayout(_BoxLayout):
    """``( X ) Overturned (Disagree)``: a box in parentheses before each label."""

    name = "paren"
    description = "A box in parentheses before each item: ( X ) checked, (   ) unchecked."
    pattern = _box_before_or_after(PAREN_BOX)
    checked_marks = TICKS
    mark_shape, mark_chars = SHAPES[name].shape, SHAPES[name].chars
    checked_box, unchecked_box = "( X )", "(   )"


class GlyphLayout(_BoxLayout):
    """``☒ Upheld (Agree)``: checkbox characters instead of letters, before the labels or, as
    some PDFs extract a column of boxes, after them (``Upheld (Agree)   ☒``)."""

    name = "glyph"
    description = "Checkbox characters: ☒ ☑ ✓ ✔ ■ ● checked, ☐ □ ○ unchecked (and Wingdings)."
    pattern = _box_before_or_after(GLYPH_BOX)
    checked_marks = frozenset(g.upper() for g in CHECKED_GLYPHS)
    mark_shape, mark_chars = SHAPES[name].shape, SHAPES[name].chars
    checked_box, unchecked_box = "☒", "☐"


class UnderlineLayout(_BoxLayout):
    """``_X_ Upheld (Agree)``: a tick on a line to fill in, ``___`` left blank."""

    name = "underline"
    description = "A line to fill in before each item: _X_ or __X__ checked, ___ unchecked."
    pattern = _box_before_or_after(UNDERLINE_BOX)
    checked_marks = TICKS
    mark_shape, mark_chars = SHAPES[name].shape, SHAPES[name].chars
    checked_box, unchecked_box = "_X_", "___"


_OUTCOME_START = regex.compile("|".join(f"(?:{e.signature})" for e in OUTCOMES))


class InlineLayout(LeadingXLayout):
    """No checkboxes: the outcome written after ``should be:``; only the checked criteria
    listed, each behind an ``X``."""

    name = "inline"
    description = (
        "No boxes: '...should be: Overturned (Disagree)'; only checked criteria, behind an X."
    )
    sparse = False
    lists_unchecked = False
    mark_shape, mark_chars = SHAPES[name].shape, SHAPES[name].chars

    def score(self, lines: Sequence[str]) -> float:
        """High when the outcome is stated once and carries no mark of any registered layout:
        after ``should be:`` (0.95), or alone, as the REVIEW OUTCOME heading's value (0.9)."""
        marks = Checklist.of(lines).marks
        outcome_lines = [
            line
            for line in lines
            if _OUTCOME_START.match(words(line))
            or (SHOULD_BE.search(line) and _OUTCOME_START.search(words(line.split(":")[-1])))
        ]
        if len(outcome_lines) != 1 or marks.search(outcome_lines[0]):
            return 0.0
        if not any(SHOULD_BE.search(line) for line in lines):
            return 0.9
        return 0.95

    def read_mark(self, line: str) -> Mark:
        """Checked criteria are ``X  label``; any other line is bare."""
        return super().read_mark(line)

    def outcome_lines(self, decision: Decision) -> list[str]:
        """The decided outcome alone, as if continuing the lead-in's ``should be:``."""
        labels = {e.code: e.label for e in OUTCOMES}
        return [labels.get(decision.outcome.value, "")]

    def carried(self, decision: Decision) -> Decision:
        """``decision`` without the unchecked criteria, which this layout does not print."""
        return attrs.evolve(decision, criteria=tuple(c for c in decision.criteria if c.checked))

    def criteria_lines(self, decision: Decision) -> list[str]:
        """Only the checked criteria, each behind an ``X``, with their descriptions."""
        lines: list[str] = []
        for criterion in decision.criteria:
            if criterion.checked:
                lines.append(self.format_item(criterion.label, True))
                if criterion.description:
                    lines.append(criterion.description)
        return lines


class YesNoLayout(RegexLayout):
    """``Upheld (Agree) ...   Yes``: every item answered ``Yes`` (checked) or ``No``
    (unchecked) in a column after its label, possibly behind a dot leader; some letters put
    the answer before the label instead (``No    Overturned (Disagree)``)."""

    name = "yesno"
    description = "Yes or No in a column after every item's label (or before it)."
    position = "after"
    # answer before the label: spaced from it by two spaces or a tab; after it: spaced by
    # blanks, possibly with a dot leader. Written so that a long run of blanks or dots is
    # walked once, not once per starting position.
    pattern = regex.compile(
        r"^(?>\s*)(?:(?P<mark>(?i:yes|no))(?=\s{2}|\t)\s+(?P<label>\S(?:.*\S)?)"
        r"|(?P<label>(?:.*?[^\s.…])?)[\s.…]*?(?<!\S)(?P<mark>(?i:yes|no)))\s*$"
    )
    checked_marks = frozenset({"YES"})
    mark_shape, mark_chars = SHAPES[name].shape, SHAPES[name].chars
    answer_column: ClassVar[int] = 60
    """Where :meth:`format_item` writes the answers (labels longer than this push it right)."""

    def format_item(self, label: str, checked: bool) -> str:
        """The label, padded to :attr:`answer_column`, then ``Yes`` or ``No``."""
        return f"{label.ljust(self.answer_column)}   {'Yes' if checked else 'No'}"


BUILTIN_LAYOUTS: tuple[type[Layout], ...] = (
    BracketLayout,
    TrailingXLayout,
    LeadingXLayout,
    ParenLayout,
    GlyphLayout,
    UnderlineLayout,
    InlineLayout,
    YesNoLayout,
)

#: What the built-in layouts' ticked marks hold: what a tokenizer built without a registry
#: reads a mark standing alone with (:func:`~iroparse.layout.checked_alone`).
BUILTIN_TICKS: frozenset[str] = tick_union(cls() for cls in BUILTIN_LAYOUTS)


@hookimpl
def iroparse_register_layouts(register: Callable[[Layout], None]) -> None:
    """Register the built-in layouts."""
    for cls in BUILTIN_LAYOUTS:
        register(cls())

"""The :class:`Layout` interface: how one IRO's letters mark their checkboxes.

A layout does three things (DESIGN section 2):

* :meth:`Layout.read_mark` reads one checklist line into a :class:`Mark` (label, checked);
* :meth:`Layout.score` says how well a letter's checklist lines fit the layout (0..1);
* :meth:`Layout.render` writes a :class:`~iroparse.model.Decision` back as a letter of the
  layout, which the hypothesis strategies of :mod:`iroparse.testing` and the docs use.

Most layouts only need a regular expression: subclass :class:`RegexLayout` and give it a
``pattern`` with the named groups ``mark`` and ``label``, the marks that count as checked, and
:meth:`~Layout.format_item`. Everything else (joining wrapped items, choosing the layout,
reading the criteria and the outcome) is done by the core, the same way for every layout.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

import regex
from attrs import frozen

from iroparse.catalogue import GLYPHS, OUTCOMES
from iroparse.render import render_letter

if TYPE_CHECKING:
    from iroparse.model import Decision

__all__ = ["ANY_MARK", "Layout", "Mark", "MarkPosition", "RegexLayout"]

#: Where a layout writes its mark: ``"before"`` the label or ``"after"`` it.
MarkPosition = Literal["before", "after"]

#: Characters and shapes that look like a checkbox mark in *some* layout. A line containing
#: none of them is "bare": sparse layouts (where unchecked items carry no mark) claim bare lines.
ANY_MARK = regex.compile(
    rf"""^\s*(?:\[|\(\s*[xX✓✔ ]*\s*\)|[xX](?:\s{{2,}}|\t)
            |[{GLYPHS}])
        |(?:\s{{2,}}|\t)[xX]\s*$
        |\b(?:YES|NO|Yes|No)\s*$""",
    regex.VERBOSE,
)


_BOX = regex.compile(r"[\s\[\]()]")
_MARK_CACHE = 4096


@frozen
class Mark:
    """One checklist line as a layout reads it.

    ``label`` is the line without its mark, stripped; ``explicit`` says a mark of the layout
    was present (a checked mark or an empty box); ``checked`` is whether it was ticked.
    ``label_start``/``label_end`` are offsets of the label inside the line; ``trailing`` says
    the mark came after the label (``Upheld (Agree)   ☒``), which tells the checklist reader
    that the letter puts its marks after the labels even when the layout usually does not.
    """

    label: str
    checked: bool
    explicit: bool
    label_start: int
    label_end: int
    trailing: bool = False

    @classmethod
    def bare(cls, line: str) -> Mark:
        """The reading of a line that carries no mark: its stripped text, unchecked."""
        start = len(line) - len(line.lstrip())
        end = len(line.rstrip())
        return cls(line[start:end], False, False, start, max(start, end))


class Layout(abc.ABC):
    """Base class of every letter layout, built-in or from a plugin.

    Subclasses set :attr:`name` (the value of the record's ``layout`` key), :attr:`position`
    and :attr:`sparse`, and implement :meth:`read_mark` and :meth:`format_item`.
    """

    name: ClassVar[str]
    """Unique layout name, e.g. ``"bracket"``."""
    description: ClassVar[str] = ""
    """One sentence for ``iroparse layouts`` and the docs."""
    position: ClassVar[MarkPosition] = "before"
    """Where the mark sits: ``"before"`` the label (``[X] Upheld``) or ``"after"`` it."""
    sparse: ClassVar[bool] = False
    """True when unchecked items carry no mark at all (``Upheld (Agree)   X``)."""

    @abc.abstractmethod
    def read_mark(self, line: str) -> Mark:
        """Read one line of a checklist. Return :meth:`Mark.bare` when it has no mark."""

    @abc.abstractmethod
    def format_item(self, label: str, checked: bool) -> str:
        """Write one checklist item in this layout (used by :meth:`render`)."""

    def score(self, lines: Sequence[str]) -> float:
        """How well checklist ``lines`` fit this layout, from 0.0 to 1.0.

        The default counts the lines that carry one of this layout's marks; a sparse layout
        also gets half credit for lines that carry no mark of any layout, and none at all
        when it sees not a single mark of its own.
        """
        items = [line for line in lines if line.strip()]
        if not items:
            return 0.0
        own = sum(1 for line in items if self.read_mark(line).explicit)
        if own == 0:
            return 0.0
        credit = float(own)
        if self.sparse:
            credit += 0.5 * sum(
                1
                for line in items
                if not self.read_mark(line).explicit and not ANY_MARK.search(line)
            )
        return min(1.0, credit / len(items))

    def outcome_lines(self, decision: Decision) -> list[str]:
        """The REVIEW OUTCOME checklist of :meth:`render`: one item per outcome, the decided
        one checked. Override for layouts that state the outcome another way."""
        return [
            self.format_item(entry.label, entry.code == decision.outcome.value)
            for entry in OUTCOMES
        ]

    def criteria_lines(self, decision: Decision) -> list[str]:
        """The screening-criteria checklist of :meth:`render`: every item, then its
        description on the lines after it."""
        lines: list[str] = []
        for criterion in decision.criteria:
            lines.append(self.format_item(criterion.label, criterion.checked))
            if criterion.description:
                lines.append(criterion.description)
        return lines

    lists_unchecked: ClassVar[bool] = True
    """False for layouts that print only the checked criteria (a round trip then keeps only
    those)."""

    def render(self, decision: Decision) -> str:
        """Write ``decision`` as a complete letter in this layout."""
        return render_letter(decision, self)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


class RegexLayout(Layout):
    """A layout described by one regular expression.

    ``pattern`` must define the named groups ``label`` and (optionally) ``mark``; the line has
    an explicit mark when ``mark`` took part in the match, and it is checked when the mark,
    stripped and upper-cased, is in :attr:`checked_marks`.
    """

    pattern: ClassVar[regex.Pattern[str]]
    checked_marks: ClassVar[frozenset[str]] = frozenset({"X"})

    def read_mark(self, line: str) -> Mark:
        """Match :attr:`pattern` against ``line``; a line it does not match is bare.

        Readings are memoised per layout instance: letters of one IRO repeat their checklist
        lines, and :meth:`score` and the checklist reader read the same lines.
        """
        cache: dict[str, Mark] = self.__dict__.setdefault("_marks", {})
        mark = cache.get(line)
        if mark is None:
            if len(cache) >= _MARK_CACHE:
                cache.clear()
            mark = cache[line] = self._read(line)
        return mark

    def _read(self, line: str) -> Mark:
        match = self.pattern.match(line)
        if match is None or match.start("mark") < 0:
            return Mark.bare(line)
        mark = match.group("mark")
        checked = _BOX.sub("", mark).upper() in self.checked_marks
        start, end = match.span("label")
        label = line[start:end]
        stripped = label.strip()
        offset = start + (len(label) - len(label.lstrip()))
        trailing = match.start("mark") > start and bool(stripped)
        return Mark(stripped, checked, True, offset, offset + len(stripped), trailing)

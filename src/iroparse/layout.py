"""The :class:`Layout` interface: how one IRO's letters mark their checkboxes.

A layout does three things (DESIGN section 2):

* :meth:`Layout.read_mark` reads one checklist line into a :class:`Mark` (label, checked);
* :meth:`Layout.score` says how well a letter's checklist lines fit the layout (0..1);
* :meth:`Layout.render` writes a :class:`~iroparse.model.Decision` back as a letter of the
  layout, which the hypothesis strategies of :mod:`iroparse.testing` and the docs use.

Every layout also declares what its marks look like (:attr:`Layout.mark_shape`,
:attr:`Layout.mark_chars`): the plugin registry joins the shapes of all registered layouts
into one pattern (:attr:`iroparse.plugins.Registry.any_mark`), which tells a line that carries
*some* layout's mark from a bare one, and skips scoring a layout on letters without any of
its mark characters.

Most layouts only need a regular expression: subclass :class:`RegexLayout` and give it a
``pattern`` with the named groups ``mark`` and ``label``, the marks that count as checked, and
:meth:`~Layout.format_item`. Everything else (joining wrapped items, choosing the layout,
reading the criteria and the outcome) is done by the core, the same way for every layout.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Literal, overload

import regex
from attrs import evolve, frozen

from iroparse._builtin.marks import SHAPES
from iroparse.catalogue import OUTCOMES
from iroparse.render import render_letter

if TYPE_CHECKING:
    from iroparse.model import Decision

__all__ = [
    "ANY_MARK",
    "SOURCES_LISTED_BELOW",
    "Checklist",
    "Layout",
    "Mark",
    "MarkPosition",
    "RegexLayout",
    "checked_alone",
    "mark_union",
    "tick_union",
]

#: Where a layout writes its mark: ``"before"`` the label or ``"after"`` it.
MarkPosition = Literal["before", "after"]


@lru_cache(maxsize=16)
def _compile_union(shapes: tuple[str, ...]) -> regex.Pattern[str]:
    if not shapes:
        return regex.compile(r"(?!)")  # no layout declares a shape: no line carries a mark
    return regex.compile("|".join(f"(?:{shape})" for shape in shapes))


def mark_union(layouts: Iterable[Layout]) -> regex.Pattern[str]:
    """One pattern that finds a mark of any of ``layouts`` in a line: the union of their
    :attr:`~Layout.mark_shape` (layouts declaring none are left out).

    >>> bool(mark_union([]).search("[ X ] Upheld"))
    False
    """
    return _compile_union(tuple(dict.fromkeys(lay.mark_shape for lay in layouts if lay.mark_shape)))


def tick_union(layouts: Iterable[Layout]) -> frozenset[str]:
    """What a ticked mark of any of ``layouts`` holds, upper-cased, its box taken off: the
    union of their :attr:`RegexLayout.checked_marks` (a layout without the attribute adds
    nothing). :func:`checked_alone` reads a mark standing alone with it.

    >>> sorted(tick_union([]))
    []
    """
    return frozenset().union(*(getattr(lay, "checked_marks", frozenset()) for lay in layouts))


def checked_alone(ticks: Iterable[str], text: str) -> bool:
    """Whether ``text`` is a ticked mark and nothing else, read as :class:`RegexLayout` reads
    its mark: the box (brackets, parentheses, underscores, blanks) taken off, the rest,
    upper-cased, is one of ``ticks`` (:func:`tick_union` of the registered layouts).

    >>> [checked_alone({"X", "☒"}, t) for t in ("x", " [X] ", "_X_", "☒", "[ ]", "☐", "No")]
    [True, True, True, True, False, False, False]
    """
    return _BOX.sub("", text).upper() in ticks


ANY_MARK: regex.Pattern[str] = _compile_union(
    tuple(dict.fromkeys(s.shape for s in SHAPES.values()))
)
"""Deprecated: the union of the *built-in* layouts' mark shapes only. Plugins' marks are in
:attr:`iroparse.plugins.Registry.any_mark`, which the parser uses; this constant stays for code
that imported it, and stands in when :meth:`Layout.score` is called outside the parser."""


class Checklist(Sequence[str]):
    """A letter's checklist lines as the parser hands them to :meth:`Layout.score`: a
    sequence of strings that also knows the mark shapes of every registered layout
    (:attr:`marks`), so that a layout can tell a bare line from one marked in another layout.

    >>> lines = Checklist(["[ X ] Upheld (Agree)", "Overturned (Disagree)"], ANY_MARK)
    >>> lines.bare()
    (False, True)
    """

    __slots__ = ("_bare", "_chars", "_joined", "_lines", "marks")

    def __init__(self, lines: Iterable[str], marks: regex.Pattern[str]) -> None:
        self._lines = tuple(lines)
        self.marks = marks
        """The union of the registered layouts' mark shapes."""
        self._bare: tuple[bool, ...] | None = None
        self._chars: frozenset[str] | None = None
        self._joined: str | None = None

    @classmethod
    def of(cls, lines: Sequence[str]) -> Checklist:
        """``lines`` itself when it is a :class:`Checklist`, else the lines with the built-in
        layouts' marks (:data:`ANY_MARK`): the best guess outside the parser."""
        return lines if isinstance(lines, Checklist) else cls(lines, ANY_MARK)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._lines[index]

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def bare(self) -> tuple[bool, ...]:
        """For each line, whether it carries no mark of any registered layout (computed once
        per letter, however many layouts ask)."""
        if self._bare is None:
            self._bare = tuple(self.marks.search(line) is None for line in self._lines)
        return self._bare

    def chars(self) -> frozenset[str]:
        """Every character of the lines: the cheap test of :attr:`Layout.mark_chars`."""
        if self._chars is None:
            self._chars = frozenset().union(*self._lines)
        return self._chars

    def shows(self, shape: str) -> bool:
        """Whether some line may carry a mark of ``shape`` (a :attr:`Layout.mark_shape`): one
        search over the lines joined, anchors per line. It may say yes for a shape that only
        matches across two lines, never no for a line that carries the shape; an empty shape
        is always shown."""
        if not shape:
            return True
        if self._joined is None:
            self._joined = "\n".join(self._lines)
        return _line_shape(shape).search(self._joined) is not None


@lru_cache(maxsize=64)
def _line_shape(shape: str) -> regex.Pattern[str]:
    """``shape`` compiled with ``^`` and ``$`` anchored at every line."""
    return regex.compile(shape, regex.MULTILINE)


_BOX = regex.compile(r"[\s\[\]()_]")
_MARK_CACHE = 4096


#: A screening-criteria list of fewer items than this, none of them marked, names the sources
#: the reviewer used: each is read as checked. The statutory form names 13 to 15 items; printed
#: whole without a single mark, its marks were lost, and its items stay unchecked.
SOURCES_LISTED_BELOW = 10


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
    mark_shape: ClassVar[str] = ""
    """A regular expression (``regex`` syntax) that :meth:`~regex.Pattern.search` finds in
    every line carrying one of this layout's marks, e.g. ``r"^\\s*\\[\\s*[xX]?\\s*\\]"`` for
    ``[ X ] Upheld``. The registry joins all layouts' shapes into
    :attr:`~iroparse.plugins.Registry.any_mark`, so that other layouts do not take a line
    marked in this one for a bare line. Empty: the layout declares no shape."""
    mark_chars: ClassVar[str] = ""
    """Characters at least one of which every line carrying a mark of this layout contains
    (``"["`` for brackets). A letter whose checklists contain none of them, or in which
    :attr:`mark_shape` finds no line, scores 0 without calling :meth:`score`. Empty: the
    layout is scored on every letter."""

    @abc.abstractmethod
    def read_mark(self, line: str) -> Mark:
        """Read one line of a checklist. Return :meth:`Mark.bare` when it has no mark."""

    @abc.abstractmethod
    def format_item(self, label: str, checked: bool) -> str:
        """Write one checklist item in this layout (used by :meth:`render`)."""

    def score(self, lines: Sequence[str]) -> float:
        """How well checklist ``lines`` fit this layout, from 0.0 to 1.0.

        The default counts the lines that carry one of this layout's marks; a sparse layout
        also gets half credit for lines that carry no mark of any registered layout
        (:meth:`Checklist.bare`), and none at all when it sees not a single mark of its own.
        """
        checklist = Checklist.of(lines)
        items = [
            (line, bare)
            for line, bare in zip(checklist, checklist.bare(), strict=True)
            if line.strip()
        ]
        if not items:
            return 0.0
        explicit = [self.read_mark(line).explicit for line, _ in items]
        own = sum(explicit)
        if own == 0:
            return 0.0
        credit = float(own)
        if self.sparse:
            credit += 0.5 * sum(
                1 for (_, bare), mine in zip(items, explicit, strict=True) if bare and not mine
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
    """False for layouts that print only the checked criteria. Deprecated: what a letter of
    the layout carries is :meth:`carried`, which the test strategies use."""

    def carried(self, decision: Decision) -> Decision:
        """What a letter this layout renders from ``decision`` says: ``decision`` itself for
        a layout that prints every item; a layout that leaves something out (the unchecked
        criteria of ``inline``) returns ``decision`` without it. :func:`iroparse.testing.letters`
        pairs each letter with this, so that parsing the letter must give it back exactly.

        A layout that prints an unchecked item without a mark (``✓`` before checked items
        only, a trailing ``X``) cannot say that none of a few criteria was used: fewer than
        :data:`SOURCES_LISTED_BELOW` items, none marked, read as the sources used. Such a
        letter carries them checked."""
        criteria = decision.criteria
        if (
            0 < len(criteria) < SOURCES_LISTED_BELOW
            and not any(c.checked for c in criteria)
            and not self.read_mark(self.format_item(criteria[0].label, False)).explicit
        ):
            used = tuple(evolve(c, checked=True) for c in criteria)
            return evolve(decision, criteria=used)
        return decision

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

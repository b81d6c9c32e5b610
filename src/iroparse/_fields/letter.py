"""What every field reader gets (:class:`Letter`) and gives back (:class:`Read`).

A reader is a function ``Letter -> Read``: it reads one value of the record from the letter's
sections and returns it with the spans it came from and the diagnostics it raised. Readers do
not see each other's results, so they can be added, removed or reordered freely; the table of
them is :data:`iroparse._fields.readers.READERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import Any

from attrs import field, frozen

from iroparse import diagnostics as diag
from iroparse._fields.lists import ListEntry, split_items
from iroparse._fields.specialties import DEFAULT_SPECIALTIES, SpecialtyMatcher
from iroparse._pipeline.checklist import ChecklistReader
from iroparse._pipeline.checklist_items import ChecklistItem
from iroparse._pipeline.hyphens import Vocabulary
from iroparse._pipeline.normalize import Normalized
from iroparse._pipeline.sections import Joined, RawSection
from iroparse._pipeline.tokens import TokenKind
from iroparse.layout import Layout
from iroparse.model import Diagnostic, Span

#: Lines longer than this are not used to estimate the letter's line width.
MAX_WIDTH_LINE = 200
#: How many lines a sentence goes on after must be seen to measure the wrapper's width by them.
MIN_WRAPPED_LINES = 3

Spanner = Callable[[int, int], Span]
"""Maps a ``(start, end)`` range of the normalized text to a :class:`Span` of the original."""


@frozen
class Letter:
    """One letter as the field readers see it: its sections by kind (the first of each kind,
    see :func:`iroparse.parser.sections_by_kind`), their clean texts, the chosen layout, the
    checklist readers and the span mapper."""

    sections: Mapping[str, RawSection]
    texts: Mapping[str, Joined]
    """The clean text of each section in :attr:`sections`, by kind."""
    others: tuple[Joined, ...]
    """The clean texts of the sections outside the statutory kinds (title, ``other``), in
    letter order: where an older narrative letter writes its decision."""
    layout: Layout
    """The letter's layout (the record's ``layout``)."""
    checklist_layouts: Mapping[str, Layout]
    """A layout of its own for a checklist section (by kind) marked in another style than the
    letter's; a checklist not listed is read with :attr:`layout`."""
    width: int
    """The letter's line width (see :func:`line_width`)."""
    span: Spanner
    outcomes: ChecklistReader
    criteria: ChecklistReader
    normalized: str = ""
    """The letter's normalized text (the offsets of tokens and sections are into it)."""
    every_section: tuple[RawSection, ...] = ()
    """Every section in letter order, the second of a kind too (``DATE NOTICE SENT`` after
    ``DATE OF REVIEW``)."""
    specialties: SpecialtyMatcher = DEFAULT_SPECIALTIES
    """The specialty vocabulary (built-in and plugins' entries)."""
    vocabulary: Vocabulary | None = None
    """The letter's words, which tell a word split by a line-end hyphen from a compound."""
    _cache: dict[Any, Any] = field(factory=dict, eq=False, repr=False, alias="_cache")
    """What readers share, computed once: a section's list items, a masked text."""

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, called once per letter for ``key`` (a reader's result that another
        reader needs too: the outcome, which decides the services')."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def items(self, kind: str) -> list[ListEntry]:
        """The list items of the section of ``kind`` (see
        :func:`~iroparse._fields.lists.split_items`), empty when absent; computed once."""
        key = ("items", kind)
        if key not in self._cache:
            section = self.sections.get(kind)
            self._cache[key] = (
                [] if section is None else split_items(section.body, self.width, self.vocabulary)
            )
        found: list[ListEntry] = self._cache[key]
        return found

    def masked(self, hidden: frozenset[str]) -> str:
        """The normalized text with the words of the sections of the ``hidden`` kinds blanked
        (offsets kept; their page furniture left in); computed once per ``hidden``."""
        key = ("masked", hidden)
        if key not in self._cache:
            text = self.normalized
            parts: list[str] = []
            at = 0
            for section in self.every_section:
                if section.kind not in hidden:
                    continue
                for token in section.body:
                    if token.kind is not TokenKind.NOISE and token.start >= at:
                        parts += [text[at : token.start], " " * (token.end - token.start)]
                        at = token.end
            parts.append(text[at:])
            self._cache[key] = "".join(parts)
        masked: str = self._cache[key]
        return masked

    def text(self, kind: str) -> str | None:
        """The clean text of the section of ``kind``, ``None`` when absent or empty."""
        joined = self.texts.get(kind)
        return (joined.text or None) if joined is not None else None

    def layout_for(self, kind: str) -> Layout:
        """The layout that reads the checklist section of ``kind``."""
        return self.checklist_layouts.get(kind, self.layout)

    def locate(self, words: str, start: int, end: int) -> Span | None:
        """The span of ``words`` found first in the normalized text between ``start`` and
        ``end``, the blanks between two words matching any run of blanks (a line break too);
        ``None`` when absent."""
        parts = words.split()
        text = self.normalized
        at = text.find(parts[0], start, end) if parts else -1
        while at >= 0:
            stop = at + len(parts[0])
            for part in parts[1:]:
                gap = stop
                while gap < end and text[gap].isspace():
                    gap += 1
                if gap == stop or not text.startswith(part, gap) or gap + len(part) > end:
                    break
                stop = gap + len(part)
            else:
                return self.span(at, stop)
            at = text.find(parts[0], at + 1, end)
        return None

    def body_span(self, kind: str) -> Span | None:
        """The span of a section's body text, ``None`` when it has none."""
        section = self.sections.get(kind)
        if section is None or not section.lines:
            return None
        return self.span(section.lines[0].start, section.lines[-1].end)


@frozen
class Read:
    """What a reader found: the value, the spans of the record it fills (by
    :class:`~iroparse.model.FieldSpans` name) and the diagnostics it raised."""

    value: Any
    spans: Mapping[str, Span | None] = field(factory=dict)
    notes: tuple[Diagnostic, ...] = ()


Reader = Callable[[Letter], Read]
"""A field reader (see the module docstring)."""


def spanner(normalized: Normalized) -> Spanner:
    """The span mapper of a normalized text."""

    def span(start: int, end: int) -> Span:
        return Span(
            normalized.original(start),
            normalized.original(max(start, end - 1)) + 1
            if end > start
            else normalized.original(start),
        )

    return span


def line_width(text: str) -> int:
    """The letter's line width: the longest line its wrapper left, judged by the lines that a
    sentence goes on after in lower case (at least :data:`MIN_WRAPPED_LINES` of them); else its
    longest line of ordinary length. A heading with its value typed on one line may run past
    the wrapper's width; it does not set the width."""
    lines = [line.rstrip() for line in text.split("\n")]
    wrapped = [
        len(line)
        for line, nxt in pairwise(lines)
        if line and nxt.lstrip()[:1].islower() and len(line) <= MAX_WIDTH_LINE
    ]
    if len(wrapped) >= MIN_WRAPPED_LINES:
        return max(wrapped)
    usable = [len(line) for line in lines if len(line) <= MAX_WIDTH_LINE]
    return max(usable, default=80)


def note_marks(items: Sequence[ChecklistItem], notes: list[Diagnostic]) -> None:
    """Add a ``mark-repeated`` diagnostic for each item marked more than once."""
    for item in items:
        if item.marks > 1:
            notes.append(
                diag.make(
                    "mark-repeated",
                    f"{item.label[:60]!r} is marked {item.marks} times",
                    line=item.line + 1,
                )
            )

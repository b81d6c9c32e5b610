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

import regex
from attrs import field, frozen

from iroparse import diagnostics as diag
from iroparse._fields.specialties import DEFAULT_SPECIALTIES, SpecialtyMatcher
from iroparse._pipeline.checklist import ChecklistItem, ChecklistReader
from iroparse._pipeline.normalize import Normalized
from iroparse._pipeline.sections import Joined, RawSection
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

    def text(self, kind: str) -> str | None:
        """The clean text of the section of ``kind``, ``None`` when absent or empty."""
        joined = self.texts.get(kind)
        return (joined.text or None) if joined is not None else None

    def layout_for(self, kind: str) -> Layout:
        """The layout that reads the checklist section of ``kind``."""
        return self.checklist_layouts.get(kind, self.layout)

    def locate(self, words: str, start: int, end: int) -> Span | None:
        """The span of ``words`` (spaces matching any run of blanks, a line break too) found
        first in the normalized text between ``start`` and ``end``; ``None`` when absent."""
        pattern = r"\s+".join(regex.escape(w) for w in words.split())
        found = regex.search(pattern, self.normalized[start:end]) if pattern else None
        return None if found is None else self.span(start + found.start(), start + found.end())

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

"""Stage 5: choose the layout that reads a letter's checkboxes.

Every registered layout scores the letter's checklist lines (the outcome boxes and the
screening criteria), handed to it as a :class:`~iroparse.layout.Checklist` that carries the
union of all registered layouts' mark shapes; the best one reads them. A layout that declares
:attr:`~iroparse.layout.Layout.mark_chars` scores 0 without being asked when none of them occurs
in those lines, or when its :attr:`~iroparse.layout.Layout.mark_shape` is found in none of
them: it could not find a mark of its own. Most letters use one layout's marks, so one search
per layout spares scoring the others line by line. When none fits, :class:`NoLayout` stands
in: it reads every checklist line as unmarked, so sections and fields are still read, and a
dot (or underscore) leader and the short unread mark after it are left out of item labels. Doubts
(no layout fits, two fit almost equally) become diagnostics.

Plugin layouts are called through the registry's :class:`~iroparse._guard.LayoutTable`: one
that raises or returns garbage is disabled and the letter is read with the next best layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from iroparse import diagnostics as diag
from iroparse._guard import LayoutTable
from iroparse._pipeline.sections import RawSection
from iroparse.catalogue import OUTCOMES, SHOULD_BE, words
from iroparse.errors import IroParseError
from iroparse.layout import Checklist, Layout, Mark
from iroparse.model import Diagnostic, LayoutCandidate

#: Layouts scoring within this margin of the best one make the choice ambiguous.
AMBIGUITY_MARGIN = 0.05
#: The sections whose lines are checklists.
CHECKLIST_KINDS = ("review_outcome", "criteria")

#: The value of the record's ``layout`` key when no layout fits.
NO_LAYOUT = "unknown"
#: A dot (or underscore) leader and the short mark after it, at the end of a checklist line.
LEADER = regex.compile(r"\s*(?:\.{3,}|_{3,}|…+)\s*\S{0,6}\s*$")


class NoLayout(Layout):
    """Reads every line as bare (see the module docstring)."""

    name = NO_LAYOUT
    description = "No registered layout recognises the marks: every item reads as unchecked."
    sparse = True

    def read_mark(self, line: str) -> Mark:
        """The line without its mark-less leader, unchecked."""
        mark = Mark.bare(line)
        leader = LEADER.search(mark.label)
        if leader is None or leader.start() == 0:
            return mark
        return Mark(
            mark.label[: leader.start()],
            False,
            False,
            mark.label_start,
            mark.label_start + leader.start(),
        )

    def format_item(self, label: str, checked: bool) -> str:
        """The label alone: this layout has no marks."""
        return label


#: A word of an outcome box's label (``Upheld``, ``Agree``, ``Overturned``, ``Partially``).
_OUTCOME_WORD = regex.compile(
    r"(?i)\b(?:"
    + "|".join(sorted({w for e in OUTCOMES for w in words(e.label).split() if len(w) >= 5}))
    + r")\b"
)


def _marks_a_choice(kind: str, line: str) -> bool:
    """Whether a line of a checklist section may carry one of its marks: in the outcome
    section, a line naming an outcome, the lead-in (``... should be:``) or a mark alone; a
    table of services answered Yes/No under the outcome boxes is no outcome checklist."""
    if kind != "review_outcome":
        return True
    return (
        _OUTCOME_WORD.search(line) is not None
        or SHOULD_BE.search(line) is not None  # the lead-in a layout without boxes answers
        or not any(c.isalpha() for c in line)
        or len(line.split()) <= 1
    )


def checklist_lines(
    sections: Sequence[RawSection], kinds: Sequence[str] = CHECKLIST_KINDS
) -> list[str]:
    """The lines of the letter's checklist sections (of ``kinds``) that may carry their marks,
    in letter order (see :func:`_marks_a_choice`)."""
    return [
        t.text
        for s in sections
        if s.kind in kinds
        for t in s.lines
        if _marks_a_choice(s.kind, t.text)
    ]


def layout_table(layouts: Mapping[str, Layout]) -> LayoutTable:
    """``layouts`` as a :class:`~iroparse._guard.LayoutTable` (a plain mapping, as tests pass,
    becomes one whose layouts are all trusted)."""
    return layouts if isinstance(layouts, LayoutTable) else LayoutTable(layouts.values())


def rank_layouts(layouts: Mapping[str, Layout], lines: Sequence[str]) -> list[LayoutCandidate]:
    """Every layout's fit to these checklist lines, best first (ties in registration order).
    A layout disabled while scoring is left out."""
    table = layout_table(layouts)
    checklist = Checklist(lines, table.any_mark)
    present = checklist.chars()
    scores = {
        layout.name: (
            table.score(layout, checklist)
            if not layout.mark_chars
            or (not present.isdisjoint(layout.mark_chars) and checklist.shows(layout.mark_shape))
            else 0.0
        )
        for layout in table.values()
    }
    order = {name: i for i, name in enumerate(table)}
    candidates = [
        LayoutCandidate(name, round(score, 4), table[name].description)
        for name, score in scores.items()
        if name in order
    ]
    return sorted(candidates, key=lambda c: (-c.score, order[c.name]))


def choose_layout(
    layouts: Mapping[str, Layout],
    sections: Sequence[RawSection],
    forced: str | None,
    notes: list[Diagnostic],
) -> Layout:
    """The layout named ``forced``, else the best-scoring one, else :class:`NoLayout`. A
    plugin layout must read every checklist line of the letter before it is chosen."""
    table = layout_table(layouts)
    lines = checklist_lines(sections)
    if forced is not None:
        return _forced(table, forced, lines)
    while True:
        ranked = rank_layouts(table, lines)
        if not ranked or ranked[0].score <= 0:
            notes.append(
                diag.make(
                    "layout-unknown",
                    "no registered layout recognises the checkbox marks of this letter",
                )
            )
            return NoLayout()
        if table.reads(table[ranked[0].name], lines):
            break
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < AMBIGUITY_MARGIN:
        notes.append(
            diag.make(
                "layout-ambiguous",
                f"layouts {ranked[0].name} ({ranked[0].score}) and {ranked[1].name} "
                f"({ranked[1].score}) fit almost equally; using {ranked[0].name}",
            )
        )
    return table[ranked[0].name]


def _forced(table: LayoutTable, name: str, lines: Sequence[str]) -> Layout:
    """The layout the caller named, if it is registered and reads the letter."""
    if name in table and table.reads(table[name], lines):
        return table[name]
    reasons = dict(table.disabled)
    if name in reasons:
        raise IroParseError(f"layout {name!r} is disabled: {reasons[name]}", code="usage")
    raise IroParseError(f"unknown layout {name!r}; registered: {', '.join(table)}", code="usage")


#: A checklist is read with a layout of its own when that layout fits its lines by at least
#: this much more than the letter's layout does (an outcome marked ``(X)`` above a ☒/☐
#: criteria checklist).
OWN_LAYOUT_MARGIN = 0.2


def layouts_per_checklist(
    layouts: Mapping[str, Layout], sections: Sequence[RawSection], letter_layout: Layout
) -> dict[str, Layout]:
    """The layout that reads each checklist section: the letter's layout, unless it finds no
    mark of its own in the section and another fits that section's own lines clearly better
    (:data:`OWN_LAYOUT_MARGIN`), or at all when the letter's layout scores 0 there. Sections
    where the letter's layout finds its marks are not ranked again: that keeps the common
    letter at one ranking."""
    chosen: dict[str, Layout] = {}
    for kind in CHECKLIST_KINDS:
        lines = checklist_lines(sections, (kind,))
        if not lines or any(letter_layout.read_mark(line).explicit for line in lines):
            continue  # the letter's layout finds its marks here (it was checked on them)
        ranked = rank_layouts(layouts, lines)
        if not ranked or ranked[0].score <= 0 or ranked[0].name == letter_layout.name:
            continue
        own = next((c.score for c in ranked if c.name == letter_layout.name), 0.0)
        # the letter's layout reads nothing here: any layout that sees its marks reads better
        # (``✓`` before the checked criteria only, under ``[√]`` outcome boxes)
        if own == 0.0 or ranked[0].score - own >= OWN_LAYOUT_MARGIN:
            chosen[kind] = layouts[ranked[0].name]
    return chosen

"""Stage 5: choose the layout that reads a letter's checkboxes.

Every registered layout scores the letter's checklist lines (the outcome boxes and the
screening criteria); the best one reads them. When none fits, :class:`NoLayout` stands in: it
reads every checklist line as unmarked, so sections and fields are still read, and a dot (or
underscore) leader and the short unread mark after it are left out of item labels. Doubts
(no layout fits, two fit almost equally) become diagnostics.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from iroparse import diagnostics as diag
from iroparse._pipeline.sections import RawSection
from iroparse.errors import IroParseError
from iroparse.layout import Layout, Mark
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


def checklist_lines(sections: Sequence[RawSection]) -> list[str]:
    """The text lines of the letter's checklist sections, in letter order."""
    return [t.text for s in sections if s.kind in CHECKLIST_KINDS for t in s.lines]


def rank_layouts(layouts: Mapping[str, Layout], lines: Sequence[str]) -> list[LayoutCandidate]:
    """Every layout's fit to these checklist lines, best first (ties in registration order)."""
    candidates = [
        LayoutCandidate(layout.name, round(layout.score(lines), 4), layout.description)
        for layout in layouts.values()
    ]
    order = {name: i for i, name in enumerate(layouts)}
    return sorted(candidates, key=lambda c: (-c.score, order[c.name]))


def choose_layout(
    layouts: Mapping[str, Layout],
    sections: Sequence[RawSection],
    forced: str | None,
    notes: list[Diagnostic],
) -> Layout:
    """The layout named ``forced``, else the best-scoring one, else :class:`NoLayout`."""
    if forced is not None:
        if forced not in layouts:
            raise IroParseError(
                f"unknown layout {forced!r}; registered: {', '.join(layouts)}", code="usage"
            )
        return layouts[forced]
    ranked = rank_layouts(layouts, checklist_lines(sections))
    if not ranked or ranked[0].score <= 0:
        notes.append(
            diag.make(
                "layout-unknown",
                "no registered layout recognises the checkbox marks of this letter",
            )
        )
        return NoLayout()
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < AMBIGUITY_MARGIN:
        notes.append(
            diag.make(
                "layout-ambiguous",
                f"layouts {ranked[0].name} ({ranked[0].score}) and {ranked[1].name} "
                f"({ranked[1].score}) fit almost equally; using {ranked[0].name}",
            )
        )
    return layouts[ranked[0].name]


#: A checklist is read with a layout of its own when that layout fits its lines by at least
#: this much more than the letter's layout does (an outcome marked ``(X)`` above a ☒/☐
#: criteria checklist).
OWN_LAYOUT_MARGIN = 0.2


def layouts_per_checklist(
    layouts: Mapping[str, Layout], sections: Sequence[RawSection], letter_layout: Layout
) -> dict[str, Layout]:
    """The layout that reads each checklist section: the letter's layout, unless another fits
    that section's own lines clearly better (:data:`OWN_LAYOUT_MARGIN`)."""
    chosen: dict[str, Layout] = {}
    for kind in CHECKLIST_KINDS:
        lines = [t.text for s in sections if s.kind == kind for t in s.lines]
        if not lines:
            continue
        ranked = rank_layouts(layouts, lines)
        if not ranked or ranked[0].score <= 0 or ranked[0].name == letter_layout.name:
            continue
        own = letter_layout.score(lines) if letter_layout.name in layouts else 0.0
        if ranked[0].score - own >= OWN_LAYOUT_MARGIN:
            chosen[kind] = layouts[ranked[0].name]
    return chosen

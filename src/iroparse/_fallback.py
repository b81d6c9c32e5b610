"""The stand-in layout when no registered layout recognises a letter's marks.

It reads every checklist line as unmarked, so sections and fields are still read; a dot (or
underscore) leader and the short unread mark after it are left out of item labels.
"""

from __future__ import annotations

import regex

from iroparse.layout import Layout, Mark

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

"""The items a checklist reader builds (:mod:`iroparse._pipeline.checklist`): an item while its
lines are read, and the item read; and the fuzzy test that tells a line's words inside a
canonical label."""

from __future__ import annotations

from attrs import frozen

from iroparse.catalogue import ChecklistEntry

__all__ = ["ChecklistItem", "ItemBuilder", "occurs_within"]


@frozen
class ChecklistItem:
    """One item read from a checklist: label as written (whitespace folded), whether it is
    checked, the catalogue code (``other`` when unknown), free text after it, and its span in
    the normalized text."""

    label: str
    checked: bool
    explicit: bool
    code: str
    description: str | None
    start: int
    end: int
    line: int
    marks: int
    """How many checked marks the item carried (more than one is suspicious)."""


class ItemBuilder:
    """An item while its lines are read: the catalogue entry it names, its label so far, its
    marks and its description's lines."""

    __slots__ = (
        "checked",
        "column",
        "description",
        "end",
        "entry",
        "explicit",
        "label",
        "line",
        "marks",
        "start",
    )

    def __init__(
        self,
        entry: ChecklistEntry | None,
        label: str,
        start: int,
        end: int,
        line: int,
        column: int = 0,
    ):
        self.entry = entry
        self.column = column
        self.label = label
        self.start = start
        self.end = end
        self.line = line
        self.checked = False
        self.explicit = False
        self.marks = 0
        self.description: list[str] = []

    def mark(self, checked: bool, explicit: bool) -> None:
        self.checked = self.checked or checked
        self.explicit = self.explicit or explicit
        self.marks += int(checked)

    def build(self) -> ChecklistItem:
        return ChecklistItem(
            " ".join(self.label.split()),
            self.checked,
            self.explicit,
            self.entry.code if self.entry else "other",
            " ".join(" ".join(self.description).split()) or None,
            self.start,
            self.end,
            self.line,
            self.marks,
        )


def occurs_within(needle: str, text: str, errors: int) -> bool:
    """Does ``needle`` occur somewhere in ``text`` with at most ``errors`` edits (characters
    inserted, deleted or replaced)?

    Sellers' dynamic programme, row by row over ``needle``: ``len(needle) * len(text)`` steps
    at most, and none when the lengths alone rule a match out. (A fuzzy regular expression
    built from ``needle`` answers the same question in time exponential in its length.)

    >>> occurs_within("ACEPTEDMEDICAL", "ACCEPTEDMEDICALSTANDARDS", 1)
    True
    >>> occurs_within("SPINEJOURNAL", "ACCEPTEDMEDICALSTANDARDS", 1)
    False
    """
    if len(needle) - errors > len(text):
        return False
    # row[j]: fewest edits aligning the needle so far with some text ending at text[j - 1]
    row = [0] * (len(text) + 1)
    for i, char in enumerate(needle, start=1):
        nxt = [i]
        for j, other in enumerate(text, start=1):
            nxt.append(min(row[j - 1] + (char != other), row[j] + 1, nxt[j - 1] + 1))
        # a row's least value never decreases from one row to the next: stop once it is over
        if min(nxt) > errors:
            return False
        row = nxt
    return min(row) <= errors

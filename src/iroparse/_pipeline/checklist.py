"""Read a checklist section (the outcome boxes, the screening criteria) with a layout's marks.

The layout says what a line's mark is (:meth:`iroparse.layout.Layout.read_mark`); this module
decides where items begin and end, the same way for every layout:

* a line with a mark starts a new item, unless it continues the current one (below); in a
  sparse layout, where unchecked items carry no mark, so does a line whose label starts like
  a catalogue entry (its ``signature``);
* a line continues the current item while the item's label is still incomplete compared with
  the catalogue's canonical label (a heading-like item wrapped over lines, even across a blank
  line); a mark placed *after* the label on that line marks the item;
* a line with only a mark marks the current item (marks placed after) or the next (before);
  when the first item has no mark of its own and a line with only a mark follows it, the
  letter's marks are taken to come after their labels;
* in a sparse layout (or a letter without an empty box) with marks before the labels, a
  capitalized line that names no catalogue entry, at the labels' column under a complete item
  that asks for no description and above another item, starts an item of its own
  (``other``);
* any other line after an item is free text describing it (the literature an item cites);
  lines before the first item are the section's lead-in.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from iroparse._pipeline.checklist_items import ChecklistItem, ItemBuilder, occurs_within
from iroparse._pipeline.tokens import Token
from iroparse.catalogue import ChecklistEntry, squash, words
from iroparse.layout import Layout, Mark

#: An item's label is complete once it covers this share of the canonical label.
COMPLETE_SHARE = 0.8
#: A mark alone on its line this far right stands in a column after the labels.
RIGHT_COLUMN = 30
#: Signatures at least this long may match with one typo ...
FUZZY_SIGNATURE = 8
#: ... where the text they match is at least this long (an acronym's letter is no typo) ...
FUZZY_TEXT = 5
#: ... but for digits a scan reads for letters (``0DG``).
_SCANNED_LETTERS = str.maketrans("0158", "OISB")
#: A word in capitals with ``l`` for ``I``, as a scan reads it (``MlLLlMAN``, ``lNTERQUAL``):
#: two capitals at least, no other small letter.
_L_FOR_I = regex.compile(r"\b(?=(?:l*\p{Lu}){2})[\p{Lu}l]*l[\p{Lu}l]*\b")
#: A label's first letter set apart from the rest of its word: ``0 DG-OFFICIAL``.
_LETTER_APART = regex.compile(r"^(\w) (\w)")
#: A box that slid down to a wrapped label's second line: the line's first this many
#: squashed characters are words of the item's canonical label.
SLID_PROBE = 12
#: A line continues an item only if, squashed, it is at most this long: the fuzzy comparison
#: with the rest of the canonical label then costs at most a fixed number of steps, whatever
#: the length of the letter's lines.
MAX_WINDOW = 120
#: An item's number before its label (``1. ACOEM - ...``, ``12) InterQual``, ``b. MCG``):
#: the list's, not the label's.
_ITEM_NUMBER = regex.compile(r"\(?(?:\d{1,2}|[a-z])[.)][ \t]+(?=\S)")
#: A checklist item's label wraps over at most this many lines.
MAX_WRAPPED_LINES = 5
#: A label that occurs in its canonical label with at most one edit in this many characters
#: is that label alone, not a sentence that cites it.
BARE_LABEL_CHARS_PER_EDIT = 8


#: A form's item for a source it does not list: ``Other (describe)``, ``Other (specify):``.
_OTHER_ITEM = regex.compile(r"(?i)other\s*(?:\((?:describe|specify|please\s+specify)\)|:)")
#: A word of letters.
_WORD = regex.compile(r"\p{L}{2,}")


def _complete(item: ItemBuilder | None) -> bool:
    """Whether ``item``'s label covers its canonical label (so a new line is not its rest)."""
    if item is None or item.entry is None:
        return item is None
    return len(squash(item.label)) >= COMPLETE_SHARE * len(item.entry.key)


def _label_goes_on(entry: ChecklistEntry, text: str) -> bool:
    """Whether ``text`` (``words`` of a line) has a word of ``entry``'s label of four letters
    or more, past its first word (``DWG-DIVISION OF WORKERS ...``)."""
    label = set(entry.label.split()[1:])
    return any(len(word) >= 4 and word in label for word in text.split()[1:])


class ChecklistReader:
    """Reads checklist sections against one catalogue (outcomes or criteria)."""

    def __init__(self, entries: Sequence[ChecklistEntry]):
        self.entries = tuple(entries)
        self._exact = [(e, regex.compile(f"(?:{e.signature})")) for e in self.entries]
        self._fuzzy = [
            (e, regex.compile(f"(?:{e.signature}){{e<=1}}"), exact)
            for e, exact in self._exact
            if len(e.signature) >= FUZZY_SIGNATURE
        ]
        self.identify = lru_cache(maxsize=8192)(self._identify)
        self._continues = lru_cache(maxsize=8192)(self._continues_uncached)

    def _identify(self, label: str) -> ChecklistEntry | None:
        """The catalogue entry whose signature starts ``label``, or ``None``; a first letter
        a scan set apart from its word is read with it (``0 DG-OFFICIAL ...``)."""
        text = words(_L_FOR_I.sub(lambda m: m.group().replace("l", "I"), label))
        found = self._identify_words(text)
        if found is None and _LETTER_APART.match(text):
            found = self._identify_words(_LETTER_APART.sub(r"\1\2", text, count=1))
        return found

    def _identify_words(self, text: str) -> ChecklistEntry | None:
        """:meth:`_identify` of a label's :func:`~iroparse.catalogue.words`."""
        if not text:
            return None
        for entry, pattern in self._exact:
            if pattern.match(text):
                return entry
        for entry, pattern, exact in self._fuzzy:
            found = pattern.match(text)
            # (a typo only in a word long enough to have one, or in an acronym a scan's digit
            # for a letter or the item's own words after it: ``0DG`` is ``ODG``, ``DWG-DIVISION
            # OF WORKERS ...`` is ``DWC``, ``MCO/HMO ... Coverage Policy`` is no ``MCG``)
            if found is not None and (
                len(found.group().strip()) >= FUZZY_TEXT
                or exact.match(text.translate(_SCANNED_LETTERS))
                or _label_goes_on(entry, text)
            ):
                return entry
        return None

    def is_bare_label(self, label: str) -> bool:
        """Whether ``label`` is a catalogue entry's label and little more (a checklist item
        printed without a mark), not a sentence naming a guideline."""
        entry = self.identify(label)
        key = squash(label)
        return entry is not None and occurs_within(
            key, entry.key, len(key) // BARE_LABEL_CHARS_PER_EDIT
        )

    def _continues_uncached(self, key: str, so_far: str, more: str) -> bool:
        """Does squashed text ``more`` continue an item labelled ``so_far`` (squashed) whose
        canonical label squashes to ``key``?"""
        if not more:
            return False
        if len(so_far) < COMPLETE_SHARE * len(key):
            return True
        if key.endswith(more) and not so_far.endswith(more):
            return True  # the canonical label's last words: ``MCG (FORMERLY MILLIMAN CARE`` /
            # ``GUIDELINES)``, whose first line is as long as the whole canonical label
        tail = key[max(0, len(so_far) - 8) :]
        if more in tail:
            return True
        if len(more) < 6 or len(more) > MAX_WINDOW:
            return False
        return occurs_within(more, tail[: 2 * MAX_WINDOW], max(1, len(more) // 8))

    def read(
        self, lines: Sequence[Token], layout: Layout
    ) -> tuple[list[ChecklistItem], list[Token]]:
        """Read the text tokens of a checklist section: its items and its lead-in lines."""
        items: list[ItemBuilder] = []
        lead_in: list[Token] = []
        pending: tuple[bool, bool] | None = None
        after, sparse = layout.position == "after", layout.sparse
        marks = [layout.read_mark(token.text) for token in lines]
        # no empty box anywhere: this letter leaves unchecked items unmarked (``✔`` only)
        empty_marks = any(m.explicit and not m.checked for m in marks)
        below: list[bool] = []  # filled on first need by :meth:`_item_below`
        # a letter that puts marks after its labels (a column of boxes) does so from its first
        # item on: a mark alone on a line then belongs to the item above it
        after = after or any(
            (mark.trailing and mark.label)
            # or a mark alone far right: a column of boxes, not a box before the next label
            or (mark.explicit and not mark.label and token.column >= RIGHT_COLUMN)
            for token, mark in zip(lines, marks, strict=True)
        )
        for index, (token, mark) in enumerate(zip(lines, marks, strict=True)):
            numbered = _ITEM_NUMBER.match(mark.label)
            skip = numbered.end() if numbered else 0  # the number's characters, left out
            label = mark.label[skip:]
            current = items[-1] if items else None
            if mark.trailing and not after:
                # this letter puts the layout's marks after the labels (a column of boxes)
                after = True
            if not label:
                if not mark.explicit:
                    continue
                if not after and current is not None and not current.explicit and not items[:-1]:
                    # the first item has no mark before it but one on the line after: this
                    # letter puts its marks after the labels (how some PDFs extract boxes)
                    after = sparse = True
                if after and current is not None:
                    current.mark(mark.checked, True)
                    current.end = token.end
                else:
                    pending = (mark.checked, True)
                continue
            entry = self.identify(label)
            if entry is None and after and current is not None and current.explicit:
                # the item above is closed by its mark: this line may start the next item,
                # wrapped over lines that only together name it (``TEXAS GUIDELINES FOR`` /
                # ``CHIROPRACTIC QUALITY`` / ... / ``PARAMETERS   [ ]``)
                entry = self._wrapped_entry(lines, marks, index, items)
            read_before = entry is not None and any(b.entry is entry for b in items)
            starts_before = mark.explicit and not after
            if (
                current is not None
                and current.entry is not None
                # a line naming no item, or an item already read: the rest of a wrapped
                # label (``Partially Overturned (Agree in part/`` / ``Disagree in part)  [X]``)
                and (entry is None or (read_before and current.entry is not entry))
                # a box before a line of its own, unless the box slid down to the wrapped
                # label's second line (``    ACOEM - ... Medicine UM`` / ``[ ] Knowledgebase``:
                # words of the canonical label, not ``✓ Health Plan Clinical Policy`` under
                # ``Other Evidence Based ... Guidelines``)
                and (
                    not starts_before
                    or (
                        not current.explicit
                        and entry is None
                        and occurs_within(squash(label)[:SLID_PROBE], current.entry.key, 1)
                    )
                )
                # marks after the labels: an item marked already is complete, and a line
                # with a mark of its own is the next item (``Health plan medical policy  X``
                # under ``Peer reviewed ... literature  X``)
                and not (after and current.explicit and mark.explicit)
                and pending is None
                and not current.description
                and not _OTHER_ITEM.match(label)
                and self._continues(current.entry.key, squash(current.label), squash(label))
            ):
                current.label = f"{current.label} {label}"
                current.end = token.end
                if mark.explicit:
                    current.mark(mark.checked, True)
                continue
            first_unmarked = not mark.explicit and not items
            # an unmarked line naming an item already read is free text citing it (a
            # description that starts ``ODG Low Back chapter``), not the item again; when marks
            # come after labels, a wrapped item's first line has none yet and still starts it
            # and a line naming an unread item once the current item's label is complete is
            # that item, unchecked, in any layout: PDF extraction drops empty boxes
            known_sparse = (
                entry is not None
                and (sparse or not empty_marks or first_unmarked or after or _complete(current))
                and all(b.entry is not entry for b in items)
            )
            # in a sparse layout with marks before the labels, a capitalized line naming no
            # item, under a complete item and above another item, is an item the catalogue
            # lacks (``AMA Guides to the Evaluation of ...``)
            unknown_sparse = (
                entry is None
                and (sparse or not empty_marks)
                and not after
                and current is not None
                and current.entry is not None
                # at the item's label's column, under an item that asks for no description
                # (``NASS - ...`` under ``✔ Medical judgment ...``; not ``Chou R, et al.``
                # under ``PEER REVIEWED ... (PROVIDE A DESCRIPTION)``)
                and token.column + mark.label_start == current.column
                # (as its catalogue label does, though the letter leave the words out:
                # ``☒ Other evidence based ... guidelines: 2013`` / ``ACCF/AHA Guideline``)
                and "DESCRIPTION" not in squash(current.label)
                and "DESCRIPTION" not in current.entry.key
                and not current.description
                and _complete(current)
                and label[:1].isupper()
                # (two words at least: ``... Volume 2: Ambulatory`` / ``Care, 1997`` is the
                # label's rest)
                and len(_WORD.findall(label)) >= 2
                # (not the rest of a line that ran on: ``... chapter: Continuous-flow
                # cryotherapy;`` / ``Game Ready accelerated recovery system; ...``)
                and lines[index - 1].text.rstrip()[-1:] not in ",;"
                and self._item_below(marks, index, below)
            )
            if (
                after
                and mark.explicit
                and entry is None
                and current is not None
                and not current.explicit
                and (current.description or ":" in current.label)
            ):
                # marks after the labels: the mark ends the description an unmarked item went
                # on with (``Peer Reviewed ... Literature: Paleg GS,`` / ... / ``standing
                # programs. Pediatr Phys Ther 2013;25:232-47.      X``)
                current.description.append(label)
                current.mark(mark.checked, True)
                # (the item ends with its description's words, its mark after them)
                found = token.text.find(label)
                current.end = token.start + found + len(label) if found >= 0 else token.end
                continue
            # or such a line back at the items' column under the item's further lines (its
            # label's rest or its description), which stood further in (``✓ Other
            # evidence-based ... guidelines`` / ``     NCCN ...`` / ``Radiology benefit manager
            # imaging guideline``): an unchecked item of its own
            back_at_label = (
                entry is None
                and (sparse or not empty_marks)
                and not after
                and current is not None
                and token.column + mark.label_start == current.column
                and lines[index - 1].line != current.line
                and lines[index - 1].column > current.column
                and label[:1].isupper()
            )
            # (a form's own ``Other (describe)`` item at the labels' column: an item, not the
            # rest of the label above it)
            other_item = (
                _OTHER_ITEM.match(label) is not None
                and current is not None
                and token.column + mark.label_start == current.column
            )
            if (
                mark.explicit
                or pending is not None
                or known_sparse
                or unknown_sparse
                or back_at_label
                or other_item
            ):
                start = token.start + mark.label_start + skip
                column = token.column + mark.label_start + skip
                builder = ItemBuilder(entry, label, start, token.end, token.line, column)
                if pending is not None:
                    builder.mark(*pending)
                    pending = None
                if mark.explicit:
                    builder.mark(mark.checked, True)
                items.append(builder)
                continue
            if current is not None:
                current.description.append(token.text)
                current.end = token.end
            else:
                lead_in.append(token)
        return [b.build() for b in items], lead_in

    def _item_below(self, marks: Sequence[Mark], index: int, below: list[bool]) -> bool:
        """Whether a line after line ``index`` carries a mark or names an entry; ``below``
        remembers the answer for every line, computed once, from the last line up."""
        if not below:
            found = False
            for mark in reversed(marks):
                below.append(found)
                found = found or mark.explicit or self.identify(mark.label) is not None
            below.reverse()
        return below[index]

    def _wrapped_entry(
        self,
        lines: Sequence[Token],
        marks: Sequence[Mark],
        index: int,
        items: Sequence[ItemBuilder],
    ) -> ChecklistEntry | None:
        """The unread entry that line ``index`` and the lines right below it name together,
        up to the first of them that carries a mark (a label wrapped over lines, its mark
        after its last line), or ``None``."""
        label = marks[index].label
        for k in range(index + 1, min(len(lines), index + MAX_WRAPPED_LINES)):
            if lines[k].line != lines[k - 1].line + 1 or not marks[k].label:
                return None
            label = f"{label} {marks[k].label}"
            entry = self.identify(label)
            if entry is not None:
                return None if any(b.entry is entry for b in items) else entry
            if marks[k].explicit:
                return None
        return None

"""Read the outcome: the checked box, else the outcome written out, else the narrative's.

The checked box is cross-checked against what the analysis narrative states
(:mod:`iroparse._fields.narrative`); a contradiction, two checked boxes, or an outcome taken
from the narrative alone are diagnostics.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from iroparse import diagnostics as diag
from iroparse._fields.letter import Letter, Read, note_marks
from iroparse._fields.narrative import decision_sentence, narrative_outcome
from iroparse._fields.outcome_rows import service_rows_outcome
from iroparse._fields.service_table import service_table
from iroparse._pipeline.checklist_items import ChecklistItem
from iroparse._pipeline.sections import Joined, RawSection
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.catalogue import SHOULD_BE
from iroparse.model import Diagnostic, Outcome, Span

Finder = Callable[[str], "tuple[Outcome, int, int] | None"]
"""Reads the outcome a text states, with its offsets."""


def read_outcome(letter: Letter) -> Read:
    """The ``outcome`` field (see the module docstring)."""
    notes: list[Diagnostic] = []
    value, span = _outcome(letter, notes)
    return Read(value, {"outcome": span}, tuple(notes))


def _outcome(letter: Letter, notes: list[Diagnostic]) -> tuple[Outcome, Span | None]:
    section = letter.sections.get("review_outcome")
    analysis = letter.text("analysis") or ""
    marked, unmarked, lead_in = _boxes(letter, section, notes)
    if not marked:
        # a summary box's ``Decision:  Adverse determination PARTIALLY OVERTURNED`` may come
        # before the letter's own REVIEW OUTCOME section with its boxes: a later section of
        # the kind with a box checked says the outcome
        for other in letter.every_section:
            if other.kind != "review_outcome" or other is section or section is None:
                continue
            its_notes: list[Diagnostic] = []
            boxes = _boxes(letter, other, its_notes)
            if boxes[0]:
                marked, unmarked, lead_in = boxes
                notes += its_notes
                break
    told = narrative_outcome(analysis) if analysis else None
    if len(marked) > 1:
        labels = ", ".join(i.label for i in marked)
        notes.append(
            diag.make(
                "outcome-ambiguous",
                f"{len(marked)} outcomes are checked ({labels})",
                line=marked[0].line + 1,
            )
        )
        return Outcome.UNKNOWN, None
    if marked:
        item = marked[0]
        checked = Outcome(item.code)
        if told is not None and told[0] is not checked:
            notes.append(
                diag.make(
                    "outcome-contradicts-narrative",
                    f"{checked.value} is checked but the analysis reads as {told[0].value}: "
                    f"{analysis[told[1] : told[2]]!r}",
                    line=item.line + 1,
                )
            )
        return checked, letter.span(item.start, item.end)
    stated = _stated_outcome(letter, lead_in, unmarked)
    if stated is not None:
        return stated
    tabled = _table_outcome(letter, section) if section is not None else None
    if tabled is not None:
        return tabled
    rows = service_rows_outcome(section.body) if section is not None else None
    if rows is not None:
        return rows[0], letter.span(rows[1], rows[2])
    for kind, joined, finder in _narratives(letter):
        said = finder(joined.text)
        if said is None:
            continue
        notes.append(
            diag.make(
                "outcome-from-narrative",
                f"no outcome box is checked; the {kind} reads as {said[0].value}: "
                f"{joined.text[said[1] : said[2]]!r}",
            )
        )
        start, end = joined.source(said[1]), joined.source(max(said[1], said[2] - 1)) + 1
        return said[0], letter.span(start, end)
    notes.append(diag.make("outcome-missing", "no outcome box is checked or stated"))
    return Outcome.UNKNOWN, None


def _boxes(
    letter: Letter, section: RawSection | None, notes: list[Diagnostic]
) -> tuple[list[ChecklistItem], list[ChecklistItem], list[Token]]:
    """The outcome boxes of ``section`` checked, those left unmarked, and the lines before
    them; a table of each service's decision under the outcome is no box of the outcome's."""
    if section is None:
        return [], [], []
    items, lead_in = letter.outcomes.read(section.lines, letter.layout_for("review_outcome"))
    note_marks(items, notes)
    table = _table_span(section)
    known = [i for i in items if i.code != "other" and not table[0] <= i.start < table[1]]
    return [i for i in known if i.checked], [i for i in known if not i.explicit], lead_in


#: A label the outcome's word follows on its line, under the lead-in: ``Determination:
#: UPHELD (Agree)``, ``Final decision: Overturned``.
_OUTCOME_LABEL = regex.compile(
    r"(?i)\s*(?:(?:final|iro|review|reviewer'?s?)\s+)?(?:determination|decision|outcome)\s*:\s*"
)


def _stated_outcome(
    letter: Letter, lead_in: Sequence[Token], unmarked: Sequence[ChecklistItem]
) -> tuple[Outcome, Span | None] | None:
    """The outcome written out (``should be: Overturned``) rather than checked."""
    for token in lead_in:
        match = SHOULD_BE.search(token.text) or _OUTCOME_LABEL.match(token.text)
        if match is None:
            continue
        rest = token.text[match.end() :]
        if len({w.lower() for w in _OUTCOME_WORD.findall(rest)}) > 1:
            continue  # every outcome's label after the lead-in, no statement of one
        entry = letter.outcomes.identify(rest) if rest.strip() else None
        if entry is not None:
            return Outcome(entry.code), letter.span(token.start + match.end(), token.end)
    # one outcome written alone, after the lead-in or as the heading's value
    # (``REVIEW OUTCOME: Overturned (Disagree)``); not when other lines name outcomes too:
    # then the letter has boxes this layout cannot read, and the first label is no answer
    alone = len(unmarked) == 1 and _lines_naming_outcomes(letter) <= 1
    if alone and (not lead_in or SHOULD_BE.search(lead_in[-1].text)):
        item = unmarked[0]
        return Outcome(item.code), letter.span(item.start, item.end)
    return None


def _narratives(letter: Letter) -> list[tuple[str, Joined, Finder]]:
    """Where a decision may be written out when no box says it, and how to read it: the
    REVIEW OUTCOME section (decision sentences only: there a checklist label or a quoted
    earlier denial must not count; where it states the decision, it is the letter's own
    statement, which the analysis's wording only supports), then the analysis (any outcome
    wording), then the criteria and the sections outside the statutory ones from the last
    back (decision sentences only: a ``Conclusion`` paragraph after the checklist); never
    the clinical history."""
    found: list[tuple[str, Joined, Finder]] = []
    if "review_outcome" in letter.texts:
        found.append(("review outcome", letter.texts["review_outcome"], decision_sentence))
    if "analysis" in letter.texts:
        found.append(("analysis", letter.texts["analysis"], narrative_outcome))
    if "criteria" in letter.texts:  # its last paragraph may conclude the letter
        found.append(("criteria", letter.texts["criteria"], decision_sentence))
    found += [("letter", j, decision_sentence) for j in reversed(letter.others) if j.text]
    return found


_OUTCOME_WORD = regex.compile(r"(?i)\b(?:upheld|overturned)\b")


def _lines_naming_outcomes(letter: Letter) -> int:
    """How many lines of the REVIEW OUTCOME section name an outcome."""
    section = letter.sections.get("review_outcome")
    if section is None:
        return 0
    table = _table_span(section)
    return sum(
        1
        for token in section.lines
        if _OUTCOME_WORD.search(token.text) and not table[0] <= token.start < table[1]
    )


def _table_outcome(letter: Letter, section: RawSection) -> tuple[Outcome, Span | None] | None:
    """The outcome a table of each service's decision under the outcome heading gives when
    no box says it (``Right shoulder arthroscopy   29827   Denied   Overturned`` / ``Shoulder
    CPM device   E0936   Denied   Upheld``): every row's decision upheld or overturned, the
    letter's the same, or partially overturned when they differ."""
    rows = service_table(section.body)
    if not rows:
        return None
    verdicts = set()
    for row in rows:
        cell = row.cells.get("outcome") or row.whole
        said = {word.lower() for word in _OUTCOME_WORD.findall(cell.text)}
        if len(said) != 1:
            return None  # a row without its decision: the table decides nothing
        verdicts |= said
    value = Outcome.PARTIALLY_OVERTURNED if len(verdicts) > 1 else Outcome(verdicts.pop())
    return value, letter.span(rows[0].whole.start, rows[-1].whole.end)


def _table_span(section: RawSection) -> tuple[int, int]:
    """Where a services table written under the outcome starts and ends (``Service
    Determination`` / ``Right shoulder arthroscopy ...   Overturned``), its header included:
    its rows' decisions are each service's, not the letter's; ``(0, 0)`` without one."""
    rows = service_table(section.body)
    if not rows:
        return (0, 0)
    header = max(
        (
            t.start
            for t in section.body
            if t.kind is TokenKind.TEXT and t.start < rows[0].whole.start
        ),
        default=rows[0].whole.start,
    )
    return (header, rows[-1].whole.end)

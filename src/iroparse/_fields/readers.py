"""After the pipeline: read the record's fields from the sections of one letter.

Each reader takes the :class:`Fields` of a letter (its sections by kind, the chosen layout, the
checklist readers, the span mapper and the list of diagnostics) and returns a value with the
span it came from; doubts are appended to :attr:`Fields.notes`. :class:`~iroparse.parser.Parser`
calls them in order.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

import regex
from attrs import frozen

from iroparse import diagnostics as diag
from iroparse._fields.codes import cpt_codes
from iroparse._fields.dates import REDACTED, find_date
from iroparse._fields.lists import split_items
from iroparse._fields.narrative import narrative_outcome
from iroparse._fields.patient import find_patient
from iroparse._pipeline.checklist import ChecklistItem, ChecklistReader
from iroparse._pipeline.normalize import Normalized
from iroparse._pipeline.sections import Joined, RawSection
from iroparse._pipeline.tokenize import Token
from iroparse.catalogue import SHOULD_BE
from iroparse.layout import Layout
from iroparse.model import Criterion, Diagnostic, ListItem, Outcome, Patient, Service, Span

#: Lines longer than this are not used to estimate the letter's line width.
MAX_WIDTH_LINE = 200
_CASE_VALUE = regex.compile(r"[A-Za-z0-9][A-Za-z0-9\-/.#]{0,39}")

Spanner = Callable[[int, int], Span]
"""Maps a ``(start, end)`` range of the normalized text to a :class:`Span` of the original."""


@frozen
class Fields:
    """What every field reader of one letter needs."""

    sections: dict[str, RawSection]
    layout: Layout
    width: int
    """The letter's line width (see :func:`line_width`)."""
    span: Spanner
    outcomes: ChecklistReader
    criteria: ChecklistReader
    notes: list[Diagnostic]


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
    """The letter's line width: its longest line of ordinary length."""
    lengths = [len(line.rstrip()) for line in text.split("\n")]
    usable = [n for n in lengths if n <= MAX_WIDTH_LINE]
    return max(usable, default=80)


def section_span(fields: Fields, section: RawSection | None) -> Span | None:
    """The span of a section's body text, or ``None`` when it has none."""
    if section is None or not section.lines:
        return None
    return fields.span(section.lines[0].start, section.lines[-1].end)


def review_date(fields: Fields) -> tuple[datetime.date | None, Span | None]:
    """The review date (or the notice date standing in for it)."""
    section = fields.sections.get("review_date")
    if section is None:
        return None, None
    lines = section.lines
    if section.alias and section.alias.rank > 0:
        fields.notes.append(diag.make("date-from-notice", "the review date is the notice date"))
    for token in lines[:2]:
        found = find_date(token.text)
        if found is not None:
            value, start, end = found
            return value, fields.span(token.start + start, token.start + end)
    if not lines or REDACTED.fullmatch(lines[0].text):
        fields.notes.append(diag.make("redacted", "the review date is blank or redacted"))
    else:
        fields.notes.append(
            diag.make(
                "date-unreadable", f"no date in {lines[0].text[:60]!r}", line=lines[0].line + 1
            )
        )
    return None, None


def case_number(fields: Fields) -> tuple[str | None, Span | None]:
    """The IRO case number, ``None`` when blank or redacted."""
    section = fields.sections.get("case_number")
    if section is None:
        return None, None
    lines = section.lines
    if lines:
        token = lines[0]
        value = token.text.strip(" :#")
        match = _CASE_VALUE.fullmatch(value)
        if match is not None and any(c.isdigit() for c in value) and not REDACTED.fullmatch(value):
            offset = token.text.index(value)
            return value, fields.span(token.start + offset, token.start + offset + len(value))
    fields.notes.append(diag.make("redacted", "the IRO case number is blank or redacted"))
    return None, None


def services(fields: Fields) -> tuple[Service, ...]:
    """The services in dispute, one per listed item, with their codes."""
    section = fields.sections.get("services_in_dispute")
    if section is None:
        return ()
    return tuple(
        Service(entry.text, cpt_codes(entry.text), fields.span(entry.start, entry.end))
        for entry in split_items(section.body, fields.width)
    )


def listed(fields: Fields, kind: str) -> tuple[ListItem, ...]:
    """The items of a listing section (qualifications, records provided)."""
    section = fields.sections.get(kind)
    if section is None:
        return ()
    return tuple(
        ListItem(entry.text, fields.span(entry.start, entry.end))
        for entry in split_items(section.body, fields.width)
    )


def criteria(fields: Fields) -> tuple[Criterion, ...]:
    """The screening-criteria checklist, read with the letter's layout."""
    section = fields.sections.get("criteria")
    if section is None:
        return ()
    items, _ = fields.criteria.read(section.lines, fields.layout)
    _note_marks(items, fields.notes)
    if items and not any(i.checked for i in items):
        fields.notes.append(diag.make("criteria-none-checked", "no screening criterion is checked"))
    return tuple(
        Criterion(i.code, i.label, i.checked, i.description, fields.span(i.start, i.end))
        for i in items
    )


def outcome(fields: Fields, analysis: str) -> tuple[Outcome, Span | None]:
    """The outcome: the checked box, else the outcome written out, else the narrative's;
    cross-checked against the ``analysis`` narrative."""
    section = fields.sections.get("review_outcome")
    marked: list[ChecklistItem] = []
    unmarked: list[ChecklistItem] = []
    lead_in: list[Token] = []
    if section is not None:
        items, lead_in = fields.outcomes.read(section.lines, fields.layout)
        _note_marks(items, fields.notes)
        known = [i for i in items if i.code != "other"]
        marked = [i for i in known if i.checked]
        unmarked = [i for i in known if not i.explicit]
    told = narrative_outcome(analysis) if analysis else None
    if len(marked) > 1:
        labels = ", ".join(i.label for i in marked)
        fields.notes.append(
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
            fields.notes.append(
                diag.make(
                    "outcome-contradicts-narrative",
                    f"{checked.value} is checked but the analysis reads as {told[0].value}: "
                    f"{analysis[told[1] : told[2]]!r}",
                    line=item.line + 1,
                )
            )
        return checked, fields.span(item.start, item.end)
    stated = _stated_outcome(fields, lead_in, unmarked)
    if stated is not None:
        return stated
    if told is not None:
        fields.notes.append(
            diag.make(
                "outcome-from-narrative",
                f"no outcome box is checked; the analysis reads as {told[0].value}: "
                f"{analysis[told[1] : told[2]]!r}",
            )
        )
        return told[0], None
    fields.notes.append(diag.make("outcome-missing", "no outcome box is checked or stated"))
    return Outcome.UNKNOWN, None


def _stated_outcome(
    fields: Fields, lead_in: Sequence[Token], unmarked: Sequence[ChecklistItem]
) -> tuple[Outcome, Span | None] | None:
    """The outcome written out (``should be: Overturned``) rather than checked."""
    for token in lead_in:
        match = SHOULD_BE.search(token.text)
        if match is None:
            continue
        rest = token.text[match.end() :]
        entry = fields.outcomes.identify(rest) if rest.strip() else None
        if entry is not None:
            return Outcome(entry.code), fields.span(token.start + match.end(), token.end)
    # one outcome written alone, after the lead-in or as the heading's value
    # (``REVIEW OUTCOME: Overturned (Disagree)``)
    if len(unmarked) == 1 and (not lead_in or SHOULD_BE.search(lead_in[-1].text)):
        item = unmarked[0]
        return Outcome(item.code), fields.span(item.start, item.end)
    return None


def patient(
    fields: Fields, history: Joined | None, analysis: Joined | None
) -> tuple[Patient, Span | None, Span | None]:
    """The patient's age and sex, from the clinical history first, then the analysis."""
    age: int | None = None
    sex: str | None = None
    age_span = sex_span = None
    for joined in (history, analysis):
        if joined is None or not joined.text:
            continue
        facts = find_patient(joined.text)
        if age is None and age_span is None and facts.age_span is not None:
            age = facts.age
            s, e = facts.age_span
            age_span = fields.span(joined.source(s), joined.source(e - 1) + 1)
        if sex is None and facts.sex is not None and facts.sex_span is not None:
            sex = facts.sex
            s, e = facts.sex_span
            sex_span = fields.span(joined.source(s), joined.source(e - 1) + 1)
    return Patient(age, sex), age_span, sex_span


def _note_marks(items: Sequence[ChecklistItem], notes: list[Diagnostic]) -> None:
    for item in items:
        if item.marks > 1:
            notes.append(
                diag.make(
                    "mark-repeated",
                    f"{item.label[:60]!r} is marked {item.marks} times",
                    line=item.line + 1,
                )
            )

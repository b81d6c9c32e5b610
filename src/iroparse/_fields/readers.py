"""The table of field readers: :data:`READERS` maps each field of
:class:`~iroparse.model.Decision` read from the letter to the function that reads it.

Each reader takes the :class:`~iroparse._fields.letter.Letter` and returns a
:class:`~iroparse._fields.letter.Read`: the value, the spans it came from and its diagnostics.
A new field of the record is one attribute of the model, one reader here (with its line in
:data:`READERS`) and, when it is flat, one column of :mod:`iroparse.outputs`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import takewhile

import regex
from attrs import evolve

from iroparse import diagnostics as diag
from iroparse._fields.case_number import case_number
from iroparse._fields.codes import cpt_codes
from iroparse._fields.letter import Letter, Read, Reader, note_marks
from iroparse._fields.letter_values import coverage, iro_name, notice_date, review_type
from iroparse._fields.lists import ListEntry
from iroparse._fields.outcome import read_outcome
from iroparse._fields.patient import LABELLED_PATTERNS, find_patient, sex_from_pronouns
from iroparse._fields.review_date import review_date
from iroparse._fields.reviewer import qualifications_paragraph, read_reviewer
from iroparse._fields.run_on import run_on_parts
from iroparse._fields.service_outcomes import service_outcomes
from iroparse._fields.service_table import service_table, table_services
from iroparse._fields.service_values import service_values, unknown_categories
from iroparse._fields.sources import OTHER, bulleted_sources, named_source
from iroparse._pipeline.checklist_items import ChecklistItem
from iroparse._pipeline.choose_layout import LEADER
from iroparse._pipeline.tokens import Token
from iroparse.catalogue import CHECKED_GLYPHS, CLOSING, OUTCOME_LEAD_IN
from iroparse.layout import SOURCES_LISTED_BELOW
from iroparse.model import (
    Code,
    Criterion,
    Diagnostic,
    ListItem,
    Patient,
    Service,
    ServiceSpans,
    Span,
)


def services(letter: Letter) -> Read:
    """The services in dispute, one per listed item, with their codes, units, category and
    outcome (see :mod:`iroparse._fields.service_values` and
    :mod:`iroparse._fields.service_outcomes`)."""
    section = letter.sections.get("services_in_dispute")
    if section is None:
        return Read(())
    table = service_table(section.body, letter.vocabulary)
    if table is not None:
        return table_services(letter, table, outcome_of(letter))
    # the outcome's lead-in, where a letter put it under the services, and the outcome after
    # it are no services
    entries = list(
        takewhile(lambda e: not OUTCOME_LEAD_IN.search(e.text), letter.items("services_in_dispute"))
    )
    values = [service_values(entry.text) for entry in entries]
    outcome = outcome_of(letter)
    decided, notes = service_outcomes(
        letter,
        [entry.text for entry in entries],
        [[c[0] for c in v.codes] for v in values],
        outcome.value,
        outcome.spans.get("outcome"),
    )

    def at(entry: ListEntry, where: tuple[int, int] | None) -> Span | None:
        if where is None:
            return None
        return letter.locate(entry.text[where[0] : where[1]], entry.start, entry.end)

    found = []
    for entry, value, decision in zip(entries, values, decided, strict=True):
        codes = tuple(Code(c, system, at(entry, (s, e))) for c, system, s, e in value.codes)
        spans = ServiceSpans(
            at(entry, value.units_at),
            at(entry, value.category_at),
            decision[1] if decision else None,
        )
        found.append(
            Service(
                entry.text,
                cpt_codes(entry.text),
                letter.span(entry.start, entry.end),
                codes,
                value.units,
                value.category,
                decision[0] if decision else None,
                spans,
            )
        )
    notes += unknown_categories(found)
    return Read(tuple(found), {}, tuple(notes))


def outcome_of(letter: Letter) -> Read:
    """The letter's outcome (:func:`~iroparse._fields.outcome.read_outcome`), read once: the
    services' outcomes follow from it."""
    found: Read = letter.once("outcome", lambda: read_outcome(letter))
    return found


#: A label over a group of the items below it (``Records Received:``, ``FROM THE
#: RESPONDENT:``), or the list's lead-in (``The following records were received and
#: reviewed:``): words and a colon, no item of its own. A label has a few words; the lead-in,
#: the list's first line, a sentence's worth. Its only full stops end a short capitalised
#: abbreviation: ``From the requestor (Dr. ):``, ``From the requesting provider, M.D.:``.
_GROUP_LABEL = regex.compile(r"(?:[^.:;]|(?<=\b\p{Lu}\p{Ll}{0,2})\.){1,100}:")
_GROUP_LABEL_WORDS = 6
_LEAD_IN_WORDS = 12


#: A label naming where the items after it came from: ``From the carrier and its utilization
#: review agent:``, ``Records received from the requestor:``, ``SUBMITTED BY THE TEXAS
#: DEPARTMENT OF INSURANCE:`` (as long as a lead-in may be).
_SOURCE_LABEL = regex.compile(
    r"(?i)(?:(?:records?|documents?)\s+)?(?:(?:received|submitted|provided|sent)\s+)?from\s"
    r"|(?i:submitted|received|provided|sent)\s+by\s"
)


def _group_label(entries: list[ListEntry], k: int) -> bool:
    """Whether ``entries[k]`` labels the items after it rather than being one."""
    text = entries[k].text
    most = _LEAD_IN_WORDS if k == 0 or _SOURCE_LABEL.match(text) else _GROUP_LABEL_WORDS
    return (
        k + 1 < len(entries)
        and (_GROUP_LABEL.fullmatch(text) is not None or _SOURCE_ALONE.fullmatch(text) is not None)
        and len(text.split()) <= most
    )


#: Who submitted the items after it, without a colon: ``Submitted by the carrier``.
_SOURCE_ALONE = regex.compile(r"(?i)(?:submitted|received|provided|sent)\s+(?:by|from)\s+\D{3,40}")


#: A mark alone: an ``X`` or a checked glyph, nothing else.
_LONE_MARK = regex.compile("[xX" + "".join(sorted(CHECKED_GLYPHS)) + "]")


def listed(kind: str) -> Reader:
    """The reader of a listing section's items (qualifications, records provided); labels
    over groups of items are left out."""

    def read(letter: Letter) -> Read:
        section = letter.sections.get(kind)
        if section is None:
            return Read(())
        entries = letter.items(kind)
        parts = run_on_parts(entries) if kind == "information_provided" else None
        if parts is not None:
            return Read(
                tuple(
                    ListItem(
                        part,
                        letter.locate(part, whole.start, whole.end)
                        or letter.span(whole.start, whole.end),
                    )
                    for part, whole in parts
                )
            )
        return Read(
            tuple(
                ListItem(entry.text, letter.span(entry.start, entry.end))
                for k, entry in enumerate(entries)
                if not _group_label(entries, k)
                # (a statement of the reviewer's independence closing the list is none of its
                # items: ``The reviewer has no known conflicts of interest ...``)
                and not CLOSING.match(entry.text)
                # (nor a checkbox's mark alone, the outcome's ``X`` an extractor set at the
                # page's end, below the list)
                and not _LONE_MARK.fullmatch(entry.text)
            )
        )

    read.__doc__ = f"The items of the {kind} section."
    return read


def qualifications(letter: Letter) -> Read:
    """The qualifications section's items; without the section, the paragraph an older letter
    describes its reviewer in (:func:`~iroparse._fields.reviewer.qualifications_paragraph`)."""
    if "reviewer_qualifications" in letter.sections:
        return _listed_qualifications(letter)
    return qualifications_paragraph(letter)


_listed_qualifications = listed("reviewer_qualifications")


def narrative(kind: str) -> Reader:
    """The reader of a narrative section's clean text (clinical history, analysis)."""

    def read(letter: Letter) -> Read:
        return Read(letter.text(kind), {kind: letter.body_span(kind)})

    read.__doc__ = f"The clean text of the {kind} section."
    return read


#: A criteria section none of whose items carries a mark is a checklist when it names at least
#: this many items, or when its items are catalogue labels alone (a sparse layout prints an
#: unchecked item so); fewer items in sentences are guidelines the prose cites.
MIN_UNMARKED_CHECKLIST = 3


def _cites(letter: Letter, item: ChecklistItem, lines: Sequence[Token], alone: bool) -> bool:
    """Whether an unmarked item is a sentence citing a guideline rather than a checklist's
    label: the label's sentence going on in lower case below it (``... in accordance with
    accepted medical`` / ``standards. American Headache ...``), or a sentence above going on
    with it (``... programs), and on`` / ``medical judgment, clinical experience ...``), or a
    sentence of its own after others; or, ``alone`` (the section's one item), more than the
    label (two lines each opening with a source's name list them: ``Milliman & Robertson
    ... Guidelines, Vol. 2`` / ``Medical judgment and clinical experience in ...``)."""
    # (a source's label and its citation after a colon goes on so too: ``Peer-reviewed
    # literature: Schnur PL, ... Reduction`` / ``mammaplasty: cosmetic or ...``)
    goes_on = (item.description or "")[:1].islower() and ":" not in item.label
    above = [token.text.rstrip() for token in lines if token.end <= item.start]
    led_in = (
        bool(above)
        and (above[-1][-1:].islower() or above[-1].endswith(","))
        # (a capital after a line of its own is a list's next source, not the sentence's)
        and (item.label[:1].islower() or alone)
    )
    # (or a sentence of its own after sentences citing sources: ``... JAMA 2017;317:371.`` /
    # ``Medical judgment, clinical experience ... medical standards.``)
    sentence = bool(above) and item.label.rstrip().endswith(".") and above[-1].endswith(".")
    return (
        goes_on or led_in or sentence or (alone and not letter.criteria.is_bare_label(item.label))
    )


def _source_code(letter: Letter, item: ChecklistItem) -> str:
    """A listed source's code: an item the catalogue does not name may still be the reviewer's
    experience or a journal article (:func:`~iroparse._fields.sources.named_source`)."""
    if item.code != OTHER:
        return item.code
    found = named_source(item.label, letter.criteria.identify)
    return found.code if found is not None else item.code


def criteria(letter: Letter) -> Read:
    """The screening-criteria checklist, read with the letter's layout."""
    section = letter.sections.get("criteria")
    if section is None:
        return Read(())
    notes: list[Diagnostic] = []
    layout = letter.layout_for("criteria")
    items, _ = letter.criteria.read(section.lines, layout)
    # (a dot leader is a form's row, its mark after it unread: ``INTERQUAL ...... *``)
    unmarked = not any(i.explicit for i in items) and not any(
        LEADER.search(token.text) for token in section.lines
    )
    sources = bulleted_sources(section.lines, letter.criteria.identify) if unmarked else None
    if sources is not None:  # sources listed with bullets
        items = sources
    if (
        len(items) < MIN_UNMARKED_CHECKLIST
        and sources is None
        and not any(i.explicit for i in items)
        and any(_cites(letter, i, section.lines, len(items) == 1) for i in items)
    ):
        # a sentence naming a guideline or two (``Official Disability Guidelines, Pain
        # chapter, ...``), no checklist: a checklist without a single mark lists the catalogue
        return Read(())
    if items and unmarked and len(items) < SOURCES_LISTED_BELOW:
        items = [evolve(i, checked=True, code=_source_code(letter, i)) for i in items]
        notes.append(
            diag.make(
                "criteria-listed-as-used",
                f"the screening criteria list {len(items)} sources without marks: read as used",
                line=items[0].line + 1,
            )
        )
    note_marks(items, notes)
    if items and not any(i.checked for i in items):
        notes.append(diag.make("criteria-none-checked", "no screening criterion is checked"))
    value = tuple(
        Criterion(i.code, i.label, i.checked, i.description, letter.span(i.start, i.end))
        for i in items
    )
    return Read(value, {}, tuple(notes))


def patient(letter: Letter) -> Read:
    """The patient's age and sex, from the clinical history first, then the analysis, then a
    header block's labels (``Age: 39   Sex: F``); failing all, the sex from the pronouns
    (see :mod:`iroparse._fields.patient`)."""
    age: int | None = None
    sex: str | None = None
    age_span: Span | None = None
    sex_span: Span | None = None
    for kind in ("clinical_history", "analysis"):
        joined = letter.texts.get(kind)
        if joined is None or not joined.text:
            continue
        facts = find_patient(joined.text)
        if age is None and age_span is None and facts.age_span is not None:
            age = facts.age
            s, e = facts.age_span
            age_span = letter.span(joined.source(s), joined.source(e - 1) + 1)
        if sex is None and facts.sex is not None and facts.sex_span is not None:
            sex = facts.sex
            s, e = facts.sex_span
            sex_span = letter.span(joined.source(s), joined.source(e - 1) + 1)
    if (age is None and age_span is None) or sex is None:  # a header block's labels
        labelled = find_patient(letter.normalized, LABELLED_PATTERNS)
        if age is None and age_span is None and labelled.age_span is not None:
            age, age_span = labelled.age, letter.span(*labelled.age_span)
        if sex is None and labelled.sex is not None and labelled.sex_span is not None:
            sex, sex_span = labelled.sex, letter.span(*labelled.sex_span)
    notes: list[Diagnostic] = []
    for kind in ("clinical_history", "analysis") if sex is None else ():
        joined = letter.texts.get(kind)
        by_pronouns = sex_from_pronouns(joined.text) if joined is not None else None
        if joined is not None and by_pronouns is not None:
            sex, (s, e) = by_pronouns
            sex_span = letter.span(joined.source(s), joined.source(e - 1) + 1)
            notes.append(
                diag.make(
                    "patient-sex-from-pronouns",
                    f"{joined.text[s:e]} and the other pronouns of the"
                    f" {kind.replace('_', ' ')} say {sex}; no word states the patient's sex",
                    span=sex_span,
                )
            )
            break
    return Read(Patient(age, sex), {"patient_age": age_span, "patient_sex": sex_span}, tuple(notes))


#: Each field of the record read from the letter, and its reader. Readers are independent; this
#: order is only the order of their diagnostics in the record.
READERS: dict[str, Reader] = {
    "review_date": review_date,
    "case_number": case_number,
    "services": services,
    "reviewer_qualifications": qualifications,
    "information_provided": listed("information_provided"),
    "criteria": criteria,
    "outcome": outcome_of,
    "clinical_history": narrative("clinical_history"),
    "analysis": narrative("analysis"),
    "patient": patient,
    "notice_date": notice_date,
    "iro_name": iro_name,
    "review_type": review_type,
    "coverage": coverage,
    "reviewer": read_reviewer,
}

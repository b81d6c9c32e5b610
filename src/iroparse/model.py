"""The typed result of a parse: frozen, slotted attrs classes.

Every value that comes from the letter keeps the :class:`Span` of the original text it was
read from, so a caller can always show *where* a value came from; doubts about a value are
:class:`Diagnostic` objects in :attr:`Decision.diagnostics` rather than silent guesses.

The JSON record of these classes (``iroparse.to_dict``) is described in :mod:`iroparse.convert`.
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

from attrs import field, frozen

from iroparse._abridge import abridged as _abridged
from iroparse._abridge import checked as _checked
from iroparse._abridge import codes as _codes
from iroparse._abridge import reviewer as _reviewer
from iroparse._abridge import texts as _texts
from iroparse.catalogue import CRITERIA_CODES, SECTION_KINDS

__all__ = [
    "Code",
    "Coverage",
    "Criterion",
    "Decision",
    "Diagnostic",
    "FieldSpans",
    "LayoutCandidate",
    "ListItem",
    "Outcome",
    "ParseResult",
    "Patient",
    "ReviewType",
    "Reviewer",
    "Section",
    "Service",
    "ServiceSpans",
    "Severity",
    "Span",
    "Specialty",
]


def _schema(**keywords: Any) -> dict[str, Any]:
    """Field metadata that the derived JSON Schema (:mod:`iroparse.schema`) adds to a value."""
    return {"schema": keywords}


def _items_schema(**keywords: Any) -> dict[str, Any]:
    """Field metadata that the derived JSON Schema adds to each item of a listed value."""
    return {"items_schema": keywords}


_CRITERION_CODES = "one of " + ", ".join(CRITERIA_CODES) + ", other, or a plugin's code"


class Outcome(enum.StrEnum):
    """What the reviewer decided about the insurer's earlier denial."""

    UPHELD = "upheld"
    """The denial stands (the reviewer agrees)."""
    OVERTURNED = "overturned"
    """The denial is reversed (the reviewer disagrees)."""
    PARTIALLY_OVERTURNED = "partially_overturned"
    """The denial is reversed in part."""
    UNKNOWN = "unknown"
    """No outcome could be read, or the letter contradicts itself (see the diagnostics)."""


class ReviewType(enum.StrEnum):
    """When the review looks at the service: before, after or while it is given."""

    PROSPECTIVE = "prospective"
    """Before the service (preauthorization)."""
    RETROSPECTIVE = "retrospective"
    """After the service was given."""
    CONCURRENT = "concurrent"
    """While the service goes on (a continued stay, more sessions)."""


class Coverage(enum.StrEnum):
    """Who pays for the service the letter is about."""

    WORKERS_COMPENSATION = "workers_compensation"
    """A workers' compensation carrier (an injured worker's claim)."""
    HEALTH_PLAN = "health_plan"
    """A health plan or health insurer."""


class Severity(enum.StrEnum):
    """How much a :class:`Diagnostic` matters; ``strict=True`` raises on ``error``."""

    INFO = "info"
    """Worth knowing, nothing wrong: noise removed, a value redacted."""
    WARNING = "warning"
    """A doubt about a value: a section missing, an outcome read from the narrative."""
    ERROR = "error"
    """The letter contradicts itself (two outcomes checked); ``strict=True`` raises."""


@frozen
class Span:
    """A half-open range ``[start, end)`` of character offsets into the caller's original text."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset just past the last character."""

    def slice(self, text: str) -> str:
        """Return the part of ``text`` this span covers.

        >>> Span(4, 9).slice("The quick fox")
        'quick'
        """
        return text[self.start : self.end]


@frozen
class Diagnostic:
    """Something the parser noticed and wants the caller to know: removed noise, a doubt, an
    inconsistency. ``code`` is one of the codes listed in :data:`iroparse.diagnostics.CODES`."""

    severity: Severity
    """How much it matters (fixed per code)."""
    code: str
    """The kebab-case code, e.g. ``noise-removed``."""
    message: str
    """What was noticed, in words, quoting the letter where that helps."""
    line: int | None = field(default=None, metadata=_schema(minimum=1))
    """1-based line number in the original text, when the diagnostic points at one."""
    span: Span | None = None
    """The characters of the original text concerned, when known."""


@frozen
class ListItem:
    """One entry of a listed field (a reviewer qualification, a record provided), without its
    bullet or numbering."""

    text: str
    """The item's text, wrapped lines joined."""
    span: Span | None = None
    """Where the item is in the original text."""


@frozen
class Code:
    """A code cited for a service, with the code system it belongs to."""

    code: str
    """The code as the record writes it: ``64999``, ``J1030``, ``M54.5``."""
    system: str = field(metadata=_schema(enum=["CPT", "HCPCS", "ICD-9", "ICD-10"]))
    """``CPT``, ``HCPCS``, ``ICD-9`` or ``ICD-10`` (the last two for diagnoses)."""
    span: Span | None = None
    """Where the code is in the original text."""


@frozen
class ServiceSpans:
    """Where a service's derived values were read from (``None`` when absent)."""

    units: Span | None = None
    """The words that give the number of units (``x 12``, ``10 sessions``)."""
    category: Span | None = None
    """The code or the words the category was derived from."""
    outcome: Span | None = None
    """The words that decide this service (a table's cell, a sentence of the narrative), or
    the letter's outcome when it decides every service at once."""


@frozen
class Service:
    """A service in dispute: its text, its codes and what the reviewer decided about it."""

    text: str
    """The service as the letter describes it."""
    cpt_codes: tuple[str, ...] = field(default=(), metadata=_items_schema(pattern=r"^[0-9A-Z]{5}$"))
    """The CPT/HCPCS codes cited for it, in order (schema version 1; :attr:`codes` has them
    with their systems, and the diagnosis codes)."""
    span: Span | None = None
    """Where the service is in the original text."""
    codes: tuple[Code, ...] = ()
    """Every code cited for it, procedures and diagnoses, in order, with their systems."""
    units: int | None = field(default=None, metadata=_schema(minimum=0))
    """How many units, visits or sessions are asked for, when the letter says."""
    category: str | None = None
    """The kind of service (:data:`iroparse.tables.categories.CATEGORY_LABELS`): from the
    code's range, else from the wording; ``None`` when neither tells."""
    outcome: Outcome | None = None
    """The decision about this service: the letter's when it decides every service at once,
    else the one the letter gives this service; ``None`` when it cannot be told."""
    spans: ServiceSpans = field(factory=ServiceSpans, repr=False)
    """Where :attr:`units`, :attr:`category` and :attr:`outcome` were read from."""


@frozen
class Criterion:
    """One item of the screening-criteria checklist.

    ``code`` is one of :data:`iroparse.catalogue.CRITERIA_CODES` or ``other``; ``description``
    is the free text written after the item (the literature or guideline cited), if any.
    """

    code: str = field(metadata=_schema(description=_CRITERION_CODES))
    """The catalogue code, e.g. ``odg``, or ``other``."""
    label: str
    """The item's label as the letter writes it, wrapped lines joined, without its mark."""
    checked: bool
    """Whether the item is marked."""
    description: str | None = None
    """The free text written after the item (the source cited), if any."""
    span: Span | None = None
    """Where the label is in the original text."""


@frozen
class Patient:
    """What the narrative says about the patient; redacted values are ``None``."""

    age: int | None = field(default=None, metadata=_schema(minimum=0, maximum=130))
    """Age in years, ``None`` when redacted (``xx-year-old``) or not stated."""
    sex: str | None = field(default=None, metadata=_schema(enum=["male", "female", None]))
    """``"male"``, ``"female"`` or ``None``."""


@frozen
class Specialty:
    """A medical specialty, subspecialty or licence of the reviewer, by its vocabulary name."""

    name: str
    """The name in the vocabulary (:data:`iroparse.tables.specialties.SPECIALTIES`), e.g.
    ``Physical Medicine and Rehabilitation``, whatever words the letter used."""
    span: Span | None = None
    """The words of the letter it was read from."""


@frozen
class Reviewer:
    """What the qualifications section says about the reviewer, as values."""

    specialties: tuple[Specialty, ...] = ()
    """The specialties named, in letter order, each once (training alone is not one)."""
    board_certified: bool | None = None
    """``True`` for a board certification, ``False`` for "board eligible" or "not board
    certified", ``None`` when the letter does not say."""
    years_in_practice: int | None = field(default=None, metadata=_schema(minimum=0))
    """The years of practice or experience stated (``over 20 years``: 20)."""


@frozen
class Section:
    """One section of the letter: its kind code, the heading as written, and its text with
    extraction noise removed. ``start``/``end`` are offsets of the whole section (heading
    included) in the original text."""

    kind: str = field(metadata=_schema(enum=list(SECTION_KINDS)))
    """The section kind code (:data:`iroparse.catalogue.SECTION_KINDS`)."""
    heading: str
    """The heading as the letter writes it, wrapped lines joined."""
    text: str
    """The section's text, extraction noise removed."""
    start: int
    """Offset of the section's first character (its heading)."""
    end: int
    """Offset just past the section's last character."""


@frozen
class FieldSpans:
    """Where each scalar field of a :class:`Decision` was read from (``None`` when absent)."""

    outcome: Span | None = None
    review_date: Span | None = None
    case_number: Span | None = None
    clinical_history: Span | None = None
    analysis: Span | None = None
    patient_age: Span | None = None
    patient_sex: Span | None = None
    notice_date: Span | None = None
    iro_name: Span | None = None
    review_type: Span | None = None
    coverage: Span | None = None
    board_certified: Span | None = None
    years_in_practice: Span | None = None


@frozen
class Decision:
    """A parsed IRO decision letter. Build one with :func:`iroparse.parse`."""

    source: str | None = None
    """The path or name of the input, as given to the parser."""
    layout: str = field(
        default="unknown", metadata=_schema(description="name of the layout that read the marks")
    )
    """The name of the layout that read the checkboxes, ``unknown`` when none fitted."""
    outcome: Outcome = Outcome.UNKNOWN
    """The decision about the insurer's denial."""
    review_date: datetime.date | None = None
    """The date of the review (else the date the notice was sent); ``None`` when absent."""
    case_number: str | None = None
    """The IRO case number; ``None`` when redacted or blank."""
    # the repr abridges long values (a letter's repr fits a screen, not 10,000 characters);
    # the values themselves are whole
    services: tuple[Service, ...] = field(default=(), repr=lambda v: _texts(v))
    """The services in dispute, one per listed item."""
    reviewer_qualifications: tuple[ListItem, ...] = field(default=(), repr=lambda v: _texts(v))
    """The reviewer's qualifications, one per listed item."""
    information_provided: tuple[ListItem, ...] = field(default=(), repr=lambda v: _texts(v))
    """The records the IRO was given, one per listed item."""
    clinical_history: str | None = field(default=None, repr=lambda v: _abridged(v))
    """The patient clinical history summary, extraction noise removed."""
    analysis: str | None = field(default=None, repr=lambda v: _abridged(v))
    """The analysis and explanation of the decision, extraction noise removed."""
    criteria: tuple[Criterion, ...] = field(default=(), repr=lambda v: _checked(v))
    """Every screening-criteria checklist item, checked or not, in letter order."""
    patient: Patient = field(factory=Patient)
    """The patient's age and sex as the narrative states them."""
    sections: tuple[Section, ...] = field(default=(), repr=lambda v: f"<{len(v)} sections>")
    """Every section of the letter, in letter order."""
    diagnostics: tuple[Diagnostic, ...] = field(default=(), repr=lambda v: _codes(v))
    """What the parser noticed while reading the letter."""
    spans: FieldSpans = field(factory=FieldSpans, repr=False)
    """Where each scalar field was read from."""
    notice_date: datetime.date | None = None
    """The date the notice was sent to the parties, ``None`` when the letter has none."""
    iro_name: str | None = None
    """The review organisation, by the name in :data:`iroparse.tables.iros.IROS` when it is
    listed there, else as the letter writes it; ``None`` when the letter does not name it."""
    review_type: ReviewType | None = None
    """Prospective, retrospective or concurrent, when the letter says."""
    coverage: Coverage | None = None
    """Workers' compensation or a health plan, when the letter says."""
    reviewer: Reviewer = field(factory=Reviewer, repr=lambda v: _reviewer(v))
    """The reviewer's specialties, certification and years, read from the qualifications."""

    @property
    def cpt_codes(self) -> tuple[str, ...]:
        """Every CPT/HCPCS code of every service, in order, without repeats."""
        return tuple(dict.fromkeys(c for s in self.services for c in s.cpt_codes))

    @property
    def checked_criteria(self) -> tuple[str, ...]:
        """The codes of the checked screening criteria."""
        return tuple(c.code for c in self.criteria if c.checked)

    def has_errors(self) -> bool:
        """True when some diagnostic has severity ``error``."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


@frozen
class LayoutCandidate:
    """A layout's fit to a letter, as ranked by :func:`iroparse.detect_layout`."""

    name: str
    score: float
    """0.0 (no sign of the layout) to 1.0 (every checklist line is in this layout)."""
    reason: str = ""


@frozen
class ParseResult:
    """One input of a batch (:func:`iroparse.parse_many`): a decision or an error, never both.

    ``sha256`` is the hash of the input's bytes (``None`` when it could not be read); batch
    outputs use ``(source, sha256)`` to skip inputs already written.
    """

    source: str
    """The input path."""
    decision: Decision | None = None
    """The parsed letter, ``None`` when the input failed."""
    error_code: str | None = None
    """The error's code (:attr:`iroparse.IroParseError.code`) when the input failed."""
    error_message: str | None = None
    """The error's message when the input failed."""
    sha256: str | None = None
    """The SHA-256 of the input's bytes."""
    row_text: str | None = None
    """The output row as one line of JSON, when a batch worker rendered it: a worker sends the
    finished row rather than the :class:`Decision` (``decision`` is then ``None``), so the main
    process only writes it (see :func:`iroparse.batch.parse_path_to_row`)."""

    @property
    def ok(self) -> bool:
        """True when the input parsed."""
        return self.decision is not None or self.row_text is not None

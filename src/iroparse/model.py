"""The typed result of a parse: frozen, slotted attrs classes.

Every value that comes from the letter keeps the :class:`Span` of the original text it was
read from, so a caller can always show *where* a value came from; doubts about a value are
:class:`Diagnostic` objects in :attr:`Decision.diagnostics` rather than silent guesses.

The JSON record of these classes (``iroparse.to_dict``) is described in :mod:`iroparse.convert`.
"""

from __future__ import annotations

import datetime
import enum

from attrs import field, frozen

__all__ = [
    "Criterion",
    "Decision",
    "Diagnostic",
    "FieldSpans",
    "LayoutCandidate",
    "ListItem",
    "Outcome",
    "ParseResult",
    "Patient",
    "Section",
    "Service",
    "Severity",
    "Span",
]


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


class Severity(enum.StrEnum):
    """How much a :class:`Diagnostic` matters; ``strict=True`` raises on ``error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@frozen
class Span:
    """A half-open range ``[start, end)`` of character offsets into the caller's original text."""

    start: int
    end: int

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
    code: str
    message: str
    line: int | None = None
    """1-based line number in the original text, when the diagnostic points at one."""
    span: Span | None = None


@frozen
class ListItem:
    """One entry of a listed field (a reviewer qualification, a record provided), without its
    bullet or numbering."""

    text: str
    span: Span | None = None


@frozen
class Service:
    """A service in dispute, with the CPT/HCPCS codes cited for it."""

    text: str
    cpt_codes: tuple[str, ...] = ()
    span: Span | None = None


@frozen
class Criterion:
    """One item of the screening-criteria checklist.

    ``code`` is one of :data:`iroparse.catalogue.CRITERIA_CODES` or ``other``; ``description``
    is the free text written after the item (the literature or guideline cited), if any.
    """

    code: str
    label: str
    checked: bool
    description: str | None = None
    span: Span | None = None


@frozen
class Patient:
    """What the narrative says about the patient; redacted values are ``None``."""

    age: int | None = None
    sex: str | None = None
    """``"male"``, ``"female"`` or ``None``."""


@frozen
class Section:
    """One section of the letter: its kind code, the heading as written, and its text with
    extraction noise removed. ``start``/``end`` are offsets of the whole section (heading
    included) in the original text."""

    kind: str
    heading: str
    text: str
    start: int
    end: int


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


@frozen
class Decision:
    """A parsed IRO decision letter. Build one with :func:`iroparse.parse`."""

    outcome: Outcome = Outcome.UNKNOWN
    review_date: datetime.date | None = None
    case_number: str | None = None
    services: tuple[Service, ...] = ()
    reviewer_qualifications: tuple[ListItem, ...] = ()
    information_provided: tuple[ListItem, ...] = ()
    clinical_history: str | None = None
    analysis: str | None = None
    criteria: tuple[Criterion, ...] = ()
    patient: Patient = field(factory=Patient)
    sections: tuple[Section, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    layout: str = "unknown"
    source: str | None = None
    spans: FieldSpans = field(factory=FieldSpans)

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
    decision: Decision | None = None
    error_code: str | None = None
    error_message: str | None = None
    sha256: str | None = None

    @property
    def ok(self) -> bool:
        """True when the input parsed."""
        return self.decision is not None

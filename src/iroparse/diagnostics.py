"""Every diagnostic code iroparse emits, with its severity and meaning.

Diagnostics are values, not log lines: the same :class:`~iroparse.model.Diagnostic` objects
travel in :attr:`Decision.diagnostics <iroparse.model.Decision.diagnostics>` and in the
:class:`~iroparse.errors.StrictModeError` that ``parse(..., strict=True)`` raises.
"""

from __future__ import annotations

from attrs import frozen

from iroparse.model import Diagnostic, Severity, Span

__all__ = ["CODES", "DiagnosticCode", "is_strict_failure", "make"]


@frozen
class DiagnosticCode:
    """A diagnostic code's fixed severity and what it means. ``guess`` says the code reports
    a contract field that was guessed or is missing rather than read (an outcome taken from the
    narrative, no layout recognised): ``parse(..., strict=True)`` refuses such letters too."""

    code: str
    severity: Severity
    meaning: str
    guess: bool = False


CODES: dict[str, DiagnosticCode] = {
    c.code: c
    for c in (
        DiagnosticCode(
            "noise-removed",
            Severity.INFO,
            "A line of extraction noise (link artefact, page number, running header or footer) "
            "was left out of the section text.",
        ),
        DiagnosticCode(
            "noise-by-position",
            Severity.INFO,
            "A short line that cuts a sentence in two (a header, footer or stamp a page break "
            "put there) was left out of the section text, judged by its position alone.",
        ),
        DiagnosticCode(
            "heading-typo",
            Severity.INFO,
            "A heading was matched to the catalogue with small typos (``REVEIW OUTCOME``); the "
            "section's kind is the catalogue's closest wording.",
        ),
        DiagnosticCode(
            "service-outcome-unknown",
            Severity.WARNING,
            "A partially overturned letter does not say (or says in contradiction) which "
            "services were approved: those services' outcome is null.",
        ),
        DiagnosticCode(
            "specialty-unknown",
            Severity.INFO,
            "The reviewer's qualifications name no specialty of the vocabulary "
            "(``iroparse.tables.specialties``; plugins extend it): the specialties are empty.",
        ),
        DiagnosticCode(
            "service-category-unknown",
            Severity.INFO,
            "A service cites no procedure code and no words of the category table: its "
            "category is null.",
        ),
        DiagnosticCode(
            "coverage-ambiguous",
            Severity.INFO,
            "The letter names both a workers' compensation claim and a health plan: the "
            "coverage is null.",
        ),
        DiagnosticCode(
            "review-type-ambiguous",
            Severity.INFO,
            "The letter names more than one review type (prospective, retrospective, "
            "concurrent): the review type is null.",
        ),
        DiagnosticCode(
            "section-missing",
            Severity.WARNING,
            "A statutory section (review outcome, criteria, ...) was not found in the letter.",
        ),
        DiagnosticCode(
            "section-repeated",
            Severity.WARNING,
            "A section kind occurs more than once; the first occurrence was used.",
        ),
        DiagnosticCode(
            "redacted",
            Severity.INFO,
            "A value is redacted in the letter (``xx``, ``xxxx``, blank) and is reported as null.",
        ),
        DiagnosticCode(
            "date-unreadable",
            Severity.WARNING,
            "The review date section holds text that is not a recognisable date.",
        ),
        DiagnosticCode(
            "digits-from-ocr",
            Severity.INFO,
            "A date, a case number or a services table's code was printed with letters a text "
            "recognition puts for digits (``1O/O2/O6``, ``TMR-O2-0l93``, ``97O14``) and was "
            "read with the digits.",
        ),
        DiagnosticCode(
            "date-from-notice",
            Severity.INFO,
            "There is no DATE OF REVIEW; the review date is the date the notice was sent.",
        ),
        DiagnosticCode(
            "date-from-letter",
            Severity.INFO,
            "There is no review date heading; the review date is the date the letter is dated "
            "with at its top (an older letter's ``June 9, 2003`` or ``Date: 06/09/2003``).",
        ),
        DiagnosticCode(
            "patient-sex-from-pronouns",
            Severity.INFO,
            "No word of the letter states the patient's sex (``female``, ``Sex: F``); it was "
            "read from the pronouns of the clinical history or the analysis (``she``, ``her``).",
        ),
        DiagnosticCode(
            "layout-unknown",
            Severity.WARNING,
            "No registered layout recognises the letter's checkbox marks; sections and fields "
            "were read, and the outcome comes from the narrative where it could.",
            guess=True,
        ),
        DiagnosticCode(
            "layout-ambiguous",
            Severity.INFO,
            "Two layouts fit the letter almost equally well; the first was used.",
        ),
        DiagnosticCode(
            "outcome-missing",
            Severity.WARNING,
            "No outcome box is checked and the narrative states none: the outcome is unknown.",
            guess=True,
        ),
        DiagnosticCode(
            "outcome-ambiguous",
            Severity.ERROR,
            "More than one outcome is checked: the outcome is unknown.",
        ),
        DiagnosticCode(
            "outcome-from-narrative",
            Severity.WARNING,
            "No outcome box is checked; the outcome was read from the analysis narrative.",
            guess=True,
        ),
        DiagnosticCode(
            "outcome-contradicts-narrative",
            Severity.WARNING,
            "The checked outcome disagrees with what the analysis narrative says.",
        ),
        DiagnosticCode(
            "criteria-none-checked",
            Severity.WARNING,
            "The screening-criteria checklist has items but none is checked.",
        ),
        DiagnosticCode(
            "criteria-listed-as-used",
            Severity.INFO,
            "The screening-criteria section lists a few sources and marks none: they are read"
            " as the sources used, each checked.",
        ),
        DiagnosticCode(
            "mark-repeated",
            Severity.WARNING,
            "A checklist item carries more than one mark.",
        ),
    )
}
"""The diagnostic catalogue, by code."""


def make(
    code: str, message: str, *, line: int | None = None, span: Span | None = None
) -> Diagnostic:
    """Build a :class:`~iroparse.model.Diagnostic` of a catalogued ``code`` (its severity comes
    from :data:`CODES`); ``line`` is 1-based."""
    return Diagnostic(CODES[code].severity, code, message, line, span)


def is_strict_failure(diagnostic: Diagnostic) -> bool:
    """True when ``strict=True`` refuses a letter carrying ``diagnostic``: an error, or a
    contract field guessed or missing (:attr:`DiagnosticCode.guess`)."""
    entry = CODES.get(diagnostic.code)
    return diagnostic.severity is Severity.ERROR or (entry is not None and entry.guess)

"""The JSON record as ``TypedDict`` classes, so that a type checker knows its keys.

:func:`iroparse.to_dict` returns a :class:`DecisionRecord`. Written by
``python -m iroparse._write_record_types`` from the record's shape; do not edit by hand.
"""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = [
    "CodeRecord",
    "CriterionRecord",
    "DecisionRecord",
    "DiagnosticRecord",
    "PatientRecord",
    "ReviewerRecord",
    "SectionRecord",
    "ServiceRecord",
    "ServiceSpansRecord",
    "SpansRecord",
    "SpecialtyRecord",
]


class ServiceRecord(TypedDict):
    """The record of a Service."""

    text: str
    cpt_codes: list[str]
    start: int | None
    end: int | None
    codes: list[CodeRecord]
    units: int | None
    category: str | None
    outcome: Literal["upheld", "overturned", "partially_overturned", "unknown"] | None
    spans: ServiceSpansRecord


class CodeRecord(TypedDict):
    """The record of a Code."""

    code: str
    system: str
    start: int | None
    end: int | None


class ServiceSpansRecord(TypedDict):
    """The record of a ServiceSpans."""

    units: list[int] | None
    category: list[int] | None
    outcome: list[int] | None


class CriterionRecord(TypedDict):
    """The record of a Criterion."""

    code: str
    label: str
    checked: bool
    description: str | None
    start: int | None
    end: int | None


class PatientRecord(TypedDict):
    """The record of a Patient."""

    age: int | None
    sex: str | None


class SectionRecord(TypedDict):
    """The record of a Section."""

    kind: str
    heading: str
    text: str
    start: int
    end: int


class DiagnosticRecord(TypedDict):
    """The record of a Diagnostic."""

    severity: Literal["info", "warning", "error"]
    code: str
    message: str
    line: int | None
    start: int | None
    end: int | None


class SpansRecord(TypedDict):
    """The record of a FieldSpans."""

    outcome: list[int] | None
    review_date: list[int] | None
    case_number: list[int] | None
    clinical_history: list[int] | None
    analysis: list[int] | None
    patient_age: list[int] | None
    patient_sex: list[int] | None
    notice_date: list[int] | None
    iro_name: list[int] | None
    review_type: list[int] | None
    coverage: list[int] | None
    board_certified: list[int] | None
    years_in_practice: list[int] | None
    reviewer_qualifications: list[list[int] | None]
    information_provided: list[list[int] | None]


class ReviewerRecord(TypedDict):
    """The record of a Reviewer."""

    specialties: list[SpecialtyRecord]
    board_certified: bool | None
    years_in_practice: int | None


class SpecialtyRecord(TypedDict):
    """The record of a Specialty."""

    name: str
    start: int | None
    end: int | None


class DecisionRecord(TypedDict):
    """The record of a Decision."""

    schema_version: int
    source: str | None
    layout: str
    outcome: Literal["upheld", "overturned", "partially_overturned", "unknown"]
    review_date: str | None
    case_number: str | None
    services: list[ServiceRecord]
    reviewer_qualifications: list[str]
    information_provided: list[str]
    clinical_history: str | None
    analysis: str | None
    criteria: list[CriterionRecord]
    patient: PatientRecord
    sections: list[SectionRecord]
    diagnostics: list[DiagnosticRecord]
    spans: SpansRecord
    notice_date: str | None
    iro_name: str | None
    review_type: Literal["prospective", "retrospective", "concurrent"] | None
    coverage: Literal["workers_compensation", "health_plan"] | None
    reviewer: ReviewerRecord

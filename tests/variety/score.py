"""Compare a parsed record with a generated letter's expected record, field by field."""

from __future__ import annotations

from typing import Any

from tests.test_golden_corpus import scored_fields

#: The scored fields: the keys of an expected record (``forbidden_in_sections`` included).
FIELDS = (
    "outcome",
    "review_date",
    "case_number",
    "services_text",
    "cpt_codes",
    "reviewer_qualifications",
    "information_provided",
    "clinical_history",
    "analysis",
    "criteria",
    "patient_sex",
    "patient_age",
    "forbidden_in_sections",
)
_UNSCORED_KINDS = {"title", "other"}


def actual(record: dict[str, Any]) -> dict[str, Any]:
    """The scored fields of a parsed record, read as the labelled corpus's test reads them,
    and the text of its scored sections."""
    sections = [
        s.get("text") or ""
        for s in record.get("sections") or []
        if s.get("kind") not in _UNSCORED_KINDS
    ]
    return {**scored_fields(record), "_sections": sections}


def compare(expected: dict[str, Any], record: dict[str, Any]) -> dict[str, tuple[bool, Any]]:
    """Each scored field: whether it is right, and what the parse gave."""
    got = actual(record)
    out: dict[str, tuple[bool, Any]] = {}
    for key in FIELDS:
        want = expected[key]
        if key == "forbidden_in_sections":
            found = [w for w in want for text in got["_sections"] if w in text]
            out[key] = (not found, found)
        else:
            out[key] = (got[key] == want, got[key])
    return out


def warned(record: dict[str, Any]) -> bool:
    """Whether the parse said it doubted something (a warning or error diagnostic)."""
    return any(d.get("severity") in ("warning", "error") for d in record.get("diagnostics") or [])

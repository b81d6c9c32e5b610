"""Compare a parsed record with a generated letter's expected record, field by field."""

from __future__ import annotations

import re
from typing import Any

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


def fold(text: Any) -> Any:
    """Whitespace folded, as the labelled corpus compares text."""
    return re.sub(r"\s+", " ", text).strip() if isinstance(text, str) else text


def actual(record: dict[str, Any]) -> dict[str, Any]:
    """The scored fields of a parsed record."""
    services = record.get("services") or []
    patient = record.get("patient") or {}
    sections = [
        s.get("text") or ""
        for s in record.get("sections") or []
        if s.get("kind") not in _UNSCORED_KINDS
    ]
    return {
        "outcome": record.get("outcome"),
        "review_date": record.get("review_date"),
        "case_number": record.get("case_number"),
        "services_text": fold(" ".join(s.get("text") or "" for s in services)),
        "cpt_codes": sorted({c for s in services for c in s.get("cpt_codes") or ()}),
        "reviewer_qualifications": [fold(q) for q in record.get("reviewer_qualifications") or []],
        "information_provided": [fold(q) for q in record.get("information_provided") or []],
        "clinical_history": fold(record.get("clinical_history")) or None,
        "analysis": fold(record.get("analysis")) or None,
        "criteria": [[c.get("code"), c.get("checked")] for c in record.get("criteria") or []],
        "patient_sex": patient.get("sex"),
        "patient_age": patient.get("age"),
        "_sections": sections,
    }


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

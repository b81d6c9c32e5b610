"""The JSON Schema (draft 2020-12) of the record (:func:`iroparse.to_dict`) and of error rows.

``iroparse schema`` prints :data:`SCHEMA`; the test suite validates every record against it.
"""

from __future__ import annotations

from typing import Any

from iroparse.catalogue import CRITERIA_CODES, SECTION_KINDS
from iroparse.convert import SCHEMA_VERSION
from iroparse.model import Outcome, Severity

__all__ = ["SCHEMA"]

_NULLABLE_STRING = {"type": ["string", "null"]}
_OFFSET = {"type": ["integer", "null"], "minimum": 0}
_SPAN = {
    "type": ["array", "null"],
    "items": {"type": "integer", "minimum": 0},
    "minItems": 2,
    "maxItems": 2,
}

_RECORD: dict[str, Any] = {
    "type": "object",
    "required": [
        "schema_version",
        "source",
        "layout",
        "outcome",
        "review_date",
        "case_number",
        "services",
        "reviewer_qualifications",
        "information_provided",
        "clinical_history",
        "analysis",
        "criteria",
        "patient",
        "sections",
        "diagnostics",
    ],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "source": _NULLABLE_STRING,
        "sha256": _NULLABLE_STRING,
        "layout": {"type": "string", "description": "name of the layout that read the marks"},
        "outcome": {"enum": [o.value for o in Outcome]},
        "review_date": {
            "type": ["string", "null"],
            "format": "date",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
        },
        "case_number": _NULLABLE_STRING,
        "services": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["text", "cpt_codes"],
                "properties": {
                    "text": {"type": "string"},
                    "cpt_codes": {
                        "type": "array",
                        "items": {"type": "string", "pattern": r"^[0-9A-Z]{5}$"},
                    },
                    "start": _OFFSET,
                    "end": _OFFSET,
                },
            },
        },
        "reviewer_qualifications": {"type": "array", "items": {"type": "string"}},
        "information_provided": {"type": "array", "items": {"type": "string"}},
        "clinical_history": _NULLABLE_STRING,
        "analysis": _NULLABLE_STRING,
        "criteria": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "label", "checked", "description"],
                "properties": {
                    "code": {
                        "type": "string",
                        "description": "one of "
                        + ", ".join(CRITERIA_CODES)
                        + ", other, or a plugin's code",
                    },
                    "label": {"type": "string"},
                    "checked": {"type": "boolean"},
                    "description": _NULLABLE_STRING,
                    "start": _OFFSET,
                    "end": _OFFSET,
                },
            },
        },
        "patient": {
            "type": "object",
            "required": ["age", "sex"],
            "properties": {
                "age": {"type": ["integer", "null"], "minimum": 0, "maximum": 130},
                "sex": {"enum": ["male", "female", None]},
            },
        },
        "sections": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind", "heading", "text", "start", "end"],
                "properties": {
                    "kind": {"enum": list(SECTION_KINDS)},
                    "heading": {"type": "string"},
                    "text": {"type": "string"},
                    "start": {"type": "integer", "minimum": 0},
                    "end": {"type": "integer", "minimum": 0},
                },
            },
        },
        "diagnostics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["severity", "code", "message"],
                "properties": {
                    "severity": {"enum": [s.value for s in Severity]},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "line": {"type": ["integer", "null"], "minimum": 1},
                    "start": _OFFSET,
                    "end": _OFFSET,
                },
            },
        },
        "spans": {
            "type": "object",
            "additionalProperties": {
                "anyOf": [_SPAN, {"type": "array", "items": _SPAN}],
            },
        },
    },
}

_ERROR_ROW: dict[str, Any] = {
    "type": "object",
    "required": ["source", "error"],
    "properties": {
        "source": _NULLABLE_STRING,
        "sha256": _NULLABLE_STRING,
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        },
    },
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://iroparse.readthedocs.io/schema/record-v1.json",
    "title": "iroparse record",
    "description": "One row of iroparse output: a parsed IRO decision letter, or an error row.",
    "oneOf": [{"$ref": "#/$defs/record"}, {"$ref": "#/$defs/error_row"}],
    "$defs": {"record": _RECORD, "error_row": _ERROR_ROW},
}
"""The JSON Schema of an output row."""

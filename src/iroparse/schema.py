"""The JSON Schema (draft 2020-12) of an output row, derived from the record's shape.

``iroparse schema`` prints :data:`SCHEMA`; the test suite validates every record against it.
Nothing here names a record field: the schema is :func:`iroparse.shape.record_shape` written
as JSON Schema, plus the keys a batch row adds (``sha256``) and the error row.
"""

from __future__ import annotations

from typing import Any

from iroparse.convert import SCHEMA_VERSION
from iroparse.shape import ArrayOf, Node, ObjectOf, Scalar, record_shape

__all__ = ["SCHEMA", "json_schema"]

_NULLABLE_STRING = {"type": ["string", "null"]}
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _types(name: str, nullable: bool) -> str | list[str]:
    return [name, "null"] if nullable else name


def json_schema(node: Node) -> dict[str, Any]:
    """The JSON Schema of one node of the record's shape (every key of an object required:
    :func:`iroparse.to_dict` writes them all, ``null`` when absent)."""
    if isinstance(node, Scalar):
        if node.kind == "date":
            out: dict[str, Any] = {
                "type": _types("string", node.nullable),
                "format": "date",
                "pattern": _DATE_PATTERN,
            }
        else:
            out = {"type": _types(node.kind, node.nullable)}
        if node.choices is not None:
            out = {"enum": [*node.choices, *([None] if node.nullable else [])]}
        return {**out, **node.extra}
    if isinstance(node, ArrayOf):
        out = {"type": _types("array", node.nullable), "items": json_schema(node.item)}
        if node.pair:
            out.update(minItems=2, maxItems=2)
        return out
    return {
        "type": _types("object", node.nullable),
        "required": [p.name for p in node.properties],
        "properties": {p.name: json_schema(p.node) for p in node.properties},
    }


def _record_schema(shape: ObjectOf) -> dict[str, Any]:
    schema = json_schema(shape)
    schema["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    schema["properties"]["sha256"] = {
        **_NULLABLE_STRING,
        "description": "SHA-256 of the input's bytes (batch rows only)",
    }
    return schema


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
    "$id": f"https://iroparse.readthedocs.io/schema/record-v{SCHEMA_VERSION}.json",
    "title": "iroparse record",
    "description": "One row of iroparse output: a parsed IRO decision letter, or an error row.",
    "oneOf": [{"$ref": "#/$defs/record"}, {"$ref": "#/$defs/error_row"}],
    "$defs": {"record": _record_schema(record_shape()), "error_row": _ERROR_ROW},
}
"""The JSON Schema of an output row."""

"""The JSON record (DESIGN section 4, ``schema_version`` 1): :func:`to_dict` and :func:`from_dict`.

One :mod:`cattrs` converter, configured once, does the (un)structuring; the only hand-written
part is the record's shape where it differs from the classes: list items (qualifications,
records provided) are plain strings in the record, their spans live under ``spans``, and
:class:`~iroparse.model.Span` values are ``[start, end]`` pairs (``start``/``end`` keys on
services, criteria and diagnostics).
"""

from __future__ import annotations

import datetime
from typing import Any

import cattrs

from iroparse.model import (
    Criterion,
    Decision,
    Diagnostic,
    FieldSpans,
    ListItem,
    Outcome,
    Patient,
    Section,
    Service,
    Severity,
    Span,
)

__all__ = ["SCHEMA_VERSION", "from_dict", "to_dict"]

SCHEMA_VERSION = 1
"""The version of the record's layout; it changes only when a key changes meaning."""

Record = dict[str, Any]

_converter = cattrs.Converter()
_converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
_converter.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
_converter.register_unstructure_hook(Span, lambda s: [s.start, s.end])
_converter.register_unstructure_hook(Severity, lambda v: v.value)
_converter.register_unstructure_hook(Outcome, lambda v: v.value)
_converter.register_structure_hook(Span, lambda v, _: Span(int(v[0]), int(v[1])))


def _spanned(cls: type[Any]) -> None:
    """Flatten a class's ``span`` field into ``start``/``end`` keys, and back."""

    def unstructure(obj: Any) -> Record:
        out: Record = {}
        for attribute in cls.__attrs_attrs__:
            if attribute.name == "span":
                continue
            out[attribute.name] = _converter.unstructure(getattr(obj, attribute.name))
        out["start"] = obj.span.start if obj.span else None
        out["end"] = obj.span.end if obj.span else None
        return out

    def structure(value: Record, _: Any) -> Any:
        kwargs = {
            a.name: _converter.structure(value[a.name], a.type)
            for a in cls.__attrs_attrs__
            if a.name != "span" and a.name in value
        }
        start, end = value.get("start"), value.get("end")
        span = Span(start, end) if start is not None and end is not None else None
        return cls(**kwargs, span=span)

    _converter.register_unstructure_hook(cls, unstructure)
    _converter.register_structure_hook(cls, structure)


for _cls in (Service, Criterion, Diagnostic):
    _spanned(_cls)


def to_dict(decision: Decision) -> Record:
    """Return the JSON record of ``decision``: plain ``dict``/``list``/``str``/``int`` values.

    >>> import iroparse
    >>> record = iroparse.to_dict(iroparse.Decision())
    >>> record["schema_version"], record["outcome"], record["services"]
    (1, 'unknown', [])
    """
    u = _converter.unstructure
    spans: Record = u(decision.spans)
    spans["reviewer_qualifications"] = [u(i.span) for i in decision.reviewer_qualifications]
    spans["information_provided"] = [u(i.span) for i in decision.information_provided]
    return {
        "schema_version": SCHEMA_VERSION,
        "source": decision.source,
        "layout": decision.layout,
        "outcome": decision.outcome.value,
        "review_date": u(decision.review_date),
        "case_number": decision.case_number,
        "services": u(decision.services),
        "reviewer_qualifications": [i.text for i in decision.reviewer_qualifications],
        "information_provided": [i.text for i in decision.information_provided],
        "clinical_history": decision.clinical_history,
        "analysis": decision.analysis,
        "criteria": u(decision.criteria),
        "patient": u(decision.patient),
        "sections": u(decision.sections),
        "diagnostics": u(decision.diagnostics),
        "spans": spans,
    }


def _items(texts: list[str], spans: list[Any] | None) -> tuple[ListItem, ...]:
    spans = spans or [None] * len(texts)
    return tuple(
        ListItem(text, _converter.structure(span, Span) if span else None)
        for text, span in zip(texts, spans, strict=False)
    )


def from_dict(record: Record) -> Decision:
    """Rebuild a :class:`~iroparse.model.Decision` from its record (the inverse of
    :func:`to_dict`); unknown keys are ignored, missing ones take their defaults.

    >>> import iroparse
    >>> d = iroparse.Decision(outcome=iroparse.Outcome.UPHELD)
    >>> iroparse.from_dict(iroparse.to_dict(d)) == d
    True
    """
    s = _converter.structure
    spans = dict(record.get("spans") or {})
    review_date = record.get("review_date")
    return Decision(
        outcome=Outcome(record.get("outcome", "unknown")),
        review_date=s(review_date, datetime.date) if review_date else None,
        case_number=record.get("case_number"),
        services=s(record.get("services", []), tuple[Service, ...]),
        reviewer_qualifications=_items(
            record.get("reviewer_qualifications", []), spans.pop("reviewer_qualifications", None)
        ),
        information_provided=_items(
            record.get("information_provided", []), spans.pop("information_provided", None)
        ),
        clinical_history=record.get("clinical_history"),
        analysis=record.get("analysis"),
        criteria=s(record.get("criteria", []), tuple[Criterion, ...]),
        patient=s(record.get("patient") or {}, Patient),
        sections=s(record.get("sections", []), tuple[Section, ...]),
        diagnostics=s(record.get("diagnostics", []), tuple[Diagnostic, ...]),
        layout=record.get("layout", "unknown"),
        source=record.get("source"),
        spans=s({k: v for k, v in spans.items() if v is not None}, FieldSpans),
    )

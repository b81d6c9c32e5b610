"""The JSON record (DESIGN section 4): :func:`to_dict` and :func:`from_dict`.

One :mod:`cattrs` converter, configured once from the rules of :mod:`iroparse.shape`, writes
every class of :mod:`iroparse.model` and reads it back. Nothing here names a field: a field
added to the model is in the record (and, through :mod:`iroparse.shape`, in the JSON Schema
and the Parquet schema) without an edit to this module.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping
from typing import Any, cast

import attrs
import cattrs

from iroparse.model import Decision, ListItem, Span
from iroparse.record import DecisionRecord
from iroparse.shape import has_span_keys, list_item_fields

__all__ = ["SCHEMA_VERSION", "from_dict", "to_dict"]

SCHEMA_VERSION = 2
"""The version of the record's layout. Version 2 added the research keys (``notice_date``,
``iro_name``, ``review_type``, ``coverage``, ``reviewer``, and per service ``codes``,
``units``, ``category``, ``outcome``) and removed none: a version 1 record still reads, its
new keys taking their defaults."""

Record = dict[str, Any]


def _span_of(value: Any) -> Span | None:
    return Span(int(value[0]), int(value[1])) if value else None


Hooks = tuple[Callable[[Any], Any], Callable[[Any, Any], Any]]


def _span_keys_hooks(converter: cattrs.Converter, cls: type) -> Hooks:
    """Write ``cls``'s ``span`` field as ``start``/``end`` keys, and read them back."""
    attrs.resolve_types(cls)
    names = [a.name for a in attrs.fields(cls) if a.name != "span"]
    types = {a.name: a.type for a in attrs.fields(cls)}

    def unstructure(obj: Any) -> Record:
        out: Record = {name: converter.unstructure(getattr(obj, name)) for name in names}
        out["start"] = obj.span.start if obj.span else None
        out["end"] = obj.span.end if obj.span else None
        return out

    def structure(value: Record, _: Any) -> Any:
        kwargs = {n: converter.structure(value[n], types[n]) for n in names if n in value}
        start, end = value.get("start"), value.get("end")
        span = Span(start, end) if start is not None and end is not None else None
        return cls(**kwargs, span=span)

    return unstructure, structure


def _decision_hooks(converter: cattrs.Converter, cls: type) -> Hooks:
    """Write a decision as its record: ``schema_version`` first, listed values as strings with
    their spans under ``spans``; and read such a record back (unknown keys ignored, missing
    ones defaulted)."""
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    listed = list_item_fields(cls)

    def unstructure(decision: Any) -> Record:
        out: Record = {"schema_version": SCHEMA_VERSION}
        for a in fields:
            value = getattr(decision, a.name)
            out[a.name] = (
                [i.text for i in value] if a.name in listed else converter.unstructure(value)
            )
        for name in listed:
            out["spans"][name] = [converter.unstructure(i.span) for i in getattr(decision, name)]
        return out

    def structure(record: Record, _: Any) -> Any:
        spans = dict(record.get("spans") or {})
        kwargs: dict[str, Any] = {}
        for a in fields:
            if a.name not in record:
                continue
            value = record[a.name]
            if a.name in listed:
                item_spans = spans.pop(a.name, None) or [None] * len(value)
                kwargs[a.name] = tuple(
                    ListItem(text, _span_of(span))
                    for text, span in zip(value, item_spans, strict=False)
                )
            elif a.name == "spans":
                known = {k: v for k, v in spans.items() if v is not None}
                kwargs["spans"] = converter.structure(known, a.type)
            elif value is not None or a.default is None:
                kwargs[a.name] = converter.structure(value, a.type)
        return cls(**kwargs)

    return unstructure, structure


def make_converter() -> cattrs.Converter:
    """A converter between the classes of :mod:`iroparse.model` and their JSON record."""
    converter = cattrs.Converter()
    converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    converter.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
    for enum_base in (enum.Enum, enum.StrEnum):  # StrEnum: before str in a member's MRO
        converter.register_unstructure_hook(enum_base, lambda member: member.value)
    converter.register_unstructure_hook(Span, lambda s: [s.start, s.end])
    converter.register_structure_hook(Span, lambda v, _: _span_of(v))
    # Factories, not per-class registrations: cattrs calls a factory once per exact class, so a
    # Decision subclass that adds fields gets hooks of its own (a registration for Decision
    # would be inherited by its subclasses and drop their new fields).
    for predicate, hooks in ((has_span_keys, _span_keys_hooks), (_is_decision, _decision_hooks)):
        converter.register_unstructure_hook_factory(
            predicate, lambda cls, hooks=hooks: hooks(converter, cls)[0]
        )
        converter.register_structure_hook_factory(
            predicate, lambda cls, hooks=hooks: hooks(converter, cls)[1]
        )
    return converter


def _is_decision(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Decision)


CONVERTER = make_converter()
"""The converter of :func:`to_dict` and :func:`from_dict`."""


def to_dict(decision: Decision) -> DecisionRecord:
    """Return the JSON record of ``decision``: plain ``dict``/``list``/``str``/``int`` values,
    typed as a :class:`~iroparse.record.DecisionRecord` so that a type checker knows its keys
    (a subclass of :class:`~iroparse.model.Decision` adds its own keys at run time).

    >>> import iroparse
    >>> record = iroparse.to_dict(iroparse.Decision())
    >>> record["schema_version"], record["outcome"], record["services"]
    (2, 'unknown', [])
    """
    record: Record = CONVERTER.unstructure(decision, unstructure_as=type(decision))
    return cast(DecisionRecord, record)


def from_dict(record: Mapping[str, object], cls: type[Decision] = Decision) -> Decision:
    """Rebuild a :class:`~iroparse.model.Decision` from its record (the inverse of
    :func:`to_dict`); unknown keys are ignored, missing ones take their defaults.

    >>> import iroparse
    >>> d = iroparse.Decision(outcome=iroparse.Outcome.UPHELD)
    >>> iroparse.from_dict(iroparse.to_dict(d)) == d
    True
    """
    decision: Decision = CONVERTER.structure(record, cls)
    return decision

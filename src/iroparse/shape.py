"""The record's shape, walked once from the attrs model: every output derives from it.

:mod:`iroparse.model` is the one definition of the record. This module reads its classes and
their type hints and gives the shape of their JSON record as a small tree of :class:`Scalar`,
:class:`ArrayOf` and :class:`ObjectOf` nodes. :mod:`iroparse.convert` writes values in this
shape, :mod:`iroparse.schema` turns it into the JSON Schema, and the Parquet output into an
Arrow schema, so a field added to the model reaches all three without another edit.

The record differs from the classes in three rules, each written once here:

- a :class:`~iroparse.model.Span` is a ``[start, end]`` pair;
- a class with a ``span`` field (a service, a criterion, a diagnostic) has ``start``/``end``
  keys instead;
- a listed value of :class:`~iroparse.model.ListItem` (the qualifications, the records provided)
  is a list of strings, its spans under the record's ``spans`` key.
"""

from __future__ import annotations

import datetime
import enum
import functools
import types
import typing
from typing import Any, Union

import attrs
from attrs import frozen

from iroparse.model import Decision, ListItem, Span

__all__ = [
    "ArrayOf",
    "Node",
    "ObjectOf",
    "Property",
    "Scalar",
    "has_span_keys",
    "list_item_fields",
    "record_shape",
]


@frozen
class Scalar:
    """A single value: ``kind`` is ``string``, ``integer``, ``number``, ``boolean`` or
    ``date`` (an ISO ``YYYY-MM-DD`` string in the record)."""

    kind: str
    nullable: bool = False
    choices: tuple[str, ...] | None = None
    """The values an enum allows."""
    extra: dict[str, Any] = attrs.field(factory=dict, eq=False)
    """JSON Schema keywords from the model field's metadata (a pattern, a minimum...)."""


@frozen
class ArrayOf:
    """A list of ``item`` values; ``pair`` marks a ``[start, end]`` span."""

    item: Node
    nullable: bool = False
    pair: bool = False


@frozen
class Property:
    """One key of an object: its name and the shape of its value."""

    name: str
    node: Node


@frozen
class ObjectOf:
    """An object with fixed keys: one :class:`Property` per key, in record order."""

    name: str
    properties: tuple[Property, ...] = ()
    nullable: bool = False


Node = Scalar | ArrayOf | ObjectOf
"""One node of a record's shape."""

_SCALARS: dict[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    datetime.date: "date",
}
_SPAN_KEYS = ("start", "end")


def has_span_keys(cls: type) -> bool:
    """True when the record writes ``cls``'s ``span`` field as ``start``/``end`` keys."""
    return attrs.has(cls) and cls is not ListItem and "span" in attrs.fields_dict(cls)


def list_item_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` holding :class:`~iroparse.model.ListItem` values: strings in the
    record, with their spans under ``spans``."""
    return tuple(a.name for a in _fields(cls) if _unwrap(a.type)[:2] == (tuple, ListItem))


@functools.cache
def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


def _unwrap(hint: Any) -> tuple[Any, Any, bool]:
    """``(container, inner, nullable)`` of a type hint: ``tuple[X, ...]`` gives
    ``(tuple, X, False)``, ``X | None`` gives ``(None, X, True)``."""
    nullable = False
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        members = [m for m in typing.get_args(hint) if m is not type(None)]
        nullable = len(members) < len(typing.get_args(hint))
        hint = members[0] if len(members) == 1 else hint
        origin = typing.get_origin(hint)
    if origin is tuple:
        return tuple, typing.get_args(hint)[0], nullable
    return None, hint, nullable


def _node(hint: Any, metadata: typing.Mapping[str, Any], owner: str) -> Node:
    container, inner, nullable = _unwrap(hint)
    if container is tuple:
        item = _node(inner, {"schema": metadata.get("items_schema", {})}, owner)
        return ArrayOf(item, nullable=nullable)
    extra = dict(metadata.get("schema", {}))
    if inner is Span:
        return ArrayOf(Scalar("integer", extra={"minimum": 0}), nullable=nullable, pair=True)
    if inner is ListItem:
        return Scalar("string", nullable=nullable, extra=extra)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return Scalar("string", nullable, tuple(str(m.value) for m in inner), extra)
    if inner in _SCALARS:
        return Scalar(_SCALARS[inner], nullable, extra=extra)
    if attrs.has(inner):
        return _object(inner, nullable)
    raise TypeError(f"{owner}: no record shape for the type {hint!r}")


def _object(cls: type, nullable: bool = False) -> ObjectOf:
    properties: list[Property] = []
    for attribute in _fields(cls):
        if attribute.name == "span" and has_span_keys(cls):
            offset = Scalar("integer", nullable=True, extra={"minimum": 0})
            properties += [Property(key, offset) for key in _SPAN_KEYS]
            continue
        owner = f"{cls.__name__}.{attribute.name}"
        properties.append(
            Property(attribute.name, _node(attribute.type, attribute.metadata, owner))
        )
    return ObjectOf(cls.__name__, tuple(properties), nullable=nullable)


_SHAPES: dict[type, ObjectOf] = {}


def record_shape(cls: type = Decision) -> ObjectOf:
    """The shape of the JSON record of ``cls`` (a :class:`~iroparse.model.Decision` or a
    subclass that adds fields): ``schema_version`` first, then the model's fields in order,
    with the listed values' spans added to ``spans``."""
    if cls in _SHAPES:
        return _SHAPES[cls]
    shape = _object(cls)
    pair = ArrayOf(Scalar("integer", extra={"minimum": 0}), nullable=True, pair=True)
    properties: list[Property] = [Property("schema_version", Scalar("integer"))]
    for prop in shape.properties:
        if prop.name == "spans" and isinstance(prop.node, ObjectOf):
            listed = tuple(Property(name, ArrayOf(pair)) for name in list_item_fields(cls))
            prop = Property(
                "spans", attrs.evolve(prop.node, properties=prop.node.properties + listed)
            )
        properties.append(prop)
    _SHAPES[cls] = attrs.evolve(shape, properties=tuple(properties))
    return _SHAPES[cls]

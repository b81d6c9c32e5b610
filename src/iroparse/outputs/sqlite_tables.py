"""The tables of SQLite output, derived from the column table and the record's shape.

- ``decisions``: one row per input, the flat columns of :mod:`iroparse.columns`, the error
  columns and ``record_json`` (the full row);
- one child table per listed object of the record (``services``, ``criteria``, ``sections``,
  ``diagnostics``, and any a new field adds), keyed by ``decision_id`` and ``position``; a list
  of objects inside an item (a service's codes) is a table of its own keyed by its parent's
  position too. An object inside an item is flattened (``patient`` would give ``patient_age``),
  a list of scalars is ``;``-joined, spans are left to ``record_json``.

Nothing here names a record field, so a new listed field gets its table without an edit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from attrs import frozen

from iroparse.columns import ERROR_COLUMNS, Column, flat_columns, flat_values
from iroparse.model import Decision
from iroparse.outputs.rows import Row, json_text
from iroparse.shape import ArrayOf, Node, ObjectOf, Scalar, record_shape

__all__ = ["ChildTable", "TablePlan", "table_plan"]

_SQL_TYPES = {"TEXT": str, "INTEGER": int, "REAL": float}
_KIND_TYPES = {"integer": int, "boolean": int, "number": float}
_INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "criteria": (("code", "checked"),),
    "diagnostics": (("code",),),
    "sections": (("kind",),),
    "services": (("category", "outcome"),),
    "codes": (("system", "code"),),
    "specialties": (("name",),),
}
"""Indexes for the questions researchers ask (by criterion, by diagnostic, by section, by
service category, by code, by reviewer specialty)."""


@frozen
class ChildTable:
    """A table of the items of one listed object: where the list is, and its columns."""

    name: str
    path: tuple[str, ...]
    """Keys from the enclosing object (the record, or the parent item) to the list."""
    parent: str | None
    """The enclosing child table, ``None`` for a list in the record itself."""
    columns: tuple[tuple[str, tuple[str, ...], type], ...]
    """The item's own columns: name, keys from the item to the value, Python type."""
    keys: tuple[str, ...]
    """``decision_id``, the parents' position columns, ``position``."""

    def column_names(self) -> tuple[str, ...]:
        """Every column, in insert order: the keys, then the item's own columns."""
        return (*self.keys, *(name for name, _, _ in self.columns))

    def indexes(self) -> tuple[tuple[str, ...], ...]:
        """The indexes of this table (:data:`_INDEXES`; its primary key, led by
        ``decision_id``, serves the joins)."""
        names = {name for name, _, _ in self.columns}
        return tuple(i for i in _INDEXES.get(self.name, ()) if set(i) <= names)


@frozen
class TablePlan:
    """Every table of a SQLite output for records of one class."""

    columns: tuple[Column, ...]
    children: tuple[ChildTable, ...]

    def decisions_columns(self) -> dict[str, type]:
        """The ``decisions`` table's columns and their Python types (``id`` added as key)."""
        flat = {c.name: _SQL_TYPES[c.sql_type] for c in self.columns}
        return {"id": int, **flat, **dict.fromkeys(ERROR_COLUMNS, str), "record_json": str}

    def decisions_row(self, row: Row) -> dict[str, Any]:
        """The ``decisions`` row of an output row."""
        names = [c.name for c in self.columns] + list(ERROR_COLUMNS)
        values = dict(zip(names, flat_values(row, self.columns), strict=True))
        return {**values, "record_json": json_text(row)}

    def child_rows(self, row: Row, decision_id: int) -> Iterator[tuple[ChildTable, list[Any]]]:
        """Every child-table row of an output row, parents before their children."""
        if row.get("error") is not None:
            return
        yield from self._rows(row, None, (decision_id,))

    def _rows(
        self, where: dict[str, Any], parent: str | None, keys: tuple[Any, ...]
    ) -> Iterator[tuple[ChildTable, list[Any]]]:
        for table in self.children:
            if table.parent != parent:
                continue
            items = _get(where, table.path) or ()
            for position, item in enumerate(items):
                own = [_cell(_get(item, path)) for _, path, _ in table.columns]
                yield table, [*keys, position, *own]
                yield from self._rows(item, table.name, (*keys, position))


def _get(value: Any, path: Sequence[str]) -> Any:
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return int(value)
    return value


def _columns_of(
    node: ObjectOf, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, tuple[str, ...], type]]:
    """The scalar columns of an object: nested objects flattened, lists of scalars joined."""
    for prop in node.properties:
        where = (*path, prop.name)
        inner = prop.node
        if isinstance(inner, Scalar):
            yield "_".join(where), where, _KIND_TYPES.get(inner.kind, str)
        elif isinstance(inner, ObjectOf):
            yield from _columns_of(inner, where)
        elif isinstance(inner.item, Scalar) and not inner.pair:
            yield "_".join(where), where, str


def _tables(node: Node, path: tuple[str, ...], parent: ChildTable | None) -> Iterator[ChildTable]:
    """The child tables of the lists of objects under ``node``."""
    if not isinstance(node, ObjectOf):
        return
    for prop in node.properties:
        inner = prop.node
        if isinstance(inner, ObjectOf):
            yield from _tables(inner, (*path, prop.name), parent)
        elif isinstance(inner, ArrayOf) and isinstance(inner.item, ObjectOf):
            owner = (*parent.keys[:-1], f"{parent.name}_position") if parent else ("decision_id",)
            table = ChildTable(
                name=prop.name,
                path=(*path, prop.name),
                parent=parent.name if parent else None,
                columns=tuple(_columns_of(inner.item)),
                keys=(*owner, "position"),
            )
            yield table
            yield from _tables(inner.item, (), table)


def table_plan(cls: type[Decision] = Decision, codes: Sequence[str] | None = None) -> TablePlan:
    """The tables of SQLite output for records of ``cls``, with a criterion column per code
    (default: the registered criteria)."""
    return TablePlan(flat_columns(codes), tuple(_tables(record_shape(cls), (), None)))

"""The flat columns: one table, read by every flat output (CSV, the terminal table, the SQLite
``decisions`` table and the Dask frame).

A flat output has one line per letter. Each :class:`Column` says how to read its cell from an
output row (:func:`iroparse.outputs.row_of`); lists are joined into one cell (texts with
`` | ``, codes with ``;``). Criterion columns come from the registry, so a criterion that a
plugin registers gets its ``criterion_<code>`` column in every flat output. A new flat field
is one line of :data:`RECORD_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from attrs import frozen

from iroparse.catalogue import CRITERIA_CODES

__all__ = [
    "CSV_COLUMNS",
    "ERROR_COLUMNS",
    "RECORD_COLUMNS",
    "Column",
    "criteria_codes",
    "csv_columns",
    "flat_columns",
    "flat_values",
]

Row = dict[str, Any]


@frozen
class Column:
    """One flat column: its name, how to read its value from an output row, its SQL type."""

    name: str
    value: Callable[[Row], Any]
    """Reads the cell from a parsed row (never called on an error row)."""
    sql_type: str = "TEXT"
    """``TEXT``, ``INTEGER`` (also booleans, as 0/1) or ``REAL``."""
    description: str = ""
    """What the cell holds, for the docs."""


def _key(*path: str) -> Callable[[Row], Any]:
    """Read ``row[path[0]][path[1]]...``, ``None`` where a key is missing or null."""

    def read(row: Row) -> Any:
        value: Any = row
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    return read


def texts(values: Iterable[Any]) -> str:
    """Texts joined for one cell: ``a | b``."""
    return " | ".join(str(v) for v in values)


def row_cpt_codes(row: Row) -> list[str]:
    """Every CPT/HCPCS code of a row's services, in order, without repeats."""
    codes = (c for s in row.get("services") or () for c in s.get("cpt_codes") or ())
    return list(dict.fromkeys(codes))


def checked_codes(row: Row) -> list[str]:
    """The codes of a row's checked criteria, in letter order."""
    return [c["code"] for c in row.get("criteria") or () if c.get("checked")]


def _other_criteria(row: Row) -> str:
    return texts(
        c["label"] for c in row.get("criteria") or () if c["code"] == "other" and c["checked"]
    )


RECORD_COLUMNS: tuple[Column, ...] = (
    Column("source", _key("source"), description="the input path"),
    Column("sha256", _key("sha256"), description="SHA-256 of the input's bytes"),
    Column("layout", _key("layout"), description="the layout that read the marks"),
    Column("outcome", _key("outcome"), description="upheld, overturned, ..."),
    Column("review_date", _key("review_date"), description="ISO date"),
    Column("case_number", _key("case_number")),
    Column(
        "services",
        lambda r: texts(s["text"] for s in r.get("services") or ()),
        description="the services' texts, ` | `-joined",
    ),
    Column("cpt_codes", lambda r: ";".join(row_cpt_codes(r)), description="`;`-joined"),
    Column(
        "reviewer_qualifications",
        lambda r: texts(r.get("reviewer_qualifications") or ()),
        description="` | `-joined",
    ),
    Column(
        "information_provided",
        lambda r: texts(r.get("information_provided") or ()),
        description="` | `-joined",
    ),
    Column("patient_age", _key("patient", "age"), "INTEGER"),
    Column("patient_sex", _key("patient", "sex"), description="male or female"),
    Column("clinical_history", _key("clinical_history")),
    Column("analysis", _key("analysis")),
    Column("notice_date", _key("notice_date"), description="ISO date the notice was sent"),
    Column("iro_name", _key("iro_name"), description="the review organisation"),
    Column("review_type", _key("review_type"), description="prospective, retrospective, ..."),
    Column("coverage", _key("coverage"), description="workers_compensation or health_plan"),
    Column(
        "reviewer_specialties",
        lambda r: ";".join(s["name"] for s in _key("reviewer", "specialties")(r) or ()),
        description="vocabulary names, `;`-joined",
    ),
    Column(
        "reviewer_board_certified",
        _key("reviewer", "board_certified"),
        "INTEGER",
        "1, 0 or empty (not stated)",
    ),
    Column("reviewer_years_in_practice", _key("reviewer", "years_in_practice"), "INTEGER"),
    Column(
        "service_categories",
        lambda r: ";".join(
            dict.fromkeys(s["category"] for s in r.get("services") or () if s.get("category"))
        ),
        description="the services' categories, `;`-joined",
    ),
)
"""The columns of a letter's record, before the criterion columns."""

_TRAILING_COLUMNS: tuple[Column, ...] = (
    Column("criteria_other", _other_criteria, description="labels of checked `other` items"),
    Column(
        "diagnostics",
        lambda r: ";".join(d["code"] for d in r.get("diagnostics") or ()),
        description="diagnostic codes, `;`-joined",
    ),
)

ERROR_COLUMNS: tuple[str, ...] = ("error_code", "error_message")
"""The last columns: an error row's code and message, empty on parsed rows."""


def criteria_codes() -> tuple[str, ...]:
    """The criterion codes of the ``criterion_<code>`` columns: the built-in catalogue's, then
    those plugins registered (:func:`iroparse.plugins.registry`), each once."""
    from iroparse.plugins import registry

    return tuple(dict.fromkeys([*CRITERIA_CODES, *(e.code for e in registry().criteria)]))


def _criterion_column(code: str) -> Column:
    return Column(
        f"criterion_{code}",
        lambda r: code in checked_codes(r),
        "INTEGER",
        f"whether a checked `{code}` item is in the letter",
    )


def flat_columns(codes: Sequence[str] | None = None) -> tuple[Column, ...]:
    """The record columns of the flat outputs, in order, with one ``criterion_<code>`` column
    per criterion code (default: :func:`criteria_codes`), the error columns left out."""
    codes = criteria_codes() if codes is None else codes
    return (*RECORD_COLUMNS, *map(_criterion_column, codes), *_TRAILING_COLUMNS)


def csv_columns(codes: Sequence[str] | None = None) -> tuple[str, ...]:
    """The names of the flat columns, in order, the error columns last (the CSV header)."""
    return (*(c.name for c in flat_columns(codes)), *ERROR_COLUMNS)


def flat_values(row: Row, columns: Sequence[Column]) -> list[Any]:
    """The cells of one output row for ``columns``, then the error columns: an error row has
    its source, its hash and its error, the other cells ``None``."""
    error = row.get("error")
    if error is None:
        return [*(c.value(row) for c in columns), None, None]
    known = {"source": row.get("source"), "sha256": row.get("sha256")}
    return [*(known.get(c.name) for c in columns), error.get("code"), error.get("message")]


CSV_COLUMNS: tuple[str, ...] = csv_columns(CRITERIA_CODES)
"""The CSV header with the built-in criteria only (a registered plugin criterion adds its
column: see :func:`csv_columns`). ``criterion_<code>`` is ``true`` when a checked item with
that code is in the letter."""

"""A new record field needs a model attribute, a reader and (when flat) one column: every output
follows from those. The test adds a field the way a maintainer would (a model attribute, here a
subclass; one line of the column table) and checks that JSON, the schema, CSV, SQLite, Parquet
and the Dask frame's rows carry it with no other edit."""

from __future__ import annotations

import csv
import datetime
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import iroparse.columns
from iroparse.columns import Column
from iroparse.convert import from_dict, to_dict
from iroparse.model import Decision, Outcome, ParseResult, Span
from iroparse.outputs import open_writer, write_stream
from iroparse.schema import json_schema
from iroparse.shape import record_shape


@attrs.frozen
class Payer:
    """A listed object the new field brings: its own SQLite table, a list<struct> in Parquet."""

    name: str
    span: Span | None = None


@attrs.frozen
class WithAppeal(Decision):
    """The model with two new fields: one flat (a date), one listed (objects)."""

    appeal_date: datetime.date | None = None
    payers: tuple[Payer, ...] = ()


APPEAL_COLUMN = Column("appeal_date", lambda row: row.get("appeal_date"), description="ISO date")

DECISION = WithAppeal(
    outcome=Outcome.UPHELD,
    appeal_date=datetime.date(2010, 3, 4),
    payers=(Payer("Texas Mutual", Span(5, 17)),),
)
RESULT = ParseResult(source="a.txt", decision=DECISION, sha256="ab" * 32)


@pytest.fixture(autouse=True)
def column_table_with_the_new_column(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The one line a maintainer adds to the column table."""
    columns = (*iroparse.columns.RECORD_COLUMNS, APPEAL_COLUMN)
    monkeypatch.setattr(iroparse.columns, "RECORD_COLUMNS", columns)
    yield


def test_json_record_and_back() -> None:
    record = to_dict(DECISION)
    assert record["appeal_date"] == "2010-03-04"
    assert record["payers"] == [{"name": "Texas Mutual", "start": 5, "end": 17}]
    assert from_dict(record, WithAppeal) == DECISION


def test_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema(record_shape(WithAppeal))
    assert schema["properties"]["appeal_date"]["format"] == "date"
    assert schema["properties"]["payers"]["items"]["required"] == ["name", "start", "end"]
    jsonschema.validate(to_dict(DECISION), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**to_dict(DECISION), "appeal_date": 7}, schema)


def test_csv() -> None:
    out = io.StringIO()
    write_stream([RESULT], out, "csv")
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["appeal_date"] == "2010-03-04"


def test_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "out.sqlite"
    with open_writer(path) as writer:
        writer.write(RESULT)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT appeal_date FROM decisions").fetchall() == [("2010-03-04",)]
        assert db.execute("SELECT name, start FROM payers").fetchall() == [("Texas Mutual", 5)]


def test_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "out.parquet"
    with open_writer(path) as writer:
        writer.write(RESULT)
    table = pq.read_table(path)
    assert str(table.schema.field("appeal_date").type) == "date32[day]"
    assert table.column("appeal_date").to_pylist() == [datetime.date(2010, 3, 4)]
    assert table.column("payers").to_pylist()[0][0]["name"] == "Texas Mutual"


def test_dask_frame_row() -> None:
    pytest.importorskip("dask")
    from iroparse.dask import _flat
    from iroparse.outputs import row_of

    flat = _flat(row_of(RESULT), iroparse.columns.criteria_codes())
    assert flat["appeal_date"] == "2010-03-04"


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with open_writer(path) as writer:
        writer.write(RESULT)
    assert json.loads(path.read_text("utf-8"))["appeal_date"] == "2010-03-04"

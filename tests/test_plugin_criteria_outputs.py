"""A screening criterion registered by a plugin reaches every output format (issue: the
house): JSON, JSON Lines, CSV, the terminal table, SQLite, Parquet and the Dask frame."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from iroparse import plugins
from iroparse.batch import parse_path
from iroparse.hookspecs import hookimpl
from iroparse.model import ParseResult
from iroparse.outputs import csv_columns, iter_jsonl, open_writer, write_stream

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "letters" / "bracket_sample.txt"
APTA = "[ X ] APTA CLINICAL PRACTICE GUIDELINES"


class Apta:
    """A plugin adding the APTA guidelines to the criteria catalogue."""

    @hookimpl
    def iroparse_criteria(self, register: Callable[[str, str, str], None]) -> None:
        register("apta", "APTA CLINICAL PRACTICE GUIDELINES", r"APTA\b")


@pytest.fixture
def letter(tmp_path: Path) -> Iterator[Path]:
    """The bracket sample with a checked APTA item, while the plugin is registered."""
    text = SAMPLE.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{APTA}\n"
    path = tmp_path / "apta.txt"
    path.write_text(text, encoding="utf-8")
    plugin = Apta()
    plugins.register_plugin(plugin, name="apta-criteria")
    yield path
    plugins.unregister_plugin(plugin)


def _result(path: Path) -> ParseResult:
    result = parse_path(str(path))
    assert result.decision is not None
    assert "apta" in result.decision.checked_criteria
    return result


def _stream(path: Path, fmt: str) -> str:
    out = io.StringIO()
    write_stream([_result(path)], out, fmt)
    return out.getvalue()


def test_json(letter: Path) -> None:
    rows = json.loads(_stream(letter, "json"))
    assert any(c["code"] == "apta" and c["checked"] for c in rows[0]["criteria"])


def test_jsonl(letter: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with open_writer(out) as writer:
        writer.write(_result(letter))
    (row,) = list(iter_jsonl(out))
    assert any(c["code"] == "apta" and c["checked"] for c in row["criteria"])


def test_csv(letter: Path, tmp_path: Path) -> None:
    assert "criterion_apta" in csv_columns()
    for text in (_stream(letter, "csv"), _csv_file(letter, tmp_path)):
        (row,) = list(csv.DictReader(io.StringIO(text)))
        assert row["criterion_apta"] == "true"
        assert row["criterion_odg"] == "true"


def _csv_file(letter: Path, tmp_path: Path) -> str:
    out = tmp_path / "out.csv"
    with open_writer(out) as writer:
        writer.write(_result(letter))
    return out.read_text(encoding="utf-8")


def test_table(letter: Path) -> None:
    assert "apta" in _stream(letter, "table")


def test_sqlite(letter: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.sqlite"
    with open_writer(out) as writer:
        writer.write(_result(letter))
    with sqlite3.connect(out) as db:
        rows = db.execute("SELECT checked FROM criteria WHERE code = 'apta'").fetchall()
    assert rows == [(1,)]


def test_parquet(letter: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra is not installed")
    out = tmp_path / "out.parquet"
    with open_writer(out) as writer:
        writer.write(_result(letter))
    (row,) = pq.read_table(out).to_pylist()
    assert any(c["code"] == "apta" and c["checked"] for c in row["criteria"])


def test_dask_frame(letter: Path) -> None:
    idask = pytest.importorskip("iroparse.dask")
    pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
    frame = idask.records_frame([str(letter)]).compute(scheduler="synchronous")
    assert "criterion_apta" in frame.columns
    assert list(frame["criterion_apta"]) == ["true"]

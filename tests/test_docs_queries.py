"""The SQL of ``docs/outputs.md`` runs: each block over the SQLite output of the sample letters
(in ``sqlite3``), or over their Parquet output in DuckDB when its first line says so; the
overturn rate by specialty is at most 5 lines in both and agrees with ``iroparse stats``."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from iroparse.stats.inputs import read_records
from iroparse.stats.rates import overturn_rates

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "outputs.md"
BLOCKS = re.findall(r"```sql\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
DUCKDB = "-- DuckDB, over decisions.parquet\n"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outputs")
    for name in ("decisions.sqlite", "decisions.parquet"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "iroparse",
                "parse",
                "examples/letters",
                "--out",
                str(folder / name),
            ],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
    return folder


def _run(query: str, folder: Path) -> list[tuple[object, ...]]:
    if query.startswith(DUCKDB):
        duckdb = pytest.importorskip("duckdb")
        with duckdb.connect() as db:
            db.execute(f"SET file_search_path = '{folder}'")
            return list(db.sql(query).fetchall())
    with sqlite3.connect(folder / "decisions.sqlite") as db:
        return db.execute(query).fetchall()


def test_the_page_has_sqlite_and_duckdb_queries() -> None:
    assert sum(b.startswith(DUCKDB) for b in BLOCKS) >= 2
    assert sum(not b.startswith(DUCKDB) for b in BLOCKS) >= 3


@pytest.mark.parametrize(
    "query", BLOCKS, ids=lambda q: q.splitlines()[1 if q.startswith("--") else 0][:40]
)
def test_every_query_runs_and_answers(query: str, outputs: Path) -> None:
    assert _run(query, outputs), query


def test_overturn_rate_by_specialty_is_five_lines_and_agrees_with_stats(outputs: Path) -> None:
    by_specialty = [b for b in BLOCKS if "specialties" in b]
    assert len(by_specialty) == 2  # sqlite3 and DuckDB
    want = {
        g.group: (g.units, round(g.rate, 6))
        for g in overturn_rates(read_records([outputs / "decisions.sqlite"]), "specialty").groups
    }
    for query in by_specialty:
        lines = [line for line in query.strip().splitlines() if not line.startswith("--")]
        assert len(lines) <= 5, query
        got = {name: (letters, round(rate, 6)) for name, letters, rate in _run(query, outputs)}
        assert got == want

"""The records ``iroparse stats`` counts: parsed from letters, or read back from any of our
output files.

- a folder, a ``.txt`` or a ``.pdf``: the letters are parsed (:func:`iroparse.parse_many`);
- ``.jsonl``, ``.json``: the rows as written;
- ``.sqlite`` / ``.db``: the ``record_json`` of the ``decisions`` table;
- ``.parquet``: the rows of the file (the ``parquet`` extra);
- ``.csv``: rebuilt from the flat columns. CSV has no per-service outcome: by
  ``service_category`` each service takes the letter's outcome, unknown for a partially
  overturned letter.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from iroparse.errors import IroParseError

__all__ = ["OUTPUT_SUFFIXES", "read_records"]

Record = dict[str, Any]
#: The file suffixes read as output files; anything else is a letter or a folder of letters.
OUTPUT_SUFFIXES = (".jsonl", ".json", ".csv", ".sqlite", ".db", ".parquet")
_CRITERION = "criterion_"


def _jsonl(path: Path) -> Iterator[Record]:
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise IroParseError(f"{path}:{number}: not a JSON row ({error.msg})") from None


def _json(path: Path) -> Iterator[Record]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise IroParseError(f"{path}: not a JSON array of rows ({error.msg})") from None
    if not isinstance(rows, list):
        raise IroParseError(f"{path}: not a JSON array of rows")
    yield from rows


def _sqlite(path: Path) -> Iterator[Record]:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            found = db.execute("SELECT record_json FROM decisions ORDER BY id").fetchall()
    except sqlite3.Error as error:
        raise IroParseError(f"{path}: not an iroparse SQLite output ({error})") from None
    for (text,) in found:
        yield json.loads(text)


def _parquet(path: Path) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise IroParseError(
            f"{path}: reading Parquet needs the parquet extra: pip install 'iroparse[parquet]'"
        ) from None
    for row in pq.read_table(path).to_pylist():
        if row.get("error") is None:
            row.pop("error", None)
        yield row


def _csv_record(row: dict[str, str]) -> Record:
    if row.get("error_code"):
        return {"source": row.get("source"), "error": {"code": row["error_code"]}}
    outcome = row.get("outcome") or None
    whole = outcome if outcome != "partially_overturned" else None
    return {
        "source": row.get("source"),
        "layout": row.get("layout"),
        "outcome": outcome,
        "review_date": row.get("review_date") or None,
        "notice_date": row.get("notice_date") or None,
        "iro_name": row.get("iro_name") or None,
        "coverage": row.get("coverage") or None,
        "review_type": row.get("review_type") or None,
        "reviewer": {
            "specialties": [
                {"name": n} for n in (row.get("reviewer_specialties") or "").split(";") if n
            ]
        },
        "criteria": [
            {"code": name[len(_CRITERION) :], "checked": True}
            for name, value in row.items()
            if name.startswith(_CRITERION) and value == "true"
        ],
        "services": [
            {"category": c, "outcome": whole}
            for c in (row.get("service_categories") or "").split(";")
            if c
        ],
    }


def _csv(path: Path) -> Iterator[Record]:
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield _csv_record(row)


_READERS = {
    ".jsonl": _jsonl,
    ".json": _json,
    ".csv": _csv,
    ".sqlite": _sqlite,
    ".db": _sqlite,
    ".parquet": _parquet,
}


def read_records(paths: Iterable[str | Path], jobs: int = 1) -> Iterator[Record]:
    """Every record of ``paths``: output files read back, letters parsed (see the module);
    error rows included (the counts leave them out and report them)."""
    letters: list[Path] = []
    for given in map(Path, paths):
        if not given.exists():
            raise IroParseError(f"{given}: no such file or folder", code="usage")
        reader = _READERS.get(given.suffix.lower()) if given.is_file() else None
        if reader is None:
            letters.append(given)
        else:
            yield from reader(given)
    if letters:
        from iroparse.batch import parse_many
        from iroparse.outputs.rows import row_of

        for result in parse_many(letters, jobs=jobs):
            yield row_of(result)

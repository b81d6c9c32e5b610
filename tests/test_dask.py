"""The Dask integration on a local scheduler: bag, dataframe and Parquet, one row per input."""

from __future__ import annotations

import shutil
from pathlib import Path

import dask
import dask.dataframe as dd
import pyarrow.parquet as pq
import pytest

import iroparse
import iroparse.dask as idask
from iroparse.errors import IroParseError

LETTERS = Path(__file__).resolve().parent.parent / "examples" / "letters"
SAMPLES = sorted(LETTERS.glob("*.txt"))[:3]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three sample letters, an empty file and binary junk."""
    for sample in SAMPLES:
        shutil.copy(sample, tmp_path / sample.name)
    (tmp_path / "zz_empty.txt").write_bytes(b"")
    (tmp_path / "zz_junk.txt").write_bytes(b"\0\1\2" * 100)
    (tmp_path / "notes.md").write_text("not a letter file")
    return tmp_path


def _expected(folder: Path) -> dict[str, str | None]:
    """source -> outcome (None for an error) as the in-process parser sees them."""
    return {
        r.source: (r.decision.outcome.value if r.decision else None)
        for r in iroparse.parse_many([folder])
    }


def test_letter_paths_from_a_glob_a_folder_and_a_missing_file(folder: Path) -> None:
    by_glob = idask.letter_paths(str(folder / "*"))
    assert [Path(p).name for p in by_glob] == [
        *(s.name for s in SAMPLES),
        "zz_empty.txt",
        "zz_junk.txt",
    ]
    assert idask.letter_paths(folder) == by_glob
    assert idask.letter_paths([folder / "gone.txt"]) == [str(folder / "gone.txt")]


def test_bag_has_one_row_per_letter(folder: Path) -> None:
    bag = idask.records_bag(str(folder / "*.txt"), partition_size=2)
    assert bag.npartitions == 3
    with dask.config.set(scheduler="sync"):
        rows = bag.compute()
    assert {row["source"]: row.get("outcome") for row in rows} == _expected(folder)
    errors = [row for row in rows if "error" in row]
    assert [row["error"]["code"] for row in errors] == ["not-an-iro-letter"] * 2
    assert all(row["sha256"] for row in rows)


def test_dataframe_on_the_threaded_scheduler(folder: Path) -> None:
    frame = idask.records_frame(folder, partition_size=2)
    assert tuple(frame.columns) == idask.FRAME_COLUMNS
    table = frame.compute(scheduler="threads")
    assert len(table) == 5
    outcomes = dict(zip(table["source"], table["outcome"], strict=True))
    assert {k: v or None for k, v in outcomes.items()} == _expected(folder)
    assert sorted(table["error_code"]) == ["", "", "", "not-an-iro-letter", "not-an-iro-letter"]


def test_write_parquet_and_read_it_back(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    count = idask.write_parquet(
        [folder, folder / "gone.pdf"], out, partition_size=2, scheduler="sync"
    )
    assert count == 6
    assert sorted(p.name for p in out.glob("*.parquet")) == [
        f"part.{n:05d}.parquet" for n in range(3)
    ]
    table = pq.read_table(out)
    assert table.num_rows == 6
    rows = table.to_pylist()
    by_source = {row["source"]: row for row in rows}
    assert by_source[str(folder / "gone.pdf")]["error_code"] == "not-found"
    for source, outcome in _expected(folder).items():
        assert by_source[source]["outcome"] == outcome
    parsed = [row for row in rows if row["error_code"] is None]
    assert all(row["criteria"] and row["sections"] for row in parsed)  # nested columns kept
    frame = dd.read_parquet(out).compute(scheduler="sync")
    assert sorted(frame["source"]) == sorted(by_source)
    # Writing again replaces the dataset rather than adding to it.
    assert idask.write_parquet(folder / "zz_*.txt", out, scheduler="threads") == 2
    assert pq.read_table(out).num_rows == 2


def test_nothing_to_parse_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(IroParseError) as info:
        idask.records_bag(str(tmp_path / "*.txt"))
    assert info.value.code == "usage"

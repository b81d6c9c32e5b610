"""Parse letters with Dask: a glob of letters becomes a bag or a dataframe of records, or a
Parquet dataset (needs the ``dask`` extra: ``pip install 'iroparse[dask]'``).

Each input yields exactly one row, as in the CLI: the record (:func:`iroparse.to_dict` with
``source`` and ``sha256``) or an error row (see :func:`iroparse.outputs.row_of`). The work runs
on whatever scheduler is active: the local threaded or process scheduler, or a
``dask.distributed`` cluster (the letters must then be readable at the same paths on every
worker, e.g. a shared file system).

>>> import iroparse.dask
>>> bag = iroparse.dask.records_bag("examples/letters/*.txt")
>>> rows = bag.compute(scheduler="sync")
>>> len(rows) == len(iroparse.dask.letter_paths("examples/letters/*.txt"))
True
"""

from __future__ import annotations

import glob as _glob
import importlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from iroparse._io.files import LETTER_SUFFIXES, expand
from iroparse.batch import DEFAULT_LIMITS, Limits, parse_path
from iroparse.columns import CSV_COLUMNS, criteria_codes, csv_columns, flat_columns, flat_values
from iroparse.errors import IroParseError
from iroparse.outputs import row_of

__all__ = ["FRAME_COLUMNS", "letter_paths", "records_bag", "records_frame", "write_parquet"]

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

FRAME_COLUMNS: tuple[str, ...] = CSV_COLUMNS
"""The columns of :func:`records_frame`: the flat columns of CSV output, in the same order."""


def _import(name: str) -> Any:
    """Import a Dask module (typed as Any), or say which extra is missing."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise IroParseError(
            "the Dask integration needs the dask extra: pip install 'iroparse[dask]'",
            code="dask-support-missing",
        ) from error


def letter_paths(paths: Paths) -> list[str]:
    """The letter files of ``paths``: a glob pattern (``letters/**/*.pdf``), a folder (searched
    for ``*.txt`` and ``*.pdf``), a file, or an iterable of those; sorted within each pattern.

    A path that matches nothing is kept, so its error row says why (``not-found``).
    """
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    found: list[str] = []
    for item in items:
        text = os.fspath(item)
        if _glob.has_magic(text):
            matches = sorted(_glob.glob(text, recursive=True))
            found.extend(
                str(p)
                for p in expand(matches)
                if p.is_dir() or p.suffix.lower() in LETTER_SUFFIXES or not p.exists()
            )
        else:
            found.extend(str(p) for p in expand([text]))
    return found


def _row(path: str, strict: bool, limits: Limits) -> dict[str, Any]:
    return row_of(parse_path(path, strict, limits))


def records_bag(
    paths: Paths,
    *,
    partition_size: int = 100,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Any:
    """A :class:`dask.bag.Bag` of output rows, one per letter of ``paths`` (see
    :func:`letter_paths`), ``partition_size`` letters per partition."""
    bag = _import("dask.bag")
    sources = letter_paths(paths)
    if not sources:
        raise IroParseError(f"no letters match {paths!r}", code="usage")
    return bag.from_sequence(sources, partition_size=partition_size).map(
        _row, strict=strict, limits=limits
    )


def _flat(row: dict[str, Any], codes: Sequence[str]) -> dict[str, Any]:
    from iroparse.outputs.csv_rows import csv_cell

    cells = [csv_cell(v) for v in flat_values(row, flat_columns(codes))]
    return dict(zip(csv_columns(codes), cells, strict=True))


def records_frame(
    paths: Paths,
    *,
    partition_size: int = 100,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Any:
    """A :class:`dask.dataframe.DataFrame` with one row per letter and the string columns
    :func:`~iroparse.outputs.csv_columns` (the CSV output's, a ``criterion_<code>`` column
    for every criterion the plugins of this process registered; empty strings for absent
    values)."""
    bag = records_bag(paths, partition_size=partition_size, strict=strict, limits=limits)
    codes = criteria_codes()
    meta = {column: "object" for column in csv_columns(codes)}
    return bag.map(_flat, codes).to_dataframe(meta=meta)


def _write_part(rows: Sequence[dict[str, Any]], path: str) -> int:
    from iroparse.outputs.parquet import arrow_row, arrow_schema, parquet_modules

    pa, pq = parquet_modules()
    schema = arrow_schema(pa)
    table = pa.Table.from_pylist([arrow_row(row) for row in rows], schema=schema)
    pq.write_table(table, path)
    return len(rows)


def write_parquet(
    paths: Paths,
    folder: str | os.PathLike[str],
    *,
    partition_size: int = 100,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    **compute: Any,
) -> int:
    """Parse the letters of ``paths`` and write them as a Parquet dataset into ``folder``, one
    ``part.NNNNN.parquet`` file per partition, with the nested schema of ``--out x.parquet``.

    Returns the number of rows written. ``compute`` goes to :func:`dask.compute` (e.g.
    ``scheduler="processes"``). Read the dataset back with ``dask.dataframe.read_parquet`` or
    ``pyarrow.parquet.read_table``.
    """
    dask = _import("dask")
    bag = records_bag(paths, partition_size=partition_size, strict=strict, limits=limits)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("part.*.parquet"):
        old.unlink()
    writes = [
        dask.delayed(_write_part)(part, str(target / f"part.{n:05d}.parquet"))
        for n, part in enumerate(bag.to_delayed())
    ]
    counts = dask.compute(*writes, **compute)
    return int(sum(counts))

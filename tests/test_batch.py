"""parse_many and resumable CLI runs: one result per input, crashes and hangs cost one row,
streaming, and an interrupted run (kill -9) that a re-run completes without duplicates."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import iroparse
from iroparse._io.files import expand
from iroparse.batch import CHUNK, WINDOW, Limits, parse_many, parse_path
from iroparse.model import ParseResult
from iroparse.outputs import iter_jsonl

LETTERS = Path(__file__).resolve().parent.parent / "examples" / "letters"
SAMPLE = LETTERS / "bracket_sample.txt"


def crash_or_hang(path: str, strict: bool, limits: Limits) -> ParseResult:
    """A worker task that dies on ``*crash*`` inputs and hangs on ``*hang*`` ones."""
    name = Path(path).name
    if "crash" in name:
        os._exit(3)
    if "hang" in name:
        time.sleep(60)
    return parse_path(path, strict, limits)


def _letters(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    text = SAMPLE.read_text()
    paths = []
    for n in range(count):
        path = folder / f"letter_{n:04d}.txt"
        # A different case number per letter, so every letter has its own content hash.
        path.write_text(text.replace("IRO CASE #:", f"IRO CASE #: {n:06d}", 1))
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_result_per_input_in_order_with_its_source(tmp_path: Path, jobs: int) -> None:
    good = _letters(tmp_path / "a", 3)
    (tmp_path / "empty.txt").write_bytes(b"")
    inputs = [str(good[0]), str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt")]
    inputs += [str(good[1]), str(tmp_path / "a")]  # a folder expands to its letters
    results = list(parse_many(inputs, jobs=jobs))
    sources = [r.source for r in results]
    assert sources == [*inputs[:4], *map(str, good)]
    assert [r.ok for r in results] == [True, False, False, True, True, True, True]
    assert results[1].error_code == "not-found" and results[1].sha256 is None
    assert results[2].error_code == "not-an-iro-letter" and results[2].sha256 is not None
    assert all(r.decision is not None and r.decision.source == r.source for r in results if r.ok)


def test_the_public_parse_many_is_the_batch_runner() -> None:
    (result,) = iroparse.parse_many([SAMPLE], jobs=2)
    assert result.ok and result.source == str(SAMPLE)


def test_a_crashed_or_stuck_worker_costs_one_row(tmp_path: Path) -> None:
    good = _letters(tmp_path, 4)
    crash = tmp_path / "crash.txt"
    hang = tmp_path / "hang.txt"
    shutil.copy(SAMPLE, crash)
    shutil.copy(SAMPLE, hang)
    inputs = [good[0], crash, good[1], hang, good[2], good[3]]
    start = time.monotonic()
    results = list(parse_many(inputs, jobs=2, timeout=1.0, task=crash_or_hang))
    assert time.monotonic() - start < 20
    assert [r.source for r in results] == list(map(str, inputs))
    codes = [r.error_code for r in results]
    assert codes == [None, "worker-crashed", None, "timeout", None, None]
    assert "exit code 3" in (results[1].error_message or "")
    # Failed rows still carry the content hash, so outputs key them like any other row.
    assert results[1].sha256 is not None and results[3].sha256 is not None


def test_streaming_reads_inputs_lazily_with_a_bounded_window(tmp_path: Path) -> None:
    (letter,) = _letters(tmp_path, 1)
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for _ in itertools.count():
            pulled += 1
            yield str(letter)

    for jobs in (1, 2):
        pulled = 0
        results = parse_many(endless(), jobs=jobs)
        first = list(itertools.islice(results, 5))
        results.close()  # stops the pool without waiting for work in flight
        assert len(first) == 5 and all(r.ok for r in first)
        assert pulled <= 5 + jobs * WINDOW * CHUNK + CHUNK


def test_skip_leaves_out_written_inputs(tmp_path: Path) -> None:
    letters = _letters(tmp_path, 3)
    first = {(r.source, r.sha256) for r in parse_many(letters[:2])}
    seen = list(parse_many(letters, skip=lambda source, digest: (source, digest) in first))
    assert [r.source for r in seen] == [str(letters[2])]


def test_page_and_byte_caps(tmp_path: Path) -> None:
    pdf_factory = pytest.importorskip("pdf_factory")
    pdf = tmp_path / "long.pdf"
    pdf_factory.write_letter(pdf, "bracket", paragraphs=12)
    (capped,) = parse_many([pdf], limits=Limits(max_pdf_pages=1))
    (whole,) = parse_many([pdf])
    assert whole.ok
    assert whole.decision is not None
    assert capped.decision is None or capped.decision.analysis != whole.decision.analysis
    (big,) = parse_many([pdf], limits=Limits(max_pdf_bytes=100))
    assert big.error_code == "pdf-too-large" and big.sha256 is None


def _start(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "iroparse", "parse", str(folder), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _rows_in(out: Path) -> int:
    if out.suffix == ".jsonl":
        return out.read_bytes().count(b"\n") if out.exists() else 0
    if not out.exists():
        return 0
    try:
        with sqlite3.connect(out) as db:
            return int(db.execute("select count(*) from decisions").fetchone()[0])
    except sqlite3.Error:
        return 0


def _sources(out: Path) -> list[str]:
    if out.suffix == ".jsonl":
        return [row["source"] for row in iter_jsonl(out)]
    with sqlite3.connect(out) as db:
        return [source for (source,) in db.execute("select source from decisions")]


@pytest.mark.parametrize("suffix", [".jsonl", ".sqlite"])
def test_kill_9_of_a_cli_run_loses_nothing_and_a_rerun_writes_only_what_is_missing(
    tmp_path: Path, suffix: str
) -> None:
    letters = _letters(tmp_path / "letters", 400)
    out = tmp_path / f"rows{suffix}"
    run = _start(tmp_path / "letters", out)
    deadline = time.monotonic() + 30
    while _rows_in(out) < 30 and time.monotonic() < deadline:
        time.sleep(0.02)
    written_before_kill = _sources(out)  # what the run had reported written
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=10)
    assert run.returncode == -signal.SIGKILL  # killed mid-run, not finished
    assert 30 <= len(written_before_kill) < len(letters)

    after_kill = _sources(out)
    assert set(written_before_kill) <= set(after_kill)
    missing = len(letters) - len(after_kill)
    assert missing > 0

    rerun = subprocess.run(
        [sys.executable, "-m", "iroparse", "parse", str(tmp_path / "letters"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"wrote {missing} rows" in rerun.stderr
    assert f"{len(after_kill)} already there" in rerun.stderr
    final = _sources(out)
    assert sorted(final) == sorted(map(str, letters))  # every letter once, none twice
    if suffix == ".jsonl":
        lines = [line for line in out.read_text().splitlines() if line.strip()]
        complete = [json.loads(line) for line in lines if line.endswith("}")]
        assert len({row["source"] for row in complete}) == len(letters)


def test_folders_are_walked_lazily_in_sorted_path_order(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a.txt", "a/z.pdf", "a/y.TXT", "b/1.txt", "a/skip.md", "c/"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not name.endswith("/"):
            path.write_text("x")
    walked = (str(p) for p in expand([tmp_path, tmp_path / "gone.txt"]))
    assert next(walked) == str(tmp_path / "a" / "y.TXT")  # a generator, not a list
    assert list(walked) == [
        str(tmp_path / p) for p in ("a/z.pdf", "a.txt", "b/1.txt", "b/2.txt", "gone.txt")
    ]
    assert [str(p) for p in expand([tmp_path])] == [
        str(tmp_path / p) for p in ("a/y.TXT", "a/z.pdf", "a.txt", "b/1.txt", "b/2.txt")
    ]

"""Faults in batches: a run killed with SIGKILL at random moments, for every output format; two
runs writing one output; an output that is also an input; a folder that cannot be written; a
full disk. Nothing reported written is lost, nothing is written twice, and no file that looks
complete is half written.

``make faults`` runs the SIGKILL trials 20 times per format (``IROPARSE_FAULT_TRIALS``) on a
batch of 2,000 letters (``IROPARSE_FAULT_LETTERS``); ``make test`` runs 3 on 300.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.variety.compose import letters

import iroparse
from iroparse.errors import IroParseError
from iroparse.outputs import open_writer
from iroparse.outputs.lock import OutputLock

TRIALS = int(os.environ.get("IROPARSE_FAULT_TRIALS", "3"))
LETTERS = int(os.environ.get("IROPARSE_FAULT_LETTERS", "300"))
#: The kill comes at a random moment of a run of about this many seconds per 300 letters.
KILL_WINDOW = 1.0
CLI = [sys.executable, "-m", "iroparse"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("letters")
    for n, letter in enumerate(letters(LETTERS, seed=21)):
        (root / f"letter_{n:03}.txt").write_text(letter.text, encoding="utf-8")
    return root


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def _sources(out: Path) -> list[str]:
    """The ``source`` of every row in a finished output file."""
    suffix = out.suffix
    if suffix == ".jsonl":
        return [json.loads(line)["source"] for line in out.read_text().splitlines()]
    if suffix == ".json":
        return [row["source"] for row in json.loads(out.read_text())]
    if suffix == ".csv":
        with out.open(newline="", encoding="utf-8") as handle:
            return [row["source"] for row in csv.DictReader(handle)]
    if suffix == ".sqlite":
        with sqlite3.connect(out) as db:
            return [row[0] for row in db.execute("select source from decisions")]
    import pyarrow.parquet as pq

    return [str(s) for s in pq.read_table(out, columns=["source"]).column("source").to_pylist()]


def _check_after_kill(out: Path) -> None:
    """What a killed run may leave: rows written in place are whole; a rewritten format's
    output is absent (its rows are in NAME.partial), never half written."""
    if out.suffix == ".jsonl" and out.exists():
        lines = out.read_text(encoding="utf-8").split("\n")
        for line in lines[:-1]:  # the last piece may be a line the kill cut
            json.loads(line)
    elif out.suffix == ".sqlite" and out.exists():
        with sqlite3.connect(out) as db:
            assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    elif out.exists():
        pytest.fail(f"{out} exists after a killed first run: a half file that looks complete")


@pytest.mark.parametrize("suffix", [".jsonl", ".sqlite", ".csv", ".json", ".parquet"])
def test_a_run_killed_at_random_loses_and_repeats_nothing(
    folder: Path, tmp_path: Path, suffix: str
) -> None:
    rng = random.Random(suffix)
    for trial in range(TRIALS):
        out = tmp_path / f"trial{trial}{suffix}"
        process = subprocess.Popen(
            [*CLI, "parse", str(folder), "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 0.2 + KILL_WINDOW * LETTERS / 300))
        process.send_signal(signal.SIGKILL)
        if process.wait() == 0:  # it finished first: the output is complete
            assert len(_sources(out)) == LETTERS
        else:
            _check_after_kill(out)
        done = _run("parse", str(folder), "--out", str(out))
        assert done.returncode == 0, done.stderr  # the killed run's lock is stale: taken over
        sources = _sources(out)
        assert len(sources) == LETTERS, (trial, len(sources))
        assert len(set(sources)) == LETTERS
        assert not out.with_name(out.name + ".lock").exists()
        assert not out.with_name(out.name + ".partial").exists()


def test_a_second_writer_of_the_same_output_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "rows.jsonl"
    with open_writer(out):
        with pytest.raises(IroParseError, match="another iroparse run") as caught:
            open_writer(out)
        assert caught.value.code == "output-error"
    with open_writer(out):  # released at close
        pass


def test_a_second_run_of_the_cli_on_a_locked_output_is_refused(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rows.csv"
    with open_writer(out):
        done = _run("parse", str(folder), "--out", str(out))
    assert done.returncode == 1
    assert "another iroparse run" in done.stderr and "Traceback" not in done.stderr


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    OutputLock(out).path.write_text(f"{dead.pid}\n")
    with open_writer(out) as writer:
        assert writer.lock is not None
    assert not OutputLock(out).path.exists()


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_a_rewritten_output_appears_only_when_complete(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"rows{suffix}"
    out.write_text("an earlier, complete file")
    result = iroparse.parse_many([str(Path("examples/letters/bracket_sample.txt"))])
    rows = list(result)
    with pytest.raises(RuntimeError), open_writer(out) as writer:
        writer.write(rows[0])
        assert out.read_text() == "an earlier, complete file"
        raise RuntimeError("interrupted")
    assert out.read_text() == "an earlier, complete file"  # not replaced by a half file
    assert writer.partial is not None and writer.partial.exists()
    with open_writer(out) as writer:
        writer.write(rows[0])
    assert len(_sources(out)) == 1 and not writer.partial.exists()


def test_an_output_that_is_also_an_input_is_refused(tmp_path: Path) -> None:
    letter = tmp_path / "letter.csv"
    shutil.copy("examples/letters/bracket_sample.txt", letter)
    done = _run("parse", str(letter), "--out", str(letter))
    assert done.returncode == 2
    assert "is also an input" in done.stderr
    assert letter.read_text(encoding="utf-8").startswith(" NOTICE")


def test_an_output_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes anywhere: a file where a folder should be fails for all
        parent = tmp_path / "not-a-folder"
        parent.write_text("")
    else:
        parent = tmp_path / "read-only"
        parent.mkdir()
        parent.chmod(0o500)
    done = _run("parse", "examples/letters", "--out", str(parent / "rows.csv"))
    assert done.returncode == 1
    assert "cannot" in done.stderr and "Traceback" not in done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 64 KB tmpfs (as root), or ``None`` where one cannot be mounted."""
    where = tmp_path / "small-disk"
    where.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    yield where if mounted else None
    if mounted:
        subprocess.run(["umount", str(where)], check=False)


def test_a_full_disk_is_a_clear_error_and_nothing_half_written_looks_complete(
    folder: Path, tmp_path: Path, small_disk: Path | None
) -> None:
    if small_disk is not None:
        out = small_disk / "rows.csv"
        done = _run("parse", str(folder), "--out", str(out))
        assert "No space left on device" in done.stderr
        assert not out.exists()  # the rows so far are in rows.csv.partial only
    else:  # no tmpfs without root: /dev/full fails every write the same way
        out = tmp_path / "rows.jsonl"
        out.symlink_to("/dev/full")
        done = _run("parse", "examples/letters", "--out", str(out))
        assert str(out) in done.stderr
    assert done.returncode == 1
    assert "iroparse: error: cannot" in done.stderr and "Traceback" not in done.stderr


def _interrupted(*args: str) -> tuple[int, str, str]:
    """Run the CLI with ``args``, press Ctrl-C after a second; its status, stdout, stderr."""
    process = subprocess.Popen(
        [*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    return process.returncode, stdout, stderr


def test_an_interrupted_run_says_what_it_kept_and_how_to_go_on(
    folder: Path, tmp_path: Path
) -> None:
    for suffix, words in ((".jsonl", "resume"), (".csv", "was not replaced")):
        status, _, stderr = _interrupted(
            "parse", str(folder), "--out", str(tmp_path / f"rows{suffix}")
        )
        if status == 0:
            continue  # the run finished before the signal: nothing to say
        assert status == 130, stderr
        assert "interrupted" in stderr and words in stderr and "Traceback" not in stderr


def test_an_interrupted_run_on_stdout_says_how_many_rows_and_how_to_resume(folder: Path) -> None:
    status, stdout, stderr = _interrupted("parse", str(folder), "--format", "jsonl")
    if status == 0:
        return  # the run finished before the signal: nothing to say
    assert status == 130, stderr
    rows = len([line for line in stdout.splitlines() if line.startswith("{")])
    assert f"interrupted after {rows} rows on stdout" in stderr, (rows, stderr)
    assert "--out FILE" in stderr and "Traceback" not in stderr

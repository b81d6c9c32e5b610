"""The command line: one row per input, error codes, exit status, formats, schema, progress."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import iroparse
import pdf_factory
from iroparse.cli import main
from iroparse.schema import SCHEMA

LETTERS = Path(__file__).resolve().parent.parent / "examples" / "letters"
SAMPLES = sorted(LETTERS.glob("*.txt"))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process with stdout and stderr piped (not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "iroparse", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def mixed(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with a good letter, an empty file and binary junk; and a missing path."""
    folder = tmp_path / "letters"
    folder.mkdir()
    shutil.copy(SAMPLES[0], folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 8)
    return folder, tmp_path / "missing.txt"


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_folder_with_bad_inputs_gives_one_row_each_and_exit_1(mixed: tuple[Path, Path]) -> None:
    folder, missing = mixed
    done = _run("parse", str(folder), str(missing), "--format", "jsonl")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    rows = _jsonl(done.stdout)
    assert len(rows) == 4
    by_name = {Path(row["source"]).name: row for row in rows}
    assert set(by_name) == {"good.txt", "empty.txt", "junk.txt", "missing.txt"}
    assert "error" not in by_name["good.txt"]
    assert by_name["good.txt"]["outcome"] in {"upheld", "overturned", "partially_overturned"}
    assert by_name["empty.txt"]["error"]["code"] == "not-an-iro-letter"
    assert by_name["junk.txt"]["error"]["code"] == "not-an-iro-letter"
    assert by_name["missing.txt"]["error"]["code"] == "not-found"
    assert sum("error" in row for row in rows) == 3


def test_pdf_and_text_letters_with_every_kind_of_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SAMPLES[0], folder / "a_good.txt")
    pdf_factory.write_letter(folder / "b_good.pdf", "bracket", paragraphs=1)
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_junk.txt").write_bytes(os.urandom(3000) + b"\0")
    (folder / "e_corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    pdf_factory.write_encrypted(folder / "f_locked.pdf", "secret", user_password="pw")
    pdf_factory.write_image_only(folder / "g_scan.pdf")
    missing = tmp_path / "h_missing.pdf"
    for jobs in ("1", "2"):
        done = _run("parse", str(folder), str(missing), "--format", "jsonl", "--jobs", jobs)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        rows = _jsonl(done.stdout)
        codes = {Path(r["source"]).stem: r.get("error", {}).get("code") for r in rows}
        assert codes == {
            "a_good": None,
            "b_good": None,
            "c_empty": "not-an-iro-letter",
            "d_junk": "not-an-iro-letter",
            "e_corrupt": "pdf-corrupt",
            "f_locked": "pdf-encrypted",
            "g_scan": "pdf-no-text",
            "h_missing": "not-found",
        }
        assert [Path(r["source"]).stem for r in rows] == sorted(codes)  # input order


def test_all_good_exits_0() -> None:
    assert main(["parse", *map(str, SAMPLES), "--format", "jsonl"]) == 0


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_every_format(
    fmt: str, mixed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, missing = mixed
    status = main(["parse", str(folder), str(missing), "--format", fmt])
    out = capsys.readouterr().out
    assert status == 1
    if fmt == "json":
        rows = json.loads(out)
        assert len(rows) == 4
    elif fmt == "jsonl":
        assert len(_jsonl(out)) == 4
    elif fmt == "csv":
        table = list(csv.DictReader(io.StringIO(out)))
        assert len(table) == 4
        assert sorted(r["error_code"] for r in table) == [
            "",
            "not-an-iro-letter",
            "not-an-iro-letter",
            "not-found",
        ]
    else:
        lines = [line for line in out.splitlines() if line.strip()]
        assert sum("ERROR" in line for line in lines) == 3
        # the good letter's row: its path may wrap in its column, its outcome is whole
        assert any(o in out for o in ("upheld", "overturned", "partially_overturned"))


def test_schema_is_draft_2020_12_and_every_row_validates(
    mixed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == json.loads(json.dumps(SCHEMA))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    folder, missing = mixed
    pdf_factory.write_letter(folder / "letter.pdf", "trailing-x", paragraphs=1)
    main(["parse", *map(str, SAMPLES), str(folder), str(missing), "--format", "jsonl"])
    rows = _jsonl(capsys.readouterr().out)
    assert len(rows) == len(SAMPLES) + 5
    assert sum("error" in row for row in rows) == 3
    for row in rows:
        validator.validate(row)
    # The schema is not vacuous: a record missing its outcome, or with a bad one, fails.
    good = next(row for row in rows if "error" not in row)
    bad = {k: v for k, v in good.items() if k != "outcome"}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({**good, "outcome": "maybe"})


def test_detect_and_layouts(capsys: pytest.CaptureFixture[str]) -> None:
    names = {layout.name for layout in iroparse.layouts()}
    # Samples named after a layout (<layout>_sample.txt) must be detected as that layout.
    samples = [p for p in SAMPLES if p.stem.removesuffix("_sample") in names]
    assert len(samples) >= 2
    assert main(["detect", *map(str, samples)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(samples)
    for path, line in zip(samples, lines, strict=True):
        source, best, _scores = line.split("\t")
        assert source == str(path)
        assert best == path.stem.removesuffix("_sample")

    assert main(["layouts"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert set(listed) == names
    assert {"bracket", "trailing-x"} <= names


def test_detect_reports_unreadable_inputs(
    mixed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, missing = mixed
    assert main(["detect", str(folder), str(missing)]) == 1
    out = capsys.readouterr().out
    assert out.count("ERROR") == 3


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["parse"],
        ["frobnicate"],
        ["parse", "x.txt", "--format", "xml"],
        ["parse", "x.txt", "--jobs", "0"],
        ["parse", "x.txt", "--jobs", "many"],
        ["parse", "x.txt", "--out", "rows.docx"],
        ["parse", "x.txt", "--max-pages", "0"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        status = main(argv)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    assert status == 2
    assert capsys.readouterr().err.strip()


def test_usage_error_in_a_child_process_has_no_traceback() -> None:
    done = _run("parse", "x.txt", "--out", "rows.docx")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "extension" in done.stderr


def test_progress_bar_only_when_asked_or_on_a_terminal(
    mixed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = mixed
    piped = _run("parse", str(folder), "--format", "jsonl")  # auto, stderr is a pipe
    # no bar and no per-input lines when piped: only the summary line
    assert piped.stderr.splitlines() == ["iroparse: 1 parsed, 2 failed, written to stdout as jsonl"]
    main(["parse", str(folder), "--format", "jsonl", "--progress", "always"])
    err = capsys.readouterr().err
    # the bar counted the three inputs first; it ends complete, with the failures
    assert "3/3" in err and "100%" in err
    assert "2 failed" in err


def test_max_bytes_turns_a_large_file_into_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = tmp_path / "letter.txt"
    shutil.copy(SAMPLES[0], letter)
    size = letter.stat().st_size
    assert main(["parse", str(letter), "--format", "jsonl", "--max-bytes", str(size - 1)]) == 1
    (row,) = _jsonl(capsys.readouterr().out)
    assert row["error"]["code"] == "too-large"
    assert main(["parse", str(letter), "--format", "jsonl", "--max-bytes", str(size)]) == 0


def test_out_file_and_rerun_skips_what_is_written(
    mixed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, missing = mixed
    out = tmp_path / "rows.sqlite"
    assert main(["parse", str(folder), str(missing), "--out", str(out)]) == 1
    assert "wrote 4 rows" in capsys.readouterr().err
    extra = folder / "second.txt"
    shutil.copy(SAMPLES[-1], extra)
    # The good letter is skipped; the new one and the three failures are (re)tried.
    assert main(["parse", str(folder), str(missing), "--out", str(out)]) == 1
    assert "wrote 4 rows" in capsys.readouterr().err
    assert main(["parse", str(extra), "--out", str(out)]) == 0
    assert "wrote 0 rows" in capsys.readouterr().err

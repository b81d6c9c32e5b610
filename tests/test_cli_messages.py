"""The CLI says what happened: no letters found, a contradicting --format, a summary line."""

from __future__ import annotations

from pathlib import Path

import pytest

from iroparse.cli import main

LETTER = Path(__file__).resolve().parents[1] / "examples" / "letters" / "bracket_sample.txt"


def test_an_empty_folder_says_no_letters_were_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no letters found" in captured.err and str(tmp_path) in captured.err


def test_an_empty_folder_with_an_output_file_says_so_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["parse", str(empty), "--out", str(tmp_path / "out.jsonl")]) == 1
    assert "no letters found" in capsys.readouterr().err


def test_format_contradicting_the_output_extension_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.csv"
    assert main(["parse", str(LETTER), "--out", str(out), "--format", "json"]) == 2
    assert "contradicts" in capsys.readouterr().err
    assert not out.exists()


def test_a_format_agreeing_with_the_extension_is_fine(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert main(["parse", str(LETTER), "--out", str(out), "--format", "csv"]) == 0
    assert out.read_text(encoding="utf-8").startswith("source,")


def test_a_summary_line_counts_parsed_and_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["parse", str(LETTER), str(missing), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2  # one row per input, the error included
    assert "1 parsed, 1 failed" in captured.err

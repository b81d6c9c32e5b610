"""A person at a terminal: the progress bar and the table share the screen. The command runs in
a pseudo-terminal (pexpect) and its output is drawn by a terminal emulator (pyte), so the test
reads the screen a person would see."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pexpect
import pyte
import pytest

LETTERS = Path(__file__).resolve().parents[1] / "examples" / "letters"
COLUMNS, ROWS = 160, 200


def _screen(args: list[str], columns: int = COLUMNS) -> list[str]:
    """The screen after ``iroparse ARGS`` ran to its end in a terminal ``columns`` wide."""
    screen = pyte.Screen(columns, ROWS)
    stream = pyte.ByteStream(screen)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "iroparse", *args],
        dimensions=(ROWS, columns),
        env={"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(ROWS)},
        timeout=120,
    )
    while True:
        try:
            stream.feed(child.read_nonblocking(65536, timeout=120))
        except pexpect.EOF:
            break
    child.close()
    assert child.exitstatus == 1  # one input is not a letter
    return [line.rstrip() for line in screen.display if line.strip()]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder in a subfolder: 30 copies of the bracket sample, every sample, a non-letter."""
    root = tmp_path_factory.mktemp("batch") / "letters"
    root.mkdir()
    for path in LETTERS.glob("*.txt"):
        shutil.copy(path, root / path.name)
    for n in range(30):
        shutil.copy(LETTERS / "bracket_sample.txt", root / f"copy_{n:02}.txt")
    (root / "zz_not_a_letter.txt").write_text("Dear Sir, thank you.\n", encoding="utf-8")
    return root


def test_the_bar_counts_to_the_total_below_the_table(batch: Path) -> None:
    total = len(list(batch.glob("*.txt")))
    lines = _screen(["parse", str(batch)])
    bars = [line for line in lines if line.startswith("parsing")]
    # one bar, at the bottom, complete: the rows were printed above it, never over it
    assert len(bars) == 1, lines
    assert f"{total}/{total}" in bars[0] and "100%" in bars[0] and "1 failed" in bars[0]
    assert lines.index(bars[0]) == len(lines) - 2
    assert lines[-1].startswith(f"iroparse: {total - 1} parsed, 1 failed")
    assert lines[0].split() == ["letter", "layout", "outcome", "date", "cpt", "criteria", "diag"]
    # a failed input gets a line of its own as well as its row
    assert any("zz_not_a_letter.txt: not-an-iro-letter" in line for line in lines)


def test_the_table_keeps_the_folder_and_cuts_no_cell(batch: Path) -> None:
    lines = _screen(["parse", str(batch)])
    text = "\n".join(lines)
    assert "~" not in text and "…" not in text
    assert all(len(line) <= COLUMNS for line in lines)
    # each letter's row starts with its path, folder included (wrapped in its column if long)
    width = next(i for i, c in enumerate(lines[0]) if i and lines[0][i - 1 : i + 6] == " layout")
    paths = "".join(line[:width].strip() for line in lines[1:] if not line.startswith("parsing"))
    for path in sorted(batch.glob("*.txt")):
        assert str(path) in paths
    assert "peer_reviewed_literature" in text  # the longest criterion code, whole


def test_a_narrow_terminal_wraps_cells_rather_than_cutting_them(batch: Path) -> None:
    lines = _screen(["parse", str(batch)], columns=90)
    assert all(len(line) <= 90 for line in lines)
    assert "~" not in "\n".join(lines) and "…" not in "\n".join(lines)
    assert sum(line.startswith("parsing") for line in lines) == 1

"""The scripts of ``examples/`` run and print what they promise."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import iroparse
from iroparse import Outcome

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LETTERS = EXAMPLES / "letters"


def load(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` as a module."""
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    """A copy of the bundled letters (only the letters)."""
    folder = tmp_path / "letters"
    folder.mkdir()
    for letter in LETTERS.glob("*.txt"):
        shutil.copy(letter, folder)
    return folder


def test_parse_one_runs_as_a_script_on_the_bundled_letter() -> None:
    done = subprocess.run(
        [sys.executable, EXAMPLES / "parse_one.py"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    expected = iroparse.to_dict(iroparse.parse_file(LETTERS / "bracket_sample.txt"))
    assert {k: v for k, v in record.items() if k != "source"} == {
        k: v for k, v in expected.items() if k != "source"
    }
    assert record["source"].endswith("bracket_sample.txt")


def test_parse_one_prints_the_record_of_the_letter_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    letter = LETTERS / "trailing-x_sample.txt"
    assert load("parse_one").main([str(letter)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record == iroparse.to_dict(iroparse.parse_file(letter))
    assert record["layout"] == "trailing-x"


def test_batch_to_sqlite_writes_every_letter_once_and_queries_the_outcomes(
    letters: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load("batch_to_sqlite")
    database = tmp_path / "out.sqlite"
    count = len(list(letters.glob("*.txt")))
    assert script.main([str(letters), "--db", str(database)]) == 0
    first = capsys.readouterr().out
    assert f"wrote {count} rows (0 errors)" in first

    outcomes = Counter(iroparse.parse_file(p).outcome.value for p in letters.glob("*.txt"))
    for outcome, letters_with_it in outcomes.items():
        assert any(line.split() == [outcome, str(letters_with_it)] for line in first.splitlines())
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM decisions").fetchone() == (count,)

    assert script.main([str(letters), "--db", str(database)]) == 0
    assert "wrote 0 rows" in capsys.readouterr().out  # resumed: nothing new


def test_demo_letters_then_overturn_rates_print_the_rates_and_save_a_chart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert load("make_demo_letters").main([str(folder), "--count", "24", "--seed", "3"]) == 0
    assert len(list(folder.glob("*.txt"))) == 24

    rates = load("overturn_rates")
    chart = tmp_path / "chart.png"
    capsys.readouterr()
    assert rates.main([str(folder), "--png", str(chart)]) == 0
    out = capsys.readouterr().out
    for by in ("criterion", "specialty"):
        png = tmp_path / f"chart_{by}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "24 letters parsed, 0 failed" in out

    # Every printed rate matches a count made here from the parsed decisions.
    decisions = [iroparse.parse_file(p) for p in sorted(folder.glob("*.txt"))]
    layouts = Counter(d.layout for d in decisions)
    assert set(layouts) == {layout.name for layout in iroparse.layouts()}
    per_specialty: dict[str, list[bool]] = {}
    for d in decisions:
        for specialty in d.reviewer.specialties:
            per_specialty.setdefault(specialty.name, []).append(
                d.outcome in {Outcome.OVERTURNED, Outcome.PARTIALLY_OVERTURNED}
            )
    assert per_specialty
    for name, flags in per_specialty.items():
        line = next(line for line in out.splitlines() if line.startswith(f"│ {name[:20]}"))
        cells = [c.strip() for c in line.strip("│").split("│")]
        letters, rate, interval = cells[1], cells[2], cells[3]
        assert int(letters) == len(flags)
        assert rate == f"{sum(flags) / len(flags):.0%}"
        # the 95% Wilson interval holds the rate
        low, high = (float(x.rstrip("%")) for x in interval.split(" to "))
        assert low <= float(rate.rstrip("%")) <= high

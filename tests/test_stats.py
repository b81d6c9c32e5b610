"""``iroparse stats``: overturn rates with Wilson intervals, from letters or output files, and
the chart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from iroparse.stats.inputs import read_records
from iroparse.stats.rates import overturn_rates, wilson

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "examples" / "letters"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iroparse", *args],
        capture_output=True,
        text=True,
        env={"COLUMNS": "160", "PATH": "/usr/bin:/bin"},
        cwd=ROOT,
        check=False,
    )


def test_wilson_interval_matches_the_formula() -> None:
    low, high = wilson(8, 10)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)
    assert wilson(0, 5)[0] == 0.0 and wilson(5, 5)[1] == 1.0


def test_partially_overturned_counts_both_ways_and_unknown_is_counted_apart() -> None:
    rows = [
        {"outcome": "overturned", "layout": "a"},
        {"outcome": "partially_overturned", "layout": "a"},
        {"outcome": "upheld", "layout": "a"},
        {"outcome": "unknown", "layout": "a"},
        {"source": "x.txt", "error": {"code": "empty"}},
    ]
    rates = overturn_rates(rows, "layout")
    (group,) = rates.groups
    assert (group.units, group.overturned, group.fully_overturned, group.unknown) == (3, 2, 1, 1)
    assert (rates.records, rates.errors) == (5, 1)
    assert rates.overall.units == 3


def test_service_category_counts_services_with_their_own_outcome() -> None:
    row = {
        "outcome": "partially_overturned",
        "services": [
            {"category": "radiology", "outcome": "overturned"},
            {"category": "physical_medicine", "outcome": "upheld"},
            {"category": None, "outcome": None},
        ],
    }
    rates = overturn_rates([row], "service_category")
    found = {g.group: (g.units, g.overturned, g.unknown) for g in rates.groups}
    assert found == {"radiology": (1, 1, 0), "physical_medicine": (1, 0, 0), "(none)": (0, 0, 1)}


def test_an_unknown_grouping_is_refused() -> None:
    with pytest.raises(ValueError, match="no grouping 'colour'"):
        overturn_rates([], "colour")


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("specialty", ["Physical Medicine and", "Pain Medicine", "Chiropractic", "to 100%"]),
        ("service_category", ["Surgery: nervous system", "Physical medicine and", "services"]),
    ],
)
def test_stats_prints_rates_with_intervals(by: str, expected: list[str]) -> None:
    done = cli("stats", "examples/letters", "--by", by)
    assert done.returncode == 0, done.stderr
    for words in expected:
        assert words in done.stdout
    assert "95% interval" in done.stdout and "Wilson" in done.stdout


def test_chart_is_written_with_its_labels(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from iroparse.stats.chart import draw

    png = tmp_path / "rates.png"
    done = cli("stats", "examples/letters", "--by", "specialty", "--chart", str(png))
    assert done.returncode == 0, done.stderr
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rates = overturn_rates(read_records([LETTERS]), "specialty")
    figure = draw(rates)
    (ax,) = figure.axes
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "Pain Medicine (n=4)" in labels
    assert ax.get_title().startswith("Overturn rate by reviewer specialty (dashed line: all")
    assert ax.get_xlabel() == "overturned (%), with 95% Wilson interval"
    caption = " ".join(t.get_text() for t in figure.texts)
    assert "N = 9 letters" in caption and "Wilson" in caption


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv", ".sqlite", ".parquet"])
def test_stats_reads_every_output_format_alike(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"decisions{suffix}"
    written = cli("parse", "examples/letters", "--out", str(out))
    assert out.exists(), written.stderr
    for by in ("specialty", "criterion", "layout", "year"):
        want = overturn_rates(read_records([LETTERS]), by)
        got = overturn_rates(read_records([out]), by)
        assert got.groups == want.groups, (suffix, by)
        assert got.overall == want.overall


def test_a_bad_output_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"outcome": "upheld"}\nnot json\n', encoding="utf-8")
    done = cli("stats", str(bad))
    assert done.returncode == 2
    assert f"{bad}:2: not a JSON row" in done.stderr and "Traceback" not in done.stderr

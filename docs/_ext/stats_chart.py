"""Sphinx extension: draw the chart of ``iroparse stats examples/letters --by specialty`` at
every build, as ``_static/stats_by_specialty.png`` (the CLI page shows it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from iroparse.stats.chart import save_chart
from iroparse.stats.inputs import read_records
from iroparse.stats.rates import overturn_rates

LETTERS = Path(__file__).resolve().parents[2] / "examples" / "letters"


def _write(app: Any) -> None:
    rates = overturn_rates(read_records([LETTERS]), "specialty")
    save_chart(rates, Path(app.srcdir) / "_static" / "stats_by_specialty.png")


def setup(app: Any) -> dict[str, Any]:
    """Draw the chart when a build starts."""
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""How often is a denial overturned, by screening criterion and by reviewer specialty?

    python examples/overturn_rates.py FOLDER [--png overturn_rates.png]

The Python version of ``iroparse stats FOLDER --by criterion`` and ``--by specialty``: it
parses the letters once, prints both tables (each rate with its 95% Wilson interval) and saves
one chart per grouping (``overturn_rates_criterion.png``, ``overturn_rates_specialty.png``).
A letter counts as overturned when its outcome is ``overturned`` or ``partially_overturned``;
letters whose outcome is unknown are left out and counted. The chart needs the ``plot`` extra
(``pip install 'iroparse[plot]'``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from iroparse.stats.chart import save_chart
from iroparse.stats.command import print_rates
from iroparse.stats.inputs import read_records
from iroparse.stats.rates import overturn_rates

LETTERS = Path(__file__).parent / "letters"
GROUPINGS = ("criterion", "specialty")


def main(argv: list[str] | None = None) -> int:
    """Parse the folder, print both tables and save the charts."""
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("folder", nargs="?", type=Path, default=LETTERS, help="letters to read")
    cli.add_argument("--png", type=Path, default=Path("overturn_rates.png"), help="chart file")
    cli.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = cli.parse_args(argv)

    records = list(read_records([args.folder], jobs=args.jobs))
    failed = sum(r.get("error") is not None for r in records)
    print(f"{len(records) - failed} letters parsed, {failed} failed")
    for by in GROUPINGS:
        rates = overturn_rates(records, by)
        print_rates(rates)
        chart = args.png.with_name(f"{args.png.stem}_{by}{args.png.suffix}")
        save_chart(rates, chart)
        print(f"chart saved to {chart}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

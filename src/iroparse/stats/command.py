"""The ``iroparse stats`` command: overturn rates by a grouping, as a table and a chart."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from iroparse.stats.chart import TITLES, caption, group_labels, save_chart
from iroparse.stats.inputs import read_records
from iroparse.stats.rates import GROUPINGS, GroupRate, Rates, overturn_rates

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``stats`` command to the CLI's commands."""
    stats = commands.add_parser(
        "stats",
        help="overturn rates by specialty, service category, criterion, year, IRO...",
        description=(
            "Print the overturn rate of each group with counts and 95%% Wilson intervals, "
            "read from letters (parsed) or from any iroparse output file (.jsonl, .json, "
            ".csv, .sqlite, .parquet)."
        ),
    )
    stats.add_argument("paths", nargs="+", metavar="PATH", help="letters, folders or outputs")
    stats.add_argument("--by", choices=tuple(GROUPINGS), default="specialty", help="grouping")
    stats.add_argument("--chart", metavar="FILE.png", help="also draw the rates as a PNG chart")
    stats.add_argument("--jobs", type=int, default=1, help="worker processes to parse letters")


def _interval(low: float, high: float) -> str:
    return f"{low:.0%} to {high:.0%}"


def _row(group: GroupRate, name: str) -> list[str]:
    if not group.units:
        return [name, "0", "-", "-", "-", "-", str(group.unknown)]
    return [
        name,
        str(group.units),
        f"{group.rate:.0%}",
        _interval(*group.interval),
        f"{group.full_rate:.0%}",
        _interval(*group.full_interval),
        str(group.unknown),
    ]


def print_rates(rates: Rates) -> None:
    """Print the table of ``rates`` on stdout (rich, fitted to the terminal)."""
    from rich.table import Table

    from iroparse.outputs.table import table_console

    names = group_labels(rates.by)
    unit = "services" if rates.by == "service_category" else "letters"
    title = f"Overturn rate by {TITLES.get(rates.by, rates.by)}"
    table = Table(title=title, caption=caption(rates), caption_justify="left")
    headings: tuple[str, ...] = (TITLES.get(rates.by, rates.by), unit, "overturned")
    headings += ("95% interval",)
    headings += ("fully overturned", "95% interval", "unknown")
    for i, heading in enumerate(headings):
        table.add_column(heading, justify="left" if i == 0 else "right")
    for group in rates.groups:
        table.add_row(*_row(group, names.get(group.group, group.group)))
    table.add_section()
    table.add_row(*_row(rates.overall, "all"))
    table_console(sys.stdout).print(table)


def run(args: argparse.Namespace) -> int:
    """Run ``iroparse stats``: read, count, print, draw; return the exit status."""
    rates = overturn_rates(read_records(args.paths, jobs=args.jobs), args.by)
    print_rates(rates)
    if args.chart:
        save_chart(rates, Path(args.chart))
        print(f"iroparse: chart written to {args.chart}", file=sys.stderr)
    return 0

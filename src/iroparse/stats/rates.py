"""Overturn rates by group, with 95% Wilson intervals.

Definitions (the chart's caption and the table's footer say the same):

- A unit is a letter, except by ``service_category``, where it is a service: a service takes
  its own outcome (``services[].outcome``), so a partially overturned letter counts each
  service the way the letter decided it.
- **overturned**: the outcome is ``overturned`` or ``partially_overturned``; **fully
  overturned**: ``overturned`` only. A partially overturned unit thus counts both ways: as
  overturned in the first rate, as not overturned in the second.
- Units whose outcome is ``unknown`` (or null) are left out of the rates and counted in their
  own column; error rows are left out and counted in the total.
- A letter is counted once in each of its groups (a reviewer with two specialties, a letter
  checking three criteria) and in ``(none)`` when it has no group.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from attrs import frozen

__all__ = ["DEFINITIONS", "GROUPINGS", "GroupRate", "Rates", "overturn_rates", "wilson"]

Record = dict[str, Any]
OVERTURNED = frozenset({"overturned", "partially_overturned"})
KNOWN = frozenset({"upheld", "overturned", "partially_overturned"})
NONE = "(none)"

DEFINITIONS = (
    "Overturned: outcome overturned or partially overturned; fully overturned: overturned "
    "only. Unknown outcomes are left out of the rates and counted. Intervals: 95% Wilson. "
    "A letter counts once in each of its groups; by service category the unit is a service, "
    "with its own outcome."
)


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95% by default) of ``successes`` in ``total``.

    >>> [round(x, 3) for x in wilson(5, 10)]
    [0.237, 0.763]
    >>> wilson(0, 0)
    (0.0, 1.0)
    """
    if total <= 0:
        return 0.0, 1.0
    rate = successes / total
    scale = 1 + z * z / total
    centre = (rate + z * z / (2 * total)) / scale
    half = z * math.sqrt(rate * (1 - rate) / total + z * z / (4 * total * total)) / scale
    return max(0.0, centre - half), min(1.0, centre + half)


def _year(record: Record) -> list[str]:
    date = record.get("review_date") or record.get("notice_date")
    return [str(date)[:4]] if date else []


def _service_units(record: Record) -> Iterator[tuple[str, str | None]]:
    for service in record.get("services") or ():
        yield service.get("category") or NONE, service.get("outcome")


#: Each grouping: how to read a letter's groups (the letter's outcome is the unit's), or, for
#: ``service_category``, its units with their own outcomes.
GROUPINGS: dict[str, Callable[[Record], list[str]]] = {
    "specialty": lambda r: [s["name"] for s in (r.get("reviewer") or {}).get("specialties") or ()],
    "criterion": lambda r: [c["code"] for c in r.get("criteria") or () if c.get("checked")],
    "year": _year,
    "iro": lambda r: [r["iro_name"]] if r.get("iro_name") else [],
    "layout": lambda r: [r["layout"]] if r.get("layout") else [],
    "coverage": lambda r: [r["coverage"]] if r.get("coverage") else [],
    "review_type": lambda r: [r["review_type"]] if r.get("review_type") else [],
    "service_category": lambda r: [],  # units of their own: see _units
}


@frozen
class GroupRate:
    """One group's counts and rates."""

    group: str
    units: int
    """Units with a known outcome (the rates' denominator)."""
    overturned: int
    """Overturned or partially overturned."""
    fully_overturned: int
    unknown: int
    """Units left out because their outcome is unknown."""

    @property
    def rate(self) -> float:
        """The share overturned (partially included)."""
        return self.overturned / self.units if self.units else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        """The 95% Wilson interval of :attr:`rate`."""
        return wilson(self.overturned, self.units)

    @property
    def full_rate(self) -> float:
        """The share fully overturned."""
        return self.fully_overturned / self.units if self.units else 0.0

    @property
    def full_interval(self) -> tuple[float, float]:
        """The 95% Wilson interval of :attr:`full_rate`."""
        return wilson(self.fully_overturned, self.units)


@frozen
class Rates:
    """The rates of every group, the highest rate first, and of all units together."""

    by: str
    groups: tuple[GroupRate, ...]
    overall: GroupRate
    records: int
    """Records read, error rows included."""
    errors: int
    """Error rows (inputs that failed), left out."""


def _units(record: Record, by: str) -> Iterator[tuple[str, str | None]]:
    if by == "service_category":
        yield from _service_units(record)
        return
    outcome = record.get("outcome")
    for group in dict.fromkeys(GROUPINGS[by](record)) or [NONE]:
        yield group, outcome


def _count(group: str, outcomes: list[str | None]) -> GroupRate:
    known = [o for o in outcomes if o in KNOWN]
    return GroupRate(
        group,
        len(known),
        sum(o in OVERTURNED for o in known),
        sum(o == "overturned" for o in known),
        len(outcomes) - len(known),
    )


def overturn_rates(records: Iterable[Record], by: str) -> Rates:
    """The overturn rate of each group of ``by`` (a key of :data:`GROUPINGS`).

    >>> rows = [{"outcome": "upheld", "layout": "bracket"},
    ...         {"outcome": "overturned", "layout": "bracket"},
    ...         {"outcome": "unknown", "layout": "paren"}]
    >>> r = overturn_rates(rows, "layout")
    >>> [(g.group, g.units, g.overturned, g.unknown) for g in r.groups]
    [('bracket', 2, 1, 0), ('paren', 0, 0, 1)]
    """
    if by not in GROUPINGS:
        raise ValueError(f"no grouping {by!r}; choose one of {', '.join(GROUPINGS)}")
    outcomes: dict[str, list[str | None]] = {}
    every: list[str | None] = []
    count = errors = 0
    for record in records:
        count += 1
        if record.get("error") is not None:
            errors += 1
            continue
        units = list(_units(record, by))
        for group, outcome in units:
            outcomes.setdefault(group, []).append(outcome)
        if by == "service_category":
            every.extend(outcome for _, outcome in units)
        else:
            every.append(record.get("outcome"))
    groups = [_count(group, found) for group, found in outcomes.items()]
    groups.sort(key=lambda g: (-g.rate, -g.units, g.group))
    return Rates(by, tuple(groups), _count("all", every), count, errors)

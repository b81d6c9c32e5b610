"""Linear time on long lines: a letter with a 10 KB line of free text after every checklist
item and after the outcome boxes parses in well under a second, in every registered layout.

The checklist reader compares a line that may continue a wrapped item with the rest of the
item's canonical label; that comparison once built a fuzzy regular expression from the line,
whose cost grew exponentially with its length (a 150-character line took 27 s)."""

from __future__ import annotations

import time

import pytest

import iroparse
from iroparse import Criterion, Decision, Outcome
from iroparse.catalogue import CRITERIA

#: A line of prose, about 10 KB long, that no layout reads as a mark.
FILLER = (
    "The reviewer read the records and the guideline chapter on low back pain again, "
    "and found nothing that changes the opinion. " * 90
)[:10_000]
DECISION = Decision(
    outcome=Outcome.OVERTURNED,
    criteria=tuple(Criterion(e.code, e.label, e.code in {"odg", "tmf"}) for e in CRITERIA),
)
LAYOUTS = {layout.name: layout for layout in iroparse.layouts()}
#: Far above the few milliseconds such a letter takes, far below the seconds it once took.
BUDGET_SECONDS = 1.0


def with_long_lines(name: str) -> str:
    """``DECISION`` in layout ``name``, a 10 KB line after every checklist line."""
    layout = LAYOUTS[name]
    checklist = set(layout.outcome_lines(DECISION) + layout.criteria_lines(DECISION))
    lines: list[str] = []
    for line in layout.render(DECISION).split("\n"):
        lines.append(line)
        if line in checklist:
            lines.append(FILLER)
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_a_10_kb_line_after_every_checklist_item_parses_in_under_a_second(name: str) -> None:
    text = with_long_lines(name)
    assert text.count(FILLER) >= 3  # the outcome and at least the two checked criteria
    iroparse.parse(text)  # the first parse of a process builds the parser
    begin = time.perf_counter()
    decision = iroparse.parse(text)
    elapsed = time.perf_counter() - begin
    assert elapsed < BUDGET_SECONDS, f"{name}: {elapsed:.2f} s"
    assert decision.layout == name
    assert decision.outcome is Outcome.OVERTURNED
    assert decision.checked_criteria == ("odg", "tmf")

"""How often is a denial overturned, by screening criterion and by reviewer specialty?

    python examples/overturn_rates.py FOLDER [--png overturn_rates.png]

A letter counts as overturned when its outcome is ``overturned`` or ``partially_overturned``;
letters whose outcome is unknown, and inputs that failed to parse, are left out. The specialty
is read from the reviewer's qualifications with the small table of patterns below. The chart
needs the ``plot`` extra (``pip install 'iroparse[plot]'``).
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import iroparse
from iroparse import Decision, Outcome
from iroparse.catalogue import CRITERIA

LETTERS = Path(__file__).parent / "letters"
OVERTURNED = {Outcome.OVERTURNED, Outcome.PARTIALLY_OVERTURNED}

# The first pattern that matches a qualification gives the specialty ("{}" is the match).
SPECIALTY_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!Subspecialty )Board\s+Certified\s+in\s+(.+)", re.I), "{}"),
    (re.compile(r"^Subspecialty\s+Board\s+Certified\s+in\s+(.+)", re.I), "{}"),
    (re.compile(r"\b(Chiropract(?:or|ic)|D\.C\.)", re.I), "Chiropractic"),
    (re.compile(r"\bBoard\s+Certified\s+(.+?)\s+(?:Surgeon|Physician)\b", re.I), "{} Surgery"),
]
# What follows the specialty's name: "..., in active practice", "... with a subspecialty in".
_TAIL = re.compile(r"\s*(?:[,;.(]|\bwith\b|\bsince\b|\band\s+(?:has|is)\b).*$", re.I)


def specialty(qualifications: Iterable[str]) -> str:
    """The reviewer's specialty: the first qualification a pattern recognises, else ``other``.

    >>> specialty(["Subspecialty Board Certified in Pain Management",
    ...            "Board Certified in Physical Medicine & Rehabilitation, since 1998"])
    'Physical Medicine and Rehabilitation'
    >>> specialty(["The reviewer is board certified in orthopedic surgery and has been in"])
    'orthopedic surgery'
    >>> specialty(["Doctor of Chiropractic"]), specialty(["Licensed in Texas"])
    ('Chiropractic', 'other')
    """
    texts = list(qualifications)
    for pattern, template in SPECIALTY_PATTERNS:
        for text in texts:
            match = pattern.search(text.strip())
            if match:
                name = _TAIL.sub("", match.group(1)) if match.groups() else ""
                found = template.format(name) if "{}" in template else template
                return " ".join(found.replace("&", "and").split())
    return "other"


Tally = dict[str, Counter[bool]]
#: The chart's definitions, printed under it.
DEFINITIONS = (
    "Overturned: the letter's outcome is overturned or partially overturned; letters whose "
    "outcome is unknown are left out. Bars: 95% Wilson intervals. Dashed line: all letters."
)


def criterion_name(code: str) -> str:
    """A short name for a criterion code: the acronym its label starts with (``ODG``), else the
    label in sentence case without its parenthesis.

    >>> criterion_name("odg"), criterion_name("medical_judgement")
    ('ODG', 'Medical judgement, clinical experience and expertise')
    """
    label = next((entry.label for entry in CRITERIA if entry.code == code), code)
    acronym = re.match(r"([A-Z]{2,6})\s*-", label)
    if acronym:
        return acronym.group(1)
    words = re.sub(r"\s*\(.*$", "", label).split(" IN ACCORDANCE")[0].replace("&", "and")
    return (words[:1].upper() + words[1:].lower()).strip()


def wilson(overturned: int, letters: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a rate of ``overturned`` in ``letters``.

    >>> [round(x, 3) for x in wilson(5, 10)]
    [0.237, 0.763]
    """
    if not letters:
        return 0.0, 1.0
    rate = overturned / letters
    centre = (rate + z * z / (2 * letters)) / (1 + z * z / letters)
    half = z * math.sqrt(rate * (1 - rate) / letters + z * z / (4 * letters**2))
    return max(0.0, centre - half / (1 + z * z / letters)), min(
        1.0, centre + half / (1 + z * z / letters)
    )


def tally(decisions: Iterable[Decision]) -> tuple[Tally, Tally]:
    """Count overturned (``True``) and upheld (``False``) letters per checked criterion and per
    specialty."""
    by_criterion: Tally = {}
    by_specialty: Tally = {}
    for decision in decisions:
        if decision.outcome is Outcome.UNKNOWN:
            continue
        overturned = decision.outcome in OVERTURNED
        for code in set(decision.checked_criteria):
            by_criterion.setdefault(code, Counter())[overturned] += 1
        name = specialty(q.text for q in decision.reviewer_qualifications)
        by_specialty.setdefault(name, Counter())[overturned] += 1
    return by_criterion, by_specialty


Row = tuple[str, int, int]  # group, letters, overturned


def rates(counts: Tally, name: Callable[[str], str] = str) -> list[Row]:
    """``(group, letters, overturned)`` rows, the highest rate first; ``name`` names a group."""
    rows = [(name(group), c.total(), c[True]) for group, c in counts.items()]
    return sorted(rows, key=lambda row: (-row[2] / row[1], -row[1], row[0]))


def print_table(title: str, rows: list[Row]) -> None:
    """Print one group's rates, with their 95% Wilson intervals, as an aligned text table."""
    width = max([len(title), *(len(group) for group, _, _ in rows)])
    print(f"{title:<{width}}  letters  overturned  95% interval")
    for group, letters, overturned in rows:
        low, high = wilson(overturned, letters)
        rate = overturned / letters
        print(f"{group:<{width}}  {letters:>7}  {rate:>10.0%}  {low:>4.0%} to {high:.0%}")
    print()


def save_chart(tables: dict[str, list[Row]], overall: tuple[int, int], path: Path) -> None:
    """One horizontal bar chart per table, side by side, with the intervals, the overall rate
    and the definitions; saved as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    letters, overturned = overall
    figure, axes = plt.subplots(1, len(tables), figsize=(13, 5), constrained_layout=True)
    for ax, (title, rows) in zip(axes, tables.items(), strict=True):
        rows = rows[::-1]  # the highest rate at the top
        values = [100 * o / n for _, n, o in rows]
        intervals = [wilson(o, n) for _, n, o in rows]
        errors = [
            [v - 100 * low for v, (low, _) in zip(values, intervals, strict=True)],
            [100 * high - v for v, (_, high) in zip(values, intervals, strict=True)],
        ]
        labels = [f"{group} (n={n})" for group, n, _ in rows]
        ax.barh(labels, values, xerr=errors, color="#4c72b0", ecolor="#333333", capsize=3)
        ax.axvline(100 * overturned / letters, color="#c44e52", linestyle="--", linewidth=1)
        ax.set_xlim(0, 100)
        ax.set_xlabel("letters overturned (%)")
        ax.set_title(f"by {title}: all letters {overturned / letters:.0%} (n={letters})")
    figure.text(0.01, -0.02, DEFINITIONS, fontsize=8, ha="left", va="top", wrap=True)
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)


def main(argv: list[str] | None = None) -> int:
    """Parse the folder, print both tables and save the chart."""
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("folder", nargs="?", type=Path, default=LETTERS, help="letters to read")
    cli.add_argument("--png", type=Path, default=Path("overturn_rates.png"), help="chart file")
    cli.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = cli.parse_args(argv)

    results = list(iroparse.parse_many([args.folder], jobs=args.jobs))
    decisions = [r.decision for r in results if r.decision is not None]
    failed = len(results) - len(decisions)
    print(f"{len(decisions)} letters parsed, {failed} failed\n")
    by_criterion, by_specialty = tally(decisions)
    known = [d for d in decisions if d.outcome is not Outcome.UNKNOWN]
    overall = (len(known), sum(d.outcome in OVERTURNED for d in known))
    print(f"all letters: {overall[1]} of {overall[0]} overturned\n")
    tables = {
        "screening criterion": rates(by_criterion, criterion_name),
        "reviewer specialty": rates(by_specialty),
    }
    for title, rows in tables.items():
        print_table(title, rows)
    save_chart(tables, overall, args.png)
    print(f"chart saved to {args.png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

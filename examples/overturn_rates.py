"""How often is a denial overturned, by screening criterion and by reviewer specialty?

    python examples/overturn_rates.py FOLDER [--png overturn_rates.png]

A letter counts as overturned when its outcome is ``overturned`` or ``partially_overturned``;
letters whose outcome is unknown, and inputs that failed to parse, are left out. The specialty
is read from the reviewer's qualifications with the small table of patterns below. The chart
needs the ``plot`` extra (``pip install 'iroparse[plot]'``).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import iroparse
from iroparse import Decision, Outcome

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


def rates(counts: Tally) -> list[tuple[str, int, float]]:
    """``(group, letters, overturn rate)`` rows, the highest rate first."""
    rows = [(group, c.total(), c[True] / c.total()) for group, c in counts.items()]
    return sorted(rows, key=lambda row: (-row[2], -row[1], row[0]))


def print_table(title: str, rows: list[tuple[str, int, float]]) -> None:
    """Print one group's rates as an aligned text table."""
    width = max([len(title), *(len(group) for group, _, _ in rows)])
    print(f"{title:<{width}}  letters  overturned")
    for group, letters, rate in rows:
        print(f"{group:<{width}}  {letters:>7}  {rate:>10.0%}")
    print()


def save_chart(tables: dict[str, list[tuple[str, int, float]]], path: Path) -> None:
    """One horizontal bar chart per table, side by side, saved as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, len(tables), figsize=(12, 4.5), constrained_layout=True)
    for ax, (title, rows) in zip(axes, tables.items(), strict=True):
        labels = [f"{group} (n={letters})" for group, letters, _ in rows][::-1]
        ax.barh(labels, [rate * 100 for _, _, rate in rows][::-1], color="#4c72b0")
        ax.set_xlim(0, 100)
        ax.set_xlabel("overturned (%)")
        ax.set_title(title)
    figure.savefig(path, dpi=120)
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
    tables = {"screening criterion": rates(by_criterion), "reviewer specialty": rates(by_specialty)}
    for title, rows in tables.items():
        print_table(title, rows)
    save_chart(tables, args.png)
    print(f"chart saved to {args.png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

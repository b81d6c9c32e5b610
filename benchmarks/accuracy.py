"""Letters entirely right on the independent variety generator (``tests/variety``).

``make accuracy`` runs it at 2,000 letters. It prints fields correct, letters entirely correct,
outcome accuracy and outcomes wrong without a diagnostic: overall, per layout and per variation
class. ``--show-failures K`` prints K failing letters with their wrong fields, ``--field F``
only those wrong on field F, ``--layout L`` / ``--class C`` only letters of that layout or class.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.variety.compose import Letter, letters  # noqa: E402
from tests.variety.research import RESEARCH_FIELDS, actual_research  # noqa: E402
from tests.variety.score import FIELDS, compare, warned  # noqa: E402

import iroparse  # noqa: E402


class Tally:
    """Counts for one group of letters."""

    def __init__(self) -> None:
        self.letters = self.right = self.fields = self.fields_right = 0
        self.outcomes_right = self.silent_wrong = 0

    def add(self, result: dict[str, tuple[bool, object]], silent: bool) -> None:
        """Count one letter's comparison."""
        self.letters += 1
        self.right += all(ok for ok, _ in result.values())
        self.fields += len(result)
        self.fields_right += sum(ok for ok, _ in result.values())
        self.outcomes_right += result["outcome"][0]
        self.silent_wrong += silent

    def row(self, name: str) -> str:
        """One line of the report."""
        n = max(self.letters, 1)
        return (
            f"| {name} | {self.letters} | {self.right / n:.1%} | "
            f"{self.fields_right / max(self.fields, 1):.2%} | {self.outcomes_right / n:.1%} | "
            f"{self.silent_wrong} |"
        )


def _parse(letter: Letter) -> dict[str, object]:
    try:
        return iroparse.to_dict(iroparse.parse(letter.text))
    except iroparse.IroParseError as error:
        return {"outcome": None, "error": str(error)}


def run(items: Iterable[Letter], show: int, field: str | None) -> tuple[Tally, dict[str, Tally]]:
    """Parse and score every letter; print up to ``show`` failures."""
    total = Tally()
    groups: dict[str, Tally] = defaultdict(Tally)
    wrong_fields: Counter[str] = Counter()
    shown = 0
    for letter in items:
        record = _parse(letter)
        result = compare(letter.expected, record)
        silent = not result["outcome"][0] and not warned(record)
        total.add(result, silent)
        groups[f"layout {letter.layout}"].add(result, silent)
        for name in letter.classes or ("(no variation)",):
            groups[f"class {name}"].add(result, silent)
        bad = [k for k, (ok, _) in result.items() if not ok]
        wrong_fields.update(bad)
        if bad and shown < show and (field is None or field in bad):
            shown += 1
            print(f"--- {letter.layout} {', '.join(letter.classes)}")
            print(letter.text)
            for key in bad:
                print(
                    f"  {key}: want {letter.expected[key]!r}\n  {' ' * len(key)}  got  "
                    f"{result[key][1]!r}"
                )
    print("\nwrong fields:", ", ".join(f"{k} {n}" for k, n in wrong_fields.most_common()))
    return total, groups


def research_report(items: list[Letter]) -> str:
    """The research fields (schema version 2) against the generator's hand-written values:
    letters with every one right, and each field's count."""
    right: Counter[str] = Counter()
    whole = 0
    for letter in items:
        got = actual_research(_parse(letter))
        ok = [name for name in RESEARCH_FIELDS if got.get(name) == letter.research[name]]
        right.update(ok)
        whole += len(ok) == len(RESEARCH_FIELDS)
    fields = ", ".join(f"{name} {right[name] / len(items):.1%}" for name in RESEARCH_FIELDS)
    return f"research fields entirely right: {whole / len(items):.1%} ({fields})"


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-failures", type=int, default=0, metavar="K")
    parser.add_argument("--field", choices=FIELDS)
    parser.add_argument("--layout")
    parser.add_argument("--class", dest="klass")
    args = parser.parse_args(argv)
    items = [
        letter
        for letter in letters(args.count, args.seed)
        if (args.layout is None or letter.layout == args.layout)
        and (args.klass is None or args.klass in letter.classes)
    ]
    total, groups = run(items, args.show_failures, args.field)
    print(f"\n{len(items)} generated letters (seed {args.seed})\n")
    print(
        "| group | letters | entirely right | fields right | outcome right | "
        "outcome wrong, no diagnostic |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    print(total.row("**all**"))
    for name in sorted(groups):
        print(groups[name].row(name))
    print(f"\n{research_report(items)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

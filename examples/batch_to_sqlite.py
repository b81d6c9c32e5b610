"""Parse a folder of letters into a SQLite database, then query it.

    python examples/batch_to_sqlite.py [FOLDER] [--db decisions.sqlite]

Re-running the script writes only the letters that are new or changed: the SQLite output is
resumable (see docs/outputs.md). The command line does the same with
``iroparse parse FOLDER --out decisions.sqlite``.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import iroparse
from iroparse.outputs import open_writer

LETTERS = Path(__file__).parent / "letters"

QUERY = """
SELECT coalesce(outcome, 'error: ' || error_code) AS outcome, count(*) AS letters
FROM decisions
GROUP BY 1
ORDER BY letters DESC, outcome
"""


def main(argv: list[str] | None = None) -> int:
    """Write every letter of the folder to the database and print the outcome counts."""
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("folder", nargs="?", type=Path, default=LETTERS, help="letters to parse")
    cli.add_argument("--db", type=Path, default=Path("decisions.sqlite"), help="the database")
    cli.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = cli.parse_args(argv)

    with open_writer(args.db) as out:
        for result in iroparse.parse_many([args.folder], jobs=args.jobs):
            if (result.source, result.sha256) not in out.done:
                out.write(result)
        print(f"{args.db}: wrote {out.written} rows ({out.failed} errors)")

    with sqlite3.connect(args.db) as db:
        print(f"{'outcome':<24} letters")
        for outcome, letters in db.execute(QUERY):
            print(f"{outcome:<24} {letters:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

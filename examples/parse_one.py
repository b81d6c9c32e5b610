"""Parse one IRO decision letter and print its JSON record.

python examples/parse_one.py [LETTER]      # default: the bundled bracket_sample.txt
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import iroparse

DEFAULT = Path(__file__).parent / "letters" / "bracket_sample.txt"


def main(argv: list[str] | None = None) -> int:
    """Print the record of the letter named on the command line."""
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("letter", nargs="?", type=Path, default=DEFAULT, help="a .txt or .pdf letter")
    args = cli.parse_args(argv)

    decision = iroparse.parse_file(args.letter)
    print(json.dumps(iroparse.to_dict(decision), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

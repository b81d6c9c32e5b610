"""Instruction counts of parsing, against one regex pass, under valgrind's callgrind.

Seconds on a shared machine move by 10% between runs of the same code; instructions do not.
``python benchmarks/instructions.py`` runs this file three times under callgrind (``parse``,
``regex`` and ``none``, the set-up alone) and prints instructions per letter for parsing 200
variety letters and for one regex pass (``benchmarks/run.py``'s baseline) over them, set-up
subtracted, and their ratio. Needs valgrind (``apt install valgrind``); about 3 minutes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LETTERS = 200
REGEX_PASSES = 10


def _work(mode: str) -> None:
    sys.path.insert(0, str(HERE))
    import run

    import iroparse

    texts = run.variety_texts(LETTERS)
    iroparse.parse(texts[0])
    if mode == "parse":
        for text in texts:
            iroparse.parse(text)
    elif mode == "regex":
        for _ in range(REGEX_PASSES):
            run.regex_pass(texts)


def _count(mode: str) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    result = subprocess.run(
        [*command, sys.executable, __file__, mode],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    """Print instructions per letter of parsing and of one regex pass, and their ratio."""
    if len(sys.argv) > 1:
        _work(sys.argv[1])
        return
    setup = _count("none")
    parse = (_count("parse") - setup) / LETTERS
    scan = (_count("regex") - setup) / (LETTERS * REGEX_PASSES)
    print(f"parse {parse / 1e6:.2f}M instructions/letter; regex pass {scan / 1e6:.3f}M")
    print(f"ratio {parse / scan:.1f}x")


if __name__ == "__main__":
    main()

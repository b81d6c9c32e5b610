"""Generate benchmark letters from the samples in ``examples/letters/`` by varying their values.

Each generated letter is a sample with its review date, case number, CPT code and a few
narrative words changed (deterministically from its number), so every letter has its own
content hash and the parser sees realistic text of realistic size.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "examples" / "letters").glob("*.txt"))

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE = re.compile(r"\b[A-Z][a-z]{2}/\d{2}/\d{4}\b|\b\d{2}/\d{2}/\d{4}\b")
_CPT = re.compile(r"\b\d{5}\b")
_WORDS = ("lumbar", "cervical", "thoracic", "bilateral", "chronic", "acute", "left", "right")
_WORD = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b")


def _sample_texts() -> list[str]:
    return [path.read_text(encoding="utf-8", errors="replace") for path in SAMPLES]


def vary(text: str, n: int) -> str:
    """``text`` with its dates, CPT codes and some narrative words changed by ``n``."""
    rng = random.Random(n)

    def date(_: re.Match[str]) -> str:
        return f"{rng.choice(_MONTHS)}/{rng.randint(1, 28):02d}/{rng.randint(2005, 2015)}"

    text = _DATE.sub(date, text)
    text = _CPT.sub(lambda _: f"{rng.randint(10000, 99999)}", text)
    text = _WORD.sub(lambda _: rng.choice(_WORDS), text)
    return text.replace("IRO CASE #:", f"IRO CASE #: {n:07d}", 1)


def texts(count: int) -> Iterator[str]:
    """``count`` generated letter texts, cycling through the samples."""
    samples = _sample_texts()
    for n in range(count):
        yield vary(samples[n % len(samples)], n)


def write(folder: Path, count: int) -> Path:
    """Write ``count`` generated letters into ``folder`` (in subfolders of 1,000) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(texts(count)):
        sub = folder / f"{n // 1000:04d}"
        if n % 1000 == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"letter_{n:07d}.txt").write_text(text, encoding="utf-8")
    return folder

"""Extraction noise: lines a PDF's text carries that are not part of the letter's content.

Noise is recognised by a table of patterns (link artefacts, page numbers) and by repetition
(a running header or footer repeats next to page boundaries). The tokenizer marks such lines
as noise, the sections leave them out of their text, and a ``noise-removed`` diagnostic
reports each one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

import regex

#: (kind, pattern) pairs matched against a stripped line; the first that matches names it.
NOISE_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("link", regex.compile(r"(?i)(?:mailto:|https?://|www\.)\S*")),
    (
        "page-number",
        regex.compile(
            r"(?i)(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|-\s*\d{1,4}\s*-"
            r"|\d{1,4}\s*(?:of|/)\s*\d{1,4}|\d{1,3}|\[\s*\d{1,4}\s*\])"
        ),
    ),
)

#: A repeated line must be at least this long to be taken for a running header or footer.
MIN_RUNNING_LINE = 8
#: How many non-blank lines away from a page boundary a running header or footer may sit.
BOUNDARY_REACH = 2


def pattern_noise(stripped: str) -> str | None:
    """The kind of noise ``stripped`` (a line without surrounding blanks) is, or ``None``."""
    for kind, pattern in NOISE_PATTERNS:
        if pattern.fullmatch(stripped):
            return kind
    return None


def running_lines(
    lines: Sequence[str], page_breaks: frozenset[int], noise: Sequence[str | None]
) -> set[int]:
    """Indices of lines that repeat next to page boundaries: running headers and footers.

    Page boundaries are the document's start and end, form feeds (``page_breaks``) and lines
    already known as page numbers. A line counts when its text occurs at least twice, each time
    within :data:`BOUNDARY_REACH` non-blank lines of a boundary with nothing but page
    furniture (page numbers, other repeated lines) between it and the boundary: a heading's
    last line that recurs near page numbers (``DECISION:``) is content, not a running header.
    """
    stripped = [line.strip() for line in lines]
    counts = Counter(s for s in stripped if len(s) >= MIN_RUNNING_LINE)
    repeated = {s for s, n in counts.items() if n >= 2}
    if not repeated:
        return set()
    content = [i for i, s in enumerate(stripped) if s]
    boundaries: list[float] = [-1.0, float(len(content))]
    breaks = sorted(page_breaks)
    next_break = 0
    cuts: set[int] = set()
    for position, i in enumerate(content):
        if noise[i] == "page-number":
            boundaries.append(float(position))
        while next_break < len(breaks) and breaks[next_break] <= i:
            boundaries.append(position - 0.5)
            cuts.add(position)
            next_break += 1
    boundaries.sort()
    found: set[int] = set()
    by_text: dict[str, list[int]] = {}
    for position, i in enumerate(content):
        if stripped[i] in repeated:
            lo = bisect_left(boundaries, position - BOUNDARY_REACH)
            hi = bisect_right(boundaries, position + BOUNDARY_REACH)
            near = any(
                _at_edge(position, b, content, stripped, noise, repeated) for b in boundaries[lo:hi]
            )
            if near:
                by_text.setdefault(stripped[i], []).append(i)
    # A running line is on (nearly) every page; a line that recurs on two pages of five is
    # content that happens to repeat.
    pages = max(len(cuts) + 1, sum(1 for kind in noise if kind == "page-number"))
    needed = max(2, pages - 1)
    for text, hits in by_text.items():
        if len(hits) >= needed and len(hits) == counts[text]:
            found.update(hits)
    return found


def _at_edge(
    position: int,
    boundary: float,
    content: Sequence[int],
    stripped: Sequence[str],
    noise: Sequence[str | None],
    repeated: set[str],
) -> bool:
    """True when only furniture lies between content ``position`` and ``boundary``."""
    low, high = sorted((float(position), boundary))
    return all(
        noise[content[k]] is not None or stripped[content[k]] in repeated
        for k in range(int(low) + 1, int(high) + (0 if high == int(high) else 1))
        if k != position
    )

"""How a letter is laid out: headings and checkbox styles, as tables of the ways IROs write them."""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.variety.content import wrap

#: Heading wordings per section kind, as IROs write them (upper case; cases vary later).
HEADINGS: dict[str, tuple[str, ...]] = {
    "review_date": (
        "DATE OF REVIEW",
        "DATE OF REVIEW",
        "REVIEW DATE",
        "DATE NOTICE SENT TO ALL PARTIES",
    ),
    "case_number": ("IRO CASE #", "IRO CASE NO.", "IRO CASE NUMBER"),
    "services_in_dispute": (
        "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE",
        "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE",
        "SERVICES IN DISPUTE",
    ),
    "reviewer_qualifications": (
        "A DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE PROVIDER WHO "
        "REVIEWED THE DECISION",
        "DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE PROVIDER WHO "
        "REVIEWED THE DECISION",
        "REVIEWER QUALIFICATIONS",
    ),
    "review_outcome": ("REVIEW OUTCOME", "REVIEW OUTCOME", "DECISION"),
    "information_provided": (
        "INFORMATION PROVIDED TO THE IRO FOR REVIEW",
        "INFORMATION PROVIDED TO THE IRO FOR REVIEW",
        "DOCUMENTS REVIEWED",
    ),
    "clinical_history": (
        "PATIENT CLINICAL HISTORY SUMMARY",
        "PATIENT CLINICAL HISTORY SUMMARY",
        "PATIENT CLINICAL HISTORY SUMMARY (INCLUDING PERTINENT HISTORY)",
    ),
    "analysis": (
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND "
        "CONCLUSIONS USED TO SUPPORT THE DECISION",
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDE CLINICAL BASIS, FINDINGS, AND "
        "CONCLUSIONS USED TO SUPPORT THE DECISION",
    ),
    "criteria": (
        "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO "
        "MAKE THE DECISION",
        "DESCRIPTION AND SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO MAKE "
        "THE DECISION",
        "SCREENING CRITERIA / CLINICAL BASIS",
    ),
}

#: Transposed-letter typos real letters carry (a heading's words -> the typo).
TYPOS = {
    "REVIEW OUTCOME": "REVEIW OUTCOME",
    "PATIENT CLINICAL HISTORY SUMMARY": "PATIENT CLINCIAL HISTORY SUMMARY",
    "INFORMATION PROVIDED TO THE IRO FOR REVIEW": "INFORMATION PROVIDED TO THE IRO FOR REIVEW",
}

_SMALL = {"OF", "THE", "OR", "AND", "FOR", "TO", "IN", "A", "WHO", "USED"}


def title_case(text: str) -> str:
    """``Analysis and Explanation of the Decision``: small words lower case."""
    out = []
    for i, word in enumerate(text.split(" ")):
        low = word.lower()
        out.append(low if i and word in _SMALL else low[:1].upper() + low[1:])
    return " ".join(out).replace("Iro", "IRO")


def sentence_case(text: str) -> str:
    """``Analysis and explanation of the decision``."""
    low = text.lower().replace("iro", "IRO")
    return low[:1].upper() + low[1:]


CASES: dict[str, Callable[[str], str]] = {
    "upper": lambda t: t,
    "title": title_case,
    "sentence": sentence_case,
}


def heading_lines(rng: random.Random, words: str, case: str, wrap_width: int | None) -> list[str]:
    """The lines of one heading, wrapped (or not) at ``wrap_width``."""
    text = CASES[case](words)
    return wrap(text, wrap_width) if wrap_width else [text]


# --- checkbox styles: (label, checked) -> one line, or lines -------------------------------------

Mark = Callable[[str, bool], list[str]]


def _pad(label: str, mark: str, column: int) -> str:
    return f"{label}{' ' * max(2, column - len(label))}{mark}"


MARK_STYLES: dict[str, Mark] = {
    "bracket": lambda label, on: [f"[ {'X' if on else ' '} ] {label}"],
    "trailing-x": lambda label, on: [_pad(label, "X" if on else "", 66).rstrip()],
    "leading-x": lambda label, on: [f"{'X' if on else ' '}   {label}".rstrip()],
    "glyph": lambda label, on: [f"{'☒' if on else '☐'} {label}"],
    "check": lambda label, on: [f"{'✓' if on else ' '} {label}".strip()],
    "paren": lambda label, on: [f"( {'X' if on else ' '} ) {label}"],
    "underscore": lambda label, on: [f"{'_X_' if on else '___'} {label}"],
    "yesno": lambda label, on: [_pad(label, "Yes" if on else "No", 70)],
    "sqrt": lambda label, on: [f"[{'√' if on else ' '}] {label}"],
    "heavy-check": lambda label, on: [f"[ {'✔' if on else ' '} ] {label}"],
    "trailing-check": lambda label, on: [_pad(label, "✓" if on else "", 66).rstrip()],
}
"""Checkbox styles that list every item with its mark."""


def marked_lines(
    rng: random.Random, style: str, label: str, on: bool, wrap_width: int
) -> list[str]:
    """One checklist item in ``style``; a long label wraps, the mark on the first line (leading
    styles) or the last (trailing styles); a trailing mark sometimes alone on the next line."""
    trailing = style in ("trailing-x", "yesno", "trailing-check")
    parts = wrap(label, wrap_width) if len(label) > wrap_width else [label]
    if trailing:
        last = MARK_STYLES[style](parts[-1], on)[0]
        lines = [*parts[:-1], last]
        if len(parts) >= 3 and rng.random() < 0.4:
            # a column of boxes level with the item's middle line
            middle = MARK_STYLES[style](parts[1], on)[0]
            return [parts[0], middle, *parts[2:]]
        if on and len(parts) > 1 and rng.random() < 0.2:
            mark = {"trailing-x": "X", "trailing-check": "✓"}.get(style, "Yes")
            lines = [*parts[:-1], parts[-1], "", _pad("", mark, 66).rstrip()]
        return lines
    first = MARK_STYLES[style](parts[0], on)[0]
    indent = " " * (len(first) - len(parts[0])) if rng.random() < 0.5 else ""
    return [first, *(indent + p for p in parts[1:])]

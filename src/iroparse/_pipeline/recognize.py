"""Stage 4b: is this text an IRO decision letter at all?

Judged on the whole letter, not on a count of headings alone: a letter with at least
:data:`MIN_STATUTORY` statutory sections is one; so is a letter with fewer (the older narrative
letters, whose sections are paragraphs with short or no headings) when its words show all three
kinds of :data:`EVIDENCE`: that it is an independent review, the statutory wording of a
medical-necessity dispute, and decision language. Anything else raises
:class:`~iroparse.errors.NotAnIroLetter` saying what was found.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse._pipeline.sections import RawSection
from iroparse.catalogue import SECTION_KINDS
from iroparse.errors import NotAnIroLetter

#: Kinds of the statutory sections.
STATUTORY = frozenset(SECTION_KINDS) - {"title", "other"}
#: A letter with this many statutory sections needs no other evidence.
MIN_STATUTORY = 2
#: Only the first characters are searched for evidence (a letter states it early and often).
EVIDENCE_WINDOW = 20_000

#: The kinds of evidence that a text with few headings is still an IRO decision letter.
EVIDENCE: dict[str, regex.Pattern[str]] = {
    "an independent review": regex.compile(
        r"(?i)\bindependent\s+review|\bIRO\b|\breview\s+organi[sz]ation"
    ),
    "the statutory wording": regex.compile(
        r"(?i)\bmedical(?:ly)?\s+necess|\badverse\s+determination|\bTexas\s+Department\s+of"
        r"\s+Insurance|\bTDI\b|\bworkers'?\s*compensation|\bDWC\b|\bTWCC\b|\butilization\s+review"
        r"|\bpre-?authori[sz]ation"
    ),
    "decision language": regex.compile(
        r"(?i)\b(?:upheld|overturned|uphold|overturn)\b|\b(?:is|are|was|were)\s+(?:not\s+)?"
        r"(?:medically\s+)?(?:necessary|indicated|reasonable)\b|\b(?:agree|disagree)s?\s+with\b"
    ),
}


def check_letter(text: str, sections: Sequence[RawSection]) -> None:
    """Raise :class:`~iroparse.errors.NotAnIroLetter` unless ``text`` (split into
    ``sections``) is an IRO decision letter (see the module docstring)."""
    kinds = {s.kind for s in sections} & STATUTORY
    if len(kinds) >= MIN_STATUTORY:
        return
    window = text[:EVIDENCE_WINDOW]
    missing = [name for name, pattern in EVIDENCE.items() if pattern.search(window) is None]
    if not missing:
        return
    found = ", ".join(sorted(kinds)) or "none"
    raise NotAnIroLetter(
        "no IRO decision letter structure: found "
        f"{len(kinds)} of the statutory section headings ({found}); expected at least "
        f"{MIN_STATUTORY} of REVIEW OUTCOME, DATE OF REVIEW, PATIENT CLINICAL HISTORY, ..., "
        f"or a narrative letter's words, but nothing names {' or '.join(missing)}"
    )

"""A screening-criteria section written as a bulleted list of the sources the reviewer used,
with no checkbox at all (``-  InterQual Behavioral Health Criteria ...`` / ``-  Peer reviewed
literature: ...`` / ``-  The reviewer's clinical judgment and experience``). Each bullet is a
source used, checked: the catalogue's code when it names an entry, ``other`` when it names
another source (``* NIH Consensus Development Conference Statement ...``). Most of the bullets
must name catalogue entries: a bibliography under a sentence (``the reviewer relied on the
following sources:`` / ``- National Comprehensive Cancer Network. ...`` / ``- Pan HY, ...``)
names other sources, and stays prose with no criteria, as the golden letters read it.

A paragraph naming the sources in a sentence, parted by semicolons (``Official Disability
Guidelines, ... chapter; ACOEM Practice Guidelines, ...; clinical judgment and experience of
the reviewer.``), stays prose and lists no criteria too: so readers who never saw the parser
read 22 such paragraphs in the golden letters (two newer readers listed them; the older
convention stands, the record does not change its meaning between letters).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from iroparse._fields.lists import MARKER
from iroparse._pipeline.checklist_items import ChecklistItem
from iroparse._pipeline.tokens import Token
from iroparse.catalogue import ChecklistEntry

__all__ = ["bulleted_sources"]

#: The code of a source the catalogue does not name.
OTHER = "other"


def bulleted_sources(
    lines: Sequence[Token], identify: Callable[[str], ChecklistEntry | None]
) -> list[ChecklistItem] | None:
    """The sources ``lines`` (a criteria section's text lines) list behind bullets, each
    checked, its code from ``identify``; ``None`` when no line has a bullet or when fewer
    than most bullets name a catalogue entry. A bullet's item goes on over the lines right
    under it; lines before the first bullet (a lead-in) and after a blank line past the last
    are no source."""
    entries: list[list[Token]] = []
    skips: list[int] = []  # where each entry's bullet ends on its first line
    for token in lines:
        bullet = MARKER.match(token.text)
        if bullet is not None and token.text[bullet.end() :].strip():
            entries.append([token])
            skips.append(bullet.end())
        elif entries and token.line == entries[-1][-1].line + 1:
            entries[-1].append(token)
    texts = [_text(entry, skip) for entry, skip in zip(entries, skips, strict=True)]
    known = [_named(text, identify) for text in texts]
    if not entries or 2 * sum(entry is not None for entry in known) <= len(entries):
        return None
    return [
        ChecklistItem(
            label=text,
            checked=True,
            explicit=False,
            code=found.code if found is not None else OTHER,
            description=None,
            start=entry[0].start + skip,
            end=entry[-1].end,
            line=entry[0].line,
            marks=0,
        )
        for entry, skip, text, found in zip(entries, skips, texts, known, strict=True)
    ]


#: A bullet naming the reviewer's experience as the source (``The reviewer's clinical
#: experience and expertise in bariatric surgery``): the medical-judgement criterion, whose
#: label names it, in a list of sources (in a sentence, the words are prose).
_EXPERIENCE = regex.compile(
    r"(?i)(?:the\s+)?(?:reviewer['’]s\s+)?(?:own\s+)?clinical\s+experience\b"
)
#: The catalogue's wording of that criterion, to look its entry up by.
_JUDGEMENT = "MEDICAL JUDGEMENT"


def _named(text: str, identify: Callable[[str], ChecklistEntry | None]) -> ChecklistEntry | None:
    """The catalogue entry a bullet's ``text`` names (see :data:`_EXPERIENCE`), or ``None``."""
    return identify(text) or (identify(_JUDGEMENT) if _EXPERIENCE.match(text) else None)


def _text(entry: Sequence[Token], skip: int) -> str:
    """An entry's words, its bullet (``skip`` characters of its first line) left out, its
    lines joined by a blank."""
    first, *rest = entry
    return " ".join([first.text[skip:].strip(), *(t.text.strip() for t in rest)])

"""A screening-criteria section written as a bulleted list of the sources the reviewer used,
with no checkbox at all (``-  InterQual Behavioral Health Criteria ...`` / ``-  Peer reviewed
literature: ...`` / ``-  The reviewer's clinical judgment and experience``). Each bullet is a
source used, checked: the catalogue's code when it names an entry, ``other`` when it names
another source (``* NIH Consensus Development Conference Statement ...``). Most of the bullets
must name catalogue entries: a bibliography under a sentence (``the reviewer relied on the
following sources:`` / ``- National Comprehensive Cancer Network. ...`` / ``- Pan HY, ...``)
names other sources, and stays prose with no criteria, as the golden letters read it.

A bullet or line that cites one journal article alone (``Schonstein E, Kenny DT, ... Cochrane
Database Syst Rev 2003;(1):CD001822.``) is the peer-reviewed literature, and one naming the
reviewer's experience is medical judgement (:func:`named_source`); an article does not count
toward the bullets that must name catalogue entries, so a bibliography stays prose.

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

__all__ = ["OTHER", "bulleted_sources", "named_source"]

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
    # (an article cited alone counts as no catalogue entry here: a bibliography of articles
    # under a sentence stays prose)
    named = [named_source(text, identify, articles=False) for text in texts]
    if not entries or 2 * sum(entry is not None for entry in named) <= len(entries):
        return None
    known = [
        found if found is not None else _article(text, identify)
        for found, text in zip(named, texts, strict=True)
    ]
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
#: A journal article cited alone as a source (``Schnur PL, Hoehn JG, et al. Reduction
#: mammaplasty ... Ann Plast Surg 1991;27:232-237``): authors by surname and initials, then a
#: year and a volume, or ``et al.``: the peer-reviewed literature the reviewer relied on.
_CITATION = regex.compile(
    r"\p{Lu}[\p{L}'’-]+,?\s+\p{Lu}{1,3}[,.]\s.{0,400}?(?:\b(?:19|20)\d\d\s*;\s*\(?\d|\bet\s+al\.)"
)
#: The catalogue's wording of that criterion.
_LITERATURE = "PEER REVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE"


def named_source(
    text: str, identify: Callable[[str], ChecklistEntry | None], articles: bool = True
) -> ChecklistEntry | None:
    """The catalogue entry a listed source's ``text`` names: by its words, or the reviewer's
    experience (:data:`_EXPERIENCE`) as medical judgement, or (``articles``) a journal article
    cited alone (:data:`_CITATION`) as the peer-reviewed literature; ``None`` for another
    source."""
    found = identify(text)
    if found is None and _EXPERIENCE.match(text):
        found = identify(_JUDGEMENT)
    if found is None and articles:
        found = _article(text, identify)
    return found


def _article(text: str, identify: Callable[[str], ChecklistEntry | None]) -> ChecklistEntry | None:
    """The peer-reviewed literature's entry when ``text`` cites a journal article alone
    (:data:`_CITATION`), else ``None``."""
    return identify(_LITERATURE) if _CITATION.match(text) else None


def _text(entry: Sequence[Token], skip: int) -> str:
    """An entry's words, its bullet (``skip`` characters of its first line) left out, its
    lines joined by a blank."""
    first, *rest = entry
    return " ".join([first.text[skip:].strip(), *(t.text.strip() for t in rest)])

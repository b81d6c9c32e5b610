"""A screening-criteria section written as a bulleted list of the sources the reviewer used,
with no checkbox at all (``-  InterQual Behavioral Health Criteria ...`` / ``-  Peer reviewed
literature: ...``), every bullet naming a source of the catalogue. The checklist reader reads
it once its lines are without their bullets; each source it names is then checked (see
:func:`iroparse._fields.readers.criteria`). A bibliography under a sentence (``the reviewer
relied on the following sources:`` / ``- National Comprehensive Cancer Network. ...``) names
other sources and stays prose, as the golden letters read it.

A paragraph naming the sources in a sentence, parted by semicolons (``Official Disability
Guidelines, ... chapter; ACOEM Practice Guidelines, ...; clinical judgment and experience of
the reviewer.``), stays prose and lists no criteria: so readers who never saw the parser read
22 such paragraphs in the golden letters (two newer readers listed them; the older convention
stands, the record does not change its meaning between letters).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import evolve

from iroparse._fields.lists import MARKER
from iroparse._pipeline.tokens import Token

__all__ = ["without_bullets"]


def without_bullets(
    lines: Sequence[Token], names_source: Callable[[str], bool]
) -> tuple[list[Token], bool]:
    """``lines`` with their bullets left out (each line's offsets and column moved past its
    bullet), and whether some line had one and each such line names a source
    (``names_source``): then the section is a list of sources, not prose citing some."""
    out: list[Token] = []
    bulleted: list[str] = []
    for token in lines:
        bullet = MARKER.match(token.text)
        if bullet is None:
            out.append(token)
            continue
        skip = bullet.end()
        bulleted.append(token.text[skip:])
        out.append(
            evolve(
                token,
                text=token.text[skip:],
                start=token.start + skip,
                column=token.column + skip,
            )
        )
    return out, bool(bulleted) and all(names_source(text) for text in bulleted)

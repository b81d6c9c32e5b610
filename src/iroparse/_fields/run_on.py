"""Records lists written as run-on paragraphs: one paragraph of records parted by
semicolons (``notice of IRO assignment dated ...; utilization review denial ...; ...``), or
lines numbering their records inside them (``(1) Notice ... (2) Carrier denials ...``). Each
part is a record, read from the list's entries (:mod:`iroparse._fields.lists`)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from iroparse._fields.lists import ListEntry

__all__ = ["run_on_parts"]

#: A records list written as one paragraph of records parted by semicolons (``notice of IRO
#: assignment dated ...; utilization review denial ...; ...``) has at least this many parts;
#: two records joined by one semicolon on a list's line are one item, as letters list them.
RUN_ON_PARTS = 3
#: ... and ends in no full stop. A paragraph that ends in one is a sentence, written as prose
#: (``The reviewer received the member's request ...; the health plan's denial ...; and an
#: MRI of the brain dated 12/02/2009.``): one entry, as a prose paragraph of qualifications
#: is. A bare run of records (``TWCC-60 request ...; carrier denial dated 05/02/03; ...``)
#: ends in none. (Decided on letters written by readers who never saw the parser: seven
#: paragraphs with a full stop were expected whole, two without one were expected split.)
_SENTENCE_END = "."


#: A record's number inside a run-on line: `` (2) `` (the list's next number, in parentheses).
_INLINE_NUMBER = regex.compile(r"(?<=\S\s+)\((\d{1,2})\)\s+(?=\S)")
#: An entry holding at least this many of them, counting on, is that many records more.
RUN_ON_NUMBERS = 2


def run_on_parts(entries: Sequence[ListEntry]) -> list[tuple[str, ListEntry]] | None:
    """The records of a list written as run-on paragraphs, each with the entry it came from:
    one paragraph parted by semicolons, or entries numbering records inside their lines
    (``(1) Notice ... (2) Carrier denials ...``); ``None`` when the list is no such
    paragraph."""
    if len(entries) == 1:
        parts = [part.strip() for part in entries[0].text.split(";")]
        sentence = entries[0].text.rstrip().endswith(_SENTENCE_END)
        if len(parts) >= RUN_ON_PARTS and all(parts) and not sentence:
            return [(part, entries[0]) for part in parts]
    found: list[tuple[str, ListEntry]] = []
    for entry in entries:
        numbers = list(_INLINE_NUMBER.finditer(entry.text))
        counted = [int(m.group(1)) for m in numbers]
        if len(numbers) < RUN_ON_NUMBERS or counted != list(
            range(counted[0], counted[0] + len(counted))
        ):
            found.append((entry.text, entry))
            continue
        cuts = [0, *(m.start() for m in numbers), len(entry.text)]
        starts = [0, *(m.end() for m in numbers)]
        found += [
            (entry.text[start:end].strip(), entry)
            for start, end in zip(starts, cuts[1:], strict=True)
        ]
    return found if len(found) > len(entries) else None

"""Find the vocabulary's specialties in a text (the table is
:data:`iroparse.tables.specialties.SPECIALTIES`, plus what plugins register)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from iroparse.tables.specialties import SPECIALTIES, SpecialtyEntry

__all__ = ["DEFAULT_SPECIALTIES", "SpecialtyMatcher"]


class SpecialtyMatcher:
    """Finds the vocabulary's specialties in a text; where matches overlap, the longest wins."""

    def __init__(self, entries: Iterable[SpecialtyEntry] = SPECIALTIES):
        self.entries = tuple(entries)
        # one pass: POSIX matching (``(?p)``) takes the leftmost, then longest, alternative,
        # so ``Physical Medicine and Rehabilitation`` wins over ``Physical Medicine``
        alternatives = "|".join(f"(?P<s{i}>{e.pattern})" for i, e in enumerate(self.entries))
        self._pattern = regex.compile(rf"(?ip)(?<![\w&])(?:{alternatives})(?![\w&])")

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """``(name, start, end)`` of every specialty named in ``text``, in text order."""
        return [
            (self.entries[int(m.lastgroup[1:])].name, m.start(), m.end())
            for m in self._pattern.finditer(text)
            if m.lastgroup is not None
        ]


DEFAULT_SPECIALTIES = SpecialtyMatcher()
"""The matcher of the built-in vocabulary."""

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
        self._patterns = tuple(
            (e.name, regex.compile(rf"(?i)(?<![\w&])(?:{e.pattern})(?![\w&])"))
            for e in self.entries
        )

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """``(name, start, end)`` of every specialty named in ``text``, in text order."""
        hits = [
            (m.start(), m.end(), name)
            for name, pattern in self._patterns
            for m in pattern.finditer(text)
        ]
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))  # longest first
        kept: list[tuple[int, int, str]] = []
        for start, end, name in hits:
            if all(end <= s or start >= e for s, e, _ in kept):
                kept.append((start, end, name))
        return [(name, start, end) for start, end, name in sorted(kept)]


DEFAULT_SPECIALTIES = SpecialtyMatcher()
"""The matcher of the built-in vocabulary."""

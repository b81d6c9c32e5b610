"""Short ``repr`` texts for the long values of a :class:`~iroparse.model.Decision`: a
letter's ``repr`` fits a screen, not 10,000 characters (the values themselves stay whole)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["abridged", "checked", "codes", "reviewer", "texts"]


def abridged(text: str | None, limit: int = 60) -> str:
    """``repr`` of a text cut to ``limit`` characters."""
    if text is None or len(text) <= limit:
        return repr(text)
    return repr(text[: limit - 3] + "...")


def texts(items: Iterable[Any]) -> str:
    """The items' texts (services, list items), abridged."""
    return "(" + ", ".join(abridged(item.text, 40) for item in items) + ")"


def checked(criteria: Iterable[Any]) -> str:
    """How many criteria, and the codes of the checked ones."""
    criteria = tuple(criteria)
    marked = ", ".join(c.code for c in criteria if c.checked)
    return f"<{len(criteria)} criteria; checked: {marked or 'none'}>"


def codes(diagnostics: Iterable[Any]) -> str:
    """The diagnostics' codes."""
    return "<" + (", ".join(d.code for d in diagnostics) or "no diagnostics") + ">"


def reviewer(value: Any) -> str:
    """A reviewer's specialties, certification and years, in one short line."""
    names = ", ".join(s.name for s in value.specialties) or "no specialty"
    return f"<{names}; board certified: {value.board_certified}; years: {value.years_in_practice}>"

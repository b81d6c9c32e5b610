"""A service's values beyond its text: its codes with their systems, its units, its category.

- codes: :func:`iroparse._fields.codes.coded` (procedures and diagnoses);
- units: the first of :data:`UNITS` in the text (``x 12``, ``#60``, ``10 sessions``,
  ``three times a week for four weeks`` gives 12);
- category: the first procedure code's range (:mod:`iroparse.tables.categories`), else the
  earliest words of :data:`~iroparse.tables.categories.CATEGORY_WORDS` in the text.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from attrs import frozen

from iroparse import diagnostics as diag
from iroparse._fields.codes import coded
from iroparse._fields.reviewer import number_value
from iroparse.model import Diagnostic, Service
from iroparse.tables.categories import CATEGORY_WORDS, category_of_code
from iroparse.tables.wording import NUMBER

__all__ = ["UNITS", "ServiceValues", "code_category", "service_values", "unknown_categories"]

_N = rf"(?P<a>{NUMBER})"
_M = rf"(?P<b>{NUMBER})"
#: How letters write a service's units, most specific first: a product of a frequency and a
#: duration (``3 times a week for 4 weeks``, ``3x4``) or one count.
UNITS: tuple[regex.Pattern[str], ...] = (
    regex.compile(
        rf"(?i)\b{_N}\s*(?:x|times)\s*(?:a|per|/)?\s*(?:week|wk)\s*(?:x|for|times)\s*{_M}"
        r"\s*(?:weeks?|wks?)\b"
    ),
    regex.compile(r"(?i)\b(?P<a>\d{1,2})\s*[x×]\s*(?P<b>\d{1,2})\b(?!\s*(?:cm|mm|in\b|inch))"),
    regex.compile(
        rf"(?i)\b{_N}\s+(?:(?!mg\b|ml\b|mcg\b)[a-z]{{2,}}\s+){{0,2}}"
        r"(?:units?|visits?|sessions?|treatments?|injections?|tablets?|tabs|capsules?"
        r"|caps|pills|patches)\b"
    ),
    regex.compile(r"(?i)[x×]\s*(?P<a>\d{1,3})\b"),
    regex.compile(r"(?<![\w#])#\s?(?P<a>\d{1,3})\b(?!\d)"),
    regex.compile(r"(?i)\b(?:quantity|qty)\.?\s*:?\s*(?P<a>\d{1,4})\b"),
)
_WORDING = tuple(
    (category, regex.compile(rf"(?i)(?<![\w-])(?:{pattern})(?![\w-])"))
    for category, pattern in CATEGORY_WORDS
)


@frozen
class ServiceValues:
    """What a service's text gives: codes ``(code, system, start, end)``, units and category
    with the offsets (in the text) they were read from."""

    codes: tuple[tuple[str, str, int, int], ...] = ()
    units: int | None = None
    units_at: tuple[int, int] | None = None
    category: str | None = None
    category_at: tuple[int, int] | None = None


def _units(text: str) -> tuple[int | None, tuple[int, int] | None]:
    for pattern in UNITS:
        found = pattern.search(text)
        if found is None:
            continue
        value = number_value(found.group("a"))
        if "b" in pattern.groupindex and found.group("b"):
            value *= number_value(found.group("b"))
        return value, (found.start(), found.end())
    return None, None


def code_category(
    codes: Iterable[tuple[str, str, int, int]],
) -> tuple[str, tuple[int, int]] | None:
    """The category of the first of ``codes`` ``(code, system, start, end)`` whose range has
    one, and that code's offsets; ``None`` when none has."""
    for code, system, start, end in codes:
        category = category_of_code(code, system)
        if category is not None:
            return category, (start, end)
    return None


def _category(
    text: str, codes: tuple[tuple[str, str, int, int], ...]
) -> tuple[str | None, tuple[int, int] | None]:
    by_code = code_category(codes)
    if by_code is not None:
        return by_code
    best: tuple[int, int, str] | None = None
    for category, pattern in _WORDING:
        found = pattern.search(text)
        if found is not None and (best is None or found.start() < best[0]):
            best = (found.start(), found.end(), category)
    return (best[2], (best[0], best[1])) if best else (None, None)


def service_values(text: str) -> ServiceValues:
    """The codes, units and category of one service's text.

    >>> v = service_values("Physical therapy three times a week for four weeks (CPT 97110)")
    >>> [c[:2] for c in v.codes], v.units, v.category
    ([('97110', 'CPT')], 12, 'physical_medicine')
    """
    codes = tuple(coded(text))
    units, units_at = _units(text)
    category, category_at = _category(text, codes)
    return ServiceValues(codes, units, units_at, category, category_at)


def unknown_categories(services: Iterable[Service]) -> list[Diagnostic]:
    """A ``service-category-unknown`` diagnostic for each service without a category."""
    return [
        diag.make(
            "service-category-unknown",
            f"no code or category words in the service {service.text[:60]!r}",
        )
        for service in services
        if service.category is None
    ]

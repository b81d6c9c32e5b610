"""iroparse: turn Texas IRO decision letters into typed data.

>>> import iroparse
>>> [layout.name for layout in iroparse.layouts()][:3]
['bracket', 'trailing-x', 'leading-x']

The public API is this module's ``__all__``; nothing else is promised.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from iroparse import hookspecs as _hookspecs
from iroparse.convert import SCHEMA_VERSION, from_dict, to_dict
from iroparse.errors import (
    InputError,
    IroParseError,
    NotAnIroLetter,
    PdfError,
    StrictModeError,
)
from iroparse.layout import Layout, Mark, RegexLayout
from iroparse.model import (
    Criterion,
    Decision,
    Diagnostic,
    LayoutCandidate,
    ListItem,
    Outcome,
    ParseResult,
    Patient,
    Section,
    Service,
    Severity,
    Span,
)

if TYPE_CHECKING:
    pass

__version__ = "0.1.0"

hookimpl = _hookspecs.hookimpl
"""Decorate a plugin's hook functions with this marker (the hooks are in
:mod:`iroparse.hookspecs`); the same object as ``iroparse.hookspecs.hookimpl``."""

__all__ = [
    "SCHEMA_VERSION",
    "Criterion",
    "Decision",
    "Diagnostic",
    "InputError",
    "IroParseError",
    "Layout",
    "LayoutCandidate",
    "ListItem",
    "Mark",
    "NotAnIroLetter",
    "Outcome",
    "ParseResult",
    "Patient",
    "PdfError",
    "RegexLayout",
    "Section",
    "Service",
    "Severity",
    "Span",
    "StrictModeError",
    "__version__",
    "detect_layout",
    "from_dict",
    "hookimpl",
    "layouts",
    "parse",
    "parse_file",
    "parse_many",
    "to_dict",
]


def parse(
    text: str | bytes,
    *,
    strict: bool = False,
    source: str | None = None,
    layout: str | None = None,
) -> Decision:
    """Parse the text of one IRO decision letter into a :class:`Decision`.

    ``text`` may be ``bytes`` (decoded as UTF-8, else Windows-1252; spans then index the
    decoded text). ``layout`` forces a layout by name instead of detecting it; ``source`` is
    recorded in the decision. Doubts become :attr:`Decision.diagnostics`; with
    ``strict=True`` an error-level diagnostic, or a contract field guessed or missing (the
    outcome read from the narrative, no layout recognised; see
    :func:`iroparse.diagnostics.is_strict_failure`), raises :class:`StrictModeError` instead.

    Raises :class:`NotAnIroLetter` for empty, binary or unrelated input.

    >>> d = parse(open("examples/letters/bracket_sample.txt").read())
    >>> d.outcome, d.review_date.isoformat(), d.checked_criteria
    (<Outcome.UPHELD: 'upheld'>, '2009-08-10', ('medical_judgement', 'odg'))
    """
    from iroparse.parser import default_parser

    return default_parser().parse(text, strict=strict, source=source, layout=layout)


def parse_file(
    path: str | os.PathLike[str], *, strict: bool = False, layout: str | None = None
) -> Decision:
    """Parse one letter file: ``.txt`` (or any text), or ``.pdf`` with the ``pdf`` extra.

    Raises :class:`InputError` when the file cannot be read, :class:`PdfError` subclasses for
    unreadable PDFs, and :class:`NotAnIroLetter` as :func:`parse` does.
    """
    from iroparse._io.files import read_letter

    data = read_letter(Path(path))
    return parse(data, strict=strict, source=str(path), layout=layout)


def parse_many(
    paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1, strict: bool = False
) -> Iterator[ParseResult]:
    """Parse many files, yielding one :class:`ParseResult` per input, errors included.

    Folders are searched for ``*.txt`` and ``*.pdf``. With ``jobs > 1`` a process pool does the
    work; results stream in input order and memory does not grow with the number of files.
    """
    from iroparse.batch import parse_many as run

    return run(paths, jobs=jobs, strict=strict)


def detect_layout(text: str | bytes) -> list[LayoutCandidate]:
    """Rank every registered layout by its fit to the letter, best first.

    >>> detect_layout(open("examples/letters/trailing-x_sample.txt").read())[0].name
    'trailing-x'
    """
    from iroparse.parser import default_parser

    return default_parser().detect(text)


def layouts() -> list[Layout]:
    """The registered layouts, built-in first, then those of installed plugins."""
    from iroparse.plugins import registry

    return list(registry().layouts.values())

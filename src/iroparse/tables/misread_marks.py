"""How a scan misreads a checkbox: the one vocabulary every reader of misread marks builds on.

Text recognition reads a drawn box's sides as letters, digits or bars, its cross as ``Z``
(``☒`` comes out as ``IZI``), and an empty box as a round letter (``D``, ``0``, ``O``, ``o``).
These fragments are bodies of regular-expression character classes (or, for
:data:`UNDERSCORE_BOX`, a whole pattern); the checklist's catalogue
(:data:`iroparse.catalogue.LEADING_MARK`), the sidebar's second-column test
(:mod:`iroparse._pipeline.sidebar`) and the mark rewriter (:mod:`iroparse._pipeline.column_marks`)
compose their patterns from them, each adding what its own context allows (a rewriter that
sees a whole checklist may accept a bottom corner read as ``J``; a test on one line may not).
"""

from __future__ import annotations

__all__ = [
    "BOX_CROSS",
    "BOX_LEFT",
    "BOX_RIGHT",
    "EMPTY_BOX_LETTERS",
    "MISREAD_SIDE",
    "UNDERSCORE_BOX",
]

#: A box's side read as a letter, a digit or a bar: ``I``, ``l``, ``1``, ``|``.
MISREAD_SIDE = "Il1|"
#: A box's left side as a scan gives it: its bracket or a misread side.
BOX_LEFT = r"\[" + MISREAD_SIDE
#: A box's right side as a scan gives it: its bracket or a misread side.
BOX_RIGHT = r"\]" + MISREAD_SIDE
#: The cross inside a checked box as a scan gives it: ``X``, ``x``, or ``Z`` (``IZI``).
BOX_CROSS = "XxZ"
#: An empty box read as a round letter or digit: ``D``, ``0``, ``O``, ``o``.
EMPTY_BOX_LETTERS = "D0Oo"
#: A box drawn with underscores, checked or not: ``___``, ``_X_``, ``__``.
UNDERSCORE_BOX = r"_{1,3}[Xx]?_{1,3}"

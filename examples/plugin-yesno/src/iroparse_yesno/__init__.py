"""A ``Yes``/``No``-columns layout for iroparse: every checklist item is answered with ``Yes``
(checked) or ``No`` (unchecked) after its label."""

from __future__ import annotations

from collections.abc import Callable

import regex

from iroparse.hookspecs import hookimpl
from iroparse.layout import Layout, RegexLayout

__all__ = ["YesNoLayout", "iroparse_register_layouts"]

#: Column where the answers are printed.
ANSWER_COLUMN = 56


class YesNoLayout(RegexLayout):
    """``Upheld (Agree)          Yes`` / ``Overturned (Disagree)     No``."""

    name = "yesno"
    description = "Yes or No in a column after every item's label."
    position = "after"
    pattern = regex.compile(r"^\s*(?P<label>.*?)(?:(?<=\S)\s+|^\s*)(?P<mark>(?i:yes|no))\s*$")
    checked_marks = frozenset({"YES"})

    def format_item(self, label: str, checked: bool) -> str:
        """The label, padded to the answer column, then ``Yes`` or ``No``."""
        answer = "Yes" if checked else "No"
        return f"{label.ljust(ANSWER_COLUMN - 1)} {answer}"


@hookimpl
def iroparse_register_layouts(register: Callable[[Layout], None]) -> None:
    """Register the layout with iroparse."""
    register(YesNoLayout())

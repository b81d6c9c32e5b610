"""A dot-leader layout for iroparse: every checklist item is answered ``[Y]`` (checked) or
``[N]`` (unchecked) at the end of a dot leader after its label::

    Upheld (Agree) ..............................................[N]
    Overturned (Disagree) .......................................[Y]

No built-in layout reads these marks. The entry point ``dotleader`` (``pyproject.toml``)
points at this module, whose hook registers :data:`LAYOUT`.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from iroparse import Layout, RegexLayout, hookimpl

__all__ = ["LAYOUT", "DotLeaderLayout", "iroparse_register_layouts"]

#: Column where the leaders end and the answers begin.
ANSWER_COLUMN = 64


class DotLeaderLayout(RegexLayout):
    """``Upheld (Agree) ..........[Y]`` / ``Overturned (Disagree) .....[N]``."""

    name = "dot-leader"
    description = "A dot leader after every item's label, ending in [Y] or [N]."
    position = "after"
    # the label ends before the leader: it is empty or ends in a character that is neither
    # a space nor a dot, so that a long run of dots is walked once, not once per position
    pattern = regex.compile(
        r"^(?>\s*)(?P<label>(?:.*?[^\s.])?)(?>[\s.]*)(?P<mark>\[\s*[YyNn]\s*\])\s*$"
    )
    checked_marks = frozenset({"Y"})
    # what iroparse needs to know of the marks: a line carrying one ends in [Y] or [N], and
    # contains a "[" (a letter without one is not scored at all)
    mark_shape = r"\[\s*[YyNn]\s*\]\s*$"
    mark_chars = "["

    def format_item(self, label: str, checked: bool) -> str:
        """The label, a dot leader to :data:`ANSWER_COLUMN`, then ``[Y]`` or ``[N]``. The
        leader and the answer are one word, so a wrapped line never separates them."""
        leader = "." * max(3, ANSWER_COLUMN - len(label) - 1)
        return f"{label} {leader}[{'Y' if checked else 'N'}]"


#: The instance the plugin registers (a plugin's tests pass this one to ``check_layout``).
LAYOUT = DotLeaderLayout()


@hookimpl
def iroparse_register_layouts(register: Callable[[Layout], None]) -> None:
    """Register the layout with iroparse."""
    register(LAYOUT)

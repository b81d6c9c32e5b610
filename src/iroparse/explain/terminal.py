"""The explanation on a terminal, drawn by rich: one row per line of the letter.

Each row is the section's kind in the margin (on the section's first line; a bar below it),
the line with its values highlighted, and the names of those values after it. A checked
checklist item is green, an unchecked one dim; a line dropped as page furniture is struck
through with ``noise`` in the margin; a diagnostic is printed under its line, and the ones
about the whole letter at the end. Piped, the same comes out as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iroparse.explain import CONTINUES, Explanation, Highlight
from iroparse.model import Diagnostic

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = ["print_explanation"]

#: Width of the margin that names each line's section.
MARGIN = 24
_SEVERITY_STYLE = {"info": "cyan", "warning": "yellow", "error": "bold red"}


def _margin_style(margin: str) -> str:
    return {"noise": "magenta", CONTINUES: "blue", "": ""}.get(margin, "bold blue")


def _style(highlight: Highlight) -> str:
    if highlight.checked is True:
        return "bold black on green"
    if highlight.checked is False:
        return "dim"
    return "bold black on yellow"


def _label(highlight: Highlight) -> str:
    if highlight.checked is None:
        return highlight.field
    return f"{highlight.field} {'checked' if highlight.checked else 'unchecked'}"


def _diagnostic(diagnostic: Diagnostic) -> Text:
    from rich.text import Text

    severity = diagnostic.severity.value
    return Text.assemble(
        (" " * MARGIN + "  ^ ", "dim"),
        (f"{severity} {diagnostic.code}: ", _SEVERITY_STYLE.get(severity, "")),
        diagnostic.message,
    )


def print_explanation(explanation: Explanation, console: Console) -> None:
    """Print ``explanation`` on ``console``."""
    from rich.text import Text

    decision = explanation.decision
    console.print(
        Text.assemble(
            ("layout ", "dim"),
            (decision.layout, "bold"),
            ("   outcome ", "dim"),
            (decision.outcome.value, "bold"),
            ("   values ", "dim"),
            (str(len(explanation.highlights)), "bold"),
            ("   diagnostics ", "dim"),
            (str(len(decision.diagnostics)), "bold"),
        )
    )
    for row in explanation.rows():
        note = row.note
        margin = Text(row.margin[: MARGIN - 1].ljust(MARGIN), style=_margin_style(row.margin))
        line = Text(note.text, style="strike dim" if note.noise else "")
        for highlight, first, last in row.marks:
            line.stylize(_style(highlight), first, last)
        # each value is named once, on the line where it starts
        labels = Text.assemble(
            *(
                (f"  <- {_label(h)}", "green" if h.checked else "dim")
                for h, _, _ in row.marks
                if h.start >= note.start
            )
        )
        console.print(Text.assemble(margin, line, labels), soft_wrap=True)
        for diagnostic in note.diagnostics:
            console.print(_diagnostic(diagnostic), soft_wrap=True)
    if explanation.letter_wide:
        console.print(Text("about the whole letter:", style="bold"))
        for diagnostic in explanation.letter_wide:
            console.print(_diagnostic(diagnostic), soft_wrap=True)

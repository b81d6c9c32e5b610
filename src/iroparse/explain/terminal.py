"""The explanation on a terminal, drawn by rich: one row per line of the letter.

Each row is the section's kind in the margin (on the section's first line; a bar below it),
the line with its values highlighted, and the names of those values after it. A checked
checklist item is green, an unchecked one dim; a line dropped as page furniture is struck
through with ``noise`` in the margin; a diagnostic is printed under its line, and the ones
about the whole letter at the end. Piped, the same comes out as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iroparse.explain import Explanation, Highlight, in_line
from iroparse.model import Diagnostic

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = ["print_explanation"]

#: Width of the margin that names each line's section.
MARGIN = 24
_SEVERITY_STYLE = {"info": "cyan", "warning": "yellow", "error": "bold red"}


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
    previous: str | None = None
    blank = False
    for note in explanation.lines:
        if not note.text.strip() and not note.diagnostics:
            if blank:
                continue  # one blank line stands for a run of them
            blank = True
        else:
            blank = False
        if note.noise:
            margin = Text("noise".ljust(MARGIN), style="magenta")
        elif note.section is None:
            margin = Text(" " * MARGIN)
        elif note.section != previous:
            margin = Text(note.section[: MARGIN - 1].ljust(MARGIN), style="bold blue")
        else:
            margin = Text("|".ljust(MARGIN), style="blue")
        if note.section is not None and not note.noise:
            previous = note.section
        line = Text(note.text, style="strike dim" if note.noise else "")
        end = note.start + len(note.text)
        found = in_line(explanation.highlights, note.start, end)
        for highlight in found:
            line.stylize(
                _style(highlight),
                max(0, highlight.start - note.start),
                min(len(note.text), highlight.end - note.start),
            )
        # each value is named once, on the line where it starts
        labels = Text.assemble(
            *(
                (f"  <- {_label(h)}", "green" if h.checked else "dim")
                for h in found
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

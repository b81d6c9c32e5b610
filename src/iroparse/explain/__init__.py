"""``iroparse explain``: the letter itself, annotated with what the parser read from it.

When a value looks wrong, the quickest answer is the letter with the parse laid over it: each
line's section in the margin, each value highlighted where its span says (with its field
name), the checklist marks read as checked or not, the page furniture that was dropped, and
every diagnostic at its line. :func:`explain` gathers that as data (:class:`Explanation`);
:mod:`.terminal` draws it on a terminal and :mod:`.page` as one self-contained HTML page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from attrs import frozen

from iroparse.model import Decision, Diagnostic, Span

__all__ = ["Explanation", "Highlight", "LineNote", "Row", "explain"]

#: Diagnostic codes that mark a line dropped as page furniture.
NOISE_CODES = frozenset({"noise-removed", "noise-by-position"})


@frozen
class Highlight:
    """One value read from the letter: where, which field (a record path such as
    ``services[0]`` or ``criteria.odg``), and for a checklist item whether it is checked."""

    start: int
    end: int
    field: str
    checked: bool | None = None


@frozen
class LineNote:
    """One line of the letter: its text and offset, the section it belongs to, whether it was
    dropped as noise, and the diagnostics that point at it."""

    number: int
    """1-based."""
    start: int
    text: str
    section: str | None
    noise: bool
    diagnostics: tuple[Diagnostic, ...] = ()


#: The margin of a line that goes on the section above it.
CONTINUES = "|"


@frozen
class Row:
    """One line as both drawings show it: the line, its margin (``noise``, the section's kind
    on the section's first line, :data:`CONTINUES` below it, empty outside any section), and
    the values on it as ``(highlight, first, last)`` offsets into the line's text."""

    note: LineNote
    margin: str
    marks: tuple[tuple[Highlight, int, int], ...]


@frozen
class Explanation:
    """A letter, its decision, the values highlighted and the lines annotated."""

    text: str
    decision: Decision
    highlights: tuple[Highlight, ...]
    lines: tuple[LineNote, ...]

    @property
    def letter_wide(self) -> tuple[Diagnostic, ...]:
        """Diagnostics about the whole letter (no line of their own)."""
        return tuple(d for d in self.decision.diagnostics if d.line is None)

    def rows(self) -> Iterator[Row]:
        """The lines to draw, in order; one blank line stands for a run of them."""
        previous: str | None = None
        blank = False
        for note in self.lines:
            if not note.text.strip() and not note.diagnostics:
                if blank:
                    continue
                blank = True
            else:
                blank = False
            if note.noise:
                margin = "noise"
            elif note.section is None:
                margin = ""
            else:
                margin = note.section if note.section != previous else CONTINUES
                previous = note.section
            end = note.start + len(note.text)
            marks = tuple(
                (h, max(0, h.start - note.start), min(len(note.text), h.end - note.start))
                for h in in_line(self.highlights, note.start, end)
            )
            yield Row(note, margin, marks)


def _spans(name: str, span: Span | None) -> list[Highlight]:
    return [] if span is None else [Highlight(span.start, span.end, name)]


def highlights(decision: Decision) -> tuple[Highlight, ...]:
    """Every short value the decision read, with its span, in letter order. The narratives
    (clinical history, analysis) are whole sections: the margin shows them. A value read
    inside a listed item (a service's codes, a qualification's specialty) is shown by its
    item."""
    spans = decision.spans
    found: list[Highlight] = []
    scalars: tuple[str, ...] = ("outcome", "review_date", "case_number", "patient_age")
    scalars += ("patient_sex", "notice_date", "iro_name", "review_type", "coverage")
    for name in scalars:
        found += _spans(name, getattr(spans, name))
    for n, service in enumerate(decision.services):
        found += _spans(f"services[{n}]", service.span)
    for n, item in enumerate(decision.reviewer_qualifications):
        found += _spans(f"reviewer_qualifications[{n}]", item.span)
    for n, item in enumerate(decision.information_provided):
        found += _spans(f"information_provided[{n}]", item.span)
    for criterion in decision.criteria:
        if criterion.span is not None:
            found.append(
                Highlight(
                    criterion.span.start,
                    criterion.span.end,
                    f"criteria.{criterion.code}",
                    criterion.checked,
                )
            )
    return tuple(sorted(found, key=lambda h: (h.start, -h.end)))


def _line_notes(text: str, decision: Decision) -> tuple[LineNote, ...]:
    sections = sorted(decision.sections, key=lambda s: s.start)
    by_line: dict[int, list[Diagnostic]] = {}
    for diagnostic in decision.diagnostics:
        if diagnostic.line is not None:
            by_line.setdefault(diagnostic.line, []).append(diagnostic)
    noise_lines = {
        d.line for d in decision.diagnostics if d.code in NOISE_CODES and d.line is not None
    }
    notes: list[LineNote] = []
    offset = 0
    index = 0
    for number, line in enumerate(text.split("\n"), start=1):
        while index < len(sections) and sections[index].end < offset:
            index += 1
        kind = None
        if index < len(sections) and sections[index].start <= offset + len(line):
            kind = sections[index].kind
        notes.append(
            LineNote(
                number,
                offset,
                line.rstrip("\r"),
                kind if line.strip() else None,
                number in noise_lines,
                tuple(by_line.get(number, ())),
            )
        )
        offset += len(line) + 1
    return tuple(notes)


def explain(text: str, decision: Decision | None = None) -> Explanation:
    """Explain ``text``: parse it (or take its ``decision``) and annotate it."""
    import iroparse

    parsed = decision if decision is not None else iroparse.parse(text)
    return Explanation(text, parsed, highlights(parsed), _line_notes(text, parsed))


def in_line(highlights: Sequence[Highlight], start: int, end: int) -> list[Highlight]:
    """The highlights that overlap ``[start, end)`` (one line of the letter)."""
    return [h for h in highlights if h.start < end and h.end > start]

"""The pipeline: text -> normalize -> tokenize -> sections -> choose layout -> fields -> Decision.

:class:`Parser` orders the stages for one plugin registry; :func:`iroparse.parse` uses a shared
instance. Each stage lives in its own module of :mod:`iroparse._pipeline` (in order:
``normalize``, ``noise``, ``tokenize`` with ``headings``, ``sections`` with
``column_marks``, ``choose_layout``, ``checklist``); the values of the record are read by
:mod:`iroparse._fields`. A bug in a stage is fixed in that stage's module; this one only calls
them in order.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from iroparse import diagnostics as diag
from iroparse._fields.letter import Letter, Spanner, line_width, spanner
from iroparse._fields.readers import READERS
from iroparse._fields.specialties import SpecialtyMatcher
from iroparse._pipeline.checklist import ChecklistReader
from iroparse._pipeline.checklist_columns import two_columns
from iroparse._pipeline.choose_layout import (
    CHECKLIST_KINDS,
    checklist_lines,
    choose_layout,
    layouts_per_checklist,
    rank_layouts,
)
from iroparse._pipeline.column_marks import readable_marks
from iroparse._pipeline.headings import HeadingMatcher
from iroparse._pipeline.hyphens import Vocabulary
from iroparse._pipeline.noise_prose import BY_POSITION
from iroparse._pipeline.normalize import Normalized, decode, looks_binary, normalize
from iroparse._pipeline.recognize import check_letter
from iroparse._pipeline.sections import RawSection, section_text, split_sections
from iroparse._pipeline.tokenize import Tokenizer
from iroparse._pipeline.tokens import TokenKind
from iroparse.catalogue import OUTCOMES, squash_exact
from iroparse.errors import IroParseError, NotAnIroLetter, StrictModeError
from iroparse.model import (
    Decision,
    Diagnostic,
    FieldSpans,
    LayoutCandidate,
    Section,
)
from iroparse.plugins import Registry, registry

__all__ = ["Parser", "default_parser"]

#: Sections whose absence is worth a warning.
EXPECTED = ("review_outcome", "analysis", "criteria")


class Parser:
    """Parses letters with the layouts and catalogues of one plugin :class:`Registry`."""

    def __init__(self, plugins: Registry):
        self.registry = plugins
        self.outcomes = ChecklistReader(OUTCOMES)
        self.criteria = ChecklistReader(plugins.criteria)
        self.tokenizer = Tokenizer(
            HeadingMatcher(plugins.headings),
            plugins.any_mark,
            plugins.furniture,
            plugins.ticks,
            self.criteria.is_bare_label,
        )
        self.specialties = SpecialtyMatcher(plugins.specialties)
        self._criteria_order = {entry: n for n, entry in enumerate(self.criteria.entries)}

    # -- stages -------------------------------------------------------------------------

    def _prepare(self, data: str | bytes) -> tuple[Normalized, list[RawSection]]:
        if not isinstance(data, str | bytes):
            raise IroParseError(
                f"parse() takes the letter's text as str or bytes, not {type(data).__name__}",
                code="usage",
            )
        text = decode(data)
        if not text.strip():
            raise NotAnIroLetter("input is empty (no text at all)")
        if looks_binary(text):
            raise NotAnIroLetter("input is binary data (control characters), not letter text")
        normalized = normalize(text)
        # (columns first: a misread box in the right column is read once it starts a line)
        sections = readable_marks(
            two_columns(
                split_sections(self.tokenizer.tokenize(normalized)),
                CHECKLIST_KINDS,
                self._criterion_place,
            ),
            CHECKLIST_KINDS,
            self.registry.ticks,
        )
        check_letter(normalized.text, sections)
        return normalized, sections

    def _criterion_place(self, label: str) -> int | None:
        """Where the criterion ``label`` names stands in the catalogue's order (``None`` for
        an unknown one): a two-column checklist is read in the order closer to it."""
        entry = self.criteria.identify(label)
        return None if entry is None else self._criteria_order[entry]

    def rank_layouts(self, lines: Sequence[str]) -> list[LayoutCandidate]:
        """Every registered layout's fit to these checklist lines, best first."""
        return rank_layouts(self.registry.layouts, lines)

    def detect(self, data: str | bytes) -> list[LayoutCandidate]:
        """Rank the layouts for a letter (see :func:`iroparse.detect_layout`)."""
        _, sections = self._prepare(data)
        return self.rank_layouts(checklist_lines(sections))

    def parse(
        self,
        data: str | bytes,
        *,
        strict: bool = False,
        source: str | None = None,
        layout: str | None = None,
    ) -> Decision:
        """Parse one letter (see :func:`iroparse.parse`)."""
        try:
            normalized, raw_sections = self._prepare(data)
        except IroParseError as error:
            error.source = error.source or source
            raise
        notes: list[Diagnostic] = []
        chosen = choose_layout(self.registry.layouts, raw_sections, layout, notes)
        by_kind = sections_by_kind(raw_sections, notes)
        span = spanner(normalized)
        vocabulary = Vocabulary(normalized.text)
        texts = {id(s): section_text(s.text_body, vocabulary) for s in raw_sections}
        letter = Letter(
            sections=by_kind,
            texts={kind: texts[id(section)] for kind, section in by_kind.items()},
            others=tuple(texts[id(s)] for s in raw_sections if s.kind in ("title", "other")),
            layout=chosen,
            checklist_layouts={}
            if layout is not None
            else layouts_per_checklist(self.registry.layouts, raw_sections, chosen),
            width=line_width(normalized.text),
            span=span,
            outcomes=self.outcomes,
            criteria=self.criteria,
            normalized=normalized.text,
            every_section=tuple(raw_sections),
            specialties=self.specialties,
            vocabulary=vocabulary,
        )
        notes.extend(_noise_notes(raw_sections, span))
        notes.extend(_typo_notes(raw_sections, span))
        notes.extend(
            diag.make("section-missing", f"no {kind} section found")
            for kind in EXPECTED
            if kind not in by_kind
        )
        reads = {name: read(letter) for name, read in READERS.items()}
        for found in reads.values():
            notes.extend(found.notes)
        spans = {name: span for found in reads.values() for name, span in found.spans.items()}
        decision = Decision(
            **{name: found.value for name, found in reads.items()},
            sections=tuple(_public_section(s, texts[id(s)].text, span) for s in raw_sections),
            diagnostics=tuple(notes),
            layout=chosen.name,
            source=source,
            spans=FieldSpans(**{k: v for k, v in spans.items() if k in _SPAN_NAMES}),
        )
        if strict:
            refused = tuple(d for d in decision.diagnostics if diag.is_strict_failure(d))
            if refused:
                raise StrictModeError(
                    "; ".join(f"{d.code}: {d.message}" for d in refused), refused, source=source
                )
        return decision


def sections_by_kind(
    sections: Sequence[RawSection], notes: list[Diagnostic]
) -> dict[str, RawSection]:
    """The section the fields are read from, for each statutory kind: the one whose heading
    alias ranks first (``DATE OF REVIEW`` before ``DATE NOTICE SENT``), else the first; a
    second section of the same rank is a diagnostic. A section without text gives way to a
    later one with text: a heading set in the margin beside its checklist's own column header
    (``Clinical basis for the decision`` / ``Screening criteria / clinical basis   Used``)
    reads as two headings of one kind, the first with nothing under it."""
    chosen: dict[str, RawSection] = {}
    for section in sections:
        if section.kind in ("title", "other"):
            continue
        held = chosen.get(section.kind)
        rank = section.alias.rank if section.alias else 0
        if held is None or (not held.lines and section.lines):
            chosen[section.kind] = section
            continue
        held_rank = held.alias.rank if held.alias else 0
        if rank == held_rank:
            notes.append(
                diag.make(
                    "section-repeated",
                    f"a second {section.kind} section; the first was used",
                    line=section.heading.line + 1 if section.heading else None,
                )
            )
        elif rank < held_rank:
            chosen[section.kind] = section
    return chosen


def _noise_notes(sections: Sequence[RawSection], span: Spanner) -> list[Diagnostic]:
    """A diagnostic for every noise line left out of the sections: ``noise-removed`` for a
    line of a known shape, ``noise-by-position`` for one judged by where it sits."""
    return [
        diag.make(
            "noise-by-position" if token.noise == BY_POSITION else "noise-removed",
            f"removed {token.noise} line {token.text[:60]!r}",
            line=token.line + 1,
            span=span(token.start, token.end),
        )
        for section in sections
        for token in section.body
        if token.kind is TokenKind.NOISE
    ]


def _typo_notes(sections: Sequence[RawSection], span: Spanner) -> list[Diagnostic]:
    """A ``heading-typo`` diagnostic for every heading matched with typos: its words do not
    hold the catalogue wording it was taken for."""
    return [
        diag.make(
            "heading-typo",
            f"heading {section.heading.text[:60]!r} read as {section.alias.text!r}",
            line=section.heading.line + 1,
            span=span(section.heading.start, section.heading.end),
        )
        for section in sections
        if section.heading is not None
        and section.alias is not None
        # a typo, or characters text recognition confused (``REVlEW``), is worth saying
        and squash_exact(section.alias.text) not in squash_exact(section.heading.text)
    ]


def _public_section(section: RawSection, text: str, span: Spanner) -> Section:
    whole = span(section.start, section.end)
    return Section(
        section.kind,
        section.heading.text if section.heading else "",
        text,
        whole.start,
        whole.end,
    )


_SPAN_NAMES = frozenset(a.name for a in attrs.fields(FieldSpans))

_shared: list[Parser] = []


def default_parser() -> Parser:
    """The shared parser for the current plugin registry, rebuilt whenever the registry is
    (registering or unregistering a plugin gives a new registry)."""
    current = registry()
    if not _shared or _shared[0].registry is not current:
        _shared[:] = [Parser(current)]
    return _shared[0]

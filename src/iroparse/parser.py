"""The pipeline: text -> normalize -> tokenize -> sections -> choose layout -> fields -> Decision.

:class:`Parser` wires the stages together for one plugin registry; :func:`iroparse.parse` uses
a shared instance. Each stage lives in its own module (``_normalize``, ``_tokenize``,
``_sections``, ``_checklist``, and the field readers ``_dates``, ``_codes``, ``_lists``,
``_patient``, ``_outcome``); this module only orders them and turns doubts into diagnostics.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

import regex
from attrs import frozen

from iroparse import diagnostics as diag
from iroparse._checklist import ChecklistItem, ChecklistReader
from iroparse._codes import cpt_codes
from iroparse._dates import REDACTED, find_date
from iroparse._headings import HeadingMatcher
from iroparse._lists import split_items
from iroparse._normalize import Normalized, decode, looks_binary, normalize
from iroparse._outcome import narrative_outcome
from iroparse._patient import find_patient
from iroparse._sections import Joined, RawSection, section_text, split_sections
from iroparse._tokenize import Token, Tokenizer, TokenKind
from iroparse.catalogue import OUTCOMES, SECTION_KINDS
from iroparse.errors import IroParseError, NotAnIroLetter, StrictModeError
from iroparse.layout import Layout, Mark
from iroparse.model import (
    Criterion,
    Decision,
    Diagnostic,
    FieldSpans,
    LayoutCandidate,
    ListItem,
    Outcome,
    Patient,
    Section,
    Service,
    Severity,
    Span,
)
from iroparse.plugins import Registry, registry

__all__ = ["Parser", "default_parser"]

#: Kinds of the statutory sections; a letter must have at least :data:`MIN_STATUTORY` of them.
STATUTORY = frozenset(SECTION_KINDS) - {"title", "other"}
MIN_STATUTORY = 2
#: Sections whose absence is worth a warning.
EXPECTED = ("review_outcome", "analysis", "criteria")
#: Name of the stand-in layout when no registered layout recognises the marks.
NO_LAYOUT = "unknown"
#: Layouts scoring within this margin of the best one make the choice ambiguous.
AMBIGUITY_MARGIN = 0.05
#: Lines longer than this are not used to estimate the letter's line width.
MAX_WIDTH_LINE = 200
_SHOULD_BE = regex.compile(r"(?i)should\s+be\s*:?\s*")
#: A dot (or underscore) leader and the short mark after it, at the end of a checklist line.
_LEADER = regex.compile(r"\s*(?:\.{3,}|_{3,}|…+)\s*\S{0,6}\s*$")
_CASE_VALUE = regex.compile(r"[A-Za-z0-9][A-Za-z0-9\-/.#]{0,39}")


class _NoLayout(Layout):
    """The stand-in when no registered layout fits: reads every line as bare."""

    name = NO_LAYOUT
    sparse = True

    def read_mark(self, line: str) -> Mark:
        mark = Mark.bare(line)
        leader = _LEADER.search(mark.label)
        if leader is None or leader.start() == 0:
            return mark
        # the label without the dot leader and the unrecognised mark after it
        return Mark(
            mark.label[: leader.start()],
            False,
            False,
            mark.label_start,
            mark.label_start + leader.start(),
        )

    def format_item(self, label: str, checked: bool) -> str:
        return label


@frozen
class _Context:
    """What every field reader may need."""

    normalized: Normalized
    sections: dict[str, RawSection]
    layout: Layout
    width: int


class Parser:
    """Parses letters with the layouts and catalogues of one plugin :class:`Registry`."""

    def __init__(self, plugins: Registry):
        self.registry = plugins
        self.tokenizer = Tokenizer(HeadingMatcher(plugins.headings))
        self.outcomes = ChecklistReader(OUTCOMES)
        self.criteria = ChecklistReader(plugins.criteria)

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
        sections = split_sections(self.tokenizer.tokenize(normalized))
        kinds = {s.kind for s in sections} & STATUTORY
        if len(kinds) < MIN_STATUTORY:
            found = ", ".join(sorted(kinds)) or "none"
            raise NotAnIroLetter(
                "no IRO decision letter structure: found "
                f"{len(kinds)} of the statutory section headings ({found}); expected at least "
                f"{MIN_STATUTORY} of REVIEW OUTCOME, DATE OF REVIEW, PATIENT CLINICAL HISTORY, ..."
            )
        return normalized, sections

    @staticmethod
    def _checklist_lines(sections: Sequence[RawSection]) -> list[str]:
        return [
            t.text for s in sections if s.kind in ("review_outcome", "criteria") for t in s.lines
        ]

    def rank_layouts(self, lines: Sequence[str]) -> list[LayoutCandidate]:
        """Every registered layout's fit to these checklist lines, best first."""
        candidates = [
            LayoutCandidate(layout.name, round(layout.score(lines), 4), layout.description)
            for layout in self.registry.layouts.values()
        ]
        order = {name: i for i, name in enumerate(self.registry.layouts)}
        return sorted(candidates, key=lambda c: (-c.score, order[c.name]))

    def detect(self, data: str | bytes) -> list[LayoutCandidate]:
        """Rank the layouts for a letter (see :func:`iroparse.detect_layout`)."""
        _, sections = self._prepare(data)
        return self.rank_layouts(self._checklist_lines(sections))

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
        chosen = self._choose_layout(raw_sections, layout, notes)
        by_kind = self._by_kind(raw_sections, notes)
        width = _line_width(normalized.text)
        ctx = _Context(normalized, by_kind, chosen, width)
        span = _spanner(normalized)

        for token in (t for s in raw_sections for t in s.body if t.kind is TokenKind.NOISE):
            notes.append(
                diag.make(
                    "noise-removed",
                    f"removed {token.noise} line {token.text[:60]!r}",
                    line=token.line + 1,
                    span=span(token.start, token.end),
                )
            )
        for kind in EXPECTED:
            if kind not in by_kind:
                notes.append(diag.make("section-missing", f"no {kind} section found"))

        review_date, date_span = self._review_date(ctx, notes, span)
        case_number, case_span = self._case_number(ctx, notes, span)
        criteria = self._criteria(ctx, notes, span)
        narrative = by_kind.get("analysis")
        texts = {id(s): section_text(s.body) for s in raw_sections}
        analysis = texts[id(narrative)] if narrative else None
        history_section = by_kind.get("clinical_history")
        history = texts[id(history_section)] if history_section else None
        outcome, outcome_span = self._outcome(ctx, analysis.text if analysis else "", notes, span)
        patient, age_span, sex_span = self._patient(history, analysis, span)

        decision = Decision(
            outcome=outcome,
            review_date=review_date,
            case_number=case_number,
            services=self._services(ctx, span),
            reviewer_qualifications=self._items(ctx, "reviewer_qualifications", span),
            information_provided=self._items(ctx, "information_provided", span),
            clinical_history=(history.text or None) if history else None,
            analysis=(analysis.text or None) if analysis else None,
            criteria=criteria,
            patient=patient,
            sections=tuple(self._public_section(s, texts[id(s)].text, span) for s in raw_sections),
            diagnostics=tuple(notes),
            layout=chosen.name,
            source=source,
            spans=FieldSpans(
                outcome=outcome_span,
                review_date=date_span,
                case_number=case_span,
                clinical_history=_section_span(history_section, span),
                analysis=_section_span(narrative, span),
                patient_age=age_span,
                patient_sex=sex_span,
            ),
        )
        if strict and decision.has_errors():
            errors = tuple(d for d in decision.diagnostics if d.severity is Severity.ERROR)
            raise StrictModeError(
                "; ".join(f"{d.code}: {d.message}" for d in errors), errors, source=source
            )
        return decision

    # -- helpers --------------------------------------------------------------------------

    def _choose_layout(
        self, sections: Sequence[RawSection], forced: str | None, notes: list[Diagnostic]
    ) -> Layout:
        layouts = self.registry.layouts
        if forced is not None:
            if forced not in layouts:
                raise IroParseError(
                    f"unknown layout {forced!r}; registered: {', '.join(layouts)}", code="usage"
                )
            return layouts[forced]
        ranked = self.rank_layouts(self._checklist_lines(sections))
        if not ranked or ranked[0].score <= 0:
            notes.append(
                diag.make(
                    "layout-unknown",
                    "no registered layout recognises the checkbox marks of this letter",
                )
            )
            return _NoLayout()
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < AMBIGUITY_MARGIN:
            notes.append(
                diag.make(
                    "layout-ambiguous",
                    f"layouts {ranked[0].name} ({ranked[0].score}) and {ranked[1].name} "
                    f"({ranked[1].score}) fit almost equally; using {ranked[0].name}",
                )
            )
        return layouts[ranked[0].name]

    @staticmethod
    def _by_kind(sections: Sequence[RawSection], notes: list[Diagnostic]) -> dict[str, RawSection]:
        chosen: dict[str, RawSection] = {}
        for section in sections:
            if section.kind in ("title", "other"):
                continue
            held = chosen.get(section.kind)
            rank = section.alias.rank if section.alias else 0
            if held is None:
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

    def _review_date(
        self, ctx: _Context, notes: list[Diagnostic], span: _Spanner
    ) -> tuple[datetime.date | None, Span | None]:
        section = ctx.sections.get("review_date")
        if section is None:
            return None, None
        lines = section.lines
        if section.alias and section.alias.rank > 0:
            notes.append(diag.make("date-from-notice", "the review date is the notice date"))
        for token in lines[:2]:
            found = find_date(token.text)
            if found is not None:
                value, start, end = found
                return value, span(token.start + start, token.start + end)
        if not lines or REDACTED.fullmatch(lines[0].text):
            notes.append(diag.make("redacted", "the review date is blank or redacted"))
        else:
            notes.append(
                diag.make(
                    "date-unreadable",
                    f"no date in {lines[0].text[:60]!r}",
                    line=lines[0].line + 1,
                )
            )
        return None, None

    def _case_number(
        self, ctx: _Context, notes: list[Diagnostic], span: _Spanner
    ) -> tuple[str | None, Span | None]:
        section = ctx.sections.get("case_number")
        if section is None:
            return None, None
        lines = section.lines
        if lines:
            token = lines[0]
            value = token.text.strip(" :#")
            match = _CASE_VALUE.fullmatch(value)
            if (
                match is not None
                and any(c.isdigit() for c in value)
                and not REDACTED.fullmatch(value)
            ):
                offset = token.text.index(value)
                return value, span(token.start + offset, token.start + offset + len(value))
        notes.append(diag.make("redacted", "the IRO case number is blank or redacted"))
        return None, None

    def _services(self, ctx: _Context, span: _Spanner) -> tuple[Service, ...]:
        section = ctx.sections.get("services_in_dispute")
        if section is None:
            return ()
        return tuple(
            Service(entry.text, cpt_codes(entry.text), span(entry.start, entry.end))
            for entry in split_items(section.body, ctx.width)
        )

    def _items(self, ctx: _Context, kind: str, span: _Spanner) -> tuple[ListItem, ...]:
        section = ctx.sections.get(kind)
        if section is None:
            return ()
        return tuple(
            ListItem(entry.text, span(entry.start, entry.end))
            for entry in split_items(section.body, ctx.width)
        )

    def _criteria(
        self, ctx: _Context, notes: list[Diagnostic], span: _Spanner
    ) -> tuple[Criterion, ...]:
        section = ctx.sections.get("criteria")
        if section is None:
            return ()
        items, _ = self.criteria.read(section.lines, ctx.layout)
        _note_marks(items, notes)
        if items and not any(i.checked for i in items):
            notes.append(diag.make("criteria-none-checked", "no screening criterion is checked"))
        return tuple(
            Criterion(i.code, i.label, i.checked, i.description, span(i.start, i.end))
            for i in items
        )

    def _outcome(
        self,
        ctx: _Context,
        analysis: str,
        notes: list[Diagnostic],
        span: _Spanner,
    ) -> tuple[Outcome, Span | None]:
        section = ctx.sections.get("review_outcome")
        marked: list[ChecklistItem] = []
        unmarked: list[ChecklistItem] = []
        lead_in: list[Token] = []
        if section is not None:
            items, lead_in = self.outcomes.read(section.lines, ctx.layout)
            _note_marks(items, notes)
            known = [i for i in items if i.code != "other"]
            marked = [i for i in known if i.checked]
            unmarked = [i for i in known if not i.explicit]
        told = narrative_outcome(analysis) if analysis else None
        if len(marked) > 1:
            labels = ", ".join(i.label for i in marked)
            notes.append(
                diag.make(
                    "outcome-ambiguous",
                    f"{len(marked)} outcomes are checked ({labels})",
                    line=marked[0].line + 1,
                )
            )
            return Outcome.UNKNOWN, None
        if marked:
            item = marked[0]
            outcome = Outcome(item.code)
            if told is not None and told[0] is not outcome:
                notes.append(
                    diag.make(
                        "outcome-contradicts-narrative",
                        f"{outcome.value} is checked but the analysis reads as {told[0].value}: "
                        f"{analysis[told[1] : told[2]]!r}",
                        line=item.line + 1,
                    )
                )
            return outcome, span(item.start, item.end)
        stated = self._stated_outcome(lead_in, unmarked, span)
        if stated is not None:
            return stated
        if told is not None:
            notes.append(
                diag.make(
                    "outcome-from-narrative",
                    f"no outcome box is checked; the analysis reads as {told[0].value}: "
                    f"{analysis[told[1] : told[2]]!r}",
                )
            )
            return told[0], None
        notes.append(diag.make("outcome-missing", "no outcome box is checked or stated"))
        return Outcome.UNKNOWN, None

    def _stated_outcome(
        self, lead_in: Sequence[Token], unmarked: Sequence[ChecklistItem], span: _Spanner
    ) -> tuple[Outcome, Span | None] | None:
        """The outcome written out (``should be: Overturned``) rather than checked."""
        for token in lead_in:
            match = _SHOULD_BE.search(token.text)
            if match is None:
                continue
            rest = token.text[match.end() :]
            entry = self.outcomes.identify(rest) if rest.strip() else None
            if entry is not None:
                return Outcome(entry.code), span(token.start + match.end(), token.end)
        # one outcome written alone, after the lead-in or as the heading's value
        # (``REVIEW OUTCOME: Overturned (Disagree)``)
        if len(unmarked) == 1 and (not lead_in or _SHOULD_BE.search(lead_in[-1].text)):
            item = unmarked[0]
            return Outcome(item.code), span(item.start, item.end)
        return None

    def _patient(
        self, history: Joined | None, analysis: Joined | None, span: _Spanner
    ) -> tuple[Patient, Span | None, Span | None]:
        age: int | None = None
        sex: str | None = None
        age_span = sex_span = None
        for joined in (history, analysis):
            if joined is None or not joined.text:
                continue
            facts = find_patient(joined.text)
            if age is None and age_span is None and facts.age_span is not None:
                age = facts.age
                s, e = facts.age_span
                age_span = span(joined.source(s), joined.source(e - 1) + 1)
            if sex is None and facts.sex is not None and facts.sex_span is not None:
                sex = facts.sex
                s, e = facts.sex_span
                sex_span = span(joined.source(s), joined.source(e - 1) + 1)
        return Patient(age, sex), age_span, sex_span

    @staticmethod
    def _public_section(section: RawSection, text: str, span: _Spanner) -> Section:
        whole = span(section.start, section.end)
        return Section(
            section.kind,
            section.heading.text if section.heading else "",
            text,
            whole.start,
            whole.end,
        )


_Spanner = Callable[[int, int], Span]


def _spanner(normalized: Normalized) -> _Spanner:
    def span(start: int, end: int) -> Span:
        return Span(
            normalized.original(start),
            normalized.original(max(start, end - 1)) + 1
            if end > start
            else normalized.original(start),
        )

    return span


def _section_span(section: RawSection | None, span: _Spanner) -> Span | None:
    if section is None:
        return None
    lines = section.lines
    if not lines:
        return None
    return span(lines[0].start, lines[-1].end)


def _note_marks(items: Sequence[ChecklistItem], notes: list[Diagnostic]) -> None:
    for item in items:
        if item.marks > 1:
            notes.append(
                diag.make(
                    "mark-repeated",
                    f"{item.label[:60]!r} is marked {item.marks} times",
                    line=item.line + 1,
                )
            )


def _line_width(text: str) -> int:
    """The letter's line width: its longest line of ordinary length."""
    lengths = [len(line.rstrip()) for line in text.split("\n")]
    usable = [n for n in lengths if n <= MAX_WIDTH_LINE]
    return max(usable, default=80)


_shared: list[Parser] = []


def default_parser() -> Parser:
    """The shared parser for the current plugin registry, rebuilt whenever the registry is
    (registering or unregistering a plugin gives a new registry)."""
    current = registry()
    if not _shared or _shared[0].registry is not current:
        _shared[:] = [Parser(current)]
    return _shared[0]

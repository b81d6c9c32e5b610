"""Hypothesis strategies: :func:`decisions` draws what a letter can carry, :func:`letters`
renders it with a layout and puts the text through extraction noise."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from iroparse.layout import Layout
from iroparse.model import Criterion, Decision, ListItem, Outcome, Patient, Service
from iroparse.testing import _vocabulary as vocab
from iroparse.testing.noise import extraction_noise

__all__ = ["decisions", "letters", "resolve_layout"]

#: Lists whose items are all at most this long are printed one plain line per item; longer
#: items are numbered, so a wrapped item can never be mistaken for two (see ``render.py``).
_OUTCOMES = (Outcome.UPHELD, Outcome.OVERTURNED, Outcome.PARTIALLY_OVERTURNED)
_DESCRIBED = frozenset({"peer_reviewed_literature", "other_evidence_based"})


def _pinned(value: Any, strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``None`` draws from ``strategy``; anything else pins the field to that value."""
    return strategy if value is None else st.just(value)


@st.composite
def _case_numbers(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(vocab.CASE_NUMBERS))
    return "".join(str(draw(st.integers(0, 9))) if ch == "#" else ch for ch in shape)


@st.composite
def _cpt_codes(draw: st.DrawFn) -> tuple[str, ...]:
    code = st.one_of(
        st.integers(10000, 99999).map(str),
        st.tuples(st.integers(0, 9999), st.sampled_from("TF")).map(lambda p: f"{p[0]:04d}{p[1]}"),
        st.tuples(st.sampled_from("AEGJKL"), st.integers(0, 9999)).map(
            lambda p: f"{p[0]}{p[1]:04d}"
        ),
    )
    return tuple(draw(st.lists(code, max_size=3, unique=True)))


def _code_text(codes: Sequence[str]) -> str:
    if not codes:
        return ""
    if len(codes) == 1:
        return f", CPT: {codes[0]}"
    return f", CPT codes {', '.join(codes[:-1])} and {codes[-1]}"


@st.composite
def _services(draw: st.DrawFn) -> tuple[Service, ...]:
    bases = draw(st.lists(st.sampled_from(vocab.SERVICES), min_size=1, max_size=3, unique=True))
    services = []
    for base in bases:
        codes = draw(_cpt_codes())
        services.append(Service(base + _code_text(codes), codes))
    return tuple(services)


def _items(source: Sequence[str], max_size: int) -> st.SearchStrategy[tuple[ListItem, ...]]:
    return st.lists(st.sampled_from(source), max_size=max_size, unique=True).map(
        lambda texts: tuple(ListItem(t) for t in texts)
    )


@st.composite
def _paragraphs(draw: st.DrawFn, pool: Sequence[str], opener: str | None = None) -> str:
    """1 to 3 paragraphs of distinct sentences from ``pool`` (a letter never repeats a line,
    which a parser could take for a running header)."""
    sentences = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=8, unique=True))
    if opener:
        sentences.insert(0, opener)
    cuts = sorted(
        draw(st.sets(st.integers(1, len(sentences) - 1), max_size=2))
        if len(sentences) > 1
        else set()
    )
    bounds = [0, *cuts, len(sentences)]
    return "\n\n".join(" ".join(sentences[a:b]) for a, b in itertools.pairwise(bounds))


#: History and analysis draw from separate halves of the sentences, so no line repeats.
_HISTORY = vocab.SENTENCES[: len(vocab.SENTENCES) // 2]
_ANALYSIS = vocab.SENTENCES[len(vocab.SENTENCES) // 2 :]


@st.composite
def _history(draw: st.DrawFn) -> tuple[str | None, Patient]:
    if draw(st.integers(0, 9)) == 0:
        return None, Patient()
    if not draw(st.booleans()):
        return draw(_paragraphs(_HISTORY)), Patient()
    template, kind = draw(st.sampled_from(vocab.PATIENT_OPENERS))
    age = draw(st.one_of(st.integers(18, 90), st.none()))
    word = draw(st.sampled_from(sorted(vocab.SEX_WORDS)))
    opener = template.format(age="xx" if age is None else age, word=word)
    sex = vocab.SEX_WORDS[word] if kind else None
    return draw(_paragraphs(_HISTORY, opener)), Patient(age, sex)


@st.composite
def _criteria(draw: st.DrawFn, catalogue: Sequence[tuple[str, str]]) -> tuple[Criterion, ...]:
    every = draw(st.booleans())
    chosen = (
        list(catalogue)
        if every
        else draw(st.lists(st.sampled_from(list(catalogue)), min_size=1, unique=True))
    )
    order = {code: i for i, (code, _) in enumerate(catalogue)}
    chosen.sort(key=lambda entry: order[entry[0]])
    citations = iter(draw(st.permutations(vocab.CITATIONS)))
    criteria = []
    for code, label in chosen:
        checked = draw(st.integers(0, 3)) == 0
        description = None
        if code in _DESCRIBED and draw(st.booleans()):
            description = next(citations)
        criteria.append(Criterion(code, label, checked, description))
    return tuple(criteria)


def _catalogue() -> list[tuple[str, str]]:
    from iroparse.plugins import registry

    return [(entry.code, entry.label) for entry in registry().criteria]


def decisions(
    *,
    outcome: Outcome | None = None,
    review_date: datetime.date | None = None,
    case_number: str | None = None,
    services: tuple[Service, ...] | None = None,
    reviewer_qualifications: tuple[ListItem, ...] | None = None,
    information_provided: tuple[ListItem, ...] | None = None,
    clinical_history: str | None = None,
    analysis: str | None = None,
    criteria: tuple[Criterion, ...] | None = None,
    patient: Patient | None = None,
    redactions: bool = True,
) -> st.SearchStrategy[Decision]:
    """A strategy of :class:`~iroparse.model.Decision` values holding everything a letter
    can carry: outcome, review date, case number, services with CPT codes, reviewer
    qualifications, records provided, clinical history and analysis paragraphs, and the
    screening-criteria checklist (every registered criterion, plugins' included).

    Every argument pins its field: ``None`` (the default) draws it, any other value is used
    as is. With ``redactions=True`` the date and case number are sometimes absent, as in
    redacted letters. A pinned ``clinical_history`` without a pinned ``patient`` gets the
    patient the narrative states, read as the parser reads it.

    >>> from hypothesis import given
    >>> @given(decisions(outcome=Outcome.UPHELD))
    ... def test_upheld(decision):
    ...     assert decision.outcome is Outcome.UPHELD
    >>> test_upheld()
    """
    dates = st.dates(datetime.date(1995, 1, 1), datetime.date(2035, 12, 31))
    maybe_dates = st.one_of(st.none(), dates) if redactions else dates
    cases = st.one_of(st.none(), _case_numbers()) if redactions else _case_numbers()

    @st.composite
    def build(draw: st.DrawFn) -> Decision:
        chosen_outcome = draw(_pinned(outcome, st.sampled_from(_OUTCOMES)))
        if clinical_history is None:
            history, told = draw(_history())
        else:
            history, told = clinical_history, _patient_of(clinical_history)
        if analysis is None:
            text = draw(_paragraphs(_ANALYSIS))
            if draw(st.booleans()):
                text = f"{vocab.OPINIONS[chosen_outcome.value]}\n\n{text}"
        else:
            text = analysis
        return Decision(
            outcome=chosen_outcome,
            review_date=draw(_pinned(review_date, maybe_dates)),
            case_number=draw(_pinned(case_number, cases)),
            services=draw(_pinned(services, _services())),
            reviewer_qualifications=draw(
                _pinned(reviewer_qualifications, _items(vocab.QUALIFICATIONS, 3))
            ),
            information_provided=draw(_pinned(information_provided, _items(vocab.RECORDS, 4))),
            clinical_history=history,
            analysis=text,
            criteria=draw(_pinned(criteria, _criteria(_catalogue()))),
            patient=patient if patient is not None else told,
        )

    return build()


def _patient_of(text: str) -> Patient:
    from iroparse._fields.patient import find_patient

    facts = find_patient(text)
    return Patient(facts.age, facts.sex)


def resolve_layout(layout: Layout | str) -> Layout:
    """The registered layout named ``layout``, or ``layout`` itself when it is a
    :class:`~iroparse.layout.Layout`."""
    if isinstance(layout, Layout):
        return layout
    from iroparse.plugins import registry

    layouts = registry().layouts
    if layout not in layouts:
        raise ValueError(f"unknown layout {layout!r}; registered: {', '.join(layouts)}")
    return layouts[layout]


def letters(
    layout: Layout | str = "bracket",
    noise: bool = True,
    decision: st.SearchStrategy[Decision] | None = None,
) -> st.SearchStrategy[tuple[str, Decision]]:
    """A strategy of ``(text, decision)`` pairs: a decision (drawn from :func:`decisions`
    unless another strategy is given) written by ``layout``'s
    :meth:`~iroparse.layout.Layout.render`, then, with ``noise=True``, put through
    :func:`~iroparse.testing.noise.extraction_noise` (re-wrapping at a random width, CRLF,
    NBSP, trailing blanks, doubled blank lines, page breaks with page numbers and a running
    header).

    ``layout`` is a :class:`~iroparse.layout.Layout` or the name of a registered one.

    Every pair is faithful: ``decision`` is exactly what ``text`` says, for every layout. The
    drawn decision is first reduced to what a letter of the layout can carry
    (:meth:`~iroparse.layout.Layout.carried`: ``inline`` prints no unchecked criteria), so
    parsing ``text`` must give ``decision`` back with nothing filtered out.
    """
    chosen = resolve_layout(layout)
    source = decision if decision is not None else decisions()

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, Decision]:
        drawn = chosen.carried(draw(source))
        text = chosen.render(drawn)
        if noise:
            text = draw(extraction_noise(text))
        return text, drawn

    return build()

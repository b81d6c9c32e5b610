"""Which services a letter approves: the outcome of each service in dispute.

A letter upheld or overturned as a whole decides every service the same way: each service
takes the letter's outcome, with its span. A partially overturned letter must say which
service went which way; the evidence is read in this order, the first for a service winning:

1. the lines of the services and outcome sections: a services table's row, ``97110 ...
   Upheld``, ``Overturned: work hardening``, or its ``Yes``/``No`` under a column headed
   ``Medically necessary`` (or ``Approved``);
2. the clauses of the outcome section and of the analysis: ``The work hardening program,
   however, is reasonable``, ``the first service is medically necessary, while the second is
   not``, ``CPT 72148: approved``.

A line or clause counts when it names exactly one service (by its place in the list, ``the
second service``; else by its codes and by words no other service's text has, which must not
point at two services) and says a verdict (:mod:`iroparse.tables.wording`). A partially
overturned letter of one service gives that service ``partially_overturned``. A service left
undecided, or services all decided the same way against the letter's
``partially_overturned``, are null with a ``service-outcome-unknown`` diagnostic: never a
guess.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from iroparse import diagnostics as diag
from iroparse._fields.letter import Letter
from iroparse.model import Diagnostic, Outcome, Span
from iroparse.tables.wording import (
    AGREES_WITH_DENIAL,
    COMMON_SERVICE_WORDS,
    NEGATIVE_VERDICTS,
    ORDINALS,
    OUTCOME_WORDS,
    POSITIVE_VERDICTS,
)

__all__ = ["service_outcomes"]

_WORDS_AROUND = r"(?<![\w-])(?:{})(?![\w-])"
_UPHELD = regex.compile(
    "(?i)" + _WORDS_AROUND.format(NEGATIVE_VERDICTS + "|" + dict(OUTCOME_WORDS)["upheld"])
)
_OVERTURNED = regex.compile(
    "(?i)" + _WORDS_AROUND.format(POSITIVE_VERDICTS + "|" + dict(OUTCOME_WORDS)["overturned"])
)
_ORDINAL = regex.compile(
    r"(?i)\bthe\s+(?P<ord>" + "|".join(ORDINALS) + r")\s*(?:(?:requested\s+)?(?:service|request"
    r"|item|procedure|treatment|one)s?\s*)?(?:\([^)]{0,40}\)\s*)?(?P<verb>is|are|was|were|should"
    r"|would|does|do)\b"
)
#: A services table's header whose last column asks whether each service is needed (a Yes
#: overturns the denial), or whether the reviewer agrees with the denial (a Yes upholds it).
_YES_NO_HEADER = regex.compile(
    r"(?i)\S\s{2,}(?:medically\s+necessary|necessary|approved|certified|authori[sz]ed"
    r"|(?P<agrees>" + AGREES_WITH_DENIAL + r"))\s*\??\s*$"
)
#: That column's cell at a row's end.
_YES_NO_CELL = regex.compile(r"(?i)\s(yes|no)\s*$")
_ELIDED_NOT = regex.compile(r"(?i)\b(?:is|are|was|were|should|would|does|do)\s+not\b")
_CLAUSES = regex.compile(r"(?<=[.;:])\s+|\s*,?\s*\b(?:while|whereas|but)\b\s*|\n+")
_WORD = regex.compile(r"[A-Za-z]{4,}")
Found = tuple[Outcome, Span | None]


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each clause of ``text``, its closing punctuation left out."""
    start = 0
    for end in [*(cut.start() for cut in _CLAUSES.finditer(text)), len(text)]:
        stop = end
        while stop > start and text[stop - 1] in ".;:, ":
            stop -= 1
        if stop > start:
            yield start, stop
        cut = _CLAUSES.match(text, end)
        start = cut.end() if cut is not None else end


def _verdict(clause: str) -> Outcome | None:
    if _UPHELD.search(clause):
        return Outcome.UPHELD
    if _OVERTURNED.search(clause):
        return Outcome.OVERTURNED
    return None


class _Services:
    """Tells which service a clause names."""

    def __init__(self, texts: Sequence[str], codes: Sequence[Sequence[str]]):
        words = [{w.lower() for w in _WORD.findall(t)} - COMMON_SERVICE_WORDS for t in texts]
        self.count = len(texts)
        self.own = [
            w - set().union(*(o for j, o in enumerate(words) if j != i))
            for i, w in enumerate(words)
        ]
        self.codes = [
            regex.compile(r"\b(?:" + "|".join(map(regex.escape, c)) + r")\b") if c else None
            for c in codes
        ]

    def named(self, clause: str) -> set[int]:
        """The services ``clause`` names: by its place in the list when it says one (``the
        second service``), else every service named by a code or by words of its own."""
        ordinal = _ORDINAL.search(clause)
        if ordinal is not None:
            index = ORDINALS[ordinal.group("ord").lower()]
            return {index % self.count} if -self.count <= index < self.count else set()
        by_code = {i for i, c in enumerate(self.codes) if c is not None and c.search(clause)}
        words = {w.lower() for w in _WORD.findall(clause)}
        return by_code | {i for i, own in enumerate(self.own) if own & words}


def _evidence(letter: Letter, services: _Services) -> Iterator[tuple[int, Outcome, Span]]:
    """Every ``(service, outcome, span)`` the letter states, in the order of the module."""
    for kind in ("services_in_dispute", "review_outcome"):
        section = letter.sections.get(kind)
        # under a column headed ``Medically necessary``: cells say Yes or No, and what a Yes
        # says (``Reviewer agrees with denial?``: a Yes upholds)
        yes_no, yes_upholds = False, False
        for token in section.lines if section is not None else ():
            header = _YES_NO_HEADER.search(token.text)
            if header is not None:
                yes_no, yes_upholds = True, header.group("agrees") is not None
                continue
            cell = _YES_NO_CELL.search(token.text) if yes_no else None
            if cell is not None:
                upholds = (cell.group(1).lower() == "yes") == yes_upholds
                said = Outcome.UPHELD if upholds else Outcome.OVERTURNED
                named = services.named(token.text[: cell.start()])
                if len(named) == 1:
                    yield named.pop(), said, letter.span(token.start, token.end)
                continue
            verdict: Outcome | None = _verdict(token.text)
            named = services.named(token.text) if verdict is not None else set()
            if verdict is not None and len(named) == 1:
                yield named.pop(), verdict, letter.span(token.start, token.end)
    for kind in ("review_outcome", "analysis"):
        joined = letter.texts.get(kind)
        if joined is None:
            continue
        previous: Outcome | None = None
        label: tuple[set[int], int] | None = None  # ``CPT 72148:`` before its verdict
        for start, end in _clauses(joined.text):
            clause = joined.text[start:end]
            verdict = _verdict(clause)
            ordinal = _ORDINAL.search(clause)
            if verdict is None and ordinal is not None and previous is not None:
                tail = clause[ordinal.start() :]
                verdict = Outcome.UPHELD if _ELIDED_NOT.search(tail) else Outcome.OVERTURNED
            previous = verdict
            named = services.named(clause)
            if verdict is None:
                cut = joined.text[end : end + 1]
                label = (named, start) if cut == ":" and len(named) == 1 else None
                continue
            if not named and label is not None:  # ``CPT 72148: approved``
                named, start = label
            label = None
            if len(named) == 1:
                span = letter.span(joined.source(start), joined.source(end - 1) + 1)
                yield named.pop(), verdict, span


def service_outcomes(
    letter: Letter,
    texts: Sequence[str],
    codes: Sequence[Sequence[str]],
    outcome: Outcome,
    outcome_span: Span | None,
) -> tuple[list[Found | None], list[Diagnostic]]:
    """The outcome and its span for each service (``None`` where the letter does not tell),
    and the diagnostics (see the module)."""
    if not texts or outcome is Outcome.UNKNOWN:
        return [None] * len(texts), []
    if outcome is not Outcome.PARTIALLY_OVERTURNED or len(texts) == 1:
        return [(outcome, outcome_span)] * len(texts), []
    decided: list[Found | None] = [None] * len(texts)
    for index, verdict, span in _evidence(letter, _Services(texts, codes)):
        if decided[index] is None:
            decided[index] = (verdict, span)
    outcomes = {d[0] for d in decided if d is not None}
    if None not in decided and len(outcomes) == 1:
        note = diag.make(
            "service-outcome-unknown",
            f"the letter is partially overturned but every service reads {outcomes.pop()}",
        )
        return [None] * len(texts), [note]
    missing = [i + 1 for i, d in enumerate(decided) if d is None]
    if missing:
        note = diag.make(
            "service-outcome-unknown",
            "the letter is partially overturned and does not say the outcome of service "
            + ", ".join(map(str, missing)),
        )
        return decided, [note]
    return decided, []

"""The letter's own values: notice date, review organisation, review type and coverage.

- ``notice_date``: the date under ``DATE NOTICE SENT TO ALL PARTIES`` (the review date has a
  heading of its own; a letter with only the notice date gives both).
- ``iro_name``: read where an IRO writes its name, not where a letter quotes others: the
  letterhead and untitled sections, page furniture (running headers, e-mail and web
  addresses), the certification paragraph (``Acme Review has been certified by the Texas
  Department of Insurance``) and the signature; the statutory sections' own text (records
  provided, the narrative) is left out, so ``Records from Professional Associates`` names no
  IRO. A listed organisation (:data:`iroparse.tables.iros.IROS`) gets its canonical name; else
  a line of the letterhead or signature written as a company (``Acme Review, LLC``), else the
  subject of the certification paragraph, gives the name as written, without its legal
  suffix.
- ``review_type`` and ``coverage``: the phrases of :mod:`iroparse.tables.wording` anywhere but
  the screening-criteria checklist (which names the DWC in every letter). A coverage needs
  phrases that weigh 2 (one strong phrase, or two weak ones); two review types, or strong
  phrases of both coverages, give null and an ``*-ambiguous`` diagnostic.
"""

from __future__ import annotations

import regex

from iroparse import diagnostics as diag
from iroparse._fields.dates import REDACTED, find_date
from iroparse._fields.letter import Letter, Read
from iroparse._pipeline.tokens import TokenKind
from iroparse.model import Coverage, ReviewType
from iroparse.tables.iros import IROS, LEGAL_SUFFIX
from iroparse.tables.wording import (
    COVERAGE_EVIDENCE,
    MIN_COVERAGE_WEIGHT,
    REVIEW_TYPE_PHRASES,
    Phrase,
)

__all__ = ["coverage", "iro_name", "notice_date", "review_type"]


_IROS = tuple((e, e.words(), regex.compile(f"(?i){e.pattern}")) for e in IROS)
_COMPANY_LINE = regex.compile(
    rf"[ \t]*(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+[\w&'’.-]+){{0,6}}?){LEGAL_SUFFIX}"
    # the line's end, a separator, or a gap before another column's words
    r"(?:[ \t]*(?:$|\n|[|–—-])|[ \t]{4,})"
)
_REVIEW_TYPES = tuple((p, regex.compile(rf"(?i)\b(?:{p.pattern})")) for p in REVIEW_TYPE_PHRASES)
_COVERAGE = tuple((p, regex.compile(rf"(?i)\b(?:{p.pattern})")) for p in COVERAGE_EVIDENCE)


def _found(
    phrases: tuple[tuple[Phrase, regex.Pattern[str]], ...], text: str
) -> list[tuple[Phrase, regex.Match[str]]]:
    """The first match of each phrase in ``text``, trying only the phrases whose hints are in
    it (see :class:`~iroparse.tables.wording.Phrase`), in table order."""
    lower = text.lower()
    found = []
    for phrase, pattern in phrases:
        if any(hint in lower for hint in phrase.hints):
            match = pattern.search(text)
            if match is not None:
                found.append((phrase, match))
    return found


#: The certification paragraph: ``Acme Review has been certified by the Texas Department of
#: Insurance as an independent review organization``.
_CERTIFIED_IRO = regex.compile(
    r"(?<![\w&'’.-])(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z&][\w&'’.-]*){0,5})"
    rf"(?:{LEGAL_SUFFIX})?\s+(?:has\s+been|is)\s+certified\s+(?:by\s+the\s+Texas\s+"
    r"Department\s+of\s+Insurance|\(?TDI\)?|as\s+an?\s+independent\s+review)"
)
#: The screening-criteria checklist: it names the DWC in every letter, whatever the coverage.
_CHECKLIST = frozenset({"criteria"})
#: Sections whose text quotes other parties: never where the IRO names itself.
_QUOTING = frozenset(
    {"services_in_dispute", "reviewer_qualifications", "information_provided"}
    | {"clinical_history", "analysis", "criteria", "review_outcome"}
)


def notice_date(letter: Letter) -> Read:
    """The date the notice was sent, from its own heading. A notice heading without a
    readable date is ``redacted`` or ``date-unreadable`` (said here when the letter has a
    review date too; else the review date's reader, which falls back on it, says it)."""
    sections = [s for s in letter.every_section if s.kind == "review_date" and s.alias]
    for section in sections:
        if section.alias is None or section.alias.rank == 0:
            continue
        lines = section.lines
        for token in lines[:2]:
            found = find_date(token.text)
            if found is not None:
                value, start, end = found
                span = letter.span(token.start + start, token.start + end)
                return Read(value, {"notice_date": span})
        if not any(s.alias and s.alias.rank == 0 for s in sections):
            return Read(None)
        if not lines or REDACTED.fullmatch(lines[0].text):
            note = diag.make("redacted", "the notice date is blank or redacted")
        else:
            note = diag.make(
                "date-unreadable",
                f"no notice date in {lines[0].text[:60]!r}",
                line=lines[0].line + 1,
            )
        return Read(None, {}, (note,))
    return Read(None)


def _company_line(letter: Letter) -> regex.Match[str] | None:
    """The first line written as a company's name, in the parts of the letter where the IRO
    names itself: the lines of the other sections (letterhead, signature) and page furniture
    anywhere (lines scanned one by one, not the whole letter)."""
    text = letter.normalized
    for section in letter.every_section:
        quoting = section.kind in _QUOTING
        tokens = (section.heading, *section.body) if section.heading else section.body
        for token in tokens:
            if token is None or (quoting and token.kind is not TokenKind.NOISE):
                continue
            found = _COMPANY_LINE.match(text, token.start, token.end)
            if found is not None:
                return found
    return None


def iro_name(letter: Letter) -> Read:
    """The review organisation that wrote the letter (see the module)."""
    text = letter.masked(_QUOTING)
    lower = text.lower()
    listed = [
        (match.start(), match.end(), entry.name)
        for entry, hints, pattern in _IROS
        if any(hint in lower for hint in hints) and (match := pattern.search(text))
    ]
    if listed:
        start, end, name = min(listed)
        return Read(name, {"iro_name": letter.span(start, end)})
    found = _company_line(letter)
    if found is None and "certified" in lower:
        found = _CERTIFIED_IRO.search(text)
    if found is None:
        return Read(None)
    name = " ".join(found.group("name").split())
    if name.isupper():
        name = " ".join(_title_word(word) for word in name.split())
    return Read(name, {"iro_name": letter.span(found.start("name"), found.end("name"))})


def _title_word(word: str) -> str:
    """A word of a name written in capitals, in title case; an acronym (three letters or
    fewer, or with a hyphen: ``IRO``, ``P-IRO``) stays as written."""
    return word if len(word) <= 3 or "-" in word else word.title()


def review_type(letter: Letter) -> Read:
    """Prospective, retrospective or concurrent, when the letter says."""
    found: dict[str, regex.Match[str]] = {}
    for phrase, match in _found(_REVIEW_TYPES, letter.masked(_CHECKLIST)):
        found.setdefault(phrase.value, match)
    if not found:
        return Read(None)
    if len(found) > 1:
        note = diag.make(
            "review-type-ambiguous", f"the letter names {' and '.join(sorted(found))} review"
        )
        return Read(None, {}, (note,))
    ((kind, match),) = found.items()
    return Read(ReviewType(kind), {"review_type": letter.span(match.start(), match.end())})


def coverage(letter: Letter) -> Read:
    """Workers' compensation or a health plan, when the letter says."""
    weights: dict[str, int] = {}
    first: dict[str, regex.Match[str]] = {}
    for phrase, match in _found(_COVERAGE, letter.masked(_CHECKLIST)):
        value, weight = phrase.value, phrase.weight
        weights[value] = weights.get(value, 0) + weight
        if value not in first or match.start() < first[value].start():
            first[value] = match
    strong = [v for v, w in weights.items() if w >= MIN_COVERAGE_WEIGHT]
    if len(strong) > 1:
        note = diag.make(
            "coverage-ambiguous",
            "the letter names both a workers' compensation claim and a health plan",
        )
        return Read(None, {}, (note,))
    if not strong:
        return Read(None)
    match = first[strong[0]]
    return Read(Coverage(strong[0]), {"coverage": letter.span(match.start(), match.end())})

"""The reviewer as values: specialties from the vocabulary, board certification, years.

All three are read from the clean text of the qualifications section; a letter without one
(an older letter) is read in the first sentence of its untitled parts about the reviewer
(``reviewed by a health care professional licensed in Orthopedic Surgery``). A specialty named only
as training (``Residency Training PMR and ORTHOPAEDIC SURGERY``, ``fellowship in spine
surgery``) is not one of the reviewer's specialties: the clause that names it must not be
about training unless it also says certified. Years are the number the letter states (``over
twenty years`` gives 20).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from iroparse import diagnostics as diag
from iroparse._fields.letter import Letter, Read
from iroparse._pipeline.sections import Joined
from iroparse.model import ListItem, Reviewer, Span, Specialty
from iroparse.tables.wording import NUMBER, NUMBER_WORDS

__all__ = ["number_value", "qualifications_paragraph", "read_reviewer"]

_TRAINING = regex.compile(r"(?i)\b(?:residency|fellowship|internship|trained|training)\b")
_CERTIFIED = regex.compile(r"(?i)certif")
_CLAUSE_END = regex.compile(r"[.;]\s")
#: The breaks between the words of a specialty's name: blanks and hyphens.
_WORD_BREAK = regex.compile(r"[\s-]+")
_NOT_CERTIFIED = regex.compile(
    r"(?i)\bnot\s+(?:currently\s+)?board[\s-]*certified|\bboard[\s-]*eligible\b"
)
_CERTIFIED_BY_BOARD = regex.compile(
    r"(?i)\bboard[\s-]*certifi(?:ed|cation)|\bdiplomate\b|\bcertified\s+by\s+the\s+american"
    r"\s+board|\b(?-i:ABMS)\b|\b(?-i:AB[A-Z&]{1,4})[\s-]+certified"
)
_ABOUT = r"(?:(?:over|more\s+than|nearly|almost|about|approximately|at\s+least)\s+)?"
_YEARS = regex.compile(
    rf"(?i)\b{_ABOUT}(?P<n>{NUMBER})\+?\s+(?:years?|yrs?\.?)\s+(?:of\s+)?(?:[\w-]+\s+){{0,2}}?"
    r"(?:practice|experience|practicing)\b"
    rf"|\b(?:practice|practiced|practicing|experience)\s+(?:[\w-]+\s+){{0,3}}?(?:for\s+)?"
    rf"{_ABOUT}(?P<n>{NUMBER})\+?\s+(?:years?|yrs?)\b"
    # ``has performed spine surgery for over twenty years``: a duration in a reviewer's text
    rf"|\bfor\s+{_ABOUT}(?P<n>{NUMBER})\+?\s+(?:years?|yrs?)\b"
)


def number_value(text: str) -> int:
    """The value of a number in digits or words (``20``, ``twenty``, ``twenty-five``)."""
    text = text.lower()
    if text.isdigit():
        return int(text)
    parts = _WORD_BREAK.split(text)
    return sum(NUMBER_WORDS.get(p, 0) for p in parts)


def _item_starts(joined: Joined, letter: Letter) -> list[int]:
    """Where each listed item of the qualifications starts, as offsets of ``joined``."""
    starts: list[int] = []
    for item in letter.items("reviewer_qualifications"):
        i = bisect_left(joined.sources, item.start)
        if i < len(joined.starts):
            starts.append(joined.starts[i])
    return starts


def _clause(text: str, bounds: list[int], start: int, end: int) -> str:
    """The clause of ``text`` around ``[start, end)``: within its list item and its sentence."""
    i = bisect_right(bounds, start)
    left = bounds[i - 1] if i else 0
    right = bounds[i] if i < len(bounds) else len(text)
    for m in _CLAUSE_END.finditer(text, left, right):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return text[left:right]


#: A sentence about the reviewer in a letter without a qualifications section (an older
#: letter's preamble: ``This case was reviewed by a health care professional licensed in
#: Orthopedic Surgery.``).
_ABOUT_REVIEWER = regex.compile(
    r"(?i)[^.]{0,200}?\breview(?:ed|er)\b[^.]{0,160}?\b(?:licensed|certified|specialist"
    r"|speciali[sz]|practic)[^.]{0,200}"
)


def _where(letter: Letter) -> tuple[Joined, list[int], int, int] | None:
    """The text the reviewer is read from, its item starts and the window in it: the
    qualifications section, else the first sentence about the reviewer in the untitled parts."""
    joined = letter.texts.get("reviewer_qualifications")
    if joined is not None and joined.text:
        return joined, _item_starts(joined, letter), 0, len(joined.text)
    if "reviewer_qualifications" in letter.sections:
        return None
    for other in letter.others:
        found = _ABOUT_REVIEWER.search(other.text)
        if found is not None:
            return other, [], found.start(), found.end()
    return None


def read_reviewer(letter: Letter) -> Read:
    """The reviewer's specialties, board certification and years in practice."""
    where = _where(letter)
    if where is None:
        return Read(Reviewer())
    joined, bounds, lo, hi = where
    text = joined.text

    def span(start: int, end: int) -> Span:
        return letter.span(joined.source(start), joined.source(end - 1) + 1)

    specialties: dict[str, Specialty] = {}
    for name, start, end in letter.specialties.find(text[lo:hi]):
        start, end = start + lo, end + lo
        clause = _clause(text, bounds, start, end)
        if _TRAINING.search(clause) and not _CERTIFIED.search(clause):
            continue
        specialties.setdefault(name, Specialty(name, span(start, end)))
    spans: dict[str, Span | None] = {}
    certified: bool | None = None
    for pattern, value in ((_NOT_CERTIFIED, False), (_CERTIFIED_BY_BOARD, True)):
        found = pattern.search(text, lo, hi)
        if found is not None:
            certified = value
            spans["board_certified"] = span(found.start(), found.end())
            break
    years: int | None = None
    found = _YEARS.search(text, lo, hi)
    if found is not None:
        years = number_value(found.group("n"))
        spans["years_in_practice"] = span(found.start(), found.end())
    reviewer = Reviewer(tuple(specialties.values()), certified, years)
    notes = (
        ()
        if specialties
        else (
            diag.make(
                "specialty-unknown", f"no specialty of the vocabulary in {text[lo:hi][:60]!r}"
            ),
        )
    )
    return Read(reviewer, spans, notes)


#: What a paragraph about the reviewer says of them: a board, a licence, a degree, a practice.
_QUALIFYING = regex.compile(
    r"(?i)\bboard[\s-]+certified\b|\blicensed\s+(?:in|by|to)\b|\bdoctor\s+of\b|\bdiplomate\b"
    r"|\bspecialist\s+in\b|\bin\s+(?:active\s+)?practice\b|\bapproved\s+doctor\s+list\b"
)
#: A paragraph about the review's performer names the review (``The review was performed by``,
#: ``This case was reviewed by``, ``The reviewer is``).
_REVIEW_WORD = regex.compile(r"(?i)\breview(?:ed|er)?\b")
#: A paragraph that opens with the reviewer's independence, not their qualifications (a
#: paragraph about the reviewer may end with it: it is part of the qualification then).
_INDEPENDENCE = regex.compile(r"(?i)\bconflicts?\s+of\s+interest\b")


def _about_independence(paragraph: str) -> bool:
    """Whether ``paragraph``'s first sentence is about the reviewer's independence and says
    nothing of their qualifications."""
    first = paragraph.split(". ", 1)[0]
    return _INDEPENDENCE.search(first) is not None and _QUALIFYING.search(first) is None


def qualifications_paragraph(letter: Letter) -> Read:
    """A letter without a qualifications section (an older letter) describes its reviewer in
    a paragraph of its own (``The independent review was performed by a physician reviewer
    who is board certified in Plastic Surgery ...``): that paragraph, whole, as the one
    qualification; none when no paragraph outside the statutory sections says who reviewed
    the case and with which board, licence or practice."""
    # the untitled parts, and the paragraphs a value's heading ran on into (``IRO Case #:
    # 98-0412`` / the letter's introduction)
    values = [letter.texts[k] for k in ("case_number", "review_date") if k in letter.texts]
    for joined in (*letter.others, *values):
        at = 0
        for paragraph in joined.text.split("\n\n"):
            start, at = at, at + len(paragraph) + 2
            if (
                _REVIEW_WORD.search(paragraph)
                and _QUALIFYING.search(paragraph)
                and not _about_independence(paragraph)
            ):
                end = start + len(paragraph.rstrip())
                span = letter.span(joined.source(start), joined.source(end - 1) + 1)
                return Read((ListItem(" ".join(paragraph.split()), span),))
    return Read(())

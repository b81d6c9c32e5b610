"""The vocabularies of a letter, as data: section headings, outcome labels, screening criteria.

Everything the parser recognises by name lives in these tables, never in ``if`` chains:
plugins extend them through the hooks of :mod:`iroparse.hookspecs`. Matching is tolerant of
case, punctuation, ``&``/AND, spacing (``HEALTHCARE``/``HEALTH CARE``) and small typos; see
:func:`squash` and :func:`words`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex
from attrs import frozen

from iroparse.tables.headings import HEADING_WORDINGS
from iroparse.tables.misread_marks import BOX_CROSS, BOX_LEFT, BOX_RIGHT, EMPTY_BOX_LETTERS
from iroparse.tables.wording import CLOSING_PARAGRAPHS

__all__ = [
    "CHECKED_GLYPHS",
    "CRITERIA",
    "CRITERIA_CODES",
    "GLYPHS",
    "HEADINGS",
    "LEADING_MARK",
    "MONTH_HEADS",
    "OCR_DIGITS",
    "OUTCOMES",
    "OUTCOME_LEAD_IN",
    "SECTION_KINDS",
    "SHOULD_BE",
    "UNCHECKED_GLYPHS",
    "ChecklistEntry",
    "HeadingAlias",
    "digits_read",
    "squash",
    "squash_exact",
    "words",
]

_AMPERSAND = regex.compile(r"&")
_NOT_ALNUM = regex.compile(r"[^A-Z0-9]+")


def words(text: str) -> str:
    """Upper-case ``text``, spell ``&`` as AND, and reduce punctuation runs to single spaces.

    >>> words("ODG-Official Disability Guidelines & Treatment")
    'ODG OFFICIAL DISABILITY GUIDELINES AND TREATMENT'
    """
    return _NOT_ALNUM.sub(" ", _AMPERSAND.sub(" AND ", text.upper())).strip()


#: The characters a text recognition (OCR) confuses, folded together when headings and
#: labels are compared: ``l`` for ``I``, ``0`` for ``O``, ``5`` for ``S`` (``lR0 CASE #``,
#: ``ANALY5IS``).
_OCR_FOLD = str.maketrans("L05", "IOS")


def squash_exact(text: str) -> str:
    """Like :func:`words` but with no spaces at all, so ``HEALTHCARE`` equals ``HEALTH CARE``
    and ``#`` reads as ``NO`` (``IRO CASE #`` equals ``IRO CASE NO.``)."""
    return _NOT_ALNUM.sub("", text.upper().replace("&", "AND").replace("#", "NO"))


#: The letters a scan reads for digits, as the digits: ``O`` and ``o`` for 0, ``I`` and ``l``
#: for 1.
OCR_DIGITS = str.maketrans("OoIl", "0011")


def digits_read(found: regex.Pattern[str], text: str) -> str:
    """``text`` with the letters a scan reads for digits written as the digits wherever
    ``found`` matches (one character for one: every offset stays).

    >>> digits_read(regex.compile(r"[\\dOl]+"), "TMR-O2-0l93")
    'TMR-02-0193'
    """
    return found.sub(lambda match: match.group().translate(OCR_DIGITS), text)


@lru_cache(maxsize=1 << 13)
def squash(text: str) -> str:
    """:func:`squash_exact` with the characters text recognition confuses folded together
    (``DATE 0F REVlEW`` equals ``DATE OF REVIEW``): how headings and checklist labels are
    compared.

    >>> squash("Health-care & Quality") == squash("HEALTHCARE AND QUALITY")
    True
    >>> squash("lR0 CASE #") == squash("IRO CASE NO.")
    True

    Results are cached: a batch's letters repeat their headings, labels and furniture, so
    each distinct line is squashed once.
    """
    return squash_exact(text).translate(_OCR_FOLD)


SECTION_KINDS: tuple[str, ...] = (
    "title",
    "review_date",
    "case_number",
    "services_in_dispute",
    "reviewer_qualifications",
    "review_outcome",
    "information_provided",
    "clinical_history",
    "analysis",
    "criteria",
    "other",
)
"""The section kind codes of DESIGN section 1 (``title`` is the text before the first heading
and the letter's title line; ``other`` any heading outside the statutory sections)."""


@frozen
class HeadingAlias:
    """One way a heading is written. ``rank`` orders aliases of the same kind: a lower rank
    wins when a letter has both (``DATE OF REVIEW`` before ``DATE NOTICE SENT``)."""

    kind: str
    text: str
    rank: int = 0

    @property
    def key(self) -> str:
        """The alias squashed for matching."""
        return squash(self.text)


HEADINGS: tuple[HeadingAlias, ...] = tuple(
    HeadingAlias(kind, text, rank) for kind, text, rank in HEADING_WORDINGS
)
"""The built-in heading catalogue: every alias with its section kind."""


@frozen
class ChecklistEntry:
    """A checklist item the parser knows: its ``code``, the canonical ``label`` (used to join
    items wrapped over several lines and by :meth:`iroparse.layout.Layout.render`), and a
    ``signature``, a regular expression matched against the start of :func:`words` of a line."""

    code: str
    label: str
    signature: str

    @property
    def key(self) -> str:
        """The canonical label squashed for matching."""
        return squash(self.label)


def _entries(rows: Iterable[tuple[str, str, str]]) -> tuple[ChecklistEntry, ...]:
    return tuple(ChecklistEntry(code, label, signature) for code, label, signature in rows)


OUTCOMES: tuple[ChecklistEntry, ...] = _entries(
    [
        ("upheld", "Upheld (Agree)", r"UPHELD\b|AGREE\b"),
        (
            "partially_overturned",
            "Partially Overturned (Agree in part/Disagree in part)",
            r"PARTIALLY\s+OVERTURNED\b|PARTIAL(?:LY)?\b|AGREE\s+IN\s+PART",
        ),
        ("overturned", "Overturned (Disagree)", r"OVERTURNED\b|DISAGREE\b"),
    ]
)
"""The three outcome checkboxes of the REVIEW OUTCOME section, in letter order."""

CRITERIA: tuple[ChecklistEntry, ...] = _entries(
    [
        (
            "acoem",
            "ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE",
            r"ACOEM\b|AMERICAN?\s+COLLEGE\s+OF\s+OCC",
        ),
        (
            "ahcpr",
            "AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDELINES",
            r"AHCPR\b|AHRQ\b|AGENCY\s+FOR\s+HEALTH",
        ),
        (
            "dwc",
            "DWC-DIVISION OF WORKERS COMPENSATION POLICIES OR GUIDELINES",
            # (or the division's forerunner: ``TWCC-TEXAS WORKERS' COMPENSATION COMMISSION``;
            # or ``Texas Division of Workers' Compensation policies or guidelines``)
            r"DWC\b|TWCC\b|(?:TEXAS\s+)?DIVISION\s+OF\s+WORKERS"
            r"|TEXAS\s+WORKERS\s*S?\s+COMPENSATION\s+COMMISSION",
        ),
        (
            "european_low_back_pain",
            "EUROPEAN GUIDELINES FOR MANAGEMENT OF CHRONIC LOW BACK PAIN",
            # (or in short: ``European Low Back Pain guidelines``)
            r"EUROPEAN\s+(?:GUIDELINES|LOW\s+BACK)",
        ),
        ("interqual", "INTERQUAL CRITERIA", r"INTER\s*QUAL\b"),
        (
            "medical_judgement",
            "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE & EXPERTISE IN ACCORDANCE WITH ACCEPTED"
            " MEDICAL STANDARDS",
            # (or as an older letter writes it: ``The reviewer's clinical judgment and
            # experience``, ``Physician reviewer's medical judgment and experience``)
            r"MEDICAL\s+JUDGE?MENT|(?:THE\s+)?(?:REVIEWER\s*S?\s+)?CLINICAL\s+JUDGE?MENT"
            r"|PHYSICIAN\s+REVIEWER\s*S?\s+MEDICAL\s+JUDGE?MENT",
        ),
        (
            "mercy_center",
            "MERCY CENTER CONSENSUS CONFERENCE GUIDELINES",
            # (or the conference's book by its title: ``Guidelines for Chiropractic Quality
            # Assurance and Practice Parameters: Proceedings of the Mercy Center ...``)
            r"MERCY\s+CENTER|GUIDELINES\s+FOR\s+CHIROPRACTIC\s+QUALITY\s+ASSURANCE\s+AND\s+PRACTICE"
            r"\s+PARAMETERS\W{0,3}PROCEEDINGS",
        ),
        ("milliman", "MILLIMAN CARE GUIDELINES", r"MILLIMAN\b|MCG\b"),
        (
            "odg",
            "ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES",
            r"ODG\b|OFFICIAL\s+DISABILITY",
        ),
        ("pressley_reed", "PRESSLEY REED, THE MEDICAL DISABILITY ADVISOR", r"PRESSLEY\s+REED"),
        (
            "texas_chiropractic",
            "TEXAS GUIDELINES FOR CHIROPRACTIC QUALITY ASSURANCE & PRACTICE PARAMETERS",
            # (or in short: ``Texas Chiropractic Guidelines``)
            r"TEXAS\s+(?:GUIDELINES\s+FOR\s+)?CHIRO",
        ),
        ("texas_tacada", "TEXAS TACADA GUIDELINES", r"TEXAS\s+TACADA"),
        ("tmf", "TMF SCREENING CRITERIA MANUAL", r"TMF\b"),
        (
            "peer_reviewed_literature",
            "PEER REVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE (PROVIDE A DESCRIPTION)",
            # any typing of REVIEWED: ``REVIEWED``, ``REVEIWED``, ``ERVIEWED``, ``RVIEWED``
            r"PEER[\s-]*\w{0,3}V",
        ),
        (
            "other_evidence_based",
            "OTHER EVIDENCE BASED, SCIENTIFICALLY VALID, OUTCOME FOCUSED GUIDELINES"
            " (PROVIDE A DESCRIPTION)",
            r"OTHER\s+EVIDENCE",
        ),
    ]
)
"""The screening-criteria checklist of DESIGN section 4, in the order letters print it."""

#: The hyphen and the characters written for it: Unicode's hyphens (what PDF extractors often
#: emit), the minus sign, and the en and em dashes a word processor puts in
#: (``45‐year‐old``, ``TX–2013–4471``); as the body of a regular-expression character class
#: (the ASCII hyphen escaped, so that it is literal wherever the class puts it).
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
#: The first three letters of each month's name, as the body of an alternation: what every
#: reader of a written date (``Jul 14 2021``, ``APR 22 2010``) knows a month by.
MONTH_HEADS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
#: Bullets as text extractors write them: the typographic ones, and the Symbol and Wingdings
#: bullets of a word processor's list, which come out as private-use code points or as the
#: characters the font maps them to (``§``, ``Ø``; an ``o`` alone is a second-level bullet);
#: and ``>``, an arrow typed as a bullet, ``+``, or a check mark (``✓``).
BULLETS = ">+✓✔•●*·▪◦‣○◼▫■◆♦❖➢►»›▸▹▶➤§Ø\uf0b7\uf0a7\uf076\uf0d8"


CRITERIA_CODES: tuple[str, ...] = tuple(entry.code for entry in CRITERIA)
"""The 15 criterion codes; items the catalogue does not know get ``other``."""

SHOULD_BE = regex.compile(r"(?i)should\s+be\s*:?\s*|^\s*be\s*:\s*")
"""The end of the REVIEW OUTCOME lead-in (``...determinations should be:``), after which an
inline letter writes its outcome."""

CLOSING = regex.compile("(?i)(?:" + "|".join(CLOSING_PARAGRAPHS) + ")")
"""A paragraph that closes the letter (see :data:`iroparse.tables.wording.CLOSING_PARAGRAPHS`):
the reviewer's statement of independence, the decision's legal force, the appeal rights."""

OUTCOME_LEAD_IN = regex.compile(
    r"(?i)\bupon\s+independent\s+review\b|\bprevious\s+adverse\s+determinations?\b"
    r"[^.]{0,60}\bshould\s+be\b"
)
"""The REVIEW OUTCOME section's lead-in sentence (``Upon independent review, the reviewer finds
that the previous adverse determination ... should be:``), wherever a letter puts it: never a
service, a record or a qualification."""

#: Checkbox glyphs read as checked: ballot boxes with a mark, check marks, filled shapes, the
#: private-use code points PDF extractors emit for Wingdings/Symbol checkboxes, and the
#: Latin-1 letters a Wingdings box comes out as when the font's mapping is lost (``þ`` for
#: the ticked box, ``ý`` for the crossed one); a chosen radio button (``◉``). Wingdings'
#: filled square and circle (``n``, ``l``: U+F06E, U+F06C) are checked beside its empty ones.
CHECKED_GLYPHS = frozenset("☒☑✓✔√✗✘■●◼◉⦿\uf0fe\uf0fd\uf078\uf0fc\uf0a4\uf06e\uf06cþý")
#: Checkbox glyphs read as unchecked (``¨``: Wingdings' empty box as a Latin-1 letter; its
#: empty squares and circles ``o``, ``q``, ``m``, ``¡``).
UNCHECKED_GLYPHS = frozenset("☐□○◻❑\uf0a8\uf06f\uf071\uf06d\uf0a1¨")
#: Every checkbox glyph, as the body of a regular-expression character class.
GLYPHS = "".join(sorted(CHECKED_GLYPHS | UNCHECKED_GLYPHS))
#: A mark that opens a checklist item, its label after it: ``[ ]``, ``[X]``, ``( )``, ``(X)``, a
#: glyph, an ``X`` and two blanks (``X  ODG-...``), underscores (``___``, ``_X_``); or a box
#: text recognition misread (``IZI``, ``IXI``, ``[Xl``; ``D``, ``0`` or ``o`` for an empty one,
#: two blanks and a capital after it).
LEADING_MARK = regex.compile(
    rf"(?:\[\s*[Xx✓✔]?\s*\]|\(\s*[Xx✓✔]?\s*\)|[{GLYPHS}]|[Xx](?=\s{{2}})"
    r"|_{1,3}[Xx✓✔]_{1,3}|_{2,5}(?=\s)"
    rf"|[{BOX_LEFT}][{BOX_CROSS}][{BOX_RIGHT}](?=\s)|[{EMPTY_BOX_LETTERS}](?=\s{{2,}}\p{{Lu}}))\s*\S"
)

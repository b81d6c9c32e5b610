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

__all__ = [
    "CHECKED_GLYPHS",
    "CRITERIA",
    "CRITERIA_CODES",
    "GLYPHS",
    "HEADINGS",
    "OUTCOMES",
    "SECTION_KINDS",
    "SHOULD_BE",
    "UNCHECKED_GLYPHS",
    "ChecklistEntry",
    "HeadingAlias",
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
#: labels are compared: ``l`` for ``I``, ``0`` for ``O`` (``lR0 CASE #``).
_OCR_FOLD = str.maketrans("L0", "IO")


def squash_exact(text: str) -> str:
    """Like :func:`words` but with no spaces at all, so ``HEALTHCARE`` equals ``HEALTH CARE``
    and ``#`` reads as ``NO`` (``IRO CASE #`` equals ``IRO CASE NO.``)."""
    return _NOT_ALNUM.sub("", text.upper().replace("&", "AND").replace("#", "NO"))


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


def _aliases(kind: str, *texts: str, rank: int = 0) -> list[HeadingAlias]:
    return [HeadingAlias(kind, t, rank) for t in texts]


HEADINGS: tuple[HeadingAlias, ...] = tuple(
    _aliases("title", "NOTICE OF INDEPENDENT REVIEW DECISION", "NOTICE OF DECISION")
    + _aliases("review_date", "DATE OF REVIEW", "REVIEW DATE", "DATE OF THE REVIEW")
    + _aliases(
        "review_date",
        "DATE NOTICE SENT TO ALL PARTIES",
        "DATE NOTICE SENT",
        "DATE OF NOTICE",
        "NOTICE DATE",
        rank=1,
    )
    + _aliases("case_number", "IRO CASE #", "IRO CASE NUMBER", "IRO REFERENCE #")
    # a summary box's ``Case Number:`` (an IRO's own heading wins when the letter has both)
    + _aliases("case_number", "CASE NUMBER", "CASE #", "CASE NO", rank=1)
    + _aliases(
        "services_in_dispute",
        "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE",
        "DESCRIPTION OF THE SERVICES IN DISPUTE",
        "DESCRIPTION OF THE SERVICE(S) IN DISPUTE",
        "DESCRIPTION OF THE SERVICE IN DISPUTE",
        "DESCRIPTION OF SERVICE(S) IN DISPUTE",
        "DESCRIPTION OF SERVICES IN DISPUTE",
        "DESCRIPTION OF SERVICE IN DISPUTE",
        "SERVICES IN DISPUTE",
        "REQUESTED SERVICE(S)",
        "REQUESTED SERVICES",
        "REQUESTED SERVICE",
        "SERVICE(S) REQUESTED",
        "SERVICES REQUESTED",
        "SERVICE REQUESTED",
        "SERVICE(S) IN DISPUTE",
        "SERVICE IN DISPUTE",
        "DISPUTED SERVICE(S)",
        "DISPUTED SERVICES",
        "DISPUTED SERVICE",
        "QUESTION(S) UNDER REVIEW",
        "QUESTION UNDER REVIEW",
    )
    + _aliases(
        "reviewer_qualifications",
        "A DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE PROVIDER"
        " WHO REVIEWED THE DECISION",
        "DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE PROVIDER"
        " WHO REVIEWED THE DECISION",
        "QUALIFICATIONS OF THE REVIEWER",
        "QUALIFICATIONS OF THE PHYSICIAN REVIEWER",
        "QUALIFICATIONS OF REVIEWER",
        "REVIEWER QUALIFICATIONS",
        "REVIEWER'S QUALIFICATIONS",
        "PHYSICIAN REVIEWER QUALIFICATIONS",
    )
    + _aliases(
        "review_outcome",
        "REVIEW OUTCOME",
        "DECISION OUTCOME",
        "REVIEW DECISION",
        "DECISION",
        "DETERMINATION",
    )
    + _aliases(
        "information_provided",
        "INFORMATION PROVIDED TO THE IRO FOR REVIEW",
        "RECORDS RECEIVED AND REVIEWED",
        "RECORDS PROVIDED TO THE IRO FOR REVIEW",
        "RECORDS REVIEWED",
        "DOCUMENTS REVIEWED",
        "MEDICAL RECORDS REVIEWED",
        "INFORMATION REVIEWED",
        "INFORMATION PROVIDED FOR REVIEW",
        "DOCUMENTS PROVIDED FOR REVIEW",
        "LIST OF RECORDS REVIEWED",
    )
    + _aliases(
        "clinical_history",
        "PATIENT CLINICAL HISTORY SUMMARY",
        "PATIENT CLINICAL HISTORY",
        "CLINICAL HISTORY SUMMARY",
        "SUMMARY OF CLINICAL HISTORY",
        "CLINICAL HISTORY",
        "CLINICAL SUMMARY",
        "CASE SUMMARY",
        "BRIEF CLINICAL HISTORY",
        "PERTINENT CLINICAL HISTORY",
        "CLINICAL BACKGROUND",
    )
    + _aliases(
        "analysis",
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDE CLINICAL BASIS, FINDINGS, AND"
        " CONCLUSIONS USED TO SUPPORT THE DECISION",
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND"
        " CONCLUSIONS USED TO SUPPORT THE DECISION",
        "ANALYSIS AND EXPLANATION OF THE DECISION",
        "RATIONALE/BASIS FOR DECISION",
        "RATIONALE FOR THE DECISION",
        "RATIONALE FOR DECISION",
        "REVIEWER'S RATIONALE",
        "CLINICAL RATIONALE",
        "RATIONALE",
        "BASIS FOR THE DECISION",
        "BASIS FOR DECISION",
        "ANALYSIS AND EXPLANATION",
        "EXPLANATION OF THE DECISION",
        "ANALYSIS AND RATIONALE",
        "CLINICAL ANALYSIS",
        "ANALYSIS",
    )
    + _aliases(
        "criteria",
        "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED"
        " TO MAKE THE DECISION",
        "DESCRIPTION AND SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO MAKE"
        " THE DECISION",
        "SCREENING CRITERIA / CLINICAL BASIS",
        "SCREENING CRITERIA OR OTHER CLINICAL BASIS",
        "SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO MAKE THE DECISION",
        "SCREENING CRITERIA AND CLINICAL BASIS USED TO MAKE THE DECISION",
        "SCREENING CRITERIA USED TO MAKE THE DECISION",
        "CLINICAL BASIS USED TO MAKE THE DECISION",
        "SOURCE OF SCREENING CRITERIA",
        "SCREENING CRITERIA",
        "CRITERIA USED",
        "CRITERIA/GUIDELINES USED",
        "GUIDELINES USED",
        "CLINICAL BASIS",
    )
    + _aliases(
        "other",
        "YOUR RIGHT TO APPEAL",
        "RIGHT TO APPEAL",
        "NOTICE OF RIGHT TO APPEAL",
        "NOTICE OF APPEAL RIGHTS",
        "YOUR APPEAL RIGHTS",
        "YOUR RIGHT TO REQUEST A HEARING",
        "RIGHT TO REQUEST A HEARING",
        "YOUR RIGHT TO FURTHER REVIEW",
        "RIGHT TO FURTHER REVIEW",
        "APPEAL RIGHTS",
        "APPEAL INFORMATION",
        "CERTIFICATION",
        "CERTIFICATION AND NOTICE",
        "CERTIFICATE OF INDEPENDENCE",
        "CERTIFICATION OF INDEPENDENCE",
        "CERTIFICATION OF INDEPENDENCE OF REVIEWER",
        "CERTIFICATION OF INDEPENDENCE OF THE REVIEWER",
        "NOTICE OF RIGHTS",
        "STATEMENT OF INDEPENDENCE",
        "DISCLAIMER",
        "COPIES TO",
        "NOTICE ABOUT CERTAIN INFORMATION LAWS AND PRACTICES",
        "NOTICE ABOUT INFORMATION LAWS AND PRACTICES",
        # the letter's close: the signature block after the analysis is no part of it
        "SINCERELY",
        "RESPECTFULLY",
        "RESPECTFULLY SUBMITTED",
        "YOURS TRULY",
    )
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
            r"DWC\b|DIVISION\s+OF\s+WORKERS",
        ),
        (
            "european_low_back_pain",
            "EUROPEAN GUIDELINES FOR MANAGEMENT OF CHRONIC LOW BACK PAIN",
            r"EUROPEAN\s+GUIDELINES",
        ),
        ("interqual", "INTERQUAL CRITERIA", r"INTER\s*QUAL\b"),
        (
            "medical_judgement",
            "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE & EXPERTISE IN ACCORDANCE WITH ACCEPTED"
            " MEDICAL STANDARDS",
            r"MEDICAL\s+JUDGE?MENT",
        ),
        ("mercy_center", "MERCY CENTER CONSENSUS CONFERENCE GUIDELINES", r"MERCY\s+CENTER"),
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
            r"TEXAS\s+GUIDELINES\s+FOR\s+CHIRO",
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
#: Bullets as text extractors write them: the typographic ones, and the Symbol and Wingdings
#: bullets of a word processor's list, which come out as private-use code points or as the
#: characters the font maps them to (``§``, ``Ø``; an ``o`` alone is a second-level bullet).
BULLETS = "•●*·▪◦‣○◼▫■◆♦❖➢►§Ø\uf0b7\uf0a7\uf076\uf0d8"
#: Checkbox glyphs read as checked: ballot boxes with a mark, check marks, filled shapes, the
#: private-use code points PDF extractors emit for Wingdings/Symbol checkboxes, and the
#: Latin-1 letters a Wingdings box comes out as when the font's mapping is lost (``þ`` for
#: the ticked box, ``ý`` for the crossed one).
CHECKED_GLYPHS = frozenset("☒☑✓✔√✗✘■●◼\uf0fe\uf0fd\uf078\uf0fc\uf0a4þý")
#: Checkbox glyphs read as unchecked (``¨``: Wingdings' empty box as a Latin-1 letter).
UNCHECKED_GLYPHS = frozenset("☐□○◻❑\uf0a8\uf06f\uf071\uf0a1¨")
#: Every checkbox glyph, as the body of a regular-expression character class.
GLYPHS = "".join(sorted(CHECKED_GLYPHS | UNCHECKED_GLYPHS))
SHOULD_BE = regex.compile(r"(?i)should\s+be\s*:?\s*|^\s*be\s*:\s*")
"""The end of the REVIEW OUTCOME lead-in (``...determinations should be:``), after which an
inline letter writes its outcome."""

OUTCOME_LEAD_IN = regex.compile(
    r"(?i)\bupon\s+independent\s+review\b|\bprevious\s+adverse\s+determinations?\b"
    r"[^.]{0,60}\bshould\s+be\b"
)
"""The REVIEW OUTCOME section's lead-in sentence (``Upon independent review, the reviewer finds
that the previous adverse determination ... should be:``), wherever a letter puts it: never a
service, a record or a qualification."""

CRITERIA_CODES: tuple[str, ...] = tuple(entry.code for entry in CRITERIA)
"""The 15 criterion codes; items the catalogue does not know get ``other``."""

"""Headings known by their key words: the last way a heading is recognised, for wordings no
table lists (``CREDENTIALS OF REVIEWING PHYSICIAN``, ``DOCUMENTATION CONSIDERED``,
``REASONING``, ``Test(s) at Issue``). Each row is a section kind and a pattern over the line's
:func:`~iroparse.catalogue.words`; the first row whose pattern the words hold gives the kind,
so a row comes before the rows whose words it may also hold (``RATIONALE/BASIS FOR
DECISION`` is the analysis, though it says ``DECISION``).

Only a line written as a heading is tried
(:func:`iroparse._pipeline.worded_headings.heading_shaped`): a few capitalised words alone on
their line, or before a colon, or a designed letter's question (``Who reviewed it?``); never
a checklist item, a sentence, a title, an address.
"""

from __future__ import annotations

__all__ = [
    "HEADING_WORDS",
    "NOT_HEADING_WORDS",
    "SENTENCE_HEADING",
    "SENTENCE_SUBJECT_WORDS",
    "STATUTORY_PHRASES",
    "TITLE_NOT_HEADING_WORDS",
    "TITLE_WORDS",
]

_THINGS = (
    r"(?:SERVICE|TREATMENT|PROCEDURE|ITEM|TEST|MEDICATION|DRUG|SURGERY|EQUIPMENT|DEVICE|LEVEL\s+OF\s+CARE"
    r"|THERAPY|IMAGING|STUDY|STUDIES|ADMISSION|STAY)(?: ?S)?"
)
_DISPUTED = r"(?:DISPUTED?|ISSUE|REVIEW|REQUESTED|DENIED|QUESTION|APPEALED|CONTESTED)"
#: ``Nature of the Dispute``, ``Matter in Dispute``
_THE_DISPUTE = r"(?:NATURE|MATTER|SUBJECT)\s+(?:OF|IN)\s+(?:THE\s+)?DISPUTE"

HEADING_WORDS: tuple[tuple[str, str], ...] = (
    # a designed letter's questions about the letter's close, before any row their other words
    # hold: ``What if I disagree with this decision?``, ``What happens next``, ``What you can do
    # next``, ``Is the Reviewer Independent?``,
    # ``Does the reviewer have a conflict of interest?``
    (
        "other",
        r"^WHAT\s+IF\b|^IF\s+YOU\s+DISAGREE\b|^WHAT\s+(?:HAPPENS|COMES)\s+(?:NEXT|NOW)$"
        r"|^WHAT\s+YOU\s+CAN\s+DO(?:\s+NEXT|\s+NOW)?$"
        r"|^(?:DOES|DO|IS|ARE|WAS|WERE)\s+THE\s+REVIEWERS?\s+(?:INDEPENDENT$"
        r"|HAVE\s+(?:AN?\s+|ANY\s+)?CONFLICTS?\s+OF\s+INTEREST$)",
    ),
    (
        "analysis",
        r"\b(?:ANALYSIS|RATIONALE|REASONING|REASONS?\s+FOR|EXPLANATION|DISCUSSION|JUSTIFICATION"
        r"|OPINION"
        # a designed letter's plain words: ``Why We Decided This``, ``How We Reached It``
        r"|(?:WHY|HOW)\s+(?:WE|THE\s+REVIEWER)\s+(?:DECIDED|MADE|REACHED|CAME)"
        # (a question: ``Why did the reviewer decide this way?``, ``Why Was This Decision
        # Made?``)
        r"|^WHY\b"
        r"|WHAT\s+(?:WE|THE\s+REVIEWER)\s+FOUND"
        # (the ``CLINICAL BASIS FOR DECISION`` is the criteria's)
        r"|(?<!CLINICAL\s)BASIS\s+FOR(?:\s+THE)?\s+(?:DECISION|DETERMINATION|OPINION))\b",
    ),
    # (never ``References`` alone: the analysis's list of the literature it cites)
    # (``SOURCES:``, the guidelines the reviewer used, alone)
    ("criteria", r"\b(?:CRITERIA|GUIDELINES?|STANDARDS|CLINICAL\s+BASIS)\b|^SOURCES?(?:\s+USED)?$"),
    # documents received: ``Items Received for Review`` (items, though no service)
    (
        "information_provided",
        r"\b(?:RECEIVED|SUBMITTED|CONSIDERED|PROVIDED|FILE\s+CONTENTS|CONTENTS\s+OF\s+(?:THE\s+)?FILE"
        r"|WHAT\s+(?:WE|THE\s+REVIEWER)\s+(?:LOOKED\s+AT|REVIEWED|READ))\b",
    ),
    (
        "reviewer_qualifications",
        r"\b(?:QUALIFICATIONS?|CREDENTIALS?|BOARD\s+(?:CERTIFICATION|STATUS)|SPECIALTY"
        r"|ABOUT\s+(?:THE|YOUR)\s+(?:PHYSICIAN\s+)?REVIEWER|WHO\s+REVIEWED|^REVIEWED\s+BY$"
        r"|(?:ABOUT\s+THE\s+)?REVIEWING\s+(?:DOCTOR|PHYSICIAN|PROVIDER|CLINICIAN)"
        r"|^(?:THE\s+)?INDEPENDENT\s+REVIEWER$"
        # (a word between: ``Reviewer's Professional Background``)
        r"|REVIEWER(?:\s+S)?\s+(?:\w+\s+)?(?:INFORMATION|PROFILE|BACKGROUND|EXPERIENCE|EXPERTISE"
        r"|EDUCATION|TRAINING))\b",
    ),
    (
        "services_in_dispute",
        rf"\b(?:{_THINGS}\b.*\b{_DISPUTED}|(?:DISPUTED|REQUESTED|DENIED|DENIAL\s+OF|PROPOSED|APPEALED)\b"
        rf".*\b{_THINGS}|{_THE_DISPUTE}|(?:REQUEST|MATTER)\s+(?:UNDER|IN|AT)\s+(?:REVIEW|DISPUTE|ISSUE)"
        # the question the review answers: ``THE QUESTION PRESENTED``, ``The question``
        r"|^(?:THE\s+)?QUESTIONS?(?:\s+(?:PRESENTED|FOR\s+REVIEW|AT\s+ISSUE|REVIEWED))?$"
        # a plain-language letter's: ``What You Asked Us to Review``, ``What the Member Asked For``
        r"|WHAT\s+(?:YOU|THE\s+(?:PATIENT|ENROLLEE|MEMBER|PROVIDER))\s+ASKED\s+(?:US\s+)?"
        r"(?:TO\s+REVIEW|FOR))\b",
    ),
    (
        "clinical_history",
        r"\b(?:HISTORY|BACKGROUND|SYNOPSIS"
        r"|CLINICAL\s+(?:SUMMARY|RECORDS|FACTS|PRESENTATION|COURSE|OVERVIEW|NARRATIVE|INFORMATION)"
        r"|CASE\s+SUMMARY|SUMMARY\s+OF\s+(?:THE\s+)?(?:CASE|CLINICAL|MEDICAL|PATIENT))\b",
    ),
    (
        "information_provided",
        r"\b(?:RECORDS?|DOCUMENTS?|DOCUMENTATION|INFORMATION|MATERIALS?|EVIDENCE)\b",
    ),
    (
        "review_outcome",
        # (never ``Conclusion``: the analysis's last paragraph)
        r"\b(?:OUTCOME|DECISION|DETERMINATION|RESULTS?|FINDINGS?|RULING"
        # (a question: ``What did the reviewer decide?``)
        r"|(?:REVIEWER|WE)\s+DECIDE)\b",
    ),
    # the letter's close: ``Independence and Appeal``, ``Your Rights``
    ("other", r"\b(?:INDEPENDENCE|APPEALS?|RIGHTS)\b"),
)
"""``(kind, pattern)`` in the order they are tried."""

NOT_HEADING_WORDS = (
    # a sentence's verbs, a letter's title and close, its pages, an organisation's name
    # (not a relative clause's: ``The service that was denied``)
    r"\b(?<!\bTHAT\s)(?:IS|ARE|WAS|WERE|BE|BEEN|HAS|HAVE|HAD|WILL|SHALL|MAY|SHOULD|WOULD|CAN|DOES"
    r"|DID|NOT"
    r"|DEAR|SINCERELY|PAGE|INC|LLC|PLLC|PA|LLP|CORPORATION|DEPARTMENT|DIVISION|COMMISSION"
    r"|MANAGER|COORDINATOR|DIRECTOR|COMMITTEE|PROGRAM|OFFICE|SUITE|NOTICE|LETTER)\b"
    r"|^(?:RE|TO|FROM|CC)\b"
    # a letter's title: ``IRO DECISION - WC``
    r"|\b(?:WC|HMO|NETWORK)$"
)
"""Words no heading found by its key words holds."""

TITLE_NOT_HEADING_WORDS = r"\bREVIEW\s+(?:ORGANIZATION\s+)?DECISION$"
"""Words of a letter's title (``TEXAS INDEPENDENT REVIEW DECISION``): no heading found by
its key words holds them, unless a colon ends them (``Independent Review Decision:``, the
outcome's heading in a house's words)."""

TITLE_WORDS = r"^INDEPENDENT\s+REVIEW\b"
"""Words that open a letter's title (``INDEPENDENT REVIEW DETERMINATION``): a line holding
them before any section has opened is the title; after one, a heading (``C. Independent
Review Determination``, ``INDEPENDENT REVIEW OUTCOME``)."""

SENTENCE_HEADING = (
    r"(?i)(?P<subject>[A-Z][\w'’ ,-]{2,120}?)\s+"
    r"(?:(?:(?:is|are|was|were)\s+)?(?:described\s+)?as\s+follows"
    r"|(?:is|are|was|were)\s+(?:these|this|listed\s+below|below)"
    r"|(?:is|are|was|were|include[sd]?)"
    r"|(?:was|were)\s+(?:reviewed|performed|conducted)\s+by"
    r"|(?:is\s+for\s+)?the\s+following(?:\s+[a-z()]+){0,2})\s*:"
    r"|(?P<subject>[A-Z][\w'’ ,-]{2,120}?)\s+(?:(?:is|are)\s+as\s+)?follows\s*[.:]"
    # ``The reviewer received and examined these records:``, ``This case was reviewed by a
    # physician with these credentials:`` (the subject: what ``these`` names); ``The clinical
    # history ... is summarized below:``
    r"|[A-Z][\w'’ ,-]{2,120}?\s+(?:with\s+)?these\s+(?P<subject>[a-z]+)\s*:"
    r"|(?P<subject>[A-Z][\w'’-]*(?: [\w'’-]+)*?)(?:,[\w'’ ,-]{2,100}?)?\s+(?:is|are)\s+summarized"
    r"\s+(?:below|here)\s*:"
    # ``The following documentation was submitted by ... and was considered in this review:``
    r"|The\s+following\s+(?P<subject>[a-z]+)\b[^:]{0,120}:"
    # or any sentence of the letter's own that names its section, ended by its colon: ``The
    # following services were in dispute:``, ``The reviewer's analysis and explanation of the
    # decision, including ...:``, ``The screening criteria or other clinical basis used to
    # make the decision:`` (the whole sentence, known by :data:`STATUTORY_PHRASES`)
    r"|(?P<whole>(?:The|This|Our)\s[^:]{2,200}?)\s*:"
    # ``In reaching this decision the reviewer relied on:``
    r"|(?P<whole>[A-Z][^:]{2,120}?\brelied\s+(?:up)?on)\s*:"
)
"""A sentence a letter writes as a section's heading, alone on its line, its subject captured:
``The reviewer's qualifications are as follows:``, ``We reviewed the following:``, ``Records
furnished to the reviewer were:``, ``A brief history of the case follows.`` The subject's
words tell the section (:data:`SENTENCE_SUBJECT_WORDS`, then :data:`HEADING_WORDS`)."""

STATUTORY_PHRASES: tuple[tuple[str, str], ...] = (
    ("services_in_dispute", r"\bSERVICES?\s+(?:(?:WERE|WAS|ARE|IS)\s+)?IN\s+DISPUTE\b"),
    ("analysis", r"\bANALYSIS\s+AND\s+EXPLANATION\b|\bEXPLANATION\s+OF\s+THE\s+DECISION\b"),
    ("criteria", r"\bSCREENING\s+CRITERIA\b.*\bCLINICAL\s+BASIS\b|\bCLINICAL\s+BASIS\s+USED\b"),
    ("information_provided", r"\bPROVIDED\s+TO\s+THE\s+(?:IRO|REVIEWER)\b"),
    ("clinical_history", r"\bCLINICAL\s+HISTORY\b"),
    ("reviewer_qualifications", r"\bQUALIFICATIONS\s+OF\s+THE\s+(?:REVIEWER|PHYSICIAN)\b"),
    ("criteria", r"\bRELIED\s+(?:UP)?ON$"),
    # ``The reviewer used the following guidelines:``
    ("criteria", r"\b(?:USED|APPLIED|CONSULTED)\s+THE\s+FOLLOWING\s+(?:GUIDELINES|CRITERIA)$"),
)
"""``(kind, pattern)`` over the words of a whole sentence ended by its colon
(:data:`SENTENCE_HEADING`'s last shape): the statutory heading's own words inside it tell its
section (``The reviewer's analysis and explanation of the decision, including ...:``); a
sentence that merely names a guideline (``The ODG criteria ... are also met:``) tells none."""

SENTENCE_SUBJECT_WORDS: tuple[tuple[str, str], ...] = (
    ("information_provided", r"^WE\s+(?:REVIEWED|RECEIVED|CONSIDERED|EXAMINED)$"),
    ("services_in_dispute", r"\b(?:CARE|REQUEST)\s+(?:IN\s+DISPUTE|IS\s+FOR|UNDER\s+REVIEW)\b"),
    ("services_in_dispute", r"^(?:THE\s+)?(?:REQUEST|QUESTION)(?:\s+IS\s+FOR)?$"),
    ("clinical_history", r"\bFACTS\s+OF\s+(?:THE|THIS)\s+CASE\b"),
    # ``The case was reviewed by:``, ``The review was performed by:``
    ("reviewer_qualifications", r"^(?:THE|THIS)\s+(?:CASE|REVIEW)$"),
)
"""``(kind, pattern)`` over a sentence heading's subject's words, tried before
:data:`HEADING_WORDS`: the subjects only a sentence has (``We reviewed``, ``The care in
dispute``, ``The request is for``, ``The facts of the case``)."""

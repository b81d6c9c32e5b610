"""Headings as families of wordings: the parts letters compose in many orders (``SERVICE(S)
AT ISSUE``, ``DISPUTED HEALTH CARE SERVICES``, ``DESCRIPTION AND SOURCE OF SCREENING CRITERIA
USED``), so that a heading nobody listed in :mod:`iroparse.tables.headings` is still read.
:class:`iroparse._pipeline.headings.HeadingMatcher` matches each family with one pattern."""

from __future__ import annotations

__all__ = ["HEADING_FAMILIES"]

#: Optional words: a part of a heading family that a letter may leave out.
_MAY_OMIT = ("",)

_DESCRIPTION_OF = ("A DESCRIPTION OF THE", "DESCRIPTION OF THE", "DESCRIPTION OF")
_SERVICE_NOUNS = (
    "SERVICE",
    "SERVICES",
    "SERVICE OR SERVICES",
    "HEALTH CARE SERVICE",
    "HEALTH CARE SERVICES",
    "MEDICAL SERVICE",
    "MEDICAL SERVICES",
    "TREATMENT",
    "TREATMENTS",
    "PROCEDURE",
    "PROCEDURES",
    "ITEM",
    "ITEMS",
    "MEDICATION",
    "MEDICATIONS",
)
_SERVICE_BEFORE = ("DISPUTED", "REQUESTED", "PROPOSED")
_SERVICE_AFTER = (
    "IN DISPUTE",
    "AT ISSUE",
    "REQUESTED",
    "UNDER REVIEW",
    "REVIEWED",
    "IN QUESTION",
    "DISPUTED",
    "UNDER DISPUTE",
    "BEING DISPUTED",
    "DENIED",
)
_QUALIFICATIONS = ("QUALIFICATIONS", "CREDENTIALS", "QUALIFICATIONS AND CREDENTIALS")
_WHO_REVIEWED = (
    "THE REVIEWER",
    "REVIEWER",
    "THE PHYSICIAN REVIEWER",
    "THE PEER REVIEWER",
    "THE INDEPENDENT REVIEWER",
    "THE REVIEWING PHYSICIAN",
    "THE REVIEWING PROVIDER",
    "THE PHYSICIAN",
    "THE PHYSICIAN OR OTHER HEALTH CARE PROVIDER",
    "THE PHYSICIAN OR OTHER HEALTH CARE PROVIDER WHO REVIEWED THE DECISION",
    "EACH PHYSICIAN OR OTHER HEALTH CARE PROVIDER WHO REVIEWED THE DECISION",
    "THE PROVIDER WHO REVIEWED THE DECISION",
    "THE HEALTH CARE PROVIDER WHO REVIEWED THE DECISION",
    "THE PHYSICIAN WHO REVIEWED THE DECISION",
    # who performed it, in a house's words: ``CREDENTIALS OF THE HEALTH CARE PROVIDER WHO
    # PERFORMED THE REVIEW``
    *(
        f"THE {provider} WHO {did} THE {what}"
        for provider in ("PHYSICIAN", "PROVIDER", "HEALTH CARE PROVIDER", "CLINICIAN")
        for did in ("PERFORMED", "CONDUCTED", "COMPLETED")
        for what in ("REVIEW", "INDEPENDENT REVIEW")
    ),
)
_REVIEWER = (
    "REVIEWER",
    "REVIEWER'S",
    "PHYSICIAN REVIEWER",
    "PHYSICIAN REVIEWER'S",
    "PEER REVIEWER",
    "INDEPENDENT REVIEWER",
    "REVIEWING PHYSICIAN",
)
_RECORDS = (
    "RECORDS",
    "DOCUMENTS",
    "INFORMATION",
    "DOCUMENTATION",
    "MATERIALS",
    "MEDICAL RECORDS",
    "RECORDS AND DOCUMENTS",
    "DOCUMENTS AND RECORDS",
)
_RECORDS_AFTER = (
    "REVIEWED",
    "RECEIVED",
    "PROVIDED",
    "SUBMITTED",
    "CONSIDERED",
    "UTILIZED",
    "RELIED UPON",
    "RECEIVED AND REVIEWED",
    "PROVIDED FOR REVIEW",
    "SUBMITTED FOR REVIEW",
    "AVAILABLE FOR REVIEW",
    "PROVIDED TO THE IRO",
    "PROVIDED TO THE IRO FOR REVIEW",
    "SUBMITTED TO THE IRO",
    "USED IN THE REVIEW",
    "REVIEWED BY THE REVIEWER",
)
_CRITERIA_SOURCE = (
    "A DESCRIPTION AND THE SOURCE OF THE",
    "DESCRIPTION AND THE SOURCE OF THE",
    "DESCRIPTION AND SOURCE OF THE",
    "DESCRIPTION AND SOURCE OF",
    "SOURCE OF THE",
    "SOURCE OF",
)
#: The screening criteria's own names, a heading by themselves
_SCREENING_CRITERIA = (
    "SCREENING CRITERIA",
    "SCREENING CRITERIA OR OTHER CLINICAL BASIS",
    "SCREENING CRITERIA AND CLINICAL BASIS",
    "SCREENING CRITERIA AND OTHER CLINICAL BASIS",
    "SCREENING CRITERIA/CLINICAL BASIS",
    "SCREENING CRITERIA AND GUIDELINES",
    "CRITERIA/GUIDELINES",
    "CRITERIA AND GUIDELINES",
    "GUIDELINES AND CRITERIA",
    # (both words of the statutory heading: no paragraph of the analysis is labelled so)
    "CRITERIA AND CLINICAL BASIS",
    "CRITERIA/CLINICAL BASIS",
)
#: Words that also label a paragraph of the analysis (``Clinical Guidelines: The ODG ...``):
#: a heading only with a word saying they were used, or under a description of their source
_CRITERIA_WORDS = (
    "CRITERIA",
    "CLINICAL CRITERIA",
    "REVIEW CRITERIA",
    "GUIDELINES",
    "CLINICAL GUIDELINES",
    "CLINICAL BASIS",
)
_CRITERIA_AFTER = (
    "USED",
    "UTILIZED",
    "APPLIED",
    "RELIED UPON",
    "CONSIDERED",
    "REFERENCED",
    "USED TO MAKE THE DECISION",
    "USED IN MAKING THE DECISION",
    "USED IN THE DECISION",
    "USED FOR THE DECISION",
    "USED IN THE REVIEW",
    "FOR THE DECISION",
)
#: (never ``DISCUSSION`` alone: a paragraph's label in the analysis, ``Discussion: The ...``)
_ANALYSIS = (
    "ANALYSIS",
    "RATIONALE",
    "ANALYSIS AND RATIONALE",
    "RATIONALE AND ANALYSIS",
    "ANALYSIS AND EXPLANATION",
    "DISCUSSION AND RATIONALE",
    "EXPLANATION",
    "CLINICAL RATIONALE",
    "CLINICAL ANALYSIS",
)
_ANALYSIS_OF = (
    "FOR THE DECISION",
    "FOR DECISION",
    "FOR THE DETERMINATION",
    "OF THE DECISION",
    "OF THE DETERMINATION",
    "FOR THE REVIEW DECISION",
    "OF THE REVIEW DECISION",
)
_CLINICAL_HISTORY = (
    "CLINICAL HISTORY",
    "MEDICAL HISTORY",
    "CASE HISTORY",
    "CLINICAL SUMMARY",
    "CASE SUMMARY",
    "CLINICAL BACKGROUND",
    "MEDICAL BACKGROUND",
    "SUMMARY OF CLINICAL HISTORY",
    "SUMMARY OF MEDICAL HISTORY",
    "SUMMARY OF THE CLINICAL HISTORY",
    "SUMMARY OF THE MEDICAL HISTORY",
    "SUMMARY OF THE CASE",
    "SUMMARY OF RECORDS",
    "SUMMARY OF THE RECORDS",
    "SUMMARY OF MEDICAL RECORDS",
    "HISTORY",
)
#: (never ``INDEPENDENT REVIEW DECISION``: a letter's title and running header)
_OUTCOME_WHOSE = ("REVIEW", "IRO", "REVIEWER'S", "REVIEWER", "FINAL")
_OUTCOME = ("OUTCOME", "DECISION", "DETERMINATION")
_OUTCOME_OF = ("OF THE REVIEW", "OF THE REVIEWER", "OF THE IRO", "OF THE INDEPENDENT REVIEW")

HEADING_FAMILIES: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    # services: a noun with what was done to it before or after (``DISPUTED SERVICES``,
    # ``SERVICE(S) AT ISSUE``), or a description of it (``DESCRIPTION OF THE TREATMENT``)
    (
        "services_in_dispute",
        (_DESCRIPTION_OF + _MAY_OMIT, _SERVICE_BEFORE, _SERVICE_NOUNS, _SERVICE_AFTER + _MAY_OMIT),
    ),
    ("services_in_dispute", (_DESCRIPTION_OF + _MAY_OMIT, _SERVICE_NOUNS, _SERVICE_AFTER)),
    ("services_in_dispute", (_DESCRIPTION_OF, ("THE", *_MAY_OMIT), _SERVICE_NOUNS)),
    # a sentence's subject that a letter uses as its heading: ``The services under dispute
    # are:``
    (
        "services_in_dispute",
        (
            ("THE",),
            _SERVICE_NOUNS,
            _SERVICE_AFTER,
            ("ARE", "IS", "ARE AS FOLLOWS", "IS AS FOLLOWS"),
        ),
    ),
    (
        "reviewer_qualifications",
        (_DESCRIPTION_OF + _MAY_OMIT, _QUALIFICATIONS, ("OF", "FOR"), _WHO_REVIEWED),
    ),
    ("reviewer_qualifications", (_DESCRIPTION_OF + _MAY_OMIT, _REVIEWER, _QUALIFICATIONS)),
    # a sentence's subject as the heading: ``The reviewer's qualifications are as follows:``
    (
        "reviewer_qualifications",
        (
            (
                "THE REVIEWER'S",
                "THE REVIEWING PHYSICIAN'S",
                "THE PHYSICIAN'S",
                "THE REVIEWING DOCTOR'S",
            ),
            _QUALIFICATIONS,
            ("ARE AS FOLLOWS", "ARE", "INCLUDE"),
        ),
    ),
    ("review_outcome", (_OUTCOME_WHOSE + _MAY_OMIT, _OUTCOME, _OUTCOME_OF + _MAY_OMIT)),
    (
        "information_provided",
        (("LIST OF", "MEDICAL", "LIST OF MEDICAL", *_MAY_OMIT), _RECORDS, _RECORDS_AFTER),
    ),
    # a sentence as the heading: ``The following documents were furnished for this review:``
    (
        "information_provided",
        (
            ("THE FOLLOWING",),
            ("DOCUMENTS", "RECORDS", "MEDICAL RECORDS", "INFORMATION"),
            ("WERE", "WAS"),
            ("FURNISHED", "PROVIDED", "SUBMITTED", "RECEIVED", "REVIEWED", "RECEIVED AND REVIEWED"),
            ("FOR THIS REVIEW", "FOR REVIEW", "TO THE IRO", *_MAY_OMIT),
        ),
    ),
    (
        "clinical_history",
        (("PATIENT", "BRIEF", "PERTINENT", "RELEVANT", "PATIENT'S", *_MAY_OMIT), _CLINICAL_HISTORY),
    ),
    ("clinical_history", (("PATIENT", "BRIEF", "PERTINENT"), _CLINICAL_HISTORY, ("SUMMARY",))),
    ("analysis", ((*_REVIEWER, "CLINICAL", *_MAY_OMIT), _ANALYSIS, _ANALYSIS_OF + _MAY_OMIT)),
    (
        "criteria",
        (_CRITERIA_SOURCE + _MAY_OMIT, _SCREENING_CRITERIA, _CRITERIA_AFTER + _MAY_OMIT),
    ),
    ("criteria", (_CRITERIA_SOURCE + _MAY_OMIT, _CRITERIA_WORDS, _CRITERIA_AFTER)),
    ("criteria", (_CRITERIA_SOURCE, _CRITERIA_WORDS)),
    (
        "case_number",
        (
            ("IRO", "IRO'S", "INDEPENDENT REVIEW"),
            ("CASE", "FILE", "REFERENCE", "TRACKING", "REVIEW"),
            # never bare: ``IRO Case Management`` signs a letter
            ("NUMBER", "NO", "#"),
        ),
    ),
    # the appeal rights after the decision: ``YOUR RIGHT TO A HEARING``, ``Appeal Process``
    (
        "other",
        (
            ("YOUR", "NOTICE OF", "NOTICE OF YOUR", *_MAY_OMIT),
            ("RIGHT", "RIGHTS"),
            (
                "TO A HEARING",
                "TO HEARING",
                "TO REQUEST A HEARING",
                "TO A CONTESTED CASE HEARING",
                "TO REQUEST A CONTESTED CASE HEARING",
                "TO APPEAL",
                "TO FURTHER REVIEW",
                "TO SEEK JUDICIAL REVIEW",
                "OF APPEAL",
            ),
        ),
    ),
    ("other", (("APPEAL", "HEARING"), ("RIGHTS", "INFORMATION", "PROCESS", "PROCEDURES"))),
    # (never ``IRO NO``, ``IRO #``: squashed, they start ``IRO NOTICE OF DECISION``)
    ("case_number", (("IRO", "INDEPENDENT REVIEW"), ("NUMBER",))),
)
"""Headings written as a product of parts, ``(kind, parts)``: every choice of one wording per
part, in order, is a heading of that kind (``""`` marks a part a letter may leave out). Letters
compose the same few words in many orders (``SERVICE(S) AT ISSUE``, ``DISPUTED HEALTH CARE
SERVICES``, ``DESCRIPTION AND SOURCE OF SCREENING CRITERIA USED``); a family names them all
without listing each. Families are matched word for word (typos are forgiven only for the
wordings of :data:`HEADING_WORDINGS`), by one pattern per family, so their size costs nothing."""

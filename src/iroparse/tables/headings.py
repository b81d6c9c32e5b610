"""The wording of the statutory sections' headings, as data: each row is a section kind,
its headings as letters write them, and a rank (0 for an IRO's own heading; 1 for a heading a
letter may also carry that yields to it, as a summary box's ``Case Number`` yields to ``IRO
CASE #``). :data:`iroparse.catalogue.HEADINGS` is built from it; plugins add wordings through
the ``iroparse_heading_aliases`` hook."""

from __future__ import annotations

__all__ = ["HEADING_WORDINGS", "MERGED_READINGS", "SECOND_READINGS"]


def _wordings(kind: str, *texts: str, rank: int = 0) -> list[tuple[str, str, int]]:
    return [(kind, text, rank) for text in texts]


HEADING_WORDINGS: tuple[tuple[str, str, int], ...] = tuple(
    _wordings("title", "NOTICE OF INDEPENDENT REVIEW DECISION", "NOTICE OF DECISION")
    # a summary box's title, over the case's labels and values: no records' heading (nor the
    # letter's title written again)
    + _wordings(
        "other", "CASE INFORMATION", "CLAIM INFORMATION", "PATIENT INFORMATION", "CASE DETAILS"
    )
    # a summary box's label of the review's kind (``Type of Review    Workers' Compensation -
    # Preauthorization``): a label of its own, not the first line of the next one
    + _wordings("other", "TYPE OF REVIEW", "REVIEW TYPE", rank=1)
    + _wordings(
        "review_date",
        "DATE OF REVIEW",
        "REVIEW DATE",
        "DATE OF THE REVIEW",
        # when the review was done: ``Review completed:  January 14, 2025``
        "REVIEW COMPLETED",
        "DATE REVIEW COMPLETED",
        "REVIEW COMPLETED ON",
    )
    + _wordings(
        "review_date",
        "DATE NOTICE SENT TO ALL PARTIES",
        "DATE NOTICE SENT",
        "DATE SENT",
        "DATE OF DECISION",
        "DECISION DATE",
        "DATE OF NOTICE",
        "NOTICE DATE",
        rank=1,
    )
    + _wordings(
        "case_number",
        "IRO CASE #",
        "IRO CASE NUMBER",
        "IRO CASE NO",
        "IRO REFERENCE #",
        "IRO CASE IDENTIFIER",
    )
    # a summary box's ``Case Number:`` (an IRO's own heading wins when the letter has both)
    + _wordings("case_number", "CASE NUMBER", "CASE #", "CASE NO", rank=1)
    + _wordings(
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
        # a plain-language letter's
        "WHAT YOU ASKED US TO REVIEW",
        "WHAT YOU ASKED US TO DECIDE",
        "DISPUTED SERVICE(S)",
        "DISPUTED SERVICES",
        "DISPUTED SERVICE",
        "QUESTION(S) UNDER REVIEW",
        # a request in the plain words of a designed letter
        "WHAT WAS REVIEWED",
        "WHAT WAS REQUESTED",
        "THE REQUEST",
        "REQUEST UNDER REVIEW",
        "REQUEST IN DISPUTE",
        "REQUEST FOR REVIEW",
        "QUESTION UNDER REVIEW",
        "ITEM IN DISPUTE",
        "ITEMS IN DISPUTE",
        "SERVICE REVIEWED",
        "SERVICES REVIEWED",
        "TREATMENT REQUESTED",
        "TREATMENT(S) REQUESTED",
        "REQUESTED TREATMENT",
        "PROCEDURE REQUESTED",
        "REQUESTED PROCEDURE(S)",
        "REQUESTED PROCEDURE",
        "SERVICE UNDER REVIEW",
        "SERVICES UNDER REVIEW",
    )
    + _wordings(
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
        "REVIEWER INFORMATION",
        "REVIEWER CREDENTIALS",
        "THE REVIEWER",
        "PHYSICIAN REVIEWER",
        "REVIEWER'S CREDENTIALS",
        "REVIEWER",
        # a plain-language letter's: ``About the reviewer``
        "ABOUT THE REVIEWER",
        "ABOUT YOUR REVIEWER",
    )
    + _wordings(
        "review_outcome",
        "REVIEW OUTCOME",
        "INDEPENDENT REVIEW OUTCOME",
        "INDEPENDENT REVIEW DETERMINATION",
        "DECISION OUTCOME",
        "REVIEW DECISION",
        "DECISION",
        "DETERMINATION",
        "REVIEWER'S DETERMINATION",
        "REVIEWER DETERMINATION",
        "REVIEWER'S DECISION",
        "REVIEWER DECISION",
        "DECISION OF THE REVIEWER",
        # the outcome and its reasons under one heading: the outcome's boxes come first
        "REVIEW OUTCOME AND EXPLANATION OF THE DECISION",
        "REVIEW OUTCOME AND RATIONALE",
        # a plain-language letter's: ``Outcome of review`` (and ``Outcome:`` alone)
        "OUTCOME",
        "OUTCOME OF REVIEW",
        "OUTCOME OF THE REVIEW",
    )
    # a summary box's title: the letter's own REVIEW OUTCOME wins when it has both
    + _wordings("review_outcome", "SUMMARY OF DETERMINATION", rank=1)
    + _wordings(
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
        "RECORDS CONSIDERED",
        "DOCUMENTS CONSIDERED",
        "DOCUMENTATION REVIEWED",
        "INFORMATION SUBMITTED FOR REVIEW",
        "MATERIALS REVIEWED",
        "RECORDS RECEIVED",
        "RECORDS PROVIDED FOR REVIEW",
        "RECORDS PROVIDED",
        "RECORDS SUBMITTED",
        "DOCUMENTS RECEIVED",
        "INFORMATION RECEIVED",
    )
    + _wordings(
        "clinical_history",
        "PATIENT CLINICAL HISTORY SUMMARY",
        "PATIENT CLINICAL HISTORY",
        "CLINICAL HISTORY SUMMARY",
        "SUMMARY OF CLINICAL HISTORY",
        "CLINICAL HISTORY",
        "CLINICAL SUMMARY",
        "BRIEF CLINICAL HISTORY",
        "PERTINENT CLINICAL HISTORY",
        "CLINICAL BACKGROUND",
        "BRIEF CLINICAL SUMMARY",
        "SUMMARY OF THE CASE",
        "SUMMARY OF MEDICAL HISTORY",
        "PATIENT HISTORY",
        "SUMMARY OF RECORDS",
        "SUMMARY OF MEDICAL RECORDS",
        "HISTORY",
    )
    # (a summary box's heading too: a letter with both reads its history under the other)
    + _wordings("clinical_history", "CASE SUMMARY", rank=1)
    + _wordings(
        "analysis",
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDE CLINICAL BASIS, FINDINGS, AND"
        " CONCLUSIONS USED TO SUPPORT THE DECISION",
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND"
        " CONCLUSIONS USED TO SUPPORT THE DECISION",
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND"
        " CONCLUSIONS",
        "ANALYSIS AND EXPLANATION OF THE DECISION",
        # the statute's wording without its first words, or its last
        "EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND CONCLUSIONS USED TO"
        " SUPPORT THE DECISION",
        "EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND CONCLUSIONS",
        "RATIONALE/BASIS FOR DECISION",
        "RATIONALE FOR THE DECISION",
        "RATIONALE FOR DECISION",
        "RATIONALE FOR THE DETERMINATION",
        "RATIONALE FOR DETERMINATION",
        "REVIEWER'S RATIONALE",
        "CLINICAL RATIONALE",
        "RATIONALE",
        "BASIS FOR THE DECISION",
        "BASIS FOR DECISION",
        "ANALYSIS AND EXPLANATION",
        "EXPLANATION OF THE DECISION",
        "EXPLANATION",
        "EXPLANATION OF THE DETERMINATION",
        "EXPLANATION OF DETERMINATION",
        "REASONS FOR THE DECISION",
        "REASONS FOR DECISION",
        "REASONS FOR THE DETERMINATION",
        "DECISION AND RATIONALE",
        "BASIS FOR DETERMINATION",
        "BASIS FOR THE DETERMINATION",
        "ANALYSIS AND RATIONALE",
        "CLINICAL ANALYSIS",
        "ANALYSIS",
        # a plain-language letter's: ``Why this decision was made (analysis and explanation)``
        "WHY THIS DECISION WAS MADE",
        "WHY THE DECISION WAS MADE",
        "WHY WE MADE THIS DECISION",
    )
    + _wordings(
        "criteria",
        "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED"
        " TO MAKE THE DECISION",
        "DESCRIPTION AND SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO MAKE"
        " THE DECISION",
        "SCREENING CRITERIA / CLINICAL BASIS",
        "SCREENING CRITERIA / CLINICAL BASIS USED",
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
        "STANDARDS USED",
        "CLINICAL BASIS",
        "SOURCES RELIED UPON",
        "SCREENING CRITERIA AND CLINICAL BASIS USED FOR THE DECISION",
        "SCREENING CRITERIA / CLINICAL BASIS FOR THE DECISION",
        # (the two named the other way round)
        "CLINICAL BASIS / SCREENING CRITERIA",
        "CLINICAL BASIS / SCREENING CRITERIA USED TO MAKE THE DECISION",
        "CLINICAL BASIS AND SCREENING CRITERIA USED TO MAKE THE DECISION",
    )
    + _wordings(
        "other",
        # a plain-language summary for the enrollee after the analysis
        "IN PLAIN LANGUAGE",
        "PLAIN LANGUAGE SUMMARY",
        "SUMMARY IN PLAIN LANGUAGE",
        "YOUR RIGHT TO APPEAL",
        "RIGHT TO APPEAL",
        "NOTICE OF RIGHT TO APPEAL",
        "NOTICE OF APPEAL RIGHTS",
        "YOUR APPEAL RIGHTS",
        "YOUR RIGHT TO REQUEST A HEARING",
        "RIGHT TO REQUEST A HEARING",
        "YOUR RIGHT TO FURTHER REVIEW",
        "RIGHT TO FURTHER REVIEW",
        "YOUR RIGHT TO JUDICIAL REVIEW",
        "RIGHT TO JUDICIAL REVIEW",
        "NOTICE OF RIGHT TO JUDICIAL REVIEW",
        "APPEAL RIGHTS",
        "APPEAL RIGHTS AND CERTIFICATE OF SERVICE",
        "APPEAL INFORMATION",
        "CERTIFICATION",
        "CERTIFICATION AND NOTICE",
        "CERTIFICATE OF INDEPENDENCE",
        "CERTIFICATION OF INDEPENDENCE",
        "CERTIFICATION OF INDEPENDENCE OF REVIEWER",
        "CERTIFICATION OF INDEPENDENCE OF THE REVIEWER",
        "NOTICE OF RIGHTS",
        "YOUR RIGHTS",
        "CERTIFICATE OF SERVICE",
        "STATEMENT OF INDEPENDENCE",
        "CONFLICT OF INTEREST",
        "CONFLICTS OF INTEREST",
        "NO CONFLICT OF INTEREST",
        "CONFLICT OF INTEREST STATEMENT",
        "DISCLAIMER",
        "COPIES TO",
        "NOTICE ABOUT CERTAIN INFORMATION LAWS AND PRACTICES",
        "NOTICE ABOUT INFORMATION LAWS AND PRACTICES",
        # the letter's close: the signature block after the analysis is no part of it
        "SINCERELY",
        "SINCERELY YOURS",
        "YOURS SINCERELY",
        "VERY TRULY YOURS",
        "RESPECTFULLY",
        "RESPECTFULLY SUBMITTED",
        "YOURS TRULY",
    )
)
"""``(kind, heading as written, rank)`` for every built-in heading, in catalogue order."""

SECOND_READINGS: dict[str, str] = {"WHAT WAS REVIEWED": "information_provided"}
"""Wordings of two meanings: ``WHAT WAS REVIEWED`` heads the request in a designed letter
(the services in dispute), but after the services' own section it heads the records the
reviewer read. Wording -> the kind it names when a section of its first kind came before."""

MERGED_READINGS: dict[str, str] = {
    "REVIEW OUTCOME AND EXPLANATION OF THE DECISION": "analysis",
    "REVIEW OUTCOME AND RATIONALE": "analysis",
}
"""Wordings that head two sections, one after the other: the outcome's boxes, then the
analysis. Wording -> the kind of the second, which opens at the first paragraph after the
last line naming an outcome."""
